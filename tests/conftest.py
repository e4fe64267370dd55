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


@pytest.fixture(autouse=True)
def isolated_home(tmp_path, monkeypatch):
    """No test touches the real home directory: user corpus, data, cache, settings and Documents live in tmp."""
    monkeypatch.setenv("REMISSDRAFT_CORPUS", str(tmp_path / "user-corpus"))
    monkeypatch.setenv("REMISSDRAFT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("REMISSDRAFT_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("REMISSDRAFT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("REMISSDRAFT_DOCUMENTS_DIR", str(tmp_path / "Dokument"))
