from remissdraft.corpus.segment import sentences


def test_abbreviations_do_not_end_sentences():
    text = (
        "Nämnden ser positivt på samverkan med t.ex. brukarorganisationer och bl.a. civilsamhället. "
        "Det gäller s.k. vardagsmiljöer, dvs. skola och arbete m.fl. Insatserna ska följas upp."
    )
    assert sentences(text) == [
        "Nämnden ser positivt på samverkan med t.ex. brukarorganisationer och bl.a. civilsamhället.",
        "Det gäller s.k. vardagsmiljöer, dvs. skola och arbete m.fl.",
        "Insatserna ska följas upp.",
    ]


def test_sentence_ends_before_quotes_and_numbers():
    text = "Strategin gäller 2022–2030. ”Psykisk hälsa” definieras av WHO. 2021 togs den fram."
    assert sentences(text) == ["Strategin gäller 2022–2030.", "”Psykisk hälsa” definieras av WHO.", "2021 togs den fram."]
