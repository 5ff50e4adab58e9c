"""Speech that introduces a quotation: "the ambassador told the agency," + a quoted paragraph.

The quoted words are not events of their own (a "threat" inside a quote is a
word, not an act); when they condemn, the speaker accuses, and the event is
told by the line that introduces the quote, with the quote as more evidence.
"""
from __future__ import annotations

from . import actors as act
from .candidates import Candidate
from .lexicon import cameo_table, wordset
from .triggers import tokenize


def quoted(sentences, text: str) -> dict[int, int]:
    """Start of each quoted sentence -> index of the sentence that introduces the quote."""
    out: dict[int, int] = {}
    n = len(sentences)
    for i, s in enumerate(sentences[:-1]):
        if not s.text.rstrip().endswith((",", ":")):
            continue
        nxt = sentences[i + 1]
        if "\n" not in text[s.end:nxt.start]:
            continue
        j = i + 1
        while j < n:
            out[sentences[j].start] = i
            if j + 1 < n and "\n" in text[sentences[j].end:sentences[j + 1].start]:
                break
            j += 1
    return out


def speech_events(intro, quote_sents, found: list[Candidate], text: str, mentions, pair: tuple[str, str],
                  reference: str | None) -> list[Candidate]:
    """One ACCUSE event told by `intro` (and its quote) when the quoted words condemn; else none."""
    words = " " + " ".join(text[q.start:q.end].lower() for q in quote_sents) + " "
    negative = any(f" {w} " in words or f" {w}," in words for w in wordset("negative_words"))
    if not negative and not any(c.type in ("ACCUSE", "THREATEN", "REJECT") for c in found):
        return []
    toks = tokenize(text, intro.start, intro.end)
    actors = act.actor_mentions(toks, mentions)
    speaker = next((a.code for a in actors if a.prep is None), None)
    if speaker is None:
        return []
    other = {pair[0]: pair[1], pair[1]: pair[0]}
    target = other.get(speaker) or next((a.code for a in actors if a.code != speaker), None)
    if speaker not in other and target not in other:
        return []
    out = []
    for k, s in enumerate([intro] + list(quote_sents)):
        out.append(Candidate(type="ACCUSE", mode="disapprove", cameo="111", goldstein=cameo_table().get("111"),
                             context=(), source=speaker, target=target, symmetric=False, count=None,
                             date=reference, modality=None, start=s.start, end=s.end, head=s.start,
                             trigger="quoted criticism", response_cue=False, order=k, date_own=k > 0))
    return out
