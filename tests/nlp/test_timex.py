"""The time tagger: golden cases from timex_cases.tsv, then the API the
event extractor relies on, then the `bilat dates` command on bad input."""
from __future__ import annotations

import argparse
import json
import re
import time
import tracemalloc
from pathlib import Path

import pytest

from bilat.dates_cli import run_dates
from bilat.nlp.timex import TimeIndex, Timex, tag_spans, tag_text

CASES = Path(__file__).with_name("timex_cases.tsv")


def _load_cases():
    rows = []
    for n, line in enumerate(CASES.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#") or line.startswith("text\t"):
            continue
        cols = line.split("\t")
        assert len(cols) == 4, f"{CASES.name}:{n}: want 4 tab-separated columns, got {len(cols)}"
        rows.append(pytest.param(*cols, id=f"line{n}"))
    return rows


@pytest.mark.parametrize("text,context,value,type_", _load_cases())
def test_golden(text, context, value, type_):
    m = re.search(r"\[(.*?)\]", text)
    assert m, "the case must bracket the expression to check"
    plain = text[:m.start()] + m.group(1) + text[m.end():]
    dct = None
    if context.startswith("DCT "):
        dct, context = context[4:].strip(), ""
    prefix = context + " " if context else ""
    doc = prefix + plain
    s, e = len(prefix) + m.start(), len(prefix) + m.start() + len(m.group(1))
    found = [t for t in tag_text(doc, dct) if t.start < e and s < t.end]
    if value == "NONE":
        assert not found, f"took {[(t.text, t.value) for t in found]} for a date"
        return
    assert found, f"nothing found in {m.group(1)!r}"
    best = max(found, key=lambda t: min(t.end, e) - max(t.start, s))
    assert (best.value, best.type) == (value, type_), f"{best.text!r}"


def test_case_table_is_big_enough():
    assert len(_load_cases()) >= 80


def test_offsets_point_into_text():
    doc = "Intro.\n\n== History ==\nOn 6 April 2022 envoys left. Two days later, on 8 April, they returned.\n"
    for t in tag_text(doc):
        assert doc[t.start:t.end] == t.text
        for p in t.parts:
            assert doc[p.start:p.end] == p.text


def test_range_parts_carry_endpoints():
    (t,) = tag_text("It was a grand duchy from 1809 to 1917.")
    assert t.value == "1809/1917" and t.text == "from 1809 to 1917"
    assert [(p.text, p.value) for p in t.parts] == [("1809", "1809"), ("1917", "1917")]


def test_heading_frames_its_section_in_tag_text():
    doc = "===1537–1814===\nIn August a fleet sailed.\n\n===1905===\nIn August a fleet sailed.\n"
    got = [t.value for t in tag_text(doc) if t.text == "August"]
    # a period does not pick a year for "August"; a single year does
    assert got == ["XXXX-08", "1905-08"]


def _sections(doc):
    hs = list(re.finditer(r"^(=+)\s*(.*?)\s*\1\s*$", doc, re.M))
    return [(h.end(), hs[i + 1].start() if i + 1 < len(hs) else len(doc), h.group(2)) for i, h in enumerate(hs)]


def test_tag_spans_reference_and_frames():
    doc = ("== 1537–1814 ==\nTrade grew.\n== Grand Duchy (1809–1917) ==\nAll was calm.\n"
           "== After 1991 ==\nA treaty came in 1992. Relations improved.\n== Since 2022 ==\nSanctions.\n"
           "== Before 1920 ==\nLittle.\n== Culture ==\nMusic.\n")
    idx = tag_spans(doc, _sections(doc))
    assert isinstance(idx, TimeIndex)
    ref = lambda words: idx.reference(doc.index(words))  # noqa: E731
    assert ref("Trade grew") == "1537/1814"
    assert ref("All was calm") == "1809/1917"
    assert ref("A treaty") == "1991/.."
    assert ref("Relations improved") == "1992"
    assert ref("Sanctions") == "2022/.."
    assert ref("Little") == "../1920"
    assert ref("Music") is None
    inside = idx.within(doc.index("A treaty"), doc.index("Relations"))
    assert [t.value for t in inside] == ["1992"]


def test_reference_resets_at_section():
    doc = "== A ==\nIt began on 6 April 2022.\n== B ==\nNothing dated here.\n"
    idx = tag_spans(doc, _sections(doc))
    assert idx.reference(doc.index("Nothing")) is None
    assert idx.reference(len(doc) - 1) is None
    assert idx.reference(doc.index("2022.") + 5) == "2022-04-06"


def test_timex_is_frozen():
    t = Timex(0, 4, "1326", "DATE", "1326", False)
    with pytest.raises(Exception):
        t.value = "1327"  # type: ignore[misc]


def test_bad_dct_is_a_value_error():
    with pytest.raises(ValueError):
        tag_text("In 2001.", dct="2001-02-30")


def test_fast_enough():
    para = ("On 6 April 2022 the ministry announced that three diplomats must leave the country within a week. "
            "Relations between the two states had been difficult since 2014, and the following year a new "
            "agreement on fisheries was signed in the northern city after long talks about quotas and zones. ")
    text = "\n\n".join([para] * 400)
    words = len(text.split())
    tag_text(text[:1000])
    t = time.process_time()  # CPU time: other processes on the machine do not count
    tag_text(text)
    rate = words / max(time.process_time() - t, 1e-6)
    assert rate > 50_000, f"{rate:.0f} words/s"


# ---- the `bilat dates` command ----------------------------------------

def _run(tmp_path, capsys, data: bytes | str, **kw):
    p = tmp_path / "in.txt"
    p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    ns = argparse.Namespace(files=[str(p)], dct=kw.get("dct"), format=kw.get("format", "json"))
    rc = run_dates(ns)
    out = capsys.readouterr()
    return rc, out.out, out.err


def test_cli_json(tmp_path, capsys):
    text = "Trade grew from 1319 to 1355. Later, on 6 April 2022, talks failed."
    rc, out, err = _run(tmp_path, capsys, text)
    assert rc == 0 and not err
    items = json.loads(out)
    assert [i["value"] for i in items] == ["1319", "1355", "2022-04-06"]
    assert items[0]["interval"] == "1319/1355"
    for i in items:
        assert text[i["start"]:i["end"]] == i["text"]
        assert set(i) >= {"start", "end", "text", "type", "value", "anchored"}


def test_cli_ranges_joined(tmp_path, capsys):
    p = tmp_path / "in.txt"
    p.write_text("Peace held from 1319 to 1355.", encoding="utf-8")
    rc = run_dates(argparse.Namespace(files=[str(p)], dct=None, format="json", ranges="joined"))
    assert rc == 0
    assert [i["value"] for i in json.loads(capsys.readouterr().out)] == ["1319/1355"]


def test_cli_table(tmp_path, capsys):
    rc, out, err = _run(tmp_path, capsys, "It ended in 1905.", format="table")
    assert rc == 0 and "1905" in out


def test_cli_empty_file(tmp_path, capsys):
    rc, out, err = _run(tmp_path, capsys, b"")
    assert rc == 0 and json.loads(out) == []


def test_cli_undecodable(tmp_path, capsys):
    rc, out, err = _run(tmp_path, capsys, b"In 1990 \xff\xfe there.")
    assert rc == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "UTF-8" in err and "Traceback" not in err


def test_cli_malformed_dct(tmp_path, capsys):
    rc, out, err = _run(tmp_path, capsys, "On Tuesday.", dct="22-03-2013")
    assert rc == 2 and len(err.strip().splitlines()) == 1 and "--dct" in err


def test_cli_empty_dct_means_none(tmp_path, capsys):
    rc, out, err = _run(tmp_path, capsys, "In August.", dct="")
    assert rc == 0 and json.loads(out)[0]["value"] == "XXXX-08"


def test_cli_missing_file(tmp_path, capsys):
    ns = argparse.Namespace(files=[str(tmp_path / "nope.txt")], dct=None, format="json")
    assert run_dates(ns) == 2
    assert "nope.txt" in capsys.readouterr().err


def test_cli_long_line_memory_stays_flat(tmp_path, capsys):
    # 6 MB with no newline: read and tagged in pieces, memory well below the file size
    chunk = "the fleet sailed north and the crew waited for orders in 1905 while "
    data = (chunk * (6_000_000 // len(chunk))).encode()
    p = tmp_path / "long.txt"
    p.write_bytes(data)
    tracemalloc.start()
    rc = run_dates(argparse.Namespace(files=[str(p)], dct=None, format="json"))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    out = capsys.readouterr().out
    assert rc == 0
    assert peak < 4 * len(data), f"peak {peak} bytes for {len(data)} bytes of input"
    items = json.loads(out)
    assert len(items) == data.count(b"1905")
    assert items[-1]["end"] <= len(data)


# ---- data and robustness -------------------------------------------------

def test_word_lists_load_and_make_sense():
    from bilat.nlp.timex_patterns import words

    w = words()
    assert sorted(w["months"].values()) == list(range(1, 13))
    assert set(w["seasons"].values()) <= {21, 22, 23, 24}
    assert sorted(set(w["weekdays"].values())) == list(range(1, 8))
    for key in ("numbers", "ordinals", "units", "references", "sets", "holidays", "count_nouns"):
        assert w[key], key
    for name, (m, d) in w["holidays"].items():
        assert 1 <= m <= 12 and 1 <= d <= 31, name


def test_text_whose_lowercase_changes_length():
    # "İ" lower-cases to two characters; offsets must still point into the original
    doc = "İstanbul fell on 29 May 1453. İn 1454 a treaty followed."
    got = tag_text(doc)
    assert [(t.text, t.value) for t in got] == [("29 May 1453", "1453-05-29"), ("1454", "1454")]
    for t in got:
        assert doc[t.start:t.end] == t.text


_TOKENS = ("the a in on of from to between and since until 1 12 31 1999 2020 1914-18 490 BC c. early late mid- "
           "May March June Sept. spring fall 13th century 1990s later that next last following day days week "
           "year ago after Friday tonight now 10:30 p.m. daily every ISBN pp. km copies , . – ( ) \n == İ ½").split(" ")


try:
    from hypothesis import given, settings, strategies as st

    @settings(max_examples=300, deadline=None)
    @given(st.lists(st.sampled_from(_TOKENS), max_size=40), st.sampled_from([None, "2013-03-22"]))
    def test_any_text_tags_without_error(tokens, dct):
        doc = " ".join(tokens)
        for t in tag_text(doc, dct):
            assert doc[t.start:t.end] == t.text
            assert t.type in ("DATE", "TIME", "DURATION", "SET")
except ImportError:  # pragma: no cover - hypothesis is a test extra
    pass


@pytest.mark.parametrize("title,frame", [
    ("1537–1814", "1537/1814"), ("Grand Duchy (1809–1917)", "1809/1917"), ("After 1991", "1991/.."),
    ("Since 2022", "2022/.."), ("Before 1920", "../1920"), ("The 1990s", "199X"), ("20th century", "19XX"),
    ("Timeline > After 1991", "1991/.."), ("History", None), ("Early history", None),
])
def test_heading_frames(title, frame):
    doc = f"== {title} ==\nNothing dated here.\n"
    idx = tag_spans(doc, [(0, len(doc), title)])
    assert idx.reference(doc.index("Nothing")) == frame


def test_days_after_a_month_stay_in_that_month():
    # "two days later" after a month-precise date: that month, not an unknown day of the year
    got = [t.value for t in tag_text("In September 1985 envoys left. Two days later the others left too.")]
    assert got == ["1985-09", "1985-09"]


def test_a_month_and_year_after_from_moves_the_narrative_year():
    doc = "== History ==\nIn November 2024 talks failed. Tariffs rose from February 2025. A deal came on 12 May.\n"
    assert [t.value for t in tag_text(doc)] == ["2024-11", "2025-02", "2025-05-12"]


def test_a_deadline_does_not_move_the_narrative():
    doc = ("== History ==\nOn 14 July 2020 Chile ordered the kit stripped out by 2027. "
           "Six days later Peru answered.\n")
    assert [t.value for t in tag_text(doc)] == ["2020-07-14", "2027", "2020-07-20"]


def test_a_time_of_day_on_a_date_dates_by_its_day():
    from bilat.nlp.timex import calendar_dates
    got = calendar_dates(tag_text("On the night of 29 March 2013 two bombers took off."))
    assert [(t.type, t.value) for t in got] == [("DATE", "2013-03-29")]
