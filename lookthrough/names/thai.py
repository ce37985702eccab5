"""Thai names in the Royal Thai General System, as Thai passports and the lists write them:
สมชาย -> 'somchai', ประยุทธ์ จันทร์โอชา -> 'prayut chanocha' (PyThaiNLP's royin engine, Apache-2.0)."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=20_000)
def romanize(word: str) -> str:
    """One Thai word in RTGS; PyThaiNLP is imported on first use, only when a name is Thai."""
    from pythainlp.transliterate import romanize as royin

    return str(royin(word, engine="royin")).lower()
