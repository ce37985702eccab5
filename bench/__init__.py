"""Evaluation and benchmark harness for the name matcher (issue 4): real list data only."""
