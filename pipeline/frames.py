"""Results as pandas DataFrames, for researchers (one row per task, link, or coverage row)."""
from __future__ import annotations

import pandas as pd

from .model import Result


def _names(mentions) -> str:
    return "; ".join(m.text for m in mentions)


def tasks_df(result: Result) -> pd.DataFrame:
    """One row per task of every document: ids, text, actors, citations, provenance."""
    rows = []
    for doc in result.documents:
        for task in doc.tasks:
            rows.append({
                "doc": doc.id, "role": doc.role, "task": task.id, "label": task.label, "parent": task.parent,
                "text": task.text, "leads": _names(task.leads), "coordinators": _names(task.coordinators),
                "advises": _names(task.advises), "directs": _names(task.directs),
                "lead_ids": "; ".join(m.canonical or "" for m in task.leads),
                "citations": "; ".join(c.number for c in task.citations),
                "deadlines": "; ".join(d.value for d in task.deadlines),
                "localities": task.localities, "locality_role": task.locality_role,
                "line": task.span.line, "end_line": task.span.end_line, "page": task.span.page,
            })
    return pd.DataFrame(rows, columns=[
        "doc", "role", "task", "label", "parent", "text", "leads", "coordinators", "advises", "directs",
        "lead_ids", "citations", "deadlines", "localities", "locality_role", "line", "end_line", "page"])


def links_df(result: Result) -> pd.DataFrame:
    """One row per link: both ends, strength, score, reasons."""
    rows = [{
        "provincial_doc": link.provincial.doc, "provincial_task": link.provincial.task,
        "central_doc": link.central.doc, "central_task": link.central.task,
        "strength": link.strength, "score": link.score, "confirmed": link.confirmed,
        "reasons": " | ".join(link.reasons), "shared_phrases": " | ".join(link.shared_phrases),
    } for link in result.links]
    return pd.DataFrame(rows, columns=[
        "provincial_doc", "provincial_task", "central_doc", "central_task", "strength", "score", "confirmed",
        "reasons", "shared_phrases"])


def coverage_df(result: Result) -> pd.DataFrame:
    """One row per (central task, provincial document): status and the provincial tasks behind it. Status and
    localities are those the reports show (pipeline.report.rows.coverage_statuses): "not_assigned" for an unlinked
    task that does not reach localities, where the linker's coverage row says "gap"."""
    from .report.rows import coverage_statuses

    tasks = {(d.id, t.id): t for d in result.documents for t in d.tasks}
    shown = coverage_statuses(result)
    rows = []
    for row in result.coverage:
        task = tasks.get((row.central.doc, row.central.task))
        status, localities = shown[row.central.doc, row.central.task, row.provincial_doc]
        rows.append({
            "central_doc": row.central.doc, "central_task": row.central.task, "provincial_doc": row.provincial_doc,
            "status": status, "sure": "; ".join(row.sure), "possible": "; ".join(row.possible),
            "localities": localities, "locality_role": row.locality_role,
            "leads": _names(task.leads) if task else "", "text": task.text if task else "",
        })
    return pd.DataFrame(rows, columns=[
        "central_doc", "central_task", "provincial_doc", "status", "sure", "possible", "localities",
        "locality_role", "leads", "text"])
