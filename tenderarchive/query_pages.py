"""The "previous / next page" links of a saved search shown a hundred rows a page (``pagina``).

Datasette pages a *table* ("next page"), but a saved search (canned query) is one query with no
pages of its own: the searches that page by ``pagina`` (metadata.yaml: ``limit 100 offset 100 *
(pagina - 1)``, ``pagina=alle`` every row) showed their first hundred rows and no way to the next
but typing ``2`` into the form. ``templates/query.html`` puts these links under the rows; this
module works out their addresses from the request: the same address with ``pagina`` one lower or
one higher, every other parameter kept (``_size``, a region …). A page that is full (a hundred
rows) has a next page link, which may show an empty page when the rows end exactly there: the
search is not run twice to know. ``pagina=alle`` (every row) has no pages.
"""

from __future__ import annotations

import urllib.parse

from tenderarchive.research import PAGE_ROWS  # rows a page of the saved searches with ``pagina`` (metadata.yaml)


def page_links(request, shown: int) -> dict | None:
    """``{"page": N, "previous": URL or None, "next": URL or None}`` for a saved search's page that
    shows ``shown`` rows, or None for ``pagina=alle`` or a page that is none (its page says so)."""
    if request is None:
        return None
    value = (request.args.get("pagina") or "").strip()
    if value.lower() == "alle":
        return None
    try:
        page = int(value) if value else 1
    except ValueError:
        return None
    page = max(page, 1)  # the SQL reads 0 and below as the first page
    args = [(k, v) for k, v in urllib.parse.parse_qsl(request.query_string, keep_blank_values=True)
            if k != "pagina"]

    def url(n: int) -> str:
        query = urllib.parse.urlencode(args + ([("pagina", str(n))] if n > 1 else []))
        return request.path + (f"?{query}" if query else "")

    return {"page": page,
            "previous": url(page - 1) if page > 1 else None,
            "next": url(page + 1) if shown >= PAGE_ROWS else None}


def past_last_page(value, total: int) -> str | None:
    """Why a page of a saved search (``pagina=N``) has no rows when it is past the search's last, which holds
    ``total`` rows in all (``pagina=alle``): "pagina=2 is past the last page: the search gives 57 rows, page 1
    alone", as ``export`` says on stderr and the search's CSV in its ``Tenderarchive-Note`` header; None for the
    first page, every row, or a search of no rows at all (no page is the cause then)."""
    value = str(value or "").strip()
    if not value.isdigit() or int(value) <= 1 or not total:
        return None
    pages = -(-total // PAGE_ROWS)
    return (f"pagina={int(value)} is past the last page: the search gives {total} row{'s' * (total != 1)}, "
            + ("page 1 alone" if pages == 1 else f"pages 1 to {pages}"))


async def past_last_page_words(datasette, request, database: str | None, sql: str | None,
                               values: dict | None) -> list[str]:
    """The words under a saved search's "0 results" when its page (``pagina=N``) is past the search's last:
    ``[past_last_page(...) + " (pagina=alle: every row)"]``, as its CSV says in ``Tenderarchive-Note``; empty
    for any other empty page. The search is run again with ``pagina=alle`` only then (templates/query.html);
    a search that fails or takes too long that second time says nothing more than "0 results", as before."""
    if request is None or not sql or not database or values is None or "pagina" not in values:
        return []
    value = (request.args.get("pagina") or "").strip()
    if not value.isdigit() or int(value) <= 1 or database not in datasette.databases:
        return []
    params = {name: request.args.get(name) or "" for name in values}
    params["pagina"] = "alle"
    try:
        every = await datasette.databases[database].execute(sql, params, truncate=False, log_sql_errors=False)
    except Exception:  # a time-out, an older archive: "0 results" alone
        return []
    said = past_last_page(value, len(every.rows))
    return [f"{said} (pagina=alle: every row)"] if said else []
