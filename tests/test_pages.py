"""Every page renders through app.py under AppTest, with its heading and the shared safety line."""

from __future__ import annotations

import pytest

from .conftest import PAGE_IDS, open_page


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_page_renders_heading_and_safety_line(page_id, content):
    at = open_page(page_id)
    assert not at.exception, at.exception
    text = next(p for p in content.pages.pages if p.id == page_id)
    assert at.title[0].value == text.heading
    captions = " ".join(c.value for c in at.caption)
    assert content.meta.safety_line in captions
    assert content.meta.version in captions


def test_broken_content_shows_error_not_traceback(content_copy, monkeypatch):
    root = content_copy("outcomes.yaml", change=lambda d: d["outcomes"][0].update(low=100, high=None))
    monkeypatch.setenv("DECISION_AID_CONTENT", str(root))
    at = open_page()
    assert not at.exception
    assert "content of this tool has errors" in at.error[0].value
    assert "outcomes.yaml: outcomes[0].low: must be <= count" in at.code[0].value
    assert not at.title, "no half-rendered page"


def test_start_over_clears_every_answer():
    # AppTest drops the entry script's sidebar after switch_page, so this runs on the start page;
    # the browser tests press Start over on every page.
    at = open_page("start", da_large_text=True, da_questions="Will it hurt?")
    start_over = next(b for b in at.sidebar.button if b.label == "Start over")
    start_over.click().run()
    left = {k: at.session_state[k] for k in at.session_state if str(k).startswith("da_")}
    assert not any(left.values()), left
    # AppTest hides the entry script's sidebar after this rerun (see docs/architecture.md), so the
    # "cleared" message and the reset page are checked in the browser tests.
