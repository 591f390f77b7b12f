"""YAML parsed for content files, refusing what PyYAML would accept silently or fail on loudly.

- A key given twice in one mapping is refused (PyYAML keeps the last value without a word); the
  check is a set lookup per key, so a huge file stays linear.
- Nesting deeper than MAX_DEPTH is refused before composing: PyYAML builds nodes by recursion.
- A value PyYAML cannot construct (an impossible date such as 2026-02-30, an integer too long to
  convert) is a YAML error with its line, not a bare ValueError.
"""

from __future__ import annotations

from typing import Any

import yaml

MAX_DEPTH = 50  # content nests a few levels; far below Python's recursion limit

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's parser when built with it
_MERGE = "tag:yaml.org,2002:merge"


class YamlInputError(ValueError):
    """The YAML cannot be used: `line` (1-based, or None) and a plain `reason`."""

    def __init__(self, line: int | None, reason: str):
        self.line = line
        self.reason = reason
        super().__init__(f"line {line}: {reason}" if line else reason)


class _StrictLoader(_Base):  # type: ignore[misc, valid-type]
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            if key_node.tag == _MERGE:
                continue
            key = self.construct_object(key_node, deep=deep)
            try:
                repeated = key in seen
                seen.add(key)
            except TypeError:  # an unhashable key: SafeConstructor refuses it below
                continue
            if repeated:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key '{key}' is given more than once", key_node.start_mark)
        return super().construct_mapping(node, deep=deep)

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep=deep)
        except (ValueError, OverflowError) as err:
            shown = str(node.value)[:40] if isinstance(node, yaml.ScalarNode) else node.tag
            reason = str(err).split(";")[0]  # Python's advice after ";" is for programmers
            raise yaml.constructor.ConstructorError(
                None, None, f"cannot read the value '{shown}': {reason}", node.start_mark) from None


def parse_yaml(text: str) -> Any:
    """The YAML document as Python data; YamlInputError (with the line where known) otherwise."""
    try:
        _check_depth(text)
        return yaml.load(text, Loader=_StrictLoader)  # a safe loader: no Python objects
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        reason = getattr(err, "problem", None) or str(err)
        if not isinstance(err, yaml.constructor.ConstructorError):
            reason = f"YAML syntax error: {reason}"
        raise YamlInputError(mark.line + 1 if mark else None, reason) from None
    except RecursionError:  # unreachable after the depth check; kept so no input gives a traceback
        raise YamlInputError(None, f"nested too deeply (at most {MAX_DEPTH} levels)") from None


def _check_depth(text: str) -> None:
    """Walk the parser's events (no recursion) and refuse nesting deeper than MAX_DEPTH."""
    depth = 0
    for event in yaml.parse(text, Loader=_Base):
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlInputError(event.start_mark.line + 1, f"nested more than {MAX_DEPTH} levels deep")
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            depth -= 1
