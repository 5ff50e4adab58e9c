"""The shared scorers on the dev corpus and the PLOVER gold records, when the shared folder is there."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
PY = sys.executable
RUNNER = """
import json, sys
from bilat.sources import read
from bilat.extract.pair import pair_from_title
from bilat.extract.events import extract_events
from bilat.model import plain
a = read(sys.argv[1])
pair = pair_from_title(a.title)
print(json.dumps({"schema": "bilat.record/1", "pair": list(pair),
                  "events": [plain(e) for e in extract_events(a, pair)]}))
"""

needs_shared = pytest.mark.skipif(not (SHARED / "eval" / "score.py").exists(), reason="no shared/ beside the repo")


@needs_shared
def test_dev_corpus_scores(tmp_path):
    runner = tmp_path / "run.py"
    runner.write_text(RUNNER)
    cp = subprocess.run([PY, str(SHARED / "eval" / "score.py"), str(SHARED / "corpus" / "dev"), "--json",
                         "--cmd", f"{PY} {runner} {{path}}"], capture_output=True, text=True, timeout=600)
    res = json.loads(cp.stdout)["summary"]
    assert res["failed"] == 0
    assert res["events"]["f1"] >= 0.93
    assert res["direction"] >= 0.94
    assert res["count"] >= 0.95
    assert res["response_links"] >= 0.85
    assert res["date_lenient"] >= 0.93


@needs_shared
def test_plover_gold_records():
    cp = subprocess.run([PY, str(SHARED / "eval" / "gsr_score.py"), "--json",
                         "--cmd", f"{PY} -m bilat.cli code {{path}} --format jsonl"],
                        capture_output=True, text=True, timeout=600)
    assert cp.returncode == 0, cp.stderr[-500:]
    res = json.loads(cp.stdout.strip().splitlines()[-1])
    assert res["type_acc"] >= 0.81
    assert res["source_acc"] >= 0.86
    assert res["target_acc"] >= 0.80
    assert res["extra_per_sentence"] <= 0.20
