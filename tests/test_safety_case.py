"""docs/safety.md names, for every hazard, the tests that prove its control: each must exist."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAFETY = ROOT / "docs" / "safety.md"
TEST_ID = re.compile(r"`(tests/[\w/]+\.py::\w+)`")


def _named_tests() -> dict[str, list[str]]:
    """Hazard number -> the test ids its row names."""
    named: dict[str, list[str]] = {}
    for line in SAFETY.read_text(encoding="utf-8").splitlines():
        row = re.match(r"\|\s*(H\d+)\s*\|", line)
        if row:
            named[row.group(1)] = TEST_ID.findall(line)
    return named


def _collected() -> set[str]:
    out = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    ).stdout
    # Parametrised tests collect as name[param]; the safety case names the test function.
    return {line.split("[")[0] for line in out.splitlines() if "::" in line}


def test_every_hazard_names_at_least_one_test():
    named = _named_tests()
    assert len(named) >= 10, "the hazard table was not found"
    assert all(named.values()), [h for h, tests in named.items() if not tests]


def test_every_test_named_in_the_safety_case_exists():
    named = {t for tests in _named_tests().values() for t in tests}
    missing = sorted(named - _collected())
    assert not missing, f"docs/safety.md names tests that do not exist: {missing}"


def test_a_misspelt_test_name_would_be_caught():
    assert "tests/test_pages.py::test_no_such_test" not in _collected()
