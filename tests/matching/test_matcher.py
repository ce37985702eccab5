"""What a user of the built-in data sees: the names on invoices and in holdings files reach the
listed party; generic and unrelated names stay clear."""

from __future__ import annotations

import pickle

import pytest

from lookthrough.matching.matcher import Matcher


def best(matcher: Matcher, query: str) -> tuple[str | None, float]:
    found = matcher.match(query, limit=1)
    return (found[0].entity_id, found[0].score) if found else (None, 0.0)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # as holdings files write them: share classes, exchange suffixes, abbreviations
        ("HIKVISION-A", "lt-hikvision"),
        ("Hangzhou Hikvision Digital Tech Co Ltd Class A", "lt-hikvision"),
        ("Zhejiang Dahua Technology Co Ltd-A", "lt-dahua"),
        ("SENSETIME GROUP INC-CL B", "lt-sensetime"),
        ("IFLYTEK CO LTD-A", "lt-iflytek"),
        ("ZTE Corp-H", "lt-zte"),
        ("Hytera Communications Corp Ltd-A", "lt-hytera"),
        ("Huawei Technologies Co Ltd", "lt-huawei"),
        ("China Electronics Technology Group Corp", "lt-cetc"),
        ("Xiamen Meiya Pico Information Co Ltd", "lt-meiya-pico"),
        ("Megvii Technology Ltd", "lt-megvii"),
        # short and brand names, spacing, typos
        ("DAHUA TECHNOLOGY", "lt-dahua"),
        ("Sense Time", "lt-sensetime"),
        ("CETC", "lt-cetc"),
        ("Meiya Pico", "lt-meiya-pico"),
        ("Hangzhou EZVIZ Network", "lt-ezviz"),
        ("Cloudwalk Technology", "lt-cloudwalk"),
        ("Hangzhou Hikvision Digtal Technolgy", "lt-hikvision"),
        ("Xinjiang Public Security Bureau", "lt-xuar-psb"),
        # Chinese, simplified and traditional, full and short
        ("海康威视", "lt-hikvision"),
        ("杭州海康威視數字技術股份有限公司", "lt-hikvision"),
        ("浙江大华技术股份有限公司", "lt-dahua"),
        ("中国电子科技集团有限公司", "lt-cetc"),
    ],
)
def test_listed_names_hit(builtin: Matcher, query: str, expected: str) -> None:
    entity_id, score = best(builtin, query)
    assert entity_id == expected
    assert score >= builtin.threshold


@pytest.mark.parametrize(
    "query",
    [
        "Technology Co Ltd",
        "Sony Group Corp",
        "Axis Communications AB",
        "Apple Inc",
        "Samsung Electronics Co Ltd",
        "Zhejiang Uniview Technologies",
        "Tencent Holdings Ltd",
        # only places and business words in common with a listed name
        "Beijing Technology Co Ltd",
        "Zhejiang Technology Co Ltd",
        "Hangzhou Digital Technology Co Ltd",
        "China Electronics Corporation",  # CEC, another state group, not CETC
        "China Technology Group",
        "Zhejiang Longsheng Technology Co Ltd",
    ],
)
def test_unlisted_and_generic_names_stay_clear(builtin: Matcher, query: str) -> None:
    assert best(builtin, query)[1] < builtin.threshold


def test_code_match_comes_first_and_is_a_hit_alone(builtin: Matcher) -> None:
    [match] = builtin.match(None, [("isin", "CNE100000PM8")], limit=3)
    assert (match.entity_id, match.score, match.algorithm) == ("lt-hikvision", 1.0, "isin_exact")


def test_a_weak_code_never_hits_alone(builtin: Matcher) -> None:
    assert builtin.match(None, [("ticker", "002415 CN")], limit=3) == []


def test_name_and_code_keep_both_explanations(builtin: Matcher) -> None:
    [match, *_] = builtin.match("Hikvision", [("isin", "CNE100000PM8")], limit=3)
    names = {f.name for f in match.features}
    assert match.score == 1.0 and "isin_match" in names and "query_covered" in names


def test_describe_from_leaves_low_scores_undescribed(builtin: Matcher) -> None:
    matches = builtin.match("Hikvision", limit=3, describe_from=0.5)
    assert matches[0].features and all(not m.features for m in matches if m.score < 0.5)


def test_pickled_matcher_scores_the_same(builtin: Matcher) -> None:
    copy = pickle.loads(pickle.dumps(builtin))
    for query in ("Hikvsion", "海康威视", "China Electronics Corporation"):
        assert [(m.entity_id, m.score) for m in copy.match(query)] == [
            (m.entity_id, m.score) for m in builtin.match(query)
        ]
