"""FHIR in the browser: the visit's Bundle downloaded from /summary and read back; a FHIR file of lab
results uploaded on /checklist fills INR, platelets and neutrophils, with their dates."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from decision_aid.checklist import parse_answers
from decision_aid.fhir.bundle import answers_from_bundle, documents_from_bundle, read_bundle
from tests.fhir_examples import bundle_of, observation

from .conftest import SCREENSHOTS, AppDriver
from .visit import answer_checklist

pytestmark = pytest.mark.browser


def test_bundle_downloaded_from_summary_reads_back(app: AppDriver, content):
    app.open("checklist")
    answer_checklist(app, content, navigate=False)
    app.go("summary")
    button = app.main().get_by_role("button", name=content.fhir.ui.download_label)
    button.scroll_into_view_if_needed()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    app.page.screenshot(path=str(SCREENSHOTS / "summary-fhir-download.png"))
    with app.page.expect_download() as info:
        button.click()
    download = info.value
    assert download.suggested_filename == content.fhir.documents.bundle_file
    bundle = read_bundle(Path(download.path()).read_bytes())
    given = {"inr": 1.1, "platelets": 210, "systemic_infection": False, "site_skin_infection": False,
             "image_guidance_available": True, "tumour_in_needle_path": False}
    assert answers_from_bundle(bundle, content) == parse_answers(given, content.checklist)
    documents = documents_from_bundle(bundle)
    assert documents["application/pdf"].startswith(b"%PDF-")
    assert "INR" in documents["text/plain"].decode("utf-8")
    app.assert_no_error_shown()


def test_fhir_file_uploaded_on_checklist_fills_the_labs(app: AppDriver, content):
    today = dt.date.today()
    old = today - dt.timedelta(days=content.fhir.stale_after_days + 2)
    data = json.dumps(bundle_of(
        observation("inr", "34714-6", 1.2, "{INR}", today),
        observation("plt", "26515-7", 180000, "/uL", old),
        observation("anc", "751-8", 3.4, "10*9/L", today),
    )).encode()
    app.open("checklist")
    uploader = app.main().get_by_test_id("stFileUploader")
    expect(uploader).to_contain_text(content.fhir.ui.upload_label)
    uploader.locator("input[type=file]").set_input_files(
        files=[{"name": "labs.json", "mimeType": "application/json", "buffer": data}])
    app.wait_idle("checklist")
    label = {f.key: f.label for f in content.checklist.fields}
    unit = {f.key: getattr(f, "unit", None) for f in content.checklist.fields}
    expect(app.main().get_by_role("spinbutton", name=label["inr"], exact=True)).to_have_value("1.2")
    expect(app.main().get_by_role("spinbutton", name=f"{label['platelets']} ({unit['platelets']})",
                                  exact=True)).to_have_value("180")
    expect(app.main().get_by_role("spinbutton", name=f"{label['anc']} ({unit['anc']})",
                                  exact=True)).to_have_value("3.4")
    words = content.fhir.ui
    text = app.main().inner_text()
    assert f"measured {old.strftime(words.date_format)}" in text
    assert f"measured {today.strftime(words.date_format)}" in text
    assert words.stale.format(days=content.fhir.stale_after_days).replace("**", "") in text
    # The file is let go: the uploader is empty again.
    expect(uploader.get_by_text("labs.json")).to_have_count(0)
    app.assert_no_error_shown()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    app.page.screenshot(path=str(SCREENSHOTS / "checklist-filled-from-fhir.png"))
