"""Council Tax Single Person Discount application (``council_tax_spd``)."""

from __future__ import annotations

import datetime as dt

from extractors.contract import Extraction, FieldValue
from extractors.document import Document
from extractors.spec import FieldSpec, FormSpec, SpecExtractor
from extractors.text import stated_move_out_dates

# Label ideas are regular expressions matched as whole words in the label's
# lower-case text with punctuation removed (see extractors/labels.py).
_DATE_WORDS = r"date|dated|when|since|from"

SPEC = FormSpec(
    form_type="council_tax_spd",
    name="council_tax_spd",
    version="1.0",
    title="Council Tax Single Person Discount application",
    identify=(
        r"single person(?:'s)? (?:discount|reduction)",
        r"single (?:occupancy|occupier|occupant|adult) (?:discount|reduction)",
        r"sole (?:occupancy|occupier|occupant|adult)",
        r"only adult",
        r"only person aged 18",
        r"(?:25|twenty[- ]five) ?(?:%|per ?cent) (?:discount|reduction)",
        r"live(?:s|d)? alone|living alone",
        r"\b(?:c ?tax|council tax) spd\b",  # a case system's "CASE TYPE : CTAX SPD APPLICATION"
    ),
    reject=(r"residents'? parking permit", r"tell us (?:you are|you're) moving"),
    fields=(
        FieldSpec(
            "account_ref", "account_ref", required=True,
            labels=(
                r"(?:bill|billing|liability|council tax payer|council taxpayer|taxpayer|payer) ref(?:erence)?",
                r"council tax (?:bill )?ref(?:erence)?", r"rhif cyfrif", r"cyfeirnod(?: y dreth gyngor)?",
                r"(?:council tax |c ?tax |ct )?(?:account|acct|acc|a c)(?: number| no| num| ref(?:erence)?)?",
                r"(?:council tax|c ?tax|ct) (?:reference|ref|number|no)(?: number| no)?",
                r"ct ?ref", r"reference number", r"your reference", r"account",
            ),
            exclude=(r"bank", r"sort code", r"submission", r"case", r"form reference", r"application reference",
                     r"transaction", r"payment", r"email", r"online", r"building society", r"direct debit",
                     r"property reference", r"uprn"),
            acroform=(r"ct ?ref", r"acc(?:t|ount)? ?(?:no|num|ref)", r"ct ?(?:no|num|account)", r"ctax"),
        ),
        FieldSpec(
            "applicant_name", "name", required=True,
            labels=(
                r"enwr ymgeisydd", r"enw llawn", r"enw",
                r"(?:your |applicant s? |applicants |full |claimant s? |customer )*(?:full )?name",
                r"name of (?:the )?(?:applicant|claimant|person applying|account holder|bill payer|liable person)",
                r"applicant", r"claimant", r"account holder", r"bill payer", r"(?:council )?tax ?payer",
                r"liable (?:person|party|to pay)", r"person (?:who is )?(?:liable|responsible)",
            ),
            exclude=(r"reference", r"ref\b", r"number", r"symudodd", r"newydd", r"other", r"previous", r"former",
                     r"partner", r"left", r"moved", r"leav", r"occupant",
                     r"their", r"person who", r"street", r"road", r"building", r"council(?! tax)", r"signature",
                     r"signed", r"company", r"landlord", r"agent", r"email", r"address", r"date", r"bank",
                     r"building society"),
            acroform=(r"app(?:licant)? ?name", r"full ?name", r"name"),
        ),
        FieldSpec(
            "address", "address", required=True,
            means="address", postcode_field="postcode",
            labels=(
                r"cyfeiriad(?: yr eiddo| llinell gyntaf)?",
                r"(?:property |home |your |current |billing |first line of (?:the |your )?|"
                r"address line 1|address of the property|address for which)?address(?: line 1| line one)?",
                r"(?:first line of|line 1 of) (?:the |your )?address",
                r"house (?:number|name)(?: (?:number|name))? and street",
                r"address of (?:the )?property", r"property(?: you are applying for)?", r"street address",
                r"premises",
            ),
            exclude=(r"newydd", r"e ?bost", r"e ?mail", r"forward", r"new", r"their", r"moved", r"other",
                     r"previous", r"web",
                     r"landlord", r"agent", r"number of", r"how many", r"reference", r"ex\b", r"resident",
                     r"pc\b", r"(?:address|addr|line|premises|property) ?(?:[2-9]|two|three|four)\b",
                     r"left", r"leav", r"post ?code", r"town", r"city", r"ip"),
            acroform=(r"addr(?:ess)?(?: ?(?:1|line ?1))?", r"street", r"premises", r"property"),
        ),
        FieldSpec(
            "postcode", "postcode", required=True,
            labels=(r"p ?code", r"cod post", r"post ?code", r"postal code", r"post code of (?:the )?property"),
            exclude=(r"forward", r"new", r"their", r"other", r"previous"),
            acroform=(r"post ?code", r"pcode", r"pc"),
        ),
        FieldSpec(
            "sole_adult_since", "date", required=True,
            role="sole",
            labels=(
                r"unig oedolyn", r"(?:byw )?ar eich pen eich hun",
                r"(?:only|sole|single|one) (?:adult|occupant|occupier|person|resident)",
                r"(?:live|lived|living) (?:on your own|alone|by yourself)",
                r"sole (?:occupancy|occupation)", r"single occupancy",
                r"(?:became|become|becoming) the (?:only|sole)",
                r"date (?:of change|the other (?:adult|person) (?:left|moved out)|they (?:left|moved out))",
                r"(?:date|since) (?:from )?which",
                r"(?:date|when) (?:did )?(?:the )?(?:other|previous|former) (?:adult|person|occupant|occupier|resident)"
                r"(?: \w+){0,2} (?:leave|left|move out|moved out|move away|moved away)",
                r"discount (?:to )?(?:start|from|begin)", r"start date of (?:the )?discount",
            ),
            exclude=(r"why", r"explain", r"reason", r"signed", r"signature", r"declaration", r"birth", r"today",
                     r"name", r"address", r"application for", r"person discount(?! (?:to )?(?:start|from|begin|date))"),
            acroform=(r"sole ?adult", r"only ?adult", r"sole ?(?:from|since|date|start)",
                      r"(?:date|dt) ?(?:alone|sole|only)", r"spd ?(?:date|from)", r"alone ?(?:since|from|date)"),
        ),
        FieldSpec(
            "other_adult_name", "name",
            role="other",
            labels=(
                r"enwr person a symudodd", r"(?:person|adult) who (?:has )?left",
                r"(?:name of (?:the )?)?(?:other|previous|former) (?:adult|occupant|occupier|resident|person)",
                r"name of (?:the )?(?:person|adult|occupant|resident) (?:who|that) (?:has )?(?:left|moved)",
                r"(?:who|person) (?:has )?(?:left|moved out)", r"(?:partner|spouse)s? (?:full )?name",
                r"(?:previous|former) (?:occupant|occupier)s? (?:full )?name",
                r"(?:adult|person|occupant|resident) no longer (?:resident|living (?:here|there|at the property))",
            ),
            exclude=(r"address", r"date", r"when", r"forward"),
            acroform=(r"other ?adult(?: ?name)?", r"prev(?:ious)? ?occupant", r"leaver ?name", r"partner"),
        ),
        FieldSpec(
            "other_adult_forwarding_address", "text",
            means="address", role="forwarding",
            labels=(
                r"moved to", r"where (?:they|he|she) (?:now )?(?:live|lives|living|moved|went)",
                r"new address of (?:the |that )?(?:former|previous|other) \w+",
                r"(?:former|previous) \w+ s? new address",
                r"cyfeiriad newydd",
                r"forwarding address", r"(?:their|his|her) (?:new |current )?address",
                r"new address (?:of|for) (?:the )?(?:person|adult|other|occupant)",
                r"address (?:they|the other (?:adult|person)) (?:have |has )?moved to",
                r"where (?:have|has|did) (?:they|the other (?:adult|person)) (?:moved?|gone|go)",
                r"(?:other|previous|former) (?:adult|occupant|person)s? (?:new )?address",
            ),
            exclude=(r"e ?mail",),
            acroform=(r"forward(?:ing)?(?: ?addr(?:ess)?)?", r"other ?adult ?addr(?:ess)?", r"new ?addr(?:ess)?",
                      r"(?:ex|former|previous|other|leaver) (?:\w+ )?address",
                      r"leaver ?addr(?:ess)?"),
            multiline=True,
        ),
        FieldSpec(
            "change_description", "text",
            means="text",
            labels=(
                r"(?:please )?give (?:us )?(?:details|more information)", r"reason (?:you|why|for)",
                r"beth sydd wedi newid",
                r"(?:tell us |describe |details of |please describe )?what (?:has )?changed",
                r"(?:details of|describe) (?:the |your )?(?:change|circumstances)",
                r"change (?:of|in) circumstances",
                r"reason for (?:the |this |your )?(?:change|application|claim|applying)", r"explain", r"why",
                r"why (?:are you|you are) (?:applying|claiming)", r"(?:tell us )?what happened",
                r"further (?:information|details)", r"additional (?:information|details)",
                r"(?:tell us )?about (?:the |your )?change", r"(?:what|the) change", r"circumstances",
                r"(?:customer s?|applicant s?|your|personal) statement",
            ),
            acroform=(r"change(?: ?desc(?:ription)?)?", r"what ?changed", r"details", r"reason", r"comments?"),
            multiline=True,
        ),
        FieldSpec(
            "phone", "phone",
            labels=(r"rhif ffon", r"ffon", r"(?:tele)?phone(?: number| no)?", r"tel(?: no)?", r"mobile(?: number)?",
                    r"contact (?:number|telephone)",
                    r"daytime (?:phone|telephone|number)",
                    r"number (?:can|should|may|could|do) we (?:call|ring|phone|contact|reach)", r"call you"),
            acroform=(r"tel", r"phone", r"mobile"),
        ),
        FieldSpec(
            "email", "email",
            labels=(r"e ?bost", r"e ?mail(?: address)?",),
            acroform=(r"e ?mail",),
        ),
        FieldSpec(
            "declaration_date", "date", required=True,
            role="declaration",
            labels=(
                r"dyddiad(?: llofnodi)?",
                r"date", r"dated", r"today s date", r"date (?:of )?(?:signed|signature|declaration)",
                r"(?:signed|signature|declaration) (?:date|on)", r"date signed", r"signed on",
                r"date of (?:application|this application)",
            ),
            exclude=(r"dechrau", r"pen eich hun", r"ers\b", r"only", r"sole", r"alone", r"left", r"moved", r"birth",
                     r"since", r"change", r"start",
                     r"discount", r"from", r"became", r"occup", r"leav", r"move"),
            acroform=(r"(?:decl(?:aration)?|sig(?:ned|nature)?) ?(?:date|dt)", r"date ?signed", r"today"),
        ),
    ),
)


#: Confidence of a change description found only in the form's words, unlabelled: below any threshold, so that
#: staff look at it.
UNPLACED_CONFIDENCE = 0.5


class CouncilTaxSPD(SpecExtractor):
    """The SPD form: everything the spec reads (checks read the free text), and one safeguard."""

    def refine(self, doc: Document, extraction: Extraction) -> None:
        """A move-out date written on the form in words the reader could not place ("CUSTOMER STATEMENT ....:
        Sophia Lisle and I have separated and she / moved out on 2nd October 2026."), other than the date the
        discount is claimed from: that sentence is the change description, doubted, so that the dates are
        checked against each other and staff see it. Never an approval on a date the reader passed over."""
        said = extraction.fields.get("change_description")
        since = extraction.fields.get("sole_adult_since")
        if (said is not None and said.valid) or since is None or not since.valid or not isinstance(since.value, str):
            return
        claimed = dt.date.fromisoformat(since.value)
        lines = [line for page in doc.pages for line in page.lines]
        for k, line in enumerate(lines):
            # (a sentence wrapped onto this line from the one before: read the two together)
            text = f"{lines[k - 1].text} {line.text}" if k and line.text[:1].islower() else line.text
            stated = stated_move_out_dates(text)
            if stated and claimed not in stated:
                sentence = text.split(":", 1)[-1].strip(" .") + "."
                extraction.fields["change_description"] = FieldValue(
                    name="change_description", value=sentence, confidence=UNPLACED_CONFIDENCE, method="text",
                    raw=text, box=line.box, label=None)
                extraction.notes.append("a move-out date written on the form, not the one claimed from, was "
                                        "found outside any answer the reader placed")
                return


extractor = CouncilTaxSPD(SPEC)
