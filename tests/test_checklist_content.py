"""Thresholds are a clinic's policy in checklist.yaml: editing one changes behaviour AND wording,
and content that would let wording go stale, or that tests a question that does not exist, is refused."""

from __future__ import annotations

import pytest

from decision_aid.__main__ import main
from decision_aid.checklist import assess
from decision_aid.content import ContentError, load_content


def _rule(data: dict, rule_id: str) -> dict:
    return next(r for r in data["rules"] if r["id"] == rule_id)


def test_editing_a_threshold_changes_behaviour_and_wording(content, content_copy):
    shipped = assess({"inr": 3.5}, content.checklist)
    assert [f.title for f in shipped.findings if f.level == "stop"] == ["INR above 3.0"]

    def raise_inr_stop_line(data):
        _rule(data, "inr_high")["when"]["above"] = 4.0
        _rule(data, "inr_raised")["when"]["at_most"] = 4.0

    edited = load_content(content_copy("checklist.yaml", raise_inr_stop_line)).checklist
    result = assess({"inr": 3.5}, edited)
    assert result.status == "caution"
    assert [f.title for f in result.findings if f.id == "inr_raised"] == ["INR above 2.0 up to 4.0"]
    stop = assess({"inr": 4.1}, edited).findings[0]
    assert stop.title == "INR above 4.0" and "above 4.0" in stop.detail


def test_editing_the_platelet_line_changes_wording(content_copy):
    def change(data):
        _rule(data, "platelets_very_low")["when"]["below"] = 30
        _rule(data, "platelets_low")["when"]["at_least"] = 30

    edited = load_content(content_copy("checklist.yaml", change)).checklist
    finding = assess({"platelets": 25}, edited).findings[0]
    assert finding.id == "platelets_very_low"
    assert finding.title == "Platelets below 30 x10^9/L"


BROKEN = {
    "threshold written out in a title": (
        lambda d: _rule(d, "inr_high").update(title="INR above 3.0"),
        "rules[3] (inr_high): title: restates the threshold 3.0 as literal text; use a placeholder such as {inr.above}",
    ),
    "unknown placeholder": (
        lambda d: _rule(d, "inr_high").update(action="Recheck when below {below}."),
        "rules[3] (inr_high): action: unknown placeholder {below}",
    ),
    "condition on a question that does not exist": (
        lambda d: _rule(d, "inr_high")["when"].update(field="inr_value"),
        "rules[3] (inr_high): when: unknown field 'inr_value'",
    ),
    "choice that does not exist": (
        lambda d: _rule(d, "aspirin")["when"].update({"in": ["asprin"]}),
        "when: 'asprin' is not a choice of 'anticoagulant'",
    ),
    "above/below on a yes/no question": (
        lambda d: _rule(d, "site_skin_infection").update(when={"field": "site_skin_infection", "above": 1}),
        "'site_skin_infection' is a bool; above/below only apply to numbers",
    ),
    "empty range": (
        lambda d: _rule(d, "inr_raised")["when"].update(above=3.0, at_most=2.0),
        "inr: the lower bound must be below the upper bound",
    ),
    "rule with neither source nor evidence note": (
        lambda d: _rule(d, "allergy_contrast").pop("evidence_note"),
        "rule allergy_contrast: give source_ids, or an evidence_note",
    ),
    "unknown source id": (
        lambda d: _rule(d, "inr_high").update(source_ids=["sir2019"]),
        "unknown source id 'sir2019'",
    ),
    "is on a question that takes several answers": (
        lambda d: _rule(d, "aspirin").update(when={"field": "anticoagulant", "is": "aspirin"}),
        "when: 'anticoagulant' takes several answers; test it with in / not_in, not is",
    ),
    "count_at_least on a one-answer question": (
        lambda d: _rule(d, "diabetes_controlled")["when"].update(count_at_least=2),
        "when: 'count_at_least' only applies to a question that takes several answers, not 'diabetes'",
    ),
    "count_at_least without saying which answers count": (
        lambda d: _rule(d, "anticoagulants_combined").update(
            when={"field": "anticoagulant", "count_at_least": 2}),
        "'count_at_least' on 'anticoagulant' needs in or not_in",
    ),
    "count written out in a title": (
        lambda d: _rule(d, "anticoagulants_combined").update(title="2 or more blood thinners"),
        "title: restates the threshold 2 as literal text; use a placeholder such as {anticoagulant.count_at_least}",
    ),
    "threshold written out in the patient's words": (
        lambda d: _rule(d, "recent_myelosuppressive_chemo").update(patient_text="You had chemo in the last 14 days."),
        "patient_text: restates the threshold 14 as literal text",
    ),
    "rule without patient words": (
        lambda d: _rule(d, "aspirin").pop("patient_text"),
        "patient_text",
    ),
    "Mirels bands with a gap": (
        lambda d: d["mirels"]["bands"][1].update(min_score=9, max_score=9),
        "score 8 falls in 0 bands",
    ),
    "Mirels points for a choice that does not exist": (
        lambda d: d["mirels"]["components"][0]["points"].update(hip=3),
        "mirels.components[0].points: must give points for exactly the choices of 'mirels_site'",
    ),
    "duplicate question key": (
        lambda d: d["fields"].append(dict(next(f for f in d["fields"] if f["key"] == "inr"))),
        "fields: duplicate key 'inr'",
    ),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_broken_checklist_content_is_refused(case, content_copy, capsys):
    change, expected = BROKEN[case]
    root = content_copy("checklist.yaml", change)
    with pytest.raises(ContentError) as err:
        load_content(root)
    assert any(expected in str(p) and "checklist.yaml" in str(p) for p in err.value.problems), err.value.problems
    assert main(["check", "--content", str(root)]) == 1
    assert expected in capsys.readouterr().err


def test_every_rule_renders_without_leftover_placeholders(content):
    """Fire every rule at once (where possible) and read every text."""
    answers = {"inr": 3.5, "platelets": 10, "anc": 0.1, "anticoagulant": "warfarin", "ecog": 4,
               "expected_survival": "under_1_month", "injections_same_hip_past_12_months": 5,
               "weeks_since_last_injection": 2}
    for result in (assess(answers, content.checklist), assess({}, content.checklist)):
        for f in result.findings:
            assert "{" not in f.title + f.detail + f.action, f.id


def test_findings_are_ordered_by_level_whatever_the_yaml_order(content_copy):
    def info_and_caution_first(data):
        data["rules"].sort(key=lambda r: {"info": 0, "caution": 1, "stop": 2}[r["level"]])

    edited = load_content(content_copy("checklist.yaml", info_and_caution_first)).checklist
    result = assess({"anticoagulant": "aspirin", "allergy_contrast": True, "systemic_infection": True,
                     "neuro_red_flags": False, "existing_fracture": False}, edited)
    assert [f.level for f in result.findings] == ["stop", "caution", "caution", "info"]
    assert result.findings[0].id == "systemic_infection"


def test_short_survival_rule_says_radiotherapy_has_no_life_expectancy_cut_off(content):
    result = assess({"expected_survival": "under_1_month"}, content.checklist)
    finding = next(f for f in result.findings if f.id == "frail_or_short_survival")
    assert "ASTRO 2024 recommends it for painful bone metastases with no life-expectancy cut-off" in finding.action
    assert "died within 12 weeks, 45 out of 100 still had pain relief (Meeuse 2010)" in finding.action
    assert "lived under a month, 26 out of 100 did (Park 2017)" in finding.action
    assert {"alcorn2024", "meeuse2010", "park2017"} <= set(finding.source_ids)
    said = f"{finding.title} {finding.detail} {finding.action} {finding.patient_text}"
    assert "4 weeks" not in said and "week" not in finding.patient_text


def test_mirels_wording_attributes_the_judgement_band_and_names_its_limits(content):
    mirels = assess({"mirels_site": "peritrochanteric", "mirels_pain": "functional", "mirels_lesion": "blastic",
                     "mirels_size": "under_one_third"}, content.checklist).mirels
    assert mirels.score == 8
    assert mirels.advice.startswith("Mirels advised prophylactic fixation at 8 or more; later practice treats 8")
    assert "derived in 78 long-bone lesions only; it is not validated for the pelvis or acetabulum" in mirels.caveat
    assert "mirels1989" in content.checklist.mirels.caveat_source_ids


def test_every_rule_tells_the_patient_and_a_stop_is_never_a_verdict(content):
    for rule in content.checklist.rules:
        assert rule.patient_text.strip(), rule.id
        if rule.level == "stop":
            assert rule.patient_text.startswith(("Your team found a reason to wait.",
                                                 "Your team found a reason to look at other choices first.")), rule.id
