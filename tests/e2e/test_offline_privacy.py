"""Offline and private on a shared clinic screen, proved in the browser.

- Nothing the browser asks for leaves this machine.
- Two people using the app at once see only their own answers.
- Start over returns every page to its first state.
- Nothing typed about a patient reaches the disk.
- A crash shows no traceback; broken content shows a plain message, not half a page.
"""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from .conftest import (
    LOCAL_HOSTS,
    PAGE_IDS,
    ROOT,
    AppDriver,
    NewContext,
    Server,
    page_heading,
    run_streamlit,
    ui_text,
    wait_idle,
)
from .visit import NAME_ON_SHEET, QUESTION, agree_next_step, answer_checklist, rate_priorities

pytestmark = pytest.mark.browser


def _visit_every_page(app: AppDriver) -> dict[str, dict]:
    """Follow the side links to every page; what each showed."""
    return {page_id: (app.go(page_id), app.state())[1] for page_id in PAGE_IDS}


def test_no_request_leaves_this_machine(app: AppDriver, content):
    app.open("start")
    _visit_every_page(app)
    app.set_large_text(True)
    _visit_every_page(app)
    answer_checklist(app, content)
    rate_priorities(app, content)
    agree_next_step(app, content)
    app.start_over()
    hosts = {u.split("/")[2] for u in app.requests.urls if "://" in u}
    assert any("/_stcore/stream" in u for u in app.requests.urls), "the websocket must be recorded too"
    assert len(app.requests.urls) > 10, app.requests.urls  # the recorder really saw the traffic
    assert not app.requests.external(), f"requests to other hosts: {app.requests.external()} (hosts {hosts})"


def test_two_sessions_at_once_see_only_their_own_answers(new_context: NewContext, server: Server, content):
    first = AppDriver.new(new_context, server)
    second = AppDriver.new(new_context, server)
    label = content.priorities.page.questions_label
    first.open("priorities")
    second.open("priorities")
    first.write(label, QUESTION)
    first.set_large_text(True)
    second.page.reload()
    wait_idle(second.page, page_heading("priorities"), after_action=False)
    expect(second.main().get_by_label(label, exact=True)).to_have_value("")
    second.write(label, "Second person's own question")
    expect(first.main().get_by_label(label, exact=True)).to_have_value(QUESTION)
    for driver, own, other in ((first, QUESTION, "Second person's own question"),
                               (second, "Second person's own question", QUESTION)):
        driver.go("summary")
        summary_text = driver.main().inner_text()
        assert own in summary_text
        assert other not in summary_text
    big = first.page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    small = second.page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert big > small, "large text in one session must not change the other"


def test_start_over_returns_every_page_to_first_state(app: AppDriver, content):
    app.open("start")
    first = _visit_every_page(app)
    answer_checklist(app, content)
    rate_priorities(app, content)
    agree_next_step(app, content)
    app.set_large_text(True)
    changed = _visit_every_page(app)
    assert changed["summary"] != first["summary"], "the visit must have changed the summary"
    # Pressed with the patient's answers on screen: they must go from the screen too.
    app.go("priorities")
    app.start_over()
    expect(app.page.get_by_role("heading", level=1)).to_have_text([page_heading("start")])
    expect(app.sidebar().get_by_text(ui_text("start_over_done"))).to_be_visible()
    expect(app.sidebar().get_by_role("switch", name=ui_text("large_text"))).not_to_be_checked()
    after = _visit_every_page(app)
    for page_id in PAGE_IDS:
        assert after[page_id] == first[page_id], (
            f"{page_id} did not return to its first state:\n{_difference(first[page_id], after[page_id])}")
    summary = after["summary"]["text"]
    assert QUESTION not in summary and NAME_ON_SHEET not in summary
    assert content.summary.page.not_discussed in summary


def _difference(before: dict, after: dict) -> str:
    lines = [f"field {a} != {b}" for a, b in zip(before["fields"], after["fields"]) if a != b]
    if len(before["fields"]) != len(after["fields"]):
        lines.append(f"{len(before['fields'])} fields before, {len(after['fields'])} after")
    words = difflib.ndiff(before["text"].split(". "), after["text"].split(". "))
    return "\n".join(lines + [w for w in words if w[:1] in "+-"])


# --- Nothing written to disk -------------------------------------------------------------------

SKIP_DIRS = {".git", ".venv", "test-artifacts", "__pycache__", ".pytest_cache", ".hypothesis", ".ruff_cache"}
MARKERS = [QUESTION.split()[-1], NAME_ON_SHEET]


def _tree(root: Path) -> dict[str, tuple[float, int]]:
    """Every file under root (but caches, the venv and test artefacts), with its mtime and size."""
    found: dict[str, tuple[float, int]] = {}
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
        for name in filenames:
            path = Path(dirpath) / name
            try:
                stat = path.stat()
            except OSError:
                continue
            found[str(path.relative_to(root))] = (stat.st_mtime, stat.st_size)
    return found


def _git_status() -> str:
    return subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=ROOT,
                          capture_output=True, text=True, check=False).stdout


def _files_with_markers(root: Path, since: float) -> list[str]:
    """Files changed since `since` that contain anything the patient typed (bounded read)."""
    hits = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in {".git", ".venv", "node_modules"}]
        for name in filenames:
            path = Path(dirpath) / name
            try:
                if path.is_symlink() or path.stat().st_mtime < since or path.stat().st_size > 5_000_000:
                    continue
                data = path.read_bytes()
            except OSError:
                continue
            if any(m.encode() in data for m in MARKERS):
                hits.append(str(path))
    return hits


def test_nothing_about_a_patient_is_written_to_disk(app: AppDriver, server: Server, content):
    tree_before, status_before = _tree(ROOT), _git_status()
    server_tmp_before = sorted(p.name for p in server.tmpdir.rglob("*"))
    started = time.time()
    app.open("start")
    answer_checklist(app, content)
    rate_priorities(app, content)
    agree_next_step(app, content)
    with app.page.expect_download():
        app.main().get_by_role("button", name=content.summary.page.download_label).click()
    app.start_over()
    tree_after, status_after = _tree(ROOT), _git_status()
    changed = sorted(k for k in tree_before.keys() | tree_after.keys() if tree_before.get(k) != tree_after.get(k))
    assert not changed, f"files in the working tree changed during a visit: {changed}"
    assert status_after == status_before
    assert sorted(p.name for p in server.tmpdir.rglob("*")) == server_tmp_before, "the app wrote temp files"
    # Anywhere else the app could reach: the system temp folder and the home folder.
    for place in {Path(tempfile.gettempdir()), Path("/tmp"), Path.home()}:
        hits = [h for h in _files_with_markers(place, started) if "test-artifacts" not in h
                and not h.startswith(str(server.log))]
        assert not hits, f"what the patient typed was written to {hits}"


# --- No traceback, no half page --------------------------------------------------------------------

def _shipped_option(name: str) -> str:
    """An option as the served app reads it: Streamlit parses .streamlit/config.toml from its cwd."""
    code = f"import streamlit.config as c; print(c.get_option({name!r}))"
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          check=True).stdout.strip()


def _leaves_machine(url: str) -> bool:
    return url.startswith("http") and urlsplit(url).hostname not in LOCAL_HOSTS


def test_error_details_are_hidden_from_patients(new_context: NewContext, tmp_path: Path):
    assert _shipped_option("client.showErrorDetails") == "none"
    assert _shipped_option("client.showErrorLinks") == "False"
    assert _shipped_option("browser.gatherUsageStats") == "False"
    # A page that crashes, served with the shipped config: the patient sees no traceback or detail.
    script = tmp_path / "crash.py"
    script.write_text('import streamlit as st\nst.title("Crash")\n'
                      'raise RuntimeError("secret-detail /home/clinic/patient.py line 12")\n')
    with run_streamlit(script, tmp_path, tmp_path / "crash.log") as crash:
        driver = AppDriver.new(new_context, crash)
        driver.page.goto(crash.base_url)
        wait_idle(driver.page, "Crash", after_action=False)
        body = driver.page.locator("body").inner_text()
        assert "Crash" in body, "the page ran"
        assert "secret-detail" not in body and "Traceback" not in body and "RuntimeError" not in body
        # No links that would carry the error off this machine.
        hrefs = driver.page.locator("a[href]").evaluate_all("links => links.map(a => a.href)")
        assert not [h for h in hrefs if _leaves_machine(h)], hrefs


def test_broken_content_shows_a_plain_message_not_half_a_page(new_context: NewContext, tmp_path: Path):
    root = tmp_path / "content"
    shutil.copytree(ROOT / "content", root)
    outcomes = root / "en" / "outcomes.yaml"
    outcomes.write_text(outcomes.read_text(encoding="utf-8") + "\nnot_a_field: oops\n", encoding="utf-8")
    with run_streamlit(ROOT / "app.py", tmp_path, tmp_path / "broken.log",
                       env={"DECISION_AID_CONTENT": str(root)}) as broken:
        driver = AppDriver.new(new_context, broken)
        for page_id in ("start", "summary"):
            driver.page.goto(broken.base_url + ("/" if page_id == "start" else f"/{page_id}"))
            driver.page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')
            alert = driver.page.get_by_test_id("stAlertContentError")
            expect(alert).to_contain_text("content of this tool has errors")
            expect(driver.main().get_by_text("outcomes.yaml")).to_be_visible()
            expect(driver.page.get_by_role("heading", level=1)).to_have_count(0)
            assert "Traceback" not in driver.page.locator("body").inner_text()
