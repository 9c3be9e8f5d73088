"""The docs say what the code does: every CLI subcommand, exit code and setting is in the README;
every stage id and event kind is in the glossary; docstrings cite files inside the repository."""

import ast
import re

import pytest

from tenderarchive import settings
from tenderarchive.cli import parser
from tenderarchive.exitcodes import ExitCode
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
GLOSSARY = (ROOT / "docs" / "glossary.md").read_text(encoding="utf-8")
STAGES = (ROOT / "docs" / "reference" / "stages.md").read_text(encoding="utf-8")


def subcommands() -> list[str]:
    [action] = [a for a in parser()._actions if a.dest == "command"]
    return sorted(action.choices)


def setting_names() -> list[str]:
    """The settings assigned in tenderarchive/settings.py (not names it imports)."""
    tree = ast.parse((ROOT / "tenderarchive" / "settings.py").read_text(encoding="utf-8"))
    names = {target.id for node in tree.body if isinstance(node, ast.Assign)
             for target in node.targets if isinstance(target, ast.Name)}
    assert names <= set(vars(settings))
    return sorted(name for name in names if name.isupper())


def stage_ids() -> list[str]:
    """The stage ids of docs/reference/stages.md (its table's first column)."""
    return re.findall(r"^\| `([a-z_]+)` \|", STAGES, re.M)


def event_kinds() -> list[str]:
    from tenderarchive.analysis.dates import EVENT_KINDS, KIND_STAGE
    from tenderarchive.timeline import NOTICE_EVENT_KINDS

    return sorted(set(NOTICE_EVENT_KINDS) | set(KIND_STAGE) | {kind for kind, _ in EVENT_KINDS})


def test_the_lists_are_not_empty():
    assert len(subcommands()) >= 8 and len(setting_names()) >= 30
    assert len(stage_ids()) == 20 and len(event_kinds()) >= 20


@pytest.mark.parametrize("command", subcommands())
def test_every_cli_subcommand_is_in_the_readme(command):
    assert f"`tenderarchive {command}" in README


@pytest.mark.parametrize("command", ["serve", "status", "export", "reparse", "extract"])
def test_a_command_s_synopsis_in_the_readme_names_every_option_it_takes(command):
    """The README's table of other commands gives these commands' options in full; it left out ``serve --setting``,
    ``status --limit/--errors`` and ``reparse --warc/--accept-dropped`` (the way to accept a rebuild that drops
    rejected pages), which a reader found only in ``--help``. ``--db`` is every command's."""
    import argparse

    sub = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction)).choices[command]
    options = {o for a in sub._actions for o in a.option_strings if o.startswith("--")} - {"--help", "--db"}
    [synopsis] = re.findall(rf"^\| `tenderarchive {command} ([^`]*)` \|", README, re.M)
    assert sorted(options - set(re.findall(r"--[\w-]+", synopsis))) == []


@pytest.mark.parametrize("code", list(ExitCode), ids=lambda c: c.name)
def test_every_exit_code_is_in_the_readme(code):
    assert f"| {code.value} | `{code.name}` |" in README


@pytest.mark.parametrize("name", setting_names())
def test_every_setting_is_in_the_readme(name):
    assert f"`{name}`" in README


@pytest.mark.parametrize("stage", stage_ids())
def test_every_stage_id_is_in_the_glossary(stage):
    assert f"| `{stage}` |" in GLOSSARY


@pytest.mark.parametrize("kind", event_kinds())
def test_every_event_kind_is_in_the_glossary(kind):
    assert f"| `{kind}` |" in GLOSSARY


# The English words of table, column, parameter and saved-search names. Every other word of a name is Dutch
# and must be in the glossary: a new name word goes in the glossary or, when it is English, here.
ENGLISH_NAME_WORDS = set("""
again age alias implied imported submission deviating rules aliases alive all approximate archived area arguments article articles as at award awarded awardees awards
basis before bounds buyer buyers by bytes call cancelled care category cbs cents change changed changes code codes
columns completed consortium consultation content contract contracts count country counts cpv crawl crawls
cue currency current date days deadline description difference differences digital document documents
download drift dropped duration end error errors estimated european event events evidence excerpt expected extractor
fetched fetches file finish finished first flag for form framework freshness from group has high highest hours trade
http id ids in inference inferred is items key keywords kind label labels language last latest layout leader
legal length links list listed living location lot lots low lowest main matched maxima maximum member members membership mergers
method model modified month municipalities name named nature new news not note notice notices number nuts ocds ocid parties party of
official offset old omitted only open org organisation organisations page pages pct pdf per place
placeholder platform precision previous primary prior problems procedure procedures procurement
procurements provider province publication published raw reason reasons received rectification rectifies
reestimate reference refs region regional regions release relevance relevant requests responses results
role row rows rule scale score search section seen sentence share since site sites size soft source sources spider
stage stages start started status success successful summary supplier suppliers table tax ted tender tenderned
tenders terms text this timeline title to total type types unchanged unread until unverified update updated url
used valid value values version versions virus warc week who winner winners with without won year years youth zip
""".split())


def name_words() -> dict[str, str]:
    """Each word of a table, column, saved-search or parameter name of the data dictionary, with one name
    that uses it."""
    from tenderarchive.metadata import load_metadata

    database = load_metadata()["databases"]["archive"]
    names = []
    for table, spec in database["tables"].items():
        names += [table, *(f"{table}.{c}" for c in spec.get("columns") or {})]
    for query, spec in database["queries"].items():
        names += [query, *(f"{query}.{c}" for c in spec.get("columns") or {}),
                  *(f"{query}?{p}" for p in spec.get("params") or [])]
    words = {}
    for name in names:
        for word in re.split(r"[_.?]", name.lower()):
            if word.isalpha() and len(word) > 1:
                words.setdefault(word, name)
    return words


def glossary_words() -> set[str]:
    """The words of the first column of the glossary's tables (``word, plural (variant)``)."""
    cells = re.findall(r"^\| ([^|`]+?) \|", GLOSSARY, re.M)
    return {w.lower() for cell in cells for w in re.findall(r"[A-Za-zë']+", cell)} | \
        {w.lower().replace("'", "") for cell in cells for w in re.findall(r"[A-Za-zë']+", cell)}


def test_every_dutch_word_of_a_name_is_in_the_glossary():
    words = name_words()
    assert {"opdrachtgever", "aanbieder", "perceel", "jeugdregio", "winnaars"} <= set(words)
    missing = {w: name for w, name in words.items() if w not in ENGLISH_NAME_WORDS and w not in glossary_words()}
    assert not missing, f"Dutch words of names missing from docs/glossary.md: {missing}"
    for word in ("opdrachtgever", "aanbieder", "winnaar"):
        assert word in glossary_words()


def test_the_glossary_cites_tables_and_columns_that_exist():
    """Every `table.column` and archive location the glossary gives is in the data dictionary, and no
    domain word that has a table says it has none ("—")."""
    from tenderarchive.metadata import load_metadata

    tables = load_metadata()["databases"]["archive"]["tables"]
    cited = re.findall(r"`([a-z_]+)\.([a-z_]+)`", GLOSSARY)
    assert len(cited) > 20
    unknown = [f"{t}.{c}" for t, c in cited if t in tables and c not in (tables[t].get("columns") or {})]
    assert not unknown, unknown
    assert not [t for t, _ in cited if t not in tables and t not in {"tenderarchive", "docs"}]
    for word in ("perceel", "jeugdregio", "opdrachtgever", "aanbieder", "winnaar"):
        [row] = [line for line in GLOSSARY.splitlines() if re.match(rf"\| {word}\b", line)]
        assert not row.rstrip().endswith("| — |"), row


def test_docstrings_cite_files_inside_the_repository():
    """No module points at the workspace's reference folder outside the repository."""
    outside = re.compile(r"\.\./shared|/work/shared|(?<![\w/])shared/reference|(?<![\w/.])reference/[\w-]+\.md")
    offenders = []
    for folder in ("tenderarchive", "spiders", "pipelines"):
        for path in sorted((ROOT / folder).rglob("*.py")):
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if outside.search(line):
                    offenders.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert offenders == []


def test_the_stage_vocabulary_is_stages_md_in_its_order():
    """One vocabulary: the code's order, the glossary's table and every stage a mapping emits are the
    ids of docs/reference/stages.md, in its order."""
    from tenderarchive.analysis.dates import KIND_STAGE
    from tenderarchive.analysis.vocabulary import STAGE_ORDER
    from tenderarchive.timeline import AWARD_FORM_EVENTS, FORM_TYPE_STAGES, PUBLICATION_EVENTS

    section = GLOSSARY.split("## Stage ids", 1)[1].split("\n## ", 1)[0]
    assert STAGE_ORDER == stage_ids() == re.findall(r"^\| `([a-z_]+)` \|", section, re.M)
    emitted = ({stage for _, stage in [*PUBLICATION_EVENTS.values(), *AWARD_FORM_EVENTS.values()]}
               | set(FORM_TYPE_STAGES.values()) | set(KIND_STAGE.values()) | {"inschrijving", "contractstart"})
    assert emitted - {None} <= set(stage_ids())


def test_who_writes_what_names_every_table_and_view_of_an_archive(tmp_path_factory):
    """docs/ARCHITECTURE.md "Who writes what" says, for every table of an archive, which part of the
    system writes it (the brief: docs say who writes which table). The award tables, the news
    detail tables, the reference data and the search index's tables were not named."""
    import fnmatch
    import re
    import sqlite3

    from tests.datasette.archive_fixtures import build_demo, run_dir

    doc = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    section = doc[doc.index("## Who writes what"):doc.index("As built (deliberate")]
    named = set(re.findall(r"`([a-z_*]+)(?:\.[a-z_]+)?`", section))
    db = build_demo(tmp_path_factory.mktemp("who-writes") / "archive.db", run_dir(tmp_path_factory))
    tables = [name for (name,) in sqlite3.connect(db).execute(
        "select name from sqlite_master where type in ('table', 'view') and name not like 'sqlite_%'")]
    missing = [t for t in tables if not any(fnmatch.fnmatchcase(t, pattern) for pattern in named)]
    assert missing == []


ARCHITECTURE = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")


def section(text: str, heading: str) -> str:
    return text.split(f"\n## {heading}", 1)[1].split("\n## ", 1)[0]


def named(name: str, text: str) -> bool:
    """``name`` in backticks in ``text``, itself or through a pattern such as `summary_*` or `*_fts`."""
    patterns = re.findall(r"`([a-z_]*\*[a-z_*]*)`", text)
    return f"`{name}`" in text or any(re.fullmatch(p.replace("*", "[a-z_]*"), name) for p in patterns)


def test_the_architecture_names_every_table_and_who_writes_it(tmp_path):
    """docs/ARCHITECTURE.md against a built archive: every table and view is in "The archive" and in
    "Who writes what"; the pipeline steps are ITEM_PIPELINES' in their order; the sources are the
    spiders' (no TED: no spider reads it)."""
    import sqlite3

    from tests.conftest import installed

    path = tmp_path / "archive.db"
    assert installed("build-demo", "--db", path).returncode == 0
    with sqlite3.connect(path) as conn:
        names = [n for (n,) in conn.execute("select name from sqlite_master where type in ('table', 'view') "
                                             "and name not like 'sqlite_%' and name not like '%_fts_%'")]
    assert len(names) > 40
    archive, writers = section(ARCHITECTURE, "The archive"), section(ARCHITECTURE, "Who writes what")
    assert not [n for n in names if not named(n, archive)], "tables missing from 'The archive'"
    assert not [n for n in names if not named(n, writers)], "tables missing from 'Who writes what'"
    flow = section(ARCHITECTURE, "Layers and data flow")
    steps = [path.split(".")[1] for path, _ in sorted(settings.ITEM_PIPELINES.items(), key=lambda kv: kv[1])]
    assert re.search(r".*→.*".join(re.escape(step) for step in steps), flow, re.S), steps
    assert "link (news" not in flow and "TED" not in flow.split("\n   │")[0]
    from scrapy.spiderloader import SpiderLoader
    from scrapy.utils.project import get_project_settings

    for spider in SpiderLoader.from_settings(get_project_settings()).list():
        assert spider in flow, spider


#: Where the docs give ``tenderarchive`` command lines: the README, docs/, the deploy recipes, bench/README.md.
DOC_FILES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), ROOT / "bench" / "README.md",
             ROOT / "deploy" / "crontab.example", *sorted((ROOT / "deploy" / "systemd").glob("*.service"))]


def documented_command_lines() -> list[tuple[str, int, str, str, bool]]:
    """(file, line, subcommand, the rest of the line, whether it is a command to run: in a fenced code block or
    a deploy recipe, not prose) for every ``tenderarchive SUBCOMMAND …`` the docs give, cut at a comment, a code
    span's end, a shell operator or a table cell's end (`` | ``, not ``csv\\|json``)."""
    found = []
    names = "|".join(re.escape(name) for name in subcommands())
    for path in DOC_FILES:
        fenced = path.suffix != ".md"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if path.suffix == ".md" and line.lstrip().startswith("```"):
                fenced = not fenced
                continue
            for match in re.finditer(rf"tenderarchive\s+({names})\b([^`\n]*)", line):
                rest = re.split(r"\s#\s|\|\||&&|;|(?<!\\)\|(?![^\[]*\])|\s[12]?>", match.group(2))[0]
                found.append((path.relative_to(ROOT).as_posix(), number, match.group(1), rest, fenced))
    return found


def test_every_option_the_docs_give_a_command_is_one_it_takes():
    """An example command whose option was renamed or never existed fails as the user copies it (exit 2);
    every option in every documented ``tenderarchive`` line (synopses too) is one of that command's."""
    import argparse

    commands = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction)).choices
    options = {name: {o for a in sub._actions for o in a.option_strings} for name, sub in commands.items()}
    lines = documented_command_lines()
    assert len(lines) > 40 and {line[2] for line in lines} == set(commands)
    unknown = [(f, n, command, option) for f, n, command, rest, _ in lines
               for option in re.findall(r"(?<![\w-])(--?[a-zA-Z][\w-]*)", rest) if option not in options[command]]
    assert unknown == []


def test_every_example_command_of_the_docs_parses():
    """Every documented command line that is an example (in a code block or a deploy recipe; no ``[optional]``
    synopsis, no ``…``) parses as the
    CLI reads it: nothing a user copies is refused with exit 2 before it runs."""
    import contextlib
    import io
    import shlex

    examples = [(f, n, command, rest) for f, n, command, rest, fenced in documented_command_lines()
                if fenced and "[" not in rest and "…" not in rest and "..." not in rest and "|" not in rest]
    assert len(examples) > 10
    refused = []
    for f, n, command, rest in examples:
        argv = [command, *shlex.split(rest.replace("$", "X"))]
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            try:
                parser().parse_args(argv)
            except SystemExit as exit:
                if exit.code:
                    refused.append((f, n, " ".join(argv), err.getvalue().strip().splitlines()[-1]))
    assert refused == []
