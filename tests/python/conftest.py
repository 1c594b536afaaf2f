"""Shared fixtures of the Python tests.

Environment (tools/python-test.sh sets them):
    OGI_CLI         the `ogi` command line tool: values are compared with `ogi parse`
    OGI_GEN_CORPUS  the corpus generator (gen_corpus): documents with known values
    OGI_SEEDS       a directory of seed documents (default: ../shared/seeds beside the
                    checkout, else examples/reports)
    OGI_EXPECTED    their hand-checked values (default: ../shared/expected)
"""

import json
import os
import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _dir(env, *candidates):
    if os.environ.get(env):
        return Path(os.environ[env])
    for c in candidates:
        if c.is_dir():
            return c
    return None


SEEDS_DIR = _dir("OGI_SEEDS", ROOT.parent / "shared" / "seeds", ROOT / "examples" / "reports")
EXPECTED_DIR = _dir("OGI_EXPECTED", ROOT.parent / "shared" / "expected")
SEEDS = sorted(p for p in SEEDS_DIR.iterdir() if p.is_file()) if SEEDS_DIR else []


def _cli():
    cli = os.environ.get("OGI_CLI")
    if cli and os.access(cli, os.X_OK):
        return cli
    return None


CLI = _cli()
needs_cli = pytest.mark.skipif(CLI is None, reason="set OGI_CLI to the `ogi` command line tool")
needs_seeds = pytest.mark.skipif(not SEEDS, reason="no seed documents found (set OGI_SEEDS)")


def run_cli(*args, check=True):
    """Runs the C command line tool; returns (exit code, stdout as str)."""
    r = subprocess.run([CLI, *map(str, args)], capture_output=True, timeout=120)
    if check and r.returncode not in (0, 1):
        raise AssertionError(f"ogi {' '.join(map(str, args))} exited {r.returncode}: "
                             f"{r.stderr.decode('utf-8', 'replace')[:500]}")
    return r.returncode, r.stdout.decode("utf-8")


def load_json(text):
    """JSON with exact decimals (as the Python API gives money)."""
    return json.loads(text, parse_float=Decimal)


def flatten(obj, prefix=""):
    """{"a": {"b": 1}} -> {"a.b": 1}"""
    out = {}
    if isinstance(obj, dict):
        for k, v in obj.items():
            out.update(flatten(v, f"{prefix}.{k}" if prefix else k))
    else:
        out[prefix] = obj
    return out


@pytest.fixture(scope="session")
def seed_paths():
    if not SEEDS:
        pytest.skip("no seed documents found (set OGI_SEEDS)")
    return SEEDS


@pytest.fixture(scope="session")
def gen_corpus():
    exe = os.environ.get("OGI_GEN_CORPUS") or shutil.which("gen_corpus")
    if not exe:
        for d in ("build-test", "build", "build-py"):
            c = ROOT / d / "gen_corpus"
            if c.is_file() and os.access(c, os.X_OK):
                exe = str(c)
                break
    if not exe:
        pytest.skip("no gen_corpus executable (set OGI_GEN_CORPUS; built by the generator)")
    return exe
