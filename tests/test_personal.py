"""Personal points from the checklist (decision_aid/personal.py, personal.yaml): what applies, where,
and that with sharing off nothing from the checklist reaches the patient, on screen or on paper."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from decision_aid.checklist import assess
from decision_aid.clinician_note import clinician_note
from decision_aid.content import ContentError, load_content
from decision_aid.handout import build_handout
from decision_aid.personal import (
    NOTHING,
    Sharing,
    opening_options,
    personal_view,
    shared_lines,
    view_of_record,
)
from decision_aid.session import SessionRecord

from .test_handout import read

WAIT_START = "Your team found a reason to"  # "... to wait." or "... to look at other choices first."

# Every stop rule fires at once: the most a checklist can say.
ALL_STOPS = {
    "site_skin_infection": True, "systemic_infection": True, "allergy_corticosteroid": True, "inr": 4.0,
    "platelets": 10, "anc": 0.2, "image_guidance_available": False, "mirels_site": "peritrochanteric",
    "mirels_pain": "functional", "mirels_lesion": "lytic", "mirels_size": "over_two_thirds",
    "anticoagulant": "warfarin", "diabetes": "poorly_controlled", "expected_survival": "under_1_month", "ecog": 3,
}
ON = Sharing(personal=True, timeline=True, timeline_pdf=True)


def test_every_rule_has_patient_words_and_a_stop_is_never_a_verdict(content):
    for rule in content.checklist.rules:
        assert rule.patient_text.strip(), rule.id
        if rule.level == "stop":
            assert rule.patient_text.startswith(WAIT_START), rule.id
        for verdict in ("cannot have", "not safe", "must not", "you can't"):
            assert verdict not in rule.patient_text.lower(), rule.id


@pytest.mark.parametrize("sharing", [Sharing(), Sharing(timeline_pdf=True)], ids=["all off", "only pdf"])
def test_sharing_off_shares_nothing_whatever_the_checklist_says(content, sharing):
    view = personal_view(content, ALL_STOPS, sharing)
    assert not view.shared and view.callouts == () and view.estimate is None
    assert shared_lines(content, view) == []
    assert opening_options(content, view) == ["injection", "radiation", "bone_medicine"]


@settings(max_examples=30, deadline=None)
@given(st.dictionaries(st.sampled_from(sorted(ALL_STOPS)), st.just(True)))
def test_any_subset_of_answers_shares_nothing_while_off(subset):
    content = load_content()
    answers = {k: ALL_STOPS[k] for k in subset}
    assert personal_view(content, answers, Sharing()) == NOTHING.__class__(sharing=Sharing())


# Vignettes: checklist answers -> the topics on each page, the figures first, the options opened.
VIGNETTES = [
    pytest.param(
        {"anticoagulant": "warfarin", "inr": 2.5},
        {"explainer": ["blood_thinner"], "options": ["blood_thinner"], "summary": ["blood_thinner"]},
        ["injection_bleeding_on_warfarin"], ["injection", "radiation", "bone_medicine"], ["bleeding"],
        id="warfarin, raised INR"),
    pytest.param(
        {"anticoagulant": "aspirin"},
        {"explainer": ["blood_thinner"], "options": ["blood_thinner"], "summary": ["blood_thinner"]},
        ["injection_bleeding_on_warfarin"], ["injection", "radiation", "bone_medicine"], ["bleeding"],
        id="aspirin"),
    pytest.param(
        {"diabetes": "poorly_controlled"},
        {"explainer": ["diabetes"], "options": [], "summary": ["diabetes"]},
        [], ["injection", "radiation", "bone_medicine"], ["diabetes"], id="diabetes"),
    pytest.param(
        {"mirels_site": "peritrochanteric", "mirels_pain": "functional", "mirels_lesion": "lytic",
         "mirels_size": "one_third_to_two_thirds"},
        {"explainer": ["weak_bone"], "options": ["weak_bone"], "summary": ["weak_bone"]},
        ["bone_medicine_bone_problems", "bone_medicine_bone_problems_placebo"],
        ["surgery", "bone_medicine", "injection", "radiation"], ["weak_bone"], id="Mirels high"),
    pytest.param(
        {"anc": 0.8},
        {"explainer": ["infection"], "options": [], "summary": ["infection"]},
        ["injection_joint_infection"], ["injection", "radiation", "bone_medicine"], ["infection"],
        id="low neutrophils (Mirels not scored stays with the clinician)"),
    pytest.param(
        {"ecog": 3, "can_lie_still_30_min": False},
        {"explainer": ["simpler_choices"], "options": ["simpler_choices"], "summary": ["simpler_choices"]},
        [], ["pain_medicine", "radiation", "injection", "bone_medicine"], [], id="frail"),
    pytest.param(
        {"diabetes": "none", "anticoagulant": "none", "mirels_site": "lower_limb", "mirels_pain": "mild",
         "mirels_lesion": "blastic", "mirels_size": "under_one_third"},
        {"explainer": [], "options": [], "summary": []},
        [], ["injection", "radiation", "bone_medicine"], [], id="nothing applies"),
]


@pytest.mark.parametrize("answers, pages, figures, options, cautions", VIGNETTES)
def test_vignettes(content, answers, pages, figures, options, cautions):
    view = personal_view(content, answers, Sharing(personal=True))
    for page, topics in pages.items():
        assert [c.topic.id for c in view.on(page)] == topics, page
    assert view.outcome_ids() == figures
    assert opening_options(content, view) == options
    mine, others = view.think_twice(content.explainer.think_twice)
    assert [c.id for c in mine] == cautions
    assert len(mine) + len(others) == len(content.explainer.think_twice)
    assert view.estimate is None, "the estimate is a separate choice"


def test_each_point_carries_the_patient_words_of_its_rules(content):
    view = personal_view(content, {"anticoagulant": "warfarin"}, Sharing(personal=True))
    fired = [f.id for f in assess({"anticoagulant": "warfarin"}, content.checklist).findings]
    rules = {r.id: r for r in content.checklist.rules}
    (blood,) = [c for c in view.callouts if c.topic.id == "blood_thinner"]
    assert blood.notes == (rules["anticoagulant"].patient_text, rules["inr_unknown_on_warfarin_or_heparin"].patient_text)
    assert "anticoagulant" in fired
    line = shared_lines(content, view)[0]
    assert line.startswith("Your care team noted: Blood thinners.")


def test_a_rule_kept_for_the_clinician_is_never_shared(content):
    assert "mirels_not_scored" in content.personal.clinician_only_rule_ids
    view = personal_view(content, {"mirels_site": "peritrochanteric"}, Sharing(personal=True))
    assert view.callouts == ()


def test_a_rule_in_no_topic_is_shared_under_other_points(content_copy):
    def drop(data):
        other = next(t for t in data["topics"] if t.get("other_findings"))
        other["rule_ids"].remove("tumour_in_needle_path")

    content = load_content(content_copy("personal.yaml", drop))
    view = personal_view(content, {"tumour_in_needle_path": True}, Sharing(personal=True))
    rules = {r.id: r for r in content.checklist.rules}
    (other,) = [c for c in view.callouts if c.topic.id == "other"]
    assert rules["tumour_in_needle_path"].patient_text in other.notes


@pytest.mark.parametrize("answer, words", [("under_1_month", "less than a month"),
                                           ("1_to_3_months", "one to three months"),
                                           ("over_12_months", "more than a year"), ("unknown", None)])
def test_estimate_only_when_chosen_and_answered(content, answer, words):
    assert personal_view(content, {"expected_survival": answer}, Sharing(personal=True)).estimate is None
    view = personal_view(content, {"expected_survival": answer}, Sharing(timeline=True))
    assert (view.estimate.words if view.estimate else None) == words
    assert view.callouts == (), "the band alone shares no personal points"


@pytest.mark.parametrize("change, message", [
    (lambda d: d["topics"][0]["rule_ids"].append("no_such_rule"), "unknown rule id 'no_such_rule'"),
    (lambda d: d["topics"][0]["think_twice_ids"].append("nope"), "unknown id 'nope' (not in explainer.yaml"),
    (lambda d: d["topics"][0]["outcome_ids"].append("nope"), "unknown outcome id 'nope'"),
    (lambda d: d["topics"][0].update(option_ids=["nope"]), "unknown option id 'nope'"),
    (lambda d: d["topics"][0].update(when={"field": "diabetes", "is": "sometimes"}), "'sometimes' is not a choice"),
    (lambda d: d["topics"][0].update(when={"field": "no_field", "is": True}), "unknown field 'no_field'"),
    (lambda d: d["estimate"]["bands"][0].update(value="soon"), "'soon' is not a choice of 'expected_survival'"),
    (lambda d: d["topics"][1]["rule_ids"].append("anticoagulant"), "already in topic 'blood_thinner'"),
    (lambda d: d["clinician_only_rule_ids"].append("nope"), "clinician_only_rule_ids: unknown rule id 'nope'"),
])
def test_references_that_do_not_exist_are_refused_naming_the_file(content_copy, change, message):
    with pytest.raises(ContentError) as err:
        load_content(content_copy("personal.yaml", change))
    problems = [str(p) for p in err.value.problems]
    assert any("personal.yaml" in p and message in p for p in problems), problems


def _record(sharing: dict[str, bool] | None, **answers) -> SessionRecord:
    return SessionRecord(checklist_answers={**ALL_STOPS, **answers}, sharing=sharing)


def _pdf_text(content, record) -> str:
    return read(build_handout(content, record, today=dt.date(2026, 11, 30)))[1]


def test_pdf_with_sharing_off_holds_nothing_from_the_checklist(content):
    text = _pdf_text(content, _record(None))
    assert "Your care team noted" not in text and content.personal.record.heading not in text
    for rule in content.checklist.rules:
        assert " ".join(rule.patient_text.split()) not in text, rule.id
    assert content.personal.estimate.label not in text


def test_pdf_lists_what_was_shared_and_the_band_only_when_ticked_for_the_sheet(content):
    estimate = content.personal.estimate
    shared = _pdf_text(content, _record({"personal": True, "timeline": True}))
    assert content.personal.record.heading in shared
    assert "Your care team noted: Blood thinners." in shared
    assert "less than a month" not in shared and " ".join(estimate.does_not_mean.split()) not in shared
    on_sheet = _pdf_text(content, _record({"personal": True, "timeline": True, "timeline_pdf": True}))
    assert "Your team's estimate of time, shown on the timeline: less than a month." in on_sheet
    assert " ".join(estimate.does_not_mean.split()) in on_sheet
    assert " ".join(estimate.short_time.split()) in on_sheet, "less than a month is a short band"
    assert "Meeuse JJ et al. 2010" in on_sheet, "its sources are cited"
    assert " ".join(estimate.short_time.split()) not in shared


def test_note_records_the_choices_and_the_points_shown(content):
    off = clinician_note(content, _record(None))
    assert "Personal points on the patient's pages: no" in off
    assert "Expected-time band on the patient's timeline: no" in off
    assert "Personal points shown" not in off
    on = clinician_note(content, _record({"personal": True, "timeline": True}))
    assert "Personal points on the patient's pages: yes" in on
    assert "Expected-time band on the patient's timeline: yes (less than a month)" in on
    assert "Expected-time band on the take-home sheet: no" in on
    assert "Personal points shown: Blood thinners; Cells that help blood clot; Diabetes; A bone that may break" in on


def test_record_of_no_checklist_is_empty_even_when_sharing_is_on(content):
    view = view_of_record(content, SessionRecord(sharing={"personal": True, "timeline": True}))
    assert not view.shared
