"""Run every benchmark script in this folder and print their figures (`make bench`)."""
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

for script in sorted(HERE.glob("*.py")):
    if script.name == Path(__file__).name:
        continue
    print(f"== {script.name}", flush=True)
    subprocess.run([sys.executable, str(script)], cwd=HERE.parent, check=False)
