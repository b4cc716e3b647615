"""doichieu: cross-check a central Vietnamese document against the provincial documents that implement it."""
from .model import DoichieuError, Document, Link, Coverage, Result, Task

__all__ = ["DoichieuError", "Document", "Link", "Coverage", "Result", "Task"]
