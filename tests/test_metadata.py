"""Diarienummer, deadlines, senders and titles in the shapes real remisser use."""

from datetime import date

import pytest

from remissdraft.remiss.metadata import find_deadline, find_dnr, find_reply_dnr, find_reply_to, find_sender, find_title


@pytest.mark.parametrize(
    "text, dnr",
    [
        ("Diarienummer HSN 2020-1753", "HSN 2020-1753"),
        ("Diarienummer\nHSN 2020-1753", "HSN 2020-1753"),
        ("Dnr SOCN 2021/132", "SOCN 2021/132"),
        ("Vårt dnr: RS 2020-0457", "RS 2020-0457"),
        ("Ärendet har beteckningen KS-2023-00417 i diariet.", "KS-2023-00417"),
        ("Diarienummer: PLAN.2024.747", "PLAN.2024.747"),
        ("Dnr 3.1-4788-2026", "3.1-4788-2026"),
        ("Remissen RS 2020-0457 gäller strategin.", "RS 2020-0457"),
    ],
)
def test_dnr_shapes(text, dnr):
    assert find_dnr(text) == dnr


def test_no_dnr_in_ordinary_text():
    assert find_dnr("Strategin gäller under perioden 2022-2030 för 1 200 medarbetare.") == ""


@pytest.mark.parametrize(
    "text, deadline",
    [
        ("Remisstiden sträcker sig till den 17 juni 2021. Yttranden ska skickas till registratorn.", date(2021, 6, 17)),
        ("Svar ska ha inkommit senast 2021-05-04.", date(2021, 5, 4)),
        ("Vi vill ha ert svar senast den 30 juni år 2021.", date(2021, 6, 30)),
        ("Strategin beslutas den 16 november 2021. Remissvar lämnas senast den 1 mars 2022.", date(2022, 3, 1)),
    ],
)
def test_deadline_shapes(text, deadline):
    assert find_deadline(text) == deadline


def test_a_date_without_a_deadline_cue_is_not_a_deadline():
    assert find_deadline("Strategin avses att beslutas vid regionfullmäktiges sammanträde den 16 november 2021.") is None


def test_reply_instructions():
    text = (
        "Remisstiden sträcker sig till den 17 juni 2021. Yttranden ska skickas till regionledningskontorets "
        "registrator, e-post: registrator.rlk@sll.se. Ange diarienummer RS 2020-0457."
    )
    assert find_reply_dnr(text) == "RS 2020-0457"
    assert find_reply_to(text) == "registrator.rlk@sll.se"


def test_sender_prefers_the_first_page_and_drops_the_genitive():
    assert find_sender("Marks kommun\nSamrådshandling", "…") == "Marks kommun"
    assert find_sender("", "Region Stockholms nämnder och bolag. Region Stockholm ansvarar. Region Stockholms vision.") == "Region Stockholm"


def test_title_skips_labels_and_organisation_lines():
    preamble = ["Region Stockholm", "Remissversion", "Strategi för främjande av psykisk hälsa 2022–2030"]
    assert find_title(preamble, "", []) == "Strategi för främjande av psykisk hälsa 2022–2030"
    assert find_title(preamble, "Microsoft Word - strategi.docx", []) == "Strategi för främjande av psykisk hälsa 2022–2030"
