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
  ``sources.yaml: entry 3 ("heerlen"): field "discovery.sitemaps[0]": must be a URL``, in the file's
  words (:func:`message`): an unknown field with the field meant (``did you mean "feeds"?``, or the
  section it belongs under), a value of the wrong kind with what to write (``must be a mapping of
  fields (urls, next, max_pages), not text ('nieuws')``), never pydantic's class and type names.

Every problem raises the caller's error class (a ``ValueError``), so the CLI reports
it as a bad argument.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any, TypeVar, get_args

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
        # at most one byte past the limit, whatever stat said: a device (/dev/zero: size 0, no end) was read whole
        # until the process died; a pipe (a shell's process substitution, ``--sources <(…)``) is read as a file
        with path.open("rb") as handle:
            data = handle.read(MAX_CONFIG_BYTES + 1)
        if len(data) > MAX_CONFIG_BYTES:
            raise error(f"{label}: more than {MAX_CONFIG_BYTES} bytes is too large for a configuration file")
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
    except (ValueError, OverflowError) as exc:
        # a plain value YAML reads as a timestamp no calendar has ("since: 2021-02-30", "…T25:61:61"): PyYAML's
        # constructor lets datetime's ValueError out (a traceback where the file's other errors are one line)
        raise error(f"{label}: not valid YAML: a date or time no calendar has ({exc}); quote it to mean "
                    f"text") from None


def field_path(loc: tuple) -> str:
    """``("discovery", "sitemaps", 0)`` → ``discovery.sitemaps[0]``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif not str(part).startswith(("function-", "json-or-python", "list[", "tagged-union")):
            out += f".{part}" if out else str(part)
    return out or "(entry)"


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model a field's annotation declares (``ListingSpec | None``, ``list[SiteSpec]``,
    ``Annotated[...]``), else None."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        if (found := _model_in(arg)) is not None:
            return found
    return None


def model_at(model: type[BaseModel] | None, loc: tuple) -> type[BaseModel] | None:
    """The model that validates the value at ``loc`` (list indexes skipped), else None."""
    for part in loc:
        if isinstance(part, int):
            continue
        field = model.model_fields.get(str(part)) if model is not None else None
        model = _model_in(field.annotation) if field is not None else None
    return model


#: What a value of the wrong kind should have been, in the words of the file (pydantic's own say "a valid
#: dictionary or instance of ListingSpec", "a valid tuple": the class and the Python type, not what to write).
_KINDS = {"tuple_type": "a list, e.g. [a, b]", "list_type": "a list, e.g. [a, b]", "string_type": "text",
          "dict_type": "a mapping of names to values", "int_type": "a whole number", "int_parsing": "a whole number",
          "float_type": "a number", "float_parsing": "a number", "bool_type": "true or false",
          "bool_parsing": "true or false"}


def _written(value: Any) -> str:
    """How the wrong value was written: its kind and a short quote."""
    kind = {dict: "a mapping", list: "a list", str: "text", bool: "true/false", type(None): "empty"}.get(
        type(value), "a number" if isinstance(value, (int, float)) else type(value).__name__)
    return kind if value is None else f"{kind} ({' '.join(repr(value).split())[:40]})"


def _fields(model: type[BaseModel]) -> str:
    return ", ".join(model.model_fields)


def message(error: dict, model: type[BaseModel] | None = None) -> str:
    """One line saying what is wrong with a value, in the file's words: an unknown field with the field meant
    (a close name, or the section it belongs in), a value of the wrong kind with what to write instead.
    ``model``: the file's model, to name the fields where the error stands."""
    text = error["msg"].removeprefix("Value error, ").removeprefix("Assertion failed, ")
    loc = tuple(error.get("loc") or ())
    if error["type"] == "extra_forbidden":
        parent = model_at(model, loc[:-1])
        if parent is None or not loc:
            return "unknown field"
        name = str(loc[-1])
        close = difflib.get_close_matches(name.casefold(), list(parent.model_fields), n=1, cutoff=0.75)
        home = next((f for f, info in parent.model_fields.items()
                     if (inner := _model_in(info.annotation)) is not None and name in inner.model_fields), None)
        if home is not None:
            return f'unknown field here; "{name}" belongs under "{home}" ({home}: {{{name}: ...}})'
        hint = f'did you mean "{close[0]}"? ' if close else ""
        return f"unknown field ({hint}fields here: {_fields(parent)})"
    if error["type"] == "missing":
        return "required"
    if error["type"] in ("model_type", "model_attributes_type"):
        inner = model_at(model, loc)
        fields = f" ({_fields(inner)})" if inner is not None else ""
        return f"must be a mapping of fields{fields}, not {_written(error.get('input'))}"
    if error["type"] in _KINDS:
        return f"must be {_KINDS[error['type']]}, not {_written(error.get('input'))}"
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
        raise error(f'{where}: field "{field}": {message(first, model)}') from None
