"""The take-home PDF (issue 16): DRAFT on every page until the content version is signed off, the
overdue review, and the clinic's own phone numbers, or blank lines to write them in by hand."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from pypdf import PdfReader

from decision_aid.content import ContentError, load_content
from decision_aid.handout import build_handout
from decision_aid.handout.clinic_block import BLANK

from .session_examples import full_record
from .test_review_status import signed

DAY = dt.date(2026, 11, 27)


def pages(pdf: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.mark.parametrize("with_record", [False, True], ids=["generic", "session"])
def test_draft_on_every_page_while_unsigned(content, with_record):
    record = full_record(content) if with_record else None
    text = pages(build_handout(content, record, today=DAY))
    assert len(text) >= 2
    stamp = content.meta.status_words.draft_stamp
    assert stamp.startswith("DRAFT")
    for page in text:
        assert stamp in page


def test_no_draft_once_this_version_is_signed_off(content_copy, content):
    approved = load_content(content_copy("meta.yaml", change=signed(content.meta.version)))
    text = " ".join(pages(build_handout(approved, None, today=DAY)))
    assert "DRAFT" not in text


def test_an_older_sign_off_keeps_the_draft_stamp(content_copy):
    older = load_content(content_copy("meta.yaml", change=signed("0.9.0")))
    assert all("DRAFT" in page for page in pages(build_handout(older, None, today=DAY)))


def test_overdue_review_is_printed(content_copy, content):
    overdue = load_content(content_copy("meta.yaml", change=lambda m: m.update(
        produced="2020-01-01", last_reviewed="2020-01-01", review_by="2021-01-01")))
    warning = content.evidence.about.review_overdue.format(date="1 January 2021")
    assert " ".join(warning.split()) in " ".join(pages(build_handout(overdue, None, today=DAY)))
    assert "review-by date" not in " ".join(pages(build_handout(content, None, today=DAY)))


def _with_clinic(content_copy):
    root = content_copy("meta.yaml")  # an unchanged copy
    (root / "clinic.yaml").write_text((root / "clinic.example.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return load_content(root)


def test_the_clinic_phone_numbers_are_printed_when_set(content_copy):
    clinic_content = _with_clinic(content_copy)
    clinic = clinic_content.clinic
    words = clinic_content.meta.clinic_words
    text = " ".join(pages(build_handout(clinic_content, full_record(clinic_content), today=DAY)))
    assert f"{words.daytime_phone}: {clinic.daytime_phone}" in text
    assert f"{words.out_of_hours_phone}: {clinic.out_of_hours_phone}" in text
    assert clinic.service_name in text and clinic.procedure_place in text
    assert BLANK not in text


def test_blank_lines_to_write_in_when_the_clinic_has_not_set_them(content):
    assert content.clinic is None  # shipped without a clinic's details
    text = " ".join(pages(build_handout(content, None, today=DAY)))
    words = content.meta.clinic_words
    for label in (words.service_name, words.daytime_phone, words.out_of_hours_phone, words.emergency,
                  words.procedure_place):
        assert f"{label}: {BLANK}" in text
    assert words.write_in in text


def test_a_bad_clinic_file_is_refused_naming_the_field(content_copy):
    root = content_copy("meta.yaml")
    (root / "clinic.yaml").write_text(
        (root / "clinic.example.yaml").read_text(encoding="utf-8").replace('"020 7946 0000"', "call us"),
        encoding="utf-8")
    with pytest.raises(ContentError) as err:
        load_content(root)
    assert [(p.file.endswith("clinic.yaml"), p.field) for p in err.value.problems] == [(True, "daytime_phone")]
