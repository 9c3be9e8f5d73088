"""Reading the project's YAML files (topic profiles, the news source registry, watchlists)
so that a broken file is one clear error naming the file and the problem, never a traceback.

PyYAML (its safe loader, libyaml's when available) parses; this module only turns what can go wrong around it into
the caller's error class (``ProfileError``, ``SourceRegistryError``, ``WatchlistError``):

- the path is missing, a directory or unreadable (``OSError``);
- the file is larger than :data:`MAX_CONFIG_BYTES` (a configuration file is a few KB);
- the bytes are not UTF-8 (the message gives the byte offset);
- the YAML is invalid, or nested so deeply that the parser recurses too far;
- lists and mappings are nested more than :data:`MAX_DEPTH` levels deep;
- aliases make the document refer to itself (``&a [*a]``) or expand to more than
  :data:`MAX_NODES` values ("billion laughs"): safe_load shares aliased values instead of
  copying them, so loading is cheap, but every later walk over the data would loop or
  explode. PyYAML has no option to refuse either, so :func:`check_shape` walks the loaded
  value once, counting nodes and following each container only while it is on the path.
"""

from __future__ import annotations

from pathlib import Path

import yaml

MAX_CONFIG_BYTES = 1_000_000
#: libyaml's safe loader when PyYAML was built with it: linear, and it refuses deep nesting at
#: once, where the pure-Python one spends seconds on a few KB of brackets (found by make fuzz)
#: before running out of recursion.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_NODES = 100_000
#: Deepest nesting of lists and mappings accepted: a configuration file needs a handful of
#: levels; deeper data would make every recursive walk over it (repr, validation) overflow.
MAX_DEPTH = 50


def read_yaml(path, error: type[Exception], what: str = "file"):
    """The parsed YAML of ``path``; any problem raises ``error("PATH: problem")``."""
    if isinstance(path, str):
        path = Path(path)
    try:
        if path.is_dir():
            raise error(f"{path}: is a directory, not a {what}")
        if isinstance(path, Path):  # package data in a zipped egg is a Traversable without stat()
            size = path.stat().st_size
            if size > MAX_CONFIG_BYTES:
                raise error(f"{path}: {size} bytes is too large for a {what} (limit {MAX_CONFIG_BYTES})")
        raw = path.read_bytes()
    except OSError as exc:
        raise error(f"{path}: cannot read the {what}: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error(f"{path}: not UTF-8 text (byte {exc.start}: {raw[exc.start:exc.start + 1]!r})") from None
    try:
        data = yaml.load(text, Loader=SAFE_LOADER)
    except yaml.YAMLError as exc:
        raise error(f"{path}: not valid YAML: {' '.join(str(exc).split())}") from None
    except RecursionError:
        raise error(f"{path}: not valid YAML: nested too deeply") from None
    problem = check_shape(data)
    if problem:
        raise error(f"{path}: {problem}")
    return data


def check_shape(data) -> str | None:
    """None if ``data`` is a finite tree of at most :data:`MAX_NODES` values and
    :data:`MAX_DEPTH` levels, else the problem."""
    count = 0
    on_path: set[int] = set()
    stack: list[tuple[object, bool, int]] = [(data, False, 0)]
    while stack:
        value, leaving, depth = stack.pop()
        if leaving:
            on_path.discard(id(value))
            continue
        count += 1
        if count > MAX_NODES:
            return f"more than {MAX_NODES} values (aliases expanding without bound?)"
        if isinstance(value, (dict, list)):
            if id(value) in on_path:
                return "refers to itself (a YAML alias inside its own anchor)"
            if depth >= MAX_DEPTH:
                return f"nested more than {MAX_DEPTH} levels deep"
            on_path.add(id(value))
            stack.append((value, True, depth))
            children = list(value.keys()) + list(value.values()) if isinstance(value, dict) else value
            stack.extend((child, False, depth + 1) for child in children)
    return None
