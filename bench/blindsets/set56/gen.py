#!/usr/bin/env python
"""Blind test set 56: Harrowfield District Council (invented, West Yorkshire).

Run `python gen.py` to (re)write, next to this file:
  records.xlsx, inbox/doc_NNNN.pdf, truth.jsonl
Deterministic: fixed seed, reportlab invariant mode.
"""
import datetime as dt
import json
import os
import random
import re
import shutil
from pathlib import Path

import openpyxl
from reportlab.lib.colors import Color, black, white, HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
AS_OF = dt.date(2026, 12, 7)
SEED = 5605
rng = random.Random(SEED)
W, H = A4

DEJAVU = "/usr/share/fonts/truetype/dejavu/"
if os.path.exists(DEJAVU + "DejaVuSans.ttf"):
    pdfmetrics.registerFont(TTFont("DV", DEJAVU + "DejaVuSans.ttf"))
    pdfmetrics.registerFont(TTFont("DV-B", DEJAVU + "DejaVuSans-Bold.ttf"))
    WP_FONT, WP_BOLD, HAVE_DV = "DV", "DV-B", True
else:  # fall back to standard fonts and plain X marks
    WP_FONT, WP_BOLD, HAVE_DV = "Helvetica", "Helvetica-Bold", False


def D(s):
    return dt.date.fromisoformat(s)


def days(n):
    return AS_OF + dt.timedelta(days=n)


def collapse(s):
    return re.sub(r"\s+", " ", s).strip()


# ---------------------------------------------------------------- formatting
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]


def ordinal(n):
    if 11 <= n % 100 <= 13:
        return f"{n}th"
    return str(n) + {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


DATE_STYLES = ["dmy_slash", "dmy_slash_short", "dmy_dash", "dmy_dot", "long",
               "ordinal", "us_long", "iso"]


def fmt_date(iso, style):
    d = D(iso)
    if style == "dmy_slash":
        return d.strftime("%d/%m/%Y")
    if style == "dmy_slash_short":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "dmy_dash":
        return d.strftime("%d-%m-%Y")
    if style == "dmy_dot":
        return d.strftime("%d.%m.%Y")
    if style == "long":
        return f"{d.day} {MONTHS[d.month-1]} {d.year}"
    if style == "ordinal":
        return f"{ordinal(d.day)} {MONTHS[d.month-1]} {d.year}"
    if style == "us_long":
        return f"{MONTHS[d.month-1]} {d.day}, {d.year}"
    if style == "iso":
        return d.isoformat()
    raise ValueError(style)


def fmt_acct(ref, style):
    if style == "plain":
        return ref
    if style == "space":
        return ref[:4] + " " + ref[4:]
    if style == "dash":
        return ref[:4] + "-" + ref[4:]
    if style == "ct":
        return "CT" + ref
    if style == "ct_space":
        return "CT " + ref[:4] + " " + ref[4:]
    raise ValueError(style)


def fmt_pc(pc, style):
    if style == "normal":
        return pc
    if style == "nospace":
        return pc.replace(" ", "")
    if style == "lower":
        return pc.lower()
    raise ValueError(style)


def fmt_vrm(v, style):
    # v normal (no spaces); style "space" inserts the usual DVLA space
    if style == "nospace":
        return v
    if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z]{3}", v):
        sp = v[:4] + " " + v[4:]
    elif re.fullmatch(r"[A-Z]\d{1,3}[A-Z]{3}", v):
        sp = v[:-3] + " " + v[-3:]
    elif re.fullmatch(r"[A-Z]{3}\d{1,3}[A-Z]", v):
        sp = v[:3] + " " + v[3:]
    else:
        sp = v[:4] + " " + v[4:]
    return sp.lower() if style == "lower" else sp


def norm_pc(s):
    s = s.replace(" ", "").upper()
    return s[:-3] + " " + s[-3:]


# ---------------------------------------------------------------- gazetteer
# street, line2 (locality), town, outward, sector, zone, ward, band choices
TERRACES = [
    ("Hebble Street", "", "Harrowfield", "HF1", 2, "HA", "Harrowfield Central", "AB"),
    ("Prospect Terrace", "", "Harrowfield", "HF1", 3, "HA", "Harrowfield Central", "AAB"),
    ("Chapel Row", "", "Harrowfield", "HF1", 3, "HA", "Harrowfield Central", "A"),
    ("Northgate", "", "Harrowfield", "HF1", 1, "TC", "Harrowfield Central", "ABC"),
    ("Market Street", "", "Harrowfield", "HF1", 1, "TC", "Harrowfield Central", "AB"),
    ("Wellington Street", "", "Harrowfield", "HF2", 1, "HB", "Akeroyd", "AB"),
    ("Albion Road", "", "Harrowfield", "HF2", 4, "HB", "Akeroyd", "BC"),
    ("Hope Street", "", "Harrowfield", "HF2", 4, "HB", "Akeroyd", "A"),
    ("Park Road", "Lumb Bank", "Harrowfield", "HF3", 1, "HC", "Lumb Bank", "BCD"),
    ("Crossley Terrace", "Lumb Bank", "Harrowfield", "HF3", 2, "HC", "Lumb Bank", "AB"),
    ("Providence Place", "", "Brackenholme", "HF5", 3, "", "Brackenholme", "AB"),
    ("Jubilee Terrace", "", "Brackenholme", "HF5", 2, "", "Brackenholme", "A"),
    ("Sowerby Street", "", "Lumbfoot", "HF6", 1, "", "Lumbfoot and Moor", "AB"),
    ("Station Road", "", "Ryecroft Bridge", "HF7", 2, "", "Ryecroft", "BC"),
    ("Lister Street", "Stainclough", "Ryecroft Bridge", "HF7", 4, "", "Ryecroft", "AB"),
]
MILLS = [  # mill name, street, line2, town, outward, sector, zone, ward, unit word
    ("Victoria Mill", "Canal Road", "", "Harrowfield", "HF2", 7, "HD", "Akeroyd", "Unit"),
    ("Albion Mills", "Wharf Street", "Sowden Wharf", "Harrowfield", "HF3", 6, "", "Lumb Bank", "Apartment"),
    ("Brookfoot Mill", "Calder Lane", "", "Lumbfoot", "HF6", 5, "", "Lumbfoot and Moor", "Unit"),
]
FARMS = [  # farm, lane, locality, town, outward, sector
    ("High Royd Farm", "Moor Lane", "Heptonroyd", "Oxenby", "HF8", 2),
    ("Lower Intake Farm", "Heights Road", "Heptonroyd", "Oxenby", "HF8", 2),
    ("Cold Edge Farm", "Withens Lane", "", "Oxenby", "HF8", 3),
    ("Nab End Farm", "Stoodley Lane", "Cragg Vale Top", "Lumbfoot", "HF9", 1),
    ("Slack Bottom Farm", "Moor Lane", "Heptonroyd", "Oxenby", "HF8", 2),
    ("Hollin Hey Farm", "Hey Lane", "", "Ryecroft Bridge", "HF9", 4),
    ("Top o' th' Hill Farm", "Withens Lane", "", "Oxenby", "HF8", 3),
    ("Greenwood Lee Farm", "Lee Lane", "Cragg Vale Top", "Lumbfoot", "HF9", 1),
    ("Upper Bank Farm", "Heights Road", "Heptonroyd", "Oxenby", "HF8", 2),
    ("Sunny Bank Farm", "Hey Lane", "", "Ryecroft Bridge", "HF9", 4),
]
UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
ZONE_NAMES = {"HA": "Zone HA", "HB": "Zone HB", "HC": "Zone HC", "HD": "Zone HD", "TC": "Town Centre"}
ZONE_AREAS = {"HA": "Hebble Street / Prospect Terrace area", "HB": "Wellington Street / Albion Road area",
              "HC": "Park Road / Lumb Bank", "HD": "Canal Road (Victoria Mill)", "TC": "Town Centre"}

# people
FIRST_F = ["Janet", "Susan", "Karen", "Amanda", "Rachel", "Helen", "Joanne", "Emma", "Claire", "Nicola",
           "Gillian", "Margaret", "Shabana", "Nasreen", "Aisha", "Agnieszka", "Chloe", "Hannah", "Sophie",
           "Lucy", "Beverley", "Denise", "Pauline", "Ruth", "Kirsty", "Samina", "Farah", "Leanne", "Jade",
           "Olivia", "Megan", "Alison", "Lorraine", "Tracey", "Wendy", "Yvonne", "Bethany", "Ifeoma"]
FIRST_M = ["David", "Paul", "Andrew", "Mark", "Stephen", "Gary", "Ian", "Richard", "Michael", "Darren",
           "Craig", "Simon", "Imran", "Tariq", "Mohammed", "Asif", "Tomasz", "Liam", "Callum", "Jack",
           "Ryan", "Nathan", "Graham", "Keith", "Trevor", "Neil", "Martin", "Philip", "Adrian", "Shaun",
           "Oliver", "Harry", "Daniel", "Kwame", "Dean", "Wayne", "Barry", "Jonathan"]
SURNAMES = ["Ackroyd", "Brearley", "Sutcliffe", "Haigh", "Greenwood", "Holroyd", "Crowther", "Firth",
            "Hirst", "Shackleton", "Lumb", "Barraclough", "Ramsden", "Pickles", "Wadsworth", "Hussain",
            "Khan", "Akhtar", "Patel", "Kowalski", "Nowak", "Okafor", "Mitchell", "Taylor", "Walsh",
            "Holdsworth", "Midgley", "Priestley", "Horsfall", "Uttley", "Sunderland", "Thornton", "Bottomley",
            "Mellor", "Dyson", "Booth", "Marsden", "Jagger", "Stansfield", "Whiteley", "Clegg", "Farrar",
            "Butterworth", "Iqbal", "Mahmood", "Sharpe", "Lister", "Wood", "Kershaw", "Binns"]

FWD = [("14 Beechwood Grove", "Headingley", "Leeds", "LS6 3DW"),
       ("3 Rowan Close", "", "Skipton", "BD23 2RT"),
       ("Flat 2, 41 Kingsley Road", "", "Huddersfield", "HD1 4PL"),
       ("9 Sandholme Drive", "Idle", "Bradford", "BD10 8EJ"),
       ("27 Whitecote Lane", "Bramley", "Leeds", "LS13 1JB"),
       ("112 Hollins Road", "", "Todmorden", "OL14 5QA"),
       ("5 Chantry Mews", "", "York", "YO31 7HR"),
       ("66 Station Lane", "", "Keighley", "BD21 3NA"),
       ("8 The Paddock", "Menston", "Ilkley", "LS29 6HR"),
       ("21 Marsh Street", "", "Rochdale", "OL11 2AS"),
       ("40 Brunswick Terrace", "", "Halton", "WA7 4DB"),
       ("Flat 11, Kelso Court", "Kelso Road", "Leeds", "LS2 9PR"),
       ("2 Ing Lane", "", "Otley", "LS21 1EW"),
       ("17 Gladstone Avenue", "", "Sheffield", "S10 2GN"),
       ("73 Cavendish Road", "", "Manchester", "M20 1JG")]


class World:
    def __init__(self):
        self.props = []
        self.accounts = []
        self.electors = []
        self.permits = []
        self.claimed = set()
        self.names = set()
        self.refs = set()
        self.vrms = set()
        self.fwd_pool = FWD[:]
        self.fwd_used = {(a[0], a[3]) for a in FWD}
        rng.shuffle(self.fwd_pool)
        self.elec_seq = {}
        self.permit_seq = 1000
        self._build_props()

    # -- gazetteer
    def _build_props(self):
        uprn = 100051004000
        for street, l2, town, out, sector, zone, ward, bands in TERRACES:
            nums = sorted(rng.sample(range(1, 96), rng.randint(11, 15)))
            units = rng.sample(UNIT_LETTERS, 5)
            for n in nums:
                u = units[(n - 1) // 20]
                unit = u + units[(n * 7) % 5] if False else u + rng.choice(UNIT_LETTERS)
                self.props.append(dict(uprn=uprn, address_line_1=f"{n} {street}", address_line_2=l2,
                                       town=town, postcode=f"{out} {sector}{unit}",
                                       council_tax_band=rng.choice(bands), ward=ward, parking_zone=zone,
                                       street=street, kind="terrace"))
                uprn += rng.randint(3, 40)
        for mill, street, l2, town, out, sector, zone, ward, word in MILLS:
            unit = rng.choice(UNIT_LETTERS) + rng.choice(UNIT_LETTERS)
            for n in sorted(rng.sample(range(1, 24), 8)):
                self.props.append(dict(uprn=uprn, address_line_1=f"{word} {n}, {mill}, {street}",
                                       address_line_2=l2, town=town, postcode=f"{out} {sector}{unit}",
                                       council_tax_band=rng.choice("BBC"), ward=ward, parking_zone=zone,
                                       street=street, kind="mill", mill=mill, word=word))
                uprn += rng.randint(1, 4)
        for farm, lane, l2, town, out, sector in FARMS:
            self.props.append(dict(uprn=uprn, address_line_1=f"{farm}, {lane}", address_line_2=l2,
                                   town=town, postcode=f"{out} {sector}{rng.choice(UNIT_LETTERS)}{rng.choice(UNIT_LETTERS)}",
                                   council_tax_band=rng.choice("DDEF"), ward="Lumbfoot and Moor" if out == "HF9" else "Oxenby Moor",
                                   parking_zone="", street=lane, kind="farm"))
            uprn += rng.randint(50, 400)
        # postcodes must be unique per (line1) but may be shared per street block: fine
        self.by_line1 = {(p["address_line_1"].lower(), p["postcode"]) for p in self.props}

    def claim(self, pred=lambda p: True):
        cands = [p for p in self.props if p["uprn"] not in self.claimed and pred(p)]
        p = rng.choice(cands)
        self.claimed.add(p["uprn"])
        return p

    def find_prop(self, line1, pc):
        return [p for p in self.props if p["address_line_1"].lower() == line1.lower() and p["postcode"] == pc]

    # -- people
    def person(self, sex=None, surname=None):
        while True:
            sex_ = sex or rng.choice("FM")
            first = rng.choice(FIRST_F if sex_ == "F" else FIRST_M)
            last = surname or rng.choice(SURNAMES)
            if f"{first} {last}" not in self.names:
                self.names.add(f"{first} {last}")
                if sex_ == "F":
                    title = rng.choice(["Mrs", "Ms", "Miss", "Mrs", "Ms", "Dr"])
                else:
                    title = rng.choice(["Mr", "Mr", "Mr", "Dr"])
                if rng.random() < 0.04:
                    title = "Mx"
                return dict(first=first, last=last, title=title, sex=sex_, full=f"{first} {last}")

    # -- refs
    def new_ref(self):
        while True:
            r = "47" + f"{rng.randint(0, 999999):06d}"
            if r not in self.refs:
                self.refs.add(r)
                return r

    def missing_ref(self, like=None):
        while True:
            if like:
                r = like[:4] + like[5] + like[4] + like[6:]  # transposed digits
                like = None
            else:
                r = "47" + f"{rng.randint(0, 999999):06d}"
            if r not in self.refs and re.fullmatch(r"\d{8}", r):
                return r

    def new_vrm(self, style=None):
        L = "ABCDEFGHJKLMNPRSTUVWXY"
        while True:
            st = style or rng.choice(["cur"] * 7 + ["pre", "suf"])
            if st == "cur":
                v = rng.choice(["YK", "YD", "YA", "YC", "YE", "YG", "YJ", "YT", "LS", "LD", "BD", "FE", "MA", "PN"]) + \
                    rng.choice(["15", "65", "17", "67", "19", "69", "20", "70", "22", "72", "24", "74", "25", "75", "26"]) + \
                    "".join(rng.choice(L) for _ in range(3))
            elif st == "pre":
                v = rng.choice("LMNPRSTVWXY") + str(rng.randint(2, 899)) + "".join(rng.choice(L) for _ in range(3))
            else:
                v = "".join(rng.choice(L) for _ in range(3)) + str(rng.randint(1, 999)) + rng.choice("ABCDEFGHJKLMNPRSTVWXY")
            if v not in self.vrms:
                self.vrms.add(v)
                return v

    # -- records
    def add_account(self, prop, liable, status="active", start=None, end=None, discounts="", ref=None):
        ref = ref or self.new_ref()
        if start is None:
            start = days(-rng.randint(400, 6000))
        acc = dict(account_ref=ref, uprn=prop["uprn"], liable_parties="; ".join(p["full"] for p in liable)
                   if rng.random() < 0.5 else ";".join(p["full"] for p in liable),
                   status=status, start_date=start, end_date=end, discounts=discounts)
        self.accounts.append(acc)
        return acc

    def add_elector(self, person, prop):
        pd_ = "".join(w[0] for w in prop["ward"].split() if w[0].isupper())[:2].ljust(2, "X")
        self.elec_seq[pd_] = self.elec_seq.get(pd_, rng.randint(100, 300)) + rng.randint(1, 6)
        self.electors.append(dict(elector_number=f"{pd_}-{self.elec_seq[pd_]}", full_name=person["full"],
                                  uprn=prop["uprn"]))

    def add_permit(self, prop, vrm, zone, vf, vt):
        self.permit_seq += rng.randint(1, 9)
        self.permits.append(dict(permit_ref=f"HDC-RP-{self.permit_seq:05d}", uprn=prop["uprn"], vrm=vrm,
                                 zone=zone, valid_from=vf, valid_to=vt))

    def background(self):
        for p in self.props:
            if p["uprn"] in self.claimed:
                continue
            r = rng.random()
            if r < 0.08:  # vacant: only a closed account
                a = [self.person()]
                s = days(-rng.randint(1500, 4000))
                self.add_account(p, a, "closed", s, days(-rng.randint(20, 300)))
                continue
            if r < 0.25:  # a closed previous account, then a current one
                old = [self.person()]
                s = days(-rng.randint(2000, 5000))
                e = days(-rng.randint(200, 1500))
                self.add_account(p, old, "closed", s, e)
                start = e + dt.timedelta(days=1)
            else:
                start = None
            n = rng.choice([1, 1, 2, 2, 2])
            first = self.person()
            liable = [first] if n == 1 else [first, self.person(surname=first["last"] if rng.random() < 0.6 else None)]
            disc = "SPD" if n == 1 and rng.random() < 0.55 else ""
            if n == 2 and rng.random() < 0.05:
                disc = "SMI"
            self.add_account(p, liable, "active", start, None, disc)
            for x in liable:
                if rng.random() < 0.92:
                    self.add_elector(x, p)
            if not disc and rng.random() < 0.3:
                kid = self.person(surname=first["last"])
                self.add_elector(kid, p)
            if p["parking_zone"] and rng.random() < 0.5:
                for _ in range(rng.choice([1, 1, 2])):
                    vf = days(-rng.randint(20, 340))
                    self.add_permit(p, self.new_vrm(), p["parking_zone"], vf, vf + dt.timedelta(days=364))
            if p["parking_zone"] and rng.random() < 0.2:  # an expired one
                vf = days(-rng.randint(420, 700))
                self.add_permit(p, self.new_vrm(), p["parking_zone"], vf, vf + dt.timedelta(days=364))

    def write_xlsx(self, path):
        wb = openpyxl.Workbook()
        ws = wb.active
        ws.title = "properties"
        cols = ["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band", "ward",
                "parking_zone"]
        ws.append(cols)
        for p in sorted(self.props, key=lambda p: p["uprn"]):
            ws.append([p[c] if p[c] != "" else None for c in cols])
        ws = wb.create_sheet("council_tax_accounts")
        cols = ["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"]
        ws.append(cols)
        for a in sorted(self.accounts, key=lambda a: (a["uprn"], a["start_date"])):
            ws.append([a[c] if a[c] not in ("", None) else None for c in cols])
        for row in ws.iter_rows(min_row=2):
            row[0].number_format = "@"
            for c in (row[4], row[5]):
                c.number_format = "yyyy-mm-dd"
        ws = wb.create_sheet("electoral_register")
        cols = ["elector_number", "full_name", "uprn"]
        ws.append(cols)
        for e in sorted(self.electors, key=lambda e: (e["uprn"], e["elector_number"])):
            ws.append([e[c] for c in cols])
        ws = wb.create_sheet("parking_permits")
        cols = ["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"]
        ws.append(cols)
        for p in sorted(self.permits, key=lambda p: p["permit_ref"]):
            ws.append([p[c] for c in cols])
        for row in ws.iter_rows(min_row=2):
            for c in (row[4], row[5]):
                c.number_format = "yyyy-mm-dd"
        for s in wb.worksheets:
            for col in "ABCDEFGH":
                s.column_dimensions[col].width = 22
        wb.properties.creator = "Harrowfield DC revenues extract"
        wb.save(path)
        _freeze_zip(path)


def _freeze_zip(path):
    """Make the xlsx byte-identical between runs: fixed zip timestamps and document dates."""
    import zipfile
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>2026-12-01T08:00:00Z", data)
            zi = zipfile.ZipInfo(name, date_time=(2026, 12, 1, 8, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


# ---------------------------------------------------------------- scenario helpers
def phone():
    return rng.choice([f"01632 960{rng.randint(0, 999):03d}", f"07700 900{rng.randint(0, 999):03d}",
                       f"(01632) 960{rng.randint(0, 999):03d}", f"07700900{rng.randint(0, 999):03d}",
                       f"07700 900 {rng.randint(0, 999):03d}"])


def email(person):
    f, l = person["first"].lower(), person["last"].lower()
    return rng.choice([f"{f}.{l}@example.com", f"{f[0]}{l}{rng.randint(1, 89)}@example.net",
                       f"{l}.{f}@example.org", f"{f}{l}@example.co.uk"])


def shown_name(person, with_title=None):
    if with_title is None:
        with_title = rng.random() < 0.5
    return f"{person['title']} {person['full']}" if with_title else person["full"]


def addr_lines(prop):
    return [x for x in (prop["address_line_1"], prop["address_line_2"], prop["town"]) if x]


OUT_STREETS = ["Beechwood Grove", "Rowan Close", "Kingsley Road", "Sandholme Drive", "Whitecote Lane",
               "Hollins Road", "Chantry Mews", "Station Lane", "The Paddock", "Marsh Street", "Brunswick Terrace",
               "Ing Lane", "Gladstone Avenue", "Cavendish Road", "Larch Way", "Moorside Crescent", "Holly Bank",
               "Cherry Tree Walk", "Aire View", "Wharfedale Rise"]
OUT_TOWNS = [("Headingley", "Leeds", "LS6"), ("", "Skipton", "BD23"), ("", "Huddersfield", "HD1"),
             ("Idle", "Bradford", "BD10"), ("Bramley", "Leeds", "LS13"), ("", "Todmorden", "OL14"),
             ("", "York", "YO31"), ("", "Keighley", "BD21"), ("Menston", "Ilkley", "LS29"), ("", "Rochdale", "OL11"),
             ("", "Otley", "LS21"), ("", "Sheffield", "S10"), ("Didsbury", "Manchester", "M20"),
             ("", "Wakefield", "WF1"), ("", "Harrogate", "HG2")]


def fwd_addr(world):
    if world.fwd_pool:
        return world.fwd_pool.pop()
    while True:
        st = rng.choice(OUT_STREETS)
        loc, town, out = rng.choice(OUT_TOWNS)
        num = rng.randint(1, 140)
        l1 = f"{num} {st}" if rng.random() < 0.85 else f"Flat {rng.randint(1, 12)}, {num} {st}"
        pc = f"{out} {rng.randint(1, 9)}{rng.choice(UNIT_LETTERS)}{rng.choice(UNIT_LETTERS)}"
        key = (l1, pc)
        if key not in world.fwd_used:
            world.fwd_used.add(key)
            return (l1, loc, town, pc)


def fmt_styles():
    return dict(ds=rng.choice(DATE_STYLES), acct=rng.choice(["plain", "plain", "space", "dash", "ct", "ct_space"]),
                pc=rng.choice(["normal", "normal", "normal", "nospace", "lower"]),
                vrm=rng.choice(["space", "space", "nospace", "lower"]))


def decl_date(lo=3, hi=32):
    return days(-rng.randint(lo, hi)).isoformat()


def optional_contacts(f, person, ctx):
    if rng.random() < 0.8:
        f["phone"] = phone()
    if rng.random() < 0.6:
        f["email"] = email(person)


# ---------------------------------------------------------------- SPD scenarios
def make_spd(world, case):
    st = fmt_styles()
    p = world.person()
    prop = world.claim(lambda q: True)
    other = world.person(surname=p["last"] if rng.random() < 0.5 else None)
    joint = rng.random() < 0.5
    f = {}
    ctx = dict(st=st, person=p, prop=prop)
    since = days(-rng.randint(15, 300))
    discounts = ""
    status, end = "active", None
    liable = [p, other] if joint else [p]
    reg = [p] + ([other] if rng.random() < 0.4 else [])
    named_other = rng.random() < 0.75 or case in ("OTHER_ADULTS_REGISTERED", "NAME_MISMATCH", "INCONSISTENT_DATES")
    if case == "ACCOUNT_CLOSED":
        reg = [p]
    ref_on_form = None
    reasons = [case] if case not in ("clean", "dup") else []
    if case == "ACCOUNT_CLOSED":
        status, end = "closed", days(-rng.randint(30, 90))
        since = end - dt.timedelta(days=rng.randint(60, 150))
        liable = [p]
    elif case == "NAME_MISMATCH":
        liable = [other]
        reg = [p, other]
    elif case == "DISCOUNT_ALREADY_APPLIED":
        liable = [p]
        discounts = "SPD"
        reg = [p]
    elif case == "OTHER_ADULTS_REGISTERED":
        third = world.person(surname=p["last"])
        ctx["third"] = third
        reg = [p, other, third]
    elif case == "DATE_TOO_OLD":
        since = days(-rng.randint(400, 480))
    if other in reg:
        named_other = True  # anyone else on the register must be the adult the applicant names
    start = since - dt.timedelta(days=rng.randint(500, 4000))
    acc = world.add_account(prop, liable, status, start, end, discounts)
    for x in reg:
        world.add_elector(x, prop)
    ref_on_form = acc["account_ref"]
    if case == "ACCOUNT_NOT_FOUND":
        ref_on_form = world.missing_ref(acc["account_ref"])
    f["account_ref"] = ref_on_form
    f["applicant_name"] = shown_name(p)
    f["address"] = prop["address_line_1"]
    f["postcode"] = prop["postcode"]
    f["sole_adult_since"] = since.isoformat()
    if named_other:
        f["other_adult_name"] = other["full"] if rng.random() < 0.7 else shown_name(other, True)
        if rng.random() < 0.6:
            a = fwd_addr(world)
            f["other_adult_forwarding_address"] = ", ".join(x for x in a[:3] if x) + " " + a[3]
    sd = fmt_date(since.isoformat(), st["ds"])
    oname = other["first"]
    descs = [f"{oname} moved out on {sd} and I now live here on my own.",
             f"My partner moved out to live elsewhere. I have lived alone since {sd}.",
             f"Separated from {oname}, who left the property on {sd}.",
             f"{oname} has moved away for work and no longer lives at this address.",
             "My lodger moved out when the tenancy ended, so I am the only adult now.",
             f"{oname} left home on {sd} to move in with friends in Leeds."]
    if case == "INCONSISTENT_DATES":
        moved = since - dt.timedelta(days=rng.choice([7, 14, 21, 30]))
        f["change_description"] = f"{oname} moved out on {fmt_date(moved.isoformat(), st['ds'])}, " \
                                  f"and I have been on my own since then."
    elif case == "OTHER_ADULTS_REGISTERED":
        f["change_description"] = f"{oname} moved out. My {'daughter' if ctx['third']['sex'] == 'F' else 'son'} {ctx['third']['first']} is away at university most of the year."
    elif rng.random() < 0.7:
        f["change_description"] = rng.choice(descs)
    optional_contacts(f, p, ctx)
    if case != "MISSING_FIELD:declaration_date":
        f["declaration_date"] = max(since + dt.timedelta(days=1), days(-rng.randint(2, 30))).isoformat()
    ctx["sig"] = f"{p['first'][0]}. {p['last']}" if rng.random() < 0.5 else p["full"]
    ctx["addr_lines"] = addr_lines(prop)
    return dict(form_type="council_tax_spd", fields=f, ctx=ctx, reasons=reasons)


# ---------------------------------------------------------------- move scenarios
def make_move(world, case, mtype):
    st = fmt_styles()
    p = world.person()
    f = {"move_type": mtype}
    ctx = dict(st=st, person=p)
    reasons = [case] if case != "clean" else []
    if mtype == "out":
        prop = world.claim((lambda q: q["kind"] == "terrace") if case == "ADDRESS_MISMATCH" else (lambda q: True))
        partner = world.person(surname=p["last"]) if rng.random() < 0.4 else None
        liable = [p] + ([partner] if partner else [])
        applicant = p
        if case == "NAME_MISMATCH":
            # a letting agent / landlord fills in the form for the tenant
            applicant = world.person()
            ctx["agent"] = True
        acc = world.add_account(prop, liable, "active", days(-rng.randint(500, 5000)))
        for x in liable:
            world.add_elector(x, prop)
        ref = acc["account_ref"]
        if case == "ACCOUNT_NOT_FOUND":
            ref = world.missing_ref(ref)
        f["account_ref"] = ref
        f["applicant_name"] = shown_name(applicant)
        ctx["person"] = applicant
        line1 = prop["address_line_1"]
        if case == "ADDRESS_MISMATCH":
            # wrong house number (a number not in the gazetteer for that street)
            m = re.match(r"(\d+) (.*)", line1)
            if m:
                n = int(m.group(1))
                for alt in (n + 10, n + 20, n + 2, n + 30, n + 40, n + 1):
                    cand = f"{alt} {m.group(2)}"
                    if not any(q["address_line_1"].lower() == cand.lower() for q in world.props):
                        line1 = cand
                        break
            assert not world.find_prop(line1, prop["postcode"])
        f["previous_address"] = line1
        f["previous_postcode"] = prop["postcode"]
        ctx["prev_lines"] = [line1] + addr_lines(prop)[1:]
        a = fwd_addr(world)
        f["new_address"] = a[0]
        f["new_postcode"] = a[3]
        ctx["new_lines"] = [x for x in a[:3] if x]
        md = days(rng.randint(-60, 21))
        if case == "DATE_TOO_OLD":
            md = days(-rng.randint(380, 450))
        f["move_date"] = md.isoformat()
    else:
        if case == "PROPERTY_NOT_FOUND":
            num = rng.choice([6, 9, 14, 15])
            line1 = f"Apartment {num}, Dyehouse Mill, Canal Road"
            pc = "HF2 7" + rng.choice(["LW", "NP", "RS"])
            ctx["new_lines"] = [line1, "Harrowfield"]
            f["new_address"] = line1
            f["new_postcode"] = pc
        else:
            prop = world.claim(lambda q: True)
            old = [world.person()]
            e = days(-rng.randint(10, 120))
            world.add_account(prop, old, "closed", days(-rng.randint(900, 4000)), e)
            world.add_elector(old[0], prop) if rng.random() < 0.3 else None
            f["new_address"] = prop["address_line_1"]
            f["new_postcode"] = prop["postcode"]
            ctx["new_lines"] = addr_lines(prop)
        f["applicant_name"] = shown_name(p)
        if rng.random() < 0.6:
            a = fwd_addr(world)
            f["previous_address"] = a[0]
            f["previous_postcode"] = a[3]
            ctx["prev_lines"] = [x for x in a[:3] if x]
        md = days(rng.randint(-50, 24))
        if case == "DATE_IN_FUTURE":
            md = days(rng.randint(40, 70))
        f["move_date"] = md.isoformat()
    optional_contacts(f, ctx["person"], ctx)
    f["declaration_date"] = min(AS_OF - dt.timedelta(days=1),
                                max(D(f["move_date"]) - dt.timedelta(days=rng.randint(0, 25)),
                                    days(-rng.randint(2, 35)))).isoformat()
    if case == "DATE_TOO_OLD":
        f["declaration_date"] = decl_date()
    if rng.random() < 0.5:
        ctx["other_info"] = rng.choice(["Keys handed back to Calder Valley Lettings.",
                                        "Please send the final bill and any refund to my new address.",
                                        "House sold; solicitors acting are Firth & Lumb, Harrowfield."]
                                       if mtype == "out" else
                                       ["The property is rented from Pennine Homes Ltd.",
                                        "I am buying the house; solicitors are Firth & Lumb, Harrowfield.",
                                        "I was previously living with my parents and was not liable."])
    p2 = ctx["person"]
    ctx["sig"] = f"{p2['first'][0]} {p2['last']}" if rng.random() < 0.5 else p2["full"]
    return dict(form_type="council_tax_move", fields=f, ctx=ctx, reasons=reasons)


# ---------------------------------------------------------------- parking scenarios
MAKES = [("Ford", "Fiesta"), ("Vauxhall", "Corsa"), ("Volkswagen", "Golf"), ("Nissan", "Qashqai"),
         ("Toyota", "Yaris"), ("Kia", "Picanto"), ("Skoda", "Octavia"), ("Peugeot", "208"), ("Honda", "Jazz"),
         ("Hyundai", "i10"), ("Citroen", "C3"), ("BMW", "1 Series"), ("Mini", "Cooper"), ("Dacia", "Sandero")]
COLOURS = ["Silver", "Black", "Blue", "Red", "White", "Grey", "Green"]


def make_parking(world, case):
    st = fmt_styles()
    p = world.person()
    ctx = dict(st=st, person=p)
    reasons = [case] if case != "clean" else []
    prop = world.claim(lambda q: q["parking_zone"] != "")
    zone = prop["parking_zone"]
    resident_kind = rng.choice(["liable", "liable", "liable", "register"])
    if case == "NOT_RESIDENT":
        resident_kind = "none"
    if resident_kind == "liable":
        liable = [p] + ([world.person(surname=p["last"])] if rng.random() < 0.4 else [])
        world.add_account(prop, liable, "active", days(-rng.randint(300, 4000)))
        for x in liable:
            if rng.random() < 0.8:
                world.add_elector(x, prop)
    elif resident_kind == "register":
        parent = world.person(surname=p["last"])
        world.add_account(prop, [parent], "active", days(-rng.randint(300, 4000)))
        world.add_elector(parent, prop)
        world.add_elector(p, prop)
    else:
        owner = world.person()
        world.add_account(prop, [owner], "active", days(-rng.randint(300, 4000)))
        world.add_elector(owner, prop)
    vrm = world.new_vrm(rng.choice(["cur", "cur", "cur", "pre", "suf"]))
    # existing permits at the property
    if case == "PERMIT_CAP_REACHED":
        for _ in range(2):
            vf = days(-rng.randint(30, 300))
            world.add_permit(prop, world.new_vrm(), zone, vf, vf + dt.timedelta(days=364))
    elif case == "VRM_HAS_PERMIT":
        vf = days(-rng.randint(200, 300))
        world.add_permit(prop, vrm, zone, vf, vf + dt.timedelta(days=364))
    else:
        r = rng.random()
        if r < 0.35:
            vf = days(-rng.randint(30, 300))
            world.add_permit(prop, world.new_vrm(), zone, vf, vf + dt.timedelta(days=364))
        elif r < 0.6:  # renewal: the same vehicle's permit has just expired
            vf = days(-rng.randint(380, 420))
            world.add_permit(prop, vrm, zone, vf, vf + dt.timedelta(days=364))
            ctx["renewal"] = True
    f = {}
    f["applicant_name"] = shown_name(p)
    f["address"] = prop["address_line_1"]
    f["postcode"] = prop["postcode"]
    if case == "INVALID_FORMAT:vrm":
        vrm = rng.choice(["YG66XKTA", "BD5ISMR", "1LS70FHJ"])
    if case != "MISSING_FIELD:vrm":
        f["vrm"] = vrm
    mk = rng.choice(MAKES)
    ctx["model"], ctx["colour"] = mk[1], rng.choice(COLOURS)
    if rng.random() < 0.85 or case == "MISSING_FIELD:vrm":
        f["vehicle_make"] = mk[0]
    if case == "NOT_IN_PERMIT_ZONE":
        zone = rng.choice([z for z in ZONE_NAMES if z != zone])
    f["zone"] = zone
    sd = days(rng.randint(-3, 24))
    if case == "DATE_IN_FUTURE":
        sd = days(rng.randint(45, 75))
    f["start_date"] = sd.isoformat()
    optional_contacts(f, p, ctx)
    f["declaration_date"] = decl_date(1, 20)
    ctx["sig"] = p["full"] if rng.random() < 0.5 else f"{p['first'][0]}.{p['last']}"
    ctx["addr_lines"] = addr_lines(prop)
    return dict(form_type="parking_permit", fields=f, ctx=ctx, reasons=reasons)


# ---------------------------------------------------------------- document specs
# item kinds: text(label,value,w), lines(label,[..]), choice(label,options,sel), long(label,value),
#             sig(label,value), note(text), title parts
def T(label, value, w="half", tip=None):
    return dict(k="text", label=label, value=value or "", w=w, tip=tip)


def Lines(label, lines, tip=None):
    return dict(k="lines", label=label, value=lines or [], tip=tip)


def Ch(label, options, sel, tip=None, values=None):
    return dict(k="choice", label=label, options=options, sel=sel, tip=tip, values=values)


def Long(label, value, tip=None):
    return dict(k="long", label=label, value=value or "", tip=tip)


def Sig(label, value):
    return dict(k="sig", label=label, value=value or "")


def Note(text):
    return dict(k="note", text=text)


SPD_DECL = ("I declare that the information I have given on this form is correct and complete. I understand that "
            "if I give false information I may be prosecuted, and that I must tell the council within 21 days "
            "if anyone aged 18 or over comes to live at the property.")
MOVE_DECL = ("I confirm that the details given are true to the best of my knowledge. I understand the council may "
             "check this information with other records it holds.")
PARK_DECL = ("I declare that I live at the address above, that the vehicle is kept there and that the information "
             "given is correct. I understand a permit does not guarantee a parking space.")


def g(f, k, st=None, kind=None):
    v = f.get(k)
    if v is None:
        return ""
    if kind == "date":
        return fmt_date(v, st["ds"])
    if kind == "pc":
        return fmt_pc(v, st["pc"])
    if kind == "acct":
        return fmt_acct(v, st["acct"])
    if kind == "vrm":
        return fmt_vrm(v, st["vrm"])
    return v


def addr_block(lines, pc_printed, with_pc_in_block):
    return lines + ([pc_printed] if with_pc_in_block else [])


def spd_doc(layout, sc):
    f, ctx = sc["fields"], sc["ctx"]
    st = ctx["st"]
    acct, pc = g(f, "account_ref", st, "acct"), g(f, "postcode", st, "pc")
    since, decl = g(f, "sole_adult_since", st, "date"), g(f, "declaration_date", st, "date")
    doc = dict(title="Council Tax", subtitle="Single Person Discount application", code="CTAX/SPD1")
    if layout == "boxed":
        doc.update(title="Council Tax: Single Person Discount", subtitle="Application form  CT14",
                   intro="Use this form if you are the only person aged 18 or over who lives at your home. "
                         "Please write clearly in black ink.")
        doc["sections"] = [
            dict(title="1  Your details", items=[
                T("Council Tax account reference", acct), T("Your full name", f["applicant_name"]),
                Lines("Address of the property", ctx["addr_lines"]),
                T("Postcode", pc), T("Daytime telephone number", f.get("phone")),
                T("Email address", f.get("email"), "full")]),
            dict(title="2  Your circumstances", items=[
                Ch("Are you the only adult (aged 18 or over) living at this address?", ["Yes", "No"], 0),
                T("Date you became the only adult resident", since),
                T("Name of the adult who has left", f.get("other_adult_name")),
                T("Where have they moved to? (if known)", f.get("other_adult_forwarding_address"), "full"),
                Long("Please tell us briefly what has changed", f.get("change_description"))]),
            dict(title="3  Declaration", items=[Note(SPD_DECL), Sig("Signature", ctx["sig"]),
                                                T("Date signed", decl)])]
    elif layout == "two_page":
        p = ctx["person"]
        title_shown = f["applicant_name"].startswith(p["title"] + " ")
        doc.update(title="HARROWFIELD DISTRICT COUNCIL", subtitle="Council Tax - Application for 25% Single Person Discount",
                   code="Form SPD/2")
        doc["sections"] = [
            dict(page=1, title="PART A  -  PERSONAL DETAILS", items=[
                T("Title", p["title"] if title_shown else ""), T("Forename(s)", p["first"]), T("Surname", p["last"]),
                T("Council Tax reference number", acct),
                Lines("Address of the property for which you are claiming the discount", ctx["addr_lines"]),
                T("Post code", pc), T("Contact telephone no.", f.get("phone")), T("E-mail", f.get("email"))]),
            dict(page=1, title="PART B  -  THE OTHER ADULT", items=[
                T("Full name of the person who has moved out", f.get("other_adult_name")),
                Long("Their forwarding address (if known)", f.get("other_adult_forwarding_address"))]),
            dict(page=2, title="PART C  -  DATES AND DECLARATION", items=[
                T("From what date have you been the sole adult occupier of the property?", since),
                Long("Reason for the change in your household", f.get("change_description")),
                Note(SPD_DECL), Sig("Signed", ctx["sig"]), T("Date", decl)])]
    elif layout == "acro":
        a = ctx["addr_lines"] + ["", ""]
        doc.update(title="Harrowfield District Council", subtitle="Single Person Discount - fillable application form",
                   code="SPD-E v3.1")
        doc["sections"] = [
            dict(title="Section 1 - Applicant", items=[
                T("Council Tax account no.", acct, tip="Your Council Tax account number (on your bill)"),
                T("Name", f["applicant_name"], tip="Full name of the person applying"),
                T("Address line 1", a[0], tip="First line of the property address"),
                T("Address line 2", a[1] if len(ctx["addr_lines"]) > 2 else "", tip="Second line of address"),
                T("Town", ctx["addr_lines"][-1], tip="Town"),
                T("Postcode", pc, tip="Postcode of the property"),
                T("Telephone", f.get("phone"), tip="Telephone number"),
                T("Email", f.get("email"), tip="Email address")]),
            dict(title="Section 2 - About the change", items=[
                T("Only adult from", since, tip="Date you became the only adult living at the property"),
                T("Name of other adult", f.get("other_adult_name"), tip="Name of the adult who has moved out"),
                T("Their new address", f.get("other_adult_forwarding_address"), tip="Forwarding address of the adult who moved out"),
                Long("What has changed?", f.get("change_description"), tip="Tell us what changed")]),
            dict(title="Section 3 - Declaration", items=[
                Note(SPD_DECL), Ch("I agree with the declaration above", ["I agree"], 0, tip="Declaration"),
                T("Date", decl, tip="Date of declaration")])]
    elif layout == "web":
        a = ctx["addr_lines"]
        doc.update(title="Apply for a single person discount", code="SPD")
        doc["sections"] = [
            dict(title="Your Council Tax account", items=[
                T("What is your Council Tax account number?", acct),
                T("Your full name", f["applicant_name"]),
                T("House number or name and street", a[0]),
                T("Town or village", a[-1]),
                T("Postcode", pc)]),
            dict(title="About your household", items=[
                Ch("Is anyone else aged 18 or over living at the property?", ["Yes", "No"], 1),
                T("When did you become the only adult living there?", since),
                T("Name of the person who left", f.get("other_adult_name")),
                T("Where did they move to?", f.get("other_adult_forwarding_address")),
                T("Tell us what has changed", f.get("change_description"))]),
            dict(title="Contact details", items=[
                T("Phone number", f.get("phone")), T("Email address", f.get("email"))]),
            dict(title="Declaration", items=[
                Ch("I confirm the information I have given is correct", ["I confirm", "I do not confirm"], 0),
                T("Date of declaration", decl)])]
    return doc


def move_doc(layout, sc):
    f, ctx = sc["fields"], sc["ctx"]
    st = ctx["st"]
    mt = f["move_type"]
    acct = g(f, "account_ref", st, "acct")
    ppc, npc = g(f, "previous_postcode", st, "pc"), g(f, "new_postcode", st, "pc")
    md, decl = g(f, "move_date", st, "date"), g(f, "declaration_date", st, "date")
    prev, new = ctx.get("prev_lines", []), ctx.get("new_lines", [])
    doc = {}
    if layout == "wp":
        doc.update(title="Council Tax - Change of Address", subtitle="Moving home: notification form",
                   code="CT/MOV/01 (rev. 2025)")
        doc["sections"] = [
            dict(title="About your move", items=[
                Ch("Are you moving into a property in the Harrowfield district, or moving out of one?",
                   ["I am moving in", "I am moving out"], 0 if mt == "in" else 1),
                T("Your Council Tax account number (if you have one)", acct),
                T("Your full name", f["applicant_name"]),
                Lines("Address you are leaving", prev),
                T("Postcode of the address you are leaving", ppc),
                Lines("Address you are moving to (or a forwarding address if you are leaving the district)", new),
                T("Postcode of the new address", npc),
                T("Date of the move (the date you got / handed back the keys)", md)]),
            dict(title="Contact details", items=[
                T("Telephone", f.get("phone")), T("Email", f.get("email"))]),
            dict(title="Declaration", items=[Note(MOVE_DECL), Sig("Signature", ctx["sig"]), T("Date", decl)])]
    elif layout == "two_page":
        p = ctx["person"]
        nm = f["applicant_name"]
        title_shown = nm.startswith(p["title"] + " ")
        doc.update(title="HARROWFIELD DISTRICT COUNCIL", subtitle="Council Tax - Notification of Change of Address",
                   code="Form CTA/7")
        doc["sections"] = [
            dict(page=1, title="SECTION 1  -  YOUR DETAILS", items=[
                T("Title", p["title"] if title_shown else ""), T("Forename(s)", p["first"]), T("Surname", p["last"]),
                T("Council Tax account reference (if known)", acct),
                Ch("Please tick one", ["Moving into the district / a new property", "Leaving the property"],
                   0 if mt == "in" else 1),
                Lines("Property you are leaving", prev), T("Post code", ppc),
                Lines("Property you are moving to / forwarding address", new), T("Post code", npc),
                T("Contact telephone no.", f.get("phone")), T("E-mail", f.get("email"))]),
            dict(page=2, title="SECTION 2  -  DATES AND DECLARATION", items=[
                T("Date you moved, or will move", md),
                Long("Any other information (for example the name of your landlord or solicitor)", ctx.get("other_info", "")),
                Note(MOVE_DECL), Sig("Signed", ctx["sig"]), T("Date", decl)])]
    elif layout == "acro":
        doc.update(title="Harrowfield District Council", subtitle="Council Tax: tell us you are moving",
                   code="CTMOVE-F v2")
        doc["sections"] = [
            dict(title="Part 1", items=[
                Ch("I am", ["Moving in", "Moving out"], 0 if mt == "in" else 1,
                   tip="Are you moving in or out of the property?", values=["In", "Out"]),
                T("Account number", acct, tip="Council Tax account number if you have one"),
                T("Full name", f["applicant_name"], tip="Your full name"),
                Long("Old address", "\n".join(prev), tip="Address you are moving from"),
                T("Old postcode", ppc, tip="Postcode of the address you are moving from"),
                Long("New address", "\n".join(new), tip="Address you are moving to / forwarding address"),
                T("New postcode", npc, tip="Postcode of the address you are moving to"),
                T("Date of move", md, tip="Date you moved or will move")]),
            dict(title="Part 2", items=[
                T("Phone", f.get("phone"), tip="Contact telephone number"),
                T("Email", f.get("email"), tip="Contact email address"),
                Note(MOVE_DECL),
                Ch("Declaration", ["I confirm"], 0, tip="Tick to confirm the declaration"),
                T("Date", decl, tip="Today's date")])]
    elif layout == "web":
        doc.update(title="Tell us you are moving home", code="CTMOV")
        secs = [dict(title="Your move", items=[
            Ch("Are you moving into or out of a property in Harrowfield?",
               ["Moving into a property in Harrowfield", "Moving out of a property in Harrowfield"],
               0 if mt == "in" else 1),
            T("Full name", f["applicant_name"])])]
        if mt == "out":
            secs.append(dict(title="The property you are leaving", items=[
                T("Council Tax account number", acct),
                T("House number or name and street", prev[0]), T("Town", prev[-1]), T("Postcode", ppc),
                T("Date you are moving out", md)]))
            secs.append(dict(title="Your forwarding address", items=[
                T("Address line 1", new[0]), T("Town or city", new[-1]), T("Postcode", npc)]))
        else:
            secs.append(dict(title="The property you are moving into", items=[
                T("House number or name and street", new[0]), T("Town", new[-1]), T("Postcode", npc),
                T("Date you are moving in", md)]))
            if prev:
                secs.append(dict(title="Where you lived before", items=[
                    T("Address line 1", prev[0]), T("Town or city", prev[-1]), T("Postcode", ppc)]))
        secs.append(dict(title="Contact details", items=[T("Phone number", f.get("phone")),
                                                         T("Email address", f.get("email"))]))
        secs.append(dict(title="Declaration", items=[
            Ch("I confirm the information I have given is correct", ["I confirm"], 0),
            T("Date of declaration", decl)]))
        doc["sections"] = secs
    return doc


def park_doc(layout, sc):
    f, ctx = sc["fields"], sc["ctx"]
    st = ctx["st"]
    pc = g(f, "postcode", st, "pc")
    vrm = g(f, "vrm", st, "vrm")
    sd, decl = g(f, "start_date", st, "date"), g(f, "declaration_date", st, "date")
    z = f["zone"]
    zones = ["HA", "HB", "HC", "HD", "TC"]
    doc = {}
    if layout == "boxed":
        zone_print = rng.choice([z, ZONE_NAMES[z] if z != "TC" else "Town Centre (TC)"])
        doc.update(title="Residents' Parking Permit", subtitle="Application form  RP1", code="RP1",
                   intro="One form per vehicle. A maximum of two permits can be issued to each household.")
        doc["sections"] = [
            dict(title="1  Applicant", items=[
                T("Full name", f["applicant_name"]), T("Telephone", f.get("phone")),
                Lines("Home address", ctx["addr_lines"]), T("Postcode", pc), T("Email", f.get("email"))]),
            dict(title="2  Vehicle", items=[
                T("Registration number", vrm), T("Make", f.get("vehicle_make")),
                T("Model", ctx["model"]), T("Colour", ctx["colour"])]),
            dict(title="3  Permit", items=[
                T("Permit zone (as shown on the street signs)", zone_print),
                T("Date you want the permit to start", sd),
                Ch("Is this a renewal?", ["Yes", "No"], 0 if ctx.get("renewal") else 1)]),
            dict(title="4  Declaration", items=[Note(PARK_DECL), Sig("Signature", ctx["sig"]),
                                                T("Date", decl)])]
    elif layout == "wp":
        doc.update(title="Application for a Residents' Parking Permit", subtitle="Parking Services",
                   code="PS/RPP/2026")
        doc["sections"] = [
            dict(title="Your details", items=[
                T("Name of applicant", f["applicant_name"]),
                Lines("Address where the vehicle is kept", ctx["addr_lines"]),
                T("Postcode", pc), T("Daytime phone", f.get("phone")), T("E-mail address", f.get("email"))]),
            dict(title="Vehicle and permit", items=[
                T("Vehicle registration mark (number plate)", vrm),
                T("Vehicle make", f.get("vehicle_make")),
                T("Model and colour", f"{ctx['model']}, {ctx['colour'].lower()}"),
                Ch("Which permit zone do you live in? (mark one)",
                   [f"{ZONE_NAMES[x]} - {ZONE_AREAS[x]}" if x != "TC" else "Town Centre (TC)" for x in zones],
                   zones.index(z)),
                T("Date you would like the permit to begin", sd)]),
            dict(title="Declaration", items=[Note(PARK_DECL), Sig("Signature", ctx["sig"]), T("Date", decl)])]
    elif layout == "acro":
        a = ctx["addr_lines"]
        doc.update(title="Harrowfield District Council", subtitle="Residents' parking permit - fillable application",
                   code="RPP-E v1.4")
        doc["sections"] = [
            dict(title="Applicant", items=[
                T("Name", f["applicant_name"], tip="Name of applicant"),
                T("Address", a[0], tip="First line of your address"),
                T("", a[1] if len(a) > 2 else "", tip="Address line 2"),
                T("Town", a[-1], tip="Town"),
                T("Postcode", pc, tip="Postcode"),
                T("Phone", f.get("phone"), tip="Contact telephone number"),
                T("Email", f.get("email"), tip="Email address")]),
            dict(title="Vehicle and zone", items=[
                T("Registration", vrm, tip="Vehicle registration number"),
                T("Make", f.get("vehicle_make"), tip="Vehicle make"),
                T("Model", ctx["model"], tip="Vehicle model"),
                Ch("Zone", ["Zone HA", "Zone HB", "Zone HC", "Zone HD", "Town Centre"], zones.index(z),
                   tip="Permit zone", values=zones),
                T("Start date", sd, tip="Date you want the permit to start")]),
            dict(title="Declaration", items=[
                Note(PARK_DECL), Ch("I agree", ["I agree"], 0, tip="Declaration"),
                T("Date", decl, tip="Date of declaration")])]
    elif layout == "web":
        a = ctx["addr_lines"]
        zp = "Town Centre (TC)" if z == "TC" else rng.choice([ZONE_NAMES[z], f"{ZONE_NAMES[z]} ({ZONE_AREAS[z]})"])
        doc.update(title="Apply for a residents' parking permit", code="RPP")
        doc["sections"] = [
            dict(title="Your details", items=[
                T("Your name", f["applicant_name"]),
                T("Building number or name and street", a[0]), T("Town", a[-1]), T("Postcode", pc),
                T("Phone number", f.get("phone")), T("Email address", f.get("email"))]),
            dict(title="Your vehicle", items=[
                T("Vehicle registration number", vrm), T("Vehicle make", f.get("vehicle_make")),
                T("Vehicle colour", ctx["colour"])]),
            dict(title="Your permit", items=[
                T("Permit zone", zp), T("When do you want the permit to start?", sd),
                T("Permit length", "12 months (£45.00)")]),
            dict(title="Declaration", items=[
                Ch("I confirm the vehicle is kept at the address above", ["Yes", "No"], 0),
                T("Date of declaration", decl)])]
    return doc


# ---------------------------------------------------------------- renderers
DARK = HexColor("#1d3b53")
GREY = HexColor("#6b6b6b")
LIGHT = HexColor("#e6e9ec")
COUNCIL_ADDR = "Harrowfield District Council, Town Hall, Crossley Street, Harrowfield HF1 1HD"


def new_canvas(path, title):
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setTitle(title)
    c.setAuthor("Harrowfield District Council")
    return c


def wrap(text, font, size, width):
    out = []
    for para in str(text).split("\n"):
        out += simpleSplit(para, font, size, width) or [""]
    return out


def crest(c, x, y, s=1.0):
    c.saveState()
    c.setFillColor(DARK)
    c.circle(x, y, 13 * s, fill=1, stroke=0)
    c.setFillColor(white)
    c.setFont("Helvetica-Bold", 11 * s)
    c.drawCentredString(x, y - 4 * s, "H")
    c.restoreState()


# ---- layout: boxed
def render_boxed(path, doc, meta):
    c = new_canvas(path, doc["title"])
    M, CW = 38, W - 76
    y = H - 40
    crest(c, M + 14, y - 12)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(M + 34, y - 8, "Harrowfield District Council")
    c.setFont("Helvetica", 8)
    c.drawString(M + 34, y - 19, "Revenues and Benefits  |  Town Hall, Crossley Street, Harrowfield HF1 1HD")
    c.setFont("Helvetica-Bold", 15)
    c.drawRightString(W - M, y - 8, doc["title"])
    c.setFont("Helvetica", 9)
    c.drawRightString(W - M, y - 20, doc["subtitle"])
    y -= 36
    if doc.get("intro"):
        c.setFont("Helvetica", 8.5)
        for ln in wrap(doc["intro"], "Helvetica", 8.5, CW):
            c.drawString(M, y, ln)
            y -= 11
        y -= 4

    def box(x, top, w, h, label, val=None, multi=None, font="Helvetica", size=11):
        c.setStrokeColor(HexColor("#444444"))
        c.setLineWidth(0.7)
        c.rect(x, top - h, w, h, stroke=1, fill=0)
        c.setFillColor(GREY)
        c.setFont("Helvetica", 6.5)
        c.drawString(x + 3, top - 8, label)
        c.setFillColor(black)
        c.setFont(font, size)
        if multi is not None:
            yy = top - 21
            for ln in multi:
                c.drawString(x + 6, yy, ln)
                yy -= 14
        elif val:
            c.drawString(x + 6, top - 23, val)

    items_rows = []
    for sec in doc["sections"]:
        items_rows.append(("bar", sec["title"]))
        its = sec["items"]
        i = 0
        while i < len(its):
            it = its[i]
            if it["k"] in ("text", "sig") and it.get("w", "half") == "half" and i + 1 < len(its) and \
                    its[i + 1]["k"] in ("text", "sig") and its[i + 1].get("w", "half") == "half":
                items_rows.append(("pair", it, its[i + 1]))
                i += 2
            else:
                items_rows.append(("one", it))
                i += 1
    for row in items_rows:
        need = 30
        if row[0] == "one" and row[1]["k"] in ("lines", "long", "note"):
            need = 60
        if y - need < 50:
            c.setFont("Helvetica", 7)
            c.drawRightString(W - M, 30, "Please turn over")
            c.showPage()
            y = H - 40
        if row[0] == "bar":
            y -= 6
            c.setFillColor(DARK)
            c.rect(M, y - 16, CW, 16, stroke=0, fill=1)
            c.setFillColor(white)
            c.setFont("Helvetica-Bold", 9.5)
            c.drawString(M + 6, y - 11.5, row[1].upper())
            c.setFillColor(black)
            y -= 16
        elif row[0] == "pair":
            for j, it in enumerate(row[1:]):
                x = M + j * CW / 2
                if it["k"] == "sig":
                    box(x, y, CW / 2, 32, it["label"], it["value"], font="Helvetica-Oblique", size=13)
                else:
                    box(x, y, CW / 2, 32, it["label"], it["value"])
            y -= 32
        else:
            it = row[1]
            k = it["k"]
            if k == "text":
                box(M, y, CW, 32, it["label"], it["value"])
                y -= 32
            elif k == "sig":
                box(M, y, CW, 32, it["label"], it["value"], font="Helvetica-Oblique", size=13)
                y -= 32
            elif k == "lines":
                n = max(3, len(it["value"]))
                h = 14 + n * 14
                box(M, y, CW, h, it["label"], multi=it["value"])
                y -= h
            elif k == "long":
                ls = wrap(it["value"], "Helvetica", 11, CW - 14) if it["value"] else []
                n = max(2, len(ls))
                h = 14 + n * 14
                box(M, y, CW, h, it["label"], multi=ls)
                y -= h
            elif k == "choice":
                c.setStrokeColor(HexColor("#444444"))
                c.rect(M, y - 30, CW, 30)
                c.setFillColor(GREY)
                c.setFont("Helvetica", 6.5)
                c.drawString(M + 3, y - 8, it["label"])
                c.setFillColor(black)
                x = M + 8
                for oi, opt in enumerate(it["options"]):
                    c.rect(x, y - 25, 10, 10)
                    if oi == it["sel"]:
                        c.setFont("Helvetica-Bold", 10)
                        c.drawCentredString(x + 5, y - 23.5, "X")
                    c.setFont("Helvetica", 10)
                    c.drawString(x + 14, y - 24, opt)
                    x += 28 + c.stringWidth(opt, "Helvetica", 10) + 20
                y -= 30
            elif k == "note":
                ls = wrap(it["text"], "Helvetica", 8, CW - 10)
                h = 8 + 10 * len(ls)
                c.setStrokeColor(HexColor("#444444"))
                c.rect(M, y - h, CW, h)
                c.setFont("Helvetica", 8)
                yy = y - 11
                for ln in ls:
                    c.drawString(M + 5, yy, ln)
                    yy -= 10
                y -= h
    c.setFont("Helvetica", 6.5)
    c.setFillColor(GREY)
    c.drawString(M, 28, f"{doc['subtitle'].split()[-1]}  |  Harrowfield District Council  |  www.harrowfield.gov.uk  |  "
                        "Data protection: see our privacy notice at www.harrowfield.gov.uk/privacy")
    c.save()


# ---- layout: word-processor table
def render_wp(path, doc, meta):
    c = new_canvas(path, doc["title"])
    M = 50
    C1 = 200
    C2 = W - 2 * M - C1
    y = H - 55
    c.setFont(WP_BOLD, 14)
    c.drawString(M, y, "HARROWFIELD DISTRICT COUNCIL")
    y -= 20
    c.setFont(WP_BOLD, 12)
    c.drawString(M, y, doc["title"])
    y -= 15
    c.setFont(WP_FONT, 9)
    c.drawString(M, y, doc["subtitle"] + "   \u2022   Please complete in BLOCK CAPITALS where possible")
    y -= 20
    mark = meta["mark"]

    def choice_lines(it):
        tick = "\u2713" if HAVE_DV else "X"
        on, off = ("\u2612", "\u2610") if HAVE_DV else ("[X]", "[ ]")
        out = []
        for oi, opt in enumerate(it["options"]):
            sel = oi == it["sel"]
            if mark == "tick_after":
                out.append((opt + "  " + tick) if sel else opt)
            elif mark == "box":
                out.append((on if sel else off) + "  " + opt)
            else:  # X in brackets after the option
                out.append(opt + ("   [ X ]" if sel else "   [    ]"))
        return out

    def row(q, alines, bold_q=False, shade=False, span=False):
        nonlocal y
        ql = wrap(q, WP_BOLD if bold_q else WP_FONT, 9.5, (C1 + C2 - 10) if span else (C1 - 10))
        al = alines if not span else []
        n = max(len(ql), len(al), 1)
        h = n * 13 + 8
        if y - h < 60:
            c.setFont(WP_FONT, 8)
            c.drawCentredString(W / 2, 35, "continued overleaf")
            c.showPage()
            y = H - 55
        if shade:
            c.setFillColor(LIGHT)
            c.rect(M, y - h, C1 + C2, h, stroke=0, fill=1)
            c.setFillColor(black)
        c.setLineWidth(0.5)
        c.rect(M, y - h, C1 + C2, h)
        if not span:
            c.line(M + C1, y, M + C1, y - h)
        c.setFont(WP_BOLD if bold_q else WP_FONT, 9.5)
        yy = y - 13
        for ln in ql:
            c.drawString(M + 5, yy, ln)
            yy -= 13
        c.setFont(WP_FONT, 10)
        yy = y - 13
        for ln in al:
            c.drawString(M + C1 + 6, yy, ln)
            yy -= 13
        y -= h

    for sec in doc["sections"]:
        row(sec["title"], [], bold_q=True, shade=True, span=True)
        for it in sec["items"]:
            k = it["k"]
            if k == "text":
                row(it["label"], wrap(it["value"], WP_FONT, 10, C2 - 12) if it["value"] else [])
            elif k == "sig":
                row(it["label"], [it["value"]])
            elif k == "lines":
                row(it["label"], it["value"])
            elif k == "long":
                row(it["label"], wrap(it["value"], WP_FONT, 10, C2 - 12))
            elif k == "choice":
                row(it["label"], choice_lines(it))
            elif k == "note":
                row(it["text"], [], span=True)
    c.setFont(WP_FONT, 7.5)
    c.drawString(M, 35, f"{doc['code']}    Return to: {COUNCIL_ADDR}")
    c.save()


# ---- layout: two-page with ruled answer lines
def render_two_page(path, doc, meta):
    c = new_canvas(path, doc["subtitle"])
    M = 48
    AX = 250  # answer column
    AW = W - M - AX
    ref = meta["formref"]

    def header_first():
        c.setFont("Times-Bold", 15)
        c.drawCentredString(W / 2, H - 50, doc["title"])
        c.setFont("Times-Roman", 12)
        c.drawCentredString(W / 2, H - 66, doc["subtitle"])
        c.setFont("Times-Italic", 8.5)
        c.drawRightString(W - M, H - 30, doc["code"])
        c.setLineWidth(1.2)
        c.line(M, H - 76, W - M, H - 76)
        return H - 96

    def header_running():
        c.setFont("Times-Italic", 8.5)
        c.drawString(M, H - 30, f"Harrowfield District Council  -  {doc['subtitle'].split(' - ')[-1]} (continued)")
        c.drawRightString(W - M, H - 30, f"{doc['code']}   Page 2 of 2")
        c.setLineWidth(0.6)
        c.line(M, H - 36, W - M, H - 36)
        return H - 62

    y = header_first()
    page = 1
    for sec in doc["sections"]:
        if sec["page"] != page:
            c.setFont("Times-BoldItalic", 10)
            c.drawRightString(W - M, 40, "Continued on next page  >>")
            c.setFont("Times-Roman", 7.5)
            c.drawString(M, 40, f"{doc['code']}   Page 1 of 2")
            c.showPage()
            page = sec["page"]
            y = header_running()
        c.setFont("Times-Bold", 11)
        c.drawString(M, y, sec["title"])
        y -= 22
        for it in sec["items"]:
            k = it["k"]
            if k == "note":
                c.setFont("Times-Roman", 9.5)
                for ln in wrap(it["text"], "Times-Roman", 9.5, W - 2 * M):
                    c.drawString(M, y, ln)
                    y -= 12
                y -= 10
                continue
            lab = wrap(it["label"], "Times-Roman", 10.5, AX - M - 10)
            if k == "lines":
                vals = it["value"] if it["value"] else [""]
                vals = vals + [""] * (3 - len(vals)) if len(vals) < 3 else vals
            elif k == "choice":
                vals = None
            else:
                font = "Courier" if k != "sig" else "Times-Italic"
                vals = wrap(it["value"], "Courier", 10.5, AW - 8) if it["value"] else [""]
                if k == "long" and len(vals) < 2:
                    vals += [""]
            c.setFont("Times-Roman", 10.5)
            yy = y
            for ln in lab:
                c.drawString(M, yy, ln)
                yy -= 13
            if k == "choice":
                x = AX
                ly = y
                for oi, opt in enumerate(it["options"]):
                    c.rect(x, ly - 2, 9, 9)
                    if oi == it["sel"]:
                        c.setFont("Helvetica-Bold", 9)
                        c.drawString(x + 1.6, ly - 0.5, "X")
                    c.setFont("Times-Roman", 10.5)
                    c.drawString(x + 14, ly, opt)
                    ly -= 15
                y = min(yy, ly) - 8
                continue
            ly = y
            for v in vals:
                c.setFont("Courier" if k != "sig" else "Times-Italic", 10.5 if k != "sig" else 13)
                c.drawString(AX + 4, ly, v)
                c.setDash(1, 2)
                c.setLineWidth(0.5)
                c.line(AX, ly - 3, W - M, ly - 3)
                c.setDash()
                ly -= 17
            y = min(yy, ly) - 6
        y -= 10
    c.save()


# ---- layout: AcroForm
def render_acro(path, doc, meta):
    c = new_canvas(path, doc["subtitle"])
    af = c.acroForm
    M = 45
    FX = 200
    FW = W - M - FX
    n_text = [0]
    n_check = [0]
    n_group = [0]
    counter = [0]  # shared counter like Acrobat's auto names

    def nxt():
        counter[0] += 1
        return counter[0]

    y = H - 50
    crest(c, M + 14, y + 2)
    c.setFont("Helvetica-Bold", 13)
    c.drawString(M + 34, y + 4, doc["title"])
    c.setFont("Helvetica", 10.5)
    c.drawString(M + 34, y - 10, doc["subtitle"])
    c.setFont("Helvetica", 7)
    c.drawRightString(W - M, y + 4, doc["code"])
    c.drawRightString(W - M, y - 6, "Complete on screen, save and email to forms@harrowfield.gov.uk")
    y -= 34
    for sec in doc["sections"]:
        if y < 120:
            c.showPage()
            y = H - 50
        c.setFillColor(LIGHT)
        c.rect(M, y - 4, W - 2 * M, 16, stroke=0, fill=1)
        c.setFillColor(black)
        c.setFont("Helvetica-Bold", 10)
        c.drawString(M + 4, y, sec["title"])
        y -= 26
        for it in sec["items"]:
            k = it["k"]
            if k == "note":
                c.setFont("Helvetica", 8)
                for ln in wrap(it["text"], "Helvetica", 8, W - 2 * M):
                    c.drawString(M, y + 4, ln)
                    y -= 10
                y -= 6
                continue
            c.setFont("Helvetica", 9)
            lab = wrap(it["label"], "Helvetica", 9, FX - M - 8)
            for i, ln in enumerate(lab):
                c.drawString(M, y + 5 - 11 * i, ln)
            if k in ("text", "sig"):
                af.textfield(name=f"Text{nxt()}", tooltip=it.get("tip") or it["label"], value=it["value"],
                             x=FX, y=y, width=FW, height=17, fontName="Helvetica", fontSize=10,
                             borderWidth=0.6, borderColor=GREY, fillColor=HexColor("#eef3fb"), maxlen=None,
                             forceBorder=True)
                y -= max(25, 11 * len(lab) + 6)
            elif k in ("long", "lines"):
                val = it["value"] if isinstance(it["value"], str) else "\n".join(it["value"])
                hh = 44
                af.textfield(name=f"Text{nxt()}", tooltip=it.get("tip") or it["label"], value=val,
                             x=FX, y=y - hh + 17, width=FW, height=hh, fontName="Helvetica", fontSize=9.5,
                             borderWidth=0.6, borderColor=GREY, fillColor=HexColor("#eef3fb"), maxlen=None,
                             fieldFlags="multiline", forceBorder=True)
                y -= hh + 8
            elif k == "choice":
                if len(it["options"]) == 1:
                    af.checkbox(name=f"Check Box{nxt()}", tooltip=it.get("tip") or it["label"],
                                checked=it["sel"] == 0, x=FX, y=y, size=13, buttonStyle="check",
                                borderColor=GREY, fillColor=white, forceBorder=True)
                    c.setFont("Helvetica", 9)
                    c.drawString(FX + 18, y + 3, it["options"][0])
                    y -= 25
                else:
                    gname = f"Group{nxt()}"
                    x = FX
                    vals = it.get("values") or [f"Choice{i + 1}" for i in range(len(it["options"]))]
                    for oi, opt in enumerate(it["options"]):
                        af.radio(name=gname, tooltip=it.get("tip") or it["label"], value=vals[oi],
                                 selected=(oi == it["sel"]), x=x, y=y, size=12, buttonStyle="circle",
                                 shape="circle", borderColor=GREY, fillColor=white, forceBorder=True)
                        c.setFont("Helvetica", 8.5)
                        c.drawString(x + 15, y + 3, opt)
                        x += 15 + c.stringWidth(opt, "Helvetica", 8.5) + 14
                    y -= 25
        y -= 6
    c.setFont("Helvetica", 6.5)
    c.drawString(M, 28, f"{doc['code']}  -  {COUNCIL_ADDR}")
    c.save()


# ---- layout: online form receipt
def render_web(path, doc, meta):
    c = new_canvas(path, "Form receipt - " + doc["title"])
    M = 42
    QW = 225
    AXX = M + QW + 10
    AW = W - M - AXX
    pageno = [1]

    def top():
        c.setFont("Helvetica", 7)
        c.setFillColor(GREY)
        c.drawString(M, H - 22, meta["printed"])
        c.drawRightString(W - M, H - 22, f"Form receipt | Harrowfield District Council")
        c.setFillColor(black)
        return H - 40

    def bottom():
        c.setFont("Helvetica", 7)
        c.setFillColor(GREY)
        c.drawString(M, 22, f"https://www.harrowfield.gov.uk/online/forms/{doc['code'].lower()}/receipt?ref={meta['ref']}")
        c.drawRightString(W - M, 22, f"{pageno[0]}")
        c.setFillColor(black)

    y = top()
    c.setFillColor(HexColor("#0b5e55"))
    c.rect(M, y - 38, W - 2 * M, 38, stroke=0, fill=1)
    c.setFillColor(white)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(M + 10, y - 24, "Harrowfield District Council")
    c.setFont("Helvetica", 9)
    c.drawRightString(W - M - 10, y - 24, "Online services")
    c.setFillColor(black)
    y -= 62
    c.setFont("Helvetica-Bold", 16)
    c.drawString(M, y, doc["title"])
    y -= 22
    c.setFont("Helvetica", 9.5)
    c.drawString(M, y, "Thank you. Your form has been submitted. Keep this receipt for your records.")
    y -= 22
    c.setFillColor(LIGHT)
    c.rect(M, y - 30, W - 2 * M, 40, stroke=0, fill=1)
    c.setFillColor(black)
    c.setFont("Helvetica", 9.5)
    c.drawString(M + 8, y - 3, "Reference number:")
    c.drawString(M + 8, y - 19, "Submitted:")
    c.setFont("Helvetica-Bold", 9.5)
    c.drawString(M + 110, y - 3, meta["ref"])
    c.drawString(M + 110, y - 19, meta["submitted"])
    y -= 52
    for sec in doc["sections"]:
        if y < 110:
            bottom()
            c.showPage()
            pageno[0] += 1
            y = top()
        c.setFont("Helvetica-Bold", 11)
        c.setFillColor(HexColor("#0b5e55"))
        c.drawString(M, y, sec["title"])
        c.setFillColor(black)
        y -= 6
        c.setLineWidth(0.4)
        c.setStrokeColor(GREY)
        c.line(M, y, W - M, y)
        y -= 13
        c.setFont("Helvetica-Oblique", 8)
        c.setFillColor(GREY)
        c.drawString(M, y, "Question")
        c.drawString(AXX, y, "Your answer")
        c.setFillColor(black)
        y -= 14
        for it in sec["items"]:
            k = it["k"]
            if k == "note":
                continue
            if k == "choice":
                ans = it["options"][it["sel"]] if it["sel"] is not None else ""
            else:
                ans = it["value"] if isinstance(it["value"], str) else ", ".join(it["value"])
            if not ans:
                ans_lines, font = ["Not answered"], "Helvetica-Oblique"
            else:
                ans_lines, font = wrap(ans, "Helvetica-Bold", 9.5, AW), "Helvetica-Bold"
            ql = wrap(it["label"], "Helvetica", 9.5, QW - 12)
            c.setFont("Helvetica", 9.5)
            for i, ln in enumerate(ql):
                c.drawString(M, y - 12 * i, ln)
            c.setFont(font, 9.5)
            if font != "Helvetica-Bold":
                c.setFillColor(GREY)
            for i, ln in enumerate(ans_lines):
                c.drawString(AXX, y - 12 * i, ln)
            c.setFillColor(black)
            y -= 12 * max(len(ql), len(ans_lines)) + 8
        y -= 8
    bottom()
    c.save()


# ---------------------------------------------------------------- correspondence
def make_corr(world, case):
    """case: (topic, channel, variant)"""
    topic, chan, var = case
    st = fmt_styles()
    p = world.person()
    f = {"topic": topic}
    ctx = dict(st=st, chan=chan, person=p)
    reasons = []
    ds = st["ds"] if st["ds"] not in ("iso", "dmy_dot") else "long"
    fd = lambda d: fmt_date(d.isoformat(), ds)
    prop, acc = None, None
    sender_addr = None  # (lines, postcode)
    need_prop = var not in ("anon", "nameonly", "ct_email", "moved_out")
    if need_prop or var == "moved_out" or var == "ct_email":
        prop = world.claim(lambda q: True)
        liable = [p]
        acc = world.add_account(prop, liable, "active", days(-rng.randint(400, 5000)), None, "")
        world.add_elector(p, prop)
    if need_prop:
        sender_addr = (addr_lines(prop), prop["postcode"])
    dates = []
    paras = []
    subject = ""
    sal = rng.choice(["Dear Sir or Madam,", "Dear Sir/Madam,", "To whom it may concern,", "Hello,"])
    val = "Yours faithfully," if sal.startswith(("Dear Sir", "To whom")) else rng.choice(["Kind regards,", "Many thanks,", "Regards,"])
    acct_txt = lambda r: fmt_acct(r, rng.choice(["plain", "space", "ct", "dash"]))
    if var == "bin_letter":
        d1 = days(-rng.randint(8, 16))
        d2 = d1 + dt.timedelta(days=7)
        dates = [d1, d2]
        bin_ = rng.choice(["green recycling bin", "grey general waste bin", "brown garden waste bin"])
        paras = [f"I am writing because our {bin_} was not emptied on {d1.strftime('%A')} {fd(d1)}. It was out "
                 f"on the kerb by 7am as usual, and the bins either side of ours were emptied.",
                 f"I reported it online but nobody came, and it was missed again on {fd(d2)}. It is now "
                 f"overflowing and attracting foxes. Please could you arrange a collection as soon as possible.",
                 "Thank you for your help."]
        subject = "Missed bin collection"
    elif var == "bin_email":
        d1 = days(-rng.randint(2, 6))
        dates = [d1]
        paras = [f"Our blue box and bag were missed on {fd(d1)}. The lorry came up the street but did not stop "
                 f"at our end of the road. Could you please send someone back for them?",
                 "The box is at the front gate."]
        subject = "Recycling not collected"
    elif var == "spd_request":
        d1 = days(-rng.randint(20, 90))
        dates = [d1]
        other = world.person()
        paras = [f"My council tax account number is {acct_txt(acc['account_ref'])}. My former partner, "
                 f"{other['full']}, moved out of the house on {fd(d1)} and I have lived here on my own since then.",
                 "Please could you apply the single person discount to my account from that date and send me "
                 "a revised bill. I can fill in a form if you need me to."]
        subject = "Single person discount"
    elif var == "moved_out":
        d1 = days(-rng.randint(10, 40))
        dates = [d1]
        a = fwd_addr(world)
        sender_addr = ([x for x in a[:3] if x], a[3])
        paras = [f"I moved out of {prop['address_line_1']}, {prop['town']} {prop['postcode']} on {fd(d1)} and "
                 f"the keys were handed back to the landlord the same day. My council tax reference is "
                 f"{acct_txt(acc['account_ref'])}.",
                 "Please close my account from that date and send the final bill to me at the address above."]
        subject = "Moving out - final bill"
    elif var == "ct_email":
        d1 = dt.date(2027, 1, 15)
        dates = [d1]
        paras = [f"Please could you change the date my council tax direct debit is taken. My account number is "
                 f"{acct_txt(acc['account_ref'])}. I would like the payments to come out on the 15th of each "
                 f"month instead of the 1st, starting from {fd(d1)}.",
                 "I have recently changed jobs and get paid mid-month. Thanks in advance."]
        subject = "Change of direct debit date"
    elif var == "complaint_letter":
        d1 = days(-rng.randint(5, 20))
        dates = [d1]
        paras = [f"I wish to make a formal complaint about the way I was treated at the Canal Road household "
                 f"waste site on {fd(d1)}. A member of staff shouted at me in front of other customers and refused "
                 "to let me leave two bags of garden waste, although the sign says garden waste is accepted.",
                 "I have used the site for years without any problem. I would like an apology and an explanation "
                 "of the rules."]
        subject = "Complaint"
    elif var == "foi_email":
        d1, d2 = dt.date(2024, 4, 1), dt.date(2026, 3, 31)
        dates = [d1, d2]
        paras = ["Under the Freedom of Information Act 2000 I would like to request the following information.",
                 f"1. The number of potholes reported to the council on roads in the Lumbfoot and Moor ward "
                 f"between {fd(d1)} and {fd(d2)}.",
                 "2. The number of those that were repaired within 28 days, and the total spent on pothole "
                 "repairs in that period.",
                 "I would prefer to receive the information by email in a spreadsheet."]
        subject = "Freedom of Information request - potholes"
    elif var == "foi_letter":
        d1 = dt.date(2026, 4, 1)
        dates = [d1]
        paras = ["I am making a request for information under the Freedom of Information Act.",
                 f"Please tell me how many empty homes in the district have been charged the long-term empty "
                 f"property premium since {fd(d1)}, broken down by ward, and how much extra council tax this "
                 "has raised.", "Thank you."]
        subject = "Information request"
    elif var == "allotment":
        paras = ["I would like to put my name down for an allotment plot at the Sowerby Street or Jubilee "
                 "Terrace allotments. I am happy to take a half plot if that is quicker.",
                 "Could you let me know how long the waiting list is at the moment and whether there is a fee "
                 "to join it?"]
        subject = "Allotment waiting list"
    elif var == "anon":
        d1 = days(-rng.randint(3, 12))
        dates = [d1]
        paras = [f"I want to complain about the public toilets in the Market Street car park. When I went there "
                 f"on {fd(d1)} they were filthy, the hand dryer was broken and the door of the disabled toilet "
                 "would not lock. I was told by a parking attendant that it has been like this for weeks.",
                 "This is not acceptable for a town centre and I expect the council to put it right."]
        subject = "Disgraceful"
    elif var == "nameonly":
        d1 = dt.date(2025, 1, 1)
        dates = [d1]
        paras = ["I would like to make a Freedom of Information request.",
                 f"How many parking penalty charge notices has the council issued in the Town Centre zone since "
                 f"{fd(d1)}, and how many of these were cancelled on appeal?"]
        subject = "FOI request - parking fines"
    elif var == "bad_account":
        d1 = days(-rng.randint(10, 30))
        dates = [d1]
        bad = world.missing_ref(acc["account_ref"])
        f["account_ref"] = bad
        reasons = ["ACCOUNT_NOT_FOUND"]
        paras = [f"I have received a reminder for council tax on account {acct_txt(bad)} dated {fd(d1)}, but I "
                 "have paid every instalment by standing order this year.",
                 "Please could you check your records and confirm that my account is up to date."]
        subject = "Council tax reminder"
    if var in ("spd_request", "moved_out", "ct_email"):
        f["account_ref"] = acc["account_ref"]
    if var == "anon":
        reasons = ["SENDER_UNKNOWN"]
        sig_name = "A concerned resident"
        val = "Regards,"
        sal = "To whom it may concern,"
    elif var == "nameonly":
        reasons = ["SENDER_UNKNOWN"]
        sig_name = p["full"]
    else:
        sig_name = shown_name(p, rng.random() < 0.35)
    if var != "anon":
        f["sender_name"] = sig_name
    if sender_addr:
        f["address"] = sender_addr[0][0]
        f["postcode"] = sender_addr[1]
    if dates:
        seen = []
        for d in dates:
            if d.isoformat() not in seen:
                seen.append(d.isoformat())
        f["dates_mentioned"] = seen
    body = " ".join([sal] + paras + [val, sig_name])
    f["body"] = collapse(body)
    ctx.update(sal=sal, paras=paras, val=val, sig_name=sig_name, sender_addr=sender_addr, subject=subject,
               letter_date=_letter_date(dates), anon=(var == "anon"))
    return dict(form_type="correspondence", fields=f, ctx=ctx, reasons=reasons)


def _letter_date(dates):
    past = [d for d in dates if d < AS_OF]
    if past and (AS_OF - max(past)).days <= 10:
        return min(AS_OF - dt.timedelta(days=1), max(past) + dt.timedelta(days=rng.randint(1, 3)))
    return days(-rng.randint(1, 6))


def render_corr(path, sc, meta):
    f, ctx = sc["fields"], sc["ctx"]
    c = new_canvas(path, ctx["subject"])
    p = ctx["person"]
    M = 62
    if ctx["chan"] == "letter":
        y = H - 70
        font = rng.choice(["Times-Roman", "Helvetica"])
        c.setFont(font, 11)
        if ctx["sender_addr"]:
            lines, pc = ctx["sender_addr"]
            for ln in lines + [fmt_pc(pc, ctx["st"]["pc"])]:
                c.drawRightString(W - M, y, ln)
                y -= 14
        y -= 10
        c.drawRightString(W - M, y, fmt_date(ctx["letter_date"].isoformat(), "long"))
        y -= 30
        for ln in ["Council Tax and Customer Services" if f["topic"] == "council_tax_query" else "Customer Services",
                   "Harrowfield District Council", "Town Hall", "Crossley Street", "Harrowfield", "HF1 1HD"]:
            c.drawString(M, y, ln)
            y -= 14
        y -= 20
        if ctx["subject"] and rng.random() < 0.6:
            c.setFont(font.replace("-Roman", "") + "-Bold" if "Times" in font else "Helvetica-Bold", 11)
            c.drawString(M, y, "Re: " + ctx["subject"])
            y -= 24
            c.setFont(font, 11)
    else:
        y = H - 50
        c.setFont("Helvetica-Bold", 13)
        c.drawString(M, y, ctx["subject"])
        y -= 10
        c.setLineWidth(0.5)
        c.line(M, y, W - M, y)
        y -= 18
        font = "Helvetica"
        sender = "concerned.resident77@example.net" if ctx["anon"] else f"{p['full']} <{email(p)}>"
        sent = ctx["letter_date"]
        hdr = [("From:", sender), ("Sent:", f"{sent.strftime('%A')}, {sent.day} {MONTHS[sent.month - 1]} {sent.year} "
                                             f"{rng.randint(7, 21):02d}:{rng.randint(0, 59):02d}"),
               ("To:", "counciltax@harrowfield.gov.uk" if f["topic"] == "council_tax_query" else
                "customer.services@harrowfield.gov.uk"), ("Subject:", ctx["subject"])]
        for a, b in hdr:
            c.setFont("Helvetica-Bold", 9.5)
            c.drawString(M, y, a)
            c.setFont("Helvetica", 9.5)
            c.drawString(M + 55, y, b)
            y -= 13
        y -= 18
        c.setFont(font, 10.5)
    size = 11 if ctx["chan"] == "letter" else 10.5
    c.setFont(font, size)
    c.drawString(M, y, ctx["sal"])
    y -= 22
    for para in ctx["paras"]:
        for ln in wrap(para, font, size, W - 2 * M):
            c.drawString(M, y, ln)
            y -= size + 3.5
        y -= 9
    c.drawString(M, y, ctx["val"])
    y -= 16
    if ctx["chan"] == "letter" and not ctx["anon"]:
        # handwritten signature: a vector squiggle, no text
        c.saveState()
        c.setStrokeColor(HexColor("#1a2a6c"))
        c.setLineWidth(1.1)
        pth = c.beginPath()
        x0, y0 = M + 4, y - 12
        pth.moveTo(x0, y0)
        for k in range(6):
            pth.curveTo(x0 + 8 + k * 14, y0 + rng.randint(6, 14), x0 + 12 + k * 14, y0 - rng.randint(4, 10),
                        x0 + 14 + k * 14, y0 + rng.randint(-2, 3))
        c.drawPath(pth, stroke=1, fill=0)
        c.restoreState()
        y -= 30
        c.setFont(font, size)
    c.drawString(M, y, ctx["sig_name"])
    y -= 15
    if ctx["chan"] == "email" and ctx["sender_addr"]:
        c.setFont(font, 9)
        lines, pc = ctx["sender_addr"]
        for ln in lines + [fmt_pc(pc, ctx["st"]["pc"])]:
            c.drawString(M, y, ln)
            y -= 12
        if rng.random() < 0.6:
            c.drawString(M, y, "Tel: " + phone())
            y -= 12
    if ctx["chan"] == "email":
        c.setFont("Helvetica", 7)
        c.setFillColor(GREY)
        c.drawString(M, 30, "Printed by Harrowfield DC mailroom")
    c.save()


# ---------------------------------------------------------------- plan
LAYOUTS = {
    "boxed": render_boxed,
    "wp": render_wp,
    "two_page": render_two_page,
    "acro": render_acro,
    "web": render_web,
}


def plan():
    P = []
    # SPD
    P += [("spd", "boxed", c) for c in ["clean", "clean", "clean", "ACCOUNT_CLOSED", "OTHER_ADULTS_REGISTERED"]]
    P += [("spd", "two_page", c) for c in ["clean", "clean", "INCONSISTENT_DATES", "MISSING_FIELD:declaration_date"]]
    P += [("spd", "acro", c) for c in ["clean", "clean", "clean", "NAME_MISMATCH", "DATE_TOO_OLD"]]
    P += [("spd", "web", c) for c in ["clean", "clean", "ACCOUNT_NOT_FOUND", "DISCOUNT_ALREADY_APPLIED", "dup"]]
    # moves: (case, move_type)
    P += [("move", "wp", c) for c in [("clean", "in"), ("clean", "out"), ("clean", "out"),
                                      ("ADDRESS_MISMATCH", "out"), ("PROPERTY_NOT_FOUND", "in")]]
    P += [("move", "two_page", c) for c in [("clean", "out"), ("clean", "in"), ("DATE_TOO_OLD", "out")]]
    P += [("move", "acro", c) for c in [("clean", "in"), ("clean", "out"), ("NAME_MISMATCH", "out")]]
    P += [("move", "web", c) for c in [("clean", "out"), ("clean", "in"), ("ACCOUNT_NOT_FOUND", "out"),
                                       ("DATE_IN_FUTURE", "in")]]
    # parking
    P += [("park", "boxed", c) for c in ["clean", "clean", "PERMIT_CAP_REACHED", "MISSING_FIELD:vrm"]]
    P += [("park", "wp", c) for c in ["clean", "clean", "NOT_IN_PERMIT_ZONE", "INVALID_FORMAT:vrm"]]
    P += [("park", "acro", c) for c in ["clean", "clean", "VRM_HAS_PERMIT"]]
    P += [("park", "web", c) for c in ["clean", "clean", "clean", "NOT_RESIDENT", "DATE_IN_FUTURE"]]
    # correspondence (topic, channel, variant)
    P += [("corr", "prose", c) for c in [
        ("missed_bin", "letter", "bin_letter"), ("missed_bin", "email", "bin_email"),
        ("council_tax_query", "letter", "spd_request"), ("council_tax_query", "letter", "moved_out"),
        ("council_tax_query", "email", "ct_email"), ("complaint", "letter", "complaint_letter"),
        ("foi_request", "email", "foi_email"), ("foi_request", "letter", "foi_letter"),
        ("other", "letter", "allotment"), ("complaint", "email", "anon"),
        ("council_tax_query", "letter", "bad_account"), ("foi_request", "email", "nameonly")]]
    return P


def main():
    out_inbox = HERE / "inbox"
    if out_inbox.exists():
        shutil.rmtree(out_inbox)
    out_inbox.mkdir()
    world = World()
    plan_ = plan()
    # build scenarios in plan order (records depend on rng order), then shuffle file order
    scs = []
    for kind, layout, case in plan_:
        if kind == "spd":
            sc = make_spd(world, "clean" if case == "dup" else case)
            sc["dup"] = case == "dup"
        elif kind == "move":
            sc = make_move(world, case[0], case[1])
        elif kind == "park":
            sc = make_parking(world, case)
        else:
            sc = make_corr(world, case)
        sc["layout"] = layout
        scs.append(sc)
        if kind == "spd" and case == "dup":
            twin = json.loads(json.dumps(sc, default=str))
            twin["ctx"] = sc["ctx"]
            twin["dup"] = True
            scs.append(twin)
    world.background()
    order = list(range(len(scs)))
    rng.shuffle(order)
    # keep the duplicate pair apart but in a plausible order (second copy later)
    dup_idx = [i for i, s in enumerate(scs) if s.get("dup")]
    pos = {o: k for k, o in enumerate(order)}
    if abs(pos[dup_idx[0]] - pos[dup_idx[1]]) < 5:
        a = order.index(dup_idx[1])
        order.pop(a)
        order.insert(min(len(order), order.index(dup_idx[0]) + 17), dup_idx[1])
    truth = []
    seen_clean = {}
    dup_n = 0
    for n, i in enumerate(order, 1):
        sc = scs[i]
        name = f"doc_{n:04d}.pdf"
        path = out_inbox / name
        layout = sc["layout"]
        ft = sc["form_type"]
        meta = {}
        if ft == "correspondence":
            render_corr(path, sc, meta)
            layout_name = "letter_email"
        else:
            decl = sc["fields"].get("declaration_date") or AS_OF.isoformat()
            dd = D(decl)
            hh, mm = rng.randint(7, 22), rng.randint(0, 59)
            meta = dict(mark=rng.choice(["tick_after", "box", "x_after"]),
                        formref=f"{rng.randint(100000, 999999)}",
                        ref=f"HDC-{sc['ctx'].get('webcode', 'F')}{rng.randint(1000000, 9999999)}",
                        submitted=f"{dd.day} {MONTHS[dd.month - 1][:3]} {dd.year} {hh:02d}:{mm:02d}",
                        printed=f"{days(-rng.randint(0, 2)).strftime('%d/%m/%Y')}, {rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}")
            builder = {"council_tax_spd": spd_doc, "council_tax_move": move_doc, "parking_permit": park_doc}[ft]
            doc = builder(layout, sc)
            meta["ref"] = f"{doc['code']}-{rng.randint(100000, 999999)}"
            LAYOUTS[layout](path, doc, meta)
            layout_name = {"boxed": "boxed_grey", "wp": "wordproc_table", "two_page": "two_page",
                           "acro": "acroform", "web": "web_receipt"}[layout]
        rec = {"file": name, "form_type": ft, "fields": sc["fields"]}
        if sc.get("dup"):
            rec["outcome"] = "duplicate_pair"
            rec["reasons"] = []
            rec["duplicate_group"] = "dup-1"
        elif sc["reasons"]:
            rec["outcome"] = "exception"
            rec["reasons"] = sc["reasons"]
        else:
            rec["outcome"] = "approved"
            rec["reasons"] = []
        rec["layout"] = layout_name
        key = (layout_name, ft)
        if rec["outcome"] == "approved" and seen_clean.get(key, 0) < 2:
            seen_clean[key] = seen_clean.get(key, 0) + 1
            rec["split"] = "learn"
        else:
            rec["split"] = "test"
        truth.append(rec)
    world.write_xlsx(HERE / "records.xlsx")
    with open(HERE / "truth.jsonl", "w") as fh:
        for r in truth:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    n_ok = sum(r["outcome"] == "approved" for r in truth)
    print(f"wrote {len(truth)} files: {n_ok} approved, "
          f"{sum(r['outcome'] == 'exception' for r in truth)} exception, "
          f"{sum(r['outcome'] == 'duplicate_pair' for r in truth)} duplicate_pair")


if __name__ == "__main__":
    main()
