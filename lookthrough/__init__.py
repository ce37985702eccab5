"""lookthrough: who is really behind this name, and is that party on an official restricted list?"""

__version__ = "0.1.0"
