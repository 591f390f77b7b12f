"""Issue 17: free text has a length limit on screen, in the note and on the sheet; the sheet keeps to
its pages with every box full; characters its font cannot draw show as a visible mark, with a note."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from decision_aid import session
from decision_aid.clinician_note import clinician_note
from decision_aid.free_text import printable
from decision_aid.handout import MAX_PAGES, build_handout
from decision_aid.handout.fonts import full_characters
from decision_aid.session import SessionRecord

from .conftest import open_page
from .session_examples import full_record


def _text(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(pdf))
    return len(reader.pages), " ".join(" ".join(p.extract_text() for p in reader.pages).split())


def _other_step(content) -> str:
    return next(s.id for s in content.summary.next_steps if s.asks_for_text)


def test_boxes_on_screen_take_at_most_their_limit(content):
    limits = content.summary.free_text.limits
    priorities = open_page("priorities")
    questions = next(t for t in priorities.text_area if t.label == content.priorities.page.questions_label)
    assert questions.max_chars == limits.questions
    summary = open_page("summary", **{session.NEXT_STEP: _other_step(content)})
    boxes = {t.label: t.max_chars for t in summary.text_input}
    words = content.summary.page
    assert boxes == {words.next_step_other_label: limits.next_step_other, words.name_label: limits.patient_name}


def _maximal(content) -> SessionRecord:
    """Every part answered and every box full, with the widest letters."""
    limits = content.summary.free_text.limits
    record = full_record(content)
    return record.model_copy(update={
        "options_picked": [o.id for o in content.options.options],
        "priorities": {p.id: content.priorities.scale[-1].value for p in content.priorities.priorities},
        "questions": ("WWWWWWWWW " * 200)[: limits.questions],
        "next_step": _other_step(content),
        "next_step_other": ("MMMMMMMMM " * 60)[: limits.next_step_other],
    })


@pytest.mark.parametrize("large", [False, True])
@pytest.mark.parametrize("letter", ["W", "会"])  # 会: each shows as a mark, and the sheet adds its note
def test_sheet_keeps_to_its_pages_with_every_box_full(content, large, letter):
    words = content.summary.free_text
    name = letter * words.limits.patient_name
    pages, text = _text(build_handout(content, _maximal(content), large_text=large, patient_name=name))
    assert pages <= MAX_PAGES[large]
    shown = name if letter == "W" else words.unprintable_mark * len(name)
    assert shown in "".join(text.split()) and "MMMMMMMMM MMMMMMMMM" in text


def test_text_longer_than_its_limit_is_cut_with_a_mark_in_the_note_and_the_sheet(content):
    """A session file (or a changed browser) can carry more than the box allows."""
    words = content.summary.free_text
    record = _maximal(content).model_copy(update={"questions": "Q" * 50_000, "next_step_other": "S" * 50_000})
    note = clinician_note(content, record)
    assert "Q" * words.limits.questions + " " + words.clipped_mark in note and "Q" * (words.limits.questions + 1) not in note
    assert "S" * words.limits.next_step_other + " " + words.clipped_mark in note
    pages, text = _text(build_handout(content, record, patient_name="N" * 10_000))
    assert pages <= MAX_PAGES[False]
    unbroken = "".join(text.split())  # the long name wraps over two lines
    assert "N" * words.limits.patient_name + words.clipped_mark in unbroken
    assert "N" * (words.limits.patient_name + 1) not in unbroken


@pytest.mark.parametrize("typed,printed", [
    ("Will it hurt? 会痛吗", "Will it hurt? □□□"),               # Chinese
    ("Thanks 🙏🏽 and 👨‍👩‍👧 too", "Thanks □ and □ too"),         # emoji, with skin tone and joiners: one mark each
    ("Ask شكرا please", "Ask □□□□ please"),                      # Arabic: right to left
    ("Ask תודה please", "Ask □□□□ please"),                      # Hebrew: right to left
])
def test_characters_the_font_cannot_draw_show_as_a_mark_and_the_sheet_says_so(content, typed, printed):
    words = content.summary.free_text
    assert words.unprintable_mark == "□"  # the expected texts above are written with it
    record = full_record(content).model_copy(update={"questions": typed})
    _, text = _text(build_handout(content, record, patient_name=typed))
    assert printed in text
    assert " ".join(words.unprintable_note.format(mark=words.unprintable_mark).split()) in text


def test_printable_text_needs_no_mark_or_note(content):
    words = content.summary.free_text
    typed = "Zoë Ångström, Αλέξανδρος, Мария: ½ dose ≤ 2?"
    _, text = _text(build_handout(content, full_record(content).model_copy(update={"questions": typed})))
    assert typed in text
    assert words.unprintable_note.split()[0] + " " + words.unprintable_note.split()[1] not in text


def test_printable_marks_every_character_outside_the_font():
    drawable = full_characters()
    assert ord("Ж") in drawable and ord("会") not in drawable  # the fonts as shipped
    assert printable("a\tb\x00c\nd", drawable.__contains__, "□") == ("a b c\nd", False)
