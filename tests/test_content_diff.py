"""`python -m decision_aid diff OLD NEW`: every figure, threshold, rule and sentence changed, added or
removed between two content folders, by id, as text and as JSON."""

from __future__ import annotations

import json
import shutil

import pytest
import yaml

from decision_aid.__main__ import main
from decision_aid.content_diff import diff_folders

from .conftest import CONTENT


def _edit(path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


@pytest.fixture
def two_folders(tmp_path):
    """The shipped content, and a copy with a changed threshold, an added outcome, a removed sentence."""
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(CONTENT, old)
    shutil.copytree(CONTENT, new)

    def threshold(checklist):
        rule = next(r for r in checklist["rules"] if r["id"] == "inr_high")
        rule["when"]["above"] = 2.5

    def outcome(outcomes):
        added = {k: v for k, v in outcomes["outcomes"][0].items() if k != "compared_with_outcome_id"}
        outcomes["outcomes"].append({**added, "id": "new_test_outcome", "count": 40})

    removed = yaml.safe_load((old / "en" / "start.yaml").read_text(encoding="utf-8"))["does_not"][0]
    _edit(new / "en" / "checklist.yaml", threshold)
    _edit(new / "en" / "outcomes.yaml", outcome)
    _edit(new / "en" / "start.yaml", lambda s: s["does_not"].remove(removed))
    return old, new, removed


def test_each_change_is_reported_by_id(two_folders):
    old, new, removed = two_folders
    found = {(c.change, c.kind, c.file, c.where): (c.old, c.new) for c in diff_folders(old, new)}
    assert found == {
        ("changed", "threshold", "checklist.yaml", "rules[inr_high].when.above"): (3.0, 2.5),
        ("added", "figure", "outcomes.yaml", "outcomes[new_test_outcome]"): (None, found[
            ("added", "figure", "outcomes.yaml", "outcomes[new_test_outcome]")][1]),
        ("removed", "patient sentence", "start.yaml", "does_not"): (removed, None),
    }
    assert found[("added", "figure", "outcomes.yaml", "outcomes[new_test_outcome]")][1]["count"] == 40


def test_readable_text(two_folders, capsys):
    old, new, removed = two_folders
    assert main(["diff", str(old), str(new)]) == 0
    out = capsys.readouterr().out
    assert "1 changed, 1 added, 1 removed" in out
    assert "CHANGED threshold: rules[inr_high].when.above\n      was: 3.0\n      now: 2.5" in out
    assert "ADDED figure: outcomes[new_test_outcome]" in out
    assert f"REMOVED patient sentence: does_not\n      was: {removed}" in out


def test_json(two_folders, capsys):
    old, new, _ = two_folders
    assert main(["diff", str(old / "en"), str(new), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert {(c["change"], c["where"]) for c in report["changes"]} == {
        ("changed", "rules[inr_high].when.above"), ("added", "outcomes[new_test_outcome]"),
        ("removed", "does_not")}


def test_same_content_has_no_differences(capsys):
    assert main(["diff", str(CONTENT), str(CONTENT)]) == 0
    assert "No differences." in capsys.readouterr().out


def test_a_folder_that_is_not_content_is_named(tmp_path, capsys):
    assert main(["diff", str(CONTENT), str(tmp_path)]) == 2
    assert f"{tmp_path}: not a content folder" in capsys.readouterr().err


def test_a_reordered_list_is_not_a_change_of_items(tmp_path):
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(CONTENT, old)
    shutil.copytree(CONTENT, new)
    _edit(new / "en" / "outcomes.yaml", lambda o: o["outcomes"].reverse())
    assert diff_folders(old, new) == []
