"""The checklist as a FHIR R4 Questionnaire, generated from checklist.yaml (never a hand-kept list).

Every answer field becomes a question whose linkId is its key, typed from the field's kind: a yes/no
is `boolean`, a choice is `choice` with coded options (several answers when the field allows them),
a number is `integer` or `decimal` with its range and unit. Questions sit in one group per checklist
group; a read-only group holds the checklist's result (status, Mirels' score, flags), so a response
can carry the findings as ordinary items. Group linkIds contain a dot, which no answer key can.
"""

from __future__ import annotations

from typing import Any

from fhir.resources.R4B.coding import Coding
from fhir.resources.R4B.extension import Extension
from fhir.resources.R4B.questionnaire import Questionnaire, QuestionnaireItem, QuestionnaireItemAnswerOption

from decision_aid.content import Content
from decision_aid.content.checklist import BoolField, ChoiceField, NumberField

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue"
MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue"
UNIT = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit"
GROUP_PREFIX = "group."
RESULT_STATUSES = ("stop", "caution", "clear")


def build_questionnaire(content: Content) -> Questionnaire:
    """The Questionnaire for this content version."""
    identity = content.fhir.questionnaire
    checklist = content.checklist
    groups = []
    for group in checklist.groups:
        fields = [f for f in checklist.fields if f.group == group.id]
        if fields:
            groups.append(QuestionnaireItem(
                linkId=group_link_id(group.id), type="group", text=group.label,
                item=[question_item(f, content) for f in fields],
            ))
    groups.append(_result_group(content))
    return Questionnaire(
        id=identity.name.lower(),
        url=identity.url,
        version=content.meta.version,
        name=identity.name,
        title=identity.title,
        status=identity.status,
        date=content.meta.last_reviewed,
        publisher=identity.publisher,
        description=identity.description,
        item=groups,
    )


def canonical(content: Content) -> str:
    """The Questionnaire's canonical with its version, as a response names it."""
    return f"{content.fhir.questionnaire.url}|{content.meta.version}"


def group_link_id(group_id: str) -> str:
    return GROUP_PREFIX + group_id


def code_system(content: Content, key: str) -> str:
    """The code system of one question's choices."""
    return f"{content.fhir.questionnaire.code_system_base}:{key}"


def allows_several(field: Any) -> bool:
    """A choice field may let the clinician pick several answers (stored as a list)."""
    return isinstance(field, ChoiceField) and bool(getattr(field, "multiple", False))


def question_item(field: Any, content: Content) -> QuestionnaireItem:
    item: dict[str, Any] = {"linkId": field.key, "text": field.label}
    lab = next((lab for lab in content.fhir.labs if lab.key == field.key), None)
    if lab is not None:
        item["code"] = [Coding(system=LOINC, code=code) for code in lab.loinc]
    if isinstance(field, BoolField):
        item["type"] = "boolean"
    elif isinstance(field, ChoiceField):
        item["type"] = "choice"
        item["repeats"] = allows_several(field)
        item["answerOption"] = [
            QuestionnaireItemAnswerOption(valueCoding=Coding(
                system=code_system(content, field.key), code=str(c.value), display=c.label))
            for c in field.choices
        ]
    elif isinstance(field, NumberField):
        item["type"] = "integer" if field.integer else "decimal"
        item["extension"] = _number_extensions(field, content)
    else:
        # A kind of field this module does not know yet still reaches the record, as free text.
        item["type"] = "string"
    return QuestionnaireItem(**item)


def _number_extensions(field: NumberField, content: Content) -> list[Extension]:
    value = "valueInteger" if field.integer else "valueDecimal"
    extensions = [Extension(url=MIN_VALUE, **{value: field.min})]
    if field.max is not None:
        extensions.append(Extension(url=MAX_VALUE, **{value: field.max}))
    if field.unit:
        ucum = content.fhir.ucum.get(field.unit)
        coding = Coding(system=UCUM, code=ucum, display=field.unit) if ucum else Coding(display=field.unit)
        extensions.append(Extension(url=UNIT, valueCoding=coding))
    return extensions


def _result_group(content: Content) -> QuestionnaireItem:
    """The checklist's result, filled by the app (read-only): worded from checklist.yaml."""
    identity = content.fhir.questionnaire
    ui = content.checklist.ui
    status = QuestionnaireItem(
        linkId=identity.result_status, type="choice", text=ui.result_heading, readOnly=True,
        answerOption=[QuestionnaireItemAnswerOption(valueCoding=Coding(
            system=code_system(content, identity.result_status), code=s, display=ui.status[s].label)) for s in RESULT_STATUSES],
    )
    mirels = QuestionnaireItem(linkId=identity.result_mirels, type="integer", text=ui.mirels_heading, readOnly=True)
    flags = QuestionnaireItem(
        linkId=identity.result_flags, type="choice", text=ui.findings_heading, readOnly=True, repeats=True,
        answerOption=[QuestionnaireItemAnswerOption(valueCoding=Coding(
            system=code_system(content, identity.result_flags), code=rule.id, display=rule.id)) for rule in content.checklist.rules],
    )
    return QuestionnaireItem(linkId=identity.result_group, type="group", text=ui.result_heading, readOnly=True,
                             item=[status, mirels, flags])
