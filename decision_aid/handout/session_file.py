"""A saved session (SessionRecord as JSON) read for the handout command line, refused field by field.

Every problem names its field (e.g. `priorities.pain: ...`), so a bad file gets a clear message and
never a traceback. Ids must exist in the content, since a typo would silently drop a part.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from decision_aid.content import Content
from decision_aid.json_input import JsonInputError, parse_json
from decision_aid.session import SessionRecord


class SessionFileError(ValueError):
    """The session file cannot be used; `problems` lists each one, naming its field."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


def read_session(text: str, content: Content) -> SessionRecord:
    """Parse and check a saved session; raise SessionFileError naming every bad field."""
    try:
        data = parse_json(text)
    except JsonInputError as err:
        raise SessionFileError([str(err)]) from None
    if not isinstance(data, dict):
        raise SessionFileError(["must be a JSON object of session fields"])
    try:
        record = SessionRecord.model_validate(data)
    except ValidationError as err:
        raise SessionFileError([f"{_loc(e['loc'])}: {e['msg']}" for e in err.errors()]) from None
    problems = record_problems(content, record)
    if problems:
        raise SessionFileError(problems)
    return record


def record_problems(content: Content, record: SessionRecord) -> list[str]:
    """Ids in the record that the content does not know, each naming its field."""
    problems: list[str] = []
    _known(problems, "options_picked", record.options_picked, {o.id for o in content.options.options})
    _known(problems, "consent", record.consent, {c.id for c in content.summary.consent_items})
    steps = {s.id for s in content.summary.next_steps}
    if record.next_step is not None and record.next_step not in steps:
        choices = ", ".join(sorted(steps))
        problems.append(f"next_step: unknown choice '{record.next_step}' (one of: {choices})")
    _known(problems, "priorities", record.priorities, {p.id for p in content.priorities.priorities})
    scale = [p.value for p in content.priorities.scale]
    for priority_id, rating in (record.priorities or {}).items():
        if rating not in scale:
            where = f"priorities.{priority_id}"
            problems.append(f"{where}: rating {rating} is not on the scale {scale[0]}-{scale[-1]}")
    _known(problems, "sure", record.sure, {item.id for item in content.priorities.sure.items})
    _known(problems, "quiz", record.quiz, {item.id for item in content.quiz.items})
    for item in content.quiz.items:
        choice = (record.quiz or {}).get(item.id)
        if choice is not None and choice not in {c.id for c in item.choices}:
            problems.append(f"quiz.{item.id}: unknown choice '{choice}'")
    if record.checklist_answers:
        from decision_aid.checklist import check_answers

        _, errors = check_answers(record.checklist_answers, content.checklist)
        problems += [f"checklist_answers.{e}" for e in errors]  # each message starts with its key
    return problems


def _known(problems: list[str], field: str, given: Any, known: set[str]) -> None:
    if not given:
        return
    for i, value in enumerate(given):
        if value not in known:
            where = f"{field}[{i}]" if isinstance(given, list) else f"{field}.{value}"
            problems.append(f"{where}: unknown id '{value}' (one of: {', '.join(sorted(known))})")


def _loc(loc: tuple[Any, ...]) -> str:
    return ".".join(str(p) for p in loc) or "(top level)"
