"""Datasette asks pluggy's ``render_cell`` about every cell of a page; with no plugin implementing it, the
served Datasette's caller answers at once (tenderarchive/serve.py ``_per_cell_caller``), and a plugin
that does implement it is asked as before. The demo archive, in process through Datasette's ASGI client."""

from __future__ import annotations

from datasette import hookimpl
from datasette.plugins import pm

from tests.datasette.archive_fixtures import run, served


def test_a_page_runs_no_hook_call_per_cell_when_no_plugin_renders_cells(demo_archive):
    datasette = served(demo_archive)
    assert not pm.hook.render_cell.get_hookimpls()
    called = []
    undo = pm.add_hookcall_monitoring(lambda name, impls, kwargs: called.append(name), lambda *args: None)
    try:
        for path in ("/archive/notices", "/archive/organisations", "/archive/search_all?q=jeugdhulp"):
            response = run(datasette.client.get(path))
            assert response.status_code == 200 and "<td" in response.text, path
    finally:
        undo()
    assert "render_cell" not in called
    assert called   # the other hooks are still pluggy's (monitored)


def test_a_plugin_that_renders_cells_is_still_asked(demo_archive):
    served(demo_archive)   # the caller replaced

    class Marker:
        __name__ = "test_per_cell_marker"

        @hookimpl
        def render_cell(self, value, column):
            return "PER-CELL-MARK" if column == "spider" else None

    pm.register(Marker(), name="test_per_cell_marker")
    try:
        page = run(served(demo_archive).client.get("/archive/crawls")).text
        assert "PER-CELL-MARK" in page
    finally:
        pm.unregister(name="test_per_cell_marker")
    assert "PER-CELL-MARK" not in run(served(demo_archive).client.get("/archive/crawls")).text
