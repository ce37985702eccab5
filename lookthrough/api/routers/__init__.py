"""One router per group of endpoints, as yente does."""
