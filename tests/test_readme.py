"""The README's "Knowledge base" examples run as written, in a fresh folder
with a copy of the bundled examples."""
from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def blocks(heading: str) -> list[tuple[str, str]]:
    """(language, code) of the fenced blocks under `## heading`."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", text, re.S | re.M)
    assert m, f"README has no '## {heading}' section"
    return re.findall(r"^```(\w*)\n(.*?)^```", m.group(1), re.S | re.M)


def commands() -> list[str]:
    shell = [code for lang, code in blocks("Knowledge base") if lang == ""]
    return [line for line in shell[0].splitlines() if line.strip()]


def test_the_readme_shows_every_command_and_export():
    cmds = commands()
    for sub in ("ingest", "pairs", "timeline", "asof", "events --text"):
        assert any(c.startswith(f"bilat {sub}") for c in cmds), sub
    for fmt in ("csv", "parquet", "jsonl", "geojson", "timelinejs", "plover"):
        assert any(f"export --format {fmt} " in c for c in cmds), fmt


def test_readme_knowledge_base_examples_run(tmp_path):
    pytest.importorskip("pyarrow")
    pytest.importorskip("pandas")
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    env.pop("BILAT_DB", None)
    for cmd in commands():
        cp = subprocess.run(cmd, shell=True, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
        assert cp.returncode == 0, f"{cmd}\n{cp.stdout}\n{cp.stderr}"
        if cmd.startswith("bilat ingest"):
            assert "0 failed" in cp.stdout
        if cmd.startswith("bilat asof"):
            assert "diplomatic relations: yes" in cp.stdout
        if cmd.startswith("bilat timeline"):
            assert "SANCTION" in cp.stdout
    assert (tmp_path / "bilat.db").exists()
    with open(tmp_path / "tables" / "events.csv", newline="", encoding="utf-8") as f:
        assert list(csv.DictReader(f))
    assert (tmp_path / "tables" / "events.parquet").exists()
    assert json.loads((tmp_path / "records.jsonl").read_text(encoding="utf-8").splitlines()[0])["pair"]
    assert json.loads((tmp_path / "missions.geojson").read_text(encoding="utf-8"))["type"] == "FeatureCollection"
    assert json.loads((tmp_path / "timeline.json").read_text(encoding="utf-8"))["events"]
    assert "recipient" in json.loads((tmp_path / "events.jsonl").read_text(encoding="utf-8").splitlines()[0])

    # the Python example, in the same folder
    code = [c for lang, c in blocks("Knowledge base") if lang == "python"][0]
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        scope: dict = {}
        exec(compile(code, "README.md", "exec"), scope)
        kb = scope["kb"]
        assert kb.asof("NOR", "RUS", "2022-04-30").counts["SANCTION"] >= 2
        assert kb.timeline("Norway", "Russia", start="2014")[0].date_hi >= "2014-01-01"
        kb.close()
    finally:
        os.chdir(cwd)
