"""Small ownership graphs built from entities, as the adapters would load them."""

from __future__ import annotations

from lookthrough.catalog import Catalog
from lookthrough.graph import LookThrough, Policy
from lookthrough.model import Entity, Evidence, RelationKind, link, listing, ownership

AS_OF = "2026-01-15"
SDN = "OFAC Specially Designated Nationals and Blocked Persons List (SDN)"
NS_CMIC = "Non-SDN Chinese Military-Industrial Complex Companies List (NS-CMIC)"
ENTITY_LIST = "Entity List (EL) - Bureau of Industry and Security"


class World:
    """A catalog under construction: companies, listings and relations with citations."""

    def __init__(self) -> None:
        self.entities: list[Entity] = []
        self._by_id: dict[str, Entity] = {}

    def company(self, entity_id: str, name: str | None = None) -> Entity:
        entity = Entity(entity_id, "Company", dataset="example", citation=f"example register, {entity_id}")
        entity.add("name", name or entity_id)
        self.entities.append(entity)
        self._by_id[entity_id] = entity
        return entity

    def listed(self, entity_id: str, list_title: str = SDN, program: str | None = "SDGT") -> Entity:
        entity = self.company(entity_id)
        self.entities.append(listing(entity, list_title=list_title, program=program, authority="example"))
        return entity

    def owns(
        self,
        owner: str,
        asset: str,
        percent: float | None,
        *,
        start: str | None = None,
        end: str | None = None,
        kind: RelationKind = RelationKind.OWNERSHIP,
    ) -> None:
        self.entities.append(
            ownership(
                owner,
                asset,
                like=self._by_id[owner],
                percent=percent,
                kind=kind,
                start=start,
                end=end,
                citation=f"filing: {owner} holds {percent}% of {asset}",
                evidence=Evidence.FILING,
            )
        )

    def brand(self, brand: str, owner: str, kind: RelationKind = RelationKind.BRAND) -> None:
        self.entities.append(
            link(brand, owner, like=self._by_id[brand], kind=kind, citation=f"report: {brand} / {owner}")
        )

    def catalog(self, order: list[int] | None = None) -> Catalog:
        entities = self.entities if order is None else [self.entities[i] for i in order]
        catalog = Catalog()
        catalog.add_entities(entities)
        return catalog

    def look(self, *policies: Policy, as_of: str = AS_OF) -> LookThrough:
        return LookThrough(self.catalog(), list(policies), as_of=as_of)
