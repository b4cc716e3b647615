"""Extract stage speed: pipeline load time (cold process: import + spaCy pipeline and rules built) and
extraction time per 30,000 characters of document after start-up. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/extract.py [--repeat 5]

Targets (issue 3): load <= 1.5 s, extraction <= 200 ms per 30,000-character document.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

_LOAD = """
import time
start, cpu = time.perf_counter(), time.process_time()
from pipeline.extract import engine
engine()
print(time.perf_counter() - start, time.process_time() - cpu)
"""


def load_time(repeat: int, code: str = _LOAD) -> tuple[list[float], list[float]]:
    """Wall and CPU seconds of a cold process running `code` (CPU time is steadier on a shared machine)."""
    walls, cpus = [], []
    for _ in range(repeat):
        done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
        wall, cpu = done.stdout.strip().splitlines()[-1].split()
        walls.append(float(wall))
        cpus.append(float(cpu))
    return walls, cpus


def documents() -> list[Path]:
    paths = [ROOT / "corpus" / "central" / "nq-23-NQ-CP-2022.md",
             ROOT / "corpus" / "provincial" / "kontum-implementing-nq23.txt"]
    raw = SHARED / "devset" / "raw"
    if raw.is_dir():
        paths += sorted(raw.glob("*.txt"))
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    from pipeline.extract import engine, extract
    from pipeline.ingest import read
    from pipeline.normalize import normalize
    from pipeline.segment import segment

    walls, cpus = load_time(args.repeat)
    print(f"load (cold process: import pipeline.extract + build spaCy pipeline and rules, {args.repeat} runs): "
          f"median {statistics.median(walls) * 1000:.0f} ms wall, {statistics.median(cpus) * 1000:.0f} ms CPU  "
          f"(target <= 1500 ms)")
    spacy_walls, spacy_cpus = load_time(args.repeat, _LOAD.replace(
        "from pipeline.extract import engine\nengine()", "import spacy"))
    print(f"  of which `import spacy` alone: median {statistics.median(spacy_walls) * 1000:.0f} ms wall, "
          f"{statistics.median(spacy_cpus) * 1000:.0f} ms CPU")
    engine()
    total_chars, total_time = 0, 0.0
    for path in documents():
        source = read(path)
        doc = segment(normalize(source), source)
        chars = len(source.text)
        runs = []
        for _ in range(args.repeat):
            start = time.process_time()
            extract(doc)
            runs.append(time.process_time() - start)
        best = statistics.median(runs)
        total_chars += chars
        total_time += best
        print(f"  {path.name}: {chars} chars, {len(doc.tasks)} tasks, extract median {best * 1000:.1f} ms CPU "
              f"({best * 1000 * 30000 / max(chars, 1):.1f} ms per 30,000 chars)")
    print(f"extraction after start-up: {total_time * 1000 * 30000 / total_chars:.1f} ms per 30,000-character "
          f"document over {total_chars} chars  (target <= 200 ms)")


if __name__ == "__main__":
    main()
