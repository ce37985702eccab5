"""What changed in a list between two of its snapshots: entries added, removed and changed.

Every load keeps its statements under its snapshot id, so any two snapshots of one dataset
can be compared. An entry is a listed party; it is compared by its names, aliases,
programmes (from its Sanction entities), identifiers, addresses and relations.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from lookthrough.exc import InvalidInput, NotFound
from lookthrough.model import Snapshot, SnapshotStatus
from lookthrough.model.schema import IDENTIFIER_PROPS, is_a
from lookthrough.store import Store

ASPECTS = ("names", "aliases", "programmes", "identifiers", "addresses", "relations")
ALIAS_PROPS = frozenset({"alias", "weakAlias", "previousName", "abbreviation"})
ADDRESS_PROPS = frozenset({"address", "country"})
LOADED = (SnapshotStatus.CURRENT, SnapshotStatus.SUPERSEDED)
Aspects = dict[str, set[str]]


@dataclass
class EntryChange:
    """One entry that was added, removed or changed, with what changed in each aspect."""

    entity_id: str
    name: str
    change: str
    added: dict[str, list[str]] = field(default_factory=dict)
    removed: dict[str, list[str]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return {
            "change": self.change,
            "entity_id": self.entity_id,
            "name": self.name,
            "added": self.added,
            "removed": self.removed,
        }


@dataclass
class ListDiff:
    """The changes between two snapshots of one dataset."""

    dataset: str
    before: Snapshot
    after: Snapshot
    changes: list[EntryChange]

    def count(self, change: str) -> int:
        return sum(1 for c in self.changes if c.change == change)


def loaded_snapshots(store: Store, dataset: str | None = None) -> list[Snapshot]:
    """Snapshots that hold statements (current and superseded), oldest first."""
    return [
        s
        for s in store.snapshots(include_history=True)
        if s.status in LOADED and (dataset is None or s.dataset == dataset)
    ]


def choose(
    store: Store, dataset: str | None, before: str | None, after: str | None
) -> tuple[Snapshot, Snapshot]:
    """The two snapshots to compare: by id, else the dataset's current one and the one before it."""
    every = {s.id: s for s in loaded_snapshots(store)}
    for wanted in (before, after):
        if wanted and wanted not in every:
            raise NotFound(f"no loaded snapshot {wanted!r}; `lookthrough lists --all` shows them")
    dataset = dataset or next((every[i].dataset for i in (after, before) if i), None)
    if dataset is None:
        raise InvalidInput("name a list (--list) or a snapshot (--from/--to)")
    history = [s for s in every.values() if s.dataset == dataset]
    if not history:
        raise NotFound(f"no loaded snapshot of {dataset!r}")
    to_snap = (
        every[after]
        if after
        else next((s for s in reversed(history) if s.status is SnapshotStatus.CURRENT), history[-1])
    )
    earlier = [s for s in history if s.retrieved_at < to_snap.retrieved_at]
    if before:
        from_snap = every[before]
    elif earlier:
        from_snap = earlier[-1]
    else:
        raise NotFound(f"{dataset!r} has no snapshot before {to_snap.id}")
    if from_snap.dataset != to_snap.dataset:
        raise InvalidInput(f"{from_snap.id} is of {from_snap.dataset!r}, {to_snap.id} of {to_snap.dataset!r}")
    return from_snap, to_snap


def diff_lists(
    store: Store, dataset: str | None = None, before: str | None = None, after: str | None = None
) -> ListDiff:
    """Compare two snapshots of one list entry by entry."""
    from_snap, to_snap = choose(store, dataset, before, after)
    old, old_names = entries(store, from_snap.id)
    new, new_names = entries(store, to_snap.id)
    changes = []
    for entity_id in sorted(old.keys() | new.keys()):
        change = compare(entity_id, old.get(entity_id), new.get(entity_id))
        if change is not None:
            change.name = new_names.get(entity_id) or old_names.get(entity_id) or entity_id
            changes.append(change)
    return ListDiff(to_snap.dataset, from_snap, to_snap, changes)


def compare(entity_id: str, old: Aspects | None, new: Aspects | None) -> EntryChange | None:
    if old is None or new is None:
        kind, present = ("added", new) if old is None else ("removed", old)
        values = {a: sorted(v) for a, v in (present or {}).items() if v}
        return EntryChange(
            entity_id, "", kind, **({"added": values} if kind == "added" else {"removed": values})
        )
    added = {a: sorted(new.get(a, set()) - old.get(a, set())) for a in ASPECTS}
    removed = {a: sorted(old.get(a, set()) - new.get(a, set())) for a in ASPECTS}
    added, removed = {a: v for a, v in added.items() if v}, {a: v for a, v in removed.items() if v}
    return EntryChange(entity_id, "", "changed", added, removed) if added or removed else None


def _rows(store: Store, snapshot_id: str) -> Iterator[tuple[str, str, str, str]]:
    with store.transaction() as tx:
        yield from tx.query(
            "SELECT entity_id, schema, prop, value FROM statements"
            " WHERE snapshot_id = :sid ORDER BY entity_id, seq",
            {"sid": snapshot_id},
        )


def entries(store: Store, snapshot_id: str) -> tuple[dict[str, Aspects], dict[str, str]]:
    """Each party of a snapshot with its aspects as sets of text, and its caption."""
    parties: dict[str, Aspects] = defaultdict(lambda: {a: set() for a in ASPECTS})
    captions: dict[str, str] = {}
    intervals: dict[str, tuple[str, dict[str, list[str]]]] = {}
    for entity_id, schema, prop, value in _rows(store, snapshot_id):
        if is_a(schema, "Interval"):
            intervals.setdefault(entity_id, (schema, defaultdict(list)))[1][prop].append(value)
            continue
        aspects = parties[entity_id]
        if prop == "name":
            aspects["names"].add(value)
            captions.setdefault(entity_id, value)
        elif prop in ALIAS_PROPS:
            aspects["aliases"].add(value)
        elif prop in IDENTIFIER_PROPS or prop == "leiCode":
            aspects["identifiers"].add(f"{prop}: {value}")
        elif prop in ADDRESS_PROPS:
            aspects["addresses"].add(value if prop == "address" else f"country: {value}")
    for schema, props in intervals.values():
        _attach(parties, schema, props)
    return dict(parties), captions


def _attach(parties: dict[str, Aspects], schema: str, props: dict[str, list[str]]) -> None:
    """A Sanction adds its programme to its party; a relation adds itself to both of its ends."""
    if schema == "Sanction":
        for party in props.get("entity", []):
            for program in props.get("program") or [props.get("publisher", ["(no programme)"])[0]]:
                parties[party]["programmes"].add(program)
        return
    ends = {
        "Ownership": ("owner", "asset", "owned by", "owns"),
        "UnknownLink": ("subject", "object", "linked from", "linked to"),
    }
    if schema not in ends:
        return
    left, right, left_label, right_label = ends[schema]
    share = (props.get("percentage") or ["?"])[0]
    for a in props.get(left, []):
        for b in props.get(right, []):
            parties[b]["relations"].add(
                f"{left_label} {a} ({share}%)" if schema == "Ownership" else f"{left_label} {a}"
            )
            parties[a]["relations"].add(
                f"{right_label} {b} ({share}%)" if schema == "Ownership" else f"{right_label} {b}"
            )
