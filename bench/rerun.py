"""Rerun cost under AppTest: time of the script run after one interaction, per page and reference.

Two clocks per rerun: `script` is the time Streamlit's ScriptRunner spends running the page (what a
server spends per interaction), `apptest` is the whole `AppTest.run()` including AppTest's own
bookkeeping. The script clock is the headline; both are measured the same way for the reference.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from streamlit.proto.WidgetStates_pb2 import WidgetState
from streamlit.runtime.scriptrunner.script_runner import ScriptRunner
from streamlit.testing.v1 import AppTest, local_script_runner

from decision_aid.page_scripts import page_script

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
REFERENCE = Path(__file__).resolve().parent / "reference_app.py"
WARMUP_RERUNS = 2


@dataclass
class RerunSamples:
    subject: str
    interaction: str
    script_ms: list[float] = field(default_factory=list)
    apptest_ms: list[float] = field(default_factory=list)
    message_bytes: list[int] = field(default_factory=list)
    charts: int = 0  # plotly charts and pictures the page shows (the browser waits for this many to draw)
    error: str | None = None


@dataclass
class _Clock:
    script_ms: list[float] = field(default_factory=list)
    message_bytes: list[int] = field(default_factory=list)


@contextmanager
def script_clock() -> Iterator[_Clock]:
    """Time every ScriptRunner._run_script (it runs in the script thread) and size its messages."""
    clock = _Clock()
    original_run = ScriptRunner._run_script
    original_parse = local_script_runner.parse_tree_from_messages

    def timed_run(self, rerun_data):
        start = time.perf_counter()
        try:
            return original_run(self, rerun_data)
        finally:
            clock.script_ms.append((time.perf_counter() - start) * 1000)

    def sized_parse(messages):
        clock.message_bytes.append(sum(m.ByteSize() for m in messages))
        return original_parse(messages)

    ScriptRunner._run_script = timed_run
    local_script_runner.parse_tree_from_messages = sized_parse
    try:
        yield clock
    finally:
        ScriptRunner._run_script = original_run
        local_script_runner.parse_tree_from_messages = original_parse


def open_app(page_id: str | None) -> AppTest:
    """As tests.conftest.open_page: run app.py, then switch to the page (None: the reference page)."""
    if page_id is None:
        at = AppTest.from_file(str(REFERENCE), default_timeout=30)
        at.run()
        return at
    at = AppTest.from_file(str(APP), default_timeout=30)
    at.run()
    if page_id != "start":
        at.switch_page(page_script(page_id))
        at.run()
    return at


def _force_choice(widget, option_text: str, *, as_list: bool = False) -> None:
    """Select an option by its shown text, whatever the page's format_func maps it from.

    AppTest's set_value wants the underlying value; the frontend sends the shown text, so we do too.
    """
    state = WidgetState(id=widget.id)
    if as_list:  # segmented control / pills
        state.string_array_value.data[:] = [option_text]
    else:
        state.string_value = option_text
    name = f"Bench{type(widget).__name__}"
    forced = type(name, (type(widget),), {"_widget_state": property(lambda _: state)})
    widget.__class__ = forced


def interact(at: AppTest, round_no: int) -> str:
    """Change one widget in the page's main area (not in a form), as a user would; name what changed.

    Order (as the browser benchmark's 'auto' click): radio, segmented control, checkbox, toggle, then
    selectbox. Choices alternate between the first two options. With none, it is a plain rerun.
    """
    main = at.main
    for radio in main.radio:
        if not radio.form_id and len(radio.options) >= 2:
            _force_choice(radio, radio.options[round_no % 2])
            return f"radio '{radio.label}'"
    for group in main.segmented_control:
        if not group.form_id and len(group.options) >= 2:
            _force_choice(group, group.options[round_no % 2], as_list=True)
            return f"segmented control '{group.label}'"
    for kind in ("checkbox", "toggle"):
        for box in getattr(main, kind):
            if not box.form_id:
                box.set_value(not box.value)
                return f"{kind} '{box.label}'"
    for select in main.selectbox:
        if not select.form_id and len(select.options) >= 2:
            _force_choice(select, select.options[round_no % 2])
            return f"selectbox '{select.label}'"
    return "none (no widget on the page yet: plain rerun)"


def measure(subject: str, page_id: str | None, reruns: int) -> RerunSamples:
    """Open the page, then `reruns` interactions (after a short warm-up), timing each rerun."""
    samples = RerunSamples(subject=subject, interaction="")
    try:
        at = open_app(page_id)
        if at.exception:
            samples.error = f"page raised: {at.exception[0].message}"
            return samples
        if not at.title:
            shown = at.error[0].value if at.error else "nothing"
            samples.error = f"page shows no heading (it shows: {shown[:80]})"
            return samples
        samples.charts = len(at.get("plotly_chart")) + len(at.get("image"))  # pictures count as charts
        with script_clock() as clock:
            for round_no in range(WARMUP_RERUNS + reruns):
                samples.interaction = interact(at, round_no)
                clock.script_ms.clear()
                clock.message_bytes.clear()
                start = time.perf_counter()
                at.run()
                wall = (time.perf_counter() - start) * 1000
                if at.exception:
                    samples.error = f"rerun raised: {at.exception[0].message}"
                    return samples
                if round_no >= WARMUP_RERUNS:
                    samples.apptest_ms.append(wall)
                    samples.script_ms.append(sum(clock.script_ms))
                    samples.message_bytes.append(sum(clock.message_bytes))
    except Exception as err:  # a broken page is a result to report, not a crash of the benchmark
        samples.error = f"{type(err).__name__}: {err}"
    return samples
