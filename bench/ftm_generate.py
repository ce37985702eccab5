"""Write a synthetic FollowTheMoney list of a given number of names, recombined from real ones.

    python -m bench.ftm_generate --names 2000000 --out bench/output/scale/scale_list.ftm.json

Each party copies a real party of the shared lists (SDN, consolidated, UN, UK) or an IEEE
registrant, chosen at random: its schema, its number of aliases and how they relate, its kinds
of identifiers, countries and listings; every word of its names is replaced (bench.ftm_recombine)
and every identifier redrawn in the same shape. Nothing about a real person is copied but single
name words. Listed parties get a Sanction entity per listing, associates an UnknownLink, as the
real ones have; the entities carry OpenSanctions' datasets and first/last seen times. The same
seed writes the same file.
"""

from __future__ import annotations

import argparse
import random
import string
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from stdnum import isin
from stdnum.cn import uscc

from bench.ftm_pools import Pools, Template, build_pools
from bench.ftm_recombine import Recombiner
from bench.gleif_layout import make_lei
from bench.lists_db import sdn_folder
from bench.negatives import vendors
from bench.paths import CONS, OTHER_LISTS, data_file

VENDOR_SHARE = 0.2
"""Share of parties made from an IEEE registrant: companies with one name and no listing, as a
company register or an ownership dataset adds them beside the sanctioned parties."""
DATASETS = {"gb_hmt_ofsi": "gb_hmt_sanctions", "ieee_oui": "scale_companies"}
"""OpenSanctions' names of the datasets (the others are spelled alike)."""
LINKED = 10_000
"""An associate is drawn among this many parties written last."""
SAMPLE = 5000
"""Names kept aside (a reservoir sample) for the queries of the benchmark."""


@dataclass
class Written:
    """What a run wrote: counts, and a sample of the names for queries."""

    entities: int = 0
    parties: int = 0
    names: int = 0
    persons: int = 0
    sample: list[str] = field(default_factory=list)
    by_party: list[list[str]] = field(default_factory=list)
    """Every party's names, only when asked for (the token statistics)."""


def shaped(value: str, rng: random.Random) -> str:
    """A value of the same shape: each digit and letter redrawn, other characters kept."""
    return "".join(
        str(rng.randrange(10)) if c.isdigit()
        else rng.choice(string.ascii_uppercase) if c.isascii() and c.isalpha()
        else c
        for c in value
    )  # fmt: skip


class Generator:
    """Parties, listings and links drawn from real templates, deterministically from a seed."""

    def __init__(self, pools: Pools, seed: int = 10) -> None:
        self.rng = random.Random(seed)
        self.pools = pools
        self.recombiner = Recombiner(pools, self.rng)
        self.leis = 0
        self.recent: list[str] = []

    def template(self) -> Template:
        vendor = self.pools.vendors and self.rng.random() < VENDOR_SHARE
        return self.rng.choice(self.pools.vendors if vendor else self.pools.templates)

    def code(self, prop: str, value: str) -> str:
        if prop == "leiCode":
            self.leis += 1
            return make_lei(self.rng.randrange(10**9) * 1000 + self.leis % 1000)
        if prop == "isinCode" and len(value) == 12:
            body = value[:2] + shaped(value[2:11], self.rng)
            return body + isin.calc_check_digit(body)
        if prop == "uscCode" and len(value) == 18:
            letters = "ABCDEFGHJKLMNPQRTUWXY"  # the USCC alphabet
            body = "".join(
                self.rng.choice(letters) if c.isalpha() else c for c in shaped(value[:17], self.rng)
            )
            return body + uscc.calc_check_digit(body)
        return shaped(value, self.rng)

    def entity_id(self) -> str:
        return "NK-" + "".join(self.rng.choices(string.ascii_letters + string.digits, k=22))

    def meta(self, template: Template) -> dict[str, Any]:
        dataset = DATASETS.get(template.dataset, template.dataset)
        first = f"20{self.rng.randint(18, 25)}-{self.rng.randint(1, 12):02d}-{self.rng.randint(1, 28):02d}"
        return {"datasets": [dataset], "first_seen": f"{first}T12:00:00", "last_seen": "2026-01-15T08:00:00"}

    def party(self, limit: int) -> tuple[list[dict[str, Any]], list[str]]:
        """One party (at most `limit` names) with its listings and links, and its names."""
        template = self.template()
        props: dict[str, list[str]] = {}
        names: list[str] = []
        for prop, text in self.recombiner.names(template):
            values = props.setdefault(prop, [])
            if text.strip() and text not in values and len(names) < limit:
                values.append(text)
                names.append(text)
        for prop, value in template.codes:
            props.setdefault(prop, []).append(self.code(prop, value))
        for prop, value in template.countries:
            props.setdefault(prop, []).append(value)
        if template.gender:
            props["gender"] = [template.gender]
        if template.born:
            props["birthDate"] = [f"{self.rng.randint(1940, 2002)}-{self.rng.randint(1, 12):02d}-"
                                  f"{self.rng.randint(1, 28):02d}"]  # fmt: skip
        if template.dataset == "ieee_oui" and self.rng.random() < 0.1:
            props["leiCode"] = [self.code("leiCode", "")]
        if template.programs:
            props["topics"] = ["sanction"]
        meta = self.meta(template)
        party_id = self.entity_id()
        party = {"id": party_id, "schema": template.schema, "caption": names[0] if names else party_id,
                 "properties": props, **meta}  # fmt: skip
        written = [party]
        for k, (program, authority) in enumerate(template.programs[:3]):
            listing = {"entity": [party_id], "program": [program], "authority": [authority],
                       "listingDate": [meta["first_seen"][:10]]}  # fmt: skip
            written.append({"id": f"{party_id}-sanction-{k}", "schema": "Sanction",
                            "properties": {p: v for p, v in listing.items() if v[0]}, **meta})  # fmt: skip
        for k in range(min(template.links, 5) if self.recent else 0):
            other = self.rng.choice(self.recent)
            link = {"subject": [party_id], "object": [other], "role": ["Associate"]}
            link_id = f"{party_id}-link-{k}"
            written.append({"id": link_id, "schema": "UnknownLink", "properties": link, **meta})
        self.recent.append(party_id)
        if len(self.recent) > LINKED:
            self.recent = self.recent[-LINKED // 2 :]
        return written, names

    def entities(self, names: int, written: Written, keep_names: bool = False) -> Iterator[dict[str, Any]]:
        """Entities until `names` names are written."""
        while written.names < names:
            entities, party_names = self.party(names - written.names)
            if not party_names:
                continue
            written.parties += 1
            written.persons += entities[0]["schema"] == "Person"
            for text in party_names:
                written.names += 1
                if len(written.sample) < SAMPLE:
                    written.sample.append(text)
                elif (slot := self.rng.randrange(written.names)) < SAMPLE:
                    written.sample[slot] = text
            if keep_names:
                written.by_party.append(party_names)
            written.entities += len(entities)
            yield from entities


def shared_sources() -> list[Path]:
    """SDN (2024-05-03 with the 2025-12 aliases), the consolidated list, UN and UK."""
    return [sdn_folder(), data_file(CONS), *map(data_file, OTHER_LISTS[1:])]


def generate(out: Path, names: int, pools: Pools, seed: int = 10, keep_names: bool = False) -> Written:
    """Write `names` names (and their parties' other entities) to `out` as FtM JSON lines; the
    sample of names goes beside it (`<out>.sample.txt`)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    written = Written()
    generator = Generator(pools, seed)
    with out.open("wb") as handle:
        batch: list[bytes] = []
        for entity in generator.entities(names, written, keep_names):
            batch.append(orjson.dumps(entity))
            if len(batch) >= 10_000:
                handle.write(b"\n".join(batch) + b"\n")
                batch = []
        if batch:
            handle.write(b"\n".join(batch) + b"\n")
    sample_path(out).write_text("\n".join(written.sample) + "\n", encoding="utf-8")
    return written


def sample_path(out: Path) -> Path:
    return out.with_name(out.name + ".sample.txt")


def default_pools(sources: Sequence[Path] | None = None) -> Pools:
    return build_pools(sources if sources is not None else shared_sources(), vendors())


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--names", type=int, default=2_000_000)
    parser.add_argument("--seed", type=int, default=10)
    parser.add_argument("--out", type=Path, default=Path("bench/output/scale/scale_list.ftm.json"))
    args = parser.parse_args()
    written = generate(args.out, args.names, default_pools(), args.seed)
    print(f"{args.out}: {written.entities:,} entities, {written.parties:,} parties "
          f"({written.persons:,} persons), {written.names:,} names, "
          f"{args.out.stat().st_size / 1e6:.0f} MB")  # fmt: skip


if __name__ == "__main__":
    main()
