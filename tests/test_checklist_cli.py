"""`python -m decision_aid checklist FILE|-`: JSON in, assessment JSON out; refusals exit 2, stdout empty."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from decision_aid.__main__ import main

from .conftest import ROOT


def _run(capsys, monkeypatch, text: str, *extra: str) -> tuple[int, str, str]:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    code = main(["checklist", "-", *extra])
    out, err = capsys.readouterr()
    return code, out, err


def test_file_in_assessment_out(tmp_path, capsys):
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"inr": 3.0, "platelets": 19, "mirels_site": "peritrochanteric",
                                "mirels_pain": "functional", "mirels_lesion": "lytic", "mirels_size": "over_two_thirds"}))
    assert main(["checklist", str(path)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["status"] == "stop"
    assert result["mirels"]["score"] == 12 and result["mirels"]["band"] == "high"
    ids = [f["id"] for f in result["findings"]]
    assert ids[:2] == ["platelets_very_low", "mirels_high"] and "inr_raised" in ids
    assert {"id", "level", "title", "detail", "action", "source_ids"} <= set(result["findings"][0])
    assert "ecog" in result["unknown"]


def test_standard_input(capsys, monkeypatch):
    code, out, err = _run(capsys, monkeypatch, '{"anticoagulant": "warfarin"}')
    assert code == 0 and not err
    ids = [f["id"] for f in json.loads(out)["findings"]]
    assert "inr_unknown_on_warfarin_or_heparin" in ids


@pytest.mark.parametrize("text,expected", [
    ('{"platelets": 150000}', "platelets (Platelets): 150000 is above"),
    ('{"platlets": 150}', "platlets: not a checklist question"),
    ('{"inr": "high"}', "inr (INR): must be a number"),
    ('{"inr": NaN}', "NaN is not a number JSON allows"),
    ('{"inr": 1.1, "inr": 4}', "inr: given more than once"),
    ('[{"inr": 1.1}]', "must be a JSON object of answers"),
    ('{"inr": 1.1', "not valid JSON"),
    ('{"anticoagulant": ["none", "doac"]}', 'anticoagulant (Anticoagulant or antiplatelet medicine): "none" cannot'),
    ('{"anticoagulant": ["doac", "xarelto"]}', 'anticoagulant (Anticoagulant or antiplatelet medicine): "xarelto"'),
    ('{"days_since_myelosuppressive_chemo": "7"}', "days_since_myelosuppressive_chemo ("),
    ('{"days_since_myelosuppressive_chemo": 400}', "400 is above the highest accepted value, 365 days"),
    ('{"neuro_red_flags": "yes"}', "neuro_red_flags (Red flags for spinal cord compression"),
    ('{"lesion_location": "pelvis"}', 'lesion_location (Where the lesion is): "pelvis" is not one of'),
    ("", "not valid JSON"),
])
def test_invalid_input_exits_2_with_nothing_on_stdout(text, expected, capsys, monkeypatch):
    code, out, err = _run(capsys, monkeypatch, text)
    assert code == 2
    assert out == ""
    assert expected in err


def test_anticoagulants_as_a_list_and_new_answers(capsys, monkeypatch):
    text = ('{"anticoagulant": ["p2y12", "lmwh_prophylactic"], "neuro_red_flags": true, '
            '"days_since_myelosuppressive_chemo": 10, "pain_source": "outside_joint"}')
    code, out, err = _run(capsys, monkeypatch, text)
    assert code == 0 and not err
    result = json.loads(out)
    assert result["status"] == "stop"
    by_id = {f["id"]: f for f in result["findings"]}
    assert {"neuro_red_flags", "anticoagulants_combined", "anticoagulant_low_risk",
            "recent_myelosuppressive_chemo", "pain_source_not_joint"} <= set(by_id)
    assert by_id["anticoagulants_combined"]["title"].startswith("2 or more blood thinners besides aspirin")
    assert by_id["neuro_red_flags"]["patient_text"].startswith("Your team found a reason to wait.")


def test_missing_file_exits_2(tmp_path, capsys):
    assert main(["checklist", str(tmp_path / "nope.json")]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "nope.json: file is missing" in err


def test_as_a_real_process():
    done = subprocess.run([sys.executable, "-m", "decision_aid", "checklist", "-"], input='{"ecog": 9}',
                          capture_output=True, text=True, cwd=ROOT, timeout=60, check=False)
    assert done.returncode == 2
    assert done.stdout == ""
    assert "ecog" in done.stderr and "Traceback" not in done.stderr
