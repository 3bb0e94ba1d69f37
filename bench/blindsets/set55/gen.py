#!/usr/bin/env python
"""Blind test set 55: Borough of Wyverne Cross.  Run `python gen.py`.
Writes records.xlsx, inbox/doc_NNNN.pdf, truth.jsonl next to this file."""
import json
import os
import random
import shutil
from datetime import date, timedelta

from openpyxl import Workbook
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas
from reportlab.lib import colors

HERE = os.path.dirname(os.path.abspath(__file__))
ASOF = date(2026, 12, 7)
R = random.Random(5501)
W, H = A4

# ----------------------------------------------------------------- helpers
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]


def ordn(d):
    return str(d) + ("th" if 11 <= d % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th"))


DFMT = {
    "slash": lambda d: d.strftime("%d/%m/%Y"),
    "slash_np": lambda d: f"{d.day}/{d.month}/{d.year}",
    "dash": lambda d: d.strftime("%d-%m-%Y"),
    "dot": lambda d: d.strftime("%d.%m.%Y"),
    "long": lambda d: f"{d.day} {MONTHS[d.month-1]} {d.year}",
    "ord": lambda d: f"{ordn(d.day)} {MONTHS[d.month-1]} {d.year}",
    "us": lambda d: f"{MONTHS[d.month-1]} {d.day}, {d.year}",
    "iso": lambda d: d.isoformat(),
}

AFMT = {
    "plain": lambda a: a,
    "space": lambda a: a[:4] + " " + a[4:],
    "dash": lambda a: a[:4] + "-" + a[4:],
    "ct": lambda a: "CT" + a,
}

FIRST_F = ["Karen", "Sophie", "Emma", "Hannah", "Priya", "Joanne", "Claire", "Aisha", "Megan", "Rachel",
           "Lucy", "Gemma", "Fatima", "Helen", "Sarah", "Chloe", "Deborah", "Natalie", "Zara", "Bethany",
           "Olivia", "Niamh", "Harpreet", "Amy", "Louise", "Jasmine", "Rebecca", "Ellie", "Samantha", "Grace"]
FIRST_M = ["Gary", "Daniel", "Thomas", "Mohammed", "James", "Liam", "Andrew", "Craig", "Ravi", "Stephen",
           "Matthew", "Callum", "Imran", "Peter", "David", "Jack", "Owen", "Kieran", "Marcus", "Neil",
           "Tomasz", "Ben", "Harry", "Lewis", "Rhys", "Adam", "Sanjay", "Paul", "George", "Ryan"]
SURN = ["Lewis", "Marsh", "Okafor", "Patel", "Hughes", "Bradley", "Whitmore", "Kowalski", "Begum", "Turner",
        "Fletcher", "Ashworth", "Malik", "Griffiths", "Pickering", "Sandhu", "Doyle", "Hartley", "Chambers",
        "Nolan", "Bishop", "Everett", "Rowley", "Khan", "Thornton", "Walsh", "Barker", "Jennings", "Cole",
        "Ingram", "Simmonds", "Dawes", "Holloway", "Mistry", "Kerr", "Fenwick", "Lockwood", "Moran", "Pryce",
        "Sutcliffe", "Yates", "Webb", "Quinn", "Adeyemi", "Brennan", "Carver", "Ellison", "Foster", "Gill"]
USED_NAMES = set()


def new_name(sex=None, surname=None):
    for _ in range(1000):
        sex_ = sex or R.choice("FM")
        fn = R.choice(FIRST_F if sex_ == "F" else FIRST_M)
        sn = surname or R.choice(SURN)
        n = f"{fn} {sn}"
        if n not in USED_NAMES:
            USED_NAMES.add(n)
            return n, sex_
    raise RuntimeError("names")


def titled(name, sex):
    if R.random() < 0.45:
        t = R.choice(["Mrs", "Ms", "Miss"]) if sex == "F" else "Mr"
        if R.random() < 0.1:
            t = "Dr"
        return f"{t} {name}"
    return name


LET = "ABDEFGHJLNPQRSTUWXYZ"


def d_off(n):
    return ASOF + timedelta(days=n)


# ----------------------------------------------------------------- gazetteer
STREETS = [  # name, district, kind, zone, ward
    ("Albert Terrace", "WX2", "terrace", "W1", "Canalside"),
    ("Victoria Street", "WX2", "terrace", "W1", "Canalside"),
    ("Gladstone Road", "WX3", "terrace", "W2", "Northgate"),
    ("Station Road", "WX4", "terrace", "W2", "Northgate"),
    ("Mill Lane", "WX3", "terrace", "", "Northgate"),
    ("Coronation Avenue", "WX5", "semi", "", "Greyfriars"),
    ("Hawthorn Drive", "WX5", "semi", "", "Greyfriars"),
    ("Elmfield Road", "WX6", "semi", "W3", "Elmfield"),
    ("Kingsway", "WX7", "semi", "", "Elmfield"),
    ("Priory Close", "WX10", "semi", "", "Greyfriars"),
    ("Lock Street", "WX1", "flats:Canal Wharf", "Canal Quarter", "Canalside"),
    ("Basin Road", "WX1", "flats:Wharfside House", "Canal Quarter", "Canalside"),
    ("Church Lane", "WX8", "cottage:Little Hensby", "", "Hensby and Marlow"),
    ("The Green", "WX9", "cottage:Ashby Wyverne", "", "Ashby"),
]
COTTAGES = ["Rose Cottage", "Ivy Cottage", "The Old Forge", "Holly Cottage", "Orchard House", "Pear Tree Cottage",
            "The Old School House", "Wren Cottage", "Brook House", "Lavender Cottage", "The Granary",
            "Meadow View", "Yew Tree Cottage", "Little Thatch"]

props = []
used_pc = set()


def mk_pc(dist):
    while True:
        pc = f"{dist} {R.randint(1, 9)}{R.choice(LET)}{R.choice(LET)}"
        if pc not in used_pc:
            used_pc.add(pc)
            return pc


uprn_next = [100071004000]
for st, dist, kind, zone, ward in STREETS:
    pcs = [mk_pc(dist), mk_pc(dist)]
    if kind.startswith("flats"):
        block = kind.split(":")[1]
        items = [(f"Apartment {i}, {block}, {st}", "") for i in range(1, 17)]
        band = "B"
    elif kind.startswith("cottage"):
        village = kind.split(":")[1]
        names = R.sample(COTTAGES, 11)
        items = [(f"{n}, {st}", village) for n in names]
        band = "D"
    else:
        n = 15
        start = R.choice([1, 2])
        items = [(f"{start + 2*i} {st}", "") for i in range(n)]
        band = "A" if kind == "terrace" else "C"
    for i, (l1, l2) in enumerate(items):
        uprn_next[0] += R.randint(1, 40)
        props.append(dict(uprn=uprn_next[0], l1=l1, l2=l2, town="Wyverne Cross",
                          pc=pcs[0] if i < len(items) / 2 else pcs[1],
                          band=R.choice([band, band, chr(ord(band) + 1)]), ward=ward, zone=zone))

accounts, electors, permits = [], [], []
acc_refs = set()
vrms_used = set()


def new_ref():
    while True:
        a = "40" + f"{R.randint(0, 999999):06d}"
        if a not in acc_refs:
            acc_refs.add(a)
            return a


def bad_ref():
    while True:
        a = "40" + f"{R.randint(0, 999999):06d}"
        if a not in acc_refs:
            return a


def new_vrm():
    while True:
        v = f"{R.choice(LET)}{R.choice(LET)}{R.randint(10, 25)}{R.choice(LET)}{R.choice(LET)}{R.choice(LET)}"
        if v not in vrms_used:
            vrms_used.add(v)
            return v


elector_n = [100]
WARDCODE = {"Canalside": "CS", "Northgate": "NG", "Greyfriars": "GF", "Elmfield": "EF",
            "Hensby and Marlow": "HM", "Ashby": "AS"}


def add_elector(name, p):
    elector_n[0] += R.randint(1, 9)
    electors.append(dict(num=f"{WARDCODE[p['ward']]}-{elector_n[0]}", name=name, uprn=p["uprn"]))


permit_n = [2000]


def add_permit(p, vrm, vfrom, zone=None):
    permit_n[0] += R.randint(1, 30)
    permits.append(dict(ref=f"WXP-{permit_n[0]:06d}", uprn=p["uprn"], vrm=vrm, zone=zone or p["zone"],
                        vfrom=vfrom, vto=vfrom + timedelta(days=364)))


def clear(p):
    for lst in (accounts, electors, permits):
        lst[:] = [x for x in lst if x["uprn"] != p["uprn"]]


def set_household(p, parties, extra_reg=(), spd=False, status="active", prev=True, reg=None,
                  npermits=0, permit_vrms=()):
    """Replace everything recorded at p. parties: liable names."""
    clear(p)
    start = d_off(-R.randint(400, 4000))
    if prev and R.random() < 0.6:
        pn, _ = new_name()
        pend = start - timedelta(days=1)
        accounts.append(dict(ref=new_ref(), uprn=p["uprn"], parties=[pn], status="closed",
                             start=pend - timedelta(days=R.randint(300, 3000)), end=pend, disc=""))
    acc = dict(ref=new_ref(), uprn=p["uprn"], parties=list(parties), status=status, start=start,
               end=None, disc="SPD" if spd else "")
    if status == "closed":
        acc["end"] = d_off(-R.randint(60, 300))
    accounts.append(acc)
    for n in (parties if reg is None else reg):
        add_elector(n, p)
    for n in extra_reg:
        add_elector(n, p)
    for v in permit_vrms:
        add_permit(p, v, d_off(-R.randint(30, 300)))
    for _ in range(npermits):
        add_permit(p, new_vrm(), d_off(-R.randint(30, 300)))
    return acc


# base population
for p in props:
    r = R.random()
    if r < 0.08:
        # void property, previous account closed
        pn, _ = new_name()
        accounts.append(dict(ref=new_ref(), uprn=p["uprn"], parties=[pn], status="closed",
                             start=d_off(-R.randint(900, 3000)), end=d_off(-R.randint(20, 200)), disc=""))
        continue
    if r < 0.4:
        n, s = new_name()
        parties = [n]
        spd = R.random() < 0.7
    else:
        n1, s1 = new_name()
        sn = n1.split()[1] if R.random() < 0.6 else None
        n2, _ = new_name("M" if s1 == "F" else "F", sn)
        parties = [n1, n2]
        spd = False
    extra = []
    if R.random() < 0.2:
        extra = [new_name(surname=parties[0].split()[1])[0]]
    np_ = R.choice([0, 0, 1, 1, 2]) if p["zone"] else 0
    set_household(p, parties, extra, spd=spd, npermits=np_)
    if p["zone"] and R.random() < 0.2:  # an expired permit
        add_permit(p, new_vrm(), d_off(-R.randint(400, 700)))

UNUSED = list(props)
R.shuffle(UNUSED)


def take(cond=lambda p: True):
    for i, p in enumerate(UNUSED):
        if cond(p):
            return UNUSED.pop(i)
    raise RuntimeError("no property")


zoned = lambda p: bool(p["zone"])
unzoned = lambda p: not p["zone"]


def fake_number_address(p):
    """An address on the same street that is not in the gazetteer."""
    st = p["l1"].split(" ", 1)[1] if p["l1"][0].isdigit() else None
    if st is None:
        return None
    n = 100 + R.randint(1, 40)
    return f"{n} {st}"


FORWARDS = [("18 Harbour Road, Leamington Spa", "CV31 1AB"), ("7 Kestrel Way, Redditch", "B97 5QT"),
            ("Flat 2, 40 Bath Street, Derby", "DE1 3BW"), ("22 Beech Grove, Nuneaton", "CV10 7LH"),
            ("5 Meadow Rise, Stafford", "ST16 2EJ"), ("31 Canterbury Close, Leicester", "LE3 6RW"),
            ("114 Moseley Road, Birmingham", "B12 0HJ"), ("9 Farriers Court, Lichfield", "WS13 8LP")]
MAKES = ["Ford Fiesta", "Vauxhall Corsa", "Toyota Yaris", "Nissan Qashqai", "Kia Sportage", "Volkswagen Golf",
         "Honda Jazz", "Peugeot 208", "Skoda Octavia", "MG ZS"]


def phone():
    return R.choice([f"07{R.randint(700, 999)} {R.randint(100000, 999999)}", f"01{R.randint(200, 999)} {R.randint(100000, 999999)}"])


def email_for(name):
    fn, sn = name.split()[-2].lower(), name.split()[-1].lower()
    return R.choice([f"{fn}.{sn}@example.com", f"{fn[0]}{sn}{R.randint(1, 99)}@example.net", f"{sn}.{fn}@example.org"])


def bare(name):
    parts = name.split()
    return " ".join(parts[1:]) if parts[0] in ("Mr", "Mrs", "Ms", "Miss", "Dr", "Mx") else name


# ----------------------------------------------------------------- scenarios
def spd_case(kind):
    """Return dict(form_type, fields, reasons, extra) for an SPD form."""
    p = take()
    A, sa = new_name()
    B, _ = new_name("M" if sa == "F" else "F", A.split()[1] if R.random() < 0.5 else None)
    two = R.random() < 0.75 or kind == "OTHER_ADULTS_REGISTERED"
    parties = [A, B] if two else [A]
    reasons = [] if kind == "clean" else [kind]
    ref = None
    if kind == "ACCOUNT_CLOSED":
        acc = set_household(p, parties, status="closed", reg=[A])
    elif kind == "NAME_MISMATCH":
        C, _ = new_name()
        acc = set_household(p, [C], reg=[A])
        two = False
    elif kind == "DISCOUNT_ALREADY_APPLIED":
        acc = set_household(p, [A], spd=True)
        two = False
    elif kind == "OTHER_ADULTS_REGISTERED":
        acc = set_household(p, parties, extra_reg=[new_name(surname=A.split()[1])[0]])
    else:
        acc = set_household(p, parties, reg=parties if (two and R.random() < 0.6) else [A])
    ref = acc["ref"] if kind != "ACCOUNT_NOT_FOUND" else bad_ref()
    since = d_off(-R.randint(15, 300))
    if kind == "DATE_IN_FUTURE":
        since = d_off(R.randint(6, 40))
    if kind == "DATE_TOO_OLD":
        since = d_off(-R.randint(400, 700))
    decl = min(d_off(-R.randint(1, 12)), ASOF) if kind != "DATE_IN_FUTURE" else d_off(-R.randint(1, 5))
    if since > decl and kind != "DATE_IN_FUTURE":
        since = decl - timedelta(days=3)
    f = dict(account_ref=ref, applicant_name=titled(A, sa), address=p["l1"], postcode=p["pc"],
             sole_adult_since=since, declaration_date=decl)
    addr_shown = p["l1"]
    if kind == "ADDRESS_MISMATCH":
        alt = fake_number_address(p)
        if alt:
            f["address"] = alt
        else:
            f["postcode"] = mk_pc(p["pc"].split()[0])
    desc_date = since
    if kind == "INCONSISTENT_DATES":
        desc_date = since - timedelta(days=R.randint(9, 40))
    if two:
        f["other_adult_name"] = B
        if R.random() < 0.6:
            fw = R.choice(FORWARDS)
            f["other_adult_forwarding_address"] = f"{fw[0]} {fw[1]}"
        f["_desc_tpl"] = R.choice([
            "My partner {B} moved out on {D} and we have separated. I now live here on my own.",
            "{B} left the property on {D} to live elsewhere. Nobody else aged 18 or over lives with me.",
            "Relationship ended. {B} moved out {D} and has taken all belongings, I am the only adult here now.",
        ])
        if kind == "OTHER_ADULTS_REGISTERED":
            f["_desc_tpl"] = "{B} moved out on {D}. I am now paying the bill on my own."
    else:
        f["_desc_tpl"] = R.choice([
            "My lodger moved out on {D}. I have lived on my own since then.",
            "My adult son left home for university on {D}, so I live alone now.",
            "I have been living on my own since my mother went into a care home on {D}.",
        ])
    if kind == "DATE_IN_FUTURE":
        f["_desc_tpl"] = "My daughter is moving into her own flat on {D}, after which I will be the only adult here."
    f["_desc_date"] = desc_date
    f["_B"] = B
    if R.random() < 0.7:
        f["phone"] = phone()
    if R.random() < 0.6:
        f["email"] = email_for(A)
    if kind == "MISSING_FIELD:postcode":
        del f["postcode"]
    return dict(form_type="council_tax_spd", f=f, reasons=reasons, prop=p)


def move_case(kind, direction=None):
    direction = direction or ("in" if kind == "PROPERTY_NOT_FOUND" else
                              "out" if kind in ("ACCOUNT_NOT_FOUND", "NAME_MISMATCH", "ADDRESS_MISMATCH") else
                              R.choice(["in", "out"]))
    reasons = [] if kind == "clean" else [kind]
    A, sa = new_name()
    decl = d_off(-R.randint(1, 12))
    mdate = d_off(R.randint(-60, 20))
    if kind == "DATE_IN_FUTURE":
        mdate = d_off(R.randint(35, 70))
    if kind == "DATE_TOO_OLD":
        mdate = d_off(-R.randint(400, 650))
    f = dict(move_type=direction, applicant_name=titled(A, sa), move_date=mdate, declaration_date=decl)
    if direction == "out":
        p = take()
        parties = [A] if R.random() < 0.5 else [A, new_name()[0]]
        if kind == "NAME_MISMATCH":
            parties = [new_name()[0]]
        acc = set_household(p, parties)
        f["account_ref"] = acc["ref"] if kind != "ACCOUNT_NOT_FOUND" else bad_ref()
        f["previous_address"] = p["l1"]
        f["previous_postcode"] = p["pc"]
        if kind == "ADDRESS_MISMATCH":
            alt = fake_number_address(p)
            if alt is None:
                p2 = take()
                f["previous_address"], f["previous_postcode"] = p2["l1"], p2["pc"]
                UNUSED.append(p2)
            else:
                f["previous_address"] = alt
        fw = R.choice(FORWARDS)
        f["new_address"] = fw[0].split(",")[0] if not fw[0].startswith("Flat") else ", ".join(x.strip() for x in fw[0].split(",")[:2])
        f["_new_town"] = fw[0].split(", ")[-1]
        f["new_postcode"] = fw[1]
    else:
        if kind == "PROPERTY_NOT_FOUND":
            p = None
            f["new_address"] = f"Plot {R.randint(11, 60)}, Heron Meadows"
            f["new_postcode"] = mk_pc("WX9")
        else:
            p = take()
            clear(p)
            pn, _ = new_name()
            accounts.append(dict(ref=new_ref(), uprn=p["uprn"], parties=[pn], status="closed",
                                 start=d_off(-R.randint(900, 3000)), end=mdate - timedelta(days=1), disc=""))
            f["new_address"] = p["l1"]
            f["new_postcode"] = p["pc"]
        f["_new_town"] = "Wyverne Cross"
    if R.random() < 0.7:
        f["phone"] = phone()
    if R.random() < 0.5:
        f["email"] = email_for(A)
    return dict(form_type="council_tax_move", f=f, reasons=reasons)


def parking_case(kind):
    reasons = [] if kind == "clean" else [kind]
    A, sa = new_name()
    vrm = new_vrm()
    f = dict(applicant_name=titled(A, sa), vrm=vrm, start_date=d_off(R.randint(-3, 20)),
             declaration_date=d_off(-R.randint(1, 9)))
    if kind == "PROPERTY_NOT_FOUND":
        p0 = take(zoned)
        UNUSED.append(p0)
        f["address"] = fake_number_address(p0) or f"Apartment 31, Canal Wharf, Lock Street"
        f["postcode"] = p0["pc"]
        f["zone"] = p0["zone"]
    else:
        p = take(unzoned if kind == "NOT_IN_PERMIT_ZONE" else zoned)
        if kind == "NOT_RESIDENT":
            set_household(p, [new_name()[0]], npermits=R.choice([0, 1]))
        elif kind == "VRM_HAS_PERMIT":
            set_household(p, [A], permit_vrms=[vrm])
        elif kind == "PERMIT_CAP_REACHED":
            set_household(p, [A, new_name()[0]], npermits=2)
        else:
            set_household(p, [A] if R.random() < 0.5 else [A, new_name()[0]],
                          npermits=R.choice([0, 1]))
            if R.random() < 0.3:  # expired permit for this very car: fine
                add_permit(p, vrm, d_off(-R.randint(380, 500)))
        f["address"], f["postcode"] = p["l1"], p["pc"]
        f["zone"] = p["zone"] if kind != "NOT_IN_PERMIT_ZONE" else R.choice(["W1", "W2", "W3"])
    if kind == "INVALID_FORMAT:vrm":
        f["vrm"] = f"{R.choice(LET)}{R.choice(LET)}{R.randint(10, 25)}{R.choice(LET)}{R.choice(LET)}{R.choice(LET)}{R.choice(LET)}"
    if kind == "DATE_IN_FUTURE":
        f["start_date"] = d_off(R.randint(40, 75))
    if R.random() < 0.8:
        f["vehicle_make"] = R.choice(MAKES)
    if R.random() < 0.7:
        f["phone"] = phone()
    if R.random() < 0.6:
        f["email"] = email_for(A)
    return dict(form_type="parking_permit", f=f, reasons=reasons)


# ----------------------------------------------------------------- drawing
class Doc:
    def __init__(self, path):
        self.c = canvas.Canvas(path, pagesize=A4)
        self.c.setTitle("Wyverne Cross Borough Council")
        self.c.setAuthor("Wyverne Cross Borough Council")

    def text(self, x, y, s, font="Helvetica", size=10, color=colors.black):
        self.c.setFont(font, size)
        self.c.setFillColor(color)
        self.c.drawString(x, y, s)
        self.c.setFillColor(colors.black)

    def save(self):
        self.c.showPage()
        self.c.save()


def council_header(d, title, sub=None):
    c = d.c
    c.setFillColor(colors.HexColor("#2b4c3f"))
    c.rect(0, H - 70, W, 70, fill=1, stroke=0)
    d.text(40, H - 35, "Wyverne Cross", "Helvetica-Bold", 20, colors.white)
    d.text(40, H - 55, "Borough Council", "Helvetica", 11, colors.white)
    d.text(W - 260, H - 40, title, "Helvetica-Bold", 12, colors.white)
    if sub:
        d.text(W - 260, H - 56, sub, "Helvetica", 9, colors.white)


def fmt_all(f, dfmt, afmt, pcfmt=lambda x: x, vrmfmt=None):
    """Display strings for the form."""
    out = {}
    for k, v in f.items():
        if k.startswith("_"):
            continue
        if isinstance(v, date):
            out[k] = DFMT[dfmt](v)
        elif k == "account_ref":
            out[k] = AFMT[afmt](v)
        elif k.endswith("postcode"):
            out[k] = pcfmt(v)
        elif k == "vrm":
            out[k] = vrmfmt(v) if vrmfmt else v
        else:
            out[k] = v
    return out


def desc_text(f, dfmt):
    return f["_desc_tpl"].format(B=f["_B"], D=DFMT[dfmt](f["_desc_date"]))


# labels per layout and form type -------------------------------------------------
CRM_LABELS = {
    "council_tax_spd": [("account_ref", "CTAX ACCOUNT NO"), ("applicant_name", "CUSTOMER NAME"),
                        ("address", "PROPERTY (LINE 1)"), ("_town", "TOWN"), ("postcode", "PROPERTY POSTCODE"),
                        ("sole_adult_since", "SOLE ADULT OCCUPIER FROM"), ("other_adult_name", "ADULT WHO LEFT"),
                        ("other_adult_forwarding_address", "LEAVER FWD ADDRESS"), ("phone", "CONTACT TEL"),
                        ("email", "CONTACT EMAIL"), ("declaration_date", "DECLARATION TAKEN ON")],
    "council_tax_move": [("move_type", "MOVE DIRECTION"), ("account_ref", "CTAX ACCOUNT NO"),
                         ("applicant_name", "CUSTOMER NAME"), ("previous_address", "ADDRESS VACATED"),
                         ("previous_postcode", "POSTCODE VACATED"), ("new_address", "NEW / FWD ADDRESS"),
                         ("_new_town", "NEW TOWN"), ("new_postcode", "NEW / FWD POSTCODE"),
                         ("move_date", "EFFECTIVE DATE OF MOVE"), ("phone", "CONTACT TEL"),
                         ("email", "CONTACT EMAIL"), ("declaration_date", "DECLARATION TAKEN ON")],
    "parking_permit": [("applicant_name", "CUSTOMER NAME"), ("address", "PERMIT ADDRESS (LINE 1)"),
                       ("postcode", "POSTCODE"), ("zone", "CPZ REQUESTED"), ("vrm", "VEHICLE REG"),
                       ("vehicle_make", "MAKE / MODEL"), ("start_date", "PERMIT TO START"),
                       ("phone", "CONTACT TEL"), ("email", "CONTACT EMAIL"),
                       ("declaration_date", "DECLARATION TAKEN ON")],
}
CRM_TITLES = {"council_tax_spd": "SERVICE REQUEST: CTAX - SINGLE OCCUPIER DISCOUNT",
              "council_tax_move": "SERVICE REQUEST: CTAX - CHANGE OF ADDRESS",
              "parking_permit": "SERVICE REQUEST: PARKING - RESIDENT PERMIT"}
CRM_NOTES = {"council_tax_move": ["Customer called to notify of house move. Advised a final bill will follow "
                                  "and any credit will be refunded on request. Customer happy with outcome.",
                                  "Walk-in at Civic Centre reception. ID not required for this request. "
                                  "Customer asked about direct debit arrangements, explained they carry over."],
             "parking_permit": ["Customer applying online was unable to upload V5C so details taken by phone. "
                                "Proof of residency to be checked against council records.",
                                "Request taken at One Stop Shop. Customer advised permits are displayed "
                                "virtually, no paper permit will be posted."]}


def render_crm(path, ft, f, rng):
    dfmt = rng.choice(["slash", "slash", "dash", "iso"])
    afmt = rng.choice(["plain", "ct", "ct"])
    v = fmt_all(f, dfmt, afmt, vrmfmt=lambda x: x)
    if "move_type" in v:
        v["move_type"] = "OUT" if f["move_type"] == "out" else "IN"
    v["_town"] = "Wyverne Cross"
    if "_new_town" in f and (f.get("new_address")):
        v["_new_town"] = f["_new_town"]
    d = Doc(path)
    c = d.c
    y = H - 50
    d.text(40, y, "WYVERNE CROSS BOROUGH COUNCIL  -  CUSTOMER CONTACT CENTRE", "Courier-Bold", 11)
    y -= 16
    d.text(40, y, f"CRM CASE: WXC-{rng.randint(100000, 999999)}    CHANNEL: {rng.choice(['TELEPHONE', 'FACE TO FACE', 'WEB CHAT'])}"
           f"    OPERATOR: {rng.choice(['JHOLT', 'SPATEL3', 'MKERR', 'ADOYLE'])}", "Courier", 9)
    y -= 14
    c.line(40, y, W - 40, y)
    y -= 22
    d.text(40, y, CRM_TITLES[ft], "Courier-Bold", 10)
    y -= 26
    for key, lab in CRM_LABELS[ft]:
        val = v.get(key, "")
        lead = lab + " " + "." * (34 - len(lab)) + " "
        d.text(40, y, lead, "Courier", 9.5)
        d.text(40 + 6 * 0.95 * 36, y, str(val), "Courier-Bold", 9.5)
        y -= 17
    y -= 8
    if ft == "council_tax_spd":
        lab, note = "CUSTOMER STATEMENT", desc_text(f, dfmt) if f.get("_desc_tpl") else ""
    else:
        lab, note = "NOTES", rng.choice(CRM_NOTES[ft])
    d.text(40, y, lab + " " + "." * (34 - len(lab)) + " ", "Courier", 9.5)
    lines = simpleSplit(note, "Courier-Bold", 9.5, W - 40 - (40 + 6 * 0.95 * 36))
    for i, ln in enumerate(lines):
        d.text(40 + 6 * 0.95 * 36, y, ln, "Courier-Bold", 9.5)
        y -= 13
    y -= 20
    c.line(40, y, W - 40, y)
    y -= 14
    d.text(40, y, "CUSTOMER CONFIRMED DECLARATION VERBALLY. RECORD PRINTED FOR BACK OFFICE PROCESSING.", "Courier", 8)
    y -= 12
    d.text(40, y, "OFFICIAL - SENSITIVE (PERSONAL)", "Courier", 8)
    d.save()


Q_LABELS = {
    "council_tax_spd": [("account_ref", "What is your council tax account number?"),
                        ("applicant_name", "What is your full name?"),
                        ("address", "What is the house number or name and street of the property?"),
                        ("postcode", "What is the postcode of the property?"),
                        ("sole_adult_since", "From what date have you been the only adult (18 or over) living there?"),
                        ("_desc", "What has changed in your household?"),
                        ("other_adult_name", "What is the name of the adult who no longer lives with you?"),
                        ("other_adult_forwarding_address", "Where does that person live now, if you know?"),
                        ("phone", "What telephone number can we reach you on?"),
                        ("email", "What email address can we write to?"),
                        ("declaration_date", "On what date did you sign this declaration?")],
    "council_tax_move": [("move_type", "Are you moving into or out of a property in Wyverne Cross?"),
                         ("account_ref", "What is your council tax account number, if you have one?"),
                         ("applicant_name", "What is your full name?"),
                         ("previous_address", "Which property are you leaving (number and street)?"),
                         ("previous_postcode", "What is the postcode of the property you are leaving?"),
                         ("new_address", "What is the first line of your new address?"),
                         ("new_postcode", "What is the postcode of your new address?"),
                         ("move_date", "On what date do you move (or did you move)?"),
                         ("phone", "What telephone number can we reach you on?"),
                         ("email", "What email address can we write to?"),
                         ("declaration_date", "On what date did you sign this declaration?")],
    "parking_permit": [("applicant_name", "What is the name of the applicant?"),
                       ("address", "What is the address where the vehicle is kept (number and street)?"),
                       ("postcode", "What is the postcode of that address?"),
                       ("zone", "Which permit zone is shown on the signs in your street?"),
                       ("vrm", "What is the registration number of the vehicle?"),
                       ("vehicle_make", "What make and model is the vehicle?"),
                       ("start_date", "From what date do you want the permit to start?"),
                       ("phone", "What telephone number can we reach you on?"),
                       ("email", "What email address can we write to?"),
                       ("declaration_date", "On what date did you sign this declaration?")],
}
Q_TITLES = {"council_tax_spd": ("Council Tax", "Application for 25% single person discount"),
            "council_tax_move": ("Council Tax", "Notification of a change of address"),
            "parking_permit": ("Parking Services", "Residents' parking permit application")}


def render_question(path, ft, f, rng):
    dfmt = rng.choice(["long", "slash", "ord", "slash_np"])
    afmt = rng.choice(["space", "plain", "dash"])
    v = fmt_all(f, dfmt, afmt, pcfmt=lambda x: x if rng.random() < 0.8 else x.replace(" ", ""),
                vrmfmt=lambda x: x[:4] + " " + x[4:])
    if "move_type" in v:
        v["move_type"] = "Moving out" if f["move_type"] == "out" else "Moving in"
    if ft == "council_tax_spd" and f.get("_desc_tpl"):
        v["_desc"] = desc_text(f, dfmt)
    d = Doc(path)
    c = d.c
    t1, t2 = Q_TITLES[ft]
    council_header(d, t1, t2)
    d.text(40, H - 95, "Please answer every question that applies to you. Write in black ink and in capitals where you can.",
           "Helvetica-Oblique", 8.5)
    qs = Q_LABELS[ft]
    colw = (W - 100) / 2
    half = (len(qs) + 1) // 2
    for col, chunk in enumerate([qs[:half], qs[half:]]):
        x = 40 + col * (colw + 20)
        y = H - 125
        for n, (key, q) in enumerate(chunk):
            qn = n + 1 + col * half
            lines = simpleSplit(f"{qn}. {q}", "Helvetica-Bold", 9, colw)
            for ln in lines:
                d.text(x, y, ln, "Helvetica-Bold", 9)
                y -= 11
            val = v.get(key, "")
            vl = simpleSplit(str(val), "Helvetica", 10, colw - 12) or [""]
            bh = max(22, 13 * len(vl) + 9)
            c.setStrokeColor(colors.HexColor("#2b4c3f"))
            c.rect(x, y - bh + 6, colw, bh, stroke=1, fill=0)
            c.setStrokeColor(colors.black)
            yy = y - 9
            for ln in vl:
                d.text(x + 6, yy, ln, "Helvetica", 10)
                yy -= 13
            y -= bh + 14
    d.text(40, 60, "Making a false statement to obtain a discount or permit is an offence. "
           "Return this form to: Revenues and Benefits, Civic Centre, Wyverne Cross WX1 1AA.", "Helvetica", 7.5)
    d.text(40, 48, "Data Protection: we use this information to administer council tax and parking. See wyvernecross.gov.uk/privacy",
           "Helvetica", 7.5)
    d.save()


def yes_no(d, x, y, options, chosen, style, size=10):
    """Print options 'A / B' with the chosen marked (bold/circle) or unwanted struck through."""
    c = d.c
    cx = x
    for i, opt in enumerate(options):
        font = "Helvetica-Bold" if (style == "bold" and opt == chosen) else "Helvetica"
        w = c.stringWidth(opt, font, size)
        d.text(cx, y, opt, font, size)
        if style == "strike" and opt != chosen:
            c.setLineWidth(1.4)
            c.line(cx - 2, y + 3.5, cx + w + 2, y + 3.5)
            c.setLineWidth(1)
        if style == "circle" and opt == chosen:
            c.setLineWidth(1.2)
            c.ellipse(cx - 5, y - 4, cx + w + 5, y + 11, stroke=1, fill=0)
            c.setLineWidth(1)
        cx += w
        if i < len(options) - 1:
            d.text(cx, y, " / ", "Helvetica", size)
            cx += c.stringWidth(" / ", "Helvetica", size)


C_FIELDS = {
    "council_tax_spd": [("account_ref", "Council tax reference"), ("applicant_name", "Name of person liable"),
                        ("address", "Property address"), ("postcode", "Post code"),
                        ("Q:Are you the only person aged 18 or over who normally lives at this address?", ("Yes", "No"), "Yes"),
                        ("sole_adult_since", "Date you became the only adult"),
                        ("Q:Has another adult moved out of the property?", ("Yes", "No"), "_two"),
                        ("other_adult_name", "Name of person who moved out"),
                        ("other_adult_forwarding_address", "Their new address"),
                        ("_desc", "Please give details of the change"),
                        ("phone", "Telephone"), ("email", "E-mail"),
                        ("declaration_date", "Date signed")],
    "council_tax_move": [("Q:Are you moving", ("In", "Out"), "_move"),
                         ("account_ref", "Council tax reference (if known)"),
                         ("applicant_name", "Your name"),
                         ("previous_address", "Address you are leaving"), ("previous_postcode", "Post code"),
                         ("new_address", "New address"), ("new_postcode", "Post code"),
                         ("move_date", "Date of move"),
                         ("Q:Will anyone else be liable for council tax at the new address?", ("Yes", "No"), "No"),
                         ("phone", "Telephone"), ("email", "E-mail"), ("declaration_date", "Date signed")],
    "parking_permit": [("applicant_name", "Applicant name"), ("address", "Address"), ("postcode", "Post code"),
                       ("zone", "Permit zone"),
                       ("Q:Is the vehicle registered to you at this address?", ("Yes", "No"), "Yes"),
                       ("vrm", "Registration mark"), ("vehicle_make", "Make of vehicle"),
                       ("Q:Is the vehicle a company car?", ("Yes", "No"), "No"),
                       ("start_date", "Permit required from"),
                       ("phone", "Telephone"), ("email", "E-mail"), ("declaration_date", "Date signed")],
}


def render_choice(path, ft, f, rng):
    dfmt = rng.choice(["dot", "dash", "slash", "us"])
    afmt = rng.choice(["ct", "dash", "space"])
    style = rng.choice(["strike", "circle", "bold"])
    v = fmt_all(f, dfmt, afmt, vrmfmt=lambda x: x.lower() if rng.random() < 0.4 else x)
    if ft == "council_tax_spd" and f.get("_desc_tpl"):
        v["_desc"] = desc_text(f, dfmt)
    d = Doc(path)
    c = d.c
    title = {"council_tax_spd": "COUNCIL TAX - SOLE OCCUPIER DISCOUNT CLAIM",
             "council_tax_move": "COUNCIL TAX - MOVING HOME",
             "parking_permit": "RESIDENT PERMIT PARKING SCHEME - APPLICATION"}[ft]
    d.text(40, H - 50, "WYVERNE CROSS BOROUGH COUNCIL", "Helvetica-Bold", 14)
    d.text(40, H - 68, title, "Helvetica-Bold", 11)
    mark = {"strike": "Delete as appropriate.", "circle": "Circle your answer.",
            "bold": "Select your answer."}[style]
    d.text(40, H - 84, f"Complete in BLOCK CAPITALS. Where a choice is shown, {mark.lower()}", "Helvetica", 8.5)
    c.rect(W - 150, H - 90, 110, 50)
    d.text(W - 145, H - 52, "For office use", "Helvetica", 7)
    d.text(W - 145, H - 64, "Rec'd:", "Helvetica", 7)
    y = H - 115
    for item in C_FIELDS[ft]:
        if item[0].startswith("Q:"):
            q, opts, ch = item
            if ch == "_two":
                ch = "Yes" if f.get("other_adult_name") else "No"
            if ch == "_move":
                ch = "Out" if f["move_type"] == "out" else "In"
            qtext = q[2:]
            d.text(40, y, qtext, "Helvetica", 10)
            qx = 40 + c.stringWidth(qtext, "Helvetica", 10) + 12
            if qx > W - 120:
                y -= 16
                qx = 60
            yes_no(d, qx, y, opts, ch, style)
            if ft == "council_tax_move" and qtext == "Are you moving":
                d.text(qx + 70, y, "(in = into the borough/property, out = leaving the property)", "Helvetica-Oblique", 8)
            y -= 24
            continue
        key, lab = item
        val = v.get(key, "")
        d.text(40, y, lab, "Helvetica", 10)
        lines = simpleSplit(str(val), "Helvetica", 10, W - 260) or [""]
        c.setStrokeColor(colors.grey)
        for i, ln in enumerate(lines):
            d.text(210, y - 13 * i, ln, "Helvetica", 10)
            c.line(205, y - 13 * i - 3, W - 40, y - 13 * i - 3)
        c.setStrokeColor(colors.black)
        y -= 13 * (len(lines) - 1) + 22
    y -= 10
    d.text(40, y, "Declaration: I declare that the information I have given on this form is correct and complete.",
           "Helvetica", 8.5)
    d.text(40, y - 14, "Signed: ..................................................", "Helvetica", 9)
    d.save()


G_ROWS = {
    "council_tax_spd": [("Your details", [("applicant_name", "Full name"), ("phone", "Phone number"),
                                          ("email", "Email address")]),
                        ("Your council tax", [("account_ref", "Council Tax account number"),
                                              ("address", "Address"), ("_town", "Town or city"),
                                              ("postcode", "Postcode")]),
                        ("About the change", [("sole_adult_since", "Date you started living alone"),
                                              ("other_adult_name", "Who moved out"),
                                              ("other_adult_forwarding_address", "Their new address"),
                                              ("_desc", "Tell us what changed")]),
                        ("Declaration", [("declaration_date", "Date you agreed to the declaration")])],
    "council_tax_move": [("Your details", [("applicant_name", "Full name"), ("phone", "Phone number"),
                                           ("email", "Email address")]),
                         ("Your move", [("move_type", "Are you moving in or out?"),
                                        ("account_ref", "Council Tax account number"),
                                        ("move_date", "Date of your move")]),
                         ("The address you are leaving", [("previous_address", "Address"),
                                                          ("previous_postcode", "Postcode")]),
                         ("Your new address", [("new_address", "Address"), ("_new_town", "Town or city"),
                                               ("new_postcode", "Postcode")]),
                         ("Declaration", [("declaration_date", "Date you agreed to the declaration")])],
    "parking_permit": [("Your details", [("applicant_name", "Full name"), ("phone", "Phone number"),
                                         ("email", "Email address")]),
                       ("Where you live", [("address", "Address"), ("postcode", "Postcode"),
                                           ("zone", "Permit zone")]),
                       ("Your vehicle", [("vrm", "Vehicle registration number"), ("vehicle_make", "Make and model")]),
                       ("Your permit", [("start_date", "Start date")]),
                       ("Declaration", [("declaration_date", "Date you agreed to the declaration")])],
}


def render_govuk(path, ft, f, rng):
    dfmt = rng.choice(["long", "long", "slash"])
    afmt = "plain"
    v = fmt_all(f, dfmt, afmt, vrmfmt=lambda x: x)
    if "move_type" in v:
        v["move_type"] = "Moving out of a property" if f["move_type"] == "out" else "Moving into a property"
    v["_town"] = "Wyverne Cross"
    if "_new_town" in f:
        v["_new_town"] = f["_new_town"]
    if ft == "council_tax_spd" and f.get("_desc_tpl"):
        v["_desc"] = desc_text(f, dfmt)
    d = Doc(path)
    c = d.c
    c.setFillColor(colors.black)
    c.rect(0, H - 40, W, 40, fill=1, stroke=0)
    d.text(40, H - 26, "WYVERNE CROSS", "Helvetica-Bold", 13, colors.white)
    d.text(170, H - 26, "Online services", "Helvetica", 11, colors.white)
    c.setFillColor(colors.HexColor("#1d70b8"))
    c.rect(0, H - 45, W, 5, fill=1, stroke=0)
    svc = {"council_tax_spd": "Apply for a single person discount",
           "council_tax_move": "Tell us you're moving home",
           "parking_permit": "Apply for a residents' parking permit"}[ft]
    d.text(40, H - 70, svc, "Helvetica", 10, colors.HexColor("#505a5f"))
    d.text(40, H - 98, "Check your answers before sending", "Helvetica-Bold", 20)
    d.text(40, H - 112, "your application", "Helvetica-Bold", 20)
    y = H - 145
    for sec, rows in G_ROWS[ft]:
        d.text(40, y, sec, "Helvetica-Bold", 13)
        y -= 10
        c.setStrokeColor(colors.HexColor("#b1b4b6"))
        for key, lab in rows:
            val = v.get(key)
            if key == "_new_town" and not f.get("new_address"):
                val = None
            shown = val if val else "Not provided"
            vl = simpleSplit(str(shown), "Helvetica", 10, 220)
            kl = simpleSplit(lab, "Helvetica-Bold", 10, 150)
            rh = max(len(vl), len(kl)) * 13 + 10
            yy = y - 14
            for ln in kl:
                d.text(40, yy, ln, "Helvetica-Bold", 10)
                yy -= 13
            yy = y - 14
            for ln in vl:
                d.text(200, yy, ln, "Helvetica", 10, colors.black if val else colors.HexColor("#505a5f"))
                yy -= 13
            if not key.startswith("_t"):
                d.text(W - 80, y - 14, "Change", "Helvetica", 10, colors.HexColor("#1d70b8"))
                c.setStrokeColor(colors.HexColor("#1d70b8"))
                c.line(W - 80, y - 16, W - 80 + c.stringWidth("Change", "Helvetica", 10), y - 16)
                c.setStrokeColor(colors.HexColor("#b1b4b6"))
            y -= rh
            c.line(40, y + 2, W - 40, y + 2)
        y -= 22
    d.text(40, y, "Now send your application", "Helvetica-Bold", 13)
    d.text(40, y - 16, "By submitting this application you are confirming that, to the best of your knowledge,",
           "Helvetica", 9)
    d.text(40, y - 28, "the details you are providing are correct.", "Helvetica", 9)
    c.setFillColor(colors.HexColor("#00703c"))
    c.rect(40, y - 62, 150, 24, fill=1, stroke=0)
    d.text(52, y - 54, "Accept and send", "Helvetica-Bold", 11, colors.white)
    d.text(40, 30, f"wyvernecross.gov.uk/forms  |  session {rng.randint(10**7, 10**8 - 1):x}", "Helvetica", 7,
           colors.HexColor("#505a5f"))
    d.save()


A_FIELDS = {
    "council_tax_spd": [("account_ref", "ctx_acct_no_8", "Council Tax account no."),
                        ("applicant_name", "claimant_fullname", "Full name of claimant"),
                        ("address", "dwelling_line1", "Address of dwelling"),
                        ("postcode", "dwelling_pcode", "Postcode"),
                        ("sole_adult_since", "sole_occ_eff_dt", "Sole adult occupier from"),
                        ("other_adult_name", "vacating_adult_nm", "Name of adult who has left"),
                        ("other_adult_forwarding_address", "vacating_adult_fwd", "Their forwarding address"),
                        ("_desc", "circs_change_txt", "Describe the change in circumstances"),
                        ("phone", "tel_day", "Daytime telephone"),
                        ("email", "eml_addr", "Email"),
                        ("declaration_date", "decl_sig_dt", "Date of declaration")],
    "council_tax_move": [("_in", "chk_dir_IN", "Moving in"), ("_out", "chk_dir_OUT", "Moving out"),
                         ("account_ref", "ctx_acct_no_8", "Council Tax account no."),
                         ("applicant_name", "taxpayer_nm_full", "Full name"),
                         ("previous_address", "old_prem_ln1", "Address being vacated"),
                         ("previous_postcode", "old_prem_pc", "Postcode (vacated)"),
                         ("new_address", "nxt_prem_ln1", "New / forwarding address"),
                         ("new_postcode", "nxt_prem_pc", "Postcode (new)"),
                         ("move_date", "liab_chg_dt", "Date of move"),
                         ("phone", "tel_day", "Daytime telephone"), ("email", "eml_addr", "Email"),
                         ("declaration_date", "decl_sig_dt", "Date of declaration")],
    "parking_permit": [("applicant_name", "permittee_nm", "Name of applicant"),
                       ("address", "res_addr_1", "Residential address"),
                       ("postcode", "res_pcode", "Postcode"),
                       ("zone", "cpz_cd", "Controlled parking zone"),
                       ("vrm", "veh_vrm_txt", "Vehicle registration"),
                       ("vehicle_make", "veh_mk_mdl", "Make / model"),
                       ("start_date", "prm_commence_dt", "Permit start date"),
                       ("phone", "tel_day", "Daytime telephone"), ("email", "eml_addr", "Email"),
                       ("declaration_date", "decl_sig_dt", "Date of declaration")],
}


def render_acro(path, ft, f, rng):
    dfmt = rng.choice(["slash", "iso", "slash_np"])
    afmt = rng.choice(["plain", "space"])
    v = fmt_all(f, dfmt, afmt, pcfmt=lambda x: x.lower() if rng.random() < 0.3 else x,
                vrmfmt=lambda x: x[:4] + " " + x[4:] if rng.random() < 0.5 else x)
    if ft == "council_tax_spd" and f.get("_desc_tpl"):
        v["_desc"] = desc_text(f, dfmt)
    d = Doc(path)
    c = d.c
    title = {"council_tax_spd": "Council Tax Reduction: One Adult in Household (Form CT/SPD1)",
             "council_tax_move": "Council Tax: Change of Occupier (Form CT/COA2)",
             "parking_permit": "Resident Parking Permit (Form PK/RES1)"}[ft]
    d.text(40, H - 50, "Wyverne Cross Borough Council", "Times-Bold", 16)
    d.text(40, H - 70, title, "Times-Roman", 12)
    d.text(40, H - 86, "This is an interactive form. Type your answers in the boxes, save the file and email it to "
           "forms@wyvernecross.gov.uk", "Times-Italic", 8.5)
    y = H - 120
    form = c.acroForm
    for key, fname, lab in A_FIELDS[ft]:
        if key in ("_in", "_out"):
            checked = (key == "_in") == (f["move_type"] == "in")
            d.text(40, y + 4, lab, "Times-Roman", 10)
            form.checkbox(name=fname, x=200, y=y, size=14, checked=checked, buttonStyle="cross",
                          borderColor=colors.black, fillColor=colors.white, textColor=colors.black)
            y -= 26
            continue
        val = v.get(key, "")
        multi = key in ("_desc", "other_adult_forwarding_address")
        hgt = 40 if multi else 18
        d.text(40, y + hgt - 12, lab, "Times-Roman", 10)
        kw = dict(name=fname, value=str(val), x=200, y=y, width=W - 240, height=hgt, fontName="Helvetica",
                  fontSize=9 if multi else 10, borderColor=colors.HexColor("#555555"),
                  fillColor=colors.HexColor("#eef3ff"), textColor=colors.black, forceBorder=True)
        if multi:
            kw["fieldFlags"] = "multiline"
        form.textfield(**kw)
        y -= hgt + 10
    y -= 10
    d.text(40, y, "I declare that the information given is true and complete to the best of my knowledge.",
           "Times-Roman", 9)
    d.save()


# ----------------------------------------------------------------- letters
COUNCIL_ADDR = ["Revenues and Benefits", "Wyverne Cross Borough Council", "Civic Centre, Market Square",
                "Wyverne Cross", "WX1 1AA"]


def render_letter(path, sender_lines, date_str, salutation, paras, closing, signname, email_hdr=None,
                  sig_extra=()):
    d = Doc(path)
    c = d.c
    if email_hdr:
        d.text(40, H - 50, "Print  |  Wyverne Cross Council shared mailbox", "Helvetica", 8, colors.grey)
        y = H - 75
        for k, val in email_hdr:
            d.text(40, y, f"{k}:", "Helvetica-Bold", 10)
            d.text(100, y, val, "Helvetica", 10)
            y -= 14
        c.line(40, y + 4, W - 40, y + 4)
        y -= 16
        font = "Helvetica"
    else:
        y = H - 60
        for ln in sender_lines:
            d.text(W - 230, y, ln, "Times-Roman", 11)
            y -= 14
        y -= 10
        d.text(W - 230, y, date_str, "Times-Roman", 11)
        y -= 30
        for ln in COUNCIL_ADDR:
            d.text(60, y, ln, "Times-Roman", 11)
            y -= 14
        y -= 22
        font = "Times-Roman"
    x0 = 40 if email_hdr else 60
    if salutation:
        d.text(x0, y, salutation, font, 11)
        y -= 22
    for p in paras:
        for ln in simpleSplit(p, font, 11, W - 2 * x0):
            d.text(x0, y, ln, font, 11)
            y -= 14
        y -= 9
    y -= 6
    if closing:
        d.text(x0, y, closing, font, 11)
        y -= 34 if not email_hdr else 16
    if signname:
        d.text(x0, y, signname, font, 11)
        y -= 14
    for ln in sig_extra:
        d.text(x0, y, ln, font, 10)
        y -= 13
    d.save()


def letter_spd(kind, rng, as_email):
    case = spd_case(kind)
    f = case["f"]
    p = case["prop"]
    dfmt = rng.choice(["long", "ord"])
    decl = f["declaration_date"]
    acc = AFMT[rng.choice(["ct", "space", "plain"])](f["account_ref"])
    name = f["applicant_name"]
    since = DFMT[dfmt](f["sole_adult_since"])
    addr_full = f"{f['address']}, {(p['l2'] + ', ') if p['l2'] else ''}Wyverne Cross {f['postcode']}"
    paras = [f"I am writing to apply for the single person discount on my council tax. My account number is {acc} "
             f"and the property is {addr_full}."]
    if f.get("other_adult_name"):
        paras.append(f"{f['other_adult_name']} moved out on {since} and since then I have been the only adult living "
                     f"at the property. Nobody else aged 18 or over lives with me.")
    else:
        paras.append(f"I have been the only adult living here since {since}, when my lodger moved out. "
                     f"Nobody else aged 18 or over lives with me.")
    paras.append("I would be grateful if you could apply the 25% discount from that date and send me an amended bill. "
                 "I confirm that the information in this letter is correct.")
    for k in ("other_adult_forwarding_address", "change_description"):
        f.pop(k, None)
    sig = []
    if f.get("phone"):
        paras.append(f"If you need to contact me my telephone number is {f['phone']}.")
    out_fields = {k: v for k, v in f.items() if not k.startswith("_")}
    if as_email:
        em = f.get("email") or email_for(bare(name))
        out_fields["email"] = em
        hdr = [("From", f"{bare(name)} <{em}>"), ("To", "counciltax@wyvernecross.gov.uk"),
               ("Date", f"{decl.day} {MONTHS[decl.month-1]} {decl.year} 09:{rng.randint(10, 59)}"),
               ("Subject", "Single person discount")]
        render_letter(case["path"], None, None, "Dear Council Tax team,", paras, "Kind regards,", name,
                      email_hdr=hdr)
    else:
        out_fields.pop("email", None)
        sl = [name, f["address"]] + ([p["l2"]] if p["l2"] else []) + ["Wyverne Cross", f["postcode"]]
        render_letter(case["path"], sl, DFMT[dfmt](decl), "Dear Sir or Madam,", paras, "Yours faithfully,", name)
    case["fields"] = out_fields
    return case


def letter_move(direction, rng):
    case = move_case("clean", direction)
    f = case["f"]
    dfmt = rng.choice(["long", "ord"])
    decl = f["declaration_date"]
    name = f["applicant_name"]
    md = DFMT[dfmt](f["move_date"])
    past = f["move_date"] <= ASOF
    if direction == "out":
        acc = AFMT[rng.choice(["ct", "space", "plain"])](f["account_ref"])
        paras = [f"Please accept this letter as notice that I {'moved out of' if past else 'am moving out of'} "
                 f"{f['previous_address']}, Wyverne Cross {f['previous_postcode']} on {md}. "
                 f"My council tax account number is {acc}.",
                 f"My new address is {f['new_address']}, {f['_new_town']} {f['new_postcode']}. Please send my final "
                 f"bill there.",
                 "I confirm the details above are correct."]
        sl = [name, f["new_address"], f["_new_town"], f["new_postcode"]]
    else:
        paras = [f"I am writing to let you know that I {'moved into' if past else 'will be moving into'} "
                 f"{f['new_address']}, Wyverne Cross {f['new_postcode']} on {md} and will be responsible for the "
                 f"council tax from that date.",
                 "Please set up a council tax account in my name and let me know the monthly instalments. "
                 "I confirm the details above are correct."]
        sl = [name, f["new_address"], "Wyverne Cross", f["new_postcode"]]
    if f.get("phone"):
        paras.append(f"You can reach me on {f['phone']}.")
    out = {k: v for k, v in f.items() if not k.startswith("_")}
    out.pop("email", None)
    render_letter(case["path"], sl, DFMT[dfmt](decl), "Dear Sir or Madam,", paras, "Yours faithfully,", name)
    case["fields"] = out
    return case


def corr_case(kind, rng):
    """kind: topic name, or SENDER_UNKNOWN / ACCOUNT_NOT_FOUND."""
    p = take()
    A, sa = new_name()
    acc = set_household(p, [A])
    name = titled(A, sa)
    ltr_date = d_off(-rng.randint(2, 10))
    dts = []
    reasons = []
    ref_quoted = None
    topic = kind
    as_email = kind in ("missed_bin", "foi_request", "SENDER_UNKNOWN")
    if kind == "missed_bin":
        d1 = ltr_date - timedelta(days=rng.randint(1, 4))
        dts = [d1]
        paras = [f"Our green garden waste bin was not emptied on {DFMT['long'](d1)}. It was out on the kerb by 7am "
                 "as usual and the lorry went past without stopping. The recycling was collected but the green bin "
                 "was missed.",
                 "Could you please arrange for the missed bin to be collected this week? It is now overflowing."]
        subj = "Missed bin collection"
    elif kind == "SENDER_UNKNOWN":
        topic = "missed_bin"
        d1 = ltr_date - timedelta(days=2)
        dts = [d1]
        paras = [f"bins on our road were not emptied again on {DFMT['slash'](d1)}, third time this autumn. "
                 "the black bin collection was missed and nobody has come back for it. please sort it out"]
        subj = "bins not collected AGAIN"
        reasons = ["SENDER_UNKNOWN"]
    elif kind in ("council_tax_query", "ACCOUNT_NOT_FOUND"):
        topic = "council_tax_query"
        ref_quoted = acc["ref"] if kind == "council_tax_query" else bad_ref()
        if kind == "ACCOUNT_NOT_FOUND":
            reasons = ["ACCOUNT_NOT_FOUND"]
        d1 = date(2027, 1, 1) if rng.random() < 0.5 else date(2026, 12, 15)
        dts = [d1]
        paras = [f"I have received my council tax bill for account {AFMT['space'](ref_quoted)} and I would like to "
                 f"ask whether I can change my instalment date. At the moment the payments are taken on the 1st "
                 f"of the month but I am paid later in the month.",
                 f"Could the next payment, due on {DFMT['long'](d1)}, be moved to the 20th, and could you confirm "
                 f"the balance left to pay this year?"]
        subj = "Council tax instalments"
    elif kind == "complaint":
        d1 = ltr_date - timedelta(days=rng.randint(5, 15))
        dts = [d1]
        paras = [f"I wish to make a formal complaint about the way I was treated when I called your contact centre "
                 f"on {DFMT['long'](d1)}. I waited over fifty minutes to get through and was then cut off twice. "
                 "When I finally spoke to someone they were rude and told me to put my query in writing.",
                 "I am very unhappy with this level of service and would like a written response under your "
                 "complaints procedure explaining what will be done about it."]
        subj = "Complaint"
    elif kind == "foi_request":
        d1, d2 = date(2025, 4, 1), date(2026, 3, 31)
        dts = [d1, d2]
        paras = ["Under the Freedom of Information Act 2000 I would like to request the following information.",
                 f"For the period {DFMT['long'](d1)} to {DFMT['long'](d2)}: the number of residents' parking permits "
                 "issued in each parking zone, the income received from those permits, and the number of penalty "
                 "charge notices issued in the Canal Quarter zone.",
                 "I would prefer to receive the information electronically as a spreadsheet."]
        subj = "Freedom of Information request - parking permits"
    else:  # other
        d1 = date(2027, 2, 13)
        dts = [d1]
        paras = [f"Our residents' group would like to hold a jumble sale in the community room at the village hall "
                 f"on {DFMT['long'](d1)}. Could you tell me who we need to speak to about hiring the room and "
                 "whether the council still offers the small grants scheme for community events?",
                 "Thank you for your help."]
        subj = "Community room hire"
    body = " ".join(paras)
    fields = dict(topic=topic, body=body)
    if dts:
        fields["dates_mentioned"] = [x.isoformat() for x in dts]
    if ref_quoted:
        fields["account_ref"] = ref_quoted
    path = None
    if kind == "SENDER_UNKNOWN":
        em = f"wx{rng.randint(100, 999)}resident@example.com"
        hdr = [("From", em), ("To", "waste@wyvernecross.gov.uk"),
               ("Date", f"{ltr_date.day} {MONTHS[ltr_date.month-1]} {ltr_date.year} 21:{rng.randint(10, 59)}"),
               ("Subject", subj)]
        return dict(form_type="correspondence", fields=fields, reasons=reasons,
                    render=lambda path: render_letter(path, None, None, None, paras, None, None,
                                                      email_hdr=hdr, sig_extra=["Sent from my iPhone"]))
    fields["sender_name"] = name
    fields["address"] = p["l1"]
    fields["postcode"] = p["pc"]
    if as_email:
        em = email_for(A)
        hdr = [("From", f"{A} <{em}>"), ("To", "enquiries@wyvernecross.gov.uk"),
               ("Date", f"{ltr_date.day} {MONTHS[ltr_date.month-1]} {ltr_date.year} 10:{rng.randint(10, 59)}"),
               ("Subject", subj)]
        sig = [p["l1"]] + ([p["l2"]] if p["l2"] else []) + ["Wyverne Cross " + p["pc"]]
        rend = lambda path: render_letter(path, None, None, "Hello,", paras, "Thanks,", name, email_hdr=hdr,
                                          sig_extra=sig)
    else:
        sl = [name, p["l1"]] + ([p["l2"]] if p["l2"] else []) + ["Wyverne Cross", p["pc"]]
        rend = lambda path: render_letter(path, sl, DFMT["long"](ltr_date), "Dear Sir or Madam,", paras,
                                          "Yours faithfully,", name)
    return dict(form_type="correspondence", fields=fields, reasons=reasons, render=rend)


# ----------------------------------------------------------------- plan
RENDER = {"crm_printout": render_crm, "question_boxes": render_question, "choice_marks": render_choice,
          "online_summary": render_govuk, "acroform": render_acro}
LAYOUTS = list(RENDER)
SPD_EXC = ["ACCOUNT_NOT_FOUND", "ACCOUNT_CLOSED", "NAME_MISMATCH", "ADDRESS_MISMATCH", "DISCOUNT_ALREADY_APPLIED",
           "OTHER_ADULTS_REGISTERED", "DATE_IN_FUTURE", "INCONSISTENT_DATES", "INCONSISTENT_DATES",
           "MISSING_FIELD:postcode"]
MOVE_EXC = ["ACCOUNT_NOT_FOUND", "NAME_MISMATCH", "ADDRESS_MISMATCH", "PROPERTY_NOT_FOUND", "DATE_IN_FUTURE",
            "DATE_TOO_OLD"]
PARK_EXC = ["PROPERTY_NOT_FOUND", "NOT_IN_PERMIT_ZONE", "NOT_RESIDENT", "INVALID_FORMAT:vrm", "VRM_HAS_PERMIT",
            "PERMIT_CAP_REACHED", "DATE_IN_FUTURE"]
# layouts whose SPD form has a free-text change field (INCONSISTENT_DATES needs one)
TEXT_LAYOUTS = ["crm_printout", "question_boxes", "online_summary", "acroform", "choice_marks"]

plan = []  # (layout, builder)
for lay in LAYOUTS:
    plan.append((lay, "spd", "clean"))
    plan.append((lay, "spd", "clean"))
    plan.append((lay, "move", "clean", "in"))
    plan.append((lay, "move", "clean", "out"))
    plan.append((lay, "park", "clean"))
    plan.append((lay, "park", "clean"))
    # a third clean form per pair so the test split has clean forms too
    plan.append((lay, "spd", "clean"))
    plan.append((lay, "move", "clean"))
    plan.append((lay, "park", "clean"))
incon = iter(["crm_printout", "online_summary"])
for i, k in enumerate(SPD_EXC):
    lay = next(incon) if k == "INCONSISTENT_DATES" else LAYOUTS[(i + 2) % 5]
    plan.append((lay, "spd", k))
for i, k in enumerate(MOVE_EXC):
    plan.append((LAYOUTS[(i + 1) % 5], "move", k))
for i, k in enumerate(PARK_EXC):
    plan.append((LAYOUTS[(i + 3) % 5], "park", k))
for k in ["missed_bin", "council_tax_query", "complaint", "foi_request", "other", "SENDER_UNKNOWN",
          "ACCOUNT_NOT_FOUND"]:
    plan.append(("letter_email", "corr", k))
plan += [("letter_email", "lspd", "clean", "letter"), ("letter_email", "lspd", "clean", "email"),
         ("letter_email", "lspd", "DATE_TOO_OLD", "letter"),
         ("letter_email", "lmove", "out"), ("letter_email", "lmove", "in"),
         ("letter_email", "lspd", "clean", "email"), ("letter_email", "lmove", "out")]
plan.append(("DUP",))
R.shuffle(plan)


def main():
    inbox = os.path.join(HERE, "inbox")
    if os.path.exists(inbox):
        shutil.rmtree(inbox)
    os.makedirs(inbox)
    rows = []
    n = [0]

    def next_path():
        n[0] += 1
        return f"doc_{n[0]:04d}.pdf"

    def emit(case, layout, render_fn, extra=None):
        fn = next_path()
        path = os.path.join(inbox, fn)
        render_fn(path)
        fields = case.get("fields")
        if fields is None:
            fields = truth_fields(case)
        for k, v in list(fields.items()):
            if isinstance(v, date):
                fields[k] = v.isoformat()
        row = dict(file=fn, form_type=case["form_type"], fields=fields,
                   outcome="approved" if not case["reasons"] else "exception", reasons=case["reasons"],
                   layout=layout)
        if extra:
            row.update(extra)
        rows.append(row)

    def truth_fields(case):
        f = case["f"]
        out = {}
        for k, v in f.items():
            if k.startswith("_"):
                continue
            out[k] = v.isoformat() if isinstance(v, date) else v
        return out

    for item in plan:
        if item[0] == "DUP":
            case = spd_case("clean")
            rng1, rng2 = random.Random(R.random()), random.Random(R.random())
            for lay, rg in (("online_summary", rng1), ("acroform", rng2)):
                emit_form(case, lay, rg, emit, extra=dict(duplicate_group="dup1"), dup=True)
                rows[-1]["outcome"] = "duplicate_pair"
            continue
        lay, kind = item[0], item[1]
        rg = random.Random(R.random())
        if kind == "spd":
            emit_form(spd_case(item[2]), lay, rg, emit)
        elif kind == "move":
            emit_form(move_case(item[2], item[3] if len(item) > 3 else None), lay, rg, emit)
        elif kind == "park":
            emit_form(parking_case(item[2]), lay, rg, emit)
        elif kind == "corr":
            case = corr_case(item[2], rg)
            emit(case, lay, case["render"])
        elif kind == "lspd":
            fn = f"doc_{n[0] + 1:04d}.pdf"
            c = _prebuild_spd(item[2], rg, item[3] == "email", os.path.join(inbox, fn))
            emit(c, lay, lambda path: None)
        elif kind == "lmove":
            fn = f"doc_{n[0] + 1:04d}.pdf"
            c = _prebuild_move(item[2], rg, os.path.join(inbox, fn))
            emit(c, lay, lambda path: None)
    # splits
    seen = {}
    for r in rows:
        key = (r["layout"], r["form_type"])
        if r["outcome"] == "approved" and seen.get(key, 0) < 2:
            r["split"] = "learn"
            seen[key] = seen.get(key, 0) + 1
        else:
            r["split"] = "test"
    with open(os.path.join(HERE, "truth.jsonl"), "w") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    write_workbook()
    print(f"{len(rows)} files; approved {sum(r['outcome'] == 'approved' for r in rows)}; "
          f"exception {sum(r['outcome'] == 'exception' for r in rows)}; "
          f"duplicate_pair {sum(r['outcome'] == 'duplicate_pair' for r in rows)}")


def _prebuild_spd(kind, rg, email, path):
    # spd_case must see a path to render into
    global _pending_path
    orig = spd_case

    def patched(k):
        c = orig(k)
        c["path"] = path
        return c
    globals()["spd_case"] = patched
    try:
        return letter_spd(kind, rg, email)
    finally:
        globals()["spd_case"] = orig


def _prebuild_move(direction, rg, path):
    orig = move_case

    def patched(k, d=None):
        c = orig(k, d)
        c["path"] = path
        return c
    globals()["move_case"] = patched
    try:
        return letter_move(direction, rg)
    finally:
        globals()["move_case"] = orig


def emit_form(case, lay, rg, emit, extra=None, dup=False):
    f = case["f"]
    # the layout decides the date format; render first, then compute change_description with the same rng state
    state = rg.getstate()
    captured = {}
    orig_desc = globals()["desc_text"]

    def cap(ff, dfmt):
        s = orig_desc(ff, dfmt)
        captured["d"] = " ".join(s.split())
        return s
    globals()["desc_text"] = cap
    try:
        emit_case = dict(case)
        fields = {}
        for k, v in f.items():
            if k.startswith("_"):
                continue
            fields[k] = v.isoformat() if isinstance(v, date) else v
        emit_case["fields"] = fields
        if dup:
            emit_case["reasons"] = []
        emit(emit_case, lay, lambda path: RENDER[lay](path, case["form_type"], f, rg), extra)
    finally:
        globals()["desc_text"] = orig_desc
    if "d" in captured:
        fields["change_description"] = captured["d"]
    return fields


def write_workbook():
    wb = Workbook()
    ws = wb.active
    ws.title = "properties"
    ws.append(["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band", "ward",
               "parking_zone"])
    for p in props:
        ws.append([p["uprn"], p["l1"], p["l2"] or None, p["town"], p["pc"], p["band"], p["ward"], p["zone"] or None])
    ws = wb.create_sheet("council_tax_accounts")
    ws.append(["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"])
    for a in sorted(accounts, key=lambda a: a["ref"]):
        ws.append([a["ref"], a["uprn"], "; ".join(a["parties"]), a["status"], a["start"], a["end"],
                   a["disc"] or None])
        ws.cell(ws.max_row, 1).number_format = "@"
        ws.cell(ws.max_row, 5).number_format = "yyyy-mm-dd"
        ws.cell(ws.max_row, 6).number_format = "yyyy-mm-dd"
    ws = wb.create_sheet("electoral_register")
    ws.append(["elector_number", "full_name", "uprn"])
    for e in electors:
        ws.append([e["num"], e["name"], e["uprn"]])
    ws = wb.create_sheet("parking_permits")
    ws.append(["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"])
    for pm in permits:
        ws.append([pm["ref"], pm["uprn"], pm["vrm"], pm["zone"], pm["vfrom"], pm["vto"]])
        ws.cell(ws.max_row, 5).number_format = "yyyy-mm-dd"
        ws.cell(ws.max_row, 6).number_format = "yyyy-mm-dd"
    wb.save(os.path.join(HERE, "records.xlsx"))


if __name__ == "__main__":
    main()
