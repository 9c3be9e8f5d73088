"""Fixtures for the award tests: the SYNTHETIC award publications and datasets in tests/fixtures/awards/."""

from __future__ import annotations

from pathlib import Path

import pytest

from tenderarchive.apiserver import load_datasets, load_publications

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "awards"
PACKAGES = FIXTURES / "datasets" / "files"
PACKAGE_2021 = PACKAGES / "2026-07" / "Dataset_Tenderned-2021-01-01-2021-12-31.json"
PACKAGE_2022_TRUNCATED = PACKAGES / "2026-07" / "Dataset_Tenderned-2022-01-01-2022-12-31.json"
PACKAGE_2017 = PACKAGES / "2023-04" / "2017.json"


def html_of(publication_id: int | str) -> str:
    return (FIXTURES / "publications" / f"{publication_id}.html").read_text(encoding="utf-8")


@pytest.fixture
def award_publications():
    return load_publications(FIXTURES)


@pytest.fixture
def award_datasets():
    return load_datasets(FIXTURES / "datasets")
