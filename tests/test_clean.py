"""Text repair: Unicode, hyphenation, split letters, page furniture."""

from remissdraft.remiss.clean import (
    bullet_text,
    fix_split_letters,
    is_letterhead,
    is_page_number,
    normalize,
    remove_furniture,
)
from remissdraft.remiss.lines import Line
from remissdraft.remiss.structure import join_lines


def test_normalize_rejoins_split_diacritics():
    assert normalize("fo\u0308rebygga") == "förebygga"
    assert normalize("h\u00a8alsa och v\u00e4lbefinnande") == "hälsa och välbefinnande"
    assert normalize("a\u00a8ldre") == "äldre"
    assert normalize("omr\u02daade") == "område"
    assert normalize("a \u0308r") == "är"


def test_normalize_maps_whitespace_and_soft_hyphens():
    assert normalize("  psykisk\u00a0hälsa  och\u00adså ") == "psykisk hälsa ochså"


def test_hyphen_at_line_end_is_joined():
    assert join_lines("Ett hälso-", "främjande förhållningssätt") == "Ett hälsofrämjande förhållningssätt"


def test_suspended_compounds_keep_their_hyphen():
    assert join_lines("inom hälso-", "och sjukvården") == "inom hälso- och sjukvården"
    assert join_lines("stöd till kultur-", "och föreningsliv") == "stöd till kultur- och föreningsliv"
    assert join_lines("Region Stockholms hälso- och sjukvård", "samt tandvård") == "Region Stockholms hälso- och sjukvård samt tandvård"


def test_split_capital_is_rejoined_only_when_it_makes_a_word():
    vocabulary = {"samverkan", "dessa", "fall"}
    assert fix_split_letters("S amverkan", vocabulary) == "Samverkan"
    assert fix_split_letters("I dessa fall", vocabulary) == "I dessa fall"
    assert fix_split_letters("Ö ppna jämförelser", {"öppna"}) == "Öppna jämförelser"


def test_bullets_become_list_items():
    for line in ["● stärka förutsättningarna", "▪ Relevanta delar", "• punkt", "– tankstreck", "\uf0b7 symbolfont"]:
        assert bullet_text(normalize(line)) is not None, line
    assert bullet_text("-5 grader") is None
    assert bullet_text("Hälso- och sjukvård") is None


def test_page_numbers():
    for text in ["Sida 57 av 95", "9 (14)", "12", "- 3 -", "3/14", "Sida 4"]:
        assert is_page_number(text), text
    assert not is_page_number("2050 finns flera mål")


def test_letterhead_lines():
    assert is_letterhead("Postadress Besöksadress Telefon E-post sms webB Org.nummer")
    assert is_letterhead(
        "Nacka kommun, 131 81 Nacka Stadshuset, Granitvägen 15 08-718 80 00 info@nacka.se 716 80 www.nacka.se 212000-0167"
    )
    assert not is_letterhead("Yttranden ska skickas till registratorn, e-post: registrator.rlk@sll.se.")


def _page(*texts: str) -> list[Line]:
    return [Line(text) for text in texts]


def test_running_headers_and_footers_are_removed():
    body = {n: [f"Rad {r} av brödtexten på sidan {['ett', 'två', 'tre'][n - 1]}." for r in "abcdefghij"] for n in (1, 2, 3)}
    pages = [_page("Region Stockholm", "Diarienummer HSN 2020-1753", *body[n], f"Sida {n} av 3") for n in (1, 2, 3)]
    kept = [line.text for line in remove_furniture(pages)]
    assert kept == body[1] + body[2] + body[3]


def test_text_without_page_breaks_is_split_at_page_markers():
    lines = _page("Diarienummer", "HSN 2020-1753", "1. Inledning", "Brödtext.", "Sida 57 av 95", "9 (14)",
                  "Diarienummer", "HSN 2020-1753", "5.1 Psykisk hälsa", "Mer brödtext.")
    kept = [line.text for line in remove_furniture([lines])]
    assert kept == ["1. Inledning", "Brödtext.", "5.1 Psykisk hälsa", "Mer brödtext."]


def test_markdown_escapes_of_a_conversion_are_undone():
    assert normalize("1\\. INLEDNING") == "1. INLEDNING"
    assert normalize("\\-  att snabbt rädda") == "- att snabbt rädda"
    assert normalize("reviderad 2016\\. Överenskommelse") == "reviderad 2016. Överenskommelse"


def test_split_heading_numbers_and_words_are_rejoined():
    from collections import Counter

    words = Counter({"räddningstjänst": 40, "bilagor": 3, "bilago": 1, "ningstjänst": 1, "rädd": 1, "inom": 9, "och": 50})
    assert fix_split_letters("4 .2.1 Brand i bostad", words) == "4.2.1 Brand i bostad"
    assert fix_split_letters("4:10. Äskhult 2:2", words) == "4.10 Äskhult 2:2"
    assert fix_split_letters("8 Rädd ningstjänst – förmåga", words) == "8 Räddningstjänst – förmåga"
    assert fix_split_letters("Bilago r", words) == "Bilagor"
    # two real words are left alone even when together they make one ("in om" is not "inom")
    assert fix_split_letters("kom in om kvällen", Counter({"inom": 9, "kom": 5, "kvällen": 2})) == "kom in om kvällen"


def test_footnotes_are_found_by_number_and_marker():
    from remissdraft.remiss.footnotes import mark_footnotes

    page = [
        Line("Regionen ska planera för samverkan vid en allvarlig händelse.1 Det är", page=0),
        Line("nödvändigt att ha en dialog med andra regioner.", page=0),
        Line("", page=0),
        Line("2 Beskrivning av Räddningstjänsten", page=0),  # a heading: no marker 2, not at the page's foot
        Line("Räddningstjänsten är ett kommunalförbund.", page=0),
        Line("", page=0),
        Line("1 SOSFS 2013:22 Socialstyrelsens föreskrifter och allmänna råd om katastrofmedicinsk", page=0),
        Line("beredskap", page=0),
    ]
    mark_footnotes(page)
    assert [line.footnote for line in page] == [0, 0, 0, 0, 0, 0, 1, 1]


def test_the_rare_piece_check_with_common_words_agrees_with_the_counting_one():
    from collections import Counter

    from remissdraft.remiss.clean import _has_rare_piece, _has_rare_piece_among, common_words

    words = Counter({"räddningstjänst": 4, "förmåga": 3, "och": 9, "bilagor": 1, "rädd": 1, "ningstjänst": 1})
    for text in ("8 Rädd ningstjänst – förmåga", "Räddningstjänst och förmåga", "Bilago r", "S amverkan", "I dessa fall", "å ö i a o", ""):
        assert _has_rare_piece_among(text, common_words(words)) == _has_rare_piece(text, words), text
