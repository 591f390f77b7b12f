"""The draft banner in the browser (issue 16): on every page while the content version has no
clinical sign-off, gone once it has one (and the evidence page then names who approved it)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from .conftest import PAGE_IDS, ROOT, AppDriver, NewContext, run_streamlit
from .test_pages_browser import full_page_screenshot

pytestmark = pytest.mark.browser


def _banner(content) -> str:
    return content.meta.status_words.draft_banner


def test_draft_banner_on_every_page_while_unsigned(app: AppDriver, content):
    app.open("start")
    for page_id in PAGE_IDS:
        app.go(page_id)
        banner = app.main().get_by_role("note").filter(has_text=_banner(content))
        expect(banner).to_have_count(1)
        expect(banner).to_be_visible()
    app.go("start")
    expect(app.main().get_by_text(content.meta.clinic_words.not_set.split(" (")[0])).to_be_visible()
    full_page_screenshot(app.page, "draft-banner-start")


def test_no_draft_banner_once_this_version_is_signed_off(new_context: NewContext, tmp_path: Path, content):
    root = tmp_path / "content"
    shutil.copytree(ROOT / "content", root)
    meta_path = root / "en" / "meta.yaml"
    meta = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
    meta["sign_offs"] = [{"name": "Dr Test Reviewer", "role": "Clinical lead", "date": "2026-11-28",
                          "content_version": meta["version"]}]
    meta_path.write_text(yaml.safe_dump(meta, sort_keys=False, allow_unicode=True), encoding="utf-8")
    with run_streamlit(ROOT / "app.py", tmp_path, tmp_path / "signed.log",
                       env={"DECISION_AID_CONTENT": str(root)}) as signed:
        app = AppDriver.new(new_context, signed)
        for page_id in ("start", "options", "evidence"):
            app.open(page_id)
            expect(app.main().get_by_text(_banner(content))).to_have_count(0)
        expect(app.main().get_by_text("by Dr Test Reviewer (Clinical lead) on 28 November 2026")).to_be_visible()
