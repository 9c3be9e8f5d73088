"""The build is declared in pyproject.toml; this file only puts the glossary in the package.

``/-/woordenlijst`` (``tenderarchive.research.glossary_page``) serves ``docs/glossary.md``, the one text of
the glossary, which the docs link to and the tests check. setuptools ships only files inside a package as
package data, so an installed wheel (``pip install tenderarchive``, a scrapyd egg) had no glossary and the
page was a 404. ``build_py`` copies it to ``tenderarchive/glossary.md`` of the built package (wheel, egg;
``MANIFEST.in`` puts ``docs/glossary.md`` in the sdist a wheel may be built from). A copy kept in the
source tree instead would be a second text that drifts; a symlink is a text file on checkouts without
them. A checkout (and an editable install) reads ``docs/glossary.md`` itself.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

GLOSSARY = Path("docs") / "glossary.md"


class build_py_with_glossary(build_py):
    def run(self):
        super().run()
        if getattr(self, "editable_mode", False):  # `pip install -e` (make install): the checkout's docs/ is read
            return
        if GLOSSARY.is_file():
            target = Path(self.build_lib) / "tenderarchive"
            self.mkpath(str(target))
            self.copy_file(str(GLOSSARY), str(target / "glossary.md"))
        else:
            self.warn(f"{GLOSSARY} not found: the package has no glossary (/-/woordenlijst answers 404)")


setup(cmdclass={"build_py": build_py_with_glossary})
