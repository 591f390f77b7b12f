"""Small, pure helpers for turning samples into the numbers the table shows."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence


def median(samples: Sequence[float]) -> float:
    if not samples:
        raise ValueError("no samples")
    return statistics.median(samples)


def p95(samples: Sequence[float]) -> float:
    """95th percentile by the nearest-rank method: a value that was actually observed.

    With fewer than 20 samples this is the largest one, which is the honest answer.
    """
    if not samples:
        raise ValueError("no samples")
    ordered = sorted(samples)
    rank = math.ceil(0.95 * len(ordered))
    return ordered[rank - 1]


def ratio(value: float | None, reference: float | None) -> float | None:
    """value / reference, or None when either is missing or the reference is zero."""
    if value is None or reference is None or reference <= 0:
        return None
    return value / reference


def ms(seconds: float) -> float:
    return seconds * 1000.0


def fmt_ms(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.0f} ms" if value >= 100 else f"{value:.1f} ms"


def fmt_ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}x"


def fmt_mb(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f} MB"


def fmt_kb(n_bytes: int | None) -> str:
    return "-" if n_bytes is None else f"{n_bytes / 1024:.0f} KB"


def parse_vmrss_kb(status_text: str) -> int:
    """Resident set size in kB from the text of /proc/<pid>/status."""
    for line in status_text.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise ValueError("no VmRSS line")
