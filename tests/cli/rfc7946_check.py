#!/usr/bin/env python3
"""Checks a GeoJSON file against the RFC 7946 rules the project's writer applies itself: no "crs" member,
longitude/latitude within range, exterior rings counterclockwise and holes clockwise (the right-hand rule).
Usage: rfc7946_check.py FILE...  (exit status 1 and a message naming the feature on the first violation)"""
import json
import sys


def signed_area(ring):
    return sum(x0 * y1 - x1 * y0 for (x0, y0, *_), (x1, y1, *_) in zip(ring, ring[1:])) / 2


def polygons(geometry):
    if geometry["type"] == "Polygon":
        yield geometry["coordinates"]
    elif geometry["type"] == "MultiPolygon":
        yield from geometry["coordinates"]
    elif geometry["type"] == "GeometryCollection":
        for part in geometry["geometries"]:
            yield from polygons(part)


def positions(coordinates):
    if coordinates and isinstance(coordinates[0], (int, float)):
        yield coordinates
    else:
        for item in coordinates:
            yield from positions(item)


def main():
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            collection = json.load(f)
        if "crs" in collection:
            sys.exit(f"{path}: has a 'crs' member, which RFC 7946 removed")
        for number, feature in enumerate(collection["features"], 1):
            geometry = feature["geometry"]
            if geometry is None:
                continue
            for x, y, *_ in positions(geometry.get("coordinates", [])):
                if not (-180 <= x <= 180 and -90 <= y <= 90):
                    sys.exit(f"{path}: feature {number} has a position {x},{y} outside longitude/latitude")
            for rings in polygons(geometry):
                if signed_area(rings[0]) <= 0:
                    sys.exit(f"{path}: feature {number} has a clockwise exterior ring")
                if any(signed_area(hole) >= 0 for hole in rings[1:]):
                    sys.exit(f"{path}: feature {number} has a counterclockwise hole")


if __name__ == "__main__":
    main()
