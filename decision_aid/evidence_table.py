"""What the evidence page shows, as data: where each source is used, and every number the app shows.

Both are found by walking the loaded content, so a figure or source added to any YAML file shows up
here without code changes:
- a *source use* is any `source_ids` / `source_id` field (also `caveat_source_ids` and the like),
  with the model it sits in;
- a *figure* is an outcome (outcomes.yaml), a timeline segment (timeline.yaml), a number field in
  any other model that cites sources or sits inside one (e.g. checklist thresholds), or a sentence
  with a digit in it.
Which pages show a file's content comes from evidence.yaml `shown_on`.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
import textwrap
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import pandas as pd
from pydantic import BaseModel

from decision_aid.checklist.wording import fill
from decision_aid.content import Content
from decision_aid.content.bundle import FILES
from decision_aid.content.checklist import Rule
from decision_aid.content.meta import Meta
from decision_aid.content.outcomes import Outcome
from decision_aid.content.sources import Source

COLUMNS = [
    "option", "shown_on", "what", "number", "out_of", "low", "high", "time_frame", "population",
    "certainty", "sources", "source_figure", "content_field",
]
"""Internal column names of the figure table; evidence.yaml `figures.columns` gives their headings."""

PAGE_COLUMNS = [c for c in COLUMNS if c not in ("source_figure", "content_field")]
"""Columns shown on the page (the CSV download keeps them all, for a clinic's review)."""

OPTION_SEPARATOR = "; "
"""Joins option names when one figure belongs to several options."""

# Files about the tool itself, not the evidence: their numbers (version, dates) are not figures.
_NOT_FIGURES = {"meta.yaml", "sources.yaml", "pages.yaml", "paths.yaml", "start.yaml", "evidence.yaml"}
# Fields that name things or quote the source, never a figure shown as such.
_SKIP_FIELDS = {"id", "key", "field", "source_figure", "url_path", "unit", "icon"}
_CODE = re.compile(r"^[a-z0-9_]+$")  # an id or stored code such as 1_to_3_months
_WHAT_FIELDS = ("name", "label", "title", "heading", "question", "text", "words", "summary", "prompt",
                "reason", "caveat")  # a fit says why; the Mirels table its caveat


def review_is_overdue(meta: Meta, today: dt.date | None = None) -> bool:
    """True once meta.yaml's review-by date has passed (the content check warns too)."""
    return (today or dt.date.today()) > meta.review_by


# --- Walking the content --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Node:
    file: str
    loc: str
    model: BaseModel
    ancestors: tuple[BaseModel, ...]  # outermost first

    def nearest(self, attr: str) -> Any:
        """The attribute on this model or on the closest model around it that has it set."""
        for m in (self.model, *reversed(self.ancestors)):
            value = getattr(m, attr, None)
            if value not in (None, [], ""):
                return value
        return None


def _models(content: Content, files: Iterable[str] | None = None) -> Iterator[_Node]:
    for name, (attr, _) in FILES.items():
        if files is None or name in files:
            yield from _walk(name, getattr(content, attr), "", ())


def _walk(file: str, value: Any, loc: str, ancestors: tuple[BaseModel, ...]) -> Iterator[_Node]:
    if isinstance(value, BaseModel):
        yield _Node(file, loc, value, ancestors)
        for field, child in value:
            yield from _walk(file, child, f"{loc}.{field}" if loc else field, (*ancestors, value))
    elif isinstance(value, (list, tuple)):
        for i, child in enumerate(value):
            yield from _walk(file, child, f"{loc}[{i}]", ancestors)
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from _walk(file, child, f"{loc}.{key}" if loc else str(key), ancestors)


def _cited(model: BaseModel) -> list[str]:
    """Source ids cited directly by this model, in field order."""
    ids: list[str] = []
    for field, value in model:
        if field.endswith(("source_id", "source_ids")):
            ids.extend(v for v in (value if isinstance(value, list) else [value]) if v)
    return ids


def _sources_around(node: _Node) -> list[str]:
    """Sources cited by the model or, failing that, by the closest model around it."""
    for m in (node.model, *reversed(node.ancestors)):
        ids = _cited(m)
        if ids:
            return ids
    return []


# --- Source uses ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class SourceUse:
    """One place in the content that cites a source."""

    source_id: str
    file: str
    field: str
    what: str
    page_ids: tuple[str, ...]
    certainty: str | None


def source_uses(content: Content) -> list[SourceUse]:
    """Every place a source is cited, in content order."""
    return [
        SourceUse(
            source_id=source_id,
            file=node.file,
            field=node.loc,
            what=describe(node.model, content, node.ancestors),
            page_ids=tuple(content.evidence.shown_on.get(node.file, ())),
            certainty=node.nearest("certainty"),
        )
        for node in _models(content)
        for source_id in _cited(node.model)
    ]


def uses_by_source(content: Content) -> dict[str, list[SourceUse]]:
    """Source id -> its uses, for every source in sources.yaml (an empty list when unused)."""
    by_source: dict[str, list[SourceUse]] = {s.id: [] for s in content.sources.sources}
    for use in source_uses(content):
        by_source.setdefault(use.source_id, []).append(use)
    return by_source


def source_facts(content: Content, source: Source) -> list[str]:
    """The lines the evidence page lists for one source: PMID/DOI, checked, kind, population, note."""
    labels = content.evidence.source_list
    lines = []
    if source.pmid:
        lines.append(f"**{labels.pmid}:** {source.pmid}")
    if source.doi:
        lines.append(f"**{labels.doi}:** {source.doi}")
    lines.append(labels.checked_secondary if source.secondary else labels.checked_yes if source.checked
                 else labels.checked_no)
    lines.append(f"**{labels.kind}:** {source.kind.replace('_', ' ')}")
    lines.append(f"**{labels.population}:** {source.population}")
    if source.note:
        lines.append(f"**{labels.note}:** {source.note}")
    return lines


def use_lines(content: Content, uses: Iterable[SourceUse]) -> list[str]:
    """'Pages: what (file: field)' for each use, so a reader finds it on screen and in the YAML."""
    return [f"{page_names(content, u.page_ids) or u.file}: {u.what} ({u.file}: {u.field})" for u in uses]


def source_label(source: Source) -> str:
    return f"{source.citation} ({source.id})"


def source_markdown(content: Content, source: Source, uses: list[SourceUse]) -> str:
    """One source as markdown: its facts, what it is used for on which page, how sure we are."""
    labels = content.evidence.source_list
    parts = [
        _bullets(source_facts(content, source)),
        f"**{labels.used_for}:**",
        _bullets(use_lines(content, uses) or [labels.not_used]),
    ]
    certainty = certainty_summary(content, uses)
    if certainty:
        parts.append(f"**{labels.certainty}:** {certainty}")
    return "\n\n".join(parts)


def sources_markdown(content: Content) -> str:
    """Every source in sources.yaml, each a closed disclosure (<details>) naming it, in one markdown text.

    One text, not an expander per source: expanders made the page a Streamlit element or two per
    source, each a message and a React component to draw (the benchmark's largest cost on this
    page; bench/results.md, "Measured once"). A native
    <details>/<summary> is keyboard- and screen-reader-operable, and the browser's find opens it.
    """
    uses = uses_by_source(content)
    return "\n\n".join(
        f'<details class="da-source">\n<summary>{html.escape(source_label(source))}</summary>\n\n'
        f"{html.escape(source_markdown(content, source, uses[source.id]), quote=False)}\n\n</details>"
        for source in content.sources.sources
    )


def _bullets(lines: Iterable[str]) -> str:
    return "\n".join(f"- {line}" for line in lines)


def certainty_summary(content: Content, uses: Iterable[SourceUse]) -> str:
    """Every certainty the figures resting on a source carry, in words; empty when none says."""
    order = list(content.meta.certainty_words)
    found = sorted({u.certainty for u in uses if u.certainty}, key=order.index)
    return " ".join(certainty_text(content, c) for c in found)


def describe(model: BaseModel, content: Content, around: Iterable[BaseModel] = ()) -> str:
    """A short plain description of a model: its own wording, else that of the closest model around it."""
    if isinstance(model, Outcome):
        return outcome_text(model, content)
    for m in (model, *reversed(tuple(around))):
        for name in _WHAT_FIELDS:
            value = getattr(m, name, None)
            if isinstance(value, str) and value:
                return textwrap.shorten(filled(value, content, (*around, model)), width=110, placeholder=" ...")
    return str(getattr(model, "id", "") or type(model).__name__)


_ANSWER = re.compile(r"\{answer\.[a-z0-9_]+\}")


def filled(text: str, content: Content, models: Iterable[BaseModel]) -> str:
    """A checklist rule's wording with its placeholders filled: thresholds and units from the rule,
    and the patient's answer (unknown here) named in words, so no raw "{above}" reaches the table."""
    rule = next((m for m in reversed(tuple(models)) if isinstance(m, Rule)), None)
    if rule is None:
        return text
    text = _ANSWER.sub(content.evidence.figures.patient_answer, text)
    return fill(text, rule, {}, content.checklist)


def outcome_text(outcome: Outcome, content: Content) -> str:
    """'Hip injection: 61 out of 100 had their hip pain cut by at least half (2 months after ...)'."""
    who = f" [{outcome.arm}]" if outcome.arm else ""
    return (
        f"{option_name(content, outcome.option_id)}{who}: {outcome.count} out of {outcome.denominator} "
        f"{outcome.label} ({outcome.time_frame})"
    )


def option_name(content: Content, option_id: str | None) -> str:
    return next((o.name for o in content.options.options if o.id == option_id), option_id or "")


def page_names(content: Content, page_ids: Iterable[str]) -> str:
    names = {p.id: p.nav_label for p in content.pages.pages}
    return ", ".join(names.get(p, p) for p in page_ids)


def certainty_text(content: Content, certainty: str | None) -> str:
    """'low: We are not sure.' (the GRADE label for a clinic, the words a patient reads)."""
    if not certainty:
        return ""
    return f"{certainty.replace('_', ' ')}: {content.meta.certainty_words.get(certainty, '')}".strip()


# --- The figure table -----------------------------------------------------------------------------


def figure_table(content: Content) -> pd.DataFrame:
    """One row per number the app shows, with its option, pages, source, population and certainty."""
    rows = [
        *_outcome_rows(content),
        *_timeline_rows(content),
        *_number_rows(content),
        *_text_rows(content),
    ]
    return pd.DataFrame(rows, columns=COLUMNS)


def option_choices(table: pd.DataFrame) -> list[str]:
    """The option names in the table, in order of first appearance (for the filter)."""
    names = (name for cell in table["option"] for name in str(cell).split(OPTION_SEPARATOR))
    return list(dict.fromkeys(names))


def filter_by_options(table: pd.DataFrame, options: Iterable[str]) -> pd.DataFrame:
    """Rows that belong to any chosen option name; no choice keeps every row."""
    chosen = set(options)
    if not chosen:
        return table
    keep = table["option"].map(lambda cell: bool(chosen & set(str(cell).split(OPTION_SEPARATOR))))
    return table[keep]


def labelled(table: pd.DataFrame, content: Content) -> pd.DataFrame:
    """The table with the column headings from evidence.yaml (for the page and the CSV)."""
    headings = content.evidence.figures.columns
    return table.rename(columns={c: getattr(headings, c) for c in COLUMNS if c in table.columns})


def for_display(table: pd.DataFrame) -> pd.DataFrame:
    """Every cell as text: whole numbers without '.0', blanks for missing values."""
    return table.astype(object).map(_cell)


def csv_bytes(table: pd.DataFrame) -> bytes:
    """CSV in memory (nothing is written to disk); UTF-8 with BOM so spreadsheets read it right."""
    return table.to_csv(index=False).encode("utf-8-sig")


# Where an id may break: after '_' (cochrane_breast_bisphosphonates) or a '.' before a letter (never 1.5).
_ID_JOIN = re.compile(r"(_|\.(?=[A-Za-z]))(?=\w)")


def table_html(table: pd.DataFrame, caption: str, css_class: str = "da-figures") -> str:
    """The table as one accessible HTML <table>: a <caption>, <th scope="col"> headings, text cells.

    One HTML text, not st.table: Streamlit 1.67 draws every cell of st.table as its own markdown
    component, and that many cells made the evidence page slow to show (bench/results.md). Every cell is escaped (content
    may hold '<' or '&') and its whitespace collapsed, as the browser would: a blank line would end
    the raw-HTML block and turn the rest into markdown. Ids may break after '_' or '.' (<wbr>), at a
    place a reader expects; nowhere else, so "1000" can never show as "100 0".
    """

    def text(value: Any) -> str:
        return _ID_JOIN.sub(r"\1<wbr>", html.escape(" ".join(str(value).split())))

    head = "".join(f'<th scope="col">{text(name)}</th>' for name in table.columns)
    rows = "\n".join(
        "<tr>" + "".join(f"<td>{text(cell)}</td>" for cell in row) + "</tr>"
        for row in table.itertuples(index=False, name=None)
    )
    # A wide table scrolls sideways inside its own box (WCAG 1.4.10 allows it for data tables),
    # so no word or number is ever split; the box is a named region the keyboard can reach.
    label = html.escape(" ".join(caption.split()), quote=True)
    return (
        f'<div class="{css_class}" role="region" aria-label="{label}" tabindex="0">\n<table>\n'
        f"<caption>{text(caption)}</caption>\n"
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n{rows}\n</tbody>\n</table>\n</div>"
    )


@dataclass(frozen=True)
class FigureView:
    """The figure table for one choice of options: headings from evidence.yaml, every cell text."""

    rows: int  # how many figures are shown
    html: str  # PAGE_COLUMNS only, as one HTML table (table_html), built once per choice
    csv: bytes  # every column


class FigureViews:
    """The figure table, built once per content (walking every model is slow), and its view for each
    choice of options, kept once made: a handful of options makes a few dozen choices at most."""

    def __init__(self, content: Content) -> None:
        self._content = content
        self.table = figure_table(content)
        self.choices = option_choices(self.table)
        self._views: dict[frozenset[str], FigureView] = {}

    def view(self, picked: Iterable[str]) -> FigureView:
        key = frozenset(picked)
        if key not in self._views:
            shown = for_display(labelled(filter_by_options(self.table, key), self._content))
            figures = self._content.evidence.figures
            on_page = shown[[getattr(figures.columns, c) for c in PAGE_COLUMNS]]
            self._views[key] = FigureView(
                rows=len(shown), html=table_html(on_page, figures.table_alt), csv=csv_bytes(shown)
            )
        return self._views[key]


def _row(content: Content, node: _Node, **values: Any) -> dict[str, Any]:
    """A table row with the context found around node (option, pages, population, certainty, sources)."""
    option_ids = node.nearest("option_ids") or [node.nearest("option_id")]
    options = OPTION_SEPARATOR.join(option_name(content, o) for o in option_ids if o)
    row: dict[str, Any] = dict.fromkeys(COLUMNS)
    row.update(
        option=options or content.evidence.figures.general_option,
        shown_on=page_names(content, content.evidence.shown_on.get(node.file, ())),
        time_frame=node.nearest("time_frame"),
        population=node.nearest("population"),
        certainty=certainty_text(content, node.nearest("certainty")),
        sources="; ".join(_sources_around(node)),
        source_figure=node.nearest("source_figure"),
        content_field=f"{node.file}: {node.loc}",
    )
    row.update(values)
    return row


def _outcome_rows(content: Content) -> Iterator[dict[str, Any]]:
    for node in _models(content, ["outcomes.yaml"]):
        o = node.model
        if isinstance(o, Outcome):
            what = f"{o.label} [{o.arm}]" if o.arm else o.label
            yield _row(content, node, what=what, number=o.count, out_of=o.denominator, low=o.low, high=o.high)


def _timeline_rows(content: Content) -> Iterator[dict[str, Any]]:
    """Each segment of a timeline row: from and to, in hours after the treatment starts."""
    legend = getattr(content.timeline, "legend", None)
    for node in _models(content, ["timeline.yaml"]):
        for seg in getattr(node.model, "segments", None) or []:
            kind = getattr(seg, "kind", "")
            start, end = getattr(seg, "from_hours", None), getattr(seg, "to_hours", None)
            yield _row(
                content, node,
                what=f"{describe(node.model, content)}: {getattr(legend, kind, kind)}",
                number=f"{_num(start)} to {_num(end)}", low=start, high=end,
                time_frame=content.evidence.figures.hours_after_treatment,
            )


def _number_rows(content: Content) -> Iterator[dict[str, Any]]:
    """Number fields (e.g. checklist thresholds) in models that cite a source or sit inside one."""
    files = set(FILES) - _NOT_FIGURES - {"outcomes.yaml", "timeline.yaml"}
    for node in _models(content, files):
        if not _sources_around(node):
            continue
        what = describe(node.model, content, node.ancestors)
        tested = getattr(node.model, "field", None)  # a rule's test names the answer it reads
        prefix = f"{tested} " if isinstance(tested, str) else ""
        for field, value in node.model:
            if _skipped(field):
                continue
            numbers = value.items() if isinstance(value, dict) else [("", value)]
            for key, number in numbers:
                if _is_number(number):
                    label = f"{prefix}{field} {key}".strip()
                    yield _row(content, node, what=f"{what} ({label})", number=number)


def _text_rows(content: Content) -> Iterator[dict[str, Any]]:
    """Sentences with a digit in them (e.g. 'most of the help comes by 1 to 3 weeks')."""
    files = set(FILES) - _NOT_FIGURES - {"outcomes.yaml"}
    for node in _models(content, files):
        for field, value in node.model:
            if _skipped(field):
                continue
            for text in _strings(value):
                if any(ch.isdigit() for ch in text) and not _CODE.match(text):
                    yield _row(content, node, what=filled(text, content, (*node.ancestors, node.model)), content_field=f"{node.file}: {node.loc}.{field}")


def _strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        value = list(value.values())
    return [str(v) for v in (value if isinstance(value, list) else [value]) if isinstance(v, str)]


def _skipped(field: str) -> bool:
    return field in _SKIP_FIELDS or field.endswith(("_id", "_ids"))


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return _num(value)


def _num(value: Any) -> str:
    """3.0 -> '3', 0.5 -> '0.5', 'text' -> 'text'."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
