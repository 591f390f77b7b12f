"""Where the time goes when a target is missed: pyinstrument profiles and a short list of hot spots.

The script runs in Streamlit's script thread, which a profiler started in the main thread does not
see; so a profiler is started inside each `ScriptRunner._run_script` and the sessions combined.
Full profiles go to bench/profiles/ (text); the hot spots go into results.md.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

from pyinstrument import Profiler
from pyinstrument.renderers import ConsoleRenderer
from pyinstrument.session import Session
from streamlit.runtime.scriptrunner.script_runner import ScriptRunner

from bench import rerun

ROOT = Path(__file__).resolve().parents[1]
PROFILES = Path(__file__).resolve().parent / "profiles"
# Our own code: a hot spot there is one we can act on. The library frames below it (plotly, fpdf,
# Streamlit) are in the full profile file.
WATCHED = ("decision_aid/", "pages/", "app.py", "bench/reference_app.py")
# A frame that takes (nearly) all the time is the entry point (the page script, build_handout), not news.
ENTRY_SHARE = 0.95


@contextmanager
def _profile_script_thread(sessions: list[Session]):
    original = ScriptRunner._run_script

    def profiled(self, rerun_data):
        profiler = Profiler(interval=0.0005)
        profiler.start()
        try:
            return original(self, rerun_data)
        finally:
            sessions.append(profiler.stop())

    ScriptRunner._run_script = profiled
    try:
        yield
    finally:
        ScriptRunner._run_script = original


def _combine(sessions: list[Session]) -> Session | None:
    if not sessions:
        return None
    combined = sessions[0]
    for s in sessions[1:]:
        combined = Session.combine(combined, s)
    return combined


def hot_spots(session: Session, top: int = 6) -> list[tuple[str, float]]:
    """(our function and where it is, share of the profiled time), largest first.

    A function's time counts once per call stack (recursion is not double-counted); entry points
    that take nearly all of the time are left out.
    """
    root = session.root_frame()
    if root is None or root.time <= 0:
        return []
    totals: dict[str, float] = {}

    def walk(frame, on_stack: frozenset[str]) -> None:
        path = (frame.file_path or "").replace("\\", "/")
        name = f"{frame.class_name}.{frame.function}" if frame.class_name else frame.function
        label = f"{name} ({_short(path)}:{frame.line_no})"
        here = on_stack
        if any(w in path for w in WATCHED) and label not in on_stack:
            totals[label] = totals.get(label, 0.0) + frame.time
            here = on_stack | {label}
        for child in frame.children:
            walk(child, here)

    walk(root, frozenset())
    shares = [(label, t / root.time) for label, t in totals.items() if not label.startswith("<module>")]
    shares = [(label, share) for label, share in shares if share < ENTRY_SHARE]
    return sorted(shares, key=lambda kv: kv[1], reverse=True)[:top]


def _short(path: str) -> str:
    for marker in ("site-packages/", str(ROOT).replace("\\", "/") + "/"):
        if marker in path:
            return path.split(marker, 1)[1]
    return path


def clear_profiles() -> None:
    for old in PROFILES.glob("*.txt"):
        old.unlink()


def _write(name: str, session: Session) -> Path:
    PROFILES.mkdir(exist_ok=True)
    out = PROFILES / f"{name}.txt"
    text = ConsoleRenderer(unicode=False, color=False, show_all=False).render(session)
    out.write_text(text, encoding="utf-8")
    return out


def profile_page_reruns(
    page_id: str | None, reruns: int, name: str
) -> tuple[Path | None, list[tuple[str, float]]]:
    """Profile the same interaction-and-rerun the rerun benchmark times."""
    sessions: list[Session] = []
    at = rerun.open_app(page_id)
    with _profile_script_thread(sessions):
        for n in range(reruns):
            rerun.interact(at, n)
            at.run()
    session = _combine(sessions)
    if session is None:
        return None, []
    return _write(name, session), hot_spots(session)


def profile_page_load(page_id: str, loads: int, name: str) -> tuple[Path | None, list[tuple[str, float]]]:
    """Profile a fresh session's first run of a page (what the server does before the first paint)."""
    sessions: list[Session] = []
    with _profile_script_thread(sessions):
        for _ in range(loads):
            rerun.open_app(page_id)
    session = _combine(sessions)
    if session is None:
        return None, []
    return _write(name, session), hot_spots(session)


def profile_call(fn: Callable[[], object], calls: int, name: str) -> tuple[Path, list[tuple[str, float]]]:
    profiler = Profiler(interval=0.0005)
    profiler.start()
    try:
        for _ in range(calls):
            fn()
    finally:
        session = profiler.stop()
    return _write(name, session), hot_spots(session)
