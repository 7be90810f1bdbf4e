#!/usr/bin/env python3
"""Writes a schematic district layout for the example plan: one area per district in plan.json,
cut from a box around Göppingen as the cells of a Voronoi diagram around each district's rough
centre (or, for an unknown id, a point on a spiral). Clearly not official boundaries: the staff
tool writes it with the title "Schematische Darstellung, keine amtlichen Grenzen".

    scripts/gen-schematic-districts.py public/data/plan.json > /tmp/schematic.geojson
    wegmarke-daten boundaries /tmp/schematic.geojson --data public/data \
        --title "Schematische Darstellung, keine amtlichen Grenzen"
"""
import json
import math
import sys

# Rough centres (longitude, latitude) of Göppingen's districts and city quarters.
CENTRES = {
    "innenstadt": (9.652, 48.703), "altstadt": (9.652, 48.703), "mitte": (9.652, 48.703),
    "nordstadt": (9.655, 48.712), "suedstadt": (9.650, 48.694), "oststadt": (9.667, 48.703),
    "weststadt": (9.636, 48.704), "bodenfeld": (9.640, 48.696), "reusch": (9.662, 48.692),
    "ursenwang": (9.685, 48.690), "bartenbach": (9.662, 48.724), "bezgenriet": (9.615, 48.676),
    "faurndau": (9.607, 48.707), "hohenstaufen": (9.712, 48.743), "holzheim": (9.686, 48.676),
    "jebenhausen": (9.635, 48.679), "maitis": (9.700, 48.738), "st-gotthardt": (9.730, 48.722),
    "sankt-gotthardt": (9.730, 48.722), "manzen": (9.700, 48.720), "st-gallus": (9.676, 48.709),
}
BOX = (9.58, 48.66, 9.75, 48.76)  # west, south, east, north


def clip(poly, a, b, c):
    """Keeps the part of a convex polygon where a*x + b*y <= c (Sutherland–Hodgman, one edge)."""
    out = []
    for i, p in enumerate(poly):
        q = poly[(i + 1) % len(poly)]
        pin, qin = a * p[0] + b * p[1] <= c, a * q[0] + b * q[1] <= c
        if pin:
            out.append(p)
        if pin != qin:
            t = (c - a * p[0] - b * p[1]) / (a * (q[0] - p[0]) + b * (q[1] - p[1]))
            out.append((p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])))
    return out


def cell(site, others):
    """The Voronoi cell of `site` inside BOX (longitude scaled so distances are on the ground)."""
    k = math.cos(math.radians(48.7))
    w, s, e, n = BOX
    poly = [(w * k, s), (e * k, s), (e * k, n), (w * k, n)]
    sx, sy = site[0] * k, site[1]
    for o in others:
        ox, oy = o[0] * k, o[1]
        # Points nearer to site than to o: (o - s) . x <= (|o|^2 - |s|^2) / 2
        poly = clip(poly, ox - sx, oy - sy, (ox * ox + oy * oy - sx * sx - sy * sy) / 2)
    return [[round(x / k, 5), round(y, 5)] for x, y in poly]


def main():
    plan = json.load(open(sys.argv[1], encoding="utf-8"))
    ids = [d["id"] for d in plan.get("districts", [])]
    sites = {}
    for i, d in enumerate(ids):
        angle, radius = i * 2.4, 0.004 * math.sqrt(i + 1)
        sites[d] = CENTRES.get(d, (9.652 + radius * math.cos(angle) * 1.5, 48.703 + radius * math.sin(angle)))
    features = []
    for d in ids:
        ring = cell(sites[d], [sites[o] for o in ids if o != d and sites[o] != sites[d]])
        ring.append(ring[0])
        features.append({"type": "Feature", "properties": {"id": d},
                         "geometry": {"type": "Polygon", "coordinates": [ring]}})
    json.dump({"type": "FeatureCollection", "features": features}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
