"""The evidence page: every source with its use, the limits, the IPDAS items, the review-by warning."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Any

import yaml

from decision_aid import evidence_table as et
from decision_aid.content.loading import CONTENT_ENV
from decision_aid.dates import long_date

from .conftest import CONTENT, open_page


def _cited_in_yaml() -> set[str]:
    """Source ids cited anywhere in the shipped YAML, read straight from the files (not via the app)."""
    found: set[str] = set()

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if str(key).endswith(("source_id", "source_ids")):
                    found.update(v for v in (value if isinstance(value, list) else [value]) if v)
                else:
                    visit(value)
        elif isinstance(node, list):
            for item in node:
                visit(item)

    for path in sorted((CONTENT / "en").glob("*.yaml")):
        visit(yaml.safe_load(path.read_text(encoding="utf-8")))
    return found


def _all_text(at) -> str:
    return "\n".join(m.value for m in at.markdown)


_DISCLOSURE = re.compile(r"<details[^>]*>\s*<summary>(.*?)</summary>(.*?)</details>", re.DOTALL)


def _sources_shown(at) -> dict[str, str]:
    """Each source's disclosure on the page: the name on its summary line -> what opening it shows."""
    found = {
        html.unescape(summary): html.unescape(inside)
        for m in at.markdown
        for summary, inside in _DISCLOSURE.findall(m.value)
    }
    assert found, "the sources are shown as disclosures"
    return found


def test_every_cited_source_is_listed_with_citation_and_use(content):
    at = open_page("evidence")
    assert not at.exception, at.exception
    shown = _sources_shown(at)
    assert len(shown) == len(content.sources.sources), "every source in sources.yaml, once"
    cited = _cited_in_yaml()
    assert cited, "the content cites sources"
    sources = {s.id: s for s in content.sources.sources}
    for source_id in sorted(cited):
        source = sources[source_id]
        inside = shown[f"{source.citation} ({source_id})"]
        assert source.population in inside
        if source.pmid:
            assert source.pmid in inside
        if source.doi:
            assert source.doi in inside
        wording = content.evidence.source_list
        expected = (wording.checked_secondary if source.secondary else wording.checked_yes if source.checked
                    else wording.checked_no)
        assert expected in inside
        assert f"- {wording.not_used}" not in inside, f"{source_id} is cited but shown as unused"


def test_no_source_is_left_unreferenced(content):
    # The page's own reckoning (a source with no use is listed as "not used"), which the test
    # below holds against the YAML files.
    unreferenced = [source_id for source_id, uses in et.uses_by_source(content).items() if not uses]
    assert unreferenced == [], f"sources.yaml entries no content cites: {unreferenced}"


def test_where_a_figure_is_used_is_named(content):
    at = open_page("evidence")
    outcome = content.outcomes.outcomes[0]
    source = next(s for s in content.sources.sources if s.id == outcome.source_ids[0])
    inside = _sources_shown(at)[f"{source.citation} ({source.id})"]
    assert f"{outcome.count} out of {outcome.denominator} {outcome.label}" in inside
    assert "About the injection, All options, Summary" in inside
    assert content.meta.certainty_words[outcome.certainty] in inside


def test_limits_and_ipdas_items_are_shown(content):
    at = open_page("evidence")
    shown = _all_text(at)
    for limit in content.evidence.limits:
        assert f"- {limit.text}" in shown
    meta = content.meta
    ipdas = (meta.update_policy, meta.authors, meta.funding, meta.conflicts_of_interest, meta.report_an_error)
    for value in ipdas:
        assert value in shown
    for date in (meta.produced, meta.last_reviewed, meta.review_by):
        assert long_date(date, meta.formats) in shown


def test_no_review_warning_before_the_review_by_date(content):
    at = open_page("evidence")
    assert not at.warning


def test_review_warning_once_the_review_by_date_has_passed(content_copy, monkeypatch, content):
    def date_in_past(meta: dict) -> None:
        meta.update(produced="2020-01-01", last_reviewed="2020-01-01", review_by="2021-01-01")

    monkeypatch.setenv(CONTENT_ENV, str(content_copy("meta.yaml", change=date_in_past)))
    at = open_page("evidence")
    assert not at.exception, at.exception
    expected = content.evidence.about.review_overdue.format(date="1 January 2021")
    assert [w.value for w in at.warning] == [expected]


class _TableReader(HTMLParser):
    """The text a reader gets from an HTML table: its caption, heading cells and body rows."""

    def __init__(self) -> None:
        super().__init__()
        self.caption, self.headings, self.rows = "", [], []
        self._in_body = False
        self._text: list[str] | None = None  # the cell or caption being read

    def handle_starttag(self, tag, attrs):
        if tag == "tbody":
            self._in_body = True
        elif tag == "tr" and self._in_body:
            self.rows.append([])
        elif tag in ("caption", "th", "td"):
            self._text = []

    def handle_data(self, data):
        if self._text is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag not in ("caption", "th", "td"):
            return
        text, self._text = "".join(self._text), None
        if tag == "caption":
            self.caption = text
        elif tag == "th":
            self.headings.append(text)
        else:
            self.rows[-1].append(text)


def _figure_table(at) -> _TableReader:
    """The one figure table on the page, read as a user's browser would."""
    tables = [m.value for m in at.markdown if "<table" in m.value]
    assert len(tables) == 1, "the figures are one HTML table"
    reader = _TableReader()
    reader.feed(tables[0])
    return reader


def test_figure_table_shows_headings_and_each_figure(content):
    at = open_page("evidence")
    figures = content.evidence.figures
    table = _figure_table(at)
    assert table.caption == figures.table_alt
    assert table.headings == [getattr(figures.columns, c) for c in et.PAGE_COLUMNS]
    assert all(len(row) == len(table.headings) for row in table.rows)
    first = dict(zip(table.headings, table.rows[0], strict=True))
    outcome = content.outcomes.outcomes[0]
    option = next(o.name for o in content.options.options if o.id == outcome.option_id)
    columns = figures.columns
    assert first[columns.option] == option
    assert first[columns.number] == str(outcome.count)
    assert first[columns.out_of] == str(outcome.denominator)
    assert first[columns.time_frame] == outcome.time_frame
    assert first[columns.sources] == "; ".join(outcome.source_ids)
    assert first[columns.certainty].endswith(content.meta.certainty_words[outcome.certainty])


def test_figure_table_filters_by_option(content):
    at = open_page("evidence")
    figures = content.evidence.figures
    total = len(_figure_table(at).rows)
    assert total == len(et.figure_table(content))
    assert at.caption[-1].value == figures.showing.format(shown=total, total=total)
    radiation = next(o.name for o in content.options.options if o.id == "radiation")
    at.multiselect(key="evidence_option_filter").select(radiation).run()
    table = _figure_table(at)
    assert 0 < len(table.rows) < total
    option_column = table.headings.index(figures.columns.option)
    assert {row[option_column] for row in table.rows} == {radiation}
    assert at.caption[-1].value == figures.showing.format(shown=len(table.rows), total=total)
    assert [b.proto.label for b in at.get("download_button")] == [figures.download_label]


def test_the_page_finds_the_same_citations_as_the_files(content):
    assert {use.source_id for use in et.source_uses(content)} == _cited_in_yaml()
