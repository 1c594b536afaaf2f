#!/usr/bin/env python3
"""Parses a folder of annual reports, prints a validation summary and writes one CSV row per
report.

    python3 examples/python/summary.py examples/reports -o summary.csv
    python3 examples/python/summary.py reports/ --lenient --min-severity warning

Columns: file, kind, template, year, agency, published, verdict (pass/fail/unreadable),
errors, warnings, infos, rules (the rule ids found), new_received, carried_over,
total_handled, carried_forward, review_total, litigation_total (table 3 and 4 totals; for
legacy reports the matching rows of the 统计表). Exit status: 0 when every report passed,
1 when one had an error-severity finding, 2 when a file could not be read.
"""

import argparse
import collections
import csv
import sys
from pathlib import Path

import ogi

# The figures of the CSV, per template edition: column -> cell path.
FIGURES = {
    "2021": {
        "new_received": "applications.new_received.total",
        "carried_over": "applications.carried_over.total",
        "total_handled": "applications.total_handled.total",
        "carried_forward": "applications.carried_forward.total",
        "review_total": "review_litigation.review.total",
        "litigation_total": ("review_litigation.litigation_direct.total",
                             "review_litigation.litigation_after_review.total"),
    },
    "legacy": {
        "new_received": "legacy.requests_received",
        "total_handled": "legacy.requests_concluded",
        "review_total": "legacy.review_total",
        "litigation_total": "legacy.litigation_total",
    },
}
FIGURES["2019"] = FIGURES["2021"]
COLUMNS = ["file", "kind", "template", "year", "agency", "published", "verdict", "errors",
           "warnings", "infos", "rules", *FIGURES["2021"]]


def figure(report, paths):
    """The value of a cell, or the sum of several (None when one of them holds no number)."""
    if isinstance(paths, str):
        return report[paths]
    values = [report[p] for p in paths]
    return None if None in values else sum(values)


def summarise(path, options):
    row = dict.fromkeys(COLUMNS, "")
    row["file"] = str(path)
    try:
        report = ogi.parse_file(path)
    except ogi.Error as e:  # unreadable: not a text document, unknown encoding, I/O ...
        row.update(verdict="unreadable", rules=type(e).__name__)
        return row, [], str(e)
    diags = report.validate(parse_diagnostics=True, **options)
    count = collections.Counter(d.severity for d in diags)
    meta = report.meta
    row.update(kind=report.kind, template=report.template, year=meta.year or "",
               agency=meta.agency or "", published=meta.published or "",
               verdict="fail" if count["error"] else "pass", errors=count["error"],
               warnings=count["warning"], infos=count["info"],
               rules=" ".join(sorted({d.rule for d in diags})))
    for column, paths in FIGURES.get(report.template, {}).items():
        value = figure(report, paths)
        row[column] = "" if value is None else value
    return row, diags, None


def write_csv(f, rows):
    writer = csv.DictWriter(f, fieldnames=COLUMNS)
    writer.writeheader()
    writer.writerows(rows)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path, help="a folder of reports (text, HTML or JSON)")
    ap.add_argument("-o", "--output", type=Path, default=Path("summary.csv"),
                    help="CSV file to write (default: summary.csv; '-' for standard output)")
    ap.add_argument("--lenient", action="store_true", help="blank cells count as 0 in sums")
    ap.add_argument("--min-severity", default="info", choices=["info", "warning", "error"])
    ap.add_argument("--suppress", action="append", default=[], metavar="RULE",
                    help="leave out a rule (RULE* matches a prefix); repeatable")
    args = ap.parse_args(argv)

    files = sorted(p for p in args.folder.rglob("*") if p.is_file())
    if not files:
        print(f"summary.py: no files in {args.folder}", file=sys.stderr)
        return 2
    options = {"ruleset": "lenient" if args.lenient else "strict",
               "min_severity": args.min_severity, "suppress": args.suppress}
    to_stdout = str(args.output) == "-"
    log = sys.stderr if to_stdout else sys.stdout  # the CSV may take standard output
    rows, rules, verdicts = [], collections.Counter(), collections.Counter()
    for path in files:
        row, diags, problem = summarise(path, options)
        rows.append(row)
        verdicts[row["verdict"]] += 1
        rules.update(d.rule for d in diags)
        detail = problem or (f"{row['errors']} errors, {row['warnings']} warnings, "
                             f"{row['infos']} infos")
        print(f"{path.name[:40]:40} {row['template'] or '-':8} {str(row['year']):5} "
              f"{row['verdict']:10} {detail}", file=log)

    if to_stdout:
        write_csv(sys.stdout, rows)
    else:
        with open(args.output, "w", newline="", encoding="utf-8") as f:
            write_csv(f, rows)
    print(f"\n{len(rows)} reports: {verdicts['pass']} pass, {verdicts['fail']} fail, "
          f"{verdicts['unreadable']} unreadable", file=log)
    if rules:
        print("rules: " + ", ".join(f"{r} x{n}" for r, n in rules.most_common()), file=log)
    if not to_stdout:
        print(f"CSV: {args.output}", file=log)
    return 2 if verdicts["unreadable"] else 1 if verdicts["fail"] else 0


if __name__ == "__main__":
    sys.exit(main())
