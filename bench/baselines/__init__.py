"""Reference matchers run on the same queries: a brute-force Jaro-Winkler scan and nomenklatura's logic-v2."""
