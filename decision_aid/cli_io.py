"""The command line's reading and writing, where the world can fail: every failure is one line.

- `read_input`: a file or standard input as UTF-8 text.
- `write_stdout`: a closed pipe (`... | head -1`) or a full disk is reported, not a traceback.
- `write_file_atomically`: the PDF appears whole or not at all; a good file is never replaced by
  a broken one.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from decision_aid.text_input import TextInputError, decode_text, read_text


def input_name(arg: str) -> str:
    return "standard input" if arg == "-" else arg


MAX_INPUT_BYTES = 1_000_000  # answers and session files are a few kB


def read_input(arg: str) -> str:
    """The text of FILE, or of standard input for "-"; TextInputError saying why it cannot be read."""
    if arg != "-":
        return read_text(arg, MAX_INPUT_BYTES)
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # already text (e.g. replaced in a test)
        return sys.stdin.read()
    try:
        return decode_text(stream.read(MAX_INPUT_BYTES + 1), MAX_INPUT_BYTES)
    except OSError as err:
        raise TextInputError(f"cannot read: {err.strerror or err}") from None


def write_stdout(text: str) -> bool:
    """Print text; on failure say so on stderr and return False."""
    try:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    except (OSError, ValueError) as err:  # ValueError: stdout already closed
        _silence_stdout()
        print(f"standard output: cannot write: {getattr(err, 'strerror', None) or err}", file=sys.stderr)
        return False
    return True


def _silence_stdout() -> None:
    """Point stdout at /dev/null so Python's own flush at exit does not fail a second time."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):  # no real file descriptor (e.g. in a test)
        pass


def write_file_atomically(path: Path | str, data: bytes) -> None:
    """Write data to path through a temporary file in the same folder and `os.replace`.

    The rename is atomic on one file system, so a reader sees the old file or the new one, never a
    half-written one; on any failure the temporary file is removed and OSError propagates.
    """
    target = Path(os.path.realpath(path))  # through a symlink: replace the file, not the link
    if target.exists() and not target.is_file():  # a device or pipe (/dev/stdout), or a folder
        with target.open("wb") as out:  # cannot be swapped: written in place (a folder refuses)
            out.write(data)
        return
    fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temp, 0o666 & ~_umask())  # mkstemp makes it private; give it a normal file's mode
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
