"""The benchmark's own helpers (not timings): statistics, targets, the table, the in-page JavaScript,
and the AppTest interaction it times. `make bench` runs the benchmark itself."""

from __future__ import annotations

import subprocess
from pathlib import Path

import playwright
import pytest

from bench import js, report, rerun, stats
from bench.report import (
    MEASURED_ONCE,
    Results,
    Row,
    measured_once,
    previous_results,
    render_results,
    render_table,
)


def test_median_and_p95_by_nearest_rank():
    samples = [float(n) for n in range(20, 0, -1)]  # unsorted on purpose
    assert stats.median(samples) == 10.5
    assert stats.p95(samples) == 19.0
    assert stats.p95([float(n) for n in range(1, 16)]) == 15.0  # with 15 samples p95 is the largest
    assert stats.p95([7.0]) == 7.0


def test_statistics_of_nothing_are_refused():
    with pytest.raises(ValueError):
        stats.median([])
    with pytest.raises(ValueError):
        stats.p95([])


def test_ratio_is_missing_without_a_usable_reference():
    assert stats.ratio(30.0, 10.0) == 3.0
    assert stats.ratio(30.0, 0.0) is None
    assert stats.ratio(None, 10.0) is None
    assert stats.fmt_ratio(None) == "-"
    assert stats.fmt_ratio(1.234) == "1.23x"


def test_formats_keep_small_times_precise():
    assert stats.fmt_ms(4.26) == "4.3 ms"
    assert stats.fmt_ms(1234.4) == "1234 ms"
    assert stats.fmt_ms(None) == "-"
    assert stats.fmt_kb(2048) == "2 KB"
    assert stats.fmt_mb(3.14159) == "3.1 MB"


def test_resident_memory_is_read_from_proc_status_text():
    text = "Name:\tpython\nVmPeak:\t  200000 kB\nVmRSS:\t  102400 kB\nThreads:\t7\n"
    assert stats.parse_vmrss_kb(text) == 102400
    with pytest.raises(ValueError):
        stats.parse_vmrss_kb("Name:\tpython\n")
    assert stats.parse_vmrss_kb(Path("/proc/self/status").read_text()) > 0


def test_targets_follow_the_issue_boundaries():
    assert report.rerun_met(29.0, 10.0)
    assert not report.rerun_met(30.0, 20.0)  # under 30 ms is required, not at it
    assert not report.rerun_met(12.0, 3.9)  # more than 3x the reference
    assert report.visual_met(120.0, 100.0) and not report.visual_met(121.0, 100.0)
    assert report.click_met(130.0, 100.0) and not report.click_met(131.0, 100.0)
    assert report.pdf_met(299.0) and not report.pdf_met(300.0)
    assert report.memory_met(4.9) and not report.memory_met(5.0)
    assert report.concurrency_met(999.0, 0)
    assert not report.concurrency_met(500.0, 1)  # any error misses the target


def test_table_shows_status_in_words_and_escapes_pipes():
    rows = [
        Row("Rerun", "checklist", "median 9.0 ms", ratio="1.50x", met=True),
        Row("Time to visual", "summary", "median 900 ms", met=False, note="a | b"),
        Row("PDF handout", "generic", "not available yet"),
    ]
    table = render_table(rows).splitlines()
    assert table[0].startswith("| Measure | Page | Result |")
    assert "| met |" in table[2]
    assert "| **missed** |" in table[3]
    assert "a \\| b" in table[3]
    assert "| n/a |" in table[4]
    assert len(table) == 5


def test_previous_run_becomes_a_before_column():
    earlier = Results(machine={}, rows=[Row("Rerun", "checklist", "median 40.0 ms", met=False)]).to_json()
    previous = previous_results(earlier)
    assert previous == {"Rerun|checklist": "median 40.0 ms"}
    table = render_table([Row("Rerun", "checklist", "median 9.0 ms", met=True)], previous)
    assert "Previous run" in table.splitlines()[0]
    assert "| median 40.0 ms |" in table
    assert previous_results(None) == {}


def test_results_page_names_machine_and_misses():
    results = Results(machine={"cores (nproc)": "2", "Streamlit": "1.67.0"})
    results.rows = [Row("Memory", "app server", "6.0 MB per extra session", met=False)]
    results.notes = ["a note"]
    text = render_results(results)
    assert "- **cores (nproc)**: 2" in text
    assert "1 target(s) missed: Memory (app server)." in text
    assert "- a note" in text


@pytest.mark.parametrize("name", ["VISUAL_INIT", "PAGE_FACTS", "CLICK_ARM", "LINK_PRESENT"])
def test_in_page_javascript_parses(name, tmp_path):
    """A syntax error here would only show up as timeouts in Chromium; Playwright's node checks it."""
    node = Path(playwright.__file__).parent / "driver" / "node"
    source = getattr(js, name).replace("__EXPECTED__", "1")
    script = tmp_path / f"{name}.js"
    script.write_text(source if name == "VISUAL_INIT" else f"const f = {source};\n", encoding="utf-8")
    checked = subprocess.run([str(node), "--check", str(script)], capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stderr


def test_reference_page_interaction_changes_what_it_shows():
    at = rerun.open_app(None)
    assert [t.value for t in at.title] == ["Reference page"]
    assert rerun.interact(at, 0) == "checkbox 'Tick me'"
    at.run()
    assert any(m.value == "Ticked: yes" for m in at.markdown)


def test_rerun_measure_collects_one_sample_per_rerun():
    samples = rerun.measure("reference", None, reruns=3)
    assert samples.error is None
    assert samples.charts == 1
    assert len(samples.script_ms) == len(samples.apptest_ms) == len(samples.message_bytes) == 3
    assert all(n > 0 for n in samples.message_bytes)


def test_a_new_run_keeps_the_hand_written_section_of_the_results_page():
    old = "# Benchmark results\n\nold table\n\n" + MEASURED_ONCE + "\n- st.cache_resource cost 0.7 ms a call\n"
    text = render_results(Results(machine={}), kept=measured_once(old))
    assert text.endswith(MEASURED_ONCE + "\n- st.cache_resource cost 0.7 ms a call\n")
    assert "old table" not in text
    assert measured_once("# Benchmark results\n") == ""


def test_the_shipped_results_page_has_the_hand_written_section():
    assert MEASURED_ONCE in (Path(__file__).resolve().parents[1] / "bench" / "results.md").read_text(encoding="utf-8")


def test_memory_and_concurrency_rows_from_the_crowds():
    from bench.__main__ import Crowds, _concurrency_rows, _memory_row
    from bench.concurrency import ConcurrencyResult, Journey

    def crowd(clicks_ms: list[float]) -> ConcurrencyResult:
        journeys = [Journey(first_load_ms=500.0, navigation_ms=clicks_ms, answer_ms=[50.0])]
        return ConcurrencyResult(sessions=2, journeys=journeys, rss_with_sessions_mb=110.0, wall_seconds=10.0,
                                 server_cpu_seconds=1.0)

    crowds = Crowds(browsers=crowd([900.0, 1500.0]), server_paced=crowd([40.0]), server_flat_out=crowd([80.0]),
                    rss_after_close=105.0)
    memory = _memory_row(crowds, sessions=2, rss_start=60.0, rss_warm=100.0)
    assert memory.result == "5.0 MB per extra session" and memory.met is False
    rows = _concurrency_rows(crowds, sessions=2)
    assert [r.subject for r in rows] == ["2 Chromium sessions", "2 sessions, server alone",
                                         "2 sessions, server alone, no pauses"]
    assert [r.met for r in rows] == [False, True, None]  # the browsers' p95 is over 1 s; flat out has no target
