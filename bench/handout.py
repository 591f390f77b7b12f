"""The take-home PDF: median build time and size, if the handout builder exists yet."""

from __future__ import annotations

import importlib
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class HandoutSamples:
    ms: list[float] = field(default_factory=list)
    first_ms: float | None = None  # the first build in this process (imports, font parsing)
    size_bytes: int | None = None
    unavailable: str | None = None


def _as_bytes(built) -> bytes:
    if isinstance(built, bytes | bytearray | memoryview):
        return bytes(built)
    if hasattr(built, "output"):  # an fpdf.FPDF object
        return bytes(built.output())
    raise TypeError(f"build_handout returned {type(built).__name__}, not PDF bytes")


def measure(builds: int) -> HandoutSamples:
    samples = HandoutSamples()
    try:
        module = importlib.import_module("decision_aid.handout")
        build = module.build_handout
    except (ImportError, AttributeError) as err:
        samples.unavailable = f"not available yet ({type(err).__name__}: {err})"
        return samples
    try:
        from decision_aid.content import load_content

        content = load_content(ROOT / "content")
        for n in range(builds + 1):
            start = time.perf_counter()
            pdf = _as_bytes(build(content, None))
            elapsed = (time.perf_counter() - start) * 1000
            if n == 0:
                samples.first_ms = elapsed
            else:
                samples.ms.append(elapsed)
            samples.size_bytes = len(pdf)
        if not pdf.startswith(b"%PDF"):
            samples.unavailable = "build_handout did not return a PDF"
    except Exception as err:  # reported in the table, never a crash of the benchmark
        samples.unavailable = f"build failed: {type(err).__name__}: {str(err)[:160]}"
    return samples
