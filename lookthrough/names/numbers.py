"""Numbers written out in words, as digits: 'Brigade Fourty-four' -> 'brigade 44'.

text2num (MIT) reads English number words, misspellings such as 'fourty' included; it only
runs on names that hold a number word, so other names pay nothing.
"""

from __future__ import annotations

from functools import lru_cache

NUMBER_WORDS = frozenset(
    {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
        "twenty", "thirty", "forty", "fourty", "fifty", "sixty", "seventy", "eighty", "ninety",
        "hundred", "thousand",
    }
)  # fmt: skip
"""Words that may start or make up a number; 'one' alone is left as a word by text2num."""


def has_number_words(tokens: list[str]) -> bool:
    return not NUMBER_WORDS.isdisjoint(tokens)


@lru_cache(maxsize=20_000)
def _digits(text: str) -> str:
    from text_to_num import alpha2digit

    return str(alpha2digit(text, "en"))


def number_words_to_digits(tokens: list[str]) -> list[str]:
    """The words with each run of number words replaced by its digits ('forty four' -> '44')."""
    if not has_number_words(tokens):
        return tokens
    return _digits(" ".join(tokens)).split()


def number_symbol(token: str) -> str:
    """'num:44' for a number; '' for any other word."""
    if token.isdigit():
        return f"num:{int(token)}"
    return ""
