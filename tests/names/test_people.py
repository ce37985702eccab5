"""Roles in people's names (`names/people.py`): inversion, capitals, particles, patronymics, initials."""

from __future__ import annotations

import pytest

from lookthrough.names.people import (
    family_first,
    form_roles,
    inversion,
    is_capitalised,
    is_patronymic,
    person_roles,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("PUTIN, Vladimir Vladimirovich", ("PUTIN", "Vladimir Vladimirovich")),
        ("BIN LADIN, Usama bin Muhammad bin Awad", ("BIN LADIN", "Usama bin Muhammad bin Awad")),
        ("John Smith, Jr.", None),  # a suffix after the comma
        ("Hikvision Digital Technology Co., Ltd.", None),  # a legal form after the comma
        ("Vladimir Putin", None),
        ("A, B, C", None),
    ],
)
def test_inversion(text: str, expected: tuple[str, str] | None) -> None:
    assert inversion(text) == expected


@pytest.mark.parametrize(
    ("token", "expected"),
    [("vladimirovich", True), ("viktorovna", True), ("sergeyevich", True), ("aliyevich", True),
     ("mammadoglu", True), ("ivanovich", True), ("putin", False), ("ovich", False)],
)  # fmt: skip
def test_is_patronymic(token: str, expected: bool) -> None:
    assert is_patronymic(token) is expected


@pytest.mark.parametrize(
    ("word", "expected"), [("PUTIN", True), ("Putin", False), ("V.", False), ("AL-ASAD", True)]
)
def test_is_capitalised(word: str, expected: bool) -> None:
    assert is_capitalised(word) is expected


@pytest.mark.parametrize(
    ("tokens", "roles"),
    [
        (["usama", "bin", "muhammad", "bin", "awad"], ["", "particle", "patronymic", "particle", ""]),
        (["maria", "de", "la", "cruz"], ["", "particle", "particle", ""]),
        (["le", "duc", "anh"], ["", "", ""]),  # Lê, a surname, opens the name: not the particle
        (["v", "putin"], ["initial", ""]),
        (["roman", "abramovich"], ["", ""]),  # a family name that looks like a patronymic
        (["roman", "arkadyevich", "abramovich"], ["", "patronymic", ""]),
        (["bashar", "al", "assad"], ["", "particle", ""]),
    ],
)
def test_form_roles(tokens: list[str], roles: list[str]) -> None:
    assert form_roles(tokens) == roles


@pytest.mark.parametrize(
    ("tokens", "capitals", "inverted_at", "roles"),
    [
        # 'PUTIN, Vladimir Vladimirovich', put back in order
        (["vladimir", "vladimirovich", "putin"], [False] * 3, 2, ["given", "patronymic", "family"]),
        # 'Vladimir Vladimirovich PUTIN'
        (
            ["vladimir", "vladimirovich", "putin"],
            [False, False, True],
            None,
            ["given", "patronymic", "family"],
        ),
        # 'KIM Jong Un'
        (["kim", "jong", "un"], [True, False, False], None, ["family", "given", "given"]),
        # 'Putin Vladimir Vladimirovich': family name first, patronymic last
        (["putin", "vladimir", "vladimirovich"], [False] * 3, None, ["family", "given", "patronymic"]),
        # 'ASSAD BASHAR': nothing tells which is which
        (["assad", "bashar"], [True, True], None, ["", ""]),
        # 'BIN LADIN, Usama'
        (["usama", "bin", "ladin"], [False, True, True], 1, ["given", "particle", "family"]),
        # 'BIN LADIN, Usama bin Muhammad bin Awad': his father's and grandfather's names
        (
            ["usama", "bin", "muhammad", "bin", "awad", "bin", "ladin"],
            [False, False, False, False, False, True, True],
            5,
            ["given", "particle", "patronymic", "particle", "patronymic", "particle", "family"],
        ),
        # 'Osama bin Laden': the last word after 'bin' is the family name
        (["osama", "bin", "laden"], [False] * 3, None, ["", "particle", ""]),
    ],
)
def test_person_roles(
    tokens: list[str], capitals: list[bool], inverted_at: int | None, roles: list[str]
) -> None:
    assert person_roles(tokens, capitals, inverted_at=inverted_at) == roles


def test_family_first() -> None:
    assert family_first(3) == ["family", "given", "given"]
    assert family_first(1) == [""]
