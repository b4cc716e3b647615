"""The Python API: parse documents, link a central document with provincial ones, run a corpus.

    >>> import pipeline as dc
    >>> central = dc.parse("corpus/central/nq-23-NQ-CP-2022.md", role="central")
    >>> plan = dc.parse("corpus/provincial/kontum-implementing-nq23.txt", role="provincial")
    >>> result = dc.link(central, plan)
    >>> result.coverage_df().status.value_counts()          # doctest: +SKIP

The CLI is a thin layer over these functions.
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from .model import Document, DoichieuError, Notice, Result, SourceText
from .vntext import fold


def _slug(text: str) -> str:
    return re.sub(r"-+", "-", fold(text).replace(" ", "-")).strip("-") or "doc"


def parse_source(source: SourceText, *, doc_id: str | None = None, role: str | None = None,
                 as_of: date | str | None = None) -> Document:
    """normalize -> segment -> extract on text already ingested; agency mentions get their current holders
    on `as_of` (default today, see pipeline.succession)."""
    from .extract import extract
    from .normalize import normalize
    from .segment import segment
    from .succession import apply_succession

    doc_id = doc_id or _slug(Path(source.path).stem)
    document = segment(normalize(source), source, doc_id=doc_id, role=role)
    if source.kind == "pdf":
        _count_page_lines(document, source)
    return apply_succession(extract(document), as_of)


def _count_page_lines(document: Document, source: SourceText) -> None:
    """Each span's first and last line, and each notice's line, counted within its page (Span.page_line,
    Notice.page_line): the lines of the page that hold text, as a reader counts them in a PDF viewer (running
    headers and page numbers are already removed)."""
    within: dict[int, int] = {}
    on_page: dict[int | None, int] = {}
    for line in source.lines:
        if line.text.strip():
            on_page[line.page] = on_page.get(line.page, 0) + 1
        within[line.number] = max(on_page.get(line.page, 0), 1)
    for item in (*document.sections, *document.tasks, *document.provisions, *document.other_clauses):
        item.span = replace(item.span, page_line=within.get(item.span.line),
                            end_page_line=within.get(item.span.end_line))
    document.notices = [replace(n, page_line=within.get(n.line)) if n.line is not None and n.page is not None else n
                        for n in document.notices]


def parse(path: str | Path, *, doc_id: str | None = None, role: str | None = None, ocr: bool = False,
          as_of: date | str | None = None) -> Document:
    """Read and parse one file (.pdf, .docx, .txt, .md; type by content) into a Document with its
    sections, tasks, agencies, citations and deadlines. Raises DoichieuError on bad input."""
    from .ingest import read

    source = read(path, ocr=True) if ocr else read(path)
    return parse_source(source, doc_id=doc_id, role=role, as_of=as_of)


def parse_in_batch(path: str | Path, **options) -> Document:
    """`parse` for one file of many: an unexpected error inside the pipeline is turned into a DoichieuError
    naming the file, so that one odd file does not stop the others (DOICHIEU_DEBUG=1 lets it through)."""
    try:
        return parse(path, **options)
    except (DoichieuError, KeyboardInterrupt, MemoryError):
        raise
    except Exception as error:  # noqa: BLE001 - the guard of a batch
        if os.environ.get("DOICHIEU_DEBUG"):
            raise
        raise DoichieuError(str(path), f"lỗi nội bộ khi đọc tệp này ({type(error).__name__}: {error}); "
                                       "DOICHIEU_DEBUG=1 để xem chi tiết") from None


def parse_text(text: str, *, doc_id: str = "doc", role: str | None = None, kind: str = "txt") -> Document:
    """Parse a document given as a string (kind "txt" or "md")."""
    from .ingest import from_string

    return parse_source(from_string(text, name=f"<{doc_id}>", kind=kind), doc_id=doc_id, role=role)


def link(central: Document, provincials: Document | Iterable[Document], *, as_of: date | str | None = None) -> Result:
    """Link every provincial document to the central one: links, and coverage per provincial document.
    With `as_of`, the current holders of every agency mention are recomputed for that date. A provision of a
    statute that a provincial task plainly carries out becomes a task of `central` (the document is updated,
    with a notice), so link all the provincial documents of one central document in one call."""
    from .linking import coverage_rows, promote
    from .linking import link as link_pair
    from .succession import apply_succession

    if isinstance(provincials, Document):
        provincials = [provincials]
    provincials = list(provincials)
    if as_of is not None:
        for document in (central, *provincials):
            apply_succession(document, as_of)
    result = Result(documents=[central, *provincials])
    for provincial in provincials:
        links, coverage = link_pair(central, provincial)
        result.links.extend(links)
        result.coverage.extend(coverage)
    if promote(central, result.links):  # a provision carried out is now a task: every coverage row again
        result.coverage = [row for provincial in provincials for row in coverage_rows(
            central, provincial, [lk for lk in result.links if lk.provincial.doc == provincial.id])]
    return result


@dataclass
class CorpusRun:
    """What a corpus run produced: one Result per (central, provincial) pair, the whole run, failures."""

    pairs: dict[str, Result] = field(default_factory=dict)
    whole: Result = field(default_factory=lambda: Result(documents=[]))
    failures: list[DoichieuError] = field(default_factory=list)


def pair_name(central: Document, provincial: Document) -> str:
    """The name of the pair's output folder (naming.pair_id)."""
    from .naming import pair_id

    return pair_id(central.id, provincial.id)


def run_documents(documents: list[Document], declared: dict[str, list[str]] | None = None,
                  reviews_dir: Path | None = None, unread: dict[str, str] | None = None) -> CorpusRun:
    """Pair the documents (declared or detected), link each pair, apply stored reviewer decisions. `unread`: the
    central documents of the corpus that could not be read ({id: path}): a provincial document is not paired with
    another central document in their stead, and one left without a pair is told which could not be read."""
    from .corpus import pair_documents, unread_candidates

    unread = unread or {}
    declared = declared or {}
    run = CorpusRun(whole=Result(documents=list(documents)))
    # one link call per central document, so that what its provincial documents carry out is known to all
    grouped: dict[str, tuple[Document, list[Document]]] = {}
    pairing: dict[tuple[str, str], Notice] = {}
    for central, provincial in pair_documents(documents, declared, pairing, bool(unread)):
        grouped.setdefault(central.id, (central, []))[1].append(provincial)
    for central, provincials in grouped.values():
        linked = link(central, provincials)
        for provincial in provincials:
            _collect_pair(run, central, provincial, linked, reviews_dir, pairing.get((central.id, provincial.id)))
    paired = {d.id for r in run.pairs.values() for d in r.documents}
    centrals = [d for d in documents if d.role == "central"]
    for document in documents:
        if document.role != "provincial" or document.id in paired:
            continue
        failed = [unread[i] for i in declared.get(document.id, []) if i in unread]
        if failed:
            message = (f"không đối chiếu được: văn bản trung ương mà văn bản này triển khai ({', '.join(failed)}) "
                       "không đọc được")
        elif unread:
            message = ("không xác định được văn bản trung ương mà văn bản này triển khai; có thể là văn bản không "
                       f"đọc được {' hoặc '.join(unread.values())} (nếu là văn bản khác: khai báo 'implements' "
                       "trong manifest)")
        else:
            candidates = unread_candidates(document, centrals)
            maybe = (f"; có thể là {' hoặc '.join(c.path for c in candidates)} (số hiệu không đọc được, chỉ rõ ký "
                     "hiệu)" if candidates else "")
            message = (f"không xác định được văn bản trung ương mà văn bản này triển khai{maybe} (khai báo "
                       "'implements' trong manifest)")
        run.whole.notices.append(Notice(document.path, message))
    return run


def _collect_pair(run: CorpusRun, central: Document, provincial: Document, linked: Result,
                  reviews_dir: Path | None, paired_by: Notice | None = None) -> None:
    """The pair's share of a central document's links, with its stored reviewer decisions, into `run`;
    `paired_by` tells how the pair was made when a legal officer should check it."""
    name = pair_name(central, provincial)
    result = Result(documents=[central, provincial],
                    links=[lk for lk in linked.links if lk.provincial.doc == provincial.id],
                    coverage=[row for row in linked.coverage if row.provincial_doc == provincial.id])
    from .corpus import pairing_notice

    for notice in (paired_by, pairing_notice(central, provincial)):
        if notice is not None:
            result.notices.append(notice)
    if reviews_dir is not None:
        result = _apply_stored_reviews(result, reviews_dir / f"{name}.yaml")
    run.pairs[name] = result
    run.whole.links.extend(result.links)
    run.whole.coverage.extend(result.coverage)
    run.whole.notices.extend(result.notices)


def _apply_stored_reviews(result: Result, path: Path) -> Result:
    if not path.exists():
        return result
    from .review import apply_reviews, load_decisions

    return apply_reviews(result, load_decisions(path))


def run_corpus(corpus_dir: str | Path = "corpus", *, as_of: date | str | None = None,
               progress: Callable[[Iterable], Iterable] | None = None) -> CorpusRun:
    """Parse every document of the manifest in corpus_dir and link the pairs. A bad file is recorded
    in `failures` and the others go on. `progress` may wrap the list of manifest entries (e.g. a
    progress bar)."""
    from .corpus import load_manifest

    corpus_dir = Path(corpus_dir)
    manifest = load_manifest(corpus_dir)
    documents, declared, failures, unread = [], {}, [], {}
    entries = progress(manifest.documents) if progress else manifest.documents
    for entry in entries:
        path = corpus_dir / entry.path
        try:
            document = parse_in_batch(path, doc_id=entry.id, role=entry.role, as_of=as_of)
        except DoichieuError as error:
            failures.append(error)
            if entry.role == "central":
                unread[entry.id] = str(path)
            continue
        for key, value in entry.meta.items():
            setattr(document.meta, key, value)
        if entry.meta:  # the manifest may correct the date or the issuer the names are read with
            from .succession import apply_succession

            apply_succession(document, as_of)
        if entry.implements:
            declared[document.id] = [entry.implements] if isinstance(entry.implements, str) else entry.implements
        documents.append(document)
    run = run_documents(documents, declared, reviews_dir=corpus_dir / "reviews", unread=unread)
    run.failures = failures + run.failures
    listing = corpus_dir / "manifest.yaml"
    absent = f"không có trong {listing}" if listing.exists() else f"chưa có {listing}"
    run.whole.notices[:0] = [
        Notice(str(corpus_dir / path), f"{absent}: đọc như văn bản "
               f"{'trung ương' if path.startswith('central/') else 'triển khai'} theo thư mục chứa nó",
               code="unlisted-document") for path in manifest.unlisted]
    return run
