"""/priorities under AppTest: ratings start unrated, produce a trade-off view (never a ranking),
questions stay in the session, and the SURE test gives its result."""

from __future__ import annotations

import re

from decision_aid import session
from decision_aid.session import record_from_state

from .conftest import open_page

OPTION_NAMES = ["Hip injection", "Radiation therapy", "Bone medicine", "Pain medicines",
                "Surgery to support the bone", "Image-guided bone procedures", "Other cancer care",
                "No new treatment for now"]


def _state(at):
    return {k: at.session_state[k] for k in at.session_state}


def _tradeoff_text(at) -> str:
    """Everything the trade-off view shows: its headings, tables and notes."""
    parts = [m.value for m in at.markdown if m.value.startswith("### ")]
    for table in at.table:
        frame = table.value
        parts += [str(frame.index.name), *map(str, frame.columns), *map(str, frame.index)]
        parts += [str(v) for v in frame.to_numpy().ravel()]
    parts += [i.value for i in at.info]
    return "\n".join(parts)


def test_statements_start_unrated_and_no_tradeoffs_are_shown(content):
    at = open_page("priorities")
    assert not at.exception
    radios = [at.radio(key=session.priority_key(p.id)) for p in content.priorities.priorities]
    assert len(radios) == 7 and all(r.value is None for r in radios)
    assert radios[0].options == [p.label for p in content.priorities.scale]
    assert not at.table
    assert any("Rate at least one thing above" in i.value for i in at.info)
    assert record_from_state(_state(at)).priorities is None  # not discussed


def test_ratings_produce_the_tradeoff_view_for_the_highest_rated(content):
    at = open_page("priorities")
    at.radio(key=session.priority_key("relief_quickly")).set_value(5)
    at.radio(key=session.priority_key("protect_bone")).set_value(5)
    at.radio(key=session.priority_key("fewer_visits")).set_value(3)
    at.radio(key=session.priority_key("clear_headed")).set_value(1).run()
    assert not at.exception
    headings = [m.value for m in at.markdown if m.value.startswith("### ")]
    assert headings == ["### Getting relief quickly (you said: Very important)",
                        "### Protecting the bone from breaking (you said: Very important)"]
    assert len(at.table) == 2
    bone = at.table[1].value
    assert list(bone.index) == OPTION_NAMES  # every option, always in the same order
    assert list(bone.columns) == ["How it fits", "Why", "What this rests on"]
    assert bone.loc["Bone medicine", "What this rests on"] == "Saad F et al. 2002"
    assert bone.loc["Surgery to support the bone", "How it fits"] == "✓ Fits this"
    assert bone.loc["No new treatment for now", "How it fits"] == "✗ Does not fit this"
    assert "The choice is yours, with your care team." in _tradeoff_text(at)
    # "Not important" is an answer, kept apart from the unrated statements.
    assert record_from_state(_state(at)).priorities == {
        "relief_quickly": 5, "protect_bone": 5, "fewer_visits": 3, "clear_headed": 1}


def test_the_tradeoff_view_never_ranks_totals_or_names_a_best_option():
    ratings = {session.priority_key(p): 5 for p in ("relief_quickly", "relief_lasts", "fewer_visits",
                                                    "avoid_procedures", "avoid_side_effects",
                                                    "protect_bone", "clear_headed")}
    at = open_page("priorities", **ratings)
    text = _tradeoff_text(at)
    assert len(at.table) == 7
    for word in ("best", "rank", "score", "total", "points", "winner", "recommend"):
        assert not re.search(rf"\b{word}", text, re.IGNORECASE), word
    for table in at.table:
        assert list(table.value.index) == OPTION_NAMES  # order never follows the ratings
        for cell in table.value["How it fits"]:
            assert re.fullmatch(r"[✓±✗–] [A-Z][a-z ]+", cell), cell  # a symbol and words, no number


def test_questions_are_kept_for_the_summary():
    at = open_page("priorities")
    at.text_area(key=session.QUESTIONS).input("Can I still drive after the shot?").run()
    assert record_from_state(_state(at)).questions == "Can I still drive after the shot?"
    assert any("Start over wipes it" in c.value for c in at.caption)


def test_sure_all_yes_says_ready(content):
    at = open_page("priorities")
    for item in content.priorities.sure.items:
        at.radio(key=session.sure_key(item.id)).set_value(True)
    at.run()
    assert at.success[0].value == "You said yes to 4 of 4. " + content.priorities.sure.sure_message
    assert record_from_state(_state(at)).sure == {i.id: True for i in content.priorities.sure.items}


def test_sure_below_four_is_kind_and_names_next_steps(content):
    test = content.priorities.sure
    answers = {session.sure_key(i.id): True for i in test.items}
    answers[session.sure_key("risk_benefit_ratio")] = False
    at = open_page("priorities", **answers)
    assert not at.success
    assert any(i.value == "You said yes to 3 of 4. " + test.unsure_message for i in at.info)
    text = "\n".join(m.value for m in at.markdown)
    assert all(step in text for step in test.next_steps)


def test_sure_unanswered_shows_no_result(content):
    at = open_page("priorities")
    assert not at.success
    assert not any(content.priorities.sure.unsure_message in i.value for i in at.info)
