"""Parse time (ingest -> normalize -> segment) per document and for 1x, 10x, 100x concatenations of the seed
text, after start-up (rules loaded, one warm-up parse). Prints figures; asserts nothing.

    .venv/bin/python benchmarks/parse.py [--repeat 5] [--write-results DIR]

--write-results DIR also writes DIR/seed.json and DIR/dev.json (segmentation only, no roles or links) for
the referee: score.py DIR/seed.json -v ; score.py DIR/dev.json --gold-dir ../shared/devset/gold -v

Target: at most 50 ms per 30,000 characters, growing linearly with the length.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import json  # noqa: E402

from pipeline.fsutil import atomic_write_text  # noqa: E402
from pipeline.ingest import from_string, read  # noqa: E402
from pipeline.model import Result  # noqa: E402
from pipeline.normalize import normalize  # noqa: E402
from pipeline.segment import segment  # noqa: E402

SEEDS = [ROOT / "corpus" / "central" / "nq-23-NQ-CP-2022.md", ROOT / "corpus" / "provincial" / "kontum-implementing-nq23.txt"]
DEVSET = ROOT.parent / "shared" / "devset" / "raw"


def timed(source, repeat: int) -> tuple[float, int]:
    """Best seconds of normalize + segment over `repeat` runs (the machine is shared: the minimum is the
    least disturbed figure), and the number of tasks found."""
    times, tasks = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        doc = segment(normalize(source), source)
        times.append(time.perf_counter() - start)
        tasks = len(doc.tasks)
    return min(times), tasks


def line(name: str, chars: int, seconds: float, tasks: int) -> str:
    per_30k = seconds * 1000 * 30000 / max(chars, 1)
    return f"{name:<62} {chars:>9,} chars {seconds * 1000:>9.1f} ms {per_30k:>7.1f} ms/30k chars {tasks:>6} tasks"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--write-results", type=Path, default=None, help="directory for seed.json and dev.json")
    args = parser.parse_args()
    if args.write_results:
        write_results(args.write_results)
    start = time.perf_counter()
    warm = read(SEEDS[0])
    segment(normalize(warm), warm)
    print(f"start-up (imports done; rules loaded + first parse): {(time.perf_counter() - start) * 1000:.0f} ms")
    print("per document (normalize + segment, best of", args.repeat, "runs)")
    documents = SEEDS + (sorted(DEVSET.glob("*.txt")) if DEVSET.exists() else [])
    for path in documents:
        source = read(path)
        seconds, tasks = timed(source, args.repeat)
        print(line(path.name, len(source.text), seconds, tasks))
    print("concatenations of the seed text (central + provincial, whole files one after the other)")
    seed = "\n\n".join(p.read_text(encoding="utf-8") for p in SEEDS)
    for copies in (1, 10, 100):
        source = from_string("\n\n".join([seed] * copies), name=f"seed x{copies}", kind="md")
        seconds, tasks = timed(source, args.repeat if copies < 100 else 2)
        print(line(f"seed x{copies}", len(source.text), seconds, tasks))
    print("one long resolution: the central header, its body (parts I-IV) repeated, its closing")
    central = SEEDS[0].read_text(encoding="utf-8")
    body_start, body_end = central.index("## **I."), central.index("**Nơi nhận:**")
    head, body, tail = central[:body_start], central[body_start:body_end], central[body_end:]
    for copies in (1, 10, 100):
        source = from_string(head + body * copies + tail, name=f"body x{copies}", kind="md")
        seconds, tasks = timed(source, args.repeat if copies < 100 else 2)
        print(line(f"central body x{copies}", len(source.text), seconds, tasks))


def write_results(out: Path) -> None:
    """Segmentation-only result files of the seed pair and of the dev set, in the referee's schema."""
    out.mkdir(parents=True, exist_ok=True)
    sets = {"seed.json": [(p, "central" if "central" in p.parts else "provincial") for p in SEEDS]}
    if DEVSET.exists():
        sets["dev.json"] = [(p, "central" if p.name.startswith("central") else "provincial")
                            for p in sorted(DEVSET.glob("*.txt"))]
    for name, documents in sets.items():
        parsed = []
        for path, role in documents:
            source = read(path)
            parsed.append(segment(normalize(source), source, doc_id=path.stem, role=role))
        atomic_write_text(out / name, json.dumps(Result(documents=parsed).to_json(), ensure_ascii=False))
        print(f"wrote {out / name}")


if __name__ == "__main__":
    main()
