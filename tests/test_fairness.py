"""Content 1.1: fair comparisons, references that point somewhere, and no unfilled placeholders.

Each test states a rule of fairness or integrity from issue 13 and shows it holds on the shipped
content, and that `check` refuses content that breaks it.
"""

from __future__ import annotations

import re

import pytest

from decision_aid import compare, session
from decision_aid.__main__ import main
from decision_aid.content import ContentError, load_content
from decision_aid.content.text import PatientText
from decision_aid.visit import material_risk_lines
from tests.conftest import PAGE_IDS, open_page

PLACEHOLDER = re.compile(r"\{[a-z_][a-z0-9_.]*\}")


def _refused(root, expected: str, capsys) -> None:
    with pytest.raises(ContentError) as err:
        load_content(root)
    assert any(expected in str(p) for p in err.value.problems), err.value.problems
    assert main(["check", "--content", str(root)]) == 1
    assert expected in capsys.readouterr().err


# --- 1. A picture never compares unlike things -----------------------------------------------------

def test_check_refuses_a_side_by_side_group_of_unlike_figures(content_copy, capsys):
    """The shot's 'pain cut by half' (hip arthritis) beside radiation's 'less pain' (metastases)."""
    def change(d):
        d["chance_groups"].append({
            "id": "pain_relief_side_by_side", "heading": "Less pain", "note": "Compare these.",
            "measures": {"outcome": "pain_halved", "population_kind": "arthritis"},
            "outcome_ids": ["injection_pain_halved_2_months", "radiation_pain_better_one_visit"]})
    root = content_copy("options.yaml", change=change)
    _refused(root, "cannot compare 'injection_pain_halved_2_months' and 'radiation_pain_better_one_visit': "
                   "different measure", capsys)


def test_check_refuses_a_group_whose_member_is_from_other_people(content_copy, capsys):
    def change(d):
        d["chance_groups"][0]["measures"]["population_kind"] = "arthritis"
    root = content_copy("options.yaml", change=change)
    _refused(root, "'bone_medicine_bone_problems' is from 'metastases', not 'arthritis'", capsys)


def test_check_refuses_unlike_figures_side_by_side_on_the_explainer(content_copy, capsys):
    def change(d):
        d["harms"]["groups"][2]["outcome_ids"] = ["injection_serious_joint_damage", "injection_fast_joint_wear"]
    root = content_copy("explainer.yaml", change=change)
    _refused(root, "cannot compare 'injection_serious_joint_damage' and 'injection_fast_joint_wear'", capsys)


def test_every_side_by_side_group_on_the_shipped_content_measures_one_thing(content):
    outcomes = {o.id: o for o in content.outcomes.outcomes}
    groups = [g.outcome_ids for g in content.options.chance_groups]
    groups += [g.outcome_ids for s in (content.explainer.benefits, content.explainer.harms) for g in s.groups]
    for ids in groups:
        kinds = {(outcomes[i].measure, outcomes[i].population_kind, outcomes[i].time_frame) for i in ids}
        assert len(kinds) <= 1, ids


def test_options_page_shows_unlike_figures_one_by_one_under_a_warning():
    at = open_page("options", **{session.OPTIONS_PICKED: ["injection", "radiation"]})
    assert not at.exception
    warnings = [w.value for w in at.warning]
    assert any("Do not compare these numbers" in w and "hip arthritis" in w for w in warnings), warnings
    assert any("We do not know how often the hip shot causes a flare" in w for w in warnings), warnings
    alts = [img.proto.imgs[0].alt for img in at.get("image")]
    assert not any("3 had a short flare" in a for a in alts), "no made-up single flare rate is drawn"
    assert any("Icon array of 100 people: 35 had a short flare" in a for a in alts)


def test_the_shots_flare_is_a_range_said_as_we_do_not_know(content):
    assert not any(o.id == "injection_pain_flare" for o in content.outcomes.outcomes)
    risk = next(r for r in content.summary.material_risks if r.id == "pain_flare")
    assert risk.outcome_id is None and "We do not know how often" in risk.unknown
    grid = content.options.get("injection").answers["main_risks"].text
    assert "we do not know how often" in grid and "2 to 5 out of 100" in grid and "35 out of 100" in grid


def test_hit_trial_is_said_in_words_next_to_lamberts_numbers(content):
    group = content.explainer.benefits.groups[0]
    assert group.outcome_ids[0] == "injection_pain_halved_2_months"
    assert "not clearly better than a numbing-only shot over 6" in " ".join(group.note.split())
    assert "paskins2022_hit" in group.source_ids


# --- 2. Numbers that were wrong or misleadingly rounded ----------------------------------------------

def test_corrected_figures(content):
    outcomes = {o.id: o for o in content.outcomes.outcomes}
    infection = outcomes["injection_joint_infection"]
    assert (infection.count, infection.denominator, infection.low, infection.high) == (8, 10000, 3, 12)
    damage = outcomes["injection_serious_joint_damage"]
    assert (damage.count, damage.denominator) == (12, 1000) and "2 to 9 months" in damage.time_frame
    assert (outcomes["injection_fast_joint_wear"].count, outcomes["injection_fast_joint_wear"].denominator) == (28, 1000)
    assert "may be higher" in outcomes["injection_fainting"].population
    day8 = outcomes["radiation_pain_better_day_8"]
    assert day8.time_frame == "by day 8 after the last treatment" and day8.population.startswith("61 people")
    # Two arms are two figures, never one range.
    jaw = [outcomes["bone_medicine_jaw_damage"], outcomes["bone_medicine_jaw_damage_shot"]]
    assert [(o.count, o.denominator, o.low, o.high) for o in jaw] == [(13, 1000, None, None), (18, 1000, None, None)]
    assert "radiation_pain_better_long_survivors" not in outcomes


def test_no_patient_text_calls_a_harm_rare_or_keeps_a_retired_figure(content):
    from decision_aid.content.loading import patient_texts
    for file, field, text in patient_texts(content):
        if file == "checklist.yaml":
            continue  # owned by the checklist content
        flat = " ".join(text.split())
        assert not re.search(r"\brare\b(?! to draw)", flat, re.IGNORECASE), (file, field, flat)
        for retired in ("about 3 out of 100", "about 1 out of 1,000", "Half of people", "about 10 out of 1,000"):
            assert retired not in flat, (file, field, retired)


def test_every_consent_list_figure_names_its_people_and_time(content):
    outcomes = {o.id: o for o in content.outcomes.outcomes}
    for risk, line in zip(content.summary.material_risks, material_risk_lines(content), strict=True):
        if risk.outcome_id:
            outcome = outcomes[risk.outcome_id]
            assert outcome.time_frame in line and outcome.population.rstrip(".") in line, line
    lines = " ".join(material_risk_lines(content))
    assert "about 8 out of 10,000 people" in lines and "between 3 and 12 out of 10,000" in lines
    assert "a fall" in lines.lower() and "weak bone" in lines.lower()


def test_the_project_brief_is_never_the_only_source_of_a_number(content):
    from decision_aid.content.bundle import FILES
    from decision_aid.content.loading import _walk
    for name, (attr, _) in FILES.items():
        for loc, node in _walk(getattr(content, attr)):
            ids = getattr(node, "source_ids", None)
            if ids == ["seed_guideline"]:
                texts = [v for _, v in node if isinstance(v, PatientText)]
                assert not any(re.search(r"\d", t) for t in texts), (name, loc)


def test_no_source_is_left_to_confirm_before_release(content):
    for source in content.sources.sources:
        assert "before release" not in (source.note or ""), source.id
    secondary = [s.id for s in content.sources.sources if s.secondary]
    assert "zometa_label" in secondary


def test_a_secondary_source_is_named_as_such_on_the_evidence_page():
    at = open_page("evidence")
    assert not at.exception
    text = " ".join(m.value for m in at.markdown)
    assert "Checked (secondary)" in text


# --- 4. Options and harms that were missing ------------------------------------------------------

def test_new_options_and_no_outdated_disclaimer(content):
    ids = [o.id for o in content.options.options]
    assert ids[-1] == "no_new_treatment" and {"image_guided_procedures", "other_cancer_care"} <= set(ids)
    procedures = content.options.get("image_guided_procedures")
    assert "offered in some centres" in procedures.answers["what_is_it"].text
    assert "only a few people have had them" not in str(content.options.model_dump())
    assert "new hip joint" in content.options.get("surgery").answers["what_is_it"].text
    care = content.options.get("other_cancer_care").answers["how_long"].text
    assert "1 more person in 4" in care and "25 more out of 100" in care


def test_next_steps_cover_every_option(content):
    steps = {s.id for s in content.summary.next_steps}
    covered = {"injection": "injection", "radiation": "radiation_first", "surgery": "orthopaedic_team"}
    for option in content.options.options:
        assert covered.get(option.id, option.id) in steps, option.id


@pytest.mark.parametrize("page_id", ["explainer", "summary"])
def test_what_to_watch_for_with_urgent_signs_is_on_the_page(page_id):
    at = open_page(page_id)
    assert not at.exception
    errors = " ".join(w.value for w in at.warning if "Get help right away" in w.value)
    assert "cannot stand on the leg" in errors
    assert "New back pain" in errors and "numbness between the legs" in errors
    assert "Do not wait for your next visit" in errors


# --- 5. Content integrity: references and placeholders --------------------------------------------

@pytest.mark.parametrize(("file", "change", "expected"), [
    ("quiz.yaml", lambda d: d["items"][0]["link"].update(page_id="explainr"),
     "quiz.yaml: items[0].link.page_id: unknown page id 'explainr'"),
    ("quiz.yaml", lambda d: d["items"][0]["link"].update(anchor="no-such-part"),
     "quiz.yaml: items[0].link.anchor: page 'explainer' has no anchor 'no-such-part'"),
    ("paths.yaml", lambda d: d["paths"][0]["page_ids"].append("consnt"),
     "paths.yaml: paths[0].page_ids[6]: unknown page id 'consnt'"),
    ("paths.yaml", lambda d: d["paths"][1]["hide_page_ids"].append("chcklist"),
     "paths.yaml: paths[1].hide_page_ids[1]: unknown page id 'chcklist'"),
    ("evidence.yaml", lambda d: d["shown_on"]["outcomes.yaml"].append("optons"),
     "evidence.yaml: shown_on.outcomes.yaml[3]: unknown page id 'optons'"),
    ("priorities.yaml", lambda d: d["relations"][2].pop("basis"),
     "priorities.yaml: relations[2]: 'injection' x 'fewer_visits' names no evidence"),
    ("options.yaml", lambda d: d["apart_groups"][0]["outcome_ids"].append("no_such_figure"),
     "options.yaml: apart_groups[0].outcome_ids[2]: unknown outcome id 'no_such_figure'"),
], ids=["quiz page", "quiz anchor", "path page", "hidden page", "shown on", "fit basis", "outcome id"])
def test_check_refuses_a_reference_that_points_nowhere(file, change, expected, content_copy, capsys):
    _refused(content_copy(file, change=change), expected, capsys)


@pytest.mark.parametrize("page_id", ["explainer", "options", "priorities", "check", "summary"])
def test_every_declared_anchor_is_rendered(page_id, content):
    state = {session.OPTIONS_PICKED: ["injection", "radiation"], session.priority_key("relief_quickly"): 5}
    at = open_page(page_id, **state)
    rendered = {h.proto.anchor for h in (*at.header, *at.subheader)}
    declared = next(p for p in content.pages.pages if p.id == page_id).anchors
    assert set(declared) <= rendered, set(declared) - rendered


def _all_text(at) -> str:
    """Every string the page sends to the browser (element protos in text form)."""
    parts = []

    def walk(node):
        proto = getattr(node, "proto", None)
        if proto is not None:
            parts.append(str(proto))
        for child in getattr(node, "children", {}).values():
            walk(child)
    walk(at._tree)
    return "\n".join(parts)


STATES = {
    "picked and rated": {
        session.OPTIONS_PICKED: ["injection", "radiation", "image_guided_procedures", "other_cancer_care"],
        **{session.priority_key(p): 5 for p in ("relief_quickly", "protect_bone", "avoid_side_effects")},
        session.sure_key("sure_of_myself"): False,
    },
    "checklist flags": {session.checklist_key("platelets"): 10, session.checklist_key("inr"): 4.0,
                        session.checklist_key("mirels_site"): "peritrochanteric"},
}


@pytest.mark.parametrize("page_id", PAGE_IDS)
@pytest.mark.parametrize("state", STATES, ids=list(STATES))
def test_no_page_shows_an_unfilled_placeholder(page_id, state):
    at = open_page(page_id, **STATES[state])
    assert not at.exception, at.exception
    leftover = sorted(set(PLACEHOLDER.findall(_all_text(at))))
    assert not leftover, leftover


def test_the_per_figure_table_fills_checklist_placeholders(content):
    from decision_aid import evidence_table
    table = evidence_table.figure_table(content)
    cells = [str(v) for col in table.columns for v in table[col].tolist()]
    assert not [c for c in cells if PLACEHOLDER.search(c)]
    assert any("(the patient's answer)" in c for c in cells)


def test_content_is_release_1_1(content):
    assert content.meta.version == "1.1.0"


def test_apart_sets_follow_the_picks(content):
    assert compare.apart_sets(content.options, content.outcomes, ["pain_medicine", "surgery"]) == []


def test_the_sheet_draws_a_bad_result_for_every_option_it_draws_a_good_one_for(content):
    from decision_aid.handout.pdf import COMPACT_STEPS
    outcomes = {o.id: o for o in content.outcomes.outcomes}
    drawn = content.summary.handout.icon_outcome_ids
    for limit in {step.pictures for step in COMPACT_STEPS}:
        shown = [outcomes[i] for i in drawn[:limit]]
        for option_id in {o.option_id for o in shown}:
            kinds = sorted(o.kind for o in shown if o.option_id == option_id)
            assert kinds == ["benefit", "harm"], (limit, option_id, kinds)
