"""/explainer: content that points at real outcomes, glossary links, and the page as a patient sees it."""

from __future__ import annotations

import base64
import re
import xml.etree.ElementTree as ET

import pytest
import yaml

from decision_aid import figures
from decision_aid.content.explainer import ExplainerFile, link_glossary
from decision_aid.content.meta import Meta
from decision_aid.content.outcomes import OutcomesFile
from decision_aid.content.timeline import TimelineFile
from decision_aid.figures import icon_array
from decision_aid.page_scripts import page_script

from .conftest import CONTENT, open_page

EN = CONTENT / "en"
SVG = "{http://www.w3.org/2000/svg}"


def _load(name, model):
    return model.model_validate(yaml.safe_load((EN / name).read_text(encoding="utf-8")))


EXPLAINER: ExplainerFile = _load("explainer.yaml", ExplainerFile)
OUTCOMES = {o.id: o for o in _load("outcomes.yaml", OutcomesFile).outcomes}
META: Meta = _load("meta.yaml", Meta)
TIMELINE: TimelineFile = _load("timeline.yaml", TimelineFile)


# --- Content --------------------------------------------------------------------------------------


def test_every_explainer_outcome_exists():
    missing = [i for i in EXPLAINER.outcome_ids() if i not in OUTCOMES]
    assert not missing, f"explainer.yaml names outcomes not in outcomes.yaml: {missing}"


@pytest.mark.parametrize("section, kind", [("benefits", "benefit"), ("harms", "harm")])
def test_benefits_and_harms_sections_hold_their_kind(section, kind):
    groups = getattr(EXPLAINER, section).groups
    assert groups
    assert {OUTCOMES[i].kind for g in groups for i in g.outcome_ids} == {kind}


def test_timeline_rows_exist_for_the_explainer_options():
    shown = {r.option_id for r in TIMELINE.rows}
    assert set(EXPLAINER.timeline_option_ids) <= shown
    # The injection's two medicines are separate bars.
    assert len([r for r in TIMELINE.rows if r.option_id == "injection"]) == 2


def test_glossary_has_the_words_a_patient_meets():
    terms = {t.id for t in EXPLAINER.glossary}
    assert {"steroid", "local_anaesthetic", "xray_guidance", "ultrasound", "metastasis", "bone_metastasis"} <= terms


def test_needle_spread_is_said_to_be_unknown_with_its_source():
    point = next(p for p in EXPLAINER.unknowns if "cancer cells" in p.text)
    assert "unknown" in point.text
    assert "schwartz_spengler1997" in point.source_ids


def test_glossary_links_first_use_only_and_longest_words_first():
    linked: set[str] = set()
    first = link_glossary("A steroid shot. The steroid works.", EXPLAINER.glossary, linked)
    assert first == "A [steroid](#glossary-steroid) shot. The steroid works."
    again = link_glossary("Steroid again, with cancer in the bone.", EXPLAINER.glossary, linked)
    assert again == "Steroid again, with [cancer in the bone](#glossary-bone-metastasis)."
    assert linked == {"steroid", "bone_metastasis"}


# --- The page -------------------------------------------------------------------------------------


TIMELINE_ALT = META.formats.figures.timeline_alt.format(title=TIMELINE.title)


def _all_pictures(at) -> list[tuple[str, ET.Element]]:
    """(alt text, parsed SVG) of every picture on the page, as sent to the browser."""
    pictures = []
    for element in at.get("image"):
        (img,) = element.proto.imgs
        kind, _, data = img.url.partition(",")
        assert kind == "data:image/svg+xml;base64", kind
        pictures.append((img.alt, ET.fromstring(base64.b64decode(data))))
    return pictures


def _pictures(at) -> list[tuple[str, ET.Element]]:
    """The icon array pictures."""
    return [p for p in _all_pictures(at) if p[0] != TIMELINE_ALT]


def _timeline(at) -> ET.Element:
    """The one timeline picture (named by the timeline's alt text)."""
    (svg,) = [svg for alt, svg in _all_pictures(at) if alt == TIMELINE_ALT]
    return svg


def _people(svg: ET.Element) -> list[str]:
    """The icon each person is drawn with (a <use> of a row stands for the row's icons)."""
    defined = {element.get("id"): element for element in svg.find(f"{SVG}defs")}
    icons = []
    for use in svg.find(f".//{SVG}g[@id='people']"):
        target = defined[use.get("href").lstrip("#")]
        icons += [u.get("href") for u in target] if target.tag == f"{SVG}g" else [use.get("href")]
    return icons


def _font_sizes(svg: ET.Element) -> list[int]:
    return [int(t.get("font-size")) for t in svg.iter(f"{SVG}text")]


def _page_text(at) -> str:
    return "\n".join(m.value for m in at.markdown)


@pytest.fixture(scope="module")
def page():
    at = open_page("explainer")
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    return at


def test_page_shows_every_section(page):
    headers = [h.value for h in page.header]
    ex = EXPLAINER
    for heading in (ex.steps_heading, ex.timeline_heading, ex.chances_heading, ex.unknowns_heading,
                    ex.think_twice_heading, ex.glossary_heading):
        assert heading in headers
    subheaders = [h.value for h in page.subheader]
    assert [f"{n}. {s.heading}" for n, s in enumerate(ex.stages, 1)] == subheaders[: len(ex.stages)]
    assert ex.benefits.heading in subheaders and ex.harms.heading in subheaders


def test_page_shows_each_step_point_and_unknown_and_caution(page):
    text = re.sub(r"\[([^\]]+)\]\(#[^)]+\)", r"\1", _page_text(page))  # read links as their words
    items = [p for s in EXPLAINER.stages for p in s.points] + [p.text for p in EXPLAINER.unknowns]
    items += [c.title for c in EXPLAINER.think_twice] + [c.text for c in EXPLAINER.think_twice]
    for item in items:
        assert item in text, item
    assert EXPLAINER.checklist_pointer in text


def test_every_icon_array_has_its_sentence_and_alt_text(page):
    assert page.get("plotly_chart") == [], "no chart loads plotly: every chart is a picture"
    pictures = _pictures(page)
    text = _page_text(page)
    assert len(pictures) == len(EXPLAINER.outcome_ids()), "one icon array picture per outcome"
    alts = [alt for alt, _ in pictures]
    for group in (g for s in (EXPLAINER.benefits, EXPLAINER.harms) for g in s.groups if g.outcome_ids):
        outcomes = [OUTCOMES[i] for i in group.outcome_ids]
        den = figures.common_denominator(outcomes)
        for outcome in outcomes:
            sentence = figures.outcome_sentence(outcome, META, den, arm=group.main_arm)
            assert sentence in text
            alt = figures.outcome_alt(outcome, META.formats, den)
            assert alt in alts
            count = figures.outcome_counts(outcome, den)
            assert f"{count.count:,} {outcome.label}, {count.rest:,} {outcome.not_label}" in alt
            assert f"about {count.count:,} out of {den:,} people {outcome.label}" in sentence


def test_compared_pictures_share_a_denominator_and_draw_whole_icons(page):
    for group in (g for s in (EXPLAINER.benefits, EXPLAINER.harms) for g in s.groups if g.outcome_ids):
        outcomes = [OUTCOMES[i] for i in group.outcome_ids]
        den = figures.common_denominator(outcomes)
        for outcome in outcomes:
            alt, svg = next(p for p in _pictures(page) if p[0] == figures.outcome_alt(outcome, META.formats, den))
            people = _people(svg)
            assert len(people) == den, alt
            highlighted = len(people) - people.count(f"#{icon_array.UNAFFECTED_ICON}")
            assert highlighted == figures.outcome_counts(outcome, den).count, alt
            assert svg.findtext(f"{SVG}title") == alt


def test_timeline_is_one_named_picture_with_a_row_per_explainer_option(page):
    svg = _timeline(page)
    assert svg.findtext(f"{SVG}title") == TIMELINE_ALT
    shown = [g.get("data-row") for g in svg.iter(f"{SVG}g") if g.get("class") == "row"]
    assert shown == [r.id for r in figures.timeline_rows(TIMELINE, EXPLAINER.timeline_option_ids)]
    assert shown, "the explainer's options have timing rows"


def test_timeline_has_its_words_beneath(page):
    text = _page_text(page)
    for line in figures.timeline_text(TIMELINE, EXPLAINER.timeline_option_ids):
        name, _, rest = line.partition(": ")
        assert f"**{name}:** {rest}" in text


def test_glossary_is_reachable_from_the_text(page):
    text = _page_text(page)
    for term in EXPLAINER.glossary:
        assert f'<span id="{term.anchor}"></span>**{term.term}:**' in text
    assert "](#glossary-steroid)" in text, "the first 'steroid' links to its meaning"
    links = set(re.findall(r"\]\(#(glossary-[a-z-]+)\)", text))
    assert links <= {t.anchor for t in EXPLAINER.glossary}
    assert len(links) >= 4


def test_large_text_makes_chart_text_and_icons_larger(page):
    large = open_page("explainer", da_large_text=True)
    assert not large.exception
    # The timeline is drawn narrower in large text (the column is), with larger words.
    assert min(_font_sizes(_timeline(large))) > min(_font_sizes(_timeline(page)))
    assert int(_timeline(large).get("height")) > int(_timeline(page).get("height"))
    pairs = list(zip(_pictures(page), _pictures(large), strict=True))
    assert pairs
    for (alt, normal), (big_alt, big) in pairs:
        assert alt == big_alt
        assert min(_font_sizes(big)) > min(_font_sizes(normal)), alt
        assert int(big.get("height")) > int(normal.get("height")), alt
        assert int(big.get("width")) >= int(normal.get("width")), alt


def test_large_text_stays_on_when_moving_between_pages():
    at = open_page("explainer", da_large_text=True)
    at.switch_page(page_script("options")).run()
    at.switch_page(page_script("explainer")).run()
    assert at.session_state["da_large_text"] is True
    assert figures.theme.LARGE.font in _font_sizes(_timeline(at))
    assert figures.theme.LARGE.font in _font_sizes(_pictures(at)[0][1])


def test_consent_path_shows_risks_first(content):
    from .conftest import open_page

    headers = lambda at: [h.value for h in at.header]
    usual = headers(open_page("explainer"))
    consent = headers(open_page("explainer", da_path="consent"))
    text = content.explainer
    assert usual.index(text.steps_heading) < usual.index(text.chances_heading)
    assert consent.index(text.chances_heading) < consent.index(text.steps_heading)
    assert consent[0] == text.chances_heading
