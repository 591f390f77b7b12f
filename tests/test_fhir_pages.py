"""FHIR on the pages under AppTest: /checklist fills INR, platelets and neutrophils from an uploaded
file (dates shown, old values flagged, refusals named, the file not kept); /summary offers the Bundle."""

from __future__ import annotations

import datetime as dt
import json

from decision_aid import session
from decision_aid.fhir.bundle import answers_from_bundle, bundle_json, read_bundle
from decision_aid.session import record_from_state
from decision_aid.ui.fhir_upload import REPORT_KEY

from .conftest import open_page
from .fhir_examples import bundle_of, observation

TODAY = dt.date.today()


def upload(content, data: bytes, name: str = "labs.json"):
    at = open_page("checklist")
    uploader = at.file_uploader[0]
    assert uploader.label == content.fhir.ui.upload_label
    uploader.upload(name, data, "application/json")
    at.run()
    assert not at.exception
    return at


def number_inputs(at) -> dict[str, float | None]:
    return {n.key.removeprefix(session.CHECKLIST): n.value for n in at.number_input}


def shown(at) -> str:
    return "\n".join([m.value for m in at.markdown] + [w.value for w in at.warning] + [e.value for e in at.error])


def test_a_file_in_mixed_units_fills_the_three_labs_with_dates_and_flags_old_ones(content):
    old = TODAY - dt.timedelta(days=content.fhir.stale_after_days + 3)
    data = json.dumps(bundle_of(
        observation("inr", "6301-6", 1.3, "{INR}", TODAY),
        observation("plt", "777-3", 87000, "/uL", old),
        observation("anc", "26499-4", 2.1, "10*9/L", TODAY),
        observation("glu", "2345-7", 5.1, "mmol/L", TODAY),
    )).encode()
    at = upload(content, data)
    filled = number_inputs(at)
    assert (filled["inr"], filled["platelets"], filled["anc"]) == (1.3, 87.0, 2.1)
    text = shown(at)
    words = content.fhir.ui
    assert f"Platelets: 87 x10^9/L, measured {old.strftime(words.date_format)}. Given as 87000 /uL." in text
    assert f"INR: 1.3, measured {TODAY.strftime(words.date_format)}." in text
    stale = words.stale.format(days=content.fhir.stale_after_days)
    assert text.count(stale) == 1 and stale in next(line for line in text.splitlines() if "Platelets" in line)
    assert "Observation 'glu': code 2345-7 is not INR, platelets or neutrophils; left out." in text
    # The filled values are ordinary answers: the checklist's note for the record has them.
    note = at.code[0].value
    assert "87 x10^9/L" in note and "2.1 x10^9/L" in note
    assert record_from_state(at.session_state).checklist_answers == {"inr": 1.3, "platelets": 87.0, "anc": 2.1}


def test_the_file_is_not_kept_and_later_edits_stand(content):
    at = upload(content, json.dumps(observation("inr", "6301-6", 1.3, "{INR}", TODAY)).encode())
    assert at.file_uploader[0].value in (None, [])  # a fresh, empty uploader: the file is let go
    assert not any(isinstance(at.session_state[k], bytes) for k in at.session_state)
    at.number_input(key=session.checklist_key("inr")).set_value(1.5).run()
    at.run()
    assert number_inputs(at)["inr"] == 1.5  # not filled again from the file


def test_malformed_json_is_refused_naming_the_file_and_fills_nothing(content):
    at = upload(content, b'{"resourceType": "Bundle", "entry": [', name="export.json")
    assert [e.value for e in at.error] == ["export.json: not valid JSON: Expecting value (line 1, column 38)."]
    assert set(number_inputs(at).values()) == {None}


def test_a_file_with_nothing_usable_says_so_and_names_each_observation(content):
    data = json.dumps([observation("x1", "2345-7", 5.1, "mmol/L", TODAY),
                       observation("x2", "777-3", 150, "10*9/L", TODAY, status="entered-in-error")]).encode()
    at = upload(content, data)
    warnings = [w.value for w in at.warning]
    assert content.fhir.ui.none_filled in warnings
    assert any("Observation 'x1'" in w and "Observation 'x2'" in w for w in warnings)
    assert set(number_inputs(at).values()) == {None}


def test_summary_offers_the_bundle_download_built_from_the_visit(content):
    answers = {"inr": 1.1, "platelets": 210.0, "systemic_infection": False}
    at = open_page("summary", **{session.checklist_key(k): v for k, v in answers.items()})
    assert not at.exception
    buttons = at.get("download_button")
    labels = [b.proto.label for b in buttons]
    assert content.fhir.ui.download_label in labels
    # AppTest cannot press a download button for its bytes; the builder it calls is checked here
    # (the browser test downloads the real file).
    record = record_from_state(at.session_state)
    assert answers_from_bundle(read_bundle(bundle_json(content, record)), content) == answers


def test_start_over_clears_what_was_filled(content):
    at = upload(content, json.dumps(observation("inr", "6301-6", 1.3, "{INR}", TODAY)).encode())
    assert at.session_state[REPORT_KEY]
    state = {k: at.session_state[k] for k in at.session_state}
    start = open_page("start", **state)
    next(b for b in start.sidebar.button if b.label == content.pages.ui.start_over).click().run()
    assert REPORT_KEY not in start.session_state
    assert record_from_state({k: start.session_state[k] for k in start.session_state}).checklist_answers is None
