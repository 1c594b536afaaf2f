"""The Python API of libogi, in plain Python over the private SWIG module ``ogi._ogi``.

Everything a :class:`Report` hands out (cells, diagnostics, meta, sections, dicts) is a copy:
it stays valid after the report is closed or garbage-collected.
"""

from __future__ import annotations

import json
import os
from decimal import Decimal
from typing import (Any, Dict, Iterable, Iterator, List, Mapping, NamedTuple, Optional,
                    Tuple, Union)

from . import _ogi
from ._errors import InvalidArgumentError, NoValueError, NotFoundError

__all__ = [
    "Report", "Cell", "Position", "Diagnostic", "Meta",
    "parse", "parse_file", "validate_pair", "schema", "rules", "cell_paths",
    "version", "Value",
]

#: What a cell read from Python holds: an int (counts), a Decimal (money, in 万元) or None.
Value = Union[int, Decimal, None]
PathLike = Union[str, "os.PathLike[str]", "os.PathLike[bytes]", bytes]


# ---- names of the C enums, read from the C library (ogi_*_name) -------------------------------

def _enum_names(prefix: str, name_of) -> Dict[str, int]:
    """name -> value for the constants <prefix>* of the module, named by the C library."""
    return {name_of(value): value for const, value in vars(_ogi).items()
            if const.startswith(prefix) and isinstance(value, int)}


_FORMATS = _enum_names("OGI_FORMAT_", _ogi.ogi_format_name)
_FORMAT_NAMES = {v: k for k, v in _FORMATS.items()}
_STATES = _enum_names("OGI_STATE_", _ogi.ogi_state_name)
_STATE_NAMES = {v: k for k, v in _STATES.items()}
_KINDS = _enum_names("OGI_DOC_", _ogi.ogi_doc_kind_name)
_KIND_NAMES = {v: k for k, v in _KINDS.items()}
_EDITIONS = _enum_names("OGI_EDITION_", _ogi.ogi_edition_name)
_EDITION_NAMES = {v: k for k, v in _EDITIONS.items()}
_SEVERITIES = _enum_names("OGI_SEVERITY_", _ogi.ogi_severity_name)
_SEVERITY_NAMES = {v: k for k, v in _SEVERITIES.items()}
_RULESETS = {c[len("OGI_RULESET_"):].lower(): v for c, v in vars(_ogi).items()
             if c.startswith("OGI_RULESET_")}
#: text meta fields: OGI_META_TITLE -> "title" ...
_META_FIELDS = {c[len("OGI_META_"):].lower(): v for c, v in vars(_ogi).items()
                if c.startswith("OGI_META_") and c != "OGI_META_COUNT"}
_META_KEYS = ("title", "agency", "year", "published", "format", "encoding")

_VALUE_TYPES = {v: _ogi.ogi_value_type_name(v) for c, v in vars(_ogi).items()
                if c.startswith("OGI_VALUE_")}
_HAS_NUMBER = (_ogi.OGI_STATE_VALUE, _ogi.OGI_STATE_INFERRED)


class _CellInfo(NamedTuple):
    id: int
    path: str
    editions: int
    money: bool
    value_type: str


# The catalog of cells, in printed order (ogi/cells.def through the C library).
_CELLS: Tuple[_CellInfo, ...] = tuple(
    _CellInfo(i, _ogi.ogi_cell_path(i), _ogi.ogi_cell_editions(i),
              _ogi.ogi_cell_value_type(i) == _ogi.OGI_VALUE_MONEY,
              _VALUE_TYPES[_ogi.ogi_cell_value_type(i)])
    for i in range(_ogi.OGI_CELL_COUNT))
_BY_PATH: Dict[str, _CellInfo] = {c.path: c for c in _CELLS}
_SECTIONS: Tuple[Tuple[int, str], ...] = tuple(
    (i, _ogi.ogi_section_key(i)) for i in range(_ogi.OGI_SECTION_COUNT))
_SECTION_IDS = {key: i for i, key in _SECTIONS}


def _cell_info(path: str) -> _CellInfo:
    info = _BY_PATH.get(path) if isinstance(path, str) else None
    if info is None:
        if not isinstance(path, str):
            raise TypeError(f"a cell path is a str, not {type(path).__name__}")
        info = _CELLS[_ogi.ogi_cell_find(path)]  # NotFoundError (a KeyError) when unknown
    return info


def _edition_bits(template: Optional[str]) -> int:
    if template is None:
        return _ogi.OGI_EDITION_2021 | _ogi.OGI_EDITION_2019 | _ogi.OGI_EDITION_LEGACY
    try:
        return _EDITIONS[template]
    except KeyError:
        raise InvalidArgumentError(
            f"unknown template {template!r} (one of {', '.join(_EDITIONS)})") from None


def cell_paths(template: Optional[str] = None) -> List[str]:
    """The dotted paths of the cells of a template edition ("2021", "2019", "legacy"), in
    printed order; of every edition when ``template`` is None."""
    bits = _edition_bits(template)
    return [c.path for c in _CELLS if c.editions & bits]


def _money(units: int) -> Decimal:
    """A money value of the library (units of 1e-4 万元) as an exact Decimal in 万元."""
    return Decimal(_ogi.ogi_money_format(units))


def _to_units(info: _CellInfo, value: Union[int, Decimal, str]) -> int:
    if isinstance(value, bool) or isinstance(value, float):
        raise TypeError(f"{info.path}: give an int, a Decimal or a str, not {type(value).__name__}"
                        " (money is exact; binary floating point is refused)")
    if info.money:
        if isinstance(value, (int, Decimal)):
            value = format(Decimal(value), "f")
        if not isinstance(value, str):
            raise TypeError(f"{info.path}: money is an int, a Decimal or a str")
        return _ogi.ogi_money_parse(value)
    if isinstance(value, Decimal):
        if value != value.to_integral_value():
            raise InvalidArgumentError(f"{info.path}: a count is an integer, not {value}")
        value = int(value)
    if isinstance(value, str):
        value = int(value)
    if not isinstance(value, int):
        raise TypeError(f"{info.path}: a count is an int, not {type(value).__name__}")
    return value


# ---- small value types --------------------------------------------------------------------

class Position(NamedTuple):
    """Where something came from. Text: line and column (1-based, column in characters).
    HTML tables also give table, row and col (0-based grid coordinates). Unknown parts are
    None."""

    line: Optional[int] = None
    column: Optional[int] = None
    table: Optional[int] = None
    row: Optional[int] = None
    col: Optional[int] = None

    @classmethod
    def _from_c(cls, t: Tuple[int, int, int, int, int]) -> "Position":
        line, column, table, row, col = t
        return cls(line or None, column or None, None if table < 0 else table,
                   None if row < 0 else row, None if col < 0 else col)

    def _to_c(self) -> Tuple[int, int, int, int, int]:
        def neg(v: Optional[int]) -> int:
            return -1 if v is None else v
        return (self.line or 0, self.column or 0, neg(self.table), neg(self.row), neg(self.col))

    @property
    def known(self) -> bool:
        """True when any part of the position is known."""
        return any(v is not None for v in self)

    def to_dict(self) -> Dict[str, int]:
        """The position as in the JSON: line and column (0 when unknown), and table, row, col
        when known."""
        d = {"line": self.line or 0, "column": self.column or 0}
        for k in ("table", "row", "col"):
            if getattr(self, k) is not None:
                d[k] = getattr(self, k)
        return d


class Cell(NamedTuple):
    """One cell of a report, copied out of it: its dotted path, value (int, Decimal for
    money, None when the state holds no number), state ("value", "blank", "na", "inferred",
    "absent", "invalid"), raw text and source position."""

    path: str
    value: Value
    state: str
    raw: Optional[str]
    position: Position
    value_type: str  #: "count", "signed" or "money"

    def __repr__(self) -> str:
        extra = f", raw={self.raw!r}" if self.raw is not None else ""
        return f"Cell({self.path!r}, {self.value!r}, state={self.state!r}{extra})"


class Diagnostic:
    """A finding of the parser or the validator (copied out of the C list).

    rule: the stable rule id ("T3-BALANCE" ...); severity: "error", "warning" or "info";
    message: {"zh": ..., "en": ...}; paths: the cells involved; expected and actual: the
    values (int, or Decimal when the first cell is money) or None; suspect: the cell most
    likely wrong, or None; position: where in the source.
    """

    __slots__ = ("rule", "severity", "message", "paths", "expected", "actual", "suspect",
                 "position")

    def __init__(self, rule: str, severity: str, message: Mapping[str, str],
                 paths: Iterable[str] = (), expected: Value = None, actual: Value = None,
                 suspect: Optional[str] = None, position: Optional[Position] = None) -> None:
        self.rule = rule
        self.severity = severity
        self.message = dict(message)
        self.paths = tuple(paths)
        self.expected = expected
        self.actual = actual
        self.suspect = suspect
        self.position = position if position is not None else Position()

    @classmethod
    def _from_c(cls, d: Any) -> "Diagnostic":
        ids = [_ogi.ogi_diagnostic_path(d, i) for i in range(_ogi.ogi_diagnostic_path_count(d))]
        # expected and actual are in the unit of the first cell (as in the JSON)
        money = bool(ids) and 0 <= ids[0] < len(_CELLS) and _CELLS[ids[0]].money

        def number(get) -> Value:
            try:
                v = get(d)
            except NoValueError:
                return None
            return _money(v) if money else v

        suspect = _ogi.ogi_diagnostic_suspect(d)
        return cls(
            rule=_ogi.ogi_diagnostic_rule(d),
            severity=_SEVERITY_NAMES[_ogi.ogi_diagnostic_severity(d)],
            message={"zh": _ogi.ogi_diagnostic_message(d, "zh"),
                     "en": _ogi.ogi_diagnostic_message(d, "en")},
            paths=[_ogi.ogi_cell_path(i) for i in ids],
            expected=number(_ogi.ogi_diagnostic_expected),
            actual=number(_ogi.ogi_diagnostic_actual),
            suspect=_ogi.ogi_cell_path(suspect) if suspect >= 0 else None,
            position=Position._from_c(_ogi.ogi_diagnostic_position(d)),
        )

    @property
    def message_zh(self) -> str:
        """The message in Chinese."""
        return self.message["zh"]

    @property
    def message_en(self) -> str:
        """The message in English."""
        return self.message["en"]

    def to_dict(self) -> Dict[str, Any]:
        """The diagnostic as one object of ``ogi validate --format json`` (SPEC §5)."""
        return {"rule": self.rule, "severity": self.severity, "paths": list(self.paths),
                "expected": self.expected, "actual": self.actual, "suspect": self.suspect,
                "message": dict(self.message), "position": self.position.to_dict()}

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Diagnostic):
            return NotImplemented
        return all(getattr(self, k) == getattr(other, k) for k in self.__slots__)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        where = f" at {self.position.line}:{self.position.column}" if self.position.line else ""
        paths = f" {', '.join(self.paths)}" if self.paths else ""
        return f"<Diagnostic {self.severity} {self.rule}{paths}{where}: {self.message_en}>"


def _diagnostics(lst: Any) -> List[Diagnostic]:
    return [Diagnostic._from_c(_ogi.ogi_diagnostics_get(lst, i))
            for i in range(_ogi.ogi_diagnostics_count(lst))]


class Meta(Mapping[str, Any]):
    """The meta data of a report (a read-only snapshot): title, agency, year, published
    ("YYYY-MM-DD"), format ("text", "html", "json") and encoding; None when unknown. Read
    as a mapping (``meta["agency"]``) or by attribute (``meta.agency``)."""

    __slots__ = ("_d",)

    def __init__(self, values: Mapping[str, Any]) -> None:
        self._d = {k: values.get(k) for k in _META_KEYS}

    def __getitem__(self, key: str) -> Any:
        return self._d[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._d)

    def __len__(self) -> int:
        return len(self._d)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):  # also while copy/pickle rebuild the object
            raise AttributeError(name)
        try:
            return self._d[name]
        except KeyError:
            raise AttributeError(name) from None

    def __reduce__(self):
        return (Meta, (self._d,))

    def __repr__(self) -> str:
        return f"Meta({self._d!r})"


# ---- options ---------------------------------------------------------------------------

def _parse_options(format: Optional[str], encoding: Optional[str], max_input: Optional[int],
                   infer: bool) -> Any:
    if format is None and encoding is None and max_input is None and infer:
        return None
    opts = _ogi.ogi_parse_options()
    if format is not None:
        try:
            opts.format = _FORMATS[format]
        except KeyError:
            raise InvalidArgumentError(
                f"unknown format {format!r} (one of {', '.join(_FORMATS)})") from None
    if encoding is not None:
        opts.set_encoding(encoding)
    if max_input is not None:
        if max_input < 0:
            raise InvalidArgumentError("max_input must be >= 0")
        opts.max_input = max_input
    if not infer:
        opts.flags |= _ogi.OGI_PARSE_NO_INFER
    return opts


def _validate_options(ruleset: str = "strict", min_severity: str = "info",
                      suppress: Iterable[str] = (), parse_diagnostics: bool = False,
                      suspect: bool = True) -> Any:
    opts = _ogi.ogi_validate_options()
    try:
        opts.ruleset = _RULESETS[ruleset]
    except KeyError:
        raise InvalidArgumentError(
            f"unknown ruleset {ruleset!r} (one of {', '.join(_RULESETS)})") from None
    try:
        opts.min_severity = _SEVERITIES[min_severity]
    except KeyError:
        raise InvalidArgumentError(
            f"unknown severity {min_severity!r} (one of {', '.join(_SEVERITIES)})") from None
    if isinstance(suppress, str):
        suppress = [suppress]
    for rule in suppress:
        opts.add_suppress(rule)
    if parse_diagnostics:
        opts.flags |= _ogi.OGI_VALIDATE_PARSE_DIAGNOSTICS
    if not suspect:
        opts.flags |= _ogi.OGI_VALIDATE_NO_SUSPECT
    return opts


# ---- the report ---------------------------------------------------------------------------

class Report:
    """An annual report: its kind, template edition, meta data, narrative sections and every
    cell of its tables.

    Read cells by dotted path: ``report["applications.new_received.total"]`` gives an int
    (a Decimal for money, in 万元), or None when the cell is blank, na, absent or invalid;
    an unknown path raises KeyError (:class:`ogi.NotFoundError`). ``report.cell(path)`` gives
    the whole :class:`Cell`. Iterating yields the cells of the report's edition.

    ``Report()`` makes an empty report (kind annual_report, template unknown, every cell
    absent) to fill by hand; :func:`ogi.parse` and :meth:`Report.from_json` read one.
    A report may be read from several threads at once, but not changed while others use it.
    """

    __slots__ = ("_handle", "__weakref__")

    def __init__(self) -> None:
        self._handle = _ogi.ogi_report_new()

    @classmethod
    def _wrap(cls, handle: Any) -> "Report":
        self = cls.__new__(cls)
        self._handle = handle
        return self

    @classmethod
    def from_json(cls, data: Union[str, bytes, bytearray, memoryview]) -> "Report":
        """Reads a report from the document JSON (plain or detailed, see :meth:`to_json`).
        Raises :class:`ogi.JSONError` when it is malformed or not in the layout."""
        return cls._wrap(_ogi.ogi_report_from_json(data))

    @property
    def _r(self) -> Any:
        h = self._handle
        if h is None:
            raise InvalidArgumentError("the report is closed")
        return h

    # ---- life cycle
    def close(self) -> None:
        """Frees the report now (also done when it is garbage-collected). Copies taken from
        it stay valid; using the report afterwards raises InvalidArgumentError."""
        # The proxy owns the C report and is referenced only from here: dropping it frees it.
        self._handle = None

    @property
    def closed(self) -> bool:
        """True after :meth:`close`."""
        return self._handle is None

    def __enter__(self) -> "Report":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def copy(self) -> "Report":
        """A deep copy (cells, sections, meta and parse diagnostics)."""
        return Report._wrap(_ogi.ogi_report_dup(self._r))

    __copy__ = copy

    def __deepcopy__(self, memo: Dict[int, Any]) -> "Report":
        return self.copy()

    def __reduce__(self):
        return (Report.from_json, (self.to_json(detail=True, compact=True),))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Report):
            return NotImplemented
        return _ogi.ogi_report_equal(self._r, other._r)

    __hash__ = None  # type: ignore[assignment]

    # ---- document properties
    @property
    def kind(self) -> str:
        """"annual_report" or "other"."""
        return _KIND_NAMES[_ogi.ogi_report_kind(self._r)]

    @kind.setter
    def kind(self, kind: str) -> None:
        if kind not in _KINDS:
            raise InvalidArgumentError(f"unknown kind {kind!r} (one of {', '.join(_KINDS)})")
        _ogi.ogi_report_set_kind(self._r, _KINDS[kind])

    @property
    def template(self) -> str:
        """The template edition: "2021", "2019", "legacy" or "unknown"."""
        return _ogi.ogi_edition_name(_ogi.ogi_report_edition(self._r))

    @template.setter
    def template(self, template: str) -> None:
        if template not in _EDITIONS:
            raise InvalidArgumentError(
                f"unknown template {template!r} (one of {', '.join(_EDITIONS)})")
        _ogi.ogi_report_set_edition(self._r, _EDITIONS[template])

    @property
    def year(self) -> Optional[int]:
        """The year the report covers, or None."""
        return _ogi.ogi_report_year(self._r) or None

    @year.setter
    def year(self, year: Optional[int]) -> None:
        _ogi.ogi_report_set_year(self._r, year or 0)

    @property
    def format(self) -> Optional[str]:
        """The format the report was read from ("text", "html", "json"), None when built."""
        f = _ogi.ogi_report_format(self._r)
        return None if f == _ogi.OGI_FORMAT_AUTO else _FORMAT_NAMES[f]

    @property
    def meta(self) -> Meta:
        """title, agency, year, published, format, encoding (a snapshot)."""
        r = self._r
        values: Dict[str, Any] = {k: _ogi.ogi_report_meta(r, v) for k, v in _META_FIELDS.items()}
        values["year"] = self.year
        values["format"] = self.format
        return Meta(values)

    def set_meta(self, **fields: Optional[str]) -> None:
        """Sets text meta fields: title, agency, published ("YYYY-MM-DD"), encoding; None
        unsets. Raises InvalidArgumentError for a bad date."""
        for key, value in fields.items():
            if key not in _META_FIELDS:
                raise InvalidArgumentError(
                    f"unknown meta field {key!r} (one of {', '.join(_META_FIELDS)})")
            _ogi.ogi_report_set_meta(self._r, _META_FIELDS[key], value)

    @property
    def sections(self) -> Dict[str, str]:
        """The narrative sections present in the report: key ("overview" ...) -> text."""
        r = self._r
        out = {}
        for sid, key in _SECTIONS:
            text = _ogi.ogi_report_section(r, sid)
            if text is not None:
                out[key] = text
        return out

    def set_section(self, key: str, text: Optional[str]) -> None:
        """Sets (or removes, with None) the text of a section ("overview" ...)."""
        if key not in _SECTION_IDS:
            raise NotFoundError(f"no section {key!r} (one of {', '.join(_SECTION_IDS)})")
        _ogi.ogi_report_set_section(self._r, _SECTION_IDS[key], text)

    @property
    def diagnostics(self) -> List[Diagnostic]:
        """The parser's diagnostics for this report (copies)."""
        return _diagnostics(_ogi.ogi_report_diagnostics(self._r))

    # ---- cells
    def _shown(self) -> int:
        r = self._r
        if _ogi.ogi_report_kind(r) != _ogi.OGI_DOC_ANNUAL_REPORT:
            return 0
        return _ogi.ogi_report_edition(r)

    def _value(self, info: _CellInfo) -> Value:
        r = self._r
        if _ogi.ogi_report_state(r, info.id) not in _HAS_NUMBER:
            return None
        v = _ogi.ogi_report_value(r, info.id)
        return _money(v) if info.money else v

    def _cell(self, info: _CellInfo) -> Cell:
        r = self._r
        state = _ogi.ogi_report_state(r, info.id)
        value: Value = None
        if state in _HAS_NUMBER:
            v = _ogi.ogi_report_value(r, info.id)
            value = _money(v) if info.money else v
        return Cell(info.path, value, _STATE_NAMES[state], _ogi.ogi_report_raw(r, info.id),
                    Position._from_c(_ogi.ogi_report_position(r, info.id)), info.value_type)

    def __getitem__(self, path: str) -> Value:
        return self._value(_cell_info(path))

    def get(self, path: str, default: Any = None) -> Any:
        """The value at ``path``, or ``default`` when the cell holds no number."""
        v = self._value(_cell_info(path))
        return default if v is None else v

    def cell(self, path: str) -> Cell:
        """The cell at a dotted path, with state, raw text and position."""
        return self._cell(_cell_info(path))

    def __setitem__(self, path: str, value: Union[int, Decimal, str, None]) -> None:
        """Writes a number into a cell (state "value"); None makes the cell blank."""
        self.set_cell(path, value)

    def __delitem__(self, path: str) -> None:
        """Makes a cell absent (not in the source)."""
        self.set_cell(path, None, state="absent")

    def set_cell(self, path: str, value: Union[int, Decimal, str, None] = None, *,
                 state: Optional[str] = None, raw: Optional[str] = None,
                 position: Optional[Tuple[Optional[int], ...]] = None) -> None:
        """Sets a cell: its value and state (default "value" with a number, "blank" with
        None), and optionally the raw text and source position it came from."""
        info = _cell_info(path)
        if state is None:
            state = "blank" if value is None else "value"
        if state not in _STATES:
            raise InvalidArgumentError(f"unknown state {state!r} (one of {', '.join(_STATES)})")
        units = 0 if value is None else _to_units(info, value)
        if value is None and _STATES[state] in _HAS_NUMBER:
            raise InvalidArgumentError(f"{path}: state {state!r} needs a value")
        r = self._r
        _ogi.ogi_report_set(r, info.id, _STATES[state], units)
        if raw is not None or position is not None:
            pos = None if position is None else Position(*position)._to_c()
            _ogi.ogi_report_set_source(r, info.id, raw, pos)

    def __contains__(self, path: object) -> bool:
        """True when ``path`` names a cell of the report's edition."""
        info = _BY_PATH.get(path) if isinstance(path, str) else None
        return info is not None and bool(info.editions & self._shown())

    def paths(self) -> List[str]:
        """The paths of the cells of the report's edition, in printed order."""
        shown = self._shown()
        return [c.path for c in _CELLS if c.editions & shown]

    def items(self) -> List[Tuple[str, Value]]:
        """(path, value) for every cell of the report's edition."""
        shown = self._shown()
        return [(c.path, self._value(c)) for c in _CELLS if c.editions & shown]

    def __iter__(self) -> Iterator[Cell]:
        """The cells of the report's edition (none for other documents), in printed order."""
        shown = self._shown()
        return iter([self._cell(c) for c in _CELLS if c.editions & shown])

    def __len__(self) -> int:
        """The number of cells of the report's edition."""
        shown = self._shown()
        return sum(1 for c in _CELLS if c.editions & shown)

    # ---- validation
    def validate(self, *, ruleset: str = "strict", min_severity: str = "info",
                 suppress: Iterable[str] = (), parse_diagnostics: bool = False,
                 suspect: bool = True) -> List[Diagnostic]:
        """Checks the report against the rules (SPEC §4) and returns the findings.

        ruleset: "strict" (blank is missing) or "lenient" (blank and na count as 0);
        min_severity: leave out findings below "info", "warning" or "error";
        suppress: rule ids to leave out ("PARSE-*" is a prefix);
        parse_diagnostics: put the parser's diagnostics first;
        suspect: look for the one cell that explains failing sums.
        """
        opts = _validate_options(ruleset, min_severity, suppress, parse_diagnostics, suspect)
        return _diagnostics(_ogi.ogi_validate(self._r, opts))

    # ---- JSON
    def to_json(self, detail: bool = False, *, compact: bool = False) -> str:
        """The document JSON (SPEC §3). With ``detail`` every cell's state, raw text and
        position and the parse diagnostics are added, and the JSON reads back into an equal
        report."""
        flags = (_ogi.OGI_JSON_DETAIL if detail else 0) | (_ogi.OGI_JSON_COMPACT if compact else 0)
        return _ogi.ogi_report_to_json(self._r, flags)

    def to_dict(self, detail: bool = False) -> Dict[str, Any]:
        """The document JSON as Python objects; money values are Decimals."""
        d = json.loads(self.to_json(detail, compact=True), parse_float=Decimal)
        for info in _CELLS:
            if not info.money:
                continue
            block, *rest = info.path.split(".")
            node = d.get(block)
            for key in rest[:-1]:
                node = node.get(key) if isinstance(node, dict) else None
            if isinstance(node, dict) and isinstance(node.get(rest[-1]), int):
                node[rest[-1]] = Decimal(node[rest[-1]])
            if detail:
                c = d.get("cells", {}).get(info.path)
                if c and isinstance(c.get("value"), int):
                    c["value"] = Decimal(c["value"])
        return d

    def __repr__(self) -> str:
        if self._handle is None:
            return "<ogi.Report (closed)>"
        agency = _ogi.ogi_report_meta(self._r, _ogi.OGI_META_AGENCY)
        return (f"<ogi.Report {self.kind} template={self.template!r} year={self.year}"
                f" agency={agency!r} cells={len(self)}>")


# ---- module functions -------------------------------------------------------------------

def parse(data: Union[bytes, bytearray, memoryview, str, "os.PathLike[str]"], *,
          format: Optional[str] = None, encoding: Optional[str] = None,
          max_input: Optional[int] = None, infer: bool = True) -> Report:
    """Parses a document into a :class:`Report`.

    data: the document as bytes (any buffer), as str (encoded as UTF-8), or a path-like
    object (the file is read). format: None to detect, or "text", "html", "json".
    encoding: an iconv name to force ("GB18030" ...), None to detect. max_input: refuse
    larger inputs (LimitError). infer: fill blank cells the sum rules determine.

    Findings about the document are diagnostics (``report.diagnostics``), not errors; only
    unusable input raises (:class:`ogi.FormatError`, :class:`ogi.EncodingError` ...).
    The GIL is released while the library parses.
    """
    if isinstance(data, os.PathLike):
        return parse_file(data, format=format, encoding=encoding, max_input=max_input,
                          infer=infer)
    if isinstance(data, str):
        data = data.encode("utf-8")
    elif not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"parse() takes bytes, str or a path-like object, not {type(data).__name__}")
    opts = _parse_options(format, encoding, max_input, infer)
    return Report._wrap(_ogi.ogi_parse(data, opts))


def parse_file(path: PathLike, *, format: Optional[str] = None, encoding: Optional[str] = None,
               max_input: Optional[int] = None, infer: bool = True) -> Report:
    """Reads and parses a file (see :func:`parse`); :class:`ogi.IOError` (an OSError) when
    it cannot be read."""
    opts = _parse_options(format, encoding, max_input, infer)
    return Report._wrap(_ogi.ogi_parse_file(path, opts))


def validate_pair(last: Report, this: Report, **options: Any) -> List[Diagnostic]:
    """Checks two reports of one agency for consecutive years (CARRYOVER, IN-FORCE-ROLL;
    PAIR-MISMATCH when they are no pair). Options as :meth:`Report.validate`."""
    if not isinstance(last, Report) or not isinstance(this, Report):
        raise TypeError("validate_pair() takes two Report objects")
    opts = _validate_options(**options)
    return _diagnostics(_ogi.ogi_validate_pair(last._r, this._r, opts))


def schema() -> Dict[str, Any]:
    """The schema catalog (editions, blocks, sections, columns, rows, cells, sums)."""
    return json.loads(_ogi.ogi_schema_to_json())


def rules() -> List[Dict[str, Any]]:
    """The rule catalog: id, category, severity per edition, messages, clause, equations."""
    return json.loads(_ogi.ogi_rules_to_json())


def version() -> str:
    """The version of the libogi compiled into this module, e.g. "0.1.0"."""
    return _ogi.ogi_version()
