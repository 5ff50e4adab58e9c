"""The `bilat` command as a user runs it."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from bilat.cli import main

from conftest import EXAMPLES

ARTICLE = """= Chile–Peru relations =

Chile has an embassy in Lima. The two states established diplomatic relations on 12 May 1839.
"""


def run(*args, stdin: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "bilat.cli", *args], input=stdin,
                          capture_output=True, timeout=120)


@pytest.mark.parametrize("cmd", ["extract", "dates", "code", "timeline", "ingest", "pairs", "events",
                                 "missions", "asof", "export", "serve"])
def test_help_of_every_command(cmd, capsys):
    with pytest.raises(SystemExit) as e:
        main([cmd, "--help"])
    assert e.value.code == 0
    assert "usage: bilat " + cmd in capsys.readouterr().out


def test_extract_json_prints_the_record(tmp_path):
    f = tmp_path / "chile-peru.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    cp = run("extract", str(f), "--format", "json")
    assert cp.returncode == 0, cp.stderr
    rec = json.loads(cp.stdout)
    assert rec["schema"] == "bilat.record/1"
    assert rec["pair"] == ["CHL", "PER"]
    assert rec["established"]["date"] == "1839-05-12"
    assert rec["source"]["sha256"] and rec["source"]["format"] == "plaintext"
    assert "events" in rec


def test_stdin_is_read_with_dash():
    cp = run("extract", "-", "--format", "json", stdin=ARTICLE.encode())
    assert cp.returncode == 0, cp.stderr
    assert json.loads(cp.stdout)["pair"] == ["CHL", "PER"]


def test_bad_files_are_reported_and_the_others_still_extracted(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    nopair = tmp_path / "nopair.txt"
    nopair.write_text("= Cats and dogs =\n\nCats are not dogs.\n", encoding="utf-8")
    truncated = tmp_path / "trunc.wiki"
    truncated.write_text("{{Infobox bilateral relations|Chile–Peru|Chile|Peru\n|mission1=", encoding="utf-8")
    cp = run("extract", str(empty), str(binary), str(good), str(nopair), str(truncated), "--format", "jsonl")
    assert cp.returncode == 2
    lines = [json.loads(x) for x in cp.stdout.decode().splitlines()]
    assert [r["pair"] for r in lines] == [["CHL", "PER"]]
    errors = cp.stderr.decode().strip().splitlines()
    assert len(errors) == 4
    for path, line in zip([empty, binary, nopair, truncated], errors):
        assert str(path) in line and "Traceback" not in line


def test_table_is_readable():
    if not (EXAMPLES / "norway-russia.txt").exists():
        pytest.skip("example not present")
    cp = run("extract", str(EXAMPLES / "norway-russia.txt"), "--format", "table")
    assert cp.returncode == 0, cp.stderr
    out = cp.stdout.decode()
    assert "Norway–Russia relations" in out and "1905-10-30" in out and "embassy" in out


def test_python_api_reads_paths_and_text(tmp_path):
    import bilat
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    assert bilat.extract(str(f)).pair == ("CHL", "PER")
    assert bilat.extract(ARTICLE).pair == ("CHL", "PER")
    with pytest.raises(bilat.SourceError):
        bilat.extract("no-such-file.txt")
