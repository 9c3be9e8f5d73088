"""Reading the project's YAML files (topic profiles, the news source registry,
watchlists) against declared schemas.

Each file kind declares its shape once as pydantic models (``profiles/__init__.py``,
``sources.py``, ``watch/watchlist.py``); this module does the rest the same way for
all of them:

- :func:`read_yaml` reads the bytes, insists on UTF-8 and safe YAML without anchors
  and aliases (a self-referencing or "billion laughs" file is refused, not expanded);
- :func:`validate` checks the data against a model and turns pydantic's errors into
  one line that names the file, the entry and the field, e.g.
  ``sources.yaml: entry 3 ("heerlen"): field "discovery.sitemaps[0]": must be a URL``.

Every problem raises the caller's error class (a ``ValueError``), so the CLI reports
it as a bad argument.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

M = TypeVar("M", bound=BaseModel)


class ConfigError(ValueError):
    """A YAML file that cannot be used; the message names the file and the problem."""


class Strict(BaseModel):
    """Base of every declared file shape: unknown fields are errors; pydantic's lax mode
    still refuses a number for a string and a string for a list."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class FieldError(ValueError):
    """Raised by a model-level check to blame one field: ``FieldError("discovery", "needs …")``."""

    def __init__(self, field: str, problem: str):
        super().__init__(problem)
        self.field = field


class _NoAliasLoader(yaml.SafeLoader):
    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.YAMLError(f"aliases are not allowed (line {event.start_mark.line + 1})")
        return super().compose_node(parent, index)


def read_yaml(path: str | Path, error: type[ValueError] = ConfigError, label: str | None = None) -> Any:
    """The parsed content of a YAML file, or ``error`` naming the file and the problem."""
    path = Path(path)
    label = label or str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise error(f"{label}: cannot read: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error(f"{label}: not UTF-8 (byte {exc.start})") from None
    try:
        return yaml.load(text, Loader=_NoAliasLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise error(f"{label}: not valid YAML: {' '.join(str(exc).split())}") from None
    except RecursionError:
        raise error(f"{label}: not valid YAML: nested too deeply") from None


def field_path(loc: tuple) -> str:
    """``("discovery", "sitemaps", 0)`` → ``discovery.sitemaps[0]``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif not str(part).startswith(("function-", "json-or-python", "list[", "tagged-union")):
            out += f".{part}" if out else str(part)
    return out or "(entry)"


def message(error: dict) -> str:
    text = error["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if error["type"] == "extra_forbidden":
        return "unknown field"
    if error["type"] == "missing":
        return "required"
    return text


def validate(model: type[M], data: Any, error: type[ValueError] = ConfigError, where: str = "",
             entries: str | None = None) -> M:
    """``data`` as a ``model``, or ``error`` naming ``where`` and the first bad field.

    ``entries``: the list field whose items are named entries (``sites``, ``watches``):
    errors inside one say ``entry N ("name")`` (numbered from 1) and the field within it."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        loc = tuple(first["loc"])
        cause = (first.get("ctx") or {}).get("error")
        if entries and len(loc) >= 2 and loc[0] == entries and isinstance(loc[1], int):
            items = data.get(entries) if isinstance(data, dict) else None
            item = items[loc[1]] if isinstance(items, list) and loc[1] < len(items) else None
            name = item.get("name") if isinstance(item, dict) else None
            label = f' ("{name}")' if isinstance(name, str) and name else ""
            where, loc = f"{where}: entry {loc[1] + 1}{label}", loc[2:]
        field = field_path(loc)
        if isinstance(cause, FieldError):
            field = f"{field}.{cause.field}" if loc else cause.field
        raise error(f'{where}: field "{field}": {message(first)}') from None
