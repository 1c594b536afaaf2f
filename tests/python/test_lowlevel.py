"""The private SWIG module ogi._ogi: the catalog constants expanded from cells.def, the
typemaps (out-parameters, buffers, positions, owned objects) and the docstrings."""

import re

import pytest

import ogi
from ogi import _ogi
from conftest import ROOT


def constants(prefix, skip=("NONE", "COUNT")):
    return {k[len(prefix):]: v for k, v in vars(_ogi).items()
            if k.startswith(prefix) and k[len(prefix):] not in skip and isinstance(v, int)}


@pytest.mark.parametrize("prefix,count,key_of", [
    ("OGI_BLOCK_", "OGI_BLOCK_COUNT", _ogi.ogi_block_key),
    ("OGI_SECTION_", "OGI_SECTION_COUNT", _ogi.ogi_section_key),
    ("OGI_COL_", "OGI_COL_COUNT", _ogi.ogi_col_key),
    ("OGI_ROW_", "OGI_ROW_COUNT", _ogi.ogi_row_key),
    ("OGI_CELL_", "OGI_CELL_COUNT", _ogi.ogi_cell_path),
])
def test_catalog_constants_are_the_whole_catalog(prefix, count, key_of):
    consts = constants(prefix)
    n = getattr(_ogi, count)
    assert n > 0
    assert sorted(consts.values()) == list(range(n))  # one constant per entry, no gaps
    for name, value in consts.items():
        key = key_of(value)
        # OGI_CELL_APPLICATIONS_NEW_RECEIVED_TOTAL <-> applications.new_received.total
        assert name.endswith(key.replace(".", "_").upper()), (name, key)


def test_cell_constants_match_cells_def():
    text = (ROOT / "include" / "ogi" / "cells.def").read_text(encoding="utf-8")
    singles = re.findall(r"^OGI_CELL1\((\w+),", text, re.M)
    for row in singles:
        assert hasattr(_ogi, f"OGI_CELL_{row}")
    assert _ogi.OGI_CELL_NONE == -1 and _ogi.OGI_COL_NONE == -1
    assert len(ogi.cell_paths()) == _ogi.OGI_CELL_COUNT


def test_docstrings_come_from_the_headers():
    assert "Parses a document" in _ogi.ogi_parse.__doc__
    assert "dotted path" in _ogi.ogi_cell_path.__doc__
    assert "Validates one report" in _ogi.ogi_validate.__doc__


def test_out_parameters_become_results():
    assert _ogi.ogi_cell_find("applications.new_received.total") == \
        _ogi.OGI_CELL_APPLICATIONS_NEW_RECEIVED_TOTAL
    assert _ogi.ogi_cell_find(b"applications.new_received.total") == \
        _ogi.OGI_CELL_APPLICATIONS_NEW_RECEIVED_TOTAL
    assert _ogi.ogi_edition_from_name("legacy") == _ogi.OGI_EDITION_LEGACY
    assert _ogi.ogi_section_find("overview") == _ogi.OGI_SECTION_OVERVIEW
    assert _ogi.ogi_state_from_name("inferred") == _ogi.OGI_STATE_INFERRED
    assert _ogi.ogi_severity_from_name("warning") == _ogi.OGI_SEVERITY_WARNING
    assert _ogi.ogi_money_parse("4158.21") == 41582100
    assert _ogi.ogi_money_format(41582100) == "4158.21"
    assert _ogi.ogi_money_format(-5) == "-0.0005"
    idx = _ogi.ogi_rule_find("T3-BALANCE")
    assert _ogi.ogi_rule_id(idx) == "T3-BALANCE"
    assert _ogi.ogi_rule_severity(idx, _ogi.OGI_EDITION_2021) == _ogi.OGI_SEVERITY_ERROR
    with pytest.raises(ogi.NotFoundError):
        _ogi.ogi_rule_severity(idx, _ogi.OGI_EDITION_LEGACY)


def test_sum_relations_match_the_schema_json():
    sums = ogi.schema()["sums"]
    assert _ogi.ogi_sum_count() == len(sums)
    for i, s in enumerate(sums):
        rule, editions, lhs, rhs = _ogi.ogi_sum_get(i)
        assert rule == s["rule"]
        assert [_ogi.ogi_edition_name(e) for e in (1, 2, 4) if editions & e] == s["editions"]
        assert [_ogi.ogi_cell_path(c) for c in lhs] == s["lhs"]
        assert [_ogi.ogi_cell_path(c) for c in rhs] == s["rhs"]


def test_owned_report_and_value_ints():
    r = _ogi.ogi_report_new()
    assert type(r).__name__ == "ogi_report"
    assert _ogi.ogi_report_year(r) == 0
    assert _ogi.ogi_report_set_year(r, 2021) is None
    assert _ogi.ogi_report_year(r) == 2021
    assert _ogi.ogi_report_equal(r, r) is True
    d = _ogi.ogi_report_dup(r)
    assert d is not r and _ogi.ogi_report_equal(r, d) is True
    assert _ogi.ogi_version_number() == \
        int(ogi.version().split(".")[0]) * 10000 + int(ogi.version().split(".")[1]) * 100 + \
        int(ogi.version().split(".")[2])
    _ogi.ogi_error_clear()
    assert _ogi.ogi_error_last_code() == 0
    assert _ogi.ogi_error_last() == "no error"


def test_text_arguments_take_str_bytes_buffers_and_none():
    r = _ogi.ogi_report_new()
    cell = _ogi.OGI_CELL_APPLICATIONS_NEW_RECEIVED_TOTAL
    _ogi.ogi_report_set_path(r, "applications.new_received.total", _ogi.OGI_STATE_VALUE, 7)
    assert _ogi.ogi_report_get_path(r, b"applications.new_received.total") == [7, _ogi.OGI_STATE_VALUE]
    assert _ogi.ogi_report_get_path(r, bytearray(b"applications.new_received.total")) == \
        [7, _ogi.OGI_STATE_VALUE]
    # the length is passed: a view of part of a buffer is the path
    buf = memoryview(b"xxapplications.new_received.totalyy")[2:-2]
    assert _ogi.ogi_report_get_path(r, buf) == [7, _ogi.OGI_STATE_VALUE]
    _ogi.ogi_report_set_source(r, cell, "十六", (3, 4, -1, -1, -1))
    assert _ogi.ogi_report_raw(r, cell) == "十六"
    assert _ogi.ogi_report_position(r, cell) == (3, 4, -1, -1, -1)
    _ogi.ogi_report_set_source(r, cell, None, None)
    assert _ogi.ogi_report_raw(r, cell) is None
    assert _ogi.ogi_report_position(r, cell) == (0, 0, -1, -1, -1)
    with pytest.raises(TypeError):
        _ogi.ogi_report_get_path(r, 12)
    with pytest.raises(TypeError):
        _ogi.ogi_report_set_source(r, cell, None, (1, 2))
    with pytest.raises(OverflowError):
        _ogi.ogi_report_set_source(r, cell, None, (-1, 0, -1, -1, -1))
    with pytest.raises(UnicodeEncodeError):
        _ogi.ogi_cell_find("\udcff")


def test_hand_made_diagnostics_list():
    lst = _ogi.ogi_diagnostics_new()
    _ogi.ogi_diagnostics_add(lst, "T3-BALANCE", _ogi.OGI_SEVERITY_ERROR, "中文", "English",
                             (12, 3, 1, 2, 4))
    _ogi.ogi_diagnostics_set_detail(lst, [_ogi.OGI_CELL_ACTIVE_FEES_AMOUNT], 1, 41582100, 0, 0,
                                    _ogi.OGI_CELL_ACTIVE_FEES_AMOUNT)
    _ogi.ogi_diagnostics_add(lst, "X-INFO", _ogi.OGI_SEVERITY_INFO, "信息", "info", None)
    assert _ogi.ogi_diagnostics_count(lst) == 2
    assert _ogi.ogi_diagnostics_count_severity(lst, _ogi.OGI_SEVERITY_WARNING) == 1
    assert _ogi.ogi_diagnostics_get(lst, 5) is None
    d = ogi._api._diagnostics(lst)
    assert d[0].rule == "T3-BALANCE" and d[0].severity == "error"
    assert d[0].paths == ("active.fees.amount",) and d[0].suspect == "active.fees.amount"
    assert str(d[0].expected) == "4158.21" and d[0].actual is None  # money: in 万元
    assert d[0].position == ogi.Position(12, 3, 1, 2, 4)
    assert d[0].message == {"zh": "中文", "en": "English"}
    assert d[1].position == ogi.Position() and not d[1].position.known
    from conftest import load_json
    assert [x.to_dict() for x in d] == load_json(_ogi.ogi_diagnostics_to_json(lst, 0))
    with pytest.raises(ogi.InvalidArgumentError):
        _ogi.ogi_diagnostics_add(lst, "", _ogi.OGI_SEVERITY_INFO, "a", "b", None)


def test_option_proxies():
    po = _ogi.ogi_parse_options()
    assert po.version == _ogi.OGI_PARSE_OPTIONS_VERSION and po.encoding is None
    po.set_encoding("GB18030")
    assert po.encoding == "GB18030"
    po.set_encoding(None)
    assert po.encoding is None
    with pytest.raises(AttributeError):
        po.version = 7
    vo = _ogi.ogi_validate_options()
    assert vo.version == _ogi.OGI_VALIDATE_OPTIONS_VERSION and vo.nsuppress == 0
    for i in range(40):
        vo.add_suppress(f"RULE-{i}")
    assert vo.nsuppress == 40
    with pytest.raises(AttributeError):
        vo.suppress
