"""A translation changes words, never numbers, ids, thresholds or sources."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from decision_aid.content.languages import available_languages, numbers_in, translation_problems

from .conftest import CONTENT


@pytest.fixture
def two_languages(tmp_path: Path):
    """A content root with en and a copy of it as 'xx'; edit(file, fn) changes the copy."""
    root = tmp_path / "content"
    shutil.copytree(CONTENT / "en", root / "en")
    shutil.copytree(CONTENT / "en", root / "xx")

    def edit(file: str, change) -> Path:
        path = root / "xx" / file
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(data)
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
        return root

    edit("meta.yaml", lambda d: d.update(language="xx"))
    return edit


def test_a_copy_with_only_its_language_changed_passes(two_languages):
    root = two_languages("meta.yaml", lambda d: None)
    assert available_languages(root) == ["en", "xx"]
    assert translation_problems(root) == []


def test_changed_wording_passes(two_languages):
    root = two_languages("outcomes.yaml", lambda d: d["outcomes"][0].update(label="palabras nuevas"))
    assert translation_problems(root) == []


def _messages(root: Path) -> list[str]:
    return [str(p) for p in translation_problems(root)]


def test_a_changed_figure_is_refused_naming_file_and_field(two_languages):
    def change(data):
        data["outcomes"][0]["count"] += 1

    problems = _messages(two_languages("outcomes.yaml", change))
    assert any("xx/outcomes.yaml: outcomes[0].count: must be" in p for p in problems), problems


def test_a_changed_threshold_is_refused(two_languages):
    def change(data):
        rule = next(r for r in data["rules"] if "field" in r["when"] and "above" in r["when"])
        rule["when"]["above"] = rule["when"]["above"] + 1

    problems = _messages(two_languages("checklist.yaml", change))
    assert any("checklist.yaml: rules[" in p and "when.above" in p for p in problems), problems


def test_a_changed_id_or_source_is_refused(two_languages):
    def change(data):
        data["outcomes"][0]["source_ids"] = list(reversed(data["outcomes"][0]["source_ids"])) + ["lambert2007"]

    assert any("outcomes[0].source_ids" in p for p in _messages(two_languages("outcomes.yaml", change)))


def test_a_missing_entry_is_refused(two_languages):
    problems = _messages(two_languages("quiz.yaml", lambda d: d["items"].pop()))
    assert any("quiz.yaml: items: must have" in p for p in problems), problems


def test_a_number_changed_inside_a_sentence_is_refused(two_languages):
    def change(data):
        data["limits"][0]["text"] = data["limits"][0]["text"] + " 99"

    problems = _messages(two_languages("evidence.yaml", change))
    assert any("evidence.yaml: limits[0].text: numbers differ" in p for p in problems), problems


def test_a_meta_language_that_does_not_match_its_folder_is_refused(two_languages):
    root = two_languages("meta.yaml", lambda d: d.update(language="en"))
    assert any("meta.yaml: language" in p for p in _messages(root))


@pytest.mark.parametrize(("text", "numbers"), [
    ("about 1,000 people", ["1000"]),
    ("unas 1.000 personas", ["1000"]),
    ("2.5 or 2,5 mg", ["25", "25"]),
    ("no numbers here", []),
])
def test_numbers_are_compared_without_separators(text, numbers):
    assert numbers_in(text) == numbers


def test_a_translated_placeholder_is_refused(two_languages):
    def change(data):
        data["ui"]["content_version"] = data["ui"]["content_version"].replace("{version}", "{versión}")

    problems = _messages(two_languages("pages.yaml", change))
    assert any("pages.yaml: ui.content_version: placeholders differ" in p for p in problems), problems
