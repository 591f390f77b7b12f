"""per_content builds a thing once per content and arguments, stays bounded, and refuses lambdas."""

import pytest

from decision_aid.ui import built_once
from decision_aid.ui.built_once import per_content

calls: list[tuple] = []


def _build(content, *args):
    calls.append(args)
    return ("built", args)


@pytest.fixture(autouse=True)
def _empty(monkeypatch):
    monkeypatch.setattr(built_once, "_built", type(built_once._built)())
    calls.clear()


def test_built_once_per_content_and_arguments(content):
    assert per_content(_build, content, 1) == ("built", (1,))
    assert per_content(_build, content, 1) == ("built", (1,))
    assert per_content(_build, content, 2) == ("built", (2,))
    assert calls == [(1,), (2,)]


def test_the_oldest_entry_goes_once_the_cache_is_full(content, monkeypatch):
    monkeypatch.setattr(built_once, "MAX_ENTRIES", 3)
    for n in range(4):
        per_content(_build, content, n)
    assert len(built_once._built) == 3
    per_content(_build, content, 0)  # was dropped: built again
    assert calls == [(0,), (1,), (2,), (3,), (0,)]


def test_a_lambda_is_refused_because_it_would_never_be_found_again(content):
    with pytest.raises(ValueError, match="module-level function"):
        per_content(lambda c: c, content)
