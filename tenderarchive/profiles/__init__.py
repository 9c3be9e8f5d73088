"""Topic profiles: which TenderNed publications to fetch and how to judge them.

A profile is a small YAML file (see ``youth_care.yaml`` for the annotated format).
``load_profile("youth_care")`` loads a shipped profile; a path loads any file, so
another topic (Wmo, all notices, …) is a file away. Loading validates the file
and raises ``ProfileError`` naming the file and the field.
"""

from __future__ import annotations

import re
from importlib import resources
from dataclasses import dataclass
from pathlib import Path



from tenderarchive.configfile import read_yaml

# Package data is read through importlib.resources, so it works from a zipped egg (scrapyd) too.
PROFILE_DIR = resources.files("tenderarchive.profiles")
_CPV = re.compile(r"^\d{8}-\d$")


class ProfileError(ValueError):
    pass


@dataclass(frozen=True)
class Relevance:
    cpv_strong: tuple[str, ...] = ()
    cpv_context: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()


@dataclass(frozen=True)
class Profile:
    name: str
    description: str
    cpv: tuple[str, ...]
    search: tuple[str, ...]
    all: bool
    relevance: Relevance
    path: str

    def queries(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """(query name, extra query parameters) for every list query to run."""
        if self.all:
            return [("all", [])]
        out = []
        if self.cpv:
            out.append(("cpv", [("cpvCodes", code) for code in self.cpv]))
        out.extend((f"search:{term}", [("search", term)]) for term in self.search)
        return out


def _strings(data: dict, key: str, where: str) -> tuple[str, ...]:
    value = data.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ProfileError(f"{where}: field {key!r} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _cpvs(data: dict, key: str, where: str) -> tuple[str, ...]:
    codes = _strings(data, key, where)
    for code in codes:
        if not _CPV.match(code):
            raise ProfileError(f"{where}: field {key!r}: {code!r} is not a CPV code with check digit (85311300-5)")
    return codes


def load_profile(name_or_path: str, _chain: tuple = ()) -> Profile:
    if not isinstance(name_or_path, str) or not name_or_path.strip():
        raise ProfileError(f"topic profile name {name_or_path!r:.80} is not a name or a path")
    path = Path(name_or_path)
    if not path.suffix:
        path = PROFILE_DIR / f"{name_or_path}.yaml"
    if not path.is_file():
        shipped = ", ".join(sorted(p.name[:-5] for p in PROFILE_DIR.iterdir() if p.name.endswith(".yaml")))
        raise ProfileError(f"topic profile {name_or_path!r} not found (shipped profiles: {shipped})")
    data = read_yaml(path, ProfileError, "topic profile")
    where = str(path)
    if not isinstance(data, dict) or not isinstance(data.get("name"), str):
        raise ProfileError(f"{where}: field 'name' is required")
    queries = data.get("queries")
    if not isinstance(queries, dict):
        raise ProfileError(f"{where}: field 'queries' must be a mapping")
    take_all = bool(queries.get("all", False))
    cpv = _cpvs(queries, "cpv", f"{where} queries")
    search = _strings(queries, "search", f"{where} queries")
    if not take_all and not cpv and not search:
        raise ProfileError(f"{where}: field 'queries' selects nothing (give cpv, search or all: true)")
    if "relevance_from" in data:
        key = str(Path(str(path)).resolve())
        if key in _chain:
            raise ProfileError(f"{where}: field 'relevance_from' refers back to {data['relevance_from']!r:.80}")
        relevance = load_profile(data["relevance_from"], _chain + (key,)).relevance
    else:
        rel = data.get("relevance") or {}
        if not isinstance(rel, dict):
            raise ProfileError(f"{where}: field 'relevance' must be a mapping")
        relevance = Relevance(
            _cpvs(rel, "cpv_strong", f"{where} relevance"),
            _cpvs(rel, "cpv_context", f"{where} relevance"),
            tuple(t.lower() for t in _strings(rel, "terms", f"{where} relevance")),
        )
    return Profile(data["name"], data.get("description", ""), cpv, search, take_all, relevance, str(path))
