"""How pipeline.linking.features computes its scores faster gives the same values as the plain computation."""
from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from pipeline.linking.features import _block_maxima, _one_byte, _word_set

PLAN = ["ủy ban nhân dân tỉnh chỉ đạo rà soát quy hoạch vùng trồng cây ăn quả",
        "sở y tế chủ trì kiểm tra trạm y tế xã vùng sâu vùng xa",
        "các huyện báo cáo kết quả thực hiện trước ngày 15 tháng 12"]
DECREE = ["bộ y tế hướng dẫn kiểm tra các trạm y tế xã",
          "bộ nông nghiệp hướng dẫn chuyển đổi cơ cấu cây trồng cây ăn quả",
          "các tỉnh báo cáo định kỳ kết quả thực hiện nghị định"]


def _scores(a, b, scorer):
    return process.cdist(a, b, scorer=scorer, workers=1, dtype=np.float32)


def test_renamed_characters_keep_ratio_and_token_set_scores():
    plan, decree = _one_byte(PLAN, DECREE)
    assert all(ord(ch) < 256 for text in plan + decree for ch in text)
    assert all(len(x.split()) == len(y.split()) for x, y in zip(plan, PLAN, strict=True))
    for scorer in (fuzz.ratio, fuzz.token_set_ratio, fuzz.token_sort_ratio):
        assert np.array_equal(_scores(plan, decree, scorer), _scores(PLAN, DECREE, scorer))


def test_too_many_distinct_characters_are_left_as_they_are():
    texts = ["".join(chr(0x4E00 + k) for k in range(300))]
    assert _one_byte(texts) == [texts]


def test_a_word_set_scores_as_its_text_under_token_set_ratio():
    sets = [_word_set(text) for text in PLAN]
    assert _word_set("xã xã bộ y tế") == "bộ tế xã y"
    assert np.array_equal(_scores(sets, DECREE, fuzz.token_set_ratio), _scores(PLAN, DECREE, fuzz.token_set_ratio))


def _plain_block_maxima(matrix, row_groups, col_groups):
    table = np.zeros((len(row_groups), len(col_groups)), dtype=np.float32)
    at = {}
    for a, rows in enumerate(row_groups):
        for b, cols in enumerate(col_groups):
            if rows and cols:
                block = matrix[np.ix_(rows, cols)]
                k = int(block.argmax())
                table[a, b] = block.flat[k]
                if table[a, b] > 0:
                    at[(a, b)] = (rows[k // len(cols)], cols[k % len(cols)])
    return table, at


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_block_maxima_are_the_blocks_argmax_ties_included(data):
    n, m = data.draw(st.integers(1, 6)), data.draw(st.integers(1, 6))
    values = data.draw(st.lists(st.sampled_from([0.0, 0.5, 1.0]), min_size=n * m, max_size=n * m))
    matrix = np.array(values).reshape(n, m)
    rows = data.draw(st.lists(st.lists(st.integers(0, n - 1), max_size=3).map(tuple), min_size=1, max_size=4))
    cols = data.draw(st.lists(st.lists(st.integers(0, m - 1), max_size=3).map(tuple), min_size=1, max_size=4))
    table, at = _block_maxima(matrix, rows, cols)
    plain_table, plain_at = _plain_block_maxima(matrix, rows, cols)
    assert np.array_equal(table, plain_table)
    assert at == plain_at
