"""The coverage graph: structure, provenance, queries, and exports read back with networkx."""
from __future__ import annotations

import copy

import networkx as nx
import pytest
from gold_result import gold_result

from pipeline.graph import (
    agency_node,
    build_graph,
    coverage_by_agency,
    coverage_by_section,
    export_graph,
    implementation_chain,
    provincial_additions,
    read_graph_json,
    task_node,
    task_status,
    uncovered_tasks,
)
from pipeline.model import Citation, Mention

CENTRAL, PROVINCIAL = "nq-23-2022", "kontum-nq23"


@pytest.fixture(scope="module")
def result():
    return gold_result()


@pytest.fixture(scope="module")
def graph(result):
    return build_graph(result)


def edges_of(graph, kind):
    return [(s, t, a) for s, t, a in graph.edges(data=True) if a["kind"] == kind]


def test_nodes_and_edges_mirror_the_result(result, graph):
    central, provincial = result.documents
    tasks = [n for n, a in graph.nodes(data=True) if a["kind"] == "task"]
    assert len(tasks) == len(central.tasks) + len(provincial.tasks)
    assert len([n for n, a in graph.nodes(data=True) if a["kind"] == "section"]) == \
        len(central.sections) + len(provincial.sections)
    assert len(edges_of(graph, "implements")) == len(result.links)
    leads = sum(len(t.leads) for d in result.documents for t in d.tasks)
    assert len(edges_of(graph, "leads")) == leads
    # every section and task hangs from exactly one container
    for node, attrs in graph.nodes(data=True):
        if attrs["kind"] in ("task", "section"):
            assert len([1 for _, _, a in graph.in_edges(node, data=True) if a["kind"] == "contains"]) == 1


def test_provenance_and_link_attributes(result, graph):
    attrs = graph.nodes[task_node(CENTRAL, "III.1.a.2")]
    task = result.documents[0].task("III.1.a.2")
    assert (attrs["doc"], attrs["path"], attrs["line"]) == (CENTRAL, "III.1.a.2", task.span.line)
    assert attrs["localities"] is True and attrs["status"] == "covered"
    edge = graph.get_edge_data(task_node(PROVINCIAL, "1.a.1"), task_node(CENTRAL, "III.1.a.2"), key="implements")
    assert edge["strength"] == "sure" and edge["score"] > 0.5 and edge["reasons"]
    assert graph.has_edge(agency_node(Mention("Bộ Kế hoạch và Đầu tư")), task_node(CENTRAL, "III.1.a.2"), key="leads")


def test_agencies_merge_by_canonical_id():
    result = gold_result()
    central, provincial = result.documents
    central.task("III.1.a.2").leads = [Mention("Bộ KH&ĐT", canonical="mpi", name="Bộ Kế hoạch và Đầu tư")]
    central.task("III.1.a.3").leads = [Mention("Bộ Kế hoạch và Đầu tư", canonical="mpi")]
    central.task("III.1.a.3").citations = [Citation("Quyết định số 259/QĐ-TTg", "259/QĐ-TTg", "Quyết định")]
    graph = build_graph(result)
    assert graph.nodes["agency:mpi"]["label"] == "Bộ Kế hoạch và Đầu tư"
    assert {t for _, t, a in graph.out_edges("agency:mpi", data=True) if a["kind"] == "leads"} == \
        {task_node(CENTRAL, "III.1.a.2"), task_node(CENTRAL, "III.1.a.3")}
    assert graph.has_edge(task_node(CENTRAL, "III.1.a.3"), "citation:259/QĐ-TTg", key="cites")


def test_directs_and_advises_edges_point_from_task_to_agency(graph):
    for kind in ("directs", "advises"):
        edges = edges_of(graph, kind)
        assert edges, kind
        assert all(graph.nodes[s]["kind"] == "task" and graph.nodes[t]["kind"] == "agency" for s, t, _ in edges)
    assert graph.has_edge(task_node(PROVINCIAL, "1.a.1"), agency_node(Mention("Ủy ban nhân dân tỉnh")), key="advises")


def test_uncovered_tasks_are_the_gaps(result, graph):
    gaps = {c.central.task for c in result.coverage if c.status == "gap"}
    assert {graph.nodes[n]["path"] for n in uncovered_tasks(graph, CENTRAL, localities_only=True)} == gaps
    linked = {link.central.task for link in result.links}
    never = {t.id for t in result.documents[0].tasks} - linked
    assert {graph.nodes[n]["path"] for n in uncovered_tasks(graph, CENTRAL)} == never
    assert uncovered_tasks(graph, CENTRAL, provincial_doc="other-province") == \
        [task_node(CENTRAL, t.id) for t in result.documents[0].tasks]


def test_one_level_down_the_gaps_are_those_addressed_to_the_documents_issuer(result):
    # a coverage row not addressed to its provincial document's issuer (one level down) takes the task out of that
    # document's gaps, and out of the localities' when no row addresses it
    from pipeline.graph import _reaches

    changed = copy.deepcopy(result)
    row = next(c for c in changed.coverage if c.status == "gap")
    row.localities = False
    graph = build_graph(changed)
    node = task_node(CENTRAL, row.central.task)
    assert graph.nodes[node][f"localities:{PROVINCIAL}"] is False and not _reaches(graph.nodes[node], PROVINCIAL)
    assert node not in uncovered_tasks(graph, CENTRAL, localities_only=True, provincial_doc=PROVINCIAL)
    assert node not in uncovered_tasks(graph, CENTRAL, localities_only=True)
    assert node in uncovered_tasks(graph, CENTRAL)
    # a row that agrees with its task adds nothing
    assert not any(key.startswith("localities:") for key in build_graph(result).nodes[node])


def test_coverage_by_section_and_agency_add_up(result, graph):
    expected = {s: sum(c.status == s for c in result.coverage) for s in ("covered", "partial", "gap")}
    by_section = coverage_by_section(graph, CENTRAL)
    assert {s: sum(v[s] for v in by_section.values()) for s in expected} == expected
    assert list(by_section)[:2] == ["III.1", "III.2"]  # document order
    assert by_section["III.3"]["gap"] == 2
    by_agency = coverage_by_agency(graph, CENTRAL)
    assert sum(v["total"] for v in by_agency.values()) >= len(result.coverage)
    assert by_agency["Các địa phương có biên giới"]["covered"] > 0
    totals = [v["total"] for v in by_agency.values()]
    assert totals == sorted(totals, reverse=True)


def test_provincial_additions():
    result = gold_result()
    graph = build_graph(result)
    assert provincial_additions(graph, PROVINCIAL) == []
    result.links = [link for link in result.links if link.provincial.task != "1.a.3"]
    graph = build_graph(result)
    assert provincial_additions(graph, PROVINCIAL) == [task_node(PROVINCIAL, "1.a.3")]


def test_implementation_chain(graph):
    chain = implementation_chain(graph, task_node(CENTRAL, "III.2.a"))
    assert [t for t, _ in chain["provincial_tasks"]] == [task_node(PROVINCIAL, "1.a.1"), task_node(PROVINCIAL, "1.a.3")]
    assert chain["provincial_tasks"][0][1]["strength"] == "sure"
    agencies = {graph.nodes[a]["label"] for a, _ in chain["provincial_agencies"]}
    assert "Sở Kế hoạch và Đầu tư" in agencies
    assert (agency_node(Mention("Bộ Kế hoạch và Đầu tư")), "leads") in chain["central_agencies"]


def test_status_falls_back_to_links_without_coverage():
    result = gold_result()
    result.coverage = []
    graph = build_graph(result)
    assert task_status(graph, task_node(CENTRAL, "III.1.a.2")) == "covered"
    assert task_status(graph, task_node(CENTRAL, "III.1.a.3")) == "partial"
    assert task_status(graph, task_node(CENTRAL, "III.1.b.2")) == "gap"


def test_exports_round_trip(graph, tmp_path):
    paths = export_graph(graph, tmp_path)
    assert sorted(p.name for p in paths.values()) == ["graph.gexf", "graph.graphml", "graph.json"]
    edge = (task_node(PROVINCIAL, "1.a.1"), task_node(CENTRAL, "III.1.a.2"))
    for reread in (nx.read_graphml(paths["graphml"]), nx.read_gexf(paths["gexf"])):
        assert set(reread.nodes) == set(graph.nodes)
        assert reread.number_of_edges() == graph.number_of_edges()
        found = reread.get_edge_data(*edge)
        data = [a for a in found.values() if a.get("kind") == "implements"][0] if reread.is_multigraph() else found
        assert data["strength"] == "sure"
        assert isinstance(data["reasons"], str) and " | " in data["reasons"]  # lists joined for Gephi
    assert nx.read_graphml(paths["graphml"]).nodes[task_node(CENTRAL, "III.1.a.2")]["line"] == \
        graph.nodes[task_node(CENTRAL, "III.1.a.2")]["line"]
    back = read_graph_json(paths["json"])
    assert set(back.nodes) == set(graph.nodes) and back.number_of_edges() == graph.number_of_edges()
    assert back.get_edge_data(*edge, key="implements")["reasons"] == graph.get_edge_data(*edge, key="implements")["reasons"]
    assert uncovered_tasks(back, CENTRAL, localities_only=True) == uncovered_tasks(graph, CENTRAL, localities_only=True)


def test_exports_are_reproducible(result, tmp_path):
    export_graph(build_graph(result), tmp_path / "a")
    export_graph(build_graph(copy.deepcopy(result)), tmp_path / "b")
    for name in ("graph.graphml", "graph.gexf", "graph.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    assert b"lastmodifieddate" not in (tmp_path / "a" / "graph.gexf").read_bytes()


def test_a_task_without_a_number_is_labelled_as_the_tables_print_it(result):
    # Gephi shows a node's label: the closing paragraph's id "closing" reads "đoạn cuối" there; `path` keeps the id
    import json

    from pipeline.model import Result

    data = json.dumps(result.to_json(), ensure_ascii=False).replace('"2.c"', '"closing"')
    graph = build_graph(Result.from_json(json.loads(data)))
    attrs = graph.nodes[task_node(PROVINCIAL, "closing")]
    assert (attrs["label"], attrs["path"]) == ("đoạn cuối", "closing")
    assert graph.nodes[task_node(CENTRAL, "III.1.a.2")]["label"] == "III.1.a.2"
