"""Generated documents (gen_corpus: random consistent reports rendered in every layout, with
their expected values): the Python API gives exactly what `ogi parse` gives, and agrees with
the generator's expected values as often as the command line does.

Runs when gen_corpus is found (OGI_GEN_CORPUS, or in a build directory) and OGI_CLI is set."""

import subprocess

import pytest

import ogi
from conftest import flatten, load_json, needs_cli, run_cli

BLOCKS = ("active", "applications", "review_litigation", "legacy")
pytestmark = needs_cli


@pytest.fixture(scope="module")
def corpus(gen_corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("corpus")
    subprocess.run([gen_corpus, "--out", str(out), "--count", "36", "--seed", "20240601"],
                   check=True, capture_output=True, timeout=300)
    docs = sorted(p for p in out.iterdir() if p.suffix != ".json")
    assert docs, "gen_corpus wrote no documents"
    return docs


def agreement(expected, got):
    """compare.py's rule: every expected key, numbers exactly, agency by containment."""
    ok = total = 0
    for key, want in flatten(expected).items():
        total += 1
        have = got.get(key, "<missing>")
        if key == "meta.agency" and want and have and have != "<missing>":
            ok += want in have or (have in want and len(have) >= 3)
        else:
            ok += want == have
    return ok, total


def test_generated_documents_equal_ogi_parse(corpus):
    for doc in corpus:
        r = ogi.parse_file(doc)
        _, out = run_cli("parse", doc)
        want = load_json(out)
        assert r.to_dict() == want, doc.name
        cells = flatten({b: want[b] for b in BLOCKS if b in want})
        assert {p: r[p] for p in r.paths()} == cells, doc.name


def test_generated_documents_agree_with_their_expected_values(corpus, capsys):
    py_ok = cli_ok = total = 0
    for doc in corpus:
        expected = load_json(doc.with_suffix(".json").read_text(encoding="utf-8"))
        r = ogi.parse_file(doc)
        got = flatten(r.to_dict())
        ok, n = agreement(expected, got)
        _, out = run_cli("parse", doc)
        c_ok, _ = agreement(expected, flatten(load_json(out)))
        py_ok, cli_ok, total = py_ok + ok, cli_ok + c_ok, total + n
        # every value the API reads from the document is one the generator wrote
        for path, want in flatten({b: expected[b] for b in BLOCKS if b in expected}).items():
            if want is not None and r[path] == want:
                assert r.cell(path).state in ("value", "inferred")
    with capsys.disabled():
        print(f"\n[corpus] {len(corpus)} generated documents: Python {py_ok}/{total} values "
              f"as expected, CLI {cli_ok}/{total}")
    assert py_ok == cli_ok
    assert total > 0
