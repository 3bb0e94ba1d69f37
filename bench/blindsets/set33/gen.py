#!/usr/bin/env python3
"""Blind test set 33: Cyngor Sir Dyffryn Tawel / Dyffryn Tawel County Council.

Deterministic: run it and it rebuilds records.xlsx, inbox/, truth.jsonl and
README.md in this folder from a fixed seed.
"""
import json
import os
import random
import shutil
from datetime import date, datetime, timedelta
from xml.sax.saxutils import escape

import openpyxl
import reportlab
from openpyxl.styles import Font
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import registerFontFamily
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph

OUT = os.path.dirname(os.path.abspath(__file__))
AS_OF = date(2026, 12, 7)
SEED = 20261207 + 33
W, H = A4

# ----------------------------------------------------------------- fonts
DJ = "/usr/share/fonts/truetype/dejavu/"
for n, f in [("Sans", "DejaVuSans.ttf"), ("Sans-B", "DejaVuSans-Bold.ttf"),
             ("Sans-I", "DejaVuSans-Oblique.ttf"), ("Sans-BI", "DejaVuSans-BoldOblique.ttf"),
             ("Serif", "DejaVuSerif.ttf"), ("Serif-B", "DejaVuSerif-Bold.ttf"),
             ("Serif-I", "DejaVuSerif-Italic.ttf"), ("Serif-BI", "DejaVuSerif-BoldItalic.ttf"),
             ("Mono", "DejaVuSansMono.ttf"), ("Mono-B", "DejaVuSansMono-Bold.ttf"),
             ("Cond", "DejaVuSansCondensed.ttf"), ("Cond-B", "DejaVuSansCondensed-Bold.ttf"),
             ("Cond-I", "DejaVuSansCondensed-Oblique.ttf"), ("Cond-BI", "DejaVuSansCondensed-BoldOblique.ttf")]:
    pdfmetrics.registerFont(TTFont(n, DJ + f))
for fam in ("Sans", "Serif", "Cond"):
    registerFontFamily(fam, normal=fam, bold=fam + "-B", italic=fam + "-I", boldItalic=fam + "-BI")
_fd = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
try:
    _face = pdfmetrics.EmbeddedType1Face(os.path.join(_fd, "callig15.afm"), os.path.join(_fd, "callig15.pfb"))
    pdfmetrics.registerTypeFace(_face)
    pdfmetrics.registerFont(pdfmetrics.Font("Callig", _face.name, "WinAnsiEncoding"))
    SIGFONT = "Callig"
except Exception:  # pragma: no cover
    SIGFONT = "Serif-I"

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def ordinal(n):
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def fmt_date(d, style):
    if d is None:
        return ""
    return {
        "slash": f"{d.day:02d}/{d.month:02d}/{d.year}",
        "slash_short": f"{d.day}/{d.month}/{d.year}",
        "dash": f"{d.day:02d}-{d.month:02d}-{d.year}",
        "dot": f"{d.day:02d}.{d.month:02d}.{d.year}",
        "long": f"{d.day} {MONTHS[d.month - 1]} {d.year}",
        "ord": f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}",
        "us": f"{MONTHS[d.month - 1]} {d.day}, {d.year}",
        "iso": d.isoformat(),
    }[style]


def norm_pc(s):
    s = s.replace(" ", "").upper()
    return s[:-3] + " " + s[-3:]


def norm_vrm(s):
    return s.replace(" ", "").upper()


def collapse(s):
    return " ".join(s.split())


# ----------------------------------------------------------------- world
rng = random.Random(SEED)

STREETS = [
    # name, line2 (locality), town, district, sector, zone, ward, ward code
    ("Stryd Fawr", "", "Abertawel", "DT1", 4, "A", "Abertawel Canol", "AC"),
    ("Heol y Castell", "", "Abertawel", "DT1", 2, "A", "Abertawel Canol", "AC"),
    ("Rhodfa'r Orsaf", "", "Abertawel", "DT1", 3, "B1", "Abertawel Canol", "AC"),
    ("Teras Fictoria", "", "Abertawel", "DT1", 6, "B2", "Abertawel Canol", "AC"),
    ("Heol y Bryn", "", "Abertawel", "DT2", 5, "", "Penrhos", "PR"),
    ("Maes y Dderwen", "Penrhos", "Abertawel", "DT2", 8, "", "Penrhos", "PR"),
    ("Lôn y Felin", "", "Pont-y-Felin", "DT4", 7, "C", "Pont-y-Felin", "PF"),
    ("Church Street", "", "Pont-y-Felin", "DT4", 6, "C", "Pont-y-Felin", "PF"),
    ("Ffordd yr Afon", "", "Cwm Tawel", "DT5", 2, "", "Cwm Tawel", "CT"),
    ("Cilgant y Parc", "Trebanog", "Cwm Tawel", "DT5", 4, "", "Cwm Tawel", "CT"),
    ("Heol Dewi", "", "Llanddewi Fach", "DT6", 3, "", "Llanddewi", "LD"),
    ("Bryn Glas", "", "Glanyrafon", "DT7", 1, "", "Glanyrafon", "GL"),
    ("Victoria Road", "", "Glanyrafon", "DT7", 8, "D", "Glanyrafon", "GL"),
]
UNIT = "ABDEFGHJLNPQRSTUWXY"

PROPS = []
_uprn = 100090410000
for si, (st, l2, town, dist, sector, zone, ward, wcode) in enumerate(STREETS):
    units = [rng.choice(UNIT) + rng.choice(UNIT) for _ in range(2)]
    nums = sorted(rng.sample(range(1, 61), 8))
    for n in nums:
        _uprn += rng.randint(3, 40)
        PROPS.append(dict(uprn=_uprn, num=n, street=st, l1=f"{n} {st}", l2=l2, town=town,
                          pc=f"{dist} {sector}{units[0] if n <= 30 else units[1]}",
                          band=rng.choice("AABBBCCCDDDEEFGH"), ward=ward, wcode=wcode,
                          zone=zone, reserved=False, si=si))
PROP_BY_UPRN = {p["uprn"]: p for p in PROPS}

ACCOUNTS, ELECTORS, PERMITS = [], [], []
USED_REFS, USED_NAMES, USED_VRMS = set(), set(), set()
_elec_seq = {}

FIRST_F = ["Eleri", "Sioned", "Carys", "Llinos", "Megan", "Angharad", "Bethan", "Ffion", "Gwenllian",
           "Elin", "Nia", "Catrin", "Lowri", "Mared", "Siân", "Heledd", "Rhiannon", "Non", "Awen",
           "Manon", "Susan", "Karen", "Julie", "Claire", "Rachel", "Helen", "Joanne", "Tracey", "Emma",
           "Hannah", "Delyth", "Glenys", "Menna", "Alys"]
FIRST_M = ["Rhys", "Dafydd", "Gareth", "Owain", "Huw", "Iwan", "Tomos", "Aled", "Geraint", "Rhodri",
           "Gethin", "Emyr", "Dylan", "Cai", "Hywel", "Meirion", "Paul", "David", "Michael", "Mark",
           "Stephen", "Andrew", "Christopher", "Jason", "Neil", "Richard", "Gwyn", "Ieuan", "Elgan"]
SURN = ["Jones", "Davies", "Williams", "Evans", "Thomas", "Roberts", "Hughes", "Lewis", "Morgan",
        "Griffiths", "Price", "Pritchard", "Powell", "Jenkins", "Rees", "Owen", "Parry", "Bowen",
        "Howells", "Llewellyn", "Vaughan", "Prosser", "Watkins", "Bevan", "Harris", "Phillips",
        "ap Gwilym", "Wyn-Jones", "Puw", "Tudur", "Elis", "Meredith", "Gruffydd", "Rowlands", "Lloyd",
        "O'Connor", "Kowalski", "Ahmed", "Khan", "Nowak", "Beynon", "Mathias", "Protheroe"]


def new_name(g=None, surname=None):
    while True:
        g2 = g or rng.choice("FM")
        first = rng.choice(FIRST_F if g2 == "F" else FIRST_M)
        sur = surname or rng.choice(SURN)
        full = f"{first} {sur}"
        if full not in USED_NAMES:
            USED_NAMES.add(full)
            return first, sur, g2


def new_ref():
    while True:
        r = "61" + f"{rng.randint(0, 999999):06d}"
        if r not in USED_REFS:
            USED_REFS.add(r)
            return r


def missing_ref():
    """A plausible reference that exists nowhere in the records."""
    while True:
        r = "61" + f"{rng.randint(0, 999999):06d}"
        if r not in USED_REFS:
            USED_REFS.add(r)  # keep it out of the records too
            return r


VRM_L = "ABCDEFGHJKLMNOPRSTUVWXY"


def new_vrm(style="current"):
    while True:
        if style == "current":
            v = (rng.choice("CDEFGHKLMNPRSWY") + rng.choice(VRM_L.replace("I", "")) +
                 f"{rng.choice(list(range(10, 26)) + list(range(60, 76))):02d} " +
                 "".join(rng.choice(VRM_L) for _ in range(3)))
        elif style == "prefix":
            v = (rng.choice("LMNPRSTVWXY") + str(rng.randint(1, 999)) + " " +
                 "".join(rng.choice(VRM_L) for _ in range(3)))
        else:  # suffix
            v = ("".join(rng.choice(VRM_L) for _ in range(3)) + " " + str(rng.randint(1, 999)) +
                 rng.choice("ABCDEFGHJKLMNPRSTVWXY"))
        if norm_vrm(v) not in USED_VRMS:
            USED_VRMS.add(norm_vrm(v))
            return v


def add_account(uprn, liable, status="active", start=None, end=None, discounts=""):
    ref = new_ref()
    if start is None:
        start = date(rng.randint(2008, 2024), rng.randint(1, 12), rng.randint(1, 28))
    ACCOUNTS.append(dict(account_ref=ref, uprn=uprn, liable_parties="; ".join(liable), status=status,
                         start_date=start, end_date=end, discounts=discounts))
    return ref


def add_elector(name, uprn):
    code = PROP_BY_UPRN[uprn]["wcode"]
    _elec_seq[code] = _elec_seq.get(code, 100) + rng.randint(1, 9)
    ELECTORS.append(dict(elector_number=f"{code}-{_elec_seq[code]}", full_name=name, uprn=uprn))


_permit_seq = [4100]


def add_permit(uprn, vrm, zone, vf, vt):
    _permit_seq[0] += rng.randint(1, 23)
    PERMITS.append(dict(permit_ref=f"DTP{_permit_seq[0]:06d}", uprn=uprn, vrm=norm_vrm(vrm), zone=zone,
                        valid_from=vf, valid_to=vt))


def pick_prop(zoned=None, zone=None, exclude_zone=None):
    cands = [p for p in PROPS if not p["reserved"]
             and (zoned is None or bool(p["zone"]) == zoned)
             and (zone is None or p["zone"] == zone)
             and (exclude_zone is None or p["zone"] != exclude_zone)]
    p = rng.choice(cands)
    p["reserved"] = True
    return p


def rand_between(a, b):
    return a + timedelta(days=rng.randint(0, (b - a).days))


def phone():
    if rng.random() < 0.5:
        return f"07700 900{rng.randint(0, 999):03d}"
    return f"01632 960{rng.randint(0, 999):03d}"


def email_for(first, sur):
    dom = rng.choice(["examplemail.co.uk", "post.example.net", "inbox.example.com", "ebost.example.cymru"])
    s = sur.lower().replace(" ", "").replace("'", "").replace("-", "")
    f = first.lower().replace("â", "a")
    return rng.choice([f"{f}.{s}@{dom}", f"{f[0]}{s}{rng.randint(1, 99)}@{dom}", f"{f}{s}@{dom}"])


def addr_lines(p):
    lines = [p["l1"]]
    if p["l2"]:
        lines.append(p["l2"])
    lines.append(p["town"])
    return lines


def written_pc(pc):
    r = rng.random()
    if r < 0.15:
        return pc.lower()
    if r < 0.3:
        return pc.replace(" ", "")
    return pc


def written_ref(ref, layout):
    opts = [ref, f"{ref[:4]} {ref[4:]}", f"{ref[:4]}-{ref[4:]}", f"CT{ref}"]
    return rng.choice(opts)


CARS = [("Ford", "Fiesta"), ("Vauxhall", "Corsa"), ("Volkswagen", "Golf"), ("Toyota", "Yaris"),
        ("Nissan", "Qashqai"), ("Kia", "Sportage"), ("Hyundai", "i10"), ("Peugeot", "208"),
        ("Skoda", "Octavia"), ("BMW", "1 Series"), ("Renault", "Clio"), ("Dacia", "Sandero"),
        ("Honda", "Jazz"), ("MG", "ZS"), ("Citroen", "C3"), ("Mini", "Cooper")]
COLOURS = ["Silver", "Blue", "Black", "White", "Red", "Grey", "Green"]
FWD_PLACES = [("Flat 4, 19 Marine Parade", "Aberaeron", "SA46 0BN"), ("32 Heol Awst", "Caerfyrddin", "SA31 1EQ"),
              ("7 Alexandra Road", "Swindon", "SN1 2DU"), ("118 Whitchurch Road", "Cardiff", "CF14 3LY"),
              ("2 Brook Cottages", "Ludlow", "SY8 1RT"), ("45 Mill Lane", "Bristol", "BS5 6JX"),
              ("Flat 12, Plas y Môr", "Aberystwyth", "SY23 2JH"), ("9 Orchard Close", "Hereford", "HR2 7NP"),
              ("15 Stryd y Bont", "Caernarfon", "LL55 1AB"), ("61 Park View", "Chester", "CH2 3PX")]
_fwd_i = [0]


def fwd_place():
    r = FWD_PLACES[_fwd_i[0] % len(FWD_PLACES)]
    _fwd_i[0] += 1
    return r


def title_for(g):
    return rng.choice(["Mrs", "Ms", "Miss", "Dr", ""]) if g == "F" else rng.choice(["Mr", "Mr", "Dr", ""])


# ----------------------------------------------------------------- scenarios
FORMS = []  # page data dicts

SPD_PLAN = [("A", "clean"), ("A", "clean"), ("A", "clean"), ("A", "clean"), ("A", "ACCOUNT_NOT_FOUND"), ("A", "DATE_TOO_OLD"),
            ("B", "clean"), ("B", "clean"), ("B", "clean"), ("B", "NAME_MISMATCH"), ("B", "OTHER_ADULTS_REGISTERED"),
            ("B", "INCONSISTENT_DATES"),
            ("C", "clean"), ("C", "clean"), ("C", "clean"), ("C", "DISCOUNT_ALREADY_APPLIED"),
            ("C", "MISSING_FIELD:declaration_date")]

CHANGE_TEXTS = [
    "My husband moved out and we have separated.",
    "My partner has moved out to live in {town}.",
    "My son has left home to live with his girlfriend.",
    "My lodger left and I now live alone.",
    "My daughter moved away for work.",
    "My wife passed away.",
]


def build_spd(layout, kind, i):
    p = pick_prop()
    a_first, a_sur, g = new_name()
    partner = rng.random() < 0.6
    o_first, o_sur, og = new_name("M" if g == "F" else "F", a_sur if partner else None) if partner else new_name()
    A, O = f"{a_first} {a_sur}", f"{o_first} {o_sur}"
    variant = i % 5
    since = rand_between(date(2026, 1, 10), date(2026, 11, 20))
    if kind == "clean" and variant == 4:
        since = date(2025, 12, 18)  # inside the 365-day limit
    liable, electors, discounts = [A, O] if partner else [A], [A], ""
    name_other = True
    if variant in (0, 1) or kind == "OTHER_ADULTS_REGISTERED":
        electors.append(O)  # the adult who left is still on the register: allowed
    if variant == 3 and kind == "clean":
        name_other = False  # lodger not named
        liable, electors = [A], [A]
        discounts = "DIS" if rng.random() < 0.5 else ""
    reasons = []
    acct_written_ref = None
    if kind == "ACCOUNT_NOT_FOUND":
        acct_written_ref = missing_ref()
        reasons = ["ACCOUNT_NOT_FOUND"]
    elif kind == "NAME_MISMATCH":
        liable = [O]
        electors = [A, O]
        name_other = True
        reasons = ["NAME_MISMATCH"]
    elif kind == "DISCOUNT_ALREADY_APPLIED":
        liable, electors, discounts = [A], [A], "SPD"
        reasons = ["DISCOUNT_ALREADY_APPLIED"]
    elif kind == "OTHER_ADULTS_REGISTERED":
        x_first, x_sur, _ = new_name(None, a_sur)
        electors.append(f"{x_first} {x_sur}")
        reasons = ["OTHER_ADULTS_REGISTERED"]
    elif kind == "DATE_TOO_OLD":
        since = date(2025, rng.choice([6, 7, 8, 9]), rng.randint(1, 28))
        reasons = ["DATE_TOO_OLD"]
    elif kind == "INCONSISTENT_DATES":
        reasons = ["INCONSISTENT_DATES"]
    elif kind.startswith("MISSING_FIELD"):
        reasons = [kind]
    ref = add_account(p["uprn"], liable, discounts=discounts,
                      start=date(rng.randint(2009, 2023), rng.randint(1, 12), rng.randint(1, 28)))
    for e in electors:
        add_elector(e, p["uprn"])
    decl = rand_between(since + timedelta(days=3), AS_OF - timedelta(days=2)) if since < AS_OF - timedelta(days=6) \
        else AS_OF - timedelta(days=2)
    decl = min(decl, AS_OF - timedelta(days=1))
    if decl < date(2026, 10, 1):
        decl = rand_between(date(2026, 10, 1), AS_OF - timedelta(days=1))
    title = title_for(g) if rng.random() < 0.6 else ""
    d = dict(ftype="council_tax_spd", layout=layout, kind=kind, reasons=reasons,
             title=title, first=a_first, surname=a_sur, gender=g,
             acct=acct_written_ref or ref, acct_w=written_ref(acct_written_ref or ref, layout),
             addr=addr_lines(p), pc=p["pc"], pc_w=written_pc(p["pc"]), since=since,
             other_name=O if name_other else "", decl=decl if not kind.startswith("MISSING_FIELD:declaration") else None,
             phone=phone() if rng.random() < 0.8 else "", email="", fwd="", change="")
    if rng.random() < 0.6:
        d["email"] = email_for(a_first, a_sur)
    if name_other and rng.random() < 0.65:
        f = fwd_place()
        d["fwd"] = f"{f[0]}, {f[1]} {f[2]}"
    if kind == "INCONSISTENT_DATES":
        moved = since - timedelta(days=rng.choice([5, 7, 9, 14]))
        rel = "husband" if partner and g == "F" else ("wife" if partner else "housemate")
        d["change"] = (f"My {rel} {o_first} moved out on {fmt_date(moved, 'long')} and "
                       f"is now living in {rng.choice(['Cardiff', 'Swansea', 'Carmarthen'])}.")
    elif variant == 2:
        d["change"] = f"{o_first} moved out on {fmt_date(since, 'long')}. We have separated."
    elif variant == 3 and kind == "clean":
        d["change"] = "My lodger left and I now live on my own."
    elif rng.random() < 0.6:
        t = rng.choice(CHANGE_TEXTS[:3] + CHANGE_TEXTS[4:5])
        if partner:
            t = (f"My {'husband' if g == 'F' else 'wife'} moved out and we have separated."
                 if rng.random() < 0.5 else f"My partner has moved out to live in {rng.choice(['Cardiff', 'Bristol', 'Llanelli'])}.")
        else:
            t = rng.choice(["My housemate has moved out and now has a flat of their own.",
                            "The other adult living here has moved away for work.",
                            "My lodger moved out at the end of the tenancy."])
        d["change"] = t
    d["sig"] = (a_first[0] + ". " + a_sur) if rng.random() < 0.5 else A
    FORMS.append(d)


MOVE_PLAN = [("A", "clean_out"), ("A", "clean_in"), ("A", "clean_out"), ("A", "PAIR"), ("A", "NAME_MISMATCH"),
             ("A", "PROPERTY_NOT_FOUND"),
             ("B", "clean_in"), ("B", "clean_out"), ("B", "clean_in"), ("B", "ADDRESS_MISMATCH"), ("B", "DATE_TOO_OLD"),
             ("D", "clean_out"), ("D", "clean_in"), ("D", "clean_in"), ("D", "clean_out"), ("D", "PAIR"),
             ("D", "DATE_IN_FUTURE")]
_pair_cache = {}


def build_move(layout, kind, i):
    if kind == "PAIR" and "pair" in _pair_cache:
        base = dict(_pair_cache["pair"])
        base["layout"] = layout
        base["decl"] = base["decl"] + timedelta(days=3)
        base["acct_w"] = base["acct"]
        base["prev_pc_w"] = base["prev_pc"]
        FORMS.append(base)
        return
    mtype = "in" if kind in ("clean_in", "PROPERTY_NOT_FOUND", "DATE_TOO_OLD") else "out"
    first, sur, g = new_name()
    A = f"{first} {sur}"
    reasons = []
    if kind in ("NAME_MISMATCH",):
        reasons = ["NAME_MISMATCH"]
    elif kind not in ("clean_in", "clean_out", "PAIR"):
        reasons = [kind]
    move_date = rand_between(date(2026, 9, 1), date(2026, 12, 4))
    if i % 4 == 1 and kind.startswith("clean"):
        move_date = AS_OF + timedelta(days=rng.randint(8, 24))  # near future, inside 28 days
    if kind == "DATE_IN_FUTURE":
        move_date = AS_OF + timedelta(days=rng.randint(45, 80))
    if kind == "DATE_TOO_OLD":
        move_date = date(2025, rng.choice([8, 9, 10]), rng.randint(1, 28))
    d = dict(ftype="council_tax_move", layout=layout, kind=kind, reasons=reasons, move_type=mtype,
             title=title_for(g) if rng.random() < 0.5 else "", first=first, surname=sur, gender=g,
             move_date=move_date, phone=phone() if rng.random() < 0.85 else "", email="",
             acct=None, acct_w="", prev=[], prev_pc="", prev_pc_w="", new=[], new_pc="", new_pc_w="")
    if rng.random() < 0.6:
        d["email"] = email_for(first, sur)
    if mtype == "out":
        p = pick_prop()
        liable = [A]
        if kind == "NAME_MISMATCH":
            lf, ls, _ = new_name(None, sur)
            liable = [f"{lf} {ls}"]
            add_elector(f"{lf} {ls}", p["uprn"])
        else:
            add_elector(A, p["uprn"])
        ref = add_account(p["uprn"], liable)
        d["acct"], d["acct_w"] = ref, written_ref(ref, layout)
        if kind == "ADDRESS_MISMATCH":
            # writes a neighbouring number that is not the billed property
            nums = {q["num"] for q in PROPS if q["street"] == p["street"]}
            wrong = next(n for n in (p["num"] + 2, p["num"] - 2, p["num"] + 4, p["num"] + 1) if n > 0 and n not in nums)
            d["prev"] = [f"{wrong} {p['street']}"] + addr_lines(p)[1:]
        else:
            d["prev"] = addr_lines(p)
        d["prev_pc"] = p["pc"]
        d["prev_pc_w"] = written_pc(p["pc"])
        if rng.random() < 0.85 or kind == "PAIR":
            f = fwd_place()
            d["new"] = [f[0], f[1]]
            d["new_pc"] = f[2]
            d["new_pc_w"] = f[2]
    else:
        if kind == "PROPERTY_NOT_FOUND":
            n = rng.randint(2, 14)
            d["new"] = [f"{n} Clos y Gwehydd", "Cwm Tawel"]
            d["new_pc"] = "DT5 3WQ"
        else:
            p = pick_prop()
            prev_names = [" ".join(new_name()[:2])]
            st = date(rng.randint(2012, 2020), rng.randint(1, 12), rng.randint(1, 28))
            en = move_date - timedelta(days=rng.randint(10, 90))
            add_account(p["uprn"], prev_names, status="closed", start=st, end=en)
            d["new"] = addr_lines(p)
            d["new_pc"] = p["pc"]
        d["new_pc_w"] = written_pc(d["new_pc"])
    if move_date >= AS_OF - timedelta(days=1):
        decl = AS_OF - timedelta(days=rng.randint(1, 10))
    else:
        decl = min(AS_OF - timedelta(days=rng.randint(1, 6)), move_date + timedelta(days=rng.randint(0, 25)))
    if kind == "PAIR":
        decl = min(decl, AS_OF - timedelta(days=5))
    if kind == "DATE_TOO_OLD":
        decl = AS_OF - timedelta(days=rng.randint(3, 12))
    d["decl"] = decl
    d["sig"] = first[0] + " " + sur if rng.random() < 0.5 else A
    if kind == "PAIR":
        d["acct_w"] = d["acct"]
        _pair_cache["pair"] = dict(d)
    FORMS.append(d)


PARK_PLAN = [("A", "clean"), ("A", "clean"), ("A", "clean"), ("A", "clean"), ("A", "PROPERTY_NOT_FOUND"),
             ("A", "MISSING_FIELD:zone"),
             ("C", "clean"), ("C", "clean"), ("C", "clean"), ("C", "NOT_IN_PERMIT_ZONE"), ("C", "NOT_RESIDENT"),
             ("C", "PERMIT_CAP_REACHED"),
             ("D", "clean"), ("D", "clean"), ("D", "clean"), ("D", "INVALID_FORMAT:vrm"), ("D", "VRM_HAS_PERMIT")]


def build_park(layout, kind, i):
    first, sur, g = new_name()
    A = f"{first} {sur}"
    reasons = [] if kind == "clean" else [kind]
    variant = i % 6
    start = rand_between(AS_OF - timedelta(days=6), AS_OF + timedelta(days=24))
    style = ["current", "current", "prefix", "current", "suffix", "current"][variant]
    vrm = new_vrm(style)
    if kind == "INVALID_FORMAT:vrm":
        vrm = "GX19 4RTA"
    make, model = rng.choice(CARS)
    if kind == "PROPERTY_NOT_FOUND":
        st = STREETS[0]
        used = {q["num"] for q in PROPS if q["street"] == st[0]}
        n = next(n for n in range(63, 90) if n not in used)
        addr = [f"{n} {st[0]}", st[2]]
        pc = f"{st[3]} {st[4]}" + next(q["pc"][-2:] for q in PROPS if q["street"] == st[0] and q["num"] > 30)
        zone_w = st[5]
    else:
        p = pick_prop(zoned=True)
        addr, pc, zone_w = addr_lines(p), p["pc"], p["zone"]
        liable = [A]
        if kind == "clean" and variant == 3:
            # applicant is an adult child on the register; parent is the bill payer
            pf, ps, _ = new_name(None, sur)
            liable = [f"{pf} {ps}"]
            add_elector(f"{pf} {ps}", p["uprn"])
            add_elector(A, p["uprn"])
        elif kind == "NOT_RESIDENT":
            of, osur, _ = new_name()
            liable = [f"{of} {osur}"]
            add_elector(f"{of} {osur}", p["uprn"])
            # applicant lives somewhere else in the county
            q = pick_prop(zoned=False)
            add_account(q["uprn"], [A])
            add_elector(A, q["uprn"])
        else:
            add_elector(A, p["uprn"])
        add_account(p["uprn"], liable)
        if kind == "NOT_IN_PERMIT_ZONE":
            zone_w = {"A": "B1", "B1": "B2", "B2": "B1", "C": "D", "D": "C"}[p["zone"]]
        if kind == "clean" and variant in (1, 5):
            add_permit(p["uprn"], new_vrm(), p["zone"], date(2026, 5, 1), date(2027, 4, 30))
        if kind == "clean" and variant == 2:
            add_permit(p["uprn"], vrm, p["zone"], date(2025, 12, 1), date(2026, 11, 30))  # expired renewal
        if kind == "PERMIT_CAP_REACHED":
            add_permit(p["uprn"], new_vrm(), p["zone"], date(2026, 2, 1), date(2027, 1, 31))
            add_permit(p["uprn"], new_vrm(), p["zone"], date(2026, 7, 15), date(2027, 7, 14))
        if kind == "VRM_HAS_PERMIT":
            q = pick_prop(zoned=True)
            add_account(q["uprn"], [" ".join(new_name()[:2])])
            add_permit(q["uprn"], vrm, q["zone"], date(2026, 4, 1), date(2027, 3, 31))
    if kind == "MISSING_FIELD:zone":
        zone_w = ""
    decl = min(AS_OF - timedelta(days=1), max(start - timedelta(days=rng.randint(2, 20)), AS_OF - timedelta(days=20)))
    d = dict(ftype="parking_permit", layout=layout, kind=kind, reasons=reasons,
             title=title_for(g) if rng.random() < 0.45 else "", first=first, surname=sur, gender=g,
             addr=addr, pc=pc, pc_w=written_pc(pc), vrm_w=vrm if rng.random() < 0.8 else vrm.lower(),
             make=make if rng.random() < 0.85 else "", model=model, colour=rng.choice(COLOURS),
             zone_w=zone_w, start=start, decl=decl, phone=phone() if rng.random() < 0.85 else "", email="")
    if rng.random() < 0.6:
        d["email"] = email_for(first, sur)
    if layout == "D":
        d["vrm_w"] = vrm.lower() if rng.random() < 0.4 else vrm.replace(" ", "")
    d["sig"] = first[0] + ". " + sur if rng.random() < 0.5 else A
    FORMS.append(d)


def build_corr():
    items = []

    def resident():
        p = pick_prop()
        f, s, g = new_name()
        ref = add_account(p["uprn"], [f"{f} {s}"])
        add_elector(f"{f} {s}", p["uprn"])
        return p, f, s, g, ref

    # 1 letter missed bin
    p, f, s, g, ref = resident()
    items.append(dict(kind="letter", topic="missed_bin", reasons=[], sender=f"{'Mrs' if g == 'F' else 'Mr'} {f} {s}",
                      addr=addr_lines(p), pc=p["pc"], sent=date(2026, 11, 26), greet="Annwyl Syr/Madam,",
                      close="Yn gywir / Yours faithfully,", account="",
                      paras=["I am writing to report that our black wheelie bin was not collected on Tuesday "
                             "24 November 2026, although every other house in the street was emptied.",
                             "This is the second time this has happened since the collection day changed. "
                             "Please could you arrange for the crew to come back for it as soon as possible, "
                             "as it is now full and the bags are piling up."],
                      dates=["2026-11-24"]))
    # 2 email missed recycling
    p, f, s, g, ref = resident()
    items.append(dict(kind="email", topic="missed_bin", reasons=[], sender=f"{f} {s}", email=email_for(f, s),
                      addr=addr_lines(p), pc=p["pc"], sent=datetime(2026, 11, 28, 8, 41),
                      subject="Casgliad ailgylchu wedi'i fethu / Missed recycling collection",
                      greet="Annwyl Syr/Madam,", close="Diolch,", account="",
                      paras=["The green recycling box and the food caddy at my address were missed on Friday "
                             "27/11/2026. The lorry collected from next door but not from us, and both were out "
                             "by 7am as usual.",
                             "Could someone come back for them please? The food caddy is starting to smell."],
                      dates=["2026-11-27"]))
    # 3 letter council tax query with account
    p, f, s, g, ref = resident()
    items.append(dict(kind="letter", topic="council_tax_query", reasons=[], sender=f"{f} {s}",
                      addr=addr_lines(p), pc=p["pc"], sent=date(2026, 11, 30), greet="Dear Sir or Madam,",
                      close="Yours faithfully,", account=ref,
                      subject=f"Council Tax account number {ref[:4]} {ref[4:]}",
                      paras=["I have received my Council Tax bill dated 2 November 2026 and I do not understand "
                             "why the amount has gone up part way through the year.",
                             f"My property is in band {p['band']} and nothing has changed in the household. "
                             "Please could you check my account and write to me to explain the new amount and "
                             "what my instalments will be."],
                      dates=["2026-11-02"]))
    # 4 email council tax query, account only, no postal address
    p, f, s, g, ref = resident()
    items.append(dict(kind="email", topic="council_tax_query", reasons=[], sender=f"{f} {s}", email=email_for(f, s),
                      addr=[], pc="", sent=datetime(2026, 12, 2, 19, 5), account=ref,
                      subject="Council tax instalments", greet="Hello,", close="Kind regards,",
                      paras=[f"My Council Tax reference is CT{ref}.",
                             "I would like to change my Council Tax payments from 10 monthly instalments to 12 "
                             "monthly instalments from next April, and pay by direct debit on the 15th of each "
                             "month. Can you tell me what I need to do?"],
                      dates=[]))
    # 5 letter complaint
    p, f, s, g, ref = resident()
    items.append(dict(kind="letter", topic="complaint", reasons=[], sender=f"{'Ms' if g == 'F' else 'Mr'} {f} {s}",
                      addr=addr_lines(p), pc=p["pc"], sent=date(2026, 11, 20), greet="Annwyl Syr/Madam,",
                      close="Yn gywir / Yours faithfully,", account="", subject="Formal complaint",
                      paras=["I wish to make a formal complaint about the way I was treated at the customer "
                             "service centre in Abertawel on 16 November 2026.",
                             "I waited for over an hour, and when I was seen the member of staff was rude to me "
                             "and refused to give me their name. I would like a written response explaining what "
                             "the council will do about this."],
                      dates=["2026-11-16"]))
    # 6 email FOI
    p, f, s, g, ref = resident()
    items.append(dict(kind="email", topic="foi_request", reasons=[], sender=f"{f} {s}", email=email_for(f, s),
                      addr=addr_lines(p), pc=p["pc"], sent=datetime(2026, 12, 1, 11, 17), account="",
                      subject="Cais Rhyddid Gwybodaeth / Freedom of Information request",
                      greet="Annwyl Swyddog Rhyddid Gwybodaeth / Dear FOI Officer,", close="Yours sincerely,",
                      paras=["Under the Freedom of Information Act 2000, please provide the following information:",
                             "1. The number of residents' parking permits issued in each permit zone between "
                             "1 April 2025 and 31 March 2026.",
                             "2. The income the council received from residents' parking permits in the same period.",
                             "I would prefer to receive the information by email."],
                      dates=["2025-04-01", "2026-03-31"]))
    # 7 email complaint, name only (sender unknown)
    f, s, g = new_name()
    items.append(dict(kind="email", topic="complaint", reasons=["SENDER_UNKNOWN"], sender=f"{f} {s}",
                      email=email_for(f, s), addr=[], pc="", sent=datetime(2026, 12, 3, 7, 2), account="",
                      subject="Complaint - roadworks noise", greet="To whom it may concern,", close="Regards,",
                      paras=["I want to make a complaint about the noise from the council roadworks outside the "
                             "leisure centre in Pont-y-Felin. The machines have been starting at 6am every "
                             "morning this week, and nobody told residents this would happen.",
                             "Please can someone explain why work is allowed to start so early."],
                      dates=[]))
    # 8 anonymous letter complaint
    items.append(dict(kind="letter", topic="complaint", reasons=["SENDER_UNKNOWN"], sender="", addr=[], pc="",
                      sent=None, greet="Dear Council,", close="A concerned resident", account="",
                      subject="Complaint about the public toilets",
                      paras=["I am writing to complain about the state of the public toilets at Parc Glanyrafon. "
                             "They have been locked for three weeks with no notice and no explanation, and "
                             "families with small children have nowhere to go.",
                             "This is not acceptable and I expect the council to reopen them."],
                      dates=[]))
    # 9 letter council tax query with an unknown account ref
    p, f, s, g, ref = resident()
    bad = missing_ref()
    items.append(dict(kind="letter", topic="council_tax_query", reasons=["ACCOUNT_NOT_FOUND"], sender=f"{f} {s}",
                      addr=addr_lines(p), pc=p["pc"], sent=date(2026, 12, 1), greet="Dear Sir/Madam,",
                      close="Yours faithfully,", account=bad, subject=f"Account no. {bad}",
                      paras=[f"I am writing about my Council Tax, account no. {bad}. Two payments of the same "
                             "amount were taken from my bank account on 1 December 2026 instead of one.",
                             "Please refund the extra payment and confirm the balance on my account."],
                      dates=["2026-12-01"]))
    for it in items:
        it["ftype"] = "correspondence"
        it["layout"] = "E"
        FORMS.append(it)


for i, (lay, k) in enumerate(SPD_PLAN):
    build_spd(lay, k, i)
for i, (lay, k) in enumerate(MOVE_PLAN):
    build_move(lay, k, i)
for i, (lay, k) in enumerate(PARK_PLAN):
    build_park(lay, k, i)
build_corr()

# fill the rest of the gazetteer with ordinary households
for p in PROPS:
    if p["reserved"]:
        continue
    r = rng.random()
    if r < 0.08:  # empty, last account closed
        add_account(p["uprn"], [" ".join(new_name()[:2])], status="closed",
                    start=date(2015, 4, 1), end=date(2026, rng.randint(1, 11), rng.randint(1, 28)))
        continue
    f1, s1, g1 = new_name()
    liable = [f"{f1} {s1}"]
    if rng.random() < 0.55:
        f2, s2, _ = new_name("M" if g1 == "F" else "F", s1 if rng.random() < 0.7 else None)
        liable.append(f"{f2} {s2}")
    if rng.random() < 0.3:  # previous occupier
        st = date(rng.randint(2005, 2012), 4, 1)
        add_account(p["uprn"], [" ".join(new_name()[:2])], status="closed", start=st,
                    end=date(2013, rng.randint(1, 12), 20))
        start = date(2013, 12, 1) + timedelta(days=rng.randint(0, 3000))
    else:
        start = None
    disc = "SPD" if len(liable) == 1 and rng.random() < 0.6 else ""
    add_account(p["uprn"], liable, start=start, discounts=disc)
    for n in liable:
        add_elector(n, p["uprn"])
    if rng.random() < 0.2:
        cf, cs, _ = new_name(None, s1)
        add_elector(f"{cf} {cs}", p["uprn"])
    if p["zone"] and rng.random() < 0.45:
        add_permit(p["uprn"], new_vrm(), p["zone"], date(2026, rng.randint(1, 11), 1),
                   date(2027, rng.randint(1, 10), 28))
    elif p["zone"] and rng.random() < 0.2:
        add_permit(p["uprn"], new_vrm(), p["zone"], date(2025, 3, 1), date(2026, 2, 28))

# ----------------------------------------------------------------- drawing helpers
INK_A = colors.Color(0.05, 0.12, 0.6)
INK_B = colors.Color(0.12, 0.12, 0.32)
GREEN = colors.Color(0.0, 0.36, 0.27)
LGREEN = colors.Color(0.86, 0.93, 0.89)
RED = colors.Color(0.62, 0.08, 0.12)
LGREY = colors.Color(0.93, 0.93, 0.93)


def fit(s, font, size, maxw):
    while size > 6 and pdfmetrics.stringWidth(s, font, size) > maxw:
        size -= 0.5
    return size


def T(c, x, y, s, font="Sans", size=9, color=colors.black, align="l"):
    c.setFont(font, size)
    c.setFillColor(color)
    if align == "r":
        c.drawRightString(x, y, s)
    elif align == "c":
        c.drawCentredString(x, y, s)
    else:
        c.drawString(x, y, s)
    c.setFillColor(colors.black)


def para(c, x, ytop, w, html, font="Sans", size=8.5, lead=None, color=colors.black):
    st = ParagraphStyle("p", fontName=font, fontSize=size, leading=lead or size * 1.25, textColor=color)
    pr = Paragraph(html, st)
    _, h = pr.wrap(w, 1000)
    pr.drawOn(c, x, ytop - h)
    return h


def box(c, x, y, w, h, lw=0.8, stroke=colors.black, fill=None):
    c.setLineWidth(lw)
    c.setStrokeColor(stroke)
    if fill is not None:
        c.setFillColor(fill)
        c.rect(x, y, w, h, stroke=1, fill=1)
        c.setFillColor(colors.black)
    else:
        c.rect(x, y, w, h, stroke=1, fill=0)
    c.setStrokeColor(colors.black)


def tick(c, x, y, s, on, font="Mono-B", ink=INK_A):
    box(c, x, y, s, s)
    if on:
        T(c, x + s * 0.2, y + s * 0.2, "X", font, s * 0.8, ink)


def applicant(d):
    return " ".join(x for x in (d.get("title"), d.get("first"), d.get("surname")) if x)


def new_canvas(path, title):
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    c.setTitle(title)
    c.setAuthor("Cyngor Sir Dyffryn Tawel")
    return c


# ----------------------------------------------------------------- layout A
# Paper form: bilingual label cell on the left (Welsh bold over English), answer boxes on the right,
# comb boxes for the account number, Dydd/Mis/Blwyddyn date boxes, Datganiad, office use box.
class FlowA:
    def __init__(self, c, code):
        self.c, self.code, self.page, self.y = c, code, 1, 0

    def footer(self):
        c = self.c
        c.setLineWidth(0.5)
        c.line(40, 52, 555, 52)
        T(c, 40, 40, self.code, "Sans", 7)
        T(c, W / 2, 40, "Dychwelwch i / Return to: Treth y Cyngor, Neuadd y Sir, Heol y Castell, Abertawel DT1 2AJ",
          "Sans", 7, align="c")
        T(c, 555, 40, f"Tudalen {self.page} / Page {self.page}", "Sans", 7, align="r")

    def need(self, h):
        if self.y - h < 64:
            self.footer()
            self.c.showPage()
            self.page += 1
            self.y = H - 50
            T(self.c, 40, self.y + 10, "Cyngor Sir Dyffryn Tawel / Dyffryn Tawel County Council  -  " + self.code,
              "Sans", 7, colors.grey)
            self.y -= 6


LX, BX, BW = 40, 258, 297  # label x, box x, box width


def a_label(c, y, cy, en):
    return para(c, LX, y, BX - LX - 10, f"<b>{escape(cy)}</b><br/>{escape(en)}", "Sans", 8.6)


def a_row(fl, cy, en, ans, h=22):
    c = fl.c
    lh = para_height(cy, en)
    rh = max(lh, h) + 6
    fl.need(rh)
    a_label(c, fl.y, cy, en)
    box(c, BX, fl.y - h, BW, h)
    if ans:
        T(c, BX + 6, fl.y - h + (h - 10) / 2 + 2, ans, "Mono", fit(ans, "Mono", 10.5, BW - 12), INK_A)
    fl.y -= rh


def para_height(cy, en, w=BX - LX - 10):
    st = ParagraphStyle("p", fontName="Sans", fontSize=8.6, leading=8.6 * 1.25)
    return Paragraph(f"<b>{escape(cy)}</b><br/>{escape(en)}", st).wrap(w, 1000)[1]


def a_multi(fl, cy, en, lines, n=3):
    c = fl.c
    assert len(lines) <= n, lines
    h = 18 * n
    fl.need(h + 6)
    a_label(c, fl.y, cy, en)
    box(c, BX, fl.y - h, BW, h)
    c.setLineWidth(0.3)
    c.setStrokeColor(colors.grey)
    for k in range(1, n):
        c.line(BX + 4, fl.y - 18 * k, BX + BW - 4, fl.y - 18 * k)
    c.setStrokeColor(colors.black)
    for k, ln in enumerate(lines[:n]):
        T(c, BX + 6, fl.y - 18 * k - 13, ln, "Mono", fit(ln, "Mono", 10.5, BW - 12), INK_A)
    fl.y -= h + 6


def a_comb(fl, cy, en, chars, n=8):
    c = fl.c
    fl.need(30)
    a_label(c, fl.y, cy, en)
    for k in range(n):
        box(c, BX + k * 21, fl.y - 22, 21, 22)
        if k < len(chars):
            T(c, BX + k * 21 + 6, fl.y - 16, chars[k], "Mono", 11, INK_A)
    fl.y -= 30


def a_dmy(fl, cy, en, d):
    c = fl.c
    fl.need(44)
    a_label(c, fl.y - 10, cy, en)
    parts = [("Dydd / Day", 2, f"{d.day:02d}" if d else ""), ("Mis / Month", 2, f"{d.month:02d}" if d else ""),
             ("Blwyddyn / Year", 4, f"{d.year}" if d else "")]
    x = BX
    for cap, n, val in parts:
        T(c, x, fl.y - 7, cap, "Sans", 6.8, colors.Color(0.3, 0.3, 0.3))
        for k in range(n):
            box(c, x + k * 19, fl.y - 32, 19, 22)
            if k < len(val):
                T(c, x + k * 19 + 5, fl.y - 26, val[k], "Mono", 11, INK_A)
        x += n * 19 + 22
    fl.y -= 42


def a_yesno(fl, cy, en, opts, sel):
    c = fl.c
    lh = para_height(cy, en)
    fl.need(max(lh, 18) + 8)
    a_label(c, fl.y, cy, en)
    x = BX
    for k, (ocy, oen) in enumerate(opts):
        tick(c, x, fl.y - 14, 13, k == sel)
        T(c, x + 18, fl.y - 11, f"{ocy} / {oen}", "Sans", 8.6)
        x += 130
    fl.y -= max(lh, 18) + 8


def a_section(fl, cy, en):
    fl.need(40)
    c = fl.c
    fl.y -= 4
    box(c, LX, fl.y - 16, 515, 16, 0, LGREEN, LGREEN)
    T(c, LX + 6, fl.y - 12, f"{cy}   |   {en}", "Sans-B", 9.5, GREEN)
    fl.y -= 24


def a_header(c, cy, en, fl):
    box(c, 0, H - 10, W, 10, 0, GREEN, GREEN)
    T(c, 40, H - 48, "Cyngor Sir Dyffryn Tawel", "Sans-B", 15, GREEN)
    T(c, 40, H - 63, "Dyffryn Tawel County Council", "Sans", 11, GREEN)
    for k, s in enumerate(["Gwasanaethau Refeniw / Revenue Services", "Neuadd y Sir, Heol y Castell",
                           "Abertawel DT1 2AJ", "01632 960000  |  www.dyffryntawel.gov.uk"]):
        T(c, 555, H - 36 - k * 10, s, "Sans", 7.5, align="r")
    box(c, 40, H - 112, 515, 36, 0, GREEN, GREEN)
    T(c, 50, H - 92, cy, "Sans-B", 12.5, colors.white)
    T(c, 50, H - 106, en, "Sans", 10.5, colors.white)
    fl.y = H - 122


def a_guidance(fl, cy, en):
    c = fl.c
    w = 505
    st = ParagraphStyle("g", fontName="Sans", fontSize=7.8, leading=9.6)
    html = f"<b>Nodiadau / Notes:</b> {escape(cy)}<br/><i>{escape(en)}</i>"
    h = Paragraph(html, st).wrap(w, 1000)[1]
    box(c, LX, fl.y - h - 8, 515, h + 8, 0.5, colors.grey, LGREY)
    para(c, LX + 5, fl.y - 4, w, html, "Sans", 7.8, 9.6)
    fl.y -= h + 16


def a_declaration(fl, d, extra_cy, extra_en, num=4):
    fl.need(150)
    a_section(fl, f"Adran {num} - Datganiad", f"Section {num} - Declaration")
    c = fl.c
    html = (f"<b>{escape('Rwy’n datgan bod y wybodaeth a roddais ar y ffurflen hon yn gywir ac yn gyflawn. ' + extra_cy)}</b>"
            f"<br/>{escape('I declare that the information I have given on this form is correct and complete. ' + extra_en)}")
    st = ParagraphStyle("d", fontName="Sans", fontSize=8.3, leading=10.3)
    h = Paragraph(html, st).wrap(515, 1000)[1]
    fl.need(h + 80)
    para(c, LX, fl.y, 515, html, "Sans", 8.3, 10.3)
    fl.y -= h + 8
    lh = para_height("Llofnod", "Signature")
    a_label(c, fl.y, "Llofnod", "Signature")
    box(c, BX, fl.y - 28, BW, 28)
    T(c, BX + 10, fl.y - 20, d["sig"], SIGFONT, 17, INK_A)
    fl.y -= 34
    a_row(fl, "Dyddiad", "Date", fmt_date(d["decl"], d["decl_style"]) if d["decl"] else "")


def a_office(fl, items):
    c = fl.c
    fl.need(62)
    fl.y -= 6
    box(c, 305, fl.y - 52, 250, 52, 1.2)
    T(c, 312, fl.y - 11, "AT DDEFNYDD Y SWYDDFA YN UNIG / FOR OFFICE USE ONLY", "Sans-B", 7)
    for k, it in enumerate(items):
        T(c, 312 + (k % 2) * 122, fl.y - 26 - (k // 2) * 14, it + ": ________", "Sans", 7)
    fl.y -= 60


def render_A(d, path):
    ft = d["ftype"]
    code = {"council_tax_spd": "DT/TC/GPS1 (04/26)  SPD1", "council_tax_move": "DT/TC/SYM2 (01/26)  CTM2",
            "parking_permit": "DT/PRK/TP1 (09/25)  RPP1"}[ft]
    c = new_canvas(path, code)
    fl = FlowA(c, code)
    if ft == "council_tax_spd":
        a_header(c, "Treth y Cyngor - Cais am Ostyngiad Person Sengl", "Council Tax - Single Person Discount application", fl)
        a_guidance(fl, "Llenwch y ffurflen hon mewn PRIFLYTHRENNAU gydag inc du. Cewch ostyngiad o 25% os mai chi yw’r unig "
                       "oedolyn (18 oed neu drosodd) sy’n byw yn yr eiddo fel eich prif gartref.",
                   "Please complete this form in BLOCK CAPITALS using black ink. You can get a 25% discount if you are the "
                   "only adult (aged 18 or over) living in the property as your main home.")
        a_section(fl, "Adran 1 - Eich manylion", "Section 1 - Your details")
        a_comb(fl, "Rhif cyfrif Treth y Cyngor", "Council Tax account number", "".join(ch for ch in d["acct"]))
        a_row(fl, "Enw llawn yr ymgeisydd", "Full name of applicant", applicant(d))
        a_multi(fl, "Cyfeiriad yr eiddo", "Address of the property", d["addr"])
        a_row(fl, "Cod post", "Postcode", d["pc_w"])
        a_row(fl, "Rhif ffôn yn ystod y dydd", "Daytime telephone number", d["phone"])
        a_row(fl, "Cyfeiriad e-bost", "Email address", d["email"])
        a_section(fl, "Adran 2 - Yr oedolion yn yr eiddo", "Section 2 - Adults at the property")
        a_yesno(fl, "Ai chi yw’r unig oedolyn sy’n byw yn yr eiddo?", "Are you the only adult living at the property?",
                [("Ydw", "Yes"), ("Nac ydw", "No")], 0)
        a_dmy(fl, "O ba ddyddiad mai chi oedd yr unig oedolyn?", "From what date have you been the only adult?", d["since"])
        a_section(fl, "Adran 3 - Yr oedolyn a symudodd allan", "Section 3 - The adult who moved out")
        a_row(fl, "Enw’r oedolyn a adawodd", "Name of the adult who left", d["other_name"])
        a_row(fl, "Ei gyfeiriad newydd (os yw’n hysbys)", "Their forwarding address (if known)", d["fwd"])
        a_multi(fl, "Dywedwch wrthym beth sydd wedi newid", "Tell us what changed", wrap_text(d["change"], 42), 3)
        a_declaration(fl, d, "Byddaf yn rhoi gwybod i’r Cyngor o fewn 21 diwrnod os bydd oedolyn arall yn symud i mewn.",
                      "I will tell the Council within 21 days if another adult moves in.")
        a_office(fl, ["Derbyniwyd / Recd", "Cyf. / Ref", "Gwiriwyd / Chkd", "GPS o / SPD from"])
    elif ft == "council_tax_move":
        a_header(c, "Treth y Cyngor - Rhoi gwybod i ni eich bod yn symud tŷ", "Council Tax - Tell us you are moving home", fl)
        a_guidance(fl, "Defnyddiwch y ffurflen hon os ydych yn symud i mewn i eiddo yn Nyffryn Tawel neu’n symud allan ohono. "
                       "Llenwch Adran 2 os ydych yn symud allan, ac Adran 3 gyda’ch cyfeiriad newydd.",
                   "Use this form if you are moving into or out of a property in Dyffryn Tawel. Fill in Section 2 if you "
                   "are moving out, and Section 3 with your new (or forwarding) address.")
        a_section(fl, "Adran 1 - Amdanoch chi", "Section 1 - About you")
        a_yesno(fl, "Ydych chi’n symud i mewn neu allan?", "Are you moving in or out?",
                [("Symud i mewn", "Moving in"), ("Symud allan", "Moving out")], 0 if d["move_type"] == "in" else 1)
        a_row(fl, "Enw(au) llawn", "Full name(s)", applicant(d))
        a_comb(fl, "Rhif cyfrif (os yw’n hysbys)", "Account number (if known)", d["acct"] or "")
        a_row(fl, "Rhif ffôn", "Telephone", d["phone"])
        a_row(fl, "E-bost", "Email", d["email"])
        a_section(fl, "Adran 2 - Yr eiddo rydych yn ei adael", "Section 2 - The property you are leaving")
        a_multi(fl, "Cyfeiriad", "Address", d["prev"])
        a_row(fl, "Cod post", "Postcode", d["prev_pc_w"])
        a_section(fl, "Adran 3 - Eich cyfeiriad newydd", "Section 3 - Your new / forwarding address")
        a_multi(fl, "Cyfeiriad", "Address", d["new"])
        a_row(fl, "Cod post", "Postcode", d["new_pc_w"])
        a_dmy(fl, "Dyddiad symud", "Date of move", d["move_date"])
        a_declaration(fl, d, "", "")
        a_office(fl, ["Derbyniwyd / Recd", "Cyf. / Ref", "Cyfrif newydd / New a/c", "Bil terfynol / Final bill"])
    else:
        a_header(c, "Cais am Drwydded Parcio i Breswylwyr", "Residents’ Parking Permit application", fl)
        a_guidance(fl, "Dim ond preswylwyr strydoedd mewn parth parcio i breswylwyr sy’n gallu gwneud cais. Uchafswm o ddwy "
                       "drwydded i bob eiddo. Rhaid i chi amgáu copi o’r llyfr log (V5C).",
                   "Only residents of streets in a residents’ parking zone may apply. A maximum of two permits per "
                   "property. You must enclose a copy of the vehicle log book (V5C).")
        a_section(fl, "Adran 1 - Manylion yr ymgeisydd", "Section 1 - Applicant details")
        a_row(fl, "Enw llawn", "Full name", applicant(d))
        a_multi(fl, "Cyfeiriad", "Address", d["addr"])
        a_row(fl, "Cod post", "Postcode", d["pc_w"])
        a_row(fl, "Rhif ffôn", "Telephone number", d["phone"])
        a_row(fl, "E-bost", "Email", d["email"])
        a_section(fl, "Adran 2 - Y drwydded a’r cerbyd", "Section 2 - Permit and vehicle")
        a_row(fl, "Parth trwydded (ar yr arwydd stryd)", "Permit zone (as shown on the street sign)", d["zone_w"])
        a_row(fl, "Rhif cofrestru’r cerbyd", "Vehicle registration number", d["vrm_w"].upper())
        a_row(fl, "Gwneuthurwr", "Make", d["make"])
        a_row(fl, "Model", "Model", d["model"])
        a_row(fl, "Lliw", "Colour", d["colour"])
        a_yesno(fl, "A yw’r cerbyd wedi’i gofrestru i chi yn y cyfeiriad hwn?",
                "Is the vehicle registered to you at this address?", [("Ydy", "Yes"), ("Nac ydy", "No")], 0)
        a_dmy(fl, "Dyddiad dechrau’r drwydded", "Permit start date", d["start"])
        a_declaration(fl, d, "Byddaf yn dychwelyd y drwydded os byddaf yn symud neu’n gwerthu’r cerbyd.",
                      "I will return the permit if I move house or sell the vehicle.", 3)
        a_office(fl, ["Derbyniwyd / Recd", "Rhif trwydded / Permit no", "V5C gwelwyd / seen", "Talwyd / Paid"])
    fl.footer()
    c.save()


def wrap_text(s, n):
    words, lines, cur = s.split(), [], ""
    for w_ in words:
        if len(cur) + len(w_) + 1 > n and cur:
            lines.append(cur)
            cur = w_
        else:
            cur = (cur + " " + w_).strip()
    if cur:
        lines.append(cur)
    return lines


# ----------------------------------------------------------------- layout B
# Labels above the boxes; 'Welsh / English' on one line, Welsh bold and English italic (serif);
# name split into Title / First name(s) / Surname; dates written out in words or with slashes.
def b_label(c, x, y, cy, en, size=8.8):
    c.setFont("Serif-B", size)
    c.drawString(x, y, cy)
    wcy = pdfmetrics.stringWidth(cy, "Serif-B", size)
    c.setFont("Serif", size)
    c.drawString(x + wcy, y, " / ")
    w2 = pdfmetrics.stringWidth(" / ", "Serif", size)
    c.setFont("Serif-I", size)
    c.drawString(x + wcy + w2, y, en)


def b_field(c, x, y, w, cy, en, ans, h=19):
    """y is the top of the label; returns the consumed height."""
    b_label(c, x, y - 9, cy, en)
    box(c, x, y - 13 - h, w, h, 0.7, colors.Color(0.35, 0.35, 0.35))
    if ans:
        T(c, x + 5, y - 13 - h + 6, ans, "Sans", fit(ans, "Sans", 10, w - 10), INK_B)
    return h + 19


def b_checks(c, x, y, opts, sel, step=150):
    for k, o in enumerate(opts):
        tick(c, x, y - 11, 11, k == sel, "Sans-B", INK_B)
        b_label(c, x + 15, y - 9, o[0], o[1], 8.6)
        x += step


def b_section(c, y, num, cy, en):
    c.setFillColor(colors.Color(0.55, 0.08, 0.12))
    c.rect(40, y - 17, 515, 17, stroke=0, fill=1)
    T(c, 46, y - 12, f"{num}.  {cy}  /  {en}", "Serif-B", 10, colors.white)
    return 24


def b_header(c, cy, en):
    T(c, W / 2, H - 42, "CYNGOR SIR DYFFRYN TAWEL", "Serif-B", 14, align="c")
    T(c, W / 2, H - 57, "DYFFRYN TAWEL COUNTY COUNCIL", "Serif", 11, align="c")
    c.setLineWidth(1.5)
    c.line(40, H - 66, 555, H - 66)
    T(c, W / 2, H - 84, cy, "Serif-B", 12.5, align="c")
    T(c, W / 2, H - 99, en, "Serif-I", 11.5, align="c")
    c.setLineWidth(0.5)
    c.line(40, H - 107, 555, H - 107)
    return H - 113


def b_footer(c, code, page, of):
    T(c, 40, 30, code, "Serif", 7)
    T(c, W / 2, 30, "www.dyffryntawel.gov.uk/trethycyngor  |  www.dyffryntawel.gov.uk/counciltax", "Serif", 7, align="c")
    T(c, 555, 30, f"Tudalen {page} o {of} / Page {page} of {of}", "Serif", 7, align="r")


def b_name_rows(c, y, d):
    used = b_field(c, 40, y, 70, "Teitl", "Title", d["title"])
    b_field(c, 120, y, 210, "Enw(au) cyntaf", "First name(s)", d["first"])
    b_field(c, 340, y, 215, "Cyfenw", "Surname", d["surname"])
    return used


def b_address(c, y, cy, en, lines, pcw):
    b_label(c, 40, y - 9, cy, en)
    h = 17 * 3
    box(c, 40, y - 13 - h, 330, h, 0.7, colors.Color(0.35, 0.35, 0.35))
    for k, ln in enumerate(lines[:3]):
        T(c, 45, y - 13 - 12 - 17 * k, ln, "Sans", 10, INK_B)
    b_field(c, 385, y, 170, "Cod post", "Postcode", pcw)
    return h + 19


def b_office(c, y):
    box(c, 40, y - 40, 515, 40, 0.6, colors.grey, LGREY)
    T(c, 46, y - 12, "Swyddfa’n unig / Office only", "Serif-B", 8)
    T(c, 46, y - 30, "Dyddiad derbyn / Date received: ..............   Prosesydd / Processed by: ..............   "
                     "Nodyn ar y system / Noted on system: [  ]", "Serif", 7.5)


def render_B(d, path):
    ft = d["ftype"]
    ds = d["date_style"]
    code = "TC-GPS/B  v3.1" if ft == "council_tax_spd" else "TC-SYMUD/B  v2.4"
    c = new_canvas(path, code)
    if ft == "council_tax_spd":
        y = b_header(c, "Treth y Cyngor: Gostyngiad Person Sengl", "Council Tax: Single Person Discount")
        y -= para(c, 40, y, 515, "<b>Pwy all wneud cais?</b> Os mai chi yw’r unig oedolyn yn eich cartref, gallwch gael gostyngiad "
                  "o 25% ar eich bil. <i>Who can apply? If you are the only adult in your home, you can get a 25% "
                  "reduction on your bill.</i>", "Serif", 8.3) + 8
        y -= b_section(c, y, 1, "Eich manylion", "Your details")
        y -= b_field(c, 40, y, 200, "Cyfeirnod Treth y Cyngor", "Council Tax reference", d["acct_w"])
        y -= b_name_rows(c, y, d)
        y -= b_address(c, y, "Cyfeiriad", "Address", d["addr"], d["pc_w"]) + 2
        b_field(c, 40, y, 200, "Ffôn", "Phone", d["phone"])
        y -= b_field(c, 255, y, 300, "E-bost", "Email", d["email"])
        y -= 6
        y -= b_section(c, y, 2, "Pryd newidiodd pethau?", "When did things change?")
        b_label(c, 40, y - 9, "Ai chi yw’r unig berson 18 oed neu drosodd yn yr eiddo?", "Are you the only person aged 18 or over?")
        b_checks(c, 385, y, [("Ydw", "Yes"), ("Nac ydw", "No")], 0)
        y -= 20
        y -= b_field(c, 40, y, 250, "Y dyddiad y daethoch yn unig oedolyn", "Date you became the only adult",
                     fmt_date(d["since"], ds))
        y -= b_field(c, 40, y, 515, "Enw’r oedolyn a symudodd allan", "Name of the adult who moved out", d["other_name"])
        y -= b_field(c, 40, y, 515, "Cyfeiriad newydd yr oedolyn hwnnw", "That adult’s new address", d["fwd"])
        b_label(c, 40, y - 9, "Dywedwch wrthym beth newidiodd", "Tell us what changed")
        box(c, 40, y - 13 - 36, 515, 36, 0.7, colors.Color(0.35, 0.35, 0.35))
        assert len(wrap_text(d["change"], 85)) <= 2
        for k, ln in enumerate(wrap_text(d["change"], 85)[:2]):
            T(c, 45, y - 13 - 13 - 15 * k, ln, "Sans", 10, INK_B)
        y -= 60
    else:
        y = b_header(c, "Treth y Cyngor: Symud i mewn neu allan", "Council Tax: Moving in or out")
        y -= para(c, 40, y, 515, "<b>Rhowch wybod i ni cyn gynted ag y byddwch yn symud.</b> Byddwn yn anfon bil newydd atoch. "
                  "<i>Tell us as soon as you move. We will send you a new bill.</i>", "Serif", 8.3) + 8
        y -= b_section(c, y, 1, "Symud i mewn neu allan?", "Moving in or out?")
        b_checks(c, 46, y, [("Rwy’n symud i mewn", "I am moving in"), ("Rwy’n symud allan", "I am moving out")],
                 0 if d["move_type"] == "in" else 1, 250)
        y -= 22
        y -= b_section(c, y, 2, "Amdanoch chi", "About you")
        y -= b_name_rows(c, y, d)
        b_field(c, 40, y, 160, "Rhif cyfrif", "Account no.", d["acct_w"])
        b_field(c, 215, y, 140, "Ffôn", "Phone", d["phone"])
        y -= b_field(c, 370, y, 185, "E-bost", "Email", d["email"])
        y -= 4
        y -= b_section(c, y, 3, "Y cyfeiriad rydych yn ei adael", "Address you are leaving")
        y -= b_address(c, y, "Cyfeiriad", "Address", d["prev"], d["prev_pc_w"])
        y -= b_section(c, y, 4, "Y cyfeiriad rydych yn symud iddo", "Address you are moving to")
        y -= b_address(c, y, "Cyfeiriad", "Address", d["new"], d["new_pc_w"])
        y -= b_field(c, 40, y, 220, "Dyddiad symud", "Moving date", fmt_date(d["move_date"], ds))
    # declaration
    y -= b_section(c, y, 3 if ft == "council_tax_spd" else 5, "Datganiad", "Declaration")
    y -= para(c, 40, y, 515, "<b>Hyd eithaf fy ngwybodaeth, mae’r wybodaeth uchod yn gywir. Gall rhoi gwybodaeth ffug arwain at "
              "erlyniad.</b><br/><i>To the best of my knowledge the information above is correct. Giving false "
              "information may lead to prosecution.</i>", "Serif", 8.3) + 6
    b_label(c, 40, y - 9, "Llofnod", "Signature")
    box(c, 40, y - 13 - 26, 330, 26, 0.7)
    T(c, 50, y - 32, d["sig"], SIGFONT, 16, INK_B)
    b_field(c, 385, y, 170, "Dyddiad", "Date", fmt_date(d["decl"], ds) if d["decl"] else "", 26)
    y -= 50
    b_office(c, y)
    b_footer(c, code, 1, 1)
    c.save()


# ----------------------------------------------------------------- layout C
# Fillable AcroForm: Welsh/abbreviated field names, bilingual tooltips, labels to the left
# (Welsh bold line, English italic line), values live in the form fields.
def c_label(c, y, cy, en):
    T(c, 40, y, cy, "Cond-B", 9)
    T(c, 40, y - 10.5, en, "Cond-I", 8.6, colors.Color(0.25, 0.25, 0.25))


def c_field(c, y, name, tip, cy, en, val, w=320, h=20, multiline=False):
    c_label(c, y, cy, en)
    kw = dict(name=name, tooltip=tip.replace("’", "'"), x=235, y=y - h + 9, width=w, height=h, value=val or "",
              fontName="Helvetica", fontSize=10, borderWidth=1, borderColor=colors.Color(0.45, 0.45, 0.6),
              fillColor=colors.Color(0.92, 0.94, 1), textColor=colors.black, forceBorder=True, maxlen=400)
    if multiline:
        kw["fieldFlags"] = "multiline"
    c.acroForm.textfield(**kw)
    return max(h, 24) + 6


def c_heading(c, y, cy, en):
    T(c, 40, y - 12, f"{cy} / {en}", "Cond-B", 11, colors.Color(0.1, 0.25, 0.5))
    c.setStrokeColor(colors.Color(0.1, 0.25, 0.5))
    c.setLineWidth(1)
    c.line(40, y - 16, 555, y - 16)
    c.setStrokeColor(colors.black)
    return 26


def render_C(d, path):
    ft = d["ftype"]
    ds = d["date_style"]
    c = new_canvas(path, "Ffurflen / Form " + ("GPS-E" if ft == "council_tax_spd" else "TPB-E"))
    # header
    c.setFillColor(colors.Color(0.1, 0.25, 0.5))
    c.rect(40, H - 78, 515, 44, stroke=0, fill=1)
    T(c, 50, H - 52, "Cyngor Sir Dyffryn Tawel", "Cond-B", 14, colors.white)
    T(c, 50, H - 68, "Dyffryn Tawel County Council", "Cond-I", 11, colors.white)
    if ft == "council_tax_spd":
        T(c, 545, H - 52, "Gostyngiad Person Sengl", "Cond-B", 12, colors.white, "r")
        T(c, 545, H - 68, "Single Person Discount", "Cond-I", 11, colors.white, "r")
    else:
        T(c, 545, H - 52, "Trwydded Parcio Preswylwyr", "Cond-B", 12, colors.white, "r")
        T(c, 545, H - 68, "Residents’ Parking Permit", "Cond-I", 11, colors.white, "r")
    T(c, 40, H - 92, "Gallwch lenwi’r ffurflen hon ar sgrin a’i hanfon atom drwy e-bost: refeniw@dyffryntawel.gov.uk",
      "Cond", 7.8)
    T(c, 40, H - 102, "You can fill in this form on screen and email it to us: revenues@dyffryntawel.gov.uk",
      "Cond-I", 7.8)
    y = H - 112
    if ft == "council_tax_spd":
        y -= c_heading(c, y, "Rhan A: Manylion y cyfrif", "Part A: Account details")
        y -= c_field(c, y, "rhifcyfrif", "Rhif cyfrif / Account no.", "Rhif cyfrif", "Account no.", d["acct_w"], 150)
        y -= c_field(c, y, "enw", "Enw llawn / Full name", "Enw(au)", "Name(s)", applicant(d))
        for k, ln in enumerate((d["addr"] + ["", ""])[:3]):
            y -= c_field(c, y, f"cyfeiriad{k + 1}", f"Cyfeiriad llinell {k + 1} / Address line {k + 1}",
                         "Cyfeiriad" if k == 0 else "", "Address" if k == 0 else "", ln)
        y -= c_field(c, y, "codpost", "Cod post / Postcode", "Cod post", "Postcode", d["pc_w"], 110)
        y -= c_field(c, y, "ffon", "Rhif ffôn / Phone number", "Rhif ffôn", "Phone number", d["phone"], 180)
        y -= c_field(c, y, "ebost", "E-bost / Email", "E-bost", "Email", d["email"])
        y -= c_heading(c, y, "Rhan B: Unig oedolyn", "Part B: Sole adult")
        y -= c_field(c, y, "dyddiad_unig", "Dyddiad (DD.MM.BBBB) / Date (DD.MM.YYYY)",
                     "Ers pryd mai chi yw’r unig oedolyn?", "Since when have you been the only adult?",
                     fmt_date(d["since"], ds), 150)
        y -= c_field(c, y, "enw_oedolyn_arall", "Enw’r oedolyn arall / Name of other adult",
                     "Enw’r oedolyn arall", "Other adult’s name", d["other_name"])
        y -= c_field(c, y, "cyfeiriad_ymlaen", "Cyfeiriad anfon ymlaen / Forwarding address",
                     "Cyfeiriad anfon ymlaen", "Forwarding address", d["fwd"])
        y -= c_field(c, y, "newid", "Beth sydd wedi newid? / What has changed?", "Beth sydd wedi newid?",
                     "What has changed?", d["change"], 320, 34, True)
    else:
        y -= c_heading(c, y, "Rhan A: Amdanoch chi", "Part A: About you")
        y -= c_field(c, y, "enw", "Enw llawn / Full name", "Enw’r ymgeisydd", "Applicant’s name", applicant(d))
        for k, ln in enumerate((d["addr"] + ["", ""])[:3]):
            y -= c_field(c, y, f"cyfeiriad{k + 1}", f"Cyfeiriad llinell {k + 1} / Address line {k + 1}",
                         "Cyfeiriad" if k == 0 else "", "Address" if k == 0 else "", ln)
        y -= c_field(c, y, "codpost", "Cod post / Postcode", "Cod post", "Postcode", d["pc_w"], 110)
        y -= c_field(c, y, "ffon", "Rhif ffôn / Phone number", "Ffôn", "Phone", d["phone"], 180)
        y -= c_field(c, y, "ebost", "E-bost / Email", "E-bost", "Email", d["email"])
        y -= c_heading(c, y, "Rhan B: Y cerbyd a’r parth", "Part B: Vehicle and zone")
        y -= c_field(c, y, "parth", "Parth trwydded / Permit zone", "Parth", "Permit zone", d["zone_w"], 70)
        y -= c_field(c, y, "rhifcof", "Rhif cofrestru / Registration number", "Rhif cof.", "Reg. no.",
                     d["vrm_w"], 130)
        y -= c_field(c, y, "gwneuthurwr", "Gwneuthurwr / Make", "Gwneuthurwr", "Make", d["make"], 180)
        y -= c_field(c, y, "model", "Model / Model", "Model", "Model", d["model"], 180)
        y -= c_field(c, y, "dyddiad_dechrau", "Dyddiad dechrau / Start date", "Dechrau’r drwydded",
                     "Permit to start on", fmt_date(d["start"], ds), 150)
    y -= 4
    y -= c_heading(c, y, "Datganiad", "Declaration")
    T(c, 40, y - 8, "Rwy’n cadarnhau bod y manylion ar y ffurflen hon yn gywir.", "Cond", 8.6)
    T(c, 40, y - 19, "I confirm that the details on this form are correct.", "Cond-I", 8.6)
    c.acroForm.checkbox(name="cytuno", tooltip="Rwy’n cytuno / I agree".replace("’", "'"), x=535, y=y - 20, size=14,
                        checked=True, buttonStyle="check", borderColor=colors.Color(0.45, 0.45, 0.6),
                        fillColor=colors.Color(0.92, 0.94, 1), textColor=colors.black, forceBorder=True)
    y -= 30
    y -= c_field(c, y, "llofnod", "Llofnod (teipiwch eich enw) / Signature (type your name)", "Llofnod",
                 "Signature", d["sig"], 220)
    y -= c_field(c, y, "dyddiad", "Dyddiad / Date", "Dyddiad", "Date",
                 fmt_date(d["decl"], ds) if d["decl"] else "", 120)
    c.setStrokeColor(colors.grey)
    c.setDash(3, 2)
    c.rect(40, 46, 515, 30, stroke=1, fill=0)
    c.setDash()
    T(c, 46, 64, "Swyddfa / Office:  Rhif achos / Case no. ________   Dyddiad / Date ________   Llythrennau / Initials ____",
      "Cond", 7.5, colors.grey)
    T(c, 40, 30, "Ffurflen GPS-E / TPB-E (2026)  -  Cyngor Sir Dyffryn Tawel, Neuadd y Sir, Abertawel DT1 2AJ", "Cond", 7)
    T(c, 555, 30, "1/1", "Cond", 7, align="r")
    c.save()


# ----------------------------------------------------------------- layout D
# English-only online e-form receipt: question / answer table with section headings.
def render_D(d, path):
    ft = d["ftype"]
    ds = d["date_style"]
    c = new_canvas(path, "Submission receipt")
    c.setFillColor(colors.Color(0.2, 0.2, 0.2))
    c.rect(0, H - 40, W, 40, stroke=0, fill=1)
    T(c, 40, H - 25, "Dyffryn Tawel County Council  |  Cyngor Sir Dyffryn Tawel", "Sans-B", 11, colors.white)
    T(c, 555, H - 25, "My Account - Online services", "Sans", 8.5, colors.white, "r")
    T(c, 40, H - 54, "Mae’r dderbynneb hon ar gael yn Gymraeg. / This receipt is available in Welsh.", "Sans-I", 7.5,
      colors.Color(0.35, 0.35, 0.35))
    form_name = "Council Tax - Moving home" if ft == "council_tax_move" else "Apply for a residents' parking permit"
    T(c, 40, H - 80, form_name, "Sans-B", 16)
    sub_ts = datetime.combine(d["decl"], datetime.min.time()) + timedelta(hours=8 + d["seq"] % 12, minutes=(d["seq"] * 7) % 60)
    T(c, 40, H - 98, "Thank you. Your form has been submitted. Please keep this receipt for your records.", "Sans", 9)
    T(c, 40, H - 112, f"Reference: DTCC-{'MOV' if ft == 'council_tax_move' else 'RPP'}-{26000 + d['seq'] * 37}"
                      f"     Submitted: {sub_ts.strftime('%d %b %Y %H:%M')}", "Sans", 8.5, colors.Color(0.3, 0.3, 0.3))
    rows = []
    if ft == "council_tax_move":
        rows += [("H", "Your move"),
                 ("Are you moving in or moving out of a property in Dyffryn Tawel?",
                  "Moving in" if d["move_type"] == "in" else "Moving out"),
                 ("What date did you (or will you) move?", fmt_date(d["move_date"], ds)),
                 ("H", "About you"),
                 ("Your full name", applicant(d)),
                 ("Council Tax account number (if you have one)", d["acct_w"]),
                 ("Phone number", d["phone"]), ("Email address", d["email"])]
        if d["move_type"] == "out":
            rows += [("H", "The property you are leaving")]
            rows += address_rows(d["prev"], d["prev_pc_w"])
            rows += [("H", "Your forwarding address")]
            rows += address_rows(d["new"], d["new_pc_w"]) if d["new"] else [("Forwarding address", "")]
        else:
            rows += [("H", "The property you are moving into")]
            rows += address_rows(d["new"], d["new_pc_w"])
    else:
        rows += [("H", "About you"), ("Your full name", applicant(d))]
        rows += address_rows(d["addr"], d["pc_w"])
        rows += [("Phone number", d["phone"]), ("Email address", d["email"]),
                 ("H", "Your vehicle and permit"),
                 ("Which permit zone do you live in?", d["zone_w"]),
                 ("Vehicle registration number (number plate)", d["vrm_w"]),
                 ("Vehicle make", d["make"]), ("Vehicle model", d["model"]),
                 ("When would you like the permit to start?", fmt_date(d["start"], ds)),
                 ("Is the vehicle registered (V5C) to you at this address?", "Yes")]
    rows += [("H", "Declaration"),
             ("I declare that the information I have given is true and complete.", "Agreed"),
             ("Name of person making the declaration", applicant(d)),
             ("Declaration date", fmt_date(d["decl"], ds))]
    y = H - 130
    for q, a in rows:
        if q == "H":
            y -= 10
            T(c, 40, y - 12, a, "Sans-B", 11, colors.Color(0.0, 0.3, 0.55))
            y -= 20
            continue
        qh = para(c, 40, y - 3, 250, escape(q), "Sans-B", 8.8)
        T(c, 305, y - 12, a if a else "", "Sans", fit(a, "Sans", 9.5, 248))
        rh = max(qh, 12) + 9
        c.setStrokeColor(colors.Color(0.82, 0.82, 0.82))
        c.setLineWidth(0.5)
        c.line(40, y - rh, 555, y - rh)
        c.setStrokeColor(colors.black)
        y -= rh
    T(c, 40, 34, "Printed from the Dyffryn Tawel County Council online forms system. This is not a bill.", "Sans", 7,
      colors.grey)
    T(c, 555, 34, "Page 1 of 1", "Sans", 7, colors.grey, "r")
    c.save()


def address_rows(lines, pcw):
    out = [("Address line 1", lines[0] if lines else "")]
    rest = lines[1:]
    if len(rest) >= 2:
        out.append(("Address line 2", rest[0]))
        out.append(("Town", rest[1]))
    else:
        out.append(("Address line 2", ""))
        out.append(("Town", rest[0] if rest else ""))
    out.append(("Postcode", pcw))
    return out


# ----------------------------------------------------------------- layout E
COUNCIL_ADDR = ["Cyngor Sir Dyffryn Tawel", "Dyffryn Tawel County Council", "Neuadd y Sir", "Heol y Castell",
                "Abertawel", "DT1 2AJ"]


def render_E(d, path):
    c = new_canvas(path, "Scanned correspondence" if d["kind"] == "letter" else "Email")
    if d["kind"] == "letter":
        font = "Serif"
        y = H - 60
        if d["addr"] or d["sender"]:
            lines = d["addr"] + ([d["pc"]] if d["pc"] else [])
            for k, ln in enumerate(lines):
                T(c, 555, y - k * 13, ln, font, 10.5, align="r")
            y -= len(lines) * 13 + 10
        if d["sent"]:
            T(c, 555, y, fmt_date(d["sent"], "long"), font, 10.5, align="r")
        y -= 26
        for k, ln in enumerate(["Council Tax / Treth y Cyngor" if d["topic"] == "council_tax_query" else
                                "Customer Services / Gwasanaethau Cwsmeriaid"] + COUNCIL_ADDR[1:]):
            T(c, 60, y - k * 13, ln, font, 10.5)
        y -= 7 * 13 + 12
        T(c, 60, y, d["greet"], font, 10.5)
        y -= 20
        if d.get("subject"):
            T(c, 60, y, d["subject"], "Serif-B", 10.5)
            y -= 20
        for ptxt in d["paras"]:
            y -= para(c, 60, y, 475, escape(ptxt), font, 10.5, 14) + 10
        y -= 6
        T(c, 60, y, d["close"], font, 10.5)
        if d["sender"]:
            T(c, 60, y - 34, d["sender"].split(" ", 1)[1] if d["sender"].split(" ")[0] in ("Mr", "Mrs", "Ms") else d["sender"],
              SIGFONT, 17, INK_B)
            T(c, 60, y - 54, d["sender"], font, 10.5)
        # scanner stamp
        c.saveState()
        c.setStrokeColor(RED)
        c.setFillColor(RED)
        c.rect(400, 70, 150, 40, stroke=1, fill=0)
        c.setFont("Sans-B", 8)
        c.drawCentredString(475, 96, "DERBYNIWYD / RECEIVED")
        c.drawCentredString(475, 82, "0" + str(3 + d["seq"] % 4) + " DEC 2026  -  POST ROOM")
        c.restoreState()
    else:
        y = H - 50
        T(c, 40, y, "Outlook", "Sans-B", 9, colors.Color(0.1, 0.3, 0.6))
        y -= 20
        T(c, 40, y, d["subject"], "Sans-B", 13)
        y -= 22
        hdr = [("From:", f"{d['sender']} <{d['email']}>"),
               ("Sent:", d["sent"].strftime("%A, %d %B %Y %H:%M")),
               ("To:", "Cyswllt / Contact <cyswllt@dyffryntawel.gov.uk>"),
               ("Subject:", d["subject"])]
        for k, (a, b) in enumerate(hdr):
            T(c, 40, y - k * 13, a, "Sans-B", 9)
            T(c, 95, y - k * 13, b, "Sans", 9)
        y -= len(hdr) * 13 + 4
        c.setLineWidth(0.6)
        c.line(40, y, 555, y)
        y -= 22
        T(c, 40, y, d["greet"], "Sans", 10)
        y -= 18
        for ptxt in d["paras"]:
            y -= para(c, 40, y, 500, escape(ptxt), "Sans", 10, 13.5) + 9
        y -= 4
        T(c, 40, y, d["close"], "Sans", 10)
        y -= 15
        sig = [d["sender"]] + d["addr"] + ([d["pc"]] if d["pc"] else [])
        for k, ln in enumerate(sig):
            T(c, 40, y - k * 13, ln, "Sans", 10)
        T(c, 40, 34, "Rhybudd: Gall yr e-bost hwn gynnwys gwybodaeth gyfrinachol. / Warning: this email may contain "
                     "confidential information.", "Sans", 6.5, colors.grey)
        T(c, 555, 22, "1", "Sans", 7, colors.grey, "r")
    c.save()


# ----------------------------------------------------------------- truth
def truth_fields(d):
    f = {}
    ft = d["ftype"]

    def put(k, v):
        if v not in (None, "", []):
            f[k] = v
    if ft == "correspondence":
        put("topic", d["topic"])
        put("sender_name", d["sender"])
        put("address", d["addr"][0] if d["addr"] else "")
        put("postcode", norm_pc(d["pc"]) if d["pc"] else "")
        put("account_ref", d["account"])
        put("dates_mentioned", d["dates"])
        put("body", collapse(" ".join(d["paras"])))
        return f
    put("applicant_name", collapse(applicant(d)))
    put("phone", d.get("phone", ""))
    put("email", d.get("email", ""))
    put("declaration_date", d["decl"].isoformat() if d["decl"] else "")
    if ft == "council_tax_spd":
        put("account_ref", d["acct"])
        put("address", d["addr"][0])
        put("postcode", norm_pc(d["pc_w"]))
        put("sole_adult_since", d["since"].isoformat() if d["since"] else "")
        put("other_adult_name", d["other_name"])
        put("other_adult_forwarding_address", collapse(d["fwd"]))
        put("change_description", collapse(d["change"]))
    elif ft == "council_tax_move":
        put("move_type", d["move_type"])
        put("account_ref", d["acct"] or "")
        if d["prev"]:
            put("previous_address", d["prev"][0])
            put("previous_postcode", norm_pc(d["prev_pc_w"]))
        if d["new"]:
            put("new_address", d["new"][0])
            put("new_postcode", norm_pc(d["new_pc_w"]))
        put("move_date", d["move_date"].isoformat())
    else:
        put("address", d["addr"][0])
        put("postcode", norm_pc(d["pc_w"]))
        put("vrm", norm_vrm(d["vrm_w"]))
        put("vehicle_make", d["make"])
        put("zone", d["zone_w"])
        put("start_date", d["start"].isoformat())
    return f


LAYOUT_NAMES = {"A": "dt_papur_blychau", "B": "dt_labeli_uwchben", "C": "dt_ffurflen_llenwadwy",
                "D": "dt_eform_derbynneb", "E": "dt_gohebiaeth"}
DATE_STYLES = {"A": ["slash", "slash_short", "dot", "dash"], "B": ["long", "ord", "slash", "long"],
               "C": ["dot", "iso", "slash_short", "dot"], "D": ["slash", "long", "us", "iso"]}


def main():
    inbox = os.path.join(OUT, "inbox")
    if os.path.isdir(inbox):
        shutil.rmtree(inbox)
    os.makedirs(inbox)
    for k, d in enumerate(FORMS):
        d["seq"] = k
        if d["layout"] in DATE_STYLES:
            d["date_style"] = rng.choice(DATE_STYLES[d["layout"]])
            d["decl_style"] = rng.choice(["slash", "slash_short", "dot"]) if d["layout"] == "A" else d["date_style"]
    order = list(range(len(FORMS)))
    rng.shuffle(order)
    names = {}
    for pos, k in enumerate(order):
        names[k] = f"doc_{pos + 1:04d}.pdf"
    # the two forms of the duplicate pair share a group
    truth = []
    for k, d in enumerate(FORMS):
        fn = names[k]
        path = os.path.join(inbox, fn)
        {"A": render_A, "B": render_B, "C": render_C, "D": render_D, "E": render_E}[d["layout"]](d, path)
        rec = {"file": fn, "form_type": d["ftype"], "fields": truth_fields(d)}
        if d.get("kind") == "PAIR":
            rec["outcome"] = "duplicate_pair"
            rec["reasons"] = []
            rec["duplicate_group"] = "dup1"
        else:
            rec["outcome"] = "exception" if d["reasons"] else "approved"
            rec["reasons"] = list(d["reasons"])
        rec["layout"] = LAYOUT_NAMES[d["layout"]]
        if d["ftype"] == "correspondence":
            rec["channel_hint"] = "letter" if d["kind"] == "letter" else "email"
        truth.append(rec)
    truth.sort(key=lambda r: r["file"])
    seen = {}
    for r in truth:
        key = (r["layout"], r["form_type"])
        if r["outcome"] == "approved" and seen.get(key, 0) < 2:
            r["split"] = "learn"
            seen[key] = seen.get(key, 0) + 1
        else:
            r["split"] = "test"
    with open(os.path.join(OUT, "truth.jsonl"), "w", encoding="utf-8") as fh:
        for r in truth:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    write_records()
    write_readme(truth)


def write_records():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "properties"
    cols = ["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band", "ward", "parking_zone"]
    ws.append(cols)
    for p in sorted(PROPS, key=lambda p: p["uprn"]):
        ws.append([p["uprn"], p["l1"], p["l2"] or None, p["town"], p["pc"], p["band"], p["ward"], p["zone"] or None])
    ws2 = wb.create_sheet("council_tax_accounts")
    ws2.append(["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"])
    for a in sorted(ACCOUNTS, key=lambda a: a["account_ref"]):
        ws2.append([a["account_ref"], a["uprn"], a["liable_parties"], a["status"], a["start_date"], a["end_date"],
                    a["discounts"] or None])
    for row in ws2.iter_rows(min_row=2):
        row[0].number_format = "@"
        row[4].number_format = "yyyy-mm-dd"
        row[5].number_format = "yyyy-mm-dd"
    ws3 = wb.create_sheet("electoral_register")
    ws3.append(["elector_number", "full_name", "uprn"])
    for e in sorted(ELECTORS, key=lambda e: (e["elector_number"].split("-")[0], int(e["elector_number"].split("-")[1]))):
        ws3.append([e["elector_number"], e["full_name"], e["uprn"]])
    ws4 = wb.create_sheet("parking_permits")
    ws4.append(["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"])
    for p in sorted(PERMITS, key=lambda p: p["permit_ref"]):
        ws4.append([p["permit_ref"], p["uprn"], p["vrm"], p["zone"], p["valid_from"], p["valid_to"]])
    for row in ws4.iter_rows(min_row=2):
        row[4].number_format = "yyyy-mm-dd"
        row[5].number_format = "yyyy-mm-dd"
    for s in wb.worksheets:
        for cell in s[1]:
            cell.font = Font(bold=True)
        for col in s.columns:
            s.column_dimensions[col[0].column_letter].width = max(10, min(45, max(len(str(x.value or "")) for x in col) + 2))
    wb.properties.creator = "Dyffryn Tawel extract"
    wb.properties.created = datetime(2026, 12, 6, 18, 0)
    wb.properties.modified = datetime(2026, 12, 6, 18, 0)
    path = os.path.join(OUT, "records.xlsx")
    wb.save(path)
    _freeze_zip(path)


def _freeze_zip(path):
    """Rewrite the workbook with fixed zip timestamps and properties so reruns are byte-identical."""
    import re
    import zipfile
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>2026-12-06T18:00:00Z", data)
            zi = zipfile.ZipInfo(name, date_time=(2026, 12, 6, 18, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


def write_readme(truth):
    from collections import Counter
    cnt = Counter((r["form_type"], r["outcome"]) for r in truth)
    rc = Counter(x for r in truth for x in r["reasons"])
    lines = ["# Blind set 33 - Cyngor Sir Dyffryn Tawel / Dyffryn Tawel County Council", "",
             "A bilingual (Welsh first, then English) county council. All forms, records and outcomes are invented.",
             "", "**As-of date: 2026-12-07** (run with `--as-of 2026-12-07`). Postcodes are made-up `DT` postcodes "
             "(forwarding addresses outside the county use other areas).", "",
             "Files: `records.xlsx` (records.md layout), `inbox/doc_0001.pdf` ... (shuffled, neutral names), "
             "`truth.jsonl`, and `gen.py` (deterministic: `python gen.py` rebuilds everything from a fixed seed).", "",
             "## Layouts", "",
             "- `dt_papur_blychau` - paper form (SPD, moving home, parking): green header, bilingual label cell on the "
             "left with Welsh bold over English, answer boxes to the right, answers typed in blue monospace; the account "
             "number in 8 comb boxes; the key date in `Dydd / Day`, `Mis / Month`, `Blwyddyn / Year` boxes; `Ydw / Yes` "
             "style tick boxes; 'Datganiad / Declaration' with a signature and a written date; office-use box; "
             "can run to a second page.",
             "- `dt_labeli_uwchben` - labels above boxes (SPD, moving home): serif, 'Cymraeg / English' on one line "
             "with Welsh bold and English italic, numbered red section bars, name split into Teitl/Title, Enw(au) "
             "cyntaf/First name(s), Cyfenw/Surname, dates written in words or with slashes.",
             "- `dt_ffurflen_llenwadwy` - fillable AcroForm (SPD, parking): values are form-field values (field names "
             "`enw`, `cyfeiriad1..3`, `codpost`, `rhifcyfrif`, `dyddiad_unig`, `parth`, `rhifcof`, `dyddiad`, ...) "
             "with bilingual tooltips; labels on the left, Welsh bold line over English italic line.",
             "- `dt_eform_derbynneb` - English-only online e-form receipt (moving home, parking): question/answer "
             "table with section headings, reference and submission timestamp, a Welsh availability line at the top.",
             "- `dt_gohebiaeth` - correspondence: scanned-style letters (serif, sender address top right, post-room "
             "stamp) and emails printed to PDF (Outlook-style header); some with 'Annwyl Syr/Madam'.", "",
             "## Truth conventions", "",
             "- `applicant_name`: as written, including a title when one is written; on `dt_labeli_uwchben` the "
             "Title, First name(s) and Surname boxes are joined with single spaces in that order (an empty title box "
             "is skipped). The signature is never used as the name.",
             "- `address`, `previous_address`, `new_address`: the first line of the address as written (house "
             "number/name and street). For a move out, `new_address`/`new_postcode` are the forwarding address. "
             "Move-in forms leave the 'property you are leaving' part blank, so they have no previous_* fields and "
             "no account_ref.",
             "- `other_adult_forwarding_address`: the whole answer as written on its one line, whitespace collapsed.",
             "- `account_ref`: 8 digits even when written with spaces, a dash or a `CT` prefix, or in 8 comb boxes.",
             "- `vrm` upper case with no spaces even when typed in lower case; `vehicle_make` is the make only (model "
             "is a separate box and is not a field).",
             "- `declaration_date`: the date next to the signature (on the e-form receipt, the 'Declaration date' "
             "row; the submission timestamp is not a field).",
             "- Correspondence: `sender_name` as written at the foot of the letter / in the email (title kept); "
             "`address`/`postcode` from the sender's address block or email signature; `body` is the message "
             "paragraphs between the greeting and the sign-off, joined with single spaces (no greeting, subject "
             "line, sign-off, signature or address); `dates_mentioned` are the dates inside that body in order of "
             "appearance (the letter's own date line and the email's Sent header are not included).",
             "- The duplicate pair: the same moving-out notice sent on paper and via the e-form (declaration dates "
             "3 days apart). Both have outcome `duplicate_pair`, `duplicate_group` `dup1` and empty `reasons` "
             "(one should be approved, the other get DUPLICATE_SUBMISSION, in either order).",
             "- Every exception was built to fail exactly one check; everything else about it would pass.",
             "- `split`: `learn` on the first two approved files (by file name) of each layout and form type; "
             "`test` on all others. Correspondence items also carry `channel_hint` (letter/email).",
             "- Clean forms include deliberate edge cases that must still pass: a title on the name, the adult who "
             "left still on the electoral register (named as the other adult), a sole-adult date 354 days before "
             "the as-of date, move dates up to 24 days in the future, a permit applicant who is on the register but "
             "not the bill payer, a property already holding one active permit, and a renewal for a vehicle whose "
             "permit expired on 2026-11-30.", "",
             "## Counts", "", "| form_type | outcome | n |", "| --- | --- | --- |"]
    for (ft, oc), n in sorted(cnt.items()):
        lines.append(f"| {ft} | {oc} | {n} |")
    lines += ["", "Reason codes: " + ", ".join(f"{k} x{v}" for k, v in sorted(rc.items())), ""]
    with open(os.path.join(OUT, "README.md"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines))


if __name__ == "__main__":
    main()
