"""`python -m decision_aid signoff`: record a clinician's approval of the current content version.

It refuses content that fails the check, shows what changed since the last signed version (from git
history, or a folder given with --since), asks for confirmation, and then adds one entry to
meta.yaml `sign_offs`. The file is edited as text, so its comments and layout stay as they are,
and replaced in one step (a temporary file, then a rename), so it is never left half written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

import yaml
from pydantic import ValidationError

from decision_aid import content_diff
from decision_aid.content import ContentError, content_root, load_content
from decision_aid.content.loading import DEFAULT_LANGUAGE
from decision_aid.content.meta import Meta, SignOff

_TOP_LEVEL_KEY = re.compile(r"^[^\s#-]")  # a line that starts the next top-level field


class SignOffError(Exception):
    """Why a sign-off was not recorded (nothing was written)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--name", required=True, help="the approving clinician's name")
    parser.add_argument("--role", required=True, help="their role, e.g. 'Consultant in palliative medicine'")
    parser.add_argument("--since", metavar="DIR",
                        help="the content last signed off (default: found in git history)")
    parser.add_argument("--yes", action="store_true", help="record without asking to confirm")
    parser.add_argument("--content", metavar="DIR", help="content root laid out like content/")


def run_signoff(args: argparse.Namespace) -> int:
    root = Path(args.content or content_root())
    try:
        content = load_content(root)
    except ContentError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        print("signoff refused: the content check failed; fix the problems above first.", file=sys.stderr)
        return 1
    meta = content.meta
    meta_path = root / DEFAULT_LANGUAGE / "meta.yaml"
    try:
        sign_off = SignOff(name=args.name, role=args.role, date=dt.date.today(), content_version=meta.version)
        if any(s.name == sign_off.name and s.content_version == meta.version for s in meta.sign_offs):
            raise SignOffError(f"{sign_off.name} has already signed off content version {meta.version}.")
        _show_changes(meta, root / DEFAULT_LANGUAGE, args.since)
    except ValidationError as err:
        for e in err.errors():
            print(f"--{e['loc'][0]}: {e['msg']}", file=sys.stderr)
        return 2
    except (SignOffError, content_diff.DiffError) as err:
        print(f"signoff refused: {err}", file=sys.stderr)
        return 1
    question = (f"Record that {sign_off.name} ({sign_off.role}) approves content version {meta.version} "
                f"for use with patients at this service, on {sign_off.date}? Type yes to record: ")
    if not args.yes and not _confirmed(question):
        print("Nothing recorded.", file=sys.stderr)
        return 1
    try:
        add_sign_off(meta_path, sign_off)
    except (SignOffError, OSError) as err:
        print(f"signoff refused: {meta_path}: {err}", file=sys.stderr)
        return 1
    print(f"Recorded in {meta_path}: content version {meta.version} approved by {sign_off.name} "
          f"({sign_off.role}) on {sign_off.date}. Commit this change with the content it approves.")
    return 0


def _confirmed(question: str) -> bool:
    try:
        return input(question).strip().lower() in ("y", "yes")
    except EOFError:
        return False


def _show_changes(meta: Meta, folder: Path, since: str | None) -> None:
    """Print the difference the reviewer approves: from the last signed version to this one."""
    earlier = [s for s in meta.sign_offs if s.content_version != meta.version]
    if since is None and not earlier:
        print(f"No earlier content version has been signed off: review all of content version "
              f"{meta.version} (docs/clinical-review.md says what to read).\n")
        return
    if since is not None:
        print(content_diff.as_text(content_diff.diff_folders(since, folder), since, folder))
        return
    last = earlier[-1].content_version
    with tempfile.TemporaryDirectory() as scratch:
        old = signed_content_from_git(folder, last, Path(scratch))
        if old is None:
            raise SignOffError(
                f"cannot find the signed content of version {last} in git history; "
                "pass it with --since DIR (a copy of that content folder).")
        changes = content_diff.diff_folders(old, folder)
        print(content_diff.as_text(changes, old, folder, old_name="as signed off, from git history"))


def signed_content_from_git(folder: Path, version: str, into: Path) -> Path | None:
    """The language folder as it was when `version` was signed off (the first commit holding that
    version's sign-off), unpacked into `into`; None when git or that commit is not found."""
    top = _git(["rev-parse", "--show-toplevel"], folder.resolve())
    if top is None:
        return None
    top_dir = Path(top.strip())
    rel = folder.resolve().relative_to(top_dir).as_posix()
    commits = _git(["log", "--format=%H", "--", f"{rel}/meta.yaml"], top_dir) or ""
    signed = [c for c in commits.split() if _signed_at(top_dir, c, f"{rel}/meta.yaml", version)]
    if not signed:
        return None
    archive = subprocess.run(["git", "archive", signed[-1], rel], cwd=top_dir, capture_output=True, check=False)
    if archive.returncode != 0:
        return None
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(into, filter="data")
    return into / rel


def _signed_at(top: Path, commit: str, meta_path: str, version: str) -> bool:
    text = _git(["show", f"{commit}:{meta_path}"], top)
    try:
        meta = yaml.safe_load(text or "")
    except yaml.YAMLError:
        return False
    if not isinstance(meta, dict) or str(meta.get("version")) != version:
        return False
    return any(isinstance(s, dict) and str(s.get("content_version")) == version
               for s in meta.get("sign_offs") or [])


def _git(args: list[str], cwd: Path) -> str | None:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None


# --- Writing meta.yaml ----------------------------------------------------------------------------

def add_sign_off(meta_path: Path, sign_off: SignOff) -> None:
    """Append `sign_off` to the `sign_offs` list of meta.yaml, keeping every other line as it was.

    The edited text is parsed and validated before it replaces the file, and must hold exactly the
    old sign-offs plus this one: anything else is refused and the file is left untouched.
    """
    text = meta_path.read_text(encoding="utf-8")
    before = yaml.safe_load(text)
    lines = text.splitlines(keepends=True)
    starts = [i for i, line in enumerate(lines) if line.startswith("sign_offs:")]
    if len(starts) != 1:
        raise SignOffError("sign_offs: must appear exactly once, at the top level")
    first = starts[0]
    end = first + 1
    while end < len(lines) and not _TOP_LEVEL_KEY.match(lines[end]):
        end += 1
    while end > first + 1 and (not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#")):
        end -= 1  # comments and blank lines after the list stay after it
    head = lines[first].split("#", 1)[0].strip()
    if head == "sign_offs: []":
        lines[first] = "sign_offs:\n"
    elif head != "sign_offs:":
        raise SignOffError("sign_offs: must be a block list (one '- name:' entry per sign-off) or []")
    if end > 0 and not lines[end - 1].endswith("\n"):
        lines[end - 1] += "\n"
    lines.insert(end, _entry(sign_off))
    new_text = "".join(lines)
    _check_edit(before, new_text, sign_off)
    _replace_atomically(meta_path, new_text)


def _entry(sign_off: SignOff) -> str:
    quoted = {k: json.dumps(v, ensure_ascii=False) for k, v in sign_off.model_dump(mode="json").items()}
    return (f"  - name: {quoted['name']}\n    role: {quoted['role']}\n"
            f"    date: {sign_off.date.isoformat()}\n    content_version: {quoted['content_version']}\n")


def _check_edit(before: dict, new_text: str, sign_off: SignOff) -> None:
    try:
        after = yaml.safe_load(new_text)
        meta = Meta.model_validate(after)
    except (yaml.YAMLError, ValidationError) as err:
        raise SignOffError(f"the edited file would not be valid, so it was not written: {err}") from err
    expected = [*Meta.model_validate(before).sign_offs, sign_off]
    others_same = {k: v for k, v in after.items() if k != "sign_offs"} == {
        k: v for k, v in before.items() if k != "sign_offs"}
    if list(meta.sign_offs) != expected or not others_same:
        raise SignOffError("the edit would change more than the sign-off list, so it was not written")


def _replace_atomically(path: Path, text: str) -> None:
    """Write beside the file, flush to disk, then rename over it: readers see old or new, never half."""
    handle, scratch = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(scratch, path.stat().st_mode & 0o777)
        os.replace(scratch, path)
    except BaseException:
        Path(scratch).unlink(missing_ok=True)
        raise
