#!/usr/bin/env python3
"""Blind test set 31 -- Carrow Vale Council.

Deterministic generator: writes records.xlsx, inbox/*.pdf, truth.jsonl and
README.md next to this file.  Run:  python gen.py
"""
import io
import json
import os
import random
import re
import shutil
import zipfile
from datetime import date, datetime, timedelta

import openpyxl
from reportlab.lib.colors import Color, black, white
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

OUT = os.path.dirname(os.path.abspath(__file__))
INBOX = os.path.join(OUT, "inbox")
AS_OF = date(2026, 12, 7)
SEED = 31_2026_1207
rng = random.Random(SEED)

COUNCIL_ADDR = ["Carrow Vale Council", "Town Hall", "Market Place", "Carrow Bridge", "CV1 1AA"]

# ---------------------------------------------------------------- formatting
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def ordinal(n):
    if 11 <= n % 100 <= 13:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }".replace(" ", "")


def fmt_date(d, style):
    if style == "slash":
        return d.strftime("%d/%m/%Y")
    if style == "slash_short":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "dash":
        return d.strftime("%d-%m-%Y")
    if style == "dot":
        return d.strftime("%d.%m.%Y")
    if style == "long":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "ordinal":
        return f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}"
    if style == "us":
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if style == "iso":
        return d.isoformat()
    raise ValueError(style)


def fmt_pc(pc, style):
    if style == "lower":
        return pc.lower()
    if style == "nospace":
        return pc.replace(" ", "")
    return pc


def fmt_acct(ref, style):
    if style == "spaced":
        return f"{ref[:4]} {ref[4:]}"
    if style == "ct":
        return "CT" + ref
    if style == "dashed":
        return f"{ref[:4]}-{ref[4:]}"
    return ref


def iso(d):
    return d.isoformat() if d else None


def rand_date(a, b):
    return a + timedelta(days=rng.randint(0, (b - a).days))


# ---------------------------------------------------------------- people
FEM = ["Joanne", "Sarah", "Margaret", "Emma", "Claire", "Susan", "Patricia", "Rachel", "Hannah",
       "Lucy", "Gemma", "Karen", "Nadia", "Amina", "Shabana", "Agnieszka", "Siobhan", "Deborah",
       "Janet", "Christine", "Laura", "Zoe", "Megan", "Leanne", "Beverley", "Pauline", "Irene",
       "Farzana", "Katie", "Chloe", "Brenda", "Jean", "Alison", "Helen", "Natalie"]
MAL = ["David", "Peter", "Michael", "Steven", "Gary", "Andrew", "Paul", "Mark", "Thomas", "Daniel",
       "Liam", "Kieran", "Imran", "Tariq", "Mohammed", "Piotr", "Sean", "Graham", "Keith", "Brian",
       "Ryan", "Jamie", "Callum", "Nathan", "Adam", "Stuart", "Colin", "Derek", "Harun", "Tomasz",
       "Alan", "Neil", "Philip", "Craig", "Dean"]
SUR = ["Ashworth", "Barlow", "Clegg", "Fairclough", "Hargreaves", "Holt", "Kershaw", "Lomax",
       "Ormerod", "Pilkington", "Riley", "Schofield", "Whittaker", "Horrocks", "Haworth",
       "Entwistle", "Greenhalgh", "Duckworth", "Crompton", "Nuttall", "Butterworth", "Heywood",
       "Isherwood", "Rothwell", "Sutcliffe", "Tattersall", "Walsh", "Kaur", "Patel", "Hussain",
       "Begum", "Khan", "Ahmed", "Nowak", "Kowalski", "O'Neill", "Murphy", "Doyle", "Birtwistle",
       "Catterall", "Dewhurst", "Eccles", "Fazackerley", "Gaskell", "Hindle", "Ingham", "Jolly",
       "Kenyon", "Livesey", "Marsden", "Nightingale", "Openshaw", "Parkinson", "Quayle",
       "Rawcliffe", "Slater", "Thistlethwaite", "Unsworth", "Vause", "Wolstenholme", "Yates"]
used_names = set()


class Person:
    def __init__(self, first, last, sex, title):
        self.first, self.last, self.sex, self.title = first, last, sex, title

    @property
    def full(self):
        return f"{self.first} {self.last}"

    def written(self, with_title):
        return f"{self.title} {self.full}" if with_title else self.full


def new_person(sex=None, last=None, title=None):
    while True:
        s = sex or rng.choice("FM")
        first = rng.choice(FEM if s == "F" else MAL)
        l = last or rng.choice(SUR)
        if f"{first} {l}" not in used_names:
            used_names.add(f"{first} {l}")
            break
    if title is None:
        title = rng.choice(["Mrs", "Mrs", "Ms", "Miss", "Dr"]) if s == "F" else rng.choice(["Mr", "Mr", "Mr", "Dr"])
    return Person(first, l, s, title)


def phone():
    if rng.random() < 0.55:
        return f"07700 900{rng.randint(0, 999):03d}"
    return f"01632 960{rng.randint(0, 999):03d}"


def email_for(p):
    dom = rng.choice(["example.com", "example.net", "example.org", "example.co.uk"])
    user = rng.choice([f"{p.first}.{p.last}", f"{p.first[0]}{p.last}{rng.randint(50, 99)}",
                       f"{p.first}{p.last[0]}", f"{p.last}.{p.first[0]}"])
    return user.lower().replace("'", "") + "@" + dom


# ---------------------------------------------------------------- gazetteer
STREETS = [
    # street, town, ward, zone, houses, (odd pc, even pc), bands
    ("Tanner Street", "Carrow Bridge", "Carrow Central", "A", 38, ("CV1 4TS", "CV1 4TU"), "AB"),
    ("Weavers Row", "Carrow Bridge", "Carrow Central", "A", 30, ("CV1 5WR", "CV1 5WR"), "A"),
    ("Canal Street", "Carrow Bridge", "Carrow Central", "B", 44, ("CV1 2DN", "CV1 2DP"), "AB"),
    ("Foundry Lane", "Carrow Bridge", "Carrow Central", "D", 22, ("CV1 8FL", "CV1 8FL"), "A"),
    ("Albert Terrace", "Carrow Bridge", "Millbrook", "B", 26, ("CV2 3AT", "CV2 3AT"), "AB"),
    ("Cotton Street", "Carrow Bridge", "Millbrook", "C1", 24, ("CV2 6HS", "CV2 6HS"), "A"),
    ("Victoria Road", "Carrow Bridge", "Millbrook", "C2", 60, ("CV2 8RD", "CV2 8RE"), "BC"),
    ("Chapel Street", "Netherholme", "Netherholme", "", 32, ("CV3 1HP", "CV3 1HP"), "A"),
    ("Mill Lane", "Netherholme", "Netherholme", "", 28, ("CV3 7LN", "CV3 7LN"), "AB"),
    ("Brook Terrace", "Netherholme", "Netherholme", "", 18, ("CV3 4BT", "CV3 4BT"), "A"),
]
FARMS = [
    ("Hollins Farm", "Hey Head Lane", "CV9 3HH", "E"),
    ("Lower Moss Farm", "Moss Side Road", "CV9 3HJ", "D"),
    ("Top o' th' Moor Farm", "Hey Head Lane", "CV9 3HH", "F"),
    ("Cob Hey Farm", "Moss Side Road", "CV9 3HJ", "E"),
    ("Green Clough Farm", "Clough Road", "CV9 4LB", "D"),
]
WARD_PREFIX = {"Carrow Central": "CC", "Millbrook": "MB", "Netherholme": "NH", "Vale Moor": "VM"}

props = []
uprn = 100012340000
for street, town, ward, zone, n, pcs, bands in STREETS:
    for no in range(1, n + 1):
        uprn += rng.randint(1, 9)
        props.append(dict(uprn=uprn, line1=f"{no} {street}", line2="", town=town,
                          pc=pcs[0] if no % 2 else pcs[1], band=rng.choice(bands), ward=ward,
                          zone=zone, street=street, no=no))
for name, road, pc, band in FARMS:
    uprn += rng.randint(1, 9)
    props.append(dict(uprn=uprn, line1=name, line2=road, town="Vale Royd", pc=pc, band=band,
                      ward="Vale Moor", zone="", street=road, no=None))
PROP_BY_UPRN = {p["uprn"]: p for p in props}
STREET_MAX = {s[0]: s[4] for s in STREETS}
STREET_INFO = {s[0]: s for s in STREETS}

accounts, register, permits = [], [], []
used_refs, used_vrms = set(), set()
elector_seq = {k: 1000 for k in WARD_PREFIX.values()}
permit_seq = [4100]


def new_ref():
    while True:
        r = "61" + f"{rng.randint(0, 999999):06d}"
        if r not in used_refs:
            used_refs.add(r)
            return r


def add_account(p, people, status="active", start=None, end=None, discounts=()):
    ref = new_ref()
    accounts.append(dict(ref=ref, uprn=p["uprn"], liable=[x.full for x in people], status=status,
                         start=start or rand_date(date(2006, 1, 1), date(2024, 6, 30)),
                         end=end, discounts=list(discounts)))
    return ref


def add_elector(p, person):
    pre = WARD_PREFIX[p["ward"]]
    elector_seq[pre] += rng.randint(1, 7)
    register.append(dict(num=f"{pre}-{elector_seq[pre]}", name=person.full, uprn=p["uprn"]))


AREA = ["PN", "PF", "PJ", "MA", "ML", "YD", "BD", "LK", "DK", "PO", "FY"]
AGE = ["65", "15", "66", "16", "67", "17", "68", "18", "69", "19", "70", "20", "71", "21", "72",
       "22", "73", "23", "74", "24", "75", "25"]
LET = "ABCDEFGHJKLMNOPRSTUVWXYZ"


def new_vrm(style="current"):
    while True:
        if style == "current":
            v = rng.choice(AREA) + rng.choice(AGE) + " " + "".join(rng.choice(LET) for _ in range(3))
        elif style == "prefix":
            v = (rng.choice("BCDFGHJKLMNPRSTVWXY") + str(rng.randint(1, 999)) + " "
                 + "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXY") for _ in range(3)))
        else:  # suffix
            v = ("".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXY") for _ in range(3)) + " "
                 + str(rng.randint(1, 999)) + rng.choice("ABCDEFGHJKLMNPRSTVWXY"))
        if v.replace(" ", "") not in used_vrms:
            used_vrms.add(v.replace(" ", ""))
            return v


def add_permit(p, vrm, frm, to):
    permit_seq[0] += rng.randint(1, 5)
    permits.append(dict(ref=f"CVP{permit_seq[0]:06d}", uprn=p["uprn"], vrm=vrm.replace(" ", "").upper(),
                        zone=p["zone"], frm=frm, to=to))


# background population
for p in props:
    r = rng.random()
    if r < 0.9:
        n = 1 if rng.random() < 0.45 else 2
        a = new_person()
        people = [a] if n == 1 else [a, new_person(sex="M" if a.sex == "F" else "F",
                                                   last=a.last if rng.random() < 0.6 else None)]
        if rng.random() < 0.3:
            old = new_person()
            s = rand_date(date(2004, 1, 1), date(2012, 1, 1))
            e = rand_date(s + timedelta(days=400), date(2016, 1, 1))
            add_account(p, [old], "closed", s, e)
            start = e + timedelta(days=rng.randint(1, 60))
        else:
            start = None
        disc = ["SPD"] if (n == 1 and rng.random() < 0.5) else []
        add_account(p, people, start=start, discounts=disc)
        for x in people:
            add_elector(p, x)
        if not disc and rng.random() < 0.15:
            add_elector(p, new_person(last=a.last))
        if p["zone"] and rng.random() < 0.4:
            for _ in range(rng.choice([1, 1, 2])):
                s = rand_date(date(2026, 1, 1), date(2026, 11, 1))
                add_permit(p, new_vrm(), s, s + timedelta(days=364))
            if rng.random() < 0.3:
                s = rand_date(date(2024, 6, 1), date(2025, 6, 1))
                add_permit(p, new_vrm(), s, s + timedelta(days=364))
    elif r < 0.96:
        old = new_person()
        s = rand_date(date(2010, 1, 1), date(2020, 1, 1))
        add_account(p, [old], "closed", s, rand_date(date(2025, 1, 1), date(2026, 10, 1)))

used_uprns = set()


def wipe(p):
    accounts[:] = [a for a in accounts if a["uprn"] != p["uprn"]]
    register[:] = [e for e in register if e["uprn"] != p["uprn"]]
    permits[:] = [x for x in permits if x["uprn"] != p["uprn"]]


def claim(pred=lambda p: True, keep=False):
    cands = [p for p in props if p["uprn"] not in used_uprns and pred(p)]
    p = rng.choice(cands)
    used_uprns.add(p["uprn"])
    if not keep:
        wipe(p)
    return p


def addr_of(p):
    return dict(line1=p["line1"], line2=p["line2"], town=p["town"], pc=p["pc"])


OUTSIDE = [
    ("27 Hawthorn Avenue", "Burnley", "BB10 3QD"), ("4 Ribble Close", "Preston", "PR2 6TL"),
    ("112 Bowerham Road", "Lancaster", "LA1 4XE"), ("9 Kingsway Court", "Manchester", "M20 2RN"),
    ("31 Chorley New Road", "Bolton", "BL1 8SB"), ("58 Ormskirk Road", "Wigan", "WN5 0JH"),
    ("6 Spotland Road", "Rochdale", "OL12 6TA"), ("15 Heaton Moor Road", "Stockport", "SK4 2PQ"),
    ("73 Lytham Road", "Blackpool", "FY1 6EU"), ("2 Whalley Old Road", "Blackburn", "BB1 5AR"),
    ("40 Scotforth Road", "Lancaster", "LA1 4SD"), ("19 Garstang Road", "Preston", "PR1 1LB"),
]
outside_pool = OUTSIDE[:]
rng.shuffle(outside_pool)


def outside_addr():
    a = outside_pool.pop(0)
    outside_pool.append(a)
    return dict(line1=a[0], line2="", town=a[1], pc=a[2])


def one_line(a):
    parts = [a["line1"]] + ([a["line2"]] if a.get("line2") else []) + [a["town"]]
    return ", ".join(parts) + " " + a["pc"]


# ---------------------------------------------------------------- scenarios
SCEN = []


def make(layout, ftype, outcome, reasons, **kw):
    s = dict(layout=layout, form_type=ftype, outcome=outcome, reasons=list(reasons))
    s.update(kw)
    SCEN.append(s)
    return s


def decl_after(d, lo=None):
    lo = max(d, lo or date(2026, 9, 1))
    hi = AS_OF - timedelta(days=1)
    if lo > hi:
        lo = hi - timedelta(days=20)
    return rand_date(lo, hi)


def spd(layout, kind):
    p = claim()
    per = new_person()
    story = rng.choice(["partner_left", "bereaved", "lodger_left", "child_left", "partner_left"])
    if kind == "NAME_MISMATCH":
        story = "care_home"
    sole = rand_date(date(2026, 1, 5), date(2026, 11, 25))
    if kind == "DATE_TOO_OLD":
        sole = rand_date(date(2025, 7, 1), date(2025, 11, 20))
    if story in ("partner_left", "bereaved"):
        other = new_person(sex="M" if per.sex == "F" else "F",
                           last=per.last if rng.random() < 0.7 else None)
    elif story == "child_left":
        other = new_person(last=per.last)
    elif story == "care_home":
        other = new_person(sex="F", last=per.last, title="Mrs")
    else:
        other = new_person()
    fwd = None
    when = None  # date phrase inside the description
    ds = rng.choice(["long", "ordinal", "slash"])
    if story == "partner_left":
        fwd = outside_addr()
        rel = {"F": "husband", "M": "wife"}[per.sex] if other.last == per.last else "partner"
        desc = rng.choice([
            f"My {rel} and I have separated. {other.first} moved out on {{D}} and now lives in {fwd['town']}.",
            f"My {rel} moved out following our separation and I now live here on my own.",
            f"We split up and {other.first} left the house on {{D}}. Nobody else lives here now.",
        ])
    elif story == "bereaved":
        rel = {"F": "husband", "M": "wife"}[per.sex] if other.last == per.last else "partner"
        desc = rng.choice([f"Sadly my {rel} {other.first} passed away on {{D}}.",
                           f"My {rel} died in hospital on {{D}}. I live alone now."])
    elif story == "lodger_left":
        fwd = outside_addr() if rng.random() < 0.6 else None
        desc = rng.choice(["My lodger has moved out and I have not taken another one.",
                           f"{other.full} rented my back bedroom and moved out on {{D}}."])
    elif story == "child_left":
        kid = "son" if other.sex == "M" else "daughter"
        q = claim(keep=True)
        fwd = addr_of(q)
        desc = rng.choice([f"My {kid} has bought a house of {'his' if other.sex == 'M' else 'her'} own on {q['street']}.",
                           f"My {kid} {other.first} moved into a flat with friends on {{D}}."])
    else:  # care_home
        fwd = dict(line1="Oakwood House Care Home", line2="Moor Road", town="Vale Royd", pc="CV9 4LD")
        desc = f"My mum moved into Oakwood House care home on {{D}}. I am her son/daughter and I still live here on my own."
        desc = desc.replace("son/daughter", "son" if per.sex == "M" else "daughter")
    if "{D}" in desc:
        desc = desc.replace("{D}", fmt_date(sole, ds))
        when = sole
    if rng.random() < 0.15 and kind == "clean":
        desc = None
    # records
    start = sole - timedelta(days=rng.randint(900, 5000))
    if kind == "NAME_MISMATCH":
        liable = [other]
    elif story in ("partner_left", "bereaved") and rng.random() < 0.6:
        liable = [per, other]
    else:
        liable = [per]
    disc = ["SPD"] if kind == "DISCOUNT_ALREADY_APPLIED" else []
    if kind == "DISCOUNT_ALREADY_APPLIED":
        liable = [per]
    ref = add_account(p, liable, start=start, discounts=disc)
    add_elector(p, per)
    give_other = story in ("care_home", "bereaved") or rng.random() < 0.85
    # the register may still show the adult who left -- only ever someone the form names
    if kind == "NAME_MISMATCH" or (give_other and kind != "DISCOUNT_ALREADY_APPLIED" and rng.random() < 0.5):
        add_elector(p, other)
    if kind == "OTHER_ADULTS_REGISTERED":
        add_elector(p, new_person(last=per.last))
    form_ref = ref
    if kind == "ACCOUNT_NOT_FOUND":
        form_ref = new_ref()  # reserved, never written to the workbook
    a = addr_of(p)
    if kind == "ADDRESS_MISMATCH":
        q = claim(lambda x: x["street"] == p["street"] and abs((x["no"] or 0) - (p["no"] or 0)) < 12
                  if p["no"] else x["no"] is None)
        a = addr_of(q)
    decl = decl_after(sole)
    f = dict(account_ref=form_ref, address=a["line1"], postcode=a["pc"], sole_adult_since=iso(sole))
    if give_other:
        f["other_adult_name"] = other.full
        if fwd and rng.random() < 0.85:
            f["other_adult_forwarding_address"] = one_line(fwd)
    if desc:
        f["change_description"] = desc
    if rng.random() < 0.8:
        f["phone"] = phone()
    if rng.random() < 0.6:
        f["email"] = email_for(per)
    if kind != "MISSING_FIELD:declaration_date":
        f["declaration_date"] = iso(decl)
    reasons = [] if kind in ("clean", "dup") else [kind]
    return make(layout, "council_tax_spd", "approved" if kind == "clean" else "exception", reasons,
                person=per, addr=a, f=f, with_title=rng.random() < 0.6)


def move(layout, kind, mtype):
    per = new_person()
    lo, hi = date(2026, 6, 1), date(2027, 1, 2)
    mdate = rand_date(lo, hi)
    if kind == "DATE_TOO_OLD":
        mdate = rand_date(date(2025, 8, 1), date(2025, 11, 30))
    if kind == "DATE_IN_FUTURE":
        mdate = rand_date(date(2027, 1, 12), date(2027, 2, 20))
    f = {"move_type": mtype}
    if mtype == "out":
        p = claim()
        start = mdate - timedelta(days=rng.randint(500, 4000))
        liable = [per] if rng.random() < 0.5 else [per, new_person(last=per.last)]
        if kind == "NAME_MISMATCH":
            liable = [new_person()]
        ref = add_account(p, liable, start=start)
        add_elector(p, per)
        for x in liable:
            if x is not per:
                add_elector(p, x)
        prev = addr_of(p)
        if kind == "ADDRESS_MISMATCH":
            q = claim(lambda x: x["no"] and x["street"] != p["street"] and x["town"] == p["town"])
            prev = addr_of(q)
        if kind == "ACCOUNT_NOT_FOUND":
            ref = new_ref()
        if rng.random() < 0.3:
            q2 = claim(keep=True)
            other = addr_of(q2)
        else:
            other = outside_addr()
        f["account_ref"] = ref
        cv, oth = prev, other
        f["previous_address"], f["previous_postcode"] = prev["line1"], prev["pc"]
        if rng.random() < 0.85:
            f["new_address"], f["new_postcode"] = other["line1"], other["pc"]
        else:
            oth = None
    else:
        if kind == "PROPERTY_NOT_FOUND":
            st = rng.choice(["Weavers Row", "Cotton Street", "Brook Terrace"])
            info = STREET_INFO[st]
            no = STREET_MAX[st] + rng.randint(9, 30)
            new = dict(line1=f"{no} {st}", line2="", town=info[1], pc=info[5][0 if no % 2 else 1])
        else:
            p = claim()
            new = addr_of(p)
            # the last occupier's account is closed before the move
            s = rand_date(date(2012, 1, 1), date(2022, 1, 1))
            add_account(p, [new_person()], "closed", s, min(mdate, AS_OF) - timedelta(days=rng.randint(3, 40)))
        prevaddr = outside_addr() if rng.random() < 0.75 else None
        f["new_address"], f["new_postcode"] = new["line1"], new["pc"]
        cv, oth = new, prevaddr
        if prevaddr:
            f["previous_address"], f["previous_postcode"] = prevaddr["line1"], prevaddr["pc"]
    if kind != "MISSING_FIELD:move_date":
        f["move_date"] = iso(mdate)
    if rng.random() < 0.8:
        f["phone"] = phone()
    if rng.random() < 0.55:
        f["email"] = email_for(per)
    f["declaration_date"] = iso(decl_after(date(2026, 9, 1) if mdate > AS_OF else mdate,
                                           date(2026, 10, 15)))
    reasons = [] if kind == "clean" else [kind]
    return make(layout, "council_tax_move", "approved" if kind == "clean" else "exception", reasons,
                person=per, cv=cv, oth=oth, f=f, with_title=rng.random() < 0.5)


MAKES = ["Ford Fiesta", "Vauxhall Corsa", "Volkswagen Golf", "Nissan Qashqai", "Toyota Yaris",
         "Kia Sportage", "Ford Focus", "Peugeot 208", "Honda Jazz", "Skoda Octavia", "Fiat 500",
         "MINI Cooper", "Hyundai i10", "Renault Clio", "BMW 1 Series", "Dacia Sandero"]
COLOURS = ["Silver", "Black", "Blue", "Red", "Grey", "White", "Dark green"]


def permit(layout, kind):
    per = new_person()
    if kind == "PROPERTY_NOT_FOUND":
        st = rng.choice(["Cotton Street", "Foundry Lane", "Weavers Row"])
        info = STREET_INFO[st]
        no = STREET_MAX[st] + rng.randint(5, 25)
        a = dict(line1=f"{no} {st}", line2="", town=info[1], pc=info[5][0 if no % 2 else 1])
        zone = info[3]
    else:
        p = claim(lambda x: x["zone"] in (("C2",) if kind == "NOT_IN_PERMIT_ZONE" else ("A", "B", "C1", "C2", "D")))
        a = addr_of(p)
        zone = p["zone"]
        start_acct = rand_date(date(2009, 1, 1), date(2025, 1, 1))
        if kind == "NOT_RESIDENT":
            h = new_person()
            add_account(p, [h], start=start_acct)
            add_elector(p, h)
        elif rng.random() < 0.7:
            liable = [per] if rng.random() < 0.5 else [per, new_person(last=per.last)]
            add_account(p, liable, start=start_acct)
            for x in liable:
                add_elector(p, x)
        else:  # grown-up child on the register, parents pay the council tax
            par = new_person(last=per.last)
            add_account(p, [par], start=start_acct)
            add_elector(p, par)
            add_elector(p, per)
        if kind == "NOT_IN_PERMIT_ZONE":
            zone = "C1"
    vstyle = rng.choice(["current"] * 6 + ["prefix", "suffix"])
    vrm = new_vrm(vstyle)
    if kind == "INVALID_FORMAT:vrm":
        vrm = rng.choice(["YR17 KZ", "MA2O1 7RB"])
    if kind != "PROPERTY_NOT_FOUND":
        if kind == "VRM_HAS_PERMIT":
            s = rand_date(date(2026, 3, 1), date(2026, 10, 1))
            add_permit(p, vrm, s, s + timedelta(days=364))
        elif kind == "PERMIT_CAP_REACHED":
            for _ in range(2):
                s = rand_date(date(2026, 2, 1), date(2026, 11, 1))
                add_permit(p, new_vrm(), s, s + timedelta(days=364))
        elif rng.random() < 0.4:
            s = rand_date(date(2026, 2, 1), date(2026, 11, 1))
            add_permit(p, new_vrm(), s, s + timedelta(days=364))
        if rng.random() < 0.3:  # an expired permit, for noise
            s = rand_date(date(2024, 3, 1), date(2025, 6, 1))
            add_permit(p, new_vrm(), s, s + timedelta(days=364))
    held = 0 if kind == "PROPERTY_NOT_FOUND" else sum(
        1 for x in permits if x["uprn"] == p["uprn"] and x["frm"] <= AS_OF <= x["to"])
    start = rand_date(date(2026, 11, 20), date(2027, 1, 3))
    if kind == "DATE_IN_FUTURE":
        start = rand_date(date(2027, 1, 15), date(2027, 3, 1))
    f = dict(address=a["line1"], postcode=a["pc"], vrm=vrm.replace(" ", "").upper(), zone=zone,
             start_date=iso(start))
    if rng.random() < 0.85:
        f["vehicle_make"] = rng.choice(MAKES)
    if rng.random() < 0.8:
        f["phone"] = phone()
    if rng.random() < 0.6:
        f["email"] = email_for(per)
    f["declaration_date"] = iso(decl_after(date(2026, 10, 20), date(2026, 10, 20)))
    reasons = [] if kind == "clean" else [kind]
    return make(layout, "parking_permit", "approved" if kind == "clean" else "exception", reasons,
                person=per, addr=a, f=f, vrm_written=vrm, colour=rng.choice(COLOURS), held_n=held,
                with_title=rng.random() < 0.4)


# ---------------- plan
PLAN = [
    ("L1", "spd", ["clean", "clean", "clean", "dup", "ACCOUNT_NOT_FOUND", "DATE_TOO_OLD"]),
    ("L1", "move", [("clean", "out"), ("clean", "out"), ("clean", "in"), ("NAME_MISMATCH", "out"),
                    ("PROPERTY_NOT_FOUND", "in"), ("MISSING_FIELD:move_date", "out")]),
    ("L2", "spd", ["clean", "clean", "clean", "NAME_MISMATCH", "OTHER_ADULTS_REGISTERED",
                   "MISSING_FIELD:declaration_date"]),
    ("L2", "permit", ["clean", "clean", "clean", "NOT_IN_PERMIT_ZONE", "INVALID_FORMAT:vrm",
                      "PERMIT_CAP_REACHED"]),
    ("L3", "move", [("clean", "out"), ("clean", "in"), ("clean", "in"), ("ACCOUNT_NOT_FOUND", "out"),
                    ("DATE_TOO_OLD", "out"), ("DATE_IN_FUTURE", "in")]),
    ("L3", "permit", ["clean", "clean", "clean", "NOT_RESIDENT", "VRM_HAS_PERMIT"]),
    ("L4", "spd", ["clean", "clean", "clean", "ADDRESS_MISMATCH", "DISCOUNT_ALREADY_APPLIED"]),
    ("L4", "move", [("clean", "out"), ("clean", "out"), ("clean", "in"), ("ADDRESS_MISMATCH", "out")]),
    ("L4", "permit", ["clean", "clean", "clean", "PROPERTY_NOT_FOUND", "DATE_IN_FUTURE"]),
]
for layout, t, kinds in PLAN:
    for k in kinds:
        if t == "spd":
            s = spd(layout, k)
            if k == "dup":
                s["outcome"] = "duplicate_pair"
                s["group"] = "dup-1"
                s2 = dict(s)
                s2["f"] = dict(s["f"])
                d = date.fromisoformat(s["f"]["declaration_date"])
                s2["f"]["declaration_date"] = iso(min(d + timedelta(days=rng.randint(4, 12)), AS_OF - timedelta(days=1)))
                SCEN.append(s2)
        elif t == "move":
            move(layout, k[0], k[1])
        else:
            permit(layout, k)

# ---------------- correspondence
CORR = []


def corr(variant, topic, outcome, reasons, sender, addr, paras, dates, ref=None, subject=None,
         email=None, sent=None, letter_date=None, signoff=None, re_line=None, name_in_block=True):
    CORR.append(dict(layout="L5", form_type="correspondence", variant=variant, topic=topic,
                     outcome=outcome, reasons=reasons, sender=sender, addr=addr, paras=paras,
                     dates=dates, ref=ref, subject=subject, email=email, sent=sent,
                     letter_date=letter_date, signoff=signoff, re_line=re_line,
                     name_in_block=name_in_block))


def resident(pred=lambda p: True, liable=True):
    p = claim(pred)
    per = new_person()
    ref = add_account(p, [per], start=rand_date(date(2010, 1, 1), date(2023, 1, 1)))
    add_elector(p, per)
    return p, per, ref


# 1 missed bin -- letter, approved
p, per, ref = resident(lambda x: x["street"] in ("Chapel Street", "Mill Lane"))
d0, d1 = date(2026, 11, 26), date(2026, 11, 24)
corr("letter", "missed_bin", "approved", [], per.written(True), addr_of(p),
     [f"I am writing because our grey general waste bin was not emptied on {d1:%A} {fmt_date(d1, 'ordinal')}. "
      f"It was out at the kerb from 6.30am as usual, and the bins either side of us on {p['street']} were emptied.",
      "This is the second time in two months. The bin is now full and starting to smell, and I have "
      "nowhere to put another week's rubbish. Please could someone come back and empty it as soon as possible."],
     [d0, d1], letter_date=fmt_date(d0, "ordinal"), signoff="Yours faithfully")

# 2 missed bin -- email, approved
p, per, ref = resident(lambda x: x["street"] in ("Cotton Street", "Albert Terrace"))
d0, d1 = date(2026, 12, 2), date(2026, 12, 1)
corr("email", "missed_bin", "approved", [], per.full, addr_of(p),
     [f"Hi, the blue recycling bin at {p['line1']} wasn't collected yesterday ({fmt_date(d1, 'slash')}). "
      "The rest of the street was done but the wagon seems to have missed ours, it was definitely out on time.",
      "Can you send someone back please? Thanks."],
     [d0, d1], subject=f"Missed bin collection - {p['line1']}", email=email_for(per),
     sent=f"{d0:%A}, {fmt_date(d0, 'long')} 08:47")

# 3 council tax query -- letter with account, approved
p, per, ref = resident()
d0, d1 = date(2026, 11, 18), date(2026, 11, 9)
corr("letter", "council_tax_query", "approved", [], per.written(True), addr_of(p),
     [f"I have received a revised Council Tax bill dated {fmt_date(d1, 'long')} and I do not understand why "
      "the amount has gone up part way through the year. My circumstances have not changed and nobody "
      "has moved in or out of the house.",
      "Could you please explain how the new figure has been worked out and confirm the instalment dates "
      "for the rest of the year? I pay by direct debit and want to make sure the right amount is taken."],
     [d0, d1], ref=ref, letter_date=fmt_date(d0, "long"), signoff="Yours sincerely",
     re_line=f"Council Tax account {fmt_acct(ref, 'spaced')}")

# 4 council tax query -- email with account, approved
p, per, ref = resident()
d0 = date(2026, 11, 30)
corr("email", "council_tax_query", "approved", [], per.full, addr_of(p),
     [f"Hello, my Council Tax reference is {fmt_acct(ref, 'ct')}. I have been off work since the summer "
      "and I am struggling with the monthly payments.",
      "Is it possible to spread the rest of this year's balance over 12 instalments instead of 10? "
      "I would also like to know if I can apply for Council Tax Support. Many thanks."],
     [d0], ref=ref, subject="Council tax payments - spreading over 12 months", email=email_for(per),
     sent=f"{d0:%A}, {fmt_date(d0, 'long')} 19:02")

# 5 complaint -- letter, approved
p, per, ref = resident(lambda x: x["zone"] != "")
d0, d1, d2 = date(2026, 11, 23), date(2026, 10, 12), date(2026, 11, 2)
corr("letter", "complaint", "approved", [], per.written(True), addr_of(p),
     ["I wish to make a formal complaint about the way my request for a replacement recycling box has "
      f"been handled. I first reported the broken box on {fmt_date(d1, 'slash')} and was told it would "
      "be delivered within ten working days.",
      f"I chased this by telephone on {fmt_date(d2, 'slash')} and was promised a call back which never came. "
      "Nobody has responded to my emails either. I would like this complaint to be dealt with under the "
      "council's complaints procedure and a written reply."],
     [d0, d1, d2], letter_date=fmt_date(d0, "slash"), signoff="Yours faithfully")

# 6 complaint -- email, approved
p, per, ref = resident(lambda x: x["street"] in ("Victoria Road", "Canal Street"))
d0, d1 = date(2026, 12, 3), date(2026, 11, 28)
corr("email", "complaint", "approved", [], per.written(True), addr_of(p),
     [f"I want to complain about the state of the back alley behind {p['street']}. Fly-tipped mattresses "
      f"and bin bags have been there since {fmt_date(d1, 'long')} and despite reporting it twice online "
      "nothing has been done.",
      "There are rats now and children play round there. This is not acceptable and I expect a proper "
      "response, not another automated email."],
     [d0, d1], subject="Formal complaint - back alley not cleared", email=email_for(per),
     sent=f"{d0:%A}, {fmt_date(d0, 'long')} 12:31")

# 7 FOI -- letter from a local resident, approved
p, per, ref = resident()
d0, d1 = date(2026, 11, 16), date(2025, 4, 1)
corr("letter", "foi_request", "approved", [], per.written(False), addr_of(p),
     ["Under the Freedom of Information Act 2000 I would like to request the following information:",
      f"1. The number of residents' parking permits issued by the council in each permit zone since "
      f"{fmt_date(d1, 'long')}. 2. The total income received from residents' parking permits in the same "
      "period. 3. The number of penalty charge notices issued in zones A and B in the same period.",
      "I would prefer to receive the information by email if possible."],
     [d0, d1], letter_date=fmt_date(d0, "long"), signoff="Yours faithfully")

# 8 FOI -- email from outside the borough: SENDER_UNKNOWN
per = new_person()
oa = outside_addr()
d0, d1 = date(2026, 12, 1), date(2026, 3, 31)
corr("email", "foi_request", "exception", ["SENDER_UNKNOWN"], per.full, oa,
     ["Dear FOI Officer, please treat this as a request under the Freedom of Information Act 2000.",
      f"Please tell me how many Council Tax single person discounts were removed following a review in "
      f"the financial year ending {fmt_date(d1, 'long')}, and how much was recovered as a result.",
      "Please send the figures in a spreadsheet. Kind regards."],
     [d0, d1], subject="Freedom of Information request - SPD reviews", email=email_for(per),
     sent=f"{d0:%A}, {fmt_date(d0, 'long')} 10:15")

# 9 missed bin -- anonymous email: SENDER_UNKNOWN
d0 = date(2026, 12, 4)
corr("email", "missed_bin", "exception", ["SENDER_UNKNOWN"], None, None,
     ["Bins on Tanner Street not emptied AGAIN this week. Every house on the even side has been missed. "
      "Sort it out please.", "A fed-up resident"],
     [d0], subject="bins", email="tannerstreet.resident@example.net",
     sent=f"{d0:%A}, {fmt_date(d0, 'long')} 07:58")

# 10 council tax query quoting a reference that does not exist: ACCOUNT_NOT_FOUND
p, per, ref = resident()
bad = new_ref()
d0, d1 = date(2026, 11, 27), date(2026, 11, 20)
corr("letter", "council_tax_query", "exception", ["ACCOUNT_NOT_FOUND"], per.written(True), addr_of(p),
     [f"I have been sent a reminder notice dated {fmt_date(d1, 'long')} saying I have missed a payment. "
      "I have paid every month by standing order and I enclose a copy of my bank statement.",
      "Please check your records and confirm that my account is up to date and that no further action "
      "will be taken."],
     [d0, d1], ref=bad, letter_date=fmt_date(d0, "long"), signoff="Yours sincerely",
     re_line=f"Council Tax account no. {fmt_acct(bad, 'spaced')}")

# ---------------------------------------------------------------- drawing helpers
BLUE = Color(0.05, 0.16, 0.55)
INK = Color(0.08, 0.08, 0.3)
GREY = Color(0.88, 0.88, 0.88)
DARK = Color(0.15, 0.27, 0.38)


def wrap(text, font, size, width):
    words, lines, cur = text.split(), [], ""
    for w in words:
        t = (cur + " " + w).strip()
        if stringWidth(t, font, size) <= width or not cur:
            cur = t
        else:
            lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    return lines


def para(c, x, y, text, font, size, width, lead=None, color=black):
    lead = lead or size * 1.25
    c.setFont(font, size)
    c.setFillColor(color)
    for ln in wrap(text, font, size, width):
        c.drawString(x, y, ln)
        y -= lead
    c.setFillColor(black)
    return y


def sig_of(person):
    return f"{person.first[0]}. {person.last}" if rng.random() < 0.5 else person.full


def name_written(s):
    return s["person"].written(s["with_title"])


# ---------------------------------------------------------------- layout L1: dense landscape
def l1_header(c, W, H, title, code):
    c.setFillColor(DARK)
    c.rect(0, H - 50, W, 50, fill=1, stroke=0)
    c.setFillColor(white)
    c.setFont("Helvetica-Bold", 15)
    c.drawString(22, H - 25, "CARROW VALE COUNCIL")
    c.setFont("Helvetica", 7.5)
    c.drawString(22, H - 39, "Revenues and Benefits Service  |  Town Hall, Market Place, Carrow Bridge CV1 1AA  |  "
                 "01632 960000  |  counciltax@carrowvale.gov.uk")
    c.setFont("Helvetica-Bold", 11)
    c.drawRightString(W - 22, H - 25, title)
    c.setFont("Helvetica", 7.5)
    c.drawRightString(W - 22, H - 39, code)
    c.setFillColor(black)


def l1_section(c, x, y, w, text):
    c.setFont("Helvetica-Bold", 8.5)
    c.drawString(x, y, text)
    c.setLineWidth(0.6)
    c.line(x, y - 3, x + w, y - 3)
    return y - 15


def l1_row(c, x, y, label, answers, labw, colw):
    lab_lines = wrap(label, "Helvetica", 7.5, labw - 14)
    c.setFont("Helvetica", 7.5)
    yy = y
    for i, ln in enumerate(lab_lines):
        c.drawString(x, yy, ln)
        if i < len(lab_lines) - 1:
            yy -= 9
    end = x + stringWidth(lab_lines[-1], "Helvetica", 7.5) + 2
    dots = ""
    while end + stringWidth(dots + " .", "Helvetica", 7.5) < x + labw - 4:
        dots += " ."
    c.drawString(end, yy, dots)
    c.drawString(x + labw - 2, yy, ":")
    c.setFont("Courier", 9)
    c.setFillColor(BLUE)
    ay = yy
    for a in answers:
        for ln in wrap(a, "Courier", 9, colw - labw - 8):
            c.drawString(x + labw + 6, ay, ln)
            ay -= 10.5
    c.setFillColor(black)
    return min(yy, ay + 10.5) - 13


def l1_notes(c, x, y, w, title, notes):
    h = 14 + sum(len(wrap(n, "Helvetica", 7, w - 20)) * 8.6 + 2 for n in notes) + 4
    c.setFillColor(Color(0.95, 0.95, 0.9))
    c.rect(x, y - h, w, h, fill=1, stroke=1)
    c.setFillColor(black)
    c.setFont("Helvetica-Bold", 8)
    c.drawString(x + 6, y - 11, title)
    yy = y - 22
    for n in notes:
        c.setFont("Helvetica", 7)
        c.drawString(x + 6, yy, "\u2022")
        yy = para(c, x + 14, yy, n, "Helvetica", 7, w - 20, 8.6) - 2
    return y - h - 12


def l1_office(c, x, y, w, items):
    h = 16 + 16 * ((len(items) + 1) // 2)
    c.setDash(3, 2)
    c.rect(x, y - h, w, h)
    c.setDash()
    c.setFont("Helvetica-Bold", 7.5)
    c.drawString(x + 6, y - 11, "FOR OFFICE USE ONLY")
    for i, it in enumerate(items):
        cx = x + 6 + (i % 2) * (w / 2)
        cy = y - 26 - 16 * (i // 2)
        c.setFont("Helvetica", 7)
        c.drawString(cx, cy, it)
        c.rect(cx + stringWidth(it, "Helvetica", 7) + 4, cy - 3, w / 2 - stringWidth(it, "Helvetica", 7) - 18, 11)
    return y - h - 10


def l1_declaration(c, x, y, w, text, sig, ddate, labw):
    y = l1_section(c, x, y, w, "Section D  -  Declaration")
    y = para(c, x, y, text, "Helvetica", 7.5, w, 9.2) - 6
    y = l1_row(c, x, y, "Signature", [], labw, w)
    c.setFont("Times-BoldItalic", 13)
    c.setFillColor(INK)
    c.drawString(x + labw + 8, y + 13, sig)
    c.setFillColor(black)
    y = l1_row(c, x, y, "Date", [ddate] if ddate else [], labw, w)
    return y


def l1_footer(c, W, code):
    c.setFont("Helvetica", 6.5)
    c.setFillColor(Color(0.3, 0.3, 0.3))
    c.drawString(22, 16, "Carrow Vale Council is the data controller for the information on this form. "
                 "We use it to administer Council Tax and may share it to prevent and detect fraud. "
                 "Privacy notice: www.carrowvale.gov.uk/privacy")
    c.drawRightString(W - 22, 16, code)
    c.setFillColor(black)


def render_l1(s, path):
    W, H = landscape(A4)
    c = canvas.Canvas(path, pagesize=(W, H), invariant=1)
    f = s["f"]
    ds = s["ds"]
    labw, colw = 182, 380
    xl, xr = 22, 440
    if s["form_type"] == "council_tax_spd":
        c.setTitle("Single Person Discount application")
        l1_header(c, W, H, "Council Tax \u2013 Single Person Discount application", "Form CT/SPD1  (2026/27)")
        y = H - 70
        y = para(c, xl, y, "Use this form to tell us that only one adult (aged 18 or over) now lives at the "
                 "property. Please type or write in BLACK INK and BLOCK CAPITALS. Answer every question "
                 "marked *.", "Helvetica-Oblique", 7.5, colw, 9) - 6
        y = l1_section(c, xl, y, colw, "Section A  -  Your Council Tax account")
        y = l1_row(c, xl, y, "Council Tax account number *", [s["acct_w"]], labw, colw)
        y = l1_row(c, xl, y, "Full name of applicant (including title) *", [name_written(s)], labw, colw)
        a = s["addr"]
        lines = [a["line1"]] + ([a["line2"]] if a["line2"] else []) + [a["town"]]
        y = l1_row(c, xl, y, "Address of the property *", lines, labw, colw)
        y = l1_row(c, xl, y, "Postcode *", [s["pc_w"]], labw, colw)
        y = l1_row(c, xl, y, "Daytime telephone number", [f["phone"]] if "phone" in f else [], labw, colw)
        y = l1_row(c, xl, y, "Email address", [f["email"]] if "email" in f else [], labw, colw)
        y -= 4
        y = l1_section(c, xl, y, colw, "Section B  -  About the change")
        y = l1_row(c, xl, y, "Date from which you have been the only adult (18 or over) living at the property *",
                   [s["d_w"]("sole_adult_since")], labw, colw)
        y = l1_row(c, xl, y, "Full name of the adult who has left", [f["other_adult_name"]] if "other_adult_name" in f else [], labw, colw)
        y = l1_row(c, xl, y, "Their forwarding address (if known)",
                   [f["other_adult_forwarding_address"]] if "other_adult_forwarding_address" in f else [], labw, colw)
        y = l1_row(c, xl, y, "Tell us what changed", [f["change_description"]] if "change_description" in f else [], labw, colw)
        y -= 4
        y = l1_section(c, xl, y, colw, "Section C  -  Other people")
        y = l1_row(c, xl, y, "Does anyone aged 18 or over still live with you? (Yes / No)", ["No"], labw, colw)
        # right column
        y = H - 70
        y = l1_notes(c, xr, y, colw, "Guidance notes", [
            "You can get a 25% discount if you are the only adult living in the property as your main home.",
            "When counting adults, do not include anyone under 18, full-time students, student nurses, "
            "apprentices, carers or people who are severely mentally impaired.",
            "We check applications against the electoral register and other records. If more than one adult "
            "is registered at the address we will contact you before awarding the discount.",
            "Backdating is normally limited to 12 months from the date we receive this form.",
            "You must tell us within 21 days if another adult moves in. You may be fined \u00a370 if you do not.",
        ])
        y = l1_declaration(c, xr, y, colw,
                           "I declare that the information I have given on this form is true and complete. I "
                           "understand that if I knowingly give false information I may be prosecuted, and "
                           "that I must tell the council within 21 days of any change in my circumstances.",
                           s["sig"], s["d_w"]("declaration_date"), 90)
        y -= 4
        l1_office(c, xr, y, colw, ["Date received", "Keyed by", "Evidence seen (Y/N)", "SPD start",
                                   "EDMS doc ID", "Checked by"])
        l1_footer(c, W, "CT/SPD1 v3.2  Page 1 of 1")
    else:
        c.setTitle("Council Tax - moving home")
        l1_header(c, W, H, "Council Tax \u2013 tell us you are moving home", "Form CT/MOV2  (2026/27)")
        y = H - 70
        y = para(c, xl, y, "Complete this form if you are moving into, out of, or within Carrow Vale. "
                 "If you are moving within the borough please use one form for the address you are leaving "
                 "and one for your new address.", "Helvetica-Oblique", 7.5, colw, 9) - 6
        y = l1_section(c, xl, y, colw, "Section A  -  About you")
        y = l1_row(c, xl, y, "Full name of person responsible for the bill *", [name_written(s)], labw, colw)
        y = l1_row(c, xl, y, "Council Tax account number (if known)", [s["acct_w"]] if s.get("acct_w") else [], labw, colw)
        y = l1_row(c, xl, y, "Are you moving in or out? *",
                   ["Moving out" if f["move_type"] == "out" else "Moving in"], labw, colw)
        y = l1_row(c, xl, y, "Daytime telephone number", [f["phone"]] if "phone" in f else [], labw, colw)
        y = l1_row(c, xl, y, "Email address", [f["email"]] if "email" in f else [], labw, colw)
        y -= 4
        y = l1_section(c, xl, y, colw, "Section B  -  The property in Carrow Vale")
        a = s["cv"]
        lines = [a["line1"]] + ([a["line2"]] if a["line2"] else []) + [a["town"]]
        y = l1_row(c, xl, y, "Address of the Carrow Vale property you are moving into or out of *", lines, labw, colw)
        y = l1_row(c, xl, y, "Postcode *", [s["pc_w"]], labw, colw)
        y = l1_row(c, xl, y, "Date you moved in or out (or will move) *",
                   [s["d_w"]("move_date")] if "move_date" in f else [], labw, colw)
        y = l1_row(c, xl, y, "Are you the owner or a tenant?", [s["tenure"]], labw, colw)
        y = l1_row(c, xl, y, "Landlord or letting agent (if renting)", [s["landlord"]] if s["landlord"] else [], labw, colw)
        # right column
        y = H - 70
        y = l1_section(c, xr, y, colw, "Section C  -  Your other address")
        y = para(c, xr, y, "If you are moving out, give your forwarding address. If you are moving in, give the "
                 "address you have come from.", "Helvetica-Oblique", 7.5, colw, 9) - 4
        o = s["oth"]
        olines = ([o["line1"]] + ([o["line2"]] if o["line2"] else []) + [o["town"]]) if o else []
        y = l1_row(c, xr, y, "Address", olines, 90, colw)
        y = l1_row(c, xr, y, "Postcode", [o["pc"]] if o else [], 90, colw)
        y -= 4
        y = l1_notes(c, xr, y, colw, "Notes", [
            "You are normally responsible for Council Tax from the day you get the keys, even if you do not "
            "move in straight away.",
            "If you are moving out we will send a final bill to your forwarding address.",
            "Tell us about a move before it happens if you can; we cannot accept a date more than four weeks ahead.",
        ])
        y = l1_declaration(c, xr, y, colw,
                           "I declare that the information given is correct to the best of my knowledge. I "
                           "understand that giving false information to reduce a Council Tax bill is an offence.",
                           s["sig"], s["d_w"]("declaration_date"), 90)
        y -= 4
        l1_office(c, xr, y, colw, ["Date received", "Keyed by", "Acc. closed / opened", "NNDR check"])
        l1_footer(c, W, "CT/MOV2 v1.8  Page 1 of 1")
    c.showPage()
    c.save()


# ---------------------------------------------------------------- layout L2: shaded bands, two pages
def l2_header(c, W, H, service, title):
    c.setStrokeColor(DARK)
    c.setLineWidth(1.5)
    c.circle(62, H - 58, 20)
    c.setFont("Times-Bold", 9)
    c.drawCentredString(62, H - 61, "CVC")
    c.setFillColor(DARK)
    c.setFont("Times-Bold", 18)
    c.drawString(92, H - 52, "Carrow Vale Council")
    c.setFont("Helvetica", 9)
    c.drawString(92, H - 66, service)
    c.setFillColor(black)
    c.setStrokeColor(black)
    c.setLineWidth(1)
    c.setFont("Helvetica-Bold", 14)
    c.drawString(40, H - 105, title)
    return H - 122


def l2_section(c, y, text):
    c.setFillColor(DARK)
    c.rect(40, y - 5, 515, 18, fill=1, stroke=0)
    c.setFillColor(white)
    c.setFont("Helvetica-Bold", 10)
    c.drawString(46, y, text)
    c.setFillColor(black)
    return y - 26


def l2_band(c, y, q, hint=None):
    c.setFillColor(GREY)
    c.rect(40, y - 5, 515, 16, fill=1, stroke=0)
    c.setFillColor(black)
    c.setFont("Helvetica-Bold", 9)
    c.drawString(46, y, q)
    if hint:
        c.setFont("Helvetica", 7.5)
        c.drawString(52 + stringWidth(q, "Helvetica-Bold", 9), y, hint)
    return y - 20


def l2_answer(c, y, lines):
    c.setFont("Times-Italic", 11.5)
    c.setFillColor(INK)
    if not lines:
        lines = [""]
    for ln in lines:
        for w in wrap(ln, "Times-Italic", 11.5, 500):
            c.drawString(48, y, w)
            c.setStrokeColor(Color(0.7, 0.7, 0.7))
            c.line(46, y - 3, 555, y - 3)
            c.setStrokeColor(black)
            y -= 15
    c.setFillColor(black)
    return y - 8


def l2_comb(c, y, chars, n):
    for i in range(n):
        c.rect(48 + i * 19, y - 5, 17, 19)
    c.setFont("Helvetica", 12)
    c.setFillColor(INK)
    for i, ch in enumerate(chars[:n]):
        c.drawCentredString(48 + i * 19 + 8.5, y, ch)
    c.setFillColor(black)
    return y - 28


def l2_footer(c, code, page, turn):
    c.setFont("Helvetica", 7)
    c.drawString(40, 28, code)
    c.drawRightString(555, 28, f"Page {page} of 2")
    if turn:
        c.setFont("Helvetica-Bold", 10)
        c.drawRightString(555, 46, "Please turn over >")


def l2_office(c, y, items):
    c.setLineWidth(0.8)
    h = 20 + 18 * len(items)
    c.rect(40, y - h, 515, h)
    c.setFont("Helvetica-Bold", 8)
    c.drawString(46, y - 13, "Office use only")
    for i, it in enumerate(items):
        c.setFont("Helvetica", 8)
        c.drawString(46, y - 31 - 18 * i, it)
        c.line(180, y - 33 - 18 * i, 540, y - 33 - 18 * i)
    return y - h - 10


def l2_name(c, y, s, n0):
    per = s["person"]
    y = l2_band(c, y, f"{n0}  Title", "(Mr, Mrs, Miss, Ms, Dr, other)")
    y = l2_answer(c, y, [per.title] if s["with_title"] else [])
    y = l2_band(c, y, f"{n0 + 1}  First name(s)")
    y = l2_answer(c, y, [per.first])
    y = l2_band(c, y, f"{n0 + 2}  Surname")
    y = l2_answer(c, y, [per.last])
    return y


def render_l2(s, path):
    W, H = A4
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    f = s["f"]
    a = s["addr"]
    alines = [a["line1"]] + ([a["line2"]] if a["line2"] else []) + [a["town"]]
    pcchars = list(s["pc_w"].upper().replace(" ", "")[:-3].ljust(4)) + list(s["pc_w"].upper().replace(" ", "")[-3:])
    if s["form_type"] == "council_tax_spd":
        c.setTitle("Single Person Discount")
        y = l2_header(c, W, H, "Council Tax  \u00b7  Revenues Section", "Application for a Single Person Discount")
        y = para(c, 40, y, "If you are the only adult living in your home you may be able to get 25% off your "
                 "Council Tax bill. Please answer all questions. Type or write clearly in the spaces provided. "
                 "Questions marked * must be answered.", "Helvetica", 8.5, 515, 10.5) - 8
        y = l2_section(c, y, "Section 1   Your details")
        y = l2_band(c, y, "1  Council Tax account number *", "(8 digits, shown at the top of your bill)")
        y = l2_comb(c, y, list(s["f"]["account_ref"]), 8)
        y = l2_name(c, y, s, 2)
        y = l2_band(c, y, "5  Address of the property you are claiming for *")
        y = l2_answer(c, y, alines)
        y = l2_band(c, y, "6  Postcode *")
        y = l2_comb(c, y, pcchars, 7)
        y = l2_band(c, y, "7  Telephone number")
        y = l2_answer(c, y, [f["phone"]] if "phone" in f else [])
        y = l2_band(c, y, "8  Email address")
        y = l2_answer(c, y, [f["email"]] if "email" in f else [])
        l2_footer(c, "CVC Council Tax  SPD/2  (rev 04/26)", 1, True)
        c.showPage()
        y = H - 50
        y = l2_section(c, y, "Section 2   Your circumstances")
        y = l2_band(c, y, "9  From what date have you been the only adult living at this address? *")
        y = l2_answer(c, y, [s["d_w"]("sole_adult_since")])
        y = l2_band(c, y, "10  Who has moved out?", "(full name of the adult who no longer lives with you)")
        y = l2_answer(c, y, [f["other_adult_name"]] if "other_adult_name" in f else [])
        y = l2_band(c, y, "11  Where have they moved to?", "(their new address, if you know it)")
        y = l2_answer(c, y, [f["other_adult_forwarding_address"]] if "other_adult_forwarding_address" in f else [])
        y = l2_band(c, y, "12  Tell us what changed")
        y = l2_answer(c, y, [f["change_description"]] if "change_description" in f else ["", ""])
        y = l2_section(c, y - 4, "Section 3   Declaration")
        y = para(c, 40, y, "I claim a single person discount and declare that I am the only adult resident at the "
                 "address above. The information I have given is correct and complete. I will tell the council "
                 "within 21 days if anyone aged 18 or over comes to live with me.", "Helvetica", 8.5, 515, 10.5) - 10
        y = l2_band(c, y, "13  Signature")
        c.setFont("Times-BoldItalic", 15)
        c.setFillColor(INK)
        c.drawString(60, y - 2, s["sig"])
        c.setFillColor(black)
        y -= 26
        y = l2_band(c, y, "14  Date signed *")
        y = l2_answer(c, y, [s["d_w"]("declaration_date")] if "declaration_date" in f else [])
        y = para(c, 40, y, "Please return this form to: Council Tax, Carrow Vale Council, Town Hall, Market Place, "
                 "Carrow Bridge CV1 1AA, or email a scan to counciltax@carrowvale.gov.uk.", "Helvetica", 8, 515) - 8
        l2_office(c, y, ["Date received", "Account checked", "Discount from", "Processed by"])
        l2_footer(c, "CVC Council Tax  SPD/2  (rev 04/26)", 2, False)
    else:
        c.setTitle("Residents parking permit application")
        y = l2_header(c, W, H, "Highways and Parking Services", "Residents' Parking Permit \u2013 Application")
        y = para(c, 40, y, "Residents of streets in a permit zone can apply for up to two permits per household. "
                 "A permit costs \u00a342.00 a year (from 1 April 2026). Please answer every question marked *.",
                 "Helvetica", 8.5, 515, 10.5) - 8
        y = l2_section(c, y, "Part 1   About you")
        y = l2_name(c, y, s, 1)
        y = l2_band(c, y, "4  Your home address *", "(the address in the permit zone)")
        y = l2_answer(c, y, alines)
        y = l2_band(c, y, "5  Postcode *")
        y = l2_comb(c, y, pcchars, 7)
        y = l2_band(c, y, "6  Telephone")
        y = l2_answer(c, y, [f["phone"]] if "phone" in f else [])
        y = l2_band(c, y, "7  Email")
        y = l2_answer(c, y, [f["email"]] if "email" in f else [])
        y = l2_section(c, y, "Part 2   Your vehicle")
        y = l2_band(c, y, "8  Vehicle registration number *")
        y = l2_answer(c, y, [s["vrm_written"]])
        l2_footer(c, "CVC Parking  RP1  (rev 02/26)", 1, True)
        c.showPage()
        y = H - 50
        y = l2_band(c, y, "9  Vehicle make")
        y = l2_answer(c, y, [f["vehicle_make"]] if "vehicle_make" in f else [])
        y = l2_band(c, y, "10  Colour")
        y = l2_answer(c, y, [s["colour"]])
        y = l2_section(c, y, "Part 3   Your permit")
        y = l2_band(c, y, "11  Which permit zone do you live in? *", "(shown on the zone entry signs, e.g. A, B, C1)")
        y = l2_answer(c, y, [f["zone"]])
        y = l2_band(c, y, "12  When would you like the permit to start? *")
        y = l2_answer(c, y, [s["d_w"]("start_date")])
        y = l2_section(c, y, "Part 4   Declaration")
        y = para(c, 40, y, "I declare that I live at the address given, that the vehicle is kept there, and that "
                 "the information on this form is true. I understand the permit may be cancelled if it is "
                 "misused.", "Helvetica", 8.5, 515, 10.5) - 10
        y = l2_band(c, y, "13  Signature")
        c.setFont("Times-BoldItalic", 15)
        c.setFillColor(INK)
        c.drawString(60, y - 2, s["sig"])
        c.setFillColor(black)
        y -= 26
        y = l2_band(c, y, "14  Date *")
        y = l2_answer(c, y, [s["d_w"]("declaration_date")])
        l2_office(c, y, ["Proof of residence seen", "V5C seen", "Payment ref", "Permit no. issued"])
        l2_footer(c, "CVC Parking  RP1  (rev 02/26)", 2, False)
    c.showPage()
    c.save()


# ---------------------------------------------------------------- layout L3: question table
def render_l3(s, path):
    W, H = A4
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    f = s["f"]
    x0, x1, x2 = 45, 300, 550
    afont, asize = "Helvetica-Oblique", 10
    c.setFont("Helvetica-Bold", 10)
    c.drawRightString(x2, H - 40, "CARROW VALE COUNCIL")
    c.setFont("Helvetica", 8)
    svc = "Customer Services \u2013 Council Tax" if s["form_type"] == "council_tax_move" else "Highways & Parking Services"
    c.drawRightString(x2, H - 51, svc)
    c.drawRightString(x2, H - 61, "PO Box 121, Carrow Bridge CV1 1AA")
    title = ("Change of address for Council Tax" if s["form_type"] == "council_tax_move"
             else "Application for a resident parking permit")
    c.setFont("Helvetica-Bold", 16)
    c.drawString(x0, H - 95, title)
    c.setFont("Helvetica", 8.5)
    y = H - 112
    intro = ("Please complete every row that applies to you. Where a question asks you to choose, write your "
             "answer in words." if s["form_type"] == "council_tax_move" else
             "Permits are only available to residents of properties inside a controlled parking zone. "
             "Please fill in the right-hand column.")
    y = para(c, x0, y, intro, "Helvetica", 8.5, x2 - x0) - 6
    rows = []
    if s["form_type"] == "council_tax_move":
        out = f["move_type"] == "out"
        leave = s["cv"] if out else s["oth"]
        to = s["oth"] if out else s["cv"]
        leave_pc = (s["pc_w"] if out else (s["oth"]["pc"] if s["oth"] else "")) if leave else ""
        to_pc = (s["oth"]["pc"] if (out and s["oth"]) else (s["pc_w"] if not out else "")) if to else ""

        def al(a):
            return ([a["line1"]] + ([a["line2"]] if a["line2"] else []) + [a["town"]]) if a else []
        rows = [
            ("H", "Part 1   The move"),
            ("Are you moving into or out of a property in Carrow Vale?", ["Moving out" if out else "Moving in"]),
            ("Date of the move", [s["d_w"]("move_date")] if "move_date" in f else []),
            ("Council Tax account number (if you have one)", [s["acct_w"]] if s.get("acct_w") else []),
            ("H", "Part 2   Your details"),
            ("Name(s)", [name_written(s)]),
            ("Telephone", [f["phone"]] if "phone" in f else []),
            ("Email", [f["email"]] if "email" in f else []),
            ("H", "Part 3   Address you are leaving"),
            ("House number and street, town", al(leave)[:1] + al(leave)[1:]),
            ("Postcode", [leave_pc] if leave_pc else []),
            ("H", "Part 4   Address you are moving to"),
            ("House number and street, town", al(to)),
            ("Postcode", [to_pc] if to_pc else []),
            ("Do you own or rent this property?", [s["tenure"]] if not out else []),
            ("H", "Part 5   Declaration"),
            ("I confirm the information on this form is correct", ["Yes"]),
            ("Signature (type your name if returning by email)", [s["sig"]]),
            ("Date", [s["d_w"]("declaration_date")]),
        ]
        code = "CS/CTX/04  Change of address  v2"
    else:
        a = s["addr"]
        rows = [
            ("H", "Section A   Applicant"),
            ("Full name", [name_written(s)]),
            ("Address", [a["line1"]] + ([a["line2"]] if a["line2"] else []) + [a["town"]]),
            ("Postcode", [s["pc_w"]]),
            ("Contact number", [f["phone"]] if "phone" in f else []),
            ("Email", [f["email"]] if "email" in f else []),
            ("Is this address your only or main home?", ["Yes"]),
            ("H", "Section B   Vehicle"),
            ("Reg. no.", [s["vrm_written"]]),
            ("Make / model", [f["vehicle_make"]] if "vehicle_make" in f else []),
            ("Is the vehicle registered (V5C) to you at this address?", [s["v5c"]]),
            ("H", "Section C   Permit"),
            ("Permit zone", [f["zone"]]),
            ("Start date required", [s["d_w"]("start_date")]),
            ("How many permits are already held at this address?", [s["held"]]),
            ("H", "Section D   Declaration"),
            ("I declare the information given is true and I agree to the permit terms and conditions",
             ["Yes"]),
            ("Signed", [s["sig"]]),
            ("Date", [s["d_w"]("declaration_date")]),
        ]
        code = "HPS/RPP/1  Resident permit application  v5"
    c.setLineWidth(0.6)
    for lab, ans in rows:
        if lab == "H":
            c.setFillColor(Color(0.25, 0.25, 0.25))
            c.rect(x0, y - 16, x2 - x0, 16, fill=1, stroke=1)
            c.setFillColor(white)
            c.setFont("Helvetica-Bold", 9)
            c.drawString(x0 + 5, y - 11.5, ans)
            c.setFillColor(black)
            y -= 16
            continue
        ll = wrap(lab, "Helvetica", 9, x1 - x0 - 10)
        al_ = []
        for a_ in ans:
            al_ += wrap(a_, afont, asize, x2 - x1 - 10)
        n = max(len(ll), len(al_), 1)
        h = 7 + 11.5 * n
        c.rect(x0, y - h, x1 - x0, h)
        c.rect(x1, y - h, x2 - x1, h)
        c.setFont("Helvetica", 9)
        for i, ln in enumerate(ll):
            c.drawString(x0 + 5, y - 12 - 11.5 * i, ln)
        c.setFont(afont, asize)
        c.setFillColor(Color(0.0, 0.2, 0.45))
        for i, ln in enumerate(al_):
            c.drawString(x1 + 5, y - 12 - 11.5 * i, ln)
        c.setFillColor(black)
        y -= h
    y -= 14
    c.setFont("Helvetica-Bold", 8)
    c.drawString(x0, y, "For office use only:")
    c.setFont("Helvetica", 8)
    c.drawString(x0 + 85, y, "Received ____________   Action ____________   Initials ______")
    c.setFont("Helvetica", 7)
    c.drawString(x0, 30, code)
    c.drawRightString(x2, 30, "Return to: customer.services@carrowvale.gov.uk")
    c.showPage()
    c.save()


# ---------------------------------------------------------------- layout L4: fillable AcroForm
def render_l4(s, path):
    W, H = A4
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    f = s["f"]
    form = c.acroForm
    counter = {"n": 0}

    def head(title, sub):
        c.setFillColor(Color(0.0, 0.36, 0.36))
        c.rect(0, H - 70, W, 70, fill=1, stroke=0)
        c.setFillColor(white)
        c.setFont("Helvetica-Bold", 17)
        c.drawString(36, H - 34, title)
        c.setFont("Helvetica", 9)
        c.drawString(36, H - 52, sub)
        c.setFont("Helvetica-Bold", 9)
        c.drawRightString(W - 36, H - 34, "Carrow Vale Council")
        c.setFillColor(black)

    def fld(label, value, x, y, w, tooltip, name=None, h=18, multiline=False):
        counter["n"] += 1
        nm = name or f"Text{counter['n']}"
        c.setFont("Helvetica", 8)
        c.setFillColor(Color(0.2, 0.2, 0.2))
        c.drawString(x, y + h + 3, label)
        c.setFillColor(black)
        form.textfield(name=nm, tooltip=tooltip, x=x, y=y, width=w, height=h, value=value or "",
                       fontName="Helvetica", fontSize=9.5, borderColor=Color(0.5, 0.5, 0.5),
                       fillColor=Color(0.92, 0.95, 1.0), textColor=black, borderWidth=0.8,
                       forceBorder=True, fieldFlags="multiline" if multiline else "")
        return y - 34

    def chk(label, checked, x, y, tooltip, name):
        form.checkbox(name=name, tooltip=tooltip, x=x, y=y, size=12, checked=checked, buttonStyle="check",
                      borderColor=Color(0.4, 0.4, 0.4), fillColor=white, textColor=black, forceBorder=True)
        c.setFont("Helvetica", 9)
        c.drawString(x + 18, y + 2, label)

    def sec(text, y):
        c.setFillColor(Color(0.0, 0.36, 0.36))
        c.setFont("Helvetica-Bold", 11)
        c.drawString(36, y, text)
        c.setFillColor(black)
        c.setLineWidth(0.5)
        c.line(36, y - 4, W - 36, y - 4)
        return y - 32

    per = s["person"]
    L, R = 36, 310
    if s["form_type"] == "council_tax_spd":
        head("Single Person Discount", "Council Tax  \u2013  fillable application form. Save the form and email it to us.")
        y = H - 100
        y = sec("1. Your account", y)
        fld("Account no.", s["acct_w"], L, y, 150, "Council Tax account number (8 digits)", name="acct_no")
        y -= 34
        fld("Title", per.title if s["with_title"] else "", L, y, 60, "Title")
        fld("Forename(s)", per.first, L + 75, y, 180, "First name(s) of the person applying")
        y = fld("Surname", per.last, R, y, 240, "Surname of the person applying")
        a = s["addr"]
        fld("Address line 1", a["line1"], L, y, 250, "First line of the address you are applying for")
        y = fld("Address line 2", a["line2"], R, y, 240, "Second line of address (optional)")
        fld("Town", a["town"], L, y, 250, "Town")
        y = fld("Postcode", s["pc_w"], R, y, 100, "Postcode of the property")
        fld("Phone", f.get("phone"), L, y, 250, "Contact telephone number")
        y = fld("Email", f.get("email"), R, y, 240, "Email address")
        y = sec("2. The change", y + 4)
        fld("Date", s["d_w"]("sole_adult_since"), L, y, 150,
            "Date you became the only adult aged 18 or over living at the property")
        y = fld("Name", f.get("other_adult_name"), R, y, 240, "Full name of the adult who moved out or died")
        y = fld("New address (if known)", f.get("other_adult_forwarding_address"), L, y, W - 72,
                "Forwarding address of the adult who left")
        y = fld("Details", f.get("change_description"), L, y - 22, W - 72,
                "Tell us what changed", h=40, multiline=True)
        y = sec("3. Declaration", y + 8)
        chk("I confirm that I am the only adult living at this address and the details above are correct.",
            True, L, y + 6, "Declaration - tick to confirm", "Check Box1")
        y -= 30
        fld("Signed (type your name)", s["sig"], L, y, 250, "Signature")
        fld("Date", s["d_w"]("declaration_date") if "declaration_date" in f else "", R, y, 120, "Date signed",
            name="Date1")
        code = "CT-SPD-E  fillable  v2026.1"
    elif s["form_type"] == "council_tax_move":
        head("Moving home?", "Council Tax  \u2013  tell us about your move. Fill in on screen, save and email.")
        y = H - 100
        out = f["move_type"] == "out"
        y = sec("1. Your move", y)
        chk("I am moving out of a property in Carrow Vale", out, L, y + 6, "Moving out", "Check Box1")
        chk("I am moving into a property in Carrow Vale", not out, R, y + 6, "Moving in", "Check Box2")
        y -= 30
        fld("Date of move", s["d_w"]("move_date") if "move_date" in f else "", L, y, 150,
            "Date you moved in or out (or the date you will move)", name="Date1")
        y = fld("Account no. (if known)", s.get("acct_w") or "", R, y, 150, "Council Tax account number")
        y = sec("2. About you", y + 4)
        fld("Title", per.title if s["with_title"] else "", L, y, 60, "Title")
        fld("Forename(s)", per.first, L + 75, y, 180, "First name(s)")
        y = fld("Surname", per.last, R, y, 240, "Surname")
        fld("Phone", f.get("phone"), L, y, 250, "Telephone number")
        y = fld("Email", f.get("email"), R, y, 240, "Email address")
        leave = s["cv"] if out else s["oth"]
        to = s["oth"] if out else s["cv"]
        lpc = s["pc_w"] if out else (s["oth"]["pc"] if s["oth"] else "")
        tpc = (s["oth"]["pc"] if s["oth"] else "") if out else s["pc_w"]
        y = sec("3. Address you are leaving", y + 4)
        fld("Address line 1", leave["line1"] if leave else "", L, y, 250, "Address you are leaving - line 1")
        y = fld("Town", leave["town"] if leave else "", R, y, 160, "Address you are leaving - town")
        y = fld("Postcode", lpc, L, y, 100, "Address you are leaving - postcode")
        y = sec("4. Address you are moving to", y + 4)
        fld("Address line 1", to["line1"] if to else "", L, y, 250, "New address - line 1")
        y = fld("Town", to["town"] if to else "", R, y, 160, "New address - town")
        y = fld("Postcode", tpc, L, y, 100, "New address - postcode")
        y = sec("5. Declaration", y + 4)
        chk("The information I have given is correct.", True, L, y + 6, "Declaration", "Check Box3")
        y -= 30
        fld("Signed (type your name)", s["sig"], L, y, 250, "Signature")
        fld("Date", s["d_w"]("declaration_date"), R, y, 120, "Date of declaration", name="Date2")
        code = "CT-MOV-E  fillable  v2026.1"
    else:
        head("Resident parking permit", "Highways & Parking  \u2013  online application form (print or save)")
        y = H - 100
        y = sec("1. Applicant", y)
        fld("Title", per.title if s["with_title"] else "", L, y, 60, "Title")
        fld("Forename(s)", per.first, L + 75, y, 180, "Applicant's first name(s)")
        y = fld("Surname", per.last, R, y, 240, "Applicant's surname")
        a = s["addr"]
        fld("Address line 1", a["line1"], L, y, 250, "Address where the vehicle is kept - line 1")
        y = fld("Town", a["town"], R, y, 160, "Town")
        fld("Postcode", s["pc_w"], L, y, 100, "Postcode")
        y = fld("Zone", f["zone"], R, y, 60, "Which permit zone is your property in?", name="Dropdown1")
        fld("Phone", f.get("phone"), L, y, 250, "Telephone")
        y = fld("Email", f.get("email"), R, y, 240, "Email")
        y = sec("2. Vehicle", y + 4)
        fld("Registration", s["vrm_written"], L, y, 150, "Vehicle registration number")
        y = fld("Make", f.get("vehicle_make"), R, y, 200, "Vehicle make and model")
        y = sec("3. Permit", y + 4)
        fld("Start", s["d_w"]("start_date"), L, y, 150, "Date you want the permit to start", name="Date1")
        y = fld("Permit length", "12 months", R, y, 120, "Permit length")
        y = sec("4. Declaration", y + 4)
        chk("I live at the address above and the vehicle is kept there.", True, L, y + 6, "Declaration",
            "Check Box1")
        y -= 30
        fld("Signed (type your name)", s["sig"], L, y, 250, "Signature")
        fld("Date", s["d_w"]("declaration_date"), R, y, 120, "Date signed", name="Date2")
        code = "HPS-RPP-E  fillable  v2026.1"
    c.setFont("Helvetica", 7)
    c.drawString(36, 40, "Email the completed form to council.services@carrowvale.gov.uk, or post it to "
                 "Carrow Vale Council, Town Hall, Market Place, Carrow Bridge CV1 1AA.")
    c.drawString(36, 30, code)
    c.drawRightString(W - 36, 30, "Page 1 of 1")
    c.showPage()
    c.save()


# ---------------------------------------------------------------- layout L5: letters and emails
def render_l5(s, path):
    W, H = A4
    c = canvas.Canvas(path, pagesize=A4, invariant=1)
    if s["variant"] == "letter":
        font = s["font"]
        size = 11 if font.startswith("Times") else 10
        y = H - 60
        block = []
        if s["sender"]:
            block.append(s["sender"])
        a = s["addr"]
        block += [a["line1"]] + ([a["line2"]] if a["line2"] else []) + [a["town"], a["pc"]]
        c.setFont(font, size)
        for ln in block:
            c.drawString(W - 220, y, ln)
            y -= size * 1.3
        y -= 8
        c.drawString(W - 220, y, s["letter_date"])
        y -= 34
        cy = y
        for ln in ["Council Tax Section" if s["topic"] == "council_tax_query" else
                   ("Freedom of Information Officer" if s["topic"] == "foi_request" else "Customer Services")] + COUNCIL_ADDR:
            c.drawString(60, cy, ln)
            cy -= size * 1.3
        y = cy - 24
        if s["re_line"]:
            c.setFont(font.replace("-Roman", "") + "-Bold" if font == "Times-Roman" else "Helvetica-Bold", size)
            c.drawString(60, y, "Re: " + s["re_line"] if not s["re_line"].startswith("Your ref") else s["re_line"])
            y -= size * 2
        c.setFont(font, size)
        c.drawString(60, y, "Dear Sir or Madam,")
        y -= size * 2
        for ptxt in s["paras"]:
            y = para(c, 60, y, ptxt, font, size, W - 120, size * 1.35) - size * 0.8
        y -= 6
        c.drawString(60, y, s["signoff"] + ",")
        y -= 40
        c.setFont("Times-Italic", 14)
        c.drawString(60, y + 12, s["sender"].split()[-1] if s["sender"] else "")
        c.setFont(font, size)
        c.drawString(60, y - 4, s["sender"] or "")
        # scanning stamp
        c.setFillColor(Color(0.7, 0.1, 0.1))
        c.setFont("Helvetica-Bold", 8)
        c.drawString(60, 40, "SCANNED  \u2013  CVC MAILROOM")
        c.setFillColor(black)
    else:
        c.setFont("Helvetica", 7)
        c.drawString(36, H - 24, "Carrow Vale Council Mail")
        c.drawRightString(W - 36, H - 24, "1 of 1")
        c.setFont("Helvetica-Bold", 13)
        c.drawString(36, H - 52, s["subject"])
        c.line(36, H - 60, W - 36, H - 60)
        y = H - 80
        frm = f"{s['sender']} <{s['email']}>" if s["sender"] else s["email"]
        to = {"missed_bin": "waste.services@carrowvale.gov.uk", "council_tax_query": "counciltax@carrowvale.gov.uk",
              "complaint": "complaints@carrowvale.gov.uk", "foi_request": "foi@carrowvale.gov.uk"}[s["topic"]]
        for k, v in [("From:", frm), ("Sent:", s["sent"]), ("To:", to), ("Subject:", s["subject"])]:
            c.setFont("Helvetica-Bold", 9.5)
            c.drawString(36, y, k)
            c.setFont("Helvetica", 9.5)
            c.drawString(90, y, v)
            y -= 13
        y -= 16
        for ptxt in s["paras"]:
            y = para(c, 36, y, ptxt, "Helvetica", 10, W - 72, 13) - 8
        if s["sender"]:
            y -= 4
            c.setFont("Helvetica", 10)
            for ln in [rng.choice(["Regards", "Thanks", "Kind regards"]) + ",", s["sender"]] + (
                    [s["addr"]["line1"], s["addr"]["town"] + " " + s["addr"]["pc"]] if s["addr"] else []):
                c.drawString(36, y, ln)
                y -= 13
        c.setFont("Helvetica", 6.5)
        c.setFillColor(Color(0.4, 0.4, 0.4))
        c.drawString(36, 24, "This email was received by Carrow Vale Council and printed for scanning. "
                     "Any attachments are filed separately.")
        c.setFillColor(black)
    c.showPage()
    c.save()


# ---------------------------------------------------------------- assemble
DATE_STYLES = {
    "L1": ["slash", "dot", "slash", "dash"],
    "L2": ["ordinal", "long", "ordinal", "slash_short"],
    "L3": ["dot", "slash_short", "dot", "us"],
    "L4": ["iso", "slash", "slash", "long"],
}
ACCT_STYLES = {"L1": ["spaced", "plain", "ct"], "L2": ["plain"], "L3": ["plain", "dashed", "spaced"],
               "L4": ["plain", "ct", "spaced"]}
PC_STYLES = {"L1": ["std", "std", "lower"], "L2": ["std"], "L3": ["std", "nospace", "std"],
             "L4": ["std", "std", "nospace", "lower"]}


def prepare(s):
    lay = s["layout"]
    f = s["f"]
    style = rng.choice(DATE_STYLES[lay])
    s["ds"] = style

    def dw(key):
        v = f.get(key)
        return fmt_date(date.fromisoformat(v), style) if v else ""
    s["d_w"] = dw
    if f.get("account_ref"):
        s["acct_w"] = fmt_acct(f["account_ref"], rng.choice(ACCT_STYLES[lay]))
    pc = f.get("postcode") or (f.get("previous_postcode") if f.get("move_type") == "out" else f.get("new_postcode"))
    s["pc_w"] = fmt_pc(pc, rng.choice(PC_STYLES[lay])) if pc else ""
    s["sig"] = sig_of(s["person"])
    s["tenure"] = rng.choice(["Tenant", "Owner", "Renting privately", "Owner occupier", "Housing association tenant"])
    s["landlord"] = (rng.choice(["Vale Homes", "Pennine Lettings", "Mr R. Kenyon", "Northway Property Mgmt"])
                     if "enant" in s["tenure"] or "Renting" in s["tenure"] else "")
    s["v5c"] = rng.choice(["Yes", "Yes", "Yes", "No - company car"])
    s["held"] = {0: rng.choice(["None", "0"]), 1: "1", 2: "2"}.get(s.get("held_n", 0), "2")
    # truth fields
    t = {k: v for k, v in f.items() if v not in (None, "")}
    t["applicant_name"] = name_written(s)
    s["fields"] = t


def prepare_corr(s):
    s["font"] = rng.choice(["Times-Roman", "Helvetica", "Times-Roman"])
    t = {"topic": s["topic"]}
    if s["sender"]:
        t["sender_name"] = s["sender"]
    if s["addr"]:
        t["address"] = s["addr"]["line1"]
        t["postcode"] = s["addr"]["pc"]
    if s["ref"]:
        t["account_ref"] = s["ref"]
    t["dates_mentioned"] = [iso(d) for d in s["dates"]]
    t["body"] = re.sub(r"\s+", " ", " ".join(s["paras"])).strip()
    s["fields"] = t


ALL = SCEN + CORR
for s in SCEN:
    prepare(s)
for s in CORR:
    prepare_corr(s)

order = list(range(len(ALL)))
rng.shuffle(order)
for i, idx in enumerate(order):
    ALL[idx]["file"] = f"doc_{i + 1:04d}.pdf"

# fresh output
for name in ("inbox",):
    shutil.rmtree(os.path.join(OUT, name), ignore_errors=True)
os.makedirs(INBOX)

RENDER = {"L1": render_l1, "L2": render_l2, "L3": render_l3, "L4": render_l4, "L5": render_l5}
for s in sorted(ALL, key=lambda x: x["file"]):
    RENDER[s["layout"]](s, os.path.join(INBOX, s["file"]))

LAYOUT_NAMES = {"L1": "cv_dense_landscape", "L2": "cv_shaded_bands_2p", "L3": "cv_question_table",
                "L4": "cv_fillable_acroform", "L5": "cv_correspondence"}

# splits
seen = {}
for s in sorted(ALL, key=lambda x: x["file"]):
    key = (s["layout"], s["form_type"])
    if s["outcome"] == "approved" and seen.get(key, 0) < 2:
        s["split"] = "learn"
        seen[key] = seen.get(key, 0) + 1
    else:
        s["split"] = "test"

FIELD_ORDER = ["topic", "sender_name", "move_type", "account_ref", "applicant_name", "address", "postcode",
               "previous_address", "previous_postcode", "new_address", "new_postcode", "sole_adult_since",
               "move_date", "other_adult_name", "other_adult_forwarding_address", "change_description",
               "vrm", "vehicle_make", "zone", "start_date", "phone", "email", "declaration_date",
               "dates_mentioned", "body"]
with open(os.path.join(OUT, "truth.jsonl"), "w") as fh:
    for s in sorted(ALL, key=lambda x: x["file"]):
        flds = {k: s["fields"][k] for k in FIELD_ORDER if k in s["fields"]}
        rec = {"file": s["file"], "form_type": s["form_type"], "fields": flds, "outcome": s["outcome"],
               "reasons": s["reasons"], "layout": LAYOUT_NAMES[s["layout"]], "split": s["split"]}
        if s.get("group"):
            rec["duplicate_group"] = s["group"]
        if s["layout"] == "L5":
            rec["variant"] = s["variant"]
        fh.write(json.dumps(rec, ensure_ascii=False) + "\n")

# ---------------------------------------------------------------- workbook
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "properties"
ws.append(["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band", "ward",
           "parking_zone"])
for p in props:
    ws.append([p["uprn"], p["line1"], p["line2"] or None, p["town"], p["pc"], p["band"], p["ward"],
               p["zone"] or None])
ws = wb.create_sheet("council_tax_accounts")
ws.append(["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"])
for a in sorted(accounts, key=lambda a: a["ref"]):
    ws.append([a["ref"], a["uprn"], ";".join(a["liable"]), a["status"], a["start"], a["end"],
               ";".join(a["discounts"]) or None])
    ws.cell(ws.max_row, 1).number_format = "@"
    ws.cell(ws.max_row, 5).number_format = "yyyy-mm-dd"
    ws.cell(ws.max_row, 6).number_format = "yyyy-mm-dd"
ws = wb.create_sheet("electoral_register")
ws.append(["elector_number", "full_name", "uprn"])
for e in sorted(register, key=lambda e: (e["num"].split("-")[0], int(e["num"].split("-")[1]))):
    ws.append([e["num"], e["name"], e["uprn"]])
ws = wb.create_sheet("parking_permits")
ws.append(["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"])
for x in sorted(permits, key=lambda x: x["ref"]):
    ws.append([x["ref"], x["uprn"], x["vrm"], x["zone"], x["frm"], x["to"]])
    ws.cell(ws.max_row, 5).number_format = "yyyy-mm-dd"
    ws.cell(ws.max_row, 6).number_format = "yyyy-mm-dd"
fixed = datetime(2026, 12, 7, 8, 0, 0)
wb.properties.created = fixed
wb.properties.modified = fixed
buf = io.BytesIO()
wb.save(buf)
# rewrite the zip with fixed timestamps so the workbook is byte-identical run to run
src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
with zipfile.ZipFile(os.path.join(OUT, "records.xlsx"), "w", zipfile.ZIP_DEFLATED) as dst:
    for info in src.infolist():
        data = src.read(info.filename)
        data = re.sub(rb"<dcterms:modified[^>]*>[^<]*</dcterms:modified>",
                      b'<dcterms:modified xsi:type="dcterms:W3CDTF">2026-12-07T08:00:00Z</dcterms:modified>', data)
        zi = zipfile.ZipInfo(info.filename, date_time=(2026, 12, 7, 8, 0, 0))
        zi.compress_type = zipfile.ZIP_DEFLATED
        dst.writestr(zi, data)

print(f"wrote {len(ALL)} files, {len(accounts)} accounts, {len(register)} electors, {len(permits)} permits")

# ---------------------------------------------------------------- README
from collections import Counter

cnt = Counter((s["form_type"], s["outcome"]) for s in ALL)
rc = Counter(r for s in ALL for r in s["reasons"])
lay_types = {}
for s in ALL:
    lay_types.setdefault(LAYOUT_NAMES[s["layout"]], Counter())[s["form_type"]] += 1
lines = [
    "# Blind test set 31 - Carrow Vale Council",
    "",
    "Carrow Vale Council is a made-up unitary council in the north-west of England: terraced streets in "
    "Carrow Bridge and Netherholme, and a handful of hill farms around Vale Royd. All postcodes are invented "
    "in the CV area (the council itself is at Town Hall, Market Place, Carrow Bridge CV1 1AA).",
    "",
    "**As-of date: 2026-12-07** (run with `--as-of 2026-12-07`). Backdating limit 365 days, "
    "28 days ahead for move dates and permit start dates, permit cap 2 per property.",
    "",
    "Files: `records.xlsx` (properties, council_tax_accounts, electoral_register, parking_permits), "
    "`inbox/doc_0001.pdf` ... (shuffled; the name says nothing about type or outcome), `truth.jsonl`. "
    "`gen.py` regenerates everything byte-for-byte (seeded; reportlab `invariant=1`; fixed zip timestamps).",
    "",
    "## Layouts",
    "",
    "- `cv_dense_landscape`: one-page A4 landscape Revenues form in two columns; labels and answers on one line "
    "separated by dot leaders and a colon, answers typed in blue Courier; guidance box, declaration with a script "
    "signature, dashed 'FOR OFFICE USE ONLY' panel, privacy footer. Carries SPD (CT/SPD1) and moving home "
    "(CT/MOV2). The move form has 'The property in Carrow Vale' (the property moved into or out of) and "
    "'Your other address' (forwarding address when moving out, previous address when moving in), and answers "
    "'Are you moving in or out?' in words.",
    "- `cv_shaded_bands_2p`: two-page portrait form, each numbered question in a grey shaded band with the answer "
    "typed beneath in Times Italic on a ruled line; account number and postcode written one character per box; "
    "title, first name(s) and surname asked separately; 'Please turn over' on page 1, office-use box on page 2. "
    "Carries SPD and residents' parking permits.",
    "- `cv_question_table`: one-page bordered table, questions in the left column and answers in the right "
    "(blue Helvetica Oblique), dark section rows, choice questions answered in words ('Moving out', 'Yes'); "
    "move form has explicit 'Address you are leaving' and 'Address you are moving to' parts. Carries moving home "
    "and parking permits.",
    "- `cv_fillable_acroform`: fillable AcroForm (values are field values, not page text); most field names are "
    "generic (`Text7`, `Date1`, `Dropdown1`, `Check Box1`) and the tooltip holds the question; short printed "
    "labels above each box; move in/out chosen by two check boxes. Carries SPD, moving home and parking permits.",
    "- `cv_correspondence`: letters (sender's address block top right, council's address on the left, date, "
    "'Dear Sir or Madam', a scanning stamp) and emails printed to PDF (From/Sent/To/Subject header, signature "
    "with address). `variant` in truth says which.",
    "",
    "## Counts",
    "",
    "| form type | outcome | n |",
    "| --- | --- | --- |",
]
for (ft, oc), n in sorted(cnt.items()):
    lines.append(f"| {ft} | {oc} | {n} |")
lines += ["", "Reason codes: " + ", ".join(f"{k} x{v}" for k, v in sorted(rc.items())), "",
          "Layouts x form types: " + "; ".join(f"{k}: " + ", ".join(f"{t} {n}" for t, n in sorted(v.items()))
                                              for k, v in lay_types.items()), ""]
lines += [
    "## Truth conventions",
    "",
    "- Each exception form fails exactly one check; everything else on it is consistent with the records.",
    "- Names are as written on the page. Where title, first name(s) and surname are asked separately (shaded bands, "
    "AcroForm) they are joined as `Title First Surname` with single spaces, the title omitted when its box is blank. "
    "A typed signature is not a field.",
    "- `address` / `previous_address` / `new_address` are the first line only (house number and street, or the farm "
    "name for farms, whose road is on line 2). The town is not recorded.",
    "- `other_adult_forwarding_address` is typed on one line on every layout and is recorded exactly as written "
    "(whole line, including town and postcode).",
    "- Moving in: `new_address`/`new_postcode` are the Carrow Vale property; the address they came from (when given) "
    "is `previous_address`/`previous_postcode`. Moving out: `previous_*` is the Carrow Vale property and the "
    "forwarding address (when given) is `new_*`. No account number is given on moving-in forms.",
    "- `move_type` comes from 'Moving in'/'Moving out' words or the ticked check box.",
    "- Blank optional boxes (phone, email, other adult, forwarding address, description, vehicle make) are absent "
    "from `fields`. The 'Date' of an SPD form left blank gives `MISSING_FIELD:declaration_date`; a blank move date "
    "gives `MISSING_FIELD:move_date`.",
    "- `vrm` is upper case without spaces even when invalid (`INVALID_FORMAT:vrm` form keeps the value). `zone` is the "
    "code as written. `vehicle_make` is as written (may include the model).",
    "- Extra answers that are not contract fields (tenure, landlord, colour, permits held, V5C, 'Does anyone aged 18 "
    "or over still live with you?', declaration ticks, signatures) are not recorded.",
    "- Duplicate pair: two SPD forms for the same account and facts, sent a few days apart (different declaration "
    "dates and possibly different date/reference styling); both `outcome: duplicate_pair`, `reasons: []`, "
    "`duplicate_group: dup-1`.",
    "- Correspondence: `sender_name` as written in the sender's block or email signature (title kept); "
    "`address`/`postcode` from the sender's own address (never the council's); `account_ref` any council tax "
    "reference quoted (normalised); `dates_mentioned` every date written anywhere on the page (letter date or "
    "email Sent date first, then the body) in order of first appearance, ISO; `body` the message paragraphs between "
    "the salutation and the closing (for emails, everything before the sign-off), whitespace collapsed and joined "
    "with single spaces. Approved = clear topic, a name, and an address or account that matches the records. "
    "The anonymous email has no `sender_name`; the FOI email from outside the borough has "
    "a name but an address that is not in the gazetteer (`SENDER_UNKNOWN`); a letter quoting a reference that does "
    "not exist is `ACCOUNT_NOT_FOUND`.",
    "- `split`: `learn` on the first two approved files (in file-name order) of each layout and form type, "
    "`test` on all others.",
    "",
]
with open(os.path.join(OUT, "README.md"), "w") as fh:
    fh.write("\n".join(lines))
