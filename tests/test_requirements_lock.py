"""The lock files pin every package at one exact version and agree with the hand-edited pins."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s=]+)$")


def pins(path: Path) -> dict[str, str]:
    """name -> version of every `name==version` line; any other non-comment line fails the test."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith(("#", "-r ")):
            continue
        match = PIN.match(line)
        assert match, f"{path.name}: not an exact pin: {line!r}"
        found[re.sub(r"[-_.]+", "-", match[1]).lower()] = match[2]
    return found


@pytest.mark.parametrize(("top", "lock"), [("requirements.txt", "requirements.lock"),
                                           ("requirements-dev.txt", "requirements-dev.lock")])
def test_every_top_level_pin_is_in_its_lock_at_the_same_version(top, lock):
    locked = pins(ROOT / lock)
    for name, version in pins(ROOT / top).items():
        assert locked.get(name) == version, f"{top} pins {name}=={version}, {lock} has {locked.get(name)}"


def test_the_dev_lock_installs_the_runtime_lock_unchanged():
    runtime, dev = pins(ROOT / "requirements.lock"), pins(ROOT / "requirements-dev.lock")
    assert {n: dev.get(n) for n in runtime} == runtime


def test_the_makefile_installs_the_lock_files_and_lints():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "-r requirements.lock" in makefile and "-r requirements-dev.lock" in makefile
    assert "ruff check ." in makefile
