"""The clinician's note holds every recorded item, and says "not discussed" for what was not."""

from __future__ import annotations

from decision_aid.checklist import assess, checklist_note
from decision_aid.clinician_note import clinician_note
from decision_aid.session import SessionRecord
from decision_aid.visit import gather_visit, quiz_words, sure_words

from .session_examples import OTHER_STEP, full_record


def test_note_holds_each_recorded_item(content):
    record = full_record(content)
    note = clinician_note(content, record)
    words = content.summary.note
    assert content.meta.version in note
    for option in content.options.options[:2]:
        assert option.name in note
    assert content.options.options[-1].name not in note.split(words.options)[1].split("\n")[0]
    labels = {p.id: p.label for p in content.priorities.priorities}
    ranked = sorted(record.priorities, key=lambda pid: -record.priorities[pid])
    positions = [note.index(f"{i}. {labels[pid]}") for i, pid in enumerate(ranked, start=1)]
    assert positions == sorted(positions), "priorities highest first"
    visit = gather_visit(content, record)
    assert sure_words(content, visit.sure) in note
    assert quiz_words(content, visit.quiz) in note
    for line in record.questions.splitlines():
        assert line in note
    first, second, third = content.clear.questions.items[:3]
    assert f"{content.clear.questions.note_label}: {first.text}; {second.text}\n" in note
    assert third.text not in note
    assert "Personal points shown: Blood thinners; Diabetes" in note  # a raised INR, and diabetes
    step = next(s for s in content.summary.next_steps if s.id == record.next_step)
    assert f"{words.next_step}: {step.label}: {OTHER_STEP}" in note
    for item in content.summary.consent_items:
        assert f"[x] {item.note_label}" in note
    for risk in content.summary.material_risks:
        assert risk.name in note
    checklist = checklist_note(assess(record.checklist_answers, content.checklist),
                               record.checklist_answers, content)
    for line in checklist.strip().splitlines():
        assert line.strip() in note
    assert words.not_discussed not in note


def test_empty_visit_says_not_discussed_for_every_part(content):
    words = content.summary.note
    for record in (None, SessionRecord()):
        note = clinician_note(content, record)
        for label in (words.options, words.priorities, words.sure, words.quiz, words.questions,
                      words.next_step, words.consent, words.checklist):
            assert f"{label}: {words.not_discussed}" in note, label


def test_unticked_consent_lines_are_marked_not_recorded(content):
    first, *rest = content.summary.consent_items
    record = SessionRecord(consent={first.id: True, **{item.id: False for item in rest}})
    note = clinician_note(content, record)
    words = content.summary.note
    assert f"[x] {first.note_label}" in note
    for item in rest:
        assert f"[ ] {item.note_label} - {words.consent_not_ticked}" in note


def test_something_else_without_text_still_names_the_choice(content):
    step = next(s for s in content.summary.next_steps if s.asks_for_text)
    note = clinician_note(content, SessionRecord(next_step=step.id))
    assert f"{content.summary.note.next_step}: {step.label}\n" in note
