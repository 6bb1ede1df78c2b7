from datetime import date

import pytest

from anzen.wareki import format_date, parse_date, to_wareki


@pytest.mark.parametrize("day, text", [
    (date(2026, 4, 1), "令和8年4月1日"), (date(2019, 5, 1), "令和元年5月1日"),
    (date(2019, 4, 30), "平成31年4月30日"), (date(1989, 1, 8), "平成元年1月8日"), (date(1989, 1, 7), "昭和64年1月7日"),
])
def test_era(day, text):
    assert to_wareki(day) == text
    assert parse_date(text) == day


@pytest.mark.parametrize("text", ["2026-04-01", "2026/4/1", "2026年4月1日", "R8.4.1", "令和８年４月１日", "２０２６－０４－０１"])
def test_inputs(text):
    assert parse_date(text) == date(2026, 4, 1)


@pytest.mark.parametrize("text", ["令和8年13月1日", "平成32年1月1日x", "tomorrow", "令和0年5月1日", "平成元年1月1日"])
def test_bad_inputs(text):
    with pytest.raises(ValueError):
        parse_date(text)


def test_format():
    assert format_date("2026-04-01") == "令和8年4月1日"
    assert format_date("2026-04-01", era=False) == "2026年4月1日"
    assert format_date("2026-04-01", "en") == "1 April 2026"
