"""Shared fixtures: the shipped content, editable copies of it, and the app under AppTest."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from streamlit.testing.v1 import AppTest

from decision_aid.content import Content, load_content
from decision_aid.page_scripts import page_script

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content(CONTENT)


@pytest.fixture
def content_copy(tmp_path: Path) -> Callable[..., Path]:
    """A copy of the shipped content root; edit(file, fn) changes one file's parsed YAML."""
    root = tmp_path / "content"
    shutil.copytree(CONTENT, root)

    def edit(file: str, change: Callable[[dict], None] | None = None, raw: str | None = None) -> Path:
        path = root / "en" / file
        if raw is not None:
            path.write_text(raw, encoding="utf-8")
        elif change is not None:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            change(data)
            path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
        return root

    return edit


def open_page(page_id: str | None = None, **state) -> AppTest:
    """Run app.py (as Streamlit would), optionally preset session state, then go to a page."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    for key, value in state.items():
        at.session_state[key] = value
    at.run()
    if page_id and page_id != "start":
        at.switch_page(page_script(page_id))
        at.run()
    return at


# Every page in pages.yaml, in its order (tests/test_page_scripts.py: each has its script).
PAGE_IDS = [p.id for p in load_content(CONTENT).pages.pages]
