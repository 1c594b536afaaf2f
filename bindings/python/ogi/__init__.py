"""libogi for Python: read, check and write China's annual reports on government information
disclosure (政府信息公开工作年度报告).

    >>> import ogi
    >>> r = ogi.parse_file("report.txt")
    >>> r.template, r.meta.agency, r["applications.new_received.total"]
    ('2021', '资兴市', 16)
    >>> [d.rule for d in r.validate() if d.severity == "error"]
    []

Cells are addressed by dotted paths (``ogi.cell_paths("2021")``); money cells are Decimals in
万元; blank, placeholder, absent and invalid cells read as None (``report.cell(path).state``
says which). Errors are :class:`ogi.Error` subclasses that are also the matching built-in
exceptions (KeyError, ValueError, OSError, MemoryError).
"""

from ._errors import (EncodingError, Error, FormatError, InvalidArgumentError, IOError,
                      JSONError, LimitError, NotFoundError, NoValueError, OutOfMemoryError,
                      ParseError)
from ._api import (Cell, Diagnostic, Meta, Position, Report, Value, cell_paths, parse,
                   parse_file, rules, schema, validate_pair, version)

__version__ = version()

__all__ = [
    "parse", "parse_file", "validate_pair", "schema", "rules", "cell_paths", "version",
    "Report", "Cell", "Position", "Diagnostic", "Meta", "Value",
    "Error", "ParseError", "OutOfMemoryError", "InvalidArgumentError", "NotFoundError",
    "EncodingError", "IOError", "JSONError", "FormatError", "NoValueError", "LimitError",
    "__version__",
]
