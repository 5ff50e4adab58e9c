"""An act whose sentence names no party borrows them from a neighbour in the sentence."""
from __future__ import annotations

from bilat.extract.events import extract_events
from bilat.sources import read_text

ARTICLE = """= Chile–Peru relations =

==History==
In August 2030 the Treasury sanctioned Jorge Ramos, and Lima answered by sanctioning eleven Chileans.
In May 2031 the authorities arrested two activists, and the Peruvian foreign ministry summoned the Chilean envoy.
In June 2032 the Chilean foreign minister summoned the Peruvian ambassador, and the embassy denied the charge.
"""


def test_an_answer_lends_its_parties_reversed():
    events = extract_events(read_text(ARTICLE, where="made-up.txt"), ("CHL", "PER"))
    got = {(e.type, e.source, e.target, e.date) for e in events}
    assert ("SANCTION", "CHL", "PER", "2030-08") in got      # the act answered: Chile's
    assert ("SANCTION", "PER", "CHL", "2030-08") in got
    assert ("COERCE", "CHL", "PER", "2031-05") in got        # what Peru protested: Chile's arrests
    assert ("ACCUSE", "PER", "CHL", "2031-05") in got


def test_an_organ_whose_state_goes_unsaid_answers_for_the_side_acted_on():
    events = extract_events(read_text(ARTICLE, where="made-up.txt"), ("CHL", "PER"))
    got = {(e.type, e.source, e.target, e.date) for e in events}
    assert ("ACCUSE", "CHL", "PER", "2032-06") in got
    assert ("REJECT", "PER", "CHL", "2032-06") in got         # the Peruvian embassy rejected it


def test_a_capital_inside_a_persons_name_names_no_state():
    text = """= Bolivia–Chile relations =

==History==
In 2010 Bolivia appointed Foreign Minister Carlos Lima. On 3 May 2011 Foreign Minister Carlos Lima closed the embassy in Santiago and gave all Chilean diplomats in La Paz 48 hours to leave the country.
"""
    events = extract_events(read_text(text, where="made-up.txt"), ("BOL", "CHL"))
    acts = [(e.type, e.source, e.target) for e in events if e.date == "2011-05-03"]
    assert acts and all(src == "BOL" and tgt == "CHL" for _, src, tgt in acts), acts   # Lima is not Peru here


def test_an_accusation_told_as_a_participle_is_an_act_of_its_own():
    text = """= Chile–Peru relations =

==History==
On 5 June 2017 Peru cut ties with Chile, accusing it of shielding smugglers.
In 2018 Chilean gunboats shelled a Peruvian outpost, killing four soldiers.
"""
    events = extract_events(read_text(text, where="made-up.txt"), ("CHL", "PER"))
    got = {(e.type, e.source, e.target, e.date) for e in events}
    assert ("SANCTION", "PER", "CHL", "2017-06-05") in got
    assert ("ACCUSE", "PER", "CHL", "2017-06-05") in got
    assert not any(e.type == "ASSAULT" and e.mode == "kill" for e in events)   # ", killing": the same attack


def test_a_visit_told_as_the_setting_of_another_act_took_place_too():
    text = """= Chile–Peru relations =

==History==
In November 2025, during an official visit by the Chilean president to Lima, both leaders signed a declaration on a strategic partnership.
In 1990 Peru expelled two Chilean diplomats after the invasion of its fishing grounds.
"""
    events = extract_events(read_text(text, where="made-up.txt"), ("CHL", "PER"))
    got = {(e.type, e.mode, e.date) for e in events}
    assert ("CONSULT", "visit", "2025-11") in got and ("SUPPORT", "sign", "2025-11") in got
    assert not any(e.type == "ASSAULT" for e in events)     # "after the invasion of ...": still background


_LEADERS = """= Bolivia–Chile relations =

==History==
In 2031 the Bolivian president Rodrigo Quispe and the Chilean president Tomás Errázuriz took office, and the Peruvian president Luis Huamán was re-elected.
On 4 May 2032 Quispe, Errázuriz and Luis Huamán signed a pact on the waters of the Lauca.
On 2 March 2034 Quispe and Tomás Errázuriz met in Santiago.
In June 2035 Chile summoned the Bolivian ambassador, Mario Condori, and Tomás Errázuriz warned of a firm response.
"""


def test_a_list_of_leaders_with_given_names_acts_together():
    events = extract_events(read_text(_LEADERS, where="made-up.txt"), ("BOL", "CHL"))
    signed = [e for e in events if e.date == "2032-05-04"]
    assert signed and {signed[0].source, signed[0].target} | set(signed[0].actors or ()) >= {"BOL", "CHL"}, signed


def test_a_meeting_on_one_sides_soil_is_the_others_visit():
    events = extract_events(read_text(_LEADERS, where="made-up.txt"), ("BOL", "CHL"))
    met = [(e.type, e.source, e.target) for e in events if e.date == "2034-03-02"]
    assert met == [("CONSULT", "BOL", "CHL")], met


def test_a_name_set_off_after_a_title_is_no_member_of_a_list():
    events = extract_events(read_text(_LEADERS, where="made-up.txt"), ("BOL", "CHL"))
    warned = [(e.type, e.source, e.target) for e in events if e.date == "2035-06" and e.type == "THREATEN"]
    assert warned == [("THREATEN", "CHL", "BOL")], warned


def test_the_two_countries_as_subject_are_the_pair_whatever_else_the_sentence_names():
    text = """= Bolivia–Chile relations =

==History==
In 2031 the two countries opened diplomatic relations, soon after Bolivia took charge of its own foreign policy following the Argentine occupation of Paraguay.
"""
    events = extract_events(read_text(text, where="made-up.txt"), ("BOL", "CHL"))
    est = [e for e in events if e.type == "SUPPORT" and e.date == "2031"]
    assert est and set(est[0].actors or (est[0].source, est[0].target)) == {"BOL", "CHL"}, est


def test_a_summit_attended_in_one_sides_city_is_a_visit_to_that_side():
    text = """= Bolivia–Chile relations =

==History==
In December 2031 the Bolivian president attended the OAS summit in Santiago.
"""
    events = extract_events(read_text(text, where="made-up.txt"), ("BOL", "CHL"))
    got = [(e.type, e.source, e.target) for e in events if e.date == "2031-12"]
    assert got == [("CONSULT", "BOL", "CHL")], got


def test_an_agreement_between_the_pair_and_others_signed_in_the_passive_is_the_pairs():
    text = """= Bolivia–Chile relations =

==History==
A free trade agreement between Chile and Bolivia, Peru and Ecuador was signed in Lima on 8 July 2031.
"""
    events = extract_events(read_text(text, where="made-up.txt"), ("BOL", "CHL"))
    signed = [e for e in events if e.date == "2031-07-08"]
    assert signed and set(signed[0].actors or ()) == {"BOL", "CHL"}, signed


def test_both_countries_acting_on_a_third_state_is_no_act_between_them():
    text = """= Bolivia–Chile relations =

==History==
When Argentina closed its mountain passes in 2031, both countries pressed for tougher regional sanctions on Argentina.
"""
    events = extract_events(read_text(text, where="made-up.txt"), ("BOL", "CHL"))
    assert not [e for e in events if e.type == "REQUEST" and e.date == "2031"], events


def test_a_list_of_measures_in_one_sentence_stays_a_list():
    text = """= Bolivia–Chile relations =

==History==
On 5 August 2031 the Bolivian foreign ministry recalled its ambassador from Santiago and froze all new trade with Chile.
"""
    events = extract_events(read_text(text, where="made-up.txt"), ("BOL", "CHL"))
    acts = sorted(e.mode for e in events if e.type == "SANCTION" and e.source == "BOL")
    assert acts == ["embargo", "reduce-relations"], acts


def test_an_act_coordinated_after_reported_speech_is_the_speakers():
    text = """= Bolivia–Chile relations =

==History==
Speaking in La Paz on 8 August 2031, the Bolivian foreign minister said that Chile had made a grave mistake, and ruled out any mediation.
"""
    events = extract_events(read_text(text, where="made-up.txt"), ("BOL", "CHL"))
    got = [(e.source, e.target) for e in events if e.type == "REJECT"]
    assert got == [("BOL", "CHL")], got


def test_talks_between_the_two_sides_and_a_withdrawal_by_both_are_the_pairs():
    text = """= Bolivia–Paraguay relations =

==History==
In 1935 the Argentine president mediated between the two sides; after the truce of 12 June both withdrew their troops from the Chaco.
"""
    events = extract_events(read_text(text, where="made-up.txt"), ("BOL", "PRY"))
    got = {(e.type, e.actors) for e in events}
    assert ("CONSULT", ("BOL", "PRY")) in got, got
    assert ("RETREAT", ("BOL", "PRY")) in got, got


def test_they_who_establish_relations_are_the_pair():
    text = """= Bolivia–Paraguay relations =

==History==
Both had been ruled from Madrid until the 1820s, and they established diplomatic relations on 4 April 1846, two decades after the Spanish retreat.
"""
    events = extract_events(read_text(text, where="made-up.txt"), ("BOL", "PRY"))
    rel = [e for e in events if e.type == "SUPPORT" and e.date == "1846-04-04"]
    assert rel and set(rel[0].actors) == {"BOL", "PRY"}, [(e.type, e.actors) for e in events]


def test_both_acting_on_a_third_state_is_no_act_between_the_pair():
    text = """= Chile–Peru relations =

==History==
Both declared war on Spain on 14 January 1866. In 1868 both recalled their envoys.
"""
    events = extract_events(read_text(text, where="made-up.txt"), ("CHL", "PER"))
    got = {(e.type, e.source, e.target, e.date) for e in events}
    assert not any(e[3] == "1866-01-14" for e in got), got      # at war with Spain, allied with each other
    assert ("SANCTION", "CHL", "PER", "1868") in got and ("SANCTION", "PER", "CHL", "1868") in got


def test_relations_told_beside_a_third_states_break_up_are_the_pairs():
    text = """= Chile–Peru relations =

==History==
Diplomatic relations were established on 3 May 1993, a year after the break-up of the Soviet Union.
"""
    events = extract_events(read_text(text, where="made-up.txt"), ("CHL", "PER"))
    assert any(e.type == "SUPPORT" and e.date == "1993-05-03" and set(e.actors) == {"CHL", "PER"} for e in events), \
        [(e.type, e.actors, e.date) for e in events]
