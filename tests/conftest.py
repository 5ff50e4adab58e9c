"""Shared test helpers: where the project and the optional shared/ folder are."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


@pytest.fixture
def shared_dir() -> Path:
    if not (SHARED / "corpus" / "dev").is_dir():
        pytest.skip(f"no shared corpus beside the project ({SHARED})")
    return SHARED
