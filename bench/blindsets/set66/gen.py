#!/usr/bin/env python
"""Blind test set 66: Pendlewick Borough Council.

Run `python gen.py`; writes records.xlsx, inbox/doc_NNNN.pdf, truth.jsonl next to
this file.  Deterministic: a fixed seed, reportlab invariant mode.
"""
import datetime as dt
import json
import os
import random
import shutil

import openpyxl
from openpyxl.styles import Font
from reportlab.lib.colors import Color, black, white
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab import rl_config

rl_config.invariant = 1

HERE = os.path.dirname(os.path.abspath(__file__))
INBOX = os.path.join(HERE, "inbox")
AS_OF = dt.date(2026, 12, 7)
SEED = 66066
rng = random.Random(SEED)
D = dt.date
W, H = A4

TICK = "X"
TICK_FONT = "Helvetica-Bold"
_dv = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
if os.path.exists(_dv):
    pdfmetrics.registerFont(TTFont("DejaVuSans", _dv))
    TICK, TICK_FONT = "\u2713", "DejaVuSans"

TEAL = Color(0.0, 0.33, 0.38)
LIGHT = Color(0.90, 0.94, 0.94)
GREY = Color(0.88, 0.88, 0.88)
MID = Color(0.45, 0.45, 0.45)
NAVY = Color(0.10, 0.16, 0.35)

MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


# ---------------------------------------------------------------- formatting
def ordinal(n):
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def fdate(d, style):
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
    if style == "day_long":
        return f"{DAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"
    raise ValueError(style)


def facct(ref, style):
    if style == "plain":
        return ref
    if style == "space":
        return ref[:4] + " " + ref[4:]
    if style == "dash":
        return ref[:4] + "-" + ref[4:]
    if style == "ct":
        return "CT" + ref
    raise ValueError(style)


def fpc(pc, style):
    if style == "lower":
        return pc.lower()
    if style == "nospace":
        return pc.replace(" ", "")
    return pc


def fvrm(v, style):
    if style == "plain":
        return v
    if style == "lower":
        return spaced_vrm(v).lower()
    return spaced_vrm(v)


def spaced_vrm(v):
    if len(v) == 7 and v[:2].isalpha() and v[2:4].isdigit():
        return v[:4] + " " + v[4:]
    if v[0].isalpha() and v[1].isdigit():      # prefix A123BCD
        i = 1
        while v[i].isdigit():
            i += 1
        return v[:i] + " " + v[i:]
    if v[:3].isalpha():                         # suffix ABC123D
        return v[:3] + " " + v[3:]
    return v


def iso(d):
    return d.isoformat()


# ---------------------------------------------------------------- addresses
class Addr:
    def __init__(self, street, number="", name="", flat="", line2="", town="Pendlewick", postcode="", uprn=None):
        self.street, self.number, self.name, self.flat = street, number, name, flat
        self.line2, self.town, self.postcode, self.uprn = line2, town, postcode, uprn

    @property
    def line1(self):
        base = f"{self.number} {self.street}" if self.number else f"{self.name}, {self.street}"
        return f"{self.flat}, {base}" if self.flat else base

    def lines(self):
        return [x for x in (self.line1, self.line2, self.town) if x]

    def one_line(self):
        return ", ".join(self.lines() + [self.postcode])


# ---------------------------------------------------------------- people
FEMALE = ["Jane", "Sarah", "Emma", "Claire", "Rachel", "Joanne", "Helen", "Katie", "Amy", "Laura",
          "Gemma", "Hannah", "Priya", "Aisha", "Fatima", "Megan", "Chloe", "Beth", "Margaret", "Susan",
          "Janet", "Pauline", "Lorraine", "Niamh", "Ewa", "Zofia", "Grace", "Olivia", "Sophie", "Lucy",
          "Karen", "Denise", "Yasmin", "Nadia", "Siobhan", "Heather", "Alison", "Wendy", "Ruth", "Catherine"]
MALE = ["John", "David", "Paul", "Mark", "Andrew", "Gary", "Stephen", "Craig", "Lee", "Daniel",
        "Thomas", "James", "Ryan", "Imran", "Mohammed", "Tariq", "Harry", "Jack", "Oliver", "George",
        "Keith", "Brian", "Colin", "Neil", "Piotr", "Tomasz", "Kieran", "Liam", "Callum", "Rhys",
        "Graham", "Trevor", "Barry", "Adam", "Samuel", "Joseph", "Martin", "Simon", "Ian", "Philip"]
SURNAMES = ["Hargreaves", "Ashworth", "Whittaker", "Pilkington", "Holden", "Haworth", "Entwistle",
            "Duckworth", "Greenhalgh", "Crossley", "Sutcliffe", "Barker", "Dewhurst", "Hindle", "Ingham",
            "Kenyon", "Lord", "Marsden", "Nuttall", "Parkinson", "Rishton", "Schofield", "Taylor",
            "Walmsley", "Yates", "Atherton", "Birtwistle", "Catlow", "Eccles", "Fielding", "Gregson",
            "Heap", "Jackson", "Kay", "Lonsdale", "Moorhouse", "Ormerod", "Pickup", "Riley", "Shorrock",
            "Tattersall", "Upton", "Varley", "Wolstenholme", "Hussain", "Patel", "Khan", "Begum",
            "Kowalski", "Nowak", "O'Neill", "Murphy", "McCann", "Smith", "Jones", "Brown", "Wilson",
            "Thompson", "Wright", "Bennett", "Clegg", "Rawcliffe", "Aspinall", "Cowell", "Dugdale",
            "Farnworth", "Horrocks", "Lightbown", "Mercer", "Rothwell", "Singleton", "Threlfall"]
_used_names = set()


def person(gender=None, last=None):
    gender = gender or rng.choice("FM")
    for _ in range(1000):
        first = rng.choice(FEMALE if gender == "F" else MALE)
        ln = last or rng.choice(SURNAMES)
        full = f"{first} {ln}"
        if full not in _used_names:
            _used_names.add(full)
            if gender == "F":
                title = rng.choice(["Mrs", "Ms", "Miss", "Mrs", "Ms", "Dr"])
            else:
                title = rng.choice(["Mr", "Mr", "Mr", "Dr"])
            return {"first": first, "last": ln, "full": full, "title": title, "gender": gender}
        last = None if last and _ > 20 else last
    raise RuntimeError("names exhausted")


# ---------------------------------------------------------------- records
STREETS = [
    # street, district, ward, zone, kind, count, line2
    ("Castle Hill", "PW1", "Castle", "Castle", "terrace", 16, ""),
    ("Castle Terrace", "PW1", "Castle", "Castle", "terrace", 10, ""),
    ("Keep Street", "PW1", "Castle", "Castle", "terrace", 10, ""),
    ("Westgate", "PW2", "Westgate", "Zone W1", "terrace", 14, ""),
    ("Wharf Street", "PW2", "Westgate", "Zone W1", "terrace", 10, ""),
    ("Weaver Street", "PW3", "Weaver", "Zone W2", "terrace", 14, ""),
    ("Mill Brow", "PW3", "Weaver", "Zone W2", "terrace", 10, ""),
    ("College Road", "PW4", "University", "University", "hmo", 4, ""),
    ("Chancellor Way", "PW4", "University", "University", "semi", 10, ""),
    ("Larch Avenue", "PW5", "Larchfield", "", "semi", 12, ""),
    ("Beech Grove", "PW5", "Larchfield", "", "semi", 10, ""),
    ("Bridge Street", "PW6", "Bridge", "", "flats", 2, ""),
    ("Moor Lane", "PW7", "Moorside", "", "farm", 6, "Hollinbeck"),
    ("Fell Road", "PW7", "Moorside", "", "farm", 6, "Scarth Bottom"),
    ("Sycamore Drive", "PW8", "Sycamore", "", "semi", 12, ""),
    ("Priory Close", "PW9", "Priory", "", "semi", 10, ""),
    ("Ribble View", "PW9", "Priory", "", "semi", 10, ""),
]
FARMS = {"Moor Lane": ["Fell Side Farm", "Intack Farm", "High Moor Farm", "Lane Ends Farm", "Cragg Cottage", "Badger Hall"],
         "Fell Road": ["Scarth Farm", "Heys Farm", "Old Smithy Cottage", "Windy Harbour", "Stone Croft", "Greenbank Farm"]}
UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
BANDS = {"terrace": "ABB", "hmo": "A", "semi": "CCDD", "flats": "AB", "farm": "DEF"}

props = []
accounts = []
electors = []
permits = []
_acct_refs = set()
_vrms = set()


def new_ref():
    while True:
        r = str(rng.randint(71000000, 71999999))
        if r not in _acct_refs:
            _acct_refs.add(r)
            return r


def fake_ref():
    """An 8-digit reference that is NOT an account."""
    while True:
        r = str(rng.randint(71000000, 71999999))
        if r not in _acct_refs:
            _acct_refs.add(r)   # reserve so nobody else gets it
            return r


def new_vrm(style="current"):
    L = "ABCDEFGHJKLMNOPRSTUVWXY"
    while True:
        if style == "current":
            v = rng.choice("ABDEFGHKLMNOPRSVWY") + rng.choice(L) + rng.choice(
                ["15", "65", "16", "66", "17", "67", "18", "68", "19", "69", "20", "70", "21", "71", "22", "72", "23", "73", "24", "74"]) \
                + "".join(rng.choice("ABCDEFGHJKLMNOPRSTUVWXYZ") for _ in range(3))
        elif style == "prefix":
            v = rng.choice("ABCDEFGHJKLMNPRSTVWXY") + str(rng.randint(1, 999)) + "".join(rng.choice(L) for _ in range(3))
        else:  # suffix
            v = "".join(rng.choice(L) for _ in range(3)) + str(rng.randint(1, 999)) + rng.choice("ABCDEFGHJKLMNPRSTVWXY")
        if v not in _vrms:
            _vrms.add(v)
            return v


def build_properties():
    uprn = 100012340000
    for street, dist, ward, zone, kind, count, line2 in STREETS:
        sector = rng.randint(1, 9)
        units = rng.sample(UNIT_LETTERS, 4)
        units = [u + rng.choice(UNIT_LETTERS) for u in units]
        if kind == "terrace" or kind == "semi":
            nums = sorted(rng.sample(range(1, 90), count))
            if street == "Castle Hill" and 41 not in nums:
                nums[0] = 41
                nums.sort()
            for n in nums:
                uprn += rng.randint(3, 40)
                pc = f"{dist} {sector}{units[n // 30]}"
                props.append(dict(uprn=uprn, addr=Addr(street, number=str(n), postcode=pc, uprn=uprn),
                                  band=rng.choice(BANDS[kind]), ward=ward, zone=zone, kind=kind))
        elif kind == "hmo":
            houses = [19, 7, 33, 52]
            for h in houses:
                pc = f"{dist} {sector}{units[h // 30]}"
                for room in range(1, 6):
                    uprn += rng.randint(1, 3)
                    props.append(dict(uprn=uprn, addr=Addr(street, number=str(h), flat=f"Room {room}", postcode=pc, uprn=uprn),
                                      band="A", ward=ward, zone=zone, kind=kind))
        elif kind == "flats":
            for b in (8, 14):
                pc = f"{dist} {sector}{units[b // 30]}"
                for f in range(1, 7):
                    uprn += rng.randint(1, 3)
                    props.append(dict(uprn=uprn, addr=Addr(street, number=str(b), flat=f"Flat {f}", postcode=pc, uprn=uprn),
                                      band=rng.choice("AB"), ward=ward, zone=zone, kind=kind))
        elif kind == "farm":
            for i, nm in enumerate(FARMS[street]):
                uprn += rng.randint(10, 90)
                pc = f"{dist} {sector}{units[i // 3]}"
                props.append(dict(uprn=uprn, addr=Addr(street, name=nm, line2=line2, postcode=pc, uprn=uprn),
                                  band=rng.choice(BANDS[kind]), ward=ward, zone=zone, kind=kind))


def rand_date(a, b):
    return a + dt.timedelta(days=rng.randint(0, (b - a).days))


def add_account(uprn, liable, status="active", start=None, end=None, discounts=(), ref=None):
    ref = ref or new_ref()
    accounts.append(dict(ref=ref, uprn=uprn, liable=[p["full"] for p in liable], status=status,
                         start=start or rand_date(D(2009, 4, 1), D(2026, 6, 30)), end=end, discounts=list(discounts)))
    return ref


def register(uprn, people):
    for p in people:
        electors.append(dict(name=p["full"], uprn=uprn))


def add_permit(uprn, vrm, zone, active=True):
    if active:
        f = rand_date(AS_OF - dt.timedelta(days=330), AS_OF - dt.timedelta(days=5))
    else:
        f = rand_date(D(2023, 1, 1), D(2025, 10, 1))
    permits.append(dict(ref=None, uprn=uprn, vrm=vrm, zone=zone, valid_from=f,
                        valid_to=f.replace(year=f.year + 1) - dt.timedelta(days=1)))


def build_households():
    for p in props:
        u = p["uprn"]
        if rng.random() < 0.08:
            # vacant, maybe with a closed account
            if rng.random() < 0.6:
                prev = [person()]
                s = rand_date(D(2012, 1, 1), D(2022, 1, 1))
                add_account(u, prev, "closed", s, rand_date(D(2023, 1, 1), D(2026, 5, 1)))
            continue
        if p["kind"] == "hmo":
            liable = [person()]
        elif rng.random() < 0.5:
            liable = [person()]
        else:
            a = person("F")
            b = person("M", last=a["last"] if rng.random() < 0.7 else None)
            liable = [a, b]
        start = rand_date(D(2009, 4, 1), D(2026, 6, 30))
        if p["kind"] == "hmo":
            start = rand_date(D(2024, 8, 1), D(2026, 9, 30))
        if rng.random() < 0.25:
            s0 = rand_date(D(2000, 1, 1), start - dt.timedelta(days=400))
            add_account(u, [person()], "closed", s0, start - dt.timedelta(days=1))
        disc = []
        if len(liable) == 1 and p["kind"] != "hmo" and rng.random() < 0.5:
            disc = ["SPD"]
        if p["kind"] == "hmo":
            disc = ["EXN"] if rng.random() < 0.6 else []
        add_account(u, liable, "active", start, None, disc)
        reg = [x for x in liable if rng.random() < 0.9]
        if p["kind"] != "hmo" and rng.random() < 0.15 and "SPD" not in disc:
            reg.append(person())
        register(u, reg)
        if p["zone"]:
            n = rng.choice([0, 0, 1, 1, 2]) if p["kind"] != "hmo" else rng.choice([0, 0, 1])
            for _ in range(n):
                add_permit(u, new_vrm(), p["zone"], True)
            if rng.random() < 0.3:
                add_permit(u, new_vrm(), p["zone"], False)


def reset(uprn):
    accounts[:] = [a for a in accounts if a["uprn"] != uprn]
    electors[:] = [e for e in electors if e["uprn"] != uprn]
    permits[:] = [x for x in permits if x["uprn"] != uprn]


_claimed = set()


def claim(pred=lambda p: True, fresh=True):
    pool = [p for p in props if p["uprn"] not in _claimed and pred(p)]
    p = rng.choice(pool)
    _claimed.add(p["uprn"])
    if fresh:
        reset(p["uprn"])
    return p


def active_permits(uprn):
    return [x for x in permits if x["uprn"] == uprn and x["valid_from"] <= AS_OF <= x["valid_to"]]


# ---------------------------------------------------------------- other places
OUTSIDE = [
    Addr("Dock Road", number="22", town="Fleetwood", postcode="FY7 6AB"),
    Addr("Marine Road East", number="118", town="Morecambe", postcode="LA4 5AR"),
    Addr("Whalley Road", number="7", town="Clitheroe", postcode="BB7 1EE"),
    Addr("Wilmslow Road", number="340", flat="Flat 6", town="Manchester", postcode="M14 6AB"),
    Addr("Fishergate Hill", number="51", town="Preston", postcode="PR1 8JB"),
    Addr("Albert Road", number="15", town="Colne", postcode="BB8 0AE"),
    Addr("Church Street", number="3", town="Kirkby Lonsdale", postcode="LA6 2BP"),
    Addr("Scotland Road", number="88", town="Carnforth", postcode="LA5 9JY"),
    Addr("Park Road", number="29", town="Blackburn", postcode="BB2 6DA"),
    Addr("Station Road", number="12", town="Settle", postcode="BD24 9AA"),
    Addr("Derby Road", number="64", town="Southport", postcode="PR9 0TY"),
    Addr("Lune Street", number="5", town="Lancaster", postcode="LA1 2LE"),
]
_outside_i = [0]


def outside():
    a = OUTSIDE[_outside_i[0] % len(OUTSIDE)]
    _outside_i[0] += 1
    return a


def phone():
    if rng.random() < 0.5:
        return f"07{rng.randint(700, 999)} {rng.randint(100000, 999999)}"
    return f"01524 {rng.randint(200000, 899999)}"


def email_for(p):
    dom = rng.choice(["gmail.com", "outlook.com", "btinternet.com", "yahoo.co.uk", "hotmail.co.uk", "icloud.com"])
    user = rng.choice([f"{p['first']}.{p['last']}", f"{p['first'][0]}{p['last']}", f"{p['first']}{p['last']}{rng.randint(1, 99)}"])
    return user.lower().replace("'", "") + "@" + dom


MAKES = ["Ford Fiesta", "Vauxhall Corsa", "Volkswagen Golf", "Nissan Qashqai", "Toyota Yaris", "Kia Sportage",
         "Skoda Octavia", "Honda Jazz", "Peugeot 208", "MINI Cooper", "BMW 1 Series", "Hyundai i10",
         "Fiat 500", "Renault Clio", "Audi A3", "Land Rover Defender", "Morris Minor", "Volvo V70"]


# ================================================================ scenarios
FORM_LAYOUTS = ["pbc_boxed", "pbc_fillable", "pbc_table", "mypendlewick_receipt"]
docs = []   # each: dict(form_type, layout, fields, outcome, reasons, render={...})


def sig_name(p):
    return p["full"]


def spd_scenario(kind, layout, dup=False):
    a = person("F") if rng.random() < 0.6 else person("M")
    b = person("M" if a["gender"] == "F" else "F", last=a["last"] if rng.random() < 0.6 else None)
    prop = claim(lambda p: p["kind"] in ("terrace", "semi", "flats", "farm"))
    u = prop["uprn"]
    since = rand_date(D(2026, 1, 10), D(2026, 11, 20))
    decl = rand_date(max(since, D(2026, 11, 2)), D(2026, 12, 4))
    b_liable = rng.random() < 0.6
    liable = [a, b] if b_liable else [a]
    ref = add_account(u, liable, "active", rand_date(D(2010, 1, 1), D(2024, 12, 31)), None, [])
    include_other = rng.random() < 0.85
    reg = [a, b] if (include_other and rng.random() < 0.5) else [a]
    addr = prop["addr"]
    reasons = []
    quoted_ref = ref
    title_used = rng.random() < 0.6
    change = None
    rel = "husband" if b["gender"] == "M" else "wife"
    if rng.random() < 0.5 and b["last"] != a["last"]:
        rel = "partner"
    change_opts_nodate = [
        f"My {rel} {b['first']} has moved out permanently and I now live here on my own.",
        f"{b['first']} and I have separated and {b['first']} has moved away. I am the only adult at the address.",
        f"My {rel} left the property and is not coming back. Please apply the 25% discount.",
    ]
    if kind == "ACCOUNT_NOT_FOUND":
        quoted_ref = fake_ref()
        reasons = [kind]
    elif kind == "ACCOUNT_CLOSED":
        # old joint account closed; re-billed in a's sole name on a new reference
        accounts[:] = [x for x in accounts if x["ref"] != ref]
        start_old = rand_date(D(2012, 1, 1), D(2020, 1, 1))
        end_old = since - dt.timedelta(days=1)
        add_account(u, [a, b], "closed", start_old, end_old, [], ref=ref)
        add_account(u, [a], "active", since, None, [])
        reg = [a]
        reasons = [kind]
    elif kind == "NAME_MISMATCH":
        # applicant writes her new (maiden) surname; account still in married name
        accounts[:] = [x for x in accounts if x["ref"] != ref]
        old = dict(a)
        _used_names.add(a["full"])
        newlast = rng.choice([s for s in SURNAMES if s != a["last"]])
        a = dict(a, last=newlast, full=f"{a['first']} {newlast}")
        _used_names.add(a["full"])
        add_account(u, [old, b], "active", rand_date(D(2010, 1, 1), D(2024, 12, 31)), None, [], ref=ref)
        reg = [b]
        include_other = True
        reasons = [kind]
        change = (f"I have reverted to my maiden name {a['last']} since my divorce. My ex-husband {b['first']} "
                  f"moved out and I live alone.")
        rel = "ex-husband"
    elif kind == "ADDRESS_MISMATCH":
        newp = claim(lambda p: p["kind"] in ("flats", "terrace", "semi"))
        addr = newp["addr"]
        reg = [a]
        reasons = [kind]
    elif kind == "DISCOUNT_ALREADY_APPLIED":
        for x in accounts:
            if x["ref"] == ref:
                x["discounts"] = ["SPD"]
                x["liable"] = [a["full"]]
        reg = [a]
        reasons = [kind]
    elif kind == "OTHER_ADULTS_REGISTERED":
        c = person(last=a["last"])
        reg = [a, b, c]
        include_other = True
        reasons = [kind]
    elif kind == "DATE_TOO_OLD":
        since = rand_date(D(2025, 3, 1), D(2025, 9, 30))
        reasons = [kind]
    elif kind == "INCONSISTENT_DATES":
        other = since - dt.timedelta(days=rng.randint(4, 40))
        change = f"My {rel} {b['first']} moved out on {fdate(other, 'long')} and has not returned."
        reasons = [kind]
    register(u, reg)
    if kind in ("clean", "dup") and change is None:
        r = rng.random()
        if r < 0.35:
            change = f"My {rel} {b['first']} moved out on {fdate(since, rng.choice(['long', 'dmy_slash']))} and now lives elsewhere."
        elif r < 0.75:
            change = rng.choice(change_opts_nodate)
    if kind in ("DATE_TOO_OLD", "ADDRESS_MISMATCH", "DISCOUNT_ALREADY_APPLIED", "OTHER_ADULTS_REGISTERED", "ACCOUNT_NOT_FOUND",
                "ACCOUNT_CLOSED") and change is None and rng.random() < 0.5:
        change = rng.choice(change_opts_nodate)
    if kind == "ADDRESS_MISMATCH":
        change = (f"I have moved to a smaller place on my own after {b['first']} and I split up. "
                  f"Please put the discount on my account.")
    fields = {"account_ref": quoted_ref,
              "applicant_name": (f"{a['title']} {a['full']}" if title_used else a["full"]),
              "address": addr.line1, "postcode": addr.postcode,
              "sole_adult_since": iso(since), "declaration_date": iso(decl)}
    if layout == "mypendlewick_receipt":
        fields["applicant_name"] = a["full"]
        title_used = False
    fwd = None
    if include_other:
        fields["other_adult_name"] = b["full"]
        if rng.random() < 0.6:
            fwd = outside().one_line()
            fields["other_adult_forwarding_address"] = fwd
    if change:
        fields["change_description"] = change
    if rng.random() < 0.8:
        fields["phone"] = phone()
    if rng.random() < 0.6:
        fields["email"] = email_for(a)
    d = dict(form_type="council_tax_spd", layout=layout, fields=fields,
             outcome="approved" if not reasons else "exception", reasons=reasons,
             render=dict(person=a, title_used=title_used, addr=addr))
    return d


def move_scenario(kind, layout, mt):
    a = person()
    title_used = rng.random() < 0.5 and layout != "mypendlewick_receipt"
    reasons = []
    decl = rand_date(D(2026, 11, 2), D(2026, 12, 4))
    fields = {"move_type": mt,
              "applicant_name": f"{a['title']} {a['full']}" if title_used else a["full"]}
    render = dict(person=a, title_used=title_used)
    if mt == "out":
        prop = claim(lambda p: p["kind"] != "farm" or rng.random() < 0.5)
        u = prop["uprn"]
        liable = [a] if rng.random() < 0.6 else [a, person(last=a["last"])]
        ref = add_account(u, liable, "active", rand_date(D(2012, 1, 1), D(2025, 6, 1)), None,
                          ["SPD"] if len(liable) == 1 and rng.random() < 0.4 else [])
        register(u, liable)
        prev = prop["addr"]
        quoted = ref
        move = rand_date(D(2026, 10, 20), D(2026, 12, 31))
        applicant = a
        if kind == "ACCOUNT_NOT_FOUND":
            quoted = fake_ref()
            reasons = [kind]
        elif kind == "NAME_MISMATCH":
            # adult son/daughter moving out quotes the parents' account
            for x in accounts:
                if x["ref"] == ref:
                    par = person(last=a["last"])
                    x["liable"] = [par["full"]]
            register(u, [par])
            reasons = [kind]
        elif kind == "ADDRESS_MISMATCH":
            sib = [p for p in props if p["addr"].street == prop["addr"].street and p["uprn"] != u
                   and p["uprn"] not in _claimed]
            if not sib:
                sib = [p for p in props if p["addr"].postcode[:3] == prop["addr"].postcode[:3] and p["uprn"] not in _claimed]
            other = rng.choice(sib)
            _claimed.add(other["uprn"])
            prev = other["addr"]
            reasons = [kind]
        elif kind == "DATE_TOO_OLD":
            move = rand_date(D(2025, 8, 1), D(2025, 11, 15))
            reasons = [kind]
        elif kind == "MISSING_FIELD:declaration_date":
            reasons = [kind]
        new = outside() if rng.random() < 0.75 else claim(lambda p: p["kind"] in ("semi", "terrace"))["addr"]
        fields.update({"account_ref": quoted, "previous_address": prev.line1, "previous_postcode": prev.postcode,
                       "new_address": new.line1, "new_postcode": new.postcode, "move_date": iso(move)})
        render.update(prev=prev, new=new)
    else:
        move = rand_date(D(2026, 10, 15), D(2026, 12, 30))
        if kind == "PROPERTY_NOT_FOUND":
            num = str(rng.choice([2, 4, 6, 9, 11, 15]))
            new = Addr("Kestrel Way", number=num, postcode="PW8 4QN")
            reasons = [kind]
        else:
            prop = claim(lambda p: p["kind"] in ("terrace", "semi", "flats", "hmo", "farm"))
            u = prop["uprn"]
            if rng.random() < 0.7:
                add_account(u, [person()], "closed", rand_date(D(2015, 1, 1), D(2022, 1, 1)),
                            rand_date(D(2026, 6, 1), D(2026, 10, 10)))
            new = prop["addr"]
        if kind == "DATE_IN_FUTURE":
            move = rand_date(D(2027, 2, 1), D(2027, 3, 15))
            reasons = [kind]
        fields.update({"new_address": new.line1, "new_postcode": new.postcode, "move_date": iso(move)})
        render.update(new=new)
        if rng.random() < 0.7:
            prev = outside()
            fields.update({"previous_address": prev.line1, "previous_postcode": prev.postcode})
            render.update(prev=prev)
    if kind != "MISSING_FIELD:declaration_date":
        fields["declaration_date"] = iso(decl)
    else:
        render["signed_undated"] = True
    if rng.random() < 0.8:
        fields["phone"] = phone()
    if rng.random() < 0.6:
        fields["email"] = email_for(a)
    return dict(form_type="council_tax_move", layout=layout, fields=fields,
                outcome="approved" if not reasons else "exception", reasons=reasons, render=render)


def permit_scenario(kind, layout):
    a = person()
    title_used = rng.random() < 0.5 and layout != "mypendlewick_receipt"
    reasons = []
    zoned = lambda p: bool(p["zone"])
    if kind == "NOT_IN_PERMIT_ZONE":
        prop = claim(lambda p: p["kind"] in ("terrace", "semi") and p["ward"] in ("Larchfield", "Weaver"))
    else:
        prop = claim(zoned)
    u = prop["uprn"]
    zone = prop["zone"]
    liable = [a] if rng.random() < 0.5 else [a, person(last=a["last"])]
    vstyle = rng.choice(["current"] * 6 + ["prefix", "suffix"])
    vrm = new_vrm(vstyle)
    start = rand_date(D(2026, 12, 1), D(2026, 12, 28))
    decl = rand_date(D(2026, 11, 10), D(2026, 12, 4))
    # resident: liable on active account, or only on the register (e.g. student/lodger)
    if prop["kind"] == "hmo" or rng.random() < 0.25:
        owner = person()
        add_account(u, [owner], "active", rand_date(D(2016, 1, 1), D(2025, 9, 1)), None, [])
        register(u, [a] + ([owner] if rng.random() < 0.5 else []))
    else:
        add_account(u, liable, "active", rand_date(D(2012, 1, 1), D(2025, 9, 1)), None, [])
        register(u, liable if rng.random() < 0.7 else liable[1:])
    existing = rng.choice([0, 0, 1]) if prop["kind"] != "hmo" else 0
    for _ in range(existing):
        add_permit(u, new_vrm(), zone, True)
    if rng.random() < 0.3:
        add_permit(u, new_vrm(), zone, False)
    if kind == "NOT_IN_PERMIT_ZONE":
        zone = "Zone W1" if prop["ward"] == "Weaver" else "University"
        reasons = [kind]
    elif kind == "NOT_RESIDENT":
        # the applicant is a carer/relative who lives elsewhere
        reset(u)
        occ = person()
        add_account(u, [occ], "active", rand_date(D(2012, 1, 1), D(2025, 9, 1)), None, [])
        register(u, [occ])
        reasons = [kind]
    elif kind == "INVALID_FORMAT:vrm":
        _vrms.discard(vrm)
        vrm = rng.choice(["YR18KX0", "LK07QWXZ", "PN6G8TT"])
        reasons = [kind]
    elif kind == "VRM_HAS_PERMIT":
        other = claim(lambda p: p["zone"] and p["kind"] in ("terrace", "semi"))
        add_account(other["uprn"], [person()], "active", rand_date(D(2012, 1, 1), D(2025, 9, 1)), None, [])
        add_permit(other["uprn"], vrm, other["zone"], True)
        reasons = [kind]
    elif kind == "PERMIT_CAP_REACHED":
        for x in active_permits(u):
            permits.remove(x)
        add_permit(u, new_vrm(), zone, True)
        add_permit(u, new_vrm(), zone, True)
        reasons = [kind]
    elif kind == "DATE_IN_FUTURE":
        start = rand_date(D(2027, 2, 1), D(2027, 3, 31))
        reasons = [kind]
    fields = {"applicant_name": f"{a['title']} {a['full']}" if title_used else a["full"],
              "address": prop["addr"].line1, "postcode": prop["addr"].postcode, "vrm": vrm,
              "zone": zone, "start_date": iso(start), "declaration_date": iso(decl)}
    if rng.random() < 0.8:
        fields["vehicle_make"] = rng.choice(MAKES[:-3] if vstyle == "current" else MAKES[-3:])
    if rng.random() < 0.8:
        fields["phone"] = phone()
    if rng.random() < 0.6:
        fields["email"] = email_for(a)
    return dict(form_type="parking_permit", layout=layout, fields=fields,
                outcome="approved" if not reasons else "exception", reasons=reasons,
                render=dict(person=a, title_used=title_used, addr=prop["addr"]))


# ---------------------------------------------------------------- correspondence
def corr_body(topic, sender_addr, ref_text, wrong=False):
    """Return list of (paragraph_text, [dates])."""
    street = sender_addr.street if sender_addr else "Weaver Street"
    if topic == "missed_bin":
        d1 = rand_date(D(2026, 11, 9), D(2026, 12, 2))
        d0 = d1 - dt.timedelta(days=14)
        bin_ = rng.choice(["blue recycling bin", "green garden waste bin", "grey general waste bin", "brown food caddy"])
        s1 = rng.choice(["day_long", "long"])
        paras = [
            (f"Our {bin_} was not emptied on {fdate(d1, s1)}. It was out at the kerbside by 7am as usual "
             f"and the bins either side of us on {street} were collected.", [d1]),
            (f"This has now happened twice, as it was also missed on {fdate(d0, 'dmy_slash')}. Could the crew please "
             f"come back for it before the next collection? It is now overflowing.", [d0]),
        ]
        return paras
    if topic == "council_tax_query":
        d1 = rand_date(D(2026, 10, 1), D(2026, 11, 20))
        amt = f"{rng.randint(90, 230)}.{rng.randint(10, 99)}"
        paras = [
            (f"I am writing about my council tax account {ref_text}. My bill dated {fdate(d1, 'long')} shows "
             f"instalments of \u00a3{amt} a month, which is more than I paid last year, and I cannot see why the "
             f"amount has gone up.", [d1]),
            ("Could you please check the band and any discounts on the account and explain the calculation? I pay by "
             "direct debit and want to make sure the right amount is taken.", []),
        ]
        if wrong:
            paras.append(("I have copied the reference from the top of the bill.", []))
        return paras
    if topic == "complaint":
        d1 = rand_date(D(2026, 11, 2), D(2026, 12, 1))
        what = rng.choice([
            f"the closure of {street} by the resurfacing contractors, without any notice to residents,",
            "the way I was spoken to when I phoned the contact centre",
            "the state of the public toilets at the castle car park",
        ])
        paras = [
            (f"I wish to make a formal complaint about {what} on {fdate(d1, rng.choice(['long_ord', 'dmy_slash']))}.", [d1]),
            ("I have lived in Pendlewick for many years and have never had cause to complain before, but this was "
             "simply not acceptable. I would like a written response explaining what went wrong and what will be "
             "done to stop it happening again.", []),
        ]
        if ref_text:
            paras.insert(1, (f"For reference, my council tax account number is {ref_text}.", []))
        return paras
    if topic == "foi_request":
        paras = [
            ("Under the Freedom of Information Act 2000, please provide the following information.", []),
            (f"The number of penalty charge notices issued in the Castle and University residents' parking zones "
             f"between {fdate(D(2025, 4, 1), 'long')} and {fdate(D(2026, 3, 31), 'long')}, broken down by month and "
             f"by zone, and the total income received from them.", [D(2025, 4, 1), D(2026, 3, 31)]),
            ("I would prefer to receive the information electronically as a spreadsheet.", []),
        ]
        return paras
    if topic == "other":
        d1 = rand_date(D(2027, 5, 1), D(2027, 8, 28))
        while d1.weekday() != 5:
            d1 += dt.timedelta(days=1)
        paras = [
            (f"I would like to ask about booking the bandstand in Castle Gardens for a charity brass band concert on "
             f"{fdate(d1, 'day_long')}, from about 2pm to 5pm.", [d1]),
            ("Please could you send me the booking form, the hire charges and details of any public liability "
             "insurance we would need? We expect around 150 people.", []),
        ]
        return paras
    raise ValueError(topic)


def corr_scenario(topic, layout, kind="clean"):
    a = person()
    reasons = []
    fields = {"topic": topic}
    addr = None
    ref_text = None
    quoted = None
    if kind == "SENDER_UNKNOWN_NONAME":
        reasons = ["SENDER_UNKNOWN"]
    else:
        if kind == "SENDER_UNKNOWN_NOADDR":
            addr = Addr("Heron Close", number=str(rng.randint(2, 30)), postcode="PW8 3XY")
            reasons = ["SENDER_UNKNOWN"]
        else:
            prop = claim(lambda p: p["kind"] in ("terrace", "semi", "flats", "farm", "hmo"))
            ref = add_account(prop["uprn"], [a], "active", rand_date(D(2012, 1, 1), D(2025, 9, 1)), None, [])
            register(prop["uprn"], [a])
            addr = prop["addr"]
            if topic == "council_tax_query" or (topic == "complaint" and rng.random() < 0.5):
                quoted = ref
            if kind == "ACCOUNT_NOT_FOUND":
                quoted = fake_ref()
                reasons = ["ACCOUNT_NOT_FOUND"]
        fields["sender_name"] = a["full"]
        fields["address"] = addr.line1
        fields["postcode"] = addr.postcode
    if quoted:
        ref_text = facct(quoted, rng.choice(["plain", "space", "ct"]))
        fields["account_ref"] = quoted
    paras = corr_body(topic, addr, ref_text, wrong=(kind == "ACCOUNT_NOT_FOUND"))
    body = " ".join(p for p, _ in paras)
    dates = []
    for _, ds in paras:
        for d in ds:
            if iso(d) not in dates:
                dates.append(iso(d))
    fields["body"] = " ".join(body.split())
    if dates:
        fields["dates_mentioned"] = dates
    subj = {"missed_bin": "Missed bin collection", "council_tax_query": "Query about my council tax bill",
            "complaint": "Formal complaint", "foi_request": "Freedom of Information request",
            "other": "Bandstand booking enquiry"}[topic]
    sent = rand_date(D(2026, 11, 20), D(2026, 12, 5))
    return dict(form_type="correspondence", layout=layout, fields=fields,
                outcome="approved" if not reasons else "exception", reasons=reasons,
                render=dict(person=a, addr=addr, paras=paras, subject=subj, sent=sent, noname=(kind == "SENDER_UNKNOWN_NONAME")))


def build_scenarios():
    L = FORM_LAYOUTS
    # SPD: 8 clean (2 per layout), duplicate pair, 8 exceptions (2 per layout)
    spd_exc = ["ACCOUNT_NOT_FOUND", "ACCOUNT_CLOSED", "NAME_MISMATCH", "ADDRESS_MISMATCH",
               "DISCOUNT_ALREADY_APPLIED", "OTHER_ADULTS_REGISTERED", "DATE_TOO_OLD", "INCONSISTENT_DATES"]
    for i in range(8):
        docs.append(spd_scenario("clean", L[i % 4]))
    for i, k in enumerate(spd_exc):
        docs.append(spd_scenario(k, L[(i + 1) % 4]))
    dup = spd_scenario("dup", "pbc_table")
    dup2 = json.loads(json.dumps({k: v for k, v in dup.items() if k != "render"}))
    dup2["render"] = dict(dup["render"], shift=True)
    dup["duplicate_group"] = dup2["duplicate_group"] = "dup-spd-1"
    dup["outcome"] = dup2["outcome"] = "duplicate_pair"
    docs.extend([dup, dup2])
    # moves
    clean_moves = [("pbc_boxed", "out"), ("pbc_boxed", "out"), ("pbc_boxed", "in"),
                   ("pbc_fillable", "out"), ("pbc_fillable", "in"), ("pbc_fillable", "in"),
                   ("pbc_table", "out"), ("pbc_table", "in"),
                   ("mypendlewick_receipt", "out"), ("mypendlewick_receipt", "in")]
    for lay, mt in clean_moves:
        docs.append(move_scenario("clean", lay, mt))
    move_exc = [("ACCOUNT_NOT_FOUND", "out", "pbc_table"), ("NAME_MISMATCH", "out", "mypendlewick_receipt"),
                ("ADDRESS_MISMATCH", "out", "pbc_boxed"), ("DATE_TOO_OLD", "out", "pbc_fillable"),
                ("MISSING_FIELD:declaration_date", "out", "pbc_boxed"), ("PROPERTY_NOT_FOUND", "in", "mypendlewick_receipt"),
                ("DATE_IN_FUTURE", "in", "pbc_table")]
    for k, mt, lay in move_exc:
        docs.append(move_scenario(k, lay, mt))
    # permits
    for lay in ["pbc_boxed"] * 3 + ["pbc_fillable"] * 3 + ["pbc_table"] * 2 + ["mypendlewick_receipt"] * 2:
        docs.append(permit_scenario("clean", lay))
    permit_exc = [("NOT_IN_PERMIT_ZONE", "pbc_table"), ("NOT_RESIDENT", "pbc_boxed"), ("INVALID_FORMAT:vrm", "mypendlewick_receipt"),
                  ("VRM_HAS_PERMIT", "pbc_fillable"), ("PERMIT_CAP_REACHED", "pbc_table"), ("DATE_IN_FUTURE", "mypendlewick_receipt")]
    for k, lay in permit_exc:
        docs.append(permit_scenario(k, lay))
    # correspondence
    for t in ["missed_bin", "council_tax_query", "foi_request", "other"]:
        docs.append(corr_scenario(t, "letter"))
    for t in ["missed_bin", "council_tax_query", "complaint", "complaint"]:
        docs.append(corr_scenario(t, "email_print"))
    docs.append(corr_scenario("complaint", "letter", "SENDER_UNKNOWN_NOADDR"))
    docs.append(corr_scenario("council_tax_query", "letter", "ACCOUNT_NOT_FOUND"))
    docs.append(corr_scenario("missed_bin", "email_print", "SENDER_UNKNOWN_NONAME"))
    docs.append(corr_scenario("council_tax_query", "email_print", "ACCOUNT_NOT_FOUND"))


# ================================================================ drawing helpers
def para(c, text, x, y, width, font="Helvetica", size=9, leading=None, color=black):
    leading = leading or size * 1.25
    c.setFont(font, size)
    c.setFillColor(color)
    for line in simpleSplit(text, font, size, width):
        c.drawString(x, y, line)
        y -= leading
    c.setFillColor(black)
    return y


def crest(c, x, y, s=1.0, color=TEAL):
    """A little castle-keep emblem."""
    c.saveState()
    c.setFillColor(color)
    c.rect(x, y, 30 * s, 22 * s, stroke=0, fill=1)
    for i in range(4):
        c.rect(x + i * 8 * s, y + 22 * s, 6 * s, 6 * s, stroke=0, fill=1)
    c.setFillColor(white)
    c.rect(x + 11 * s, y, 8 * s, 11 * s, stroke=0, fill=1)
    c.restoreState()


def tickbox(c, x, y, checked, size=10, mark="X"):
    c.setLineWidth(0.8)
    c.rect(x, y, size, size)
    if checked:
        if mark == "tick":
            c.setFont(TICK_FONT, size + 1)
            c.drawString(x + 1, y + 1, TICK)
        else:
            c.setFont("Helvetica-Bold", size)
            c.drawString(x + 1.8, y + 1.5, "X")


def footer(c, text):
    c.setFont("Helvetica", 7)
    c.setFillColor(MID)
    c.drawString(36, 22, text)
    c.setFillColor(black)


TITLES = {
    "council_tax_spd": "Council Tax \u2013 Single Person Discount",
    "council_tax_move": "Council Tax \u2013 Moving Home",
    "parking_permit": "Residents' Parking Permit Application",
}
FORM_CODES = {"council_tax_spd": "CTAX 14", "council_tax_move": "CTAX 03", "parking_permit": "PKG/RP1"}
ZONES = ["Castle", "Zone W1", "Zone W2", "University"]


def pstyle(layout):
    """Per-form random choice of how values are written, within the layout's habits."""
    if layout == "pbc_boxed":
        return dict(date=rng.choice(["dmy_slash", "dmy_slash", "dmy_slash_short"]), acct="comb",
                    pc=rng.choice(["norm", "norm", "nospace"]), vrm=rng.choice(["spaced", "plain"]))
    if layout == "pbc_fillable":
        return dict(date=rng.choice(["dmy_dot", "dmy_dash"]), acct=rng.choice(["ct", "plain"]),
                    pc=rng.choice(["norm", "lower", "nospace"]), vrm=rng.choice(["spaced", "lower", "plain"]))
    if layout == "pbc_table":
        return dict(date=rng.choice(["long", "long_ord"]), acct=rng.choice(["space", "dash"]),
                    pc="norm", vrm="spaced")
    return dict(date=rng.choice(["iso", "long", "us_long"]), acct=rng.choice(["plain", "dash"]),
                pc="norm", vrm=rng.choice(["plain", "spaced"]))


# ---------------------------------------------------------------- layout 1: pbc_boxed
class Boxed:
    """Pendlewick's own printed paper form: labels above boxes, split name, comb account boxes."""

    def __init__(self, c, st):
        self.c, self.st = c, st
        self.y = H - 40

    def header(self, ft, intro):
        c = self.c
        crest(c, 40, H - 72, 1.2)
        c.setFont("Helvetica-Bold", 15)
        c.drawString(86, H - 52, "Pendlewick Borough Council")
        c.setFont("Helvetica", 8)
        c.drawString(86, H - 64, "Town Hall, Market Square, Pendlewick PW1 1AA  |  01524 600600  |  www.pendlewick.gov.uk")
        c.setFont("Helvetica-Bold", 9)
        c.drawRightString(W - 40, H - 52, "Form " + FORM_CODES[ft])
        c.setFillColor(TEAL)
        c.rect(36, H - 102, W - 72, 24, stroke=0, fill=1)
        c.setFillColor(white)
        c.setFont("Helvetica-Bold", 13)
        c.drawString(44, H - 95, TITLES[ft])
        c.setFillColor(black)
        self.y = para(c, intro, 40, H - 118, W - 80, size=8.5) - 6

    def section(self, num, text):
        c = self.c
        self.y -= 4
        c.setFillColor(LIGHT)
        c.rect(36, self.y - 4, W - 72, 16, stroke=0, fill=1)
        c.setFillColor(TEAL)
        c.setFont("Helvetica-Bold", 10)
        c.drawString(42, self.y, f"{num}   {text}")
        c.setFillColor(black)
        self.y -= 22

    def boxes(self, items, h=18):
        """items: list of (label, value, width_fraction). Drawn side by side on one row."""
        c = self.c
        x = 40
        total = W - 80
        for label, value, frac in items:
            w = total * frac - 6
            c.setFont("Helvetica", 7.5)
            c.drawString(x, self.y, label)
            c.setLineWidth(0.7)
            c.rect(x, self.y - h - 3, w, h)
            if value:
                lines = value if isinstance(value, list) else [value]
                c.setFont("Courier", 10)
                yy = self.y - 15
                for ln in lines:
                    c.drawString(x + 4, yy, ln)
                    yy -= 12
            x += w + 6
        self.y -= h + 14

    def comb(self, label, digits):
        c = self.c
        c.setFont("Helvetica", 7.5)
        c.drawString(40, self.y, label)
        x = 40
        for i in range(8):
            c.rect(x, self.y - 21, 16, 18)
            if digits and i < len(digits):
                c.setFont("Courier", 11)
                c.drawCentredString(x + 8, self.y - 16, digits[i])
            x += 16
        self.y -= 32

    def choices(self, label, options, chosen, cols=2):
        c = self.c
        c.setFont("Helvetica", 7.5)
        c.drawString(40, self.y, label)
        self.y -= 15
        colw = (W - 80) / cols
        for i, opt in enumerate(options):
            cx = 40 + (i % cols) * colw
            tickbox(self.c, cx, self.y - 2, opt == chosen, 10, "X")
            c.setFont("Helvetica", 9)
            c.drawString(cx + 15, self.y, opt)
            if i % cols == cols - 1:
                self.y -= 15
        if len(options) % cols:
            self.y -= 15
        self.y -= 4


def name_parts(r):
    p = r["person"]
    return (p["title"] if r.get("title_used") else ""), p["first"], p["last"]


def render_boxed(c, doc):
    st = pstyle("pbc_boxed")
    f, r, ft = doc["fields"], doc["render"], doc["form_type"]
    b = Boxed(c, st)
    dd = lambda k: fdate(D.fromisoformat(f[k]), st["date"]) if k in f else ""
    pc = lambda v: fpc(v, st["pc"]) if v else ""
    title, first, last = name_parts(r)
    intro = {
        "council_tax_spd": "Use this form if you are the only adult (aged 18 or over) living in your home. You may be entitled to a 25% "
                           "reduction on your Council Tax bill. Please write in BLOCK CAPITALS and use black ink.",
        "council_tax_move": "Tell us if you are moving into, out of, or within Pendlewick so that we can bill the right person "
                            "from the right date. Please complete all sections that apply to you.",
        "parking_permit": "Residents' permits allow you to park in your own zone during controlled hours. One form per "
                          "vehicle. A permit costs \u00a348 a year. Please enclose a copy of your V5C logbook.",
    }[ft]
    b.header(ft, intro)
    if ft == "council_tax_spd":
        b.section("1", "Your details")
        b.comb("Council Tax account reference (top right of your bill)", f.get("account_ref", ""))
        b.boxes([("Title", title, 0.14), ("Forename(s)", first, 0.36), ("Surname", last, 0.5)])
        b.boxes([("Address of the property", r["addr"].lines(), 0.72), ("Postcode", pc(f.get("postcode")), 0.28)], h=40)
        b.boxes([("Daytime telephone number", f.get("phone", ""), 0.4), ("Email address", f.get("email", ""), 0.6)])
        b.section("2", "About your household")
        b.boxes([("Date you became the only adult (18 or over) living at the property", dd("sole_adult_since"), 0.55)])
        b.boxes([("Name of the person who has left", f.get("other_adult_name", ""), 1.0)])
        b.boxes([("Their new address, if known", f.get("other_adult_forwarding_address", ""), 1.0)])
        ch = f.get("change_description", "")
        b.boxes([("Please tell us what has changed", simpleSplit(ch, "Courier", 10, W - 90) if ch else "", 1.0)], h=42)
    elif ft == "council_tax_move":
        b.section("1", "About you")
        b.boxes([("Title", title, 0.14), ("Forename(s)", first, 0.36), ("Surname", last, 0.5)])
        b.boxes([("Daytime telephone number", f.get("phone", ""), 0.4), ("Email address", f.get("email", ""), 0.6)])
        b.choices("Are you moving into or out of the borough? (mark one box with an X)",
                  ["I am moving INTO a property in Pendlewick", "I am moving OUT of Pendlewick"],
                  "I am moving INTO a property in Pendlewick" if f["move_type"] == "in" else "I am moving OUT of Pendlewick")
        b.comb("Council Tax account reference (if you have one)", f.get("account_ref", ""))
        b.boxes([("Date of move", dd("move_date"), 0.4)])
        b.section("2", "Address you are moving FROM")
        pv = r.get("prev")
        b.boxes([("Address", pv.lines() if pv else "", 0.72), ("Postcode", pc(pv.postcode) if pv else "", 0.28)], h=40)
        b.section("3", "Address you are moving TO")
        nw = r.get("new")
        b.boxes([("Address", nw.lines() if nw else "", 0.72), ("Postcode", pc(nw.postcode) if nw else "", 0.28)], h=40)
    else:
        b.section("1", "Applicant")
        b.boxes([("Title", title, 0.14), ("Forename(s)", first, 0.36), ("Surname", last, 0.5)])
        b.boxes([("Address where the vehicle will be kept", r["addr"].lines(), 0.72), ("Postcode", pc(f.get("postcode")), 0.28)], h=40)
        b.boxes([("Daytime telephone number", f.get("phone", ""), 0.4), ("Email address", f.get("email", ""), 0.6)])
        b.section("2", "Vehicle and permit")
        b.boxes([("Vehicle registration number", fvrm(f["vrm"], st["vrm"]) if "vrm" in f else "", 0.4),
                 ("Make and model", f.get("vehicle_make", ""), 0.6)])
        b.choices("Permit zone (mark one box with an X)", ZONES, f.get("zone"), cols=4)
        b.boxes([("Date you want the permit to start", dd("start_date"), 0.45)])
    b.section("4" if ft == "council_tax_move" else "3", "Declaration")
    b.y = para(c, "I declare that the information I have given on this form is correct and complete. I understand that "
                  "giving false information may lead to prosecution.", 40, b.y, W - 80, size=8.5) - 6
    signed = True
    b.boxes([("Signature", "", 0.6), ("Date", dd("declaration_date"), 0.4)], h=22)
    if signed:
        c.setFont("Helvetica-Oblique", 13)
        c.drawString(48, b.y + 14, f"{first[0]}. {last}")
    c.setLineWidth(0.5)
    c.setDash(3, 2)
    c.rect(W - 200, 40, 160, 40)
    c.setDash()
    c.setFont("Helvetica", 7)
    c.drawString(W - 196, 72, "For office use only")
    footer(c, f"{FORM_CODES[doc['form_type']]} v3.2 (04/2025)  |  Return to: Pendlewick Borough Council, PO Box 77, Pendlewick PW1 1AA")


# ---------------------------------------------------------------- layout 2: pbc_fillable
def render_fillable(c, doc):
    st = pstyle("pbc_fillable")
    f, r, ft = doc["fields"], doc["render"], doc["form_type"]
    af = c.acroForm
    dd = lambda k: fdate(D.fromisoformat(f[k]), st["date"]) if k in f else ""
    c.setFillColor(NAVY)
    c.rect(0, H - 70, W, 70, stroke=0, fill=1)
    crest(c, 36, H - 56, 1.1, white)
    c.setFillColor(white)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(80, H - 34, "Pendlewick")
    c.setFont("Helvetica", 10)
    c.drawString(80, H - 48, "Borough Council")
    c.setFont("Helvetica-Bold", 13)
    c.drawRightString(W - 36, H - 38, TITLES[ft])
    c.setFont("Helvetica", 8)
    c.drawRightString(W - 36, H - 52, "Fillable form \u2013 complete on screen, save and email to forms@pendlewick.gov.uk")
    c.setFillColor(black)
    y = H - 96
    n = [0]

    def sub(t):
        nonlocal y
        y -= 6
        c.setFont("Helvetica-Bold", 11)
        c.setFillColor(NAVY)
        c.drawString(36, y, t)
        c.setStrokeColor(NAVY)
        c.line(36, y - 4, W - 36, y - 4)
        c.setStrokeColor(black)
        c.setFillColor(black)
        y -= 22

    def tf(label, value, h=18, w=330, multiline=False, hint=None):
        nonlocal y
        n[0] += 1
        y -= h - 18
        c.setFont("Helvetica", 9)
        c.drawString(36, y + h - 12, label)
        if hint:
            c.setFont("Helvetica-Oblique", 7)
            c.setFillColor(MID)
            c.drawString(36, y + h - 22, hint)
            c.setFillColor(black)
        af.textfield(name=f"f{n[0]:02d}_" + "".join(ch for ch in label.title() if ch.isalnum())[:24],
                     value=value or "", x=200, y=y, width=w, height=h, fontName="Helvetica", fontSize=9,
                     borderStyle="inset", borderWidth=0.8, borderColor=MID, fillColor=Color(0.95, 0.97, 1.0),
                     textColor=black, forceBorder=True, maxlen=600,
                     fieldFlags="multiline" if multiline else "")
        y -= h + 8

    addr_lines = lambda a: "\n".join(a.lines()) if a else ""
    pcv = lambda a: fpc(a.postcode, st["pc"]) if a else ""
    acct = facct(f["account_ref"], st["acct"]) if "account_ref" in f else ""
    if ft == "council_tax_spd":
        sub("Part 1 \u2013 Your account")
        tf("Account number", acct, hint="starts 71, on your bill")
        tf("Your full name", f["applicant_name"])
        tf("Property address", addr_lines(r["addr"]), h=40, multiline=True)
        tf("Post code", pcv(r["addr"]), w=110)
        tf("Contact phone", f.get("phone", ""), w=160)
        tf("Email", f.get("email", ""))
        sub("Part 2 \u2013 Your claim")
        tf("Living alone since", dd("sole_adult_since"), w=110, hint="dd.mm.yyyy")
        tf("Former occupant's name", f.get("other_adult_name", ""))
        tf("Their forwarding address", f.get("other_adult_forwarding_address", ""))
        tf("Reason for claim", f.get("change_description", ""), h=44, multiline=True)
    elif ft == "council_tax_move":
        sub("Part 1 \u2013 You")
        tf("Your full name", f["applicant_name"])
        tf("Contact phone", f.get("phone", ""), w=160)
        tf("Email", f.get("email", ""))
        c.setFont("Helvetica", 9)
        c.drawString(36, y + 6, "I am")
        for i, (val, lab) in enumerate([("MovingIn", "moving into Pendlewick"), ("MovingOut", "moving out of Pendlewick")]):
            xx = 200 + i * 170
            af.radio(name="MoveDirection", value=val, selected=(val == ("MovingIn" if f["move_type"] == "in" else "MovingOut")),
                     x=xx, y=y + 2, size=13, buttonStyle="circle", borderWidth=0.8, borderColor=MID,
                     fillColor=white, textColor=black, forceBorder=True)
            c.drawString(xx + 18, y + 5, lab)
        y -= 26
        tf("Account number", acct, hint="if known")
        tf("Moving date", dd("move_date"), w=110, hint="dd.mm.yyyy")
        sub("Part 2 \u2013 Addresses")
        tf("Old address", addr_lines(r.get("prev")), h=40, multiline=True)
        tf("Old post code", pcv(r.get("prev")), w=110)
        tf("New address", addr_lines(r.get("new")), h=40, multiline=True)
        tf("New post code", pcv(r.get("new")), w=110)
    else:
        sub("Part 1 \u2013 Resident")
        tf("Your full name", f["applicant_name"])
        tf("Home address", addr_lines(r["addr"]), h=40, multiline=True)
        tf("Post code", pcv(r["addr"]), w=110)
        tf("Contact phone", f.get("phone", ""), w=160)
        tf("Email", f.get("email", ""))
        sub("Part 2 \u2013 Vehicle")
        tf("Registration", fvrm(f["vrm"], st["vrm"]), w=110)
        tf("Vehicle make", f.get("vehicle_make", ""), w=200)
        c.setFont("Helvetica", 9)
        c.drawString(36, y + 6, "Zone applied for")
        af.choice(name="PermitZone", value=f["zone"], options=ZONES, x=200, y=y, width=140, height=18,
                  fontName="Helvetica", fontSize=9, borderWidth=0.8, borderColor=MID, fillColor=Color(0.95, 0.97, 1.0),
                  textColor=black, forceBorder=True)
        y -= 26
        tf("Permit required from", dd("start_date"), w=110, hint="dd.mm.yyyy")
    sub("Declaration")
    y = para(c, "By ticking the box and entering the date below I confirm that the information given is true. "
                "The council may check it against other records it holds.", 36, y + 8, W - 72, size=8.5) - 6
    af.checkbox(name="DeclarationAgreed", checked=True, x=36, y=y - 4, size=12, buttonStyle="check",
                borderWidth=0.8, borderColor=MID, fillColor=white, textColor=black, forceBorder=True)
    c.setFont("Helvetica", 9)
    c.drawString(54, y - 1, "I agree")
    y -= 30
    tf("Date signed", dd("declaration_date"), w=110)
    footer(c, f"PBC fillable {FORM_CODES[ft]} \u2013 rev. 2026.2")


# ---------------------------------------------------------------- layout 3: pbc_table
def render_table(c, doc):
    st = pstyle("pbc_table")
    f, r, ft = doc["fields"], doc["render"], doc["form_type"]
    dx = 3 if r.get("shift") else 0
    dy = -2 if r.get("shift") else 0
    c.translate(dx, dy)
    dd = lambda k: fdate(D.fromisoformat(f[k]), st["date"]) if k in f else ""
    c.setFont("Times-Bold", 18)
    c.drawCentredString(W / 2, H - 50, "PENDLEWICK BOROUGH COUNCIL")
    c.setFont("Times-Roman", 10)
    c.drawCentredString(W / 2, H - 64, {"council_tax_spd": "Revenues Service", "council_tax_move": "Revenues Service",
                                         "parking_permit": "Parking Services"}[ft] + " \u2013 Town Hall, Market Square, Pendlewick PW1 1AA")
    c.setFont("Times-Bold", 13)
    c.drawCentredString(W / 2, H - 88, {"council_tax_spd": "APPLICATION FOR 25% SINGLE OCCUPIER DISCOUNT",
                                         "council_tax_move": "COUNCIL TAX: CHANGE OF ADDRESS NOTIFICATION",
                                         "parking_permit": "RESIDENT PARKING PERMIT \u2013 APPLICATION"}[ft])
    y = [H - 110]
    X0, X1, X2 = 40, 230, W - 40

    def row(label, value, minh=20):
        vals = value if isinstance(value, list) else ([value] if value else [])
        wrapped = []
        for v in vals:
            wrapped += simpleSplit(v, "Helvetica", 10, X2 - X1 - 10)
        lab = simpleSplit(label, "Helvetica-Bold", 8.5, X1 - X0 - 8)
        h = max(minh, 8 + 12 * len(wrapped), 8 + 10.5 * len(lab))
        top = y[0]
        c.setFillColor(GREY)
        c.rect(X0, top - h, X1 - X0, h, stroke=0, fill=1)
        c.setFillColor(black)
        c.setLineWidth(0.6)
        c.rect(X0, top - h, X2 - X0, h)
        c.line(X1, top, X1, top - h)
        c.setFont("Helvetica-Bold", 8.5)
        yy = top - 12
        for ln in lab:
            c.drawString(X0 + 4, yy, ln)
            yy -= 10.5
        c.setFont("Helvetica", 10)
        yy = top - 13
        for ln in wrapped:
            c.drawString(X1 + 5, yy, ln)
            yy -= 12
        y[0] -= h

    def head(t):
        y[0] -= 8
        c.setFillColor(black)
        c.rect(X0, y[0] - 16, X2 - X0, 16, stroke=0, fill=1)
        c.setFillColor(white)
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(X0 + 4, y[0] - 12, t)
        c.setFillColor(black)
        y[0] -= 16

    def tickrow(label, options, chosen):
        top = y[0]
        h = 22
        c.setFillColor(GREY)
        c.rect(X0, top - h, X1 - X0, h, stroke=0, fill=1)
        c.setFillColor(black)
        c.rect(X0, top - h, X2 - X0, h)
        c.line(X1, top, X1, top - h)
        c.setFont("Helvetica-Bold", 8.5)
        c.drawString(X0 + 4, top - 14, label)
        x = X1 + 6
        for o in options:
            tickbox(c, x, top - 16, o == chosen, 10, "tick")
            c.setFont("Helvetica", 9)
            c.drawString(x + 14, top - 14, o)
            x += 14 + c.stringWidth(o, "Helvetica", 9) + 14
        y[0] -= h

    def addr_rows(a, prefix=""):
        row(prefix + "Flat or room number", a.flat if a else "")
        row(prefix + "House number or name", (a.number or a.name) if a else "")
        row(prefix + "Street", a.street if a else "")
        row(prefix + "Village / locality", a.line2 if a else "")
        row(prefix + "Town", a.town if a else "")
        row(prefix + "Postcode", a.postcode if a else "")

    acct = facct(f["account_ref"], st["acct"]) if "account_ref" in f else ""
    if ft == "council_tax_spd":
        head("PART A \u2013 APPLICANT")
        row("Your Council Tax account number", acct)
        row("Full name including title", f["applicant_name"])
        addr_rows(r["addr"])
        row("Telephone", f.get("phone", ""))
        row("E-mail", f.get("email", ""))
        head("PART B \u2013 CHANGE IN HOUSEHOLD")
        row("From what date have you lived alone?", dd("sole_adult_since"))
        row("Full name of the adult who moved out", f.get("other_adult_name", ""))
        row("Where have they moved to?", f.get("other_adult_forwarding_address", ""))
        row("Tell us about the change in your household", f.get("change_description", ""), minh=40)
    elif ft == "council_tax_move":
        head("PART A \u2013 YOUR DETAILS")
        row("Full name including title", f["applicant_name"])
        tickrow("Please tick one", ["Moving in", "Moving out"], "Moving in" if f["move_type"] == "in" else "Moving out")
        row("Council Tax account no. (if known)", acct)
        row("Date you moved / will move", dd("move_date"))
        row("Telephone", f.get("phone", ""))
        row("E-mail", f.get("email", ""))
        head("PART B \u2013 PREVIOUS ADDRESS (the address you have left or are leaving)")
        addr_rows(r.get("prev"))
        head("PART C \u2013 NEW ADDRESS (where you are going to live)")
        addr_rows(r.get("new"))
    else:
        head("PART A \u2013 RESIDENT")
        row("Full name including title", f["applicant_name"])
        addr_rows(r["addr"])
        row("Telephone", f.get("phone", ""))
        row("E-mail", f.get("email", ""))
        head("PART B \u2013 VEHICLE")
        row("Vehicle registration mark (number plate)", fvrm(f["vrm"], st["vrm"]))
        row("Make of vehicle", f.get("vehicle_make", ""))
        tickrow("Which zone do you live in?", ZONES, f["zone"])
        row("Start date required", dd("start_date"))
    head("DECLARATION")
    yy = para(c, "I certify that the particulars given above are correct. I will tell the Council within 21 days of any change.",
              X0 + 4, y[0] - 12, X2 - X0 - 8, size=8.5)
    y[0] = yy - 4
    row("Signed", "")
    c.setFont("Times-Italic", 13)
    c.drawString(X1 + 8, y[0] + 6, r["person"]["full"])
    row("Date of declaration", dd("declaration_date"))
    c.translate(-dx, -dy)
    footer(c, f"Form {FORM_CODES[ft]}T  \u2013  Data protection: we use your information to administer council tax and parking. See pendlewick.gov.uk/privacy")


# ---------------------------------------------------------------- layout 4: mypendlewick_receipt
def render_portal(c, doc):
    st = pstyle("mypendlewick_receipt")
    f, r, ft = doc["fields"], doc["render"], doc["form_type"]
    dd = lambda k: fdate(D.fromisoformat(f[k]), st["date"]) if k in f else ""
    submitted = D.fromisoformat(f.get("declaration_date", "2026-12-01"))
    state = {"y": 0, "page": 1}

    def page_head():
        c.setFillColor(Color(0.13, 0.13, 0.13))
        c.rect(0, H - 44, W, 44, stroke=0, fill=1)
        c.setFillColor(white)
        c.setFont("Helvetica-Bold", 14)
        c.drawString(36, H - 28, "MyPendlewick")
        c.setFont("Helvetica", 9)
        c.drawRightString(W - 36, H - 28, "Pendlewick Borough Council online services")
        c.setFillColor(black)
        state["y"] = H - 70

    def newpage():
        c.setFont("Helvetica", 7)
        c.setFillColor(MID)
        c.drawRightString(W - 36, 22, f"Page {state['page']}")
        c.setFillColor(black)
        c.showPage()
        state["page"] += 1
        page_head()

    page_head()
    c.setFillColor(Color(0.0, 0.44, 0.24))
    c.rect(36, state["y"] - 50, W - 72, 58, stroke=0, fill=1)
    c.setFillColor(white)
    c.setFont("Helvetica-Bold", 15)
    c.drawString(48, state["y"] - 16, "Form submitted")
    c.setFont("Helvetica", 10)
    refno = f"MP-{rng.randint(1000000, 9999999)}"
    c.drawString(48, state["y"] - 34, f"Your reference number is {refno}")
    c.setFillColor(black)
    state["y"] -= 76
    c.setFont("Helvetica-Bold", 13)
    c.drawString(36, state["y"], {"council_tax_spd": "Apply for a single person discount",
                                  "council_tax_move": "Tell us you are moving home",
                                  "parking_permit": "Apply for a resident parking permit"}[ft])
    state["y"] -= 14
    c.setFont("Helvetica", 8.5)
    c.setFillColor(MID)
    c.drawString(36, state["y"], f"Check your answers \u2013 printed copy for your records")
    c.setFillColor(black)
    state["y"] -= 20

    def qa(q, a):
        if a is None or a == "":
            a = "Not provided"
        lines = simpleSplit(a, "Helvetica", 10, W - 90)
        need = 14 + 13 * len(lines) + 8
        if state["y"] - need < 50:
            newpage()
        c.setFont("Helvetica-Bold", 9)
        c.drawString(36, state["y"], q)
        yy = state["y"] - 14
        c.setFont("Helvetica", 10)
        for ln in lines:
            c.drawString(44, yy, ln)
            yy -= 13
        c.setStrokeColor(GREY)
        c.line(36, yy + 4, W - 36, yy + 4)
        c.setStrokeColor(black)
        state["y"] = yy - 8

    def addr_qa(a, what):
        if a is None:
            qa(f"{what} \u2013 address line 1", None)
            return
        qa(f"{what} \u2013 address line 1", a.line1)
        if a.line2:
            qa(f"{what} \u2013 address line 2", a.line2)
        qa(f"{what} \u2013 town or city", a.town)
        qa(f"{what} \u2013 postcode", a.postcode)

    p = r["person"]
    acct = facct(f["account_ref"], st["acct"]) if "account_ref" in f else None
    if ft == "council_tax_spd":
        qa("What is your council tax account number?", acct)
        qa("First name", p["first"])
        qa("Last name", p["last"])
        addr_qa(r["addr"], "Your address")
        qa("When did you start living on your own?", dd("sole_adult_since"))
        qa("Who moved out?", f.get("other_adult_name"))
        qa("Where do they live now?", f.get("other_adult_forwarding_address"))
        qa("What has changed?", f.get("change_description"))
    elif ft == "council_tax_move":
        qa("Are you moving in or out?", "Moving into a property in Pendlewick" if f["move_type"] == "in"
           else "Moving out of a property in Pendlewick")
        qa("First name", p["first"])
        qa("Last name", p["last"])
        if f["move_type"] == "out":
            qa("What is your council tax account number?", acct)
            addr_qa(r.get("prev"), "Address you are leaving")
            qa("What date are you moving out?", dd("move_date"))
            addr_qa(r.get("new"), "Forwarding address")
        else:
            addr_qa(r.get("new"), "Address you are moving into")
            qa("What date do you get the keys / move in?", dd("move_date"))
            addr_qa(r.get("prev"), "Your previous address")
    else:
        qa("First name", p["first"])
        qa("Last name", p["last"])
        addr_qa(r["addr"], "Your address")
        qa("Vehicle registration number", fvrm(f["vrm"], st["vrm"]))
        qa("Vehicle make", f.get("vehicle_make"))
        qa("Which permit zone?", f["zone"])
        qa("When do you want the permit to start?", dd("start_date"))
    qa("Phone number", f.get("phone"))
    qa("Email address", f.get("email"))
    qa("Declaration", "I confirm the information I have given is correct")
    qa("Date of declaration", dd("declaration_date"))
    if state["y"] < 80:
        newpage()
    c.setFont("Helvetica", 8)
    c.setFillColor(MID)
    c.drawString(36, state["y"] - 6, f"Submitted {fdate(submitted, st['date'])} at {rng.randint(8, 21):02d}:{rng.randint(0, 59):02d}. "
                                     "We aim to respond within 10 working days.")
    c.drawRightString(W - 36, 22, f"Page {state['page']}")
    c.setFillColor(black)


# ---------------------------------------------------------------- layout 5: letter
COUNCIL_ADDR = ["Pendlewick Borough Council", "Town Hall", "Market Square", "Pendlewick", "PW1 1AA"]


def render_letter(c, doc):
    f, r = doc["fields"], doc["render"]
    a = r["addr"]
    y = H - 60
    c.setFont("Times-Roman", 11)
    if a:
        for ln in a.lines() + [a.postcode]:
            c.drawRightString(W - 60, y, ln)
            y -= 13
    y -= 10
    c.drawRightString(W - 60, y, fdate(r["sent"], rng.choice(["long", "long_ord", "dmy_slash"])))
    y -= 30
    team = {"missed_bin": "Waste Services", "council_tax_query": "Council Tax Section", "complaint": "Customer Services",
            "foi_request": "Information Governance Officer", "other": "Parks and Events"}[f["topic"]]
    for ln in [team] + COUNCIL_ADDR:
        c.drawString(60, y, ln)
        y -= 13
    y -= 20
    c.drawString(60, y, "Dear Sir or Madam,")
    y -= 20
    c.setFont("Times-Bold", 11)
    c.drawString(60, y, "Re: " + r["subject"])
    y -= 20
    for ptext, _ in r["paras"]:
        y = para(c, ptext, 60, y, W - 120, font="Times-Roman", size=11, leading=14) - 8
    y -= 6
    c.setFont("Times-Roman", 11)
    c.drawString(60, y, "Yours faithfully,")
    if not r["noname"]:
        c.setFont("Times-Italic", 15)
        c.drawString(60, y - 26, r["person"]["first"][0] + ". " + r["person"]["last"])
        c.setFont("Times-Roman", 11)
        c.drawString(60, y - 44, r["person"]["full"])


# ---------------------------------------------------------------- layout 6: email_print
def render_email(c, doc):
    f, r = doc["fields"], doc["render"]
    p = r["person"]
    c.setFont("Helvetica", 7.5)
    c.setFillColor(MID)
    c.drawString(36, H - 24, f"{fdate(r['sent'] + dt.timedelta(days=1), 'dmy_slash')}, 09:{rng.randint(10, 59)}")
    c.drawRightString(W - 36, H - 24, "Pendlewick Borough Council Mail - " + r["subject"])
    c.setFillColor(black)
    c.setFont("Helvetica-Bold", 12)
    c.drawString(36, H - 52, "Pendlewick Borough Council Mail")
    c.setFont("Helvetica", 10)
    c.drawString(36, H - 70, "Customer Services <customer.services@pendlewick.gov.uk>")
    c.line(36, H - 78, W - 36, H - 78)
    c.setFont("Helvetica-Bold", 13)
    c.drawString(36, H - 98, r["subject"])
    c.line(36, H - 106, W - 36, H - 106)
    y = H - 124
    if r["noname"]:
        frm = f"pwk.resident{rng.randint(10, 99)}@gmail.com"
    else:
        frm = f"{p['full']} <{email_for(p)}>"
    t = rng.randint(7, 22)
    hdr = [("From:", frm), ("Sent:", f"{fdate(r['sent'], 'day_long')} {t:02d}:{rng.randint(0, 59):02d}"),
           ("To:", "customer.services@pendlewick.gov.uk"), ("Subject:", r["subject"])]
    for k, v in hdr:
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(36, y, k)
        c.setFont("Helvetica", 9.5)
        c.drawString(90, y, v)
        y -= 13
    y -= 14
    c.setFont("Helvetica", 10)
    c.drawString(36, y, rng.choice(["Hello,", "Good morning,", "Dear Sir/Madam,", "Hi,"]))
    y -= 20
    for ptext, _ in r["paras"]:
        y = para(c, ptext, 36, y, W - 72, size=10, leading=13) - 9
    c.setFont("Helvetica", 10)
    if r["noname"]:
        c.drawString(36, y, "Sent from my iPhone")
        return
    c.drawString(36, y, rng.choice(["Kind regards,", "Regards,", "Many thanks,"]))
    y -= 16
    for ln in [p["full"]] + (r["addr"].lines() + [r["addr"].postcode] if r["addr"] else []):
        c.drawString(36, y, ln)
        y -= 13


RENDER = {"pbc_boxed": render_boxed, "pbc_fillable": render_fillable, "pbc_table": render_table,
          "mypendlewick_receipt": render_portal, "letter": render_letter, "email_print": render_email}


# ================================================================ workbook
def write_workbook(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "properties"
    hdr = ["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band", "ward", "parking_zone"]
    ws.append(hdr)
    for p in props:
        a = p["addr"]
        ws.append([p["uprn"], a.line1, a.line2 or None, a.town, a.postcode, p["band"], p["ward"], p["zone"] or None])
    ws2 = wb.create_sheet("council_tax_accounts")
    ws2.append(["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"])
    for x in sorted(accounts, key=lambda x: x["ref"]):
        ws2.append([x["ref"], x["uprn"], "; ".join(x["liable"]), x["status"], x["start"], x["end"],
                    ";".join(x["discounts"]) or None])
    for row in ws2.iter_rows(min_row=2):
        row[0].number_format = "@"
        for cell in (row[4], row[5]):
            cell.number_format = "yyyy-mm-dd"
    ws3 = wb.create_sheet("electoral_register")
    ws3.append(["elector_number", "full_name", "uprn"])
    ward_of = {p["uprn"]: p["ward"] for p in props}
    prefix = {"Castle": "CA", "Westgate": "WG", "Weaver": "WV", "University": "UN", "Larchfield": "LF", "Bridge": "BR",
              "Moorside": "MS", "Sycamore": "SY", "Priory": "PR"}
    counters = {}
    for e in sorted(electors, key=lambda e: (ward_of[e["uprn"]], e["uprn"], e["name"])):
        pre = prefix[ward_of[e["uprn"]]]
        counters[pre] = counters.get(pre, 0) + 1
        ws3.append([f"{pre}-{counters[pre]:04d}", e["name"], e["uprn"]])
    ws4 = wb.create_sheet("parking_permits")
    ws4.append(["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"])
    for i, x in enumerate(sorted(permits, key=lambda x: (x["valid_from"], x["vrm"]))):
        ws4.append([f"RP{x['valid_from'].year % 100:02d}-{4100 + i:05d}", x["uprn"], x["vrm"], x["zone"],
                    x["valid_from"], x["valid_to"]])
    for row in ws4.iter_rows(min_row=2):
        for cell in (row[4], row[5]):
            cell.number_format = "yyyy-mm-dd"
    for s in wb.worksheets:
        for cell in s[1]:
            cell.font = Font(bold=True)
        for col in s.columns:
            s.column_dimensions[col[0].column_letter].width = max(10, min(40, max(len(str(c.value or "")) for c in col) + 2))
    wb.save(path)


# ================================================================ main
def main():
    global rng
    build_properties()
    build_households()
    build_scenarios()
    for d in docs:
        d["seed"] = rng.randint(1, 10**9)
    dd = [d for d in docs if d.get("duplicate_group")]
    dd[1]["seed"] = dd[0]["seed"]
    order = list(range(len(docs)))
    rng.shuffle(order)
    # keep the duplicate pair apart
    di = [k for k, i in enumerate(order) if docs[i].get("duplicate_group")]
    if abs(di[0] - di[1]) < 5:
        j = (di[0] + len(order) // 2) % len(order)
        order[di[1]], order[j] = order[j], order[di[1]]
    if os.path.isdir(INBOX):
        shutil.rmtree(INBOX)
    os.makedirs(INBOX)
    seen_clean = {}
    truth = []
    for n, i in enumerate(order, 1):
        doc = docs[i]
        name = f"doc_{n:04d}.pdf"
        rng = random.Random(doc["seed"])   # rendering draws from a per-document stream
        c = canvas.Canvas(os.path.join(INBOX, name), pagesize=A4, invariant=1)
        c.setTitle(name)
        c.setAuthor("Pendlewick Borough Council" if doc["layout"] not in ("letter", "email_print") else "")
        RENDER[doc["layout"]](c, doc)
        c.showPage()
        c.save()
        key = (doc["layout"], doc["form_type"])
        split = "test"
        if doc["outcome"] == "approved" and not doc.get("duplicate_group"):
            seen_clean[key] = seen_clean.get(key, 0) + 1
            if seen_clean[key] <= 2:
                split = "learn"
        t = {"file": name, "form_type": doc["form_type"], "fields": doc["fields"], "outcome": doc["outcome"],
             "reasons": doc["reasons"], "layout": doc["layout"], "split": split}
        if doc.get("duplicate_group"):
            t["duplicate_group"] = doc["duplicate_group"]
        truth.append(t)
    with open(os.path.join(HERE, "truth.jsonl"), "w") as fh:
        for t in truth:
            fh.write(json.dumps(t, ensure_ascii=False) + "\n")
    write_workbook(os.path.join(HERE, "records.xlsx"))
    print(f"wrote {len(truth)} files, {len(props)} properties, {len(accounts)} accounts, "
          f"{len(electors)} electors, {len(permits)} permits")


if __name__ == "__main__":
    main()
