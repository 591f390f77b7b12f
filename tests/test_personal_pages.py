"""The patient's pages under AppTest, for a table of patient vignettes with sharing on and off:
the personal points each page shows, marked "Your care team noted", and nothing at all when off."""

from __future__ import annotations

import base64
import xml.etree.ElementTree as ET

import pytest

from decision_aid import session

from .conftest import open_page

SVG = "{http://www.w3.org/2000/svg}"

PATIENT_PAGES = ["explainer", "options", "priorities", "check", "summary"]
MARKER = "Your care team noted"

WARFARIN_WEAK_BONE = {
    "anticoagulant": "warfarin", "inr": 2.5, "mirels_site": "peritrochanteric", "mirels_pain": "functional",
    "mirels_lesion": "lytic", "mirels_size": "over_two_thirds", "expected_survival": "1_to_3_months",
}
DIABETES = {"diabetes": "poorly_controlled", "expected_survival": "over_12_months"}
LOW_COUNTS = {"anc": 0.8, "systemic_infection": True}


def _state(answers: dict, *, personal=False, timeline=False, pdf=False) -> dict:
    state = {session.checklist_key(k): v for k, v in answers.items()}
    state.update({f"{session.SHARE}personal": personal, f"{session.SHARE}timeline": timeline,
                  f"{session.SHARE}timeline_pdf": pdf})
    return state


def _shown(at) -> str:
    """Every word a patient reads on the page, in page order (the clinician's note, in a code box,
    left out)."""
    kinds = {"Title", "Header", "Subheader", "Markdown", "Caption", "Alert", "Info", "Warning", "Success", "Error"}
    return "\n".join(e.value for e in at.main if type(e).__name__ in kinds and isinstance(e.value, str))


def _timeline_words(at, content) -> list[str]:
    """The words drawn on the timeline picture (named by the timeline's alt text), if the page has one."""
    alt = content.meta.formats.figures.timeline_alt.format(title=content.timeline.title)
    svgs = [ET.fromstring(base64.b64decode(img.url.partition(",")[2]))
            for picture in at.get("image") for img in picture.proto.imgs if img.alt == alt]
    return [t.text for svg in svgs for t in svg.iter(f"{SVG}text")]


@pytest.mark.parametrize("page", PATIENT_PAGES)
@pytest.mark.parametrize("answers", [WARFARIN_WEAK_BONE, DIABETES, LOW_COUNTS], ids=["warfarin+bone", "diabetes", "counts"])
def test_with_sharing_off_no_patient_page_shows_anything_from_the_checklist(content, page, answers):
    at = open_page(page, **_state(answers))
    assert not at.exception
    shown = _shown(at)
    assert MARKER not in shown
    for rule in content.checklist.rules:
        assert rule.patient_text not in shown, rule.id
    assert content.personal.estimate.label not in _timeline_words(at, content)
    assert content.personal.record.heading not in shown


# Vignettes: (answers, choices) -> on each page, the personal headings expected and those not.
VIGNETTES = [
    pytest.param(WARFARIN_WEAK_BONE, dict(personal=True), {
        "explainer": (["Your care team noted: Blood thinners.", "Your care team noted: A bone that may break.",
                       "Your care team noted: Bleeding problems", "Your care team noted: A weak bone that may break",
                       "Your team found a reason to look at other choices first."],
                      ["Your team's estimate of time", "Your care team noted: Diabetes"]),
        "options": ([("Choices to look at first:** Surgery to support the bone, Bone medicine, Hip injection, "
                      "Radiation therapy."), "Your care team noted: Blood thinners."],
                    ["Your team's estimate of time"]),
        "summary": (["What your care team shared from the checklist", "Your care team noted: A bone that may break."],
                    ["Your team's estimate of time"]),
        "priorities": ([], [MARKER]), "check": ([], [MARKER]),
    }, id="warfarin and a bone that may break, points only"),
    pytest.param(WARFARIN_WEAK_BONE, dict(timeline=True), {
        "explainer": (["Your team's estimate of time", "one to three months", "What it does not mean",
                       "about 45 out of 100 had less pain"], [MARKER + ":"]),
        "options": (["Your team's estimate of time", ("Choices to look at first:** Hip injection, Radiation therapy, "
                                                      "Bone medicine."),
                     "These are the choices most people look at first."], [MARKER + ":"]),
        "summary": (["Your team's estimate of time, shown on the timeline: one to three months."], [MARKER + ":"]),
    }, id="estimate of time only"),
    pytest.param(DIABETES, dict(personal=True, timeline=True), {
        "explainer": (["Your care team noted: Diabetes.", "Your care team noted: Diabetes**",
                       "more than a year"], ["Blood thinners", "about 45 out of 100 had less pain"]),
        "options": (["These are the choices most people look at first."], ["Your care team noted: Diabetes"]),
    }, id="diabetes with the estimate"),
    pytest.param(LOW_COUNTS, dict(personal=True), {
        "explainer": (["Your care team noted: Infection and germs.", "If you have chemo",
                       "Your care team noted: An infection"], ["Your team's estimate"]),
        "summary": (["Your care team noted: Infection and germs."], []),
    }, id="low counts and an infection"),
]


def _cases():
    for vignette in VIGNETTES:
        answers, choices, pages = vignette.values
        for page, (present, absent) in pages.items():
            yield pytest.param(answers, choices, page, present, absent, id=f"{vignette.id}: {page}")


@pytest.mark.parametrize("answers, choices, page, present, absent", list(_cases()))
def test_vignette_pages_show_their_personal_points(answers, choices, page, present, absent):
    at = open_page(page, **_state(answers, **choices))
    assert not at.exception
    shown = _shown(at)
    for words in present:
        assert words in shown, f"{page}: missing {words!r}"
    for words in absent:
        assert words not in shown, f"{page}: should not show {words!r}"


def test_explainer_puts_this_patients_cautions_and_figures_first(content):
    at = open_page("explainer", **_state(WARFARIN_WEAK_BONE, personal=True))
    shown = _shown(at)
    mine = shown.index(content.personal.think_twice_yours)
    assert mine < shown.index("Your care team noted: Bleeding problems") < shown.index(
        content.personal.think_twice_others) < shown.index("**Diabetes**")
    # The bleeding figure for people on a blood thinner is the first picture on the page.
    first_picture = at.get("image")[0].proto.imgs[0].caption or at.get("image")[0].proto.imgs[0].alt
    assert "warfarin" in first_picture.lower() or "bleeding" in first_picture.lower()
    assert shown.index(content.personal.explainer_heading) < shown.index(f"\n{content.explainer.steps_heading}\n")


def test_explainer_timeline_shades_the_estimate_only_when_chosen(content):
    label = content.personal.estimate.label
    without = _timeline_words(open_page("explainer", **_state(DIABETES, personal=True)), content)
    assert content.timeline.title in " ".join(without) and label not in without
    assert label in _timeline_words(open_page("explainer", **_state(DIABETES, timeline=True)), content)


def test_checklist_page_offers_the_three_choices_all_off():
    at = open_page("checklist")
    boxes = {c.key: c for c in at.checkbox if c.key.startswith(session.SHARE)}
    assert set(boxes) == {f"{session.SHARE}{c}" for c in ("personal", "timeline", "timeline_pdf")}
    assert not any(b.value for b in boxes.values())
    assert boxes[f"{session.SHARE}timeline_pdf"].disabled, "the sheet tick follows the timeline tick"
    assert boxes[f"{session.SHARE}personal"].label == "Show what applies to this patient on their pages"
    boxes[f"{session.SHARE}timeline"].check().run()
    assert not at.checkbox(key=f"{session.SHARE}timeline_pdf").disabled
    assert session.record_from_state({k: at.session_state[k] for k in at.session_state}).sharing == {
        "personal": False, "timeline": True, "timeline_pdf": False}
