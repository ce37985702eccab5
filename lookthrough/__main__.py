"""`python -m lookthrough`: the command line."""

from lookthrough.cli import main

main()
