"""Answers are checked against the data dictionary: refusals name the key; None means unknown."""

from __future__ import annotations

import pytest

from decision_aid.checklist import AnswerError, karnofsky_to_ecog, parse_answers


def test_platelets_per_microlitre_is_refused_and_explained(content):
    with pytest.raises(AnswerError) as err:
        parse_answers({"platelets": 150000}, content.checklist)
    assert err.value.key == "platelets"
    assert str(err.value).startswith("platelets")
    assert "per microlitre" in str(err.value)
    assert "2000" in str(err.value)


def test_unknown_key_is_refused_with_a_suggestion(content):
    with pytest.raises(AnswerError, match=r"^platlets: not a checklist question.*Did you mean platelets\?"):
        parse_answers({"platlets": 100}, content.checklist)


@pytest.mark.parametrize("key,value,expected", [
    ("inr", 0.4, "inr (INR): 0.4 is below"),
    ("inr", 15.1, "inr (INR): 15.1 is above"),
    ("inr", "2.5", "inr (INR): must be a number"),
    ("inr", True, "inr (INR): must be a number"),
    ("inr", float("nan"), "inr (INR): must be a number"),
    ("anc", 101, "anc (Neutrophils (ANC)): 101 is above"),
    ("injections_same_hip_past_12_months", 2.5, "must be a whole number"),
    ("injections_same_hip_past_12_months", 21, "is above"),
    ("weeks_since_last_injection", -1, "is below"),
    ("ecog", 5, "ecog (ECOG performance status): 5 is not one of the choices"),
    ("ecog", True, "is not one of the choices"),
    ("ecog", "2", "is not one of the choices"),
    ("anticoagulant", "heparin", 'anticoagulant (Anticoagulant or antiplatelet medicine): "heparin"'),
    ("site_skin_infection", "yes", 'site_skin_infection (Skin infection at the injection site): answer true or false, not "yes"'),
    ("site_skin_infection", 1, "answer true or false"),
])
def test_wrong_values_are_refused_naming_the_key(key, value, expected, content):
    with pytest.raises(AnswerError) as err:
        parse_answers({key: value}, content.checklist)
    assert err.value.key == key
    assert expected in str(err.value)


def test_none_and_stated_unknown_are_dropped_not_defaulted(content):
    answers = parse_answers({"inr": None, "expected_survival": "unknown", "ecog": 2.0, "platelets": 20},
                            content.checklist)
    assert answers == {"ecog": 2, "platelets": 20}


def test_edges_of_ranges_are_accepted(content):
    answers = parse_answers({"inr": 0.5, "platelets": 2000, "anc": 0, "injections_same_hip_past_12_months": 20.0},
                            content.checklist)
    assert answers == {"inr": 0.5, "platelets": 2000, "anc": 0, "injections_same_hip_past_12_months": 20}
    assert isinstance(answers["injections_same_hip_past_12_months"], int)


@pytest.mark.parametrize("kps,ecog", [(100, 0), (90, 1), (80, 1), (70, 2), (60, 2), (50, 3), (40, 3),
                                      (30, 4), (20, 4), (10, 4)])
def test_karnofsky_maps_to_ecog(kps, ecog, content):
    assert karnofsky_to_ecog(kps, content.checklist) == ecog


@pytest.mark.parametrize("kps", [0, 75, 110, -10, True, 80.0])
def test_karnofsky_outside_the_map_is_refused(kps, content):
    with pytest.raises(AnswerError, match=r"^karnofsky: "):
        karnofsky_to_ecog(kps, content.checklist)


@pytest.mark.parametrize("value,expected", [
    ("warfarin", ["warfarin"]),
    (["warfarin"], ["warfarin"]),
    (["doac", "aspirin", "doac"], ["aspirin", "doac"]),  # in the data dictionary's order, once each
    (["none"], ["none"]),
    ([], None),
])
def test_anticoagulant_takes_one_value_or_a_list(value, expected, content):
    assert parse_answers({"anticoagulant": value}, content.checklist).get("anticoagulant") == expected


@pytest.mark.parametrize("value,expected", [
    (["none", "aspirin"], ('anticoagulant (Anticoagulant or antiplatelet medicine): "none" cannot be given '
                           'together with other answers ("aspirin")')),
    (["warfarin", "heparin"], 'anticoagulant (Anticoagulant or antiplatelet medicine): "heparin" is not one of'),
    ({"warfarin": True}, "anticoagulant (Anticoagulant or antiplatelet medicine): {"),
    (1, "anticoagulant (Anticoagulant or antiplatelet medicine): 1 is not one of the choices"),
    ([True], "anticoagulant (Anticoagulant or antiplatelet medicine): true is not one of the choices"),
])
def test_wrong_anticoagulant_answers_are_refused_naming_the_key(value, expected, content):
    with pytest.raises(AnswerError) as err:
        parse_answers({"anticoagulant": value}, content.checklist)
    assert err.value.key == "anticoagulant"
    assert str(err.value).startswith(expected)


@pytest.mark.parametrize("key,value,expected", [
    ("days_since_myelosuppressive_chemo", 366, "366 is above the highest accepted value, 365 days"),
    ("days_since_myelosuppressive_chemo", -1, "-1 is below the lowest accepted value, 0 days"),
    ("days_since_myelosuppressive_chemo", 3.5, "must be a whole number"),
    ("days_since_myelosuppressive_chemo", "10", "must be a number"),
    ("neuro_red_flags", "no", 'answer true or false, not "no"'),
    ("existing_fracture", 0, "answer true or false"),
    ("pain_source", "hip", '"hip" is not one of the choices: "joint_confirmed", "joint_likely", "unclear"'),
    ("lesion_location", "femur", '"femur" is not one of the choices'),
    ("orthopaedic_review_done", "yes", "answer true or false"),
    ("hip_replacement_planned_within_3_months", None, None),
])
def test_new_answers_refuse_a_wrong_value_or_type_naming_the_key(key, value, expected, content):
    if expected is None:  # None is unknown, never refused
        assert key not in parse_answers({key: value}, content.checklist)
        return
    with pytest.raises(AnswerError) as err:
        parse_answers({key: value}, content.checklist)
    assert err.value.key == key
    assert str(err.value).startswith(key + " (") and expected in str(err.value)


def test_chemotherapy_days_edges_are_accepted_as_whole_numbers(content):
    for days in (0, 365, 14.0):
        parsed = parse_answers({"days_since_myelosuppressive_chemo": days}, content.checklist)
        assert parsed["days_since_myelosuppressive_chemo"] == int(days)
        assert isinstance(parsed["days_since_myelosuppressive_chemo"], int)
