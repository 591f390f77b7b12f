"""Figure builders: whole icons only, bars that match content, and words that state the same numbers."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from decision_aid import figures
from decision_aid.content.meta import Meta
from decision_aid.content.outcomes import Outcome, OutcomesFile
from decision_aid.content.timeline import TimelineFile
from decision_aid.figures import icon_array, theme

from .conftest import CONTENT

EN = CONTENT / "en"


def _load(name: str, model: type[BaseModel]) -> BaseModel:
    # Each file on its own, so these tests do not depend on unrelated content files.
    return model.model_validate(yaml.safe_load((EN / name).read_text(encoding="utf-8")))


META: Meta = _load("meta.yaml", Meta)
ALL_OUTCOMES: list[Outcome] = _load("outcomes.yaml", OutcomesFile).outcomes
# Figures drawn as pictures (out of 100 or 1,000); rarer ones (out of 10,000) are said in words only.
OUTCOMES: list[Outcome] = [o for o in ALL_OUTCOMES if o.denominator in figures.DENOMINATORS]
WORDS_ONLY: list[Outcome] = [o for o in ALL_OUTCOMES if o.denominator not in figures.DENOMINATORS]
TIMELINE: TimelineFile = _load("timeline.yaml", TimelineFile)


def numbers(text: str) -> list[int | float]:
    """The distinct numbers in text, in order ('1,000' -> 1000), HTML tags removed."""
    plain = re.sub(r"<[^>]+>", " ", text)
    return sorted({float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", plain)})


SVG = "{http://www.w3.org/2000/svg}"


def parse(picture: figures.IconArraySvg) -> ET.Element:
    return ET.fromstring(picture.svg)  # fails on text that was not escaped for XML


def people(picture: figures.IconArraySvg) -> list[tuple[str, int, int]]:
    """(icon id, column, row) of every person drawn, in drawing order, following each <use> to what
    it places (an icon, or a row of icons defined once) as a browser does."""
    svg = parse(picture)
    defined = {element.get("id"): element for element in svg.find(f"{SVG}defs")}

    def placed(use: ET.Element, x: int, y: int) -> list[tuple[str, int, int]]:
        assert use.tag == f"{SVG}use", "the people are drawn only by placing defined icons"
        href = use.get("href").lstrip("#")
        x, y = x + int(use.get("x", 0)), y + int(use.get("y", 0))
        target = defined[href]
        if target.tag == f"{SVG}g":
            return [cell for child in target for cell in placed(child, x, y)]
        return [(href, x, y)]

    return [cell for use in svg.find(f".//{SVG}g[@id='people']") for cell in placed(use, 0, 0)]


def icon_counts(picture: figures.IconArraySvg) -> tuple[int, int]:
    """(highlighted, others): people drawn with a harm or benefit icon, and hollow ones."""
    drawn = [icon for icon, _, _ in people(picture)]
    others = drawn.count(icon_array.UNAFFECTED_ICON)
    return len(drawn) - others, others


def picture_texts(picture: figures.IconArraySvg) -> list[ET.Element]:
    return parse(picture).findall(f".//{SVG}text")


def picture_words(picture: figures.IconArraySvg) -> str:
    """What a sighted reader reads on the picture (its <title> is the alt text, checked apart)."""
    return " ".join(t.text or "" for t in picture_texts(picture))


# --- icon_layout: the geometry shared with the PDF --------------------------------------------------


@settings(deadline=None)  # building 1,000 cells can be slow on a busy machine
@given(denominator=st.sampled_from([100, 1000]), data=st.data())
def test_layout_has_exactly_denominator_whole_icons_first_count_highlighted(denominator, data):
    count = data.draw(st.integers(0, denominator))
    layout = figures.icon_layout(count, denominator)
    assert len(layout.cells) == denominator == layout.columns * layout.rows
    assert len({(c.x, c.y) for c in layout.cells}) == denominator, "no two icons share a place"
    assert all(isinstance(c.x, int) and isinstance(c.y, int) for c in layout.cells)
    assert [c.highlighted for c in layout.cells] == [True] * count + [False] * (denominator - count)
    assert len(layout.highlighted) == count and len(layout.others) == denominator - count


def test_layout_grids_are_10_by_10_and_50_by_20():
    assert (figures.icon_layout(5, 100).columns, figures.icon_layout(5, 100).rows) == (10, 10)
    assert (figures.icon_layout(5, 1000).columns, figures.icon_layout(5, 1000).rows) == (50, 20)


@pytest.mark.parametrize(
    "count, denominator, message",
    [
        (1.5, 100, "count must be a whole number"),
        (2.0, 100, "count must be a whole number"),
        (True, 100, "count must be a whole number"),
        ("3", 100, "count must be a whole number"),
        (-1, 100, "count must be between 0 and 100"),
        (101, 100, "count must be between 0 and 100"),
        (1001, 1000, "count must be between 0 and 1000"),
        (5, 10, "denominator must be 100 or 1000"),
        (5, 100.0, "denominator must be 100 or 1000"),
    ],
)
def test_layout_refuses_fractions_and_out_of_range(count, denominator, message):
    with pytest.raises(ValueError, match=message):
        figures.icon_layout(count, denominator)


# --- icon_array_svg: every shipped outcome as a picture -----------------------------------------


@pytest.mark.parametrize("outcome", OUTCOMES, ids=lambda o: o.id)
def test_picture_draws_every_person_where_the_layout_says_and_highlights_count(outcome):
    picture = figures.icon_array_svg(outcome, META.formats)
    highlight = icon_array.HARM_ICON if outcome.kind == "harm" else icon_array.BENEFIT_ICON
    layout = figures.icon_layout(outcome.count, outcome.denominator)  # the PDF handout draws this too
    expected = [(highlight if c.highlighted else icon_array.UNAFFECTED_ICON, c.x, c.y) for c in layout.cells]
    assert people(picture) == expected
    assert icon_counts(picture) == (outcome.count, outcome.denominator - outcome.count)
    svg = parse(picture)
    assert (svg.get("width"), svg.get("height")) == (str(picture.width), str(picture.height))
    assert svg.get("viewBox") == f"0 0 {picture.width} {picture.height}", "drawn at its own size"


@pytest.mark.parametrize("outcome", [o for o in OUTCOMES if o.denominator == 100], ids=lambda o: o.id)
def test_common_denominator_multiplies_100_by_10(outcome):
    picture = figures.icon_array_svg(outcome, META.formats, denominator=1000)
    assert icon_counts(picture) == (outcome.count * 10, 1000 - outcome.count * 10)
    assert "out of 1,000 people" in picture_words(picture)
    assert "out of 1,000 people" in figures.outcome_sentence(outcome, META, 1000)


@pytest.mark.parametrize("outcome", [o for o in OUTCOMES if o.denominator == 1000], ids=lambda o: o.id)
def test_never_shrinks_1000_to_100(outcome):
    with pytest.raises(ValueError, match="cannot show .* out of 100"):
        figures.icon_array_svg(outcome, META.formats, denominator=100)
    with pytest.raises(ValueError, match="cannot show"):
        figures.outcome_sentence(outcome, META, 100)


def test_common_denominator_is_the_largest():
    by_den = {o.denominator: o for o in OUTCOMES}
    assert figures.common_denominator([by_den[100]]) == 100
    assert figures.common_denominator([by_den[100], by_den[1000]]) == 1000


# Each outcome on its own denominator, and each 100 outcome moved to 1,000 for a comparison.
PAIRS = [(o, None) for o in OUTCOMES] + [(o, 1000) for o in OUTCOMES if o.denominator == 100]


@pytest.mark.parametrize("outcome, denominator", PAIRS, ids=lambda v: getattr(v, "id", str(v)))
def test_sentence_states_the_same_numbers_as_the_icon_array(outcome, denominator):
    picture = figures.icon_array_svg(outcome, META.formats, denominator=denominator)
    sentence = figures.outcome_sentence(outcome, META, denominator)
    alt = figures.outcome_alt(outcome, META.formats, denominator)
    assert numbers(sentence) == numbers(picture_words(picture))
    drawn_count, drawn_rest = icon_counts(picture)
    assert f"about {figures.format_number(drawn_count, META.formats)} out of" in sentence
    assert f"; {figures.format_number(drawn_rest, META.formats)} out of" in sentence
    assert f"{figures.format_number(drawn_count, META.formats)} {outcome.label}, {figures.format_number(drawn_rest, META.formats)}" in alt
    assert parse(picture).findtext(f"{SVG}title") == alt
    assert parse(picture).get("role") == "img"


def test_sentence_reads_as_specified():
    outcome = next(o for o in OUTCOMES if o.arm is None and o.low is None and o.denominator == 100)
    rest = 100 - outcome.count
    expected = (
        f"{outcome.time_frame[0].upper()}{outcome.time_frame[1:]}, about {outcome.count} out of 100 "
        f"people {outcome.label}; {rest} out of 100 {outcome.not_label}. {outcome.population.rstrip('.')}. "
        f"{META.certainty_words[outcome.certainty]}"
    )
    assert figures.outcome_sentence(outcome, META) == expected


def test_sentence_gives_range_and_arm_when_content_has_them():
    ranged = next(o for o in OUTCOMES if o.low is not None and o.high is not None)
    assert f"between {ranged.low} and {ranged.high} out of {ranged.denominator:,}" in figures.outcome_sentence(
        ranged, META
    )
    armed = next(o for o in OUTCOMES if o.arm)
    assert figures.outcome_sentence(armed, META).startswith(armed.arm)


def test_harm_and_benefit_differ_in_shape_as_well_as_colour():
    def icons(outcome) -> dict[str, ET.Element]:
        """The picture's icons by id, as defined once in its <defs>."""
        defs = parse(figures.icon_array_svg(outcome, META.formats)).find(f"{SVG}defs")
        return {icon.get("id"): icon for icon in defs}

    harm = icons(next(o for o in OUTCOMES if o.kind == "harm" and o.count))
    benefit = icons(next(o for o in OUTCOMES if o.kind == "benefit" and o.count))
    harm_icon, benefit_icon = harm[icon_array.HARM_ICON], benefit[icon_array.BENEFIT_ICON]
    assert (harm_icon.tag, benefit_icon.tag) == (f"{SVG}rect", f"{SVG}circle")
    assert (harm_icon.get("fill"), benefit_icon.get("fill")) == (theme.HARM, theme.BENEFIT)
    hollow = harm[icon_array.UNAFFECTED_ICON]
    assert hollow.get("fill") == "none" and hollow.get("stroke") == theme.UNAFFECTED, "the rest are hollow"


def test_colours_meet_contrast_against_white():
    for colour in (theme.BENEFIT, theme.HARM, theme.UNAFFECTED, theme.TIMELINE_COLOUR):
        assert theme.contrast_ratio(colour) >= 3.0, colour  # WCAG 1.4.11 graphics
    for colour in (theme.TEXT, theme.MUTED_TEXT):
        assert theme.contrast_ratio(colour) >= 4.5, colour  # WCAG 1.4.3 text
    assert theme.contrast_ratio("#E69F00") < 3.0, "the check can fail (Okabe-Ito orange is too light)"


def test_every_text_colour_on_a_figure_is_set_and_dark_enough():
    for outcome in OUTCOMES:
        picture = figures.icon_array_svg(outcome, META.formats, arm="People who had it")
        background = parse(picture).find(f"{SVG}rect")
        assert background.get("fill") == theme.BACKGROUND and background.get("width") == "100%"
        fills = {t.get("fill") for t in picture_texts(picture)}
        assert fills and all(theme.contrast_ratio(c, theme.BACKGROUND) >= 4.5 for c in fills), fills


def test_picture_text_names_its_fonts_and_escapes_content():
    outcome = OUTCOMES[0].model_copy(update={"label": "had <less> pain & slept", "population": "A & B <c>."})
    picture = figures.icon_array_svg(outcome, META.formats, arm="People <who> had R&D")
    assert "<less>" not in picture.svg and "<who>" not in picture.svg
    words = picture_words(picture)  # parse() fails if any of it was not escaped
    for raw in ("had <less> pain & slept", "A & B <c>.", "People <who> had R&D"):
        assert raw in words, raw
    assert "Arial" in parse(picture).get("font-family"), "system fonts: a picture loads no web fonts"


def test_large_text_enlarges_fonts_and_icons():
    def font_sizes(picture) -> list[int]:
        return sorted({int(t.get("font-size")) for t in picture_texts(picture)})

    def cell(picture) -> int:
        """Pixels per person: the scale of the people group."""
        transform = parse(picture).find(f".//{SVG}g[@id='people']").get("transform")
        return int(re.search(r"scale\((\d+)\)", transform).group(1))

    for outcome in (OUTCOMES[0], next(o for o in OUTCOMES if o.denominator == 1000)):
        small, large = figures.icon_array_svg(outcome, META.formats), figures.icon_array_svg(outcome, META.formats, large_text=True)
        assert min(font_sizes(large)) > min(font_sizes(small))
        assert max(font_sizes(large)) > max(font_sizes(small))
        assert cell(large) > cell(small)
        assert large.width > small.width and large.height > small.height


# --- timeline --------------------------------------------------------------------------------------


def test_timeline_text_gives_each_drawn_row_in_words_with_its_numbers():
    lines = figures.timeline_text(TIMELINE, option_ids=["injection", "radiation"])
    rows = [r for r in TIMELINE.rows if r.option_id in ("injection", "radiation")]
    assert len(lines) == len(rows) == 3
    for row, line in zip(rows, lines, strict=True):
        assert line.startswith(f"{row.name}: ") and row.words in line and row.population in line
    # The picture carries no number of its own (tests/test_timeline_picture.py): the words do.
    assert numbers(" ".join(lines)) != [], "the words give the times"


def test_inferred_timing_is_labelled_as_our_best_guess():
    inferred = [r for r in TIMELINE.rows if "timing_inference" in r.source_ids]
    assert inferred, "the injection timing rests on the inference source"
    assert all(r.basis and "best guess" in r.basis for r in inferred)


def test_timeline_refuses_segments_off_axis_or_backwards():
    data = yaml.safe_load((EN / "timeline.yaml").read_text(encoding="utf-8"))
    data["rows"][0]["segments"][0]["to_hours"] = data["rows"][0]["segments"][0]["from_hours"]
    with pytest.raises(ValidationError, match="must be after from_hours"):
        TimelineFile.model_validate(data)
    data = yaml.safe_load((EN / "timeline.yaml").read_text(encoding="utf-8"))
    data["rows"][0]["segments"][0]["to_hours"] = 10 * data["ticks"][-1]["hours"]
    with pytest.raises(ValidationError, match=r"rows\[0\]\.segments\[0\].*off the axis"):
        TimelineFile.model_validate(data)


def test_figures_package_does_not_import_streamlit():
    source = " ".join(p.read_text() for p in (Path(figures.__file__).parent).glob("*.py"))
    assert "streamlit" not in source


# --- content 1.1: rare figures in words, legend swatches that match the bars ---------------------


def test_a_rare_harm_is_said_out_of_10000_and_never_drawn():
    infection = next(o for o in WORDS_ONLY if o.id == "injection_joint_infection")
    sentence = figures.outcome_sentence(infection, META)
    assert "about 8 out of 10,000 people got an infection in the joint" in sentence
    assert "between 3 and 12 out of 10,000" in sentence
    assert "out of 1,000" not in sentence, "never rounded to a denominator too small for it"
    with pytest.raises(ValueError, match="denominator must be 100 or 1000"):
        figures.icon_array_svg(infection, META.formats)


def test_every_bar_follows_the_same_rules_solid_only_where_a_study_measured_help():
    rows = {r.id: r for r in TIMELINE.rows}
    # The steroid's effect was measured at week 1 (Atchia 2011): solid from a week, not from 3 weeks.
    steroid = {s.kind: (s.from_hours, s.to_hours) for s in rows["injection_steroid"].segments}
    assert steroid["working"][0] == 168
    # Radiation: measured from day 8 after the last treatment (Truntzer 2013): solid from there.
    radiation = {s.kind: (s.from_hours, s.to_hours) for s in rows["radiation"].segments}
    assert radiation["working"][0] == 192
    # The numbing medicine's timing is an inference: nothing solid.
    assert all(s.kind != "working" for s in rows["injection_numbing"].segments)
    assert "Half of people" not in rows["radiation"].words, "median 4 weeks is among responders only"
