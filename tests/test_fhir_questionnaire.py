"""The checklist as a FHIR Questionnaire: valid R4B, generated from checklist.yaml, every key a question."""

from __future__ import annotations

import json

from fhir.resources.R4B.bundle import Bundle, BundleEntry
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse, QuestionnaireResponseItem

from decision_aid.content import load_content
from decision_aid.content.checklist import BoolField, ChoiceField, NumberField
from decision_aid.fhir.bundle import answer_item, answers_from_bundle, read_bundle
from decision_aid.fhir.questionnaire import MAX_VALUE, MIN_VALUE, UNIT, allows_several, build_questionnaire


def items_by_link_id(items) -> dict:
    found = {}
    for item in items or []:
        found[item.linkId] = item
        found.update(items_by_link_id(item.item))
    return found


def published(content) -> Questionnaire:
    """As the record would read it: JSON out, parsed back with the library's model."""
    return Questionnaire.model_validate_json(build_questionnaire(content).model_dump_json())


def test_questionnaire_is_valid_and_versioned(content):
    q = published(content)
    assert q.version == content.meta.version
    assert q.url == content.fhir.questionnaire.url
    assert q.status == "draft"  # no clinician has signed this content off


def test_every_checklist_key_is_a_question_with_its_type_options_and_unit(content):
    items = items_by_link_id(published(content).item)
    assert {f.key for f in content.checklist.fields} <= set(items)
    for field in content.checklist.fields:
        item = items[field.key]
        assert item.text == field.label
        if isinstance(field, BoolField):
            assert item.type == "boolean"
        elif isinstance(field, ChoiceField):
            assert item.type == "choice"
            assert [(o.valueCoding.code, o.valueCoding.display) for o in item.answerOption] == [
                (str(c.value), c.label) for c in field.choices]
        else:
            assert isinstance(field, NumberField)
            assert item.type == ("integer" if field.integer else "decimal")
            extensions = {e.url: e for e in item.extension}
            low = extensions[MIN_VALUE].valueInteger if field.integer else extensions[MIN_VALUE].valueDecimal
            assert float(low) == field.min
            if field.max is not None:
                high = extensions[MAX_VALUE].valueInteger if field.integer else extensions[MAX_VALUE].valueDecimal
                assert float(high) == field.max
            if field.unit:
                assert extensions[UNIT].valueCoding.display == field.unit
    platelets = items["platelets"]
    assert {c.code for c in platelets.code} == {"777-3", "26515-7"}
    unit = next(e for e in platelets.extension if e.url == UNIT).valueCoding
    assert (unit.system, unit.code) == ("http://unitsofmeasure.org", "10*9/L")


def test_questions_sit_in_their_groups_and_link_ids_are_unique(content):
    q = published(content)
    ids = json.dumps(json.loads(q.model_dump_json())).count('"linkId"')
    assert ids == len(items_by_link_id(q.item))  # no linkId used twice
    groups = {g.linkId: [i.linkId for i in g.item] for g in q.item}
    for group in content.checklist.groups:
        assert groups[f"group.{group.id}"] == [f.key for f in content.checklist.fields if f.group == group.id]


def test_result_group_offers_every_rule_and_status(content):
    items = items_by_link_id(published(content).item)
    words = content.fhir.questionnaire
    assert {o.valueCoding.code for o in items[words.result_flags].answerOption} == {
        r.id for r in content.checklist.rules}
    assert {o.valueCoding.code for o in items[words.result_status].answerOption} == {"stop", "caution", "clear"}
    assert items[words.result_group].readOnly and items[words.result_flags].repeats


def test_new_checklist_questions_are_covered_without_code_changes(content_copy):
    """Another question of each kind added to checklist.yaml appears in the Questionnaire."""
    def add(data):
        data["fields"] += [
            {"key": "new_yes_no", "label": "A new yes/no", "group": "infection", "type": "bool"},
            {"key": "new_choice", "label": "A new choice", "group": "infection", "type": "choice",
             "choices": [{"value": "a", "label": "A"}, {"value": 2, "label": "Two"}]},
            {"key": "new_count", "label": "A new count", "group": "infection", "type": "number",
             "min": 0, "integer": True},
        ]
    content = load_content(content_copy("checklist.yaml", add))
    items = items_by_link_id(published(content).item)
    assert items["new_yes_no"].type == "boolean"
    assert [o.valueCoding.code for o in items["new_choice"].answerOption] == ["a", "2"]
    assert items["new_count"].type == "integer"
    assert MAX_VALUE not in {e.url for e in items["new_count"].extension}  # no upper limit given


def test_a_choice_that_allows_several_answers_repeats(content):
    """A multi-select choice (`multiple: true`, e.g. the blood thinners) becomes a repeating question,
    and each of its answers is read back as a list, even a single one."""
    several, single = content.checklist.field("anticoagulant"), content.checklist.field("diabetes")
    assert allows_several(several) and not allows_several(single)
    item = items_by_link_id(published(content).item)["anticoagulant"]
    assert item.repeats is True
    answer = answer_item(several, ["aspirin", "warfarin"], content)
    assert [a.valueCoding.code for a in answer.answer] == ["aspirin", "warfarin"]
    for picked in (["warfarin"], ["aspirin", "warfarin"]):
        response = QuestionnaireResponse(status="completed", item=[QuestionnaireResponseItem(
            linkId=f"group.{several.group}", item=[answer_item(several, picked, content)])])
        bundle = Bundle(type="collection", entry=[BundleEntry(resource=response)])
        assert answers_from_bundle(read_bundle(bundle.model_dump_json()), content) == {"anticoagulant": picked}
