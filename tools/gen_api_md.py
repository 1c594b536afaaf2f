#!/usr/bin/env python3
"""Generates docs/api.md: one line per public function, from the Doxygen comments of
include/ogi/*.h (the first sentence of each function's comment), grouped by header.

usage: gen_api_md.py [INCLUDE_DIR] [-o FILE | --check FILE]   (default: include/ of this tree)
Without -o the listing is printed; --check FILE exits 1 when FILE is stale. tests/cmake/headers.cmake checks that docs/api.md is fresh.
"""
import argparse
import os
import re
import sys

DECL = re.compile(r"OGI_EXTERN\(\s*([^)]*?)\s*\)\s*(\w+)\s*\(", re.S)


def brief(comment):
    text = re.sub(r"^\s*\*\s?", "", comment, flags=re.M)
    text = " ".join(text.split())
    text = re.sub(r"^@brief\s+", "", text)
    text = text.split(" @")[0]  # up to the first tag (@param, @return ...)
    m = re.match(r"(.+?(?<!e\.g)(?<!i\.e)[.:;])(\s|$)", text)
    first = m.group(1) if m else text
    return first.rstrip(".:;").rstrip() + "." if first else ""


def header_entries(path):
    with open(path, encoding="utf-8") as f:
        src = f.read()
    title = ""
    m = re.search(r"@brief\s+(.*?)(\n\s*\*\s*\n|\*/)", src, re.S)
    if m:
        title = " ".join(re.sub(r"^\s*\*\s?", "", m.group(1), flags=re.M).split())
    out = []
    for d in DECL.finditer(src):
        before = src[: d.start()]
        start = before.rfind("/**")
        end = before.find("*/", start)
        doc = ""
        if start >= 0 and end >= 0 and not before[end + 2:].strip():
            doc = brief(before[start + 3:end])
        close = src.index(")", d.end())
        args = " ".join(src[d.end():close].split())
        rtype = d.group(1).strip()
        proto = f"{rtype}{'' if rtype.endswith('*') else ' '}{d.group(2)}({args})"
        out.append((proto, doc))
    return title, out


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser()
    ap.add_argument("include", nargs="?", default=os.path.join(here, "..", "include"))
    ap.add_argument("-o", "--output")
    ap.add_argument("--check", metavar="FILE", help="exit 1 when FILE is not what would be made")
    a = ap.parse_args()
    headers = []
    for root, _, files in os.walk(os.path.join(a.include, "ogi")):
        headers += [os.path.join(root, f) for f in files if f.endswith(".h")]
    lines = ["# libogi public API", "",
             "One line per function, generated from the header comments by "
             "`tools/gen_api_md.py` (do not edit). Every function is declared in "
             "`#include <ogi.h>`; the headers document arguments, ownership and return codes.",
             ""]
    total = 0
    for h in sorted(headers, key=lambda p: os.path.relpath(p, a.include)):
        title, entries = header_entries(h)
        if not entries:
            continue
        rel = os.path.relpath(h, a.include)
        lines += [f"## `{rel}`", ""]
        if title:
            lines += [title, ""]
        for proto, doc in entries:
            lines.append(f"- `{proto}` — {doc}" if doc else f"- `{proto}`")
            total += 1
        lines.append("")
    lines.append(f"{total} functions.")
    text = "\n".join(lines) + "\n"
    if a.check:
        with open(a.check, encoding="utf-8") as f:
            if f.read() != text:
                print(f"{a.check} is stale: run tools/gen_api_md.py -o {a.check}")
                sys.exit(1)
        print(f"{a.check}: {total} functions, up to date")
    elif a.output:
        with open(a.output, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
