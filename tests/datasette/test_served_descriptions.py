"""What the served site describes points a reader to what the site serves: a description that cited a file of the
repository (``docs/reference/stages.md``, ``docs/glossary.md``, ``tenderarchive/store/summaries.py``) sent a
researcher in the browser to a file they cannot open; the stage ids and event kinds are on the glossary page
``/-/woordenlijst`` (``tenderarchive/research.py`` ``glossary_page``)."""

import json
import re
import urllib.request

#: A path of the repository's (a folder of it and a file), or a Markdown or Python file's name.
REPOSITORY_PATH = re.compile(
    r"(?<![\w/.:-])(?:docs|tenderarchive|tests|bench|deploy|pipelines|spiders)/[\w./-]*\w"
    r"|(?<![\w/.:-])[\w-]+\.(?:md|py)\b")
#: What a column holds, not where to read: crawls.arguments stores the shipped registry's path as its value.
HOLDS = {("crawls", "arguments")}


def served_descriptions(metadata: dict):
    """``(where, text)`` of every description, title and column description the served metadata holds (not the
    saved searches' SQL, nor a table's data source, which links its address)."""
    for key, value in metadata.items():
        if key in ("description", "description_html", "title") and isinstance(value, str):
            yield key, value
        elif isinstance(value, dict):
            for where, text in served_descriptions(value):
                yield f"{key}/{where}", text
            if key in ("tables", "queries"):
                for name, entry in value.items():
                    for column, text in ((entry or {}).get("columns") or {}).items():
                        if (name, column) not in HOLDS and isinstance(text, str):
                            yield f"{key}/{name}/columns/{column}", text


def test_no_served_description_names_a_repository_path(server):
    metadata = json.loads(server.get("/-/metadata.json"))
    found = [(where, match.group()) for where, text in served_descriptions(metadata)
             for match in REPOSITORY_PATH.finditer(text)]
    assert not found, found


def test_the_stage_ids_and_event_kinds_they_point_to_are_on_the_glossary_page(server):
    """The descriptions point to ``/-/woordenlijst#stage-ids`` and ``#event-kinds``: those anchors are on the page."""
    metadata = json.dumps(json.loads(server.get("/-/metadata.json")))
    anchors = set(re.findall(r"/-/woordenlijst#([\w-]+)", metadata))
    assert anchors == {"stage-ids", "event-kinds"}
    with urllib.request.urlopen(server.base + "/-/woordenlijst", timeout=30) as response:
        page = response.read().decode()
    for anchor in anchors:
        assert f'id="{anchor}"' in page, anchor
