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
