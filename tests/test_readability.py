"""Patient-facing content reads at US grade 6 or below (Flesch-Kincaid), file by file."""

from __future__ import annotations

from collections import defaultdict

import pytest

from decision_aid.content import load_content, patient_texts
from decision_aid.readability import TARGET_GRADE, grade

from .conftest import CONTENT


def _as_sentences(texts: list[str]) -> str:
    # Labels and list items are read as short sentences; count them as such.
    return " ".join(t if t.rstrip()[-1:] in ".?!:" else t + "." for t in texts)


def _patient_text_by_file() -> dict[str, list[str]]:
    by_file: dict[str, list[str]] = defaultdict(list)
    for file, _, text in patient_texts(load_content(CONTENT)):
        by_file[file].append(text)
    return dict(by_file)


@pytest.mark.parametrize("file", sorted(_patient_text_by_file()))
def test_patient_text_is_grade_6_or_below(file):
    texts = _patient_text_by_file()[file]
    level = grade(_as_sentences(texts))
    hardest = sorted(texts, key=lambda t: -grade(_as_sentences([t])))[:3]
    assert level <= TARGET_GRADE, f"{file}: grade {level:.1f}; hardest: {hardest}"


def test_grade_detects_hard_text():
    assert grade("Bisphosphonates reduce skeletal-related events in metastatic disease.") > TARGET_GRADE
    assert grade("The shot may help in a few days. It may last for weeks.") <= TARGET_GRADE
