#!/usr/bin/env python3
"""Validates document JSON against docs/ogi-report.schema.json (Debian's python3-jsonschema).

usage: validate_schema.py SCHEMA samples SAMPLES_EXE
           every line SAMPLES_EXE prints must validate; known-bad variants must not
       validate_schema.py SCHEMA expected OGI EXPECTED_DIR
           `ogi parse` and `ogi parse --detail` of every EXPECTED_DIR/*.json must validate
           (exit 77 when EXPECTED_DIR is missing: the test is skipped)
       validate_schema.py SCHEMA fresh OGI GENERATOR
           the schema file is what GENERATOR makes from `OGI schema --json`
"""
import copy
import glob
import json
import os
import subprocess
import sys

import jsonschema


def validator(schema_path):
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema)


def check(v, doc, what):
    errors = sorted(v.iter_errors(doc), key=lambda e: list(e.path))
    for e in errors[:5]:
        print(f"{what}: {'/'.join(map(str, e.path))}: {e.message[:300]}")
    return not errors


def mutations(doc):
    """Documents ogi never writes; the schema must refuse each."""
    bad = []
    d = copy.deepcopy(doc); d["schema"] = "ogi-report/2"; bad.append(("schema", d))
    d = copy.deepcopy(doc); d["kind"] = "notice"; bad.append(("kind", d))
    d = copy.deepcopy(doc); d["meta"]["year"] = "2021"; bad.append(("meta.year", d))
    d = copy.deepcopy(doc); d["meta"]["published"] = "2021/01/02"; bad.append(("published", d))
    d = copy.deepcopy(doc); d["sections"]["preface"] = "x"; bad.append(("section key", d))
    if doc.get("kind") == "annual_report" and doc.get("template") in ("2021", "2019"):
        d = copy.deepcopy(doc); d["template"] = "2020"; bad.append(("template", d))
        d = copy.deepcopy(doc); d["applications"]["new_received"]["total"] = "5"
        bad.append(("value type", d))
        d = copy.deepcopy(doc); del d["applications"]["granted"]["total"]
        bad.append(("missing cell", d))
        d = copy.deepcopy(doc); d["applications"]["granted"]["bogus"] = 1
        bad.append(("unknown column", d))
        d = copy.deepcopy(doc); d["legacy"] = {}; bad.append(("foreign block", d))
        d = copy.deepcopy(doc); d["kind"] = "other"; bad.append(("tables in other", d))
    if "cells" in doc and doc["cells"]:
        path = next(iter(doc["cells"]))
        d = copy.deepcopy(doc); d["cells"][path]["state"] = "zero"; bad.append(("state", d))
        d = copy.deepcopy(doc); d["cells"]["x.y"] = d["cells"][path]; bad.append(("cell path", d))
    if doc.get("diagnostics"):
        d = copy.deepcopy(doc); d["diagnostics"][0]["severity"] = "fatal"
        bad.append(("severity", d))
    return bad


def samples(v, exe):
    out = subprocess.run([exe], check=True, capture_output=True).stdout.decode("utf-8")
    docs = [json.loads(line) for line in out.splitlines() if line.strip()]
    ok = sum(check(v, d, f"sample {i}") for i, d in enumerate(docs))
    refused = total = 0
    for i, d in enumerate(docs):
        for what, bad in mutations(d):
            total += 1
            if v.is_valid(bad):
                print(f"sample {i}: a document with a bad {what} validates")
            else:
                refused += 1
    editions = {(d.get("kind"), d.get("template"), "cells" in d) for d in docs}
    print(f"{ok}/{len(docs)} samples valid; {refused}/{total} bad variants refused; "
          f"{len(editions)} kind/template/detail combinations")
    return ok == len(docs) and refused == total and len(docs) > 0


def expected(v, ogi, exp_dir):
    if not os.path.isdir(exp_dir):
        print(f"{exp_dir} missing: skipped")
        sys.exit(77)
    files = sorted(glob.glob(os.path.join(exp_dir, "*.json")))
    good = 0
    for f in files:
        for extra in ([], ["--detail"]):
            r = subprocess.run([ogi, "parse", *extra, f], capture_output=True)
            if r.returncode != 0:
                print(f"{f}: ogi parse {' '.join(extra)} exited {r.returncode}: "
                      + r.stderr.decode("utf-8", "replace")[:300])
                continue
            good += check(v, json.loads(r.stdout), f"{os.path.basename(f)} {' '.join(extra)}")
    print(f"{good}/{2 * len(files)} outputs valid")
    return bool(files) and good == 2 * len(files)


def fresh(schema_path, ogi, generator):
    made = subprocess.run([sys.executable, generator, "--ogi", ogi], check=True,
                          capture_output=True).stdout.decode("utf-8")
    with open(schema_path, encoding="utf-8") as f:
        have = f.read()
    if made != have:
        print(f"{schema_path} is stale: run {generator} --ogi {ogi} -o {schema_path}")
        return False
    return True


def main():
    if len(sys.argv) < 4:
        print(__doc__)
        sys.exit(2)
    schema_path, mode = sys.argv[1], sys.argv[2]
    if mode == "samples":
        ok = samples(validator(schema_path), sys.argv[3])
    elif mode == "expected":
        ok = expected(validator(schema_path), sys.argv[3], sys.argv[4])
    elif mode == "fresh":
        ok = fresh(schema_path, sys.argv[3], sys.argv[4])
    else:
        print(__doc__)
        sys.exit(2)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
