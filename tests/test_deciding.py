"""Deciding together, as logic and content: the grid, combining, trade-offs, SURE, the quiz."""

from __future__ import annotations

from itertools import product

import pytest

from decision_aid import compare
from decision_aid.content import ContentError, load_content
from decision_aid.quiz import quiz_result
from decision_aid.session import record_from_state
from decision_aid.sure import score_words, sure_result
from decision_aid.tradeoffs import top_priorities, tradeoff_rows

OPTION_IDS = ["injection", "radiation", "bone_medicine", "pain_medicine", "surgery", "image_guided_procedures",
              "other_cancer_care", "no_new_treatment"]


# --- Content: the grid --------------------------------------------------------------------------

def test_the_eight_options_are_offered_including_no_new_treatment(content):
    assert [o.id for o in content.options.options] == OPTION_IDS


def test_every_option_answers_every_grid_question(content):
    questions = [q.id for q in content.options.questions]
    assert len(questions) == 8
    for option in content.options.options:
        assert list(option.answers) == questions, option.id
        assert all(a.text for a in option.answers.values())


def test_an_option_missing_an_answer_is_refused(content_copy):
    root = content_copy("options.yaml", change=lambda d: d["options"][4]["answers"].pop("main_risks"))
    expected = r"options\[4\]\.answers: option 'surgery' has no answer for \['main_risks'\]"
    with pytest.raises(ContentError, match=expected):
        load_content(root)


def test_an_answer_with_a_number_but_no_source_is_refused(content_copy):
    def change(d):
        d["options"][5]["answers"]["how_soon"] = {"text": "It helps 9 out of 10 people."}

    with pytest.raises(ContentError, match=r"answers\.how_soon\.text: patient text with a number must cite"):
        load_content(content_copy("options.yaml", change=change))


def test_combining_must_go_both_ways(content_copy):
    def change(d):
        d["options"][4]["combines_with_option_ids"].append("injection")  # surgery lists the shot only

    with pytest.raises(ContentError, match="'surgery' combines with 'injection' but 'injection' does not"):
        load_content(content_copy("options.yaml", change=change))


def test_which_options_combine(content):
    options = content.options
    assert options.can_combine("injection", "radiation")
    for other in OPTION_IDS:
        if other != "bone_medicine":
            assert options.can_combine("bone_medicine", other), other
        if other != "pain_medicine":
            assert options.can_combine("pain_medicine", other), other
    assert not options.can_combine("no_new_treatment", "injection")


def test_chance_groups_show_at_most_one_figure_per_option_besides_its_comparison(content):
    outcomes = {o.id: o for o in content.outcomes.outcomes}
    comparisons = {o.compared_with_outcome_id for o in outcomes.values() if o.compared_with_outcome_id}
    for group in content.options.chance_groups:
        owners = [outcomes[i].option_id for i in group.outcome_ids if i not in comparisons]
        assert len(owners) == len(set(owners)), group.id
        for i in group.outcome_ids:  # a comparison group only ever beside its own main figure
            if i in comparisons:
                assert any(outcomes[m].compared_with_outcome_id == i for m in group.outcome_ids), (group.id, i)


def test_a_harm_a_treatment_lowers_is_never_shown_without_the_group_that_did_not_have_it(content):
    """'33 out of 100 had a broken bone' under bone medicine alone reads as a harm of the medicine;
    beside the 44 out of 100 without it, it reads as what it is."""
    outcomes = {o.id: o for o in content.outcomes.outcomes}
    lowered = 0
    for group in content.options.chance_groups:
        for i in group.outcome_ids:
            main, compared = outcomes[i], outcomes.get(outcomes[i].compared_with_outcome_id or "")
            if main.kind == "harm" and compared and (
                compared.count / compared.denominator > main.count / main.denominator
            ):
                lowered += 1
                assert compared.id in group.outcome_ids, (group.id, i)
    assert lowered  # bone medicine and broken bones, today


# --- Content: priorities and quiz --------------------------------------------------------------

def test_every_option_relates_to_every_priority_once(content):
    priorities = content.priorities
    assert [p.id for p in priorities.priorities] == [
        "relief_quickly", "relief_lasts", "fewer_visits", "avoid_procedures", "avoid_side_effects",
        "protect_bone", "clear_headed"]
    pairs = [(r.option_id, r.priority_id) for r in priorities.relations]
    assert sorted(pairs) == sorted(product(OPTION_IDS, [p.id for p in priorities.priorities]))


def test_a_relation_to_an_unknown_priority_is_refused(content_copy):
    root = content_copy("priorities.yaml", change=lambda d: d["relations"][0].update(priority_id="cost"))
    with pytest.raises(ContentError, match=r"relations\[0\]\.priority_id: unknown priority id 'cost'"):
        load_content(root)


def test_a_relation_to_an_unknown_option_is_refused(content_copy):
    root = content_copy("priorities.yaml", change=lambda d: d["relations"][0].update(option_id="yoga"))
    with pytest.raises(ContentError, match=r"relations\[0\]\.option_id: unknown option id 'yoga'"):
        load_content(root)


def test_the_scale_runs_from_not_important_to_very_important(content):
    labels = [p.label for p in content.priorities.scale]
    assert labels[0] == "Not important" and labels[-1] == "Very important" and len(labels) == 5


def test_quiz_items_link_to_real_pages_and_have_a_right_choice(content):
    page_ids = {p.id for p in content.pages.pages}
    assert len(content.quiz.items) == 5
    for item in content.quiz.items:
        assert item.link.page_id in page_ids, item.id
        assert item.correct in [c.id for c in item.choices]


def test_a_quiz_answer_that_is_not_a_choice_is_refused(content_copy):
    root = content_copy("quiz.yaml", change=lambda d: d["items"][0].update(correct="maybe"))
    with pytest.raises(ContentError, match=r"items\[0\]: correct: 'maybe' is not one of the choices"):
        load_content(root)


# --- SURE ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("answers", list(product([True, False], repeat=4)),
                         ids=lambda a: "".join("Y" if x else "N" for x in a))
def test_sure_score_for_every_answer_pattern(content, answers):
    test = content.priorities.sure
    result = sure_result(test, dict(zip([i.id for i in test.items], answers, strict=True)))
    assert result.score == sum(answers)
    assert result.answered == 4 and result.complete
    assert result.conflict is (sum(answers) < 4)
    assert result.message == (test.sure_message if all(answers) else test.unsure_message)
    assert score_words(test, result) == f"You said yes to {sum(answers)} of 4."


def test_sure_with_skipped_questions(content):
    test = content.priorities.sure
    ids = [i.id for i in test.items]
    nothing = sure_result(test, {})
    assert (nothing.answered, nothing.complete, nothing.conflict) == (0, False, False)
    assert nothing.message == test.not_finished
    three_yes = sure_result(test, {ids[0]: True, ids[1]: True, ids[2]: True, ids[3]: None})
    assert (three_yes.score, three_yes.answered) == (3, 3)
    assert not three_yes.complete and not three_yes.conflict
    one_no = sure_result(test, {ids[1]: False})
    assert one_no.conflict and not one_no.complete and one_no.message == test.unsure_message


# --- Quiz ---------------------------------------------------------------------------------------

def test_quiz_result_sorts_items_by_answer(content):
    quiz = content.quiz
    first, second, third, *_ = quiz.items
    wrong = next(c.id for c in second.choices if c.id != second.correct)
    result = quiz_result(quiz, {first.id: first.correct, second.id: wrong, third.id: None})
    assert result.understood == [first.id]
    assert result.revisit == [second.id]
    assert result.unanswered == [i.id for i in quiz.items[2:]]
    everything = quiz_result(quiz, {i.id: i.correct for i in quiz.items})
    assert everything.understood == [i.id for i in quiz.items] and not everything.revisit


# --- Trade-offs -----------------------------------------------------------------------------------

def test_top_priorities_keeps_ties_and_leaves_out_unrated(content):
    ratings = {"relief_quickly": 5, "clear_headed": 5, "fewer_visits": 3, "protect_bone": None}
    top = top_priorities(ratings, content.priorities)
    assert [t.priority.id for t in top] == ["relief_quickly", "clear_headed"]
    assert {t.rating_label for t in top} == {"Very important"}
    assert top_priorities({}, content.priorities) == []
    only_low = top_priorities({"protect_bone": 1}, content.priorities)
    assert [t.priority.id for t in only_low] == ["protect_bone"]


def test_tradeoff_rows_keep_content_order_with_symbol_words_and_reason(content):
    rows = tradeoff_rows("protect_bone", None, content.priorities, content.options)
    assert [r.option_id for r in rows] == OPTION_IDS
    bone = next(r for r in rows if r.option_id == "bone_medicine")
    assert (bone.effect, bone.symbol, bone.effect_words) == ("helps", "✓", "Fits this")
    assert "33 out of 100" in bone.reason and "44 out of 100" in bone.reason
    picked = tradeoff_rows("protect_bone", ["surgery", "injection"], content.priorities, content.options)
    assert [r.option_id for r in picked] == ["injection", "surgery"]


def test_every_fit_names_what_it_rests_on(content):
    for priority in content.priorities.priorities:
        for row in tradeoff_rows(priority.id, None, content.priorities, content.options, content.sources):
            assert row.rests_on, (row.option_id, priority.id)
    quick = {r.option_id: r for r in tradeoff_rows("relief_quickly", None, content.priorities, content.options,
                                                   content.sources)}
    assert "Atchia I et al. 2011" in quick["injection"].rests_on
    assert "Truntzer P et al. 2013" in quick["radiation"].rests_on
    # A measured 54 out of 100 by day 8 is not ranked below the shot's week-1 figure in 77 people.
    assert quick["radiation"].effect == quick["injection"].effect == "mixed"
    assert "day 8 after the last treatment" in quick["radiation"].reason
    assert "61 people" in quick["radiation"].reason


# --- The /options comparison --------------------------------------------------------------------

@pytest.mark.parametrize(("picked", "expected"), [
    ([], "Pick at least 2 choices"),
    (["injection"], "Please pick at least 2"),
    (OPTION_IDS[:5], "no more than 4"),
    (OPTION_IDS[:2], None),
    (OPTION_IDS[:4], None),
])
def test_pick_problem(content, picked, expected):
    problem = compare.pick_problem(content.options, picked)
    assert (problem is None) if expected is None else (expected in problem)


def test_grid_table_has_questions_as_rows_and_picks_as_columns(content):
    table = compare.grid_table(content.options, ["radiation", "no_new_treatment"])
    assert list(table.columns) == ["Radiation therapy", "No new treatment for now"]
    assert list(table.index) == [q.label for q in content.options.questions]
    assert table.loc["How many visits?", "No new treatment for now"] == \
        content.options.get("no_new_treatment").answers["visits"].text


def test_combine_pairs_say_it_in_words_and_symbols(content):
    words = [p.words(content.options) for p in compare.combine_pairs(
        content.options, ["injection", "radiation", "no_new_treatment"])]
    assert words == [
        "✓ Hip injection and Radiation therapy can go together.",
        "✗ Hip injection and No new treatment for now do not usually go together.",
        "✗ Radiation therapy and No new treatment for now do not usually go together.",
    ]


def test_compared_chances_share_one_denominator(content):
    sets = {s.group.id: s for s in compare.chance_sets(content.options, content.outcomes,
                                                        ["bone_medicine", "injection"])}
    assert set(sets) == {"bone_problems"}, "only figures measured the same way stand side by side"
    assert sets["bone_problems"].denominator == 100
    assert compare.options_without_chances(content.options, content.outcomes, ["surgery", "radiation"]) == [
        content.options.get("surgery")]


def test_unlike_figures_are_shown_apart_under_a_caveat(content):
    apart = {s.group.id: s for s in compare.apart_sets(content.options, content.outcomes,
                                                       ["radiation", "injection"])}
    relief = apart["pain_relief"]
    assert [(opt.id, out.id) for opt, out in relief.shown] == [
        ("radiation", "radiation_pain_better_one_visit"), ("injection", "injection_pain_halved_2_months")]
    assert "Do not compare these numbers" in relief.group.caveat
    # The shot's flare has no hip figure: it is not drawn, and the caveat says we do not know.
    flare = apart["pain_flare"]
    assert [out.id for _, out in flare.shown] == ["radiation_pain_flare"]
    assert "We do not know how often" in flare.group.caveat
    assert "2 to 5 out of 100" in flare.group.caveat and "35 out of 100" in flare.group.caveat


def test_answers_reach_the_session_record():
    record = record_from_state({
        "da_options_picked": ["injection", "radiation"], "da_pri_relief_quickly": 5,
        "da_pri_clear_headed": None, "da_sure_encouragement": False, "da_quiz_main_risks": "pain_flare",
        "da_questions": "  Will it hurt?  ",
    })
    assert record.options_picked == ["injection", "radiation"]
    assert record.priorities == {"relief_quickly": 5}  # unrated = not discussed
    assert record.sure == {"encouragement": False}
    assert record.quiz == {"main_risks": "pain_flare"}
    assert record.questions == "Will it hurt?"
