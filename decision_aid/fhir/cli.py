"""`python -m decision_aid fhir questionnaire|bundle`: the checklist's Questionnaire, a visit's Bundle.

Bad input gets one line on stderr naming the file and the field, exit code 2, and no output file; the
output is written to a temporary file beside it and moved into place, so it is never half-written.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

from decision_aid.cli import EXIT_INVALID, _load_or_report


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
    if not _write(args.output, data):
        return 1
    print(f"Wrote {args.output} (Questionnaire, content version {content.meta.version}).")
    return 0


def run_bundle(args: argparse.Namespace) -> int:
    from decision_aid.fhir.bundle import bundle_json
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
            print(f"{args.session}: {'; '.join(err.problems)}", file=sys.stderr)
            return EXIT_INVALID
    if not _write(args.output, bundle_json(content, record)):
        return 1
    print(f"Wrote {args.output} (Bundle, {'session' if record else 'no session'}, no subject).")
    return 0


def _write(path: str, data: bytes) -> bool:
    """Write all of it or nothing: a temporary file in the same folder, then an atomic rename."""
    target = Path(path)
    try:
        with tempfile.NamedTemporaryFile(dir=target.parent or ".", prefix=f".{target.name}.", delete=False) as tmp:
            tmp.write(data)
        os.chmod(tmp.name, 0o666 & ~_umask())  # as a plain open() would have made it
        os.replace(tmp.name, target)
    except OSError as err:
        if "tmp" in locals():
            Path(tmp.name).unlink(missing_ok=True)
        print(f"{path}: cannot write: {err.strerror or err}", file=sys.stderr)
        return False
    return True


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
