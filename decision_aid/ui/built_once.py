"""What is built only from the content (figures, tables), built once per process for every session.

Content is loaded once per process and never changes, so such things need not be rebuilt on every
rerun. A small dict, not st.cache_resource: Streamlit's bookkeeping on every hit cost more than the
pictures it returned (bench/results.md, "Measured once").
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from decision_aid.content import Content

# Enough for every picture of every outcome in both text sizes and every timeline choice; the
# least recently used goes first, so a long-running server never grows without bound.
MAX_ENTRIES = 512

_built: OrderedDict[tuple, tuple[Content, Any]] = OrderedDict()
_lock = threading.Lock()  # sessions run in their own threads


def per_content(fn: Callable[..., Any], content: Content, *args: Any) -> Any:
    """`fn(content, *args)`, computed once per loaded content and arguments, shared by sessions.

    `fn` is named by its module and name, so it must be a module-level function or class: a lambda
    or a function made inside another is a new object on every run and would never be found again.
    Each entry holds `content`, so the content's id cannot be reused while the entry is kept.
    """
    name = f"{fn.__module__}.{fn.__qualname__}"
    if "<" in name:  # "<lambda>" or "<locals>"
        raise ValueError(f"per_content needs a module-level function, not {name}")
    key = (name, id(content), args)
    with _lock:
        entry = _built.get(key)
        if entry is not None:
            _built.move_to_end(key)
            return entry[1]
    value = fn(content, *args)  # built outside the lock: two sessions may both build, harmlessly
    with _lock:
        _built[key] = (content, value)
        while len(_built) > MAX_ENTRIES:
            _built.popitem(last=False)
    return value
