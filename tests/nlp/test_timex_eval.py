"""Scores the time tagger on WikiWars and TempEval-3 with the shared
scorer (`../shared/eval/timex_score.py`, next to the repository), when that
folder is present; skipped otherwise. Thresholds sit a little below the
scores measured when they were set, so a regression fails the test."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
SCORER = SHARED / "eval" / "timex_score.py"
CMD = f"{sys.executable} -m bilat.dates_cli {{path}} --dct {{dct}} --format json"

# corpus folder, {metric: minimum}; measured: WikiWars relaxed F1 94.2, value F1 86.7;
# TE3 platinum relaxed F1 92.6, value F1 82.0
CORPORA = {
    "wikiwars/timex3_tml": {"relaxed_f1": 93.0, "value_f1": 85.5},
    "te3-platinum": {"relaxed_f1": 91.0, "value_f1": 80.0},
}


@pytest.mark.parametrize("corpus", sorted(CORPORA))
def test_timex_scores(corpus):
    folder = SHARED / "data" / "temporal" / corpus
    if not SCORER.exists() or not folder.is_dir():
        pytest.skip(f"{folder} not present")
    cp = subprocess.run([sys.executable, str(SCORER), str(folder), "--cmd", CMD, "--json"],
                        capture_output=True, text=True, timeout=900)
    assert cp.returncode == 0, cp.stderr[-2000:]
    score = json.loads(cp.stdout.strip().splitlines()[-1])
    assert score["failed"] == 0
    for metric, minimum in CORPORA[corpus].items():
        assert score[metric] >= minimum, f"{corpus}: {metric} {score[metric]} < {minimum} ({score})"
