from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture
def shared() -> Path:
    """The team's shared folder (test corpora, gold); tests that need it skip where it is absent."""
    if not (SHARED / "gold" / "seeds.jsonl").is_file():
        pytest.skip("../shared is absent: shared corpora and gold are not available here")
    return SHARED
