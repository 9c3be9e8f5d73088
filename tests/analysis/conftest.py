import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _seeds_dir() -> Path:
    """The seed texts and gold.json copied into the repository (never skipped)."""
    return REPO / "tests" / "fixtures" / "news" / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return _seeds_dir()


@pytest.fixture(scope="session")
def gold(seeds_dir) -> list[dict]:
    return json.loads((seeds_dir / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_results(seeds_dir, gold) -> dict:
    from tenderarchive.analysis import analyse
    return {g["seed"]: analyse((seeds_dir / g["seed"]).read_text(encoding="utf-8"), url=g["url"]) for g in gold}
