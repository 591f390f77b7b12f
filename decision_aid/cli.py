"""The command-line actions. Each returns an exit code; problems go to stderr, results to stdout."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from decision_aid.content import Content, ContentError, content_root, load_content
from decision_aid.session import SessionRecord

EXIT_INVALID = 2


def _load(args: argparse.Namespace) -> Content:
    return load_content(args.content or content_root())


def _load_or_report(args: argparse.Namespace) -> Content | None:
    """The content, or None after printing each problem (file and field) to stderr."""
    try:
        return _load(args)
    except ContentError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        return None


def run_check(args: argparse.Namespace) -> int:
    content = _load_or_report(args)
    if content is None:
        return 1
    from decision_aid.content.languages import available_languages, translation_problems

    root = Path(args.content or content_root())
    problems = translation_problems(root)  # every other language: loads, and matches but for words
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        return 1
    meta = content.meta
    if dt.date.today() > meta.review_by:
        print(f"warning: meta.yaml: review_by: the review-by date {meta.review_by} has passed; "
              "review the content.", file=sys.stderr)
    from decision_aid.cli_io import write_stdout

    approved = meta.sign_off_for_this_version()
    status = (f"Signed off by {approved.name} ({approved.role}) on {approved.date}." if approved else
              f"No clinical sign-off for version {meta.version}: a draft (docs/clinical-review.md).")
    languages = ", ".join(available_languages(root))
    valid = f"Content {meta.version} is valid in {languages} (last updated {meta.last_reviewed})."
    return 0 if write_stdout(f"{valid}\n{status}") else 1


def run_checklist(args: argparse.Namespace) -> int:
    """Answers as a JSON object (FILE or - for stdin) in; the assessment as JSON out.

    Refused input exits 2 with the reason (naming the key) on stderr and nothing on stdout, so no
    partial output can be mistaken for an assessment.
    """
    import json

    from decision_aid.checklist import AnswerError, assess
    from decision_aid.cli_io import input_name, read_input, write_stdout
    from decision_aid.json_input import JsonInputError, parse_json
    from decision_aid.text_input import TextInputError

    content = _load_or_report(args)
    if content is None:
        return 1
    name = input_name(args.file)
    try:
        raw = parse_json(read_input(args.file))
    except (TextInputError, JsonInputError) as err:
        print(f"{name}: {err}", file=sys.stderr)
        return EXIT_INVALID
    if not isinstance(raw, dict):
        print(f"{name}: must be a JSON object of answers, e.g. {{\"inr\": 1.1}}", file=sys.stderr)
        return EXIT_INVALID
    try:
        assessment = assess(raw, content.checklist)
    except AnswerError as err:
        print(err, file=sys.stderr)
        return EXIT_INVALID
    return 0 if write_stdout(json.dumps(assessment.model_dump(mode="json"), indent=2, ensure_ascii=False)) else 1


def run_handout(args: argparse.Namespace) -> int:
    """The take-home PDF from a saved session (SessionRecord JSON), or a generic one without it.

    A session file that cannot be used exits 2, naming each bad field on stderr, and writes nothing.
    """
    from decision_aid.cli_io import write_file_atomically, write_stdout
    from decision_aid.handout import build_handout

    content = _load_or_report(args)
    if content is None:
        return 1
    record, usable = read_session_or_report(args.session, content)
    if not usable:
        return EXIT_INVALID
    large = bool(args.large_text or (record and record.large_text))
    pdf = build_handout(content, record, large_text=large)
    try:
        write_file_atomically(args.output, pdf)
    except OSError as err:
        print(f"{args.output}: cannot write: {err.strerror or err}", file=sys.stderr)
        return 1
    return 0 if write_stdout(f"Wrote {args.output} ({'session' if record else 'generic'} handout).") else 1


def read_session_or_report(path: str | None, content: Content) -> tuple[SessionRecord | None, bool]:
    """The saved session at `path` (None without one) and whether it could be used: read as every
    input is (UTF-8, size-limited), each problem on stderr naming the file and the field."""
    from decision_aid.cli_io import read_input
    from decision_aid.handout.session_file import SessionFileError, read_session
    from decision_aid.text_input import TextInputError

    if not path:
        return None, True
    try:
        return read_session(read_input(path), content), True
    except TextInputError as err:
        print(f"{path}: {err}", file=sys.stderr)
    except SessionFileError as err:
        for problem in err.problems:
            print(f"{path}: {problem}", file=sys.stderr)
    return None, False
