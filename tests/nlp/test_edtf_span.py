"""EDTF values to (first day, last day): the store sorts and filters on these."""
from __future__ import annotations

import pytest

from bilat.nlp.edtf_span import parse_day, span
from bilat.errors import BilatError

CASES = """
2022-04-06      2022-04-06 2022-04-06
2022-04         2022-04-01 2022-04-30
2024-02         2024-02-01 2024-02-29
1900-02         1900-02-01 1900-02-28
1326            1326-01-01 1326-12-31
09XX            0900-01-01 0999-12-31
198X            1980-01-01 1989-12-31
1537/1814       1537-01-01 1814-12-31
2022-02/..      2022-02-01 9999-12-31
../1990         0000-01-01 1990-12-31
{2017,2018}     2017-01-01 2018-12-31
2015~           2015-01-01 2015-12-31
2015?           2015-01-01 2015-12-31
2019-21         2019-03-01 2019-05-31
2019-24         2019-12-01 2020-02-29
"""


@pytest.mark.parametrize("value,lo,hi", [line.split() for line in CASES.strip().splitlines()])
def test_span(value, lo, hi):
    assert span(value) == (lo, hi)


@pytest.mark.parametrize("value", [None, "", "PRESENT_REF", "P3Y", "soon"])
def test_no_span(value):
    assert span(value) == (None, None)


def test_user_dates():
    assert parse_day("2014") == "2014-01-01"
    assert parse_day("2014", end=True) == "2014-12-31"
    assert parse_day("2014-03-18", end=True) == "2014-03-18"
    with pytest.raises(BilatError, match="not a date"):
        parse_day("last week")
