"""The dashboard's figures: volumes, straight-through rate, exceptions by reason, time to decide, hours saved."""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlmodel import Session, col

from formwork import audit
from formwork import reasons as R
from formwork.models import CaseReview, Outcome, Resolution, Submission, utcnow
from formwork.settings import Settings
from formwork.web.cases import aware

#: How a submission ended, as the dashboard counts it.
CATEGORIES = ("approved straight through", "approved by staff", "rejected by staff", "waiting for information",
              "in the queue", "quarantined")
#: One colour per category on every chart (colour-blind-safe).
COLOURS = dict(zip(CATEGORIES, ("#009E73", "#0072B2", "#D55E00", "#CC79A7", "#E69F00", "#505a5f"), strict=True))


@dataclass
class Dashboard:
    days: list[dt.date]
    #: form type -> category -> a count per day
    volumes: dict[str, dict[str, list[int]]]
    totals: dict[str, Counter[str]]
    decided: int = 0
    straight_through: int = 0
    reasons: Counter[str] = field(default_factory=Counter)
    median_hours_straight: float | None = None
    median_hours_staff: float | None = None
    hours_saved: float = 0.0
    minutes_per_form: dict[str, float] = field(default_factory=dict)

    @property
    def in_queue(self) -> int:
        return sum(c["in the queue"] for c in self.totals.values())

    @property
    def straight_through_rate(self) -> float | None:
        return self.straight_through / self.decided if self.decided else None


def _category(outcome: str | None, decided_by: str | None, resolution: str | None) -> str | None:
    if outcome == Outcome.approved:
        return "approved straight through" if decided_by == audit.PIPELINE else "approved by staff"
    if outcome == Outcome.quarantined:
        return "quarantined"
    if outcome == Outcome.exception:
        return {Resolution.rejected: "rejected by staff",
                Resolution.more_information: "waiting for information"}.get(resolution or "", "in the queue")  # type: ignore[call-overload]
    return None


def dashboard(session: Session, settings: Settings, days: int = 30) -> Dashboard:
    stmt = (
        select(col(Submission.form_type), col(Submission.outcome), col(Submission.decided_by),
               col(Submission.received_at), col(Submission.decided_at), col(Submission.reasons),
               col(CaseReview.resolution), col(CaseReview.resolved_at))
        .join(CaseReview, col(CaseReview.submission_id) == col(Submission.id), isouter=True)
    )
    # The calendar's today, not the checks' as-of date: submissions are received in real time.
    today = utcnow().date()
    first = today - dt.timedelta(days=days - 1)
    day_list = [first + dt.timedelta(days=i) for i in range(days)]
    index = {d: i for i, d in enumerate(day_list)}
    volumes: dict[str, dict[str, list[int]]] = defaultdict(lambda: {c: [0] * days for c in CATEGORIES})
    totals: dict[str, Counter[str]] = defaultdict(Counter)
    board = Dashboard(day_list, volumes, totals)
    straight_hours: list[float] = []
    staff_hours: list[float] = []
    minutes = settings.review.minutes_per_form
    for form_type, outcome, decided_by, received, decided_at, reasons, resolution, resolved_at in session.execute(stmt):
        category = _category(outcome, decided_by, resolution)
        if category is None:
            continue  # not decided yet
        ft = form_type or "unrecognised"
        totals[ft][category] += 1
        i = index.get(aware(received).date())
        if i is not None:
            volumes[ft][category][i] += 1
        board.decided += 1
        if category == "approved straight through":
            board.straight_through += 1
            board.hours_saved += minutes.get(ft, settings.review.default_minutes_per_form) / 60
            if decided_at:
                straight_hours.append((aware(decided_at) - aware(received)).total_seconds() / 3600)
        elif category in ("approved by staff", "rejected by staff"):
            closed = decided_at if category == "approved by staff" else resolved_at
            if closed:
                staff_hours.append((aware(closed) - aware(received)).total_seconds() / 3600)
        if category == "in the queue":
            board.reasons.update({R.split(r)[0] for r in reasons or []})
    board.median_hours_straight = statistics.median(straight_hours) if straight_hours else None
    board.median_hours_staff = statistics.median(staff_hours) if staff_hours else None
    board.minutes_per_form = {ft: minutes.get(ft, settings.review.default_minutes_per_form) for ft, c in totals.items()
                              if c["approved straight through"]}
    board.volumes, board.totals = dict(volumes), dict(totals)
    return board


def duration_text(hours: float | None) -> str:
    if hours is None:
        return "none yet"
    if hours < 1 / 60:
        n = round(hours * 3600)
        return f"{n} second{'' if n == 1 else 's'}"
    if hours < 1:
        n = round(hours * 60)
        return f"{n} minute{'' if n == 1 else 's'}"
    if hours < 48:
        return f"{hours:.1f} hours"
    return f"{hours / 24:.1f} days"
