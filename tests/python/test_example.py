"""examples/python/summary.py runs and its CSV agrees with the API."""

import csv
import subprocess
import sys

import ogi
from conftest import ROOT, SEEDS, needs_seeds

SCRIPT = ROOT / "examples" / "python" / "summary.py"


def run(*args):
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True,
                          text=True, timeout=300)


@needs_seeds
def test_summary_csv(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for p in SEEDS:
        (folder / p.name).write_bytes(p.read_bytes())
    (folder / "binary.bin").write_bytes(bytes(range(256)) * 4)
    out = tmp_path / "summary.csv"
    r = run(folder, "-o", out)
    assert r.returncode == 2, r.stderr  # the binary file is unreadable
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [row["file"] for row in rows] == sorted(str(p) for p in folder.iterdir())
    assert "reports:" in r.stdout and "CSV:" in r.stdout
    for row in rows:
        if row["file"].endswith("binary.bin"):
            assert row["verdict"] == "unreadable" and row["rules"] == "FormatError"
            continue
        report = ogi.parse_file(row["file"])
        diags = report.validate(parse_diagnostics=True)
        errors = sum(d.severity == "error" for d in diags)
        assert row["kind"] == report.kind and row["template"] == report.template
        assert row["agency"] == (report.meta.agency or "")
        assert row["year"] == str(report.meta.year or "")
        assert int(row["errors"]) == errors
        assert int(row["warnings"]) == sum(d.severity == "warning" for d in diags)
        assert row["verdict"] == ("fail" if errors else "pass")
        if report.template in ("2021", "2019"):
            v = report["applications.new_received.total"]
            assert row["new_received"] == ("" if v is None else str(v))


@needs_seeds
def test_summary_to_stdout_with_options(tmp_path):
    r = run(SEEDS[0].parent, "-o", "-", "--lenient", "--min-severity", "error",
            "--suppress", "TEMPLATE-*")
    assert r.returncode in (0, 1), r.stderr
    rows = list(csv.DictReader(r.stdout.splitlines()))
    assert len(rows) == len([p for p in SEEDS[0].parent.iterdir() if p.is_file()])
    assert all(row["warnings"] == "0" and row["infos"] == "0" for row in rows)
    assert all("TEMPLATE-" not in row["rules"] for row in rows)
    assert "reports:" in r.stderr


def test_summary_empty_folder(tmp_path):
    r = run(tmp_path)
    assert r.returncode == 2 and "no files" in r.stderr
