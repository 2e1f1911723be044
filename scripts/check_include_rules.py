#!/usr/bin/env python3
"""Checks that src/ keeps the pipeline's layering (src/README.md): every `#include "folder/…"` of a source file
may name only its own folder and the folders its layer may use, and no two concepts (a header and its source
file) include each other, however indirectly. Prints each breach as FILE:LINE and exits 1.

Usage: check_include_rules.py [SRC_FOLDER]   (default: the src/ beside this script's folder)
"""
import pathlib
import re
import sys

# The layers in pipeline order. A stage may include core, io and any stage before it; core includes nothing of
# ours, io only core, cli anything.
ORDER = ["core", "io", "names", "gazetteer", "resolve", "events", "layers", "tiles", "web"]
ALLOWED = {"core": {"core"}, "io": {"core", "io"}}
for position, stage in enumerate(ORDER[2:], start=2):
    ALLOWED[stage] = set(ORDER[: position + 1])
ALLOWED["cli"] = set(ORDER) | {"cli"}
ALLOWED["python"] = set(ORDER) | {"python"}  # the Python module's bindings: wiring, as cli is

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"/]+)/')
CONCEPT_INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)\.hpp"')


def breaches(src):
    found = []
    for path in sorted(src.rglob("*")):
        if path.suffix not in (".hpp", ".cpp", ".h", ".cc"):
            continue
        folder = path.relative_to(src).parts[0]
        if folder not in ALLOWED:
            found.append(f"{path}:1: folder '{folder}' is not a layer of src/README.md")
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            match = INCLUDE.match(line)
            if match and match.group(1) not in ALLOWED[folder]:
                found.append(f"{path}:{number}: '{folder}' may not include '{match.group(1)}/' ({line.strip()})")
    return found


def cycles(src):
    """Concepts (x.hpp with x.cpp, named folder/x) that reach themselves through includes: each cycle once."""
    edges = {}
    for path in sorted(src.rglob("*")):
        if path.suffix not in (".hpp", ".cpp"):
            continue
        concept = str(path.relative_to(src).with_suffix(""))
        for line in path.read_text(encoding="utf-8").splitlines():
            match = CONCEPT_INCLUDE.match(line)
            if match and match.group(1) != concept and (src / (match.group(1) + ".hpp")).exists():
                edges.setdefault(concept, set()).add(match.group(1))
    found, done = [], set()
    for start in sorted(edges):
        # a walk from each concept back to itself; concepts already part of a reported cycle are not reported again
        stack, seen = [(start, [start])], set()
        while stack:
            node, trail = stack.pop()
            for nxt in sorted(edges.get(node, ())):
                if nxt == start:
                    if not done.intersection(trail):
                        found.append(f"{src / start}.cpp:1: include cycle: {' -> '.join(trail + [start])}")
                        done.update(trail)
                elif nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, trail + [nxt]))
    return found


def main():
    src = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent.parent / "src"
    found = breaches(src) + cycles(src)
    for line in found:
        print(line)
    if found:
        print(f"{len(found)} include(s) break the layering of {src}/README.md", file=sys.stderr)
        return 1
    print(f"include rules hold for {src}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
