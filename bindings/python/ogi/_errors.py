"""The exceptions of libogi.

Every libogi call that fails raises one of these; the private module ``ogi._ogi`` builds them
with :func:`error_from_code` from the C error code and ``ogi_error_last()``. Each class also
derives from the built-in exception a Python programmer would catch for that failure
(``MemoryError``, ``ValueError``, ``KeyError``, ``OSError`` ...).
"""

from __future__ import annotations

import builtins
from typing import Dict, Optional, Type

__all__ = [
    "Error",
    "ParseError",
    "OutOfMemoryError",
    "InvalidArgumentError",
    "NotFoundError",
    "EncodingError",
    "IOError",
    "JSONError",
    "FormatError",
    "NoValueError",
    "LimitError",
    "error_from_code",
]


class Error(Exception):
    """Base class of every libogi error. ``code`` is the C ``ogi_error_code`` (negative)."""

    code_name = "OGI_ERROR"

    def __init__(self, message: str = "", code: Optional[int] = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code if code is not None else _code_of(type(self))

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, code={self.code})"

    def __reduce__(self):
        return (type(self), (self.message, self.code))


class ParseError(Error, ValueError):
    """The input could not be read as a document (bad encoding, format, JSON, size)."""


class OutOfMemoryError(Error, MemoryError):
    """A memory allocation failed (OGI_ENOMEM)."""

    code_name = "OGI_ENOMEM"


class InvalidArgumentError(Error, ValueError):
    """An argument was invalid or the API was misused (OGI_EINVAL)."""

    code_name = "OGI_EINVAL"


class NotFoundError(Error, KeyError):
    """No such cell, path, section or rule (OGI_ENOTFOUND)."""

    code_name = "OGI_ENOTFOUND"


class EncodingError(ParseError):
    """The input could not be decoded in the detected or given encoding (OGI_EENCODING)."""

    code_name = "OGI_EENCODING"


class IOError(Error, builtins.OSError):  # noqa: A001 - ogi.IOError, as the C code OGI_EIO
    """Reading or writing a file failed (OGI_EIO)."""

    code_name = "OGI_EIO"


class JSONError(ParseError):
    """Malformed JSON, or JSON not in the ogi-report layout (OGI_EJSON)."""

    code_name = "OGI_EJSON"


class FormatError(ParseError):
    """The input is not in a format libogi reads, e.g. binary data (OGI_EFORMAT)."""

    code_name = "OGI_EFORMAT"


class NoValueError(Error, LookupError):
    """The cell exists but holds no number (OGI_ENOVALUE)."""

    code_name = "OGI_ENOVALUE"


class LimitError(ParseError):
    """The input exceeds a configured limit (OGI_ELIMIT)."""

    code_name = "OGI_ELIMIT"


_CLASSES = (Error, OutOfMemoryError, InvalidArgumentError, NotFoundError, EncodingError,
            IOError, JSONError, FormatError, NoValueError, LimitError)
_by_code: Dict[int, Type[Error]] = {}


def _codes() -> Dict[int, Type[Error]]:
    """Code -> class, with the numbers taken from the C enum ogi_error_code."""
    if not _by_code:
        from . import _ogi

        for cls in _CLASSES:
            _by_code[getattr(_ogi, cls.code_name)] = cls
    return _by_code


def _code_of(cls: type) -> int:
    for code, c in _codes().items():
        if c is cls:
            return code
    return _code_of(cls.__mro__[1]) if cls is not Error else -1


def error_from_code(code: int, message: str) -> Error:
    """The exception for a C error code (a negative ``ogi_error_code``) and its message."""
    cls = _codes().get(code, Error)
    return cls(message, code)
