"""The clinician risk checklist: answers in, an assessment out; all rules live in checklist.yaml.

- `parse_answers(raw, checklist)`: typed answers; AnswerError (naming the key) for anything refused.
- `check_answers(raw, checklist)`: (valid answers, every AnswerError): for a form showing all errors.
- `assess(raw, checklist)`: the `Assessment` (status, Mirels, ordered findings, unknown fields).
- `karnofsky_to_ecog(kps, checklist)`: the ECOG grade for a Karnofsky score.
- `checklist_note(assessment, answers, content)`: plain text for the clinical record.
- `finding_lines`, `status_line`, `mirels_line`: the result in words, for every place that shows it.
"""

from .answers import AnswerError, check_answers, karnofsky_to_ecog, parse_answers
from .engine import STATUS_ORDER, Assessment, Finding, assess, holds, level_counts, overall_status
from .mirels import MirelsResult, score_mirels
from .note import checklist_note
from .render import citations, finding_lines, mirels_line, short_citation, status_line
from .wording import show_answer, show_with_unit

__all__ = [
    "STATUS_ORDER",
    "AnswerError",
    "Assessment",
    "Finding",
    "MirelsResult",
    "assess",
    "check_answers",
    "checklist_note",
    "citations",
    "finding_lines",
    "holds",
    "karnofsky_to_ecog",
    "level_counts",
    "mirels_line",
    "overall_status",
    "parse_answers",
    "score_mirels",
    "short_citation",
    "show_answer",
    "show_with_unit",
    "status_line",
]
