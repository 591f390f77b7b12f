"""Safety controls seen on the screen (docs/safety.md names each): a threshold applied and shown as
the content says, a unit mistake refused, chart text that can be read."""

from __future__ import annotations

import re

import pytest
import yaml
from playwright.sync_api import Page, expect

from .conftest import ROOT, AppDriver
from .test_pages_browser import full_page_screenshot
from .visit import pick_options

pytestmark = pytest.mark.browser

MIN_CONTRAST = 4.5  # WCAG 2.1 AA, normal-size text


def _rule(rule_id: str) -> dict:
    data = yaml.safe_load((ROOT / "content" / "en" / "checklist.yaml").read_text(encoding="utf-8"))
    return next(r for r in data["rules"] if r["id"] == rule_id)


def test_inr_stop_line_applies_above_the_content_threshold_only(app: AppDriver, content):
    rule = _rule("inr_high")
    line = float(rule["when"]["above"])
    ui = content.checklist.ui
    app.open("checklist")
    flag = re.compile(rf"{ui.level_label['stop'].label}: INR above {line:g}(\.0)?\b")
    # At the line itself: no stop flag (the content says "above").
    app.number("INR", line)
    expect(app.main().get_by_text(flag)).to_have_count(0)
    # Just above it: the stop flag, naming the line from the content, and the STOP banner.
    app.number("INR", round(line + 0.1, 1))
    expect(app.main().get_by_text(flag)).to_be_visible()
    expect(app.main().get_by_role("alert").filter(has_text=ui.status["stop"].label).first).to_be_visible()


def test_platelets_per_microlitre_is_refused_on_screen(app: AppDriver, content):
    field = next(f for f in content.checklist.fields if f.key == "platelets")
    app.open("checklist")
    app.number(f"{field.label} ({field.unit})", 150000)  # a count per microlitre, typed by habit
    main = app.main()
    expect(main.get_by_text(re.compile("per microlitre")).first).to_be_visible()
    expect(main.get_by_text(content.checklist.ui.invalid)).to_be_visible()
    # No result is shown while the answer is refused.
    for status in content.checklist.ui.status.values():
        expect(main.get_by_role("alert").filter(has_text=f"{status.label}:")).to_have_count(0)


def _rgb(colour: str) -> tuple[float, float, float]:
    colour = colour.strip()
    if colour.startswith("#"):
        hexa = colour[1:]
        if len(hexa) == 3:
            hexa = "".join(c * 2 for c in hexa)
        return tuple(int(hexa[i:i + 2], 16) for i in (0, 2, 4))
    parts = [float(p) for p in re.findall(r"[\d.]+", colour)[:3]]
    return tuple(parts)


def _luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(_rgb(a)), _luminance(_rgb(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def chart_text_colours(page: Page) -> list[dict]:
    """Every piece of text drawn in every chart, with its colour and the chart's backgrounds: plotly
    charts as drawn (none today), pictures (icon arrays, the timeline) as the SVG their <img> shows
    (their own first rect is the background)."""
    return page.evaluate(
        """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap((gd, i) => {
             const layout = gd._fullLayout || {};
             return [...gd.querySelectorAll('text')].filter(t => t.textContent.trim()).map(t => {
               const s = getComputedStyle(t);
               return {chart: i, text: t.textContent.trim().slice(0, 60), fill: s.fill,
                       opacity: parseFloat(s.fillOpacity) * parseFloat(s.opacity),
                       paper: layout.paper_bgcolor || '#ffffff', plot: layout.plot_bgcolor || '#ffffff'};
             });
           }).concat(""" + PICTURES_JS + """.flatMap(({svg, name}) => {
             // The picture's own first rect, not the icons in its <defs>.
             const background = svg.querySelector(':scope > rect').getAttribute('fill');
             return [...svg.querySelectorAll('text')].map(t => ({
               chart: name, text: t.textContent.slice(0, 60), fill: t.getAttribute('fill'),
               opacity: parseFloat(t.getAttribute('opacity') || '1'), paper: background, plot: background}));
           }))"""
    )


# The SVG of every picture in the main area, parsed from its data URL (UTF-8), with its alt text.
PICTURES_JS = """[...document.querySelectorAll('[data-testid="stMain"] [data-testid="stImage"] img')]
.map(img => {
  const bytes = Uint8Array.from(atob(img.src.split(',')[1]), c => c.charCodeAt(0));
  const text = new TextDecoder().decode(bytes);
  const svg = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
  return {svg, name: img.alt};
})"""


def picture_text_problems(page: Page) -> list[str]:
    """Words drawn outside their picture (they would be cut off), over an icon array's icons, or over
    each other, measured with the browser's own fonts: each picture's SVG is put in the page for a
    moment, at its own size, and measured."""
    return page.evaluate(
        "() => " + PICTURES_JS + """.flatMap(({svg, name}) => {
             const box = document.body.appendChild(document.createElement('div'));
             box.style.cssText = 'position:absolute; left:0; top:0';
             const drawn = box.appendChild(document.importNode(svg, true));
             const frame = drawn.getBoundingClientRect();
             const icons = drawn.querySelector('#people');  // icon arrays; the timeline has none
             const people = icons && icons.getBoundingClientRect();
             const texts = [...drawn.querySelectorAll('text')]
               .map(t => [t.textContent, t.getBoundingClientRect()]);
             const meet = (a, b) =>
               a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
             const out = [];
             texts.forEach(([text, r], i) => {
               if (r.left < frame.left || r.top < frame.top
                   || r.right > frame.right || r.bottom > frame.bottom)
                 out.push(`${name}: '${text}' is cut off (${r.right - frame.left} of ${frame.width} wide)`);
               if (people && meet(r, people)) out.push(`${name}: '${text}' is over the icons`);
               texts.slice(i + 1).filter(([, o]) => meet(r, o))
                 .forEach(([other]) => out.push(`${name}: '${text}' overlaps '${other}'`));
             });
             box.remove();
             return out;
           })"""
    )


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_chart_text_contrast_is_at_least_4_5_to_1(app: AppDriver, content, large: bool):
    app.open("explainer")
    if large:
        app.set_large_text(True)
    texts = chart_text_colours(app.page)
    app.go("options")
    pick_options(app, content, 3)
    texts += chart_text_colours(app.page)
    assert len(texts) > 10, "charts with text were drawn"
    assert {t["chart"] for t in texts if isinstance(t["chart"], str)}, "icon array pictures were read"
    poor = [
        f"{t['text']!r}: {t['fill']} on {bg} = {contrast(t['fill'], bg):.2f}"
        for t in texts
        for bg in (t["paper"], t["plot"])
        if t["opacity"] < 1 or contrast(t["fill"], bg) < MIN_CONTRAST
    ]
    assert not poor, "\n".join(poor[:20])


def picture_sizes(page: Page) -> list[dict]:
    """Each icon array picture's drawn and natural size (pixels)."""
    return page.locator('[data-testid="stMain"] [data-testid="stImage"] img').evaluate_all(
        """imgs => imgs.map(img => { const r = img.getBoundingClientRect();
             return {name: img.alt, width: r.width, height: r.height,
                     natural_width: img.naturalWidth, natural_height: img.naturalHeight}; })"""
    )


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_icon_array_pictures_are_whole_and_unstretched(app: AppDriver, content, large: bool):
    app.open("explainer")
    if large:
        app.set_large_text(True)
    problems, sizes = picture_text_problems(app.page), picture_sizes(app.page)
    app.go("options")
    pick_options(app, content, 3)
    problems += picture_text_problems(app.page)
    sizes += picture_sizes(app.page)
    # For a person to look at: three choices side by side, the narrowest pictures the app draws.
    full_page_screenshot(app.page, f"options-3-picked-{'large' if large else 'normal'}")
    assert len(sizes) > 8, "pictures were drawn on both pages"
    assert not problems, "\n".join(problems[:20])
    for size in sizes:
        assert size["natural_width"] > 0, size
        # Never stretched out of shape, nor drawn bigger than made (only shrunk to fit a column).
        assert size["width"] <= size["natural_width"] + 0.5, size
        assert size["width"] >= 0.85 * size["natural_width"], f"shrunk until hard to read: {size}"
        ratio = size["height"] / size["width"]
        assert ratio == pytest.approx(size["natural_height"] / size["natural_width"], rel=0.02), size
