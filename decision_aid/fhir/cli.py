"""`python -m decision_aid fhir questionnaire|bundle`: the checklist's Questionnaire, a visit's Bundle.

Bad input gets one line on stderr naming the file and the field, exit code 2, and no output file; the
output is written to a temporary file beside it and moved into place, so it is never half-written.
"""

from __future__ import annotations

import argparse
import sys

from decision_aid.cli import EXIT_INVALID, _load_or_report, read_session_or_report
from decision_aid.cli_io import write_file_atomically, write_stdout


def add_commands(commands: argparse._SubParsersAction) -> None:
    """Register `fhir questionnaire` and `fhir bundle` on the main parser's subcommands."""
    fhir = commands.add_parser("fhir", help="FHIR R4 for the health record")
    actions = fhir.add_subparsers(dest="fhir_command", required=True)

    questionnaire = actions.add_parser("questionnaire", help="write the checklist as a FHIR Questionnaire")
    questionnaire.add_argument("-o", "--output", required=True, metavar="OUT.json")
    questionnaire.add_argument("--content", metavar="DIR", help="content root laid out like content/")
    questionnaire.set_defaults(run=run_questionnaire)

    bundle = actions.add_parser("bundle", help="write a visit as a FHIR Bundle (no subject)")
    bundle.add_argument("session", metavar="SESSION.json", nargs="?", help="a saved session record")
    bundle.add_argument("-o", "--output", required=True, metavar="OUT.json")
    bundle.add_argument("--content", metavar="DIR", help="content root laid out like content/")
    bundle.set_defaults(run=run_bundle)


def run_questionnaire(args: argparse.Namespace) -> int:
    from decision_aid.fhir.questionnaire import build_questionnaire

    content = _load_or_report(args)
    if content is None:
        return 1
    data = build_questionnaire(content).model_dump_json(indent=2).encode("utf-8")
    return _write(args.output, data, f"Wrote {args.output} (Questionnaire, content version {content.meta.version}).")


def run_bundle(args: argparse.Namespace) -> int:
    from decision_aid.fhir.bundle import bundle_json

    content = _load_or_report(args)
    if content is None:
        return 1
    record, usable = read_session_or_report(args.session, content)
    if not usable:
        return EXIT_INVALID
    return _write(args.output, bundle_json(content, record),
                  f"Wrote {args.output} (Bundle, {'session' if record else 'no session'}, no subject).")


def _write(path: str, data: bytes, done: str) -> int:
    """All of it or nothing (a temporary file beside it, then a rename), then say so; 1 on failure."""
    try:
        write_file_atomically(path, data)
    except OSError as err:
        print(f"{path}: cannot write: {err.strerror or err}", file=sys.stderr)
        return 1
    return 0 if write_stdout(done) else 1
