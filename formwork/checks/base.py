"""What every check receives and returns."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from sqlmodel import Session, col, select

from formwork import models
from formwork import normalise as norm
from formwork.normalise import address_key, name_key
from formwork.settings import Policy


@dataclass(frozen=True)
class CheckOutcome:
    check: str
    reasons: list[str]
    evidence: dict[str, Any] = field(default_factory=dict)

    @property
    def passed(self) -> bool:
        return not self.reasons


class Records:
    """Read-only access to the council records the checks compare against."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def account(self, ref: str) -> models.CouncilTaxAccount | None:
        return self.session.get(models.CouncilTaxAccount, ref)

    def property(self, uprn: int) -> models.Property | None:
        return self.session.get(models.Property, uprn)

    def electors_at(self, uprn: int) -> list[models.Elector]:
        stmt = select(models.Elector).where(models.Elector.uprn == uprn).order_by(col(models.Elector.elector_number))
        return list(self.session.exec(stmt))

    def properties_at(self, postcode: str) -> list[models.Property]:
        stmt = select(models.Property).where(models.Property.postcode == postcode).order_by(col(models.Property.uprn))
        return list(self.session.exec(stmt))

    def find_property(self, address: str, postcode: str) -> models.Property | None:
        """The gazetteer property whose postcode is ``postcode`` and first line is ``address``."""
        for prop in self.properties_at(postcode):
            if address_matches(address, prop.address_line_1, prop.address_line_2):
                return prop
        return None

    def zone_as_recorded(self, zone: str) -> str | None:
        """The council's own spelling of a permit zone (its properties' ``parking_zone``) that is ``zone`` written
        another way ("5" for "Zone 5", "CPZ3" for "CPZ 3"), or None when the records know no such zone."""
        P = models.Property
        key = norm.zone_key(zone)
        for (recorded,) in self.session.execute(select(P.parking_zone).where(col(P.parking_zone).is_not(None))
                                                .distinct()):
            if recorded and recorded.strip() and norm.zone_key(recorded) == key:
                return str(recorded).strip()
        return None

    def accounts_for(self, uprn: int) -> list[models.CouncilTaxAccount]:
        A = models.CouncilTaxAccount
        return list(self.session.exec(select(A).where(A.uprn == uprn).order_by(col(A.account_ref))))

    def permits_for_vrm(self, vrm: str) -> list[models.ParkingPermit]:
        P = models.ParkingPermit
        return list(self.session.exec(select(P).where(P.vrm == vrm).order_by(col(P.permit_ref))))

    def permits_at(self, uprn: int) -> list[models.ParkingPermit]:
        P = models.ParkingPermit
        return list(self.session.exec(select(P).where(P.uprn == uprn).order_by(col(P.permit_ref))))

    def earlier_with_key(self, form_type: str, key: str, since: dt.datetime,
                         exclude_id: int) -> list[models.Submission]:
        """Decided submissions of a form type about the same thing (a SubmissionKey), received since ``since``."""
        S, K = models.Submission, models.SubmissionKey
        stmt = (
            select(S).join(K, col(K.submission_id) == col(S.id))
            .where(K.form_type == form_type, K.key == key, S.id != exclude_id,
                   S.stage == models.Stage.decided, col(K.received_at) >= since)
            .order_by(col(S.received_at), col(S.id))
        )
        return list(self.session.exec(stmt))

    def earlier_submissions(self, form_type: str, account_ref: str, since: dt.datetime,
                            exclude_id: int) -> list[models.Submission]:
        """Decided submissions of a form type about an account, received since ``since``."""
        S = models.Submission
        stmt = (
            select(S)
            .where(S.form_type == form_type, S.account_ref == account_ref, S.id != exclude_id,
                   S.stage == models.Stage.decided, col(S.received_at) >= since)
            .order_by(col(S.received_at), col(S.id))
        )
        return list(self.session.exec(stmt))


@dataclass
class CheckContext:
    form_type: str
    values: dict[str, Any]
    as_of: dt.date
    policy: Policy
    records: Records
    submission_id: int
    received_at: dt.datetime
    _properties: dict[tuple[str, str], models.Property | None] = field(default_factory=dict, repr=False)

    def value(self, name: str) -> Any:
        return self.values.get(name)

    def date(self, name: str) -> dt.date | None:
        v = self.values.get(name)
        return dt.date.fromisoformat(v) if isinstance(v, str) else None

    @cached_property
    def account(self) -> models.CouncilTaxAccount | None:
        ref = self.values.get("account_ref")
        return self.records.account(ref) if ref else None

    @cached_property
    def account_property(self) -> models.Property | None:
        acc = self.account
        return self.records.property(acc.uprn) if acc else None

    def property_at(self, address_field: str, postcode_field: str) -> models.Property | None:
        """The gazetteer property the form's address and postcode fields give (None when not found)."""
        address, postcode = self.values.get(address_field), self.values.get(postcode_field)
        if not address or not postcode:
            return None
        key = (address, postcode)
        if key not in self._properties:
            self._properties[key] = self.records.find_property(address, postcode)
        return self._properties[key]


Check = Callable[[CheckContext], CheckOutcome | None]


def same_person(a: str, b: str) -> bool:
    """Whether two written names are the same person: titles, case and punctuation
    ignored, the surname written first ("SMITH, Jane", "SMITH Jane") tolerated, and a
    middle name present on one side only tolerated."""
    ka, kb = name_key(a).split(), name_key(b).split()
    if not ka or not kb:
        return False
    if ka == kb or (len(ka) >= 2 and sorted(ka) == sorted(kb)):
        return True
    if len(ka) >= 2 and len(kb) >= 2 and ka[0] == kb[0] and ka[-1] == kb[-1]:
        return min(len(ka), len(kb)) == 2  # "Jane Smith" is "Jane Ann Smith"; "Jane A Smith" is not "Jane B Smith"
    return False


def address_matches(written: str, line_1: str, line_2: str | None) -> bool:
    """Whether a first address line as written is a gazetteer line 1 (with or without its line 2)."""
    key = address_key(written)
    options = {address_key(line_1)}
    if line_2:
        options |= {address_key(f"{line_2} {line_1}"), address_key(f"{line_1} {line_2}")}
    return key in options


def account_evidence(acc: models.CouncilTaxAccount) -> dict[str, Any]:
    return {
        "account_ref": acc.account_ref, "uprn": acc.uprn, "liable_parties": acc.liable_names(),
        "status": acc.status, "start_date": acc.start_date.isoformat() if acc.start_date else None,
        "end_date": acc.end_date.isoformat() if acc.end_date else None, "discounts": acc.discount_codes(),
    }


def property_evidence(prop: models.Property) -> dict[str, Any]:
    return {
        "uprn": prop.uprn, "address_line_1": prop.address_line_1, "address_line_2": prop.address_line_2,
        "town": prop.town, "postcode": prop.postcode, "parking_zone": prop.parking_zone,
    }
