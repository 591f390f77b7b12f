"""A visit as a FHIR Bundle: valid R4B, no subject, every answer kept in a round trip, the PDF and the
note attached with the date and content version; and `python -m decision_aid fhir ...`."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.documentreference import DocumentReference
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from decision_aid.__main__ import main
from decision_aid.checklist import assess, parse_answers
from decision_aid.clinician_note import clinician_note
from decision_aid.fhir.bundle import (
    BundleReadError,
    answers_from_bundle,
    bundle_json,
    documents_from_bundle,
    read_bundle,
)
from decision_aid.session import SessionRecord

from .fhir_examples import every_answer
from .session_examples import full_record

NOW = dt.datetime(2026, 11, 30, 10, 15, tzinfo=dt.UTC)


def resources(bundle: Bundle, kind: type) -> list:
    return [e.resource for e in bundle.entry if isinstance(e.resource, kind)]


def test_every_resource_is_valid_r4b_and_has_no_subject(content):
    text = bundle_json(content, full_record(content), NOW)
    bundle = Bundle.model_validate_json(text)
    assert bundle.type == "collection"
    kinds = sorted(type(e.resource).__name__ for e in bundle.entry)
    assert kinds == ["DocumentReference", "DocumentReference", "QuestionnaireResponse"]
    for entry in bundle.entry:  # each resource also stands on its own
        type(entry.resource).model_validate_json(entry.resource.model_dump_json())
        assert entry.fullUrl == f"urn:uuid:{entry.resource.id}"
    assert not {"subject", "patient"} & keys_in(json.loads(text))


def keys_in(node) -> set[str]:
    if isinstance(node, dict):
        return set(node) | {k for v in node.values() for k in keys_in(v)}
    return {k for v in node for k in keys_in(v)} if isinstance(node, list) else set()


def test_round_trip_keeps_every_answer(content):
    answers = every_answer(content)
    assert set(answers) == {f.key for f in content.checklist.fields}  # every question is exercised
    text = bundle_json(content, SessionRecord(checklist_answers=answers), NOW)
    assert answers_from_bundle(read_bundle(text), content) == parse_answers(answers, content.checklist)


def test_response_names_the_questionnaire_version_and_carries_the_result(content):
    answers = {"inr": 2.5, "platelets": 210, "anticoagulant": "warfarin", "systemic_infection": True}
    bundle = read_bundle(bundle_json(content, SessionRecord(checklist_answers=answers), NOW))
    response = resources(bundle, QuestionnaireResponse)[0]
    assert response.questionnaire == f"{content.fhir.questionnaire.url}|{content.meta.version}"
    assert response.authored == NOW and response.subject is None
    result = next(i for i in response.item if i.linkId == content.fhir.questionnaire.result_group)
    by_id = {i.linkId: i for i in result.item}
    assessment = assess(answers, content.checklist)
    assert by_id["result.status"].answer[0].valueCoding.code == assessment.status == "stop"
    flags = by_id["result.flags"].answer
    assert [a.valueCoding.code for a in flags] == [f.id for f in assessment.findings]
    assert assessment.findings[0].title in flags[0].valueCoding.display
    inr = next(i for g in response.item for i in g.item or [] if i.linkId == "inr")
    assert str(inr.answer[0].valueDecimal) == "2.5"


def test_documents_carry_the_pdf_and_the_note_with_date_and_version(content):
    record = full_record(content)
    bundle = read_bundle(bundle_json(content, record, NOW))
    documents = documents_from_bundle(bundle)
    assert documents["application/pdf"].startswith(b"%PDF-")
    assert documents["text/plain"].decode("utf-8") == clinician_note(content, record)
    for doc in resources(bundle, DocumentReference):
        assert doc.date == NOW and doc.content[0].attachment.creation == NOW
        version = [e.valueString for e in doc.extension if e.url == content.fhir.extensions.content_version]
        assert version == [content.meta.version]
        assert content.meta.version in doc.description
        assert doc.subject is None


def test_without_checklist_answers_there_is_no_response(content):
    bundle = read_bundle(bundle_json(content, None, NOW))
    assert resources(bundle, QuestionnaireResponse) == []
    assert len(resources(bundle, DocumentReference)) == 2
    assert answers_from_bundle(bundle, content) == {}


def test_a_refused_answer_is_left_out_not_written(content):
    bundle = read_bundle(bundle_json(content, SessionRecord(checklist_answers={"inr": 1.1, "platelets": "lots"})))
    assert answers_from_bundle(bundle, content) == {"inr": 1.1}


# --- The command line --------------------------------------------------------------------------------

def test_cli_writes_the_questionnaire(tmp_path, content, capsys):
    out = tmp_path / "checklist-questionnaire.json"
    assert main(["fhir", "questionnaire", "-o", str(out)]) == 0
    q = Questionnaire.model_validate_json(out.read_bytes())
    assert q.version == content.meta.version
    assert "Questionnaire" in capsys.readouterr().out


def test_cli_writes_a_visit_bundle_from_a_saved_session(tmp_path, content):
    session = tmp_path / "session.json"
    record = full_record(content)
    session.write_text(record.model_dump_json(), encoding="utf-8")
    out = tmp_path / "visit.json"
    assert main(["fhir", "bundle", str(session), "-o", str(out)]) == 0
    bundle = read_bundle(out.read_bytes())
    assert answers_from_bundle(bundle, content) == parse_answers(record.checklist_answers, content.checklist)
    assert [p.name for p in tmp_path.iterdir()] != [] and not list(tmp_path.glob(".visit.json.*"))


def test_cli_bundle_without_a_session(tmp_path):
    out = tmp_path / "visit.json"
    assert main(["fhir", "bundle", "-o", str(out)]) == 0
    assert len(read_bundle(out.read_bytes()).entry) == 2


@pytest.mark.parametrize(("text", "named"), [
    ('{"checklist_answers": {"inr": "high"}', "not valid JSON"),
    ('{"checklist_answers": {"inr": "high"}}', "checklist_answers.inr"),
    ('{"checklist_answers": {"inrr": 1.1}, "next_step": "fly"}', "checklist_answers.inrr"),
])
def test_cli_refuses_a_bad_session_naming_each_field_and_writes_nothing(tmp_path, capsys, text, named):
    """As `handout` does: one line per problem, each naming the file and the field, no traceback."""
    session = tmp_path / "session.json"
    session.write_text(text, encoding="utf-8")
    out = tmp_path / "visit.json"
    assert main(["fhir", "bundle", str(session), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert any(named in line for line in lines) and "Traceback" not in err
    assert all(line.startswith(f"{session}: ") for line in lines)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["session.json"]


def test_cli_missing_session_file(tmp_path, capsys):
    assert main(["fhir", "bundle", str(tmp_path / "nope.json"), "-o", str(tmp_path / "v.json")]) == 2
    assert "nope.json: file is missing" in capsys.readouterr().err


def test_cli_replaces_an_existing_file_whole(tmp_path):
    out = tmp_path / "checklist-questionnaire.json"
    out.write_text("old", encoding="utf-8")
    assert main(["fhir", "questionnaire", "-o", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["resourceType"] == "Questionnaire"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_reading_back_refuses_what_is_not_this_checklists_bundle(content):
    with pytest.raises(BundleReadError, match="not a valid FHIR Bundle"):
        read_bundle(b'{"resourceType": "Bundle", "entry": ["x"]}')
    data = json.loads(bundle_json(content, SessionRecord(checklist_answers={"inr": 1.1}), NOW))
    response = next(e["resource"] for e in data["entry"] if e["resource"]["resourceType"] == "QuestionnaireResponse")
    response["item"][0]["item"][0]["linkId"] = "inr_typo"
    with pytest.raises(BundleReadError, match="inr_typo: not a question of this checklist"):
        answers_from_bundle(read_bundle(json.dumps(data)), content)
