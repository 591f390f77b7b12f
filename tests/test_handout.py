"""The take-home PDF: valid, at most 4 pages, holding the sections and numbers a patient needs.

Read back with pypdf, as a patient's PDF reader would. Every expectation is taken from the content,
so a content edit cannot make a test pass by accident.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from fontTools.ttLib import TTFont
from fpdf import FPDF
from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader

from decision_aid.content import load_content
from decision_aid.dates import long_date
from decision_aid.figures import format_number, icon_layout, outcome_counts, theme
from decision_aid.handout import MAX_PAGES, build_handout, lines
from decision_aid.handout.fonts import FAMILY as FONT
from decision_aid.handout.fonts import QUICK_CHARACTERS, add_fonts
from decision_aid.handout.icons import draw_icon_array
from decision_aid.handout.pdf import BODY_PT
from decision_aid.session import SessionRecord

from .conftest import CONTENT
from .session_examples import full_record

DAY = dt.date(2026, 11, 27)


def read(pdf: bytes) -> tuple[PdfReader, str]:
    """The PDF and its text with runs of white space as one space (lines wrap anywhere), without
    the page footers and the draft line at the top of each page (a paragraph may run on over a
    page break)."""
    reader = PdfReader(io.BytesIO(pdf))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    return reader, " ".join(FOOTER.sub(" ", text).split())


FORMATS = load_content(CONTENT).meta.formats
FOOTER = re.compile(r"Content version \S+, last updated by the software team on \d+ \w+ \d{4}\. Page \d+ of \d+"
                    r"( DRAFT: not yet approved for use with patients at this service)?")


def flat(text: str) -> str:
    return " ".join(text.split())


def figure_words(outcome) -> str:
    counts = outcome_counts(outcome)
    return f"{format_number(counts.count, FORMATS)} out of {format_number(counts.denominator, FORMATS)}"


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_generic_handout_holds_every_shared_section(content, large):
    reader, text = read(build_handout(content, None, large_text=large, today=DAY))
    words = content.summary.handout
    assert 1 <= len(reader.pages) <= MAX_PAGES[large]
    assert flat(content.meta.title) in text
    assert "27 November 2026" in text
    for heading in (words.decision_heading, words.options_heading, words.pictures_heading,
                    words.risks_heading, content.summary.watch_for.heading, words.sources_heading):
        assert flat(heading) in text, heading
    for option in content.options.options:
        assert flat(option.name) in text
    for option in content.options.options:  # what may help and the main risks, equally, per option
        assert flat(option.sheet.helps) in text and flat(option.sheet.risks) in text, option.id
    outcomes = {o.id: o for o in content.outcomes.outcomes}
    for outcome_id in words.icon_outcome_ids:
        assert figure_words(outcomes[outcome_id]) in text, outcome_id
    for risk in content.summary.material_risks:
        assert flat(risk.name) in text
    watch = content.summary.watch_for
    for line in [*(i.text for i in watch.items), watch.infection_signs, watch.when_to_call,
                 watch.urgent_heading, *watch.urgent_signs, watch.urgent_action]:
        assert flat(line) in text
    reviewed = content.meta.last_reviewed
    footer = content.summary.handout.version.format(
        version=content.meta.version, reviewed=long_date(reviewed, content.meta.formats))
    assert all(footer in " ".join(page.extract_text().split()) for page in reader.pages)
    # The generic sheet has no personal parts.
    assert flat(words.next_step_heading) not in text
    assert flat(words.not_discussed) not in text


def test_sources_of_printed_figures_are_listed(content):
    _, text = read(build_handout(content, None))
    sources = {s.id: s for s in content.sources.sources}
    outcomes = {o.id: o for o in content.outcomes.outcomes}
    for outcome_id in content.summary.handout.icon_outcome_ids:
        for source_id in outcomes[outcome_id].source_ids:
            first_author = sources[source_id].citation.split(" ")[0]
            assert first_author in text, source_id
    assert "Mueller" in text  # the infection-timing line cites it


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
def test_full_session_handout_holds_every_part(content, large):
    record = full_record(content)
    reader, text = read(build_handout(content, record, large_text=large, today=DAY))
    words = content.summary.handout
    assert len(reader.pages) <= MAX_PAGES[large]
    assert flat(words.looked_at) in text
    assert flat(record.questions) in text
    step = next(s for s in content.summary.next_steps if s.id == record.next_step)
    assert flat(f"{step.label}: {record.next_step_other}") in text
    for item in content.summary.consent_items:
        assert flat(item.label) in text
    assert flat(content.summary.consent_disclaimer) in text
    priorities = {p.id: p.label for p in content.priorities.priorities}
    for priority_id in record.priorities:
        assert flat(priorities[priority_id]) in text
    assert flat(words.not_discussed) not in text


PARTS = ["options_picked", "priorities", "questions", "next_step", "consent"]


@pytest.mark.parametrize("missing", PARTS)
def test_a_part_not_discussed_says_so(content, missing):
    record = full_record(content).model_copy(update={missing: None})
    _, text = read(build_handout(content, record))
    words = content.summary.handout
    if missing == "options_picked":
        assert flat(words.looked_at) not in text
    else:
        assert flat(words.not_discussed) in text


def test_type_is_large_enough_in_both_sizes(content):
    for large, smallest in ((False, 13), (True, 16)):
        sizes = body_font_sizes(build_handout(content, full_record(content), large_text=large),
                                content.summary.handout.decision)
        assert sizes and min(sizes) >= smallest == BODY_PT[large]


def body_font_sizes(pdf: bytes, phrase: str) -> list[float]:
    """Font sizes of the text runs that print the first words of `phrase`."""
    start = " ".join(phrase.split()[:4])
    sizes: list[float] = []

    def visit(text, cm, tm, font, size):
        if start in " ".join(text.split()):
            sizes.append(size * tm[0])

    for page in PdfReader(io.BytesIO(pdf)).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def test_long_questions_are_cut_to_fit_and_say_so(content):
    record = full_record(content).model_copy(update={"questions": "Will the shot hurt my leg? " * 200})
    for large in (False, True):
        reader, text = read(build_handout(content, record, large_text=large))
        assert len(reader.pages) <= MAX_PAGES[large]
        assert flat(content.summary.handout.questions_shortened) in text


def test_name_is_printed_only_when_typed_and_never_in_metadata(content):
    name = "Zoë Ångström"
    reader, text = read(build_handout(content, full_record(content), patient_name=name))
    assert name in text
    assert all(name not in str(value) for value in (reader.metadata or {}).values())
    assert reader.metadata.title == content.meta.title
    _, without = read(build_handout(content, full_record(content)))
    assert "For:" not in without


def test_unusual_characters_in_questions_do_not_break_the_sheet(content):
    record = full_record(content).model_copy(update={"questions": "Café? ½ dose? 漢字 🙂 <b>&amp;</b>"})
    _, text = read(build_handout(content, record))
    assert "Café? ½ dose?" in text and "<b>&amp;</b>" in text


def drawn_icons(count: int, denominator: int, harm: bool) -> tuple[list[tuple[str, tuple, float, float]], float]:
    """The shapes an icon array puts on a bare page (its top-left corner at 10 mm, 20 mm; 50 mm
    wide), read back from the page's drawing operators: (shape, colour, centre x, centre y in mm
    from the top left), and the height the array says it took. Each shape is drawn around the
    origin and moved into place with `cm`."""
    pdf = FPDF()
    pdf.add_page()
    pdf.compress = False
    height = draw_icon_array(pdf, count, denominator, harm, x=10, y=20, width=50)
    shapes, numbers, colour, at, square = [], [], {}, (0.0, 0.0), False
    for token in pdf.pages[1].contents.decode().split():
        if re.fullmatch(r"-?[\d.]+", token):
            numbers.append(float(token))
            continue
        if token in ("rg", "RG"):
            colour[token] = tuple(round(v * 255) for v in numbers)
        elif token == "cm":
            at = (numbers[4] / pdf.k, pdf.h - numbers[5] / pdf.k)
        elif token == "re":
            square = True
        elif token == "f":
            shapes.append(("square" if square else "filled circle", colour["rg"], *at))
        elif token == "S":
            shapes.append(("empty circle", colour["RG"], *at))
        elif token == "Q":
            at, square = (0.0, 0.0), False
        numbers = []
    return shapes, height


def rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


@pytest.mark.parametrize(
    ("count", "denominator", "harm"), [(61, 100, False), (3, 100, True), (1, 1000, True), (0, 100, False)]
)
def test_icon_array_draws_the_screen_layout_with_shape_and_colour(count, denominator, harm):
    shapes, height = drawn_icons(count, denominator, harm)
    layout = icon_layout(count, denominator)
    assert len(shapes) == denominator == len(layout.cells)
    marked = [s for s in shapes if s[0] != "empty circle"]
    assert len(marked) == count
    expected = ("square", rgb(theme.HARM)) if harm else ("filled circle", rgb(theme.BENEFIT))
    assert {(s[0], s[1]) for s in marked} <= {expected}
    assert {s[1] for s in shapes if s[0] == "empty circle"} <= {rgb(theme.UNAFFECTED)}
    assert height == pytest.approx(50 / layout.columns * layout.rows)
    # The same cells as the screen's layout, each shape centred in its own cell.
    cell = 50 / layout.columns

    def cells(drawn):
        return {(int((s[2] - 10) // cell), int((s[3] - 20) // cell)) for s in drawn}

    assert cells(marked) == {(c.x, c.y) for c in layout.highlighted}
    assert cells(shapes) == {(c.x, c.y) for c in layout.cells}
    for _, _, x, y in shapes:
        assert (x - 10) % cell == pytest.approx(cell / 2, abs=0.01)
        assert (y - 20) % cell == pytest.approx(cell / 2, abs=0.01)


def test_icon_arrays_are_vector_shapes_not_pictures(content):
    reader, _ = read(build_handout(content, None))
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        assert "/XObject" not in resources or not resources["/XObject"], "no raster images"
    stream = b"".join(page.get_contents().get_data() for page in reader.pages)
    assert len(re.findall(rb" re\b", stream)) >= 1  # harm squares
    assert len(re.findall(rb" c\b", stream)) >= 4 * 100  # circles are drawn as Bezier curves


def test_record_none_and_empty_record_differ(content):
    _, generic = read(build_handout(content, None))
    _, empty = read(build_handout(content, SessionRecord()))
    assert flat(content.summary.handout.not_discussed) in empty
    assert flat(content.summary.handout.not_discussed) not in generic


# --- each sheet is its own: fonts are prepared once per process, never shared between sheets -----

def embedded_fonts(reader: PdfReader) -> list:
    """The font programs embedded in the PDF, parsed (each a subset of DejaVu)."""
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            fonts[font["/BaseFont"]] = TTFont(io.BytesIO(descriptor["/FontFile2"].get_object().get_data()))
    return list(fonts.values())


def sheet_for(content, name: str, question: str) -> bytes:
    record = full_record(content).model_copy(update={"questions": question})
    return build_handout(content, record, patient_name=name, today=DAY)


PEOPLE = [("Zoë Ångström", "Can I still swim in the lake?"), ("Bob Quill", "Will my dog notice?"),
          ("Αλέξανδρος Παππάς", "Θα πονέσει;")]  # Greek: a character beyond the quick fonts


def test_sheets_built_one_after_another_hold_only_their_own_words(content):
    sheets = [sheet_for(content, name, question) for name, question in PEOPLE]
    sheets.append(build_handout(content, None, today=DAY))
    for i, pdf in enumerate(sheets):
        reader, text = read(pdf)
        for j, (name, question) in enumerate(PEOPLE):
            assert (name in text and question in text) == (i == j), (i, name)
        fonts = embedded_fonts(reader)
        assert len(fonts) == 2  # regular and bold, embedded
        for font in fonts:  # a small subset, with outlines for the letters it prints
            glyphs = font["glyf"]
            drawn = [g for g in font.getGlyphOrder() if glyphs[g].numberOfContours]
            assert 20 < len(drawn) < len(font.getGlyphOrder()) < 300


def test_sheets_built_at_the_same_time_hold_only_their_own_words(content):
    """Streamlit serves sessions from several threads; sheets built at once do not mix."""
    jobs = PEOPLE * 3
    with ThreadPoolExecutor(max_workers=4) as pool:
        sheets = list(pool.map(lambda job: sheet_for(content, *job), jobs))
    for (name, question), pdf in zip(jobs, sheets, strict=True):
        _, text = read(pdf)
        assert name in text and question in text
        assert all(other not in text for other, _ in PEOPLE if other != name)


def test_content_prints_with_the_quick_fonts():
    """Every character the content uses is in the fonts a sheet is built with first (otherwise each
    sheet is built twice: add its Unicode block to fonts.QUICK_BLOCKS)."""
    used = {ord(c) for path in (CONTENT / "en").glob("*.yaml") for c in path.read_text("utf-8")}
    assert used - {ord("\n"), ord("\t")} <= QUICK_CHARACTERS


SAMPLE = st.text(alphabet=st.sampled_from("aWi  .,–½\n\tĀ"), max_size=160)


@settings(max_examples=200, deadline=None)
@given(text=SAMPLE, width=st.floats(min_value=8, max_value=150))
def test_lines_break_where_multi_cell_breaks_them(text, width):
    pdf = FPDF()
    add_fonts(pdf)
    pdf.add_page()
    pdf.set_font(FONT, size=13)
    assert lines.wrap(pdf, text, width) == pdf.multi_cell(width, 5, text, dry_run=True, output="LINES")


def test_a_picture_of_1000_people_is_large_enough_to_read_on_paper(content, monkeypatch):
    """Issue 15: 1,000 people in a 60 mm box were dots; on the page's width each is about 3.7 mm."""
    import decision_aid.handout.pdf as pdf_module

    drawn = []
    real = pdf_module.draw_icon_array

    def spy(pdf, count, denominator, harm, x, y, width):
        drawn.append((denominator, width / icon_layout(count, denominator).columns))
        return real(pdf, count, denominator, harm, x, y, width)

    monkeypatch.setattr(pdf_module, "draw_icon_array", spy)
    build_handout(content, full_record(content))
    cells = [cell for denominator, cell in drawn if denominator == 1000]
    assert cells and min(cells) >= 3.5, drawn  # mm per person
