"""Word-level equivalences for organisation names: abbreviations, spellings, plurals.

Each entry maps a token to the form both sides are compared in, so
"Tech" = "Technology" = "Technologies" and "Intl" = "International".
"""

from __future__ import annotations

CANONICAL: dict[str, str] = {
    # abbreviations
    "tech": "technology",
    "techn": "technology",
    "technol": "technology",
    "technologies": "technology",
    "intl": "international",
    "int'l": "international",
    "internat": "international",
    "natl": "national",
    "nat'l": "national",
    "mfg": "manufacturing",
    "manuf": "manufacturing",
    "inds": "industry",
    "industries": "industry",
    "industrial": "industry",
    "svcs": "service",
    "svc": "service",
    "services": "service",
    "sys": "system",
    "systems": "system",
    "elec": "electronic",
    "electronics": "electronic",
    "eng": "engineering",
    "engr": "engineering",
    "dev": "development",
    "devt": "development",
    "grp": "group",
    "hldgs": "holding",
    "hldg": "holding",
    "holdings": "holding",
    "assn": "association",
    "assoc": "association",
    "univ": "university",
    "inst": "institute",
    "dept": "department",
    "govt": "government",
    "gov": "government",
    "bur": "bureau",
    "mgmt": "management",
    "mgt": "management",
    "invt": "investment",
    "investments": "investment",
    "comm": "communication",
    "comms": "communication",
    "communications": "communication",
    "telecoms": "telecom",
    "telecommunications": "telecommunication",
    "info": "information",
    "infotech": "information technology",
    "netwk": "network",
    "networks": "network",
    "solutions": "solution",
    "products": "product",
    "resources": "resource",
    "ent": "enterprise",
    "enterprises": "enterprise",
    "trdg": "trading",
    "shpg": "shipping",
    "elecs": "electronic",
    "enterpr": "enterprise",
    "ind": "industry",
    "bros": "brothers",
    "ctr": "center",
    "centre": "center",
    "labs": "laboratory",
    "lab": "laboratory",
    "laboratories": "laboratory",
    "pharma": "pharmaceutical",
    "pharmaceuticals": "pharmaceutical",
    "chem": "chemical",
    "chemicals": "chemical",
    "bk": "bank",
    # Turkish business words, read as the English ones (as Chinese business words are): a
    # Turkish firm's name is mostly 'X Enerji Uretim Sanayi ve Ticaret A.S.' ('X Energy
    # Production Industry and Trade JSC'), and only X says which firm it is.
    "sanayi": "industry",
    "sanayii": "industry",
    "ticaret": "trade",
    "ticareti": "trade",
    "enerji": "energy",
    "enerjisi": "energy",
    "uretim": "production",
    "uretimi": "production",
    "elektrik": "electric",
    "elektronik": "electronic",
    "lojistik": "logistics",
    "tasimacilik": "transport",
    "havacilik": "aviation",
    "insaat": "construction",
    "yatirim": "investment",
    "yatirimlari": "investment",
    "madencilik": "mining",
    "toptan": "wholesale",
    "satis": "sales",
    "ithalat": "import",
    "ihracat": "export",
    "pazarlama": "marketing",
    "hizmetleri": "service",
    "teknoloji": "technology",
    "teknolojileri": "technology",
    "bilisim": "information",
    "gida": "food",
    "tekstil": "textile",
    "turizm": "tourism",
    "otomotiv": "automotive",
    "kimya": "chemical",
    "uyghur": "uighur",
    "uygur": "uighur",
    "&": "and",
    "+": "and",
}

STOPWORDS = frozenset(
    {"the", "of", "and", "for", "de", "del", "la", "le", "du", "des", "di", "da", "y", "et", "ve"}
)
"""Words that carry no identity; kept for display, ignored when comparing."""


def canonical(token: str) -> str:
    return CANONICAL.get(token, token)


_PARTS = {spelled: tuple(word.split()) for spelled, word in CANONICAL.items()}


def canonical_parts(token: str) -> tuple[str, ...]:
    """The words a token stands for ('infotech' -> 'information', 'technology')."""
    return _PARTS.get(token) or (token,)


PLACE_WORDS = frozenset(
    {
        "hong", "kong", "hk", "uk", "usa", "us", "china", "prc", "india", "singapore", "s", "pty",
        "private", "pvt", "international", "group", "holding", "asia", "europe", "america",
        "shanghai", "beijing", "shenzhen", "taiwan", "japan", "korea", "malaysia", "thailand",
        "vietnam", "germany", "france", "italy", "canada", "australia", "dubai", "uae",
    }
)  # fmt: skip
"""Words that in brackets tell where a firm is, not who it is."""
