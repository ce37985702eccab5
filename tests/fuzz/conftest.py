"""Fuzzing of every list adapter and input reader with hypothesis.

CI runs the `ci` profile (a few dozen examples a target, seconds in all); `make fuzz` runs every
target for five minutes (tests/fuzz/timed.py, runs of the `fuzz-chunk` profile with fresh seeds);
HYPOTHESIS_PROFILE=fuzz runs thousands of examples a target once. Every
example is a small valid file damaged at random, or random bytes: the code under test may only
raise lookthrough's own InvalidInput, SourceError or SourceAbort, and rows must balance."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from lookthrough.exc import InvalidInput, SourceAbort, SourceError

EXPECTED = (InvalidInput, SourceError, SourceAbort)
"""The only exceptions a damaged file may raise."""

settings.register_profile(
    "ci",
    max_examples=25,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "fuzz",
    max_examples=5_000,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.function_scoped_fixture,
        HealthCheck.data_too_large,
    ],
)
settings.register_profile("fuzz-chunk", settings.get_profile("fuzz"), max_examples=500)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
NASTY = [
    b"\x00",
    b"\r",
    b"\n",
    b'"',
    b",",
    b"\t",
    b"\x1a",
    b"\xff",
    b"\xc3",
    b"\\ud800",
    b"[",
    b"{",
    b"<",
    b"\xef\xbb\xbf",
]
"""Bytes that broke readers before: NULs, stray CRs, quotes, the OFAC end mark, bad UTF-8, escapes."""


@st.composite
def damaged(draw: st.DrawFn, seed: bytes) -> bytes:
    """`seed` cut, with bytes inserted, overwritten or dropped, or replaced by random bytes."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=2_000))
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        kind = draw(st.sampled_from(["cut", "insert", "overwrite", "drop"]))
        piece = draw(st.one_of(st.sampled_from(NASTY), st.binary(min_size=1, max_size=16)))
        if kind == "cut":
            del data[at:]
        elif kind == "insert":
            data[at:at] = piece
        elif kind == "overwrite":
            data[at : at + len(piece)] = piece
        else:
            del data[at : at + draw(st.integers(1, 64))]
    return bytes(data)
