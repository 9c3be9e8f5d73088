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
    from tenderarchive.analysis.dates import ARTICLE_EVENT_KINDS, KIND_STAGE
    from tenderarchive.timeline import NOTICE_EVENT_KINDS

    return sorted(set(NOTICE_EVENT_KINDS) | set(KIND_STAGE) | set(ARTICLE_EVENT_KINDS))


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


def subcommand_options(command: str) -> set[str]:
    """The long options (``--name``) that ``tenderarchive COMMAND`` takes, ``--help`` aside."""
    import argparse

    sub = next(a for a in parser()._actions if isinstance(a, argparse._SubParsersAction)).choices[command]
    return {o for a in sub._actions for o in a.option_strings if o.startswith("--")} - {"--help"}


def mentions(option: str, text: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", text) is not None


@pytest.mark.parametrize("command", subcommands())
def test_every_option_of_every_command_is_in_the_readme_or_operations(command):
    """Every option ``--help`` lists is explained somewhere a user reads: ``crawl --api-url``, ``--note`` and
    ``--sources`` (the news registry) were only in ``--help`` (README and docs/operations.md gave them as
    ``-a`` spider arguments, or not at all)."""
    docs = README + (ROOT / "docs" / "operations.md").read_text(encoding="utf-8")
    assert sorted(o for o in subcommand_options(command) if not mentions(o, docs)) == []


OPERATIONS = (ROOT / "docs" / "operations.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("command, synopsis", [
    ("crawl", r"^`tenderarchive crawl \[SPIDER\] ([^`]*)`"),
    ("status", r"^`tenderarchive status ([^`]*)`"),
    ("reparse", r"^`tenderarchive reparse ([^`]*)`"),
    ("report", r"^tenderarchive report ((?:[^`]|`(?!``))*?)\n```"),
])
def test_a_command_s_synopsis_in_operations_names_every_option_it_takes(command, synopsis):
    """docs/operations.md opens the sections of crawl, status, reparse and report with the command's synopsis. The
    crawl's lacked ``--site``, ``--sources``, ``--replay``, ``--watchlist``, ``--jobdir``, ``--note`` and
    ``--api-url``; the status's ``--json``, ``--limit`` and ``--errors``; the report's its e-mail and file options.
    ``crawl --watchlist`` takes the report's options too: the crawl's synopsis refers to them."""
    found = re.search(synopsis, OPERATIONS, re.M | re.S).group(1)   # the first: the section's opening
    options = subcommand_options(command)
    if command == "crawl":
        assert "options of report" in found
        options -= subcommand_options("report") - {"--watchlist", "--quiet", "--db"}
    assert sorted(o for o in options if not mentions(o, found)) == []


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
again unnamed age alias implied imported submission deviating rules aliases alive all approximate archived area arguments article articles as at award awarded awardees awards
basis before bounds buyer buyers by bytes call cancelled care category cbs cents change changed changes code codes
columns completed consortium consultation content contract contracts count country counts cpv crawl crawls
cue currency current date days deadline description difference differences digital document documents
download drift dropped duration end error errors estimated european event events evidence excerpt expected extractor
fetched fetches file finish finished first flag for form framework freshness from group has high highest hours trade
http id ids in inference inferred is items key keywords kind label labels language last latest layout leader
legal length links list listed living location lot lots low lowest main matched maxima maximum member members membership mergers
method model modified month municipalities name named nature new news not note notice notices number nuts ocds ocid parties party of order
official offset old omitted only open org organisation organisations page pages pct pdf per place
placeholder platform precision previous primary prior problems procedure procedures procurement
procurements provider province publication published raw reason reasons received rectification rectifies
reestimate reference refs region regional regions release relevance relevant requests responses results
role row rows rule scale score search section seen sentence share shared shares since site sites size soft source sources spider
stage stages start started status street success successful summary supplier suppliers table tax ted tender tenderned
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
                  *(f"{query}?{p}" for p in spec.get("params") or []),
                  *(f"{query}.{label}" for label in (spec.get("labels") or {}).values())]  # a page's column words
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
             ROOT / "deploy" / "crontab.example", ROOT / "deploy" / "scrapyd" / "crontab.example",
             *sorted((ROOT / "deploy" / "systemd").glob("*.service"))]


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


def test_the_architecture_says_which_tables_keep_versions_and_who_writes_them():
    """``versions`` keeps the earlier values of every versioned table (``schema.TABLES``' ``versioned``): "The archive"
    said "of a changed notice or article", though procurements, notice results, lots and awards keep theirs too; and
    the derivation, which writes ``procurements`` (and a version of one whose notices all moved away), was not said
    to write ``versions``. Every writer of a versioned table writes its versions."""
    from tenderarchive.store.schema import TABLES

    versioned = [name for name, spec in TABLES.items() if spec.get("versioned")]
    assert {"notices", "articles", "procurements", "awards"} <= set(versioned)
    [row] = [line for line in section(ARCHITECTURE, "The archive").splitlines() if line.startswith("| `versions` |")]
    assert [t for t in versioned if f"`{t}`" not in row] == [], row
    writers = [line for line in section(ARCHITECTURE, "Who writes what").splitlines() if line.startswith("| ")][2:]
    for line in writers:
        writes = line.split(" | ")[1]
        while re.search(r"\([^()]*\)", writes):   # what the tables it writes are for or read from, in brackets
            writes = re.sub(r"\([^()]*\)", "", writes)
        writes = re.sub(r"writes? to [^;]*", "", writes)   # a trigger's "a write to `notices`"
        if set(re.findall(r"`([a-z_]+)`", writes)) & set(versioned):
            assert "`versions`" in writes, line[:80]


def test_every_kind_of_regional_buyer_is_in_the_glossary():
    """``regional_buyers.kind`` is Dutch (the reference data's own words): its values are domain words a reader
    looks up. "gemeenschappelijke regeling", "inkooporganisatie" and "centrumgemeente" were not in the glossary;
    nor were the contracting forms the data dictionary names ("open house", a dynamisch aankoopsysteem) or btw."""
    import csv

    with open(ROOT / "tenderarchive" / "data" / "regional_buyers.csv", encoding="utf-8") as f:
        kinds = {row["kind"] for row in csv.DictReader(f)}
    assert len(kinds) >= 4
    cells = [cell.lower() for cell in re.findall(r"^\| ([^|`]+?) \|", GLOSSARY, re.M)]
    assert sorted(k for k in kinds if not any(re.search(rf"\b{re.escape(k)}\b", c) for c in cells)) == []
    for word in ("open house", "dynamisch aankoopsysteem", "btw"):
        assert any(word in cell for cell in cells), word


def test_the_operations_exit_code_table_gives_locked_to_every_command_that_writes():
    """Every command that writes the archive (``cli.WRITERS``) takes the crawl lock and exits 4 when a crawl holds it;
    docs/operations.md's exit-code table gave 4 to ``crawl`` alone (``reparse`` and ``build-demo`` exit 4 too)."""
    from tenderarchive.cli import WRITERS

    [row] = [line for line in OPERATIONS.splitlines() if line.startswith("| 4 (`LOCKED`) |")]
    assert sorted(c for c in WRITERS if f"`{c}`" not in row.split(" | ")[1]) == []


def test_the_readme_s_diagram_has_every_pipeline_step_and_spider():
    """The README's "How it works" drew the pipeline without its ``awards`` step (lots, winners, values from an award
    notice's /html, its PDF or an OCDS package) and the spiders without ``tenderned_ocds``; docs/ARCHITECTURE.md's
    diagram is checked the same way above."""
    from scrapy.spiderloader import SpiderLoader
    from scrapy.utils.project import get_project_settings

    diagram = section(README, "How it works").split("```")[1]
    steps = [path.split(".")[1] for path, _ in sorted(settings.ITEM_PIPELINES.items(), key=lambda kv: kv[1])]
    assert re.search(r".*─▶.*".join(rf"\b{re.escape(step)}\b" for step in steps), diagram, re.S), steps
    for spider in SpiderLoader.from_settings(get_project_settings()).list():
        assert f"spiders/{spider}.py" in diagram, spider


def test_what_is_in_the_archive_names_every_table_of_the_data_dictionary():
    """The README's "What is in the archive" is where a new reader learns the tables; it left out the news detail
    tables (`article_stages`, `article_events`, `article_awardees`), `notice_municipalities`, the OCDS tables,
    `organisation_aliases` and the summaries behind the research pages."""
    from tenderarchive.metadata import load_metadata

    tables = load_metadata()["databases"]["archive"]["tables"]
    text = section(README, "What is in the archive")
    assert sorted(t for t, spec in tables.items() if not spec.get("hidden") and not named(t, text)) == []


def test_every_field_of_a_watchlist_is_in_operations():
    """docs/operations.md's "Watchlists and reports" lists the fields a watchlist file takes (the pydantic models of
    ``tenderarchive/watch/watchlist.py``); it left out the file's optional ``title``, which heads the report."""
    from tenderarchive.watch.watchlist import WatchEntry, WatchlistFile

    text = section(OPERATIONS, "Watchlists and reports")
    fields = {*WatchEntry.model_fields, *WatchlistFile.model_fields}
    assert len(fields) >= 9
    assert sorted(f for f in fields if f"`{f}`" not in text) == []


def test_the_architecture_gives_each_table_its_key():
    """docs/ARCHITECTURE.md's "The archive" gives each table's key: `ocds_differences` said "id" (it is keyed by
    procurement and difference), `article_events` "(url, …)" (it is keyed by `event_id`), the reference data none.
    Every row that names one table gives the schema's primary key, column by column."""
    from tenderarchive.store.schema import TABLES

    checked = 0
    for line in section(ARCHITECTURE, "The archive").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        if len(cells) != 3 or not re.fullmatch(r"`[a-z_]+`", cells[0]) or cells[0].strip("`") not in TABLES:
            continue
        pk = TABLES[cells[0].strip("`")]["pk"]
        assert re.findall(r"`([a-z_]+)`", cells[2]) == ([pk] if isinstance(pk, str) else list(pk)), line
        checked += 1
    assert checked >= 25


def test_the_glossary_links_only_where_its_served_page_can_follow():
    """The glossary is also served as ``/-/woordenlijst`` (tenderarchive/research.py), where a link to another file of
    docs/ would lead nowhere: only its own anchors, and ``reference/stages.md``, which the page turns into its
    own stage table, are links."""
    links = re.findall(r"\]\(([^)]*)\)", GLOSSARY)
    assert links
    assert [link for link in links if not link.startswith("#") and link != "reference/stages.md"] == []


def test_operations_says_how_far_back_a_first_crawl_lists():
    """A first ``tenderarchive crawl tenderned`` without ``--from-date`` (no complete crawl to continue from) lists the
    last ``default_window_days`` days only; the docs said only that a crawl continues from the last complete one, so a
    user's first crawl of "everything" held a week. news and tenderned_ocds take no lower bound by default."""
    from spiders.news import NewsSpider
    from spiders.tenderned import TenderNedSpider
    from spiders.tenderned_ocds import TenderNedOCDSSpider

    assert NewsSpider.default_window_days is None and TenderNedOCDSSpider.default_window_days is None
    text = section(OPERATIONS, "Running a crawl").split("### Incremental runs, long backfills", 1)[1].split("\n### ")[0]
    days = TenderNedSpider.default_window_days
    assert re.search(rf"(?:first crawl|none)[^.]*\blast {days} days\b", text), text[:600]


def test_who_writes_what_names_every_extension_that_opens_the_archive():
    """Every Scrapy extension of ``EXTENSIONS`` that opens the archive is in "Who writes what", with what it writes or
    that it only reads: the `CrawlState` extension (what a spider may know of the archive, read through
    `tenderarchive/store/queries.py`: known notices, the crawls' recorded failures asked again …) and the
    `CrawlLock` extension (the lock file beside the archive) were not."""
    import importlib
    import inspect

    writers = section(ARCHITECTURE, "Who writes what")
    opening = []
    for path in settings.EXTENSIONS:
        module, _, name = path.rpartition(".")
        cls = getattr(importlib.import_module(module), name)
        if "ARCHIVE_DB" in inspect.getsource(cls):
            opening.append(name)
    assert {"CrawlState", "CrawlRecorder", "CrawlLock"} <= set(opening), opening
    assert [name for name in opening if f"`{name}`" not in writers] == []


def test_the_docs_say_where_the_data_dictionary_is():
    """The data dictionary is one file per table, ``tenderarchive/datasette/tables/<table>.yaml`` (merged by
    ``tenderarchive/metadata.py``); the README's "How it works" said it was ``metadata.yaml``, where a reader looking
    for a column's description found only the saved searches. Every sentence that says where the data dictionary is
    names the tables' folder."""
    said = [m.group(0) for text in (README, ARCHITECTURE)
            for m in re.finditer(r"[^.]*(?:is|are) (?:described in )?the data dictionary[^.]*\.(?:yaml\)?[^.]*\.)?", text)]
    said += [m.group(0) for text in (README, ARCHITECTURE)
             for m in re.finditer(r"[^.]*\b(?:which is the data dictionary\b[^.]*\.|the data dictionary is\s[^.]*\.yaml)", text)]
    assert len(said) >= 3
    assert [s for s in said if "tables/" not in s] == []


def test_the_readme_says_serve_setting_takes_any_datasette_setting():
    """``serve --setting`` takes any of Datasette's settings (checked as Datasette checks its own), not only those of
    ``tenderarchive/serve.py``'s ``SETTINGS``, which the README called "the list": a reader looking for
    ``trace_debug`` (the example of ``serve --help``) there did not find it."""
    from datasette.app import SETTINGS as DATASETTE_SETTINGS

    from tenderarchive.cli import datasette_settings
    from tenderarchive.serve import SETTINGS

    outside = sorted({s.name for s in DATASETTE_SETTINGS} - set(SETTINGS))
    assert "trace_debug" in outside and datasette_settings([("trace_debug", "1")]) == ({"trace_debug": True}, None)
    [row] = [line for line in README.splitlines() if line.startswith("| `tenderarchive serve ")]
    assert "datasette --help-settings" in row and "the list is `SETTINGS`" not in row


def test_operations_says_what_a_dry_run_refuses(tmp_path, capsys):
    """``crawl --dry-run`` with ``--watchlist`` or ``--jobdir`` (both keep something: a report, a queue) is a bad
    argument, exit 2, and ``crawl all`` without ``--dry-run`` too; docs/operations.md's paragraph on the dry run said
    neither."""
    from tenderarchive.cli import main

    db = str(tmp_path / "archive.db")
    assert main(["crawl", "--dry-run", "--jobdir", str(tmp_path / "job"), "--db", db]) == ExitCode.BAD_ARGUMENTS
    assert main(["crawl", "all", "--db", db]) == ExitCode.BAD_ARGUMENTS
    assert not (tmp_path / "archive.db").exists()
    paragraph = OPERATIONS.split("`--dry-run` fetches and parses", 1)[1].split("\n\n", 1)[0]
    assert "--watchlist" in paragraph and "--jobdir" in paragraph and "exit 2" in paragraph
    assert re.search(r"`crawl all`[^.]*without `--dry-run`", paragraph)
