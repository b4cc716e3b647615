"""Loading the rule files in rules/ (Vietnamese knowledge kept as data), validated on load.

Each stage declares a pydantic model for the file it reads and calls `load_rules(name, Model)`;
a file that does not fit its model stops the run with one message naming the file and the field.
"""
from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from .model import DoichieuError

M = TypeVar("M", bound=BaseModel)
# libyaml's loader when PyYAML was built with it: the same data, about 9x faster than the pure-Python parser
# (0.11 s of a cold run on the rule files)
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def rules_dir() -> Path:
    """rules/ beside the package, or $DOICHIEU_RULES."""
    override = os.environ.get("DOICHIEU_RULES")
    return Path(override) if override else Path(__file__).resolve().parent.parent / "rules"


@cache
def _read_yaml(path: Path) -> object:
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_SafeLoader)  # noqa: S506 - a safe loader
    except OSError as error:
        raise DoichieuError(str(path), f"cannot read rule file ({error.strerror})") from None
    except yaml.YAMLError as error:
        raise DoichieuError(str(path), f"rule file is not valid YAML: {error}") from None


@cache
def load_rules(name: str, model: type[M]) -> M:
    """rules/<name>.yaml validated against `model` (cached: rule files are read once per process)."""
    path = rules_dir() / f"{name}.yaml"
    return validated(model, _read_yaml(path), path)


def validated(model: type[M], data: object, path: Path, at: tuple[str, ...] = ()) -> M:
    """`data` validated against `model`; else a DoichieuError on the rule file `path` naming the first invalid
    field, under the keys `at` ("structure": a part of the file validated again once filled in)."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in (*at, *first["loc"]))
        raise DoichieuError(str(path), f"invalid rule at {where}: {first['msg']}") from None
