"""What the numbers were measured on: machine and versions, for the top of results.md."""

from __future__ import annotations

import os
import platform
import sys
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_total() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 1024 / 1024:.1f} GB"
    except OSError:
        pass
    return "unknown"


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def describe(chromium_version: str | None = None) -> dict[str, str]:
    info = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cores (nproc)": str(os.cpu_count()),
        "memory": _memory_total(),
        "CPU": _cpu_model(),
        "OS": platform.platform(),
        "Python": sys.version.split()[0],
        "Streamlit": _version("streamlit"),
        "plotly": _version("plotly"),
        "fpdf2": _version("fpdf2"),
        "Playwright": _version("playwright"),
    }
    if chromium_version:
        info["Chromium"] = chromium_version
    return info
