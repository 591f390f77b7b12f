"""/options under AppTest: picking options builds the grid, says what combines, and draws chances."""

from __future__ import annotations

import base64
import xml.etree.ElementTree as ET

from decision_aid import session
from decision_aid.session import record_from_state

from .conftest import open_page


def _state(at):
    return {k: at.session_state[k] for k in at.session_state}


def _markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_nothing_is_picked_for_the_patient_but_the_page_opens_with_a_first_look(content):
    at = open_page("options")
    assert not at.exception
    assert at.multiselect(key=session.OPTIONS_PICKED).value == []
    assert record_from_state(_state(at)).options_picked is None, "shown, not picked for the patient"
    assert list(at.table[0].value.columns) == ["Hip injection", "Radiation therapy", "Bone medicine"]
    first_look = next(i.value for i in at.info if "Choices to look at first" in i.value)
    assert "Pain medicines" in first_look and "Surgery to support the bone" in first_look, "the rest, one click away"
    assert "Your care team noted" not in first_look
    assert any("The choice is yours" in i.value for i in at.info)


def test_picking_options_changes_the_grid(content):
    at = open_page("options")
    picker = at.multiselect(key=session.OPTIONS_PICKED)
    picker.set_value(["injection", "radiation"]).run()
    assert not at.exception
    grid = at.table[0].value
    assert list(grid.columns) == ["Hip injection", "Radiation therapy"]
    assert list(grid.index) == [q.label for q in content.options.questions]
    assert grid.loc["How sure are we?", "Hip injection"].startswith("We are very unsure.")

    picks = ["surgery", "no_new_treatment", "bone_medicine"]
    at.multiselect(key=session.OPTIONS_PICKED).set_value(picks).run()
    grid = at.table[0].value
    assert list(grid.columns) == ["Surgery to support the bone", "No new treatment for now", "Bone medicine"]
    assert grid.loc["What is it?", "No new treatment for now"] == \
        content.options.get("no_new_treatment").answers["what_is_it"].text
    assert record_from_state(_state(at)).options_picked == ["surgery", "no_new_treatment", "bone_medicine"]


def test_one_or_five_picks_get_a_message_not_a_grid():
    at = open_page("options", da_options_picked=["injection"])
    assert not at.table and any("Please pick at least 2 choices" in i.value for i in at.info)
    five = ["injection", "radiation", "bone_medicine", "pain_medicine", "surgery"]
    at = open_page("options", da_options_picked=five)
    assert not at.exception
    assert not at.table and any("no more than 4" in i.value for i in at.info)


def test_which_combine_is_said_in_words():
    at = open_page("options", da_options_picked=["injection", "radiation", "no_new_treatment"])
    text = _markdown(at)
    assert "✓ Hip injection and Radiation therapy can go together." in text
    assert "✗ Hip injection and No new treatment for now do not usually go together." in text


def test_chances_for_picked_options_share_a_denominator_and_are_said_in_words():
    at = open_page("options", da_options_picked=["injection", "bone_medicine"])
    assert not at.exception
    text = _markdown(at)
    # Joint damage and jaw damage are different harms: each drawn alone, on its own denominator.
    assert "about 12 out of 1,000 people had serious harm to the bone or joint" in text
    assert "about 13 out of 1,000 people had damage to the jaw bone" in text
    assert "People who got the bone shot (denosumab)." in text
    alts = [img.alt for picture in at.get("image") for img in picture.proto.imgs]
    assert len(alts) >= 4
    assert "Icon array of 1,000 people: 12 had serious harm to the bone or joint, 988 did not." in alts
    assert "Icon array of 1,000 people: 18 had damage to the jaw bone, 982 did not." in alts
    assert any("Do not compare these numbers" in w.value for w in at.warning)


def test_options_with_no_figures_say_so():
    at = open_page("options", da_options_picked=["surgery", "no_new_treatment"])
    expected = "We have no numbers to draw for: Surgery to support the bone, No new treatment for now."
    assert expected in _markdown(at)


def test_the_timeline_picture_has_a_row_for_each_picked_option_with_timing(content):
    at = open_page("options", da_options_picked=["radiation", "bone_medicine"])
    assert not at.exception
    assert at.get("plotly_chart") == [], "the timeline is a picture, not a plotly chart"
    alt = content.meta.formats.figures.timeline_alt.format(title=content.timeline.title)
    (img,) = [img for picture in at.get("image") for img in picture.proto.imgs if img.alt == alt]
    svg = ET.fromstring(base64.b64decode(img.url.partition(",")[2]))
    rows = [g.get("data-row") for g in svg.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "row"]
    assert rows == ["radiation", "bone_medicine"]
    assert svg.findtext("{http://www.w3.org/2000/svg}title") == alt
