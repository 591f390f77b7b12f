"""A visit as a FHIR R4 Bundle (type collection), and the checklist answers read back from one.

The Bundle holds:
- a QuestionnaireResponse of the checklist answers, naming the Questionnaire's canonical and content
  version; the checklist's result (status, Mirels' score, each flag) is its read-only result group;
- a DocumentReference with the take-home PDF (base64, application/pdf), and one with the
  clinician's note (text/plain), each dated and carrying the content version in an extension.
No resource has a subject: the app knows no patient, and the health record links the Bundle to the
patient when it is imported. The PDF is built without a name, as the note is.
"""

from __future__ import annotations

import base64
import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from fhir.resources.R4B.attachment import Attachment
from fhir.resources.R4B.bundle import Bundle, BundleEntry
from fhir.resources.R4B.codeableconcept import CodeableConcept
from fhir.resources.R4B.coding import Coding
from fhir.resources.R4B.documentreference import DocumentReference, DocumentReferenceContent
from fhir.resources.R4B.extension import Extension
from fhir.resources.R4B.questionnaireresponse import (
    QuestionnaireResponse,
    QuestionnaireResponseItem,
    QuestionnaireResponseItemAnswer,
)
from pydantic import ValidationError

from decision_aid.checklist import Assessment, assess, check_answers
from decision_aid.clinician_note import clinician_note
from decision_aid.content import Content
from decision_aid.content.checklist import BoolField, ChoiceField, NumberField
from decision_aid.handout import build_handout
from decision_aid.session import SessionRecord

from .questionnaire import allows_several, canonical, code_system, group_link_id

PDF = "application/pdf"
TEXT = "text/plain; charset=utf-8"


class BundleReadError(ValueError):
    """A Bundle this module cannot read back; the message says why."""


def build_bundle(content: Content, record: SessionRecord | None, now: dt.datetime | None = None) -> Bundle:
    """The visit's Bundle. Without checklist answers there is no QuestionnaireResponse."""
    record = record or SessionRecord()
    now = now or dt.datetime.now().astimezone()
    resources: list[Any] = []
    answers, _refused = check_answers(record.checklist_answers or {}, content.checklist)
    if answers:
        resources.append(_response(content, answers, assess(answers, content.checklist), now))
    words = content.fhir.documents
    pdf = build_handout(content, record, large_text=record.large_text)
    resources.append(_document(content, words.handout_title, words.handout_file, PDF, pdf, now))
    note = clinician_note(content, record).encode("utf-8")
    resources.append(_document(content, words.note_title, words.note_file, TEXT, note, now))
    return Bundle(
        id=str(uuid.uuid4()), type="collection", timestamp=now,
        entry=[BundleEntry(fullUrl=f"urn:uuid:{r.id}", resource=r) for r in resources],
    )


def bundle_json(content: Content, record: SessionRecord | None, now: dt.datetime | None = None) -> bytes:
    """The Bundle as FHIR JSON (UTF-8), ready to download or write."""
    return build_bundle(content, record, now).model_dump_json(indent=2).encode("utf-8")


def _response(content: Content, answers: dict[str, Any], assessment: Assessment,
              now: dt.datetime) -> QuestionnaireResponse:
    checklist = content.checklist
    groups = []
    for group in checklist.groups:
        items = [answer_item(f, answers[f.key], content) for f in checklist.fields
                 if f.group == group.id and f.key in answers]
        if items:
            groups.append(QuestionnaireResponseItem(linkId=group_link_id(group.id), text=group.label, item=items))
    groups.append(_result_item(content, assessment))
    return QuestionnaireResponse(
        id=str(uuid.uuid4()), questionnaire=canonical(content), status="completed", authored=now, item=groups,
    )


def answer_item(field: Any, value: Any, content: Content) -> QuestionnaireResponseItem:
    """One question's answer; a list (a multi-select) becomes one answer per value."""
    values = value if isinstance(value, (list, tuple)) else [value]
    return QuestionnaireResponseItem(
        linkId=field.key, text=field.label,
        answer=[QuestionnaireResponseItemAnswer(**_answer_value(field, v, content)) for v in values],
    )


def _answer_value(field: Any, value: Any, content: Content) -> dict[str, Any]:
    if isinstance(field, BoolField):
        return {"valueBoolean": value}
    if isinstance(field, ChoiceField):
        return {"valueCoding": Coding(system=code_system(content, field.key), code=str(value),
                                      display=field.label_of(value))}
    if isinstance(field, NumberField):
        # Decimal from the text, so 1.1 stays 1.1 in the record (not a binary float's tail).
        return {"valueInteger": int(value)} if field.integer else {"valueDecimal": Decimal(str(value))}
    return {"valueString": str(value)}


def _result_item(content: Content, assessment: Assessment) -> QuestionnaireResponseItem:
    identity = content.fhir.questionnaire
    ui = content.checklist.ui
    status = QuestionnaireResponseItem(linkId=identity.result_status, text=ui.result_heading, answer=[
        QuestionnaireResponseItemAnswer(valueCoding=Coding(
            system=code_system(content, identity.result_status), code=assessment.status,
            display=ui.status[assessment.status].label))])
    items = [status]
    if assessment.mirels.score is not None:
        items.append(QuestionnaireResponseItem(linkId=identity.result_mirels, text=ui.mirels_heading, answer=[
            QuestionnaireResponseItemAnswer(valueInteger=assessment.mirels.score)]))
    if assessment.findings:
        items.append(QuestionnaireResponseItem(linkId=identity.result_flags, text=ui.findings_heading, answer=[
            QuestionnaireResponseItemAnswer(valueCoding=Coding(
                system=code_system(content, identity.result_flags), code=f.id,
                display=f"{ui.level_label[f.level].label}: {f.title}. {f.action}"))
            for f in assessment.findings]))
    return QuestionnaireResponseItem(linkId=identity.result_group, text=ui.result_heading, item=items)


def _document(content: Content, title: str, file_name: str, mime: str, data: bytes,
              now: dt.datetime) -> DocumentReference:
    version = content.meta.version
    return DocumentReference(
        id=str(uuid.uuid4()),
        status="current",
        type=CodeableConcept(text=title),
        date=now,
        description=f"{title}. {content.fhir.documents.version.format(version=version)}",
        extension=[Extension(url=content.fhir.extensions.content_version, valueString=version)],
        content=[DocumentReferenceContent(attachment=Attachment(
            contentType=mime, data=base64.b64encode(data), title=file_name, creation=now))],
    )


# --- Reading a visit's Bundle back -------------------------------------------------------------------

def read_bundle(text: str | bytes) -> Bundle:
    """Parse a Bundle with the library's models; BundleReadError if it is not one."""
    try:
        return Bundle.model_validate_json(text)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(top level)"
        raise BundleReadError(f"not a valid FHIR Bundle: {where}: {first['msg']}") from None


def answers_from_bundle(bundle: Bundle, content: Content) -> dict[str, Any]:
    """The checklist answers in a visit's Bundle (its QuestionnaireResponse), typed as the checklist
    stores them. An answer to a question this content does not have is refused, naming it."""
    response = next((e.resource for e in bundle.entry or [] if isinstance(e.resource, QuestionnaireResponse)), None)
    if response is None:
        return {}
    by_key = {f.key: f for f in content.checklist.fields}
    identity = content.fhir.questionnaire
    result = {identity.result_status, identity.result_mirels, identity.result_flags}
    answers: dict[str, Any] = {}
    for item in _leaf_items(response.item or []):
        if item.linkId in result:
            continue  # the result is worked out again from the answers, not read back
        field = by_key.get(item.linkId)
        if field is None:
            raise BundleReadError(f"{item.linkId}: not a question of this checklist")
        values = [_read_value(field, a) for a in item.answer or []]
        if values:
            answers[field.key] = values if len(values) > 1 or allows_several(field) else values[0]
    return answers


def documents_from_bundle(bundle: Bundle) -> dict[str, bytes]:
    """Each attached document's bytes, by its content type (application/pdf, text/plain...)."""
    found: dict[str, bytes] = {}
    for entry in bundle.entry or []:
        if isinstance(entry.resource, DocumentReference):
            for part in entry.resource.content:
                mime = part.attachment.contentType.split(";")[0].strip()
                found[mime] = part.attachment.data  # the model decodes base64 on reading
    return found


def _leaf_items(items: list[QuestionnaireResponseItem]) -> list[QuestionnaireResponseItem]:
    leaves = []
    for item in items:
        if item.item:
            leaves += _leaf_items(item.item)
        else:
            leaves.append(item)
    return leaves


def _read_value(field: Any, answer: QuestionnaireResponseItemAnswer) -> Any:
    if isinstance(field, BoolField) and answer.valueBoolean is not None:
        return answer.valueBoolean
    if isinstance(field, ChoiceField) and answer.valueCoding is not None:
        choice = next((c for c in field.choices if str(c.value) == answer.valueCoding.code), None)
        if choice is not None:
            return choice.value
    if isinstance(field, NumberField):
        if answer.valueInteger is not None:
            return answer.valueInteger
        if answer.valueDecimal is not None:
            number = answer.valueDecimal
            return int(number) if field.integer or number == number.to_integral_value() else float(number)
    if answer.valueString is not None and not isinstance(field, (BoolField, ChoiceField, NumberField)):
        return answer.valueString
    raise BundleReadError(f"{field.key}: answer {answer.model_dump_json(exclude_none=True)} does not fit the question")
