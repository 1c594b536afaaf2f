"""Every C error code raises its exception, with the message of ogi_error_last()."""

import pickle
import re

import pytest

import ogi
from ogi import _errors, _ogi
from conftest import ROOT

# code name in ogi/errors.h -> (class, the built-in exception it also is)
MAPPING = {
    "OGI_ERROR": (ogi.Error, Exception),
    "OGI_ENOMEM": (ogi.OutOfMemoryError, MemoryError),
    "OGI_EINVAL": (ogi.InvalidArgumentError, ValueError),
    "OGI_ENOTFOUND": (ogi.NotFoundError, KeyError),
    "OGI_EENCODING": (ogi.EncodingError, ValueError),
    "OGI_EIO": (ogi.IOError, OSError),
    "OGI_EJSON": (ogi.JSONError, ValueError),
    "OGI_EFORMAT": (ogi.FormatError, ValueError),
    "OGI_ENOVALUE": (ogi.NoValueError, LookupError),
    "OGI_ELIMIT": (ogi.LimitError, ValueError),
}


def c_error_codes():
    """The members of enum ogi_error_code in include/ogi/errors.h, except OGI_OK."""
    text = (ROOT / "include" / "ogi" / "errors.h").read_text(encoding="utf-8")
    body = re.search(r"typedef enum ogi_error_code \{(.*?)\} ogi_error_code;", text, re.S).group(1)
    codes = dict(re.findall(r"\b(OGI_[A-Z]+)\s*=\s*(-?\d+)", body))
    return {k: int(v) for k, v in codes.items() if k != "OGI_OK"}


def test_every_c_error_code_has_a_class():
    codes = c_error_codes()
    assert set(codes) == set(MAPPING)
    assert all(getattr(_ogi, k) == v for k, v in codes.items())
    for name, code in codes.items():
        cls, builtin = MAPPING[name]
        e = _errors.error_from_code(code, "message")
        assert type(e) is cls
        assert isinstance(e, ogi.Error) and isinstance(e, builtin)
        assert e.code == code and str(e) == "message"
        assert cls("x").code == code  # the default code of the class
        back = pickle.loads(pickle.dumps(e))
        assert type(back) is cls and back.code == code and str(back) == "message"
    unknown = _errors.error_from_code(-99, "odd")
    assert type(unknown) is ogi.Error and unknown.code == -99


def test_parse_errors_share_a_base():
    for cls in (ogi.EncodingError, ogi.JSONError, ogi.FormatError, ogi.LimitError):
        assert issubclass(cls, ogi.ParseError) and issubclass(cls, ValueError)
    assert "KeyError" not in str(ogi.NotFoundError("no such cell"))
    assert str(ogi.NotFoundError("no such cell")) == "no such cell"


def test_enotfound_unknown_path():
    with pytest.raises(ogi.NotFoundError) as ei:
        ogi.Report()["applications.no_such_row.total"]
    assert ei.value.code == _ogi.OGI_ENOTFOUND
    assert isinstance(ei.value, KeyError)


def test_einval_bad_date_and_year():
    r = ogi.Report()
    with pytest.raises(ogi.InvalidArgumentError) as ei:
        r.set_meta(published="2022-02-30")
    assert ei.value.code == _ogi.OGI_EINVAL and str(ei.value)
    with pytest.raises(ValueError):
        r.year = 3000


def test_eencoding_unknown_forced_encoding():
    with pytest.raises(ogi.EncodingError) as ei:
        ogi.parse(b"2021\xe5\xb9\xb4", encoding="NO-SUCH-CHARSET-42")
    assert ei.value.code == _ogi.OGI_EENCODING
    assert "NO-SUCH-CHARSET-42" in str(ei.value)  # the message of ogi_error_last()


def test_eio_missing_file(tmp_path):
    missing = tmp_path / "nope.txt"
    with pytest.raises(ogi.IOError) as ei:
        ogi.parse_file(missing)
    assert isinstance(ei.value, OSError)
    assert ei.value.code == _ogi.OGI_EIO
    assert str(missing) in str(ei.value)
    with pytest.raises(OSError):
        ogi.parse(missing)  # path-like objects are read


def test_ejson_malformed_json():
    with pytest.raises(ogi.JSONError) as ei:
        ogi.Report.from_json('{"schema": "ogi-report/1", "kind": ')
    assert ei.value.code == _ogi.OGI_EJSON
    assert isinstance(ei.value, ogi.ParseError)
    with pytest.raises(ogi.JSONError):
        ogi.Report.from_json('{"schema": "ogi-report/1", "kind": "annual_report", '
                             '"applications": {"new_received": {"total": "many"}}}')
    with pytest.raises(ogi.JSONError):
        ogi.parse(b"{not json", format="json")


def test_eformat_binary_input():
    with pytest.raises(ogi.FormatError) as ei:
        ogi.parse(bytes(range(256)) * 8)
    assert ei.value.code == _ogi.OGI_EFORMAT


def test_elimit_max_input(tmp_path):
    with pytest.raises(ogi.LimitError) as ei:
        ogi.parse(b"x" * 100, max_input=10)
    assert ei.value.code == _ogi.OGI_ELIMIT
    f = tmp_path / "big.txt"
    f.write_bytes(b"y" * 100)
    with pytest.raises(ogi.LimitError):
        ogi.parse_file(f, max_input=10)


def test_enomem_from_the_allocator():
    _ogi.ogi_py_test_allocator(0)  # every allocation fails
    try:
        with pytest.raises(ogi.OutOfMemoryError) as ei:
            ogi.parse("2021年政府信息公开工作年度报告".encode())
        with pytest.raises(MemoryError):
            ogi.Report()
    finally:
        _ogi.ogi_py_test_allocator_reset()
    assert ei.value.code == _ogi.OGI_ENOMEM
    assert ogi.parse(b"2021") is not None  # and all is well again


def test_enovalue_in_the_private_module():
    r = ogi.Report()
    with pytest.raises(ogi.NoValueError) as ei:
        _ogi.ogi_report_value(r._r, _ogi.OGI_CELL_APPLICATIONS_NEW_RECEIVED_TOTAL)
    assert ei.value.code == _ogi.OGI_ENOVALUE


def test_every_status_call_raises_never_returns_a_code():
    # int-returning calls give None (or their out-parameters), never a negative number
    r = ogi.Report()
    assert _ogi.ogi_report_set_year(r._r, 2021) is None
    with pytest.raises(ogi.InvalidArgumentError):
        _ogi.ogi_report_set_year(r._r, 12)
    with pytest.raises(ogi.NotFoundError):
        _ogi.ogi_edition_from_name("2020")
    with pytest.raises(ogi.NotFoundError):
        _ogi.ogi_cell_find("x.y")
    with pytest.raises(ogi.NotFoundError):
        _ogi.ogi_sum_get(10 ** 6)
    with pytest.raises(ogi.InvalidArgumentError):
        _ogi.ogi_money_parse("1.23456")


def test_message_is_the_last_error_of_the_call():
    try:
        ogi.parse(b"x", encoding="BOGUS-1")
    except ogi.EncodingError as e:
        first = str(e)
    try:
        ogi.Report()["x.y.z"]
    except ogi.NotFoundError as e:
        second = str(e)
    assert "BOGUS-1" in first and "BOGUS-1" not in second


def test_exceptions_come_from_the_package_the_module_was_imported_from(tmp_path):
    """The C module finds the exception classes beside itself, also in a renamed copy."""
    import pathlib
    import shutil
    import subprocess
    import sys

    src = pathlib.Path(ogi.__file__).parent
    shutil.copytree(src, tmp_path / "ogi_copy", ignore=shutil.ignore_patterns("__pycache__"))
    code = ("import ogi_copy\n"
            "try:\n"
            "    ogi_copy.Report()['no.such.path']\n"
            "except ogi_copy.NotFoundError as e:\n"
            "    print(type(e).__module__)\n")
    r = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True,
                       text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "ogi_copy._errors"
