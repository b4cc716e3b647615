"""`doichieu` command line: a thin layer over pipeline.api.

Every bad input is reported as one line naming the file and the problem; the other files go on;
the exit status is non-zero when anything failed. No traceback unless DOICHIEU_DEBUG=1.
"""
from __future__ import annotations

import gc
import importlib
import json
import os
import sys
from collections.abc import Iterable
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from .fsutil import os_reason
from .model import Document, DoichieuError, Notice, Result

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="doichieu — đối chiếu văn bản trung ương với văn bản triển khai của địa phương.")
review_app = typer.Typer(no_args_is_help=True, help="Ý kiến rà soát: nhập quyết định của người rà soát từ tệp Excel.")
app.add_typer(review_app, name="review")

out = Console()
err = Console(stderr=True)

PROGRESS_FROM = 5  # documents
# The code of a notice in the run's result.json that names a file the run could not read.
UNREAD = "unreadable-document"


# What each command needs: imported together by _load before any work.
PARSE_MODULES = ("spacy", "pipeline.ingest", "pipeline.normalize", "pipeline.segment", "pipeline.extract",
                 "pipeline.succession")
RUN_MODULES = (*PARSE_MODULES, "pipeline.corpus", "pipeline.linking", "pipeline.report.xlsx",
               "pipeline.report.html", "jinja2", "pipeline.report.tables", "pipeline.graph",
               "pipeline.report.outdir")

AS_OF_HELP = "Ngày (YYYY-MM-DD) dùng để xác định cơ quan hiện đang đảm nhận nhiệm vụ (mặc định: hôm nay)."


def _load(modules: tuple[str, ...]) -> None:
    """Import what a command needs with the cyclic garbage collector paused, then freeze it (gc.freeze).

    The libraries create some 200,000 long-lived objects the collector tracks (spaCy, thinc, numpy, scipy,
    pydantic, openpyxl, networkx); collections triggered while they load would scan them over and over, and
    every later full collection once more. Frozen, they are never scanned: about 0.15 s less for a cold
    `doichieu run`, and the same memory (the work itself still runs with the collector on)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        for name in modules:
            importlib.import_module(name)
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def _as_of(value: str | None) -> str | None:
    """Check a --as-of date; a bad one stops with one clear line (exit status 2)."""
    if value is None:
        return None
    from .succession import parse_date

    if parse_date(value) is None:
        err.print(f"[bold red]Lỗi[/] --as-of: ngày không hợp lệ '{value}' (dạng YYYY-MM-DD)", highlight=False)
        raise typer.Exit(2)
    return value


def _report_failure(error: DoichieuError) -> None:
    err.print(f"[bold red]Lỗi[/] {error.path}: {error.reason}", highlight=False, soft_wrap=True)


def _parse_files(files: list[Path], roles: list[str | None], ocr: bool,
                 as_of: str | None = None) -> tuple[list[Document], list[DoichieuError]]:
    from .api import parse_in_batch

    documents, failures = [], []
    for path, role in zip(files, roles, strict=True):
        try:
            documents.append(parse_in_batch(path, role=role, ocr=ocr, as_of=as_of))
        except DoichieuError as error:
            failures.append(error)
            _report_failure(error)
    return documents, failures


def _progress(entries: list) -> Iterable:
    """A progress bar on the terminal when a corpus has many documents."""
    if len(entries) < PROGRESS_FROM or not err.is_terminal:
        return entries
    from rich.progress import track

    return track(entries, description="Đang phân tích văn bản…", console=err, transient=True)


def _summary(pairs: dict[str, Result], out_dir: Path) -> None:
    """One table per pair, counted as the reports count (report.rows.build_crossref): a central task that does not
    reach localities and that nothing carries out is "Không giao cho địa phương", not "Chưa triển khai"; then the
    two files a reader opens."""
    from .naming import leader, leader_document
    from .report.labels import STATUS
    from .report.rows import build_crossref, document_label

    for name, result in pairs.items():
        central = next((d for d in result.documents if d.role == "central"), None)
        provincial = [d for d in result.documents if d.role == "provincial"]
        title = " ↔ ".join(document_label(d) for d in [central, *provincial] if d is not None)
        table = Table(title=f"{title}\n[dim]{name}[/]", title_justify="left")
        crossref = build_crossref(result)
        table.add_column(f"Nhiệm vụ của {leader_document(leader(crossref.central_docs))}")
        rows = crossref.central_rows
        statuses = [s for s in STATUS if s != "not_assigned" or any(r.status == s for r in rows)]
        for heading in ("Tổng", *(STATUS[s] for s in statuses)):
            table.add_column(heading, justify="right")
        for label, chosen in (("Tất cả", rows), ("Giao cho địa phương", [r for r in rows if r.localities])):
            table.add_row(label, str(len(chosen)), *(str(sum(r.status == s for r in chosen)) for s in statuses))
        out.print(table)
        out.print(f"  Báo cáo: {out_dir / name / 'coverage.html'} · Bảng đối chiếu: {out_dir / name / 'crossref.xlsx'}",
                  highlight=False, soft_wrap=True)


@app.command()
def run(
    # readable=False: an unreadable file is reported by ingest as one failure among the others, not a usage error
    files: list[Path] = typer.Argument(None, readable=False,
                                       help="Văn bản trung ương, rồi một hoặc nhiều văn bản của địa phương."),
    out_dir: Path = typer.Option(Path("outputs"), "--out", "-o", help="Thư mục kết quả."),
    corpus: Path = typer.Option(Path("corpus"), "--corpus", help="Thư mục corpus (khi không nêu tệp)."),
    ocr: bool = typer.Option(False, "--ocr", help="Nhận dạng chữ (Tesseract) cho bản quét không có lớp văn bản."),
    as_of: str | None = typer.Option(None, "--as-of", help=AS_OF_HELP),
) -> None:
    """Chạy toàn bộ quy trình và ghi kết quả (result.json, bảng đối chiếu, báo cáo HTML, đồ thị)."""
    _load(RUN_MODULES)
    from .api import CorpusRun, run_corpus, run_documents

    as_of = _as_of(as_of)
    if files:
        if len(files) < 2:
            err.print("[bold red]Lỗi[/] cần một văn bản trung ương và ít nhất một văn bản của địa phương.")
            raise typer.Exit(2)
        documents, failures = _parse_files(files, ["central"] + ["provincial"] * (len(files) - 1), ocr, as_of)
        central = [d for d in documents if d.role == "central"]
        if central:
            corpus_run = run_documents(documents, {d.id: [central[0].id] for d in documents if d.role == "provincial"})
        else:  # its failure is already told: no pair to compare, and nothing to ask of the provincial documents
            corpus_run = CorpusRun(whole=Result(documents=documents))
            err.print(f"[bold red]Lỗi[/] không đọc được văn bản trung ương {files[0]}: không có cặp văn bản nào để "
                      "đối chiếu.", highlight=False, soft_wrap=True)
        corpus_run.failures = failures
    else:
        corpus_run = run_corpus(corpus, as_of=as_of, progress=_progress)
        for failure in corpus_run.failures:
            _report_failure(failure)
    from .naming import notice_text

    for notice in corpus_run.whole.notices:
        err.print(f"[yellow]Lưu ý[/] {notice_text(notice)}", highlight=False, soft_wrap=True)
    # the run's result.json says which files it could not read (already told above as errors)
    corpus_run.whole.notices += [Notice(failure.path, f"không đọc được tệp này: {failure.reason}", code=UNREAD)
                                 for failure in corpus_run.failures]
    from .report.outdir import write_run

    try:  # the pair folders of earlier runs that this one does not make are removed or flagged (report.outdir)
        written = write_run(corpus_run.pairs, corpus_run.whole, out_dir)
    except OSError as error:  # each output is written whole or not at all (atomic); say which one could not be
        raise DoichieuError(str(error.filename or out_dir), f"không ghi được kết quả ({os_reason(error)})") from None
    for notice in written.notices:
        err.print(f"[yellow]Lưu ý[/] {notice}", highlight=False, soft_wrap=True)
    _summary(corpus_run.pairs, out_dir)
    out.print(f"Đã ghi kết quả vào [bold]{out_dir}/[/]")
    if corpus_run.failures:
        raise typer.Exit(1)


def _print_outline(document: Document) -> None:
    from .naming import notice_text, task_label
    from .succession import display

    meta = document.meta
    out.print(f"[bold]{document.path}[/] — {document.id} ({document.role or 'chưa rõ vai trò'})", highlight=False)
    facts = [f"{k}: {v}" for k, v in (("Loại", meta.doc_type), ("Số", meta.number), ("Ngày", meta.date),
                                      ("Cơ quan ban hành", meta.issuer), ("Trích yếu", meta.title)) if v]
    if facts:
        out.print("  " + " · ".join(facts), highlight=False)
    items = [(s.span.start, s.span.line, 0, s) for s in document.sections]
    items += [(t.span.start, t.span.line, 1, t) for t in document.tasks]
    parents = {s.id: s.parent for s in document.sections}
    for _, _, is_task, item in sorted(items, key=lambda x: (x[1], x[0], x[2])):
        # nesting from the enclosing sections, not from the dots of the id ("Chương.IV" is a top-level chapter)
        depth, parent = 0, item.parent
        while parent is not None and depth < len(parents):
            depth, parent = depth + 1, parents.get(parent)
        indent = "  " * (depth + 1)
        if is_task:
            leads = "; ".join(display(m) for m in item.leads) or "? (chưa xác định cơ quan chủ trì)"
            out.print(f"{indent}[cyan]{task_label(item.id)}[/] [dim](dòng {item.span.line})[/] {item.text[:90]}"
                      f"{'…' if len(item.text) > 90 else ''} [green]⇒ {leads}[/]", highlight=False)
        else:
            out.print(f"{indent}[bold]{item.id}[/] {item.title[:100]}", highlight=False)
    out.print(f"  {len(document.sections)} mục, {len(document.tasks)} nhiệm vụ")
    for notice in document.notices:
        out.print(f"  [yellow]Lưu ý[/] {notice_text(notice)}", highlight=False)


@app.command()
def parse(
    files: list[Path] = typer.Argument(..., readable=False,
                                       help="Các tệp cần phân tích (.pdf, .docx, .txt, .md, trang web .html)."),
    as_json: bool = typer.Option(False, "--json", help="In kết quả dạng JSON (cùng lược đồ với result.json)."),
    ocr: bool = typer.Option(False, "--ocr", help="Nhận dạng chữ cho bản quét."),
    as_of: str | None = typer.Option(None, "--as-of", help=AS_OF_HELP),
) -> None:
    """Phân tích cấu trúc và nhiệm vụ của từng văn bản."""
    _load(PARSE_MODULES)
    documents, failures = _parse_files(files, [None] * len(files), ocr, _as_of(as_of))
    if as_json:
        sys.stdout.write(json.dumps(Result(documents=documents).to_json(), ensure_ascii=False, indent=1) + "\n")
    else:
        for document in documents:
            _print_outline(document)
    if failures:
        raise typer.Exit(1)


@app.command("eval")
def evaluate_command(
    result_file: Path = typer.Argument(Path("outputs/result.json"), help="result.json của một lần chạy."),
    gold_dir: Path = typer.Option(Path("corpus/gold"), "--gold-dir", help="Thư mục dữ liệu chuẩn (gold)."),
) -> None:
    """Chấm điểm một lần chạy so với dữ liệu chuẩn, kèm hai phương pháp cơ sở."""
    from .evaluate import evaluate_run, render_table

    try:
        result = Result.from_json(json.loads(result_file.read_text(encoding="utf-8")))
    except OSError as error:
        raise DoichieuError(str(result_file), f"không đọc được tệp kết quả ({os_reason(error)})") from None
    except json.JSONDecodeError as error:
        raise DoichieuError(str(result_file), f"không phải tệp JSON hợp lệ (dòng {error.lineno}, cột {error.colno}): "
                                              "hãy dùng result.json do doichieu run ghi") from None
    except (ValueError, KeyError, TypeError, AttributeError):
        raise DoichieuError(str(result_file), "không phải result.json của doichieu (thiếu hoặc sai trường dữ liệu)") \
            from None
    out.print(render_table(evaluate_run(result, gold_dir)))


@review_app.command("import")
def review_import(
    workbook: Path = typer.Argument(..., help="Tệp crossref.xlsx đã điền cột 'Xác nhận'."),
    corpus: Path = typer.Option(Path("corpus"), "--corpus", help="Thư mục corpus (lưu vào corpus/reviews/)."),
) -> None:
    """Lưu quyết định của người rà soát; các lần chạy sau sẽ áp dụng."""
    from .report.labels import COL_REVIEW
    from .review import import_review

    stored = import_review(workbook, corpus / "reviews")
    if not stored:
        out.print(f"Không có quyết định nào trong cột '{COL_REVIEW}' của {workbook}: chưa lưu gì.")
    for target, count in stored.items():
        out.print(f"Đã lưu {count} quyết định rà soát vào [bold]{target}[/]")


def main() -> None:
    """Console entry point: one clear line per failure, no traceback (DOICHIEU_DEBUG=1 shows it)."""
    try:
        app()  # standalone mode: usage errors are shown by typer, which exits with status 2
    except DoichieuError as error:
        _report_failure(error)
        sys.exit(1)
    except KeyboardInterrupt:
        err.print("Đã dừng.")
        sys.exit(130)
    except Exception as error:  # noqa: BLE001 - the last guard of a command-line tool
        if os.environ.get("DOICHIEU_DEBUG"):
            raise
        err.print(f"[bold red]Lỗi nội bộ[/] {type(error).__name__}: {error} (DOICHIEU_DEBUG=1 để xem chi tiết)")
        sys.exit(70)
    finally:
        # The process ends here: spare the interpreter's last collections over every object (~0.2 s).
        gc.freeze()


if __name__ == "__main__":
    main()
