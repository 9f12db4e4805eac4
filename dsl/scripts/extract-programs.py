#!/usr/bin/env python3
"""Regenerates dsl/src/test/resources/episodes-programs.txt: the distinct "program" strings of the
Karel conformance episodes, in first-seen order, one per line (the round-trip test reads it)."""
import json
import sys

src = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/conformance/karel/episodes.jsonl"
dst = sys.argv[2] if len(sys.argv) > 2 else "dsl/src/test/resources/episodes-programs.txt"
seen = {}
with open(src) as f:
    for line in f:
        if line.strip():
            seen.setdefault(json.loads(line)["program"], None)
with open(dst, "w") as out:
    out.writelines(p + "\n" for p in seen)
print(f"{len(seen)} programs -> {dst}")
