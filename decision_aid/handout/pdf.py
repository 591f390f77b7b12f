"""The take-home sheet: a PDF made in memory with fpdf2 (pure Python; nothing written to disk).

Every word and figure comes from the content and the session record. The patient's name is printed
only when the clinician typed one for this sheet; it never goes into the PDF's metadata.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from fpdf import FPDF

from decision_aid import review_status
from decision_aid.checklist import short_citation
from decision_aid.content import Content
from decision_aid.content.outcomes import Outcome
from decision_aid.dates import long_date
from decision_aid.figures import outcome_sentence
from decision_aid.session import SessionRecord
from decision_aid.visit import Visit, gather_visit, material_risk_lines

from . import lines
from .clear_part import write_asked, write_key_messages
from .clinic_block import clinic_lines
from .draft_stamp import draw_draft_stamp
from .fonts import FAMILY as FONT
from .fonts import add_fonts, needs_full_fonts
from .icons import draw_icon_array, icon_array_height
from .printable import printable_inputs
from .shared_part import write_shared

# Every option with its good and bad sides, the full list of risks and the signs to get urgent help
# need a fifth page in large print; safety wording is never cut to fit.
MAX_PAGES = {False: 6, True: 8}
"""Pages at most, by text size (large: True). Every option's benefits and harms in equal detail,
the urgent signs and whom to call do not fit fewer in large type; past these the sheet shortens."""

# Type sizes in points. Body text at least 13 pt (16 pt in large text) so the sheet is easy to
# read for people with poor sight or without their glasses.
BODY_PT = {False: 13, True: 16}
HEADING_PT = {False: 16, True: 19}
TITLE_PT = {False: 20, True: 23}
SMALL_PT = {False: 10, True: 12}  # sources and footer only
ICON_WIDTH = {100: 34}  # mm: 100 icons in a 10 x 10 square (1,000 take the page's width)
LINE = 1.2 * 0.3528  # line height in mm per point of type size

MARGIN = 12  # mm


class _Sheet(FPDF):
    footer_text = ""
    page_template = ""
    small_pt = 11
    draft_stamp: str | None = None  # while the content version has no clinical sign-off

    def header(self) -> None:
        if self.draft_stamp:
            draw_draft_stamp(self, self.draft_stamp, self.small_pt)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(FONT, size=self.small_pt)
        self.set_text_color(77, 85, 97)
        page = self.page_template.format(page=self.page_no(), pages="{nb}")
        self.cell(0, 5, f"{self.footer_text}   {page}", align="C")
        self.set_text_color(31, 35, 40)


def build_handout(
    content: Content,
    record: SessionRecord | None,
    *,
    large_text: bool = False,
    patient_name: str | None = None,
    today: dt.date | None = None,
) -> bytes:
    """The take-home PDF as bytes, at most MAX_PAGES pages.

    record None: a generic sheet for education sessions, without the personal parts. In a record, a
    part with no answers prints as "not discussed". When the sheet runs long (long questions, large
    text), it is rebuilt more compactly, step by step, until it fits.
    """
    visit = gather_visit(content, record) if record is not None else None
    visit, patient_name, unprintable_note = printable_inputs(content, visit, patient_name)
    picked = set(record.options_picked or []) if record else set()
    day = today or dt.date.today()
    for full_fonts in (False, True):  # the quick fonts, unless the sheet prints a rarer character
        pdf = _fitted_sheet(content, visit, picked, large_text, patient_name, day, full_fonts,
                            unprintable_note)
        if not needs_full_fonts(pdf):
            break
    return bytes(pdf.output())


def _fitted_sheet(
    content: Content, visit: Visit | None, picked: set[str], large: bool, patient_name: str | None,
    day: dt.date, full_fonts: bool, unprintable_note: str | None = None,
) -> FPDF:
    """The sheet written out, as compact as it needs to be to fit MAX_PAGES (not yet output)."""
    for compact in COMPACT_STEPS:
        writer = _Writer(content, large, compact, full_fonts)
        writer.title(patient_name, day)
        if unprintable_note:  # said at the top: the marks may be anywhere in what was typed
            writer.para(unprintable_note, bold=True)
        writer.decision()
        write_key_messages(writer)  # the main points, on every sheet
        writer.options(picked)
        writer.pictures()
        writer.risks()
        if visit is not None:
            writer.patient_parts(visit)
            write_asked(writer, visit)  # the suggested questions the patient ticked
            write_shared(writer, visit)  # only what the clinician chose to share from the checklist
            writer.talked_about(visit)
        writer.watch_for()
        writer.sources()
        if writer.pdf.page <= MAX_PAGES[large]:
            break
    return writer.pdf


@dataclass(frozen=True)
class Compact:
    """How much a sheet is shortened to fit its page limit."""

    questions_chars: int
    timeline_picked_only: bool  # "how soon and how long" only for the options looked at (if any)
    pictures: int | None  # icon pictures drawn (None: all)
    option_summaries: bool = True  # the one-line "what it is" under each option's name


# Tried in order until the sheet fits. The patient's own questions are cut first (the sheet says
# so), then details of options not looked at, then the last icon pictures (whole options: a good
# and a bad result each), then the one-line summary under each option's name.
COMPACT_STEPS = (
    Compact(questions_chars=600, timeline_picked_only=False, pictures=None),
    Compact(questions_chars=300, timeline_picked_only=True, pictures=None),
    Compact(questions_chars=200, timeline_picked_only=True, pictures=2),
    Compact(questions_chars=200, timeline_picked_only=True, pictures=2, option_summaries=False),
)


class _Writer:
    """Writes the sheet's sections in order and remembers which sources it cited."""

    def __init__(self, content: Content, large: bool, compact: Compact, full_fonts: bool = False):
        self.c = content
        self.compact = compact
        self.words = content.summary.handout
        self.large = large
        self.cited: list[str] = []
        self.pdf = _new_pdf(content, large, full_fonts)

    # --- text helpers ---------------------------------------------------------------------------
    def _font(self, size: dict[bool, int], bold: bool = False) -> float:
        pt = size[self.large]
        self.pdf.set_font(FONT, style="B" if bold else "", size=pt)
        return pt * LINE

    def _block(self, text: str, height: float, indent: float = 0) -> None:
        """`text` from the left margin (plus `indent`) to the right one; then back to the margin."""
        width = self.pdf.epw - indent
        self.pdf.set_x(self.pdf.l_margin + indent)
        lines.write(self.pdf, lines.wrap(self.pdf, text, width), width, height)
        self.pdf.set_x(self.pdf.l_margin)

    def heading(self, text: str) -> None:
        height = self._font(HEADING_PT, bold=True)
        if self.pdf.will_page_break(height * 4):  # never leave a heading alone at a page foot
            self.pdf.add_page()
        self.pdf.ln(height * 0.35)
        self._block(text, height)
        self.pdf.ln(height * 0.15)

    def para(self, text: str, bold: bool = False, indent: float = 0, size: dict[bool, int] = BODY_PT) -> None:
        self._block(text, self._font(size, bold), indent)

    def bullets(self, points: Iterable[str]) -> None:
        height = self._font(BODY_PT)
        bullet_w = height * 1.3
        width = self.pdf.epw - bullet_w
        for point in points:
            rows = lines.wrap(self.pdf, point, width)
            if self.pdf.will_page_break(len(rows) * height):  # a point is never split over two pages
                self.pdf.add_page()
            self.pdf.set_x(self.pdf.l_margin)
            self.pdf.cell(bullet_w, height, "•")
            lines.write(self.pdf, rows, width, height)
            self.pdf.set_x(self.pdf.l_margin)

    def cite(self, source_ids: Iterable[str]) -> None:
        self.cited.extend(s for s in source_ids if s not in self.cited)

    # --- sections -------------------------------------------------------------------------------
    def title(self, patient_name: str | None, today: dt.date) -> None:
        self.pdf.add_page()
        self._block(self.c.meta.title, self._font(TITLE_PT, bold=True))
        self.para(self.words.subtitle, bold=True)
        self.para(self.words.made_on.format(date=long_date(today, self.c.meta.formats)))
        name = (patient_name or "").strip()
        if name:
            self.para(self.words.for_whom.format(name=name))
        self.para(self.c.meta.safety_line)
        overdue = review_status.overdue_line(self.c, today)
        if overdue:
            self.para(overdue, bold=True)
        translation = self.c.meta.translation
        if translation is not None and not translation.reviewed_by_medical_translator:
            self.para(translation.unreviewed_note, bold=True)  # as on every page in this language

    def decision(self) -> None:
        self.heading(self.words.decision_heading)
        self.para(self.words.decision)
        self.pdf.ln(1)
        self.para(self.words.evidence_gap)

    def options(self, picked: set[str]) -> None:
        self.heading(self.words.options_heading)
        for option in self.c.options.options:
            name = f"{option.name} {self.words.looked_at}" if option.id in picked else option.name
            if self.pdf.will_page_break(BODY_PT[self.large] * LINE * 3):  # name not alone at a page foot
                self.pdf.add_page()
            self.para(name, bold=True)
            if self.compact.option_summaries:
                self.para(option.summary)
            if self.compact.timeline_picked_only and picked and option.id not in picked:
                self.pdf.ln(1.5)
                continue
            # Benefits and harms in equal detail: what may help, then the main risks.
            self.para(f"{self.words.helps_label} {option.sheet.helps}", indent=6)
            self.para(f"{self.words.risks_label} {option.sheet.risks}", indent=6)
            self.cite(option.sheet.source_ids)
            self.pdf.ln(1.5)

    def pictures(self) -> None:
        self.heading(self.words.pictures_heading)
        self.para(self.words.pictures_intro)
        self.para(self.words.pictures_caveat, bold=True)
        outcomes = {o.id: o for o in self.c.outcomes.outcomes}
        for outcome_id in self.words.icon_outcome_ids[: self.compact.pictures]:
            self._icon_block(outcomes[outcome_id])

    def _icon_block(self, outcome: Outcome) -> None:
        # 100 people fit a small square beside the words; 1,000 people need the page's whole width
        # to be read on paper (each person about 3.7 mm), with the words underneath.
        wide = outcome.denominator == 1000
        width = self.pdf.epw if wide else ICON_WIDTH[outcome.denominator]
        icons_h = icon_array_height(outcome.count, outcome.denominator, width)
        text_w = self.pdf.epw if wide else self.pdf.epw - width - 6
        option = self.c.options.get(outcome.option_id)
        # Named by who had it: each picture stands alone, so it says which treatment it is about.
        sentence = outcome_sentence(outcome, self.c.meta, arm=option.people or option.name)  # ends with how sure
        height = self._font(BODY_PT)
        rows = lines.wrap(self.pdf, sentence, text_w)
        text_h = len(rows) * height
        block_h = icons_h + 2 + text_h if wide else max(icons_h, text_h)
        if self.pdf.will_page_break(block_h + 4):
            self.pdf.add_page()
        top = self.pdf.get_y() + 3
        draw_icon_array(self.pdf, outcome.count, outcome.denominator, outcome.kind == "harm",
                        self.pdf.l_margin, top, width)
        if wide:
            self.pdf.set_xy(self.pdf.l_margin, top + icons_h + 2)
        else:
            self.pdf.set_xy(self.pdf.l_margin + width + 6, top)
        lines.write(self.pdf, rows, text_w, height)
        self.pdf.set_xy(self.pdf.l_margin, top + block_h + 1)
        self.cite(outcome.source_ids)

    def risks(self) -> None:
        self.heading(self.words.risks_heading)
        self.bullets(material_risk_lines(self.c))
        outcomes = {o.id: o for o in self.c.outcomes.outcomes}
        for risk in self.c.summary.material_risks:
            self.cite(outcomes[risk.outcome_id].source_ids if risk.outcome_id else [])
            self.cite(risk.source_ids)

    def patient_parts(self, visit: Visit) -> None:
        self.heading(self.words.priorities_heading)
        if visit.priorities:
            self.bullets(f"{p.priority.label}: {p.rating_label}" for p in visit.priorities)
        else:
            self.para(self.words.not_discussed)
        self.heading(self.words.questions_heading)
        if visit.questions:
            text = visit.questions
            if len(text) > self.compact.questions_chars:
                text = f"{text[: self.compact.questions_chars].rstrip()}... {self.words.questions_shortened}"
            self.para(text)
        else:
            self.para(self.words.not_discussed)
        self.heading(self.words.next_step_heading)
        self.para(visit.next_step or self.words.not_discussed, bold=bool(visit.next_step))

    def talked_about(self, visit: Visit) -> None:
        self.heading(self.words.talked_heading)
        if visit.consent:
            self.bullets(item.label for item, ticked in visit.consent if ticked)
        else:
            self.para(self.words.not_discussed)
        self.para(self.c.summary.consent_disclaimer, bold=True)

    def watch_for(self) -> None:
        watch = self.c.summary.watch_for
        self.heading(watch.heading)
        self.bullets(item.text for item in watch.items)
        for item in watch.items:
            self.cite(item.source_ids)
        self.pdf.ln(1)
        self.para(watch.infection_signs, bold=True)
        self.para(watch.when_to_call, bold=True)
        self.pdf.ln(1)
        self.para(watch.urgent_heading, bold=True)
        self.bullets(watch.urgent_signs)
        self.para(watch.urgent_action, bold=True)
        self.who_to_call()

    def who_to_call(self) -> None:
        """The clinic's name, phones and place, or blank lines to fill in (clinic_block.py)."""
        self.heading(self.c.meta.clinic_words.heading)
        self.bullets(clinic_lines(self.c))
        if self.c.clinic is None:
            self.para(self.c.meta.clinic_words.write_in)

    def sources(self) -> None:
        """Short citations (author, year) of every source behind what the sheet printed."""
        self.heading(self.words.sources_heading)
        by_id = {s.id: s for s in self.c.sources.sources}
        citations = "; ".join(dict.fromkeys(short_citation(by_id[i]) for i in self.cited))
        self.para(f"{citations}. {self.words.sources_more}", size=SMALL_PT)


def _new_pdf(content: Content, large: bool, full_fonts: bool) -> _Sheet:
    pdf = _Sheet(format="A4")
    add_fonts(pdf, full=full_fonts)
    pdf.set_margins(MARGIN, MARGIN, MARGIN)
    pdf.set_auto_page_break(True, margin=16)
    pdf.set_text_color(31, 35, 40)
    meta = content.meta
    pdf.footer_text = content.summary.handout.version.format(
        version=meta.version, reviewed=long_date(meta.last_reviewed, meta.formats)
    )
    pdf.page_template = content.summary.handout.page_of
    pdf.draft_stamp = review_status.pdf_stamp(content)
    pdf.small_pt = SMALL_PT[large]
    # Metadata names the tool and content only: never the patient.
    pdf.set_title(meta.title)
    pdf.set_subject(content.summary.handout.subtitle)
    pdf.set_author(meta.authors)
    pdf.set_creator(f"{meta.title}: decision aid, content version {meta.version}")
    pdf.set_lang(meta.language)
    return pdf
