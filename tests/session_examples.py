"""A session record with every part answered, built from the shipped content's own ids."""

from __future__ import annotations

from decision_aid.content import Content
from decision_aid.session import SessionRecord

QUESTIONS = "Will it hurt?\nHow long will the relief last?"
OTHER_STEP = "Ask my daughter to come next time"


def full_record(content: Content) -> SessionRecord:
    priorities = content.priorities
    top = priorities.scale[-1].value
    sure_items = priorities.sure.items
    return SessionRecord(
        checklist_answers={"diabetes": "poorly_controlled", "inr": 2.5},
        options_picked=[o.id for o in content.options.options[:2]],
        # Rated lowest first, so the ranking (highest first) must reorder them.
        priorities={p.id: min(i + 1, top) for i, p in enumerate(priorities.priorities[:3])},
        questions=QUESTIONS,
        sure={item.id: i > 0 for i, item in enumerate(sure_items)},  # one "no": a flagged result
        quiz={q.id: q.correct if i % 2 == 0 else next(c.id for c in q.choices if c.id != q.correct)
              for i, q in enumerate(content.quiz.items)},  # some right, some to revisit
        next_step=next(s.id for s in content.summary.next_steps if s.asks_for_text),
        next_step_other=OTHER_STEP,
        consent={item.id: True for item in content.summary.consent_items},
        asked={q.id: i < 2 for i, q in enumerate(content.clear.questions.items)},  # two ticked
        sharing={"personal": True},
    )
