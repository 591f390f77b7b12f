"""What one visit has recorded, gathered from the pages' session-state keys.

The pages keep every answer in Streamlit's session state under keys that start with `da_` (the
app keeps those alive across pages). This module names the keys and turns the state into a
`SessionRecord`: plain data that the summary, the clinician's note and the PDF handout read, and
that the handout command line reads from JSON. A part with no answers is `None`: "not discussed",
never a default.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, ConfigDict

PREFIX = "da_"

# Keys of single values.
OPTIONS_PICKED = "da_options_picked"
QUESTIONS = "da_questions"
NEXT_STEP = "da_next_step"
NEXT_STEP_OTHER = "da_next_step_other"
LARGE_TEXT = "da_large_text"
LANGUAGE = "da_language"  # the pages' language (content/<code>/); Start over returns to English
NOTE_LANGUAGE = "da_note_language"  # the clinician's note may be in another language than the pages
PATH = "da_path"

# Prefixes of per-item keys: prefix + item id.
CHECKLIST = "da_ck_"
PRIORITY = "da_pri_"
SURE = "da_sure_"
QUIZ = "da_quiz_"
CONSENT = "da_consent_"
ASK = "da_ask_"  # suggested questions the patient ticked (clear.yaml)
SHARE = "da_share_"  # the clinician's sharing choices on /checklist (decision_aid/personal.py)


def checklist_key(field: str) -> str:
    return CHECKLIST + field


def priority_key(priority_id: str) -> str:
    return PRIORITY + priority_id


def sure_key(item_id: str) -> str:
    return SURE + item_id


def quiz_key(item_id: str) -> str:
    return QUIZ + item_id


def consent_key(item_id: str) -> str:
    return CONSENT + item_id


class SessionRecord(BaseModel):
    """Everything recorded in one visit. None means the part was not discussed."""

    model_config = ConfigDict(extra="forbid")

    checklist_answers: dict[str, Any] | None = None
    options_picked: list[str] | None = None
    priorities: dict[str, int] | None = None
    questions: str | None = None
    sure: dict[str, bool] | None = None
    quiz: dict[str, str] | None = None
    next_step: str | None = None
    next_step_other: str | None = None
    consent: dict[str, bool] | None = None
    large_text: bool = False
    path: str | None = None
    sharing: dict[str, bool] | None = None
    asked: dict[str, bool] | None = None


def record_from_state(state: Mapping[str, Any]) -> SessionRecord:
    """Gather the record from session state (or any mapping with the same keys)."""
    return SessionRecord(
        checklist_answers=_items(state, CHECKLIST),
        options_picked=list(state.get(OPTIONS_PICKED) or []) or None,
        priorities=_items(state, PRIORITY),
        questions=_text(state.get(QUESTIONS)),
        sure=_items(state, SURE),
        quiz=_items(state, QUIZ),
        next_step=state.get(NEXT_STEP) or None,
        next_step_other=_text(state.get(NEXT_STEP_OTHER)),
        consent=_ticked(state, CONSENT),
        large_text=bool(state.get(LARGE_TEXT)),
        path=state.get(PATH) or None,
        sharing=_ticked(state, SHARE),
        asked=_ticked(state, ASK),
    )


def _items(state: Mapping[str, Any], prefix: str) -> dict[str, Any] | None:
    """Answered items under a prefix; unanswered items (None, or nothing picked of several) are left out."""
    found = {k.removeprefix(prefix): v for k, v in state.items()
             if k.startswith(prefix) and v is not None and v != []}
    return found or None


def _ticked(state: Mapping[str, Any], prefix: str) -> dict[str, bool] | None:
    """Checkboxes start unticked: the part counts as discussed once one is ticked."""
    items = _items(state, prefix)
    return items if items and any(items.values()) else None


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
