"""/checklist under AppTest: answers in, the banner, flags, unknowns and the note a clinician sees."""

from __future__ import annotations

from decision_aid import session

from .conftest import open_page


def _state(**answers) -> dict:
    return {session.checklist_key(k): v for k, v in answers.items()}


def _markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_empty_form_is_caution_with_everything_unknown(content):
    at = open_page("checklist")
    assert not at.exception
    assert at.warning[0].value.startswith("**CAUTION**")
    assert at.warning[0].icon == ":material/warning:"
    text = _markdown(at)
    assert "Fracture risk not scored" in text
    assert "Neutrophils (ANC); " in text  # listed as unknown
    assert "INR" in at.code[0].value and "Unknown (not answered)" in at.code[0].value


def test_stop_answers_show_banner_findings_and_note(content):
    at = open_page("checklist", **_state(inr=3.4, platelets=45.0, anticoagulant="warfarin",
                                         site_skin_infection=True))
    assert not at.exception
    banner = at.error[0]
    assert banner.icon == ":material/dangerous:" and banner.value.startswith("**STOP**: resolve the flags below")
    text = _markdown(at)
    assert "**Stop: INR above 3.0**" in text
    assert "**Stop: Skin infection at the injection site**" in text
    assert "**Caution: Platelets 20 to below 50 x10^9/L**" in text
    assert "**Action:** Correct the INR" in text
    assert "**Source:** Patel IJ et al. 2019" in text
    assert text.index("Stop: INR above 3.0") < text.index("Caution: Platelets")
    note = at.code[0].value
    assert "INR: 3.4" in note and "Platelets: 45 x10^9/L" in note
    assert "Anticoagulant or antiplatelet medicine: Warfarin" in note
    assert "Overall: STOP" in note


def test_typing_an_answer_updates_the_result():
    at = open_page("checklist")
    inr = next(n for n in at.number_input if n.label == "INR")
    inr.set_value(2.5).run()
    assert "**Caution: INR above 2.0 up to 3.0**" in _markdown(at)
    assert at.session_state[session.checklist_key("inr")] == 2.5


def test_mirels_calculator_shows_points_and_total():
    at = open_page("checklist", **_state(mirels_site="peritrochanteric", mirels_pain="functional"))
    site = next(b for b in at.button_group if b.label == "Site of the lesion")
    assert "Peritrochanteric (3 pt)" in site.options
    assert "Not scored: Lesion, Size unknown." in _markdown(at)
    next(b for b in at.button_group if b.label == "Lesion type").set_value("lytic")
    next(b for b in at.button_group if b.label.startswith("Size")).set_value("under_one_third")
    at.run()
    text = _markdown(at)
    assert "Mirels score 10 of 12: high (fracture risk 33% or more; prophylactic fixation advised (Mirels)). " \
           "Site 3, Pain 3, Lesion 3, Size 1." in text
    assert "**Stop: Mirels score 10: 9 or more, the bone may break**" in text


def test_karnofsky_converter_sets_ecog():
    at = open_page("checklist")
    at.selectbox(key="checklist_karnofsky").set_value(40).run()
    assert at.session_state[session.checklist_key("ecog")] == 3
    assert "Poor performance status" in _markdown(at)


def test_platelets_per_microlitre_shows_an_error_not_a_result():
    at = open_page("checklist", **_state(platelets=150000.0))
    assert not at.exception
    errors = [e.value for e in at.error]
    assert any(e.startswith("platelets (Platelets): 150000 is above") and "per microlitre" in e for e in errors)
    assert any("No result while an answer is refused" in e for e in errors)
    assert not at.code, "no note from refused answers"
    assert not at.warning and not at.success


def test_unknown_can_be_chosen_again():
    at = open_page("checklist", **_state(site_skin_infection=True))
    assert at.error[0].value.startswith("**STOP**")
    next(b for b in at.button_group if b.label == "Skin infection at the injection site").set_value(None).run()
    assert not at.error
    assert at.session_state[session.checklist_key("site_skin_infection")] is None
    unknown = next(m.value for m in at.markdown if m.value.startswith("### Unknown (not answered)"))
    assert "Skin infection at the injection site" in unknown


def test_groups_show_in_order_with_red_flags_first(content):
    at = open_page("checklist")
    headings = [m.value.split("\n")[0] for m in at.markdown if m.value.startswith("### ")]
    labels = [g.label for g in content.checklist.groups]
    assert headings[:len(labels)] == [f"### {label}" for label in labels]
    assert labels[0] == "Red flags and where the pain comes from"
    assert "The hip joint" in labels


def test_anticoagulants_are_chosen_as_a_list(content):
    at = open_page("checklist")
    box = at.multiselect(key=session.checklist_key("anticoagulant"))
    assert box.label == "Anticoagulant or antiplatelet medicine"
    box.select("doac").select("p2y12").run()
    text = _markdown(at)
    assert "**Caution: 2 or more blood thinners besides aspirin: P2Y12 inhibitor" in text
    assert "**Info: Prophylactic-dose heparin or a P2Y12 inhibitor**" in text
    assert "Anticoagulant or antiplatelet medicine: P2Y12 inhibitor (clopidogrel, prasugrel, ticagrelor), " \
           "DOAC (apixaban, rivaroxaban, edoxaban, dabigatran)" in at.code[0].value
    box.select("none").run()
    assert any(e.value.startswith('anticoagulant (Anticoagulant or antiplatelet medicine): "none" cannot be given')
               for e in at.error)
    assert not at.code, "no note while an answer is refused"


def test_red_flags_stop_names_the_urgent_pathway(content):
    at = open_page("checklist", **_state(neuro_red_flags=True))
    assert at.error[0].value.startswith("**STOP**")
    text = _markdown(at)
    assert "**Stop: Red flags for spinal cord compression**" in text
    assert "Contact the MSCC coordinator today for the urgent same-day spine pathway." in text


def test_the_summary_shows_the_flags_in_the_panel_s_words(content):
    """One renderer: a flag reads the same on /checklist and /summary."""
    answers = _state(inr=3.4, anticoagulant=["warfarin"], lesion_location="acetabulum")
    boxes = {}
    for page in ("checklist", "summary"):
        at = open_page(page, **answers)
        assert not at.exception
        boxes[page] = [m.value for m in at.markdown if m.value.startswith(":material/")]
    assert boxes["summary"] == boxes["checklist"]
    assert any(b.startswith(":material/dangerous: **Stop: INR above 3.0**") for b in boxes["summary"])
    assert any("Mirels' score does not apply here" in b for b in boxes["summary"])
