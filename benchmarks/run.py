"""Wall time and peak memory of the main job (`doichieu run` on the bundled corpus) from a cold
process, all outputs included. Prints figures; asserts nothing. Target: <= 3 s on a 2-core machine.

    .venv/bin/python benchmarks/run.py [--repeat 5]

A cold process still finds the bytecode cache that any earlier run wrote (pipeline/__pycache__);
it is compiled first so that the figure is the same where PYTHONDONTWRITEBYTECODE is set.
"""
from __future__ import annotations

import argparse
import compileall
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    compileall.compile_dir(ROOT / "pipeline", quiet=1)
    times = []
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "pipeline.cli", "run", "--out", out], cwd=ROOT,
                                  capture_output=True, text=True, env={**os.environ, "COLUMNS": "120"})
            times.append(time.perf_counter() - start)
            if done.returncode != 0:
                print(done.stderr, file=sys.stderr)
                sys.exit(done.returncode)
            files = sorted(str(p.relative_to(out)) for p in Path(out).rglob("*") if p.is_file())
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"doichieu run (seed corpus, cold process, {args.repeat} runs): "
          f"median {statistics.median(times):.2f} s, min {min(times):.2f} s, max {max(times):.2f} s")
    print(f"peak resident memory of the child process: {peak_mib:.0f} MiB")
    print(f"outputs: {len(files)} files ({', '.join(files)})")


if __name__ == "__main__":
    main()
