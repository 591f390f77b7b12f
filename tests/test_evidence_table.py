"""The per-figure table and the source-use map behind the evidence page."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io

import pandas as pd

from decision_aid import evidence_table as et
from decision_aid.content import load_content
from decision_aid.content.bundle import FILES


def _rows(table, file):
    return table[table["content_field"].str.startswith(f"{file}: ")]


def test_every_outcome_is_a_row_with_its_numbers_time_frame_population_certainty_and_sources(content):
    table = et.figure_table(content)
    outcomes = _rows(table, "outcomes.yaml")
    assert len(outcomes) == len(content.outcomes.outcomes)
    for (_, row), o in zip(outcomes.iterrows(), content.outcomes.outcomes, strict=True):
        assert row["content_field"] == f"outcomes.yaml: outcomes[{content.outcomes.outcomes.index(o)}]"
        assert (row["number"], row["out_of"]) == (o.count, o.denominator)
        assert pd.isna(row["low"]) if o.low is None else row["low"] == o.low
        assert pd.isna(row["high"]) if o.high is None else row["high"] == o.high
        assert row["time_frame"] == o.time_frame and row["population"] == o.population
        assert row["certainty"].endswith(content.meta.certainty_words[o.certainty])
        assert row["sources"] == "; ".join(o.source_ids)
        assert row["option"] == next(opt.name for opt in content.options.options if opt.id == o.option_id)
        assert row["source_figure"] == o.source_figure


def test_a_changed_figure_shows_in_the_table(content_copy):
    def new_count(data):
        data["outcomes"][0].update(count=62, low=None, high=None)

    root = content_copy("outcomes.yaml", change=new_count)
    table = et.figure_table(load_content(root))
    assert _rows(table, "outcomes.yaml").iloc[0]["number"] == 62


def test_every_timeline_segment_is_a_row(content):
    table = _rows(et.figure_table(content), "timeline.yaml")
    segments = [(i, s) for i, row in enumerate(getattr(content.timeline, "rows", [])) for s in row.segments]
    for i, seg in segments:
        here = table[table["content_field"] == f"timeline.yaml: rows[{i}]"]
        match = here[here["low"] == seg.from_hours]
        assert len(match) == 1 and match.iloc[0]["high"] == seg.to_hours, (i, seg)


def test_checklist_thresholds_are_rows_with_their_sources(content):
    table = _rows(et.figure_table(content), "checklist.yaml")
    for i, rule in enumerate(getattr(content.checklist, "rules", [])):
        rows = table[table["content_field"].str.startswith(f"checklist.yaml: rules[{i}].when")]
        thresholds = [
            value
            for test in _field_tests(rule.when)
            for value in (test.above, test.at_least, test.below, test.at_most, test.count_at_least)
            if value is not None
        ]
        assert sorted(rows["number"].tolist()) == sorted(thresholds), rule.id
        assert all(rows["sources"] == "; ".join(rule.source_ids)), rule.id


def _field_tests(condition):
    parts = getattr(condition, "all", None) or getattr(condition, "any", None)
    if parts is None:
        yield condition
    else:
        for part in parts:
            yield from _field_tests(part)


def test_sentences_with_numbers_are_rows_and_codes_are_not(content):
    table = et.figure_table(content)
    texts = table[table["number"].isna()]
    assert all(any(ch.isdigit() for ch in w) for w in texts["what"])
    assert not texts["what"].str.fullmatch(r"[a-z0-9_]+").any(), "ids such as 1_to_3_months are not figures"


def test_no_number_comes_from_the_files_about_the_tool_itself(content):
    table = et.figure_table(content)
    files = table["content_field"].str.split(":").str[0]
    about_the_tool = {"meta.yaml", "sources.yaml", "pages.yaml", "paths.yaml", "start.yaml", "evidence.yaml"}
    assert not set(files) & about_the_tool


def test_a_figure_for_several_options_is_kept_under_each():
    table = pd.DataFrame({"option": ["A", f"A{et.OPTION_SEPARATOR}B", "C"], "what": ["x", "y", "z"]})
    assert et.option_choices(table) == ["A", "B", "C"]
    assert et.filter_by_options(table, ["B"])["what"].tolist() == ["y"]
    assert et.filter_by_options(table, ["A", "C"])["what"].tolist() == ["x", "y", "z"]


def test_filter_by_option(content):
    table = et.figure_table(content)
    radiation = next(o.name for o in content.options.options if o.id == "radiation")
    only = et.filter_by_options(table, [radiation])
    assert len(only) == (table["option"] == radiation).sum() > 0
    assert set(only["option"]) == {radiation}
    assert len(et.filter_by_options(table, [])) == len(table)
    general = content.evidence.figures.general_option
    assert set(et.filter_by_options(table, [radiation, general])["option"]) <= {radiation, general}


def test_csv_has_the_headings_and_every_row(content):
    shown = et.for_display(et.labelled(et.figure_table(content), content))
    data = io.BytesIO(et.csv_bytes(shown))
    back = pd.read_csv(data, encoding="utf-8-sig", dtype=str, keep_default_na=False)
    columns = content.evidence.figures.columns
    assert list(back.columns) == [getattr(columns, c) for c in et.COLUMNS]
    assert len(back) == len(shown)
    first = content.outcomes.outcomes[0]
    assert back.iloc[0][columns.number] == str(first.count)
    assert back.iloc[0][columns.out_of] == str(first.denominator)


def test_display_has_no_nan_or_trailing_zero(content):
    shown = et.for_display(et.figure_table(content))
    cells = shown.to_numpy().ravel().tolist()
    assert "nan" not in cells and "None" not in cells
    with_range = next(i for i, o in enumerate(content.outcomes.outcomes) if o.low is not None)
    assert shown.iloc[with_range]["low"] == str(content.outcomes.outcomes[with_range].low)


def test_source_uses_say_which_page_and_what(content):
    uses = et.uses_by_source(content)
    first = content.outcomes.outcomes[0]
    use = next(u for u in uses[first.source_ids[0]] if u.file == "outcomes.yaml")
    assert use.page_ids == ("explainer", "options", "summary")
    assert use.field == "outcomes[0]"
    assert f"{first.count} out of {first.denominator} {first.label}" in use.what
    assert use.certainty == first.certainty
    assert set(uses) >= {s.id for s in content.sources.sources}


def test_shown_on_names_real_files_and_pages(content):
    pages = {p.id for p in content.pages.pages}
    for file, page_ids in content.evidence.shown_on.items():
        assert file in FILES, file
        assert set(page_ids) <= pages, (file, set(page_ids) - pages)
    cited_files = {u.file for u in et.source_uses(content)}
    assert cited_files <= set(content.evidence.shown_on), "every file that cites a source says where it shows"


def test_review_is_overdue_only_after_the_review_by_date(content):
    review_by = content.meta.review_by
    assert not et.review_is_overdue(content.meta, review_by)
    assert et.review_is_overdue(content.meta, review_by + dt.timedelta(days=1))


def test_a_view_for_chosen_options_is_the_filtered_table_and_its_csv(content):
    views = et.FigureViews(content)
    radiation = next(o.name for o in content.options.options if o.id == "radiation")
    view = views.view([radiation])
    expected = et.for_display(et.labelled(et.filter_by_options(views.table, [radiation]), content))
    figures = content.evidence.figures
    on_page = expected[[getattr(figures.columns, c) for c in et.PAGE_COLUMNS]]
    assert view.rows == len(expected) > 0
    assert view.html == et.table_html(on_page, figures.table_alt)
    assert view.csv == et.csv_bytes(expected)
    assert views.view([]).rows == len(views.table)


def test_table_html_escapes_markup_and_has_a_row_per_figure():
    table = pd.DataFrame(
        {"What": ["Platelets <50 & INR >1.5 <b>bold</b>", "two\n\nlines"], "Sources": ["", "nice_ng99"]}
    )
    text = et.table_html(table, "Every <number> & its source")
    assert "<b>" not in text and "<number>" not in text
    assert "<td>Platelets &lt;50 &amp; INR &gt;1.5 &lt;b&gt;bold&lt;/b&gt;</td>" in text
    assert "<caption>Every &lt;number&gt; &amp; its source</caption>" in text
    assert '<th scope="col">What</th><th scope="col">Sources</th>' in text
    assert text.count("<tr>") == len(table) + 1, "one row per figure plus the headings"
    assert "\n\n" not in text, "a blank line would end the HTML block and show the rest as markdown"
    assert "<td>two lines</td><td>nice_<wbr>ng99</td>" in text, "an id may wrap after its '_'"


def test_source_wording_is_shown_as_text_never_as_html(content):
    # `check` refuses tags in content (tests/test_bad_input.py); the escape holds even without it.
    first = content.sources.sources[0].model_copy(update={"note": "Platelets <50 & INR >1.5 <b>bold</b>"})
    sources = content.sources.model_copy(update={"sources": [first, *content.sources.sources[1:]]})
    content = dataclasses.replace(content, sources=sources)
    text = et.sources_markdown(content)
    assert "<b>" not in text and "Platelets &lt;50 &amp; INR &gt;1.5 &lt;b&gt;bold&lt;/b&gt;" in text
    assert text.count("<details") == text.count("</details>") == len(content.sources.sources)
