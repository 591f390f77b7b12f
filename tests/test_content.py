"""The shipped content passes; each kind of broken content is refused, naming the file and field."""

from __future__ import annotations

import pytest

from decision_aid.__main__ import main
from decision_aid.content import ContentError, load_content


def test_shipped_content_is_valid(content):
    assert content.meta.language == "en"
    assert len(content.options.options) == 8


def test_check_command_passes_on_shipped_content(capsys):
    assert main(["check"]) == 0
    assert "is valid" in capsys.readouterr().out


def _outcome(index: int, **changes):
    def change(data):
        data["outcomes"][index].update(changes)

    return change


BROKEN = {
    "yaml syntax error": (
        "options.yaml",
        dict(raw="options:\n  - id: injection\n    name: [unclosed\n"),
        "content/en/options.yaml: line",
    ),
    "missing required field": (
        "options.yaml",
        dict(change=lambda d: d["options"][0].pop("name")),
        "options.yaml: options[0].name: Field required",
    ),
    "number out of range": (
        "outcomes.yaml",
        dict(change=_outcome(0, count=101, denominator=100, low=None, high=None)),
        "outcomes.yaml: outcomes[0].count: must be <= denominator",
    ),
    "low above count": (
        "outcomes.yaml",
        dict(change=_outcome(0, low=100, high=None)),
        "outcomes.yaml: outcomes[0].low: must be <= count",
    ),
    "unknown source id": (
        "outcomes.yaml",
        dict(change=_outcome(0, source_ids=["no_such_paper"])),
        "outcomes.yaml: outcomes[0].source_ids[0]: unknown source id 'no_such_paper'",
    ),
    "unknown option id": (
        "outcomes.yaml",
        dict(change=_outcome(0, option_id="acupuncture")),
        "outcomes.yaml: outcomes[0].option_id: unknown option id 'acupuncture'",
    ),
    "unknown field (a typo)": (
        "meta.yaml",
        dict(change=lambda d: d.update(reveiw_by="2030-01-01")),
        "meta.yaml: reveiw_by: Extra inputs are not permitted",
    ),
    "duplicate id": (
        "options.yaml",
        dict(change=lambda d: d["options"].append(dict(d["options"][0]))),
        "options.yaml: options[8].id: duplicate id 'injection'",
    ),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_broken_content_is_refused_naming_file_and_field(case, content_copy, capsys):
    file, edit, expected = BROKEN[case]
    root = content_copy(file, **edit)
    with pytest.raises(ContentError) as err:
        load_content(root)
    assert any(expected in str(p) for p in err.value.problems), err.value.problems
    assert main(["check", "--content", str(root)]) == 1
    assert expected in capsys.readouterr().err


def test_patient_number_without_source_is_refused(content_copy):
    root = content_copy("options.yaml", change=lambda d: d["options"][0].update(summary="Works for 9 in 10 people."))
    with pytest.raises(ContentError, match=r"options\[0\]\.summary: patient text with a number must cite"):
        load_content(root)


def test_missing_folder_is_reported(tmp_path):
    with pytest.raises(ContentError, match="content folder not found"):
        load_content(tmp_path)
