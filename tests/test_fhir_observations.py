"""Lab results from the health record's Observations: codes, units, dates, and refusals by name."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from decision_aid.fhir.observations import FhirFileError, read_lab_results

from .fhir_examples import bundle_of, observation

TODAY = dt.date(2026, 11, 30)


def read(content, *resources, as_bundle: bool = True):
    data = bundle_of(*resources) if as_bundle else list(resources)
    return read_lab_results(json.dumps(data).encode(), content, TODAY, name="labs.json")


@pytest.mark.parametrize(("code", "value", "unit", "expected"), [
    ("777-3", 150000, "/uL", 150.0),        # per microlitre -> x10^9/L
    ("26515-7", 210, "10*3/uL", 210.0),     # thousands per microlitre are x10^9/L
    ("777-3", 95, "10*9/L", 95.0),
    ("751-8", 1500, "{cells}/uL", 1.5),
    ("26499-4", 2.4, "10*9/L", 2.4),
    ("6301-6", 1.2, "{INR}", 1.2),
    ("34714-6", 2.8, "1", 2.8),
])
def test_recognised_codes_and_units_are_converted(content, code, value, unit, expected):
    results = read(content, observation("x", code, value, unit, TODAY))
    assert results.problems == []
    assert [r.value for r in results.readings] == [expected]


def test_mixed_units_in_one_bundle_fill_all_three_in_checklist_units(content):
    results = read(
        content,
        observation("inr", "6301-6", 1.3, "{INR}", TODAY),
        observation("plt", "777-3", 87000, "/uL", TODAY - dt.timedelta(days=1)),
        observation("anc", "751-8", 0.8, "10*9/L", TODAY),
        {"resourceType": "Patient", "id": "ignored"},  # other resources are not read
    )
    assert results.answers() == {"inr": 1.3, "platelets": 87.0, "anc": 0.8}
    platelets = next(r for r in results.readings if r.key == "platelets")
    assert platelets.converted and platelets.unit == "x10^9/L" and str(platelets.given_value) == "87000"
    assert platelets.date == dt.date(2026, 11, 29) and not platelets.stale


def test_unit_text_is_read_when_there_is_no_code(content):
    results = read(content, observation("p", "777-3", 120000, "/uL", TODAY, system=None))
    assert results.answers() == {"platelets": 120.0}


def test_a_value_older_than_a_week_is_flagged_but_filled(content):
    week = content.fhir.stale_after_days
    results = read(
        content,
        observation("old", "6301-6", 1.1, "{INR}", TODAY - dt.timedelta(days=week + 1)),
        observation("edge", "777-3", 200, "10*9/L", TODAY - dt.timedelta(days=week)),
    )
    stale = {r.key: r.stale for r in results.readings}
    assert stale == {"inr": True, "platelets": False}


def test_the_newest_of_several_results_is_used_and_the_older_named(content):
    results = read(
        content,
        observation("older", "6301-6", 1.1, "{INR}", "2026-11-20T08:00:00+00:00"),
        observation("newer", "6301-6", 1.4, "{INR}", "2026-11-28T08:00:00+00:00"),
    )
    assert results.answers() == {"inr": 1.4}
    assert results.problems == ["Observation 'older': a newer INR result is in the file; left out."]


@pytest.mark.parametrize(("resource", "message"), [
    (observation("glu", "2345-7", 5.1, "mmol/L", TODAY), "Observation 'glu': code 2345-7 is not INR"),
    (observation("g", "777-3", 5, "g/L", TODAY), "Observation 'g': unit 'g/L' is not one this app converts"),
    (observation("e", "777-3", 150, "10*9/L", TODAY, status="entered-in-error"), "status 'entered-in-error'"),
    (observation("v", "777-3", None, None, TODAY), "Observation 'v': has no numeric value"),
    (observation("d", "777-3", 150, "10*9/L", None), "Observation 'd': has no full date"),
    (observation("m", "777-3", 150, "10*9/L", "2026-11"), "Observation 'm': has no full date"),
    (observation("big", "777-3", 150000, "10*9/L", TODAY), "Observation 'big': platelets (Platelets): 150000 is above"),
    ({"resourceType": "Observation", "id": "bad", "status": "final"}, "Observation 'bad': not a valid FHIR Observation (code"),
    ({**observation(None, "777-3", 150, "10*9/L", TODAY), "valueQuantity": {"value": "lots"}},
     "Observation #1: not a valid FHIR Observation (valueQuantity.value"),
])
def test_what_cannot_be_read_is_left_out_naming_the_observation(content, resource, message):
    results = read(content, resource, observation("ok", "6301-6", 1.0, "{INR}", TODAY))
    assert results.answers() == {"inr": 1.0}  # the rest of the file is still used
    assert len(results.problems) == 1 and message in results.problems[0], results.problems


def test_a_single_observation_and_a_list_are_read(content):
    one = observation("one", "751-8", 3.2, "10*9/L", TODAY)
    assert read_lab_results(json.dumps(one), content, TODAY).answers() == {"anc": 3.2}
    assert read(content, one, as_bundle=False).answers() == {"anc": 3.2}


@pytest.mark.parametrize(("data", "message"), [
    (b'{"resourceType": "Bundle", "entry": [', "labs.json: not valid JSON: Expecting value (line 1, column 38)"),
    (b"", "labs.json: not valid JSON"),
    (b'{"resourceType": "Observation", "valueQuantity": {"value": NaN}}', "NaN is not a value JSON allows"),
    (b'{"resourceType": "Patient"}', "labs.json: not a FHIR Bundle, Observation or list of Observations."),
    (b'"just text"', "labs.json: not a FHIR Bundle"),
    (b'{"resourceType": "Bundle", "entry": {"resource": {}}}', "labs.json: not a FHIR Bundle"),
])
def test_a_file_that_is_not_fhir_json_is_refused_naming_it(content, data, message):
    with pytest.raises(FhirFileError) as err:
        read_lab_results(data, content, TODAY, name="labs.json")
    assert message in str(err.value)
