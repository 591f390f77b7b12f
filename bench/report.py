"""The results table: rows, the issue's targets, and rendering to Markdown (stdout and results.md)."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

# The targets of issue 8, on this kind of machine (2 cores). Each is judged on the median unless
# it says p95; a ratio is the app's number over the reference page's number from the same run.
RERUN_MAX_RATIO = 3.0
RERUN_MAX_MS = 30.0
VISUAL_MAX_RATIO = 1.2
CLICK_MAX_RATIO = 1.3
PDF_MAX_MS = 300.0
MB_PER_SESSION_MAX = 5.0
CONCURRENT_P95_MAX_MS = 1000.0

TARGET_TEXT = {
    "rerun": f"median <= {RERUN_MAX_RATIO:g}x ref and < {RERUN_MAX_MS:g} ms",
    "visual": f"median <= {VISUAL_MAX_RATIO:g}x ref",
    "click": f"median <= {CLICK_MAX_RATIO:g}x ref",
    "pdf": f"median < {PDF_MAX_MS:g} ms",
    "memory": f"< {MB_PER_SESSION_MAX:g} MB per extra session",
    "concurrency": f"p95 < {CONCURRENT_P95_MAX_MS / 1000:g} s and 0 errors",
}


def rerun_met(median_ms: float, ref_median_ms: float) -> bool:
    return median_ms <= RERUN_MAX_RATIO * ref_median_ms and median_ms < RERUN_MAX_MS


def visual_met(median_ms: float, ref_median_ms: float) -> bool:
    return median_ms <= VISUAL_MAX_RATIO * ref_median_ms


def click_met(median_ms: float, ref_median_ms: float) -> bool:
    return median_ms <= CLICK_MAX_RATIO * ref_median_ms


def pdf_met(median_ms: float) -> bool:
    return median_ms < PDF_MAX_MS


def memory_met(mb_per_session: float) -> bool:
    return mb_per_session < MB_PER_SESSION_MAX


def concurrency_met(p95_ms: float, errors: int) -> bool:
    return p95_ms < CONCURRENT_P95_MAX_MS and errors == 0


@dataclass
class Row:
    """One line of the table. `met` is None when there is no target or nothing could be measured."""

    measure: str
    subject: str
    result: str
    reference: str = "-"
    ratio: str = "-"
    target: str = "-"
    met: bool | None = None
    note: str = ""

    @property
    def key(self) -> str:
        return f"{self.measure}|{self.subject}"

    @property
    def status(self) -> str:
        return {True: "met", False: "**missed**", None: "n/a"}[self.met]


@dataclass
class Results:
    machine: dict[str, str]
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        return {"machine": self.machine, "rows": [asdict(r) for r in self.rows], "notes": self.notes}


def _cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render_table(rows: list[Row], previous: dict[str, str] | None = None) -> str:
    """A Markdown table; with `previous` (key -> result of the last run) a before column is added."""
    head = ["Measure", "Page", "Result", "Reference", "Ratio", "Target", "Status"]
    if previous:
        head.append("Previous run")
    head.append("Note")
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for r in rows:
        cells = [r.measure, r.subject, r.result, r.reference, r.ratio, r.target, r.status]
        if previous:
            cells.append(previous.get(r.key, "-"))
        cells.append(r.note)
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines)


def previous_results(data: dict | None) -> dict[str, str]:
    """key -> result text from a results.json written by an earlier run (for before/after)."""
    if not data:
        return {}
    out = {}
    for row in data.get("rows", []):
        out[f"{row.get('measure')}|{row.get('subject')}"] = str(row.get("result", "-"))
    return out


# A hand-written last section of results.md: the measurements behind design choices in the code
# (whose comments give the reason, not the number). Every run keeps it as it is.
MEASURED_ONCE = "## Measured once, behind design choices"


def measured_once(old_results_md: str | None) -> str:
    """The hand-written section of an earlier results.md, from its heading to the end ('' if none)."""
    if not old_results_md or MEASURED_ONCE not in old_results_md:
        return ""
    return old_results_md[old_results_md.index(MEASURED_ONCE):].rstrip("\n") + "\n"


def render_results(results: Results, previous: dict[str, str] | None = None, kept: str = "") -> str:
    machine = "\n".join(f"- **{k}**: {v}" for k, v in results.machine.items())
    missed = [r for r in results.rows if r.met is False]
    summary = (
        "All measured targets met."
        if not missed
        else f"{len(missed)} target(s) missed: "
        + "; ".join(f"{r.measure} ({r.subject})" for r in missed)
        + "."
    )
    parts = [
        "# Benchmark results",
        "",
        ("Written by `python -m bench` (`make bench`). It reports; it does not fail on timings. Ratios are "
        "the app over the reference page (`bench/reference_app.py`: one checkbox, one plotly chart) "
        "measured in the same run on the same machine. Browser and servers share the machine's cores."),
        "",
        "## Machine and versions",
        machine,
        "",
        "## Results",
        summary,
        "",
        render_table(results.rows, previous),
    ]
    if results.notes:
        parts += ["", "## Notes", *[f"- {n}" for n in results.notes]]
    if kept:
        parts += ["", kept.rstrip("\n")]
    return "\n".join(parts) + "\n"
