"""A table of patient vignettes: every rule fires where it should, and every boundary is exact.

Each vignette starts from a patient with every answer known and nothing to flag, changes a few
answers (None removes one, making it unknown), and names the status and the exact set of flags.
"""

from __future__ import annotations

import pytest

from decision_aid.checklist import assess
from decision_aid.content.checklist import LEVELS

CLEAR = dict(
    neuro_red_flags=False, pain_source="joint_likely", ecog=1, expected_survival="over_12_months", inr=1.0,
    platelets=200, anticoagulant="none", cancer_coagulopathy=False, systemic_infection=False,
    site_skin_infection=False, anc=4.0, days_since_myelosuppressive_chemo=None, existing_fracture=False,
    lesion_location="trochanteric", mirels_site="peritrochanteric", mirels_pain="mild", mirels_lesion="blastic",
    mirels_size="under_one_third", orthopaedic_review_done=False, hip_replacement_same_side=False,
    hip_replacement_planned_within_3_months=False, known_avascular_necrosis=False,
    prior_radiotherapy_to_hip=False, allergy_corticosteroid=False, allergy_local_anaesthetic=False,
    allergy_contrast=False, diabetes="none", systemic_steroids_now=False, injections_same_hip_past_12_months=0,
    weeks_since_last_injection=52, tumour_in_needle_path=False, can_lie_still_30_min=True,
    image_guidance_available=True, oncology_team_aware=True,
)  # in data-dictionary order; no chemotherapy (absent: unknown). Mirels 3 + 1 + 1 + 1 = 6: low

MIRELS_7 = dict(mirels_pain="moderate")
MIRELS_8 = dict(mirels_pain="functional")
MIRELS_9 = dict(mirels_pain="functional", mirels_lesion="mixed")
MIRELS_12 = dict(mirels_pain="functional", mirels_lesion="lytic", mirels_size="over_two_thirds")
MIRELS_4 = dict(mirels_site="upper_limb")  # 1 + 1 + 1 + 1

VIGNETTES = [
    # name, changes, status, flags
    ("nothing to flag", {}, "clear", set()),
    ("skin infection at the site", dict(site_skin_infection=True), "stop", {"site_skin_infection"}),
    ("systemic infection", dict(systemic_infection=True), "stop", {"systemic_infection"}),
    ("corticosteroid allergy", dict(allergy_corticosteroid=True), "stop", {"allergy_corticosteroid"}),
    ("INR just above 3.0", dict(inr=3.01), "stop", {"inr_high"}),
    ("INR 15 (top of range)", dict(inr=15), "stop", {"inr_high"}),
    ("INR exactly 3.0 is caution", dict(inr=3.0), "caution", {"inr_raised"}),
    ("INR just above 2.0", dict(inr=2.01), "caution", {"inr_raised"}),
    ("INR exactly 2.0 is not flagged", dict(inr=2.0), "clear", set()),
    ("platelets just below 20", dict(platelets=19.9), "stop", {"platelets_very_low"}),
    ("platelets 0", dict(platelets=0), "stop", {"platelets_very_low"}),
    ("platelets exactly 20 is caution", dict(platelets=20), "caution", {"platelets_low"}),
    ("platelets just below 50", dict(platelets=49.9), "caution", {"platelets_low"}),
    ("platelets exactly 50 is not flagged", dict(platelets=50), "clear", set()),
    ("neutrophils just below 0.5", dict(anc=0.49), "stop", {"anc_very_low"}),
    ("neutrophils exactly 0.5 is caution", dict(anc=0.5), "caution", {"anc_low"}),
    ("neutrophils just below 1.0", dict(anc=0.99), "caution", {"anc_low"}),
    ("neutrophils exactly 1.0 is not flagged", dict(anc=1.0), "clear", set()),
    ("Mirels 4", MIRELS_4, "clear", set()),
    ("Mirels 7", MIRELS_7, "clear", set()),
    ("Mirels exactly 8 is caution", MIRELS_8, "caution", {"mirels_borderline"}),
    ("Mirels exactly 9 is stop", MIRELS_9, "stop", {"mirels_high"}),
    ("Mirels 12", MIRELS_12, "stop", {"mirels_high"}),
    ("Mirels one part unknown", dict(mirels_size=None), "caution", {"mirels_not_scored"}),
    ("no image guidance", dict(image_guidance_available=False), "stop", {"no_image_guidance"}),
    # Anticoagulants: a list; a single value is still accepted.
    ("P2Y12 inhibitor alone is info", dict(anticoagulant="p2y12"), "clear", {"anticoagulant_low_risk"}),
    ("LMWH prophylactic alone is info", dict(anticoagulant=["lmwh_prophylactic"]), "clear",
     {"anticoagulant_low_risk"}),
    ("P2Y12 with aspirin: one agent besides aspirin", dict(anticoagulant=["aspirin", "p2y12"]), "clear",
     {"aspirin", "anticoagulant_low_risk"}),
    ("P2Y12 with prophylactic LMWH: two agents", dict(anticoagulant=["p2y12", "lmwh_prophylactic"]), "caution",
     {"anticoagulants_combined", "anticoagulant_low_risk"}),
    ("warfarin, INR known", dict(anticoagulant="warfarin"), "caution", {"anticoagulant"}),
    ("DOAC", dict(anticoagulant=["doac"]), "caution", {"anticoagulant"}),
    ("DOAC and aspirin: one agent besides aspirin", dict(anticoagulant=["doac", "aspirin"]), "caution",
     {"anticoagulant", "aspirin"}),
    ("DOAC and P2Y12", dict(anticoagulant=["doac", "p2y12"]), "caution",
     {"anticoagulant", "anticoagulants_combined", "anticoagulant_low_risk"}),
    ("LMWH therapeutic", dict(anticoagulant="lmwh_therapeutic"), "caution", {"anticoagulant"}),
    ("unfractionated heparin, INR known", dict(anticoagulant="unfractionated_heparin"), "caution", {"anticoagulant"}),
    ("aspirin is info only", dict(anticoagulant="aspirin"), "clear", {"aspirin"}),
    ("anticoagulant as an empty list is unknown", dict(anticoagulant=[]), "clear", set()),
    ("warfarin, INR unknown", dict(anticoagulant="warfarin", inr=None), "caution",
     {"anticoagulant", "inr_unknown_on_warfarin_or_heparin"}),
    ("heparin with aspirin, INR unknown", dict(anticoagulant=["aspirin", "unfractionated_heparin"], inr=None),
     "caution", {"anticoagulant", "aspirin", "inr_unknown_on_warfarin_or_heparin"}),
    ("DOAC, INR unknown: no INR flag", dict(anticoagulant="doac", inr=None), "caution", {"anticoagulant"}),
    ("no anticoagulant, INR unknown", dict(inr=None), "clear", set()),
    ("clotting disorder from the cancer", dict(cancer_coagulopathy=True), "stop", {"cancer_coagulopathy"}),
    # Red flags and where the pain comes from.
    ("red flags for cord compression", dict(neuro_red_flags=True), "stop", {"neuro_red_flags"}),
    ("red flags not asked", dict(neuro_red_flags=None), "caution", {"neuro_red_flags_unknown"}),
    ("pain from the joint, confirmed", dict(pain_source="joint_confirmed"), "clear", set()),
    ("pain source unclear", dict(pain_source="unclear"), "caution", {"pain_source_not_joint"}),
    ("pain from outside the joint", dict(pain_source="outside_joint"), "caution", {"pain_source_not_joint"}),
    ("pain source unknown is listed, not flagged", dict(pain_source=None), "clear", set()),
    # Fracture, the lesion's site, and orthopaedic review.
    ("a break already present", dict(existing_fracture=True), "stop", {"existing_fracture"}),
    ("whether broken not known", dict(existing_fracture=None), "caution", {"existing_fracture_unknown"}),
    ("lesion in the acetabulum, Mirels low", dict(lesion_location="acetabulum"), "caution", {"lesion_in_pelvis"}),
    ("lesion elsewhere in the pelvis", dict(lesion_location="other_pelvis"), "caution", {"lesion_in_pelvis"}),
    ("lesion in the acetabulum, Mirels 9", dict(lesion_location="acetabulum", **MIRELS_9),
     "stop", {"lesion_in_pelvis", "mirels_high"}),
    ("lesion in the femoral head or neck", dict(lesion_location="femoral_head_neck"), "clear", set()),
    ("lesion in the femoral shaft", dict(lesion_location="femoral_shaft"), "clear", set()),
    ("no lesion near the joint", dict(lesion_location="none_near_joint"), "clear", set()),
    ("Mirels 9, orthopaedic review done", dict(orthopaedic_review_done=True, **MIRELS_9), "caution",
     {"mirels_high_reviewed"}),
    ("Mirels 12, orthopaedic review done", dict(orthopaedic_review_done=True, **MIRELS_12), "caution",
     {"mirels_high_reviewed"}),
    ("Mirels 9, orthopaedic review unknown is still stop", dict(orthopaedic_review_done=None, **MIRELS_9),
     "stop", {"mirels_high"}),
    ("Mirels 8, orthopaedic review done stays borderline", dict(orthopaedic_review_done=True, **MIRELS_8),
     "caution", {"mirels_borderline"}),
    # The hip joint.
    ("hip replacement on this side", dict(hip_replacement_same_side=True), "stop", {"hip_replacement_same_side"}),
    ("hip replacement planned within 3 months", dict(hip_replacement_planned_within_3_months=True), "caution",
     {"hip_replacement_planned"}),
    ("known avascular necrosis", dict(known_avascular_necrosis=True), "caution", {"known_avascular_necrosis"}),
    ("radiotherapy to this hip before is info", dict(prior_radiotherapy_to_hip=True), "clear",
     {"prior_radiotherapy_to_hip"}),
    # Chemotherapy and steroids.
    ("chemotherapy today (day 0)", dict(days_since_myelosuppressive_chemo=0), "caution",
     {"recent_myelosuppressive_chemo"}),
    ("chemotherapy exactly 14 days ago", dict(days_since_myelosuppressive_chemo=14), "caution",
     {"recent_myelosuppressive_chemo"}),
    ("chemotherapy 15 days ago is not flagged", dict(days_since_myelosuppressive_chemo=15), "clear", set()),
    ("chemotherapy a year ago (365 days)", dict(days_since_myelosuppressive_chemo=365), "clear", set()),
    ("systemic steroids now is info", dict(systemic_steroids_now=True), "clear", {"systemic_steroids_now"}),
    ("poorly controlled diabetes", dict(diabetes="poorly_controlled"), "caution", {"diabetes_poorly_controlled"}),
    ("controlled diabetes is info", dict(diabetes="controlled"), "clear", {"diabetes_controlled"}),
    ("local anaesthetic allergy", dict(allergy_local_anaesthetic=True), "caution", {"allergy_local_anaesthetic"}),
    ("contrast allergy", dict(allergy_contrast=True), "caution", {"allergy_contrast"}),
    ("tumour in the needle path", dict(tumour_in_needle_path=True), "caution", {"tumour_in_needle_path"}),
    ("cannot lie still", dict(can_lie_still_30_min=False), "caution", {"cannot_lie_still"}),
    ("ECOG 2 is not flagged", dict(ecog=2), "clear", set()),
    ("ECOG exactly 3", dict(ecog=3), "caution", {"frail_or_short_survival"}),
    ("ECOG 4", dict(ecog=4), "caution", {"frail_or_short_survival"}),
    ("survival under 1 month", dict(expected_survival="under_1_month"), "caution", {"frail_or_short_survival"}),
    ("survival 1 to 3 months", dict(expected_survival="1_to_3_months"), "clear", set()),
    ("survival stated unknown", dict(expected_survival="unknown"), "clear", set()),
    ("2 injections in 12 months", dict(injections_same_hip_past_12_months=2), "clear", set()),
    ("exactly 3 injections in 12 months", dict(injections_same_hip_past_12_months=3), "caution", {"repeat_injections"}),
    ("last injection just under 12 weeks", dict(weeks_since_last_injection=11.9), "caution", {"repeat_injections"}),
    ("last injection exactly 12 weeks", dict(weeks_since_last_injection=12), "clear", set()),
    ("oncology team not aware", dict(oncology_team_aware=False), "caution", {"oncology_team_not_aware"}),
    ("several at once", dict(inr=3.5, platelets=30, allergy_local_anaesthetic=True, anticoagulant="aspirin"),
     "stop", {"inr_high", "platelets_low", "allergy_local_anaesthetic", "aspirin"}),
]


def _answers(changes: dict) -> dict:
    answers = {**CLEAR, **changes}
    return {k: v for k, v in answers.items() if v is not None}


@pytest.mark.parametrize("name,changes,status,flags", VIGNETTES, ids=[v[0] for v in VIGNETTES])
def test_vignette(name, changes, status, flags, content):
    result = assess(_answers(changes), content.checklist)
    assert result.status == status
    assert {f.id for f in result.findings} == flags
    levels = [f.level for f in result.findings]
    assert levels == sorted(levels, key=LEVELS.index), "ordered stop, caution, info"
    assert result.unknown == [k for k in CLEAR if changes.get(k, CLEAR[k]) in (None, [])
                              or changes.get(k) == "unknown"]


def test_the_table_covers_every_rule(content):
    covered = set().union(*(flags for *_, flags in VIGNETTES))
    assert {r.id for r in content.checklist.rules} <= covered
    assert len(VIGNETTES) >= 30


def test_clear_covers_every_question_in_order(content):
    assert list(CLEAR) == [f.key for f in content.checklist.fields]


def test_no_answers_is_unknown_not_normal(content):
    result = assess({}, content.checklist)
    assert result.unknown == [f.key for f in content.checklist.fields]
    assert [f.id for f in result.findings] == [
        "mirels_not_scored", "neuro_red_flags_unknown", "existing_fracture_unknown"]
    assert result.status == "caution"
    assert result.mirels.score is None and result.mirels.band is None
    assert set(result.mirels.components.values()) == {None}


def test_wording_is_filled_from_the_condition_and_answers(content):
    result = assess(_answers(dict(inr=3.4, platelets=45, **MIRELS_9)), content.checklist)
    by_id = {f.id: f for f in result.findings}
    assert by_id["inr_high"].title == "INR above 3.0"
    assert "INR 3.4" in by_id["inr_high"].detail
    assert by_id["platelets_low"].title == "Platelets 20 to below 50 x10^9/L"
    assert by_id["mirels_high"].title.startswith("Mirels score 9: 9 or more")
    assert "{" not in " ".join(f.title + f.detail + f.action for f in result.findings)


def test_mirels_result_gives_points_band_and_caveat(content):
    result = assess(_answers(MIRELS_8), content.checklist)
    assert result.mirels.score == 8
    assert result.mirels.band == "borderline"
    assert result.mirels.components == {"site": 3, "pain": 3, "lesion": 1, "size": 1}
    assert "91%" in result.mirels.caveat and "35%" in result.mirels.caveat
    assert "damron2003" in result.mirels.source_ids


def test_neutrophil_rules_say_they_have_no_injection_specific_source(content):
    for rule_id in ("anc_very_low", "anc_low"):
        rule = next(r for r in content.checklist.rules if r.id == rule_id)
        assert "No injection-specific" in rule.evidence_note
        assert "taplitz2018" in rule.source_ids
