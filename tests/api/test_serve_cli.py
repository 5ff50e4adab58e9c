"""`bilat serve`: its options, a missing store, and a real server on loopback."""
from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from bilat.cli import main


def test_serve_help(capsys):
    with pytest.raises(SystemExit) as e:
        main(["serve", "--help"])
    assert e.value.code == 0
    out = capsys.readouterr().out
    assert "--db" in out and "--host" in out and "--port" in out and "127.0.0.1" in out


def test_serve_without_a_store_says_to_ingest(tmp_path, capsys):
    assert main(["serve", "--db", str(tmp_path / "none.db")]) == 2
    err = capsys.readouterr().err
    assert "bilat ingest" in err and "Traceback" not in err


def test_serve_binds_loopback_and_answers(store):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "bilat.cli", "serve", "--db", str(store), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/pairs", timeout=5) as r:
                    body = json.load(r)
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    pytest.fail(f"bilat serve did not answer: {proc.stdout.read() if proc.poll() is not None else ''}")
                time.sleep(0.2)
        assert body["count"] == 2
        if shutil.which("ss"):                       # bound to 127.0.0.1 only, by default
            listening = subprocess.run(["ss", "-ltn"], capture_output=True, text=True).stdout
            lines = [x for x in listening.splitlines() if f":{port} " in x]
            assert lines and all("127.0.0.1:" in x for x in lines), lines
    finally:
        proc.terminate()
        proc.wait(timeout=10)
