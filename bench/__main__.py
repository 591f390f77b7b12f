"""`python -m bench` (`make bench`): measure the app against a bare Streamlit page, write results.md.

Order: rerun cost (AppTest) -> PDF handout -> two servers (app, reference) -> time to visual and
click latency (Chromium, sync API) -> 20 simultaneous journeys (async API) with the app server's
memory -> profiles of whatever missed its target -> table on stdout, bench/results.md and .json.
Timings are reported, never asserted. `--quick` is for checking the benchmark itself.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from streamlit import logger as st_logger

from bench import handout, machine, report, rerun
from bench.report import TARGET_TEXT, Results, Row
from bench.stats import fmt_kb, fmt_mb, fmt_ms, fmt_ratio, median, p95, ratio

if TYPE_CHECKING:  # the browser modules load Playwright: only a run that uses them imports them
    from bench import concurrency

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
REFERENCE = "reference"


def app_pages() -> list[tuple[str, str]]:
    """(page id, URL path) of every page in pages.yaml; invalid content stops the run with its problems."""
    from decision_aid.content import ContentError, load_content

    try:
        pages = load_content(ROOT / "content").pages.pages
    except ContentError as err:
        raise SystemExit("The content has errors (python -m decision_aid check):\n"
                         + "\n".join(str(p) for p in err.problems)) from None
    return [(p.id, p.url_path) for p in pages]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="fewer repetitions (checks the bench, not the app)"
    )
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium measurements")
    parser.add_argument("--sessions", type=int, default=20, help="simultaneous sessions (default 20)")
    parser.add_argument(
        "--pages", help="only these pages, comma-separated (e.g. explainer,evidence); the reference always runs"
    )
    parser.add_argument("--no-crowd", action="store_true", help="skip the simultaneous sessions (and memory)")
    parser.add_argument(
        "--server-crowds", default="100,200",
        help="larger crowds for the server alone, comma-separated (default 100,200; '' for none)",
    )
    parser.add_argument(
        "--server-crowds-only", action="store_true",
        help="only the larger server-alone crowds: no reruns, PDF, browser or 20-session rows",
    )
    parser.add_argument("--no-pdf", action="store_true", help="skip the PDF handout")
    parser.add_argument(
        "--print-only", action="store_true", help="print the table; leave bench/results.md and .json as they are"
    )
    return parser.parse_args(argv)


def _load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg()) + " (1, 5, 15 min)"
    except OSError:
        return "unknown"


def _log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


# ---------------------------------------------------------------- rerun cost (AppTest)
def bench_reruns(
    pages: list[tuple[str, str]], reruns: int, results: Results
) -> dict[str, rerun.RerunSamples]:
    _log(f"rerun cost: reference and {len(pages)} pages, {reruns} reruns each")
    ref_before = rerun.measure(REFERENCE, None, reruns)
    measured = {page_id: rerun.measure(page_id, page_id, reruns) for page_id, _ in pages}
    ref_after = rerun.measure(REFERENCE, None, reruns)  # before and after: drift hits both sides
    ref = ref_before
    ref.script_ms += ref_after.script_ms
    ref.apptest_ms += ref_after.apptest_ms
    measured[REFERENCE] = ref
    if ref.error or not ref.script_ms:
        results.notes.append(f"Reference page failed under AppTest: {ref.error}")
        return measured
    ref_median = median(ref.script_ms)
    for page_id, _ in pages:
        s = measured[page_id]
        if s.error or not s.script_ms:
            results.rows.append(
                Row("Rerun", page_id, "not measured", target=TARGET_TEXT["rerun"], note=s.error or "")
            )
            continue
        m = median(s.script_ms)
        results.rows.append(
            Row(
                "Rerun",
                page_id,
                f"median {fmt_ms(m)}, p95 {fmt_ms(p95(s.script_ms))}",
                reference=f"median {fmt_ms(ref_median)}, p95 {fmt_ms(p95(ref.script_ms))}",
                ratio=fmt_ratio(ratio(m, ref_median)),
                target=TARGET_TEXT["rerun"],
                met=report.rerun_met(m, ref_median),
                note=f"{len(s.script_ms)} reruns after: {s.interaction}; AppTest.run median "
                f"{fmt_ms(median(s.apptest_ms))}; {fmt_kb(int(median(s.message_bytes)))} of messages "
                "per rerun",
            )
        )
    return measured


# ---------------------------------------------------------------- PDF handout
def bench_handout(builds: int, results: Results) -> handout.HandoutSamples:
    _log(f"PDF handout: {builds} builds")
    s = handout.measure(builds)
    if s.unavailable or not s.ms:
        results.rows.append(
            Row("PDF handout", "generic", s.unavailable or "not measured", target=TARGET_TEXT["pdf"])
        )
        return s
    m = median(s.ms)
    results.rows.append(
        Row(
            "PDF handout",
            "generic (no session)",
            f"median {fmt_ms(m)}, {fmt_kb(s.size_bytes)}",
            target=TARGET_TEXT["pdf"],
            met=report.pdf_met(m),
            note=f"{len(s.ms)} builds; first build in the process {fmt_ms(s.first_ms)}",
        )
    )
    return s


# ---------------------------------------------------------------- browser
@dataclass
class Crowds:
    """Simultaneous sessions against one app server: Chromium, then websocket clients alone."""

    browsers: concurrency.ConcurrencyResult
    server_paced: concurrency.ConcurrencyResult
    server_flat_out: concurrency.ConcurrencyResult
    rss_after_close: float | None
    larger: list[Row] = field(default_factory=list)  # 100 and 200 sessions: how many one process serves


def bench_browser(
    pages: list[tuple[str, str]],
    reruns: dict[str, rerun.RerunSamples],
    args: argparse.Namespace,
    results: Results,
) -> None:
    """Time to visual, click to result, memory and simultaneous sessions, each as result rows."""
    from bench.server import StreamlitServer

    rounds, clicks = (3, 8) if args.quick else (5, 20)
    sessions = min(args.sessions, 5) if args.quick else args.sessions
    charts = {k: v.charts for k, v in reruns.items()}
    _log("starting the app and reference servers")
    with StreamlitServer(ROOT / "app.py") as app, StreamlitServer(HERE / "reference_app.py") as ref:
        rss_start = app.rss_mb()
        visual, ref_clicks, app_clicks = _loads_and_clicks(app.url, ref.url, pages, charts, rounds, clicks,
                                                           results)
        rss_warm = app.rss_mb()
        crowds = None if args.no_crowd else _crowds(app, pages, charts, sessions, crowd_sizes(args))
    _visual_rows(visual, pages, results)
    _click_rows(ref_clicks, app_clicks, results)
    if crowds is not None:
        results.rows.append(_memory_row(crowds, sessions, rss_start, rss_warm))
        results.rows += _concurrency_rows(crowds, sessions)


def _loads_and_clicks(app_url: str, ref_url: str, pages: list[tuple[str, str]], charts: dict[str, int],
                      rounds: int, clicks: int, results: Results):
    """In one Chromium: each page loaded `rounds` times, then the checklist and the reference clicked."""
    from playwright.sync_api import sync_playwright

    from bench import browser

    with sync_playwright() as playwright:
        chromium = browser.launch(playwright)
        results.machine["Chromium"] = chromium.version
        context = browser.new_context(chromium)
        _log(f"time to visual: reference and {len(pages)} pages, {rounds} loads each")
        targets = [(REFERENCE, f"{ref_url}/", charts.get(REFERENCE, 1))]
        targets += [(pid, f"{app_url}/{path}", charts.get(pid, 0)) for pid, path in pages]
        visual = {s.subject: s for s in browser.measure_visual(context, targets, rounds)}
        ref_clicks = app_clicks = browser.ClickSamples(subject="checklist", errors=["not asked for"])
        if "checklist" in dict(pages):
            _log(f"click to result: reference checkbox and checklist, {clicks} clicks each")
            ref_clicks = browser.measure_clicks(
                context, REFERENCE, f"{ref_url}/", "checkbox", clicks, charts.get(REFERENCE, 1)
            )
            app_clicks = browser.measure_clicks(
                context, "checklist", f"{app_url}/{dict(pages)['checklist']}", "auto", clicks,
                charts.get("checklist", 0),
            )
        context.close()
        chromium.close()
    return visual, ref_clicks, app_clicks


def _crowds(app, pages: list[tuple[str, str]], charts: dict[str, int], sessions: int,
            larger_sizes: list[int]) -> Crowds:
    from bench import concurrency, ws_crowd

    _log(f"concurrency: {sessions} simultaneous journeys through every page")
    stops = [concurrency.JourneyStop(pid, path, charts.get(pid, 0)) for pid, path in pages]
    browsers = concurrency.run(app.url, stops, sessions, answers=2, read_rss=app.rss_mb, server_pid=app.pid)
    time.sleep(3)  # let the server notice the closed sessions
    rss_after_close = app.rss_mb()
    _log(f"server alone: {sessions} simultaneous websocket sessions, pausing to read, then without pauses")
    return Crowds(
        browsers=browsers,
        server_paced=ws_crowd.run(app.url, pages, sessions, answers=2, server_pid=app.pid, pace=True),
        server_flat_out=ws_crowd.run(app.url, pages, sessions, answers=2, server_pid=app.pid, pace=False),
        rss_after_close=rss_after_close,
        larger=server_crowd_rows(app, pages, larger_sizes),
    )


def _visual_rows(visual: dict, pages: list[tuple[str, str]], results: Results) -> None:
    ref_visual = visual[REFERENCE]
    ref_m = median(ref_visual.ms) if ref_visual.ms else None
    for pid, _ in [(REFERENCE, ""), *pages]:
        s = visual[pid]
        if not s.ms:
            why = s.facts.error or "; ".join(s.errors[:2]) or "no loads"
            results.rows.append(
                Row("Time to visual", pid, "not measured", target=TARGET_TEXT["visual"], note=why)
            )
            continue
        m = median(s.ms)
        is_ref = pid == REFERENCE
        results.rows.append(
            Row(
                "Time to visual",
                pid,
                f"median {fmt_ms(m)}",
                reference="-" if is_ref else f"median {fmt_ms(ref_m)}",
                ratio="-" if is_ref else fmt_ratio(ratio(m, ref_m)),
                target="-" if is_ref else TARGET_TEXT["visual"],
                met=None if is_ref or ref_m is None else report.visual_met(m, ref_m),
                note=f"{len(s.ms)} loads; {s.facts.drawn} chart(s) drawn"
                + (f"; {len(s.errors)} load(s) failed" if s.errors else "")
                + (f"; {s.facts.exceptions} exception(s) shown" if s.facts.exceptions else ""),
            )
        )


def _click_rows(ref_clicks, app_clicks, results: Results) -> None:
    ref_click_m = median(ref_clicks.ms) if ref_clicks.ms else None
    if app_clicks.ms and ref_click_m:
        m = median(app_clicks.ms)
        results.rows.append(
            Row(
                "Click to result",
                "checklist",
                f"median {fmt_ms(m)}, p95 {fmt_ms(p95(app_clicks.ms))}",
                reference=f"median {fmt_ms(ref_click_m)}, p95 {fmt_ms(p95(ref_clicks.ms))}",
                ratio=fmt_ratio(ratio(m, ref_click_m)),
                target=TARGET_TEXT["click"],
                met=report.click_met(m, ref_click_m),
                note=f"{len(app_clicks.ms)} clicks on {app_clicks.what}"
                + (f"; {app_clicks.unchanged} showed no change" if app_clicks.unchanged else "")
                + (f"; errors: {'; '.join(app_clicks.errors[:2])}" if app_clicks.errors else ""),
            )
        )
    elif "not asked for" not in app_clicks.errors:
        why = "; ".join((app_clicks.errors or ref_clicks.errors)[:2]) or "no clicks measured"
        results.rows.append(
            Row("Click to result", "checklist", "not measured", target=TARGET_TEXT["click"], note=why)
        )


def _memory_row(crowds: Crowds, sessions: int, rss_start: float, rss_warm: float) -> Row:
    crowd = crowds.browsers
    per_session = None
    if crowd.rss_with_sessions_mb is not None:
        per_session = (crowd.rss_with_sessions_mb - rss_warm) / max(sessions, 1)
    return Row(
        "Memory",
        "app server",
        f"{fmt_mb(per_session)} per extra session",
        target=TARGET_TEXT["memory"],
        met=None if per_session is None else report.memory_met(per_session),
        note=f"RSS after start {fmt_mb(rss_start)}; warm (after the page loads above) "
        f"{fmt_mb(rss_warm)}; "
        f"with {sessions} sessions open {fmt_mb(crowd.rss_with_sessions_mb)}; "
        f"3 s after they closed {fmt_mb(crowds.rss_after_close)}",
    )


def _concurrency_rows(crowds: Crowds, sessions: int) -> list[Row]:
    """20 browsers on this machine (the target), then the server alone, paced and flat out."""
    crowd = crowds.browsers
    share = (
        f"; the app server used {crowd.server_cpu_share:.0%} of the machine's CPU meanwhile"
        if crowd.server_cpu_share is not None else ""
    )
    rows = [_crowd_row(
        f"{sessions} Chromium sessions", crowd.journeys, crowd.errors, crowd.wall_seconds, share, target=True,
        how="one Chromium, a context per session, on the same cores as the server; pausing to read",
    )]
    for result, subject, how, target in (
        (crowds.server_paced, f"{sessions} sessions, server alone",
         "websocket clients (no browser), pausing to read", True),
        (crowds.server_flat_out, f"{sessions} sessions, server alone, no pauses",
         "websocket clients: each click sent the moment the last is answered", False),
    ):
        cpu = f"; server CPU {result.server_cpu_seconds:.0f} s in {result.wall_seconds:.0f} s" if (
            result.server_cpu_seconds is not None) else ""
        rows.append(_crowd_row(
            subject, result.journeys, result.errors, result.wall_seconds, cpu,
            target=target, how=how,
        ))
    return rows + crowds.larger


def crowd_sizes(args: argparse.Namespace) -> list[int]:
    return [int(n) for n in args.server_crowds.split(",") if n.strip()]


def server_crowd_rows(app, pages: list[tuple[str, str]], sizes: list[int]) -> list[Row]:
    """How many people one app process serves: 100 and 200 websocket sessions pausing to read."""
    from bench import ws_crowd

    rows = []
    for size in sizes:
        _log(f"server alone: {size} simultaneous websocket sessions, pausing to read")
        result = ws_crowd.run(app.url, pages, size, answers=2, server_pid=app.pid, pace=True)
        cpu = ""
        if result.server_cpu_seconds is not None:
            cpu = (f"; server CPU {result.server_cpu_seconds:.0f} s in {result.wall_seconds:.0f} s "
                   f"(one process runs Python on one core at a time)")
        if result.client_cpu_seconds is not None:
            cpu += (f"; the {size} clients themselves used {result.client_cpu_seconds:.0f} s of CPU "
                    "on the same cores")
        rows.append(_crowd_row(
            f"{size} sessions, server alone", result.journeys, result.errors, result.wall_seconds,
            cpu + f"; RSS after {fmt_mb(app.rss_mb())}", target=True,
            how=f"websocket clients (no browser), all joining within {ws_crowd.JOIN_WINDOW_S:g} s, "
            "pausing to read",
        ))
    return rows


def bench_server_crowds_only(args: argparse.Namespace, pages: list[tuple[str, str]],
                             results: Results) -> None:
    from bench.server import StreamlitServer

    _log("starting the app server")
    from bench import ws_crowd

    with StreamlitServer(ROOT / "app.py") as app:
        # The full run has loaded every page in the browser first: warm the server the same way.
        _log("warming the server: one journey through every page")
        ws_crowd.run(app.url, pages, 1, answers=2, pace=False)
        results.rows += server_crowd_rows(app, pages, crowd_sizes(args))


def concurrency_pace() -> str:
    from bench.concurrency import BETWEEN_ANSWERS_S, READ_PAGE_S

    return (f"{READ_PAGE_S[0]:g}-{READ_PAGE_S[1]:g} s on each page, {BETWEEN_ANSWERS_S[0]:g}-"
            f"{BETWEEN_ANSWERS_S[1]:g} s between checklist answers, an assumption")


def _crowd_row(subject: str, journeys, errors: list[str], wall_s: float, extra: str, *, target: bool,
               how: str) -> Row:
    """One row for simultaneous sessions: p95 over every click (page changes and answers)."""
    nav = [ms for j in journeys for ms in j.navigation_ms]
    answers = [ms for j in journeys for ms in j.answer_ms]
    firsts = [j.first_load_ms for j in journeys if j.first_load_ms is not None]
    clicks = nav + answers
    if not clicks:
        return Row("Concurrency", subject, "not measured", target=TARGET_TEXT["concurrency"] if target else "-",
                   met=False if errors else None, note=f"{how}; " + "; ".join(errors[:3]))
    return Row(
        "Concurrency",
        subject,
        f"p95 {fmt_ms(p95(clicks))}, {len(errors)} error(s)",
        target=TARGET_TEXT["concurrency"] if target else "- (stress test)",
        met=report.concurrency_met(p95(clicks), len(errors)) if target else None,
        note=f"{how}; {len(clicks)} interactions (page changes: median {fmt_ms(median(nav)) if nav else '-'}, "
        f"p95 {fmt_ms(p95(nav)) if nav else '-'}; checklist answers: median "
        f"{fmt_ms(median(answers)) if answers else '-'}, p95 {fmt_ms(p95(answers)) if answers else '-'}); "
        f"first load median {fmt_ms(median(firsts)) if firsts else '-'}; all journeys took {wall_s:.0f} s"
        + extra
        + (f"; first errors: {'; '.join(errors[:3])}" if errors else ""),
    )


# ---------------------------------------------------------------- profiles of misses
def profile_misses(results: Results, quick: bool) -> None:
    from bench import profiling

    missed = [r for r in results.rows if r.met is False]
    if not missed:
        return
    _log(f"profiling {len(missed)} missed target(s) with pyinstrument")
    profiling.clear_profiles()  # only this run's profiles stay next to its results
    done: set[str] = set()
    for row in missed:
        try:
            if row.measure == "Rerun" or (row.measure == "Click to result"):
                name = f"rerun-{row.subject}"
                if name in done:
                    continue
                path, spots = profiling.profile_page_reruns(row.subject, 5 if quick else 15, name)
            elif row.measure == "Time to visual":
                name = f"load-{row.subject}"
                path, spots = profiling.profile_page_load(row.subject, 2 if quick else 5, name)
            elif row.measure == "PDF handout":
                from decision_aid.content import load_content

                content = load_content(ROOT / "content")
                name = "handout"
                path, spots = profiling.profile_call(
                    lambda content=content: handout._as_bytes(
                        importlib.import_module("decision_aid.handout").build_handout(content, None)
                    ),
                    3 if quick else 10,
                    name,
                )
            else:
                continue  # memory and concurrency: see the notes in the row
        except Exception as err:
            results.notes.append(
                f"Profiling {row.measure} ({row.subject}) failed: {type(err).__name__}: {err}"
            )
            continue
        done.add(name)
        where = path.relative_to(ROOT) if path else "no profile"
        spots_text = ", ".join(f"{label} {share:.0%}" for label, share in spots) or "no time in watched code"
        results.notes.append(
            f"{row.measure} ({row.subject}) missed; profile `{where}`; hot spots: {spots_text}."
        )


def bench_all(args: argparse.Namespace, pages: list[tuple[str, str]], results: Results) -> None:
    reruns = bench_reruns(pages, 15 if args.quick else 20, results)
    if not args.no_pdf:
        bench_handout(3 if args.quick else 10, results)
    if args.no_browser:
        results.notes.append("Browser measurements skipped (--no-browser).")
    elif not shutil.which("chromium") and not Path("/usr/bin/chromium").exists():
        results.notes.append(
            "Browser measurements skipped: /usr/bin/chromium not found (run `make browser`)."
        )
    else:
        bench_browser(pages, reruns, args, results)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    st_logger.set_log_level("error")  # AppTest's bare-mode warnings are noise here
    started = time.monotonic()
    results = Results(machine=machine.describe())
    results.machine["load average at start"] = _load_average()
    pages = app_pages()
    if args.pages:
        wanted = set(args.pages.split(","))
        pages = [(pid, path) for pid, path in pages if pid in wanted]
    if args.server_crowds_only:
        bench_server_crowds_only(args, pages, results)
    else:
        bench_all(args, pages, results)
    if not args.print_only:  # a partial run leaves the full run's profiles alone
        profile_misses(results, args.quick)
    results.machine["load average at end"] = _load_average()
    run_time = f"{time.monotonic() - started:.0f} s"
    results.machine["bench run time"] = run_time + (" (--quick)" if args.quick else "")
    results.notes += [
        ("Rerun is the time Streamlit's ScriptRunner spends running app.py and the page after one widget "
        "change (measured in the script thread under AppTest); AppTest's own overhead is in the note."),
        ("Time to visual runs from navigation start (performance.now() in the page) until the heading is "
        "shown, the script run has finished, every chart is drawn (a plotly chart has its SVG, a picture "
        "has loaded) and no widget is still loading "
        "(no skeleton), taken at the last change to the page before 300 ms of quiet; each load is a "
        "new session."),
        ("Click to result runs from the pointerdown until the run the click started has finished, the "
        "page's words have changed and the page is drawn as above. Its reference is the checkbox on the "
        "reference page."),
        ("The browser, both servers and the benchmark share the machine: a high load average means "
        "noisy numbers, and 20 Chromium sessions load the 2 cores far more than the server does."),
        ("Simultaneous sessions are measured twice: 20 Chromium sessions on this machine (the issue's "
        "measure; their renderers compete with the server for the same 2 cores), and 20 sessions "
        "driven over the app's websocket without a browser (bench/ws_crowd.py: the server's share of "
        "each click, as when every person's screen draws on its own device). Both pause to read "
        f"between clicks ({concurrency_pace()}); the server is also run with no pauses as a stress test."),
        ("100 and 200 sessions (server alone) say how many people one app process serves before a clinic "
        "needs a second one behind nginx (docs/deploy.md): the same journeys and pauses, every session "
        "joining within 10 s; the clients run in one Python process on the same cores as the server."),
    ]
    json_path, md_path = HERE / "results.json", HERE / "results.md"
    if args.print_only:
        print(report.render_results(results, None))
        return 0
    previous = report.previous_results(json.loads(json_path.read_text()) if json_path.exists() else None)
    kept = report.measured_once(md_path.read_text(encoding="utf-8") if md_path.exists() else None)
    text = report.render_results(results, previous, kept)
    md_path.write_text(text, encoding="utf-8")
    json_path.write_text(json.dumps(results.to_json(), indent=2) + "\n", encoding="utf-8")
    print(text)
    _log(f"written {md_path.relative_to(ROOT)} and {json_path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
