#!/usr/bin/env python3
"""Blind test set 29: Hollinbridge District Council.

Deterministic generator. Writes records.xlsx, inbox/*.pdf, truth.jsonl next to
this file. Run:  python gen.py
"""
import datetime as dt
import json
import random
import re
import shutil
from pathlib import Path

import openpyxl
from reportlab.lib.colors import Color, black, white
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
INBOX = HERE / "inbox"
ASOF = dt.date(2026, 12, 7)
SEED = 290029
D = dt.date
W, H = A4

INK = Color(0.05, 0.13, 0.50)       # typed answers (blue-black)
GREY = Color(0.45, 0.45, 0.45)
LIGHT = Color(0.92, 0.92, 0.92)
TEAL = Color(0.0, 0.36, 0.40)       # council colour
RED = Color(0.75, 0.1, 0.1)

MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]

# --------------------------------------------------------------------------
# normal forms
# --------------------------------------------------------------------------

def norm_pc(s):
    s = re.sub(r"\s+", "", s).upper()
    return s[:-3] + " " + s[-3:]


def norm_acct(s):
    return re.sub(r"\D", "", s)


def norm_vrm(s):
    return re.sub(r"\s+", "", s).upper()


def ordinal(n):
    if 11 <= n % 100 <= 13:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }".replace(" ", "")


def fmt_date(d, style):
    if style == "dmy_slash":
        return d.strftime("%d/%m/%Y")
    if style == "dmy_slash_short":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "dmy_dash":
        return d.strftime("%d-%m-%Y")
    if style == "dmy_dot":
        return d.strftime("%d.%m.%Y")
    if style == "long":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "long_ord":
        return f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}"
    if style == "us_long":
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if style == "iso":
        return d.isoformat()
    raise ValueError(style)


# --------------------------------------------------------------------------
# the district: streets and properties
# --------------------------------------------------------------------------

# street -> (town, postcode, parking zone, ward, ward code)
STREETS = {
    "High Street": ("Hollinbridge", "HB1 1AD", "A", "Hollinbridge Central", "HC"),
    "Market Place": ("Hollinbridge", "HB1 1BN", "A", "Hollinbridge Central", "HC"),
    "Sheep Street": ("Hollinbridge", "HB1 2DQ", "A", "Hollinbridge Central", "HC"),
    "Church Walk": ("Hollinbridge", "HB1 2EW", "A", "Hollinbridge Central", "HC"),
    "Station Road": ("Hollinbridge", "HB2 4HS", "B", "Hollinbridge North", "HN"),
    "Victoria Terrace": ("Hollinbridge", "HB2 4JT", "B", "Hollinbridge North", "HN"),
    "Albert Street": ("Hollinbridge", "HB2 5LX", "B", "Hollinbridge North", "HN"),
    "Priory Gardens": ("Hollinbridge", "HB2 6NP", "C2", "Hollinbridge North", "HN"),
    "Mill Lane": ("Hollinbridge", "HB2 7QT", "", "Hollinbridge South", "HS"),
    "Orchard Rise": ("Hollinbridge", "HB3 8RU", "", "Hollinbridge South", "HS"),
    "Church Lane": ("Thornby Magna", "HB4 7QT", "", "Thornby & Wexcombe", "TW"),
    "The Green": ("Thornby Magna", "HB4 7SY", "", "Thornby & Wexcombe", "TW"),
    "Main Street": ("Wexcombe", "HB5 3TZ", "", "Thornby & Wexcombe", "TW"),
    "Back Lane": ("Wexcombe", "HB5 3UA", "", "Thornby & Wexcombe", "TW"),
    "Bridge Street": ("Stallingford", "HB6 2RW", "S1", "Stallingford", "ST"),
    "Tanners Row": ("Stallingford", "HB6 2SB", "S1", "Stallingford", "ST"),
    "Northgate": ("Stallingford", "HB6 9PD", "", "Stallingford", "ST"),
    "Hollow Road": ("Little Orwell", "HB7 5GF", "", "Orwell Vale", "OV"),
    "Coldmere Road": ("Coldmere", "HB8 1NE", "", "Orwell Vale", "OV"),
}


def street_of(line1):
    last = line1.split(",")[-1].strip()
    return re.sub(r"^\d+[A-Za-z]?\s+", "", last)


# --------------------------------------------------------------------------
# scenarios (each is one PDF). "rec" describes the records behind it.
# --------------------------------------------------------------------------

def spd(layout, name, line1, since, decl, outcome="approved", reasons=(), **kw):
    return dict(form_type="council_tax_spd", layout=layout, name=name, line1=line1,
                since=since, decl=decl, outcome=outcome, reasons=list(reasons), **kw)


def move(layout, mtype, name, move_date, decl, outcome="approved", reasons=(), **kw):
    return dict(form_type="council_tax_move", layout=layout, move_type=mtype, name=name,
                move_date=move_date, decl=decl, outcome=outcome, reasons=list(reasons), **kw)


def permit(layout, name, line1, vrm, zone, start, decl, outcome="approved", reasons=(), **kw):
    return dict(form_type="parking_permit", layout=layout, name=name, line1=line1, vrm=vrm,
                zone=zone, start=start, decl=decl, outcome=outcome, reasons=list(reasons), **kw)


SCEN = [
    # ---------------- Single person discount ----------------
    # layout A: ruled two-column paper form
    spd("A", "Mrs Janet Whitlock", "14 Mill Lane", D(2026, 9, 12), D(2026, 11, 16),
        liable=["Janet Whitlock", "Raymond Whitlock"], register=["Janet Whitlock", "Raymond Whitlock"],
        other="Raymond Whitlock", fwd="Flat 3, Weavers Court, Leicester Road, Hollinbridge HB3 2WL",
        change="We have separated and my husband has moved out.", phone="01632 960418"),
    spd("A", "Peter Hallam", "Flat 2, 7 Sheep Street", D(2026, 7, 31), D(2026, 11, 20),
        liable=["Peter Hallam", "Gemma Crisp"], register=["Peter Hallam"],
        other="Gemma Crisp", email="pete.hallam@example.com", phone="07700 900377"),
    spd("A", "Miss Rebecca Oduya", "Rose Cottage, Church Lane", D(2026, 4, 3), D(2026, 11, 24),
        liable=["Rebecca Oduya", "Thomas Kerr"], register=["Rebecca Oduya"],
        other="Thomas Kerr", fwd="Not known",
        change="My partner moved out and we are no longer together. I live on my own now.",
        email="rebecca.oduya@example.org"),
    spd("A", "Mr Harold Pennington", "3 The Green", D(2026, 10, 19), D(2026, 11, 9),
        outcome="duplicate_pair", dup="dupA", liable=["Harold Pennington", "Margaret Pennington"],
        register=["Harold Pennington", "Margaret Pennington"], other="Margaret Pennington",
        fwd="Elmhurst Care Home, Stallingford Road, Coldmere HB8 3EL",
        change="My wife has gone into Elmhurst Care Home permanently.", phone="01632 960552"),
    spd("A", "Mr Harold Pennington", "3 The Green", D(2026, 10, 19), D(2026, 11, 23),
        outcome="duplicate_pair", dup="dupA", same_as_prev=True,
        other="Margaret Pennington",
        fwd="Elmhurst Care Home, Stallingford Road, Coldmere HB8 3EL",
        change="My wife has gone into Elmhurst Care Home permanently.", phone="01632 960552"),
    spd("A", "Ms Lorraine Beckett", "27 Station Road", D(2026, 2, 1), D(2026, 11, 12),
        outcome="exception", reasons=["DISCOUNT_ALREADY_APPLIED"],
        liable=["Lorraine Beckett"], discounts="SPD", register=["Lorraine Beckett"],
        change="I live alone. Please make sure my discount is on this year's bill.",
        phone="07700 900915"),
    spd("A", "Mr Colin Ashworth", "Holly Lodge, Back Lane", D(2025, 6, 30), D(2026, 11, 27),
        outcome="exception", reasons=["DATE_TOO_OLD"],
        liable=["Colin Ashworth", "Denise Ashworth"], register=["Colin Ashworth"],
        other="Denise Ashworth",
        change="We separated and Denise moved away. I did not know I could claim until a neighbour told me.",
        email="colin.ashworth@example.net"),
    # layout B: boxed form, labels in box tops, comb fields
    spd("B", ("Mrs", "Kuldeep", "Sandhu"), "41 Albert Street", D(2026, 3, 22), D(2026, 11, 18),
        liable=["Kuldeep Sandhu", "Harjit Sandhu"], register=["Kuldeep Sandhu", "Harjit Sandhu"],
        other="Harjit Sandhu", fwd="22 Kingsway, Stallingford HB6 4TR",
        change="My husband has moved out.", phone="07700 900204"),
    spd("B", ("Mr", "Owen", "Prideaux"), "Flat 1, 9 Market Place", D(2026, 8, 14), D(2026, 11, 30),
        liable=["Owen Prideaux", "Lucy Fairbairn"], register=["Owen Prideaux"],
        other="Lucy Fairbairn", email="owen.prideaux@example.com"),
    spd("B", ("Dr", "Helen", "Marsh"), "The Old Forge, Main Street", D(2026, 5, 9), D(2026, 11, 21),
        liable=["Helen Marsh", "Jonathan Marsh"], register=["Helen Marsh"],
        other="Jonathan Marsh", fwd="14 Abbey Road, Hollinbridge HB3 5NS",
        phone="01632 960733", email="h.marsh@example.org"),
    spd("B", ("Mr", "Thomas", "Allsop"), "8 Priory Gardens", D(2026, 10, 1), D(2026, 11, 26),
        outcome="exception", reasons=["NAME_MISMATCH"],
        liable=["Sarah Pickering"], register=["Thomas Allsop", "Sarah Pickering"],
        other="Sarah Pickering", change="Sarah has moved out. The bill is in her name but I am staying on.",
        phone="07700 900648"),
    spd("B", ("Mrs", "Diane", "Hartshorne"), "62 Coldmere Road", D(2026, 6, 6), D(2026, 11, 19),
        outcome="exception", reasons=["OTHER_ADULTS_REGISTERED"],
        liable=["Diane Hartshorne", "Keith Hartshorne"],
        register=["Diane Hartshorne", "Keith Hartshorne", "Liam Hartshorne"],
        other="Keith Hartshorne", fwd="Not known", phone="01632 960281"),
    spd("B", ("Mr", "Gareth", "Lowe"), "19 Northgate", D(2026, 9, 28), None,
        outcome="exception", reasons=["MISSING_FIELD:declaration_date"],
        liable=["Gareth Lowe", "Nicola Lowe"], register=["Gareth Lowe"],
        other="Nicola Lowe", fwd="7 Fenwick Close, Coldmere HB8 2HU",
        email="gareth.lowe@example.com"),
    # layout C: fillable AcroForm, numbered questions
    spd("C", "Ms Yvonne Tait", "5 Orchard Rise", D(2026, 1, 16), D(2026, 11, 17),
        liable=["Yvonne Tait", "Craig Tait"], register=["Yvonne Tait"],
        other="Craig Tait", change="Our divorce is final and Craig moved out in the new year.",
        phone="07700 900531", email="yvonne.tait@example.com"),
    spd("C", "Samuel Nwosu", "Flat 3, 21 High Street", D(2026, 11, 2), D(2026, 11, 25),
        liable=["Samuel Nwosu", "Kemi Adeyemi"], register=["Samuel Nwosu", "Kemi Adeyemi"],
        other="Kemi Adeyemi", fwd="Room 14, Hartley Hall, University of Leicester",
        change="My flatmate finished her placement and moved out.",
        email="sam.nwosu@example.net"),
    spd("C", "Mrs Patricia Dunmore", "Willow Bank, Hollow Road", D(2026, 8, 3), D(2026, 11, 13),
        liable=["Patricia Dunmore", "Ronald Dunmore"], register=["Patricia Dunmore"],
        other="Ronald Dunmore",
        change="My husband Ronald died on 3 August 2026 and I now live alone.",
        phone="01632 960846"),
    spd("C", "Mr Ian Fairlie", "11 Tanners Row", D(2026, 10, 10), D(2026, 11, 28),
        outcome="exception", reasons=["ACCOUNT_NOT_FOUND"], acct_wrong=True,
        liable=["Ian Fairlie", "Claire Fairlie"], register=["Ian Fairlie"],
        other="Claire Fairlie", phone="07700 900120"),
    spd("C", "Miss Chantelle Rigby", "4 Victoria Terrace", D(2026, 9, 5), D(2026, 11, 22),
        outcome="exception", reasons=["ADDRESS_MISMATCH"], written_line1="6 Victoria Terrace",
        liable=["Chantelle Rigby", "Jordan Pike"], register=["Chantelle Rigby"],
        other="Jordan Pike", change="Jordan moved out and I moved to number 6 on the same street.",
        email="chantelle.rigby@example.com"),

    # ---------------- Moving home ----------------
    # layout A
    move("A", "out", "Mr Richard Coles", D(2026, 11, 27), D(2026, 11, 24),
         prev="22 Sheep Street", liable=["Richard Coles", "Anne Coles"],
         new=("Apartment 6, Riverside Court", "Stallingford", "HB6 4QZ"), phone="01632 960190"),
    move("A", "in", "Mrs Fiona McAllister", D(2026, 11, 14), D(2026, 11, 20),
         new_prop="2 Church Walk", prev_free=("15 Linden Avenue", "Hollinbridge", "HB3 6AF"),
         email="fiona.mcallister@example.com"),
    move("A", "out", "Jodie Marsden", D(2026, 10, 31), D(2026, 11, 4),
         prev="Flat 4, 3 Bridge Street", liable=["Jodie Marsden"],
         new=("17 Cecil Road", "Hollinbridge", "HB3 2PW"), phone="07700 900862"),
    move("A", "out", "Mr Dennis Oakley", D(2026, 11, 20), D(2026, 11, 21),
         outcome="exception", reasons=["ACCOUNT_NOT_FOUND"], acct_wrong=True,
         prev="9 Main Street", liable=["Dennis Oakley"], phone="01632 960377"),
    move("A", "out", "Mrs Sheila Granger", None, D(2026, 12, 1),
         outcome="exception", reasons=["MISSING_FIELD:move_date"],
         prev="The Granary, Hollow Road", liable=["Sheila Granger"],
         new=("4 Abbots Way", "Coldmere", "HB8 4LB"), email="sheila.granger@example.org"),
    # layout C
    move("C", "in", "Mr Kwame Asante", D(2026, 12, 1), D(2026, 12, 2),
         new_prop="12 Orchard Rise", phone="07700 900456", email="k.asante@example.com"),
    move("C", "out", "Mrs Laura Greenhalgh", D(2026, 12, 12), D(2026, 11, 29),
         prev="30 Albert Street", liable=["Laura Greenhalgh", "Mark Greenhalgh"],
         new=("Flat 8, Kingfisher Court", "Hollinbridge", "HB3 6DX"), phone="01632 960604"),
    move("C", "in", "Miss Bethany Ingram", D(2026, 10, 24), D(2026, 11, 3),
         new_prop="Flat 2, 14 Market Place", prev_free=("31 Greaves Street", "Stallingford", "HB6 5EJ"),
         email="bethany.ingram@example.net"),
    move("C", "out", "Mr Stuart Pell", D(2026, 9, 30), D(2026, 11, 10),
         prev="Ivy Cottage, Church Lane", liable=["Stuart Pell", "Wendy Pell"],
         new=("9 Lime Tree Walk", "Coldmere", "HB8 2RA"), phone="01632 960915"),
    move("C", "in", "Mr Adam Whitcombe", D(2026, 11, 28), D(2026, 11, 30),
         outcome="exception", reasons=["PROPERTY_NOT_FOUND"],
         new_free=("Plot 14, Kestrel Way", "Hollinbridge", "HB3 9WD"), phone="07700 900713"),
    move("C", "in", "Ms Priya Chauhan", D(2027, 2, 13), D(2026, 11, 26),
         outcome="exception", reasons=["DATE_IN_FUTURE"],
         new_prop="7 Back Lane", email="priya.chauhan@example.com"),
    # layout D: online form notification printed from email
    move("D", "out", "Neil Forsyth", D(2026, 11, 6), D(2026, 11, 7),
         prev="45 Station Road", liable=["Neil Forsyth"],
         new=("3 Haybarn Close", "Stallingford", "HB6 7JN"), phone="07700 900241",
         email="neil.forsyth@example.com"),
    move("D", "in", "Mrs Grace Oyelaran", D(2026, 11, 21), D(2026, 11, 22),
         new_prop="16 Victoria Terrace", email="grace.oyelaran@example.org"),
    move("D", "out", "Ms Hannah Lister", D(2026, 12, 18), D(2026, 12, 3),
         prev="Flat 6, 21 High Street", liable=["Hannah Lister"],
         new=("12 Ferry Lane", "Stallingford", "HB6 3WE"), email="hannah.lister@example.net"),
    move("D", "out", "Mr Barry Stenson", D(2025, 10, 17), D(2026, 11, 29),
         outcome="exception", reasons=["DATE_TOO_OLD"],
         prev="2 Northgate", liable=["Barry Stenson"],
         new=("Flat 1, Station Buildings", "Coldmere", "HB8 6PF"), phone="01632 960062"),
    move("D", "out", "Liam Doherty", D(2026, 11, 30), D(2026, 12, 1),
         outcome="exception", reasons=["NAME_MISMATCH"],
         prev="28 Coldmere Road", liable=["Siobhan Doherty"],
         new=("5 Quarry Bank", "Hollinbridge", "HB3 7UP"), email="liam.doherty@example.com"),

    # ---------------- Residents' parking permits ----------------
    # layout A
    permit("A", "Mrs Angela Fairweather", "10 Church Walk", "KY19 HDM", "A", D(2026, 12, 14), D(2026, 11, 25),
           make="Vauxhall", liable=["Angela Fairweather", "Paul Fairweather"],
           register=["Angela Fairweather", "Paul Fairweather"],
           permits=[("GN18 WPA", D(2026, 6, 1), D(2027, 5, 31))], phone="01632 960507"),
    permit("A", "Mr Robert Ilsley", "5 Bridge Street", "R482 KJT", "S1", D(2026, 12, 1), D(2026, 11, 18),
           make="Land Rover", liable=["Michael Ilsley"], register=["Michael Ilsley", "Robert Ilsley"],
           email="rob.ilsley@example.com"),
    permit("A", "Ms Naomi Bright", "Flat 1, 33 Albert Street", "nd68 xpv", "B", D(2026, 12, 21), D(2026, 11, 30),
           make="Toyota", liable=["Naomi Bright"], register=["Naomi Bright"],
           permits=[("ND68XPV", D(2025, 12, 1), D(2026, 11, 30))], phone="07700 900318"),
    permit("A", "Mr Graham Tilley", "17 Mill Lane", "WP17 FKE", "B", D(2026, 12, 10), D(2026, 11, 23),
           outcome="exception", reasons=["NOT_IN_PERMIT_ZONE"],
           make="Skoda", liable=["Graham Tilley", "June Tilley"], register=["Graham Tilley", "June Tilley"],
           phone="01632 960741"),
    permit("A", "Mrs Maureen Cheetham", "4 Tanners Row", "YR15 VD", "S1", D(2026, 12, 7), D(2026, 11, 26),
           outcome="exception", reasons=["INVALID_FORMAT:vrm"],
           make="Nissan", liable=["Maureen Cheetham"], register=["Maureen Cheetham"],
           phone="01632 960998"),
    # layout B
    permit("B", ("Mr", "Darren", "Kettle"), "19 Sheep Street", "FG21 LNU", "A", D(2026, 12, 5), D(2026, 11, 21),
           make="Ford", liable=["Darren Kettle", "Louise Kettle"], register=["Darren Kettle", "Louise Kettle"],
           phone="07700 900590"),
    permit("B", ("Miss", "Keeley", "Brennan"), "58 Station Road", "BD16 RWN", "B", D(2026, 12, 19), D(2026, 12, 2),
           make="Kia", liable=["Martin Brennan", "Carol Brennan"],
           register=["Martin Brennan", "Carol Brennan", "Keeley Brennan"],
           permits=[("DA14 HTX", D(2026, 2, 1), D(2027, 1, 31))], email="keeley.brennan@example.com"),
    permit("B", ("Mr", "Alan", "Peacock"), "3 Priory Gardens", "LDR 77P", "C2", D(2026, 12, 28), D(2026, 11, 27),
           make="MG", liable=["Alan Peacock"], register=["Alan Peacock"], phone="01632 960165"),
    permit("B", ("Mrs", "Joan", "Everitt"), "Flat 3, 9 Market Place", "SN70 KWT", "A", D(2026, 12, 9), D(2026, 11, 20),
           make="Honda", liable=["Joan Everitt"], register=["Joan Everitt"], phone="01632 960287"),
    permit("B", ("Mr", "Philip", "Norbury"), "24 Victoria Terrace", "EA66 PTL", "B", D(2026, 12, 1), D(2026, 11, 19),
           outcome="exception", reasons=["VRM_HAS_PERMIT"],
           make="Peugeot", liable=["Philip Norbury"], register=["Philip Norbury"],
           permits=[("EA66PTL", D(2026, 3, 1), D(2027, 2, 28))], phone="07700 900807"),
    permit("B", ("Mrs", "Sandra", "Quigley"), "12 Bridge Street", "GK20 MVA", "S1", D(2026, 12, 14), D(2026, 11, 28),
           outcome="exception", reasons=["PERMIT_CAP_REACHED"],
           make="Renault", liable=["Sandra Quigley", "Brian Quigley"],
           register=["Sandra Quigley", "Brian Quigley", "Aidan Quigley"],
           permits=[("BV17 NRE", D(2026, 4, 1), D(2027, 3, 31)), ("AJ62 WFT", D(2026, 9, 1), D(2027, 8, 31))],
           email="s.quigley@example.net"),
    # layout D
    permit("D", "Mr Ethan Lockwood", "6 High Street", "AY23 TRX", "A", D(2026, 12, 12), D(2026, 12, 4),
           make="Volkswagen", liable=["Ethan Lockwood"], register=["Ethan Lockwood"],
           phone="07700 900149", email="ethan.lockwood@example.com"),
    permit("D", "Ms Rosa Delgado", "9 Priory Gardens", "MA18 WJB", "C2", D(2026, 12, 15), D(2026, 12, 1),
           make="Fiat", liable=["Rosa Delgado", "Tomas Delgado"], register=["Rosa Delgado", "Tomas Delgado"],
           email="rosa.delgado@example.org"),
    permit("D", "Callum Reid", "Flat 2, 1 Tanners Row", "FN65 CXH", "S1", D(2026, 12, 3), D(2026, 11, 28),
           make="Hyundai", liable=["Callum Reid"], register=["Callum Reid"], phone="07700 900275"),
    permit("D", "Miss Abigail Trent", "38 Sheep Street", "PL19 RDU", "A", D(2026, 12, 8), D(2026, 12, 2),
           outcome="exception", reasons=["NOT_RESIDENT"],
           make="Citroen", liable=["Derek Shaw", "Valerie Shaw"], register=["Derek Shaw", "Valerie Shaw"],
           email="abbie.trent@example.com"),
    permit("D", "Mr Vikram Mehta", "2 Market Place", "VK71 BHN", "A", D(2027, 3, 1), D(2026, 12, 3),
           outcome="exception", reasons=["DATE_IN_FUTURE"],
           make="BMW", liable=["Vikram Mehta", "Anjali Mehta"], register=["Vikram Mehta", "Anjali Mehta"],
           phone="07700 900988"),
]


def wd(d):
    return d.strftime("%A")


# correspondence: layout D (emails) and E (letters)
CORR = [
    dict(layout="E", topic="missed_bin", outcome="approved", reasons=[],
         sender="Mrs Eileen Crowther", line1="3 Tanners Row", town="Stallingford",
         liable=["Eileen Crowther"], letter_date=D(2026, 12, 1),
         salutation="Dear Sir or Madam,",
         paras=[f"I am writing because my green garden waste bin was not emptied on {wd(D(2026, 11, 24))} 24 November 2026. "
                "It was out at the kerb by seven o'clock as usual and the lorry went straight past.",
                "I rang the contact centre the next day and was told it would be collected within two working days, "
                "but it is still full. I pay for the garden waste service and would be grateful if you could arrange "
                "a collection as soon as possible.",
                "I am 81 and cannot take the cuttings to the tip myself."],
         dates=[D(2026, 11, 24)], close="Yours faithfully,"),
    dict(layout="E", topic="council_tax_query", outcome="approved", reasons=[],
         sender="Mr Geoffrey Banham", line1="Beech House, The Green", town="Thornby Magna",
         liable=["Geoffrey Banham", "Elizabeth Banham"], acct_style="Account number: {a4} {b4}",
         letter_date=D(2026, 11, 27), salutation="Dear Council Tax Section,",
         paras=["I have received a revised bill dated 16 November 2026 which shows a balance of £412.60 "
                "to be paid in three instalments. I do not understand why the amount has changed part-way through the year, "
                "as nothing about our household has altered.",
                "Could you please explain how the new figure was worked out, and confirm whether my Direct Debit "
                "will be adjusted automatically or whether I need to contact my bank."],
         dates=[D(2026, 11, 16)], close="Yours sincerely,"),
    dict(layout="E", topic="complaint", outcome="approved", reasons=[],
         sender="Ms Frances Oduwole", line1="Flat 5, 40 Church Walk", town="Hollinbridge",
         liable=["Frances Oduwole"], letter_date=D(2026, 12, 2), salutation="Dear Complaints Officer,",
         paras=["I wish to make a formal complaint about the way I was treated when I visited the Council Offices "
                "on 19 November 2026 to ask about a housing benefit letter.",
                "I waited over an hour and was then told by the member of staff on the desk that I had come to the wrong "
                "place and should 'go online like everyone else'. I do not have a computer. I found this rude and unhelpful, "
                "and I left without my question being answered.",
                "I would like an apology and a proper answer to my query. I expect a reply under your complaints procedure."],
         dates=[D(2026, 11, 19)], close="Yours faithfully,"),
    dict(layout="E", topic="other", outcome="approved", reasons=[],
         sender="Rev. Andrew Lyle", line1="The Vicarage, Church Lane", town="Thornby Magna",
         liable=["Andrew Lyle"], letter_date=D(2026, 11, 30), salutation="Dear Sir or Madam,",
         paras=["Thornby Magna Parish Church would like to hold its Christmas lantern procession through the village "
                "on the evening of 20 December 2026, starting at the church gate and finishing on The Green.",
                "Please could you tell me whether we need a temporary road closure or any other permission from the district "
                "council for this, and if so what form we should fill in and how much notice you need."],
         dates=[D(2026, 12, 20)], close="With thanks and best wishes,"),
    dict(layout="E", topic="complaint", outcome="exception", reasons=["SENDER_UNKNOWN"],
         sender=None, line1=None, letter_date=None, salutation="To whom it may concern,",
         paras=["I want to complain about the state of the public toilets in the Market Place car park in Hollinbridge. "
                "They have been locked every weekend since the end of October and when they are open they are filthy.",
                "This is not good enough for a market town that wants visitors. Someone at the council needs to sort it out."],
         dates=[], close="A fed-up resident"),
    dict(layout="D", topic="council_tax_query", outcome="approved", reasons=[],
         sender="Kirsty Wardle", line1="18 Victoria Terrace", town="Hollinbridge",
         liable=["Kirsty Wardle", "Daniel Wardle"], acct_style="CT{a8}",
         email="kirsty.wardle@example.com", sent=dt.datetime(2026, 12, 3, 8, 47),
         subject="Change of instalment date", salutation="Hello,",
         paras=["Please can you move my Council Tax Direct Debit from the 1st to the 15th of each month, starting from "
                "January? My pay date has changed.",
                "My account reference is {acct}."],
         dates=[], close="Many thanks,"),
    dict(layout="D", topic="missed_bin", outcome="approved", reasons=[],
         sender="Mr Harvey Okafor", line1="7 Orchard Rise", town="Hollinbridge",
         liable=["Harvey Okafor"], email="harvey.okafor@example.net", sent=dt.datetime(2026, 12, 1, 17, 12),
         subject="Recycling not collected - Orchard Rise", salutation="Dear Waste Services,",
         paras=[f"Our blue recycling bin was not emptied on {wd(D(2026, 11, 30))} 30/11/2026. The rest of the road was done "
                "but ours and our neighbours' at numbers 9 and 11 were missed.",
                "Could you please send the crew back? The bin is still out."],
         dates=[D(2026, 11, 30)], close="Regards,"),
    dict(layout="D", topic="foi_request", outcome="exception", reasons=["SENDER_UNKNOWN"],
         sender="Martin Greaves", line1=None, email="m.greaves.research@example.org",
         sent=dt.datetime(2026, 12, 2, 10, 31),
         subject="Freedom of Information request - pothole compensation claims", salutation="Dear FOI Officer,",
         paras=["Under the Freedom of Information Act 2000, please provide the following information:",
                "1. The number of claims for vehicle damage caused by potholes received by Hollinbridge District Council "
                "between 1 April 2025 and 31 March 2026.",
                "2. The total amount paid out in compensation for those claims.",
                "I would prefer to receive the information electronically, in a spreadsheet if possible."],
         dates=[D(2025, 4, 1), D(2026, 3, 31)], close="Yours faithfully,"),
    dict(layout="D", topic="council_tax_query", outcome="exception", reasons=["ACCOUNT_NOT_FOUND"],
         sender="Mrs Nadia Farrow", line1="21 Mill Lane", town="Hollinbridge", liable=["Nadia Farrow"],
         acct_wrong=True, acct_style="{a4}-{b4}",
         email="nadia.farrow@example.com", sent=dt.datetime(2026, 12, 4, 13, 5),
         subject="Council tax refund?", salutation="Good afternoon,",
         paras=["I think I have paid too much Council Tax this year. I paid the whole year in one go on 2 April 2026 "
                "but I am still getting reminders.",
                "My reference is {acct}. Please could you check the account and let me know if I am due a refund?"],
         dates=[D(2026, 4, 2)], close="Kind regards,"),
    dict(layout="D", topic="foi_request", outcome="approved", reasons=[],
         sender="Dr Simon Achterberg", line1="Greystones, Hollow Road", town="Little Orwell",
         liable=["Simon Achterberg", "Ruth Achterberg"], email="s.achterberg@example.net",
         sent=dt.datetime(2026, 11, 26, 21, 40),
         subject="FOI request: grass verge cutting schedule", salutation="Dear Sir or Madam,",
         paras=["I am making a request under the Freedom of Information Act 2000.",
                "Please send me a copy of the grass verge and hedge cutting schedule for the parishes of Little Orwell "
                "and Coldmere for 2026, and the name of the contractor that carries out the work.",
                "Please reply by email."],
         dates=[], close="Yours faithfully,"),
]


# --------------------------------------------------------------------------
# records
# --------------------------------------------------------------------------

FIRST = ["Alison", "Barry", "Catherine", "Derek", "Emma", "Frank", "Gillian", "Howard", "Imogen", "Jack",
         "Karen", "Leonard", "Megan", "Nigel", "Olivia", "Philippa", "Roger", "Sophie", "Trevor", "Una",
         "Vincent", "Wendy", "Yasmin", "Zoe", "Arthur", "Bridget", "Clive", "Dawn", "Edward", "Faye"]
LAST = ["Abbott", "Birtles", "Cartwright", "Dobbs", "Ellwood", "Fogarty", "Gaskell", "Horrocks", "Jowett",
        "Kimber", "Lightfoot", "Moffat", "Nuttall", "Orme", "Padgett", "Ridley", "Swindells", "Thackray",
        "Upton", "Varley", "Whitehouse", "Yardley", "Ackroyd", "Brassington", "Culshaw", "Dimmock"]
HOUSE_NAMES = ["Orchard House", "The Laurels", "Meadow View", "Brook Cottage", "Fern Lea", "The Barn",
               "Sunnyside", "Hawthorn Cottage", "Corner Cottage", "Stable End"]


class Records:
    def __init__(self, rng):
        self.rng = rng
        self.props = {}        # line1 -> dict
        self.accounts = []
        self.electors = []
        self.permits = []
        self.uprn = 100090410000
        self.used_refs = set()
        self.elector_seq = {}
        self.permit_seq = 100

    def prop(self, line1, band=None):
        if line1 in self.props:
            return self.props[line1]
        st = street_of(line1)
        town, pc, zone, ward, wcode = STREETS[st]
        self.uprn += self.rng.randint(3, 40)
        p = dict(uprn=self.uprn, address_line_1=line1, address_line_2="", town=town, postcode=pc,
                 council_tax_band=band or self.rng.choice("AABBBCCCDDEF"), ward=ward,
                 parking_zone=zone, wcode=wcode)
        self.props[line1] = p
        return p

    def new_ref(self):
        while True:
            r = str(self.rng.randint(31000000, 31099999))
            if r not in self.used_refs:
                self.used_refs.add(r)
                return r

    def missing_ref(self, near):
        # a plausible mistyping of a real reference (two digits transposed) that does not exist
        for i in range(7, 1, -1):
            s = list(near)
            s[i - 1], s[i] = s[i], s[i - 1]
            cand = "".join(s)
            if cand != near and cand not in self.used_refs:
                self.used_refs.add(cand)
                return cand
        raise RuntimeError

    def account(self, p, liable, status="active", start=None, end=None, discounts=""):
        ref = self.new_ref()
        start = start or D(self.rng.randint(2009, 2024), self.rng.randint(1, 12), self.rng.randint(1, 28))
        self.accounts.append(dict(account_ref=ref, uprn=p["uprn"], liable_parties="; ".join(liable),
                                  status=status, start_date=start, end_date=end, discounts=discounts))
        return ref

    def elector(self, name, p):
        w = p["wcode"]
        self.elector_seq[w] = self.elector_seq.get(w, 100) + self.rng.randint(1, 9)
        self.electors.append(dict(elector_number=f"{w}-{self.elector_seq[w]}", full_name=name, uprn=p["uprn"]))

    def permit(self, p, vrm, frm, to):
        self.permit_seq += self.rng.randint(1, 17)
        self.permits.append(dict(permit_ref=f"RP{frm.year % 100:02d}-{self.permit_seq:05d}", uprn=p["uprn"],
                                 vrm=norm_vrm(vrm), zone=p["parking_zone"], valid_from=frm, valid_to=to))


def strip_title(n):
    return re.sub(r"^(Mr|Mrs|Ms|Miss|Dr|Mx|Rev\.?)\s+", "", n)


def build_records(rng):
    R = Records(rng)
    prev_spd = None
    for s in SCEN:
        ft = s["form_type"]
        if ft == "council_tax_spd":
            if s.get("same_as_prev"):
                s["acct"] = prev_spd["acct"]
                s["prop"] = prev_spd["prop"]
                continue
            p = R.prop(s["line1"])
            s["prop"] = p
            ref = R.account(p, s["liable"], discounts=s.get("discounts", ""))
            s["acct"] = R.missing_ref(ref) if s.get("acct_wrong") else ref
            for n in s["register"]:
                R.elector(n, p)
            if s.get("written_line1"):
                q = R.prop(s["written_line1"])
                R.account(q, ["Marcus Yeo"])
                R.elector("Marcus Yeo", q)
            prev_spd = s
        elif ft == "council_tax_move":
            if s["move_type"] == "out":
                p = R.prop(s["prev"])
                s["prop"] = p
                ref = R.account(p, s["liable"])
                s["acct"] = R.missing_ref(ref) if s.get("acct_wrong") else ref
                for n in s["liable"]:
                    R.elector(n, p)
            else:
                if s.get("new_prop"):
                    p = R.prop(s["new_prop"])
                    s["prop"] = p
                    old = rng.choice(LAST)
                    end = s["move_date"] - dt.timedelta(days=rng.randint(3, 40))
                    R.account(p, [f"{rng.choice(FIRST)} {old}"], status="closed",
                              start=D(rng.randint(2012, 2022), rng.randint(1, 12), 1), end=end)
                else:
                    s["prop"] = None
        elif ft == "parking_permit":
            p = R.prop(s["line1"])
            s["prop"] = p
            R.account(p, s["liable"])
            for n in s["register"]:
                R.elector(n, p)
            for vrm, frm, to in s.get("permits", []):
                R.permit(p, vrm, frm, to)
    for c in CORR:
        if c.get("line1"):
            p = R.prop(c["line1"])
            c["prop"] = p
            ref = R.account(p, c["liable"])
            c["acct"] = R.missing_ref(ref) if c.get("acct_wrong") else ref
            for n in c["liable"]:
                R.elector(n, p)

    # filler households so the extract looks like a real one
    for st, (town, pc, zone, ward, wcode) in STREETS.items():
        nums = rng.sample(range(1, 70), 4)
        for k, n in enumerate(nums):
            line1 = f"{n} {st}" if k < 3 or st in ("High Street", "Market Place") else f"{rng.choice(HOUSE_NAMES)}, {st}"
            if line1 in R.props:
                continue
            p = R.prop(line1)
            if rng.random() < 0.15:
                p["address_line_2"] = {"Hollinbridge": "Bridge End", "Stallingford": "Upper Town"}.get(town, "")
            sur = rng.choice(LAST)
            people = [f"{rng.choice(FIRST)} {sur}"] + ([f"{rng.choice(FIRST)} {sur}"] if rng.random() < 0.6 else [])
            people = list(dict.fromkeys(people))
            disc = "SPD" if len(people) == 1 and rng.random() < 0.7 else ""
            if rng.random() < 0.25:
                R.account(p, [f"{rng.choice(FIRST)} {rng.choice(LAST)}"], status="closed",
                          start=D(2015, rng.randint(1, 12), 1), end=D(rng.randint(2018, 2022), rng.randint(1, 12), 14))
            R.account(p, people, discounts=disc)
            for n_ in people:
                R.elector(n_, p)
            if rng.random() < 0.2:
                R.elector(f"{rng.choice(FIRST)} {sur}", p)
            if zone and rng.random() < 0.7:
                letters = "ABCDEFGHJKLMNPRSTUVWXY"
                vrm = (rng.choice(letters) + rng.choice(letters) + f"{rng.choice([15,16,17,18,19,20,21,22,23,65,66,67,68,69,70,71,72,73])}"
                       + "".join(rng.choice(letters) for _ in range(3)))
                y = rng.choice([2025, 2026])
                m = rng.randint(1, 12)
                frm = D(y, m, 1)
                R.permit(p, vrm, frm, D(y + 1, m, 1) - dt.timedelta(days=1))
    return R


def write_workbook(R, path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "properties"
    cols = ["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band", "ward", "parking_zone"]
    ws.append(cols)
    for p in sorted(R.props.values(), key=lambda x: x["uprn"]):
        ws.append([p[c] if p[c] != "" else None for c in cols])
    ws2 = wb.create_sheet("council_tax_accounts")
    cols2 = ["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"]
    ws2.append(cols2)
    for a in sorted(R.accounts, key=lambda x: x["account_ref"]):
        ws2.append([a[c] if a[c] != "" else None for c in cols2])
    for row in ws2.iter_rows(min_row=2):
        row[0].number_format = "@"
        row[4].number_format = "yyyy-mm-dd"
        row[5].number_format = "yyyy-mm-dd"
    ws3 = wb.create_sheet("electoral_register")
    ws3.append(["elector_number", "full_name", "uprn"])
    for e in R.electors:
        ws3.append([e["elector_number"], e["full_name"], e["uprn"]])
    ws4 = wb.create_sheet("parking_permits")
    cols4 = ["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"]
    ws4.append(cols4)
    for pm in R.permits:
        ws4.append([pm[c] for c in cols4])
    for row in ws4.iter_rows(min_row=2):
        row[4].number_format = "yyyy-mm-dd"
        row[5].number_format = "yyyy-mm-dd"
    for w in wb.worksheets:
        for col in w.columns:
            w.column_dimensions[col[0].column_letter].width = max(12, max(len(str(c.value or "")) for c in col) + 2)
    wb.properties.creator = "Hollinbridge DC Revenues"
    fixed = dt.datetime(2026, 12, 7, 7, 30)
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.save(path)
    # make the workbook byte-for-byte reproducible: fixed zip entry timestamps
    import io
    import zipfile
    src = zipfile.ZipFile(path)
    entries = [(i.filename, src.read(i.filename)) for i in src.infolist()]
    src.close()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-12-07T07:30:00Z", data)
            z.writestr(zipfile.ZipInfo(name, date_time=(2026, 12, 7, 7, 30, 0)), data,
                       compress_type=zipfile.ZIP_DEFLATED)
    Path(path).write_bytes(buf.getvalue())


# --------------------------------------------------------------------------
# drawing helpers
# --------------------------------------------------------------------------

def wrap(text, font, size, width):
    words = text.split()
    lines, cur = [], ""
    for w_ in words:
        t = (cur + " " + w_).strip()
        if stringWidth(t, font, size) <= width or not cur:
            cur = t
        else:
            lines.append(cur)
            cur = w_
    if cur:
        lines.append(cur)
    return lines


def para(c, x, y, text, font="Helvetica", size=9, width=480, leading=None, color=black):
    leading = leading or size * 1.3
    c.setFont(font, size)
    c.setFillColor(color)
    for ln in wrap(text, font, size, width):
        c.drawString(x, y, ln)
        y -= leading
    c.setFillColor(black)
    return y


def signature(c, x, y, rng, color=INK):
    c.saveState()
    c.setStrokeColor(color)
    c.setLineWidth(1.1)
    p = c.beginPath()
    p.moveTo(x, y)
    cx = x
    for _ in range(rng.randint(3, 5)):
        dx = rng.uniform(12, 24)
        p.curveTo(cx + dx * 0.3, y + rng.uniform(6, 14), cx + dx * 0.7, y - rng.uniform(4, 10), cx + dx, y + rng.uniform(-2, 4))
        cx += dx
    p.curveTo(cx + 8, y + 10, cx - 30, y - 6, cx + 20, y - 2)
    c.drawPath(p, stroke=1, fill=0)
    c.restoreState()


def tick(c, x, y, size, checked, style="x"):
    c.setLineWidth(0.7)
    c.setStrokeColor(black)
    c.rect(x, y, size, size, stroke=1, fill=0)
    if checked:
        c.setStrokeColor(INK)
        c.setLineWidth(1.4)
        if style == "x":
            c.line(x + 2, y + 2, x + size - 2, y + size - 2)
            c.line(x + 2, y + size - 2, x + size - 2, y + 2)
        else:
            c.line(x + 2, y + size / 2, x + size / 2.5, y + 2)
            c.line(x + size / 2.5, y + 2, x + size - 1, y + size - 1)
        c.setStrokeColor(black)
        c.setLineWidth(0.7)


def fields_common(s, name):
    f = {"applicant_name": name}
    if s.get("phone"):
        f["phone"] = s["phone"]
    if s.get("email"):
        f["email"] = s["email"]
    if s.get("decl"):
        f["declaration_date"] = s["decl"].isoformat()
    return f


# ==========================================================================
# Layout A: two-column paper form, labels left, typed answers on dotted lines
# ==========================================================================

class LayoutA:
    LX, AX, RX = 48, 232, 548

    def __init__(self, c, rng, title, code, pages):
        self.c, self.rng, self.title, self.code, self.pages = c, rng, title, code, pages
        self.page = 1

    def header(self, subtitle, intro):
        c = self.c
        c.setFillColor(TEAL)
        c.rect(0, H - 78, W, 78, stroke=0, fill=1)
        c.setFillColor(white)
        c.setFont("Helvetica-Bold", 17)
        c.drawString(self.LX, H - 38, "Hollinbridge District Council")
        c.setFont("Helvetica", 9)
        c.drawString(self.LX, H - 54, "Council Offices, Bridge End, Hollinbridge HB1 9HD  |  01632 960000  |  hollinbridge.gov.uk")
        c.setFont("Helvetica-Bold", 12)
        c.drawRightString(self.RX, H - 36, subtitle)
        c.setFont("Helvetica", 9)
        c.drawRightString(self.RX, H - 52, f"Form {self.code}")
        c.setFillColor(black)
        c.setFont("Helvetica-Bold", 14)
        c.drawString(self.LX, H - 104, self.title)
        y = H - 122
        c.setFillColor(LIGHT)
        lines = []
        for t in intro:
            lines += wrap(t, "Helvetica", 8.5, 480) + [""]
        hbox = 12 * len(lines) + 6
        c.rect(self.LX - 4, y - hbox + 10, self.RX - self.LX + 8, hbox, stroke=0, fill=1)
        c.setFillColor(black)
        c.setFont("Helvetica-Bold", 8.5)
        c.drawString(self.LX + 2, y, "Guidance notes")
        y -= 13
        for t in intro:
            y = para(c, self.LX + 2, y, t, size=8.5, width=486, leading=11) - 3
        return y - 14

    def running_head(self):
        c = self.c
        c.setFont("Helvetica-Oblique", 8.5)
        c.setFillColor(GREY)
        c.drawString(self.LX, H - 30, f"Hollinbridge District Council \u2013 {self.title} (continued)")
        c.drawRightString(self.RX, H - 30, f"Form {self.code}")
        c.setStrokeColor(GREY)
        c.line(self.LX, H - 36, self.RX, H - 36)
        c.setFillColor(black)
        c.setStrokeColor(black)
        return H - 64

    def footer(self):
        c = self.c
        c.setFont("Helvetica", 7.5)
        c.setFillColor(GREY)
        c.drawString(self.LX, 26, f"{self.code} (rev. 04/2026)   Data protection: we use your information to administer Council Tax and parking. See hollinbridge.gov.uk/privacy")
        c.drawRightString(self.RX, 14, f"Page {self.page} of {self.pages}")
        c.setFillColor(black)

    def next_page(self):
        self.footer()
        self.c.showPage()
        self.page += 1
        return self.running_head()

    def section(self, y, text):
        c = self.c
        c.setFillColor(TEAL)
        c.rect(self.LX - 4, y - 4, self.RX - self.LX + 8, 16, stroke=0, fill=1)
        c.setFillColor(white)
        c.setFont("Helvetica-Bold", 10)
        c.drawString(self.LX, y, text)
        c.setFillColor(black)
        return y - 26

    def dotted(self, x0, x1, y):
        c = self.c
        c.setDash(1, 2)
        c.setStrokeColor(GREY)
        c.line(x0, y, x1, y)
        c.setDash()
        c.setStrokeColor(black)

    def row(self, y, label, values, hint=None):
        """label on the left; one dotted line per value on the right."""
        c = self.c
        if isinstance(values, str) or values is None:
            values = [values]
        lab = wrap(label, "Helvetica", 9.5, self.AX - self.LX - 10)
        c.setFont("Helvetica", 9.5)
        ly = y
        for ln in lab:
            c.drawString(self.LX, ly, ln)
            ly -= 11.5
        if hint:
            c.setFont("Helvetica-Oblique", 7.5)
            c.setFillColor(GREY)
            for ln in wrap(hint, "Helvetica-Oblique", 7.5, self.AX - self.LX - 10):
                c.drawString(self.LX, ly, ln)
                ly -= 9.5
            c.setFillColor(black)
        vy = y
        for v in values:
            self.dotted(self.AX, self.RX, vy - 3)
            if v:
                c.setFont("Courier", 10.5)
                c.setFillColor(INK)
                c.drawString(self.AX + 4, vy, v)
                c.setFillColor(black)
            vy -= 21
        return min(ly, vy + 21 - 11.5) - 12

    def declaration(self, y, text, decl_str, name_sig=True):
        c = self.c
        y = para(c, self.LX, y, text, size=9, width=500, leading=12) - 14
        c.setFont("Helvetica", 9.5)
        c.drawString(self.LX, y, "Signature")
        self.dotted(self.LX + 52, self.LX + 270, y - 3)
        if name_sig:
            signature(c, self.LX + 70, y + 2, self.rng)
        c.drawString(self.LX + 300, y, "Date")
        self.dotted(self.LX + 328, self.RX, y - 3)
        if decl_str:
            c.setFont("Courier", 10.5)
            c.setFillColor(INK)
            c.drawString(self.LX + 334, y, decl_str)
            c.setFillColor(black)
        return y - 30

    def office_box(self, y, items):
        c = self.c
        c.setLineWidth(0.8)
        c.rect(self.LX - 4, y - 54, self.RX - self.LX + 8, 62, stroke=1, fill=0)
        c.setFont("Helvetica-Bold", 8.5)
        c.drawString(self.LX + 2, y - 6, "FOR OFFICE USE ONLY")
        c.setFont("Helvetica", 8)
        x = self.LX + 2
        yy = y - 24
        for i, it in enumerate(items):
            c.drawString(x, yy, it)
            self.dotted(x + stringWidth(it, "Helvetica", 8) + 4, x + 160, yy - 2)
            x += 170
            if (i + 1) % 3 == 0:
                x = self.LX + 2
                yy -= 20
        return y - 70


def date_style(rng, pool):
    return rng.choice(pool)


A_DATES = ["dmy_slash", "dmy_slash_short", "dmy_dot", "long", "long_ord", "dmy_dash"]


def render_A_spd(path, s, rng):
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle("Single Person Discount application")
    L = LayoutA(c, rng, "Council Tax \u2013 Single Person Discount application", "CT-SPD1", 2)
    y = L.header("Council Tax", [
        "You can claim a 25% discount if you are the only adult (aged 18 or over) living in your home. "
        "Please fill in every section that applies to you and sign the declaration on page 2.",
        "If you do not know your Council Tax account number it is shown at the top right of your bill. "
        "Return the form to Revenues, Council Offices, Bridge End, Hollinbridge HB1 9HD.",
    ])
    ds = date_style(rng, A_DATES)
    acct = s["acct"]
    acct_w = rng.choice([acct, acct[:4] + " " + acct[4:], acct])
    pc = s["prop"]["postcode"]
    pc_w = rng.choice([pc, pc, pc.lower(), pc.replace(" ", "")])
    line1 = s.get("written_line1") or s["line1"]
    town = s["prop"]["town"]
    s["_shown"] = dict(acct=acct_w, pc=pc_w, line1=line1)
    y = L.section(y, "Section 1   About you and the property")
    y = L.row(y, "Council Tax account number", acct_w)
    y = L.row(y, "Full name of applicant", s["name"])
    y = L.row(y, "Address of the property", [line1, town])
    y = L.row(y, "Postcode", pc_w)
    y = L.row(y, "Daytime telephone number", s.get("phone"))
    y = L.row(y, "Email address", s.get("email"))
    y -= 6
    y = L.section(y, "Section 2   Your claim")
    y = L.row(y, "Date you became the only adult living at the property",
              fmt_date(s["since"], ds) if s["since"] else None,
              hint="The date the other adult(s) left. We can normally only backdate a claim by up to 12 months.")
    y = L.row(y, "How many adults (18 or over) now live at the property, including you?", "1")
    y = L.next_page()
    y = L.section(y, "Section 3   The person who has left (if applicable)")
    y = L.row(y, "Full name of the adult who has left", s.get("other"))
    y = L.row(y, "Their new address (if known)", wrap(s.get("fwd") or "", "Courier", 10.5, 300) or [None])
    chg = wrap(s.get("change") or "", "Courier", 10.5, 305)
    chg = (chg + [None, None, None])[:3]
    y = L.row(y, "Tell us what changed", chg, hint="For example: partner moved out, adult child left home, a death.")
    y -= 4
    y = L.section(y, "Section 4   Declaration")
    y = L.declaration(y, "I declare that the information I have given on this form is correct and complete to the best of my "
                         "knowledge. I will tell the Council within 21 days if anyone aged 18 or over comes to live at the "
                         "property. I understand that giving false information may lead to a penalty of \u00a370 and prosecution.",
                      fmt_date(s["decl"], ds) if s["decl"] else None)
    y = L.office_box(y - 10, ["Date received", "Entered by", "Discount from", "EROS checked", "Visit required", "Ref"])
    L.footer()
    c.save()
    f = fields_common(s, s["name"])
    f.update(account_ref=norm_acct(acct_w), address=line1, postcode=norm_pc(pc_w))
    return f


def spd_truth(s, f):
    if s["since"]:
        f["sole_adult_since"] = s["since"].isoformat()
    for k, fk in (("other", "other_adult_name"), ("fwd", "other_adult_forwarding_address"), ("change", "change_description")):
        if s.get(k):
            f[fk] = s[k]
    return f


def render_A_move(path, s, rng):
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle("Council Tax change of address")
    L = LayoutA(c, rng, "Council Tax \u2013 tell us you are moving home", "CT-MOV2", 2)
    y = L.header("Council Tax", [
        "Use this form to tell us you are moving into, out of, or within the Hollinbridge district. "
        "Please tell us as soon as you know your moving date. Each adult who is moving may need to complete a form.",
        "If you are moving out, give us your forwarding address so we can send your final bill.",
    ])
    ds = date_style(rng, A_DATES)
    out = s["move_type"] == "out"
    y = L.section(y, "Section 1   Your move")
    c.setFont("Helvetica", 9.5)
    c.drawString(L.LX, y, "Moving in or out?")
    tick(c, L.AX, y - 2, 10, not out)
    c.drawString(L.AX + 16, y, "I am moving IN to a property in the district")
    y -= 18
    tick(c, L.AX, y - 2, 10, out)
    c.drawString(L.AX + 16, y, "I am moving OUT of a property in the district")
    y -= 26
    y = L.row(y, "Your full name", s["name"])
    acct_w = None
    if out:
        acct = s["acct"]
        acct_w = rng.choice([acct, "CT" + acct, acct[:4] + " " + acct[4:]])
    y = L.row(y, "Council Tax account number (if moving out)", acct_w)
    y = L.row(y, "Date of your move", fmt_date(s["move_date"], ds) if s["move_date"] else None,
              hint="The date you get (or hand back) the keys.")
    f = fields_common(s, s["name"])
    f["move_type"] = s["move_type"]
    if acct_w:
        f["account_ref"] = norm_acct(acct_w)
    if s["move_date"]:
        f["move_date"] = s["move_date"].isoformat()
    prev, new = move_addresses(s)
    y = L.section(y - 4, "Section 2   The address you are leaving")
    y = L.row(y, "Address", [prev[0], prev[1]] if prev else [None, None])
    y = L.row(y, "Postcode", prev[2] if prev else None)
    y = L.section(y - 4, "Section 3   Your new address" if not out else "Section 3   Your new (forwarding) address")
    y = L.row(y, "Address", [new[0], new[1]] if new else [None, None])
    y = L.row(y, "Postcode", new[2] if new else None)
    y = L.next_page()
    y = L.section(y, "Section 4   How we can contact you")
    y = L.row(y, "Telephone number", s.get("phone"))
    y = L.row(y, "Email address", s.get("email"))
    y = L.section(y - 4, "Section 5   Declaration")
    y = L.declaration(y, "I confirm that the information on this form is true. I understand that if I knowingly give false "
                         "information I may be prosecuted.", fmt_date(s["decl"], ds))
    y = L.office_box(y - 10, ["Received", "Account opened/closed", "Batch", "Checked"])
    L.footer()
    c.save()
    add_move_addresses(f, prev, new)
    return f


def move_addresses(s):
    """(line1, town, postcode_as_written) for the address left and the new one."""
    prev = new = None
    if s["move_type"] == "out":
        p = s["prop"]
        prev = (s["prev"], p["town"], p["postcode"])
        if s.get("new"):
            new = s["new"]
    else:
        if s.get("new_prop"):
            p = s["prop"]
            new = (s["new_prop"], p["town"], p["postcode"])
        else:
            new = s["new_free"]
        if s.get("prev_free"):
            prev = s["prev_free"]
    return prev, new


def add_move_addresses(f, prev, new):
    if prev:
        f["previous_address"] = prev[0]
        f["previous_postcode"] = norm_pc(prev[2])
    if new:
        f["new_address"] = new[0]
        f["new_postcode"] = norm_pc(new[2])


def render_A_permit(path, s, rng):
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle("Residents parking permit application")
    L = LayoutA(c, rng, "Residents' Parking Permit \u2013 application", "PK-RES1", 1)
    y = L.header("Parking Services", [
        "Residents' permits are available to people who live in a street inside a residents' parking zone. "
        "The zone letter is shown on the signs at the entry to your street. A permit costs \u00a345 a year; "
        "no more than two permits are issued to one address.",
        "Please enclose a copy of the vehicle's V5C registration certificate showing your address.",
    ])
    ds = date_style(rng, A_DATES)
    p = s["prop"]
    pc_w = rng.choice([p["postcode"], p["postcode"].lower(), p["postcode"]])
    y = L.section(y, "1.  Applicant")
    y = L.row(y, "Full name of applicant", s["name"])
    y = L.row(y, "Home address", [s["line1"], p["town"]])
    y = L.row(y, "Postcode", pc_w)
    y = L.row(y, "Telephone", s.get("phone"))
    y = L.row(y, "Email", s.get("email"))
    y = L.section(y - 2, "2.  Vehicle and permit")
    y = L.row(y, "Vehicle registration number", s["vrm"])
    y = L.row(y, "Vehicle make", s.get("make"))
    y = L.row(y, "Permit zone", s["zone"], hint="As shown on the zone entry signs, e.g. A")
    y = L.row(y, "Date you want the permit to start", fmt_date(s["start"], ds))
    y = L.section(y - 2, "3.  Declaration")
    y = L.declaration(y, "I confirm that I live at the address above, that the vehicle is kept there and is registered to me or "
                         "available for my sole use, and that the information I have given is correct.", fmt_date(s["decl"], ds))
    y = L.office_box(y - 6, ["Permit no.", "Fee paid", "V5C seen"])
    L.footer()
    c.save()
    f = fields_common(s, s["name"])
    f.update(address=s["line1"], postcode=norm_pc(pc_w), vrm=norm_vrm(s["vrm"]), zone=s["zone"],
             start_date=s["start"].isoformat())
    if s.get("make"):
        f["vehicle_make"] = s["make"]
    return f


# ==========================================================================
# Layout B: boxes with small labels printed inside the top, comb fields,
# day/month/year boxes and tick boxes
# ==========================================================================

class LayoutB:
    X0, X1 = 40, 555
    LABF = ("Times-Roman", 7.5)
    ANSF = ("Helvetica", 10.5)

    def __init__(self, c, rng):
        self.c, self.rng = c, rng

    def header(self, title, sub, ref):
        c = self.c
        c.setFont("Times-Bold", 11)
        c.drawString(self.X0, H - 40, "HOLLINBRIDGE")
        c.drawString(self.X0, H - 52, "DISTRICT COUNCIL")
        c.setLineWidth(2)
        c.line(self.X0, H - 58, self.X0 + 100, H - 58)
        c.setLineWidth(0.8)
        c.setFont("Times-Bold", 18)
        c.drawRightString(self.X1, H - 44, title)
        c.setFont("Times-Roman", 10)
        c.drawRightString(self.X1, H - 60, sub)
        c.setFont("Times-Italic", 8.5)
        c.drawRightString(self.X1, H - 72, ref)
        return H - 92

    def band(self, y, text):
        c = self.c
        c.setFillColor(black)
        c.rect(self.X0, y - 4, self.X1 - self.X0, 15, stroke=0, fill=1)
        c.setFillColor(white)
        c.setFont("Times-Bold", 10)
        c.drawString(self.X0 + 5, y, text)
        c.setFillColor(black)
        return y - 12

    def box(self, x, ytop, w, h, label, lines=()):
        c = self.c
        c.setLineWidth(0.7)
        c.rect(x, ytop - h, w, h, stroke=1, fill=0)
        c.setFont(*self.LABF)
        c.setFillColor(GREY)
        c.drawString(x + 3, ytop - 8, label)
        c.setFillColor(INK)
        c.setFont(*self.ANSF)
        yy = ytop - 21
        for ln in lines:
            if ln:
                c.drawString(x + 5, yy, ln)
            yy -= 13
        c.setFillColor(black)

    def comb(self, x, ytop, n, label, value, cell=17, h=30):
        c = self.c
        c.setLineWidth(0.7)
        c.rect(x, ytop - h, n * cell + 6, h, stroke=1, fill=0)
        c.setFont(*self.LABF)
        c.setFillColor(GREY)
        c.drawString(x + 3, ytop - 8, label)
        c.setFillColor(black)
        cy = ytop - h + 3
        for i in range(n):
            c.rect(x + 3 + i * cell, cy, cell, 16, stroke=1, fill=0)
        c.setFont("Helvetica", 11)
        c.setFillColor(INK)
        for i, ch in enumerate((value or "")[:n]):
            if ch != " ":
                c.drawCentredString(x + 3 + i * cell + cell / 2, cy + 4, ch)
        c.setFillColor(black)
        return x + n * cell + 6

    def dmy(self, x, ytop, label, d, h=34):
        c = self.c
        cell = 15
        w = 8 * cell + 2 * 10 + 8
        c.setLineWidth(0.7)
        c.rect(x, ytop - h, w, h, stroke=1, fill=0)
        c.setFont(*self.LABF)
        c.setFillColor(GREY)
        c.drawString(x + 3, ytop - 8, label)
        digits = d.strftime("%d%m%Y") if d else "        "
        cx = x + 4
        cy = ytop - h + 3
        c.setFont("Times-Roman", 6)
        k = 0
        for grp, cap in ((2, "Day"), (2, "Month"), (4, "Year")):
            c.setFillColor(GREY)
            c.drawString(cx, cy + 17, cap)
            c.setFillColor(black)
            for _ in range(grp):
                c.rect(cx, cy, cell, 15, stroke=1, fill=0)
                if d:
                    c.setFont("Helvetica", 11)
                    c.setFillColor(INK)
                    c.drawCentredString(cx + cell / 2, cy + 4, digits[k])
                    c.setFillColor(black)
                    c.setFont("Times-Roman", 6)
                k += 1
                cx += cell
            cx += 10
        return x + w

    def titles(self, x, ytop, chosen, w=250, h=30):
        c = self.c
        c.rect(x, ytop - h, w, h, stroke=1, fill=0)
        c.setFont(*self.LABF)
        c.setFillColor(GREY)
        c.drawString(x + 3, ytop - 8, "Title (tick one)")
        c.setFillColor(black)
        xx = x + 6
        for t in ("Mr", "Mrs", "Miss", "Ms", "Dr", "Other"):
            tick(c, xx, ytop - h + 5, 10, t == chosen, style="v")
            c.setFont("Times-Roman", 9)
            c.drawString(xx + 13, ytop - h + 7, t)
            xx += 40

    def notes(self, y, items, width=None):
        c = self.c
        width = width or (self.X1 - self.X0 - 10)
        for it in items:
            y = para(c, self.X0 + 4, y, it, font="Times-Roman", size=9, width=width, leading=11) - 3
        return y

    def office(self, y, items):
        c = self.c
        c.setDash(3, 2)
        c.rect(self.X0, y - 40, self.X1 - self.X0, 40, stroke=1, fill=0)
        c.setDash()
        c.setFont("Times-Bold", 8)
        c.drawString(self.X0 + 5, y - 11, "Office use only")
        c.setFont("Times-Roman", 8)
        xx = self.X0 + 5
        for it in items:
            c.drawString(xx, y - 30, it + " ______________")
            xx += 128
        return y - 50

    def footer(self, code):
        c = self.c
        c.setFont("Times-Italic", 7.5)
        c.setFillColor(GREY)
        c.drawString(self.X0, 24, f"{code}   Hollinbridge District Council, Council Offices, Bridge End, Hollinbridge HB1 9HD")
        c.drawRightString(self.X1, 24, "Please turn over for how we use your information")
        c.setFillColor(black)


def b_name(s):
    t, fn, sn = s["name"]
    return t, fn, sn, f"{t} {fn} {sn}"


def render_B_spd(path, s, rng):
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle("Single Person Discount claim")
    B = LayoutB(c, rng)
    y = B.header("Single Person Discount", "Council Tax claim form", "Local Government Finance Act 1992, s.11")
    y = B.notes(y, ["Please write clearly in black ink inside the boxes. If you are the only adult aged 18 or over who lives "
                    "at the property as their main home, you may be entitled to a 25% reduction in your Council Tax."])
    t, fn, sn, full = b_name(s)
    acct = s["acct"]
    pc = s["prop"]["postcode"]
    y -= 4
    y = B.band(y, "PART 1  -  YOUR DETAILS")
    B.titles(B.X0, y, t)
    B.comb(B.X0 + 265, y, 8, "Your Council Tax reference", acct)
    y -= 36
    B.box(B.X0, y, 250, 32, "First name(s)", [fn])
    B.box(B.X0 + 255, y, 260, 32, "Surname", [sn])
    y -= 38
    B.box(B.X0, y, 350, 46, "Address of the property (for which you are claiming)", [s["line1"], s["prop"]["town"]])
    B.comb(B.X0 + 356, y, 8, "Postcode", pc.replace(" ", " "), cell=17, h=46)
    y -= 52
    B.box(B.X0, y, 200, 32, "Daytime phone", [s.get("phone")])
    B.box(B.X0 + 205, y, 310, 32, "Email", [s.get("email")])
    y -= 44
    y = B.band(y, "PART 2  -  YOUR CLAIM")
    c.setFont("Times-Roman", 9.5)
    c.drawString(B.X0 + 2, y - 12, "From what date have you been the only adult (aged 18 or over)")
    c.drawString(B.X0 + 2, y - 24, "living at this property?")
    B.dmy(B.X0 + 300, y, "Date", s["since"])
    y -= 42
    B.box(B.X0, y, 515, 32, "Name of the other adult who has left", [s.get("other")])
    y -= 38
    B.box(B.X0, y, 515, 32, "Their forwarding address (if known)", [s.get("fwd")])
    y -= 38
    chg = wrap(s.get("change") or "", *B.ANSF, 500)
    B.box(B.X0, y, 515, 46, "What has changed? (e.g. partner moved out, son/daughter left home)", chg[:2])
    y -= 58
    y = B.band(y, "PART 3  -  DECLARATION")
    y = B.notes(y - 6, ["I declare that I am the only adult resident at the property named above and that the information I have "
                        "given is true. I will tell the Council within 21 days of any change. I understand that it is an offence "
                        "to give false information."])
    B.box(B.X0, y, 300, 40, "Signature", [])
    signature(c, B.X0 + 30, y - 28, rng)
    B.dmy(B.X0 + 310, y, "Date", s["decl"], h=40)
    y -= 54
    y = B.office(y, ["Date rec'd", "Officer", "Disc. start", "Notes"])
    B.footer("CTD/SPD/B  v3")
    c.save()
    f = fields_common(s, full)
    f.update(account_ref=acct, address=s["line1"], postcode=pc)
    return f


def render_B_permit(path, s, rng):
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle("Resident parking permit")
    B = LayoutB(c, rng)
    y = B.header("Resident Parking Permit", "Application for a new or renewal permit", "Hollinbridge (Residents' Parking) Order 2019")
    y = B.notes(y, ["Please write clearly inside the boxes, one character per square for the postcode and registration. "
                    "Permits are issued for 12 months. Maximum two permits per household. Fee \u00a345 (second permit \u00a370)."])
    t, fn, sn, full = b_name(s)
    p = s["prop"]
    y -= 4
    y = B.band(y, "SECTION 1  -  ABOUT YOU")
    B.titles(B.X0, y, t)
    y -= 36
    B.box(B.X0, y, 250, 32, "Forename(s)", [fn])
    B.box(B.X0 + 255, y, 260, 32, "Surname", [sn])
    y -= 38
    B.box(B.X0, y, 350, 46, "Address in the permit zone", [s["line1"], p["town"]])
    B.comb(B.X0 + 356, y, 8, "Postcode", p["postcode"], h=46)
    y -= 52
    B.box(B.X0, y, 200, 32, "Contact telephone", [s.get("phone")])
    B.box(B.X0 + 205, y, 310, 32, "Email address", [s.get("email")])
    y -= 44
    y = B.band(y, "SECTION 2  -  VEHICLE AND PERMIT")
    vrm_w = s["vrm"]
    B.comb(B.X0, y, 8, "Reg. no.", vrm_w)
    B.box(B.X0 + 150, y, 170, 30, "Make", [s.get("make")])
    B.box(B.X0 + 325, y, 80, 30, "Permit zone", [s["zone"]])
    c.rect(B.X0 + 410, y - 30, 105, 30, stroke=1, fill=0)
    c.setFont(*B.LABF)
    c.setFillColor(GREY)
    c.drawString(B.X0 + 413, y - 8, "Permit length")
    c.setFillColor(black)
    tick(c, B.X0 + 415, y - 26, 9, True, style="v")
    c.setFont("Times-Roman", 8.5)
    c.drawString(B.X0 + 428, y - 25, "12 months")
    y -= 36
    c.setFont("Times-Roman", 9.5)
    c.drawString(B.X0 + 2, y - 14, "When would you like the permit to start?")
    B.dmy(B.X0 + 300, y, "Start date", s["start"])
    y -= 44
    y = B.notes(y, ["Enclose proof of residence (a recent utility bill or Council Tax bill) and the vehicle's V5C. "
                    "Company cars: a letter from your employer on headed paper."])
    y -= 4
    y = B.band(y, "SECTION 3  -  DECLARATION")
    y = B.notes(y - 6, ["I declare that I live at the address shown, that the vehicle above is kept there, and that the details "
                        "I have given are correct. I understand the permit may be withdrawn if it is misused."])
    B.box(B.X0, y, 300, 40, "Signature", [])
    signature(c, B.X0 + 30, y - 28, rng)
    B.dmy(B.X0 + 310, y, "Date", s["decl"], h=40)
    y -= 54
    y = B.office(y, ["Permit ref", "Fee", "Proofs seen", "Issued"])
    B.footer("PKG/RP/B  v2")
    c.save()
    f = fields_common(s, full)
    f.update(address=s["line1"], postcode=p["postcode"], vrm=norm_vrm(vrm_w), zone=s["zone"],
             start_date=s["start"].isoformat())
    if s.get("make"):
        f["vehicle_make"] = s["make"]
    return f


# ==========================================================================
# Layout C: fillable AcroForm, numbered questions, generic field names
# ==========================================================================

C_DATES = ["dmy_slash", "long", "us_long", "iso", "dmy_slash_short"]


class LayoutC:
    X0, X1 = 56, 540

    def __init__(self, c, rng, title, code, pages):
        self.c, self.rng, self.title, self.code, self.pages = c, rng, title, code, pages
        self.page = 1
        self.nt = 0
        self.nc = 0

    def header(self, intro):
        c = self.c
        c.setFillColor(Color(0.16, 0.24, 0.45))
        c.circle(self.X0 + 14, H - 48, 14, stroke=0, fill=1)
        c.setFillColor(white)
        c.setFont("Helvetica-Bold", 11)
        c.drawCentredString(self.X0 + 14, H - 52, "H")
        c.setFillColor(Color(0.16, 0.24, 0.45))
        c.setFont("Helvetica-Bold", 12)
        c.drawString(self.X0 + 36, H - 44, "Hollinbridge")
        c.setFont("Helvetica", 9)
        c.drawString(self.X0 + 36, H - 56, "District Council")
        c.setFillColor(black)
        c.setFont("Helvetica-Bold", 16)
        c.drawString(self.X0, H - 92, self.title)
        y = H - 110
        for t in intro:
            y = para(c, self.X0, y, t, size=9, width=self.X1 - self.X0, leading=12) - 4
        c.setStrokeColor(Color(0.16, 0.24, 0.45))
        c.setLineWidth(1.5)
        c.line(self.X0, y, self.X1, y)
        c.setLineWidth(0.7)
        c.setStrokeColor(black)
        return y - 22

    def running_head(self):
        c = self.c
        c.setFont("Helvetica", 8)
        c.setFillColor(GREY)
        c.drawString(self.X0, H - 32, f"{self.title}  \u2013  continued")
        c.drawRightString(self.X1, H - 32, f"Hollinbridge District Council  |  {self.code}")
        c.line(self.X0, H - 37, self.X1, H - 37)
        c.setFillColor(black)
        return H - 66

    def footer(self):
        c = self.c
        c.setFont("Helvetica", 7.5)
        c.setFillColor(GREY)
        c.drawString(self.X0, 22, f"{self.code}  \u00b7  You can fill this form in on screen, then print, sign and post it, "
                                  "or email it to revenues@hollinbridge.gov.uk")
        c.drawRightString(self.X1, 10, f"{self.page}/{self.pages}")
        c.setFillColor(black)

    def next_page(self):
        self.footer()
        self.c.showPage()
        self.page += 1
        return self.running_head()

    def q(self, y, num, text, value, hint=None, width=300, height=20, tooltip=None, multiline=False):
        c = self.c
        c.setFont("Helvetica-Bold", 10)
        c.drawString(self.X0, y, f"{num}." if num else "")
        yy = y
        for ln in wrap(text, "Helvetica-Bold", 10, self.X1 - self.X0 - 20):
            c.drawString(self.X0 + 20, yy, ln)
            yy -= 12.5
        if hint:
            c.setFont("Helvetica-Oblique", 8)
            c.setFillColor(GREY)
            c.drawString(self.X0 + 20, yy, hint)
            c.setFillColor(black)
            yy -= 11
        yy -= height - 6
        self.field(self.X0 + 20, yy, width, height, value, tooltip or text, multiline)
        return yy - 20

    def field(self, x, y, w, h, value, tooltip, multiline=False):
        self.nt += 1
        kw = {}
        if multiline:
            kw["fieldFlags"] = "multiline"
        self.c.acroForm.textfield(name=f"Text{self.nt}", tooltip=tooltip, x=x, y=y, width=w, height=h,
                                  value=value or "", fontName="Courier", fontSize=10,
                                  borderWidth=0.6, borderColor=Color(0.4, 0.4, 0.5),
                                  fillColor=Color(0.91, 0.94, 1.0), textColor=INK, forceBorder=True, **kw)

    def check(self, x, y, checked, tooltip, label):
        self.nc += 1
        self.c.acroForm.checkbox(name=f"Check Box{self.nc}", tooltip=tooltip, x=x, y=y, size=12,
                                 checked=checked, buttonStyle="cross", borderWidth=0.6,
                                 borderColor=Color(0.4, 0.4, 0.5), fillColor=Color(0.91, 0.94, 1.0),
                                 textColor=INK, forceBorder=True)
        self.c.setFont("Helvetica", 9.5)
        self.c.drawString(x + 18, y + 2, label)


def render_C_spd(path, s, rng):
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle("Single person discount - fillable form")
    L = LayoutC(c, rng, "Apply for a single person discount", "SPD-F 2026", 2)
    y = L.header(["Answer the questions below. If you live on your own, or you are the only person aged 18 or over in your home, "
                  "your Council Tax bill can be reduced by 25%.",
                  "Questions marked * must be answered."])
    ds = date_style(rng, C_DATES)
    acct = s["acct"]
    acct_w = rng.choice(["CT" + acct, acct, acct[:4] + "-" + acct[4:]])
    pc = s["prop"]["postcode"]
    pc_w = rng.choice([pc, pc.replace(" ", ""), pc])
    line1 = s.get("written_line1") or s["line1"]
    y = L.q(y, 1, "What is your Council Tax account number? *", acct_w, hint="You will find this on your bill. It starts with 31.",
            width=160, tooltip="Council Tax account number")
    y = L.q(y, 2, "What is your full name? *", s["name"], width=300, tooltip="Full name")
    y = L.q(y, 3, "What is the address of the property? *", line1, hint="House number or name and street",
            width=330, tooltip="Address line 1")
    y += 10
    L.field(L.X0 + 20, y - 16, 330, 20, s["prop"]["town"], "Town or village")
    y -= 38
    y = L.q(y, 4, "What is the postcode? *", pc_w, width=110, tooltip="Postcode")
    y = L.q(y, 5, "From what date have you been the only adult living at the property? *",
            fmt_date(s["since"], ds), hint="For example, 27/3/2026", width=160, tooltip="Date")
    y = L.q(y, 6, "Who has moved out? Give their full name.", s.get("other"), width=300, tooltip="Name")
    y = L.next_page()
    y = L.q(y, 7, "Where have they moved to, if you know?", s.get("fwd"), width=440, tooltip="Forwarding address")
    y = L.q(y, 8, "Tell us what changed", s.get("change"), width=440, height=44, tooltip="What changed", multiline=True)
    y = L.q(y, 9, "What is your phone number?", s.get("phone"), width=180, tooltip="Phone")
    y = L.q(y, 10, "What is your email address?", s.get("email"), width=300, tooltip="Email")
    c.setFont("Helvetica-Bold", 11)
    c.drawString(L.X0, y - 4, "Declaration")
    y = para(c, L.X0, y - 20, "I declare that the information I have given is correct. I will tell the Council straight away if "
                              "another adult moves in. I understand that I could be prosecuted if I give false information.",
             size=9, width=L.X1 - L.X0, leading=12)
    L.check(L.X0, y - 16, True, "I agree", "I agree with the declaration above")
    y -= 44
    c.setFont("Helvetica", 9.5)
    c.drawString(L.X0, y + 6, "Signature (type your name if you email this form)")
    L.field(L.X0 + 220, y, 200, 20, strip_title(s["name"]), "Signature")
    y -= 30
    c.drawString(L.X0, y + 6, "Date *")
    L.field(L.X0 + 220, y, 120, 20, fmt_date(s["decl"], ds), "Date")
    y -= 40
    c.setFillColor(LIGHT)
    c.rect(L.X0, y - 40, L.X1 - L.X0, 46, stroke=0, fill=1)
    c.setFillColor(black)
    c.setFont("Helvetica-Bold", 8)
    c.drawString(L.X0 + 6, y - 6, "Office use only")
    c.setFont("Helvetica", 8)
    c.drawString(L.X0 + 6, y - 24, "Received:                     Processed by:                     EROS check:")
    L.footer()
    c.save()
    f = fields_common(s, s["name"])
    f.update(account_ref=norm_acct(acct_w), address=line1, postcode=norm_pc(pc_w))
    return f


def render_C_move(path, s, rng):
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle("Moving home - Council Tax")
    L = LayoutC(c, rng, "Council Tax: moving home", "CTM-F 2026", 2)
    y = L.header(["Tell us when you move into or out of a property in the Hollinbridge district so we can bill the right "
                  "person from the right date. Questions marked * must be answered."])
    ds = date_style(rng, C_DATES)
    out = s["move_type"] == "out"
    c.setFont("Helvetica-Bold", 10)
    c.drawString(L.X0, y, "1.")
    c.drawString(L.X0 + 20, y, "Are you moving in or out? *")
    L.check(L.X0 + 20, y - 22, not out, "Moving in", "Moving in")
    L.check(L.X0 + 140, y - 22, out, "Moving out", "Moving out")
    y -= 46
    y = L.q(y, 2, "What is your full name? *", s["name"], width=300, tooltip="Full name")
    acct_w = None
    if out:
        acct = s["acct"]
        acct_w = rng.choice(["CT" + acct, acct, acct[:4] + " " + acct[4:]])
    y = L.q(y, 3, "What is your Council Tax account number?", acct_w, hint="Only if you are moving out",
            width=160, tooltip="Account number")
    y = L.q(y, 4, "What date are you moving? *", fmt_date(s["move_date"], ds) if s["move_date"] else None,
            width=160, tooltip="Moving date")
    prev, new = move_addresses(s)
    pw = (prev[0], prev[1], rng.choice([prev[2], prev[2].replace(" ", "")])) if prev else None
    nw = (new[0], new[1], rng.choice([new[2], new[2].lower()])) if new else None
    y = L.q(y, 5, "Address you are leaving", pw[0] if pw else None, hint="House number or name and street",
            width=330, tooltip="Old address line 1")
    y += 10
    L.field(L.X0 + 20, y - 16, 330, 20, pw[1] if pw else None, "Old address town")
    y -= 38
    y = L.q(y, 6, "Postcode of the address you are leaving", pw[2] if pw else None, width=110, tooltip="Old postcode")
    y = L.next_page()
    y = L.q(y, 7, "Address you are moving to", nw[0] if nw else None, hint="House number or name and street",
            width=330, tooltip="New address line 1")
    y += 10
    L.field(L.X0 + 20, y - 16, 330, 20, nw[1] if nw else None, "New address town")
    y -= 38
    y = L.q(y, 8, "Postcode of the address you are moving to", nw[2] if nw else None, width=110, tooltip="New postcode")
    y = L.q(y, 9, "What is your phone number?", s.get("phone"), width=180, tooltip="Phone")
    y = L.q(y, 10, "What is your email address?", s.get("email"), width=300, tooltip="Email")
    c.setFont("Helvetica-Bold", 11)
    c.drawString(L.X0, y - 4, "Declaration")
    y = para(c, L.X0, y - 20, "The information I have given is true and complete. I understand that giving false information "
                              "to avoid paying Council Tax is an offence.", size=9, width=L.X1 - L.X0, leading=12)
    L.check(L.X0, y - 16, True, "I agree", "I agree")
    y -= 44
    c.setFont("Helvetica", 9.5)
    c.drawString(L.X0, y + 6, "Signature")
    L.field(L.X0 + 120, y, 200, 20, strip_title(s["name"]), "Signature")
    y -= 30
    c.drawString(L.X0, y + 6, "Date *")
    L.field(L.X0 + 120, y, 120, 20, fmt_date(s["decl"], ds), "Date")
    L.footer()
    c.save()
    f = fields_common(s, s["name"])
    f["move_type"] = s["move_type"]
    if acct_w:
        f["account_ref"] = norm_acct(acct_w)
    if s["move_date"]:
        f["move_date"] = s["move_date"].isoformat()
    add_move_addresses(f, pw, nw)
    return f


# ==========================================================================
# Layout D: printed email (email-to-PDF): online form notifications and
# citizens' emails
# ==========================================================================

def email_header(c, frm, sent, to, subject, mailbox):
    c.setFont("Helvetica-Bold", 12)
    c.drawString(50, H - 50, mailbox)
    c.setLineWidth(1.2)
    c.line(50, H - 58, 545, H - 58)
    c.setLineWidth(0.6)
    y = H - 80
    for k, v in (("From:", frm), ("Sent:", sent.strftime("%A, %d %B %Y %H:%M")), ("To:", to), ("Subject:", subject)):
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(50, y, k)
        c.setFont("Helvetica", 9.5)
        c.drawString(110, y, v)
        y -= 14
    c.line(50, y + 4, 545, y + 4)
    return y - 16


def email_footer(c, page, pages):
    c.setFont("Helvetica", 7.5)
    c.setFillColor(GREY)
    c.drawString(50, 24, "Printed from Hollinbridge DC mail archive. This email has been scanned for viruses.")
    c.drawRightString(545, 24, f"{page}")
    c.setFillColor(black)


def qa_table(c, y, rows, rng):
    """rows: ('section', text) or (question, answer-lines)."""
    X0, XM, X1 = 50, 250, 545
    c.setLineWidth(0.5)
    c.setStrokeColor(Color(0.7, 0.7, 0.7))
    for r in rows:
        if r[0] == "section":
            y -= 20
            c.setFillColor(Color(0.2, 0.2, 0.2))
            c.setFont("Helvetica-Bold", 11)
            c.drawString(X0, y, r[1])
            c.setFillColor(black)
            y -= 8
            c.line(X0, y, X1, y)
            continue
        q, ans = r
        if isinstance(ans, str) or ans is None:
            ans = [ans or ""]
        ql = wrap(q, "Helvetica-Bold", 9.5, XM - X0 - 8)
        al = []
        for a in ans:
            al += wrap(a, "Helvetica", 9.5, X1 - XM - 8) or [""]
        n = max(len(ql), len(al))
        ty = y - 13
        c.setFont("Helvetica-Bold", 9.5)
        c.setFillColor(Color(0.25, 0.25, 0.25))
        for i, ln in enumerate(ql):
            c.drawString(X0 + 2, ty - i * 12, ln)
        c.setFillColor(black)
        c.setFont("Helvetica", 9.5)
        for i, ln in enumerate(al):
            c.drawString(XM + 4, ty - i * 12, ln)
        y = ty - (n - 1) * 12 - 7
        c.line(X0, y, X1, y)
    c.setStrokeColor(black)
    return y


D_DATES = ["long", "dmy_slash"]


def render_D_form(path, s, rng):
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    ds = rng.choice(D_DATES)
    sent = dt.datetime.combine(s["decl"], dt.time(rng.randint(7, 22), rng.randint(0, 59)))
    ref = f"{'MV' if s['form_type'] == 'council_tax_move' else 'RP'}-{rng.randint(100000, 999999)}"
    if s["form_type"] == "council_tax_move":
        c.setTitle("Form submission - moving home")
        y = email_header(c, "Hollinbridge DC Online Forms <noreply@forms.hollinbridge.gov.uk>", sent,
                         "Council Tax Team <counciltax@hollinbridge.gov.uk>",
                         f"Form submission: Tell us you're moving home [{ref}]", "Council Tax Team")
    else:
        c.setTitle("Form submission - residents parking permit")
        y = email_header(c, "Hollinbridge DC Online Forms <noreply@forms.hollinbridge.gov.uk>", sent,
                         "Parking Services <parking@hollinbridge.gov.uk>",
                         f"Form submission: Apply for a residents' parking permit [{ref}]", "Parking Services")
    y = para(c, 50, y, f"A new form has been submitted on hollinbridge.gov.uk. Reference {ref}. "
                       "The customer's answers are shown below exactly as entered.", size=9.5, width=490)
    y -= 4
    c.setFont("Helvetica-Bold", 15)
    c.drawString(50, y - 10, "Check your answers")
    y -= 20
    f = fields_common(s, s["name"])
    if s["form_type"] == "council_tax_move":
        out = s["move_type"] == "out"
        prev, new = move_addresses(s)
        rows = [("section", "About your move"),
                ("Are you moving in or out?", "Moving out" if out else "Moving in"),
                ("Full name", s["name"])]
        if out:
            rows.append(("Council Tax account number", s["acct"]))
            f["account_ref"] = s["acct"]
        rows.append(("Date of move", fmt_date(s["move_date"], ds)))
        if prev:
            rows += [("section", "Address you are leaving"), ("Address", [prev[0], prev[1]]), ("Postcode", prev[2])]
        if new:
            rows += [("section", "Forwarding address" if out else "Your new address"),
                     ("Address", [new[0], new[1]]), ("Postcode", new[2])]
        rows += [("section", "Contact details"), ("Phone number", s.get("phone") or "Not provided"),
                 ("Email address", s.get("email") or "Not provided")]
        f["move_type"] = s["move_type"]
        f["move_date"] = s["move_date"].isoformat()
        add_move_addresses(f, prev, new)
    else:
        p = s["prop"]
        rows = [("section", "Your details"),
                ("Name of applicant", s["name"]),
                ("Address", [s["line1"], p["town"]]),
                ("Postcode", p["postcode"]),
                ("Phone number", s.get("phone") or "Not provided"),
                ("Email address", s.get("email") or "Not provided"),
                ("section", "Your vehicle"),
                ("Vehicle registration", s["vrm"]),
                ("Vehicle make", s.get("make")),
                ("section", "Your permit"),
                ("Permit zone", s["zone"]),
                ("Permit start date", fmt_date(s["start"], ds)),
                ("Permit length", "12 months (\u00a345.00)")]
        f.update(address=s["line1"], postcode=p["postcode"], vrm=norm_vrm(s["vrm"]), zone=s["zone"],
                 start_date=s["start"].isoformat())
        if s.get("make"):
            f["vehicle_make"] = s["make"]
    rows += [("section", "Declaration"),
             ("Declaration", "I confirm that the information I have given is correct"),
             ("Date of declaration", fmt_date(s["decl"], ds))]
    y = qa_table(c, y, rows, rng)
    y -= 18
    para(c, 50, y, "Do not reply to this email. Payment (if any) was taken by the payment provider; "
                   "see the Civica receipt for the transaction reference.", size=8, color=GREY, width=490)
    email_footer(c, 1, 1)
    c.save()
    return f


def corr_acct_text(cr):
    if not cr.get("acct_style"):
        return None
    a = cr["acct"]
    return cr["acct_style"].format(a8=a, a4=a[:4], b4=a[4:])


def render_D_corr(path, cr, rng):
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle(cr["subject"])
    name = cr["sender"]
    frm = f"{strip_title(name)} <{cr['email']}>"
    to = "Customer Services <customer.services@hollinbridge.gov.uk>"
    y = email_header(c, frm, cr["sent"], to, cr["subject"], "Customer Services")
    acct_t = corr_acct_text(cr)
    body_paras = [p.replace("{acct}", acct_t or "") for p in cr["paras"]]
    y -= 4
    c.setFont("Helvetica", 10.5)
    c.drawString(50, y, cr["salutation"])
    y -= 22
    for p in body_paras:
        y = para(c, 50, y, p, size=10.5, width=490, leading=14) - 9
    y -= 2
    c.setFont("Helvetica", 10.5)
    c.drawString(50, y, cr["close"])
    y -= 16
    sig = [name]
    if cr.get("line1"):
        sig += [cr["line1"], cr["town"], cr["prop"]["postcode"]]
    for ln in sig:
        c.drawString(50, y, ln)
        y -= 14
    if not cr.get("line1"):
        c.setFillColor(GREY)
        c.setFont("Helvetica", 8)
        c.drawString(50, y - 8, "Sent from my iPhone")
        c.setFillColor(black)
    email_footer(c, 1, 1)
    c.save()
    return body_paras


# ==========================================================================
# Layout E: typed letters
# ==========================================================================

def render_E_letter(path, cr, rng):
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle("Letter")
    font = rng.choice(["Times-Roman", "Helvetica", "Courier"])
    size = 11 if font != "Courier" else 10
    lead = size * 1.35
    y = H - 60
    if cr.get("line1"):
        for ln in (cr["line1"], cr["town"], cr["prop"]["postcode"]):
            c.setFont(font, size)
            c.drawRightString(540, y, ln)
            y -= lead
        y -= 6
    if cr.get("letter_date"):
        c.drawRightString(540, y, fmt_date(cr["letter_date"], rng.choice(["long", "long_ord"])))
        y -= lead
    y -= 10
    acct_t = corr_acct_text(cr)
    dept = {"council_tax_query": "Council Tax Section", "missed_bin": "Waste and Recycling",
            "complaint": "Customer Services", "other": "Licensing and Events"}.get(cr["topic"], "Customer Services")
    c.setFont(font, size)
    for ln in (dept, "Hollinbridge District Council", "Council Offices", "Bridge End", "Hollinbridge", "HB1 9HD"):
        c.drawString(60, y, ln)
        y -= lead
    y -= 16
    if acct_t:
        c.setFont(font.replace("-Roman", "-Bold") if font == "Times-Roman" else font + "-Bold", size)
        c.drawString(60, y, acct_t)
        y -= lead * 1.6
    c.setFont(font, size)
    c.drawString(60, y, cr["salutation"])
    y -= lead * 1.5
    for p in cr["paras"]:
        y = para(c, 60, y, p, font=font, size=size, width=475, leading=lead) - lead * 0.6
    y -= 6
    c.setFont(font, size)
    c.drawString(60, y, cr["close"])
    y -= 34
    if cr.get("sender"):
        signature(c, 62, y + 10, rng, color=Color(0.1, 0.1, 0.3))
        y -= 12
        c.setFont(font, size)
        c.drawString(60, y, cr["sender"])
    # received stamp (office)
    c.saveState()
    c.setStrokeColor(RED)
    c.setFillColor(RED)
    c.translate(400, 120)
    c.rotate(8)
    c.setLineWidth(1.5)
    c.roundRect(0, 0, 140, 46, 6, stroke=1, fill=0)
    c.setFont("Helvetica-Bold", 8)
    c.drawCentredString(70, 33, "HOLLINBRIDGE D.C.")
    c.setFont("Helvetica-Bold", 10)
    rd = (cr.get("letter_date") or D(2026, 11, 30)) + dt.timedelta(days=rng.randint(2, 4))
    c.drawCentredString(70, 19, "RECEIVED " + rd.strftime("%d %b %Y").upper())
    c.setFont("Helvetica", 7)
    c.drawCentredString(70, 7, "POST ROOM")
    c.restoreState()
    c.save()
    return list(cr["paras"])


# ==========================================================================
# main
# ==========================================================================

RENDER = {
    ("A", "council_tax_spd"): render_A_spd,
    ("A", "council_tax_move"): render_A_move,
    ("A", "parking_permit"): render_A_permit,
    ("B", "council_tax_spd"): render_B_spd,
    ("B", "parking_permit"): render_B_permit,
    ("C", "council_tax_spd"): render_C_spd,
    ("C", "council_tax_move"): render_C_move,
    ("D", "council_tax_move"): render_D_form,
    ("D", "parking_permit"): render_D_form,
}
LAYOUT_NAMES = {"A": "ruled_two_column", "B": "boxed_comb", "C": "acroform_numbered",
                "D": "email_print", "E": "typed_letter"}


def collapse(t):
    return re.sub(r"\s+", " ", t).strip()


def date_variants(d):
    return {fmt_date(d, st) for st in ("dmy_slash", "dmy_slash_short", "long", "long_ord", "us_long", "iso")}


def main():
    rng = random.Random(SEED)
    if INBOX.exists():
        shutil.rmtree(INBOX)
    INBOX.mkdir(parents=True)
    R = build_records(rng)
    write_workbook(R, HERE / "records.xlsx")

    items = [("form", s) for s in SCEN] + [("corr", c_) for c_ in CORR]
    order = list(range(len(items)))
    rng.shuffle(order)
    names = {}
    for k, idx in enumerate(order):
        names[idx] = f"doc_{k + 1:04d}.pdf"

    truths = []
    for idx, (kind, s) in enumerate(items):
        fname = names[idx]
        path = INBOX / fname
        prng = random.Random(f"{SEED}-{fname}")
        if kind == "form":
            f = RENDER[(s["layout"], s["form_type"])](path, s, prng)
            if s["form_type"] == "council_tax_spd":
                f = spd_truth(s, f)
            t = {"file": fname, "form_type": s["form_type"], "fields": f,
                 "outcome": s["outcome"], "reasons": s["reasons"], "layout": LAYOUT_NAMES[s["layout"]]}
            if s.get("dup"):
                t["duplicate_group"] = s["dup"]
        else:
            cr = s
            if cr["layout"] == "D":
                paras = render_D_corr(path, cr, prng)
            else:
                paras = render_E_letter(path, cr, prng)
            body = collapse(" ".join(paras))
            for d in cr["dates"]:
                assert any(v in body for v in date_variants(d)), (fname, d)
            f = {"topic": cr["topic"]}
            if cr.get("sender"):
                f["sender_name"] = cr["sender"]
            if cr.get("line1"):
                f["address"] = cr["line1"]
                f["postcode"] = cr["prop"]["postcode"]
            if cr.get("acct_style"):
                f["account_ref"] = cr["acct"]
            if cr["dates"]:
                f["dates_mentioned"] = [d.isoformat() for d in cr["dates"]]
            f["body"] = body
            t = {"file": fname, "form_type": "correspondence", "fields": f,
                 "outcome": cr["outcome"], "reasons": cr["reasons"], "layout": LAYOUT_NAMES[cr["layout"]]}
        truths.append(t)

    truths.sort(key=lambda t: t["file"])
    seen = {}
    for t in truths:
        key = (t["layout"], t["form_type"])
        if t["outcome"] == "approved" and seen.get(key, 0) < 2:
            t["split"] = "learn"
            seen[key] = seen.get(key, 0) + 1
        else:
            t["split"] = "test"
    with open(HERE / "truth.jsonl", "w") as fh:
        for t in truths:
            fh.write(json.dumps(t, ensure_ascii=False) + "\n")
    self_check(R, truths)
    print(f"wrote {len(truths)} files, {len(R.props)} properties, {len(R.accounts)} accounts, "
          f"{len(R.electors)} electors, {len(R.permits)} permits")


# --------------------------------------------------------------------------
# independent re-computation of the expected outcome from the records
# --------------------------------------------------------------------------

VRM_RE = [r"^[A-Z]{2}[0-9]{2}[A-Z]{3}$", r"^[A-Z][0-9]{1,3}[A-Z]{3}$", r"^[A-Z]{3}[0-9]{1,3}[A-Z]$"]
REQ = {"council_tax_spd": ["account_ref", "applicant_name", "address", "postcode", "sole_adult_since", "declaration_date"],
       "council_tax_move": ["move_type", "applicant_name", "move_date", "declaration_date"],
       "parking_permit": ["applicant_name", "address", "postcode", "vrm", "zone", "start_date", "declaration_date"]}


def self_check(R, truths):
    acc = {a["account_ref"]: a for a in R.accounts}
    props_by_uprn = {p["uprn"]: p for p in R.props.values()}
    gaz = {(p["address_line_1"].lower(), p["postcode"]): p for p in R.props.values()}
    reg = {}
    for e in R.electors:
        reg.setdefault(e["uprn"], set()).add(e["full_name"].lower())
    perms = R.permits
    nm = lambda n: strip_title(n).lower()
    seen_acct = {}
    for t in truths:
        f, ft, got = t["fields"], t["form_type"], []
        if ft == "correspondence":
            continue
        req = list(REQ[ft])
        if ft == "council_tax_move":
            req += ["account_ref", "previous_address", "previous_postcode"] if f.get("move_type") == "out" else ["new_address", "new_postcode"]
        got += [f"MISSING_FIELD:{k}" for k in req if k not in f]
        d = lambda k: dt.date.fromisoformat(f[k]) if k in f else None
        if ft == "council_tax_spd":
            a = acc.get(f["account_ref"])
            if not a:
                got.append("ACCOUNT_NOT_FOUND")
            else:
                liable = [x.strip().lower() for x in a["liable_parties"].split(";")]
                if nm(f["applicant_name"]) not in liable:
                    got.append("NAME_MISMATCH")
                p = props_by_uprn[a["uprn"]]
                if (f["address"].lower(), f["postcode"]) != (p["address_line_1"].lower(), p["postcode"]):
                    got.append("ADDRESS_MISMATCH")
                if "SPD" in (a["discounts"] or ""):
                    got.append("DISCOUNT_ALREADY_APPLIED")
                others = reg.get(p["uprn"], set()) - {nm(f["applicant_name"]), nm(f.get("other_adult_name", ""))}
                if others:
                    got.append("OTHER_ADULTS_REGISTERED")
            s = d("sole_adult_since")
            if s and s > ASOF:
                got.append("DATE_IN_FUTURE")
            if s and (ASOF - s).days > 365:
                got.append("DATE_TOO_OLD")
        elif ft == "council_tax_move":
            if f["move_type"] == "out":
                a = acc.get(f["account_ref"])
                if not a:
                    got.append("ACCOUNT_NOT_FOUND")
                else:
                    liable = [x.strip().lower() for x in a["liable_parties"].split(";")]
                    if nm(f["applicant_name"]) not in liable:
                        got.append("NAME_MISMATCH")
                    p = props_by_uprn[a["uprn"]]
                    if (f["previous_address"].lower(), f["previous_postcode"]) != (p["address_line_1"].lower(), p["postcode"]):
                        got.append("ADDRESS_MISMATCH")
            else:
                if (f["new_address"].lower(), f["new_postcode"]) not in gaz:
                    got.append("PROPERTY_NOT_FOUND")
            m = d("move_date")
            if m and (m - ASOF).days > 28:
                got.append("DATE_IN_FUTURE")
            if m and (ASOF - m).days > 365:
                got.append("DATE_TOO_OLD")
        else:
            p = gaz.get((f["address"].lower(), f["postcode"]))
            if not p:
                got.append("PROPERTY_NOT_FOUND")
            else:
                if p["parking_zone"] != f["zone"]:
                    got.append("NOT_IN_PERMIT_ZONE")
                liable = set()
                for a in R.accounts:
                    if a["uprn"] == p["uprn"] and a["status"] == "active":
                        liable |= {x.strip().lower() for x in a["liable_parties"].split(";")}
                if nm(f["applicant_name"]) not in liable and nm(f["applicant_name"]) not in reg.get(p["uprn"], set()):
                    got.append("NOT_RESIDENT")
            if not any(re.match(r, f["vrm"]) for r in VRM_RE):
                got.append("INVALID_FORMAT:vrm")
            active = [pm for pm in perms if pm["valid_from"] <= ASOF <= pm["valid_to"]]
            if any(pm["vrm"] == f["vrm"] for pm in active):
                got.append("VRM_HAS_PERMIT")
            if p and sum(1 for pm in active if pm["uprn"] == p["uprn"]) >= 2:
                got.append("PERMIT_CAP_REACHED")
            if (d("start_date") - ASOF).days > 28:
                got.append("DATE_IN_FUTURE")
        if t["outcome"] == "duplicate_pair":
            assert got == [], (t["file"], got)
            continue
        exp = t["reasons"]
        assert got == exp, (t["file"], ft, t["layout"], got, exp)
        assert (t["outcome"] == "approved") == (not exp), t["file"]


if __name__ == "__main__":
    main()
