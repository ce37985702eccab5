"""Where a case stands, read from its decisions: never stored, always derived from the log."""

from __future__ import annotations

from lookthrough.review.fingerprint import changes
from lookthrough.review.model import Case, Decision, State, Verdict


def derive(case: Case, trail: list[Decision]) -> None:
    """Set the case's state from its trail (oldest first).

    The standing decision is the last match, false positive or escalation; approvals and
    returns count only for the decision they name. A decision holds while the listed entry
    is as the reviewer saw it; a match or false positive made under four eyes holds once a
    second reviewer approved it."""
    standing: Decision | None = None
    judged: Verdict | None = None
    for decision in trail:
        if not decision.verdict.is_approval:
            standing, judged = decision, None
        elif standing is not None and decision.approves == standing.id:
            judged = decision.verdict
    case.latest = trail[-1] if trail else None
    case.pending = None
    if standing is None:
        case.state = State.OPEN
    elif standing.fingerprint != case.fingerprint:
        case.state = State.REOPENED
        case.changes = changes(standing.content, case.content)
    elif judged is Verdict.RETURN:
        case.state = State.RETURNED
    elif standing.verdict is Verdict.ESCALATE:
        case.state = State.ESCALATED
    elif standing.needs_approval and judged is not Verdict.APPROVE:
        case.state, case.pending = State.PENDING, standing
    else:
        case.state = State.DECIDED
