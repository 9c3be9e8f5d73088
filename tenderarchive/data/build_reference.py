"""Rebuild the jeugdregio membership and the map boundaries from CBS TopoJSON layers.

Run once when CBS publishes a new layout (not at install or test time)::

    python -m tenderarchive.data.build_reference DIR

``DIR`` holds the CBS generalised boundary layers as republished in the public
repository ``cartomap/nl`` (folder ``wgs84/``): ``gemeente_2025.topojson`` and ``jeugdregio_YYYY.topojson``
for each year 2015-2025 (2025 is required). The script

1. overlays every 2025 municipality on each year's jeugdregio layer with shapely (area share of the
   municipality inside each region; the largest share wins; in 2025 the representative point must lie in
   the same region), and checks the changes between consecutive years against ``KNOWN_CHANGES``;
2. writes ``jeugdregio_membership.csv`` (one row per municipality per year 2015-2025, ``basis`` ``cbs-YYYY``;
   a year without a layer is carried over from the nearest later one as ``assumed``/``unverified=1``), and
   corrects ``jeugdregio_code``/``jeugdregio_name`` in ``municipalities.csv`` (other columns are kept);
3. writes simplified boundaries ``gemeenten_2025.geojson`` and
   ``jeugdregios_2025.geojson`` for the map.

Why some of this is hand-written: decoding TopoJSON arcs is a few lines of delta
decoding (the ``topojson`` package encodes, it does not decode); simplification is
done per shared arc with shapely, so neighbouring polygons keep identical borders
(a per-polygon ``simplify`` would open slivers between them). Geometry is shapely.
"""
from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
YEARS = range(2015, 2026)
SIMPLIFY = 0.0012  # degrees, about 100 m: below the 0.001 degree quantisation of the source, well above noise

# Every change of region between consecutive CBS layers, by 2025 municipality: {(cbs_code, year): (before,
# after, extra evidence)}. The year is the first layer that shows the new region. A rebuild stops when the
# layers show a change that is not listed here, or miss one that is, so a new layer gets a look before its
# changes reach the data. Evidence ids are in reference_sources.csv.
KNOWN_CHANGES = {
    ("GM0450", 2016): ("JZ10", "JZ06", ""),  # Uitgeest: IJmond -> Alkmaar (Noord-Kennemerland)
    # Vijfheerenlanden was formed in 2019 from Leerdam and Zederik (JZ31) and Vianen (JZ26), and joined JZ26;
    # before 2019 most of its area lay in JZ31 (mergers.csv carries the region of each former municipality)
    ("GM1961", 2019): ("JZ31", "JZ26", ""),
    ("GM1696", 2019): ("JZ19", "JZ16", ""),  # Wijdemeren: Utrecht West -> Gooi en Vechtstreek
    ("GM1723", 2020): ("JZ34", "JZ35", ""),  # Alphen-Chaam: West Brabant Oost -> Midden-Brabant
    ("GM0744", 2020): ("JZ34", "JZ35", ""),  # Baarle-Nassau: the same
    ("GM0626", 2024): ("JZ24", "JZ18", "sbjh-voorschoten-2024;voorschoten-online-2024;leidschdagblad-2018"),
    ("GM0050", 2024): ("JZ08", "JZ12", "jeugdhulp-noord-veluwe-zeewolde-2022"),  # Zeewolde: Flevoland -> Noord-Veluwe
}


def decode(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat points of every arc of a quantised TopoJSON topology."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((round(x * sx + tx, 5), round(y * sy + ty, 5)))
        arcs.append(points)
    return arcs


def simplify_arcs(arcs: list[list[tuple[float, float]]], tolerance: float) -> list[list[tuple[float, float]]]:
    from shapely.geometry import LineString

    out = []
    for arc in arcs:
        if len(arc) <= 3 or tolerance <= 0:
            out.append(arc)
            continue
        simple = list(LineString(arc).simplify(tolerance, preserve_topology=False).coords)
        out.append([(round(x, 4), round(y, 4)) for x, y in simple] if len(simple) >= 2 else arc)
    return out


def rings(geometry: dict, arcs: list) -> list[list[list[tuple[float, float]]]]:
    """Polygons (each a list of rings) of a TopoJSON Polygon or MultiPolygon."""
    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    out = []
    for polygon in polygons:
        out_rings = []
        for ring in polygon:
            points: list = []
            for index in ring:
                part = arcs[index] if index >= 0 else arcs[~index][::-1]
                points.extend(part if not points else part[1:])
            out_rings.append(points)
        out.append(out_rings)
    return out


def shapes(path: Path, arcs_override=None) -> dict[str, tuple[str, object, dict]]:
    """{statcode: (statnaam, shapely geometry, TopoJSON geometry)} of one layer."""
    from shapely.geometry import MultiPolygon, Polygon

    topology = json.loads(path.read_text(encoding="utf-8"))
    arcs = arcs_override(topology) if arcs_override else decode(topology)
    (layer,) = topology["objects"].values()
    out = {}
    for geometry in layer["geometries"]:
        polygons = [Polygon(r[0], r[1:]) for r in rings(geometry, arcs)]
        shape = MultiPolygon(polygons) if len(polygons) > 1 else polygons[0]
        if not shape.is_valid:
            shape = shape.buffer(0)
        out[geometry["properties"]["statcode"]] = (geometry["properties"]["statnaam"], shape, geometry)
    return out


def overlay(municipalities: dict, regions: dict) -> dict[str, tuple[str, float, str | None]]:
    """{cbs_code: (jeugdregio_code, area share inside it, region of the representative point)}."""
    out = {}
    for code, (_, shape, _) in municipalities.items():
        shares = sorted(((shape.intersection(r).area / shape.area, rc) for rc, (_, r, _) in regions.items()),
                        reverse=True)
        point = shape.representative_point()
        at_point = next((rc for rc, (_, r, _) in regions.items() if r.contains(point)), None)
        out[code] = (shares[0][1], round(shares[0][0], 3), at_point)
    return out


def geojson(layer: dict[str, tuple[str, object, dict]], arcs: list, extra: dict[str, dict]) -> dict:
    features = []
    for code, (name, _, geometry) in sorted(layer.items()):
        polygons = rings(geometry, arcs)
        coordinates = [[[list(p) for p in ring] for ring in polygon] for polygon in polygons]
        features.append({"type": "Feature", "id": code,
                         "properties": {"code": code, "name": name, **extra.get(code, {})},
                         "geometry": {"type": "MultiPolygon", "coordinates": coordinates}})
    return {"type": "FeatureCollection",
            "source": "CBS gegeneraliseerde grenzen 2025, via github.com/cartomap/nl (wgs84), simplified",
            "features": features}


def layer_years(source_dir: Path) -> list[int]:
    """Years in YEARS for which ``source_dir`` holds a CBS jeugdregio layer."""
    return [y for y in YEARS if (source_dir / f"jeugdregio_{y}.topojson").exists()]


def build(source_dir: Path, out_dir: Path = HERE) -> dict:
    from shapely import make_valid
    from shapely.geometry import mapping, shape as to_shape

    municipalities = shapes(source_dir / "gemeente_2025.topojson")
    years = layer_years(source_dir)
    if years[-1] != 2025:
        raise SystemExit("jeugdregio_2025.topojson is needed: it decides the current regions and the map")
    layers = {y: shapes(source_dir / f"jeugdregio_{y}.topojson") for y in years}
    placed = {y: overlay(municipalities, layers[y]) for y in years}
    in_2025 = placed[2025]
    regions_2025 = layers[2025]
    region_names = {code: name for code, (name, _, _) in regions_2025.items()}

    problems = [c for c, (rc, share, at_point) in in_2025.items() if at_point != rc or share < 0.8]
    changes = {(c, later): (placed[earlier][c][0], placed[later][c][0])
               for earlier, later in zip(years, years[1:]) for c in municipalities
               if placed[earlier][c][0] != placed[later][c][0]}
    unexplained = {k: v for k, v in changes.items() if KNOWN_CHANGES.get(k, (None, None))[:2] != v}
    missing = [k for k in KNOWN_CHANGES if k not in changes and k[1] in years]
    if problems or unexplained or missing:
        raise SystemExit(f"overlay needs a look: doubtful in 2025 {problems}, changes not in KNOWN_CHANGES "
                         f"{unexplained}, listed changes the layers do not show {missing}")

    rows = []
    for code, (name, _, _) in sorted(municipalities.items()):
        for year in YEARS:
            # a year without a layer takes the nearest later layer (or, after the last one, the nearest earlier)
            layer_year = year if year in placed else min((y for y in years if y > year), default=years[-1])
            region, share, _ = placed[layer_year][code]
            sources = f"cartomap-gemeente-2025;cartomap-jeugdregio-{layer_year}"
            if (code, year) in KNOWN_CHANGES and KNOWN_CHANGES[code, year][2]:
                sources += ";" + KNOWN_CHANGES[code, year][2]
            exact = layer_year == year
            rows.append({"year": year, "cbs_code": code, "name": name, "jeugdregio_code": region,
                         "basis": f"cbs-{year}" if exact else "assumed",
                         "area_share": f"{share:.3f}" if exact else "",
                         "unverified": int(not exact), "sources": sources})
    with (out_dir / "jeugdregio_membership.csv").open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)

    path = out_dir / "municipalities.csv"
    with path.open(encoding="utf-8") as f:
        reader = csv.DictReader(f)
        fields, current = reader.fieldnames, list(reader)
    for row in current:
        row["jeugdregio_code"] = in_2025[row["cbs_code"]][0]
        row["jeugdregio_name"] = region_names[row["jeugdregio_code"]]
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(current)

    for name, layer, file in (("gemeente", municipalities, "gemeenten_2025.geojson"),
                              ("jeugdregio", regions_2025, "jeugdregios_2025.geojson")):
        topology = json.loads((source_dir / f"{name}_2025.topojson").read_text(encoding="utf-8"))
        exact = decode(topology)
        simple = simplify_arcs(exact, SIMPLIFY)
        extra = {c: {"jeugdregio_code": in_2025[c][0]} for c in layer} if name == "gemeente" else {}
        kept_exact: set[str] = set()
        for _ in range(10):  # a shape that simplification made invalid keeps its arcs exact (so do its neighbours)
            collection = geojson(layer, simple, extra)
            invalid = []
            for feature in collection["features"]:
                if to_shape(feature["geometry"]).is_valid:
                    continue
                if feature["id"] in kept_exact:  # invalid in the source itself (a self-touching ring): repair
                    feature["geometry"] = mapping(make_valid(to_shape(feature["geometry"])))
                else:
                    invalid.append(feature["id"])
            if not invalid:
                break
            kept_exact.update(invalid)
            for code in invalid:
                geometry = layer[code][2]
                polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
                for index in {i if i >= 0 else ~i for polygon in polygons for ring in polygon for i in ring}:
                    simple[index] = exact[index]
        else:
            raise SystemExit(f"simplified shapes stay invalid: {invalid}")
        (out_dir / file).write_text(json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n",
                                    encoding="utf-8")
    partial = sorted({(c, y, placed[y][c][1]) for y in years for c in municipalities if placed[y][c][1] < 0.8},
                     key=lambda t: (t[0], t[1]))
    return {"municipalities": len(municipalities), "layers": years,
            "changes": {f"{c} {y}": f"{a}->{b}" for (c, y), (a, b) in sorted(changes.items(), key=lambda t: t[0][1])},
            "partial (share < 0.8)": partial}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("source_dir", type=Path, help="folder with the cartomap/nl wgs84 TopoJSON layers")
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args(argv)
    print(build(args.source_dir, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
