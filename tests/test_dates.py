"""dates: a document's date as printed after its number, in the three styles of Vietnamese documents."""
from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from pipeline.dates import read_date

STYLES = (
    lambda d: f"ngày {d.day} tháng {d.month} năm {d.year}",
    lambda d: f"ngày {d.day:02d} tháng {d.month:02d} năm {d.year}",
    lambda d: f"Ngày {d.day}/{d.month}/{d.year}",
    lambda d: f"ngày {d.day:02d}-{d.month:02d}-{d.year}",
    lambda d: f"NGÀY {d.day}.{d.month}.{d.year}",
)


@given(st.dates(min_value=date(1000, 1, 1)), st.sampled_from(STYLES), st.sampled_from(["", ",", " ,", "  "]))
def test_any_date_in_any_style_reads_back_right_after_a_number(day, style, gap):
    printed = style(day)
    text = f"Quyết định số 12/QĐ-TTg{gap} {printed} của Thủ tướng"
    found = read_date(text, text.index("TTg") + 3)
    assert found is not None and found.iso == day.isoformat()
    assert text[:found.end].endswith(printed)


@given(st.dates(min_value=date(1000, 1, 1)), st.sampled_from(STYLES))
def test_any_date_in_any_style_reads_back_anywhere(day, style):
    text = f"(Kèm theo Kế hoạch số 5/KH-UBND {style(day)} của Ủy ban nhân dân tỉnh)"
    found = read_date(text, anywhere=True)
    assert found is not None and found.iso == day.isoformat() and text[found.start:found.end] == style(day)


def test_a_day_the_calendar_has_not_is_read_but_has_no_iso_form():
    found = read_date(" ngày 30/02/2026 của Bộ", 0)
    assert found is not None and found.iso is None and found.end == len(" ngày 30/02/2026")


def test_no_date_where_none_is_printed():
    assert read_date("số 12/QĐ-TTg của Thủ tướng", 12) is None
    assert read_date("Nghị quyết số 23/NQ-CP năm 2022", anywhere=True) is None
    assert read_date("thủ tục trong ngày 21 giờ", anywhere=True) is None
