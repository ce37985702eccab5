"""Multilingual name normalisation: scripts, people's names, name symbols, legal forms,
abbreviations, holdings suffixes."""

from lookthrough.names.analyze import NameForm, analyze, variants

__all__ = ["NameForm", "analyze", "variants"]
