"""The real PDFs in ../shared/realdocs (skipped when the folder is absent): each planbeskrivning's tree must
match its own table of contents (ground truth in tests/data/realdocs_toc.yaml, written by hand from the PDFs)."""

from __future__ import annotations

import pytest
import yaml
from conftest import DATA, REALDOCS

from remissdraft.remiss import read_remiss

pytestmark = pytest.mark.skipif(not REALDOCS.is_dir(), reason="../shared/realdocs saknas")
TRUTH = yaml.safe_load((DATA / "realdocs_toc.yaml").read_text(encoding="utf-8"))
PLANS = sorted(TRUTH)


@pytest.fixture(scope="module")
def read():
    cache = {}

    def reader(name: str):
        if name not in cache:
            cache[name] = read_remiss([REALDOCS / name])
        return cache[name]

    return reader


@pytest.mark.parametrize("name", PLANS)
def test_tree_matches_the_table_of_contents(name, read):
    found = [(s.number, s.title.casefold(), s.level) for s in read(name).walk()]
    expected = [(e["number"], e["title"].casefold(), e["level"]) for e in TRUTH[name]["toc"]]
    assert found == expected


@pytest.mark.parametrize("name", PLANS)
def test_metadata(name, read):
    remiss = read(name)
    assert remiss.dnr == TRUTH[name]["dnr"]
    assert remiss.sender == TRUTH[name]["sender"]
    # the title block may go on with a place name in the same type ("… Melltorp 1:31" / "Hyssna")
    assert remiss.title.casefold().startswith(TRUTH[name]["title"].casefold())


@pytest.mark.parametrize("name", PLANS)
def test_sections_carry_text_without_page_furniture(name, read):
    sections = list(read(name).walk())
    assert sum(len(p.split()) for s in sections for p in s.paragraphs) > 3000
    for section in sections:
        for paragraph in section.paragraphs:
            assert not paragraph.startswith("Sida ") and "........" not in paragraph, (section.label, paragraph[:80])
