"""Who may decide what: decisions, four-eyes approvals and assignments, the same from page, API and CLI."""

from __future__ import annotations

from lookthrough import settings
from lookthrough.exc import InvalidInput, NotPermitted
from lookthrough.review.access import Role, authenticate, tokens
from lookthrough.review.ledger import Ledger
from lookthrough.review.model import Assignment, Case, Decision, Verdict
from lookthrough.store import Store

REASON_LIMIT = 4000


def four_eyes_score() -> float | None:
    """The score from which a match or false positive needs approval; None when four eyes is off."""
    raw = settings.get("FOUR_EYES_SCORE").strip()
    if not raw:
        return None
    try:
        return float(raw)
    except ValueError:
        raise InvalidInput(f"LOOKTHROUGH_FOUR_EYES_SCORE must be a number, not {raw!r}") from None


def approver_role() -> Role:
    return Role.named(settings.get("FOUR_EYES_ROLE").strip() or "approver")


def needs_approval(case: Case, verdict: Verdict) -> bool:
    """Whether a second person must approve `verdict` on `case` before it holds."""
    score = four_eyes_score()
    return score is not None and verdict.is_final and case.score >= score


def can_approve(case: Case, reviewer: str, role: Role) -> bool:
    """Whether `reviewer` may approve or return the decision awaiting approval on `case`."""
    pending = case.pending
    return pending is not None and role >= approver_role() and pending.reviewer != reviewer


def decide(
    ledger: Ledger, case: Case, verdict: Verdict, *, reviewer: str, role: Role, reason: str
) -> Decision:
    """Record a decision, or an approval or return of the one awaiting approval, under the house rules."""
    reason = reason.strip()[:REASON_LIMIT]
    if not reason:
        raise InvalidInput("give a reason for the decision")
    if role < Role.REVIEWER:
        raise NotPermitted(f"deciding needs the reviewer role; {reviewer} is a {role.name.lower()}")
    if verdict.is_approval:
        return _judge(ledger, case, verdict, reviewer, role, reason)
    return ledger.decide(case, verdict, reviewer, reason, role=role.name.lower(),
                         needs_approval=needs_approval(case, verdict))  # fmt: skip


def _judge(ledger: Ledger, case: Case, verdict: Verdict, reviewer: str, role: Role, reason: str) -> Decision:
    pending = case.pending
    if pending is None:
        raise InvalidInput("no decision on this case is waiting for approval")
    required = approver_role()
    if role < required:
        raise NotPermitted(
            f"approving needs the {required.name.lower()} role; {reviewer} has the {role.name.lower()} role"
        )
    if pending.reviewer == reviewer:
        raise NotPermitted(
            "four eyes: a decision must be approved by someone other than the reviewer who made it"
        )
    return ledger.decide(case, verdict, reviewer, reason, role=role.name.lower(), approves=pending.id)


def reviewers(ledger: Ledger) -> list[str]:
    """Names that cases can be assigned to: holders of active tokens that may decide."""
    found = {t.name for t in tokens(ledger.store) if t.revoked_at is None and t.role >= Role.REVIEWER}
    return sorted(found)


def assign(ledger: Ledger, case: Case, assignee: str, *, by: str, role: Role) -> Assignment:
    """Assign `case` to a reviewer (or release it with an empty name)."""
    if role < Role.REVIEWER:
        raise NotPermitted(f"assigning cases needs the reviewer role; {by} is a {role.name.lower()}")
    assignee = assignee.strip()
    if assignee and assignee not in reviewers(ledger):
        raise InvalidInput(
            f"{assignee!r} holds no active reviewer token; cases go to: {', '.join(reviewers(ledger))}"
        )
    return ledger.assign(case, assignee, by)


def decide_signed(
    store: Store, secret: str, key: str, verdict: str, reason: str, run_id: str | None = None
) -> tuple[Decision, Case]:
    """A decision made with a token (the command line's way): the token says who, and with what role."""
    token = authenticate(store, secret.strip()) if secret.strip() else None
    if token is None:
        raise InvalidInput(
            "set LOOKTHROUGH_TOKEN to an active token (`lookthrough token create NAME --role reviewer`)"
        )
    if verdict not in {v.value for v in Verdict}:
        raise InvalidInput(f"unknown verdict {verdict!r}; use one of {', '.join(Verdict)}")
    ledger = Ledger(store)
    case = ledger.case(run_id, key) if run_id else ledger.newest_case(key)
    made = decide(ledger, case, Verdict(verdict), reviewer=token.name, role=token.role, reason=reason)
    return made, ledger.case(case.run_id, case.hit_key)
