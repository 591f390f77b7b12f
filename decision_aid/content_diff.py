"""What changed between two content folders, by id: every figure, threshold, rule and sentence
changed, added or removed. A clinical reviewer signs off this difference, not the whole text again.

The YAML files are compared as data, so a change in layout or comments is not a change. Items in a
list are matched by their `id` (or `key`), so moving or inserting one does not look like many
changes; an added or removed item is one change. Lists of plain sentences are compared as sets.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import yaml

from decision_aid.content import ContentError, load_content, patient_texts
from decision_aid.content.bundle import FILES
from decision_aid.content.loading import DEFAULT_LANGUAGE

# Not part of what a reviewer approves: the record of the approvals themselves.
_NOT_REVIEWED = {("meta.yaml", "sign_offs")}
_ITEM_KEYS = ("id", "key")  # what names an item in a list, in this order


@dataclass(frozen=True)
class Change:
    change: str  # changed, added, removed
    kind: str  # figure, threshold, rule, patient sentence, clinician text, setting
    file: str
    where: str  # field path, list items by id: outcomes[injection_relief].count
    old: Any = None
    new: Any = None


class DiffError(Exception):
    """A folder that cannot be compared (missing, or a file that is not YAML); names the file."""


def language_folder(folder: Path | str, language: str = DEFAULT_LANGUAGE) -> Path:
    """A content root (holding `en/`) or a language folder itself (holding meta.yaml)."""
    folder = Path(folder)
    if (folder / "meta.yaml").is_file():
        return folder
    if (folder / language / "meta.yaml").is_file():
        return folder / language
    raise DiffError(f"{folder}: not a content folder (no meta.yaml in it or in {language}/)")


def diff_folders(old_dir: Path | str, new_dir: Path | str) -> list[Change]:
    """Every change from the content in old_dir to the content in new_dir, file by file."""
    old, new = language_folder(old_dir), language_folder(new_dir)
    patient = _patient_sentences(old) | _patient_sentences(new)
    changes: list[Change] = []
    for name in FILES:
        before, after = _read(old / name), _read(new / name)
        for change, where, was, now in _compare(before, after, ""):
            if (name, where.split("[")[0].split(".")[0]) in _NOT_REVIEWED:
                continue
            changes.append(Change(change, _kind(name, where, was if now is None else now, patient),
                                  name, where, was, now))
    return changes


def version_of(folder: Path | str) -> str:
    meta = _read(language_folder(folder) / "meta.yaml")
    return str(meta.get("version", "?")) if isinstance(meta, dict) else "?"


def _read(path: Path) -> Any:
    if not path.is_file():
        return None
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise DiffError(f"{path}: cannot read: {err}") from err


def _patient_sentences(folder: Path) -> set[tuple[str, str]]:
    """(file, sentence) for every text a patient reads; empty when the folder is not valid content."""
    try:
        content = load_content(folder.parent, folder.name)
    except ContentError:
        return set()
    return {(file, text) for file, _, text in patient_texts(content)}


def _compare(old: Any, new: Any, where: str) -> Iterator[tuple[str, str, Any, Any]]:
    """(change, where, old, new) for every difference between two parsed YAML values."""
    if old == new:
        return
    if old is None:
        yield "added", where, None, new
    elif new is None:
        yield "removed", where, old, None
    elif isinstance(old, dict) and isinstance(new, dict):
        for key in list(old) + [k for k in new if k not in old]:
            yield from _compare(old.get(key), new.get(key), _join(where, str(key)))
    elif isinstance(old, list) and isinstance(new, list):
        yield from _compare_lists(old, new, where)
    else:
        yield "changed", where, old, new


def _compare_lists(old: list, new: list, where: str) -> Iterator[tuple[str, str, Any, Any]]:
    key = _item_key(old) or _item_key(new)
    if key and (not old or _item_key(old) == key) and (not new or _item_key(new) == key):
        before, after = {i[key]: i for i in old}, {i[key]: i for i in new}
        for item_id in list(before) + [i for i in after if i not in before]:
            yield from _compare(before.get(item_id), after.get(item_id), f"{where}[{item_id}]")
    elif all(_is_leaf(v) for v in old + new):
        # Plain values (sentences, ids): what left and what came, wherever it sits in the list.
        yield from (("removed", where, v, None) for v in old if v not in new)
        yield from (("added", where, None, v) for v in new if v not in old)
        if sorted(map(str, old)) == sorted(map(str, new)):
            yield "changed", where, old, new  # the same values in a new order
    else:
        for i in range(max(len(old), len(new))):
            yield from _compare(old[i] if i < len(old) else None, new[i] if i < len(new) else None,
                                f"{where}[{i}]")


def _item_key(items: list) -> str | None:
    """The field that names each item of a list (unique, on every item), if there is one."""
    if not items or not all(isinstance(i, dict) for i in items):
        return None
    for key in _ITEM_KEYS:
        values = [i.get(key) for i in items]
        if all(isinstance(v, (str, int)) for v in values) and len(set(values)) == len(values):
            return key
    return None


def _is_leaf(value: Any) -> bool:
    return not isinstance(value, (dict, list))


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _kind(file: str, where: str, value: Any, patient: set[tuple[str, str]]) -> str:
    """What a reviewer is looking at: a figure, a threshold, a rule, a sentence, or a setting."""
    if file == "checklist.yaml" and where.startswith("rules[") and ".when" in where:
        return "threshold"
    if file == "checklist.yaml" and where.startswith(("rules", "mirels", "karnofsky")):
        return "rule"
    if file in ("outcomes.yaml", "timeline.yaml"):
        return "figure"
    if isinstance(value, str):
        return "patient sentence" if (file, value.strip()) in patient else "clinician text"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return "figure"
    return "setting"


# --- Output ---------------------------------------------------------------------------------------

def as_text(changes: list[Change], old_dir: Path | str, new_dir: Path | str, old_name: str | None = None) -> str:
    """Readable by a clinician: one line per change, grouped by file, old and new values in full."""
    counts = {c: sum(1 for x in changes if x.change == c) for c in ("changed", "added", "removed")}
    head = (f"Content {version_of(old_dir)} ({old_name or old_dir}) -> {version_of(new_dir)} ({new_dir}): "
            f"{counts['changed']} changed, {counts['added']} added, {counts['removed']} removed.")
    if not changes:
        return head + "\nNo differences.\n"
    out = [head]
    for file in dict.fromkeys(c.file for c in changes):
        out += ["", file]
        for c in (c for c in changes if c.file == file):
            out.append(f"  {c.change.upper()} {c.kind}: {c.where}")
            if c.old is not None:
                out.append(f"      was: {_show(c.old)}")
            if c.new is not None:
                out.append(f"      now: {_show(c.new)}")
    return "\n".join(out) + "\n"


def as_json(changes: list[Change], old_dir: Path | str, new_dir: Path | str) -> str:
    return json.dumps(
        {
            "old": {"folder": str(old_dir), "version": version_of(old_dir)},
            "new": {"folder": str(new_dir), "version": version_of(new_dir)},
            "changes": [asdict(c) for c in changes],
        },
        indent=2, ensure_ascii=False, default=str,
    )


def _show(value: Any) -> str:
    if not isinstance(value, (dict, list)):
        return str(value)
    return yaml.safe_dump(value, default_flow_style=True, width=10**6, allow_unicode=True, sort_keys=False).strip()


# --- Command line ---------------------------------------------------------------------------------

def add_arguments(parser) -> None:
    parser.add_argument("old", metavar="OLD_DIR", help="the earlier content folder (root or language folder)")
    parser.add_argument("new", metavar="NEW_DIR", help="the later content folder")
    parser.add_argument("--format", choices=("text", "json"), default="text")


def run_diff(args) -> int:
    """Print every change from OLD_DIR to NEW_DIR; exit 0 either way, 2 when a folder cannot be read."""
    import sys

    try:
        changes = diff_folders(args.old, args.new)
    except DiffError as err:
        print(err, file=sys.stderr)
        return 2
    show = as_json if args.format == "json" else as_text
    print(show(changes, args.old, args.new), end="" if args.format == "text" else "\n")
    return 0
