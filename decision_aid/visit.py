"""What one visit covered, as plain data the summary page, the note and the PDF all read.

Each part is None when it was not discussed: the readers say "not discussed", never a default.
Figures and wording come from the content; results come from the modules that own each part
(checklist, SURE, understanding check, priorities).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from decision_aid.checklist import Assessment, assess, check_answers, checklist_note
from decision_aid.clear import asked_questions
from decision_aid.content import Content
from decision_aid.content.options import Option
from decision_aid.content.summary import ConsentItem
from decision_aid.figures import format_number, outcome_counts
from decision_aid.figures.describe import range_words
from decision_aid.free_text import clip
from decision_aid.personal import PersonalView, view_of_record
from decision_aid.quiz import QuizResult, quiz_result
from decision_aid.session import SessionRecord
from decision_aid.sure import SureResult, score_words, sure_result
from decision_aid.tradeoffs import RatedPriority


@dataclass(frozen=True)
class Visit:
    options: list[Option] | None
    priorities: list[RatedPriority] | None
    sure: SureResult | None
    quiz: QuizResult | None
    questions: str | None
    checklist: Assessment | None
    checklist_note: str | None
    next_step: str | None
    consent: list[tuple[ConsentItem, bool]] | None
    asked: list[str]  # suggested questions the patient ticked to ask (clear.yaml)
    personal: PersonalView  # what the clinician chose to share from the checklist (empty: nothing)


def gather_visit(content: Content, record: SessionRecord | None) -> Visit:
    """The visit's parts from a session record; with no record, every part is "not discussed"."""
    record = record or SessionRecord()
    limits = content.summary.free_text.limits  # typed text beyond these is cut, with a visible mark
    assessment, note = _checklist(content, record.checklist_answers)
    return Visit(
        options=_options(content, record.options_picked),
        priorities=_priorities(content, record.priorities),
        sure=_sure(content, record.sure),
        quiz=_quiz(content, record.quiz),
        questions=clip(record.questions, limits.questions, content.summary.free_text.clipped_mark),
        checklist=assessment,
        checklist_note=note,
        next_step=next_step_words(content, record.next_step,
                                  clip(record.next_step_other, limits.next_step_other,
                                       content.summary.free_text.clipped_mark)),
        consent=_consent(content, record.consent),
        asked=asked_questions(content, record.asked),
        personal=view_of_record(content, record),
    )


def material_risk_lines(content: Content) -> list[str]:
    """One line per material risk: its chance from outcomes.yaml, or what is unknown about it."""
    outcomes = {o.id: o for o in content.outcomes.outcomes}
    lines = []
    for risk in content.summary.material_risks:
        if risk.outcome_id:
            outcome = outcomes[risk.outcome_id]
            counts = outcome_counts(outcome)
            formats = content.meta.formats
            span = "" if counts.low is None or counts.high is None else range_words(counts, formats) + " "
            lines.append(formats.figures.risk_line.format(
                name=risk.name, count=format_number(counts.count, formats),
                den=format_number(counts.denominator, formats), when=outcome.time_frame,
                range=span, population=_sentence(outcome.population),
                sure=content.meta.certainty_words[outcome.certainty]))
        else:
            lines.append(f"{risk.name}. {risk.unknown}" if risk.unknown else f"{risk.name}.")
    return lines


def next_step_words(content: Content, step_id: str | None, other: str | None) -> str | None:
    """The agreed step in words; "Something else" carries the clinician's text after a colon."""
    choice = next((c for c in content.summary.next_steps if c.id == step_id), None)
    if choice is None:
        return None
    return f"{choice.label}: {other}" if choice.asks_for_text and other else str(choice.label)


def _options(content: Content, picked: list[str] | None) -> list[Option] | None:
    if not picked:
        return None
    chosen = [o for o in content.options.options if o.id in picked]
    return chosen or None


def _consent(content: Content, ticks: dict[str, bool] | None) -> list[tuple[ConsentItem, bool]] | None:
    if not ticks or not any(ticks.values()):
        return None
    return [(item, bool(ticks.get(item.id))) for item in content.summary.consent_items]


def _priorities(content: Content, ratings: dict[str, int] | None) -> list[RatedPriority] | None:
    """Every rated priority, highest rating first; ties keep the content's order."""
    if not ratings:
        return None
    priorities = content.priorities
    rated = [RatedPriority(p, ratings[p.id], priorities.label_of(ratings[p.id]))
             for p in priorities.priorities if ratings.get(p.id) is not None]
    return sorted(rated, key=lambda r: -r.rating) or None


def _sure(content: Content, answers: dict[str, bool] | None) -> SureResult | None:
    return sure_result(content.priorities.sure, answers) if answers else None


def _quiz(content: Content, answers: dict[str, str] | None) -> QuizResult | None:
    return quiz_result(content.quiz, answers) if answers else None


def _checklist(content: Content, raw: dict[str, Any] | None) -> tuple[Assessment | None, str | None]:
    """The assessment and its note. An answer the checklist refuses (its page shows why) counts as
    unknown here, so the summary never breaks on a half-typed value."""
    if not raw:
        return None, None
    answers, _refused = check_answers(raw, content.checklist)
    assessment = assess(answers, content.checklist)
    return assessment, checklist_note(assessment, answers, content)


def sure_words(content: Content, result: SureResult) -> str:
    """The SURE result in one line: the score, then what it may mean (both from content)."""
    return f"{score_words(content.priorities.sure, result)} {result.message}"


def quiz_words(content: Content, result: QuizResult) -> str:
    """The understanding check in one line: the topics understood, to go over again, not answered."""
    page = content.quiz.page
    parts = [(page.understood_heading, result.understood), (page.revisit_heading, result.revisit),
             (page.unanswered_heading, result.unanswered)]
    return " ".join(f"{heading} {', '.join(content.quiz.get(i).topic for i in ids)}."
                    for heading, ids in parts if ids)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."
