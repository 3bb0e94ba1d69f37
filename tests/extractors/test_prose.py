"""extractors/prose.py: applications written as letters and emails, drawn as PDFs and read back.

Every letter here is invented for the test. Each case says the form type it applies for (None: general
correspondence), the fields it must give (each at confidence 0.8 or more, unless listed as ``low``), the
fields it must not give, and the fields whose confidence must fall below 0.8 (two readings that disagree).
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from extractors.document import open_document
from extractors.prose import FIELDS_BY_FORM, MIN_SCORE, ProseReading, is_prose, read_prose
from extractors.registry import default_registry

W, H = A4
COUNCIL = ["Revenues and Benefits", "Formwick District Council", "Town Hall", "Market Street", "Formwick",
           "FW1 1AA"]
COUNCIL_PO_BOX = ["Council Tax Office", "Formwick Borough Council", "PO Box 12", "Formwick", "FW1 9ZZ",
                  "Tel: 01632 960000"]
GOLDEN = Path(__file__).parent / "golden"


def draw(path: Path, right: list[str], left: list[str], lines: list[str]) -> Path:
    """A letter: ``right`` block top right, ``left`` block under it on the left, then ``lines`` (wrapped)."""
    c = Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Helvetica", 11)
    y = H - 60
    for t in right:
        c.drawRightString(W - 60, y, t)
        y -= 15
    y -= 15
    for t in left:
        c.drawString(60, y, t)
        y -= 15
    y -= 15
    for t in lines:
        for part in (simpleSplit(t, "Helvetica", 11, W - 120) if t else [""]):
            if part:
                c.drawString(60, y, part)
            y -= 15
            if y < 60:
                c.showPage()
                c.setFont("Helvetica", 11)
                y = H - 60
    c.showPage()
    c.save()
    return path


def two_pages(path: Path) -> Path:
    """A letter in Times over two pages: the sender's block, three paragraphs, the sign-off on page 2."""
    c = Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Times-Roman", 12)
    y = H - 70
    for t in ["Mr Ahmed Hassan", "Flat 4, 77 Victoria Road", "Formwick", "FW2 6NB", "", "3rd April 2026"]:
        c.drawRightString(W - 70, y, t)
        y -= 16
    y -= 10
    for t in ["Council Tax Section", "Formwick District Council", "Town Hall", "Formwick", "FW1 1AA", "",
              "Dear Sir/Madam,", ""]:
        c.drawString(70, y, t)
        y -= 16
    paragraphs = [
        "I am writing about my council tax. " * 6,
        "My brother Yusuf Hassan, who shared the flat with me, moved out on the 21st of March to take up a job in "
        "Glasgow. I am now the only adult living here and I would therefore like to apply for the single person "
        "discount.",
        "My council tax account number is 4455 6677. " + "I have always paid on time. " * 8]
    for paragraph in paragraphs:
        for line in simpleSplit(paragraph, "Times-Roman", 12, W - 140):
            if y < 80:
                c.showPage()
                c.setFont("Times-Roman", 12)
                y = H - 70
            c.drawString(70, y, line)
            y -= 16
        y -= 10
    c.showPage()
    c.setFont("Times-Roman", 12)
    y = H - 70
    for t in ["I look forward to hearing from you.", "", "Yours faithfully,", "", "Ahmed Hassan"]:
        c.drawString(70, y, t)
        y -= 16
    c.showPage()
    c.save()
    return path


def email(path: Path, sender: str, sent: str, subject: str, lines: list[str],
          to: str = "counciltax@formwick.gov.example") -> Path:
    """An email printed to PDF: headers, then the message."""
    return draw(path, [], [], [f"From: {sender}", f"Sent: {sent}", f"To: {to}", f"Subject: {subject}", "", *lines])


def read(path: Path, form_type: str | None = None) -> ProseReading | None:
    with open_document(path) as doc:
        return read_prose(doc, form_type)


@dataclass
class Case:
    make: Callable[[Path], Path]
    form_type: str | None
    fields: dict[str, str] = field(default_factory=dict)
    absent: tuple[str, ...] = ()
    low: tuple[str, ...] = ()


def _letter(right: list[str], left: list[str], lines: list[str]) -> Callable[[Path], Path]:
    return lambda p: draw(p, right, left, lines)


def _email(sender: str, sent: str, subject: str, lines: list[str]) -> Callable[[Path], Path]:
    return lambda p: email(p, sender, sent, subject, lines)


MILL_LANE = ["12 Mill Lane", "Formwick", "FW3 2AB"]

APPLICATIONS: dict[str, Case] = {
    # ---------------------------------------------------------------- single person discount
    "spd_email_where_they_will_be_living": Case(_email(
        "Imran Mahmood <imranmahmood29@example.co.uk>", "Thursday, 3 December 2026 12:07", "Single person discount",
        ["Dear Sir or Madam,", "My partner Jane Mahmood is moving out of our home on 19 December 2026. After that I "
         "will be the only adult living here.", "From then they will be living at 14 Otley Road, Leeds LS6 3PX.",
         "Please can I have the single person discount on Council Tax account 6288-6812 from 19 December 2026?",
         "The address is 59 Chapel Fold, FW5 9BN.", "", "Kind regards,", "Mr Imran Mahmood", "59 Chapel Fold",
         "Formwick FW5 9BN"]), "council_tax_spd",
        {"address": "59 Chapel Fold", "postcode": "FW5 9BN", "other_adult_name": "Jane Mahmood",
         "other_adult_forwarding_address": "14 Otley Road, Leeds LS6 3PX", "sole_adult_since": "2026-12-19"}),
    "spd_formal_letter": Case(_letter(
        ["Mrs Jane Smith", "4 Sycamore Way", "Formwick", "FW3 2AB", "", "20 March 2026"], COUNCIL,
        ["Re: Single person discount", "", "Dear Sir or Madam,", "",
         "I'd like the single person discount. My account number is CT 6200 1234 and my husband John Smith moved "
         "out on 3rd March 2026.", "", "Yours faithfully,", "", "Jane Smith", "Tel: 07700 900123"]),
        "council_tax_spd",
        {"account_ref": "62001234", "applicant_name": "Mrs Jane Smith", "address": "4 Sycamore Way",
         "postcode": "FW3 2AB", "sole_adult_since": "2026-03-03", "other_adult_name": "John Smith",
         "declaration_date": "2026-03-20", "phone": "07700 900123"}),
    "spd_letter_from_a_house_named_the_and_giving_the_leavers_new_address": Case(_letter(
        ["The Old School House, Mill Lane", "Upper Wyle", "Formwick", "FW7 9XF", "", "3 December 2026"], COUNCIL,
        ["Dear Sir or Madam,", "", "I am writing to apply for the single person discount. I have been the only adult "
         "living at The Old School House, Mill Lane since 27 August 2026, when Maya Okafor moved out.",
         "Maya's new address is 30 Abbots Walk, Reading RG1 5UF.", "", "Yours faithfully,", "Joseph Okafor"]),
        "council_tax_spd",  # "The" names the house as much as "Old School House" does; "Maya's" is someone else's
        {"address": "The Old School House, Mill Lane", "postcode": "FW7 9XF", "other_adult_name": "Maya Okafor",
         "other_adult_forwarding_address": "30 Abbots Walk, Reading RG1 5UF", "sole_adult_since": "2026-08-27"}),
    "permit_email_for_a_zone_the_council_names": Case(_email(
        "Hamid Szabo <hszabo@example.co.uk>", "Wednesday, 25 November 2026 07:53", "Residents parking permit",
        ["Dear Sir/Madam,", "Please could I apply for a residents' parking permit for the Hospital zone. I live at "
         "3 Hospital Road, Formwick FW3 4AL.", "My car is a green Ford Fiesta, registration CE21 NCS. I would like "
         "the permit to start on 24th December 2026.", "Many thanks,", "Hamid Szabo"]),
        "parking_permit",  # a zone named before the word, not a code after it ("zone B")
        {"zone": "Hospital", "vrm": "CE21NCS", "start_date": "2026-12-24", "address": "3 Hospital Road"}),
    "spd_email_signed_with_a_date_over_the_address": Case(_email(
        "Neil Wren <neilw@example.org>", "Monday, 30 November 2026 21:17", "Single person discount",
        ["Hi,", "My lodger moved out on 14/09/2026 and I now live on my own, so please could you give me the "
         "single person discount from then.", "I confirm that the information I have given is correct.",
         "Neil Wren", "30/11/2026", "20 Beck Side", "Nether Thornbury", "FW2 3AX"]),
        "council_tax_spd",  # the date under the name begins with a number, as a house does: no address
        {"applicant_name": "Neil Wren", "address": "20 Beck Side", "postcode": "FW2 3AX",
         "sole_adult_since": "2026-09-14"}),
    "spd_email_printed_from_the_councils_mailbox": Case(_email(
        "Helen Mahmood <helen.mahmood@example.org>", "Thursday, 3 December 2026 11:20", "Single person discount",
        ["Dear Council Tax team,", "My husband passed away on 8 March 2025 and since then I have lived on my own "
         "at 29 Kestrel Drive, Formwick FW3 9YG. My account number is 61233264.",
         "Please could you apply the discount and backdate it to 8 March 2025?", "Kind regards,", "Helen Mahmood",
         "helen.mahmood@example.org", "Printed from Formwick District Council customer contact mailbox"]),
        "council_tax_spd",  # the mailbox's own line under the signature names the council: no one signed for it
        {"account_ref": "61233264", "applicant_name": "Helen Mahmood", "address": "29 Kestrel Drive",
         "postcode": "FW3 9YG", "sole_adult_since": "2025-03-08"}),
    "spd_letter_naming_a_double_barrelled_husband": Case(_letter(
        [*MILL_LANE, "", "27 November 2026"], COUNCIL,
        ["Dear Sir or Madam", "", "I am writing to apply for a single person discount on my Council Tax. My husband, "
         "Ian Haughan-Parkin, moved out on 3rd October 2026 and since then I have been the only adult living at the "
         "address above.", "", "Yours faithfully", "Mrs Niamh Haughan-Parkin"]),
        "council_tax_spd",  # the tokenizer splits "Haughan-Parkin" at its hyphen: one name still
        {"other_adult_name": "Ian Haughan-Parkin", "applicant_name": "Mrs Niamh Haughan-Parkin",
         "sole_adult_since": "2026-10-03"}),
    "move_out_email_to_a_house_with_a_name": Case(_email(
        "Callum King <callum.king@example.co.uk>", "Sunday, 29 November 2026 10:02", "Moving out - final bill please",
        ["Hello,", "I am writing to let you know that I am moving out of 15 Orchard Way, Formwick FW4 8DY. I handed "
         "the keys back to my landlord on 28/11/2026.", "My council tax account number is 4071-5880. Please send "
         "the final bill to my new address: The Old Forge, Victoria Road, Reading RG1 3YP.", "Regards,",
         "Callum King"]),
        "council_tax_move",  # a house named "The Old Forge", on a named street
        {"move_type": "out", "previous_address": "15 Orchard Way", "new_address": "The Old Forge, Victoria Road",
         "new_postcode": "RG1 3YP", "move_date": "2026-11-28", "account_ref": "40715880"}),
    "spd_short_email_yearless_date": Case(_email(
        "Jane Doe <jane.doe@example.com>", "Monday, 20 April 2026 09:12", "Living alone now",
        ["Hi,", "My partner left on 1 April and I now live alone. Please can I have the 25% discount? "
         "My ref is 62001234.", "", "Thanks,", "Jane"]),
        "council_tax_spd",
        {"account_ref": "62001234", "applicant_name": "Jane Doe", "email": "jane.doe@example.com",
         "sole_adult_since": "2026-04-01", "declaration_date": "2026-04-20"}, absent=("other_adult_name",)),
    "spd_lived_on_my_own_since": Case(_letter(
        [*MILL_LANE, "", "10 June 2026"], COUNCIL,
        ["Dear Council Tax Team,", "", "I've lived on my own since 1 May, when my lodger moved out, so I am writing "
         "to claim the single person discount on account 4001 2345.", "", "Yours sincerely,", "Peter Brown"]),
        "council_tax_spd",
        {"sole_adult_since": "2026-05-01", "address": "12 Mill Lane", "postcode": "FW3 2AB",
         "applicant_name": "Peter Brown", "account_ref": "40012345"}),
    "spd_on_behalf_of_mother": Case(_letter(
        ["Peter Smith", "22 Oak Road", "Kelbridge", "FW9 4XY", "", "2 March 2026"], COUNCIL,
        ["Dear Sir or Madam,", "", "I am writing on behalf of my mother, Mrs Joan Smith, who lives at 12 Mill Lane, "
         "Formwick FW3 2AB. My father passed away on 14 February 2026 and she now lives alone.",
         "Please could she have the single person discount on her account 4001 2345.", "", "Yours faithfully,", "",
         "Peter Smith"]),
        "council_tax_spd",
        {"applicant_name": "Mrs Joan Smith", "address": "12 Mill Lane", "postcode": "FW3 2AB",
         "sole_adult_since": "2026-02-14", "account_ref": "40012345"},
        absent=("other_adult_name",), low=("applicant_name",)),
    "spd_email_quoting_the_councils_reply": Case(_email(
        "Aisha Khan <aisha.khan@example.org>", "Tuesday, 3 February 2026 14:02", "RE: Your enquiry",
        ["Hello,", "Further to your reply below, I'd like to apply for the single person discount. My son moved out "
         "on 12/01/2026 and I am the only adult here now.", "", "Regards,", "Aisha Khan", "31 Beech Road",
         "Formwick", "FW2 7CD", "07700 900456", "",
         "> From: Formwick District Council <noreply@formwick.gov.example>", "> Sent: 1 February 2026",
         "> Your reference: 40099999", "> Thank you for contacting us. Call us on 01632 960000."]),
        "council_tax_spd",
        {"applicant_name": "Aisha Khan", "address": "31 Beech Road", "postcode": "FW2 7CD",
         "phone": "07700 900456", "email": "aisha.khan@example.org", "sole_adult_since": "2026-01-12"},
        absent=("account_ref",)),
    "move_in_to_the_above_address_from_a_flat_numbered_52a": Case(_letter(
        ["8 Brook Street", "Formwick", "FW1 5NS", "", "16 November 2026"], COUNCIL,
        ["Dear Council Tax Office,", "", "Please note that I moved into the above address on November 7, 2026. "
         "I was previously living at 52A Paragon Row, Bath BA1 5LS. I am the only occupant.", "",
         "Yours faithfully,", "Mr Ethan Ahmed"]),
        "council_tax_move",
        {"move_type": "in", "new_address": "8 Brook Street", "new_postcode": "FW1 5NS",
         "previous_address": "52A Paragon Row", "previous_postcode": "BA1 5LS", "move_date": "2026-11-07"}),
    "move_out_with_the_address_it_will_be": Case(_email(
        "Olivia Brennan <olivia.brennan@example.net>", "Wednesday, 2 December 2026 13:41", "Moving out",
        ["Dear Sir or Madam,", "I am writing to let you know that I am moving out of 20 Fairfield Avenue, "
         "Thornleigh, Formwick FW4 6SH on 12 December 2026. My council tax account number is 6194-2919.",
         "From that date my address will be 63 Cowley Road, Oxford OX4 1HR. Please send my final bill there.",
         "Kind regards,", "Olivia Brennan"]),
        "council_tax_move",
        {"move_type": "out", "previous_address": "20 Fairfield Avenue", "previous_postcode": "FW4 6SH",
         "new_address": "63 Cowley Road", "new_postcode": "OX4 1HR", "account_ref": "61942919"}),
    "permit_email_with_a_street_of_no_street_word_and_no_town": Case(_email(
        "Siobhan Kowalski <siobhan.kowalski@example.com>", "Saturday, 28 November 2026 17:50", "Permit application",
        ["Hello Parking Services,", "I would like to apply for a residents' parking permit for zone B. I live at "
         "22 Kingsway, FW2 1DU. My car is a Skoda Octavia, registration SU68 SPN, and I would like the permit "
         "to start on 07/12/2026.", "Regards,", "Siobhan Kowalski"]),
        "parking_permit",
        {"address": "22 Kingsway", "postcode": "FW2 1DU", "vrm": "SU68SPN", "zone": "B",
         "start_date": "2026-12-07"}),
    "spd_two_different_dates": Case(_letter(
        [*MILL_LANE, "", "20 March 2026"], COUNCIL,
        ["Dear Sir or Madam,", "", "Please apply the single person discount to my account 40012345.",
         "My wife moved out on 3 March 2026. I have lived alone since 10 March 2026.", "", "Yours faithfully,",
         "Ann Lee"]),
        "council_tax_spd", {"account_ref": "40012345"}, low=("sole_adult_since",)),
    "spd_two_account_numbers": Case(_letter(
        [*MILL_LANE, "", "20 March 2026"], COUNCIL,
        ["Dear Sir or Madam,", "", "I would like to apply for the single person discount. My account number is "
         "40012345.", "My husband moved out on 1 March 2026. (Your letter quoted reference 40012399.)", "",
         "Yours faithfully,", "Ann Lee"]),
        "council_tax_spd", {"sole_adult_since": "2026-03-01"}, low=("account_ref",)),
    "spd_council_top_right_sender_on_the_left": Case(_letter(
        COUNCIL, ["Mr Tom Hughes", "7 Beech Road", "Kelbridge", "FW9 4XY", "", "5 September 2026"],
        ["Dear Sir/Madam,", "", "Since my girlfriend moved out on the 31st of August I am the only person living at "
         "the property.", "I would be grateful if you could give me the single person discount.", "",
         "Kind regards,", "", "Tom Hughes"]),
        "council_tax_spd",
        {"address": "7 Beech Road", "postcode": "FW9 4XY", "applicant_name": "Mr Tom Hughes",
         "sole_adult_since": "2026-08-31", "declaration_date": "2026-09-05"}),
    "spd_separated_from_a_named_husband_signed_with_an_initial": Case(_letter(
        ["Bethan Price", "3 Ridgeway Gardens", "Formwick", "FW3 4AZ", "", "20 November 2026"], COUNCIL,
        ["Dear Sir or Madam,", "", "My husband Ian Price and I have separated and I have lived on my own at "
         "3 Ridgeway Gardens since 14th July 2026. Can I get the 25% discount please?", "",
         "Yours faithfully,", "B. Price", "Bethan Price"]),
        "council_tax_spd",
        {"applicant_name": "Bethan Price", "other_adult_name": "Ian Price", "sole_adult_since": "2026-07-14"}),
    "spd_named_flatmate": Case(_letter(
        ["Flat 3, 19 Quay Street", "Formwick", "FW1 4RT", "", "14/07/2026"], COUNCIL,
        ["Dear Sir or Madam,", "", "My flatmate, Sam Patel, left on 30 June 2026 and nobody else lives here now.",
         "I wish to claim the single person discount from that date.", "", "Yours sincerely,", "Olu Adeyemi"]),
        "council_tax_spd",
        {"sole_adult_since": "2026-06-30", "other_adult_name": "Sam Patel", "address": "Flat 3, 19 Quay Street",
         "applicant_name": "Olu Adeyemi"}),
    "spd_separated_email_without_greeting": Case(_email(
        "Kate Moss <katem@example.co.uk>", "Sunday, 10 May 2026 21:40", "single person discount",
        ["Just to let you know my wife and I have separated and she moved out on the 2nd of May.",
         "I'm the only adult living here now so can I get the single person discount please? Account 4001-2345.",
         "", "Thanks", "Kate Moss"]),
        "council_tax_spd",
        {"sole_adult_since": "2026-05-02", "account_ref": "40012345", "applicant_name": "Kate Moss",
         "email": "katem@example.co.uk"}),
    "spd_heading_in_capitals": Case(_letter(
        ["Mr A Shah", "16 Church Street", "Formwick", "FW1 2CD", "", "Date: 03/02/2026"], COUNCIL,
        ["Dear Sirs,", "SINGLE PERSON DISCOUNT - 40012345", "",
         "My daughter has left home to live with her partner. She moved out on 31/01/2026 and I now live on my own.",
         "Please backdate the discount to that date.", "", "Yours faithfully,", "", "A. Shah"]),
        "council_tax_spd",
        {"account_ref": "40012345", "sole_adult_since": "2026-01-31", "applicant_name": "Mr A Shah",
         "declaration_date": "2026-02-03"}),
    "spd_with_forwarding_address": Case(_letter(
        ["4 Sycamore Way", "Formwick", "FW3 2AB", "", "9 March 2026"], COUNCIL,
        ["Dear Sir or Madam,", "", "My husband has moved out to 10 Park Lane, Leeds LS2 3CD on 1 March 2026. I am "
         "now the sole occupier of 4 Sycamore Way and would like the single person discount.", "",
         "Yours faithfully,", "Mary Cole"]),
        "council_tax_spd",
        {"address": "4 Sycamore Way", "postcode": "FW3 2AB", "sole_adult_since": "2026-03-01",
         "other_adult_forwarding_address": "10 Park Lane, Leeds LS2 3CD"}),
    "spd_forwarding_address_with_a_town_and_no_postcode": Case(_letter(
        ["4 Sycamore Way", "Formwick", "FW3 2AB", "", "9 March 2026"], COUNCIL,
        ["Dear Sir or Madam,", "", "I am writing to apply for the single person discount. My husband Adam Cole "
         "moved out on 1 March 2026 and since then I have been the only adult living here. He is now living at "
         "27 Clarendon Road, Leeds.", "", "Yours faithfully,", "Mary Cole"]),
        "council_tax_spd",
        {"sole_adult_since": "2026-03-01", "other_adult_forwarding_address": "27 Clarendon Road, Leeds"}),
    "spd_reply_above_an_original_message": Case(_email(
        "Mary Cole <mary.cole@example.com>", "12 May 2026", "RE: Single person discount",
        ["Hello,", "Yes please, I would like to go ahead. My husband moved out on 5 May 2026.", "", "Thanks,",
         "Mary Cole", "", "-----Original Message-----", "From: Council Tax <counciltax@formwick.gov.example>",
         "You asked about the single person discount. Your reference 40099999. Call 01632 960000."]),
        "council_tax_spd", {"sole_adult_since": "2026-05-05", "applicant_name": "Mary Cole"},
        absent=("account_ref", "phone")),
    "spd_widow_quarter_off": Case(_letter(
        ["Mrs Elsie Turner", "27 Willow Crescent", "Formwick", "FW8 3LP", "", "2nd October 2026"], COUNCIL_PO_BOX,
        ["Dear Sir or Madam,", "", "Council tax reference 4321 8765", "",
         "Sadly my husband Arthur died on 18 September 2026. As I am now the only one living in the house, I "
         "understand I can get a reduction of 25 per cent and I would like this to be applied please.", "",
         "Yours sincerely,", "", "Elsie Turner"]),
        "council_tax_spd",
        {"applicant_name": "Mrs Elsie Turner", "sole_adult_since": "2026-09-18", "account_ref": "43218765",
         "address": "27 Willow Crescent", "postcode": "FW8 3LP"}),
    "spd_casual_email": Case(_email(
        "Liam O'Brien <liamob@example.net>", "Thu 8 Oct 2026 19:22", "council tax",
        ["hiya", "my housemate moved out at the start of the month (1st October) so its just me here now. can i "
         "claim the single occupancy discount? acc no 41122334", "", "cheers", "Liam"]),
        "council_tax_spd",
        {"applicant_name": "Liam O'Brien", "email": "liamob@example.net", "sole_adult_since": "2026-10-01",
         "account_ref": "41122334"}),
    "spd_discount_from_a_date": Case(_letter(
        ["5 Honeysuckle Lane", "Kelbridge", "FW4 2RS", "", "1 October 2026"], COUNCIL,
        ["To whom it may concern,", "", "I am writing to request a single person discount from 20 September 2026. My "
         "son, who was the other adult living with me, has moved out permanently to live with his father.",
         "My account number is 47765432.", "", "Yours faithfully,", "D. Okafor"]),
        "council_tax_spd",
        {"sole_adult_since": "2026-09-20", "address": "5 Honeysuckle Lane", "postcode": "FW4 2RS",
         "account_ref": "47765432"}),
    "spd_name_and_address_on_one_line": Case(_letter(
        ["Ruth Beck, 14 Foxglove Mews, Formwick, FW5 1DD", "", "3 November 2026"], COUNCIL,
        ["Dear Council,", "", "Please register me for the single person discount. My partner left on 10 October 2026 "
         "and I have been living alone ever since.", "", "Kind regards,", "Ruth Beck"]),
        "council_tax_spd",
        {"address": "14 Foxglove Mews", "postcode": "FW5 1DD", "applicant_name": "Ruth Beck",
         "sole_adult_since": "2026-10-10"}),
    "spd_named_ex_husband_and_a_titled_signature": Case(_email(
        "Priya Nair <p.nair@example.org>", "Monday, 3 August 2026 07:45", "Discount application",
        ["Good morning,", "Mr Kevin Nair, my ex-husband, moved out of our home on 31 July 2026. I am applying for the "
         "single person discount from that date.", "", "Best regards,", "Dr Priya Nair", "Tel: 01632 960777"]),
        "council_tax_spd",
        {"applicant_name": "Dr Priya Nair", "phone": "01632 960777", "sole_adult_since": "2026-07-31",
         "other_adult_name": "Mr Kevin Nair", "email": "p.nair@example.org"}),
    "spd_two_pages_in_times": Case(two_pages, "council_tax_spd",
        {"applicant_name": "Mr Ahmed Hassan", "address": "Flat 4, 77 Victoria Road", "postcode": "FW2 6NB",
         "sole_adult_since": "2026-03-21", "other_adult_name": "Yusuf Hassan", "account_ref": "44556677",
         "declaration_date": "2026-04-03"}),
    "spd_sole_occupier_since_an_iso_date": Case(_letter(
        ["Nina Kowalski", "2 The Green", "Formwick", "FW6 1AB", "", "2026-02-10"], COUNCIL,
        ["Dear Revenues Team,", "", "I have been the sole occupier of 2 The Green since 2026-02-01, when my tenant "
         "left, and I am claiming the 25% discount.", "", "Yours sincerely,", "Nina Kowalski"]),
        "council_tax_spd",
        {"sole_adult_since": "2026-02-01", "applicant_name": "Nina Kowalski", "address": "2 The Green",
         "postcode": "FW6 1AB", "declaration_date": "2026-02-10"}),
    "spd_a_month_without_a_day_is_no_date": Case(_email(
        "Kay Dunn <kay@example.com>", "2 March 2026", "Discount",
        ["Hi,", "I've been on my own since my partner left in January. Please can I have the single person discount?",
         "", "Thanks", "Kay Dunn"]),
        "council_tax_spd", {"applicant_name": "Kay Dunn"}, absent=("sole_adult_since",)),
    "spd_and_a_question_about_permits": Case(_letter(
        ["8 Lime Grove", "Formwick", "FW4 3CD", "", "1 February 2026"], COUNCIL,
        ["Dear Sir or Madam,", "", "My husband moved out on 15 January 2026 so I would like the single person "
         "discount please.", "Also, is there a waiting list for residents' parking permits on our street?", "",
         "Yours faithfully,", "Jan Holt"]),
        "council_tax_spd", {"sole_adult_since": "2026-01-15", "address": "8 Lime Grove"}),
    "spd_as_of_a_date": Case(_email(
        "Fay Hall <fay.hall@example.com>", "10 May 2026", "Single person discount",
        ["Hi,", "As of 01/05/2026 I am the only adult living at 4 Oak Road, Formwick FW4 1AB, as my partner has moved "
         "away for work.", "Please apply the single person discount.", "", "Kind regards,", "Fay Hall"]),
        "council_tax_spd", {"sole_adult_since": "2026-05-01", "address": "4 Oak Road", "postcode": "FW4 1AB"}),
    "spd_single_occupant": Case(_letter(
        ["6 Pound Lane", "Formwick", "FW2 2PL", "", "12 June 2026"], COUNCIL,
        ["Dear Sir/Madam,", "", "I am a single occupant and would like to claim the discount on my council tax.", "",
         "Yours faithfully,", "Gus Lamb"]),
        "council_tax_spd", {"applicant_name": "Gus Lamb", "address": "6 Pound Lane"}, absent=("sole_adult_since",)),
    "spd_details_as_bullets": Case(_email(
        "Ivy Reed <ivy.reed@example.com>", "14 April 2026", "SPD claim",
        ["Hello,", "I would like to claim single person discount. The details:", "", "- Account number: 4654 3210",
         "- Person who left: Tom Reed", "- Date he moved out: 04/04/2026", "", "Thanks,", "Ivy Reed"]),
        "council_tax_spd",
        {"account_ref": "46543210", "sole_adult_since": "2026-04-04", "other_adult_name": "Tom Reed"}),
    # ---------------------------------------------------------------- moving home
    "move_out_with_both_addresses": Case(_letter(
        [*MILL_LANE, "", "10 April 2026"], COUNCIL,
        ["Dear Sir or Madam,", "", "I am moving out of 12 Mill Lane, Formwick FW3 2AB on 30 April 2026. My new "
         "address will be 5 High Street, Leeds LS1 4AB.", "Please close my council tax account (CT 4001 2345) and "
         "send the final bill to my new address.", "", "Yours faithfully,", "Ann Lee"]),
        "council_tax_move",
        {"move_type": "out", "previous_address": "12 Mill Lane", "previous_postcode": "FW3 2AB",
         "new_address": "5 High Street", "new_postcode": "LS1 4AB", "move_date": "2026-04-30",
         "account_ref": "40012345", "applicant_name": "Ann Lee", "declaration_date": "2026-04-10"}),
    "move_in_email": Case(_email(
        "Sara Novak <sara.novak@example.net>", "Friday, 5 June 2026 18:30", "New council tax account",
        ["Good afternoon,", "We moved into 4 Oak Road, Formwick FW4 1AB on 1st June 2026. Please set up a council "
         "tax account for us.", "", "Many thanks,", "Sara Novak"]),
        "council_tax_move",
        {"move_type": "in", "new_address": "4 Oak Road", "new_postcode": "FW4 1AB", "move_date": "2026-06-01",
         "applicant_name": "Sara Novak", "email": "sara.novak@example.net", "declaration_date": "2026-06-05"}),
    "move_in_last_week_has_no_date": Case(_email(
        "Dan Ward <dan@example.com>", "Monday, 7 September 2026 08:01", "Moving in",
        ["Hi,", "We moved into 7 Elm Close last week and need to register for council tax.", "", "Cheers,",
         "Dan Ward"]),
        "council_tax_move", {"move_type": "in", "new_address": "7 Elm Close"}, absent=("move_date",)),
    "move_out_written_from_the_new_home": Case(_letter(
        ["3 Pine Road", "York", "YO1 7HH", "", "1 June 2026"], COUNCIL,
        ["Dear Sir or Madam,", "", "Please close my council tax account as I have moved. I left 9 Cedar Avenue on "
         "15/05/2026.", "", "Yours faithfully,", "Mark Evans"]),
        "council_tax_move",
        {"move_type": "out", "previous_address": "9 Cedar Avenue", "move_date": "2026-05-15",
         "new_address": "3 Pine Road", "new_postcode": "YO1 7HH"}, absent=("previous_postcode",)),
    "move_out_ahead_the_block_is_the_home_left": Case(_letter(
        [*MILL_LANE, "", "1 June 2026"], COUNCIL,
        ["Dear Sir or Madam,", "", "I am writing to let you know that I will be moving out on 30 June 2026.",
         "Please send me a final bill.", "", "Yours faithfully,", "Ann Lee"]),
        "council_tax_move",
        {"move_type": "out", "previous_address": "12 Mill Lane", "previous_postcode": "FW3 2AB",
         "move_date": "2026-06-30"}),
    "move_out_no_forwarding_address_yet": Case(_letter(
        ["Jane Hall", *MILL_LANE, "", "29th November 2026"], COUNCIL,
        ["Dear Sir or Madam,", "", "I am writing to let you know that I moved out of 12 Mill Lane, Formwick FW3 2AB "
         "on 1 November 2026.", "I will let you know my forwarding address as soon as I have one.", "",
         "Yours faithfully,", "J. Hall", "Jane Hall"]),
        "council_tax_move",
        {"move_type": "out", "previous_address": "12 Mill Lane", "move_date": "2026-11-01",
         "applicant_name": "Jane Hall"}, absent=("new_address", "new_postcode")),
    "move_two_different_dates": Case(_letter(
        [*MILL_LANE, "", "1 May 2026"], COUNCIL,
        ["Dear Sir or Madam,", "", "I am moving out of my flat on 3 May 2026 and my last day at the property will "
         "be 5 May 2026.", "Please close my account.", "", "Yours faithfully,", "Ann Lee"]),
        "council_tax_move", {"move_type": "out"}, low=("move_date",)),
    "move_mother_into_a_care_home": Case(_letter(
        ["22 Oak Road", "Kelbridge", "FW9 4XY", "", "10 March 2026"], COUNCIL,
        ["Dear Sir or Madam,", "", "My mother moved into a care home on 3 March 2026 and I am writing on her behalf "
         "to close her council tax account at 12 Mill Lane.", "", "Yours faithfully,", "Peter Smith"]),
        "council_tax_move", {"move_type": "out", "previous_address": "12 Mill Lane", "move_date": "2026-03-03"},
        absent=("applicant_name",)),
    "move_out_forwarding_address_after_a_colon": Case(_email(
        "Ola Nordmann <ola@example.com>", "Tuesday, 10 February 2026 12:00", "Moving out",
        ["Hi,", "I'm moving out of Flat 2, 14 Brook Street on 28/02/2026 - please close my account.",
         "Forwarding address: 9 Kings Road, Bath BA1 2AB.", "", "Regards,", "Ola Nordmann"]),
        "council_tax_move",
        {"move_type": "out", "previous_address": "Flat 2, 14 Brook Street", "new_address": "9 Kings Road",
         "new_postcode": "BA1 2AB", "move_date": "2026-02-28"}, absent=("previous_postcode",)),
    "move_in_after_buying": Case(_letter(
        ["15 Orchard Close", "Formwick", "FW6 2EF", "", "20 January 2026"], COUNCIL,
        ["Dear Sir or Madam,", "", "I have bought 15 Orchard Close, Formwick FW6 2EF and completed on 12 January "
         "2026.", "Please put the council tax into my name from that date.", "", "Yours faithfully,", "Ravi Mehta"]),
        "council_tax_move",
        {"move_type": "in", "new_address": "15 Orchard Close", "new_postcode": "FW6 2EF", "move_date": "2026-01-12",
         "applicant_name": "Ravi Mehta"}),
    "move_out_emigrating": Case(_letter(
        ["88 Market Street", "Formwick", "FW1 3GH", "", "30 November 2026"], COUNCIL,
        ["Dear Sirs,", "", "I will be emigrating to Australia and my final day at 88 Market Street will be "
         "15 December 2026.", "Please arrange a final bill and close the account.", "", "Yours faithfully,",
         "George Hill"]),
        "council_tax_move",
        {"move_type": "out", "move_date": "2026-12-15", "previous_address": "88 Market Street",
         "previous_postcode": "FW1 3GH"}),
    "move_in_new_tenant": Case(_email(
        "Mia Chen <mia.chen@example.com>", "Tuesday, 27 October 2026 13:10", "New tenant",
        ["Hello,", "I am the new tenant at Flat 6, 2 Riverside Court, Formwick FW2 8KL. My tenancy started on "
         "24/10/2026.", "Please could you set up my council tax.", "", "Thank you,", "Mia Chen"]),
        "council_tax_move",
        {"move_type": "in", "new_address": "Flat 6, 2 Riverside Court", "new_postcode": "FW2 8KL",
         "move_date": "2026-10-24"}),
    "move_in_from_another_area": Case(_letter(
        ["19 Meadow Rise", "Formwick", "FW6 7TT", "", "20 August 2026"], COUNCIL,
        ["Dear Sir/Madam,", "", "We moved from 3 Long Lane, Bristol BS3 4PP into 19 Meadow Rise on 14 August 2026 "
         "and would like to open a council tax account.", "", "Yours faithfully,", "Mr and Mrs Fry"]),
        "council_tax_move",
        {"move_type": "in", "new_address": "19 Meadow Rise", "new_postcode": "FW6 7TT",
         "previous_address": "3 Long Lane", "previous_postcode": "BS3 4PP", "move_date": "2026-08-14"}),
    "move_out_moving_in_with_a_partner": Case(_email(
        "Nadia Rossi <nadia.r@example.com>", "Sunday, 15 November 2026 20:05", "Moving out",
        ["Hi there,", "I'm moving in with my partner in Leeds and leaving my flat on 30 November 2026. My council "
         "tax account is 45566778 - please close it from that date.", "", "Thanks,", "Nadia Rossi"]),
        "council_tax_move", {"move_type": "out", "move_date": "2026-11-30", "account_ref": "45566778"}),
    "move_in_quoting_the_councils_reply_below_on_wrote": Case(_email(
        "Ben Carter <ben.carter@example.com>", "Wednesday, 1 April 2026 09:00", "Re: Council tax",
        ["Hi,", "Thanks for getting back to me. To confirm, I moved into 30 Kingfisher Close on March 28, 2026 and "
         "I'd like the bill in my name from then.", "", "Regards,", "Ben Carter", "",
         "On Tue, 31 Mar 2026 at 14:12, Formwick Council <counciltax@formwick.gov.example> wrote:",
         "Thank you for your email. Your case reference is 40011122. Please tell us the date you moved in."]),
        "council_tax_move",
        {"move_type": "in", "new_address": "30 Kingfisher Close", "move_date": "2026-03-28",
         "applicant_name": "Ben Carter"}, absent=("account_ref",)),
    "move_in_with_a_two_digit_year": Case(_email(
        "Omar Said <omar.s@example.com>", "8 June 2026", "new address",
        ["Hello,", "I moved in to 6 Beacon Hill, Formwick FW9 2XX on 5/6/26. Please register me for council tax.", "",
         "Thanks,", "Omar Said"]),
        "council_tax_move",
        {"move_type": "in", "move_date": "2026-06-05", "new_address": "6 Beacon Hill", "new_postcode": "FW9 2XX"}),
    "move_out_back_to_parents": Case(_email(
        "Tim Rowe <tim.rowe@example.com>", "25 March 2026", "Leaving",
        ["Dear Council Tax,", "I am leaving 14 Peach Street on 31st March 2026 and moving back to my parents' house "
         "in Wales. Please can you close my council tax account.", "", "Many thanks", "Tim Rowe"]),
        "council_tax_move", {"move_type": "out", "move_date": "2026-03-31", "previous_address": "14 Peach Street"}),
    "move_change_of_address_from_one_to_another": Case(_email(
        "Eve Park <eve.park@example.com>", "20 May 2026", "Change of address",
        ["Hello,", "Please note my change of address: from 12 Mill Lane to 4 Oak Road, with effect from 1 June 2026. "
         "Account ref 40012345.", "", "Thanks", "Eve Park"]),
        "council_tax_move",
        {"previous_address": "12 Mill Lane", "new_address": "4 Oak Road", "move_date": "2026-06-01",
         "account_ref": "40012345"}, low=("move_type",)),
    "move_out_of_the_borough_on_a_weekday": Case(_letter(
        ["33 Orchard Way", "Formwick", "FW5 5EE", "", "1 June 2026"], COUNCIL,
        ["Dear Sir or Madam,", "", "I am moving out of the borough and my last day at 33 Orchard Way is Friday "
         "12 June 2026.", "Please send my final bill to 7 Sea View, Whitby YO21 3AA.", "", "Yours faithfully",
         "Carl West"]),
        "council_tax_move",
        {"move_type": "out", "move_date": "2026-06-12", "previous_address": "33 Orchard Way",
         "previous_postcode": "FW5 5EE"}),
    # ---------------------------------------------------------------- residents' parking permits
    "permit_letter": Case(_letter(
        ["22 Station Road", "Formwick", "FW5 6GH", "", "20 November 2026"], COUNCIL,
        ["Dear Parking Services,", "", "Please can I have a residents' permit for my car? It is a blue Ford Fiesta, "
         "registration AB12 CDE.", "I live at 22 Station Road and we are in zone B. I would like it to start from "
         "1 December.", "", "Yours sincerely,", "Lucy Grey"]),
        "parking_permit",
        {"vrm": "AB12CDE", "vehicle_make": "Ford", "zone": "B", "address": "22 Station Road", "postcode": "FW5 6GH",
         "start_date": "2026-12-01", "applicant_name": "Lucy Grey", "declaration_date": "2026-11-20"}),
    "permit_letter_accepted_as_my_application": Case(_letter(
        ["5 Chapel Street", "Formwick", "FW1 4EU", "", "27th November 2026"], COUNCIL,
        ["Dear Sir or Madam,", "", "Residents' parking - zone A", "",
         "Please accept this letter as my application for a residents' parking permit for my Citroen, registration "
         "number G665 GWY. I would like it to begin from 30/11/2026.",
         "I enclose a cheque for the permit fee and a copy of my vehicle registration document.", "",
         "Yours faithfully,", "Mr Callum Davies"]),
        "parking_permit",  # "as my application" is this one, not one made before; the make as written
        {"vrm": "G665GWY", "vehicle_make": "Citroen", "zone": "A", "start_date": "2026-11-30",
         "applicant_name": "Mr Callum Davies", "postcode": "FW1 4EU"}),
    "permit_email_with_signature": Case(_email(
        "Tom Price <tom.price@example.com>", "Wednesday, 18 November 2026 10:00", "Parking permit",
        ["Hi,", "I'd like to apply for a parking permit for permit zone C2. My car's reg is LM19 KTD (a Vauxhall "
         "Corsa).", "Starting 01/12/2026 if possible.", "", "Thanks,", "Tom Price", "8 Mill Road", "Formwick",
         "FW2 3DE", "Mobile: 07700 900789"]),
        "parking_permit",
        {"vrm": "LM19KTD", "vehicle_make": "Vauxhall", "zone": "C2", "start_date": "2026-12-01",
         "address": "8 Mill Road", "postcode": "FW2 3DE", "applicant_name": "Tom Price", "phone": "07700 900789",
         "email": "tom.price@example.com"}),
    "spd_their_forwarding_address_is": Case(_email(
        "Mr Kwame Mensah <kwame.mensah@example.net>", "Monday, 16 November 2026 22:23",
        "Single person discount application",
        ["Dear Sir or Madam,", "I am writing to apply for a single person discount. Mr Daniel MacLeod moved out on "
         "17/10/2026 and since then I have lived on my own at 14 Nursery Gardens, Formwick, FW6 8BD. Their "
         "forwarding address is 5 Abbey Foregate, Shrewsbury SY2 6AA.", "My council tax reference is CT71031444.", "",
         "Kind regards,", "Mr Kwame Mensah"]),
        "council_tax_spd",
        {"other_adult_name": "Mr Daniel MacLeod",
         "other_adult_forwarding_address": "5 Abbey Foregate, Shrewsbury SY2 6AA", "address": "14 Nursery Gardens",
         "postcode": "FW6 8BD", "sole_adult_since": "2026-10-17"}),
    "move_out_new_address_which_will_be": Case(_letter(
        ["16 Saxon Way", "Ashwick Green", "FW6 6YN", "", "Wednesday 18 November 2026"], COUNCIL,
        ["Dear Sir or Madam,", "", "Re: Moving out - council tax", "",
         "I am writing to tell you that I moved out of 16 Saxon Way, Ashwick Green FW6 6YN on 18.06.2026. My council "
         "tax account number is 7282 0464. Please close the account from that date and send the final bill to my "
         "new address, which will be 71 Gloucester Road, Cheltenham GL51 8NT.", "", "Yours faithfully,",
         "Dr Owen Shah"]),
        "council_tax_move",
        {"move_type": "out", "account_ref": "72820464", "previous_address": "16 Saxon Way",
         "previous_postcode": "FW6 6YN", "new_address": "71 Gloucester Road", "new_postcode": "GL51 8NT",
         "move_date": "2026-06-18"}),
    "permit_email_with_a_mail_system_trailer": Case(_email(
        "Mr Ben Hale <ben.hale@example.com>", "Tuesday, 10 November 2026 18:01", "Residents parking permit",
        ["Dear Sir or Madam,", "I would like to apply for a resident's parking permit. My address is 28 Kingsmead, "
         "Formwick FW7 1QF, which is in zone M.", "My car is a Seat Ibiza, registration OY03 WJV, and I would like "
         "the permit to begin on 26th November 2026.", "", "Kind regards,", "Mr Ben Hale",
         "This email has been scanned for viruses. Formwick Borough Council: www.formwick.gov.example"]),
        "parking_permit",
        {"vrm": "OY03WJV", "zone": "M", "start_date": "2026-11-26", "address": "28 Kingsmead",
         "postcode": "FW7 1QF", "applicant_name": "Mr Ben Hale", "email": "ben.hale@example.com"}),
    "permit_after_moving_in": Case(_letter(
        ["3 Elm Road", "Formwick", "FW7 1AA", "", "5 January 2026"], COUNCIL,
        ["Dear Sir or Madam,", "", "We have just moved to 3 Elm Road (zone A) and would like a resident parking "
         "permit for our Toyota Yaris, registration YR21 ABC, from 15 January 2026.", "", "Yours faithfully,",
         "Jo Bell"]),
        "parking_permit",
        {"address": "3 Elm Road", "postcode": "FW7 1AA", "zone": "A", "vrm": "YR21ABC", "vehicle_make": "Toyota",
         "start_date": "2026-01-15"}),
    "permit_email_from_a_home_just_moved_to": Case(_email(
        "Bronwen Blackwood <bblackwood51@example.net>", "Wednesday, 25 November 2026 13:19",
        "Parking permit application",
        ["Dear Parking Services,", "I have recently moved to 27 Ferndale Road, FW17XE and would like a residents' "
         "parking permit for my car, a Volvo (registration yt19cnb), from 06/12/2026.", "Kind regards,",
         "Bronwen Blackwood"]),
        "parking_permit",  # an email has no address block: the home moved to is the one the permit is for
        {"address": "27 Ferndale Road", "postcode": "FW1 7XE", "vrm": "YT19CNB", "start_date": "2026-12-06"}),
    "permit_all_lower_case": Case(_email(
        "Jo Bell <jo@example.com>", "5 January 2026", "permit please",
        ["hi, please can i have a residents parking permit, my reg is yr21abc. i live at 3 Elm Road.", "", "thanks",
         "Jo Bell"]),
        "parking_permit", {"vrm": "YR21ABC", "applicant_name": "Jo Bell", "address": "3 Elm Road"}),
    "permit_registration_written_small_and_split": Case(_letter(
        ["Ms Pauline Crossley", "16 Tannery Lane", "Formwick", "FW1 6YX", "", "21st November 2026"], COUNCIL,
        ["Dear Sir or Madam,", "", "Please can I have a residents' parking permit for my car, a dark blue Skoda "
         "Octavia reg dk63 cvd. I live at 16 Tannery Lane, which is in zone B.", "", "Yours faithfully,",
         "P. Crossley", "Ms Pauline Crossley"]),
        "parking_permit",
        {"vrm": "DK63CVD", "vehicle_make": "Skoda", "zone": "B", "applicant_name": "Ms Pauline Crossley"}),
    "permit_for_a_new_car": Case(_letter(
        ["61 Granary Walk", "Formwick", "FW3 9UU", "", "10 November 2026"], COUNCIL,
        ["Dear Parking Team,", "", "I have bought a new car (a grey Kia Picanto, WR70 XYZ) and I need a residents "
         "parking permit for zone D starting on 16 November 2026.", "", "Yours sincerely,", "Hannah Ward"]),
        "parking_permit",
        {"vrm": "WR70XYZ", "vehicle_make": "Kia", "zone": "D", "start_date": "2026-11-16",
         "address": "61 Granary Walk", "postcode": "FW3 9UU", "applicant_name": "Hannah Ward"}),
    "permit_registration_in_the_subject": Case(_email(
        "Sam Reid <sam.reid@example.com>", "2 December 2026", "Permit application - BD51 SMR",
        ["Hello,", "Please issue a resident permit for vehicle BD51 SMR. We are in Zone E.", "", "Regards,",
         "Sam Reid", "40 Tanner Row, Formwick FW7 2QQ"]),
        "parking_permit",
        {"vrm": "BD51SMR", "zone": "E", "applicant_name": "Sam Reid", "address": "40 Tanner Row",
         "postcode": "FW7 2QQ"}),
    "permit_on_behalf_of_father": Case(_letter(
        ["2 Oak Drive", "Kelbridge", "FW9 1BB", "", "1 December 2026"], COUNCIL,
        ["Dear Sir or Madam,", "", "I am writing on behalf of my father, Mr Ken Lowe, of 9 Rectory Lane, Formwick "
         "FW3 5RL. He would like a residents' parking permit for his Honda Jazz, registration KX18 PLM.", "",
         "Yours faithfully,", "Sue Lowe"]),
        "parking_permit",
        {"vrm": "KX18PLM", "vehicle_make": "Honda", "address": "9 Rectory Lane", "postcode": "FW3 5RL",
         "applicant_name": "Mr Ken Lowe"}, low=("applicant_name",)),
    "permit_details_as_label_lines_in_an_email": Case(_email(
        "Grace Lin <grace.lin@example.com>", "Friday, 20 March 2026 16:00", "Residents permit application",
        ["Dear Sir or Madam,", "Please could I apply for a residents' parking permit. My details are below.", "",
         "Name: Grace Lin", "Address: 12 Abbey Road, Formwick FW3 8PQ", "Vehicle: Nissan Leaf",
         "Registration: GL68 ABC", "Zone: F", "Start date: 01.04.2026", "", "Kind regards,", "Grace Lin"]),
        "parking_permit",
        {"applicant_name": "Grace Lin", "address": "12 Abbey Road", "postcode": "FW3 8PQ", "vrm": "GL68ABC",
         "vehicle_make": "Nissan", "zone": "F", "start_date": "2026-04-01"}),
    "permit_renewal": Case(_email(
        "Jay Moss <jay.moss@example.com>", "3 March 2026", "Permit",
        ["Hi,", "I would like to renew my residents parking permit for zone B, car FD15 RTY.", "", "Thanks,",
         "Jay Moss"]),
        "parking_permit", {"vrm": "FD15RTY", "zone": "B", "applicant_name": "Jay Moss"}),
    "permit_old_registration_ending_a_sentence": Case(_letter(
        ["31 Tanner Row", "Formwick", "FW7 2QQ", "", "12 November 2026"], COUNCIL,
        ["Dear Parking Services,", "", "Please may I have a residents' parking permit for zone E from 1 December "
         "2026. The registration mark of our old camper van is KBN 402W. We have no other vehicle.", "",
         "Yours sincerely,", "Alan Fry"]),
        "parking_permit", {"vrm": "KBN402W", "zone": "E", "start_date": "2026-12-01"}),
    "spd_reference_as_printed_on_the_bill": Case(_letter(
        ["44 Mill Road", "Formwick", "FW2 3DE", "", "9 November 2026"], COUNCIL,
        ["Dear Sir or Madam,", "", "Please give me the single person discount: my daughter moved out on 1 November "
         "2026. The reference printed on my last bill is 4003-2211.", "", "Yours faithfully,", "Rita Moore"]),
        "council_tax_spd", {"account_ref": "40032211", "sole_adult_since": "2026-11-01"}),
    "move_out_subject_line_under_the_salutation": Case(_letter(
        ["Sara Vine", "6 Quarry Hill", "Kelbridge", "FW9 2QH", "", "3 November 2026"], COUNCIL,
        ["Dear Sir or Madam,", "Re: Leaving 5 Heol y Nant - 40012345", "",
         "I moved out of 5 Heol y Nant, Formwick FW6 1NN on 30 October 2026. Please close my council tax account "
         "from that date.", "", "Yours faithfully,", "Sara Vine"]),
        "council_tax_move",
        {"move_type": "out", "account_ref": "40012345", "previous_address": "5 Heol y Nant",
         "previous_postcode": "FW6 1NN", "move_date": "2026-10-30", "new_address": "6 Quarry Hill"}),
    "permit_a_question_after_zone_b": Case(_email(
        "Ivy Chen <ivy.chen@example.com>", "Monday, 9 November 2026 08:05", "Permit",
        ["Hi,", "Please send me a residents' parking permit for zone B. How much will it cost? It is for my white "
         "Fiat, registration GHT 552K.", "", "Thanks,", "Ivy Chen"]),
        "parking_permit", {"zone": "B", "vrm": "GHT552K", "vehicle_make": "Fiat"}),
    "move_in_with_a_recycling_box_asked_for_too": Case(_letter(
        ["5 Maes y Deri", "Formwick", "FW2 7AA", "", "4 November 2026"], COUNCIL,
        ["Dear Sir or Madam,", "", "I moved into 5 Maes y Deri on 20 October 2026 and need to set up council tax "
         "there. Please could you also deliver a recycling box, as there is none.", "", "Yours faithfully,",
         "Tia Webb"]),
        "council_tax_move",
        {"move_type": "in", "new_address": "5 Maes y Deri", "new_postcode": "FW2 7AA", "move_date": "2026-10-20"}),
    # ---------------------------------------------------------------- who left, in brackets
    "spd_relation_in_brackets_after_the_name": Case(_email(
        "Leah Grant <leah.grant@example.com>", "Wednesday, 4 November 2026 20:15", "Council tax",
        ["Dear Sir or Madam,", "Marcus Bell (my partner) moved out of our flat on 19 October 2026, so I am now the "
         "only adult living here. Please apply the single person discount to account 40077788.", "", "Best wishes,",
         "Leah Grant"]),
        "council_tax_spd",
        {"other_adult_name": "Marcus Bell", "sole_adult_since": "2026-10-19", "account_ref": "40077788"}),
    "spd_name_in_brackets_after_the_relation": Case(_letter(
        ["2 Wren Close", "Formwick", "FW8 8WC", "", "6 November 2026"], COUNCIL,
        ["Dear Sir or Madam,", "", "My lodger (Priya Shah) left on 31 October 2026 and I live alone again. I would "
         "like the single person discount from that date.", "", "Yours sincerely,", "Gwen Ellis"]),
        "council_tax_spd",
        {"other_adult_name": "Priya Shah", "sole_adult_since": "2026-10-31", "address": "2 Wren Close"}),
    # ---------------------------------------------------------------- streets of any name
    "move_out_of_a_welsh_street": Case(_email(
        "Owain Price <owain.p@example.com>", "Monday, 23 November 2026 08:30", "Leaving Formwick",
        ["Good morning,", "I am leaving 21 Ffordd y Parc, Formwick FW4 8NN on 30 November 2026, so please close my "
         "council tax account 40012345. Letters can go to my new home at 7 Lôn Wen, Kelbridge FW9 3HT.", "",
         "Diolch,", "", "Kind regards,", "Owain Price"]),
        "council_tax_move",
        {"move_type": "out", "previous_address": "21 Ffordd y Parc", "previous_postcode": "FW4 8NN",
         "new_address": "7 Lôn Wen", "new_postcode": "FW9 3HT", "move_date": "2026-11-30"}),
    "spd_welsh_street_in_the_text": Case(_email(
        "Nia Roberts <nia.r@example.org>", "Friday, 6 November 2026 17:45", "Discount",
        ["Dear Council Tax team,", "My husband Rhys Roberts moved out on 12 October 2026 and now lives at 3 Heol "
         "Eglwys, Kelbridge FW9 6AA. I am the only adult left at 18 Stryd y Bont, Formwick FW2 4RR and would like "
         "the single person discount on account 40055566.", "", "Diolch yn fawr,", "Nia Roberts"]),
        "council_tax_spd",
        {"address": "18 Stryd y Bont", "postcode": "FW2 4RR", "other_adult_name": "Rhys Roberts",
         "other_adult_forwarding_address": "3 Heol Eglwys, Kelbridge FW9 6AA", "sole_adult_since": "2026-10-12"}),
    "spd_hyphenated_welsh_street": Case(_email(
        "Elin Hughes <elin.h@example.com>", "Thursday, 5 November 2026 10:10", "Discount please",
        ["Hello,", "My son left home on 1 October 2026, so I now live alone at 8 Heol-y-Coed, Formwick FW3 3HC. "
         "Please apply the single person discount to account 40012399.", "", "Thanks,", "Elin Hughes"]),
        "council_tax_spd", {"address": "8 Heol-y-Coed", "postcode": "FW3 3HC", "sole_adult_since": "2026-10-01"}),
    "permit_street_named_without_a_street_word": Case(_email(
        "Ben Ashe <ben.ashe@example.com>", "Tuesday, 10 November 2026 12:00", "Permit",
        ["Hello,", "I live at 14 Kingsway, Formwick FW2 5LS and would like a residents' parking permit for zone D "
         "for my Skoda, registration CK19 TRV, from 1 December 2026.", "", "Thank you,", "Ben Ashe"]),
        "parking_permit",
        {"address": "14 Kingsway", "postcode": "FW2 5LS", "zone": "D", "vrm": "CK19TRV",
         "start_date": "2026-12-01"}),
    "spd_account_number_grouped_two_three_three": Case(_email(
        "Callum Wilkinson <cwilkinson2@example.net>", "Thursday, 3 December 2026 13:23", "Single person discount",
        ["Dear Sir or Madam,", "I am writing to apply for the single person discount on my council tax (account "
         "62 803 512) for 2 High Street, Formwick FW8 1ET.", "Miss Joanne Wilkinson moved out on 10th June 2026 and "
         "since then I have been the only adult living at the property.", "Kind regards,", "Mx Callum Wilkinson"]),
        "council_tax_spd", {"account_ref": "62803512", "address": "2 High Street", "sole_adult_since": "2026-06-10"}),
    "spd_phone_given_in_international_form": Case(_email(
        "Zofia Lyons <zofia.lyons@example.org>", "Tuesday, 1 December 2026 10:00", "Single person discount",
        ["Dear Sir or Madam,", "I am writing to apply for the single person discount on my council tax, account "
         "4159 2485. My husband moved out of our home at 3 Priory Walk, Formwick FW2 6SB on 21 October 2026.",
         "I can be contacted on +44 7700 900455 if you need anything else.", "Yours faithfully,",
         "Mrs Zofia Lyons"]),
        "council_tax_spd", {"account_ref": "41592485", "phone": "+44 7700 900455"}),
    "move_in_asked_for_then_a_question_about_paying": Case(_letter(
        ["7 Kestrel Rise", "Aldermoor", "FW4 3PP", "", "24/11/2026"], COUNCIL,
        ["Dear Council Tax team,", "", "We have just moved into our new house at 7 Kestrel Rise, Aldermoor, FW4 3PP. "
         "We got the keys on 20/11/2026.", "Before that we lived at 63 Castle Street, Lancaster, LA1 1YN. Please set "
         "up a council tax account for us and let me know how to pay by direct debit.", "", "Yours sincerely,",
         "Ms Eileen Baker"]),
        "council_tax_move",
        {"move_type": "in", "new_address": "7 Kestrel Rise", "previous_address": "63 Castle Street",
         "move_date": "2026-11-20"}),
    "move_out_to_a_street_named_the_something": Case(_email(
        "Gareth Okafor <gareth.okafor@example.org>", "Sunday, 6 December 2026 11:03", "Moving out - council tax",
        ["Hello,", "I am writing to let you know that I am moving out of 35 Bridge End, Formwick FW2 8UP on "
         "18 December 2026.", "My Council Tax account number is 4095-9088.",
         "Please send my final bill to my new address: 2 The Paddocks, Kendal, LA9 4RB.", "Best wishes",
         "Gareth Okafor"]),
        "council_tax_move",
        {"move_type": "out", "previous_address": "35 Bridge End", "new_address": "2 The Paddocks",
         "new_postcode": "LA9 4RB"}),
    # ---------------------------------------------------------------- which address is which
    "move_in_under_a_moving_house_heading": Case(_letter(
        ["9 Orchard Rise", "Formwick", "FW5 1PQ", "", "2 November 2026"], COUNCIL,
        ["Re: Moving house", "", "Dear Sir or Madam,", "",
         "We moved into 9 Orchard Rise, Formwick FW5 1PQ on 14 October 2026 and would like to be registered for "
         "council tax. Until then we lived at 40 Granby Street, Leicester LE1 6EJ.", "", "Yours faithfully,",
         "Kim Doyle"]),
        "council_tax_move",
        {"move_type": "in", "new_address": "9 Orchard Rise", "new_postcode": "FW5 1PQ",
         "previous_address": "40 Granby Street", "previous_postcode": "LE1 6EJ", "move_date": "2026-10-14"}),
}

CORRESPONDENCE: dict[str, Callable[[Path], Path]] = {
    "a_permit_applied_for_last_year_and_a_complaint": _letter(
        ["22 Station Road", "Formwick", "FW5 6GH", "", "20 November 2026"], COUNCIL,
        ["Dear Sir or Madam,", "", "I applied for a permit last year and now want to complain about how long it "
         "took to arrive.", "Nobody answered my emails and the service was appalling.", "", "Yours faithfully,",
         "Lucy Grey"]),
    "asking_whether_eligible": _email(
        "Bob Stone <bob@example.com>", "Monday, 2 March 2026 10:00", "Question",
        ["Hello,", "Could you tell me whether I would be eligible for the single person discount? My son is moving "
         "out next month.", "", "Thanks,", "Bob Stone"]),
    "asking_how_to_apply": _email(
        "Bob Stone <bob@example.com>", "Monday, 2 March 2026 10:00", "Question",
        ["Hello,", "How do I apply for a residents' parking permit? I have just bought a car.", "", "Thanks,",
         "Bob Stone"]),
    "a_question_about_the_bill": _letter(
        MILL_LANE, COUNCIL,
        ["Dear Sir or Madam,", "", "Why has my council tax bill gone up again this year? My account is 40012345.", "",
         "Yours faithfully,", "Ann Lee"]),
    "a_complaint_after_moving": _letter(
        MILL_LANE, COUNCIL,
        ["Dear Sir or Madam,", "", "I moved out of 3 Elm Road in March and you are still charging me, which is "
         "unacceptable.", "I want a refund and an apology.", "", "Yours faithfully,", "Ann Lee"]),
    "a_missed_bin": _letter(
        MILL_LANE, COUNCIL,
        ["Dear Sir or Madam,", "", "My black bin was not collected on the 3rd of March.",
         "Please could someone come back and empty it.", "", "Yours faithfully,", "Ann Lee"]),
    "the_councils_own_letter": _letter(
        COUNCIL, ["Mrs Jane Smith", *MILL_LANE],
        ["Dear Mrs Smith,", "Thank you for applying for the single person discount. We have applied it to your "
         "account from 3 March 2026.", "Yours sincerely,", "Revenues Manager", "Formwick District Council"]),
    "a_permit_held_and_a_parking_problem": _letter(
        ["3 Elm Road", "Formwick", "FW7 1AA"], COUNCIL,
        ["Dear Sir or Madam,", "", "I have a residents' permit already and someone keeps parking in my space outside "
         "number 3.", "Please can you send a warden.", "", "Yours faithfully,", "Jo Bell"]),
    "an_foi_request_about_permits": _email(
        "Jo Bell <jo@example.com>", "5 January 2026", "FOI request",
        ["Dear FOI team,", "Under the Freedom of Information Act, please tell me how many residents' parking permits "
         "were issued in 2025.", "", "Regards,", "Jo Bell"]),
    "a_report_about_a_neighbour": _letter(
        ["3 Elm Road", "Formwick", "FW7 1AA"], COUNCIL,
        ["Dear Sir or Madam,", "", "My neighbour's son moved out and they still get the single person discount even "
         "though he is back.", "", "Yours faithfully,", "Jo Bell"]),
    "thanks_for_the_discount": _letter(
        ["3 Elm Road", "Formwick", "FW7 1AA"], COUNCIL,
        ["Dear Sir or Madam,", "", "Thank you for the single person discount. However the amount on my bill is still "
         "wrong.", "", "Yours faithfully,", "Jo Bell"]),
    "asking_to_remove_the_discount": _letter(
        ["3 Elm Road", "Formwick", "FW7 1AA"], COUNCIL,
        ["Dear Sir or Madam,", "", "My partner has moved back in so please remove my single person discount from "
         "1 March 2026.", "", "Yours faithfully,", "Jo Bell"]),
    "a_question_about_an_expired_permit": _email(
        "A B <ab@example.com>", "2 December 2026", "Permit",
        ["Hi,", "My residents' permit expired last week. Do I need to fill in a new form or will it renew "
         "automatically?", "", "Thanks", "A B"]),
    "a_complaint_about_a_discount_removed": _letter(
        ["5 Honeysuckle Lane", "Kelbridge", "FW4 2RS"], COUNCIL,
        ["Dear Sir or Madam,", "", "You have removed my single person discount without any explanation and I am very "
         "unhappy about it.", "I have lived alone for ten years. I want it reinstated and an apology.", "",
         "Yours faithfully,", "D. Okafor"]),
    "thinking_of_moving": _email(
        "A B <ab@example.com>", "2 December 2026", "Question",
        ["Hi,", "We are thinking of moving to Formwick next year. What band would a three bedroom house be in and how "
         "much is council tax?", "", "Thanks", "A B"]),
    "noisy_new_neighbours": _letter(
        ["5 Honeysuckle Lane", "Kelbridge", "FW4 2RS"], COUNCIL,
        ["Dear Sir or Madam,", "", "Since the new tenants moved in next door on 3 October 2026 there has been loud "
         "music every night.", "Please can someone from environmental health look into it.", "",
         "Yours faithfully,", "D. Okafor"]),
    "a_sofa_left_behind_after_a_move": _email(
        "A B <ab@example.com>", "2 December 2026", "Bulky waste",
        ["Hi,", "I've just moved house and the previous owners left an old sofa in the garden. Can you collect it?",
         "", "Thanks", "A B"]),
    "the_price_of_a_permit": _email(
        "A B <ab@example.com>", "2 March 2026", "Permit cost",
        ["Hello,", "How much does a residents' parking permit cost for a second car?", "", "Thanks", "A B"]),
    "a_parking_ticket_with_a_permit_displayed": _letter(
        ["8 Lime Grove", "Formwick", "FW4 3CD"], COUNCIL,
        ["Dear Sir or Madam,", "", "I got a parking ticket on 3 March 2026 even though my residents' permit was "
         "clearly displayed in my car, AB12 CDE.", "Please cancel the fine.", "", "Yours faithfully,", "Jan Holt"]),
    "living_alone_and_a_missed_bin": _letter(
        ["8 Lime Grove", "Formwick", "FW4 3CD"], COUNCIL,
        ["Dear Sir or Madam,", "", "I live alone and I am 84. My bin was not collected again this week and I cannot "
         "take it back in myself.", "", "Yours faithfully,", "Jan Holt"]),
    "visitor_permits_for_a_carer": _email(
        "A B <ab@example.com>", "2 March 2026", "Visitor permits",
        ["Hello,", "Please can I have some visitor permits for my carer who visits every day?", "", "Thanks",
         "A B"]),
    "what_to_do_after_a_death": _letter(
        ["8 Lime Grove", "Formwick", "FW4 3CD"], COUNCIL,
        ["Dear Sir or Madam,", "", "My father died last month. Who do I need to tell about his council tax and what "
         "happens to the account?", "", "Yours faithfully,", "Jan Holt"]),
    "a_disabled_band_reduction": _letter(
        ["6 Pound Lane", "Formwick", "FW2 2PL"], COUNCIL,
        ["Dear Sir/Madam,", "", "I would like to apply for a disabled band reduction as my son uses a wheelchair.", "",
         "Yours faithfully,", "Gus Lamb"]),
    "an_appeal_against_a_refused_permit": _letter(
        ["6 Pound Lane", "Formwick", "FW2 2PL"], COUNCIL,
        ["Dear Sir/Madam,", "", "My application for a residents parking permit was refused and I wish to appeal "
         "against this decision.", "", "Yours faithfully,", "Gus Lamb"]),
    "figures_asked_for_under_the_foi_act": _letter(
        ["Ffion Hale", "27 Heol y Nant", "Formwick", "FW6 3LD", "", "2 November 2026"], COUNCIL,
        ["Re: Request for information", "", "Dear Sir or Madam,", "",
         "I am writing under the Freedom of Information Act 2000. Please supply the figures for residents' parking "
         "permits issued in zone B and zone C since April 2024, the permits refused and the permit fees collected.",
         "", "Yours faithfully,", "Ffion Hale"]),
    "figures_asked_for_without_naming_the_act": _email(
        "Cllr D Marsh <d.marsh@example.com>", "2 November 2026", "Single person discount review",
        ["Hello,", "Could you send me the numbers of single person discounts removed after last year's review, "
         "by ward?", "", "Thanks", "Dee Marsh"]),
    "one_sentence_naming_the_permit_scheme_three_times": _letter(
        ["8 Lime Grove", "Formwick", "FW4 3CD"], COUNCIL,
        ["Dear Sir or Madam,", "", "The residents' parking permit scheme in our road, the permit zone signs and the "
         "permit prices all changed this year and nobody told us.", "", "Yours faithfully,", "Jan Holt"]),
    "a_warden_asked_for_other_peoples_parking": _letter(
        ["14 Stryd y Bont", "Formwick", "FW2 4RR"], COUNCIL,
        ["Dear Sir or Madam,", "", "Delivery vans keep parking in the residents' permit bays on our street in zone A "
         "all afternoon.", "Please can you send a warden to check the permits in the evenings.", "",
         "Yours faithfully,", "Cai Rowlands"]),
    "a_discount_removed_though_still_living_alone": _letter(
        ["14 Stryd y Bont", "Formwick", "FW2 4RR"], COUNCIL,
        ["Dear Sir or Madam,", "", "I am writing to complain that my single person discount was taken off my bill "
         "with no warning. I still live alone, as I told you in the spring.", "", "Yours faithfully,",
         "Cai Rowlands"]),
    "registering_to_vote_after_moving_in": _email(
        "Tia Webb <tia.webb@example.com>", "4 November 2026", "Electoral register",
        ["Hello,", "Please could you add me to the electoral register so that I can vote at my new address, "
         "5 Maes y Deri, Formwick FW2 7AA. I moved in on 20 October 2026.", "", "Thanks", "Tia Webb"]),
    "a_garden_waste_subscription_after_moving": _email(
        "Tia Webb <tia.webb@example.com>", "4 November 2026", "Green bin",
        ["Hello,", "We have moved house to 5 Maes y Deri, Formwick FW2 7AA. Please can our garden waste "
         "subscription go with us to the new address?", "", "Thanks", "Tia Webb"]),
    "a_student_exemption": _email(
        "A B <ab@example.com>", "2 March 2026", "Exemption",
        ["Hello,", "I am a full-time student and my housemates are students too. Please can I have a student "
         "exemption?", "", "Thanks", "A B"]),
}


# --------------------------------------------------------------------------- applications


@pytest.mark.parametrize("name", list(APPLICATIONS))
def test_an_application_in_prose_is_read(tmp_path: Path, name: str) -> None:
    case = APPLICATIONS[name]
    got = read(case.make(tmp_path / f"{name}.pdf"))
    assert got is not None, "not read as prose"
    assert got.form_type == case.form_type, got.scores
    assert got.score >= 0.6 and got.score == got.scores[got.form_type]
    values = {k: f.value for k, f in got.fields.items()}
    for key, want in case.fields.items():
        assert values.get(key) == want, (key, got.fields.get(key), got.notes)
        if key not in case.low:
            assert got.fields[key].confidence >= 0.8, (key, got.fields[key], got.notes)
    for key in case.absent:
        assert key not in got.fields, got.fields[key]
    for key in case.low:
        assert key in got.fields and got.fields[key].confidence < 0.8, (key, got.fields.get(key))
    assert set(got.fields) <= set(FIELDS_BY_FORM[got.form_type])
    assert "change_description" not in got.fields
    for fv in got.fields.values():
        assert fv.method == "text" and fv.valid and 0 <= fv.confidence <= 1
        assert fv.box is not None and fv.box.page == 1, fv  # where on the page it was read


@pytest.mark.parametrize("name", list(CORRESPONDENCE))
def test_general_correspondence_is_no_application(tmp_path: Path, name: str) -> None:
    got = read(CORRESPONDENCE[name](tmp_path / f"{name}.pdf"))
    assert got is not None, "a letter is prose"
    assert got.form_type is None, got.scores
    assert got.fields == {}
    assert max(got.scores.values()) < MIN_SCORE and got.score == max(got.scores.values())


def test_disagreeing_readings_say_so_in_the_notes(tmp_path: Path) -> None:
    got = read(APPLICATIONS["move_two_different_dates"].make(tmp_path / "l.pdf"))
    assert got is not None
    assert any("move_date" in n and "2026-05-03" in n and "2026-05-05" in n for n in got.notes), got.notes
    got = read(APPLICATIONS["spd_on_behalf_of_mother"].make(tmp_path / "m.pdf"))
    assert got is not None and any("on behalf of" in n and "Peter Smith" in n for n in got.notes), got.notes


def test_an_undated_letter_leaves_dates_without_a_year_out_and_says_so(tmp_path: Path) -> None:
    pdf = draw(tmp_path / "l.pdf", MILL_LANE, COUNCIL, [
        "Dear Sir or Madam,", "", "My husband moved out on the 3rd of March, so please can I have the single person "
        "discount on account 40012345?", "", "Yours faithfully,", "Ann Lee"])
    got = read(pdf)
    assert got is not None and got.form_type == "council_tax_spd"
    assert "sole_adult_since" not in got.fields and "declaration_date" not in got.fields
    assert any("without a year" in n and "3rd of March" in n for n in got.notes), got.notes


def test_an_address_written_in_the_letter_that_is_not_the_senders_is_for_staff(tmp_path: Path) -> None:
    pdf = draw(tmp_path / "l.pdf", [*MILL_LANE, "", "20 March 2026"], COUNCIL, [
        "Dear Sir or Madam,", "", "I live at 4 Sycamore Way and would like the single person discount, as my wife "
        "moved out on 1 March 2026.", "", "Yours faithfully,", "Ann Lee"])
    got = read(pdf)
    assert got is not None and got.form_type == "council_tax_spd"
    assert got.fields["address"].confidence < 0.8
    assert any("address" in n and "4 Sycamore Way" in n and "12 Mill Lane" in n for n in got.notes), got.notes


def test_the_fields_of_a_form_type_asked_for(tmp_path: Path) -> None:
    """An extractor that has claimed a letter reads it as its own form type, whatever the letter scored."""
    pdf = APPLICATIONS["permit_after_moving_in"].make(tmp_path / "l.pdf")
    got = read(pdf, "council_tax_move")
    assert got is not None and got.form_type == "council_tax_move"
    assert got.fields["move_type"].value == "in" and got.fields["new_address"].value == "3 Elm Road"
    assert got.scores["parking_permit"] > got.scores["council_tax_move"]


def test_a_document_is_read_once_and_each_caller_gets_its_own_copy(tmp_path: Path) -> None:
    pdf = APPLICATIONS["spd_formal_letter"].make(tmp_path / "l.pdf")
    with open_document(pdf) as doc:
        first = read_prose(doc)
        assert first is not None
        first.fields.clear()
        first.scores["council_tax_spd"] = 0.0
        start = time.perf_counter()
        again = read_prose(doc)
        took = time.perf_counter() - start
    assert again is not None and again.fields and again.scores["council_tax_spd"] >= 0.85
    assert took < 0.002


def test_each_field_says_where_it_was_read(tmp_path: Path) -> None:
    got = read(APPLICATIONS["spd_formal_letter"].make(tmp_path / "l.pdf"))
    assert got is not None
    labels = {k: f.label for k, f in got.fields.items()}
    assert labels["applicant_name"] == "sender's address block"  # the fullest: "Mrs Jane Smith", not "Jane Smith"
    assert (labels["address"], labels["postcode"]) == ("sender's address block", "sender's address block")
    assert (labels["account_ref"], labels["sole_adult_since"], labels["other_adult_name"]) == ("sentence",) * 3
    assert (labels["declaration_date"], labels["phone"]) == ("letter date", "signature")
    got = read(APPLICATIONS["spd_short_email_yearless_date"].make(tmp_path / "e.pdf"))
    assert got is not None
    assert (got.fields["email"].label, got.fields["declaration_date"].label) == ("From header", "Sent header")


def test_scores_cover_every_form_type(tmp_path: Path) -> None:
    got = read(APPLICATIONS["spd_formal_letter"].make(tmp_path / "l.pdf"))
    assert got is not None
    assert set(got.scores) == set(FIELDS_BY_FORM)
    assert got.scores["council_tax_spd"] >= 0.85 > 0.1 > max(got.scores["council_tax_move"],
                                                             got.scores["parking_permit"])


# --------------------------------------------------------------------------- what is prose


@pytest.mark.parametrize("pdf", sorted(p for p in GOLDEN.glob("*/*.pdf") if p.parent.name not in {
    "correspondence", "none"}), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_forms_are_not_prose(pdf: Path) -> None:
    with open_document(pdf) as doc:
        assert not is_prose(doc)
        assert read_prose(doc) is None


def test_a_shipping_form_with_empty_from_and_to_labels_is_not_an_email(tmp_path: Path) -> None:
    # Found on a real bill of lading: "FROM:" and "TO:" with nothing after them are a form's questions.
    pdf = draw(tmp_path / "bill.pdf", [], [], [
        "STRAIGHT BILL OF LADING", "Bill of Lading Number:", "FROM:", "Shipper location:", "TO:", "Consignee name:",
        "Carrier name:", "Special handling instructions:",
        "By signing below, the shipper hereby declares that the contents of this consignment are fully described.",
        "Thanks,", "Sam Redding"])
    with open_document(pdf) as doc:
        assert not is_prose(doc)


def test_the_senders_block_beside_the_councils_on_the_same_lines(tmp_path: Path) -> None:
    """The council's address top left and the sender's top right, line for line: the council's phone and
    reference are never the sender's, the sender's phone on the same line as the council's street is."""
    pdf = tmp_path / "side.pdf"
    c = Canvas(str(pdf), pagesize=A4, invariant=1)
    c.setFont("Helvetica", 11)
    left = ["Council Tax", "Formwick District Council", "Town Hall", "Tel: 01632 960000", "Our ref: 49990000"]
    right = ["Mr Sean Byrne", "9 Hazel Grove", "Formwick", "FW3 7JJ", "Tel: 07700 900555"]
    y = H - 60
    for a, b in zip(left, right, strict=True):
        c.drawString(60, y, a)
        c.drawRightString(W - 60, y, b)
        y -= 15
    y -= 30
    for t in ["4 May 2026", "", "Dear Sir or Madam,", "I would like the single person discount from 1 May 2026, "
              "when my wife moved out.", "Yours faithfully,", "Sean Byrne"]:
        c.drawString(60, y, t)
        y -= 15
    c.showPage()
    c.save()
    got = read(pdf)
    assert got is not None and got.form_type == "council_tax_spd"
    values = {k: f.value for k, f in got.fields.items()}
    assert values["phone"] == "07700 900555" and "account_ref" not in values
    assert (values["applicant_name"], values["address"], values["postcode"]) == ("Mr Sean Byrne", "9 Hazel Grove",
                                                                                 "FW3 7JJ")
    assert (values["sole_adult_since"], values["declaration_date"]) == ("2026-05-01", "2026-05-04")


def test_two_phone_numbers_are_both_the_writers(tmp_path: Path) -> None:
    pdf = draw(tmp_path / "l.pdf", [*MILL_LANE, "Tel: 01632 960111", "", "20 March 2026"], COUNCIL, [
        "Dear Sir or Madam,", "", "I would like to apply for the single person discount as my husband moved out on "
        "1 March 2026.", "", "Yours faithfully,", "", "Jane Smith (Mrs)", "Mobile: 07700 900222"])
    got = read(pdf)
    assert got is not None and got.form_type == "council_tax_spd"
    assert got.fields["phone"].value == "07700 900222" and got.fields["phone"].confidence >= 0.8
    assert got.fields["applicant_name"].value == "Jane Smith (Mrs)"
    assert any(n.startswith("phone:") for n in got.notes)


@pytest.mark.parametrize("pdf", sorted(GOLDEN.glob("correspondence/*.pdf")), ids=lambda p: p.stem)
def test_the_golden_letters_are_prose_and_no_application(pdf: Path) -> None:
    with open_document(pdf) as doc:
        assert is_prose(doc)
        got = read_prose(doc)
    assert got is not None and got.form_type is None, got and got.scores


@pytest.mark.parametrize("style", ["formal", "block", "email", "typed"])
def test_the_samples_letters_stay_correspondence(tmp_path: Path, style: str) -> None:
    from formwork.sample.council import make_council
    from formwork.sample.letters import build_letter, render_letter

    as_of = dt.date(2026, 11, 27)
    council = make_council(random.Random("prose-test"), as_of, 200)
    rng = random.Random(f"prose-test:{style}")
    for n in range(15):
        letter = build_letter(council, as_of, None if n % 3 else "mixed_topics", style, rng,
                              set(council.accounts_by_ref))
        pdf = tmp_path / f"{n}.pdf"
        pdf.write_bytes(render_letter(letter, rng))
        with open_document(pdf) as doc:
            got = read_prose(doc)
        assert got is not None and got.form_type is None, (letter.text.paragraphs, got and got.scores)


# --------------------------------------------------------------------------- speed


def test_a_letter_reads_in_a_few_milliseconds(tmp_path: Path) -> None:
    pdfs = [case.make(tmp_path / f"{name}.pdf") for name, case in APPLICATIONS.items()]
    read(pdfs[0])  # the pipeline loads once per process
    took = []
    for pdf in pdfs:
        with open_document(pdf) as doc:
            start = time.perf_counter()
            read_prose(doc)
            took.append(time.perf_counter() - start)
    assert statistics.median(took) < 0.05, took


def test_a_letter_before_moving_in_is_written_from_the_home_being_left(tmp_path: Path) -> None:
    pdf = draw(tmp_path / "in.pdf", [*MILL_LANE, "", "20 March 2026"], COUNCIL, [
        "Dear Council Tax team,", "", "I am writing to let you know that I am moving into 9 Station Road, Formwick, "
        "FW1 4GE on 11th April 2026 and need a council tax account in my name from that date.", "",
        "Yours sincerely,", "Ann Lee"])
    got = read(pdf, "council_tax_move")
    assert got is not None
    values = {k: v.value for k, v in got.fields.items()}
    assert values["move_type"] == "in" and values["new_address"] == "9 Station Road"
    assert values["previous_address"] == "12 Mill Lane" and got.fields["previous_address"].confidence >= 0.8


def test_an_online_forms_notification_names_no_applicant_by_its_from(tmp_path: Path) -> None:
    # "From: Formwick DC Online Forms <noreply@forms.formwick.gov.uk>": the platform sent it, nobody applied by
    # that name, and its address is no applicant's email
    pdf = email(tmp_path / "n.pdf", "Formwick DC Online Forms <noreply@forms.formwick.gov.uk>",
                "Tuesday, 01 December 2026 11:55", "Form submission: Apply for a residents' parking permit", [
                    "A new form has been submitted. The customer's answers are shown below exactly as entered.",
                    "I would like a residents' parking permit for my car, registration MA18 WJB, a Fiat, in zone C2 "
                    "from 15/12/2026. I live at 9 Priory Gardens, Formwick FW2 6NP.",
                    "Email address rosa.delgado@example.org"])
    reading = read(pdf, "parking_permit")
    assert reading is not None
    assert reading.fields["vrm"].value == "MA18WJB"
    assert "applicant_name" not in reading.fields
    assert reading.fields.get("email") is None or reading.fields["email"].value == "rosa.delgado@example.org"


def test_an_online_form_emailed_as_its_questions_and_answers_is_read_as_the_form(tmp_path: Path) -> None:
    # the platform's notification lists each question and its answer on a line: read as a form is, the
    # applicant's name from "Name of applicant", not from the email's sender
    pdf = email(tmp_path / "n.pdf", "Formwick DC Online Forms <noreply@forms.formwick.gov.uk>",
                "Tuesday, 01 December 2026 11:55", "Form submission: Apply for a residents' parking permit", [
                    "A new application for a residents' parking permit has been submitted. The customer's answers "
                    "are shown below exactly as entered.",
                    "Check your answers", "Name of applicant:    Ms Rosa Delgado", "Address:    9 Priory Gardens",
                    "Postcode:    FW2 6NP", "Vehicle registration:    MA18 WJB", "Vehicle make:    Fiat",
                    "Permit zone:    C2", "Permit start date:    15/12/2026", "Date of declaration:    01/12/2026"])
    with open_document(pdf) as doc:
        found = default_registry().classify(doc)
        assert found.extractor is not None and found.extractor.form_type == "parking_permit"
        out = found.extractor.extract(doc)
    values = out.values()
    assert values["applicant_name"] == "Ms Rosa Delgado" and values["postcode"] == "FW2 6NP"
    assert values["zone"] == "C2" and values["start_date"] == "2026-12-15" and values["vrm"] == "MA18WJB"


def _call_record(path: Path, header: list[str], said: list[str]) -> Path:
    """A contact centre's record of a telephone call: "Label: value" lines, a time-stamped log, then what the
    caller said in a paragraph (no letter: no greeting, no sign-off)."""
    c = Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 13)
    c.drawString(50, H - 50, "FORMWICK DISTRICT COUNCIL")
    c.setFont("Helvetica", 9)
    c.drawString(50, H - 64, "Customer Contact Centre - Telephone call record (CRM print)")
    y = H - 90
    for t in header:
        c.drawString(50, y, t)
        y -= 13
    y -= 10
    c.setFont("Helvetica-Bold", 10)
    c.drawString(50, y, "What the caller said")
    c.setFont("Helvetica", 9)
    y -= 14
    for t in said:
        for part in simpleSplit(t, "Helvetica", 9, W - 100):
            c.drawString(50, y, part)
            y -= 12
    c.drawString(50, 60, "Printed 02/12/2026 16:00:37 - OFFICIAL-SENSITIVE")
    c.save()
    return path


@pytest.mark.parametrize("queue, said, form_type, want", [
    ("Council Tax - discounts",
     ["Mrs Bethany Shapland called to apply for the single person discount on her council tax account 6370 8316. "
      "The property is 40 Cliff Road, Formwick FW4 2DR. The caller said Keith Shapland moved out and that the "
      "caller has been the only adult living there since 28th June 2026. Caller confirmed the declaration was read "
      "out and agreed to it."], "council_tax_spd",
     {"applicant_name": "Mrs Bethany Shapland", "account_ref": "63708316", "address": "40 Cliff Road",
      "postcode": "FW4 2DR", "sole_adult_since": "2026-06-28", "declaration_date": "2026-12-01"}),
    ("Council Tax - moves",
     ["Mr Philip Lugg rang to say the caller is moving into 6 Heron Way, Formwick FW8 6HW on 18 December 2026 and "
      "wants to be set up for council tax there. Previous address was 55 Gloucester Road, Bristol BS7 8AD. Caller "
      "agreed the information given is correct."], "council_tax_move",
     {"applicant_name": "Mr Philip Lugg", "move_type": "in", "new_address": "6 Heron Way", "new_postcode": "FW8 6HW",
      "move_date": "2026-12-18", "declaration_date": "2026-12-01"}),
    # a move told as a noun ("a move out of"), by the caller named first; the date and the account as a note
    # gives them; the forwarding address for the final bill is the new one
    ("Council Tax - moves",
     ["Mr James Dyer rang to tell us about a move out of 24 Cliff Road, Formwick FW4 2DR. Council tax account "
      "quoted: 6323 1878. Move date given as 16 December 2026. Forwarding address for the final bill: 12 Paris "
      "Street, Exeter EX1 2JB. Caller agreed the information given is correct."], "council_tax_move",
     {"applicant_name": "Mr James Dyer", "move_type": "out", "previous_address": "24 Cliff Road",
      "previous_postcode": "FW4 2DR", "new_address": "12 Paris Street", "new_postcode": "EX1 2JB",
      "account_ref": "63231878", "move_date": "2026-12-16"}),
    # living "there alone", and the leaver's new address given for them by name
    ("Council Tax - discounts",
     ["Mr Jack Vosper called to apply for the single person discount on his council tax account CT61547154. The "
      "property is 18 Castle Hill, Formwick FW1 2HQ. The caller has lived there alone since 26th September 2026; "
      "Tracey Vosper moved out. New address given for Tracey Vosper: 33 Magdalen Road, Exeter EX2 4TA."],
     "council_tax_spd",
     {"sole_adult_since": "2026-09-26", "other_adult_forwarding_address": "33 Magdalen Road, Exeter EX2 4TA",
      "address": "18 Castle Hill"}),
])
def test_a_record_of_a_call_is_read_from_what_the_caller_said(tmp_path: Path, queue: str, said: list[str],
                                                              form_type: str, want: dict[str, str]) -> None:
    path = _call_record(tmp_path / "call.pdf", ["Log ref: CL-2026-289054", "Call date: 01/12/2026",
                                                f"Queue: {queue}", "Agent: J. Penwarden", "",
                                                "15:45:37 Inbound call answered", "15:54:57 Call ended"], said)
    with open_document(path) as doc:
        found = default_registry().classify(doc)
        assert found.extractor is not None and found.extractor.form_type == form_type
        out = found.extractor.extract(doc)
    got = {k: v.value for k, v in out.fields.items() if v.valid}
    assert {k: got.get(k) for k in want} == want


def test_a_call_records_caller_in_its_log_is_the_applicant_as_surely_as_in_what_they_said(tmp_path: Path) -> None:
    # "15:46:13  Caller:  Mrs Bethany Shapland (tel withheld)" in the log's typewriter columns: the caller named in
    # the log is the one applying, as surely as the paragraph under it says
    path = tmp_path / "call.pdf"
    c = Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(40, H - 50, "FORMWICK DISTRICT COUNCIL")
    c.setFont("Helvetica", 9)
    c.drawString(40, H - 64, "Customer Contact Centre - Telephone call record (CRM print)")
    c.setFont("Courier", 9)
    for k, (a, b) in enumerate([("Log ref:", "CL-2026-289054"), ("Call date:", "01/12/2026"),
                                ("Queue:", "Council Tax - discounts"), ("Agent:", "J. Penwarden")]):
        c.drawString(40, H - 88 - 12 * k, a)
        c.drawString(99.4, H - 88 - 12 * k, b)
    c.setFont("Helvetica-Bold", 10)
    c.drawString(40, H - 142, "Call log")
    c.setFont("Courier", 9)
    for k, (t, a, b) in enumerate([("15:45:37", "Inbound call answered", ""),
                                   ("15:46:13", "Caller:", "Mrs Bethany Shapland"),
                                   ("15:54:57", "Call ended", "")]):
        c.drawString(40, H - 157 - 12 * k, t)
        c.drawString(94, H - 157 - 12 * k, a)
        if b:
            c.drawString(137.2, H - 157 - 12 * k, b)
            c.drawString(261.4, H - 157 - 12 * k, "(tel withheld)")
    c.setFont("Helvetica-Bold", 10)
    c.drawString(40, H - 210, "What the caller said")
    c.setFont("Helvetica", 9)
    y = H - 224
    for part in simpleSplit(
            "Mrs Bethany Shapland called to apply for the single person discount on her council tax account "
            "6370 8316. The property is 40 Cliff Road, Formwick FW4 2DR. The caller said Keith Shapland moved out "
            "and that the caller has been the only adult living there since 28th June 2026. Caller confirmed the "
            "declaration was read out and agreed to it.", "Helvetica", 9, W - 80):
        c.drawString(40, y, part)
        y -= 12
    c.save()
    with open_document(path) as doc:
        found = default_registry().classify(doc)
        assert found.extractor is not None and found.extractor.form_type == "council_tax_spd"
        out = found.extractor.extract(doc)
    name = out.fields["applicant_name"]
    assert name.value == "Mrs Bethany Shapland" and name.confidence >= 0.8, (name, out.notes)
