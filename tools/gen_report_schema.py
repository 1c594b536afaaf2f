#!/usr/bin/env python3
"""Generates docs/ogi-report.schema.json, the JSON Schema of the document JSON (SPEC §3),
from the schema catalog as `ogi schema --json` prints it: the keys, editions and value types
are never listed by hand.

usage: gen_report_schema.py --ogi PATH [-o FILE]     (runs `PATH schema --json`)
       gen_report_schema.py CATALOG.json [-o FILE]   (a saved `ogi schema --json`)
Without -o the schema is printed. tests/cmake/schema.cmake checks that the file in docs/ is
what this script makes from the built catalog.
"""
import argparse
import json
import subprocess
import sys

STATES = ["value", "blank", "na", "inferred", "absent", "invalid"]
FORMATS = ["auto", "text", "html", "json"]


def value_schema(vtype):
    if vtype == "money":
        return {"type": ["number", "null"],
                "description": "万元, exactly, at most 4 decimals; null when the cell holds no number"}
    if vtype == "signed":
        return {"type": ["integer", "null"]}
    return {"type": ["integer", "null"]}


def block_schema(cells, block, edition=None):
    """Rows of a block as an object; restricted to an edition, every row and column is required."""
    rows = {}
    for c in cells:
        if c["block"] != block or (edition and edition not in c["editions"]):
            continue
        rows.setdefault(c["row"], []).append(c)
    props = {}
    for row, rcells in rows.items():
        if rcells[0]["col"] is None:
            props[row] = value_schema(rcells[0]["type"])
            continue
        cols = {c["col"]: value_schema(c["type"]) for c in rcells}
        row_schema = {"type": "object", "properties": cols, "additionalProperties": False}
        if edition:
            row_schema["required"] = list(cols)
        props[row] = row_schema
    out = {"type": ["object", "null"] if not edition else "object",
           "properties": props, "additionalProperties": False}
    if edition:
        out["required"] = list(props)
    return out


def make_schema(cat):
    cells = cat["cells"]
    blocks = [b["key"] for b in cat["blocks"]]
    editions = [e["name"] for e in cat["editions"]]
    paths = [c["path"] for c in cells]
    defs = {
        "position": {
            "type": "object",
            "description": "line/column are 1-based (0: unknown); table/row/col are 0-based "
                           "HTML grid coordinates, present only when known",
            "properties": {k: {"type": "integer", "minimum": 0, "maximum": 4294967295}
                           for k in ("line", "column")}
            | {k: {"type": "integer", "minimum": 0, "maximum": 2147483647}
               for k in ("table", "row", "col")},
            "required": ["line", "column"],
            "additionalProperties": False,
        },
        "cell_path": {"enum": paths},
        "cell_detail": {
            "type": "object",
            "properties": {
                "state": {"enum": STATES},
                "value": {"type": ["number", "null"]},
                "raw": {"type": ["string", "null"]},
                "position": {"$ref": "#/$defs/position"},
            },
            "required": ["state", "value", "raw"],
            "allOf": [
                {"if": {"properties": {"state": {"enum": ["value", "inferred"]}}},
                 "then": {"properties": {"value": {"type": "number"}}},
                 "else": {"properties": {"value": {"type": "null"}}}},
            ],
        },
        "diagnostic": {
            "type": "object",
            "properties": {
                "rule": {"type": "string", "minLength": 1},
                "severity": {"enum": ["info", "warning", "error"]},
                "paths": {"type": "array", "items": {"$ref": "#/$defs/cell_path"}},
                "expected": {"type": ["number", "null"]},
                "actual": {"type": ["number", "null"]},
                "suspect": {"anyOf": [{"$ref": "#/$defs/cell_path"}, {"type": "null"}]},
                "message": {
                    "type": "object",
                    "properties": {"zh": {"type": "string"}, "en": {"type": "string"}},
                    "required": ["zh", "en"],
                },
                "position": {"$ref": "#/$defs/position"},
            },
            "required": ["rule", "severity", "paths", "expected", "actual", "suspect",
                         "message", "position"],
        },
    }
    for b in blocks:
        defs["block_" + b] = block_schema(cells, b)
        for ed in editions:
            if any(c["block"] == b and ed in c["editions"] for c in cells):
                defs[f"block_{b}_{ed}"] = block_schema(cells, b, ed)

    props = {
        "schema": {"const": "ogi-report/1"},
        "kind": {"enum": ["annual_report", "other"]},
        "template": {"enum": editions + ["unknown"]},
        "meta": {
            "type": "object",
            "properties": {
                "title": {"type": ["string", "null"]},
                "agency": {"type": ["string", "null"],
                           "description": "in the document's own characters"},
                "year": {"type": ["integer", "null"], "minimum": 1900, "maximum": 2999},
                "published": {"type": ["string", "null"],
                              "pattern": "^[12][0-9]{3}-[01][0-9]-[0-3][0-9]$"},
                "format": {"enum": FORMATS[1:] + [None]},
                "encoding": {"type": ["string", "null"]},
            },
            "required": ["title", "agency", "year", "published", "format", "encoding"],
        },
        "sections": {
            "type": "object",
            "properties": {s["key"]: {"type": "string"} for s in cat["sections"]},
            "additionalProperties": False,
        },
        "cells": {
            "type": "object",
            "description": "detail: per cell its state, value, raw text and source position",
            "propertyNames": {"$ref": "#/$defs/cell_path"},
            "additionalProperties": {"$ref": "#/$defs/cell_detail"},
        },
        "section_positions": {
            "type": "object",
            "propertyNames": {"enum": [s["key"] for s in cat["sections"]]},
            "additionalProperties": {"$ref": "#/$defs/position"},
        },
        "diagnostics": {"type": "array", "items": {"$ref": "#/$defs/diagnostic"}},
    }
    for b in blocks:
        props[b] = {"$ref": "#/$defs/block_" + b}

    # Only the blocks of the report's edition appear, each with every cell of the edition;
    # documents of kind "other" carry no table blocks.
    rules = [{
        "if": {"properties": {"kind": {"const": "other"}}, "required": ["kind"]},
        "then": {"not": {"anyOf": [{"required": [b]} for b in blocks]}},
    }]
    for ed in editions + ["unknown"]:
        own = [b for b in blocks if f"block_{b}_{ed}" in defs]
        then = {"required": own,
                "properties": {b: ({"$ref": f"#/$defs/block_{b}_{ed}"} if b in own else False)
                               for b in blocks}}
        rules.append({
            "if": {"properties": {"kind": {"const": "annual_report"}, "template": {"const": ed}},
                   "required": ["kind", "template"]},
            "then": then,
        })
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:ogi:ogi-report/1",
        "title": "libogi document JSON (ogi-report/1)",
        "description": "What `ogi parse` and ogi_report_to_json() print, plain or with "
                       "--detail / OGI_JSON_DETAIL (cells, section_positions, diagnostics). "
                       "Generated from the schema catalog by tools/gen_report_schema.py; do "
                       "not edit. ogi_report_from_json() also reads documents that leave "
                       "keys out (missing cells are absent) and ignores unknown keys outside "
                       "the catalog's objects.",
        "type": "object",
        "properties": props,
        "required": ["schema", "kind", "meta", "sections"],
        "allOf": rules,
        "$defs": defs,
    }


def dumps(obj, indent=0, width=100):
    """JSON with small objects and arrays kept on one line."""
    flat = json.dumps(obj, ensure_ascii=False, separators=(", ", ": "))
    if len(flat) + indent <= width or not isinstance(obj, (dict, list)) or not obj:
        return flat
    pad, inner = " " * indent, " " * (indent + 2)
    if isinstance(obj, dict):
        items = [f"{inner}{json.dumps(k, ensure_ascii=False)}: {dumps(v, indent + 2, width)}"
                 for k, v in obj.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if all(not isinstance(v, (dict, list)) for v in obj):
        # a long list of scalars: fill lines
        lines, cur = [], ""
        for v in obj:
            t = json.dumps(v, ensure_ascii=False)
            if cur and len(inner) + len(cur) + len(t) + 2 > width:
                lines.append(cur + ",")
                cur = ""
            cur = f"{cur}, {t}" if cur else t
        lines.append(cur)
        return "[\n" + "\n".join(inner + l for l in lines) + "\n" + pad + "]"
    items = [inner + dumps(v, indent + 2, width) for v in obj]
    return "[\n" + ",\n".join(items) + "\n" + pad + "]"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("catalog", nargs="?", help="a saved `ogi schema --json`")
    ap.add_argument("--ogi", help="the ogi executable")
    ap.add_argument("-o", "--output")
    a = ap.parse_args()
    if a.ogi:
        text = subprocess.run([a.ogi, "schema", "--json"], check=True, capture_output=True).stdout
        cat = json.loads(text)
    elif a.catalog:
        with open(a.catalog, encoding="utf-8") as f:
            cat = json.load(f)
    else:
        ap.error("give --ogi PATH or a catalog file")
    out = dumps(make_schema(cat)) + "\n"
    if a.output:
        with open(a.output, "w", encoding="utf-8") as f:
            f.write(out)
    else:
        sys.stdout.write(out)


if __name__ == "__main__":
    main()
