"""The relief timeline picture: what a person sees on it, read back from the SVG.

Rows in content order with their names, bars where content puts them (read from where they are drawn
on the picture's own axis), the same fills for every row and for the legend's swatches, words from
content only, nothing off the picture or on top of other words, and the team's band only when given.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET

import pytest
import yaml

from decision_aid import figures
from decision_aid.content.timeline import TimelineFile
from decision_aid.figures import estimate_band, theme, timeline
from decision_aid.figures.svg_text import text_width

from .conftest import CONTENT

SVG = "{http://www.w3.org/2000/svg}"
KINDS = ("may_start", "working", "may_last")


def _timeline(language: str) -> TimelineFile:
    return TimelineFile.model_validate(yaml.safe_load((CONTENT / language / "timeline.yaml").read_text("utf-8")))


EN, ES = _timeline("en"), _timeline("es")
BAND = figures.Band(720, 2160, "Your team's estimate")


def draw(tl: TimelineFile = EN, **kwargs) -> figures.TimelineSvg:
    return figures.timeline_svg(tl, "The timeline, named", **kwargs)


def parse(picture: figures.TimelineSvg) -> ET.Element:
    return ET.fromstring(picture.svg)  # fails on text that was not escaped for XML


def texts(element: ET.Element) -> list[ET.Element]:
    return element.findall(f".//{SVG}text")


def rows(picture: figures.TimelineSvg) -> list[ET.Element]:
    return parse(picture).findall(f".//{SVG}g[@class='row']")


def bars(element: ET.Element) -> list[ET.Element]:
    return element.findall(f".//{SVG}rect[@class='bar']")


def extent(text: ET.Element) -> tuple[float, float, float, float]:
    """(left, right, top, bottom) of a line of words, at its widest possible font."""
    size, x, baseline = float(text.get("font-size")), float(text.get("x")), float(text.get("y"))
    width = text_width(text.text or "", size, bold=text.get("font-weight") == "bold")
    left = x - width / 2 if text.get("text-anchor") == "middle" else x
    return left, left + width, baseline - size, baseline + size * 0.25


@pytest.mark.parametrize("option_ids", [None, ["injection"], ["radiation", "pain_medicine"]])
def test_each_row_shows_its_name_and_the_bars_content_gives_it(option_ids):
    picture = draw(option_ids=option_ids)
    expected = [r for r in EN.rows if option_ids is None or r.option_id in option_ids]
    drawn_rows = rows(picture)
    assert [g.get("data-row") for g in drawn_rows] == [r.id for r in expected]
    for group, row in zip(drawn_rows, expected, strict=True):
        name = [t for t in texts(group) if t.get("font-weight") == "bold"]
        assert " ".join(t.text for t in name) == row.name
        assert len(bars(group)) == len(row.segments)
        # Each bar sits under its own row's name, not under another's.
        assert all(float(b.get("y")) > float(name[-1].get("y")) for b in bars(group))
    spans = figures.segment_spans(picture)
    for kind in KINDS:
        want = [(s.from_hours, s.to_hours) for r in expected for s in r.segments if s.kind == kind]
        assert [h for span in spans[kind] for h in span] == pytest.approx(
            [h for span in want for h in span], rel=0.01), kind


def test_segment_spans_reads_where_a_bar_is_drawn():
    picture = draw(option_ids=["radiation"])
    (solid,) = [b for b in bars(rows(picture)[0]) if b.get("fill") == theme.TIMELINE_COLOUR]
    shifted = picture.svg.replace(f'x="{solid.get("x")}"', f'x="{float(solid.get("x")) + 40}"', 1)
    wrong = figures.segment_spans(figures.TimelineSvg(shifted, picture.width, picture.height))
    assert wrong["working"][0][0] > 192 * 1.2, "a bar drawn in the wrong place reads as the wrong time"


def test_a_row_without_timing_figures_says_so_in_words_and_has_no_bar():
    (row,) = rows(draw(option_ids=["pain_medicine"]))
    assert bars(row) == []
    italic = [t.text for t in texts(row) if t.get("font-style") == "italic"]
    assert " ".join(italic) == EN.no_bar


def test_every_bar_of_a_kind_is_drawn_alike_and_the_legend_swatch_is_drawn_the_same_way():
    svg = parse(draw())
    legend = svg.find(f".//{SVG}g[@id='legend']")
    swatches = bars(legend)
    assert len(swatches) == 3
    look = ("fill", "stroke", "stroke-width", "height")
    by_fill = {s.get("fill"): s for s in swatches}
    drawn = bars(svg.find(f".//{SVG}g[@id='rows']"))
    assert {b.get("fill") for b in drawn} == set(by_fill), "every kind of bar is in the legend, and only those"
    for bar in drawn:
        assert [bar.get(a) for a in look] == [by_fill[bar.get("fill")].get(a) for a in look]
    # The three kinds differ by pattern, not colour alone: lines, solid, dots.
    patterns = {p.get("id"): p for p in svg.iter(f"{SVG}pattern")}
    lined, solid, dotted = (s.get("fill") for s in swatches)
    assert patterns[lined.removeprefix("url(#").removesuffix(")")].find(f"{SVG}line") is not None
    assert solid == theme.TIMELINE_COLOUR
    assert patterns[dotted.removeprefix("url(#").removesuffix(")")].find(f"{SVG}circle") is not None
    # Each swatch has its kind's words beside it, in content order.
    words = [t.text for t in texts(legend)]
    assert words == [getattr(EN.legend, k) for k in KINDS]
    for kind, swatch, label in zip(KINDS, swatches, texts(legend), strict=True):
        assert swatch.get("fill") == timeline.FILL[kind]
        assert float(label.get("y")) - float(swatch.get("y")) < float(swatch.get("height")) + 2, kind


def test_the_axis_is_log_like_with_its_ticks_in_words_from_content():
    axis = parse(draw()).find(f".//{SVG}g[@id='axis']")
    marks = axis.findall(f"{SVG}line[@data-hours]")
    assert [float(m.get("data-hours")) for m in marks] == [t.hours for t in EN.ticks]
    assert [t.text for t in texts(axis)] == [t.label for t in EN.ticks]
    xs = [float(m.get("x1")) for m in marks]
    per_decade = [(b - a) / math.log10(t2.hours / t1.hours)
                  for a, b, t1, t2 in zip(xs, xs[1:], EN.ticks, EN.ticks[1:], strict=False)]
    assert max(per_decade) - min(per_decade) < 1, "equal steps for equal ratios of time"


@pytest.mark.parametrize("tl", [EN, ES], ids=["en", "es"])
@pytest.mark.parametrize("large_text", [False, True], ids=["normal", "large"])
def test_no_words_run_off_the_picture_or_over_each_other(tl, large_text):
    picture = draw(tl, large_text=large_text, band=BAND)
    boxes = [extent(t) for t in texts(parse(picture))]
    for left, right, top, bottom in boxes:
        assert 0 <= left and right <= picture.width and 0 <= top and bottom <= picture.height
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            apart = a[1] <= b[0] or b[1] <= a[0] or a[3] <= b[2] or b[3] <= a[2]
            assert apart, (a, b)


def test_the_checks_for_overlap_can_fail():
    svg = parse(draw())
    first, second = texts(svg.find(f".//{SVG}g[@id='axis']"))[:2]
    a, b = extent(first), extent(second)
    assert a[1] <= b[0], "apart as drawn"
    second.set("x", first.get("x"))
    a, b = extent(first), extent(second)
    assert not (a[1] <= b[0] or b[1] <= a[0]), "two labels at one place overlap"


def test_large_text_draws_every_word_and_bar_larger():
    def sizes(picture):
        return sorted({int(t.get("font-size")) for t in texts(parse(picture))})

    small, large = draw(), draw(large_text=True)
    assert min(sizes(large)) > min(sizes(small)) and max(sizes(large)) > max(sizes(small))
    assert min(sizes(small)) >= 14, "small print on a patient's chart is still 14 px"
    assert float(bars(parse(large))[0].get("height")) > float(bars(parse(small))[0].get("height"))


def test_the_picture_is_named_and_its_words_are_all_from_content():
    picture = draw(band=BAND)
    svg = parse(picture)
    assert svg.get("role") == "img" and svg.find(f"{SVG}title").text == "The timeline, named"
    words = " ".join(t.text for t in texts(svg))
    content_words = [EN.title, EN.axis_title, EN.no_bar, BAND.label, *(t.label for t in EN.ticks),
                     *(getattr(EN.legend, k) for k in KINDS), *(r.name for r in EN.rows)]
    for text in texts(svg):  # a wrapped phrase is drawn line by line
        assert any(text.text in phrase for phrase in content_words), text.text
    assert not re.search(r"\d", words), "the chart states no number; the words beneath it do"
    assert "script" not in picture.svg and "<foreignObject" not in picture.svg


def test_words_are_escaped():
    tl = EN.model_copy(update={"title": "Relief <soon> & later"})
    picture = figures.timeline_svg(tl, "A & B <c>")
    assert "<soon>" not in picture.svg
    assert parse(picture).find(f"{SVG}title").text == "A & B <c>"
    assert "Relief <soon> & later" in " ".join(t.text for t in texts(parse(picture)))


def test_text_is_dark_enough_on_what_it_is_drawn_on():
    svg = parse(draw(band=BAND))
    fills = {t.get("fill") for t in texts(svg)}
    assert fills and all(theme.contrast_ratio(c, theme.BACKGROUND) >= 4.5 for c in fills), fills
    band_label = texts(svg.find(f".//{SVG}g[@id='{estimate_band.BAND_ID}']"))[0]
    assert theme.contrast_ratio(band_label.get("fill"), estimate_band.BAND_FILL) >= 4.5
    assert theme.contrast_ratio(theme.TIMELINE_COLOUR) >= 3.0, "bars stand out from white (graphics)"


def test_the_team_band_is_drawn_only_when_given_where_it_says_with_its_label():
    assert parse(draw()).find(f".//{SVG}g[@id='{estimate_band.BAND_ID}']") is None
    assert BAND.label not in draw().svg
    svg = parse(draw(band=BAND))
    group = svg.find(f".//{SVG}g[@id='{estimate_band.BAND_ID}']")
    shade = group.find(f"{SVG}rect")
    assert shade.get("fill") == f"url(#{estimate_band.HATCH_ID})", "hatched, not colour alone"
    marks = {float(m.get("data-hours")): float(m.get("x1")) for m in svg.iter(f"{SVG}line") if m.get("data-hours")}
    left, width = float(shade.get("x")), float(shade.get("width"))
    assert left == pytest.approx(marks[720], abs=0.2) and left + width == pytest.approx(marks[2160], abs=0.2)
    assert [t.text for t in texts(group)] == [BAND.label]
    # Behind the bars: drawn before the rows, and reaching from above the first row to the axis.
    order = list(svg)
    assert order.index(group) < order.index(svg.find(f"{SVG}g[@id='rows']"))
    first_bar = bars(svg.find(f".//{SVG}g[@id='rows']"))[0]
    assert float(shade.get("y")) < float(first_bar.get("y"))
