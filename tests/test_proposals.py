"""A first draft in one key: proposals placed, accepted (as is or edited), rejected, saved, never exported
unaccepted; `remissdraft new --prefill`."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import docx
import pytest
from conftest import FIXTURES

from remissdraft.cli import main
from remissdraft.corpus import load_corpus
from remissdraft.draft import load_draft, load_template, missing_required, new_draft, save_draft
from remissdraft.draft.proposals import accept, pending_count, pending_only, propose, reject, sections_and_synpunkter
from remissdraft.errors import DraftError
from remissdraft.export import export_docx
from remissdraft.match import Matcher
from remissdraft.model import Profile, Remiss, Section, Snippet, Source

PLAN = "Handlingsprogram 2024 enligt lag (2003:778) om skydd mot olyckor (LSO)"
REMISS = Remiss(
    title=PLAN,
    dnr="RSG 2023/699",
    sender="Räddningstjänsten Storgöteborg",
    sections=[
        Section("4", "Risker", 1, ["Förbundsområdets riskbild beskrivs utifrån olyckstyper."], [
            Section("4.5", "Olycka med farliga ämnen", 2, ["Farliga ämnen transporteras på väg och järnväg; en kärnteknisk "
                                                          "olycka kräver åtgärder i den yttre beredskapszonen."]),
            Section("4.7", "Drunkning", 2, ["Drunkningsolyckor inträffar i hav, sjöar och vattendrag."]),
        ]),
        Section("8.1.8", "Varning och information till allmänheten (VMA)", 1, ["Utomhusvarningssystemet och dess funktionskontroller."]),
        Section("9", "Uppföljning", 1, ["Verksamheten följs upp varje år."]),
    ],
)
EARLIER = Source(organisation="Kungsbacka kommun", namnd="Kommunstyrelsen", dnr="KS-2020-00100", datum="2020-04-15",
                 title="Handlingsprogram 2020 enligt lag (2003:778) om skydd mot olyckor (LSO)", remiss_dnr="RSG 2019/500")
KARNTEKNISK = "{namnd} önskar få ett förtydligande gällande räddningstjänstens ansvar vid en kärnteknisk olycka."
VMA = "{namnd} önskar få förtydligande i hur underhåll och funktionskontroller av utomhusvarningssystemet sker."
PROFILE = Profile(name="Joel Ledsgård", namnd="Kommunstyrelsen", organisation="Kungsbacka kommun")


def _corpus() -> list[Snippet]:
    """Kungsbacka's answer to the previous version of the plan, with the sections it answered, among the
    bundled corpus (Nacka's social services positions: nothing for a rescue services plan)."""
    answered = [
        Snippet("karn", KARNTEKNISK, "fortydligande", source=Source(**{**EARLIER.to_dict(), "section": "4.5 Olycka med farliga ämnen"})),
        Snippet("vma", VMA, "fortydligande", source=Source(**{**EARLIER.to_dict(), "section": "8.1.8 Varning och information till allmänheten (VMA)"})),
    ]
    return load_corpus(None, bundled=True).snippets + answered


@pytest.fixture
def matcher() -> Matcher:
    return Matcher(_corpus(), use_disk=False, organisation=PROFILE.organisation, namnd=PROFILE.namnd)


@pytest.fixture
def draft():
    return new_draft(REMISS, load_template("nacka-tjansteskrivelse"), PROFILE, dnr="KS-2024-00231", datum=date(2024, 4, 15))


def _proposals(draft) -> dict[str, str]:
    return {s.key: s.proposal.id for s in draft.synpunkter if s.proposal is not None}


def test_propose_places_the_earlier_answers_where_they_answered(draft, matcher):
    assert propose(draft, REMISS, matcher) == 2
    assert _proposals(draft) == {"4.5": "karn", "8.1.8": "vma"}  # not in chapter 4 around 4.5, nothing for the rest
    proposal = draft.synpunkt("4.5").proposal
    assert proposal.text.startswith("Kommunstyrelsen önskar")  # placeholders filled for this draft
    assert proposal.source.dnr == "KS-2020-00100" and proposal.source.section.startswith("4.5")
    assert pending_count(draft) == 2
    assert all(not s.text and not s.written for s in draft.synpunkter)  # nothing is written until accepted


def test_propose_leaves_written_sections_and_declined_positions_alone(draft, matcher):
    draft.synpunkt("8.1.8").text = "Egen text."
    draft.synpunkt("4.5").declined.append("karn")
    assert propose(draft, REMISS, matcher) == 0
    assert _proposals(draft) == {}


def test_propose_again_keeps_the_pending_proposals(draft, matcher):
    propose(draft, REMISS, matcher)
    assert propose(draft, REMISS, matcher) == 0
    assert _proposals(draft) == {"4.5": "karn", "8.1.8": "vma"}


def test_a_position_is_proposed_once(draft):
    same = Snippet("karn", KARNTEKNISK, "fortydligande", source=Source(**{**EARLIER.to_dict(), "section": "4.5 Olycka med farliga ämnen"}))
    twin = Snippet("karn-igen", KARNTEKNISK, "fortydligande", source=Source(**{**EARLIER.to_dict(), "section": "4.7 Drunkning"}))
    matcher = Matcher(load_corpus(None).snippets + [same, twin], use_disk=False)
    propose(draft, REMISS, matcher)
    assert list(_proposals(draft).values()).count("karn") + list(_proposals(draft).values()).count("karn-igen") == 1


def test_nothing_is_proposed_from_a_corpus_that_knows_nothing_of_the_remiss(draft):
    assert propose(draft, REMISS, Matcher(load_corpus(None).snippets, use_disk=False)) == 0


def test_accept_takes_the_proposal_into_the_text_with_its_source(draft, matcher):
    propose(draft, REMISS, matcher)
    text = accept(draft, "4.5")
    synpunkt = draft.synpunkt("4.5")
    assert synpunkt.text == text and text.startswith("Kommunstyrelsen önskar") and synpunkt.proposal is None
    assert [use.id for use in synpunkt.uses] == ["karn"] and synpunkt.uses[0].source.dnr == "KS-2020-00100"
    assert pending_count(draft) == 1


def test_accept_an_edited_proposal(draft, matcher):
    propose(draft, REMISS, matcher)
    draft.synpunkt("8.1.8").text = "Kommunen har en egen mening."
    edited = accept(draft, "8.1.8", "Kommunstyrelsen önskar få förtydligande i hur underhåll och funktionskontroller av utomhusvarningssystemet sker i vardagen.")
    synpunkt = draft.synpunkt("8.1.8")
    assert synpunkt.text == f"Kommunen har en egen mening.\n\n{edited}"  # what the user wrote stays
    assert [use.id for use in synpunkt.uses] == ["vma"]  # still recognisably the proposal: the source is kept
    accept_rewritten = new_draft(REMISS, load_template("nacka-tjansteskrivelse"), PROFILE)
    propose(accept_rewritten, REMISS, matcher)
    accept(accept_rewritten, "4.5", "Kommunen vill veta mer om strålskyddet.")
    assert accept_rewritten.synpunkt("4.5").uses == []  # rewritten beyond recognition: no source claimed


def test_reject_forgets_the_proposal_and_does_not_propose_it_again(draft, matcher):
    propose(draft, REMISS, matcher)
    reject(draft, "4.5")
    assert draft.synpunkt("4.5").proposal is None and draft.synpunkt("4.5").declined == ["karn"]
    assert draft.synpunkt("4.5").text == "" and pending_count(draft) == 1
    propose(draft, REMISS, matcher)
    assert draft.synpunkt("4.5").proposal is None


def test_accept_and_reject_need_a_proposal(draft):
    with pytest.raises(DraftError, match="har inget förslag att godta"):
        accept(draft, "4.5")
    with pytest.raises(DraftError, match="har inget förslag att avvisa"):
        reject(draft, "4.5")
    with pytest.raises(DraftError, match="inget remissavsnitt"):
        accept(draft, "77")


def test_proposals_and_declined_survive_saving(draft, matcher, tmp_path):
    propose(draft, REMISS, matcher)
    reject(draft, "8.1.8")
    loaded = load_draft(save_draft(draft, tmp_path / "utkast.yaml"))
    assert loaded.synpunkt("4.5").proposal == draft.synpunkt("4.5").proposal
    assert loaded.synpunkt("8.1.8").declined == ["vma"] and loaded.synpunkt("8.1.8").proposal is None
    assert pending_count(loaded) == 1


def test_a_draft_without_proposals_is_written_as_before(draft, tmp_path):
    text = save_draft(draft, tmp_path / "utkast.yaml").read_text(encoding="utf-8")
    assert "proposal" not in text and "declined" not in text


def test_an_old_draft_file_still_loads(tmp_path):
    path = tmp_path / "gammalt.yaml"
    path.write_text(
        "schema: 1\ntemplate: nacka-tjansteskrivelse\nsynpunkter:\n  '4.5':\n    number: '4.5'\n    title: Olycka\n"
        "    text: Nämnden önskar förtydligande.\n    uses: []\n",
        encoding="utf-8",
    )
    synpunkt = load_draft(path).synpunkt("4.5")
    assert synpunkt.proposal is None and synpunkt.declined == [] and synpunkt.text == "Nämnden önskar förtydligande."


def test_a_broken_proposal_is_one_swedish_line(tmp_path):
    path = tmp_path / "trasigt.yaml"
    path.write_text("schema: 1\ntemplate: t\nsynpunkter:\n  '1':\n    title: A\n    proposal: [x]\n", encoding="utf-8")
    with pytest.raises(DraftError, match=r"synpunkter\.1\.proposal"):
        load_draft(path)


def _exported_text(draft, tmp_path: Path, name: str) -> str:
    result = export_docx(draft, load_template(draft.template), tmp_path / name, force=True)
    return "\n".join(p.text for p in docx.Document(str(result.path)).paragraphs)


def test_a_proposal_is_never_exported_unaccepted(draft, matcher, tmp_path):
    propose(draft, REMISS, matcher)
    text = _exported_text(draft, tmp_path, "a.docx")
    assert "kärnteknisk" not in text and "utomhusvarningssystemet sker" not in text
    accept(draft, "4.5")
    text = _exported_text(draft, tmp_path, "b.docx")
    assert "kärnteknisk olycka" in text and "utomhusvarningssystemet sker" not in text


def test_a_proposal_copied_into_the_text_without_accepting_is_not_exported(draft, matcher, tmp_path):
    propose(draft, REMISS, matcher)
    synpunkt = draft.synpunkt("8.1.8")
    synpunkt.text = synpunkt.proposal.text  # a display that mirrored the proposal into the text, say
    assert pending_only(synpunkt)
    assert "utomhusvarningssystemet" not in _exported_text(draft, tmp_path, "c.docx")
    synpunkt.text += " Och mer."  # the user wrote on: theirs now
    assert not pending_only(synpunkt)
    assert "utomhusvarningssystemet" in _exported_text(draft, tmp_path, "d.docx")


def test_a_synpunkt_holding_only_its_proposal_is_not_written_for_the_required_check(draft, matcher):
    heading = next(s.heading for s in draft.sections if s.kind == "synpunkter")
    propose(draft, REMISS, matcher)
    synpunkt = draft.synpunkt("8.1.8")
    synpunkt.text = synpunkt.proposal.text  # mirrored, not accepted
    assert heading in missing_required(draft)
    proposed = synpunkt.proposal.text
    accept(draft, "8.1.8")
    assert heading not in missing_required(draft)
    assert synpunkt.text == proposed  # the mirror is replaced, not doubled


def test_sections_and_synpunkter_pair_up(draft):
    pairs = list(sections_and_synpunkter(draft, REMISS))
    assert [(s.number, p.key) for s, p in pairs] == [("4", "4"), ("4.5", "4.5"), ("4.7", "4.7"), ("8.1.8", "8.1.8"), ("9", "9")]


# --- the command line --------------------------------------------------------------------------------------


def test_new_prefill_from_the_command_line(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["profile", "--namnd", "Socialnämnden", "--organisation", "Nacka kommun", "--name", "Therese Råckle"]) == 0
    capsys.readouterr()
    strategy = shutil.copy(FIXTURES / "strategi.txt", tmp_path)  # exported next to it
    assert main(["new", strategy, "--dnr", "SOCN 2021/132", "--prefill", "-o", "utkast.yaml"]) == 0
    out = capsys.readouterr().out
    draft = load_draft(tmp_path / "utkast.yaml")
    placed = pending_count(draft)
    assert placed >= 1 and f"Förslag: {placed} av {len(draft.synpunkter)} avsnitt" in out
    assert all(not s.text for s in draft.synpunkter)
    assert main(["export", "utkast.yaml", "--force"]) == 0
    exported = next(tmp_path.glob("*.docx"))
    body = "\n".join(p.text for p in docx.Document(str(exported)).paragraphs)
    assert all(s.proposal.text not in body for s in draft.synpunkter if s.proposal)


def test_new_without_prefill_proposes_nothing(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["new", str(FIXTURES / "strategi.txt"), "-o", "utkast.yaml"]) == 0
    assert "Förslag" not in capsys.readouterr().out
    assert pending_count(load_draft(tmp_path / "utkast.yaml")) == 0


def test_new_prefill_with_an_empty_corpus(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tom").mkdir()
    assert main(["new", str(FIXTURES / "strategi.txt"), "--prefill", "--corpus", str(tmp_path / "tom"), "-o", "utkast.yaml"]) == 0
    assert "Förslag:" in capsys.readouterr().out


# --- the policy, with a ranker that says how sure it is -----------------------------------------------------


class _Ranked:
    def __init__(self, snippet: Snippet, confidence: float, grounded: bool = True, *, score: float | None = None,
                 this_remiss: bool = False, elsewhere: bool = False, terms_shared: int = 3):
        self.snippet, self.own_confidence, self.grounded, self.similar = snippet, confidence, grounded, []
        self.own_score = confidence if score is None else score
        self.this_remiss, self.elsewhere, self.terms_shared = this_remiss, elsewhere, terms_shared


class _Ranker:
    """Answers each section (by number) with the hits given."""

    def __init__(self, hits: dict[str, list[_Ranked]]):
        self.hits = hits

    def suggest(self, remiss, section, top=10):
        return self.hits.get(section.number, [])[:top]


def test_a_position_goes_to_the_sub_section_even_when_the_chapter_is_surer(draft):
    karn = Snippet("karn", KARNTEKNISK)
    assert propose(draft, REMISS, _Ranker({"4": [_Ranked(karn, 0.95)], "4.5": [_Ranked(karn, 0.8)]})) == 1
    assert _proposals(draft) == {"4.5": "karn"}


def test_grounded_or_of_this_remiss_at_075_never_by_words_alone(draft):
    a, b, c = Snippet("a", "Text a."), Snippet("b", "Text b."), Snippet("c", "Text c.")
    ranker = _Ranker({
        "4.5": [_Ranked(a, 0.8, grounded=True)],
        "4.7": [_Ranked(b, 0.85, grounded=False, this_remiss=True)],
        "9": [_Ranked(c, 0.99, grounded=False)],  # taken on another remiss, no heading naming the section
        "8.1.8": [_Ranked(Snippet("d", "Text d."), 0.7, grounded=True)],
    })
    propose(draft, REMISS, ranker)
    assert _proposals(draft) == {"4.5": "a", "4.7": "b"}


def test_a_position_recorded_for_another_section_is_not_proposed(draft):
    other = Snippet("other", "Text.")
    propose(draft, REMISS, _Ranker({"9": [_Ranked(other, 0.95, grounded=False, this_remiss=True, elsewhere=True)]}))
    assert _proposals(draft) == {}


def test_a_position_of_this_remiss_goes_only_where_it_fits_clearly_best(draft):
    """A position without a recorded section fitting two sections about as well (a position on the remiss as a
    whole) is proposed in neither; one fitting one clearly best goes there, and not to its second best section
    when that section's own best went elsewhere."""
    general, specific, second = Snippet("general", "Allmänt."), Snippet("specific", "Särskilt."), Snippet("second", "Näst.")
    ranker = _Ranker({
        "4.5": [_Ranked(general, 0.9, grounded=False, this_remiss=True, score=2.0),
                _Ranked(specific, 0.8, grounded=False, this_remiss=True, score=1.0)],
        "4.7": [_Ranked(general, 0.88, grounded=False, this_remiss=True, score=1.9)],
        "9": [_Ranked(specific, 0.95, grounded=False, this_remiss=True, score=2.5),
              _Ranked(second, 0.8, grounded=False, this_remiss=True, score=1.2)],
        "8.1.8": [_Ranked(second, 0.78, grounded=False, this_remiss=True, score=1.0)],
    })
    propose(draft, REMISS, ranker)
    assert _proposals(draft) == {"9": "specific"}


def test_one_shared_word_is_not_enough_for_a_position_the_corpus_does_not_ground(draft):
    one, two = Snippet("one", "Ett ord."), Snippet("two", "Två ord.")
    propose(draft, REMISS, _Ranker({
        "4.5": [_Ranked(one, 0.9, grounded=False, this_remiss=True, terms_shared=1)],
        "9": [_Ranked(two, 0.9, grounded=False, this_remiss=True, terms_shared=2)],
        "8.1.8": [_Ranked(Snippet("named", "Rubrik."), 0.9, grounded=True, terms_shared=1)],
    }))
    assert _proposals(draft) == {"9": "two", "8.1.8": "named"}


def test_the_surer_section_gets_a_position_two_sections_want(draft):
    shared = Snippet("shared", "Text.")
    ranker = _Ranker({"4.7": [_Ranked(shared, 0.8)], "9": [_Ranked(shared, 0.9), _Ranked(Snippet("next", "Nästa."), 0.85)]})
    propose(draft, REMISS, ranker)
    assert _proposals(draft) == {"9": "shared"}
