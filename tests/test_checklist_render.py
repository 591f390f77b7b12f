"""The checklist's result in words is built once: the panel (Markdown) and the note (plain text)
say the same things, and the Mirels line is the same wherever it is shown."""

from __future__ import annotations

import re

from decision_aid.checklist import assess, checklist_note, finding_lines, mirels_line, status_line
from decision_aid.content import load_content

ANSWERS = {"inr": 3.4, "anticoagulant": ["warfarin", "p2y12"], "neuro_red_flags": True,
           "mirels_site": "peritrochanteric", "mirels_pain": "functional", "mirels_lesion": "mixed",
           "mirels_size": "under_one_third"}


def _plain(markdown: str) -> str:
    """Markdown as a reader sees it: no bold marks, no icon or size directives."""
    text = re.sub(r":material/[a-z_]+: ", "", markdown)
    return re.sub(r":small\[(.*)\]", r"\1", text).replace("**", "")


def test_panel_and_note_say_the_same_for_every_flag(content):
    result = assess(ANSWERS, content.checklist)
    note = checklist_note(result, ANSWERS, content)
    assert len(result.findings) >= 5
    for finding in result.findings:
        shown = [_plain(line) for line in finding_lines(finding, content, markdown=True)]
        written = finding_lines(finding, content, markdown=False)
        level = content.checklist.ui.level_label[finding.level].label
        assert shown[0] == f"{level}: {finding.title}" and written[0] == f"[{level}] {finding.title}"
        assert shown[1:] == written[1:]
        for line in written:
            assert line in note, line


def test_status_and_mirels_lines_are_shared(content):
    result = assess(ANSWERS, content.checklist)
    note = checklist_note(result, ANSWERS, content)
    assert status_line(result, content.checklist, markdown=True) == "**STOP**: resolve the flags below before injecting"
    assert f"Overall: {status_line(result, content.checklist, markdown=False)}." in note
    line = mirels_line(result.mirels, content.checklist)
    assert line.startswith("Mirels score 9 of 12: high") and line.endswith("Site 3, Pain 3, Lesion 2, Size 1.")
    assert line in note


def test_editing_the_chemotherapy_window_changes_behaviour_and_wording(content_copy):
    def widen(data):
        rule = next(r for r in data["rules"] if r["id"] == "recent_myelosuppressive_chemo")
        rule["when"]["at_most"] = 21

    edited = load_content(content_copy("checklist.yaml", widen)).checklist
    finding = next(f for f in assess({"days_since_myelosuppressive_chemo": 20}, edited).findings
                   if f.id == "recent_myelosuppressive_chemo")
    assert finding.title == "Myelosuppressive chemotherapy 20 days ago (21 days or fewer)"
    assert not [f for f in assess({"days_since_myelosuppressive_chemo": 22}, edited).findings
                if f.id == "recent_myelosuppressive_chemo"]
