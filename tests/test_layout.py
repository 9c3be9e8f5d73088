"""Tests mirror the code layout: the tests of a package's modules (``tenderarchive/<package>/``,
``spiders/``, ``pipelines/``) live in ``tests/<package>/``; ``tests/`` itself holds the tests of
the top-level modules (``tenderarchive/<module>.py``: ``tests/test_<module>[_<aspect>].py``) and
the ones that cross modules (a whole crawl, a resume, the docs).

A test file at the top of ``tests/`` is out of place when its name starts with a package's name or
the name of a module inside one (and not with a top-level module's name, the longest name
winning: ``test_extract_page`` is ``extract_page.py``'s, not ``pipelines/extract.py``'s), or, named
after no module, when everything of the project it imports comes from one package."""

import re
from pathlib import Path

from tests.conftest import ROOT

#: Packages outside tenderarchive/ that tests mirror.
OUTER_PACKAGES = ("spiders", "pipelines")
IMPORT = re.compile(r"^[ \t]*(?:from[ \t]+([\w.]+)[ \t]+import[ \t]+(\([^)]*\)|[\w \t,]+)"
                    r"|import[ \t]+([\w.]+))", re.M)


def packages(root: Path) -> dict[str, Path]:
    """Package name → its folder: tenderarchive's subpackages and the outer packages."""
    found = {path.parent.name: path.parent for path in (root / "tenderarchive").glob("*/__init__.py")}
    found.update({name: root / name for name in OUTER_PACKAGES if (root / name / "__init__.py").exists()})
    return found


def top_level_modules(root: Path) -> set[str]:
    return {path.stem for path in (root / "tenderarchive").glob("*.py") if path.stem != "__init__"}


def subject_by_name(stem: str, root: Path) -> tuple[bool, str | None]:
    """Whether a test named ``test_<stem>`` is named after a module, and the package that module is
    in (None: a top-level module)."""
    names = {name: None for name in top_level_modules(root)}
    for package, folder in packages(root).items():
        for module in [package, *(path.stem for path in folder.glob("*.py") if path.stem != "__init__")]:
            names.setdefault(module, package)  # a name top-level and in a package stays top-level
    matching = [name for name in names if stem == name or stem.startswith(name + "_")]
    return (True, names[max(matching, key=len)]) if matching else (False, None)


def imported_packages(source: str, root: Path) -> set[str]:
    """What of the project a test imports, by package (a package's name) or top-level module
    (``tenderarchive.<module>``); the root package's own names count as what they are. Imports
    in strings (a driver script run in a subprocess) count too."""
    package_names, modules = packages(root), top_level_modules(root)

    def where(dotted: str) -> str | None:
        parts = dotted.split(".")
        if parts[0] in OUTER_PACKAGES:
            return parts[0]
        if parts[0] != "tenderarchive" or len(parts) == 1:
            return None
        if parts[1] in package_names:
            return parts[1]
        return f"tenderarchive.{parts[1]}" if parts[1] in modules else None

    found = set()
    for origin, names, plain in IMPORT.findall(source):
        if plain:
            found.add(where(plain))
        elif origin == "tenderarchive":
            found.update(where(f"tenderarchive.{name.split()[0]}")
                         for name in names.strip("()").split(",") if name.strip())
        else:
            found.add(where(origin))
    return found - {None}


def misplaced(root: Path) -> list[str]:
    """The top-level test files that belong in ``tests/<package>/``, with the package: by name, or
    (a name that is no module's) by what they import."""
    out = []
    for path in sorted((root / "tests").glob("test_*.py")):
        named, package = subject_by_name(path.stem.removeprefix("test_"), root)
        if not named:
            imported = imported_packages(path.read_text(encoding="utf-8"), root)
            package = next(iter(imported)) if len(imported) == 1 and "." not in next(iter(imported)) else None
        if package:
            out.append(f"{path.relative_to(root)} → tests/{package}/")
    return out


def test_the_tests_of_a_package_live_in_its_folder():
    assert misplaced(ROOT) == []


def test_the_rule_finds_a_test_out_of_place(tmp_path):
    """The check itself: by name, by imports (also in a driver string), and not for a top-level
    module whose name starts like a package's module."""
    for folder in ("tenderarchive/watch", "tenderarchive/replay", "pipelines"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "__init__.py").write_text("")
    for module in ("tenderarchive/watch/report.py", "tenderarchive/replay/direct.py", "pipelines/extract.py",
                   "tenderarchive/extract_page.py", "tenderarchive/reparse.py", "tenderarchive/rawstore.py"):
        (tmp_path / module).write_text("")
    (tmp_path / "tests").mkdir()
    files = {
        "test_watch_awards.py": "from tenderarchive.reparse import x\n",  # name: a package's
        "test_report.py": "",  # name: a package's module
        "test_quick_fingerprints.py": "from tenderarchive.replay.direct import (\n  Quick,\n  _URL)\n",  # imports
        "test_gc_freeze.py": 'DRIVER = """\nfrom tenderarchive.replay import direct\n"""\n',  # a driver's
        "test_extract_page.py": "from pipelines.extract import x\n",  # named after a top-level module
        "test_reparse.py": "from tenderarchive.replay import direct\n",
        "test_resume.py": "from tenderarchive.replay import direct\nimport tenderarchive.rawstore as r\n",
    }
    for name, text in files.items():
        (tmp_path / "tests" / name).write_text(text)
    assert misplaced(tmp_path) == [
        "tests/test_gc_freeze.py → tests/replay/", "tests/test_quick_fingerprints.py → tests/replay/",
        "tests/test_report.py → tests/watch/", "tests/test_watch_awards.py → tests/watch/"]
