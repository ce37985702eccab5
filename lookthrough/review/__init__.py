"""The review workflow: runs become case lists, decisions go to an append-only audit log."""

from lookthrough.review.access import Role, Token, authenticate, create_token, revoke_token, tokens
from lookthrough.review.ledger import Ledger
from lookthrough.review.model import Assignment, Case, Decision, Run, RunStatus, State, Verdict
from lookthrough.review.rescreen import Comparison, rescreen
from lookthrough.review.runner import DOWNLOADS, execute, plan_run

__all__ = [
    "DOWNLOADS",
    "Assignment",
    "Case",
    "Comparison",
    "Decision",
    "Ledger",
    "Role",
    "Run",
    "RunStatus",
    "State",
    "Token",
    "Verdict",
    "authenticate",
    "create_token",
    "execute",
    "plan_run",
    "rescreen",
    "revoke_token",
    "tokens",
]
