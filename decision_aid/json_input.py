"""JSON from the command line, parsed with limits so that no input can end in a traceback.

Python's parser recurses once per nesting level and converts integers of any length, and a
repeated key silently keeps the last value. Here: keys may not repeat (checked in linear time),
nesting and integer length are capped, NaN/Infinity are refused. Every refusal is a JsonInputError
with one line naming the key or the place.
"""

from __future__ import annotations

import json
from typing import Any

from decision_aid.text_input import shown

MAX_DEPTH = 32  # far deeper than any answers or session file; far below Python's recursion limit
MAX_INT_DIGITS = 15  # larger than any count a form holds, small enough to convert to a float exactly


class JsonInputError(ValueError):
    """The JSON cannot be used; the message names the key or the place."""


def parse_json(text: str) -> Any:
    """The parsed JSON value; JsonInputError for anything refused."""
    depth = _nesting_depth(text)
    if depth > MAX_DEPTH:
        raise JsonInputError(f"nested {depth} levels deep (at most {MAX_DEPTH})")
    try:
        return json.loads(text, object_pairs_hook=_no_repeats, parse_constant=_no_constant, parse_int=_short_int)
    except json.JSONDecodeError as err:
        raise JsonInputError(f"not valid JSON: {err.msg} (line {err.lineno}, column {err.colno})") from None
    except RecursionError:  # unreachable after the depth check; kept so no input can give a traceback
        raise JsonInputError(f"nested too deeply (at most {MAX_DEPTH} levels)") from None


def _nesting_depth(text: str) -> int:
    """The deepest [ or { nesting, outside strings: one pass, no recursion."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "]}":
            depth -= 1
    return deepest


def _no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            raise JsonInputError(f"{shown(key)}: given more than once")
        seen.add(key)
    return dict(pairs)


def _no_constant(word: str) -> Any:
    raise JsonInputError(f"{word} is not a number JSON allows")


def _short_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        shown = digits[:12] + "..." if len(digits) > 12 else digits
        raise JsonInputError(f"the number {shown} has {len(digits.lstrip('-'))} digits (at most {MAX_INT_DIGITS})")
    return int(digits)
