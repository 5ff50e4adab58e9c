from bilat.nlp.sentences import split


def texts(t):
    return [t[a:b] for a, b in split(t)]


def test_splits_on_full_stops_and_lines():
    t = "Alpha went home. Beta stayed.\n- A bullet item\nGamma left!"
    assert texts(t) == ["Alpha went home.", "Beta stayed.", "A bullet item", "Gamma left!"]


def test_abbreviations_and_initials_do_not_end_a_sentence():
    t = "The town was founded c. 1583 near the coast. Ambassador Anne K. Lund arrived in St. Louis on Monday."
    assert texts(t) == ["The town was founded c. 1583 near the coast.",
                        "Ambassador Anne K. Lund arrived in St. Louis on Monday."]


def test_abbreviated_given_names_do_not_end_a_sentence():
    t = "President Ragnar Th. Olsen visited Oslo. Wm. Hart followed in May."
    assert texts(t) == ["President Ragnar Th. Olsen visited Oslo.", "Wm. Hart followed in May."]


def test_offsets_point_into_the_text():
    t = "  One here.   Two there.  "
    for a, b in split(t):
        assert t[a:b].strip() == t[a:b] and t[a:b]
