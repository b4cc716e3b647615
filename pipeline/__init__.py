"""doichieu: cross-check a central Vietnamese document against the provincial documents that implement it.

    import pipeline as dc
    result = dc.link(dc.parse(central_path, role="central"), dc.parse(provincial_path, role="provincial"))
    result.coverage_df(); result.graph(); result.write("outputs/pair")
"""
from .api import CorpusRun, link, parse, parse_source, parse_text, run_corpus
from .model import (
    Citation,
    Coverage,
    Deadline,
    Document,
    DocumentMeta,
    DoichieuError,
    Link,
    Mention,
    Notice,
    Result,
    Section,
    Task,
    TaskRef,
)

__all__ = [
    "parse", "parse_text", "parse_source", "link", "run_corpus", "CorpusRun",
    "Citation", "Coverage", "Deadline", "DoichieuError", "Document", "DocumentMeta", "Link", "Mention",
    "Notice", "Result", "Section", "Task", "TaskRef",
]
