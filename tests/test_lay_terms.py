from assistant.lay_terms import expand


def test_lay_phrase_is_joined_by_the_corpus_term_and_the_original_words_stay():
    expanded = expand("are cortisone shots worth it")
    assert expanded.startswith("are cortisone shots worth it")
    assert "steroid injection" in expanded


def test_query_already_in_corpus_terms_is_unchanged():
    assert expand("Do steroid injections help knee pain?") == (
        "Do steroid injections help knee pain?"
    )


def test_each_corpus_term_is_added_once():
    expanded = expand("my hammys and hammies")
    assert expanded.count("hamstrings") == 1
