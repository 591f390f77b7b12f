"""`python -m decision_aid handout`: a readable PDF from a saved session, or a generic one; bad
session files are refused with exit 2 and a message naming the field, never a traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest
from pypdf import PdfReader

from decision_aid.__main__ import main
from decision_aid.handout import MAX_PAGES

from .conftest import ROOT
from .session_examples import full_record


def pdf_text(path) -> tuple[int, str]:
    reader = PdfReader(path)
    return len(reader.pages), " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def test_generic_handout_without_a_session(tmp_path, content, capsys):
    out = tmp_path / "generic.pdf"
    assert main(["handout", "-o", str(out)]) == 0
    pages, text = pdf_text(out)
    assert 1 <= pages <= MAX_PAGES[False]
    assert content.summary.handout.decision_heading in text
    assert "generic" in capsys.readouterr().out


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_handout_from_a_saved_session(tmp_path, content, large):
    session = tmp_path / "session.json"
    session.write_text(full_record(content).model_dump_json(), encoding="utf-8")
    out = tmp_path / "visit.pdf"
    assert main(["handout", str(session), "-o", str(out), *(["--large-text"] if large else [])]) == 0
    pages, text = pdf_text(out)
    assert pages <= MAX_PAGES[large]
    assert "Will it hurt?" in text
    assert content.summary.handout.next_step_heading in text


BAD_SESSIONS = [
    ('{"questions": "Will it hurt?"', "not valid JSON"),
    ('["questions"]', "must be a JSON object"),
    ('{"priorities": {"x": "very"}}', "priorities.x"),
    ('{"next_step": "fly_to_the_moon"}', "next_step: unknown choice 'fly_to_the_moon'"),
    ('{"options_picked": ["injection", "magic"]}', "options_picked[1]: unknown id 'magic'"),
    ('{"consent": {"benefits": "yes please"}}', "consent.benefits"),
    ('{"favourite_colour": "blue"}', "favourite_colour"),
    ('{"checklist_answers": {"inr": "high"}}', "checklist_answers.inr"),
    ('{"questions": NaN}', "NaN"),
]


@pytest.mark.parametrize(("text", "named"), BAD_SESSIONS)
def test_bad_session_is_refused_naming_the_field(tmp_path, capsys, text, named):
    session = tmp_path / "bad.json"
    session.write_text(text, encoding="utf-8")
    out = tmp_path / "never.pdf"
    assert main(["handout", str(session), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert named in err and "bad.json" in err
    assert not out.exists(), "nothing is written for a refused session"


def test_missing_session_file_is_refused(tmp_path, capsys):
    assert main(["handout", str(tmp_path / "nope.json"), "-o", str(tmp_path / "x.pdf")]) == 2
    assert "nope.json: file is missing" in capsys.readouterr().err


def test_command_line_refuses_without_traceback(tmp_path):
    session = tmp_path / "bad.json"
    session.write_text('{"priorities": {"pain": "lots"}}', encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "decision_aid", "handout", str(session), "-o", str(tmp_path / "o.pdf")],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
    )
    assert run.returncode == 2
    assert "priorities.pain" in run.stderr
    assert "Traceback" not in run.stderr and not run.stdout
