"""Guided paths: each path's Back / Next sequence follows its definition in paths.yaml."""

from __future__ import annotations

import pytest

from decision_aid import paths
from decision_aid.content import ContentError, load_content

from .conftest import open_page

PATH_IDS = ["clinic", "education", "consent"]


def _heading(content, page_id):
    return next(p.heading for p in content.pages.pages if p.id == page_id)


def _nav_label(content, page_id):
    return next(p.nav_label for p in content.pages.pages if p.id == page_id)


def _step_text(at, content):
    """The step bar's text: bold, starting with the template's words before the first placeholder."""
    start = "**" + content.paths.nav.step.split("{")[0]
    return [m.value for m in at.markdown if m.value.startswith(start)]


def test_content_defines_the_three_paths(content):
    assert [p.id for p in content.paths.paths] == PATH_IDS
    by_id = {p.id: p for p in content.paths.paths}
    assert by_id["clinic"].page_ids == ["checklist", "explainer", "options", "priorities", "check", "summary"]
    assert by_id["education"].page_ids == ["explainer", "options", "priorities", "check", "summary"]
    assert by_id["consent"].page_ids == ["checklist", "explainer", "options", "check", "summary"]


def test_path_pages_are_pages_of_the_app(content):
    assert paths.unknown_page_ids(content.paths, [p.id for p in content.pages.pages]) == []


def test_unknown_page_id_is_reported_naming_the_field(content_copy, content):
    root = content_copy("paths.yaml", change=lambda d: d["paths"][1]["page_ids"].append("quiz_page"))
    with pytest.raises(ContentError, match=r"paths\[1\]\.page_ids\[5\]: unknown page id 'quiz_page' \(not in pages.yaml\)"):
        load_content(root)


def test_a_page_twice_on_a_path_is_refused(content_copy):
    root = content_copy("paths.yaml", change=lambda d: d["paths"][0]["page_ids"].append("options"))
    expected = r"paths\[0\]\.page_ids: a page may appear once per path; repeated: options"
    with pytest.raises(ContentError, match=expected):
        load_content(root)


def test_hiding_a_page_that_is_on_the_path_is_refused(content_copy):
    root = content_copy("paths.yaml", change=lambda d: d["paths"][0].update(hide_page_ids=["options"]))
    with pytest.raises(ContentError, match=r"paths\[0\]\.hide_page_ids: a page on the path cannot be hidden"):
        load_content(root)


def test_step_gives_position_previous_and_next(content):
    first = paths.step_for(content.paths, "clinic", "checklist")
    middle = paths.step_for(content.paths, "clinic", "options")
    last = paths.step_for(content.paths, "clinic", "summary")
    assert (first.number, first.total, first.previous, first.next) == (1, 6, None, "explainer")
    assert (middle.number, middle.previous, middle.next) == (3, "explainer", "priorities")
    assert (last.number, last.previous, last.next) == (6, "check", None)


def test_no_step_off_the_path_or_without_a_path(content):
    assert paths.step_for(content.paths, "education", "checklist") is None
    assert paths.step_for(content.paths, "consent", "priorities") is None
    assert paths.step_for(content.paths, None, "options") is None
    assert paths.step_for(content.paths, "no_such_path", "options") is None


def test_hidden_pages_and_explainer_focus(content):
    assert paths.hidden_pages(content.paths, "education") == {"checklist"}
    assert paths.hidden_pages(content.paths, "clinic") == set()
    assert paths.hidden_pages(content.paths, None) == set()
    assert paths.explainer_focus(content.paths, "consent") == "risks"
    assert paths.explainer_focus(content.paths, "clinic") is None


@pytest.mark.parametrize("path_id", PATH_IDS)
def test_next_then_back_walks_the_path_in_order(path_id, content):
    path = paths.get_path(content.paths, path_id)
    order = path.page_ids
    at = open_page("start")
    at.button(key=f"path_start_{path_id}").click().run()
    assert not at.exception, at.exception
    total = len(order)
    for number, page_id in enumerate(order, start=1):
        assert at.title[0].value == _heading(content, page_id)
        step = content.paths.nav.step.format(number=number, total=total, page=_nav_label(content, page_id))
        assert _step_text(at, content) == [f"**{step}**"]
        keys = {b.key for b in at.button}
        assert ("path_back" in keys) == (number > 1)
        assert ("path_next" in keys) == (number < total)
        if number < total:
            assert at.button(key="path_next").label == content.paths.nav.next.format(
                page=_nav_label(content, order[number])
            )
            at.button(key="path_next").click().run()
            assert not at.exception, at.exception
    for page_id in reversed(order[:-1]):
        at.button(key="path_back").click().run()
        assert not at.exception, at.exception
        assert at.title[0].value == _heading(content, page_id)


def test_a_page_not_on_the_path_shows_no_step_bar(content):
    at = open_page("priorities", da_path="consent")
    assert not _step_text(at, content)
    assert not [b for b in at.button if b.key in ("path_back", "path_next")]


def test_no_step_bar_without_a_path(content):
    at = open_page("options")
    assert not _step_text(at, content)
    assert _step_text(open_page("options", da_path="education"), content), "the same page on a path has one"
