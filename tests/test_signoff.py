"""`python -m decision_aid signoff`: refuses content that fails the check, shows what changed since
the last signed version, and records the current version in meta.yaml without losing its comments."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess

import pytest
import yaml

from decision_aid.__main__ import main
from decision_aid.content import load_content

from .conftest import CONTENT


@pytest.fixture
def root(tmp_path):
    copy = tmp_path / "content"
    shutil.copytree(CONTENT, copy)
    return copy


def _sign(root, name="Dr Ada Reviewer", role="Clinical lead", *extra):
    return main(["signoff", "--name", name, "--role", role, "--content", str(root), *extra])


def _set(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_records_the_current_version_and_keeps_the_comments(root, capsys):
    meta_path = root / "en" / "meta.yaml"
    before = meta_path.read_text(encoding="utf-8")
    assert _sign(root, "Dr Ada Reviewer", "Clinical lead", "--yes") == 0
    after = meta_path.read_text(encoding="utf-8")
    content = load_content(root)
    version = content.meta.version
    assert [(s.name, s.role, s.date, s.content_version) for s in content.meta.sign_offs] == [
        ("Dr Ada Reviewer", "Clinical lead", dt.date.today(), version)]
    assert content.meta.sign_off_for_this_version() is not None
    comments = [line for line in before.splitlines() if line.lstrip().startswith("#")]
    assert comments and all(line in after.splitlines() for line in comments)
    assert after.startswith(before.split("sign_offs:")[0])  # everything above the list is untouched
    assert "No earlier content version has been signed off" in capsys.readouterr().out


def test_refuses_content_that_fails_the_check(root, capsys):
    _set(root / "en" / "outcomes.yaml", "count: 61", "count: 161")
    meta_path = root / "en" / "meta.yaml"
    before = meta_path.read_text(encoding="utf-8")
    assert _sign(root, "Dr Ada Reviewer", "Clinical lead", "--yes") == 1
    err = capsys.readouterr().err
    assert "outcomes.yaml" in err and "signoff refused: the content check failed" in err
    assert meta_path.read_text(encoding="utf-8") == before


def test_nothing_recorded_unless_confirmed(root, monkeypatch):
    meta_path = root / "en" / "meta.yaml"
    before = meta_path.read_text(encoding="utf-8")
    monkeypatch.setattr("sys.stdin", io.StringIO("no\n"))
    assert _sign(root) == 1
    assert meta_path.read_text(encoding="utf-8") == before
    monkeypatch.setattr("sys.stdin", io.StringIO("yes\n"))
    assert _sign(root) == 0
    assert len(load_content(root).meta.sign_offs) == 1


def test_a_blank_name_is_refused_naming_the_option(root, capsys):
    assert _sign(root, "  ", "Clinical lead", "--yes") == 2
    assert "--name" in capsys.readouterr().err
    assert load_content(root).meta.sign_offs == []


def test_the_same_person_cannot_sign_the_same_version_twice(root, capsys):
    assert _sign(root, "Dr Ada Reviewer", "Clinical lead", "--yes") == 0
    assert _sign(root, "Dr Ada Reviewer", "Clinical lead", "--yes") == 1
    assert "already signed off" in capsys.readouterr().err
    assert len(load_content(root).meta.sign_offs) == 1


def _git(cwd, *args):
    subprocess.run(["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", *args],
                   cwd=cwd, check=True, capture_output=True)


def test_shows_what_changed_since_the_last_signed_version_from_git(root, capsys):
    _git(root, "init", "-q")
    assert _sign(root, "Dr Ada Reviewer", "Clinical lead", "--yes") == 0
    _git(root, "add", "-A")
    _git(root, "commit", "-qm", "signed 1.0.0")
    # A new version with a new threshold: a draft again until someone signs it.
    meta_path = root / "en" / "meta.yaml"
    version = load_content(root).meta.version
    _set(meta_path, f'\nversion: "{version}"', '\nversion: "9.9.9"')
    _set(root / "en" / "checklist.yaml", "when: {field: inr, above: 3.0}", "when: {field: inr, above: 2.5}")
    assert load_content(root).meta.sign_off_for_this_version() is None
    capsys.readouterr()
    assert _sign(root, "Dr Bea Second", "Consultant", "--yes") == 0
    out = capsys.readouterr().out
    assert "CHANGED threshold: rules[inr_high].when.above\n      was: 3.0\n      now: 2.5" in out
    assert f"Content {version} (as signed off, from git history) -> 9.9.9" in out
    assert f"version\n      was: {version}\n      now: 9.9.9" in out
    signed = yaml.safe_load(meta_path.read_text(encoding="utf-8"))["sign_offs"]
    assert [s["content_version"] for s in signed] == [version, "9.9.9"]


def test_refuses_when_the_last_signed_content_cannot_be_found(root, capsys):
    meta_path = root / "en" / "meta.yaml"
    _set(meta_path, "sign_offs: []", 'sign_offs:\n  - {name: "Dr Old", role: Lead, date: 2026-01-01, '
                                     'content_version: "0.1.0"}')
    before = meta_path.read_text(encoding="utf-8")
    assert _sign(root, "Dr Ada Reviewer", "Clinical lead", "--yes") == 1
    assert "--since" in capsys.readouterr().err
    assert meta_path.read_text(encoding="utf-8") == before
    # Given the earlier content by hand, it shows the difference (none here) and records.
    assert _sign(root, "Dr Ada Reviewer", "Clinical lead", "--yes", "--since", str(CONTENT)) == 0
    assert "No differences." in capsys.readouterr().out
    assert [s.name for s in load_content(root).meta.sign_offs] == ["Dr Old", "Dr Ada Reviewer"]


def test_check_says_whether_this_version_is_signed_off(root, capsys):
    assert main(["check", "--content", str(root)]) == 0
    assert "No clinical sign-off for version" in capsys.readouterr().out
    assert _sign(root, "Dr Ada Reviewer", "Clinical lead", "--yes") == 0
    capsys.readouterr()
    assert main(["check", "--content", str(root)]) == 0
    assert f"Signed off by Dr Ada Reviewer (Clinical lead) on {dt.date.today()}." in capsys.readouterr().out


def test_a_failed_write_leaves_meta_yaml_as_it_was(root, monkeypatch, capsys):
    meta_path = root / "en" / "meta.yaml"
    before = meta_path.read_text(encoding="utf-8")

    def disk_full(*_args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("decision_aid.signoff.os.replace", disk_full)
    assert _sign(root, "Dr Ada Reviewer", "Clinical lead", "--yes") == 1
    assert "No space left on device" in capsys.readouterr().err
    assert meta_path.read_text(encoding="utf-8") == before
    assert sorted(p.name for p in meta_path.parent.iterdir()) == sorted(p.name for p in (CONTENT / "en").iterdir())
