"""The research pages' map: jeugdregio's or municipalities as an inline SVG choropleth.

Why the map is drawn here: the shipped boundaries (``tenderarchive/data/jeugdregios_2025.geojson``,
``gemeenten_2025.geojson``, simplified CBS 2025) are turned into inline SVG paths on the server. The
Datasette map plugins in the offline index (datasette-leaflet-geojson, datasette-geojson-map,
datasette-cluster-map) draw on Leaflet with OpenStreetMap tiles from the internet and read geometry
from a query column, i.e. from the archive; an SVG needs neither tiles nor JavaScript, links every
shape with a plain ``<a>``, and keeps geometry out of the read-only archive. The projection is a plain
equirectangular one scaled by cos(52°), accurate enough for a country this size.
"""

from __future__ import annotations

import functools
import json
import math
from importlib import resources
from typing import Callable

from markupsafe import Markup

DATA = resources.files("tenderarchive") / "data"  # package data: works from a zipped egg too
PALETTE = ["#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c"]
NO_DATA = "#f0f0f0"

WIDTH = 560.0


@functools.lru_cache(maxsize=4)
def _features(layer: str) -> tuple:
    name = "gemeenten_2025.geojson" if layer == "gemeenten" else "jeugdregios_2025.geojson"
    data = json.loads((DATA / name).read_text(encoding="utf-8"))
    return tuple(data["features"])


@functools.lru_cache(maxsize=1)
def _frame() -> tuple[float, float, float, float]:
    """min lon, max lat, x scale, y scale of the projection (from the regions' extent)."""
    lons, lats = [], []
    for feature in _features("jeugdregios"):
        for ring in _rings(feature["geometry"]):
            lons.extend(p[0] for p in ring)
            lats.extend(p[1] for p in ring)
    kx = math.cos(math.radians(52.2))
    scale = WIDTH / ((max(lons) - min(lons)) * kx)
    return min(lons), max(lats), scale * kx, scale, (max(lats) - min(lats)) * scale


def _rings(geometry):
    """The polygon rings of a geometry (a GeometryCollection's polygons; its lines are dropped)."""
    if geometry["type"] == "GeometryCollection":
        for part in geometry["geometries"]:
            yield from _rings(part)
    elif geometry["type"] == "Polygon":
        yield from geometry["coordinates"]
    elif geometry["type"] == "MultiPolygon":
        for polygon in geometry["coordinates"]:
            yield from polygon


@functools.lru_cache(maxsize=800)
def _path(layer: str, index: int) -> str:
    lon0, lat0, sx, sy, _ = _frame()
    parts = []
    for ring in _rings(_features(layer)[index]["geometry"]):
        points = " ".join(f"{(lon - lon0) * sx:.1f},{(lat0 - lat) * sy:.1f}" for lon, lat in ring)
        parts.append(f"M{points}Z")
    return "".join(parts)


def _classes(top, integer: bool) -> list[tuple[float, float, str]]:
    """Colour classes (low, high, colour) for values up to ``top``: one per value when a few
    whole numbers, else five equal steps."""
    if integer and top <= len(PALETTE):
        colours = PALETTE[len(PALETTE) - int(top):]
        return [(i, i, colours[i - 1]) for i in range(1, int(top) + 1)]
    step = float(top) / len(PALETTE)
    return [(step * i, step * (i + 1), colour) for i, colour in enumerate(PALETTE)]


def _colour(value, classes) -> str:
    if value in (None, 0) or not classes:
        return NO_DATA
    for _, high, colour in classes:
        if float(value) <= high + 1e-9:
            return colour
    return classes[-1][2]


def map_svg(layer: str, values: dict, names: dict, label: str, href: Callable[[str], str],
            titles: dict | None = None, shown: dict | None = None) -> tuple[Markup, list]:
    """The map as inline SVG (every shape a link to ``href(region code)``) and its legend. ``titles``: each
    shape's title by its code (what a pointer shows and its link's name), instead of its name and figure;
    ``shown``: a figure's text by region code (exact euros), else the figure the Dutch way (:func:`dutch`)."""
    height = _frame()[4]
    numbers = [v for v in values.values() if isinstance(v, (int, float))]
    top = max(numbers, default=0)
    classes = _classes(top, all(isinstance(v, int) for v in numbers)) if top else []
    shapes = []
    for index, feature in enumerate(_features(layer)):
        props = feature["properties"]
        code = props.get("jeugdregio_code") or props["code"]
        value = values.get(code)
        text = "geen gegevens" if value is None else (shown or {}).get(code) or dutch(value)
        title = (titles[props["code"]] if titles is not None
                 else f"{props['name']} ({names.get(code, code)}): {text}" if layer == "gemeenten"
                 else f"{props['name']}: {text}")
        shapes.append(Markup(
            '<a href="{href}" data-code="{code}" data-value="{value}"><path d="{d}" fill="{fill}" '
            'stroke="#555" stroke-width="{sw}"><title>{title}</title></path></a>').format(
                href=href(code), code=props["code"], value="" if value is None else value,
                d=_path(layer, index), fill=_colour(value, classes), sw="0.3" if layer == "gemeenten" else "0.7",
                title=title))
    # role "group", not "img": an img's children are presentational (WAI-ARIA 1.2), so a screen reader that follows
    # it (VoiceOver) hid every region's link; a group keeps the map's name and its links
    svg = Markup('<svg xmlns="http://www.w3.org/2000/svg" role="group" aria-label="{label}" class="ta-map" '
                 'viewBox="0 0 {w:.0f} {h:.0f}" width="{w:.0f}" height="{h:.0f}">{shapes}</svg>').format(
        label=f"Kaart: {label}", w=WIDTH, h=height, shapes=Markup("").join(shapes))
    legend = [{"colour": NO_DATA, "text": "0 of geen gegevens"}]
    for low, high, colour in classes:
        text = _fmt(high) if low == high else f"meer dan {_fmt(low)} tot en met {_fmt(high)}"
        legend.append({"colour": colour, "text": f"{label}: {text}"})
    return svg, legend


def dutch(value) -> str:
    """A figure of a map's title the Dutch way: a count with thousands dots (1.234), a fraction with one decimal
    after a comma (33,3); Python's "17250000.5" was no number a Dutch reader reads."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    return f"{value:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def _fmt(number: float) -> str:
    """A number the Dutch way: 1.234.567 (no decimals), small ones as they are."""
    if number < 100:
        return f"{number:.3g}"
    return f"{number:,.0f}".replace(",", ".")


def region_svg(code: str, href: Callable[[str], str]) -> Markup:
    """A small map with one region highlighted (the others link to their pages). It shows no figure: each shape
    is named by its region ("geen gegevens" on every other region said the archive held nothing of it)."""
    values = {f["properties"]["code"]: (1 if f["properties"]["code"] == code else None)
              for f in _features("jeugdregios")}
    names = {f["properties"]["code"]: f["properties"]["name"] for f in _features("jeugdregios")}
    titles = {other: name + (" (deze jeugdregio)" if other == code else "") for other, name in names.items()}
    svg, _ = map_svg("jeugdregios", values, names, f"jeugdregio {code}", href, titles)
    return svg
