import pytest

from tests.datasette.archive_fixtures import Server, build_demo, run_dir


@pytest.fixture(scope="session")
def demo_archive(tmp_path_factory):
    """The bundled synthetic snapshot as an archive, with search indexes (database name ``archive``)."""
    return build_demo(tmp_path_factory.mktemp("publish") / "archive.db", run_dir(tmp_path_factory))


@pytest.fixture(scope="session")
def server(demo_archive):
    server = Server(demo_archive)
    yield server
    server.stop()
