#!/usr/bin/env python
"""Blind test set 59 -- Stowbridge City Council.

Run:  python gen.py
Writes next to itself: records.xlsx, inbox/doc_NNNN.pdf, truth.jsonl (README.md is hand-written).
Deterministic: fixed seed, reportlab invariant mode.
"""
import datetime as dt
import json
import os
import random
import shutil

from reportlab import rl_config

rl_config.invariant = 1

import openpyxl  # noqa: E402
from reportlab.lib import colors  # noqa: E402
from reportlab.lib.enums import TA_LEFT  # noqa: E402
from reportlab.lib.pagesizes import A4  # noqa: E402
from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.utils import simpleSplit  # noqa: E402
from reportlab.pdfbase import pdfmetrics  # noqa: E402
from reportlab.pdfbase.ttfonts import TTFont  # noqa: E402
from reportlab.pdfgen import canvas  # noqa: E402
from reportlab.platypus import (Paragraph, SimpleDocTemplate, Spacer, Table,  # noqa: E402
                                TableStyle)

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 59
AS_OF = dt.date(2026, 12, 7)
D = dt.date

rng = random.Random(SEED)

# ---------------------------------------------------------------- fonts
DEJAVU = "/usr/share/fonts/truetype/dejavu/"
if os.path.exists(DEJAVU + "DejaVuSans.ttf"):
    pdfmetrics.registerFont(TTFont("DV", DEJAVU + "DejaVuSans.ttf"))
    pdfmetrics.registerFont(TTFont("DV-B", DEJAVU + "DejaVuSans-Bold.ttf"))
    pdfmetrics.registerFont(TTFont("DV-I", DEJAVU + "DejaVuSans-Oblique.ttf"))
    SANS, SANS_B, SANS_I = "DV", "DV-B", "DV-I"
else:  # fall back to the standard 14
    SANS, SANS_B, SANS_I = "Helvetica", "Helvetica-Bold", "Helvetica-Oblique"

# ---------------------------------------------------------------- helpers
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
ORD_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
             "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
             "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
             "twenty-first", "twenty-second", "twenty-third", "twenty-fourth", "twenty-fifth",
             "twenty-sixth", "twenty-seventh", "twenty-eighth", "twenty-ninth", "thirtieth",
             "thirty-first"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def suffix(n):
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def fmt_date(d, style):
    if style == "dmy/":
        return d.strftime("%d/%m/%Y")
    if style == "dmy/short":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "dmy-":
        return d.strftime("%d-%m-%Y")
    if style == "dmy.":
        return d.strftime("%d.%m.%Y")
    if style == "long":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "longth":
        return f"{d.day}{suffix(d.day)} {MONTHS[d.month - 1]} {d.year}"
    if style == "us":
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if style == "iso":
        return d.isoformat()
    if style == "words":
        return f"the {ORD_WORDS[d.day - 1]} of {MONTHS[d.month - 1]} {d.year}"
    if style == "weekday":
        return f"{WEEKDAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"
    raise ValueError(style)


def fmt_acct(ref, style):
    if style == "plain":
        return ref
    if style == "ct":
        return "CT" + ref
    if style == "ct_space":
        return "CT " + ref[:4] + " " + ref[4:]
    if style == "space4":
        return ref[:4] + " " + ref[4:]
    if style == "dash4":
        return ref[:4] + "-" + ref[4:]
    if style == "dash2":
        return ref[:2] + "-" + ref[2:5] + "-" + ref[5:]
    if style == "space2":
        return " ".join(ref[i:i + 2] for i in range(0, 8, 2))
    raise ValueError(style)


def fmt_pc(pc, style):
    if style == "lower":
        return pc.lower()
    if style == "nospace":
        return pc.replace(" ", "")
    return pc


def fmt_vrm(v, style):
    # v normalised (no spaces).  Insert the conventional space.
    import re
    m = re.fullmatch(r"([A-Z]{2}\d{2})([A-Z]{3})", v) or \
        re.fullmatch(r"([A-Z]\d{1,3})([A-Z]{3})", v) or \
        re.fullmatch(r"([A-Z]{3})(\d{1,3}[A-Z])", v) or \
        re.fullmatch(r"([A-Z]{2}\d{3})([A-Z]{3})", v)
    spaced = f"{m.group(1)} {m.group(2)}" if m else v
    if style == "nospace":
        return v
    if style == "lower":
        return spaced.lower()
    return spaced


def rdate(a, b):
    return a + dt.timedelta(days=rng.randint(0, (b - a).days))


def norm_ws(s):
    return " ".join(s.split())


# ---------------------------------------------------------------- names
FIRST = ["Aisha", "Alan", "Amelia", "Andrew", "Anita", "Barry", "Beth", "Bilal", "Carol", "Chloe",
         "Colin", "Craig", "Dalia", "Daniel", "Darren", "Deborah", "Declan", "Eileen", "Elliot",
         "Emma", "Farah", "Fiona", "Gareth", "Gemma", "Graham", "Hannah", "Harjit", "Harriet",
         "Ian", "Imran", "Irena", "Jack", "Jasmine", "Jason", "Joanne", "Jordan", "Karen", "Kieran",
         "Kirsty", "Lauren", "Leon", "Liam", "Lorraine", "Lucy", "Malcolm", "Marek", "Margaret",
         "Mohammed", "Natalie", "Neil", "Nisha", "Oliver", "Olivia", "Patrick", "Paula", "Priya",
         "Rachel", "Rajesh", "Rebecca", "Rhys", "Ryan", "Samina", "Sandra", "Scott", "Shaun",
         "Sian", "Simon", "Sophie", "Stacey", "Stuart", "Tariq", "Teresa", "Thomas", "Tomasz",
         "Tracey", "Usha", "Vanessa", "Wayne", "Yusuf", "Zoe", "Agnieszka", "Bernard", "Cheryl",
         "Delroy", "Errol", "Gillian", "Hamza", "Joyce", "Kwame", "Lindsey", "Maureen", "Nathan",
         "Owen", "Pauline", "Reece", "Shirley", "Trevor", "Valerie", "Winston", "Yvonne"]
SURN = ["Adams", "Ahmed", "Allsop", "Atkinson", "Bains", "Bassett", "Bennett", "Birch", "Bowler",
        "Bradshaw", "Brierley", "Chambers", "Chauhan", "Clifton", "Cooke", "Cresswell", "Dawson",
        "Dhillon", "Dunmore", "Eastwood", "Fairbrother", "Fletcher", "Foster", "Gill", "Goodall",
        "Greaves", "Hallam", "Harrison", "Hartshorn", "Holt", "Hussain", "Ingram", "Jackson",
        "Kaur", "Kowalski", "Lacey", "Lambert", "Marsden", "Mistry", "Moss", "Nowak", "Oakley",
        "Okafor", "Oyelaran", "Parr", "Patel", "Pickering", "Pryce", "Quinn", "Radford", "Rahman",
        "Rowe", "Sadler", "Shaw", "Siddiqui", "Skinner", "Stannard", "Swift", "Thorpe", "Tomlinson",
        "Turton", "Varley", "Wainwright", "Walsh", "Ward", "Whitehead", "Wilkinson", "Woodhouse",
        "Wragg", "Yates", "Zielinski", "Beresford", "Cartwright", "Dobson", "Gregory", "Hodgkinson",
        "Mellor", "Needham", "Plowright", "Scothern", "Tebbutt", "Upton", "Voce", "Whysall"]
USED_NAMES = set()


def new_name(surname=None):
    for _ in range(10000):
        n = f"{rng.choice(FIRST)} {surname or rng.choice(SURN)}"
        if n not in USED_NAMES:
            USED_NAMES.add(n)
            return n
    raise RuntimeError("names exhausted")


def reserve(name):
    assert name not in USED_NAMES, name
    USED_NAMES.add(name)
    return name


# ---------------------------------------------------------------- gazetteer
PC_LET = "ABDEFGHJLNPQRSTUWXYZ"
# street, district, sector, ward, zone, kind, numbers / names, locality
STREETS = [
    ("Canal Street", "SB1", 2, "Castle", "A", "flats",
     ("Printworks House", 3, 14), ""),
    ("Cheapside", "SB1", 1, "Castle", "A", "terrace", list(range(1, 15)), ""),
    ("Mafeking Road", "SB2", 4, "Arkwright", "B", "terrace",
     [1, 3, 5, 7, 9, 11, 14, 16, 17, 18, 20, 22, 25, 27, 29, 31, 40, 42, 44, 46, 53, 55, 57, 71], ""),
    ("Ladysmith Street", "SB2", 5, "Arkwright", "B", "terrace", list(range(2, 34, 2)), ""),
    ("Gladstone Terrace", "SB2", 6, "Arkwright", "B", "terrace", list(range(1, 11)), ""),
    ("College Road", "SB3", 1, "University", "University", "flats",
     ("Alder Court", 18, 10), ""),
    ("College Road", "SB3", 1, "University", "University", "terrace", [2, 4, 6, 8, 10, 12, 14, 16], ""),
    ("Senate Street", "SB3", 2, "University", "University", "terrace", list(range(1, 9)), ""),
    ("Infirmary Road", "SB4", 3, "Infirmary", "Hospital", "terrace", list(range(1, 25, 2)), ""),
    ("Nightingale Close", "SB4", 4, "Infirmary", "Hospital", "semi", list(range(1, 11)), ""),
    ("Beechwood Avenue", "SB5", 2, "Beechwood", "", "semi", list(range(2, 32, 2)), ""),
    ("Larch Drive", "SB5", 3, "Beechwood", "", "semi", list(range(1, 13)), ""),
    ("Church Walk", "SB6", 1, "St Wystan's", "C", "named",
     ["The Old Rectory", "Glebe Cottage", "Church Farmhouse", "Wystan House", "The Coach House",
      "Lychgate Cottage"], "Little Stowe"),
    ("Vicarage Lane", "SB6", 2, "St Wystan's", "C", "semi", list(range(1, 11)), "Little Stowe"),
    ("Ferry Road", "SB7", 1, "Trentside", "", "terrace", list(range(1, 13)), ""),
    ("Oakfield Crescent", "SB8", 2, "Haxby Park", "", "semi", list(range(15, 33)), ""),
    ("Kingsmead Road", "SB9", 4, "Kingsmead", "", "semi", list(range(1, 11)), ""),
    ("Colliery Row", "SB10", 1, "Whitemoor", "", "terrace", list(range(1, 11)), ""),
    ("Ashby Road", "SB11", 3, "Ashby Gate", "", "semi", list(range(20, 36, 2)), ""),
    ("Hill Top Lane", "SB12", 2, "Sandiacre Hill", "", "semi", list(range(1, 7)), "Sandiacre"),
]

PROPS = []  # dicts
USED_PC = set()


def new_unit():
    for _ in range(1000):
        u = rng.choice(PC_LET) + rng.choice(PC_LET)
        yield u


def make_gazetteer():
    uprn = 100031500000
    for street, dist, sector, ward, zone, kind, nums, loc in STREETS:
        def pc():
            while True:
                p = f"{dist} {sector}{rng.choice(PC_LET)}{rng.choice(PC_LET)}"
                if p not in USED_PC:
                    USED_PC.add(p)
                    return p
        if kind == "flats":
            block, no, nflats = nums
            p = pc()
            for f in range(1, nflats + 1):
                uprn += rng.randint(1, 40)
                PROPS.append(dict(uprn=uprn, line1=f"Flat {f}, {block}, {no} {street}", line2=loc,
                                  postcode=p, band=rng.choice("AAB"), ward=ward, zone=zone,
                                  kind="flat", street=street))
            continue
        cur, count = None, 0
        for n in nums:
            if cur is None or count >= rng.randint(5, 9):
                cur, count = pc(), 0
            count += 1
            uprn += rng.randint(1, 40)
            line1 = f"{n}, {street}" if isinstance(n, str) else f"{n} {street}"
            band = {"terrace": "AB", "semi": "CCD", "named": "EFG"}[kind]
            PROPS.append(dict(uprn=uprn, line1=line1, line2=loc, postcode=cur,
                              band=rng.choice(band), ward=ward, zone=zone, kind=kind, street=street))


make_gazetteer()
BY_UPRN = {p["uprn"]: p for p in PROPS}
USED_PROPS = set()


def take_prop(pred=lambda p: True):
    cands = [p for p in PROPS if p["uprn"] not in USED_PROPS and pred(p)]
    p = rng.choice(cands)
    USED_PROPS.add(p["uprn"])
    return p


def find_prop(line1):
    for p in PROPS:
        if p["line1"] == line1:
            return p
    raise KeyError(line1)


# reserved for the ADDRESS_MISMATCH scenario (transposed house number)
USED_PROPS.update([find_prop("71 Mafeking Road")["uprn"], find_prop("17 Mafeking Road")["uprn"]])


# ---------------------------------------------------------------- records
ACCOUNTS, ELECTORS, PERMITS = [], [], []
USED_REFS, USED_VRMS = set(), set()
ELEC_SEQ = {}


def new_ref():
    while True:
        r = "61" + f"{rng.randint(0, 999999):06d}"
        if r not in USED_REFS:
            USED_REFS.add(r)
            return r


def ghost_ref():
    """A well-formed reference that is not in the records."""
    while True:
        r = "61" + f"{rng.randint(0, 999999):06d}"
        if r not in USED_REFS:
            USED_REFS.add(r)  # never issued
            return r


def add_account(uprn, liable, status="active", start=None, end=None, discounts=""):
    ref = new_ref()
    if start is None:
        start = rdate(D(2006, 4, 1), D(2025, 6, 30))
    ACCOUNTS.append(dict(ref=ref, uprn=uprn, liable="; ".join(liable), status=status,
                         start=start, end=end, discounts=discounts))
    return ref


def add_elector(name, uprn):
    ward = BY_UPRN[uprn]["ward"]
    code = "".join(w[0] for w in ward.replace("'", "").split())[:2].upper()
    if len(code) < 2:
        code = ward[:2].upper()
    ELEC_SEQ[code] = ELEC_SEQ.get(code, 0) + rng.randint(1, 6)
    ELECTORS.append(dict(no=f"{code}-{ELEC_SEQ[code]:04d}", name=name, uprn=uprn))


VRM_L = "ABCDEFGHJKLMNOPRSTUVWXY"


def new_vrm(style=None):
    style = style or rng.choice(["current"] * 6 + ["prefix", "suffix"])
    while True:
        if style == "current":
            v = (rng.choice("ABDEFGHKLMNOPRSVWY") + rng.choice(VRM_L)
                 + rng.choice(["15", "16", "17", "18", "19", "20", "21", "22", "23", "24", "25",
                               "65", "66", "67", "68", "69", "70", "71", "72", "73", "74", "75"])
                 + "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(3)))
        elif style == "prefix":
            v = (rng.choice("NPRSTVWXY") + str(rng.randint(1, 999))
                 + "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXY") for _ in range(3)))
        else:
            v = ("".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXY") for _ in range(3))
                 + str(rng.randint(1, 999)) + rng.choice("ABCDEFGHJKLMNPRSTVWXY"))
        if v not in USED_VRMS:
            USED_VRMS.add(v)
            return v


PERMIT_SEQ = [4100]


def add_permit(uprn, vrm, zone, valid_from):
    PERMIT_SEQ[0] += rng.randint(1, 9)
    zcode = {"University": "UN", "Hospital": "HO"}.get(zone, zone)
    vt = D(valid_from.year + 1, valid_from.month, valid_from.day) - dt.timedelta(days=1) \
        if not (valid_from.month == 2 and valid_from.day == 29) else D(valid_from.year + 1, 2, 28)
    PERMITS.append(dict(ref=f"RP-{zcode}-{PERMIT_SEQ[0]}", uprn=uprn, vrm=vrm, zone=zone,
                        valid_from=valid_from, valid_to=vt))


def active_from():
    """valid_from for a permit clearly active on AS_OF."""
    return rdate(D(2026, 1, 10), D(2026, 10, 31))


def expired_from():
    return rdate(D(2024, 6, 1), D(2025, 9, 30))


def prior_occupants(uprn, upto):
    """A closed account for previous occupants ending the day before `upto`."""
    if rng.random() < 0.5 or upto < D(2006, 1, 1):
        return
    names = [new_name()]
    if rng.random() < 0.4:
        names.append(new_name(names[0].split()[-1]))
    start = rdate(D(2003, 4, 1), upto - dt.timedelta(days=700))
    add_account(uprn, names, "closed", start, upto - dt.timedelta(days=1))


# ---------------------------------------------------------------- forwarding addresses (outside the city)
ELSEWHERE = [
    ("5 Mill Court", "Newark", "NG24 4TB"), ("22 Harbour View", "Whitby", "YO21 3PU"),
    ("Flat 3, 27 Bridge Street", "Loughborough", "LE11 1NH"), ("41 Station Road", "Melton Mowbray", "LE13 0AT"),
    ("9 Fosse Way", "Lincoln", "LN6 7QS"), ("118 Derby Road", "Long Eaton", "NG10 4LB"),
    ("2 Orchard Close", "Grantham", "NG31 7SY"), ("67 Abbey Street", "Derby", "DE22 3SJ"),
    ("14 Queen Street", "Boston", "PE21 8RE"), ("30 Sherwood Rise", "Mansfield", "NG18 4HQ"),
    ("Flat 8, Riverside Mill, Wharf Road", "Sheffield", "S3 8BR"), ("7 Meadow Bank", "Matlock", "DE4 3NQ"),
    ("53 Tennyson Avenue", "Chesterfield", "S40 4SW"), ("11 Castle Gate", "Nottingham", "NG1 6AF"),
    ("4 Quay Side", "Gainsborough", "DN21 2NA"), ("26 Pinfold Lane", "Retford", "DN22 7JT"),
    ("19 Wellington Street", "Leicester", "LE1 6HL"), ("3 Abbey Fields", "Newstead", "NG15 8GB"),
    ("88 Bolsover Road", "Worksop", "S80 2SQ"), ("12 The Green", "Ruddington", "NG11 6DY"),
    ("Flat 2, 9 Friar Lane", "Leicester", "LE1 5RA"), ("45 Victoria Road", "Skegness", "PE25 3SN"),
    ("6 Brook Close", "Ashbourne", "DE6 1HL"), ("71 Lincoln Road", "Peterborough", "PE1 2SH"),
    ("27 Kedleston Road", "Derby", "DE22 1FT"), ("10 Priory Walk", "Spalding", "PE11 1YH"),
    ("34 Queens Road", "Beeston", "NG9 2BB"), ("5 Dale View", "Bakewell", "DE45 1BN"),
    ("Flat 14, Hope Mill, Sneinton Road", "Nottingham", "NG2 4QF"), ("2 Cross Street", "Oakham", "LE15 6LL"),
]
rng.shuffle(ELSEWHERE)


def elsewhere():
    return ELSEWHERE.pop()


PHONES_USED = set()


def phone():
    while True:
        p = rng.choice(["07700 9", "07700 9", "0115 496 ", "01632 96"])
        if p.startswith("07700"):
            p = p + f"{rng.randint(0, 99999):05d}"
        elif p.startswith("0115"):
            p = p + f"{rng.randint(0, 9999):04d}"
        else:
            p = p + f"{rng.randint(0, 9999):04d}"
        if p not in PHONES_USED:
            PHONES_USED.add(p)
            return p


def email_for(name):
    parts = name.split()
    first, last = parts[-2].lower(), parts[-1].lower()
    dom = rng.choice(["example.com", "example.org", "example.net", "mail.example.co.uk"])
    pat = rng.choice([f"{first}.{last}", f"{first[0]}{last}", f"{first}{last}{rng.randint(1, 89)}",
                      f"{last}.{first[0]}"])
    return f"{pat}@{dom}"


TITLES_M, TITLES_F = ["Mr", "Dr"], ["Mrs", "Ms", "Miss", "Dr"]
FEMALE = set("Aisha Amelia Anita Beth Carol Chloe Dalia Deborah Eileen Emma Farah Fiona Gemma "
             "Hannah Harriet Irena Jasmine Joanne Karen Kirsty Lauren Lorraine Lucy Margaret "
             "Natalie Nisha Olivia Paula Priya Rachel Rebecca Samina Sandra Sian Sophie Stacey "
             "Teresa Tracey Usha Vanessa Zoe Agnieszka Cheryl Gillian Joyce Lindsey Maureen "
             "Pauline Shirley Valerie Yvonne".split())


def with_title(name, p=0.45):
    if rng.random() > p:
        return name
    t = rng.choice(TITLES_F if name.split()[0] in FEMALE else TITLES_M)
    return f"{t} {name}"


# ---------------------------------------------------------------- scenarios
# (layout, form_type, kind)
PLAN = [
    # designer: modern forms-designer
    ("designer", "council_tax_spd", "clean"), ("designer", "council_tax_spd", "clean"),
    ("designer", "council_tax_spd", "clean"),
    ("designer", "council_tax_spd", "DISCOUNT_ALREADY_APPLIED"),
    ("designer", "council_tax_spd", "INCONSISTENT_DATES"),
    ("designer", "council_tax_move", "out"), ("designer", "council_tax_move", "in"),
    ("designer", "council_tax_move", "out"), ("designer", "council_tax_move", "in:PROPERTY_NOT_FOUND"),
    ("designer", "parking_permit", "clean"), ("designer", "parking_permit", "clean"),
    ("designer", "parking_permit", "DATE_IN_FUTURE"),
    # table
    ("table", "council_tax_spd", "clean"), ("table", "council_tax_spd", "DUP"),
    ("table", "council_tax_spd", "clean"),
    ("table", "council_tax_spd", "ACCOUNT_CLOSED"),
    ("table", "council_tax_move", "out"), ("table", "council_tax_move", "in"),
    ("table", "council_tax_move", "out:DATE_TOO_OLD"),
    ("table", "parking_permit", "clean"), ("table", "parking_permit", "clean"),
    ("table", "parking_permit", "PERMIT_CAP_REACHED"), ("table", "parking_permit", "MISSING_FIELD:vrm"),
    # compact
    ("compact", "council_tax_spd", "clean"), ("compact", "council_tax_spd", "clean"),
    ("compact", "council_tax_spd", "NAME_MISMATCH"),
    ("compact", "council_tax_move", "in"), ("compact", "council_tax_move", "out"),
    ("compact", "council_tax_move", "out:ACCOUNT_NOT_FOUND"),
    ("compact", "parking_permit", "clean"), ("compact", "parking_permit", "clean:student"),
    ("compact", "parking_permit", "INVALID_FORMAT:vrm"), ("compact", "parking_permit", "NOT_IN_PERMIT_ZONE"),
    # acroform
    ("acroform", "council_tax_spd", "clean"), ("acroform", "council_tax_spd", "ADDRESS_MISMATCH"),
    ("acroform", "council_tax_spd", "clean"),
    ("acroform", "council_tax_move", "out"), ("acroform", "council_tax_move", "in"),
    ("acroform", "council_tax_move", "out:MISSING_FIELD:move_date"),
    ("acroform", "parking_permit", "clean"), ("acroform", "parking_permit", "clean"),
    ("acroform", "parking_permit", "VRM_HAS_PERMIT"),
    # wordy: dates in words
    ("wordy", "council_tax_spd", "clean"), ("wordy", "council_tax_spd", "clean"),
    ("wordy", "council_tax_spd", "OTHER_ADULTS_REGISTERED"),
    ("wordy", "council_tax_move", "out"), ("wordy", "council_tax_move", "in"),
    ("wordy", "council_tax_move", "out"),
    ("wordy", "council_tax_move", "in:DATE_IN_FUTURE"),
    ("wordy", "parking_permit", "clean"), ("wordy", "parking_permit", "clean"),
    ("wordy", "parking_permit", "NOT_RESIDENT"),
    # letters and emails
    ("letter_email", "correspondence", "missed_bin"), ("letter_email", "correspondence", "council_tax_query"),
    ("letter_email", "correspondence", "complaint"), ("letter_email", "correspondence", "foi_request"),
    ("letter_email", "correspondence", "other"), ("letter_email", "correspondence", "SENDER_UNKNOWN"),
    ("letter_email", "correspondence", "ACCOUNT_NOT_FOUND"),
    ("letter_email", "council_tax_spd", "clean"), ("letter_email", "council_tax_spd", "DATE_TOO_OLD"),
    ("letter_email", "council_tax_move", "out"),
]


def decl_after(d0, lo=D(2026, 11, 2), hi=D(2026, 12, 6)):
    a = max(lo, d0 + dt.timedelta(days=3))
    if a > hi:
        a = hi
    return rdate(a, hi)


HOUSE = lambda p: p["kind"] in ("terrace", "semi", "named", "flat") and not (  # noqa: E731
    p["kind"] == "flat" and "Alder Court" in p["line1"])


def build_spd(kind, layout):
    f, hints = {}, {}
    reasons = [] if kind in ("clean", "DUP") else [kind]
    prop = take_prop(lambda p: HOUSE(p) and p["zone"] != "University")
    sur = rng.choice(SURN)
    applicant = new_name(sur)
    partner = new_name(sur if rng.random() < 0.6 else None)
    variant = rng.choice(["joint_both_reg", "joint_app_reg", "sole"])
    name_other = True
    if kind == "DATE_TOO_OLD":
        variant = "joint_app_reg"
    if kind == "NAME_MISMATCH":
        # son applies on his father's account; father has moved into care
        father = partner
        fstart = rdate(D(1998, 4, 1), D(2010, 1, 1))
        prior_occupants(prop["uprn"], fstart)
        add_account(prop["uprn"], [father], start=fstart)
        add_elector(applicant, prop["uprn"])
        add_elector(father, prop["uprn"])
        ref = ACCOUNTS[-1]["ref"]
        other = father
        desc = f"My father {father} has moved permanently into a care home and I now live at the house on my own."
    else:
        start = rdate(D(2009, 4, 1), D(2024, 6, 1))
        prior_occupants(prop["uprn"], start)
        if variant == "sole":
            liable = [applicant]
        else:
            liable = [applicant, partner]
        disc = "SPD" if kind == "DISCOUNT_ALREADY_APPLIED" else ""
        if kind == "DISCOUNT_ALREADY_APPLIED":
            liable = [applicant]
            variant = "sole"
        if kind == "ACCOUNT_CLOSED":
            # the joint account was closed when the partner left and a new sole account opened;
            # the applicant quotes the old reference
            old_end = rdate(D(2026, 8, 1), D(2026, 9, 30))
            ref = add_account(prop["uprn"], [applicant, partner], "closed", start, old_end)
            add_account(prop["uprn"], [applicant], "active", old_end + dt.timedelta(days=1), None)
            add_elector(applicant, prop["uprn"])
            variant = "joint_app_reg"
        else:
            ref = add_account(prop["uprn"], liable, "active", start, None, disc)
            add_elector(applicant, prop["uprn"])
            if variant == "joint_both_reg":
                add_elector(partner, prop["uprn"])
        other = partner
        if variant == "joint_both_reg" or kind in ("OTHER_ADULTS_REGISTERED", "INCONSISTENT_DATES"):
            name_other = True
        else:
            name_other = rng.random() < 0.6
        if kind in ("OTHER_ADULTS_REGISTERED", "INCONSISTENT_DATES") and variant != "joint_both_reg":
            add_elector(partner, prop["uprn"])
        if kind == "OTHER_ADULTS_REGISTERED":
            add_elector(new_name(sur), prop["uprn"])  # adult child still registered there
        desc = None
    # dates
    if kind == "DATE_TOO_OLD":
        since = rdate(D(2025, 6, 1), D(2025, 9, 30))
    elif kind == "ACCOUNT_CLOSED":
        since = ACCOUNTS[-2]["end"] + dt.timedelta(days=1)
    else:
        since = rdate(D(2026, 3, 1), D(2026, 11, 20))
    decl = decl_after(since)
    f["account_ref"] = ref
    f["applicant_name"] = with_title(applicant)
    f["address"] = prop["line1"]
    f["postcode"] = prop["postcode"]
    if kind == "ADDRESS_MISMATCH":
        # transposed house number: the account is for 71, the form says 17 (both on the gazetteer)
        pass
    f["sole_adult_since"] = since.isoformat()
    if name_other:
        f["other_adult_name"] = other
        if rng.random() < 0.6 or kind == "NAME_MISMATCH":
            if kind == "NAME_MISMATCH":
                f["other_adult_forwarding_address"] = "Ashdene Care Home, 40 Radcliffe Road, Stowbridge SB7 1QD"
            else:
                a, t, pc = elsewhere()
                f["other_adult_forwarding_address"] = f"{a}, {t} {pc}"
    # change description
    if kind == "INCONSISTENT_DATES":
        moved = since - dt.timedelta(days=rng.choice([10, 14, 21]))
        desc = (f"{other.split()[0]} moved out on {fmt_date(moved, 'long')} after we separated. "
                f"I have been living here by myself since.")
    elif desc is None and rng.random() < 0.7:
        first = other.split()[0]
        if rng.random() < 0.6:
            who = "My partner" if rng.random() < 0.7 else ("My wife" if first in FEMALE else "My husband")
            desc = rng.choice([
                f"{who} {first} moved out on {fmt_date(since, rng.choice(['long', 'dmy/']))}. We have separated.",
                f"{who} and I have split up and {first} has moved out.",
                f"{who} has left the property and I am now the only adult here.",
            ])
        else:
            who = rng.choice(["My lodger", "My flatmate", "My son", "My daughter"])
            desc = rng.choice([
                f"{who} {first} took a job elsewhere and moved out on {fmt_date(since, 'long')}.",
                f"{who} moved out to live with friends. I now live here on my own.",
                f"{who} {first} has moved away and I am now the only adult living here.",
            ])
    if desc:
        f["change_description"] = desc
    if rng.random() < 0.7:
        f["phone"] = phone()
    if rng.random() < 0.6:
        f["email"] = email_for(applicant)
    if kind == "DUP":
        pass
    f["declaration_date"] = decl.isoformat()
    outcome = "approved" if kind == "clean" else ("duplicate_pair" if kind == "DUP" else "exception")
    if kind in ("clean", "DUP", "DATE_TOO_OLD", "ACCOUNT_CLOSED", "INCONSISTENT_DATES") and layout == "letter_email":
        f.pop("change_description", None)
    return f, outcome, reasons, {"signer": applicant, "prop": prop}


def build_spd_address_mismatch():
    # the account is for 71 Mafeking Road; the form says 17 Mafeking Road
    p71, p17 = find_prop("71 Mafeking Road"), find_prop("17 Mafeking Road")
    applicant = new_name()
    ref = add_account(p71["uprn"], [applicant, new_name(applicant.split()[-1])])
    add_elector(applicant, p71["uprn"])
    add_account(p17["uprn"], [new_name()])
    add_elector(ACCOUNTS[-1]["liable"], p17["uprn"])
    since = rdate(D(2026, 6, 1), D(2026, 11, 10))
    f = dict(account_ref=ref, applicant_name=with_title(applicant, 1.0), address="17 Mafeking Road",
             postcode=p17["postcode"], sole_adult_since=since.isoformat())
    f["change_description"] = "My partner moved out and we are getting divorced."
    f["phone"] = phone()
    f["declaration_date"] = decl_after(since).isoformat()
    return f, "exception", ["ADDRESS_MISMATCH"], {"signer": applicant, "prop": p17}


def build_move(kind, layout):
    mtype, _, exc = kind.partition(":")
    f, reasons = {"move_type": mtype}, ([exc] if exc else [])
    if mtype == "out":
        prop = take_prop(HOUSE)
        applicant = new_name()
        liable = [applicant] + ([new_name(applicant.split()[-1])] if rng.random() < 0.4 else [])
        mstart = rdate(D(2014, 1, 1), D(2024, 12, 1))
        prior_occupants(prop["uprn"], mstart)
        ref = add_account(prop["uprn"], liable, start=mstart)
        for n in liable:
            if rng.random() < 0.85:
                add_elector(n, prop["uprn"])
        if exc == "ACCOUNT_NOT_FOUND":
            ref = ghost_ref()
        if exc == "DATE_TOO_OLD":
            md = rdate(D(2025, 7, 1), D(2025, 11, 15))
            decl = rdate(D(2026, 11, 10), D(2026, 12, 4))
        else:
            md = rdate(D(2026, 9, 15), D(2026, 12, 30))
            decl = rdate(max(D(2026, 11, 1), md - dt.timedelta(days=30)), D(2026, 12, 6))
        f["account_ref"] = ref
        f["applicant_name"] = with_title(applicant)
        f["previous_address"] = prop["line1"]
        f["previous_postcode"] = prop["postcode"]
        if rng.random() < 0.8:
            a, t, pc = elsewhere()
            f["new_address"] = a
            f["new_postcode"] = pc
            town = t
        else:
            town = None
    else:
        if exc == "PROPERTY_NOT_FOUND":
            prop = dict(line1="7 Kingfisher Way", postcode="SB9 6WT", line2="Kingsmead Meadows",
                        uprn=None)
        else:
            prop = take_prop(lambda p: HOUSE(p) and p["kind"] != "named")
            # vacant: only closed accounts
            end = rdate(D(2026, 7, 1), D(2026, 10, 31))
            add_account(prop["uprn"], [new_name()], "closed", rdate(D(2011, 1, 1), D(2022, 1, 1)), end)
        applicant = new_name()
        if exc == "DATE_IN_FUTURE":
            md = rdate(D(2027, 2, 1), D(2027, 3, 31))
        else:
            md = rdate(D(2026, 10, 1), D(2027, 1, 2))
        if exc == "DATE_IN_FUTURE":
            decl = rdate(D(2026, 11, 20), D(2026, 12, 5))
        else:
            decl = rdate(max(D(2026, 11, 1), min(md - dt.timedelta(days=40), D(2026, 11, 30))), D(2026, 12, 6))
        f["applicant_name"] = with_title(applicant)
        f["new_address"] = prop["line1"]
        f["new_postcode"] = prop["postcode"]
        town = "Stowbridge"
        if rng.random() < 0.6:
            a, t, pc = elsewhere()
            f["previous_address"] = a
            f["previous_postcode"] = pc
    if exc != "MISSING_FIELD:move_date" and kind != "out:MISSING_FIELD:move_date":
        f["move_date"] = md.isoformat()
    if rng.random() < 0.7:
        f["phone"] = phone()
    if rng.random() < 0.5:
        f["email"] = email_for(applicant)
    f["declaration_date"] = decl.isoformat()
    if kind == "out:MISSING_FIELD:move_date":
        reasons = ["MISSING_FIELD:move_date"]
    outcome = "exception" if reasons else "approved"
    return f, outcome, reasons, {"signer": applicant, "prop": prop, "town": town}


MAKES = ["Ford", "Vauxhall", "Toyota", "Volkswagen", "Nissan", "Kia", "Peugeot", "Honda", "Skoda",
         "Hyundai", "BMW", "Fiat", "Renault", "Mini", "Audi", "Citroen"]


def build_permit(kind, layout):
    f, reasons = {}, ([] if kind.startswith("clean") else [kind])
    applicant = new_name()
    if kind == "clean:student":
        prop = take_prop(lambda p: "Alder Court" in p["line1"])
        add_account(prop["uprn"], ["Stowbridge Student Lettings Ltd"], discounts="STU",
                    start=D(2019, 8, 1))
        add_elector(applicant, prop["uprn"])
        add_elector(new_name(), prop["uprn"])
        zone = prop["zone"]
    elif kind == "NOT_IN_PERMIT_ZONE":
        prop = take_prop(lambda p: p["zone"] == "" and HOUSE(p))
        add_account(prop["uprn"], [applicant])
        add_elector(applicant, prop["uprn"])
        zone = "C"
    else:
        prop = take_prop(lambda p: p["zone"] not in ("", "University") and HOUSE(p)
                         and "Printworks" not in p["line1"])
        zone = prop["zone"]
        if kind == "NOT_RESIDENT":
            occ = new_name()
            add_account(prop["uprn"], [occ])
            add_elector(occ, prop["uprn"])
        else:
            liable = [applicant] + ([new_name()] if rng.random() < 0.4 else [])
            add_account(prop["uprn"], liable)
            if rng.random() < 0.7:
                add_elector(applicant, prop["uprn"])
    vrm = new_vrm()
    # existing permits
    if kind == "PERMIT_CAP_REACHED":
        add_permit(prop["uprn"], new_vrm(), zone, active_from())
        add_permit(prop["uprn"], new_vrm(), zone, active_from())
    elif kind == "VRM_HAS_PERMIT":
        other = take_prop(lambda p: p["zone"] == zone and HOUSE(p))
        occ = new_name()
        add_account(other["uprn"], [occ])
        add_elector(occ, other["uprn"])
        add_permit(other["uprn"], vrm, zone, active_from())  # still registered at the old address
    elif kind not in ("NOT_IN_PERMIT_ZONE",):
        r = rng.random()
        if r < 0.35:
            add_permit(prop["uprn"], new_vrm(), zone, active_from())
        elif r < 0.6:
            add_permit(prop["uprn"], vrm, zone, expired_from())  # renewal of a lapsed permit
    if kind == "INVALID_FORMAT:vrm":
        vrm = "AB123CDE"
        disp_vrm = rng.choice(["AB123 CDE", "ab123 cde"])
    else:
        disp_vrm = None
    if kind == "DATE_IN_FUTURE":
        start = rdate(D(2027, 1, 20), D(2027, 2, 28))
    else:
        start = rdate(D(2026, 11, 23), D(2027, 1, 1))
    decl = rdate(max(D(2026, 11, 1), min(start - dt.timedelta(days=35), D(2026, 11, 30))), D(2026, 12, 6))
    f["applicant_name"] = with_title(applicant)
    f["address"] = prop["line1"]
    f["postcode"] = prop["postcode"]
    if kind != "MISSING_FIELD:vrm":
        f["vrm"] = vrm
    if rng.random() < 0.8:
        f["vehicle_make"] = rng.choice(MAKES)
    f["zone"] = zone
    f["start_date"] = start.isoformat()
    if rng.random() < 0.7:
        f["phone"] = phone()
    if rng.random() < 0.5:
        f["email"] = email_for(applicant)
    f["declaration_date"] = decl.isoformat()
    outcome = "exception" if reasons else "approved"
    return f, outcome, reasons, {"signer": applicant, "prop": prop, "disp_vrm": disp_vrm}


# ---------------------------------------------------------------- correspondence
def build_corr(kind):
    """Returns fields, outcome, reasons, hints (with rendered paragraphs)."""
    h = {}
    if kind == "missed_bin":
        prop = take_prop(lambda p: p["street"] == "Oakfield Crescent")
        name = new_name()
        add_account(prop["uprn"], [name, new_name(name.split()[-1])])
        add_elector(name, prop["uprn"])
        d0 = D(2026, 11, 30)
        coll, rang = D(2026, 11, 24), D(2026, 11, 25)
        paras = [
            f"I am writing to report that our grey general waste bin was not collected on "
            f"{fmt_date(coll, 'weekday')}, although it was out at the kerb by half past six in the "
            f"morning as usual. Every other house on {prop['street']} was emptied.",
            f"I telephoned the contact centre on {fmt_date(rang, 'long')} and was told that the crew "
            f"would come back within two working days. Nobody has been and the bin is now full and "
            f"starting to smell. Please could you arrange for it to be emptied as soon as possible.",
        ]
        topic, dates, style = "missed_bin", [d0, coll, rang], "letter"
        sender = with_title(name, 0.9)
        h.update(prop=prop, date=d0, salutation="Dear Sir or Madam", close="Yours faithfully")
        f = dict(topic=topic, sender_name=sender, address=prop["line1"], postcode=prop["postcode"])
    elif kind == "council_tax_query":
        prop = take_prop(lambda p: p["street"] == "Ladysmith Street")
        name = new_name()
        ref = add_account(prop["uprn"], [name], start=D(2019, 3, 4))
        add_elector(name, prop["uprn"])
        d0 = D(2026, 12, 2)
        bill, inst, paid = D(2026, 11, 20), D(2026, 12, 1), D(2026, 10, 12)
        paras = [
            f"My Council Tax account number is {fmt_acct(ref, 'space4')} and the property is "
            f"{prop['line1']}.",
            f"I have received a revised bill dated {fmt_date(bill, 'dmy/')} showing monthly "
            f"instalments of \u00a3164.20 starting on {fmt_date(inst, 'long')}. However, I paid the "
            f"whole of this year's balance by card on {fmt_date(paid, 'long')} and I have the "
            f"receipt. Could you please check the account and confirm in writing what, if anything, "
            f"I still owe?",
        ]
        topic, dates, style = "council_tax_query", [d0, bill, inst, paid], "email"
        sender = name
        h.update(prop=prop, date=d0, subject="Query about my Council Tax bill", salutation="Hello,",
                 close="Many thanks,", email=email_for(name), sig_address=True, time="08:41")
        f = dict(topic=topic, sender_name=sender, address=prop["line1"], postcode=prop["postcode"],
                 account_ref=ref)
    elif kind == "complaint":
        prop = take_prop(lambda p: p["street"] == "Infirmary Road")
        name = new_name()
        add_account(prop["uprn"], [name])
        add_elector(name, prop["uprn"])
        d0 = D(2026, 12, 1)
        r1, r2 = D(2026, 9, 3), D(2026, 10, 15)
        paras = [
            "I wish to make a formal complaint about the way the council has dealt with the broken "
            f"paving slabs outside numbers 9 to 15 {prop['street']}.",
            f"I first reported the problem online on {fmt_date(r1, 'dmy/')} and again by telephone on "
            f"{fmt_date(r2, 'dmy/')}. On both occasions I was given a reference number and told an "
            "inspector would visit within ten working days. No one has visited and nobody has replied. "
            "My elderly neighbour tripped there last week and cut her hand.",
            "I would like an explanation of why my reports were ignored and a date for the repair.",
        ]
        topic, dates, style = "complaint", [d0, r1, r2], "letter"
        sender = with_title(name, 1.0)
        h.update(prop=prop, date=d0, salutation="Dear Customer Services Manager", close="Yours sincerely")
        f = dict(topic=topic, sender_name=sender, address=prop["line1"], postcode=prop["postcode"])
    elif kind == "foi_request":
        prop = take_prop(lambda p: p["street"] == "Kingsmead Road")
        name = new_name()
        add_account(prop["uprn"], [name])
        add_elector(name, prop["uprn"])
        d0 = D(2026, 12, 3)
        a, b = D(2025, 4, 1), D(2026, 3, 31)
        paras = [
            "Under the Freedom of Information Act 2000, please provide the following information:",
            f"1. The number of residents' parking permits issued in each permit zone between "
            f"{fmt_date(a, 'long')} and {fmt_date(b, 'long')}.",
            "2. The total income the council received from residents' parking permits over the same period.",
            "3. The number of penalty charge notices issued in Zone B over the same period.",
            "I would prefer to receive the information by email in a spreadsheet.",
        ]
        topic, dates, style = "foi_request", [d0, a, b], "email"
        sender = name
        h.update(prop=prop, date=d0, subject="Freedom of Information request - parking permits",
                 salutation="Dear Information Governance Team,", close="Kind regards,",
                 email=email_for(name), sig_address=True, time="19:02")
        f = dict(topic=topic, sender_name=sender, address=prop["line1"], postcode=prop["postcode"])
    elif kind == "other":
        prop = take_prop(lambda p: p["street"] == "Ferry Road")
        name = new_name()
        add_account(prop["uprn"], [name, new_name()])
        add_elector(name, prop["uprn"])
        d0 = D(2026, 11, 27)
        od = D(2026, 9, 12)
        paras = [
            "I would like to add my name to the waiting list for an allotment plot at the Trentside "
            f"allotments. I came to the open day on {fmt_date(od, 'longth')} and one of the committee "
            "members suggested I write to the council, as the site is council owned.",
            "A half plot would suit me best. Please could you also tell me roughly how long the "
            "waiting list is at the moment and what the annual rent is.",
        ]
        topic, dates, style = "other", [d0, od], "letter"
        sender = with_title(name, 0.3)
        h.update(prop=prop, date=d0, salutation="Dear Sir or Madam", close="Yours faithfully")
        f = dict(topic=topic, sender_name=sender, address=prop["line1"], postcode=prop["postcode"])
    elif kind == "SENDER_UNKNOWN":
        d0 = D(2026, 12, 4)
        s = D(2026, 11, 16)
        paras = [
            "I want to complain about the fly-tipping behind the shops on Cheapside. There has been a "
            f"pile of mattresses, black bags and an old sofa in the back alley since {fmt_date(s, 'long')} "
            "and it is now attracting rats.",
            "Several people have reported it and nothing has been done. It is not good enough and I "
            "expect the council to clear it and to do something about the people who keep dumping there.",
        ]
        topic, dates, style = "complaint", [d0, s], "letter"
        sender = None
        h.update(prop=None, date=d0, salutation="To whom it may concern", close="A fed-up resident")
        f = dict(topic=topic)
    elif kind == "ACCOUNT_NOT_FOUND":
        prop = take_prop(lambda p: p["street"] == "Colliery Row")
        name = new_name()
        add_account(prop["uprn"], [name])
        add_elector(name, prop["uprn"])
        ref = ghost_ref()
        d0 = D(2026, 12, 5)
        dd = D(2026, 11, 15)
        paras = [
            f"Council Tax reference: {fmt_acct(ref, 'ct')}",
            f"My Council Tax direct debit of \u00a3142.00 was collected twice on {fmt_date(dd, 'longth')}, "
            "and my bank tells me both payments went to Stowbridge City Council. "
            "Please could you refund the extra payment and let me know that my account is up to date?",
        ]
        topic, dates, style = "council_tax_query", [d0, dd], "letter"
        sender = name
        h.update(prop=prop, date=d0, salutation="Dear Council Tax Team", close="Yours sincerely")
        f = dict(topic=topic, sender_name=sender, address=prop["line1"], postcode=prop["postcode"],
                 account_ref=ref)
    else:
        raise ValueError(kind)
    # dates_mentioned: every date printed, in order of first appearance (letter date / Sent: first)
    seen = []
    for d in dates:
        if d.isoformat() not in seen:
            seen.append(d.isoformat())
    f["dates_mentioned"] = seen
    f["body"] = norm_ws(" ".join(paras))
    reasons = [] if kind in ("missed_bin", "council_tax_query", "complaint", "foi_request", "other") else [kind]
    h.update(paras=paras, style=style, sender=sender)
    return f, ("exception" if reasons else "approved"), reasons, h


# ---------------------------------------------------------------- background households
def fill_background():
    for p in PROPS:
        if p["uprn"] in USED_PROPS:
            continue
        u = p["uprn"]
        r = rng.random()
        if "Alder Court" in p["line1"] or (p["zone"] == "University" and r < 0.5):
            add_account(u, ["Stowbridge Student Lettings Ltd"], discounts="STU",
                        start=rdate(D(2015, 8, 1), D(2023, 8, 1)))
            for _ in range(rng.randint(1, 3)):
                add_elector(new_name(), u)
            continue
        if r < 0.06:  # vacant, awaiting a new occupier
            add_account(u, [new_name()], "closed", rdate(D(2010, 1, 1), D(2020, 1, 1)),
                        rdate(D(2026, 5, 1), D(2026, 11, 20)))
            continue
        start = rdate(D(2005, 4, 1), D(2025, 11, 1))
        prior_occupants(u, start)
        sur = rng.choice(SURN)
        liable = [new_name(sur)]
        if rng.random() < 0.55:
            liable.append(new_name(sur if rng.random() < 0.7 else None))
        others = []
        if rng.random() < 0.2:
            others.append(new_name(sur))
        disc = ""
        if len(liable) == 1 and not others and rng.random() < 0.5:
            disc = "SPD"
        elif rng.random() < 0.04:
            disc = "DIS"
        add_account(u, liable, "active", start, None, disc)
        for n in liable + others:
            if rng.random() < 0.9:
                add_elector(n, u)
        if p["zone"]:
            k = rng.random()
            if k < 0.35:
                add_permit(u, new_vrm(), p["zone"], active_from())
            elif k < 0.45:
                add_permit(u, new_vrm(), p["zone"], active_from())
                add_permit(u, new_vrm(), p["zone"], active_from())
            if rng.random() < 0.2:
                add_permit(u, new_vrm(), p["zone"], expired_from())


# ---------------------------------------------------------------- PDF rendering: common
W, H = A4
NAVY = colors.HexColor("#1F3A5F")
TEAL = colors.HexColor("#0F6E6E")
GREY = colors.HexColor("#5F6B76")
COUNCIL = "Stowbridge City Council"
GUILDHALL = "The Guildhall, Market Place, Stowbridge SB1 1AA"

TITLES = {
    "council_tax_spd": ["Council Tax \u2013 Single Person Discount", "Apply for a 25% single person discount",
                        "Council Tax: Claim for Single Occupier Discount"],
    "council_tax_move": ["Council Tax \u2013 Moving Home", "Tell us you are moving",
                         "Council Tax: Change of Address Notification"],
    "parking_permit": ["Residents' Parking Permit Application", "Apply for a residents' parking permit",
                       "Resident Permit Parking Scheme \u2013 Application"],
}
FORM_CODES = {"council_tax_spd": "CT/SPD", "council_tax_move": "CT/MOV", "parking_permit": "PK/RES"}

ZONES = ["A", "B", "C", "University", "Hospital"]


def crest(c, x, y, r=14, col=NAVY):
    c.saveState()
    c.setFillColor(col)
    c.circle(x, y, r, stroke=0, fill=1)
    c.setFillColor(colors.white)
    c.setFont("Helvetica-Bold", r * 0.8)
    c.drawCentredString(x, y - r * 0.28, "S")
    c.restoreState()


# Each question: (key, label, help).  Keys are forms.md field names, or pseudo keys:
#   "_sig" signature, "_others18" yes/no (anyone else 18+?), "_town", "_sec:Title".
QUESTIONS = {
    "designer": {
        "council_tax_spd": [
            ("_sec", "About you", ""),
            ("applicant_name", "Your full name", "Please include your title if you would like us to use it"),
            ("account_ref", "Council Tax account number", "You will find this 8-digit number at the top of your bill"),
            ("phone", "Daytime phone number", "So we can contact you if we have a question"),
            ("email", "Email address", "We will send your revised bill here"),
            ("_sec", "The property", ""),
            ("address", "Address of the property", "House number or name and street"),
            ("postcode", "Postcode", ""),
            ("_sec", "What has changed", ""),
            ("sole_adult_since", "Date you became the only adult living there", "Adults are people aged 18 or over"),
            ("other_adult_name", "Full name of the adult who left", "Leave blank if nobody has left"),
            ("other_adult_forwarding_address", "Their new address", "If you know it"),
            ("change_description", "Tell us briefly what happened", "For example, partner moved out"),
            ("_sec", "Declaration", ""),
            ("_sig", "Signature", "I declare that the information I have given is correct and complete"),
            ("declaration_date", "Date", "Day, month and year"),
        ],
        "council_tax_move": [
            ("_sec", "Your move", ""),
            ("move_type", "Are you moving in or moving out?", "Tick one box"),
            ("applicant_name", "Your full name", "Everyone who will be responsible for the bill"),
            ("account_ref", "Council Tax account number (if you have one)", "8 digits, shown on your bill"),
            ("move_date", "Date of your move", "The day you get (or hand back) the keys"),
            ("_sec", "Address you are leaving", ""),
            ("previous_address", "House number and street", "Only if moving out of, or within, Stowbridge"),
            ("previous_postcode", "Postcode", ""),
            ("_sec", "Your new address", ""),
            ("new_address", "House number and street", "Where you are moving to, or forwarding address"),
            ("new_postcode", "Postcode", ""),
            ("_sec", "Contact and declaration", ""),
            ("phone", "Phone number", ""),
            ("email", "Email address", ""),
            ("_sig", "Signature", "The information I have given is true to the best of my knowledge"),
            ("declaration_date", "Date", ""),
        ],
        "parking_permit": [
            ("_sec", "Your details", ""),
            ("applicant_name", "Full name", "The permit holder"),
            ("address", "Address", "Where you live and will park"),
            ("postcode", "Postcode", ""),
            ("phone", "Phone", ""),
            ("email", "Email", ""),
            ("_sec", "Your vehicle", ""),
            ("vrm", "Registration number", "As shown on the V5C logbook"),
            ("vehicle_make", "Make of vehicle", "For example Ford"),
            ("zone", "Permit zone", "Tick the zone shown on the signs in your street"),
            ("start_date", "When should the permit start?", "Permits run for 12 months"),
            ("_sec", "Declaration", ""),
            ("_sig", "Signature", "I confirm I live at the address above and the vehicle is kept there"),
            ("declaration_date", "Date", ""),
        ],
    },
    "table": {
        "council_tax_spd": [
            ("account_ref", "What is your Council Tax reference number?"),
            ("applicant_name", "Your name (including title)"),
            ("address", "Which property are you claiming for? (number and street)"),
            ("postcode", "Postcode of that property"),
            ("sole_adult_since", "From what date have you been the only person aged 18 or over living there?"),
            ("other_adult_name", "Name of the adult who has moved out"),
            ("other_adult_forwarding_address", "Where have they moved to?"),
            ("change_description", "Please tell us what has changed"),
            ("phone", "Contact telephone"),
            ("email", "Contact email"),
            ("_sig", "Signature of applicant"),
            ("declaration_date", "Date signed"),
        ],
        "council_tax_move": [
            ("move_type", "Are you moving into or out of a property?"),
            ("applicant_name", "Full name of the person(s) liable"),
            ("account_ref", "Existing Council Tax reference (if known)"),
            ("previous_address", "Address you are leaving"),
            ("previous_postcode", "Postcode of address you are leaving"),
            ("new_address", "Address you are moving to"),
            ("new_postcode", "Postcode of new address"),
            ("move_date", "Date you moved or will move"),
            ("phone", "Telephone"),
            ("email", "Email"),
            ("_sig", "Signed"),
            ("declaration_date", "Date"),
        ],
        "parking_permit": [
            ("applicant_name", "Name of applicant"),
            ("address", "Address (number and street)"),
            ("postcode", "Postcode"),
            ("zone", "Which permit zone do you live in?"),
            ("vrm", "Vehicle registration"),
            ("vehicle_make", "Vehicle make"),
            ("start_date", "Date you want the permit to begin"),
            ("phone", "Telephone"),
            ("email", "Email"),
            ("_sig", "Signature"),
            ("declaration_date", "Date"),
        ],
    },
    "compact": {
        "council_tax_spd": [
            ("_sec", "APPLICANT"),
            (("applicant_name", "Name"), ("account_ref", "Account no.")),
            ("address", "Property address"),
            (("postcode", "Postcode"), ("_others18", "Other adults 18+")),
            ("_sec", "CHANGE IN HOUSEHOLD"),
            ("sole_adult_since", "Living alone from"),
            ("other_adult_name", "Adult who left"),
            ("other_adult_forwarding_address", "Their new address"),
            ("change_description", "Reason for claim"),
            ("_sec", "CONTACT"),
            (("phone", "Tel"), ("email", "Email")),
            ("_sec", "DECLARATION"),
            (("_sig", "Signed"), ("declaration_date", "Dated")),
        ],
        "council_tax_move": [
            ("_sec", "MOVE DETAILS"),
            (("move_type", "Moving"), ("move_date", "Date of move")),
            (("applicant_name", "Name"), ("account_ref", "Account no.")),
            ("_sec", "PROPERTY BEING VACATED"),
            (("previous_address", "Address"), ("previous_postcode", "Postcode")),
            ("_sec", "NEW / FORWARDING ADDRESS"),
            (("new_address", "Address"), ("new_postcode", "Postcode")),
            ("_sec", "CONTACT"),
            (("phone", "Tel"), ("email", "Email")),
            ("_sec", "DECLARATION"),
            (("_sig", "Signed"), ("declaration_date", "Dated")),
        ],
        "parking_permit": [
            ("_sec", "RESIDENT"),
            ("applicant_name", "Name"),
            (("address", "Address"), ("postcode", "Postcode")),
            (("phone", "Tel"), ("email", "Email")),
            ("_sec", "VEHICLE AND PERMIT"),
            (("vrm", "Reg. no."), ("vehicle_make", "Make")),
            (("zone", "Zone"), ("start_date", "Start")),
            ("_sec", "DECLARATION"),
            (("_sig", "Signed"), ("declaration_date", "Dated")),
        ],
    },
    "acroform": {
        "council_tax_spd": [
            ("account_ref", "Council Tax reference number", "council_tax_reference"),
            ("applicant_name", "Name of person claiming", "claimant_full_name"),
            ("address", "Property address (number/name and street)", "property_address"),
            ("postcode", "Property postcode", "property_postcode"),
            ("_others18", "Does anyone else aged 18 or over live at the property?", "other_adult_lives_there"),
            ("sole_adult_since", "Date you became the sole adult (dd/mm/yyyy)", "date_sole_occupier_from"),
            ("other_adult_name", "Name of the adult who moved out", "former_occupant_name"),
            ("other_adult_forwarding_address", "Their forwarding address", "former_occupant_new_address"),
            ("change_description", "What has changed?", "change_details"),
            ("phone", "Telephone", "contact_phone"),
            ("email", "Email", "contact_email"),
            ("declaration_date", "Date of declaration (dd/mm/yyyy)", "declaration_date"),
        ],
        "council_tax_move": [
            ("move_type", "Are you moving OUT of a property in Stowbridge?", "moving_out"),
            ("applicant_name", "Full name", "resident_full_name"),
            ("account_ref", "Council Tax reference (moving out only)", "council_tax_reference"),
            ("previous_address", "Address you are leaving", "old_address_line1"),
            ("previous_postcode", "Postcode you are leaving", "old_address_postcode"),
            ("new_address", "New or forwarding address", "new_address_line1"),
            ("new_postcode", "New postcode", "new_address_postcode"),
            ("move_date", "Date of move (dd/mm/yyyy)", "date_of_move"),
            ("phone", "Telephone", "contact_phone"),
            ("email", "Email", "contact_email"),
            ("declaration_date", "Date of declaration (dd/mm/yyyy)", "declaration_date"),
        ],
        "parking_permit": [
            ("applicant_name", "Applicant's full name", "applicant_full_name"),
            ("address", "Home address (number and street)", "home_address_line1"),
            ("postcode", "Postcode", "home_postcode"),
            ("_keeper", "Are you the registered keeper of the vehicle?", "registered_keeper"),
            ("vrm", "Vehicle registration number", "vehicle_registration"),
            ("vehicle_make", "Vehicle make", "vehicle_make"),
            ("zone", "Permit zone", "permit_zone"),
            ("start_date", "Permit start date (dd/mm/yyyy)", "permit_start_date"),
            ("phone", "Telephone", "contact_phone"),
            ("email", "Email", "contact_email"),
            ("declaration_date", "Date of declaration (dd/mm/yyyy)", "declaration_date"),
        ],
    },
    "wordy": {
        "council_tax_spd": [
            ("_sec", "PART 1.  PARTICULARS OF THE CLAIMANT"),
            ("applicant_name", "Full name of claimant"),
            ("account_ref", "Council Tax account reference"),
            ("address", "Dwelling to which the claim relates"),
            ("postcode", "Post code"),
            ("_sec", "PART 2.  PARTICULARS OF THE CHANGE"),
            ("sole_adult_since", "Only adult resident in the dwelling since"),
            ("other_adult_name", "Name of the other adult who ceased to reside"),
            ("other_adult_forwarding_address", "Present address of that person"),
            ("change_description", "Circumstances of the change"),
            ("_sec", "PART 3.  CONTACT AND DECLARATION"),
            ("phone", "Telephone number"),
            ("email", "E-mail"),
            ("_sig", "Signature of claimant"),
            ("declaration_date", "Signed on"),
        ],
        "council_tax_move": [
            ("_sec", "PART 1.  THE CHANGE"),
            ("move_type", "Are you moving in or out?"),
            ("applicant_name", "Full name(s)"),
            ("account_ref", "Council Tax account reference (if moving out)"),
            ("move_date", "Date on which the move took or will take place"),
            ("_sec", "PART 2.  ADDRESSES"),
            ("previous_address", "Former address"),
            ("previous_postcode", "Former post code"),
            ("new_address", "New address"),
            ("new_postcode", "New post code"),
            ("_sec", "PART 3.  CONTACT AND DECLARATION"),
            ("phone", "Telephone number"),
            ("email", "E-mail"),
            ("_sig", "Signature"),
            ("declaration_date", "Signed on"),
        ],
        "parking_permit": [
            ("_sec", "PART 1.  THE RESIDENT"),
            ("applicant_name", "Full name"),
            ("address", "Residential address"),
            ("postcode", "Post code"),
            ("_sec", "PART 2.  THE VEHICLE AND PERMIT"),
            ("vrm", "Registration mark of vehicle"),
            ("vehicle_make", "Make of vehicle"),
            ("zone", "Permit zone applied for"),
            ("start_date", "Permit to commence on"),
            ("_sec", "PART 3.  CONTACT AND DECLARATION"),
            ("phone", "Telephone number"),
            ("email", "E-mail"),
            ("_sig", "Signature"),
            ("declaration_date", "Signed on"),
        ],
    },
}

DATE_KEYS = {"sole_adult_since", "declaration_date", "move_date", "start_date"}
DATE_STYLES = {
    "designer": ["dmy/", "dmy/", "long", "dmy/short"],
    "table": ["dmy.", "dmy-", "dmy/short", "iso", "dmy/"],
    "compact": ["dmy/", "dmy-", "long", "longth"],
    "acroform": ["dmy/", "dmy/", "dmy/short"],
    "wordy": ["words", "longth", "us", "words"],
}
ACCT_STYLES = {
    "designer": ["plain", "plain", "ct", "space4"],
    "table": ["plain", "ct", "space4"],
    "compact": ["plain", "ct", "dash4"],
    "acroform": ["plain", "plain", "ct"],
    "wordy": ["space4", "dash4", "ct_space", "dash2", "space2"],
}


def display_values(layout, ft, f, hints):
    """Strings to print for each key."""
    out = {}
    for k, v in f.items():
        if k in DATE_KEYS:
            out[k] = fmt_date(D.fromisoformat(v), rng.choice(DATE_STYLES[layout]))
        elif k == "account_ref":
            out[k] = fmt_acct(v, rng.choice(ACCT_STYLES[layout]))
        elif k in ("postcode", "previous_postcode", "new_postcode"):
            out[k] = fmt_pc(v, rng.choice(["norm"] * 5 + ["lower", "nospace"]))
        elif k == "vrm":
            out[k] = hints.get("disp_vrm") or fmt_vrm(v, rng.choice(["space"] * 4 + ["nospace", "lower"]))
        else:
            out[k] = v
    signer = hints.get("signer", "")
    parts = signer.split()
    out["_sig"] = rng.choice([f"{parts[0][0]}. {parts[-1]}", signer, f"{parts[0][0]} {parts[-1]}"])
    out["_others18"] = "No"
    out["_keeper"] = "Yes"
    return out


# ---------------------------------------------------------------- layout 1: designer
def render_designer(path, ft, f, disp, hints):
    c = canvas.Canvas(path, pagesize=A4)
    title = TITLES[ft][0]
    c.setTitle(title)
    margin = 50

    def header(first):
        c.setFillColor(NAVY)
        c.rect(0, H - 70, W, 70, stroke=0, fill=1)
        c.setFillColor(colors.white)
        c.circle(margin + 14, H - 35, 15, stroke=0, fill=1)
        c.setFillColor(NAVY)
        c.setFont("Helvetica-Bold", 12)
        c.drawCentredString(margin + 14, H - 39, "S")
        c.setFillColor(colors.white)
        c.setFont(SANS_B, 15)
        c.drawString(margin + 40, H - 32, COUNCIL)
        c.setFont(SANS, 9)
        c.drawString(margin + 40, H - 48, "stowbridge.gov.uk/counciltax" if ft != "parking_permit"
                     else "stowbridge.gov.uk/parking")
        c.setFont(SANS, 8)
        c.drawRightString(W - margin, H - 48, f"Form {FORM_CODES[ft]}/26")
        if first:
            c.setFillColor(colors.black)
            c.setFont(SANS_B, 18)
            c.drawString(margin, H - 105, title)
            c.setFont(SANS, 9)
            c.setFillColor(GREY)
            c.drawString(margin, H - 121, "Please complete every question that applies to you. "
                                         "Questions marked optional may be left blank.")
            return H - 150
        return H - 95

    def footer():
        c.setFont(SANS, 7.5)
        c.setFillColor(GREY)
        c.drawString(margin, 30, f"{COUNCIL} \u00b7 {GUILDHALL}")
        c.drawRightString(W - margin, 30, f"Page {c.getPageNumber()}")

    y = header(True)
    boxw = W - 2 * margin
    for key, label, helptext in QUESTIONS["designer"][ft]:
        if key == "_sec":
            need = 100
        elif key in ("move_type", "zone"):
            need = 60
        else:
            need = 62
        if y - need < 60:
            footer()
            c.showPage()
            y = header(False)
        if key == "_sec":
            y -= 6
            c.setFillColor(TEAL)
            c.setFont(SANS_B, 12.5)
            c.drawString(margin, y, label)
            c.setStrokeColor(TEAL)
            c.setLineWidth(0.8)
            c.line(margin, y - 5, W - margin, y - 5)
            y -= 24
            continue
        c.setFillColor(colors.black)
        c.setFont(SANS_B, 10.5)
        c.drawString(margin, y, label + ("" if key in ("applicant_name", "declaration_date", "move_type")
                                         or key.startswith("_") else ""))
        y -= 12
        if helptext:
            c.setFont(SANS, 8.2)
            c.setFillColor(GREY)
            c.drawString(margin, y, helptext)
            y -= 6
        if key in ("move_type", "zone"):
            opts = ([("in", "I am moving in"), ("out", "I am moving out")] if key == "move_type"
                    else [(z, f"Zone {z}" if len(z) == 1 else f"{z} zone") for z in ZONES])
            x = margin
            y -= 18
            for val, lab in opts:
                c.setFillColor(colors.HexColor("#EEF2F7"))
                c.setStrokeColor(colors.HexColor("#B8C4D0"))
                c.roundRect(x, y - 3, 14, 14, 3, stroke=1, fill=1)
                if f.get(key) == val:
                    c.setFillColor(NAVY)
                    c.setFont(SANS_B, 11)
                    c.drawCentredString(x + 7, y, "X")
                c.setFillColor(colors.black)
                c.setFont(SANS, 10)
                c.drawString(x + 20, y, lab)
                x += 30 + c.stringWidth(lab, SANS, 10) + 10
            y -= 22
            continue
        val = disp.get(key, "")
        if key in f or key.startswith("_"):
            pass
        else:
            val = ""
        font = SANS_I if key == "_sig" else SANS
        lines = simpleSplit(val, font, 11, boxw - 20) if val else [""]
        bh = max(24, 14 * len(lines) + 10)
        y -= bh
        c.setFillColor(colors.HexColor("#EEF2F7"))
        c.setStrokeColor(colors.HexColor("#C5CED8"))
        c.setLineWidth(0.7)
        c.roundRect(margin, y, boxw if key not in ("postcode", "previous_postcode", "new_postcode",
                                                    "declaration_date", "phone") else 200, bh, 6,
                    stroke=1, fill=1)
        c.setFillColor(colors.black)
        c.setFont(font, 11)
        ty = y + bh - 16
        for ln in lines:
            c.drawString(margin + 10, ty, ln)
            ty -= 14
        y -= 20
    footer()
    c.save()


# ---------------------------------------------------------------- layout 2: table
def render_table(path, ft, f, disp, hints, meta_note=""):
    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=45, rightMargin=45, topMargin=40,
                            bottomMargin=45, title=TITLES[ft][2], subject=meta_note or TITLES[ft][2])
    hs = ParagraphStyle("h", fontName="Helvetica-Bold", fontSize=16, leading=20, textColor=colors.black)
    ss = ParagraphStyle("s", fontName="Helvetica", fontSize=8.5, leading=11, textColor=GREY)
    qs = ParagraphStyle("q", fontName="Helvetica", fontSize=9.5, leading=12)
    as_ = ParagraphStyle("a", fontName="Helvetica", fontSize=10, leading=12.5)
    sig = ParagraphStyle("sig", fontName="Times-Italic", fontSize=12, leading=14)
    th = ParagraphStyle("th", fontName="Helvetica-Bold", fontSize=9.5, leading=12, textColor=colors.white)
    story = [Paragraph(COUNCIL.upper(), ParagraphStyle("c", fontName="Helvetica-Bold", fontSize=10,
                                                       textColor=TEAL, leading=13)),
             Paragraph(TITLES[ft][2], hs),
             Paragraph(f"Form {FORM_CODES[ft]}-T (rev. 04/26). Please write clearly in the right-hand column. "
                       f"Return to {GUILDHALL}.", ss),
             Spacer(1, 10)]
    rows = [[Paragraph("No.", th), Paragraph("Question", th), Paragraph("Your answer", th)]]
    n = 0
    for q in QUESTIONS["table"][ft]:
        key, label = q
        n += 1
        if key == "move_type":
            val = {"in": "Moving in", "out": "Moving out"}[f["move_type"]]
        elif key == "zone":
            val = f["zone"]
        else:
            val = disp.get(key, "") if (key in f or key.startswith("_")) else ""
        rows.append([Paragraph(f"{n}.", qs), Paragraph(label, qs),
                     Paragraph(val.replace("&", "&amp;"), sig if key == "_sig" else as_)])
    t = Table(rows, colWidths=[34, 255, 216])
    style = [("BACKGROUND", (0, 0), (-1, 0), NAVY),
             ("VALIGN", (0, 0), (-1, -1), "TOP"),
             ("BOX", (0, 0), (-1, -1), 0.8, NAVY),
             ("INNERGRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#9AA8B5")),
             ("TOPPADDING", (0, 0), (-1, -1), 5), ("BOTTOMPADDING", (0, 0), (-1, -1), 6)]
    for i in range(1, len(rows)):
        if i % 2 == 0:
            style.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#E8EEF4")))
    t.setStyle(TableStyle(style))
    story.append(t)
    story.append(Spacer(1, 12))
    story.append(Paragraph("Declaration: by signing above I confirm that the information on this form is "
                           "correct. Giving false information to obtain a discount or permit is an offence.", ss))
    story.append(Spacer(1, 8))
    story.append(Paragraph("FOR OFFICE USE ONLY &nbsp;&nbsp; Received ............ &nbsp; Checked by ............ "
                           "&nbsp; Batch ............", ss))
    doc.build(story)


# ---------------------------------------------------------------- layout 3: compact
def render_compact(path, ft, f, disp, hints):
    c = canvas.Canvas(path, pagesize=A4)
    c.setTitle(TITLES[ft][1])
    m = 42
    y = H - 48
    crest(c, m + 10, y + 4, 11, colors.black)
    c.setFont("Helvetica-Bold", 11)
    c.drawString(m + 28, y + 6, COUNCIL)
    c.setFont("Helvetica", 8)
    c.drawString(m + 28, y - 5, "Revenues & Parking Services, " + GUILDHALL)
    c.setFont("Helvetica-Bold", 13)
    c.drawRightString(W - m, y + 4, TITLES[ft][1].upper() if len(TITLES[ft][1]) < 40 else TITLES[ft][1])
    y -= 24
    c.setLineWidth(1.2)
    c.line(m, y, W - m, y)
    y -= 16
    c.setFont("Helvetica", 7.5)
    c.drawString(m, y, "Use BLOCK CAPITALS or type. Complete all sections that apply. One form per household.")
    y -= 20
    LBL, ANS = "Helvetica-Bold", "Helvetica"
    colx = [(m, m + 100), (m + 275, m + 355)]

    def val_of(key):
        if key == "move_type":
            return {"in": "In", "out": "Out"}[f["move_type"]]
        if key == "zone":
            return f["zone"]
        if key in f or key.startswith("_"):
            return disp.get(key, "")
        return ""

    for item in QUESTIONS["compact"][ft]:
        if item[0] == "_sec":
            y -= 4
            c.setFillColor(colors.HexColor("#DDDDDD"))
            c.rect(m, y - 3, W - 2 * m, 13, stroke=0, fill=1)
            c.setFillColor(colors.black)
            c.setFont("Helvetica-Bold", 8)
            c.drawString(m + 3, y, item[1])
            y -= 20
            continue
        pairs = item if isinstance(item[0], tuple) else (item,)
        maxlines = 1
        for i, (key, label) in enumerate(pairs):
            lx, ax = colx[i] if len(pairs) == 2 else (m, m + 100)
            width = (colx[1][0] - ax - 8) if (len(pairs) == 2 and i == 0) else (W - m - ax)
            c.setFont(LBL, 9)
            c.drawString(lx, y, label)
            v = val_of(key)
            font = "Times-Italic" if key == "_sig" else ANS
            lines = simpleSplit(v, font, 9.5, width) if v else []
            c.setFont(font, 9.5)
            for j, ln in enumerate(lines):
                c.drawString(ax, y - 12 * j, ln)
            maxlines = max(maxlines, len(lines))
            c.setStrokeColor(colors.HexColor("#BBBBBB"))
            c.setLineWidth(0.4)
            c.line(ax - 2, y - 3 - 12 * (max(1, len(lines)) - 1), ax + width, y - 3 - 12 * (max(1, len(lines)) - 1))
            c.setStrokeColor(colors.black)
        y -= 12 * maxlines + 9
    y -= 10
    c.setFont("Helvetica", 7)
    c.drawString(m, y, "I declare that the information given is true and complete. Stowbridge City Council "
                       "will use your information in line with its privacy notice at stowbridge.gov.uk/privacy.")
    c.save()


# ---------------------------------------------------------------- layout 4: acroform
def render_acroform(path, ft, f, disp, hints):
    c = canvas.Canvas(path, pagesize=A4)
    c.setTitle(TITLES[ft][0] + " (fillable)")
    m = 48
    c.setFillColor(TEAL)
    c.rect(m, H - 80, W - 2 * m, 44, stroke=0, fill=1)
    c.setFillColor(colors.white)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(m + 12, H - 56, TITLES[ft][0])
    c.setFont("Helvetica", 8.5)
    c.drawString(m + 12, H - 70, f"{COUNCIL} \u2013 fillable PDF form {FORM_CODES[ft]}-F. Save, complete and "
                                  "email to forms@stowbridge.gov.uk")
    c.setFillColor(colors.black)
    y = H - 108
    af = c.acroForm
    for key, label, fname in QUESTIONS["acroform"][ft]:
        c.setFont("Helvetica", 9.5)
        c.drawString(m, y + 5, label)
        if key in ("move_type", "_others18", "_keeper"):
            if key == "move_type":
                yes = f["move_type"] == "out"
            elif key == "_others18":
                yes = False
            else:
                yes = True
            bx = m + 330
            c.drawString(bx + 18, y + 5, "Yes")
            af.checkbox(name=f"{fname}_yes", tooltip=f"{label} Yes", x=bx, y=y + 2, size=13,
                        checked=yes, buttonStyle="cross", borderColor=colors.black,
                        fillColor=colors.white, textColor=colors.black, forceBorder=True)
            c.drawString(bx + 78, y + 5, "No")
            af.checkbox(name=f"{fname}_no", tooltip=f"{label} No", x=bx + 60, y=y + 2, size=13,
                        checked=not yes, buttonStyle="cross", borderColor=colors.black,
                        fillColor=colors.white, textColor=colors.black, forceBorder=True)
            y -= 30
            continue
        val = ""
        if key in f:
            val = disp[key]
        multiline = key in ("change_description", "other_adult_forwarding_address")
        hgt = 30 if multiline else 18
        af.textfield(name=fname, tooltip=label, value=val, x=m, y=y - hgt - 2, width=W - 2 * m,
                     height=hgt, fontName="Helvetica", fontSize=9.5 if not multiline else 8.5,
                     borderColor=colors.HexColor("#7A8A99"), fillColor=colors.HexColor("#F4F8FB"),
                     textColor=colors.black, forceBorder=True, maxlen=200,
                     fieldFlags="multiline" if multiline else "")
        y -= hgt + 26
    c.setFont("Helvetica", 8)
    c.drawString(m, y, "By entering the date above you confirm that the information given is correct and complete.")
    c.save()


# ---------------------------------------------------------------- layout 5: wordy (dates in words)
def render_wordy(path, ft, f, disp, hints):
    c = canvas.Canvas(path, pagesize=A4)
    c.setTitle(TITLES[ft][2])
    m = 56
    c.setFont("Times-Bold", 13)
    c.drawCentredString(W / 2, H - 60, COUNCIL.upper())
    c.setFont("Times-Roman", 10)
    c.drawCentredString(W / 2, H - 74, "Local Government Finance Act 1992" if ft != "parking_permit"
                        else "Road Traffic Regulation Act 1984 \u2013 Residents' Parking")
    c.setFont("Times-Bold", 14)
    c.drawCentredString(W / 2, H - 96, TITLES[ft][2])
    c.setLineWidth(0.6)
    c.line(m, H - 106, W - m, H - 106)
    c.setFont("Times-Italic", 9)
    c.drawString(m, H - 120, "Notes: complete in ink or type. Write dates in full. Your account reference is on "
                             "the front of your bill.")
    y = H - 148
    for key, label in QUESTIONS["wordy"][ft]:
        if key == "_sec":
            y -= 6
            c.setFont("Times-Bold", 10.5)
            c.drawString(m, y, label)
            y -= 22
            continue
        if key == "move_type":
            v = {"in": "Moving in", "out": "Moving out"}[f["move_type"]]
        elif key == "zone":
            v = f"Zone {f['zone']}" if len(f["zone"]) == 1 else f"{f['zone']} Zone"
        elif key in f or key.startswith("_"):
            v = disp.get(key, "")
        else:
            v = ""
        c.setFont("Times-Roman", 10.5)
        c.drawString(m, y, label)
        lx = m + c.stringWidth(label, "Times-Roman", 10.5) + 4
        ax = max(lx + 6, m + 235)
        afont = "Times-Italic" if key == "_sig" else "Courier"
        lines = simpleSplit(v, afont, 10, W - m - ax) if v else []
        # dotted leader to the right margin
        c.setDash(1, 2)
        c.setStrokeColor(GREY)
        c.line(lx, y - 2, W - m, y - 2)
        c.setDash()
        c.setStrokeColor(colors.black)
        c.setFont(afont, 10 if afont == "Courier" else 11.5)
        for j, ln in enumerate(lines):
            if j:
                c.setDash(1, 2)
                c.line(ax, y - 2 - 14 * j, W - m, y - 2 - 14 * j)
                c.setDash()
            c.drawString(ax, y - 14 * j, ln)
        y -= 14 * max(1, len(lines)) + 12
    y -= 6
    c.setFont("Times-Italic", 9)
    for ln in simpleSplit("I declare that the particulars given above are true. I understand that it is an "
                          "offence to make a false statement and that the Council may check the information "
                          "against its records, including the electoral register.", "Times-Italic", 9, W - 2 * m):
        c.drawString(m, y, ln)
        y -= 11
    c.save()


# ---------------------------------------------------------------- layout 6: letters and emails
def council_block():
    return ["Council Tax Section" if rng.random() < 0.5 else "Customer Services", COUNCIL,
            "The Guildhall", "Market Place", "Stowbridge", "SB1 1AA"]


def draw_par(c, text, x, y, width, font="Times-Roman", size=11, leading=14.5):
    for ln in simpleSplit(text, font, size, width):
        c.setFont(font, size)
        c.drawString(x, y, ln)
        y -= leading
    return y - 6


def render_letter(path, sender_lines, date_str, salutation, paras, close, signoff, font="Times-Roman",
                  title="Letter", subject_line=None):
    c = canvas.Canvas(path, pagesize=A4)
    c.setTitle(title)
    m = 65
    y = H - 70
    c.setFont(font, 11)
    for ln in sender_lines:
        c.drawRightString(W - m, y, ln)
        y -= 14
    y -= 10
    if date_str:
        c.drawRightString(W - m, y, date_str)
    y -= 28
    for ln in council_block():
        c.drawString(m, y, ln)
        y -= 14
    y -= 18
    c.drawString(m, y, salutation + ("," if not salutation.endswith(",") else ""))
    y -= 22
    if subject_line:
        c.setFont(font.replace("-Roman", "") + "-Bold" if "Times" in font else "Helvetica-Bold", 11)
        c.drawString(m, y, subject_line)
        y -= 22
    for p in paras:
        y = draw_par(c, p, m, y, W - 2 * m, font)
    y -= 8
    c.setFont(font, 11)
    c.drawString(m, y, close + ("," if close.startswith("Yours") else ""))
    y -= 40
    for ln in signoff:
        c.drawString(m, y, ln)
        y -= 14
    c.save()


def render_email(path, from_name, from_addr, sent, subject, salutation, paras, close, sig_lines):
    c = canvas.Canvas(path, pagesize=A4)
    c.setTitle(subject)
    m = 50
    y = H - 55
    c.setFont("Helvetica-Bold", 10)
    c.drawString(m, y, "Stowbridge City Council Mail")
    c.setFont("Helvetica", 8)
    c.drawRightString(W - m, y, "Printed for scanning \u2013 Digital Mailroom")
    y -= 8
    c.setLineWidth(1.5)
    c.line(m, y, W - m, y)
    y -= 22
    c.setFont("Helvetica-Bold", 13)
    c.drawString(m, y, subject)
    y -= 24
    hdr = [("From:", f"{from_name} <{from_addr}>" if from_name else from_addr), ("Sent:", sent),
           ("To:", "contactus@stowbridge.gov.uk"), ("Subject:", subject)]
    for k, v in hdr:
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(m, y, k)
        c.setFont("Helvetica", 9.5)
        c.drawString(m + 60, y, v)
        y -= 14
    y -= 6
    c.setLineWidth(0.5)
    c.line(m, y, W - m, y)
    y -= 24
    c.setFont("Helvetica", 10.5)
    c.drawString(m, y, salutation)
    y -= 22
    for p in paras:
        y = draw_par(c, p, m, y, W - 2 * m, "Helvetica", 10.5, 14)
    y -= 4
    c.setFont("Helvetica", 10.5)
    c.drawString(m, y, close)
    y -= 16
    for ln in sig_lines:
        c.drawString(m, y, ln)
        y -= 14
    c.save()


def sender_block(name, prop, pc_style="norm"):
    lines = ([name] if name else []) + [prop["line1"]]
    if prop.get("line2"):
        lines.append(prop["line2"])
    lines += ["Stowbridge", fmt_pc(prop["postcode"], pc_style)]
    return lines


def render_corr(path, f, h):
    if h["style"] == "letter":
        if h["sender"]:
            sl = [h["sender"], h["prop"]["line1"]] + ([h["prop"]["line2"]] if h["prop"]["line2"] else []) + \
                 ["Stowbridge", h["prop"]["postcode"]]
            signoff = [h["sender"]]
        else:
            sl, signoff = [], []
        close = h["close"]
        if not h["sender"]:
            render_letter(path, sl, fmt_date(h["date"], "long"), h["salutation"], h["paras"], "", [close])
        else:
            render_letter(path, sl, fmt_date(h["date"], rng.choice(["long", "longth"])), h["salutation"],
                          h["paras"], close, signoff)
    else:
        d = h["date"]
        sent = f"{WEEKDAYS[d.weekday()]}, {d.day} {MONTHS[d.month - 1]} {d.year} {h['time']}"
        sig = [h["sender"]]
        if h.get("sig_address"):
            sig += [h["prop"]["line1"] + ", Stowbridge", h["prop"]["postcode"]]
        render_email(path, h["sender"], h["email"], sent, h["subject"], h["salutation"], h["paras"],
                     h["close"], sig)


def render_prose_application(path, ft, f, hints):
    """SPD applications by letter; a move-out by email."""
    if ft == "council_tax_spd":
        prop = hints["prop"]
        name = f["applicant_name"]
        since = D.fromisoformat(f["sole_adult_since"])
        decl = D.fromisoformat(f["declaration_date"])
        other = f.get("other_adult_name")
        acct = fmt_acct(f["account_ref"], rng.choice(["space4", "plain", "ct"]))
        rel = "partner" if rng.random() < 0.6 else ("wife" if (other or "x").split()[0] in FEMALE else "husband")
        paras = []
        if other:
            s = (f"I am writing to apply for a single person discount on my Council Tax. My {rel}, {other}, "
                 f"moved out of our home on {fmt_date(since, 'long')} and since then I have been the only adult "
                 f"living at the property.")
            if f.get("other_adult_forwarding_address"):
                s += f" {other.split()[0]}'s new address is {f['other_adult_forwarding_address']}."
        else:
            s = (f"I would like to claim the single person discount on my Council Tax. My {rel} left on "
                 f"{fmt_date(since, 'longth')} and I have lived on my own at the property since that date. "
                 f"I am sorry that I did not tell you sooner; I did not realise the discount existed.")
        paras.append(s)
        paras.append(f"My account number is {acct} and the address is {prop['line1']}, Stowbridge "
                     f"{f['postcode']}.")
        contact = []
        if f.get("phone"):
            contact.append(f"by telephone on {f['phone']}")
        if f.get("email"):
            contact.append(f"by email at {f['email']}")
        if contact:
            paras.append("If you need anything else from me please contact me " + " or ".join(contact) + ".")
        paras.append("I declare that the information in this letter is true and complete.")
        sl = [name, prop["line1"]] + ([prop["line2"]] if prop["line2"] else []) + ["Stowbridge", f["postcode"]]
        signoff = [f"Signed: {name}", f"Date: {fmt_date(decl, 'long')}"]
        render_letter(path, sl, fmt_date(decl, "long"), "Dear Sir or Madam", paras, "Yours faithfully",
                      signoff, subject_line="Re: Single Person Discount")
    else:  # move out by email
        prop = hints["prop"]
        name = f["applicant_name"]
        md = D.fromisoformat(f["move_date"])
        decl = D.fromisoformat(f["declaration_date"])
        acct = fmt_acct(f["account_ref"], "ct")
        if md <= decl:
            s = (f"I am writing to let you know that I moved out of {f['previous_address']}, Stowbridge "
                 f"{f['previous_postcode']} on {fmt_date(md, 'long')}, when my tenancy ended. Sorry for not "
                 f"letting you know sooner. My Council Tax account number is {acct}.")
        else:
            s = (f"I am writing to let you know that I am moving out of {f['previous_address']}, Stowbridge "
                 f"{f['previous_postcode']} on {fmt_date(md, 'long')}, when my tenancy ends. My Council Tax "
                 f"account number is {acct}.")
        paras = [s]
        if f.get("new_address"):
            paras.append(f"Please send the final bill to my new address: {f['new_address']}, "
                         f"{hints['town']} {f['new_postcode']}.")
        if f.get("phone"):
            paras.append(f"My phone number is {f['phone']} if you need to reach me.")
        paras.append(f"I confirm that the above information is correct. {name}, {fmt_date(decl, 'long')}")
        sent_d = decl
        sent = f"{WEEKDAYS[sent_d.weekday()]}, {sent_d.day} {MONTHS[sent_d.month - 1]} {sent_d.year} 21:17"
        render_email(path, name, f.get("email") or email_for(hints["signer"]), sent,
                     "Moving out - council tax", "Hello,", paras, "Thanks,", [name])


# ---------------------------------------------------------------- main
def main():
    inbox = os.path.join(HERE, "inbox")
    if os.path.isdir(inbox):
        shutil.rmtree(inbox)
    os.makedirs(inbox)

    items = []
    dup_done = False
    for layout, ft, kind in PLAN:
        if ft == "council_tax_spd":
            if kind == "ADDRESS_MISMATCH":
                f, out, rs, h = build_spd_address_mismatch()
            else:
                f, out, rs, h = build_spd(kind, layout)
        elif ft == "council_tax_move":
            f, out, rs, h = build_move(kind, layout)
        elif ft == "parking_permit":
            f, out, rs, h = build_permit(kind, layout)
        else:
            f, out, rs, h = build_corr(kind)
        items.append(dict(layout=layout, form_type=ft, fields=f, outcome=out, reasons=rs, hints=h, kind=kind))
        if kind == "DUP" and not dup_done:
            dup_done = True
            items.append(dict(layout=layout, form_type=ft, fields=dict(f), outcome=out, reasons=rs, hints=h,
                              kind=kind, second=True))
    # letters: for the email move-out the email field is used in the From line, so it must be in truth
    for it in items:
        if it["layout"] == "letter_email" and it["form_type"] == "council_tax_move":
            it["fields"].setdefault("email", email_for(it["hints"]["signer"]))
            # keep field order tidy
            fl = it["fields"]
            decl = fl.pop("declaration_date")
            fl["declaration_date"] = decl
    fill_background()

    rng.shuffle(items)
    # the duplicate pair must not be adjacent-identical in name only; keep order as shuffled
    truth = []
    learn_count = {}
    dup_disp = None
    for i, it in enumerate(items, 1):
        fname = f"doc_{i:04d}.pdf"
        path = os.path.join(inbox, fname)
        lay, ft, f, h = it["layout"], it["form_type"], it["fields"], it["hints"]
        if ft == "correspondence":
            render_corr(path, f, h)
        elif lay == "letter_email":
            render_prose_application(path, ft, f, h)
        else:
            if it["kind"] == "DUP":
                if dup_disp is None:
                    dup_disp = display_values(lay, ft, f, h)
                disp = dup_disp
            else:
                disp = display_values(lay, ft, f, h)
            if lay == "designer":
                render_designer(path, ft, f, disp, h)
            elif lay == "table":
                render_table(path, ft, f, disp, h, meta_note=("Resubmitted copy" if it.get("second") else ""))
            elif lay == "compact":
                render_compact(path, ft, f, disp, h)
            elif lay == "acroform":
                render_acroform(path, ft, f, disp, h)
            elif lay == "wordy":
                render_wordy(path, ft, f, disp, h)
        rec = {"file": fname, "form_type": ft, "fields": f, "outcome": it["outcome"],
               "reasons": it["reasons"], "layout": lay}
        key = (lay, ft)
        if it["outcome"] == "approved" and learn_count.get(key, 0) < 2:
            learn_count[key] = learn_count.get(key, 0) + 1
            rec["split"] = "learn"
        else:
            rec["split"] = "test"
        if it["kind"] == "DUP":
            rec["duplicate_group"] = "dup-1"
        truth.append(rec)
    with open(os.path.join(HERE, "truth.jsonl"), "w") as fh:
        for r in truth:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    write_workbook(os.path.join(HERE, "records.xlsx"))
    print(f"wrote {len(truth)} files, {len(PROPS)} properties, {len(ACCOUNTS)} accounts, "
          f"{len(ELECTORS)} electors, {len(PERMITS)} permits")


def write_workbook(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "properties"
    ws.append(["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band",
               "ward", "parking_zone"])
    for p in PROPS:
        ws.append([p["uprn"], p["line1"], p["line2"] or None, "Stowbridge", p["postcode"], p["band"],
                   p["ward"], p["zone"] or None])
    ws = wb.create_sheet("council_tax_accounts")
    ws.append(["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"])
    for a in sorted(ACCOUNTS, key=lambda a: a["ref"]):
        ws.append([a["ref"], a["uprn"], a["liable"], a["status"], a["start"], a["end"], a["discounts"] or None])
    for row in ws.iter_rows(min_row=2):
        row[0].number_format = "@"
        row[4].number_format = "yyyy-mm-dd"
        row[5].number_format = "yyyy-mm-dd"
    ws = wb.create_sheet("electoral_register")
    ws.append(["elector_number", "full_name", "uprn"])
    for e in sorted(ELECTORS, key=lambda e: e["no"]):
        ws.append([e["no"], e["name"], e["uprn"]])
    ws = wb.create_sheet("parking_permits")
    ws.append(["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"])
    for p in PERMITS:
        ws.append([p["ref"], p["uprn"], p["vrm"], p["zone"], p["valid_from"], p["valid_to"]])
    for row in ws.iter_rows(min_row=2):
        row[4].number_format = "yyyy-mm-dd"
        row[5].number_format = "yyyy-mm-dd"
    for ws in wb.worksheets:
        for col in ws.columns:
            ws.column_dimensions[col[0].column_letter].width = max(12, min(48, max(
                len(str(c.value or "")) for c in col) + 2))
    wb.properties.creator = "Stowbridge City Council extract"
    wb.properties.created = dt.datetime(2026, 12, 6, 18, 0, 0)
    wb.properties.modified = dt.datetime(2026, 12, 6, 18, 0, 0)
    # byte-for-byte reproducible: fixed timestamps inside the zip container
    import io
    import zipfile
    buf = io.BytesIO()
    wb.save(buf)
    buf.seek(0)
    with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=(2026, 12, 6, 18, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            data = zin.read(info.filename)
            if info.filename == "docProps/core.xml":
                import re
                data = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms)",
                              rb"\g<1>2026-12-06T18:00:00Z\g<2>", data)
            zout.writestr(zi, data)


if __name__ == "__main__":
    main()
