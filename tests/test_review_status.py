"""Review status (issue 16): a draft banner on every page until this content version is signed off,
DRAFT in the note, who approved it on /evidence, an overdue review on every page, and the content
model refusing a review-by date before the last review."""

from __future__ import annotations

import datetime as dt

import pytest

from decision_aid import review_status
from decision_aid.clinician_note import clinician_note
from decision_aid.content import ContentError, load_content
from decision_aid.content.loading import CONTENT_ENV

from .conftest import PAGE_IDS, open_page


def signed(version: str):
    def change(meta: dict) -> None:
        meta["sign_offs"] = [{"name": "Dr Test Reviewer", "role": "Clinical lead", "date": "2026-11-28",
                              "content_version": version}]
    return change


def _markdown(at) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_shipped_content_has_no_sign_off_and_says_who_wrote_it(content):
    assert content.meta.sign_offs == []
    assert review_status.approval(content) is None
    assert "no clinical credentials" in content.meta.authors


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_draft_banner_on_every_page_without_a_sign_off(page_id, content):
    at = open_page(page_id)
    assert not at.exception, at.exception
    assert content.meta.status_words.draft_banner in _markdown(at)


def test_no_draft_banner_with_a_sign_off_for_this_version(content_copy, monkeypatch, content):
    monkeypatch.setenv(CONTENT_ENV, str(content_copy("meta.yaml", change=signed(content.meta.version))))
    for page_id in ("start", "summary"):
        at = open_page(page_id)
        assert not at.exception, at.exception
        assert content.meta.status_words.draft_banner not in _markdown(at)


def test_a_sign_off_for_an_older_version_does_not_count(content_copy, monkeypatch, content):
    root = content_copy("meta.yaml", change=signed("0.9.0"))
    monkeypatch.setenv(CONTENT_ENV, str(root))
    assert review_status.approval(load_content(root)) is None
    at = open_page("options")
    assert content.meta.status_words.draft_banner in _markdown(at)
    assert "DRAFT" in clinician_note(load_content(root), None)


def test_evidence_page_names_who_approved_this_version_and_when(content_copy, monkeypatch, content):
    monkeypatch.setenv(CONTENT_ENV, str(content_copy("meta.yaml", change=signed(content.meta.version))))
    text = _markdown(open_page("evidence"))
    assert "Dr Test Reviewer (Clinical lead) on 28 November 2026" in text
    assert f"content version {content.meta.version}" in text


def test_evidence_page_says_no_one_has_approved_the_shipped_content(content):
    text = _markdown(open_page("evidence"))
    assert content.meta.status_words.not_approved.format(version=content.meta.version) in text


def test_note_says_draft_until_signed_and_names_the_approver_after(content_copy, content):
    assert content.meta.status_words.draft_note.format(version=content.meta.version) in clinician_note(content, None)
    approved = load_content(content_copy("meta.yaml", change=signed(content.meta.version)))
    note = clinician_note(approved, None)
    assert "DRAFT" not in note
    assert "approved for use at this service by Dr Test Reviewer (Clinical lead) on 28 November 2026" in note


def _overdue(meta: dict) -> None:
    meta.update(produced="2020-01-01", last_reviewed="2020-01-01", review_by="2021-01-01")


@pytest.mark.parametrize("page_id", ["start", "explainer", "summary"])
def test_overdue_review_shows_on_every_page(page_id, content_copy, monkeypatch, content):
    monkeypatch.setenv(CONTENT_ENV, str(content_copy("meta.yaml", change=_overdue)))
    at = open_page(page_id)
    expected = content.evidence.about.review_overdue.format(date="1 January 2021")
    assert [w.value for w in at.warning].count(expected) == 1


def test_overdue_review_is_in_the_note(content_copy, content):
    overdue = load_content(content_copy("meta.yaml", change=_overdue))
    expected = content.evidence.about.review_overdue.format(date="1 January 2021")
    assert expected in clinician_note(overdue, None)
    assert expected not in clinician_note(content, None)


def test_review_by_before_last_reviewed_is_refused(content_copy):
    root = content_copy("meta.yaml", change=lambda m: m.update(last_reviewed="2026-11-27", review_by="2026-01-01"))
    with pytest.raises(ContentError) as err:
        load_content(root)
    assert any(p.field == "review_by" and "earlier than last_reviewed" in p.message for p in err.value.problems)


def test_a_sign_off_must_name_a_version(content_copy):
    root = content_copy("meta.yaml", change=lambda m: m.update(
        sign_offs=[{"name": "Dr X", "role": "Lead", "date": "2026-11-28", "content_version": "latest"}]))
    with pytest.raises(ContentError) as err:
        load_content(root)
    assert any(p.field == "sign_offs[0].content_version" for p in err.value.problems)


def test_start_page_says_the_clinic_has_not_set_its_details(content, content_copy, monkeypatch):
    captions = [c.value for c in open_page("start").caption]
    assert content.meta.clinic_words.not_set in captions
    root = content_copy("meta.yaml")  # an unchanged copy
    (root / "clinic.yaml").write_text((root / "clinic.example.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setenv(CONTENT_ENV, str(root))
    assert content.meta.clinic_words.not_set not in [c.value for c in open_page("start").caption]


def test_today_is_before_the_shipped_review_date(content):
    # The overdue tests above would pass for the wrong reason if the shipped content were overdue.
    assert review_status.overdue_line(content, dt.date.today()) is None
