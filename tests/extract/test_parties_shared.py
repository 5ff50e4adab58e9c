"""An act whose sentence names no party borrows them from a neighbour in the sentence."""
from __future__ import annotations

from bilat.extract.events import extract_events
from bilat.sources import read_text

ARTICLE = """= Chile–Peru relations =

==History==
In August 2030 the Treasury sanctioned Jorge Ramos, and Lima answered by sanctioning eleven Chileans.
In May 2031 the authorities arrested two activists, and the Peruvian foreign ministry summoned the Chilean envoy.
"""


def test_an_answer_lends_its_parties_reversed():
    events = extract_events(read_text(ARTICLE, where="made-up.txt"), ("CHL", "PER"))
    got = {(e.type, e.source, e.target, e.date) for e in events}
    assert ("SANCTION", "CHL", "PER", "2030-08") in got      # the act answered: Chile's
    assert ("SANCTION", "PER", "CHL", "2030-08") in got
    assert ("COERCE", "CHL", "PER", "2031-05") in got        # what Peru protested: Chile's arrests
    assert ("ACCUSE", "PER", "CHL", "2031-05") in got
