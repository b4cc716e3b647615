"""Deliverables of one (central, provincial) pair: the cross-reference table (Excel, CSV, Markdown), the
HTML coverage report, result.json and the graph exports.

`write_outputs(result, out_dir)` writes every file atomically (pipeline.fsutil); the same Result gives
the same bytes (no timestamps, no set/dict-order randomness).
"""
from __future__ import annotations

import json
from pathlib import Path

from ..fsutil import atomic_write_text
from ..model import Result
from .html import render_coverage_html, write_coverage_html
from .tables import write_crossref_csv, write_crossref_md
from .xlsx import write_crossref_xlsx

OUTPUT_FILES = ("result.json", "crossref.xlsx", "crossref.csv", "crossref.md", "coverage.html",
                "graph.graphml", "graph.gexf", "graph.json")

__all__ = ["OUTPUT_FILES", "render_coverage_html", "write_coverage_html", "write_crossref_csv", "write_crossref_md",
           "write_crossref_xlsx", "write_outputs", "write_result_json"]


def write_result_json(result: Result, path: str | Path) -> Path:
    """result.json: Result.to_json(), UTF-8, non-ASCII kept, one space indentation."""
    return atomic_write_text(path, json.dumps(result.to_json(), ensure_ascii=False, indent=1) + "\n")


def write_outputs(result: Result, out_dir: str | Path) -> dict[str, Path]:
    """Write result.json, crossref.xlsx/.csv/.md, coverage.html and graph.graphml/.gexf/.json into out_dir."""
    from ..graph import build_graph, export_graph

    out_dir = Path(out_dir)
    written = {
        "result.json": write_result_json(result, out_dir / "result.json"),
        "crossref.xlsx": write_crossref_xlsx(result, out_dir / "crossref.xlsx"),
        "crossref.csv": write_crossref_csv(result, out_dir / "crossref.csv"),
        "crossref.md": write_crossref_md(result, out_dir / "crossref.md"),
        "coverage.html": write_coverage_html(result, out_dir / "coverage.html"),
    }
    graph_files = export_graph(build_graph(result), out_dir)
    written.update({f"graph.{kind}": path for kind, path in graph_files.items()})
    return written
