"""Command line: `python -m decision_aid {check,checklist,handout} ...`.

- check [--content DIR]       validate content; one line per problem naming file and field.
- checklist FILE|-            answers as JSON in, the assessment as JSON out.
- handout [SESSION.json] -o OUT.pdf   the take-home PDF from a saved session, or a generic one.
- diff OLD_DIR NEW_DIR [--format json]  every figure, threshold, rule and sentence changed, by id.
- signoff --name NAME --role ROLE      record a clinical sign-off of the current content version.
- fhir questionnaire -o OUT.json | fhir bundle [SESSION.json] -o OUT.json   FHIR R4 for the record.
"""

from __future__ import annotations

import argparse
import sys

from decision_aid.cli import run_check, run_checklist, run_handout
from decision_aid.fhir.cli import add_commands as add_fhir_commands


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m decision_aid", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)

    check = commands.add_parser("check", help="validate the content files")
    check.add_argument("--content", metavar="DIR", help="content root laid out like content/")
    check.set_defaults(run=run_check)

    checklist = commands.add_parser("checklist", help="assess checklist answers (JSON)")
    checklist.add_argument("file", metavar="FILE", help="answers as a JSON object, or - for stdin")
    checklist.add_argument("--content", metavar="DIR", help="content root laid out like content/")
    checklist.set_defaults(run=run_checklist)

    handout = commands.add_parser("handout", help="write the take-home PDF")
    handout.add_argument("session", metavar="SESSION.json", nargs="?", help="a saved session record")
    handout.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    handout.add_argument("--large-text", action="store_true", help="larger type")
    handout.add_argument("--content", metavar="DIR", help="content root laid out like content/")
    handout.set_defaults(run=run_handout)

    from decision_aid import content_diff, signoff  # issue 16: the clinical review routine

    diff = commands.add_parser("diff", help="what changed between two content folders")
    content_diff.add_arguments(diff)
    diff.set_defaults(run=content_diff.run_diff)
    sign = commands.add_parser("signoff", help="record a clinical sign-off of the current content version")
    signoff.add_arguments(sign)
    sign.set_defaults(run=signoff.run_signoff)
    add_fhir_commands(commands)

    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
