"""A database opened for work: the store, the built-in data, and the cached catalog and index."""

from __future__ import annotations

import hashlib
import logging
import pickle
from functools import cache, cached_property
from pathlib import Path

from lookthrough import settings
from lookthrough.catalog import Catalog
from lookthrough.matching.matcher import Matcher
from lookthrough.screening.screener import Screener
from lookthrough.store import Store, open_store

log = logging.getLogger(__name__)
CACHE_VERSION = "2"
PACKAGE = Path(__file__).resolve().parent


@cache
def code_fingerprint() -> str:
    """A digest of the package's code and data: an index built by other code is not reused."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".json", ".yaml", ".yml", ".txt", ".csv"):
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


class Workspace:
    """Everything screening needs, built once per set of current snapshots."""

    def __init__(
        self, url: str | None = None, *, algorithm: str | None = None, builtin: bool | None = None
    ) -> None:
        self.store: Store = open_store(url)
        self.algorithm = algorithm or settings.get("ALGORITHM")
        if settings.builtin_enabled() if builtin is None else builtin:
            from lookthrough.builtin import ensure_builtin

            ensure_builtin(self.store)

    def cache_path(self) -> Path | None:
        url = self.store.url.removeprefix("duckdb://")
        if url == ":memory:" or "://" in url:
            return None
        key = hashlib.sha256(
            f"{CACHE_VERSION}|{code_fingerprint()}|{self.algorithm}|{self.store.fingerprint()}".encode()
        ).hexdigest()
        return Path(url + ".cache") / f"matcher-{key[:16]}.pickle"

    @cached_property
    def matcher(self) -> Matcher:
        path = self.cache_path()
        if path is not None and path.exists():
            try:
                with path.open("rb") as handle:
                    matcher: Matcher = pickle.load(handle)
                return matcher
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError) as error:
                log.warning("ignoring unreadable index cache %s: %s", path.name, error)
        catalog = Catalog.build(self.store.current_statements(), self.store.fingerprint())
        matcher = Matcher.build(catalog, self.algorithm)
        if path is not None:
            self._save(matcher, path)
        return matcher

    def _save(self, matcher: Matcher, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob("matcher-*.pickle"):
            old.unlink(missing_ok=True)
        partial = path.with_suffix(".partial")
        with partial.open("wb") as handle:
            pickle.dump(matcher, handle, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(path)

    @property
    def catalog(self) -> Catalog:
        return self.matcher.catalog

    def screener(self, threshold: float | None = None) -> Screener:
        chosen = threshold if threshold is not None else settings.threshold_override()
        return Screener(self.catalog, self.matcher, chosen)

    def refresh(self) -> None:
        """Forget the in-memory index after the set of snapshots changed."""
        self.__dict__.pop("matcher", None)

    def close(self) -> None:
        self.store.close()
