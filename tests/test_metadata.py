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


@pytest.mark.parametrize(
    "text, dnr",
    [
        ("Diarienummer: 457-6939-2024", "457-6939-2024"),  # a länsstyrelse's own shape
        ("2023-12-13 Diarienummer:\n435-1705-21", "435-1705-21"),
        ("Naturvårdsverkets författningssamling\nISSN 1403-8234\nNFS 2025:XX", ""),  # a series number, not a dnr
    ],
)
def test_dnr_shapes_of_real_remisser(text, dnr):
    assert find_dnr(text) == dnr


@pytest.mark.parametrize(
    "text, deadline",
    [
        ("Samrådet skedde skriftligen via formellt remissförfarande. Remissperiod 2024-03-14 till 2024-05-19.", date(2024, 5, 19)),
        ("Förslaget översänds för eventuella synpunkter som ska vara inkomna senast 20 februari 2024.", date(2024, 2, 20)),
        ("Granskningsutskick, sista svarsdag 17 juni 2025.", date(2025, 6, 17)),
    ],
)
def test_deadline_from_answer_wording(text, deadline):
    assert find_deadline(text) == deadline


@pytest.mark.parametrize(
    "text",
    [
        "Avtal om larmning och övergripande ledning, tecknat mellan RSG och respektive räddningstjänst, senaste version 2023-07-01",
        "Miljörapporten ska senast den 31 mars året efter det kalenderår som miljörapporten avser vara inlämnad.",
        "Bestämmelserna ska tillämpas på den miljörapport som ska ges in till tillsynsmyndigheten senast den 31 mars 2026.",
        "En fastställd plan för den framtida publika verksamheten ska finnas senast 2025.",
    ],
)
def test_dates_that_set_no_answer_date(text):
    assert find_deadline(text) is None


def test_county_boards_get_their_full_name_and_places_are_not_senders():
    assert find_sender("", "Länsstyrelsen Hallands tidigare arbete. Länsstyrelsen i Halland beslutar.") == "Länsstyrelsen i Hallands län"
    front = "Förslag till beslut för det blivande kulturreservatet Lilla Äskhult i Kungsbacka kommun\nLänsstyrelsen har upprättat ett förslag."
    assert find_sender(front, front + " Länsstyrelsen i Hallands län beslutar.") == "Länsstyrelsen i Hallands län"
    assert find_sender("Räddningstjänstförbundet Storgöteborg\natt gälla från 2024-10-01", "…") == "Räddningstjänstförbundet Storgöteborg"


def test_title_of_a_regulation_and_never_a_placeholder():
    preamble = ["Naturvårdsverkets författningssamling", "ISSN 1403-8234", "Naturvårdsverkets föreskrifter NFS 2025:XX",
                "Utkom från trycket om miljörapport;", "den beslutade den X november 2025."]
    assert find_title(preamble, "", []) == "Naturvårdsverkets föreskrifter om miljörapport"
    assert find_title(["Tillkommer inför slutversion.", "Kulturplan för Halland 2026–2029"], "", []) == "Kulturplan för Halland 2026–2029"
    assert find_title(["Remissutgåva", "Hallands biblioteksplan 2026–2029"], "", []) == "Hallands biblioteksplan 2026–2029"
    assert find_title(["Regional strategi för storskalig utrymning och mottagning i", "Hallands län", "Titel: …"], "", []) == (
        "Regional strategi för storskalig utrymning och mottagning i Hallands län"
    )


def test_sentences_around_the_cues_are_the_sentences_a_full_split_gives():
    import re

    from remissdraft.remiss.metadata import _DEADLINE_CUE, _SEND_VERB, _sentences_with

    text = (
        "Remissen gäller planen. Svar ska ha inkommit senast 2021-05-04.\n\nYttrandet skickas till "
        "registrator@example.se. Ingen annan. Remisstiden är kort!  Senast den 1 mars 2022 vill vi ha svar"
    )
    for pattern in (_DEADLINE_CUE, _SEND_VERB):
        expected = [s for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])|\n{2,}", text) if pattern.search(s)]
        assert list(_sentences_with(text, pattern)) == expected
    assert find_deadline(text) == date(2021, 5, 4)
    assert find_reply_to(text) == "registrator@example.se"
