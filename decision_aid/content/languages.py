"""Language folders: which exist, and that a translation changes words, never numbers or ids.

A translation (`content/es/`) must hold the same ids, figures, thresholds, rules and sources as the
reference language (`content/en/`); only wording may differ. `compare_translation` walks both
loaded contents side by side: every value that is not wording (ids, numbers, dates, levels, rule
conditions) must be equal, lists must have the same length, and the numbers written inside a
sentence must be the same numbers.
"""

from __future__ import annotations

import os
import re
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, StringConstraints
from pydantic.fields import FieldInfo

from .bundle import FILES
from .loading import ContentError, Problem, load_content
from .text import PatientText

REFERENCE_LANGUAGE = "en"

# Fields that say who translated what and when: they belong to each language.
_OWN_TO_EACH_LANGUAGE = {("meta", "language"), ("meta", "language_name"), ("meta", "translation"),
                         ("meta", "sign_offs"),  # a translation is reviewed and signed off on its own
                         ("meta", "formats")}  # how numbers, dates and figure sentences are written

_NUMBER = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d+)*")
_PLACEHOLDER = re.compile(r"\{[a-z_.]*\}")


def available_languages(root: Path) -> list[str]:
    """Language folders under a content root (those holding a meta.yaml), the reference first. The
    reference is always listed, so that loading it says what is wrong with it, if anything."""
    root = Path(root)
    found = ({p.name for p in root.iterdir() if p.is_dir() and os.path.lexists(p / "meta.yaml")}
             if root.is_dir() else set())
    return [REFERENCE_LANGUAGE] + sorted(found - {REFERENCE_LANGUAGE})


def numbers_in(text: str) -> list[str]:
    """The numbers written in a sentence, separators removed ('1,000' and '1.000' are both '1000')."""
    return sorted(re.sub(r"\D", "", match) for match in _NUMBER.findall(text))


def compare_translation(reference: Any, translation: Any, attr: str) -> Iterator[tuple[str, str]]:
    """(field path, problem) for each place where `translation` differs from `reference` in more
    than wording. `attr` names the file's attribute on Content (e.g. 'outcomes')."""
    yield from _compare(reference, translation, "", attr, words=False)


def _compare(ref: Any, other: Any, loc: str, attr: str, *, words: bool) -> Iterator[tuple[str, str]]:
    if isinstance(ref, BaseModel):
        if type(ref) is not type(other):
            yield loc, f"is a different kind of entry than in {REFERENCE_LANGUAGE}"
            return
        for name, info in type(ref).model_fields.items():
            if (attr, name) in _OWN_TO_EACH_LANGUAGE and not loc:
                continue
            child_words = _is_words(info)
            yield from _compare(getattr(ref, name), getattr(other, name), _join(loc, name), attr,
                                words=child_words)
    elif isinstance(ref, (list, tuple)):
        if not isinstance(other, (list, tuple)) or len(ref) != len(other):
            yield loc, f"must have {len(ref)} entries, as in {REFERENCE_LANGUAGE}"
            return
        for i, (a, b) in enumerate(zip(ref, other, strict=True)):
            yield from _compare(a, b, f"{loc}[{i}]", attr, words=words)
    elif isinstance(ref, dict):
        if not isinstance(other, dict) or set(ref) != set(other):
            yield loc, f"must have the same keys as in {REFERENCE_LANGUAGE}: {sorted(map(str, ref))}"
            return
        for key in ref:
            yield from _compare(ref[key], other[key], _join(loc, str(key)), attr, words=words)
    elif isinstance(ref, str) and (words or isinstance(ref, PatientText)):
        if not isinstance(other, str):
            yield loc, f"must be words, as in {REFERENCE_LANGUAGE}"
        elif sorted(_PLACEHOLDER.findall(ref)) != sorted(_PLACEHOLDER.findall(str(other))):
            yield loc, (f"placeholders differ from {REFERENCE_LANGUAGE}: keep "
                        f"{', '.join(sorted(set(_PLACEHOLDER.findall(ref)))) or 'none'} exactly as they are")
        elif numbers_in(ref) != numbers_in(str(other)):
            yield loc, (f"numbers differ from {REFERENCE_LANGUAGE} ({', '.join(numbers_in(ref)) or 'none'} "
                        f"there, {', '.join(numbers_in(str(other))) or 'none'} here): a translation "
                        "changes words, never numbers")
    elif ref != other:
        yield loc, f"must be {ref!r}, as in {REFERENCE_LANGUAGE} (a translation changes words only)"


def _is_words(info: FieldInfo) -> bool:
    """True when a field holds wording: `Text` (stripped, non-empty str) or `PatientText`, or a
    container of them."""
    return _annotation_is_words(info.annotation, list(info.metadata))


def _annotation_is_words(annotation: Any, metadata: list[Any]) -> bool:
    if annotation is PatientText:
        return True
    if any(isinstance(m, StringConstraints) and m.strip_whitespace and not m.pattern for m in metadata):
        return True
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        base, *extra = typing.get_args(annotation)
        return _annotation_is_words(base, extra)
    if origin in (typing.Union, types.UnionType, list, tuple):
        return any(_annotation_is_words(arg, []) for arg in typing.get_args(annotation) if arg is not type(None))
    if origin is dict:
        return _annotation_is_words(typing.get_args(annotation)[1], [])
    return False


def _join(loc: str, field: str) -> str:
    return f"{loc}.{field}" if loc else field


def translation_problems(root: Path) -> list[Problem]:
    """Every problem in every language folder under `root`: each must load on its own, and each
    translation must match the reference language in everything but wording."""

    languages = available_languages(root)
    if REFERENCE_LANGUAGE not in languages:
        return [Problem(str(Path(root) / REFERENCE_LANGUAGE), "", "the reference language folder is missing")]
    problems: list[Problem] = []
    loaded: dict[str, Any] = {}
    for language in languages:
        try:
            loaded[language] = load_content(root, language)
        except ContentError as err:
            problems.extend(err.problems)
    reference = loaded.get(REFERENCE_LANGUAGE)
    if reference is None:
        return problems
    for language, content in loaded.items():
        if language == REFERENCE_LANGUAGE:
            continue
        if content.meta.language != language:
            problems.append(Problem(f"{language}/meta.yaml", "language",
                                    f"says {content.meta.language!r} but the folder is {language!r}"))
        for name, (attr, _) in FILES.items():
            label = f"{Path(root).name}/{language}/{name}"
            problems.extend(Problem(label, where, message) for where, message in
                            compare_translation(getattr(reference, attr), getattr(content, attr), attr))
    return problems


def file_problems(root: Path, language: str, name: str) -> list[str]:
    """One translated file checked on its own against the reference: its model, then everything but
    wording. For translators working file by file (the whole folder is checked by `check`)."""
    from pydantic import ValidationError

    from .yaml_reader import parse_yaml

    reference = load_content(root, REFERENCE_LANGUAGE)
    attr, model = FILES[name]
    path = Path(root) / language / name
    try:
        translated = model.model_validate(parse_yaml(path.read_text(encoding="utf-8")))
    except ValidationError as err:
        return [f"{path}: {'.'.join(map(str, e['loc']))}: {e['msg']}" for e in err.errors()]
    except Exception as err:  # noqa: BLE001 - a translator's tool: say what is wrong, whatever it is
        return [f"{path}: {err}"]
    return [f"{path}: {where}: {message}" for where, message in
            compare_translation(getattr(reference, attr), translated, attr)]


if __name__ == "__main__":  # python -m decision_aid.content.languages es options.yaml
    import sys

    from .loading import DEFAULT_ROOT

    found = file_problems(DEFAULT_ROOT, sys.argv[1], sys.argv[2])
    print("\n".join(found) or f"{sys.argv[1]}/{sys.argv[2]}: matches {REFERENCE_LANGUAGE} in everything but wording")
    if not found and sys.argv[1] == "es":
        from decision_aid.readability import fernandez_huerta

        from .loading import _walk
        from .yaml_reader import parse_yaml

        model = FILES[sys.argv[2]][1].model_validate(
            parse_yaml((DEFAULT_ROOT / "es" / sys.argv[2]).read_text(encoding="utf-8")))
        texts = [str(t) for _, t in _walk(model) if isinstance(t, PatientText)]
        texts = [t if t.rstrip()[-1:] in ".?!:" else t + "." for t in texts]
        hardest = sorted(texts, key=fernandez_huerta)[:5]
        print(f"Fernández-Huerta of the patient text: {fernandez_huerta(' '.join(texts)):.1f} (70 or more)"
              if texts else "no patient text in this file")
        print("hardest:", *hardest, sep="\n  ")
    sys.exit(1 if found else 0)
