"""Deliverables of one (central, provincial) pair: the cross-reference table (Excel, CSV, Markdown), the
HTML coverage report, result.json and the graph exports.

`write_outputs(result, out_dir)` writes every file atomically (pipeline.fsutil), after every report is made: a
writer that fails leaves the folder as it was, not new tables beside an old report. The same Result gives the same
bytes (no timestamps, no set/dict-order randomness).
"""
from __future__ import annotations

import json
from pathlib import Path

from ..fsutil import atomic_write_bytes, atomic_write_text
from ..model import Result
from .html import render_coverage_html, write_coverage_html
from .rows import build_crossref
from .tables import crossref_csv_bytes, crossref_md_text, write_crossref_csv, write_crossref_md
from .xlsx import build_workbook, workbook_bytes, write_crossref_xlsx

OUTPUT_FILES = ("result.json", "crossref.xlsx", "crossref.csv", "crossref.md", "coverage.html",
                "graph.graphml", "graph.gexf", "graph.json")

__all__ = ["OUTPUT_FILES", "render_coverage_html", "write_coverage_html", "write_crossref_csv", "write_crossref_md",
           "write_crossref_xlsx", "write_outputs", "write_result_json"]


def write_result_json(result: Result, path: str | Path) -> Path:
    """result.json: Result.to_json(), UTF-8, non-ASCII kept, one space indentation."""
    return atomic_write_text(path, _result_json(result))


def _result_json(result: Result) -> str:
    return json.dumps(result.to_json(), ensure_ascii=False, indent=1) + "\n"


def write_outputs(result: Result, out_dir: str | Path) -> dict[str, Path]:
    """Write result.json, crossref.xlsx/.csv/.md, coverage.html and graph.graphml/.gexf/.json into out_dir."""
    from ..graph import build_graph, export_graph

    out_dir = Path(out_dir)
    crossref = build_crossref(result)  # the rows every table and report shows, made once
    made = {  # every report first (the same bytes the write_* functions give), then the files
        "result.json": _result_json(result).encode("utf-8"),
        "crossref.xlsx": workbook_bytes(build_workbook(result, crossref)),
        "crossref.csv": crossref_csv_bytes(result, crossref),
        "crossref.md": crossref_md_text(result, crossref).encode("utf-8"),
        "coverage.html": render_coverage_html(result, crossref).encode("utf-8"),
    }
    graph = build_graph(result)
    written = {name: atomic_write_bytes(out_dir / name, data) for name, data in made.items()}
    graph_files = export_graph(graph, out_dir)
    written.update({f"graph.{kind}": path for kind, path in graph_files.items()})
    return written
