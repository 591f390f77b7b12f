"""/check under AppTest: every item gives kind feedback in words, links back, and the result is kept."""

from __future__ import annotations

import pytest

from decision_aid import session
from decision_aid.session import record_from_state

from .conftest import open_page

ITEM_IDS = ["how_soon_how_long", "relief_is_temporary", "main_risks", "other_options",
            "nothing_new_is_a_choice"]


def _state(at):
    return {k: at.session_state[k] for k in at.session_state}


def test_questions_start_unanswered_with_no_feedback(content):
    at = open_page("check")
    assert not at.exception
    assert [r.value for r in at.radio] == [None] * 5
    assert not at.success and not at.info
    assert any("Answer the questions above" in c.value for c in at.caption)
    assert record_from_state(_state(at)).quiz is None


@pytest.mark.parametrize("item_id", ITEM_IDS)
def test_right_answer_gets_explained_feedback_and_a_link_back(content, item_id):
    item = content.quiz.get(item_id)
    at = open_page("check")
    at.radio(key=session.quiz_key(item_id)).set_value(item.correct).run()
    assert not at.exception
    assert at.success[0].value == f"That is right. {item.explanation}"
    links = at.get("page_link")
    assert len(links) == 1 and item.link.section in links[0].proto.label
    assert links[0].proto.page == item.link.page_id
    assert record_from_state(_state(at)).quiz == {item_id: item.correct}


@pytest.mark.parametrize("item_id", ITEM_IDS)
def test_wrong_answer_gets_kind_feedback_that_explains(content, item_id):
    item = content.quiz.get(item_id)
    wrong = next(c.id for c in item.choices if c.id != item.correct)
    at = open_page("check")
    at.radio(key=session.quiz_key(item_id)).set_value(wrong).run()
    assert not at.success
    assert at.info[0].value == f"Not quite. Here is the answer. {item.explanation}"
    assert len(at.get("page_link")) == 1


def test_result_lists_what_was_understood_and_what_to_revisit(content):
    quiz = content.quiz
    state = {session.quiz_key(i.id): i.correct for i in quiz.items[:3]}
    fourth = quiz.items[3]
    state[session.quiz_key(fourth.id)] = next(c.id for c in fourth.choices if c.id != fourth.correct)
    at = open_page("check", **state)
    text = "\n".join(m.value for m in at.markdown)
    assert "**You got these:**\n\n" + "\n".join(f"- {i.topic}" for i in quiz.items[:3]) in text
    assert f"**Good to go over again with your team:**\n\n- {fourth.topic}" in text
    assert f"**Not answered yet:**\n\n- {quiz.items[4].topic}" in text
    assert record_from_state(_state(at)).quiz == {k.removeprefix("da_quiz_"): v for k, v in state.items()}


def test_all_right_says_well_done(content):
    at = open_page("check", **{session.quiz_key(i.id): i.correct for i in content.quiz.items})
    assert content.quiz.page.all_understood in [s.value for s in at.success]
