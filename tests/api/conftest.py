"""A store with the bundled example and a made-up article whose sentences
hold markup (tests/api/iceland-malta.txt: invented, not a real article)."""
from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
EXAMPLE = HERE.parents[1] / "examples" / "norway-russia.txt"
MADE_UP = HERE / "iceland-malta.txt"


@pytest.fixture(scope="session")
def store(tmp_path_factory) -> Path:
    pytest.importorskip("fastapi")
    from bilat.store.ingest import ingest
    db = tmp_path_factory.mktemp("store") / "bilat.db"
    report = ingest([str(EXAMPLE), str(MADE_UP)], db, jobs=1)
    assert report.ok, report.failed
    return db


@pytest.fixture(scope="session")
def client(store):
    from fastapi.testclient import TestClient
    from bilat.api import create_app
    with TestClient(create_app(store), raise_server_exceptions=False) as c:
        yield c
