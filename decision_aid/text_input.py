"""Bytes from a file a person gave us, turned into text or refused with one plain reason.

Content YAML and the command line's JSON must be UTF-8. Other encodings and binary files are
named as such (not as a codec error at some byte), so the person knows what to fix.
"""

from __future__ import annotations

import codecs
from pathlib import Path

_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


class TextInputError(ValueError):
    """The file cannot be read as UTF-8 text; the message says why, without the file's name."""


def read_text(path: Path | str, max_bytes: int) -> str:
    """The file's text; TextInputError for a file that cannot be opened, is too big or is not UTF-8."""
    try:
        with Path(path).open("rb") as stream:
            data = stream.read(max_bytes + 1)
    except FileNotFoundError:
        raise TextInputError("file is missing") from None
    except OSError as err:  # unreadable, a folder, a symlink loop...
        raise TextInputError(f"cannot read: {err.strerror or err}") from None
    return decode_text(data, max_bytes)


def decode_text(data: bytes, max_bytes: int) -> str:
    """UTF-8 (a leading byte-order mark allowed) to text; TextInputError naming what it is instead."""
    if len(data) > max_bytes:
        raise TextInputError(f"is larger than {max_bytes // 1000:,} kB, the most this file may hold")
    if data.startswith(_UTF32_BOMS):  # checked first: the UTF-32 LE mark starts like UTF-16's
        raise TextInputError("is UTF-32 text; save it as UTF-8")
    if data.startswith(_UTF16_BOMS):
        raise TextInputError("is UTF-16 text; save it as UTF-8")
    if b"\x00" in data:
        raise TextInputError("is not a text file (it holds binary data); save it as UTF-8 text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise TextInputError(f"line {line}: is not UTF-8 text (byte {err.start + 1}); save it as UTF-8") from None


def shown(text: str, limit: int = 60) -> str:
    """text for a one-line message: a value or key typed at any length is cut, with "..." to say so."""
    return text if len(text) <= limit else text[: limit - 3] + "..."
