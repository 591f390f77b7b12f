"""Whole visits in the browser, the way a clinician and a patient go through them.

- The clinic visit: checklist -> explainer -> options -> priorities and SURE -> understanding check ->
  summary, the take-home PDF (read back as a PDF) and the note for the record.
- The education session (no checklist, large text) and the consent discussion.
- Keyboard only: the checklist completed and the summary reached with Tab, Enter, Space and arrows.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from .conftest import AppDriver, page_heading, ui_text, wait_idle
from .visit import (
    NAME_ON_SHEET,
    QUESTION,
    agree_next_step,
    answer_checklist,
    answer_quiz,
    choose_path,
    next_step,
    pick_options,
    rate_priorities,
)

pytestmark = pytest.mark.browser


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def download_pdf(app: AppDriver, content) -> str:
    """Press the download button; check the file is a real PDF; return its text."""
    with app.page.expect_download() as info:
        app.main().get_by_role("button", name=content.summary.page.download_label).click()
    data = Path(info.value.path()).read_bytes()
    assert data.startswith(b"%PDF-"), data[:20]
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 1
    return _words(" ".join(page.extract_text() or "" for page in reader.pages))


def note_text(app: AppDriver, content) -> str:
    """The note for the record: the code box under its heading on the summary."""
    expect(app.main().get_by_role("heading", name=content.summary.page.note_heading)).to_be_visible()
    return _words(app.main().get_by_test_id("stCode").last.inner_text())


def check_charts_have_words(page: Page) -> None:
    """The icon array pictures are drawn, named by their numbers, and numbers in words follow."""
    named = re.compile(r"^Icon array of [\d,]+ people: ")
    pictures = page.get_by_test_id("stMain").get_by_role("img", name=named)
    expect(pictures.first).to_be_visible()
    drawn = pictures.evaluate_all("imgs => imgs.map(img => img.complete && img.naturalWidth > 0)")
    assert len(drawn) >= 2 and all(drawn), drawn
    assert "out of" in page.get_by_test_id("stMain").inner_text()


def test_clinic_visit_end_to_end(app: AppDriver, content):
    choose_path(app, content, "clinic")
    path = next(p for p in content.paths.paths if p.id == "clinic")
    names = {p.id: p.nav_label for p in content.pages.pages}
    expect(app.main().get_by_text(content.paths.nav.step.format(
        number=1, total=len(path.page_ids), page=names["checklist"]))).to_be_visible()

    # 1. The clinician's checklist: answers become a result and a note.
    answer_checklist(app, content, navigate=False)
    statuses = [s.label for s in content.checklist.ui.status.values()]
    result = app.main().get_by_role("alert").filter(has_text=re.compile("|".join(statuses))).first
    expect(result).to_be_visible()
    checklist_note = _words(app.main().get_by_test_id("stCode").first.inner_text())
    assert "INR" in checklist_note and "1.1" in checklist_note

    # 2. The explainer: charts with their numbers in words.
    next_step(app, content, "explainer")
    check_charts_have_words(app.page)

    # 3. The options side by side.
    next_step(app, content, "options")
    picked = pick_options(app, content, 2)
    grid = app.main().get_by_role("table").first
    for name in picked:
        expect(grid).to_contain_text(name)

    # 4. What matters, a question, and SURE.
    next_step(app, content, "priorities")
    rate_priorities(app, content, navigate=False)
    expect(app.main().get_by_text(content.priorities.sure.sure_message)).to_be_visible()

    # 5. The understanding check, all right.
    next_step(app, content, "check")
    answer_quiz(app, content)
    expect(app.main().get_by_text(content.quiz.page.all_understood)).to_be_visible()

    # 6. The summary carries everything, then the next step, consent and the sheet.
    next_step(app, content, "summary")
    summary = _words(app.main().inner_text())
    for shown in [*picked, content.priorities.priorities[0].label, QUESTION]:
        assert shown in summary, shown
    agree_next_step(app, content, navigate=False)
    pdf = download_pdf(app, content)
    assert NAME_ON_SHEET in pdf
    assert content.summary.next_steps[0].label in pdf
    note = note_text(app, content)
    assert content.summary.next_steps[0].label in note
    assert QUESTION in note
    assert NAME_ON_SHEET not in note, "the name is for the sheet only, never the record"
    app.assert_no_error_shown()


def test_education_session_has_no_checklist_and_large_text(app: AppDriver, content):
    choose_path(app, content, "education")
    path = next(p for p in content.paths.paths if p.id == "education")
    assert path.page_ids[0] == "explainer"
    # Large text is on, and says so on its switch.
    expect(app.sidebar().get_by_role("switch", name=ui_text("large_text"))).to_be_checked()
    assert app.page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)") > 16
    # The clinician's checklist is not offered in the side menu.
    checklist_label = next(p.nav_label for p in content.pages.pages if p.id == "checklist")
    expect(app.sidebar().get_by_role("link", name=checklist_label, exact=True)).to_have_count(0)
    check_charts_have_words(app.page)
    for here, after in zip(path.page_ids, path.page_ids[1:], strict=False):
        if here == "options":
            pick_options(app, content, 2)
        next_step(app, content, after)
    # The summary says the checklist was not part of this session; the sheet still prints.
    clinician = app.main().get_by_text(content.summary.page.checklist_label, exact=True)
    expect(clinician).to_be_visible()
    assert content.summary.page.not_discussed in app.main().inner_text()
    assert download_pdf(app, content)
    app.assert_no_error_shown()


def test_consent_discussion_records_consent(app: AppDriver, content):
    choose_path(app, content, "consent")
    path = next(p for p in content.paths.paths if p.id == "consent")
    answer_checklist(app, content, navigate=False)
    for here, after in zip(path.page_ids, path.page_ids[1:], strict=False):
        if here == "options":
            pick_options(app, content, 2)
        next_step(app, content, after)
    assert path.page_ids[-1] == "summary"
    for item in content.summary.consent_items:
        app.tick(item.label)
    note = note_text(app, content)
    for item in content.summary.consent_items:
        assert _words(item.note_label) in note, item.note_label
    assert download_pdf(app, content)
    app.assert_no_error_shown()


# --- Keyboard only ------------------------------------------------------------------------------

MAX_TABS = 400


def focused(page: Page) -> dict:
    return page.evaluate(
        """() => { const e = document.activeElement;
                   const by = e.getAttribute('aria-labelledby');
                   const label = e.getAttribute('aria-label') || (e.labels && e.labels[0]?.innerText.trim())
                     || (by && document.getElementById(by)?.innerText.trim()) || null;
                   return {tag: e.tagName, role: e.getAttribute('role') || (e.type === 'number' ? 'spinbutton' : null),
                           label,
                           group: e.closest('[role=radiogroup]')?.getAttribute('aria-label') || null,
                           text: (e.innerText || '').trim(), type: e.type || null,
                           checked: e.getAttribute('aria-checked') === 'true' || e.checked === true}; }"""
    )


def tab_to(page: Page, matches, what: str, backwards: bool = False) -> dict:
    """Press Tab (or Shift+Tab) until the focused element matches; fail if it never does."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        now = focused(page)
        if matches(now):
            return now
    pytest.fail(f"Tab never reached {what}")


def keyboard_answer(page: Page, field, checklist) -> None:
    """Answer one checklist question with the keyboard only, as its kind of input needs."""
    ui = checklist.ui
    label = field.label
    if field.type == "number":
        name = f"{label} ({field.unit})" if field.unit else label
        tab_to(page, lambda f: f["label"] == name and f["role"] == "spinbutton", name)
        page.keyboard.type(str(KEYBOARD_NUMBERS.get(field.key, field.min)))
        page.keyboard.press("Enter")
    elif field.type == "bool" or len(field.choices) <= 4:
        want = (ui.answer_yes if field.key in YES_FIELDS else ui.answer_no) if field.type == "bool" \
            else _choice_words(field, checklist, field.choices[0])
        # A button group is one Tab stop; arrows move between its options; Space presses one.
        now = tab_to(page, lambda f: f["group"] == label, label)
        for _ in range(len(field.choices) if field.type == "choice" else 2):
            if now["text"] == want:
                break
            page.keyboard.press("ArrowRight")
            now = focused(page)
        assert now["text"] == want, f"arrows never reached {label}: {want}"
        if not now["checked"]:
            page.keyboard.press("Space")
    else:
        tab_to(page, lambda f: f["role"] == "combobox" and f["label"] == label, label)
        page.keyboard.press("ArrowDown")  # opens the list on the first choice
        page.keyboard.press("Enter")
        if getattr(field, "multiple", False):
            page.keyboard.press("Escape")  # a list that takes several answers stays open until closed
    wait_idle(page, page_heading("checklist"))


YES_FIELDS = {"image_guidance_available", "can_lie_still_30_min", "oncology_team_aware"}
KEYBOARD_NUMBERS = {"inr": 1.1, "platelets": 210, "anc": 3, "injections_same_hip_past_12_months": 0,
                    "weeks_since_last_injection": 52}


def _choice_words(field, checklist, choice) -> str:
    points = next((c.points for c in checklist.mirels.components if c.field == field.key), None)
    text = field.label_of(choice.value)
    return checklist.ui.mirels_points.format(label=text, points=points[choice.value]) if points else text


def test_keyboard_only_checklist_to_summary(app: AppDriver, content):
    page = app.open("checklist")
    checklist = content.checklist
    page.bring_to_front()  # from here on, only keys
    for field in checklist.fields:
        keyboard_answer(page, field, checklist)
    expect(app.main().get_by_text(checklist.ui.none_unknown).first).to_be_visible()
    # The summary, reached by its side-menu link with the keyboard.
    summary_label = next(p.nav_label for p in content.pages.pages if p.id == "summary")
    # The side menu comes before the page: back up to it with Shift+Tab.
    tab_to(page, lambda f: f["tag"] == "A" and f["text"] == summary_label, "the Summary link", backwards=True)
    page.keyboard.press("Enter")
    wait_idle(page, page_heading("summary"))
    status_labels = [s.label for s in checklist.ui.status.values()]
    summary = page.get_by_test_id("stMain").inner_text()
    assert any(label in summary for label in status_labels), "the checklist result reached the summary"


def test_checklist_answers_survive_leaving_the_page(app: AppDriver, content):
    """Opened by its address, answered (one answer changed), left by the side menu and come back
    to: every answer is still there. Answers given in the checklist's fragment skip app.py, so this
    fails if the fragment does not keep them (ui/checklist_form.py)."""
    ck = content.checklist
    label = {f.key: f.label for f in ck.fields}
    app.open("checklist")
    app.choose(label["systemic_infection"], ck.ui.answer_yes)
    app.choose(label["site_skin_infection"], ck.ui.answer_no)
    app.choose(label["systemic_infection"], ck.ui.answer_no)  # changed its mind
    before = _words(app.main().get_by_test_id("stCode").first.inner_text())
    assert f"{label['systemic_infection']}: {ck.ui.answer_no}" in before
    app.go("options")
    app.go("checklist")
    assert _words(app.main().get_by_test_id("stCode").first.inner_text()) == before
