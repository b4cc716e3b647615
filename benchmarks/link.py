"""Linking time: the seed pair (perfect parse), and 1 central x 63 provincial plans of seed size.
Prints figures; asserts nothing.

    .venv/bin/python benchmarks/link.py [--repeat 7] [--plans 63]

"After start-up" means after imports and one warm-up call (rule files loaded, scorers initialised).
The 63 plans are synthetic copies of Kon Tum's plan, each task text made distinct (a copy marker and
a word order change), so that no per-text cache is shared between copies; the central document's
texts are cached after the first plan, as they are in a real run.
Targets: <= 100 ms for the seed pair, <= 5 s for 63 plans.
"""
from __future__ import annotations

import argparse
import copy
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def synthetic_plans(provincial, count: int):
    plans = []
    for k in range(count):
        plan = copy.deepcopy(provincial)
        plan.id = f"{provincial.id}-copy{k:02d}"
        for task in plan.tasks:
            task.doc = plan.id
            words = task.text.split()
            cut = (k * 7) % max(1, len(words))
            task.text = " ".join(words[cut:] + words[:cut]) + f" (bản sao {k})"
        plans.append(plan)
    return plans


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--plans", type=int, default=63)
    args = parser.parse_args()

    start = time.perf_counter()
    from gold_documents import gold_pair

    from pipeline.linking import link

    central, provincial = gold_pair()
    print(f"start-up (imports, gold parse): {time.perf_counter() - start:.2f} s")

    start = time.perf_counter()
    links, coverage = link(central, provincial)
    print(f"seed pair, first call (rules loaded, caches cold): {(time.perf_counter() - start) * 1000:.0f} ms "
          f"({len(central.tasks)} x {len(provincial.tasks)} tasks, {len(links)} links)")

    times = []
    for _ in range(args.repeat):
        fresh = synthetic_plans(provincial, 1)[0]  # distinct texts: no per-text cache hit on the provincial side
        start = time.perf_counter()
        link(central, fresh)
        times.append(time.perf_counter() - start)
    print(f"seed pair after start-up ({args.repeat} runs, fresh provincial texts): median "
          f"{statistics.median(times) * 1000:.0f} ms, min {min(times) * 1000:.0f} ms, max {max(times) * 1000:.0f} ms")

    plans = synthetic_plans(provincial, args.plans)
    start = time.perf_counter()
    total = 0
    for plan in plans:
        links, _ = link(central, plan)
        total += len(links)
    elapsed = time.perf_counter() - start
    print(f"1 central x {args.plans} provincial plans of seed size: {elapsed:.2f} s "
          f"({elapsed / args.plans * 1000:.0f} ms per plan, {total} links)")


if __name__ == "__main__":
    main()
