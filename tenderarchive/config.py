"""Reading the project's YAML files (topic profiles, the news source registry,
watchlists) against declared schemas.

Each file kind declares its shape once as pydantic models (``profiles/__init__.py``,
``sources.py``, ``watch/watchlist.py``); this module does the rest the same way for
all of them:

- :func:`read_yaml` reads the bytes (refusing a directory or a file over
  :data:`MAX_CONFIG_BYTES`), insists on UTF-8 and safe YAML without anchors and aliases
  and nesting deeper than :data:`MAX_DEPTH` (a self-referencing or "billion laughs" file is
  refused, not expanded: PyYAML has no option for that, hence one pass over its events);
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


#: A configuration file is a few KB; anything this large is not one.
MAX_CONFIG_BYTES = 1_000_000


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


#: libyaml's safe loader when PyYAML was built with it: linear, where the pure-Python one
#: spends seconds on a few KB of nested brackets (found by make fuzz).
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: Deepest nesting of lists and mappings accepted: a configuration file needs a handful.
MAX_DEPTH = 50


def _check_events(text: str) -> None:
    """One pass over the parser's events: no aliases (self-references, "billion laughs"),
    no nesting deeper than :data:`MAX_DEPTH`. PyYAML has no option for either."""
    depth = 0
    for event in yaml.parse(text, Loader=SAFE_LOADER):
        if isinstance(event, yaml.AliasEvent):
            raise yaml.YAMLError(f"aliases are not allowed (line {event.start_mark.line + 1})")
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise yaml.YAMLError(f"nested more than {MAX_DEPTH} levels deep")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1


def read_yaml(path, error: type[ValueError] = ConfigError, label: str | None = None) -> Any:
    """The parsed content of a YAML file, or ``error`` naming the file and the problem.

    ``path``: a path, or package data (an ``importlib.resources`` Traversable, which is
    not a ``Path`` inside a zipped egg)."""
    if not hasattr(path, "read_bytes"):
        path = Path(path)
    label = label or str(path)
    try:
        if path.is_dir():
            raise error(f"{label}: is a directory, not a file")
        if isinstance(path, Path):  # package data in a zipped egg is a Traversable without stat()
            size = path.stat().st_size
            if size > MAX_CONFIG_BYTES:
                raise error(f"{label}: {size} bytes is too large for a configuration file "
                            f"(limit {MAX_CONFIG_BYTES})")
        data = path.read_bytes()
    except OSError as exc:
        raise error(f"{label}: cannot read: {exc.strerror or exc}") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error(f"{label}: not UTF-8 (byte {exc.start})") from None
    try:
        _check_events(text)
        return yaml.load(text, Loader=SAFE_LOADER)  # noqa: S506 - a safe loader
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
