#!/usr/bin/env bash
# The main job: sets up, builds libogi (Release, in build/), then
#   build/ogi parse    examples/reports/*   (the document JSON; fails the job on any error)
#   build/ogi validate examples/reports/*   (exit 1 = findings in a report, not a failure;
#                                            exit 2 or a crash fails the job)
# and, when ../shared is beside the checkout, compares with ../shared/checks/compare.py the
# parse of the generated example reports with examples/expected/ and of the seed documents
# with their hand-checked values. Outputs go to build/main/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

JOBS=${OGI_JOBS:-2}
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

bash tools/setup.sh

echo "==== configure + build (Release): build/"
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DOGI_BUILD_TESTS=OFF -DOGI_BUILD_BENCH=OFF >/dev/null
cmake --build build -j"$JOBS"

shopt -s nullglob
reports=(examples/reports/*)
if [ ${#reports[@]} -eq 0 ]; then
  echo "main.sh: no reports in examples/reports/" >&2
  exit 1
fi
out=build/main
mkdir -p "$out"

echo
echo "==== build/ogi parse examples/reports/* (${#reports[@]} files)"
build/ogi parse "${reports[@]}" >"$out/parse.json"
build/ogi parse --jsonl "${reports[@]}" >"$out/parse.jsonl"
"$PY" - "$out/parse.jsonl" "${reports[@]}" <<'PYEOF'
import json, sys
lines = [l for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
files = sys.argv[2:]
if len(lines) != len(files):
    sys.exit(f"ogi parse --jsonl gave {len(lines)} documents for {len(files)} files")

def count(obj):
    if isinstance(obj, dict):
        return sum(count(v) for v in obj.values())
    return 1 if isinstance(obj, (int, float)) and not isinstance(obj, bool) else 0

print(f"{'file':36} {'kind':14} {'template':8} {'year':5} {'cells':>5}  agency")
for f, line in zip(files, lines):
    d = json.loads(line)
    meta = d.get("meta") or {}
    cells = sum(count(d.get(k)) for k in ("active", "applications", "review_litigation", "legacy"))
    print(f"{f.split('/')[-1][:36]:36} {str(d.get('kind')):14} {str(d.get('template')):8} "
          f"{str(meta.get('year')):5} {cells:5}  {meta.get('agency') or '-'}")
PYEOF
echo "(the document JSON: $out/parse.json)"

echo
echo "==== build/ogi validate examples/reports/*"
set +e
build/ogi validate "${reports[@]}" >"$out/validate.txt"
rc=$?
build/ogi validate --format json --jsonl "${reports[@]}" >"$out/validate.jsonl"
rc_json=$?
set -e
if [ $rc -gt 1 ] || [ $rc_json -gt 1 ]; then
  cat "$out/validate.txt"
  echo "main.sh: ogi validate failed (exit $rc, $rc_json with --format json)" >&2
  exit 1
fi
"$PY" - "$out/validate.jsonl" <<'PYEOF'
import collections, json, sys
docs = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
rules = collections.Counter()
for d in docs:
    sev = collections.Counter(x["severity"] for x in d["diagnostics"])
    rules.update(x["rule"] for x in d["diagnostics"])
    print(f"{d['file'].split('/')[-1][:36]:36} {d['verdict']:4}  {sev['error']} errors, "
          f"{sev['warning']} warnings, {sev['info']} infos")
verdicts = collections.Counter(d["verdict"] for d in docs)
print(f"validate: {verdicts['pass']} pass, {verdicts['fail']} fail; rules: "
      + (", ".join(f"{r} x{n}" for r, n in rules.most_common()) or "none"))
PYEOF
echo "(exit $rc: $([ $rc -eq 0 ] && echo 'no errors' || echo 'errors found in a report'); the diagnostics: $out/validate.txt)"

compare() {  # DOCS EXPECTED: compare.py prints mismatches and 'N passed, M failed'
  local rc
  set +e
  "$PY" ../shared/checks/compare.py --ogi build/ogi "$1" "$2"
  rc=$?
  set -e
  if [ $rc -gt 1 ]; then
    echo "main.sh: compare.py failed (exit $rc)" >&2
    exit 1
  fi
}
if [ -f ../shared/checks/compare.py ]; then
  echo
  echo "==== compare.py: the generated example reports against examples/expected/"
  compare examples/reports examples/expected
  echo
  echo "==== compare.py: the seed documents against their hand-checked values (../shared)"
  compare ../shared/seeds ../shared/expected
fi
