"""The command-line actions. Each returns an exit code; problems go to stderr, results to stdout."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from decision_aid.content import Content, ContentError, content_root, load_content

EXIT_INVALID = 2


def _load(args: argparse.Namespace) -> Content:
    return load_content(args.content or content_root())


def run_check(args: argparse.Namespace) -> int:
    try:
        content = _load(args)
    except ContentError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        print(f"{len(err.problems)} problem(s) found.", file=sys.stderr)
        return 1
    meta = content.meta
    if dt.date.today() > meta.review_by:
        print(f"warning: meta.yaml: review_by: the review-by date {meta.review_by} has passed; "
              "review the content.", file=sys.stderr)
    print(f"Content {meta.version} is valid (last reviewed {meta.last_reviewed}).")
    return 0


def run_checklist(args: argparse.Namespace) -> int:
    raise NotImplementedError("filled by the checklist issue")


def run_handout(args: argparse.Namespace) -> int:
    raise NotImplementedError("filled by the summary issue")
