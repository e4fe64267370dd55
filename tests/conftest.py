"""Shared paths and helpers for the tests."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from remissdraft.model import Remiss, Section

FIXTURES = Path(__file__).parent / "fixtures"
DATA = Path(__file__).parent / "data"
SHARED = Path(__file__).resolve().parents[2] / "shared"
REALDOCS = SHARED / "realdocs"
SEED = SHARED / "seeds" / "000_c8ec6e676693ffa4.txt"


@pytest.fixture(scope="session")
def expected_sections() -> dict:
    return yaml.safe_load((FIXTURES / "expected_sections.yaml").read_text(encoding="utf-8"))


def flat(remiss: Remiss) -> list[Section]:
    return list(remiss.walk())


def needs_realdocs():
    return pytest.mark.skipif(not REALDOCS.is_dir(), reason="../shared/realdocs saknas")
