"""The corpus manifest: which documents there are, their roles, and which central document each
provincial document implements (declared, or detected from its "Thực hiện …" citation)."""
from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from .model import Document, DocumentMeta, DoichieuError
from .vntext import fold


class ManifestEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: str
    role: Literal["central", "provincial"]
    id: str | None = None
    implements: list[str] | str | None = None  # central document id(s)
    meta: dict[str, str] = {}

    @field_validator("meta")
    @classmethod
    def _known_fields(cls, meta: dict[str, str]) -> dict[str, str]:
        settable = {name for name, spec in DocumentMeta.__dataclass_fields__.items() if spec.type in ("str | None",)}
        unknown = sorted(set(meta) - settable)
        if unknown:
            raise ValueError(f"unknown meta field(s) {unknown}; allowed: {sorted(settable)}")
        return meta


class Manifest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    documents: list[ManifestEntry]


def load_manifest(corpus_dir: Path) -> Manifest:
    """corpus_dir/manifest.yaml, validated."""
    path = corpus_dir / "manifest.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return Manifest.model_validate(data)
    except OSError as error:
        raise DoichieuError(str(path), f"cannot read the corpus manifest ({error.strerror})") from None
    except (yaml.YAMLError, ValidationError) as error:
        raise DoichieuError(str(path), f"invalid corpus manifest: {error}") from None


def _number_key(number: str | None) -> str:
    return fold(number or "").replace(" ", "")


def detect_central(provincial: Document, centrals: list[Document]) -> list[str]:
    """Ids of the central documents a provincial document says it implements (by số hiệu)."""
    wanted = [_number_key(c.number) for c in provincial.meta.implements]
    found = []
    for central in centrals:
        key = _number_key(central.meta.number)
        if key and key in wanted:
            found.append(central.id)
    return found


def pair_documents(documents: list[Document], declared: dict[str, list[str]]) -> list[tuple[Document, Document]]:
    """(central, provincial) pairs: declared in the manifest, else detected from citations; a lone
    central document pairs with every provincial document that names nothing."""
    centrals = [d for d in documents if d.role == "central"]
    pairs = []
    for provincial in (d for d in documents if d.role == "provincial"):
        targets = declared.get(provincial.id) or detect_central(provincial, centrals)
        if not targets and len(centrals) == 1:
            targets = [centrals[0].id]
        for central in centrals:
            if central.id in targets:
                pairs.append((central, provincial))
    return pairs
