"""Time to write every deliverable of the seed pair (result.json, crossref.xlsx/.csv/.md, coverage.html,
graph.graphml/.gexf/.json), per writer and in total, plus the import cost of the writers in a fresh
process. Input: the gold Result of the seed pair (tests/gold_result.py); with --real, the Result of the
real pipeline (ingest -> normalize -> segment -> link) when those stages are importable.
Prints figures; asserts nothing.

    .venv/bin/python benchmarks/report.py [--repeat 5] [--real]
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def real_result():
    from pipeline.ingest import read
    from pipeline.linking import link
    from pipeline.model import Result
    from pipeline.normalize import normalize
    from pipeline.segment import segment

    documents = []
    for path, role in (("corpus/central/nq-23-NQ-CP-2022.md", "central"),
                       ("corpus/provincial/kontum-implementing-nq23.txt", "provincial")):
        source = read(ROOT / path)
        documents.append(segment(normalize(source), source, role=role))
    links, coverage = link(*documents)
    return Result(documents=documents, links=links, coverage=coverage)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--real", action="store_true", help="use the real pipeline's Result")
    args = parser.parse_args()

    cold = subprocess.run([sys.executable, "-c", "import time; t = time.perf_counter(); import pipeline.report, "
                           "pipeline.graph, pipeline.review; print(time.perf_counter() - t)"],
                          cwd=ROOT, capture_output=True, text=True, check=True)
    from gold_result import gold_result

    from pipeline.graph import build_graph, export_graph
    from pipeline.report import write_result_json
    from pipeline.report.html import write_coverage_html
    from pipeline.report.tables import write_crossref_csv, write_crossref_md
    from pipeline.report.xlsx import write_crossref_xlsx

    result = real_result() if args.real else gold_result()
    writers = {
        "result.json": lambda out: write_result_json(result, out / "result.json"),
        "crossref.xlsx": lambda out: write_crossref_xlsx(result, out / "crossref.xlsx"),
        "crossref.csv": lambda out: write_crossref_csv(result, out / "crossref.csv"),
        "crossref.md": lambda out: write_crossref_md(result, out / "crossref.md"),
        "coverage.html": lambda out: write_coverage_html(result, out / "coverage.html"),
        "graph (build + 3 exports)": lambda out: export_graph(build_graph(result), out),
    }
    times: dict[str, list[float]] = {name: [] for name in writers}
    totals, sizes = [], {}
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            out = Path(tmp)
            start_all = time.perf_counter()
            for name, write in writers.items():
                start = time.perf_counter()
                write(out)
                times[name].append(time.perf_counter() - start)
            totals.append(time.perf_counter() - start_all)
            sizes = {p.name: p.stat().st_size for p in sorted(out.iterdir())}
    central = result.documents[0]
    print(f"input: {'real pipeline' if args.real else 'gold'} Result — {len(central.tasks)} central tasks, "
          f"{sum(len(d.tasks) for d in result.documents[1:])} provincial tasks, {len(result.links)} links; "
          f"{args.repeat} runs, median (min)")
    print(f"  import pipeline.report/graph/review (cold process): {float(cold.stdout):.3f} s")
    for name, values in times.items():
        print(f"  {name:<28} {statistics.median(values):.3f} s ({min(values):.3f})")
    print(f"  {'all outputs':<28} {statistics.median(totals):.3f} s ({min(totals):.3f})")
    print("  sizes: " + ", ".join(f"{name} {size / 1024:.0f} KiB" for name, size in sizes.items()))


if __name__ == "__main__":
    main()
