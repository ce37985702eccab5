"""nomenklatura's logic-v2 (the algorithm yente matches with) scoring the Jaro-Winkler scan's candidates."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence

from followthemoney import EntityProxy, model
from nomenklatura.matching import LogicV2
from nomenklatura.matching.types import ScoringConfig

from bench.adapter import Ranked
from bench.cases import ListedName

THRESHOLDS = (0.70, 0.80)
"""yente's default match threshold, and a stricter one."""

NEGATIVE_SCHEMA = "LegalEntity"
"""A negative is screened as yente's most general party: it may meet people and organisations alike."""

NEGATIVE_SCHEMAS = {"negative_person": "Person", "negative_script": "Person"}
"""Unlisted person names are screened as people, as a caller screening individuals would."""


def query_schema(target_schema: str | None) -> str:
    """A positive query is screened as its entry's schema, as a caller who knows it would."""
    return target_schema or NEGATIVE_SCHEMA


def _proxy(entity_id: str, schema: str, names: Sequence[tuple[str, str]]) -> EntityProxy:
    proxy = model.make_entity(schema)
    proxy.id = entity_id
    for prop, text in names:
        proxy.add(prop if prop in proxy.schema.properties else "alias", text)
    return proxy


class LogicV2Rescorer:
    """Scores whole entries (all their indexed names) against a query entity, as yente does."""

    name = "nomenklatura logic-v2"
    threshold = THRESHOLDS[0]

    def __init__(self, names: Sequence[ListedName]) -> None:
        grouped: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.schemas: dict[str, str] = {}
        for n in names:
            grouped[n.entity_id].append((n.prop, n.name))
            self.schemas[n.entity_id] = n.schema
        self.names = dict(grouped)
        self.config = LogicV2.default_config()
        self._proxies: dict[str, EntityProxy] = {}
        self.pairs = 0

    def candidate(self, entity_id: str) -> EntityProxy:
        proxy = self._proxies.get(entity_id)
        if proxy is None:
            proxy = _proxy(entity_id, self.schemas[entity_id], self.names[entity_id])
            self._proxies[entity_id] = proxy
        return proxy

    def score(self, text: str, schema: str, candidates: Sequence[str]) -> Ranked:
        """Each candidate entry's logic-v2 score for a query of `schema` named `text`, best first."""
        # nomenklatura caches name analysis by entity id: each distinct query needs its own.
        digest = hashlib.sha1(f"{schema}\0{text}".encode()).hexdigest()
        query = _proxy(f"query-{digest}", schema, [("name", text)])
        config = ScoringConfig.model_construct(weights={}, config=dict(self.config.config))
        scored = [(c, LogicV2.compare(query, self.candidate(c), config).score) for c in candidates]
        self.pairs += len(scored)
        return sorted(scored, key=lambda p: (-p[1], candidates.index(p[0])))
