"""The project scored by the shared scorer on the dev corpus (skipped without ../shared)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def test_dev_corpus_scores(shared_dir):
    bilat_cmd = str(Path(sys.executable).parent / "bilat")
    cp = subprocess.run([sys.executable, str(shared_dir / "eval" / "score.py"), str(shared_dir / "corpus" / "dev"),
                         "--json", "--cmd", f"{bilat_cmd} extract {{path}} --format json"],
                        capture_output=True, text=True, timeout=600, env=os.environ)
    assert cp.stdout, cp.stderr
    summary = json.loads(cp.stdout)["summary"]
    assert summary["failed"] == 0
    assert summary["facts"] >= 0.95
