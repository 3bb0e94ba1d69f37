"""The approved action for a letter or email (``correspondence``): route it and acknowledge it.

Approval means the letter goes straight to its topic's team queue, with no
triage by staff, and the sender gets an acknowledgement letter. Nothing in the
council's records changes; the routing is written to the audit log (action
``routed``, with the team), where each team's queue is read from.
"""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from formwork import audit, letters
from formwork.models import CouncilTaxAccount, Letter, Property, Submission
from formwork.settings import Settings

__all__ = ["TEAMS", "route_correspondence"]

#: The team whose queue each topic goes to, and how the acknowledgement names it.
TEAMS: dict[str, str] = {
    "missed_bin": "Waste and Recycling",
    "council_tax_query": "Council Tax",
    "complaint": "Complaints and Feedback",
    "foi_request": "Information Governance",
    "other": "Customer Services",
}

#: Working days each team aims to reply within (an FOI request has 20 by law).
REPLY_DAYS: dict[str, int] = {"missed_bin": 2, "council_tax_query": 10, "complaint": 10, "foi_request": 20,
                              "other": 10}


def _where_to_write(session: Session, values: dict[str, Any]) -> tuple[str, str]:
    """The sender's first address line and postcode: as written, else the quoted account's property."""
    address, postcode = values.get("address"), values.get("postcode")
    if address and postcode:
        return address, postcode
    ref = values.get("account_ref")
    account = session.get(CouncilTaxAccount, ref) if ref else None
    prop = session.get(Property, account.uprn) if account else None
    if prop is not None:
        return prop.address_line_1, prop.postcode
    return address or "", postcode or ""


def route_correspondence(session: Session, submission: Submission, values: dict[str, Any], settings: Settings,
                         actor: str) -> list[Letter]:
    """Put the letter in its topic's team queue and write the acknowledgement."""
    assert submission.id is not None
    topic = values["topic"]
    team = TEAMS.get(topic, TEAMS["other"])
    audit.record(session, actor, "routed", submission_id=submission.id,
                 after={"topic": topic, "team": team})
    address, postcode = _where_to_write(session, values)
    template = "letters/correspondence_acknowledgement.html"
    body = letters.render(template, council_name=settings.council_name, submission_id=submission.id,
                          letter_date=settings.today(), recipient_name=values.get("sender_name", ""),
                          address=address, postcode=postcode, team=team, topic=topic,
                          reply_days=REPLY_DAYS.get(topic, 10), account_ref=values.get("account_ref"))
    letter = Letter(submission_id=submission.id, kind="correspondence_acknowledgement", template=template,
                    body_html=body)
    session.add(letter)
    return [letter]
