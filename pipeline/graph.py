"""The coverage graph: documents, sections, tasks, agencies and citations as one networkx MultiDiGraph.

Guarantees to report writers and researchers:
- Node ids are strings: "doc:<doc>", "section:<doc>:<path>", "task:<doc>:<path>", "agency:<canonical id or
  printed name>", "citation:<số hiệu>". Every node has `kind` (document / section / task / agency / citation)
  and `label` (a task's: its id as the tables print it, "V.đoạn cuối" for the id "V.closing"); sections and tasks
  carry provenance: `doc`, `path` (dot path id), `line`, `end_line`, `page` (absent when unknown).
- Edges (key = edge kind, attribute `kind` repeats it):
  contains     document/section -> section/task (document structure)
  leads, coordinates   agency -> task (the agency carries the task out)
  advises      task -> agency (the task's lead advises that agency, "tham mưu UBND tỉnh")
  directs      task -> agency (the task guides or urges that agency, e.g. localities)
  implements   provincial task -> central task (strength, score, reasons, shared_phrases, confirmed)
  cites        task or document -> citation (citations by số hiệu)
- Central task nodes carry `localities`, `locality_role`, and the coverage status from the Result:
  `status` (best status over the provincial documents) and `status:<provincial doc>` for each one; `localities`
  from their coverage rows, and `localities:<provincial doc>` where a row's differs from the task's own (one level
  down: whether the task is addressed to that document's issuer, pipeline.linking.coverage_rows).
- Insertion order follows the Result (documents, then tasks in source order, then links), so exports are
  byte-for-byte reproducible.
Query functions are plain functions over the graph (networkx style) and accept any graph built here,
including one read back from graph.json.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from .fsutil import atomic_write_bytes, atomic_write_text
from .model import Document, Mention, Result, Section, Task
from .naming import name_order, task_label

STATUSES = ("covered", "partial", "gap")
ROLE_EDGES = (("leads", "leads"), ("coordinators", "coordinates"))  # agency -> task
TARGET_EDGES = (("advises", "advises"), ("directs", "directs"))  # task -> agency


def doc_node(doc_id: str) -> str:
    return f"doc:{doc_id}"


def section_node(doc_id: str, path: str) -> str:
    return f"section:{doc_id}:{path}"


def task_node(doc_id: str, path: str) -> str:
    return f"task:{doc_id}:{path}"


def agency_node(mention: Mention) -> str:
    return f"agency:{mention.canonical or mention.text}"


def citation_node(number: str) -> str:
    return f"citation:{number}"


def _provenance(doc: Document, item: Task | Section) -> dict:
    attrs = {"doc": doc.id, "path": item.id, "line": item.span.line, "end_line": item.span.end_line}
    if item.span.page is not None:
        attrs["page"] = item.span.page
    return attrs


def build_graph(result: Result) -> nx.MultiDiGraph:
    """The coverage graph of a Result (see the module docstring for nodes, edges and attributes)."""
    graph = nx.MultiDiGraph()
    numbers = {d.meta.number: d.id for d in result.documents if d.meta.number}
    for doc in result.documents:
        meta = doc.meta
        graph.add_node(doc_node(doc.id), kind="document", label=_doc_label(doc), doc=doc.id, role=doc.role or "",
                       path=doc.path, doc_type=meta.doc_type or "", number=meta.number or "",
                       date=meta.date or "", issuer=meta.issuer or "", title=meta.title or "")
        for section in doc.sections:
            graph.add_node(section_node(doc.id, section.id), kind="section", label=f"{section.id}. {section.title}",
                           title=section.title, role=doc.role or "", section_kind=section.kind,
                           holds_tasks=section.holds_tasks, **_provenance(doc, section))
        section_ids = {s.id for s in doc.sections}
        task_ids = {t.id for t in doc.tasks}
        for section in doc.sections:
            graph.add_edge(_parent_node(doc, section.parent, section_ids, task_ids),
                           section_node(doc.id, section.id), key="contains", kind="contains")
        for task in doc.tasks:
            node = task_node(doc.id, task.id)
            graph.add_node(node, kind="task", label=task_label(task.id), text=task.text, role=doc.role or "",
                           printed_label=task.label, localities=task.localities,
                           locality_role=task.locality_role or "",
                           leads=[m.text for m in task.leads], coordinators=[m.text for m in task.coordinators],
                           current_leads=_current_names(task.leads),
                           deadlines=[d.text for d in task.deadlines], **_provenance(doc, task))
            graph.add_edge(_parent_node(doc, task.parent, section_ids, task_ids), node, key="contains",
                           kind="contains")
            for field, kind in ROLE_EDGES:
                for mention in getattr(task, field):
                    _add_agency(graph, mention)
                    graph.add_edge(agency_node(mention), node, key=kind, kind=kind, printed=mention.text)
            for field, kind in TARGET_EDGES:
                for mention in getattr(task, field):
                    _add_agency(graph, mention)
                    graph.add_edge(node, agency_node(mention), key=kind, kind=kind, printed=mention.text)
            for citation in task.citations:
                _add_citation(graph, citation, numbers)
                graph.add_edge(node, citation_node(citation.number), key="cites", kind="cites", printed=citation.text)
        for citation in meta.implements + meta.citations:
            _add_citation(graph, citation, numbers)
            if not graph.has_edge(doc_node(doc.id), citation_node(citation.number), key="cites"):
                graph.add_edge(doc_node(doc.id), citation_node(citation.number), key="cites", kind="cites",
                               printed=citation.text, implements=citation in meta.implements)
    for link in result.links:
        source = task_node(link.provincial.doc, link.provincial.task)
        target = task_node(link.central.doc, link.central.task)
        if source not in graph or target not in graph:
            continue
        graph.add_edge(source, target, key="implements", kind="implements", strength=link.strength,
                       score=round(float(link.score), 4), reasons=list(link.reasons),
                       shared_phrases=list(link.shared_phrases), confirmed=link.confirmed)
    best: dict[str, str] = {}
    own: dict[str, bool] = {}
    reach: dict[str, bool] = {}
    for row in result.coverage:
        node = task_node(row.central.doc, row.central.task)
        if node not in graph:
            continue
        attrs = graph.nodes[node]
        attrs[f"status:{row.provincial_doc}"] = row.status
        own.setdefault(node, bool(attrs.get("localities")))
        if row.localities != own[node]:  # one level down: the row says whose task it is (linking.coverage_rows)
            attrs[f"localities:{row.provincial_doc}"] = row.localities
        reach[node] = reach.get(node, False) or row.localities
        if row.locality_role and not attrs.get("locality_role"):
            attrs["locality_role"] = row.locality_role
        previous = best.get(node)
        if previous is None or STATUSES.index(row.status) < STATUSES.index(previous):
            best[node] = row.status
    for node, status in best.items():
        graph.nodes[node]["status"] = status
    for node, flag in reach.items():
        graph.nodes[node]["localities"] = flag
    return graph


def _doc_label(doc: Document) -> str:
    if doc.meta.number:
        return f"{doc.meta.doc_type} {doc.meta.number}" if doc.meta.doc_type else doc.meta.number
    return doc.id


def _parent_node(doc: Document, parent: str | None, section_ids: set[str], task_ids: set[str]) -> str:
    if parent in section_ids:
        return section_node(doc.id, parent)
    if parent in task_ids:
        return task_node(doc.id, parent)
    return doc_node(doc.id)


def _current_names(mentions: list[Mention]) -> list[str]:
    """Current holders of the mentions (the body's own name when unchanged or unknown), once each."""
    names: list[str] = []
    for mention in mentions:
        for name in mention.current or [mention.name or mention.text]:
            if name not in names:
                names.append(name)
    return names


def _add_agency(graph: nx.MultiDiGraph, mention: Mention) -> None:
    node = agency_node(mention)
    if node not in graph:
        graph.add_node(node, kind="agency", label=mention.name or mention.text, canonical=mention.canonical or "",
                       level=mention.level, locality=mention.locality)


def _add_citation(graph: nx.MultiDiGraph, citation, numbers: dict[str, str]) -> None:
    node = citation_node(citation.number)
    if node not in graph:
        graph.add_node(node, kind="citation", label=citation.number, number=citation.number,
                       doc_type=citation.doc_type or "", year=citation.year or 0,
                       document=numbers.get(citation.number, ""))


# --------------------------------------------------------------------------- queries


def tasks_of(graph: nx.MultiDiGraph, doc: str) -> list[str]:
    """Task nodes of a document, in source order."""
    return [n for n, a in graph.nodes(data=True) if a.get("kind") == "task" and a.get("doc") == doc]


def implementing(graph: nx.MultiDiGraph, central_task: str, provincial_doc: str | None = None) -> list[tuple[str, dict]]:
    """(provincial task node, implements-edge attributes) pairs carrying out a central task."""
    found = []
    for source, _, attrs in graph.in_edges(central_task, data=True):
        if attrs.get("kind") == "implements" and (provincial_doc is None or graph.nodes[source].get("doc") == provincial_doc):
            found.append((source, attrs))
    return found


def task_status(graph: nx.MultiDiGraph, central_task: str, provincial_doc: str | None = None) -> str:
    """covered / partial / gap: from the coverage stored on the node, else from the implements edges."""
    attrs = graph.nodes[central_task]
    stored = attrs.get(f"status:{provincial_doc}") if provincial_doc else attrs.get("status")
    if stored:
        return stored
    strengths = {a.get("strength") for _, a in implementing(graph, central_task, provincial_doc)}
    return "covered" if "sure" in strengths else "partial" if strengths else "gap"


def _flag(value) -> bool:
    return value is True or str(value).lower() in ("true", "1")


def _reaches(attrs: dict, provincial_doc: str | None) -> bool:
    """The task is the provincial document's to carry out: its own flag for that document where its coverage row
    gave one (`localities:<doc>`, one level down), else whether it reaches the localities."""
    key = f"localities:{provincial_doc}"
    return _flag(attrs[key] if provincial_doc and key in attrs else attrs.get("localities"))


def uncovered_tasks(graph: nx.MultiDiGraph, central_doc: str, localities_only: bool = False,
                    provincial_doc: str | None = None) -> list[str]:
    """Central tasks no provincial task carries out (no implements edge), optionally only those reaching
    localities — the gaps a legal officer must look at."""
    return [n for n in tasks_of(graph, central_doc)
            if not implementing(graph, n, provincial_doc)
            and (not localities_only or _reaches(graph.nodes[n], provincial_doc))]


def _counts() -> dict[str, int]:
    return {s: 0 for s in STATUSES} | {"total": 0}


def coverage_by_section(graph: nx.MultiDiGraph, central_doc: str, depth: int = 2, localities_only: bool = True,
                        provincial_doc: str | None = None) -> dict[str, dict[str, int]]:
    """Status counts of central tasks grouped by their enclosing section at `depth` (1 = outermost;
    tasks in shallower sections go to their deepest section), in document order."""
    parents = {}
    for source, target, attrs in graph.edges(data=True):
        if attrs.get("kind") == "contains":
            parents[target] = source
    out: dict[str, dict[str, int]] = {}
    for node in tasks_of(graph, central_doc):
        if localities_only and not _reaches(graph.nodes[node], provincial_doc):
            continue
        chain = []
        parent = parents.get(node)
        while parent is not None and graph.nodes[parent].get("kind") == "section":
            chain.append(graph.nodes[parent]["path"])
            parent = parents.get(parent)
        chain.reverse()
        group = chain[min(depth, len(chain)) - 1] if chain else ""
        counts = out.setdefault(group, _counts())
        counts[task_status(graph, node, provincial_doc)] += 1
        counts["total"] += 1
    return out


def coverage_by_agency(graph: nx.MultiDiGraph, central_doc: str, role: str = "leads", localities_only: bool = True,
                       provincial_doc: str | None = None, current: bool = False) -> dict[str, dict[str, int]]:
    """Status counts of central tasks by agency (label) in `role` (leads / coordinates), largest first.
    With current=True (leads only), by the body that holds the lead role now (pipeline.succession: "Bộ Kế
    hoạch và Đầu tư" counts under "Bộ Tài chính")."""
    out: dict[str, dict[str, int]] = {}
    for node in tasks_of(graph, central_doc):
        if localities_only and not _reaches(graph.nodes[node], provincial_doc):
            continue
        status = task_status(graph, node, provincial_doc)
        agencies = sorted({graph.nodes[s]["label"] for s, _, a in graph.in_edges(node, data=True)
                           if a.get("kind") == role}, key=name_order)
        if current and role == "leads" and graph.nodes[node].get("current_leads"):
            agencies = sorted(set(graph.nodes[node]["current_leads"]), key=name_order)
        for agency in agencies or [""]:
            counts = out.setdefault(agency, _counts())
            counts[status] += 1
            counts["total"] += 1
    return dict(sorted(out.items(), key=lambda kv: (-kv[1]["total"], name_order(kv[0]))))


def provincial_additions(graph: nx.MultiDiGraph, provincial_doc: str) -> list[str]:
    """Provincial tasks that carry out no central task: what the province added on its own."""
    return [n for n in tasks_of(graph, provincial_doc)
            if not any(a.get("kind") == "implements" for _, _, a in graph.out_edges(n, data=True))]


def implementation_chain(graph: nx.MultiDiGraph, central_task: str) -> dict[str, list]:
    """Everything involved in carrying out one central task: its agencies, the provincial tasks linked
    to it (with the link attributes) and their agencies. Agencies are (node, role) pairs."""
    def agencies(task: str) -> list[tuple[str, str]]:
        found = [(s, a["kind"]) for s, _, a in graph.in_edges(task, data=True) if a.get("kind") in
                 {kind for _, kind in ROLE_EDGES}]
        found += [(t, a["kind"]) for _, t, a in graph.out_edges(task, data=True) if a.get("kind") in
                  {kind for _, kind in TARGET_EDGES}]
        return found

    provincial = implementing(graph, central_task)
    provincial.sort(key=lambda pa: (pa[1].get("strength") != "sure", -float(pa[1].get("score", 0)), pa[0]))
    chain_agencies: list[tuple[str, str]] = []
    for task in [p for p, _ in provincial]:
        for pair in agencies(task):
            if pair not in chain_agencies:
                chain_agencies.append(pair)
    return {
        "central_task": central_task,
        "central_agencies": agencies(central_task),
        "provincial_tasks": provincial,
        "provincial_agencies": chain_agencies,
    }


# --------------------------------------------------------------------------- exports


def _scalar(value):
    """GraphML/GEXF hold strings and numbers only: lists joined with ' | ', None dropped."""
    if isinstance(value, (list, tuple, set)):
        return " | ".join(str(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


def flat_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose attributes are all scalars (what Gephi and GraphML readers accept)."""
    flat = nx.MultiDiGraph()
    for node, attrs in graph.nodes(data=True):
        flat.add_node(node, **{k: _scalar(v) for k, v in attrs.items() if v is not None})
    for source, target, key, attrs in graph.edges(keys=True, data=True):
        flat.add_edge(source, target, key=key, **{k: _scalar(v) for k, v in attrs.items() if v is not None})
    # GraphML needs one type per attribute name: mixed int/str keys become strings.
    _unify_types(flat.nodes(data=True))
    _unify_types(((s, t, a) for s, t, a in flat.edges(data=True)))
    return flat


def _unify_types(items: Iterable) -> None:
    rows = [item[-1] for item in items]
    types: dict[str, set[type]] = {}
    for attrs in rows:
        for key, value in attrs.items():
            types.setdefault(key, set()).add(type(value))
    mixed = {k for k, t in types.items() if len(t) > 1 and not t <= {int, float}}
    floats = {k for k, t in types.items() if t == {int, float}}
    for attrs in rows:
        for key in mixed & attrs.keys():
            attrs[key] = str(attrs[key])
        for key in floats & attrs.keys():
            attrs[key] = float(attrs[key])


def graph_json(graph: nx.MultiDiGraph) -> str:
    data = nx.node_link_data(graph, edges="links")
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def export_graph(graph: nx.MultiDiGraph, out_dir: str | Path) -> dict[str, Path]:
    """Write graph.graphml, graph.gexf (Gephi) and graph.json (node-link, lists kept) atomically."""
    out_dir = Path(out_dir)
    flat = flat_graph(graph)
    graphml = "\n".join(nx.generate_graphml(flat, encoding="utf-8", prettyprint=True)) + "\n"
    gexf = "\n".join(nx.generate_gexf(flat, encoding="utf-8", prettyprint=True, version="1.2draft")) + "\n"
    return {
        "graphml": atomic_write_text(out_dir / "graph.graphml", graphml),
        "gexf": atomic_write_bytes(out_dir / "graph.gexf", _strip_gexf_date(gexf).encode("utf-8")),
        "json": atomic_write_text(out_dir / "graph.json", graph_json(graph)),
    }


def _strip_gexf_date(text: str) -> str:
    """networkx stamps today's date into the GEXF <meta>; drop it so the same input gives the same bytes."""
    import re

    return re.sub(r'\s*lastmodifieddate="[^"]*"', "", text, count=1)


def read_graph_json(path: str | Path) -> nx.MultiDiGraph:
    """Read graph.json back (node-link) as a MultiDiGraph."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return nx.node_link_graph(data, directed=True, multigraph=True, edges="links")
