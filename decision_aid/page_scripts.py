"""Where a page's script lives: `pages/<id>.py`, one for each page id in pages.yaml.

pages.yaml says which pages exist (id, URL, labels, order); this is the only place that turns an
id into a file. Adding a page is two edits: its entry in pages.yaml and its script in pages/.
"""

from __future__ import annotations

from pathlib import Path

APP_DIR = Path(__file__).resolve().parents[1]
PAGES_DIR = "pages"


def page_script(page_id: str) -> str:
    """The page's script relative to app.py, as st.switch_page, st.page_link and AppTest expect it."""
    return f"{PAGES_DIR}/{page_id}.py"


def page_script_path(page_id: str) -> Path:
    """The page's script as an absolute path (st.Page runs it from any working directory)."""
    return APP_DIR / page_script(page_id)


def script_page_ids() -> set[str]:
    """The page ids that have a script in pages/."""
    return {path.stem for path in (APP_DIR / PAGES_DIR).glob("*.py")}
