"""Read a content folder, validate every file, cross-check ids, and report problems by file and field."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from decision_aid.text_input import TextInputError, read_text

from . import integrity
from .bundle import FILES, Content
from .checklist import NumberField
from .clear import cross_file_problems as clear_problems
from .clinic import FILE_NAME as CLINIC_FILE
from .clinic import Clinic
from .fhir import lab_problems
from .personal import cross_file_problems as personal_problems
from .text import PatientText
from .yaml_reader import YamlInputError, parse_yaml

DEFAULT_ROOT = Path(__file__).resolve().parents[2] / "content"
DEFAULT_LANGUAGE = "en"
CONTENT_ENV = "DECISION_AID_CONTENT"
MAX_FILE_BYTES = 1_000_000  # the largest content file is a few tens of kB
MAX_PROBLEMS_PER_FILE = 50  # enough to fix a file by; thousands of lines would bury the first


@dataclass(frozen=True)
class Problem:
    file: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.message}" if self.field else f"{self.file}: {self.message}"


class ContentError(Exception):
    """The content cannot be used; `problems` says where and why."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


def content_root() -> Path:
    """The content root the app uses: $DECISION_AID_CONTENT, else the shipped `content/`."""
    return Path(os.environ.get(CONTENT_ENV) or DEFAULT_ROOT)


def load_content(root: Path | str | None = None, language: str = DEFAULT_LANGUAGE) -> Content:
    """Load and validate every content file; raise ContentError listing every problem found."""
    folder = Path(root if root is not None else content_root()) / language
    problems: list[Problem] = []
    parsed: dict[str, BaseModel] = {}
    if not folder.is_dir():
        raise ContentError([Problem(str(folder), "", "content folder not found")])
    for name, (attr, model) in FILES.items():
        path = folder / name
        label = _label(path)
        data = _read_yaml(path, label, problems)
        if data is None:
            continue
        try:
            parsed[attr] = model.model_validate(data)
        except ValidationError as err:
            found = [Problem(label, _loc(e["loc"]), _message(e)) for e in err.errors()]
            problems.extend(found[:MAX_PROBLEMS_PER_FILE])
            if len(found) > MAX_PROBLEMS_PER_FILE:
                more = len(found) - MAX_PROBLEMS_PER_FILE
                problems.append(Problem(label, "", f"and {more:,} more problems in this file"))
    clinic = _read_clinic(folder.parent / CLINIC_FILE, problems)
    if problems:
        raise ContentError(problems)
    content = Content(**parsed, clinic=clinic)
    problems = list(cross_check(content, folder))
    if problems:
        raise ContentError(problems)
    return content


def _read_clinic(path: Path, problems: list[Problem]) -> Clinic | None:
    """The clinic's own details, validated like all content; None when the clinic has not set them."""
    if not path.exists():
        return None
    label = _label(path)
    data = _read_yaml(path, label, problems)
    if data is None:
        return None
    try:
        return Clinic.model_validate(data)
    except ValidationError as err:
        problems.extend(Problem(label, _loc(e["loc"]), _message(e)) for e in err.errors())
        return None


def _label(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except (ValueError, OSError, RuntimeError):  # RuntimeError: a symlink loop
        return str(path)


def _read_yaml(path: Path, label: str, problems: list[Problem]) -> Any:
    try:
        data = parse_yaml(read_text(path, MAX_FILE_BYTES))
    except TextInputError as err:
        problems.append(Problem(label, "", str(err)))
        return None
    except YamlInputError as err:
        problems.append(Problem(label, f"line {err.line}" if err.line else "", err.reason))
        return None
    if not isinstance(data, dict):
        problems.append(Problem(label, "", "must be a mapping of fields at the top level"))
        return None
    return data


def _loc(loc: tuple[Any, ...]) -> str:
    """('outcomes', 3, 'low') -> 'outcomes[3].low'"""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _message(error: dict[str, Any]) -> str:
    msg = error["msg"]
    return msg.removeprefix("Value error, ")


# --- Cross-checks -------------------------------------------------------------------------------

_REF_KINDS = {"source": "sources.yaml", "option": "options.yaml", "outcome": "outcomes.yaml"}
_DIGIT = re.compile(r"\d")
# Some content reaches the page as HTML (unsafe_allow_html: the glossary, the sources): a tag or a
# script link in content is refused here, so none can reach a browser whatever the page does.
_HTML = re.compile(r"<\s*/?\s*[A-Za-z!?][A-Za-z0-9-]*|javascript\s*:", re.IGNORECASE)


def cross_check(content: Content, folder: Path) -> Iterator[Problem]:
    """Ids that must exist, ids that must be unique, and no patient-facing number without a source."""
    known = {
        "source": {s.id for s in content.sources.sources},
        "option": {o.id for o in content.options.options},
        "outcome": {o.id for o in content.outcomes.outcomes},
    }
    for name, field, message in [*integrity.comparison_problems(content), *integrity.reference_problems(content)]:
        yield Problem(_label(folder / name), field, message)
    for name, (attr, _) in FILES.items():
        label = _label(folder / name)
        for loc, node in _walk(getattr(content, attr)):
            if isinstance(node, BaseModel):
                yield from (Problem(label, f, m) for f, m in _check_model(node, loc, known))
            elif isinstance(node, (list, tuple)):
                yield from (Problem(label, f, m) for f, m in _duplicate_ids(node, loc))
            elif isinstance(node, str) and (found := _HTML.search(node)):
                yield Problem(label, loc, f"HTML is not allowed in content (found {found.group()!r}); "
                                          "use markdown")
    numbers = {f.key for f in content.checklist.fields if isinstance(f, NumberField)}
    yield from (Problem(_label(folder / "fhir.yaml"), f, m) for f, m in lab_problems(content.fhir, numbers))
    yield from (Problem(_label(folder / "personal.yaml"), f, m) for f, m in personal_problems(content))
    yield from (Problem(_label(folder / "clear.yaml"), f, m) for f, m in clear_problems(content))


def _check_model(model: BaseModel, loc: str, known: dict[str, set[str]]) -> Iterator[tuple[str, str]]:
    for field, value in model:
        for kind, ids in known.items():
            if field.endswith((f"{kind}_id", f"{kind}_ids")):
                refs = value if isinstance(value, list) else [value]
                for i, ref in enumerate(refs):
                    if ref is not None and ref not in ids:
                        where = _join(loc, field) + (f"[{i}]" if isinstance(value, list) else "")
                        yield where, f"unknown {kind} id '{ref}' (not in {_REF_KINDS[kind]})"
    if not getattr(model, "source_ids", None):
        for field, text in _own_patient_texts(model):
            if _DIGIT.search(text):
                yield _join(loc, field), f"patient text with a number must cite source_ids: {text!r}"


def _own_patient_texts(model: BaseModel) -> Iterator[tuple[str, str]]:
    for field, value in model:
        values = value if isinstance(value, list) else list(value.values()) if isinstance(value, dict) else [value]
        for v in values:
            if isinstance(v, PatientText):
                yield field, v


def _duplicate_ids(items: list[Any], loc: str) -> Iterator[tuple[str, str]]:
    seen: set[str] = set()
    for i, item in enumerate(items):
        item_id = getattr(item, "id", None)
        if isinstance(item_id, str):
            if item_id in seen:
                yield f"{loc}[{i}].id", f"duplicate id '{item_id}'"
            seen.add(item_id)


def _join(loc: str, field: str) -> str:
    return f"{loc}.{field}" if loc else field


def _walk(value: Any, loc: str = "") -> Iterator[tuple[str, Any]]:
    """Every node nested in value (models, lists, dicts, leaves), with its field path."""
    yield loc, value
    if isinstance(value, BaseModel):
        children: Any = ((_join(loc, f), v) for f, v in value)
    elif isinstance(value, (list, tuple)):
        children = ((f"{loc}[{i}]", v) for i, v in enumerate(value))
    elif isinstance(value, dict):
        children = ((_join(loc, str(k)), v) for k, v in value.items())
    else:
        return
    for child_loc, child in children:
        yield from _walk(child, child_loc)


def patient_texts(content: Content) -> Iterator[tuple[str, str, str]]:
    """(file, field path, text) for every patient-facing string: what the readability test reads."""
    for name, (attr, _) in FILES.items():
        for loc, node in _walk(getattr(content, attr)):
            if isinstance(node, PatientText):
                yield name, loc, str(node)
