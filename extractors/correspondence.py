"""A letter or email with no form (``correspondence``), read with spaCy.

The extractor reads the letter's shape from the page and its contents with
the spaCy pipelines of :mod:`extractors.nlp`:

- **where things are**: the salutation ("Dear ...") and the sign-off
  ("Yours sincerely", "Kind regards") bound the *body*; above the salutation
  are the address blocks, the date and a "Re:" line; below the sign-off, the
  sender's name and perhaps a signature block. An email printed to PDF has
  ``From:``/``Sent:``/``To:``/``Subject:`` headers instead of address blocks.
- **who sent it**: the address block that is not the council's (a block naming
  a council, a department or a team is the recipient, whatever side it is on)
  gives the name, first address line and postcode; the sign-off or the
  ``From:`` header gives the name too. The council's own address is never read
  as the sender's.
- **what it quotes**: the EntityRuler of :mod:`extractors.nlp.entities` finds
  council tax references, postcodes and dates; dates without a year take it
  from the letter's own date (:func:`extractors.text.infer_year`).
- **what it is about**: the text classifier of :mod:`extractors.nlp.topics`.
  The topic's confidence is the classifier's probability, lowered when the
  letter's sentences, judged one by one, point at different topics: a letter
  about two things belongs to staff, not to one team's queue.

It scores below any form extractor on its own form (a letter that names a
form's title is that form's to claim), and declines a document with no letter
shape at all, so agendas, invoices and blank pages stay ``UNKNOWN_FORM_TYPE``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from extractors.contract import Extraction, FieldValue
from extractors.document import Box, Document, PageContent
from extractors.nlp.entities import Entities, find_entities
from extractors.nlp.topics import topic_confidence
from extractors.spec import FieldSpec
from formwork import normalise as norm

__all__ = ["Correspondence", "extractor", "FIELDS", "LETTER_SCORE", "EMAIL_SCORE", "looks_like_name"]

FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("topic", "text", required=True,
              description="missed_bin, council_tax_query, complaint, foi_request or other"),
    FieldSpec("sender_name", "name"),
    FieldSpec("address", "text", description="first line of the sender's address"),
    FieldSpec("postcode", "postcode"),
    FieldSpec("account_ref", "account_ref"),
    FieldSpec("dates_mentioned", "date", description="a list of ISO dates"),
    FieldSpec("body", "text", required=True),
)

#: Scores: below the 0.75 a form extractor gives its own form on one identifying phrase.
LETTER_SCORE = 0.6
EMAIL_SCORE = 0.6
WEAK_SCORE = 0.55

#: Confidence of a field taken from a clear place (address block, sign-off, From header).
_PLACED = 0.95
#: Confidence when two places disagree (the sign-off and the address block name different people).
_CONFLICT = 0.4

_SALUTATION = re.compile(r"^(?:dear\b|to whom it may concern|hello\b|hi\b|good (?:morning|afternoon)\b)", re.I)
_SIGN_OFF = re.compile(
    r"^(?:yours\s+(?:sincerely|faithfully|truly|respectfully)|yours|(?:with\s+)?(?:kind|best|warm|many)?\s*regards"
    r"|best\s+wishes|many\s+thanks|thanks(?:\s+again)?|thank\s+you|with\s+thanks|sincerely|respectfully|cheers)"
    r"[\s,.!]*$", re.I)
_HEADER = re.compile(r"^(from|sent|date|to|cc|subject)\s*:\s*(.*)$", re.I)
_SUBJECT = re.compile(r"^(?:re|subject|ref|regarding)\s*:\s*(.+)$", re.I)
_EMAIL_IN_HEADER = re.compile(r"<?([\w.+-]+@[\w-]+(?:\.[\w-]+)+)>?")
_PAGE_MARK = re.compile(r"^(?:page\s+\d+(?:\s+of\s+\d+)?|\d+\s*/\s*\d+|-\s*\d+\s*-)$", re.I)
#: A block naming any of these is an organisation's address: the council (the recipient), never the sender.
_ORGANISATION = re.compile(
    r"\b(?:council|revenues?|benefits|department|dept|directorate|team|services?|town hall|civic|borough"
    r"|district|county|customer|officer|manager|director|freepost|po box|complaints|information governance"
    r"|foi|waste|ltd|limited|plc)\b", re.I)
_STREET_WORD = re.compile(
    r"\b(?:road|street|lane|avenue|close|drive|way|gardens|crescent|grove|place|terrace|court|walk|rise|mews"
    r"|rd|st|ln|ave|cl|dr|cres|gdns|pl|tce|ct|gr|square|hill|park|row|cottage|house|lodge|farm|flat|apartment)\b",
    re.I)
_CONTACT = re.compile(r"^(?:tel|telephone|phone|mobile|mob|email|e-mail|fax)\b", re.I)
_NAME_WORD = re.compile(r"^(?:[A-Z][a-zA-Z'’-]+|[A-Z]\.?|Mc[A-Z][a-z]+|O'[A-Z][a-z]+)$")


@dataclass
class _Line:
    text: str
    box: Box
    page: PageContent


@dataclass
class _Block:
    lines: list[_Line] = field(default_factory=list)

    @property
    def texts(self) -> list[str]:
        return [ln.text for ln in self.lines]


@dataclass
class _Sender:
    name: tuple[str, Box] | None = None
    address: tuple[str, Box] | None = None
    postcode: tuple[str, Box] | None = None


def _phrases(doc: Document) -> list[_Line]:
    """Every phrase on its own (a sender's block on the right and the council's on the left may share a row)."""
    out = []
    for page, line in doc.all_lines():
        for phrase in line.phrases:
            text = phrase.text.strip()
            if text:
                out.append(_Line(text, phrase.box, page))
    return out


def _rows(doc: Document) -> list[_Line]:
    """Whole lines (phrases joined), for reading prose."""
    out = []
    for page, line in doc.all_lines():
        text = " ".join(line.text.split())
        if text and not _PAGE_MARK.match(text):
            out.append(_Line(text, line.box, page))
    return out


def looks_like_name(text: str, strict: bool = True) -> bool:
    """A person's name as written: "Mrs Jane Smith", "J. Smith".

    ``strict`` also rules out street words, for a line that might be an
    address ("Mill Lane"); where a name is expected (under the sign-off, in a
    ``From:`` header) "Olivia Lane" is a name.
    """
    s = " ".join(text.split())
    if not s or any(ch.isdigit() for ch in s) or "@" in s or "," in s.rstrip(",") or len(s) > 60:
        return False
    parts = s.rstrip(",").split()
    if parts and parts[0].lower().rstrip(".") in norm.TITLES:
        parts = parts[1:]  # before the street words: "Dr" is also Drive
    rest = " ".join(parts)
    if _ORGANISATION.search(rest) or _SIGN_OFF.match(rest) or _SALUTATION.match(rest):
        return False
    if strict and _STREET_WORD.search(rest):
        return False
    return 1 <= len(parts) <= 4 and all(_NAME_WORD.match(p) for p in parts)


def _initials_agree(a: str, b: str) -> bool:
    """One name is a shorter way of writing the other: "Jane" or "J. Smith" for "Mrs Jane Smith"."""
    ka, kb = norm.name_key(a).split(), norm.name_key(b).split()
    if not ka or not kb:
        return False
    short, full = sorted((ka, kb), key=len)
    if len(short) == 1:
        return short[0] in full  # a first name or a surname alone
    return short[-1] == full[-1] and all(
        w == f or (len(w) == 1 and f.startswith(w)) for w, f in zip(short[:-1], full[:-1], strict=False))


def _is_address_line(text: str) -> bool:
    return bool(re.match(r"^\d", text.strip())) or (bool(_STREET_WORD.search(text)) and not looks_like_name(text))


@dataclass
class Correspondence:
    """Letters and emails: sender, quoted references and dates, body and topic."""

    name: str = "correspondence"
    version: str = "1.0"
    form_type: str = "correspondence"
    fields: Sequence[FieldSpec] = FIELDS

    # ------------------------------------------------------------------ classification

    def score(self, doc: Document) -> float | None:
        if any(w.value for w in doc.widgets):
            return None  # a filled-in form, whatever it says
        rows = _rows(doc)
        salutation = any(_SALUTATION.match(r.text) for r in rows)
        sign_off = any(_SIGN_OFF.match(r.text) for r in rows)
        headers = {m[1].lower() for r in rows[:15] if (m := _HEADER.match(r.text))}
        email = "from" in headers and len(headers) >= 2
        prose = sum(1 for r in rows if len(r.text.split()) >= 8)
        if prose < 1 or not (salutation or sign_off or email):
            return None
        if email:
            return EMAIL_SCORE
        return LETTER_SCORE if salutation and sign_off else WEAK_SCORE

    # ------------------------------------------------------------------ extraction

    def extract(self, doc: Document) -> Extraction:
        out = Extraction(self.form_type, self.name, self.version)
        rows = _rows(doc)
        if not rows:
            return out
        header_end, email_headers = self._email_headers(rows)
        start = next((i for i, r in enumerate(rows) if i >= header_end and _SALUTATION.match(r.text)), None)
        subject = email_headers.get("subject", ("", None))[0]
        if start is None and email_headers:
            start = header_end - 1  # an email with no greeting: the message starts under the headers
        if start is None:
            # No salutation: the body starts at the first line of prose.
            start = next((i - 1 for i, r in enumerate(rows) if i >= header_end and len(r.text.split()) >= 8),
                         header_end - 1)
        end = next((i for i in range(start + 1, len(rows)) if _SIGN_OFF.match(rows[i].text)), len(rows))
        body_rows = rows[start + 1:end]
        while end + 1 < len(rows) and _SIGN_OFF.match(rows[end + 1].text):
            end += 1  # "Thank you." then "Yours sincerely,": the name comes after the last
        if not email_headers:
            for r in rows[:start]:
                if m := _SUBJECT.match(r.text):
                    subject = m[1]
        body = " ".join(r.text for r in body_rows)
        letter_date = self._letter_date(rows[:max(start, 0)], email_headers)

        if body.strip():
            first = body_rows[0].box if body_rows else None
            out.fields["body"] = FieldValue("body", norm.text(body).value, 1.0, "text", raw=body[:200], box=first)
        self._topic(out, subject, body)

        after = rows[end + 1:] if end < len(rows) else []
        signed = self._signed_name(after)
        sender = self._sender_from_blocks(doc, rows[start] if 0 <= start < len(rows) else None, header_end)
        if email_headers.get("from"):
            from_text, from_box = email_headers["from"]
            from_name = _EMAIL_IN_HEADER.sub("", from_text).strip(' "\'<>,')
            if from_name and looks_like_name(from_name, strict=False) and sender.name is None and from_box is not None:
                sender.name = (from_name, from_box)
        if sender.postcode is None and after:
            self._sender_from_signature(after, sender)
        if any(_ORGANISATION.search(r.text) for r in after[:3]):
            # Signed for the council or a company ("Revenues Manager"): the address block on the page is
            # the person it was sent to, not who wrote it. Staff decide what it is.
            out.notes.append("the letter is signed on behalf of an organisation: " + after[0].text[:80])
            sender, signed = _Sender(), None
        self._sender_fields(out, sender, signed)

        ents = find_entities(body, letter_date)
        mentioned = ents.of("DATE")
        if mentioned:
            out.fields["dates_mentioned"] = FieldValue(
                "dates_mentioned", ents.values("DATE"), min(e.confidence for e in mentioned), "text",
                raw="; ".join(e.text for e in mentioned)[:200])
        if ents.yearless:
            out.notes.append("dates without a year were left out (the letter is not dated): "
                             + ", ".join(ents.yearless[:5]))
        self._account_ref(out, rows[:max(start, 0)], subject, body, after)
        return out

    # ------------------------------------------------------------------ parts

    @staticmethod
    def _email_headers(rows: list[_Line]) -> tuple[int, dict[str, tuple[str, Box | None]]]:
        """The email's headers by name and the index of the first row after them ({} for a letter)."""
        found: dict[str, tuple[str, Box | None]] = {}
        last = -1
        for i, r in enumerate(rows[:15]):
            if m := _HEADER.match(r.text):
                found.setdefault(m[1].lower(), (m[2].strip(), r.box))
                last = i
        if "from" not in found or len(found) < 2:
            return 0, {}
        return last + 1, found

    @staticmethod
    def _letter_date(header: list[_Line], headers: dict[str, tuple[str, Box | None]]) -> dt.date | None:
        for key in ("sent", "date"):
            if key in headers:
                found = find_entities(headers[key][0]).of("DATE")
                if found:
                    return dt.date.fromisoformat(found[0].value)
        for r in header:
            text = re.sub(r"^date[d]?\s*:?\s*", "", r.text, flags=re.I).strip(" .,")
            found = find_entities(text).of("DATE")
            if found and len(found[0].text) >= len(text) - 12:  # the line is a date (perhaps with a weekday)
                return dt.date.fromisoformat(found[0].value)
        return None

    def _topic(self, out: Extraction, subject: str, body: str) -> None:
        text = f"{subject}\n{body}".strip()
        if not body.strip():
            return
        guess, confidence = topic_confidence(text)
        if confidence < guess.confidence:
            out.notes.append(f"topic: the letter's sentences are about more than {guess.topic}")
        out.fields["topic"] = FieldValue("topic", guess.topic, round(confidence, 4), "text", label="topic classifier",
                                         raw=", ".join(f"{t} {p:.2f}" for t, p in guess.scores.items()))

    @staticmethod
    def _signed_name(after: list[_Line]) -> tuple[str, Box] | None:
        """The name under the sign-off: the line after it, if it looks like a name (not a town or a phone)."""
        if after and looks_like_name(after[0].text, strict=False):
            return after[0].text.strip(" ,."), after[0].box
        return None

    def _sender_from_blocks(self, doc: Document, salutation: _Line | None, header_end: int) -> _Sender:
        """Name, first line and postcode from the address block above the salutation that is not the council's."""
        sender = _Sender()
        if header_end > 0 or not doc.pages:
            return sender  # an email: no address blocks
        page = doc.pages[0]
        limit = salutation.box.top if salutation and salutation.box.page == 1 else page.height
        phrases = [ln for ln in _phrases(doc) if ln.box.page == 1 and ln.box.bottom <= limit]
        for block in self._blocks(phrases, page.width):
            texts = block.texts
            if any(_ORGANISATION.search(t) for t in texts):
                continue  # the recipient: the council's own address
            pc_at = next((i for i, t in enumerate(texts) if find_entities(t).of("POSTCODE")), None)
            if pc_at is None:
                continue
            pc = find_entities(texts[pc_at]).of("POSTCODE")[-1]
            sender.postcode = (pc.value, block.lines[pc_at].box)
            lines = [ln for ln in block.lines[: pc_at + 1] if not _CONTACT.match(ln.text)]
            if len(lines) >= 3 and looks_like_name(lines[0].text, strict=False) and _is_address_line(lines[1].text):
                sender.name = (lines[0].text.strip(" ,"), lines[0].box)
                lines = lines[1:]
            if lines:
                first = lines[0]
                raw = first.text
                if first is block.lines[pc_at]:
                    raw = raw[: raw.upper().rfind(pc.text.upper())] if pc.text.upper() in raw.upper() else raw
                address = self._first_line(raw)
                if address:
                    sender.address = (address, first.box)
            break
        else:
            # No address block: a name on its own at the top (over no address) still names the sender.
            for block in self._blocks(phrases, page.width):
                texts = block.texts
                if len(texts) <= 2 and not any(_ORGANISATION.search(t) for t in texts) \
                        and looks_like_name(texts[0], strict=False):
                    sender.name = (texts[0].strip(" ,"), block.lines[0].box)
                    break
        return sender

    @staticmethod
    def _first_line(raw: str) -> str:
        """The house and street from what may be a whole address on one line."""
        parts = [p.strip() for p in raw.split(",") if p.strip()]
        if not parts:
            return ""
        if len(parts) >= 2 and not any(ch.isdigit() for ch in parts[0]) and _STREET_WORD.search(parts[1]):
            return f"{parts[0]}, {parts[1]}"  # "Rose Cottage, Mill Lane"
        if len(parts) >= 2 and re.match(r"(?i)^(?:flat|apartment|apt|unit|room|maisonette)\b", parts[0]):
            return f"{parts[0]}, {parts[1]}"  # "Flat 2, 14 Brook Street"
        return parts[0]

    @staticmethod
    def _blocks(phrases: list[_Line], width: float) -> list[_Block]:
        """Phrases grouped into blocks: by column (left or right half), then by vertical gaps."""
        blocks: list[_Block] = []
        for side in (0, 1):
            column = sorted((p for p in phrases if (p.box.x0 > width * 0.4) == bool(side)), key=lambda p: p.box.top)
            current = _Block()
            for p in column:
                if current.lines:
                    prev = current.lines[-1].box
                    if p.box.top - prev.bottom > max(6.0, 0.9 * prev.height):
                        blocks.append(current)
                        current = _Block()
                current.lines.append(p)
            if current.lines:
                blocks.append(current)
        blocks.sort(key=lambda b: (b.lines[0].box.top, b.lines[0].box.x0))
        return blocks

    @staticmethod
    def _sender_from_signature(after: list[_Line], sender: _Sender) -> None:
        """An address typed under the name (emails, some letters): first line and postcode."""
        rows = after[:8]
        if any(_ORGANISATION.search(r.text) for r in rows):
            return
        at = next((i for i, r in enumerate(rows) if find_entities(r.text).of("POSTCODE")), None)
        if at is None:
            return
        pc = find_entities(rows[at].text).of("POSTCODE")[-1]
        sender.postcode = (pc.value, rows[at].box)
        lines = [r for r in rows[:at] if not _CONTACT.match(r.text) and not _SIGN_OFF.match(r.text)]
        if len(lines) >= 2 and looks_like_name(lines[0].text, strict=False) and _is_address_line(lines[1].text):
            lines = lines[1:]  # the name over the address ("James Hill", then "47 Weaver Avenue")
        lines = [r for r in lines if _is_address_line(r.text) or not looks_like_name(r.text)]
        if lines:
            first, raw = lines[0], lines[0].text
        else:
            first, raw = rows[at], rows[at].text[: rows[at].text.upper().rfind(pc.text.upper())]
        address = Correspondence._first_line(raw)
        if address:
            sender.address = (address, first.box)

    @staticmethod
    def _sender_fields(out: Extraction, sender: _Sender, signed: tuple[str, Box] | None) -> None:
        from formwork.checks.base import same_person

        block_name = sender.name
        name: tuple[str, Box] | None = None
        confidence = _PLACED
        if signed and block_name:
            if same_person(signed[0], block_name[0]) or _initials_agree(signed[0], block_name[0]):
                name = block_name if len(block_name[0].split()) >= len(signed[0].split()) else signed
            else:
                name, confidence = signed, _CONFLICT
                out.notes.append(f"sender_name: signed {signed[0]!r} but the address block says {block_name[0]!r}")
        else:
            name = signed or block_name
        if name:
            out.fields["sender_name"] = FieldValue("sender_name", norm.name(name[0]).value, confidence, "text",
                                                   raw=name[0], box=name[1])
        if sender.address:
            out.fields["address"] = FieldValue("address", norm.text(sender.address[0]).value, _PLACED, "text",
                                               raw=sender.address[0], box=sender.address[1])
        if sender.postcode:
            out.fields["postcode"] = FieldValue("postcode", sender.postcode[0], _PLACED, "text",
                                                raw=sender.postcode[0], box=sender.postcode[1])

    @staticmethod
    def _account_ref(out: Extraction, above: list[_Line], subject: str, body: str, after: list[_Line]) -> None:
        """Any council tax reference quoted anywhere but in the council's own address block."""
        header = [r.text for r in above if not _ORGANISATION.search(r.text) or _SUBJECT.match(r.text)]
        texts = [*header, subject, body, *(r.text for r in after)]
        ents: list[Entities] = [find_entities(t) for t in texts if t]
        refs = list(dict.fromkeys(e.value for es in ents for e in es.of("ACCOUNT_REF")))
        if not refs:
            return
        raw = next(e.text for es in ents for e in es.of("ACCOUNT_REF"))
        confidence = 1.0
        if len(refs) > 1:
            confidence = _CONFLICT
            out.notes.append(f"account_ref: the letter quotes {len(refs)} different references: {', '.join(refs)}")
        out.fields["account_ref"] = FieldValue("account_ref", refs[0], confidence, "text", raw=raw)


extractor = Correspondence()
