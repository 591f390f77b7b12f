"""Aids for every patient: the key messages, how to use the pictures (a fair difference worked out
from outcomes.yaml), and suggested questions ticked on /priorities, carried to the summary and sheet."""

from __future__ import annotations

import pytest

from decision_aid import session
from decision_aid.clear import fair_difference
from decision_aid.content import ContentError, load_content
from decision_aid.handout import build_handout
from decision_aid.session import SessionRecord

from .conftest import open_page
from .test_handout import read


def _text(at) -> str:
    """The page's words in order: text, labels and options of inputs, and tables."""
    parts = []
    for e in at.main:
        value = getattr(e, "value", None)
        parts += [str(getattr(e, "label", "") or "")] + [str(o) for o in getattr(e, "options", None) or []]
        parts.append(value if isinstance(value, str) else value.to_string() if hasattr(value, "to_string") else "")
    return "\n".join(p for p in parts if p)


def test_fair_difference_is_worked_out_from_the_compared_outcomes(content):
    outcomes = {o.id: o for o in content.outcomes.outcomes}
    guide = content.clear.pictures
    first, second = outcomes[guide.fair_outcome_id], outcomes[guide.compared_outcome_id]
    words = fair_difference(content)
    assert f"about {first.count - second.count} more out of {first.denominator} people" in words
    assert first.time_frame in words


def test_a_fair_difference_between_outcomes_not_compared_is_refused(content_copy):
    def unfair(data):
        data["pictures"]["compared_outcome_id"] = "radiation_pain_better_one_visit"

    with pytest.raises(ContentError) as err:
        load_content(content_copy("clear.yaml", unfair))
    assert any("clear.yaml" in str(p) and "pictures.compared_outcome_id" in str(p) for p in err.value.problems)


def test_explainer_opens_with_the_key_messages_and_says_how_to_use_the_pictures(content):
    at = open_page("explainer")
    text = _text(at)
    messages = content.clear.key_messages
    assert text.index(messages.heading) < text.index(content.explainer.steps_intro)
    for point in messages.points:
        assert point.text in text
    assert content.clear.pictures.how in text and fair_difference(content) in text


def test_ticked_questions_reach_the_summary_the_sheet_and_not_the_unticked(content):
    first, second = content.clear.questions.items[:2]
    at = open_page("priorities")
    at.checkbox(key=session.ASK + first.id).check().run()
    state = {k: at.session_state[k] for k in at.session_state}
    record = session.record_from_state(state)
    assert record.asked == {first.id: True, **{q.id: False for q in content.clear.questions.items[1:]}}
    summary = _text(open_page("summary", **{session.ASK + first.id: True}))
    assert content.clear.questions.summary_label in summary and first.text in summary
    assert second.text not in summary
    sheet = read(build_handout(content, SessionRecord(asked={first.id: True})))[1]
    assert first.text in sheet and second.text not in sheet
    assert content.clear.key_messages.heading in read(build_handout(content, None))[1]


# Each page opened as a patient meets it in a visit: options first opened, priorities rated.
PAGE_STATE = {
    "options": {},
    "priorities": {"da_pri_" + p: 4 for p in ("relief_quickly", "avoid_side_effects", "clear_headed", "protect_bone")},
    "check": {},
    "summary": {},
}


@pytest.mark.parametrize("page", sorted(PAGE_STATE))
def test_every_word_a_page_explains_is_on_that_page(content, page):
    at = open_page(page, **PAGE_STATE[page])
    assert not at.exception
    heading = content.clear.words.heading
    box = [e.value for e in at.markdown if e.value.startswith(f"**{heading}**")]
    assert len(box) == 1, f"{page}: one box of words"
    text = _text(at).replace(box[0], "")
    words = content.clear.words
    terms = {t.id: t.matches for t in words.terms} | {t.id: t.matches for t in content.explainer.glossary}
    for term_id in words.pages[page]:
        # As written, or starting a sentence: "SURE" must not match "not sure".
        assert any(m in text or m[:1].upper() + m[1:] in text for m in terms[term_id]), \
            f"{page}: '{term_id}' is explained but not used"
