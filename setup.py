"""Builds the compiled name-index kernel; everything else is declared in pyproject.toml."""

from Cython.Build import cythonize
from setuptools import Extension, setup

setup(
    ext_modules=cythonize(
        [
            Extension(
                "lookthrough.matching.engine._kernel",
                ["lookthrough/matching/engine/_kernel.pyx"],
                extra_compile_args=["-O3"],
            )
        ],
        language_level=3,
    ),
)
