"""The public Python API of `ogi`: every function, class and property, on reports built by
hand (independent of the parser) and on the seed documents."""

import copy
import json
import pathlib
import pickle
import re
from decimal import Decimal

import pytest

import ogi
from conftest import ROOT, SEEDS, flatten, needs_seeds


def zero_report(template="2021", year=2021, agency="测试市"):
    """A complete report of an edition with every cell 0: every sum holds."""
    r = ogi.Report()
    r.template = template
    r.year = year
    r.set_meta(agency=agency, title=f"{year}年{agency}政府信息公开工作年度报告",
               published=f"{year + 1}-01-20")
    for path in ogi.cell_paths(template):
        r[path] = 0
    return r


# ---- module level -----------------------------------------------------------------------

def test_version_matches_header():
    header = (ROOT / "include" / "ogi" / "version.h").read_text(encoding="utf-8")
    want = re.search(r'#define OGI_VERSION "([^"]+)"', header).group(1)
    assert ogi.version() == want
    assert ogi.__version__ == want


def test_cell_paths_per_edition():
    p21, p19, plg, every = (ogi.cell_paths("2021"), ogi.cell_paths("2019"),
                            ogi.cell_paths("legacy"), ogi.cell_paths())
    assert "applications.new_received.total" in p21 and "applications.new_received.total" in p19
    assert "applications.other_misc.total" in p21 and "applications.other_misc.total" not in p19
    assert "active.regulations.new_made" in p19 and "active.regulations.new_made" not in p21
    assert "legacy.requests_received" in plg and "legacy.requests_received" not in p21
    assert set(p21) | set(p19) | set(plg) == set(every)
    assert len(every) == len(set(every))
    assert ogi.cell_paths("unknown") == []
    with pytest.raises(ogi.InvalidArgumentError):
        ogi.cell_paths("2020")


def test_schema_agrees_with_cell_paths():
    s = ogi.schema()
    assert s["schema"].startswith("ogi-schema/")
    paths = [c["path"] for c in s["cells"]]
    assert paths == ogi.cell_paths()
    money = {c["path"] for c in s["cells"] if c.get("value_type", c.get("type")) == "money"}
    assert "active.fees.amount" in money
    assert ogi.schema() is not ogi.schema()  # a fresh copy each time


def test_rules_have_the_spec_ids():
    ids = [r["id"] for r in ogi.rules()]
    for rid in ("T3-BALANCE", "T3-ROW-TOTAL", "T3-RESULT-SUM", "T4-SUM", "VALUE-RANGE",
                "CELL-BLANK", "CELL-INFERRED", "TEMPLATE-YEAR", "SECTION-MISSING",
                "PUBLISHED-LATE", "TEXT-TABLE", "LEGACY-SUM", "CARRYOVER", "IN-FORCE-ROLL"):
        assert rid in ids
    for r in ogi.rules():
        assert set(r["message"]) == {"zh", "en"}


# ---- a report built by hand ---------------------------------------------------------------

def test_empty_report():
    r = ogi.Report()
    assert r.kind == "annual_report"
    assert r.template == "unknown"
    assert r.year is None
    assert r.format is None
    assert dict(r.meta) == {k: None for k in ("title", "agency", "year", "published",
                                              "format", "encoding")}
    assert r.sections == {}
    assert r.diagnostics == []
    assert len(r) == 0 and list(r) == [] and r.paths() == [] and r.items() == []
    assert r["applications.new_received.total"] is None
    assert r.cell("applications.new_received.total").state == "absent"
    assert "template='unknown'" in repr(r)


def test_set_and_read_cells():
    r = ogi.Report()
    r.template = "2021"
    r["applications.new_received.total"] = 16
    assert r["applications.new_received.total"] == 16
    c = r.cell("applications.new_received.total")
    assert c == ("applications.new_received.total", 16, "value", None, ogi.Position(), "count")
    assert c.path == "applications.new_received.total" and c.value_type == "count"

    r["active.fees.amount"] = Decimal("4158.21")
    v = r["active.fees.amount"]
    assert isinstance(v, Decimal) and v == Decimal("4158.21")
    r["active.fees.amount"] = "0.0001"
    assert r["active.fees.amount"] == Decimal("0.0001")
    r["active.fees.amount"] = 12
    assert r["active.fees.amount"] == 12 and isinstance(r["active.fees.amount"], Decimal)
    assert r.cell("active.fees.amount").value_type == "money"
    with pytest.raises(TypeError):
        r["active.fees.amount"] = 1.5  # no binary floating point
    with pytest.raises(ogi.InvalidArgumentError):
        r["active.fees.amount"] = "1.00001"  # more than 4 decimals
    with pytest.raises(ogi.InvalidArgumentError):
        r["applications.new_received.total"] = Decimal("1.5")

    r["applications.granted.total"] = None
    assert r["applications.granted.total"] is None
    assert r.cell("applications.granted.total").state == "blank"
    assert r.get("applications.granted.total", -1) == -1
    assert r.get("applications.new_received.total", -1) == 16
    del r["applications.granted.total"]
    assert r.cell("applications.granted.total").state == "absent"

    r.set_cell("applications.carried_over.total", None, state="na", raw="——",
               position=(120, 7, None, None, None))
    c = r.cell("applications.carried_over.total")
    assert (c.value, c.state, c.raw) == (None, "na", "——")
    assert c.position == ogi.Position(120, 7) and c.position.line == 120
    r.set_cell("applications.carried_over.total", 3, state="inferred",
               position=ogi.Position(9, 2, 0, 4, 7))
    c = r.cell("applications.carried_over.total")
    assert (c.value, c.state) == (3, "inferred")
    assert c.position == (9, 2, 0, 4, 7) and c.position.to_dict() == {
        "line": 9, "column": 2, "table": 0, "row": 4, "col": 7}
    with pytest.raises(ogi.InvalidArgumentError):
        r.set_cell("applications.carried_over.total", None, state="value")
    with pytest.raises(ogi.InvalidArgumentError):
        r.set_cell("applications.carried_over.total", 1, state="bogus")


def test_unknown_paths_raise_key_error():
    r = ogi.Report()
    for bad in ("no.such.cell", "applications.new_received", "", "applications.new_received.total.x"):
        with pytest.raises(KeyError):
            r[bad]
        with pytest.raises(ogi.NotFoundError):
            r.cell(bad)
    with pytest.raises(TypeError):
        r[3]
    assert "no.such.cell" not in r and 3 not in r


def test_iteration_follows_the_edition():
    for template in ("2021", "2019", "legacy"):
        r = zero_report(template)
        paths = ogi.cell_paths(template)
        assert len(r) == len(paths)
        assert [c.path for c in r] == paths == r.paths()
        assert all(isinstance(c, ogi.Cell) and c.value == 0 and c.state == "value" for c in r)
        assert r.items() == [(p, 0) for p in paths]
        assert all(p in r for p in paths)
        assert not any(p in r for p in set(ogi.cell_paths()) - set(paths))
    r = zero_report("2021")
    r.kind = "other"
    assert r.kind == "other" and len(r) == 0 and list(r) == []
    with pytest.raises(ogi.InvalidArgumentError):
        r.kind = "news"
    with pytest.raises(ogi.InvalidArgumentError):
        r.template = "2020"


def test_meta_and_sections():
    r = ogi.Report()
    r.set_meta(title="2021年資興市政府信息公開工作年度報告", agency="資興市", published="2022-01-20",
               encoding="GB18030")
    r.year = 2021
    m = r.meta
    assert m["agency"] == "資興市" and m.agency == "資興市"  # the document's own characters
    assert m.published == "2022-01-20" and m.year == 2021 and m.encoding == "GB18030"
    assert set(m) == {"title", "agency", "year", "published", "format", "encoding"}
    assert len(m) == 6 and "agency" in m
    with pytest.raises(AttributeError):
        m.nothing
    assert copy.copy(m) == m and pickle.loads(pickle.dumps(m)) == m
    assert pickle.loads(pickle.dumps(r.cell("applications.new_received.total"))) == \
        r.cell("applications.new_received.total")
    with pytest.raises(ogi.InvalidArgumentError):
        r.set_meta(published="2022-13-45")
    with pytest.raises(ogi.InvalidArgumentError):
        r.set_meta(colour="red")
    with pytest.raises(ogi.InvalidArgumentError):
        r.year = 5
    r.set_meta(agency=None)
    assert r.meta.agency is None
    r.year = None
    assert r.year is None

    r.set_section("overview", "总体情况……")
    r.set_section("problems", "存在的问题……")
    assert r.sections == {"overview": "总体情况……", "problems": "存在的问题……"}
    r.set_section("problems", None)
    assert r.sections == {"overview": "总体情况……"}
    with pytest.raises(ogi.NotFoundError):
        r.set_section("epilogue", "x")


def test_json_round_trip_and_to_dict():
    r = zero_report("2021")
    r["active.fees.amount"] = Decimal("4158.21")
    r.set_section("overview", "总体情况")
    plain = json.loads(r.to_json())
    assert plain["schema"] == "ogi-report/1" and plain["kind"] == "annual_report"
    assert plain["template"] == "2021" and plain["meta"]["agency"] == "测试市"
    assert plain["applications"]["new_received"]["total"] == 0
    assert "legacy" not in plain
    assert "\n" not in r.to_json(compact=True)

    d = r.to_dict()
    assert d["active"]["fees"]["amount"] == Decimal("4158.21")
    assert d["sections"] == {"overview": "总体情况"}
    flat = flatten({k: d[k] for k in ("active", "applications", "review_litigation")})
    assert set(flat) == set(ogi.cell_paths("2021"))
    assert all(r[p] == v for p, v in flat.items())
    r["active.fees.amount"] = 7
    assert isinstance(r.to_dict()["active"]["fees"]["amount"], Decimal)
    assert isinstance(r.to_dict(detail=True)["cells"]["active.fees.amount"]["value"], Decimal)

    back = ogi.Report.from_json(r.to_json(detail=True))
    assert back == r
    assert ogi.Report.from_json(r.to_json(detail=True).encode("utf-8")) == r
    plain_back = ogi.Report.from_json(r.to_json())
    assert plain_back.to_dict() == r.to_dict()


def test_copy_equality_and_pickle():
    r = zero_report("2019", 2020)
    c = r.copy()
    assert c == r and c is not r
    assert copy.copy(r) == r and copy.deepcopy(r) == r
    c["applications.new_received.total"] = 5
    assert c != r and r["applications.new_received.total"] == 0
    assert pickle.loads(pickle.dumps(r)) == r
    assert (r == 3) is False
    with pytest.raises(TypeError):
        hash(r)


def test_close_and_context_manager():
    with zero_report() as r:
        cell = r.cell("applications.new_received.total")
        assert not r.closed
    assert r.closed
    assert "closed" in repr(r)
    with pytest.raises(ogi.InvalidArgumentError):
        r["applications.new_received.total"]
    r.close()  # twice is fine
    assert cell.value == 0


# ---- validation ---------------------------------------------------------------------------

def test_validate_finds_a_broken_sum():
    r = zero_report("2021")
    clean = [d for d in r.validate() if d.rule.startswith(("T3-", "T4-"))]
    assert clean == []
    r["applications.new_received.natural_person"] = 2  # row total and balance now fail
    found = {d.rule: d for d in r.validate()}
    assert "T3-ROW-TOTAL" in found
    d = found["T3-ROW-TOTAL"]
    assert d.severity == "error"
    assert "applications.new_received.natural_person" in d.paths
    assert "applications.new_received.total" in d.paths
    assert {d.expected, d.actual} == {0, 2}
    assert d.message_zh and d.message_en and d.message == {"zh": d.message_zh, "en": d.message_en}
    assert isinstance(d.position, ogi.Position)
    assert d.rule in repr(d)
    assert d.to_dict()["rule"] == "T3-ROW-TOTAL"
    assert pickle.loads(pickle.dumps(d)) == d and copy.copy(d) == d


def test_validate_options():
    r = zero_report("2021")
    r["applications.new_received.natural_person"] = 2
    r["applications.granted.total"] = None
    every = r.validate()
    rules = {d.rule for d in every}
    assert {"T3-ROW-TOTAL", "CELL-BLANK"} <= rules
    errors = r.validate(min_severity="error")
    assert errors and all(d.severity == "error" for d in errors)
    assert {d.rule for d in errors} < rules or len(errors) < len(every)
    assert "T3-ROW-TOTAL" not in {d.rule for d in r.validate(suppress=["T3-ROW-TOTAL"])}
    assert not {d.rule for d in r.validate(suppress="T3-*")} & {"T3-ROW-TOTAL", "T3-BALANCE"}
    lenient = {d.rule for d in r.validate(ruleset="lenient")}
    assert "CELL-BLANK" not in lenient
    for bad in ({"ruleset": "loose"}, {"min_severity": "fatal"}):
        with pytest.raises(ogi.InvalidArgumentError):
            r.validate(**bad)
    with pytest.raises(TypeError):
        r.validate(colour="red")


def test_validate_pair():
    last = zero_report("2021", 2021)
    this = zero_report("2021", 2022)
    assert not [d for d in ogi.validate_pair(last, this) if d.severity == "error"]
    last["applications.carried_forward.total"] = 3
    found = [d for d in ogi.validate_pair(last, this) if d.rule == "CARRYOVER"]
    assert found
    assert any("applications.carried_over.total" in d.paths for d in found)
    far = zero_report("2021", 2025)
    assert "PAIR-MISMATCH" in {d.rule for d in ogi.validate_pair(last, far)}
    with pytest.raises(TypeError):
        ogi.validate_pair(last, "this")


# ---- parsing ------------------------------------------------------------------------------

@needs_seeds
def test_parse_accepts_bytes_str_buffers_and_paths():
    path = SEEDS[0]
    data = path.read_bytes()
    r = ogi.parse_file(path)
    assert ogi.parse_file(str(path)) == r
    assert ogi.parse_file(bytes(path)) == r
    assert ogi.parse(path) == r  # path-like: the file is read
    assert ogi.parse(data) == r
    assert ogi.parse(bytearray(data)) == r
    assert ogi.parse(memoryview(data)) == r
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        assert ogi.parse(text) == r  # str: the document itself, as UTF-8
    with pytest.raises(TypeError):
        ogi.parse(12)


@needs_seeds
def test_parse_options():
    path = SEEDS[0]
    r = ogi.parse_file(path)
    assert r.format in ("text", "html")
    assert ogi.parse_file(path, format=r.format) == r
    # JSON input, detected and forced
    detailed = r.to_json(detail=True)
    assert ogi.parse(detailed) == r
    assert ogi.parse(detailed.encode(), format="json") == r
    with pytest.raises(ogi.InvalidArgumentError):
        ogi.parse(b"x", format="pdf")
    # a forced encoding: the GB18030 bytes of the same document read the same
    text = path.read_bytes().decode(r.meta.encoding or "utf-8")
    gb = ogi.parse(text.encode("gb18030"), encoding="GB18030")
    assert gb.meta.encoding.upper().replace("-", "") == "GB18030"
    assert gb.meta.agency == r.meta.agency and gb.items() == r.items()
    assert ogi.parse(text.encode("gb18030")).items() == r.items()  # detected
    # inference can be turned off; it never adds cells that hold no number otherwise
    plain = ogi.parse_file(path, infer=False)
    assert not [c for c in plain if c.state == "inferred"]
    # a limit as large as the file is fine
    assert ogi.parse_file(path, max_input=path.stat().st_size) == r
    with pytest.raises(ogi.InvalidArgumentError):
        ogi.parse_file(path, max_input=-1)


@needs_seeds
def test_parsed_seed_properties(seed_paths):
    for path in seed_paths:
        r = ogi.parse_file(path)
        assert r.kind in ("annual_report", "other")
        assert r.template in ("2021", "2019", "legacy", "unknown")
        assert set(r.meta) == {"title", "agency", "year", "published", "format", "encoding"}
        assert r.meta.format == r.format
        assert all(isinstance(k, str) and isinstance(v, str) for k, v in r.sections.items())
        for c in r:
            assert c.state in ("value", "blank", "na", "inferred", "absent", "invalid")
            assert (c.value is not None) == (c.state in ("value", "inferred"))
            assert r[c.path] == c.value
        for d in r.diagnostics + r.validate():
            assert isinstance(d, ogi.Diagnostic)
            assert d.severity in ("error", "warning", "info")
            assert all(p in ogi.cell_paths() for p in d.paths)
            assert d.suspect is None or d.suspect in ogi.cell_paths()


def test_diagnostics_with_parse_diagnostics_first():
    r = ogi.parse(b"\xef\xbb\xbf" + "2021年某某局政府信息公开工作年度报告\n一、总体情况\n".encode()
                  + b"\xff\xfe garbage \xff\n")
    every = r.validate(parse_diagnostics=True)
    rules_only = r.validate()
    assert len(every) == len(rules_only) + len(r.diagnostics)
    assert every[:len(r.diagnostics)] == r.diagnostics
    assert r.validate(suspect=False) is not None


def test_typing_markers_installed():
    pkg = pathlib.Path(ogi.__file__).parent
    assert (pkg / "py.typed").exists()
