import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _seeds_dir() -> Path:
    for cand in (REPO.parent / "shared" / "seeds", Path("/work/shared/seeds")):
        if (cand / "gold.json").exists():
            return cand
    pytest.skip("shared/seeds not available")


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
