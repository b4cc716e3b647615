"""Shared phrases a reader sees highlighted on a link (pipeline.linking.evidence.shared_phrases)."""
from __future__ import annotations

from pipeline.linking.config import linking_rules
from pipeline.linking.evidence import shared_phrases

RULES = linking_rules()


def test_a_phrase_keeps_its_first_word_when_that_word_also_stands_earlier_in_the_other_text():
    # the word alignment pairs the first "phát" (of "phát thải") and would print "triển năng lượng sạch"
    provincial = "Ưu tiên phát triển năng lượng sạch, khuyến khích tiết kiệm điện."
    central = "Giảm phát thải trong công nghiệp; phát triển năng lượng sạch ở vùng núi."
    assert shared_phrases(provincial, central, RULES) == ["phát triển năng lượng sạch"]


def test_phrases_are_longest_first_do_not_overlap_and_are_printed_as_in_the_provincial_text():
    provincial = "Xây dựng cơ sở dữ liệu đất đai; rà soát hồ sơ địa chính của các xã biên giới."
    central = "rà soát hồ sơ địa chính của các xã, và xây dựng cơ sở dữ liệu đất đai quốc gia"
    assert shared_phrases(provincial, central, RULES) == ["rà soát hồ sơ địa chính của các xã",
                                                          "Xây dựng cơ sở dữ liệu đất đai"]


def test_runs_shorter_than_the_minimum_are_not_listed():
    assert shared_phrases("Sở Y tế kiểm tra", "Sở Y tế hướng dẫn", RULES) == []



def test_a_phrase_the_provincial_text_repeats_is_listed_once():
    # "khu vực biên giới" stands again at the end, but the reader sees it highlighted in the longer phrase already
    provincial = "Đầu tư hạ tầng giao thông khu vực biên giới, ưu tiên các xã khu vực biên giới."
    central = "tập trung đầu tư hạ tầng giao thông khu vực biên giới đất liền"
    assert shared_phrases(provincial, central, RULES) == ["Đầu tư hạ tầng giao thông khu vực biên giới"]
