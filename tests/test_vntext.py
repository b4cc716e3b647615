"""vntext: tone-mark style and the matching form."""
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.extract import matching_text
from pipeline.vntext import match_form, new_tone_style, unify_punctuation, unify_spelling


@pytest.mark.parametrize("old, new", [
    ("thuỷ", "thủy"), ("hoà", "hòa"), ("xoá", "xóa"), ("khoẻ", "khỏe"), ("Uỷ ban", "Ủy ban"), ("thuỵ", "thụy"),
    ("quý", "quý"), ("hoạch", "hoạch"), ("toán", "toán"),
    # o + ă (breve) is another rhyme: its tone stays on ă, although the dot below decomposes before the breve
    ("hoặc", "hoặc"), ("ngoặc", "ngoặc"), ("HOẶC", "HOẶC"), ("hoằng", "hoằng"), ("khoắn", "khoắn"),
])
def test_new_tone_style_moves_only_the_tones_of_open_oa_oe_uy(old, new):
    assert new_tone_style(old) == new


def test_or_keeps_its_spelling_in_the_matching_form():
    assert match_form("Bộ trưởng hoặc Thủ trưởng") == "bộ trưởng hoặc thủ trưởng"


_SYLLABLE_LETTERS = "aăâeêioôơuưyđqh" + "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"


@given(st.text(alphabet=_SYLLABLE_LETTERS + _SYLLABLE_LETTERS.upper() + " ,.", max_size=40))
def test_new_tone_style_skips_only_texts_it_would_not_change(text):
    # the fast path (no o/u before a toned a, e, y in NFC) gives what the decomposing pass gives
    from pipeline.vntext import _moved_tones

    assert new_tone_style(text) == _moved_tones(text)
    assert new_tone_style(unicodedata.normalize("NFD", text)) == _moved_tones(text)


def test_both_spellings_of_every_year_month_quarter_match_alike():
    # "hằng năm" in the decree, "hàng năm" in the plan: one matching form, display text untouched
    assert match_form("Hàng năm, Sở Tài chính báo cáo hàng quý") == match_form("Hằng năm, Sở Tài chính báo cáo hằng quý")
    assert matching_text("Hàng tháng, UBND xã báo cáo") == "Hằng tháng, UBND xã báo cáo"
    assert unify_spelling("BÁO CÁO HÀNG NĂM") == "BÁO CÁO HẰNG NĂM"


def test_a_bare_hang_and_longer_words_keep_their_spelling():
    # "hàng" alone is goods or a row; "hàng ngày càng" (goods, increasingly) is not listed
    assert match_form("mặt hàng ngày càng tăng") == "mặt hàng ngày càng tăng"
    assert match_form("hoạt động ngân hàng năm 2024") == "hoạt động ngân hàng năm 2024"
    assert unify_spelling("hàng nămX") == "hàng nămX"


_WORDS = st.sampled_from(["hàng", "Hàng", "HÀNG", "hằng", "năm", "tháng", "quý", "tuần", "ngày", "Sở", "báo cáo",
                          ",", "  ", "\n", "\u00a0", "Uỷ", "–"])


@given(st.lists(_WORDS, max_size=12).map(" ".join))
def test_the_unified_spelling_keeps_every_position(text):
    # segment reads a cue's end in match_form(text) back in text (amendment formulas), extract every offset of
    # matching_text: the spelling changes no length
    assert len(unify_spelling(text)) == len(text)
    assert len(matching_text(text)) == len(text)
    plain = " ".join(unify_punctuation(new_tone_style(text)).lower().split())
    assert len(match_form(text)) == len(plain)
    assert unify_spelling(unify_spelling(text)) == unify_spelling(text)
