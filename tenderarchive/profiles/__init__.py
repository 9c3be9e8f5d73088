"""Topic profiles: which TenderNed publications to fetch and how to judge them.

A profile is a small YAML file (see ``youth_care.yaml`` for the annotated format).
``load_profile("youth_care")`` loads a shipped profile; a path loads any file, so
another topic (Wmo, all notices, …) is a file away. The file's shape is declared
once below (:class:`ProfileFile`) and checked by :mod:`tenderarchive.config`;
problems raise ``ProfileError`` naming the file and the field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Annotated

from pydantic import AfterValidator, Field, model_validator

from tenderarchive.config import Strict, read_yaml, validate

# Package data is read through importlib.resources, so it works from a zipped egg (scrapyd) too.
PROFILE_DIR = resources.files("tenderarchive.profiles")
#: The reason pipelines/classify.py gives a notice that only a shared social-services (``cpv_context``) code matched.
CONTEXT_ONLY = "not youth care: only a shared social-services CPV code, no youth-care term"
_CPV = re.compile(r"^\d{8}-\d$")


class ProfileError(ValueError):
    pass


def _text(value: str) -> str:
    if not value.strip():
        raise ValueError("must be a non-empty string")
    return value.strip()


def _cpv(value: str) -> str:
    if not _CPV.match(value):
        raise ValueError(f"{value!r} is not a CPV code with check digit (85311300-5)")
    return value


def _search(value: str) -> str:
    """A TenderNed ``search`` value: loose words (ORed), or one phrase in double quotes as the whole
    term. Two phrases in one query find nothing, silently (docs/reference/tenderned-api.md §2);
    a phrase with loose words or a stray quote has no documented meaning."""
    value = _text(value)
    if '"' in value and not re.fullmatch(r'"[^"]+"', value):
        raise ValueError(f"{value!r}: give loose words or one whole phrase in double quotes per term "
                         "(two phrases in one query find nothing); put each phrase in its own term")
    return value


Text = Annotated[str, AfterValidator(_text)]
SearchTerm = Annotated[str, AfterValidator(_search)]
Cpv = Annotated[str, AfterValidator(_cpv)]


class Relevance(Strict):
    """How a notice is judged youth care (tenderarchive/profiles/youth_care.yaml)."""

    cpv_strong: tuple[Cpv, ...] = ()
    cpv_context: tuple[Cpv, ...] = ()
    terms: tuple[Annotated[str, AfterValidator(lambda v: _text(v).lower())], ...] = ()


class Queries(Strict):
    all: bool = False
    cpv: tuple[Cpv, ...] = ()
    search: tuple[SearchTerm, ...] = ()

    @model_validator(mode="after")
    def selects_something(self):
        if not (self.all or self.cpv or self.search):
            raise ValueError("selects nothing (give cpv, search or all: true)")
        return self


class ProfileFile(Strict):
    """The declared shape of a profile file."""

    name: Text
    description: str = ""
    queries: Queries
    relevance: Relevance = Field(default_factory=Relevance)
    relevance_from: Text | None = None


@dataclass(frozen=True)
class Profile:
    name: str
    description: str
    cpv: tuple[str, ...]
    search: tuple[str, ...]
    all: bool
    relevance: Relevance
    path: str
    #: loaded by name from the package (``youth_care``, ``all``), not from a file of the user's
    shipped: bool = False

    def document(self) -> dict:
        """The profile as the content of one file that needs no other (its ``relevance_from`` read): what a crawl
        with a profile file of the user's records in its WARC file, so that a reparse replays it with the profile it
        ran with (tenderarchive/reparse.py ``crawl_plan``), the file moved on, edited or gone."""
        queries = {"all": True} if self.all else {key: list(values) for key, values in (
            ("cpv", self.cpv), ("search", self.search)) if values}
        relevance = {key: list(values) for key, values in self.relevance.model_dump().items()}
        return {"name": self.name, "description": self.description, "queries": queries, "relevance": relevance}

    def query_keys(self) -> list[str]:
        """What the profile lists, one key per value (``all``, ``cpv:85311300-5``, ``search:jeugdhulp``): recorded in a
        crawl's arguments, so that a later run knows which of its queries listed which years
        (spiders/tenderned.py ``TenderNedSpider.reach_back_for_new_queries``)."""
        if self.all:
            return ["all"]
        return [*(f"cpv:{code}" for code in self.cpv), *(f"search:{term}" for term in self.search)]

    def queries(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """(query name, extra query parameters) for every list query to run."""
        if self.all:
            return [("all", [])]
        out = []
        if self.cpv:
            out.append(("cpv", [("cpvCodes", code) for code in self.cpv]))
        out.extend((f"search:{term}", [("search", term)]) for term in self.search)
        return out


def _beside(name_or_path: str, profile_path, shipped: bool) -> str:
    """A profile's ``relevance_from``: a shipped profile's name as it is, a relative path read from the folder of the
    profile file that names it (as an include is), not from wherever the crawl was started (a cron job, scrapyd)."""
    other = Path(name_or_path)
    if shipped or not other.suffix or other.is_absolute():
        return name_or_path
    return str(Path(profile_path).parent / other)


def profile_file_of(profile: Profile, replayed: str | None = None) -> dict:
    """What a crawl records of a profile file of the user's besides its name (``crawls.arguments``): ``profile_file``,
    the file's absolute path, so that the command ``status`` names to crawl a stopped crawl's window again
    (tenderarchive/cli.py ``crawl_again_command``) reads the same file; its ``name``, which is no profile the package
    has, said ``--profile wmo``, refused as not found. The path, not the settings: the file may be edited since
    (the crawl's WARC file keeps the profile as it ran, which a reparse replays). ``replayed``: the path the
    recorded crawl named, for its replay, which reads the profile from a temporary file. {} for a shipped profile."""
    path = replayed or (None if profile.shipped else str(Path(profile.path).expanduser().resolve()))
    return {"profile_file": path} if path else {}


def load_profile(name_or_path: str, _seen: tuple[str, ...] = ()) -> Profile:
    if not isinstance(name_or_path, str) or not name_or_path.strip():
        raise ProfileError(f"topic profile name {name_or_path!r:.80} is not a name or a path")
    path = Path(name_or_path)
    shipped = not path.suffix
    if shipped:
        path = PROFILE_DIR / f"{name_or_path}.yaml"
    try:
        found = path.is_file()
    except OSError as exc:  # a name longer than a file name may be (ENAMETOOLONG): Path.is_file raised it
        raise ProfileError(f"topic profile {name_or_path!r:.80}: {exc.strerror or exc}") from None
    if not found:
        shipped = ", ".join(sorted(p.name[:-5] for p in PROFILE_DIR.iterdir() if p.name.endswith(".yaml")))
        raise ProfileError(f"topic profile {name_or_path!r} not found (shipped profiles: {shipped})")
    where = str(path)
    spec = validate(ProfileFile, read_yaml(path, ProfileError), ProfileError, where)
    relevance = spec.relevance
    if spec.relevance_from is not None:
        if where in _seen:
            raise ProfileError(f'{where}: field "relevance_from": refers back to itself ({" → ".join(_seen)})')
        relevance = load_profile(_beside(spec.relevance_from, path, shipped), (*_seen, where)).relevance
    return Profile(spec.name, spec.description, spec.queries.cpv, spec.queries.search, spec.queries.all,
                   relevance, where, shipped)
