"""Issue 17: the handout command writes its PDF whole or not at all, and never spoils a good one."""

from __future__ import annotations

import os
import stat

import pytest

from decision_aid import cli_io
from decision_aid.__main__ import main


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name != "out.pdf")


def test_pdf_is_written_whole(tmp_path, capsys):
    out = tmp_path / "out.pdf"
    assert main(["handout", "-o", str(out)]) == 0
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert _leftovers(tmp_path) == []
    assert oct(out.stat().st_mode & 0o777) == oct(0o666 & ~_umask())  # an ordinary file, not a temp file's 600
    assert capsys.readouterr().out.startswith(f"Wrote {out}")


@pytest.mark.parametrize("fails", ["write", "fsync", "replace"])
def test_failed_write_keeps_the_good_pdf_and_leaves_nothing(fails, tmp_path, capsys, monkeypatch):
    out = tmp_path / "out.pdf"
    out.write_bytes(b"%PDF- the good handout from before")

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    if fails == "write":
        real_fdopen = os.fdopen

        class Full:
            def __init__(self, fd, mode):
                self.file = real_fdopen(fd, mode)

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.file.close()

            def write(self, data):
                self.file.write(data[: len(data) // 2])  # half the PDF reaches the disk, then it is full
                self.file.flush()
                disk_full()

        monkeypatch.setattr(cli_io.os, "fdopen", Full)
    else:
        monkeypatch.setattr(cli_io.os, fails, disk_full)
    assert main(["handout", "-o", str(out)]) == 1
    out_text, err = capsys.readouterr()
    assert err == f"{out}: cannot write: No space left on device\n" and out_text == ""
    assert out.read_bytes() == b"%PDF- the good handout from before"
    assert _leftovers(tmp_path) == []


def test_missing_folder_is_one_line(tmp_path, capsys):
    out = tmp_path / "no" / "out.pdf"
    assert main(["handout", "-o", str(out)]) == 1
    assert capsys.readouterr().err == f"{out}: cannot write: No such file or directory\n"


def test_a_device_is_written_in_place_not_replaced(capsys):
    """`-o /dev/null` (or /dev/stdout): a rename would swap the device for a file."""
    assert main(["handout", "-o", os.devnull]) == 0
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_through_a_symlink_the_file_is_replaced_and_the_link_kept(tmp_path, capsys):
    real = tmp_path / "sheets" / "real.pdf"
    real.parent.mkdir()
    real.write_bytes(b"old")
    link = tmp_path / "out.pdf"
    link.symlink_to(real)
    assert main(["handout", "-o", str(link)]) == 0
    assert link.is_symlink() and real.read_bytes().startswith(b"%PDF-")


def test_a_folder_is_refused(tmp_path, capsys):
    assert main(["handout", "-o", str(tmp_path)]) == 1
    assert capsys.readouterr().err == f"{tmp_path}: cannot write: Is a directory\n"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
