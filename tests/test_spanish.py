"""The app in Spanish: every page, the take-home sheet and the note, with nothing left in English.

A word on a Spanish page must come from the Spanish content: any other word (a sentence frame kept
in Python, an English label) is a leak. Citations are the same in both languages (they are
references), so their words are in the Spanish content too.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections import defaultdict

import pytest
from pypdf import PdfReader

from decision_aid import session
from decision_aid.clinician_note import clinician_note
from decision_aid.content import load_content, patient_texts
from decision_aid.dates import long_date
from decision_aid.figures import format_number
from decision_aid.handout import build_handout
from decision_aid.readability import TARGET_FERNANDEZ_HUERTA, fernandez_huerta
from decision_aid.session import SessionRecord

from .conftest import CONTENT, PAGE_IDS, open_page
from .session_examples import full_record

SPANISH = load_content(CONTENT, "es")
ENGLISH = load_content(CONTENT, "en")
_WORD = re.compile(r"[A-Za-zÁÉÍÓÚÜÑáéíóúüñ]{4,}")
_MARKUP = re.compile(r"<[^>]*>|&[a-z]+;")  # tags and their styles are not words anyone reads
_IDENTIFIER = re.compile(r"[a-z]+[A-Z]\w*")  # e.g. MirelsTable in the figures table's "content field"
LANGUAGE_NAMES = {ENGLISH.meta.language_name, SPANISH.meta.language_name}  # each in its own language


def _vocabulary(language: str) -> set[str]:
    text = " ".join(p.read_text(encoding="utf-8") for p in (CONTENT / language).glob("*.yaml"))
    return {w.lower() for w in _WORD.findall(text)}


SPANISH_WORDS = _vocabulary("es")


def visible_text(at) -> str:
    """Every word AppTest can see on the page: text elements, labels, options, help and alt text."""
    parts: list[str] = []
    for kind in ("title", "header", "subheader", "markdown", "caption", "info", "warning", "error", "success"):
        parts += [str(e.value) for e in at.get(kind)]
    for kind in ("button", "checkbox", "toggle", "radio", "selectbox", "multiselect", "text_input",
                 "text_area", "number_input", "expander"):
        for element in at.get(kind):
            parts.append(str(getattr(element, "label", "") or ""))
            parts += [str(o) for o in getattr(element, "options", []) or []]
            parts.append(str(getattr(element, "help", "") or ""))
    parts += [img.proto.imgs[0].caption for img in at.get("image") if img.proto.imgs]
    return " ".join(parts)


def _leaks(text: str) -> set[str]:
    words = _WORD.findall(_MARKUP.sub(" ", text))
    return {w for w in words if w.lower() not in SPANISH_WORDS and w not in LANGUAGE_NAMES
            and not _IDENTIFIER.fullmatch(w)}


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_every_page_renders_in_spanish_with_no_english_left(page_id):
    at = open_page(page_id, **{session.LANGUAGE: "es"})
    assert not at.exception
    text = visible_text(at)
    heading = next(p.heading for p in SPANISH.pages.pages if p.id == page_id)
    assert heading in [t.value for t in at.title]
    assert not _leaks(text), f"{page_id}: words not in the Spanish content: {sorted(_leaks(text))[:20]}"


def test_a_page_says_it_is_in_spanish_for_screen_readers():
    at = open_page("start", **{session.LANGUAGE: "es"})  # the side menu sets it (AppTest shows it here)
    scripts = [h.proto.body for h in at.get("html")]
    assert any('document.documentElement.lang = "es"' in s for s in scripts), scripts
    english = open_page("start")
    assert any('document.documentElement.lang = "en"' in h.proto.body for h in english.get("html"))


def test_spanish_pages_say_the_translation_is_not_yet_checked():
    note = SPANISH.meta.translation.unreviewed_note
    assert SPANISH.meta.translation.reviewed_by_medical_translator is False
    for page_id in ("start", "explainer", "summary"):
        at = open_page(page_id, **{session.LANGUAGE: "es"})
        assert any(note in m.value for m in at.markdown), page_id
    assert not any(note in m.value for m in open_page("start").markdown)


def test_switching_language_mid_visit_keeps_the_answers():
    at = open_page("start", **{session.checklist_key("inr"): 2.4, session.QUESTIONS: "¿Duele?"})
    at.sidebar.radio(key="language_sidebar").set_value("es").run()
    assert at.session_state[session.LANGUAGE] == "es"
    assert at.session_state[session.checklist_key("inr")] == 2.4
    assert at.session_state[session.QUESTIONS] == "¿Duele?"
    assert SPANISH.pages.pages[0].heading in [t.value for t in at.title]
    at.radio(key="language_start").set_value("en").run()  # the start page's own choice (AppTest shows
    assert ENGLISH.pages.pages[0].heading in [t.value for t in at.title]
    assert at.session_state[session.checklist_key("inr")] == 2.4


def test_start_over_returns_to_the_default_language():
    at = open_page("start", **{session.LANGUAGE: "es"})
    assert SPANISH.pages.pages[0].heading in [t.value for t in at.title]
    at.sidebar.button[0].click().run()  # Start over
    assert session.LANGUAGE not in at.session_state
    assert ENGLISH.pages.pages[0].heading in [t.value for t in at.title]


def test_the_note_is_in_the_clinicians_chosen_language():
    """The pages in Spanish, the note in English unless the clinician picks Spanish for it."""
    at = open_page("summary", **{session.LANGUAGE: "es"})
    assert at.code[0].value == clinician_note(ENGLISH, SessionRecord()).rstrip("\n")
    at.radio(key=session.NOTE_LANGUAGE).set_value("es").run()
    assert at.code[0].value == clinician_note(SPANISH, SessionRecord()).rstrip("\n")
    assert not _leaks(at.code[0].value), sorted(_leaks(at.code[0].value))


def _pdf_text(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_the_spanish_sheet_is_in_spanish(large):
    record = full_record(SPANISH).model_copy(update={"questions": "¿Me va a doler la pierna?",
                                                      "next_step_other": "Hablar con mi equipo."})
    text = _pdf_text(build_handout(SPANISH, record, large_text=large, today=dt.date(2026, 3, 7)))
    assert SPANISH.meta.title in " ".join(text.split())
    assert "7 de marzo de 2026" in text
    assert " ".join(SPANISH.meta.translation.unreviewed_note.split()) in " ".join(text.split())
    assert not _leaks(text), sorted(_leaks(text))[:20]


def test_spanish_dates_and_numbers():
    formats = SPANISH.meta.formats
    assert long_date(dt.date(2026, 3, 7), formats) == "7 de marzo de 2026"
    assert [format_number(n, formats) for n in (7, 1000, 10000, 2.5)] == ["7", "1000", "10\u00a0000", "2,5"]


def _spanish_patient_text_by_file() -> dict[str, list[str]]:
    by_file: dict[str, list[str]] = defaultdict(list)
    for file, _, text in patient_texts(SPANISH):
        by_file[file].append(text if text.rstrip()[-1:] in ".?!:" else text + ".")
    return dict(by_file)


@pytest.mark.parametrize("file", sorted(_spanish_patient_text_by_file()))
def test_spanish_patient_text_is_fairly_easy_to_read(file):
    texts = _spanish_patient_text_by_file()[file]
    ease = fernandez_huerta(" ".join(texts))
    hardest = sorted(texts, key=fernandez_huerta)[:3]
    assert ease >= TARGET_FERNANDEZ_HUERTA, f"{file}: Fernández-Huerta {ease:.1f}; hardest: {hardest}"


@pytest.mark.parametrize("page_id", ["start", "explainer", "options", "priorities", "check", "summary"])
def test_spanish_patient_pages_are_fairly_easy_to_read_as_shown(page_id):
    at = open_page(page_id, **{session.LANGUAGE: "es"})
    shown = " ".join(str(e.value) for kind in ("markdown", "header", "subheader", "caption") for e in at.get(kind))
    shown = re.sub(r"<[^>]+>|\*\*|[#|_-]", " ", shown)
    assert fernandez_huerta(shown) >= TARGET_FERNANDEZ_HUERTA, page_id


def test_the_deployments_security_policy_allows_each_languages_page_script():
    """nginx allows inline scripts only by hash: each language's page-language script must be listed."""
    import base64
    import hashlib

    from decision_aid.content.languages import available_languages
    from decision_aid.ui.chrome import language_script

    policy = (CONTENT.parent / "docs" / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    for code in available_languages(CONTENT):
        digest = base64.b64encode(hashlib.sha256(language_script(code).encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy, f"{code}: add 'sha256-{digest}' to script-src"
