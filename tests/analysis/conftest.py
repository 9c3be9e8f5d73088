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


@pytest.fixture(params=["all rules on", "every named rule off"])
def read(request):
    """A reading specification holds both with every rule on (the product) and with every named rule off (the
    core reading, what generalises to sites never seen): ``read(text)`` → the synthetic page's analysis."""
    from tests.analysis.reading import read_synthetic, read_synthetic_core
    return read_synthetic if request.param == "all rules on" else read_synthetic_core


def organisation_roles(result: dict) -> dict:
    """A reading's organisations as {name: role}: what the organisation spec tests compare."""
    return {o["name"]: o["role"] for o in result["organisations"]}
