"""The command-line actions. Each returns an exit code; problems go to stderr, results to stdout."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from decision_aid.content import Content, ContentError, content_root, load_content

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
    meta = content.meta
    if dt.date.today() > meta.review_by:
        print(f"warning: meta.yaml: review_by: the review-by date {meta.review_by} has passed; "
              "review the content.", file=sys.stderr)
    print(f"Content {meta.version} is valid (last reviewed {meta.last_reviewed}).")
    approved = meta.sign_off_for_this_version()
    print(f"Signed off by {approved.name} ({approved.role}) on {approved.date}." if approved else
          f"No clinical sign-off for version {meta.version}: a draft (docs/clinical-review.md).")
    return 0


def run_checklist(args: argparse.Namespace) -> int:
    """Answers as a JSON object (FILE or - for stdin) in; the assessment as JSON out.

    Refused input exits 2 with the reason (naming the key) on stderr and nothing on stdout, so no
    partial output can be mistaken for an assessment.
    """
    import json
    from pathlib import Path

    from decision_aid.checklist import AnswerError, assess

    content = _load_or_report(args)
    if content is None:
        return 1
    name = "standard input" if args.file == "-" else args.file
    try:
        text = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        print(f"{name}: cannot read: {getattr(err, 'strerror', None) or err}", file=sys.stderr)
        return EXIT_INVALID

    def no_repeats(pairs: list[tuple[str, object]]) -> dict[str, object]:
        keys = [k for k, _ in pairs]
        repeated = next((k for k in keys if keys.count(k) > 1), None)
        if repeated is not None:
            raise ValueError(f"{repeated}: answered more than once")
        return dict(pairs)

    def no_nan(word: str) -> object:
        raise ValueError(f"{word} is not a number JSON allows")

    try:
        raw = json.loads(text, object_pairs_hook=no_repeats, parse_constant=no_nan)
    except json.JSONDecodeError as err:
        print(f"{name}: not valid JSON: {err.msg} (line {err.lineno}, column {err.colno})", file=sys.stderr)
        return EXIT_INVALID
    except ValueError as err:
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
    print(json.dumps(assessment.model_dump(mode="json"), indent=2, ensure_ascii=False))
    return 0


def run_handout(args: argparse.Namespace) -> int:
    """The take-home PDF from a saved session (SessionRecord JSON), or a generic one without it.

    A session file that cannot be used exits 2, naming each bad field on stderr, and writes nothing.
    """
    from pathlib import Path

    from decision_aid.handout import build_handout
    from decision_aid.handout.session_file import SessionFileError, read_session

    content = _load_or_report(args)
    if content is None:
        return 1
    record = None
    if args.session:
        try:
            record = read_session(Path(args.session).read_text(encoding="utf-8"), content)
        except (OSError, UnicodeDecodeError) as err:
            print(f"{args.session}: cannot read: {getattr(err, 'strerror', None) or err}", file=sys.stderr)
            return EXIT_INVALID
        except SessionFileError as err:
            for problem in err.problems:
                print(f"{args.session}: {problem}", file=sys.stderr)
            return EXIT_INVALID
    large = bool(args.large_text or (record and record.large_text))
    pdf = build_handout(content, record, large_text=large)
    try:
        Path(args.output).write_bytes(pdf)
    except OSError as err:
        print(f"{args.output}: cannot write: {err.strerror or err}", file=sys.stderr)
        return 1
    print(f"Wrote {args.output} ({'session' if record else 'generic'} handout).")
    return 0
