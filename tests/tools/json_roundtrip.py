#!/usr/bin/env python3
"""Checks the `ogi` command line on document JSON (tests/cmake/cli.cmake).

usage: json_roundtrip.py OGI MODE [EXPECTED_DIR]
  values    `ogi parse FILE` of every EXPECTED_DIR/*.json re-emits its values: each key of the
            file, flattened (meta.year, applications.new_received.total ...), is in the output
            with the same value (numbers compared as exact decimals), and the output parses
            back to itself (a fixed point)
  jsonl     `ogi parse --jsonl` of all the files prints one compact object per line, the same
            documents as the pretty output
  stdin     `ogi parse -` reads standard input and prints what `ogi parse FILE` prints
  detail    `ogi parse --detail` output parsed again with --detail gives the same text
  errors    exit status 2 and a message naming the file for a missing file, bad JSON, JSON
            not in the layout and usage errors; the good files of a mixed list are printed
  schema    `ogi schema` lists every cell; `ogi schema --json` agrees with it
Exit 77 (skipped) when EXPECTED_DIR is needed and missing.
"""
import decimal
import glob
import json
import os
import subprocess
import sys
import tempfile


def load(text):
    return json.loads(text, parse_float=decimal.Decimal, parse_int=decimal.Decimal)


def flatten(obj, prefix=""):
    out = {}
    if isinstance(obj, dict):
        for k, v in obj.items():
            out.update(flatten(v, f"{prefix}.{k}" if prefix else k))
    else:
        out[prefix] = obj
    return out


def run(ogi, *args, stdin=None):
    return subprocess.run([ogi, *args], input=stdin, capture_output=True, timeout=120)


class Checker:
    def __init__(self):
        self.failures = 0
        self.checks = 0

    def expect(self, cond, msg):
        self.checks += 1
        if not cond:
            self.failures += 1
            print("FAIL:", msg)
        return cond


def expected_files(d):
    if not d or not os.path.isdir(d):
        print(f"{d}: missing, skipped")
        sys.exit(77)
    files = sorted(glob.glob(os.path.join(d, "*.json")))
    if not files:
        print(f"{d}: no *.json, skipped")
        sys.exit(77)
    return files


def mode_values(ogi, files, c):
    for f in files:
        name = os.path.basename(f)
        r = run(ogi, "parse", f)
        if not c.expect(r.returncode == 0, f"{name}: exit {r.returncode}: {r.stderr[:300]!r}"):
            continue
        got = load(r.stdout)
        c.expect(got.get("schema") == "ogi-report/1", f"{name}: schema key")
        with open(f, encoding="utf-8") as fh:
            want = flatten({k: v for k, v in load(fh.read()).items() if k != "expect_rules"})
        flat = flatten(got)
        for key, w in want.items():
            c.expect(key in flat and flat[key] == w,
                     f"{name}: {key}: expected {w!r}, got {flat.get(key, '<missing>')!r}")
        # the output is a fixed point
        with tempfile.NamedTemporaryFile("wb", suffix=".json", delete=False) as tmp:
            tmp.write(r.stdout)
        try:
            again = run(ogi, "parse", tmp.name)
            c.expect(again.returncode == 0 and again.stdout == r.stdout,
                     f"{name}: parse of the output differs")
        finally:
            os.unlink(tmp.name)


def mode_jsonl(ogi, files, c):
    r = run(ogi, "parse", "--jsonl", *files)
    c.expect(r.returncode == 0, f"--jsonl exit {r.returncode}: {r.stderr[:300]!r}")
    lines = r.stdout.decode("utf-8").split("\n")
    c.expect(lines[-1] == "", "--jsonl output ends with a newline")
    lines = lines[:-1]
    c.expect(len(lines) == len(files), f"{len(lines)} lines for {len(files)} files")
    for f, line in zip(files, lines):
        c.expect(line.startswith('{"schema":"ogi-report/1",') and "\n" not in line,
                 f"{f}: not one compact object")
        pretty = run(ogi, "parse", f)
        c.expect(load(line) == load(pretty.stdout), f"{f}: --jsonl and pretty differ")
    # pretty output of several files: the objects one after another
    r = run(ogi, "parse", *files)
    dec = json.JSONDecoder()
    text, at, n = r.stdout.decode("utf-8"), 0, 0
    while at < len(text.strip()):
        while text[at].isspace():
            at += 1
        _, at = dec.raw_decode(text, at)
        n += 1
        while at < len(text) and text[at].isspace():
            at += 1
        if at >= len(text):
            break
    c.expect(n == len(files), f"pretty: {n} objects for {len(files)} files")


def mode_stdin(ogi, files, c):
    for f in files:
        with open(f, "rb") as fh:
            data = fh.read()
        a = run(ogi, "parse", "-", stdin=data)
        b = run(ogi, "parse", f)
        c.expect(a.returncode == 0 and a.stdout == b.stdout, f"{f}: stdin differs from file")
    a = run(ogi, "parse", "--jsonl", "-", stdin=b'{"kind": "other"}')
    c.expect(a.returncode == 0 and load(a.stdout)["kind"] == "other", "stdin --jsonl")


def mode_detail(ogi, files, c):
    for f in files:
        r = run(ogi, "parse", "--detail", f)
        if not c.expect(r.returncode == 0, f"{f}: --detail exit {r.returncode}"):
            continue
        doc = load(r.stdout)
        c.expect("cells" in doc and "diagnostics" in doc and "section_positions" in doc,
                 f"{f}: detail keys")
        again = run(ogi, "parse", "--detail", "-", stdin=r.stdout)
        c.expect(again.stdout == r.stdout, f"{f}: --detail is not a fixed point")
        for path, cell in doc["cells"].items():
            c.expect(cell["state"] in ("value", "blank", "na", "inferred", "absent", "invalid"),
                     f"{f}: {path}: state {cell['state']!r}")


def mode_errors(ogi, files, c):
    tmpdir = tempfile.mkdtemp()
    bad_json = os.path.join(tmpdir, "bad.json")
    with open(bad_json, "w", encoding="utf-8") as fh:
        fh.write('{\n  "kind": "annual_report",\n  "meta": {"year": 2021,,}\n}\n')
    bad_layout = os.path.join(tmpdir, "layout.json")
    with open(bad_layout, "w", encoding="utf-8") as fh:
        fh.write('{"template": "2021", "applications": {"new_received": {"total": "5"}}}')
    missing = os.path.join(tmpdir, "missing.json")
    good_file = files[0]
    cases = [
        (["parse", missing], missing),
        (["parse", bad_json], "line 3"),
        (["parse", bad_layout], "applications.new_received.total"),
        (["parse", "--format", "json", bad_json], bad_json),
        (["parse"], "no input"),
        (["parse", "--bogus", bad_json], "--bogus"),
        (["parse", "--format", "pdf", bad_json], "pdf"),
        (["parse", "--encoding", "NO-SUCH-ENCODING", good_file], "NO-SUCH-ENCODING"),
        (["parse", "--format"], "--format"),
        (["schema", "--bogus"], "--bogus"),
        (["frobnicate"], "frobnicate"),
        ([], "usage"),
    ]
    for args, needle in cases:
        r = run(ogi, *args)
        err = r.stderr.decode("utf-8", "replace")
        c.expect(r.returncode == 2, f"ogi {' '.join(args)}: exit {r.returncode}, want 2")
        c.expect(needle in err, f"ogi {' '.join(args)}: stderr {err!r} lacks {needle!r}")
    r = run(ogi, "parse", "-", stdin=b"{\"meta\": [}")
    c.expect(r.returncode == 2 and "<stdin>" in r.stderr.decode(), "bad JSON on stdin")
    # a mixed list: the good file is printed, the status is 2
    good = files[0]
    r = run(ogi, "parse", "--jsonl", missing, good, bad_json)
    c.expect(r.returncode == 2, f"mixed list: exit {r.returncode}")
    c.expect(len(r.stdout.splitlines()) == 1, "mixed list prints the good document")
    err = r.stderr.decode("utf-8", "replace")
    c.expect(missing in err and bad_json in err and good not in err, f"mixed list: {err!r}")
    for args in (["--version"], ["--help"], ["parse", "--help"], ["schema", "--help"]):
        r = run(ogi, *args)
        c.expect(r.returncode == 0 and r.stdout, f"ogi {' '.join(args)}: exit {r.returncode}")
    r = run(ogi, "--version")
    c.expect(r.stdout.decode().startswith("ogi "), "--version prints the version")
    for p in (bad_json, bad_layout):
        os.unlink(p)
    os.rmdir(tmpdir)


def mode_schema(ogi, c):
    table = run(ogi, "schema")
    js = run(ogi, "schema", "--json")
    c.expect(table.returncode == 0 and js.returncode == 0, "ogi schema exit status")
    cat = json.loads(js.stdout)
    lines = table.stdout.decode("utf-8").splitlines()
    rows = [l.split()[0] for l in lines[1:]]
    c.expect(rows == [x["path"] for x in cat["cells"]], "the table lists the cells in order")
    c.expect({e["name"]: e["cells"] for e in cat["editions"]} ==
             {"2021": 200, "2019": 198, "legacy": 61}, "cells per edition")
    c.expect(len(cat["sums"]) > 0 and all(s["lhs"] and s["rhs"] for s in cat["sums"]), "sums")
    fees = next(x for x in cat["cells"] if x["path"] == "active.fees.amount")
    c.expect(fees["type"] == "money" and fees["editions"] == ["2021"], "active.fees.amount")
    line = next(l for l in lines if l.startswith("active.fees.amount "))
    c.expect("money" in line and "行政事业性收费" in line, f"table line {line!r}")


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(2)
    ogi, mode = sys.argv[1], sys.argv[2]
    c = Checker()
    if mode == "schema":
        mode_schema(ogi, c)
    else:
        files = expected_files(sys.argv[3] if len(sys.argv) > 3 else None)
        {"values": mode_values, "jsonl": mode_jsonl, "stdin": mode_stdin,
         "detail": mode_detail, "errors": mode_errors}[mode](ogi, files, c)
    print(f"{mode}: {c.checks - c.failures}/{c.checks} checks passed")
    sys.exit(1 if c.failures else 0)


if __name__ == "__main__":
    main()
