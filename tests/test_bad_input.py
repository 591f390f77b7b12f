"""Issue 17: whatever the input, the command line answers with ONE line naming the file or key and
the documented exit code (README, Command line), never a traceback; content faults read the same
in `check` and in the app."""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from decision_aid.__main__ import main
from decision_aid.content import load_content
from decision_aid.content.loading import ContentError

from .conftest import ROOT

GOOD_ANSWERS = '{"inr": 1.1, "platelets": 200}'
EXIT_CONTENT, EXIT_INPUT = 1, 2


def _write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


def _symlink_loop(folder: Path, name: str) -> Path:
    link = folder / name
    link.symlink_to(link)
    return link


# (case, how to make the input file in a folder, what the one line must say)
JSON_INPUTS = [
    ("nested 1,500 deep", lambda d: _write(d / "a.json", "[" * 1500 + "]" * 1500), "nested 1500 levels deep"),
    ("nested deep in a key", lambda d: _write(d / "a.json", '{"inr": ' + "[" * 40 + "]" * 40 + "}"), "nested 41"),
    ("300-digit integer", lambda d: _write(d / "a.json", '{"inr": 1' + "0" * 300 + "}"), "has 301 digits"),
    ("5,000-digit integer", lambda d: _write(d / "a.json", '{"platelets": ' + "9" * 5000 + "}"), "has 5000 digits"),
    ("UTF-16", lambda d: _write(d / "a.json", codecs.BOM_UTF16_LE + GOOD_ANSWERS.encode("utf-16-le")), "is UTF-16"),
    ("Latin-1", lambda d: _write(d / "a.json", '{"x": "caf\xe9"}'.encode("latin-1")), "is not UTF-8 text"),
    ("binary", lambda d: _write(d / "a.json", bytes(range(256))), "is not a text file"),
    ("a folder", lambda d: d, "cannot read: Is a directory"),
    ("missing", lambda d: d / "nope.json", "file is missing"),
    ("symlink loop", lambda d: _symlink_loop(d, "a.json"), "cannot read: Too many levels of symbolic links"),
    ("too big", lambda d: _write(d / "a.json", " " * 1_000_001 + "{}"), "is larger than 1,000 kB"),
    ("repeated key", lambda d: _write(d / "a.json", '{"inr": 1.1, "inr": 4}'), "inr: given more than once"),
    ("Infinity", lambda d: _write(d / "a.json", '{"inr": Infinity}'), "Infinity is not a number JSON allows"),
]


def _one_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, lines
    assert "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize("case,make,says", JSON_INPUTS, ids=[c[0] for c in JSON_INPUTS])
@pytest.mark.parametrize("command", ["checklist", "handout"])
def test_bad_json_file_is_one_line_naming_the_file(command, case, make, says, tmp_path, capsys):
    path = make(tmp_path)
    pdf = tmp_path / "out.pdf"
    argv = ["checklist", str(path)] if command == "checklist" else ["handout", str(path), "-o", str(pdf)]
    assert main(argv) == EXIT_INPUT
    out, err = capsys.readouterr()
    line = _one_line(err)
    assert line.startswith(f"{path}: ") and says in line
    assert out == "" and not pdf.exists()


def test_unreadable_file_is_named(tmp_path, capsys, monkeypatch):
    """Permission denied (the tests may run as root, who can read anything: the refusal is staged)."""
    path = _write(tmp_path / "a.json", GOOD_ANSWERS)
    real_open = Path.open

    def denied(self, *args, **kwargs):
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", denied)
    assert main(["checklist", str(path)]) == EXIT_INPUT
    assert _one_line(capsys.readouterr().err) == f"{path}: cannot read: Permission denied"


def test_repeated_keys_are_found_in_linear_time(tmp_path, capsys):
    """40,000 keys once took 20 s (a count per key); a set makes it one pass."""
    keys = ", ".join(f"\"k{i}\": 1" for i in range(60_000))
    path = _write(tmp_path / "a.json", "{" + keys + ', "k7": 2}')
    started = time.perf_counter()
    assert main(["checklist", str(path)]) == EXIT_INPUT
    assert time.perf_counter() - started < 5  # counting per key took about 45 s
    assert _one_line(capsys.readouterr().err) == f"{path}: k7: given more than once"


def _meta(text: str) -> str:
    return (ROOT / "content" / "en" / "meta.yaml").read_text(encoding="utf-8") + text


# (case, new bytes of meta.yaml, what the one line must say)
YAML_FAULTS = [
    ("impossible date", lambda: _meta("").replace("last_reviewed: 2026", "last_reviewed: 2026-02-30\n#"),
     "cannot read the value '2026-02-30': day is out of range for month"),
    ("UTF-16", lambda: codecs.BOM_UTF16_LE + _meta("").encode("utf-16-le"), "is UTF-16 text; save it as UTF-8"),
    ("Latin-1", lambda: _meta("x: caf\xe9\n").encode("latin-1"), "is not UTF-8 text"),
    ("binary", lambda: bytes(range(256)) * 4, "is not a text file"),
    ("nested 20,000 deep (flow)", lambda: _meta("x: " + "[" * 20_000 + "]" * 20_000 + "\n"), "nest"),
    ("nested 300 deep (block)", lambda: "".join(" " * i + "a:\n" for i in range(300)),
     "nested more than 50 levels deep"),
    ("5,000-digit integer", lambda: _meta("x: 1" + "0" * 5000 + "\n"), "cannot read the value '1000"),
    ("repeated key", lambda: _meta("title: Again\n"), "the key 'title' is given more than once"),
    ("too big", lambda: _meta("#" + "x" * 1_000_000 + "\n"), "is larger than 1,000 kB"),
]


def _fault(root: Path, make) -> Path:
    meta = root / "en" / "meta.yaml"
    if make == "symlink loop":
        meta.unlink()
        _symlink_loop(meta.parent, "meta.yaml")
    elif make == "a folder":
        meta.unlink()
        meta.mkdir()
    else:
        _write(meta, make())
    return meta


YAML_FAULTS += [("symlink loop", "symlink loop", "Too many levels of symbolic links"),
                ("a folder", "a folder", "cannot read: Is a directory")]


@pytest.mark.parametrize("case,make,says", YAML_FAULTS, ids=[c[0] for c in YAML_FAULTS])
def test_content_fault_is_one_line_naming_the_file(case, make, says, content_copy, capsys):
    root = content_copy("meta.yaml")
    meta = _fault(root, make)
    assert main(["check", "--content", str(root)]) == EXIT_CONTENT
    out, err = capsys.readouterr()
    line = _one_line(err)
    assert line.startswith(f"{meta}: ") and says in line
    assert out == ""


def test_content_fault_lines_are_capped(content_copy, capsys):
    root = content_copy("meta.yaml")
    _write(root / "en" / "meta.yaml", _meta("".join(f"k{i}: 1\n" for i in range(40_000))))
    assert main(["check", "--content", str(root)]) == EXIT_CONTENT
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 51 and lines[-1].endswith("and 39,950 more problems in this file")


def test_repeated_yaml_keys_are_found_in_linear_time(content_copy):
    root = content_copy("meta.yaml")
    _write(root / "en" / "meta.yaml", _meta("".join(f"k{i}: 1\n" for i in range(60_000)) + "k9: 2\n"))
    started = time.perf_counter()
    with pytest.raises(ContentError) as err:
        load_content(root)
    assert time.perf_counter() - started < 15
    assert str(err.value.problems[0]).endswith("the key 'k9' is given more than once")


def test_closed_stdout_is_one_line_not_a_traceback():
    """`... checklist - | head -c1`: the reader goes away before the assessment is written."""
    reader, writer = os.pipe()
    os.close(reader)  # nobody will read: the write fails with a broken pipe
    try:
        run = subprocess.run([sys.executable, "-m", "decision_aid", "checklist", "-"], cwd=ROOT, input=GOOD_ANSWERS.encode(), check=False,
                             stdout=writer, stderr=subprocess.PIPE, timeout=120)
    finally:
        os.close(writer)
    err = run.stderr.decode()
    assert run.returncode == EXIT_CONTENT
    assert _one_line(err) == "standard output: cannot write: Broken pipe"


def test_standard_input_in_utf16_is_refused_by_name():
    run = subprocess.run([sys.executable, "-m", "decision_aid", "checklist", "-"], cwd=ROOT,
                         input=GOOD_ANSWERS.encode("utf-16"), capture_output=True, timeout=120, check=False)
    assert run.returncode == EXIT_INPUT and run.stdout == b""
    assert _one_line(run.stderr.decode()) == "standard input: is UTF-16 text; save it as UTF-8"


def test_good_answers_still_pass(tmp_path, capsys):
    assert main(["checklist", str(_write(tmp_path / "a.json", GOOD_ANSWERS))]) == 0
    assert json.loads(capsys.readouterr().out)["status"]


@pytest.mark.parametrize("case,make,says", YAML_FAULTS, ids=[c[0] for c in YAML_FAULTS])
def test_app_lists_the_content_fault_itself(case, make, says, content_copy, monkeypatch):
    """The same faults in the app: its own list of problems (file and field), not Streamlit's error."""
    from .conftest import open_page

    root = content_copy("meta.yaml")
    meta = _fault(root, make)
    monkeypatch.setenv("DECISION_AID_CONTENT", str(root))
    at = open_page()
    assert not at.exception, at.exception
    assert "content of this tool has errors" in at.error[0].value
    listed = at.code[0].value
    assert listed.startswith(f"{meta}: ") and says in listed
    assert not at.title, "no half-rendered page"


@pytest.mark.parametrize("text,found", [
    ("A word: <script>alert(1)</script>", "'<script'"),
    ("See <img src=x onerror=alert(1)>", "'<img'"),
    ("Click [here](javascript:alert(1))", "'javascript:'"),
])
def test_html_in_content_is_refused_by_check(text, found, content_copy, capsys):
    """The glossary and sources reach the page as HTML (unsafe_allow_html): no tag may come from content."""
    root = content_copy("explainer.yaml", change=lambda d: d["glossary"][0].update(meaning=text))
    assert main(["check", "--content", str(root)]) == EXIT_CONTENT
    err = capsys.readouterr().err
    assert f"explainer.yaml: glossary[0].meaning: HTML is not allowed in content (found {found})" in err



@pytest.mark.parametrize("answers,says", [
    ({"k" * 100_000: 1}, "k" * 57 + "...: not a checklist question"),
    ({"anticoagulant": "x" * 100_000}, '"' + "x" * 56 + "..."),
])
def test_a_huge_key_or_value_is_shown_cut_to_one_short_line(answers, says, tmp_path, capsys):
    path = _write(tmp_path / "a.json", json.dumps(answers))
    assert main(["checklist", str(path)]) == EXIT_INPUT
    line = _one_line(capsys.readouterr().err)
    assert says in line and len(line) < 400
