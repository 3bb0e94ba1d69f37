#!/usr/bin/env python
"""Blind test set 52: Cyngor Sir Glanmor / Glanmor County Council.

Run `python gen.py`; writes records.xlsx, inbox/*.pdf, truth.jsonl and
README.md next to this file.  Fully deterministic (fixed seed, reportlab
invariant mode).
"""
import json
import os
import random
import shutil
from datetime import date, timedelta

from openpyxl import Workbook
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

HERE = os.path.dirname(os.path.abspath(__file__))
AS_OF = date(2026, 12, 7)
SEED = 52052
rng = random.Random(SEED)

# --------------------------------------------------------------------------
# fonts
# --------------------------------------------------------------------------
DJ = "/usr/share/fonts/truetype/dejavu/"
for name, fn in [("DV", "DejaVuSans.ttf"), ("DV-B", "DejaVuSans-Bold.ttf"),
                 ("DV-I", "DejaVuSans-Oblique.ttf"), ("DVS", "DejaVuSerif.ttf"),
                 ("DVS-B", "DejaVuSerif-Bold.ttf"), ("DVS-I", "DejaVuSerif-Italic.ttf"),
                 ("DVC", "DejaVuSansCondensed.ttf"), ("DVC-B", "DejaVuSansCondensed-Bold.ttf"),
                 ("DVM", "DejaVuSansMono.ttf")]:
    pdfmetrics.registerFont(TTFont(name, DJ + fn))

W, H = A4

# --------------------------------------------------------------------------
# places
# --------------------------------------------------------------------------
ZONES = {
    "1": ("Canol y Dref", "Town Centre"),
    "2": ("Glan yr Afon", "Riverside"),
    "3": ("Yr Harbwr", "Harbour"),
    "4": ("Yr Orsaf", "Station"),
}
# street, town, ward, postcode, zone, kind, count
STREETS = [
    ("Stryd Fawr", "Aberglan", "Canol Aberglan", "GM1 1AB", "1", "num", 22),
    ("Heol y Bont", "Aberglan", "Canol Aberglan", "GM1 1DN", "1", "num", 14),
    ("Sgwâr y Farchnad", "Aberglan", "Canol Aberglan", "GM1 1EF", "1", "num", 8),
    ("Lôn yr Afon", "Aberglan", "Glan yr Afon", "GM1 2HR", "2", "num", 18),
    ("Rhodfa'r Afon", "Aberglan", "Glan yr Afon", "GM1 2JS", "2", "num", 12),
    ("Heol y Capel", "Aberglan", "Aberglan Uchaf", "GM2 3LP", "", "name", 10),
    ("Maes y Ddôl", "Aberglan", "Aberglan Uchaf", "GM2 4NW", "", "num", 16),
    ("Ffordd yr Orsaf", "Aberglan", "Aberglan Uchaf", "GM2 5PY", "", "num", 10),
    ("Stryd yr Harbwr", "Porth Glanmor", "Porth", "GM4 1QR", "3", "num", 14),
    ("Teras y Cei", "Porth Glanmor", "Porth", "GM4 1RS", "3", "num", 10),
    ("Heol y Môr", "Porth Glanmor", "Porth", "GM4 2TU", "", "num", 10),
    ("Stryd y Stesion", "Llanfair Glanmor", "Llanfair", "GM3 1WX", "4", "num", 12),
    ("Ffordd Glan", "Llanfair Glanmor", "Llanfair", "GM3 2XA", "", "name", 8),
    ("Bryn Teg", "Llanfair Glanmor", "Llanfair", "GM3 3YB", "", "num", 10),
    ("Heol yr Eglwys", "Cwm Glanmor", "Cwm", "GM6 2BD", "", "name", 8),
    ("Pen y Pentre", "Rhydyfelin Uchaf", "Rhydyfelin", "GM7 1EH", "", "num", 8),
    ("Heol Newydd", "Pont-y-Glyn", "Pont-y-Glyn", "GM5 3FJ", "", "num", 8),
]
HOUSE_NAMES = ["Bryn Awel", "Tŷ'r Ysgol", "Hafod", "Gwêl y Môr", "Maesteg", "Rhosyn Gwyn",
               "Awelfryn", "Tŷ Coch", "Glasfryn", "Penlan", "Cartref", "Bodlondeb",
               "Llys Meddyg", "Y Bwthyn", "Ael y Bryn", "Noddfa", "Delfryn", "Min yr Afon",
               "Tegfan", "Brynhyfryd", "Craig Wen", "Hen Felin", "Bron Haul", "Erw Fach",
               "Llwyn Onn", "Pen Rhos"]
FARMS = [("Fferm Tŷ Gwyn", "Mynydd Glanmor", "Llanfair Glanmor", "GM8 1AD"),
         ("Fferm Penrhiw", "Mynydd Glanmor", "Llanfair Glanmor", "GM8 1BG"),
         ("Llwyn Celyn Farm", "Cwm Glanmor", "Aberglan", "GM8 2DH"),
         ("Fferm Blaen-cwm", "Cwm Glanmor", "Aberglan", "GM8 2EJ"),
         ("Fferm Glan-llyn", "Rhydyfelin", "Aberglan", "GM8 3FL"),
         ("Ffynnon Wen", "Rhydyfelin", "Aberglan", "GM8 3GN"),
         ("Fferm Cae Mawr", "Pont-y-Glyn", "Llanfair Glanmor", "GM8 4HP"),
         ("Pant-y-Ffynnon", "Pont-y-Glyn", "Llanfair Glanmor", "GM8 4JR"),
         ("Fferm Maes-yr-Haf", "Mynydd Glanmor", "Porth Glanmor", "GM8 5LS"),
         ("Hendre Fawr", "Mynydd Glanmor", "Porth Glanmor", "GM8 5NT")]
WARD_CODE = {"Canol Aberglan": "CA", "Glan yr Afon": "GA", "Aberglan Uchaf": "AU", "Porth": "PO",
             "Llanfair": "LL", "Cwm": "CW", "Rhydyfelin": "RH", "Pont-y-Glyn": "PG",
             "Mynydd Glanmor": "MG"}

FIRST_F = ["Siân", "Ffion", "Rhiannon", "Sioned", "Elen", "Ceri", "Meinir", "Mair", "Heulwen",
           "Cadi", "Lowri", "Mali", "Non", "Eleri", "Catrin", "Bethan", "Nia", "Llinos",
           "Gwenllian", "Carys", "Sarah", "Claire", "Helen", "Rachel", "Emma", "Karen", "Angharad"]
FIRST_M = ["Dafydd", "Rhys", "Tudur", "Dyfrig", "Gethin", "Osian", "Gwion", "Hedd", "Iwan",
           "Owain", "Gareth", "Huw", "Aled", "Geraint", "Tomos", "Emyr", "Llŷr", "Carwyn",
           "James", "Paul", "Mark", "David", "Peter", "Steven", "Alun", "Meirion"]
SURN = ["Jones", "Williams", "Davies", "Evans", "Thomas", "Roberts", "Hughes", "Lewis", "Morgan",
        "Griffiths", "Pritchard", "Owen", "Price", "Rees", "Jenkins", "Parry", "Lloyd", "Powell",
        "ap Gwilym", "Prosser", "Bowen", "Vaughan", "Puw", "Llywelyn", "Whitfield", "Tennant",
        "Bennett", "Harries", "Gruffydd", "Ellis", "Meredith", "Jarvis"]


def person(gender=None, surname=None):
    g = gender or rng.choice("FM")
    f = rng.choice(FIRST_F if g == "F" else FIRST_M)
    return f + " " + (surname or rng.choice(SURN)), g


def rdate(a, b):
    return a + timedelta(days=rng.randint(0, (b - a).days))


LET_VRM = "ABCDEFGHJKLMNOPRSTUVWXY"
AGE_IDS = ["09", "59", "11", "61", "14", "64", "15", "65", "16", "66", "17", "67", "18", "68",
           "19", "69", "20", "70", "21", "71", "22", "72", "23", "73", "24", "74", "25"]
USED_VRM = set()


def new_vrm():
    while True:
        v = "C" + rng.choice("ABCDEFGHJKLMNPRSTUVWXY") + rng.choice(AGE_IDS) + \
            "".join(rng.choice(LET_VRM) for _ in range(3))
        if v not in USED_VRM:
            USED_VRM.add(v)
            return v


def vrm_spaced(v):
    if len(v) == 7 and v[:2].isalpha() and v[2:4].isdigit():
        return v[:4] + " " + v[4:]
    if v[0].isalpha() and v[1].isdigit():  # prefix style L683FJX
        i = 1
        while v[i].isdigit():
            i += 1
        return v[:i] + " " + v[i:]
    return v[:3] + " " + v[3:]


# --------------------------------------------------------------------------
# records
# --------------------------------------------------------------------------
props = []          # dicts: uprn, line1, line2, town, postcode, band, ward, zone, street, num
accounts = {}       # ref -> dict
electors = []       # dicts: num, name, uprn
permits = []        # dicts: ref, uprn, vrm, zone, from, to
used_refs = set()


def new_ref():
    while True:
        r = str(rng.randint(71000000, 73999999))
        if r not in used_refs:
            used_refs.add(r)
            return r


uprn = 10070012000
for st, town, ward, pc, zone, kind, count in STREETS:
    names = rng.sample(HOUSE_NAMES, count) if kind == "name" else None
    for i in range(count):
        uprn += rng.randint(3, 40)
        if kind == "num":
            num = i + 1
            line1 = f"{num} {st}"
        else:
            num = None
            line1 = f"{names[i]}, {st}"
        band = rng.choice("AABBBCCCDDDEEF" if zone else "BCCDDDEEEFFG")
        props.append(dict(uprn=uprn, line1=line1, line2="", town=town, postcode=pc, band=band,
                          ward=ward, zone=zone, street=st, num=num))
for line1, loc, town, pc in FARMS:
    uprn += rng.randint(3, 40)
    props.append(dict(uprn=uprn, line1=line1, line2=loc, town=town, postcode=pc,
                      band=rng.choice("EFFG"), ward="Mynydd Glanmor", zone="", street=None, num=None))
PBY = {p["uprn"]: p for p in props}

# households
for p in props:
    # older, closed accounts
    if rng.random() < 0.35:
        s = rdate(date(2009, 1, 1), date(2018, 12, 31))
        e = rdate(s + timedelta(days=300), date(2021, 12, 31))
        nm, _ = person()
        accounts[new_ref()] = dict(uprn=p["uprn"], liable=[nm], status="closed", start=s, end=e,
                                   discounts=[])
    if rng.random() < 0.10:
        # vacant: last occupier left this year
        s = rdate(date(2019, 1, 1), date(2024, 6, 30))
        e = rdate(date(2026, 3, 1), date(2026, 11, 20))
        nm, _ = person()
        accounts[new_ref()] = dict(uprn=p["uprn"], liable=[nm], status="closed", start=s, end=e,
                                   discounts=[])
        p["vacant"] = True
        continue
    sur = rng.choice(SURN)
    n_adults = rng.choice([1, 1, 2, 2, 2, 2, 3])
    adults = []
    if n_adults >= 1:
        adults.append(person(surname=sur)[0])
    if n_adults >= 2:
        adults.append(person(surname=sur if rng.random() < 0.7 else None)[0])
    if n_adults >= 3:
        adults.append(person(surname=sur)[0])
    adults = list(dict.fromkeys(adults))
    liable = adults[:2] if len(adults) >= 2 and rng.random() < 0.7 else adults[:1]
    disc = ["SPD"] if len(adults) == 1 and rng.random() < 0.75 else []
    accounts[new_ref()] = dict(uprn=p["uprn"], liable=liable, status="active",
                               start=rdate(date(2004, 4, 1), date(2025, 10, 1)), end=None,
                               discounts=disc)
    for a in adults:
        if rng.random() < 0.92:
            electors.append(dict(name=a, uprn=p["uprn"]))

permit_seq = [100]


def add_permit(u, vrm, start):
    permit_seq[0] += rng.randint(1, 9)
    permits.append(dict(ref=f"GLP-{start.year % 100:02d}-{permit_seq[0]:05d}", uprn=u, vrm=vrm,
                        zone=PBY[u]["zone"], start=start,
                        end=date(start.year + 1, start.month, start.day) - timedelta(days=1)
                        if not (start.month == 2 and start.day == 29) else date(start.year + 1, 2, 28)))


for p in props:
    if not p["zone"] or p.get("vacant"):
        continue
    r = rng.random()
    n = 0 if r < 0.45 else (1 if r < 0.85 else 2)
    for _ in range(n):
        add_permit(p["uprn"], new_vrm(), rdate(date(2026, 1, 5), date(2026, 11, 25)))
    if rng.random() < 0.3:
        add_permit(p["uprn"], new_vrm(), rdate(date(2024, 9, 1), date(2025, 10, 30)))  # expired


def active_acct(u):
    for r, a in accounts.items():
        if a["uprn"] == u and a["status"] == "active":
            return r, a
    return None, None


def electors_at(u):
    return [e for e in electors if e["uprn"] == u]


def set_electors(u, names):
    electors[:] = [e for e in electors if e["uprn"] != u]
    for n in names:
        electors.append(dict(name=n, uprn=u))


def active_permits(u, d=AS_OF):
    return [x for x in permits if x["uprn"] == u and x["start"] <= d <= x["end"]]


USED_U = set()


def pick(cond):
    cands = [p for p in props if p["uprn"] not in USED_U and cond(p)]
    p = rng.choice(cands)
    USED_U.add(p["uprn"])
    return p


def occupied(p):
    return active_acct(p["uprn"])[0] is not None


# --------------------------------------------------------------------------
# formatting helpers (how values appear on the page)
# --------------------------------------------------------------------------
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def ordinal(n):
    return str(n) + ("th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


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


def fmt_acct(r, style):
    return {"plain": r, "ct": "CT" + r, "ct_sp": f"CT {r[:4]} {r[4:]}", "dash": f"{r[:4]}-{r[4:]}",
            "sp": f"{r[:4]} {r[4:]}"}[style]


def fmt_pc(pc, style):
    return {"norm": pc, "lower": pc.lower(), "nospace": pc.replace(" ", "")}[style]


# --------------------------------------------------------------------------
# cases
# --------------------------------------------------------------------------
PHONE_POOL = ["01970 612345", "01239 710456", "07700 900123", "07700 900871", "01545 570321",
              "07911 123456", "01267 234890", "07812 334455", "+44 7700 900562", "01974 298011",
              "07723 410982", "01558 822140", "07700 900334", "01239 615007", "07984 556102",
              "01545 561288", "07700 900919", "01970 625471", "07466 201938", "01267 238115"]
DOMAINS = ["mailbox.example", "post.example.co.uk", "glanmor-net.example", "ebost.example.cymru"]
OUT_ADDR = [("27 Heol y Frenhines", "", "Caerdydd / Cardiff", "CF10 2BH"),
            ("Flat 4, 9 Stryd y Brenin", "", "Caerfyrddin", "SA31 1BS"),
            ("18 Ffordd Penglais", "", "Aberystwyth", "SY23 3DL"),
            ("3 Victoria Terrace", "", "Shrewsbury", "SY1 2QA"),
            ("55 Ffordd Caergybi", "", "Bangor", "LL57 2EU"),
            ("12 Alexandra Road", "", "Swansea", "SA1 5DX"),
            ("Hillside Cottage, Church Lane", "Bishops Castle", "Shropshire", "SY9 5AF"),
            ("7 Maes Gwyn", "", "Llandeilo", "SA19 6AB"),
            ("41 Clos Hafod", "", "Caerffili", "CF83 1NT"),
            ("2 The Crescent", "", "Hereford", "HR1 2LQ"),
            ("9 Heol Awst", "", "Caerfyrddin", "SA31 1DT"),
            ("68 Richmond Road", "", "Cardiff", "CF24 3AT")]
rng.shuffle(OUT_ADDR)
out_i = [0]


def out_addr():
    a = OUT_ADDR[out_i[0] % len(OUT_ADDR)]
    out_i[0] += 1
    return dict(line1=a[0], line2=a[1], town=a[2], postcode=a[3])


phone_i = [0]


def phone():
    p = PHONE_POOL[phone_i[0] % len(PHONE_POOL)]
    phone_i[0] += 1
    return p


def email_for(name):
    parts = [x for x in name.lower().replace("â", "a").replace("ŷ", "y").replace("ê", "e").split()
             if x not in ("mr", "mrs", "ms", "miss", "dr", "mx")]
    sep = rng.choice([".", "_", ""])
    return sep.join(parts).replace(" ", "") + str(rng.choice(["", "", "7", "64", "22"])) + "@" + rng.choice(DOMAINS)


def with_title(name, gender):
    r = rng.random()
    if r < 0.35:
        return rng.choice(["Mrs", "Ms", "Miss"] if gender == "F" else ["Mr"]) + " " + name
    if r < 0.42:
        return "Dr " + name
    return name


def addr_of(p):
    return dict(line1=p["line1"], line2=p["line2"], town=p["town"], postcode=p["postcode"])


def decl_date():
    return rdate(AS_OF - timedelta(days=24), AS_OF - timedelta(days=2))


def gender_of(name):
    return "F" if name.split()[0] in FIRST_F else "M"


CASES = []


def mk(ftype, layout, kind, **kw):
    c = dict(type=ftype, layout=layout, kind=kind, reasons=[], **kw)
    CASES.append(c)
    return c


def finish_common(c):
    c.setdefault("date_style", rng.choice(["slash", "slash_short", "dash", "dot", "long", "ordinal",
                                           "us", "iso"]))
    c.setdefault("acct_style", rng.choice(["plain", "ct", "ct_sp", "dash", "sp"]))
    c.setdefault("pc_style", rng.choice(["norm", "norm", "norm", "lower", "nospace"]))
    c.setdefault("mark", rng.choice(["X", "✓", "✔"]))


# ---- SPD
def spd_story(app, other, og, named_other):
    same = other.split()[-1] == app.split()[-1]
    opts = ["My husband moved into a care home permanently on {d}."]
    if named_other:
        opts = ["My partner {o} moved out on {d} and now lives at the address given above.",
                "{o} and I separated and {o_first} left the house on {d}."]
        if same:
            opts.append(("My son {o} has moved away for work. He left on {d}." if og == "M" else
                         "My daughter {o} has moved away for work. She left on {d}."))
        else:
            opts.append("Our lodger {o} moved out on {d}. I now live here on my own.")
    return rng.choice(opts)


def spd_case(layout, kind):
    p = pick(lambda p: occupied(p) and p["num"] != None if kind == "ADDRESS_MISMATCH"
             else occupied(p))
    ref, acct = active_acct(p["uprn"])
    sur = acct["liable"][0].split()[-1] if rng.random() < 0.7 else rng.choice(SURN)
    app, g = person(surname=sur)
    other, og = person(surname=sur if rng.random() < 0.6 else None)
    while other == app:
        other, og = person()
    since = rdate(AS_OF - timedelta(days=330), AS_OF - timedelta(days=10))
    c = mk("council_tax_spd", layout, kind)
    fwd = out_addr() if rng.random() < 0.5 else None
    named_other = rng.random() < 0.75 or kind == "OTHER_ADULTS_REGISTERED"
    story = rng.random() < 0.7
    acct["discounts"] = []
    acct["liable"] = [app, other] if named_other and rng.random() < 0.6 else [app]
    reg = [app] + ([other] if named_other and rng.random() < 0.5 else [])
    form_ref = ref
    f_addr = addr_of(p)
    if kind == "ACCOUNT_NOT_FOUND":
        while True:
            i = rng.randint(2, 7)
            form_ref = ref[:i] + str((int(ref[i]) + rng.randint(1, 8)) % 10) + ref[i + 1:]
            if form_ref not in accounts:
                break
        c["reasons"] = ["ACCOUNT_NOT_FOUND"]
    elif kind == "NAME_MISMATCH":
        acct["liable"] = [other]
        named_other = True
        reg = [app, other]
        c["reasons"] = ["NAME_MISMATCH"]
    elif kind == "ADDRESS_MISMATCH":
        street_nums = {q["num"] for q in props if q["street"] == p["street"]}
        n = p["num"]
        wrong = int(str(n)[::-1]) if n >= 10 and int(str(n)[::-1]) not in street_nums else n + 40
        f_addr = dict(f_addr, line1=f"{wrong} {p['street']}")
        c["reasons"] = ["ADDRESS_MISMATCH"]
    elif kind == "DISCOUNT_ALREADY_APPLIED":
        acct["discounts"] = ["SPD"]
        acct["liable"] = [app]
        c["reasons"] = ["DISCOUNT_ALREADY_APPLIED"]
    elif kind == "OTHER_ADULTS_REGISTERED":
        third, _ = person(surname=sur)
        while third in (app, other):
            third, _ = person(surname=sur)
        reg = [app, other, third]
        c["reasons"] = ["OTHER_ADULTS_REGISTERED"]
    elif kind == "DATE_TOO_OLD":
        since = rdate(AS_OF - timedelta(days=520), AS_OF - timedelta(days=390))
        story = False
        c["reasons"] = ["DATE_TOO_OLD"]
    elif kind == "INCONSISTENT_DATES":
        story = True
        c["reasons"] = ["INCONSISTENT_DATES"]
    set_electors(p["uprn"], reg)
    fields = dict(account_ref=form_ref, applicant_name=with_title(app, g), address=f_addr["line1"],
                  postcode=p["postcode"], sole_adult_since=since.isoformat())
    c["since"] = since
    if named_other:
        fields["other_adult_name"] = other
        if fwd:
            fields["other_adult_forwarding_address"] = ", ".join(
                x for x in [fwd["line1"], fwd["line2"], fwd["town"], fwd["postcode"]] if x)
    if story:
        tmpl = spd_story(app, other, og, named_other)
        story_date = since
        if kind == "INCONSISTENT_DATES":
            story_date = since - timedelta(days=rng.randint(12, 40))
        sd_style = rng.choice(["long", "ordinal", "slash"])
        fields["change_description"] = tmpl.format(o=other, o_first=other.split()[0],
                                                   d=fmt_date(story_date, sd_style))
    if rng.random() < 0.7:
        fields["phone"] = phone()
    if rng.random() < 0.5:
        fields["email"] = email_for(app)
    dd = decl_date()
    fields["declaration_date"] = dd.isoformat()
    c.update(fields=fields, addr=f_addr, app_plain=app)
    finish_common(c)
    return c


# ---- moves
def move_case(layout, mtype, kind, dup_of=None):
    c = mk("council_tax_move", layout, kind)
    fields = dict(move_type=mtype)
    md = rdate(AS_OF - timedelta(days=150), AS_OF + timedelta(days=24))
    if mtype == "out":
        p = pick(lambda p: occupied(p))
        ref, acct = active_acct(p["uprn"])
        app, g = person(surname=acct["liable"][0].split()[-1])
        acct["liable"] = [app]
        acct["discounts"] = rng.choice([[], ["SPD"]])
        if acct["discounts"]:
            set_electors(p["uprn"], [app])
        form_ref = ref
        prev = addr_of(p)
        if kind == "ACCOUNT_NOT_FOUND":
            while True:
                form_ref = ref[:4] + ref[5] + ref[4] + ref[6:]
                if form_ref not in accounts and form_ref != ref:
                    break
                ref2 = new_ref()
                accounts[ref2] = acct
                del accounts[ref]
                ref = ref2
            c["reasons"] = ["ACCOUNT_NOT_FOUND"]
        elif kind == "NAME_MISMATCH":
            other, _ = person()
            acct["liable"] = [other]
            c["reasons"] = ["NAME_MISMATCH"]
        elif kind == "ADDRESS_MISMATCH":
            # wrote the address of the house they moved from last time, in the same town
            q = pick(lambda q: q["town"] == p["town"] and q["postcode"] != p["postcode"])
            prev = addr_of(q)
            c["reasons"] = ["ADDRESS_MISMATCH"]
        elif kind == "DATE_IN_FUTURE":
            md = rdate(AS_OF + timedelta(days=45), AS_OF + timedelta(days=90))
            c["reasons"] = ["DATE_IN_FUTURE"]
        elif kind == "MISSING_FIELD:move_date":
            md = None
            c["reasons"] = ["MISSING_FIELD:move_date"]
        fields.update(account_ref=form_ref, applicant_name=with_title(app, g),
                      previous_address=prev["line1"], previous_postcode=prev["postcode"])
        new = out_addr() if rng.random() < 0.8 else None
        if new is None:
            q = pick(lambda q: q.get("vacant"))
            new = addr_of(q)
        fields.update(new_address=new["line1"], new_postcode=new["postcode"])
        c.update(prev=prev, new=new)
    else:
        if dup_of is not None:
            c.update({k: dup_of[k] for k in ("fields", "prev", "new", "app_plain", "md")})
            c["fields"] = dict(dup_of["fields"])
            c["acct_style"] = dup_of.get("acct_style")
            c["pc_style"] = dup_of["pc_style"]
            c["date_style"] = "long" if dup_of["date_style"] != "long" else "slash"
            c["mark"] = "✓" if dup_of["mark"] == "X" else "X"
            return c
        app, g = person()
        if kind == "PROPERTY_NOT_FOUND":
            new = dict(line1=f"{rng.choice([3, 5, 8, 11])} Clos y Felin", line2="", town="Aberglan",
                       postcode="GM2 6QD")
            c["reasons"] = ["PROPERTY_NOT_FOUND"]
        else:
            q = pick(lambda q: q.get("vacant"))
            new = addr_of(q)
            if kind == "DATE_TOO_OLD":
                md = rdate(AS_OF - timedelta(days=480), AS_OF - timedelta(days=380))
                c["reasons"] = ["DATE_TOO_OLD"]
            # previous occupier's account ended just before the move
            for r, a in accounts.items():
                if a["uprn"] == q["uprn"] and a["status"] == "closed" and a["end"] >= date(2026, 3, 1):
                    a["end"] = md - timedelta(days=rng.randint(1, 20))
                    if a["end"] <= a["start"]:
                        a["start"] = a["end"] - timedelta(days=900)
        fields.update(applicant_name=with_title(app, g), new_address=new["line1"],
                      new_postcode=new["postcode"])
        prev = None
        if rng.random() < 0.6:
            prev = out_addr()
            fields.update(previous_address=prev["line1"], previous_postcode=prev["postcode"])
        c.update(prev=prev, new=new)
    if md:
        fields["move_date"] = md.isoformat()
    c["md"] = md
    if rng.random() < 0.7:
        fields["phone"] = phone()
    if rng.random() < 0.5:
        fields["email"] = email_for(fields["applicant_name"])
    fields["declaration_date"] = (md and md < AS_OF and max(md, decl_date()) or decl_date()).isoformat()
    c.update(fields=fields, app_plain=fields["applicant_name"])
    finish_common(c)
    return c


# ---- parking
def permit_case(layout, kind):
    c = mk("parking_permit", layout, kind)
    zone_ok = lambda p: p["zone"] and occupied(p) and len(active_permits(p["uprn"])) < 2
    if kind == "NOT_IN_PERMIT_ZONE":
        p = pick(lambda p: not p["zone"] and occupied(p) and p["town"] == "Aberglan")
        zone = "1"
    elif kind == "PROPERTY_NOT_FOUND":
        p = dict(uprn=None, line1="Flat 3, Hen Swyddfa'r Post, Stryd Fawr", line2="", town="Aberglan",
                 postcode="GM1 1AB", zone="1")
        zone = "1"
    elif kind == "PERMIT_CAP_REACHED":
        p = pick(lambda p: p["zone"] and occupied(p) and len(active_permits(p["uprn"])) == 2)
        zone = p["zone"]
    else:
        p = pick(zone_ok)
        zone = p["zone"]
    u = p["uprn"]
    if u:
        ref, acct = active_acct(u)
        regs = [e["name"] for e in electors_at(u)]
        # who applies: a liable party, or (sometimes) an adult only on the register
        non_liable_regs = [n for n in regs if n not in acct["liable"]]
        if kind not in ("NOT_RESIDENT",) and non_liable_regs and rng.random() < 0.5:
            app = non_liable_regs[0]
        else:
            app = acct["liable"][0]
            if app not in regs and rng.random() < 0.5:
                set_electors(u, regs + [app])
        if kind == "NOT_RESIDENT":
            app, _ = person()
            while app in acct["liable"] or app in regs:
                app, _ = person()
            c["reasons"] = ["NOT_RESIDENT"]
    else:
        app, _ = person()
        c["reasons"] = ["PROPERTY_NOT_FOUND"]
    g = gender_of(app)
    vrm = new_vrm()
    start = rdate(AS_OF - timedelta(days=6), AS_OF + timedelta(days=24))
    if kind == "clean" and u and rng.random() < 0.3:
        # renewal: the same car's previous permit has expired
        add_permit(u, vrm, date(start.year - 1, 11, rng.randint(1, 28)) - timedelta(days=0))
        permits[-1]["end"] = AS_OF - timedelta(days=rng.randint(3, 20))
    if kind == "clean" and u and rng.random() < 0.25 and rng.random() < 0.8:
        vrm = rng.choice(["L683FJX", "P472HWT", "M91ENR"])  # older prefix-style car
        if vrm in USED_VRM:
            vrm = new_vrm()
        USED_VRM.add(vrm)
    if kind == "NOT_IN_PERMIT_ZONE":
        c["reasons"] = ["NOT_IN_PERMIT_ZONE"]
    elif kind == "INVALID_FORMAT:vrm":
        vrm = "CY23" + str(rng.randint(1, 9)) + "XZ"
        c["reasons"] = ["INVALID_FORMAT:vrm"]
    elif kind == "VRM_HAS_PERMIT":
        other = pick(lambda q: q["zone"] == zone and occupied(q) and len(active_permits(q["uprn"])) < 2)
        add_permit(other["uprn"], vrm, rdate(date(2026, 2, 1), date(2026, 10, 1)))
        c["reasons"] = ["VRM_HAS_PERMIT"]
    elif kind == "PERMIT_CAP_REACHED":
        c["reasons"] = ["PERMIT_CAP_REACHED"]
    elif kind == "DATE_IN_FUTURE":
        start = rdate(AS_OF + timedelta(days=40), AS_OF + timedelta(days=75))
        c["reasons"] = ["DATE_IN_FUTURE"]
    elif kind == "MISSING_FIELD:vrm":
        c["reasons"] = ["MISSING_FIELD:vrm"]
    make = rng.choice(["Ford", "Vauxhall", "Toyota", "Volkswagen", "Nissan", "Kia", "Peugeot",
                       "Skoda", "Hyundai", "Honda", "Renault", "Dacia"])
    model = {"Ford": "Fiesta", "Vauxhall": "Corsa", "Toyota": "Yaris", "Volkswagen": "Golf",
             "Nissan": "Qashqai", "Kia": "Picanto", "Peugeot": "208", "Skoda": "Fabia",
             "Hyundai": "i10", "Honda": "Jazz", "Renault": "Clio", "Dacia": "Sandero"}[make]
    fields = dict(applicant_name=with_title(app, g), address=p["line1"], postcode=p["postcode"])
    if kind != "MISSING_FIELD:vrm":
        fields["vrm"] = vrm
    if rng.random() < 0.8:
        fields["vehicle_make"] = make
    fields["zone"] = zone
    fields["start_date"] = start.isoformat()
    if rng.random() < 0.7:
        fields["phone"] = phone()
    if rng.random() < 0.6:
        fields["email"] = email_for(app)
    fields["declaration_date"] = decl_date().isoformat()
    c.update(fields=fields, addr=dict(line1=p["line1"], line2=p["line2"], town=p["town"],
                                      postcode=p["postcode"]), model=model, app_plain=app)
    finish_common(c)
    c["vrm_style"] = rng.choice(["space", "space", "space", "nospace"])
    return c


# ---- correspondence (letters and emails in prose)
def resident_of(p):
    ref, acct = active_acct(p["uprn"])
    return acct["liable"][0], ref


def corr_case(topic, kind, medium):
    c = mk("correspondence", "letter", kind, medium=medium, topic=topic)
    f = dict(topic=topic)
    p = None
    if kind in ("clean", "ACCOUNT_NOT_FOUND"):
        if topic == "missed_bin":
            p = pick(lambda p: occupied(p) and p["zone"] == "" and p["town"] != "Aberglan")
        else:
            p = pick(lambda p: occupied(p))
        name, ref = resident_of(p)
        c.update(addr=addr_of(p))
    else:
        name, ref = (person()[0], None)
    c["sender_plain"] = name
    c["ref"] = ref
    finish_common(c)
    return c, f, p, name, ref


def add_dates(c, *ds):
    c["dates"] = [d for d in ds]


def corr_cases():
    # 1 missed bin, letter, clean
    c, f, p, name, ref = corr_case("missed_bin", "clean", "letter")
    d0 = AS_OF - timedelta(days=13)  # a Tuesday? whatever the day, we print the date only
    d1 = d0 + timedelta(days=7)
    sent = d1 + timedelta(days=1)
    c["letter_date"] = sent
    c["paras"] = [
        f"I am writing to let you know that the recycling from our house was not collected on "
        f"{fmt_date(d0, 'long')}. The blue bags and the food caddy were out at the kerb by 7am as usual, "
        f"but the lorry went past without stopping.",
        f"I reported this on the phone and was told it would be picked up within two days, but it was "
        f"missed again on {fmt_date(d1, 'long')}. The bags are now starting to attract gulls and "
        f"the food waste caddy is full.",
        "Please could somebody arrange a collection as soon as possible.",
    ]
    c["salutation"], c["closing"] = "Dear Sir or Madam,", "Yours faithfully,"
    add_dates(c, sent, d0, d1)

    # 2 council tax query, letter with account ref, clean
    c, f, p, name, ref = corr_case("council_tax_query", "clean", "letter")
    bill = date(2026, 3, rng.randint(9, 20))
    sent = AS_OF - timedelta(days=rng.randint(4, 9))
    c["letter_date"] = sent
    c["quote_ref"] = ref
    c["subject"] = f"Council Tax account {fmt_acct(ref, 'sp')}"
    c["paras"] = [
        f"I have a question about my council tax bill dated {fmt_date(bill, 'ordinal')}. The bill "
        f"shows the property in band {chr(ord(PBY[p['uprn']]['band']) + 1) if PBY[p['uprn']]['band'] < 'H' else 'H'}, "
        f"but I understood from the Valuation Office website that it is in band {PBY[p['uprn']]['band']}.",
        "Could you please check which band you are charging me for, and if there has been a mistake, "
        "send me a corrected bill showing the monthly instalments? I pay by direct debit.",
    ]
    c["salutation"], c["closing"] = "Dear Council Tax team,", "Yours sincerely,"
    add_dates(c, sent, bill)

    # 3 complaint, email, clean
    c, f, p, name, ref = corr_case("complaint", "clean", "email")
    ev = AS_OF - timedelta(days=rng.randint(8, 12))
    sent = ev + timedelta(days=2)
    c["letter_date"] = sent
    c["subject"] = "Formal complaint - Canolfan Ailgylchu Aberglan"
    c["paras"] = [
        f"I wish to make a formal complaint about the way I was treated at the household recycling "
        f"centre on {fmt_date(ev, 'long')}.",
        "I had booked a slot online and arrived on time with garden waste and an old fridge. The member of "
        "staff on the gate refused to let me in, said my booking did not exist, and was rude to me in front "
        "of other customers. I showed him the confirmation email on my phone but he would not look at it.",
        "I would like an apology and an explanation of why my booking was not on your system. I am very "
        "unhappy with the service I received.",
    ]
    c["salutation"], c["closing"] = "Dear Sir/Madam,", "Regards,"
    add_dates(c, sent, ev)

    # 4 FOI request, email, clean
    c, f, p, name, ref = corr_case("foi_request", "clean", "email")
    sent = AS_OF - timedelta(days=rng.randint(3, 6))
    c["letter_date"] = sent
    c["subject"] = "Freedom of Information request - road repairs"
    c["paras"] = [
        "I would like to make a request under the Freedom of Information Act 2000.",
        "Please provide: (a) the number of potholes reported to the council on the B4350 and the "
        "roads in the Aberglan Uchaf ward between 1 April 2025 and 31 March 2026; (b) how many of "
        "these were repaired within 28 days; and (c) the total amount spent on pothole repairs in "
        "the county over the same period.",
        "I would prefer to receive the information electronically, in a spreadsheet if possible.",
    ]
    c["salutation"], c["closing"] = "Dear Information Governance Officer,", "Many thanks,"
    add_dates(c, sent, date(2025, 4, 1), date(2026, 3, 31))

    # 5 other, letter on a bilingual community-council letterhead, clean
    c, f, p, name, ref = corr_case("other", "clean", "letterhead")
    sent = AS_OF - timedelta(days=rng.randint(5, 10))
    ev = date(2027, 3, 1)
    c["letter_date"] = sent
    c["paras"] = [
        "At its meeting last month the Community Council agreed to buy a second public access "
        "defibrillator for the village, to be fitted in a heated cabinet.",
        "We would like to place the cabinet on the outside wall of the council-owned public library "
        f"building, and hope to have it in place by St David's Day, {fmt_date(ev, 'long')}. "
        "Could you tell us who we should ask for permission, and whether the council would "
        "allow us to connect the cabinet to the building's electricity supply?",
        "The Community Council would meet the cost of the cabinet, the fitting and the electricity used.",
    ]
    c["salutation"], c["closing"] = "Annwyl Syr / Fadam,", "Yn gywir / Yours faithfully,"
    c["sign_role"] = "Clerc / Clerk"
    add_dates(c, sent, ev)

    # 6 missed bin, email, clean
    c, f, p, name, ref = corr_case("missed_bin", "clean", "email")
    d0 = AS_OF - timedelta(days=rng.randint(3, 6))
    sent = d0 + timedelta(days=1)
    c["letter_date"] = sent
    c["subject"] = "Black bin not emptied"
    c["paras"] = [
        f"Our black wheelie bin was not emptied on {fmt_date(d0, 'slash')}. Everyone else in the road had "
        "theirs done. It was out on the pavement from the night before with the handle facing the road.",
        "Please can you send the crew back to empty it?",
    ]
    c["salutation"], c["closing"] = "Hello,", "Thanks,"
    add_dates(c, sent, d0)

    # 7 complaint, anonymous email -> SENDER_UNKNOWN
    c, f, p, name, ref = corr_case("complaint", "SENDER_UNKNOWN", "email")
    c["sender_plain"] = None
    c["from_addr"] = "concerned.porth@mailbox.example"
    sent = AS_OF - timedelta(days=3)
    c["letter_date"] = sent
    c["subject"] = "Dog mess on the promenade"
    c["paras"] = [
        "I want to complain about the state of the promenade at Porth Glanmor. There is dog mess "
        "all along the path by the harbour wall and the bins for it have not been emptied for weeks.",
        "Children walk along here to school. Nobody from the council ever seems to check it and "
        "I have yet to see a warden. It is disgusting and something needs to be done.",
    ]
    c["salutation"], c["closing"] = None, "A fed up resident"
    c["reasons"] = ["SENDER_UNKNOWN"]
    add_dates(c, sent)

    # 8 other, email with a name only -> SENDER_UNKNOWN
    c, f, p, name, ref = corr_case("other", "SENDER_UNKNOWN", "email")
    sent = AS_OF - timedelta(days=2)
    c["letter_date"] = sent
    c["subject"] = "Compost bins"
    c["paras"] = [
        "Does the council still sell compost bins at a reduced price? A friend told me you used to "
        "do an offer every spring. If so, how do I order one and can it be delivered?",
    ]
    c["salutation"], c["closing"] = "Hi,", "Thanks,"
    c["reasons"] = ["SENDER_UNKNOWN"]
    add_dates(c, sent)

    # 9 council tax query, letter quoting a reference that does not exist -> ACCOUNT_NOT_FOUND
    c, f, p, name, ref = corr_case("council_tax_query", "ACCOUNT_NOT_FOUND", "letter")
    bad = ref
    while bad in accounts or bad == ref:
        bad = ref[:6] + f"{rng.randint(0, 99):02d}"
    c["quote_ref"] = bad
    sent = AS_OF - timedelta(days=rng.randint(4, 9))
    paid = AS_OF - timedelta(days=rng.randint(20, 30))
    c["letter_date"] = sent
    c["subject"] = f"Account number {fmt_acct(bad, 'ct')}"
    c["paras"] = [
        f"I received a reminder notice saying that my council tax instalment was not paid. I paid it "
        f"by bank transfer on {fmt_date(paid, 'long')} and I have the bank statement to prove it.",
        "Please can you check my account, confirm that the payment has been received, and cancel the "
        "reminder? I do not want this to affect my credit record.",
    ]
    c["salutation"], c["closing"] = "Dear Sir or Madam,", "Yours faithfully,"
    c["reasons"] = ["ACCOUNT_NOT_FOUND"]
    add_dates(c, sent, paid)


def email_permit_cases():
    out = []
    for kind in ["clean", "clean", "PERMIT_CAP_REACHED", "clean"]:
        c = permit_case("letter", kind)
        c["medium"] = "email"
        out.append(c)
    return out


# --------------------------------------------------------------------------
# the plan
# --------------------------------------------------------------------------
PLAN = []
for lay, kinds in [("bilingual", ["clean", "NAME_MISMATCH", "clean", "clean"]),
                   ("comb", ["clean", "ACCOUNT_NOT_FOUND", "DISCOUNT_ALREADY_APPLIED", "clean"]),
                   ("dotted", ["clean", "DATE_TOO_OLD", "clean", "INCONSISTENT_DATES"]),
                   ("twopage", ["clean", "OTHER_ADULTS_REGISTERED", "ADDRESS_MISMATCH", "clean"])]:
    for k in kinds:
        spd_case(lay, k)
for lay, items in [("bilingual", [("out", "ACCOUNT_NOT_FOUND"), ("in", "clean"), ("out", "clean"), ("in", "clean")]),
                   ("comb", [("out", "DATE_IN_FUTURE"), ("out", "NAME_MISMATCH"), ("in", "clean"), ("out", "clean")]),
                   ("dotted", [("in", "PROPERTY_NOT_FOUND"), ("out", "clean"), ("in", "clean")]),
                   ("twopage", [("out", "ADDRESS_MISMATCH"), ("out", "MISSING_FIELD:move_date"), ("in", "clean"), ("out", "clean")]),
                   ("tickbox", [("in", "DATE_TOO_OLD"), ("out", "clean"), ("in", "clean")])]:
    for mt, k in items:
        move_case(lay, mt, k)
_dup = move_case("tickbox", "in", "duplicate")
_dup2 = move_case("tickbox", "in", "duplicate", dup_of=_dup)
_dup["dup_group"] = _dup2["dup_group"] = "dup-01"
for lay, kinds in [("bilingual", ["clean", "NOT_IN_PERMIT_ZONE", "clean", "NOT_RESIDENT"]),
                   ("comb", ["clean", "INVALID_FORMAT:vrm", "clean", "clean"]),
                   ("dotted", ["clean", "VRM_HAS_PERMIT", "PROPERTY_NOT_FOUND", "clean"]),
                   ("tickbox", ["clean", "DATE_IN_FUTURE", "clean", "MISSING_FIELD:vrm"])]:
    for k in kinds:
        permit_case(lay, k)
email_permit_cases()
corr_cases()

# block capitals on the comb form
for c in CASES:
    if c["layout"] == "comb":
        f = c["fields"]
        for k in ("applicant_name", "address", "previous_address", "new_address", "other_adult_name",
                  "other_adult_forwarding_address", "change_description"):
            if k in f:
                f[k] = f[k].upper()
        for a in ("addr", "prev", "new"):
            if c.get(a):
                c[a] = {k: v.upper() for k, v in c[a].items()}


# --------------------------------------------------------------------------
# labels: (Welsh, English) per layout
# --------------------------------------------------------------------------
LAB = {
    "bilingual": {
        "acct": ("Rhif cyfrif Treth y Cyngor", "Council Tax account number"),
        "name": ("Enw llawn", "Full name"),
        "addr": ("Cyfeiriad yr eiddo", "Address of the property"),
        "pc": ("Cod post", "Postcode"),
        "phone": ("Rhif ffôn yn ystod y dydd", "Daytime telephone number"),
        "email": ("Cyfeiriad e-bost", "Email address"),
        "since": ("Dyddiad y daethoch yn unig oedolyn yn yr eiddo", "Date you became the only adult living there"),
        "other": ("Enw'r oedolyn a symudodd allan", "Name of the adult who moved out"),
        "fwd": ("Cyfeiriad newydd yr oedolyn hwnnw", "Their new address"),
        "change": ("Dywedwch wrthym beth sydd wedi newid", "Tell us what has changed"),
        "prev_out": ("Cyfeiriad rydych yn ei adael", "Address you are leaving"),
        "fwd_out": ("Cyfeiriad anfon ymlaen", "Forwarding address"),
        "md_out": ("Dyddiad symud allan", "Date you moved out (or will move out)"),
        "new_in": ("Eich cyfeiriad newydd yn Sir Glanmor", "Your new address in Glanmor"),
        "prev_in": ("Cyfeiriad blaenorol", "Previous address"),
        "md_in": ("Dyddiad symud i mewn", "Date you moved in"),
        "vrm": ("Rhif cofrestru'r cerbyd", "Vehicle registration number"),
        "make": ("Gwneuthuriad y cerbyd", "Make of vehicle"),
        "zone": ("Parth parcio", "Parking zone"),
        "start": ("Dyddiad dechrau'r drwydded", "Date you want the permit to start"),
        "sig": ("Llofnod", "Signature"), "date": ("Dyddiad", "Date"),
    },
    "comb": {
        "acct": "Council Tax reference number", "name": "Your name in full",
        "addr": "Address of the property", "pc": "Postcode", "phone": "Contact telephone number",
        "email": "Email", "since": "Date from which you have been the only adult resident",
        "other": "Name of the person who has left", "fwd": "Where have they moved to?",
        "change": "Details of the change", "prev_out": "Address of the property you are moving out of",
        "fwd_out": "Your new (forwarding) address", "md_out": "Date of move",
        "new_in": "Address of the property you are moving into", "prev_in": "Your last address",
        "md_in": "Date of move", "vrm": "Vehicle registration mark", "make": "Make", "model": "Model",
        "zone": "Permit zone applied for", "start": "Start date required", "sig": "Signed",
        "date": "Date", "acct_in": "Council Tax reference (if known)",
    },
    "dotted": {
        "acct": "(council tax account reference - as shown on your bill)",
        "name": "(full name of applicant)",
        "addr": "(address of the dwelling for which the discount is claimed)",
        "pc": "(postcode)", "phone": "(telephone)", "email": "(e-mail)",
        "since": "(date from which you have been the sole adult resident)",
        "other": "(name of the other adult who has left)",
        "fwd": "(his or her present address, if known)",
        "change": "(please explain the change in your household)",
        "mt": "(state whether moving IN or OUT)",
        "prev_out": "(address of the dwelling being vacated)", "fwd_out": "(forwarding address)",
        "md_out": "(date of vacating)", "new_in": "(address of the dwelling you now occupy)",
        "prev_in": "(address prior to moving)", "md_in": "(date occupation commenced)",
        "vrm": "(registration mark of vehicle)", "make": "(make of vehicle)",
        "zone": "(permit zone)", "start": "(date permit required from)",
        "sig": "(signature of applicant)", "date": "(date)",
    },
    "twopage": {
        "acct": "Your Council Tax account reference", "name": "Your full name",
        "addr": "Address of the property", "pc": "Postcode", "phone": "Daytime phone",
        "email": "Email address", "since": "Since what date have you been the only adult living at the property?",
        "other": "Full name of the adult who has moved out", "fwd": "Their new address (if known)",
        "change": "Tell us briefly what has changed",
        "prev_out": "Address of the property you are leaving", "fwd_out": "Where can we write to you after you move?",
        "md_out": "The date you moved out, or will move out", "new_in": "Address of the property you have moved into",
        "prev_in": "Where did you live before?", "md_in": "The date you moved in",
        "sig": "Signature", "date": "Date",
    },
    "tickbox": {
        "acct": "Council Tax account number (if you know it)", "name": "Full name",
        "addr": "Home address", "pc": "Postcode", "phone": "Telephone", "email": "Email",
        "prev_out": "The address you are leaving", "fwd_out": "Your forwarding address",
        "md_out": "Moving date", "new_in": "The address you are moving to",
        "prev_in": "Your previous address", "md_in": "Moving date",
        "vrm": "Registration number", "make": "Vehicle make", "model": "Model",
        "zone": "Which zone do you live in?", "start": "When should the permit start?",
        "sig": "Signature", "date": "Date",
    },
}


LAB["bilingual"]["addr@parking_permit"] = ("Cyfeiriad eich cartref", "Your home address")
LAB["comb"]["addr@parking_permit"] = "Address where the vehicle is kept"
LAB["dotted"]["addr@parking_permit"] = "(address at which you reside and keep the vehicle)"
CHOICE = {
    "mt@comb": ("I am telling you that I am:", ["MOVING IN to a property in Glanmor", "MOVING OUT of a property in Glanmor"]),
    "mt@tickbox": ("Are you moving in or moving out?", ["Moving in", "Moving out"]),
    "zone@tickbox": ("Which permit zone do you live in?", [f"Zone {z} {cy} / {en}" for z, (cy, en) in ZONES.items()]),
}


def L(c, key):
    lab = LAB[c["layout"]].get(key + "@" + c["type"]) or LAB[c["layout"]].get(key)
    return lab if lab is not None else key


def addr_lines(a):
    if not a:
        return []
    return [x for x in [a["line1"], a["line2"], a["town"]] if x]


def sig_of(name):
    parts = [p for p in name.split() if p.lower().strip(".") not in ("mr", "mrs", "ms", "miss", "dr", "mx")]
    return parts[0][0] + ". " + " ".join(parts[1:])


def dval(c, key):
    """display value of a date field"""
    v = c["fields"].get(key)
    if not v:
        return None, None
    d = date.fromisoformat(v)
    return fmt_date(d, c["date_style"]), d


def fv(c, key):
    return c["fields"].get(key)


def items_spd(c):
    f = c["fields"]
    it = [("sec", "Adran 1: Amdanoch chi", "Section 1: About you"),
          ("fld", "acct", fmt_acct(f["account_ref"], c["acct_style"]), "acct", f["account_ref"]),
          ("fld", "name", f["applicant_name"], "text", None),
          ("addr", "addr", addr_lines(c["addr"])),
          ("fld", "pc", fmt_pc(f["postcode"], c["pc_style"]), "pc", f["postcode"]),
          ("fld", "phone", fv(c, "phone"), "text", None),
          ("fld", "email", fv(c, "email"), "text", None),
          ("sec", "Adran 2: Y newid yn eich cartref", "Section 2: The change in your household")]
    dv, d = dval(c, "sole_adult_since")
    it += [("fld", "since", dv, "date", d),
           ("fld", "other", fv(c, "other_adult_name"), "text", None),
           ("fld", "fwd", fv(c, "other_adult_forwarding_address"), "text", None),
           ("long", "change", fv(c, "change_description"))]
    return it


def items_move(c):
    f = c["fields"]
    out = f["move_type"] == "out"
    it = []
    if c["layout"] in ("comb", "tickbox"):
        it.append(("choice", "mt", 0 if not out else 1))
    if c["layout"] == "dotted":
        it.append(("fld", "mt", c.get("mt_disp", "OUT" if out else "IN"), "text", None))
    it.append(("sec", "Adran 1: Amdanoch chi", "Section 1: About you"))
    if out:
        it.append(("fld", "acct", fmt_acct(f["account_ref"], c["acct_style"]), "acct", f["account_ref"]))
    elif c["layout"] in ("comb", "tickbox"):
        it.append(("fld", "acct_in" if c["layout"] == "comb" else "acct", None, "acct", None))
    it += [("fld", "name", f["applicant_name"], "text", None),
           ("fld", "phone", fv(c, "phone"), "text", None),
           ("fld", "email", fv(c, "email"), "text", None)]
    dv, d = dval(c, "move_date")
    if out:
        it += [("sec", "Adran 2: Yr eiddo rydych yn ei adael", "Section 2: The property you are leaving"),
               ("addr", "prev_out", addr_lines(c["prev"])),
               ("fld", "pc", fmt_pc(f["previous_postcode"], c["pc_style"]), "pc", f["previous_postcode"]),
               ("fld", "md_out", dv, "date", d),
               ("sec", "Adran 3: Eich cyfeiriad newydd", "Section 3: Your new address"),
               ("addr", "fwd_out", addr_lines(c["new"])),
               ("fld", "pc", fmt_pc(f["new_postcode"], c["pc_style"]), "pc", f["new_postcode"])]
    else:
        it += [("sec", "Adran 2: Eich cartref newydd", "Section 2: Your new home"),
               ("addr", "new_in", addr_lines(c["new"])),
               ("fld", "pc", fmt_pc(f["new_postcode"], c["pc_style"]), "pc", f["new_postcode"]),
               ("fld", "md_in", dv, "date", d),
               ("sec", "Adran 3: Ble roeddech chi'n byw o'r blaen?", "Section 3: Where did you live before?"),
               ("addr", "prev_in", addr_lines(c["prev"])),
               ("fld", "pc", fmt_pc(f["previous_postcode"], c["pc_style"]) if c["prev"] else None, "pc",
                f.get("previous_postcode"))]
    return it


def zone_disp(c):
    z = c["fields"]["zone"]
    cy, en = ZONES[z]
    if c["layout"] == "bilingual":
        return f"Parth {z} {cy} / Zone {z} {en}"
    if c["layout"] == "dotted":
        return f"Zone {z} ({en})"
    return z


def vrm_disp(c):
    v = fv(c, "vrm")
    if not v:
        return None
    return vrm_spaced(v) if c.get("vrm_style") == "space" else v


def items_permit(c):
    f = c["fields"]
    it = [("sec", "Adran 1: Amdanoch chi a'ch cartref", "Section 1: About you and your home"),
          ("fld", "name", f["applicant_name"], "text", None),
          ("addr", "addr", addr_lines(c["addr"])),
          ("fld", "pc", fmt_pc(f["postcode"], c["pc_style"]), "pc", f["postcode"]),
          ("fld", "phone", fv(c, "phone"), "text", None),
          ("fld", "email", fv(c, "email"), "text", None),
          ("sec", "Adran 2: Y cerbyd a'r drwydded", "Section 2: Your vehicle and permit")]
    if c["layout"] == "tickbox":
        it.append(("yesno", "Is the vehicle registered with the DVLA at this address?", 0))
    it.append(("fld", "vrm", vrm_disp(c), "vrm", fv(c, "vrm")))
    it.append(("fld", "make", fv(c, "vehicle_make"), "text", None))
    if c["layout"] in ("comb", "tickbox"):
        it.append(("fld", "model", c["model"] if fv(c, "vehicle_make") else None, "text", None))
    if c["layout"] == "tickbox":
        it.append(("choice", "zone", int(f["zone"]) - 1))
    else:
        it.append(("fld", "zone", zone_disp(c), "zone", f["zone"]))
    dv, d = dval(c, "start_date")
    it.append(("fld", "start", dv, "date", d))
    return it


DECL = {
    "council_tax_spd": ("Rwy'n datgan mai fi yw'r unig oedolyn sy'n byw yn yr eiddo ac fy mod yn deall bod rhaid i mi roi gwybod i'r Cyngor o fewn 21 diwrnod os bydd hyn yn newid.",
                        "I declare that I am the only adult living at the property and I understand that I must tell the Council within 21 days if this changes."),
    "council_tax_move": ("Rwy'n datgan bod y wybodaeth ar y ffurflen hon yn gywir ac yn gyflawn hyd eithaf fy ngwybodaeth.",
                         "I declare that the information on this form is correct and complete to the best of my knowledge."),
    "parking_permit": ("Rwy'n datgan fy mod yn byw yn y cyfeiriad uchod a bod y cerbyd yn cael ei gadw yno.",
                       "I declare that I live at the address above and that the vehicle is kept there."),
}


# --------------------------------------------------------------------------
# drawing
# --------------------------------------------------------------------------
class Pen:
    def __init__(self, path, title):
        self.c = canvas.Canvas(path, pagesize=A4, invariant=1)
        self.c.setTitle(title)
        self.c.setAuthor("Cyngor Sir Glanmor / Glanmor County Council")
        self.c.setCreator("Glanmor e-forms")
        self.page = 1

    def text(self, x, y, s, font="DV", size=10, color=(0, 0, 0), align="l"):
        c = self.c
        c.setFillColorRGB(*color)
        c.setFont(font, size)
        if align == "l":
            c.drawString(x, H - y, s)
        elif align == "c":
            c.drawCentredString(x, H - y, s)
        else:
            c.drawRightString(x, H - y, s)

    def rect(self, x, y, w, h, stroke=(0, 0, 0), fill=None, lw=0.7, r=0):
        c = self.c
        c.setLineWidth(lw)
        if stroke:
            c.setStrokeColorRGB(*stroke)
        if fill:
            c.setFillColorRGB(*fill)
        if r:
            c.roundRect(x, H - y - h, w, h, r, stroke=1 if stroke else 0, fill=1 if fill else 0)
        else:
            c.rect(x, H - y - h, w, h, stroke=1 if stroke else 0, fill=1 if fill else 0)

    def line(self, x1, y1, x2, y2, lw=0.6, dash=None, color=(0, 0, 0)):
        c = self.c
        c.setLineWidth(lw)
        c.setStrokeColorRGB(*color)
        if dash:
            c.setDash(*dash)
        c.line(x1, H - y1, x2, H - y2)
        c.setDash()

    def para(self, x, y, s, width, font="DV", size=9, lead=None, color=(0, 0, 0)):
        lead = lead or size * 1.3
        for ln in simpleSplit(s, font, size, width):
            self.text(x, y, ln, font, size, color)
            y += lead
        return y

    def comb(self, x, y, chars, n, w=16, h=19, font="DVM", size=12, gap_after=()):
        cx = x
        for i in range(n):
            self.rect(cx, y, w, h, lw=0.6)
            if i < len(chars) and chars[i] != " ":
                self.text(cx + w / 2, y + h - 5, chars[i], font, size, (0.05, 0.05, 0.3), "c")
            cx += w + (8 if i in gap_after else 0)
        return cx

    def mark_box(self, x, y, marked, glyph, size=11):
        self.rect(x, y, size, size, lw=0.8)
        if marked:
            font = "DV-B" if glyph != "X" else "Helvetica-Bold"
            self.text(x + size / 2, y + size - 1.8, glyph, font, size - 1, (0.05, 0.05, 0.35), "c")

    def new_page(self):
        self.c.showPage()
        self.page += 1

    def save(self):
        self.c.save()


INK = (0.05, 0.1, 0.4)
GREEN = (0.0, 0.36, 0.3)


def date_comb(pen, x, y, d, caption=True):
    s = d.strftime("%d%m%Y") if d else ""
    cx = x
    for gi, (lab, n) in enumerate([("Day", 2), ("Month", 2), ("Year", 4)]):
        part = s[[0, 2, 4][gi]:[2, 4, 8][gi]] if s else ""
        pen.comb(cx, y, part, n)
        if caption:
            pen.text(cx, y + 28, lab, "DV", 6.5, (0.3, 0.3, 0.3))
        cx += n * 16 + 4
        if gi < 2:
            pen.text(cx + 1, y + 14, "/", "DV", 11)
            cx += 10
    return cx


# ---------------- layout 1: bilingual ----------------
def render_bilingual(c, path):
    f = c["fields"]
    pen = Pen(path, "Cyngor Sir Glanmor / Glanmor County Council")
    pen.rect(0, 0, W, 50, stroke=None, fill=GREEN)
    pen.text(36, 31, "Cyngor Sir Glanmor", "DV-B", 16, (1, 1, 1))
    pen.text(W - 36, 31, "Glanmor County Council", "DV-B", 16, (1, 1, 1), "r")
    titles = {
        "council_tax_spd": ("Treth y Cyngor: Gostyngiad Person Sengl", "Council Tax: Single Person Discount", "TC/GPS1"),
        "parking_permit": ("Cais am Drwydded Parcio i Breswylwyr", "Application for a Residents' Parking Permit", "PARC/T1"),
    }
    if c["type"] == "council_tax_move":
        titles["council_tax_move"] = (("Treth y Cyngor: Rhoi gwybod i ni eich bod yn symud allan",
                                       "Council Tax: Tell us you are moving out", "TC/SYM-A")
                                      if f["move_type"] == "out" else
                                      ("Treth y Cyngor: Rhoi gwybod i ni eich bod yn symud i mewn",
                                       "Council Tax: Tell us you are moving in", "TC/SYM-M"))
    cy, en, code = titles[c["type"]]
    pen.text(36, 76, cy, "DV-B", 14, GREEN)
    pen.text(36, 94, en, "DV", 12.5, (0.2, 0.2, 0.2))
    pen.text(W - 36, 64, f"Ffurflen / Form {code}", "DV", 7, (0.3, 0.3, 0.3), "r")
    pen.para(36, 112, "Llenwch y ffurflen hon mewn llythrennau bras os gwelwch yn dda. / Please complete "
             "this form in capital letters where you can. Gallwch ateb yn Gymraeg neu yn Saesneg. / You "
             "may answer in Welsh or English.", W - 72, "DV-I", 8, color=(0.3, 0.3, 0.3))
    y = 140
    stacked = c["variant"] == "stacked"

    def need(h):
        nonlocal y
        if y + h > 790:
            pen.text(W / 2, 820, f"Tudalen / Page {pen.page}", "DV", 7, (0.4, 0.4, 0.4), "c")
            pen.new_page()
            pen.rect(0, 0, W, 22, stroke=None, fill=GREEN)
            pen.text(36, 15, f"Cyngor Sir Glanmor / Glanmor County Council - {en} (parhad / continued)",
                     "DV", 8, (1, 1, 1))
            y = 44

    def labelled(key, h):
        nonlocal y
        cyl, enl = L(c, key)
        if stacked:
            need(h + 30)
            pen.text(40, y + 9, cyl, "DV-B", 9)
            pen.text(40, y + 20, enl, "DV-I", 8.5, (0.25, 0.25, 0.25))
            bx, by, bw = 40, y + 25, W - 80
            y += 25
        else:
            need(h + 8)
            lines = simpleSplit(f"{cyl} / {enl}", "DV", 8.5, 185)
            for i, ln in enumerate(lines):
                pen.text(40, y + 11 + i * 10.5, ln, "DV", 8.5)
            h = max(h, len(lines) * 10.5 + 6)
            bx, by, bw = 235, y, W - 40 - 235
        pen.rect(bx, by, bw, h, stroke=(0.3, 0.45, 0.4), fill=(0.97, 0.99, 0.98), lw=0.6)
        y = by + h + 7
        return bx, by, bw

    for it in c["items"]:
        if it[0] == "sec":
            need(40)
            y += 4
            pen.rect(36, y, W - 72, 17, stroke=None, fill=(0.85, 0.93, 0.9))
            pen.text(42, y + 12, f"{it[1]} / {it[2]}", "DV-B", 9.5, GREEN)
            y += 24
        elif it[0] == "fld":
            _, key, val, kind, raw = it
            bx, by, bw = labelled(key, 21)
            if val:
                pen.text(bx + 6, by + 14.5, val, "DV", 10.5, INK)
        elif it[0] == "addr":
            lines = it[2]
            bx, by, bw = labelled(it[1], 15 * 3 + 6)
            for i, ln in enumerate(lines):
                pen.text(bx + 6, by + 14 + 15 * i, ln, "DV", 10.5, INK)
        elif it[0] == "long":
            txt = it[2]
            lines = simpleSplit(txt, "DV", 10, (W - 80 if stacked else W - 40 - 235) - 12) if txt else []
            bx, by, bw = labelled(it[1], max(3, len(lines)) * 14 + 8)
            for i, ln in enumerate(lines):
                pen.text(bx + 6, by + 14 + 14 * i, ln, "DV", 10, INK)
    need(150)
    y += 4
    pen.rect(36, y, W - 72, 17, stroke=None, fill=(0.85, 0.93, 0.9))
    pen.text(42, y + 12, "Datganiad / Declaration", "DV-B", 9.5, GREEN)
    y += 30
    dcy, den = DECL[c["type"]]
    y = pen.para(40, y, dcy, W - 80, "DV", 8.5)
    y = pen.para(40, y + 2, den, W - 80, "DV-I", 8.5) + 6
    dv, d = dval(c, "declaration_date")
    pen.text(40, y + 14, "Llofnod / Signature", "DV", 8.5)
    pen.rect(135, y, 200, 24, stroke=(0.3, 0.45, 0.4), lw=0.6)
    pen.text(145, y + 17, sig_of(c["app_plain"]), "DVS-I", 13, INK)
    pen.text(350, y + 14, "Dyddiad / Date", "DV", 8.5)
    pen.rect(420, y, W - 40 - 420, 24, stroke=(0.3, 0.45, 0.4), lw=0.6)
    pen.text(426, y + 16, dv, "DV", 10.5, INK)
    y += 40
    pen.rect(36, max(y, 740), W - 72, 40, stroke=(0.6, 0.6, 0.6), lw=0.5)
    pen.text(42, max(y, 740) + 12, "At ddefnydd y swyddfa yn unig / For office use only", "DV", 7, (0.4, 0.4, 0.4))
    pen.text(42, max(y, 740) + 30, "Derbyniwyd / Received: ______________     Cofnodwyd gan / Entered by: ______",
             "DV", 7, (0.4, 0.4, 0.4))
    pen.text(W / 2, 820, f"Tudalen / Page {pen.page}", "DV", 7, (0.4, 0.4, 0.4), "c")
    pen.save()


# ---------------- layout 2: comb boxes ----------------
def render_comb(c, path):
    f = c["fields"]
    titles = {"council_tax_spd": ("COUNCIL TAX - APPLICATION FOR SINGLE PERSON DISCOUNT", "CT/SPD/2"),
              "council_tax_move": ("COUNCIL TAX - CHANGE OF ADDRESS NOTIFICATION", "CT/COA/3"),
              "parking_permit": ("RESIDENTS' PARKING PERMIT - APPLICATION FORM", "PP1 (2026)")}
    title, code = titles[c["type"]]
    pen = Pen(path, title.title())
    pen.text(36, 40, "GLANMOR COUNTY COUNCIL", "Helvetica-Bold", 15)
    pen.text(36, 53, "Cyngor Sir Glanmor  |  Revenues, Benefits and Parking Services", "DV", 8)
    pen.rect(W - 130, 26, 94, 28, lw=1)
    pen.text(W - 83, 44, code, "Helvetica-Bold", 11, align="c")
    pen.rect(36, 66, W - 72, 22, stroke=None, fill=(0.1, 0.1, 0.1))
    pen.text(44, 81, title, "Helvetica-Bold", 11, (1, 1, 1))
    pen.text(36, 102, "Please complete in BLOCK CAPITALS using black ink. Write one character in each box.",
             "Helvetica-Oblique", 8.5)
    y = 116
    secno = [0]

    def need(h):
        nonlocal y
        if y + h > 800:
            pen.text(W - 36, 825, f"{code}  page {pen.page}", "Helvetica", 7, align="r")
            pen.new_page()
            pen.text(36, 30, f"{title} (continued)", "Helvetica-Bold", 9)
            y = 44

    for it in c["items"]:
        if it[0] == "sec":
            need(50)
            secno[0] += 1
            pen.rect(36, y + 4, W - 72, 15, stroke=None, fill=(0.82, 0.82, 0.82))
            pen.text(42, y + 15, f"PART {secno[0]}  {it[2].split(': ', 1)[1].upper()}", "Helvetica-Bold", 9)
            y += 26
        elif it[0] == "choice":
            lab, opts = CHOICE[it[1] + "@comb"]
            need(20 + 16 * len(opts))
            pen.text(40, y + 10, lab, "Helvetica-Bold", 9)
            y += 16
            for i, o in enumerate(opts):
                pen.mark_box(48, y, i == it[2], c["mark"], 12)
                pen.text(68, y + 10, o, "Helvetica", 9.5)
                y += 17
            y += 4
        elif it[0] == "fld":
            _, key, val, kind, raw = it
            lab = L(c, key)
            if kind in ("acct", "pc", "vrm", "zone", "date"):
                need(44)
                pen.text(40, y + 10, lab, "Helvetica", 8.5)
                if kind == "acct":
                    pen.text(40, y + 29, "CT", "Helvetica-Bold", 11)
                    pen.comb(62, y + 15, raw or "", 8, gap_after=(3,))
                elif kind == "pc":
                    chars = raw.replace(" ", "") if raw else ""
                    chars = (chars[:-3] + " " * (5 - len(chars[:-3])) + chars[-3:]) if chars else ""
                    # outward code left-aligned in first 4 boxes, then inward code after a gap
                    chars = (raw.split(" ")[0].ljust(4) + raw.split(" ")[1]) if raw else ""
                    pen.comb(40, y + 15, chars, 7, gap_after=(3,))
                elif kind == "vrm":
                    chars = (raw[:4] + " " + raw[4:]) if raw and len(raw) == 7 and raw[2:4].isdigit() else (raw or "")
                    if raw and not (len(raw) == 7 and raw[2:4].isdigit()):
                        chars = vrm_spaced(raw)
                    pen.comb(40, y + 15, chars, 8)
                elif kind == "zone":
                    pen.comb(40, y + 15, raw, 1)
                    pen.text(64, y + 29, "Zone 1 Town Centre   Zone 2 Riverside   Zone 3 Harbour (Porth)   "
                             "Zone 4 Station (Llanfair)", "Helvetica", 7.5)
                elif kind == "date":
                    date_comb(pen, 40, y + 15, raw)
                    y += 8
                y += 44
            else:
                need(38)
                pen.text(40, y + 10, lab, "Helvetica", 8.5)
                pen.rect(40, y + 14, W - 80, 19, lw=0.6)
                if val:
                    pen.text(46, y + 28, val, "DVM", 10.5, INK)
                y += 40
        elif it[0] == "addr":
            lines = it[2]
            need(75)
            pen.text(40, y + 10, L(c, it[1]), "Helvetica", 8.5)
            for i in range(3):
                pen.rect(40, y + 14 + i * 19, W - 80, 19, lw=0.6)
                if i < len(lines):
                    pen.text(46, y + 28 + i * 19, lines[i], "DVM", 10.5, INK)
            y += 14 + 57 + 6
        elif it[0] == "long":
            txt = it[2]
            lines = simpleSplit(txt, "DVM", 10, W - 92) if txt else []
            need(20 + 16 * max(3, len(lines)))
            pen.text(40, y + 10, L(c, it[1]), "Helvetica", 8.5)
            pen.rect(40, y + 14, W - 80, 16 * max(3, len(lines)) + 6, lw=0.6)
            for i, ln in enumerate(lines):
                pen.text(46, y + 28 + 16 * i, ln, "DVM", 10, INK)
            y += 20 + 16 * max(3, len(lines)) + 8
    need(120)
    secno[0] += 1
    pen.rect(36, y + 4, W - 72, 15, stroke=None, fill=(0.82, 0.82, 0.82))
    pen.text(42, y + 15, f"PART {secno[0]}  DECLARATION", "Helvetica-Bold", 9)
    y += 30
    y = pen.para(40, y, DECL[c["type"]][1] + " I understand that giving false information may lead to "
                 "prosecution.", W - 80, "Helvetica", 8.5)
    dv, d = dval(c, "declaration_date")
    pen.text(40, y + 18, L(c, "sig"), "Helvetica", 8.5)
    pen.rect(80, y + 4, 200, 24, lw=0.6)
    pen.text(90, y + 21, sig_of(c["app_plain"]), "DVS-I", 13, INK)
    pen.text(300, y + 18, L(c, "date"), "Helvetica", 8.5)
    date_comb(pen, 330, y + 6, d)
    pen.text(W - 36, 825, f"{code}  page {pen.page}", "Helvetica", 7, align="r")
    pen.save()


# ---------------- layout 3: dotted lines, caption underneath ----------------
def render_dotted(c, path):
    f = c["fields"]
    titles = {"council_tax_spd": "Claim for a Single Person Discount (25%)",
              "council_tax_move": "Notice of Change of Occupation",
              "parking_permit": "Application for a Residents' Parking Permit"}
    title = titles[c["type"]]
    pen = Pen(path, title)
    pen.text(W / 2, 46, "GLANMOR COUNTY COUNCIL", "Times-Bold", 16, align="c")
    pen.text(W / 2, 62, "CYNGOR SIR GLANMOR", "Times-Roman", 10.5, align="c")
    pen.line(120, 70, W - 120, 70, 0.8)
    sub = {"council_tax_spd": "Local Government Finance Act 1992 - Council Tax",
           "council_tax_move": "Council Tax",
           "parking_permit": "Road Traffic Regulation Act 1984 - Residents' Parking Scheme"}[c["type"]]
    pen.text(W / 2, 88, title, "Times-BoldItalic", 14, align="c")
    pen.text(W / 2, 103, sub, "Times-Italic", 9, align="c")
    y = 120
    y = pen.para(50, y, "Please write clearly on the dotted lines. The description printed beneath each line "
                 "shows what is required. Return the completed form to the Council Offices, Stryd Fawr, "
                 "Aberglan, GM1 1AB.", W - 100, "Times-Roman", 9.5) + 10

    def need(h):
        nonlocal y
        if y + h > 800:
            pen.new_page()
            pen.text(W / 2, 32, f"- {pen.page} -", "Times-Roman", 9, align="c")
            y = 56

    def dotline(x, yy, w, val, caption, font="DVS-I"):
        if val:
            pen.text(x + 8, yy - 3, val, font, 11.5, INK)
        pen.line(x, yy, x + w, yy, 0.7, dash=(1, 2.2))
        pen.text(x + 2, yy + 9, caption, "Times-Italic", 7.5, (0.25, 0.25, 0.25))

    pending = []
    for it in c["items"]:
        if it[0] == "sec":
            need(50)
            pen.text(50, y + 14, it[2].split(": ", 1)[1], "Times-Bold", 11)
            y += 30
        elif it[0] == "fld":
            _, key, val, kind, raw = it
            if key in ("pc", "phone") and kind != "acct":
                # short fields share a line
                pending.append((val, L(c, key)))
                if key == "pc" and c["type"] == "council_tax_move":
                    need(34)
                    dotline(50, y + 16, 200, val, L(c, key), "DVS-I")
                    y += 34
                    pending = []
                elif len(pending) == 2 or key == "phone":
                    need(34)
                    for i, (v, cap) in enumerate(pending):
                        dotline(50 + i * 250, y + 16, 200, v, cap)
                    y += 34
                    pending = []
                continue
            need(34)
            dotline(50, y + 16, W - 100, val, L(c, key))
            y += 34
        elif it[0] == "addr":
            lines = it[2] + [""] * (3 - len(it[2]))
            need(80)
            for i, ln in enumerate(lines):
                cap = L(c, it[1]) if i == len(lines) - 1 else ""
                if ln:
                    pen.text(58, y + 13, ln, "DVS-I", 11.5, INK)
                pen.line(50, y + 16, W - 50, y + 16, 0.7, dash=(1, 2.2))
                if cap:
                    pen.text(52, y + 25, cap, "Times-Italic", 7.5, (0.25, 0.25, 0.25))
                y += 21
            y += 12
        elif it[0] == "long":
            txt = it[2]
            lines = simpleSplit(txt, "DVS-I", 11.5, W - 120) if txt else []
            lines += [""] * (2 - len(lines)) if len(lines) < 2 else []
            need(24 * len(lines) + 20)
            for i, ln in enumerate(lines):
                if ln:
                    pen.text(58, y + 13, ln, "DVS-I", 11.5, INK)
                pen.line(50, y + 16, W - 50, y + 16, 0.7, dash=(1, 2.2))
                y += 21
            pen.text(52, y + 4, L(c, it[1]), "Times-Italic", 7.5, (0.25, 0.25, 0.25))
            y += 18
    if pending:
        need(34)
        for i, (v, cap) in enumerate(pending):
            dotline(50 + i * 250, y + 16, 200, v, cap)
        y += 34
    need(110)
    pen.text(50, y + 14, "Declaration", "Times-Bold", 11)
    y += 24
    y = pen.para(50, y, "I hereby declare that " + DECL[c["type"]][1][len("I declare that "):] +
                 " I am aware that it is an offence to make a false statement.", W - 100, "Times-Roman", 9.5)
    y += 14
    dv, d = dval(c, "declaration_date")
    dotline(50, y + 16, 260, None, L(c, "sig"))
    pen.text(60, y + 12, sig_of(c["app_plain"]), "DVS-I", 14, INK)
    dotline(340, y + 16, 200, dv, L(c, "date"))
    pen.save()


# ---------------- layout 4: two pages, address runs over the page break ----------------
NAVY = (0.1, 0.16, 0.36)


def render_twopage(c, path):
    f = c["fields"]
    if c["type"] == "council_tax_spd":
        title, short = "Council Tax: Single Person Discount", "Single Person Discount application"
        notes = [
            "You may be able to get a 25% discount on your Council Tax bill if you are the only adult "
            "(aged 18 or over) who lives in your home. Some people, such as full-time students, carers and "
            "people with a severe mental impairment, are not counted when we work out how many adults live in "
            "a property.",
            "Please answer every question. If you leave a question blank we may have to write to you, and this "
            "will delay your discount. We check claims against the electoral register and other records held by "
            "the Council, and we may visit the property.",
            "If somebody moves in with you, or you are no longer the only adult, you must tell us within 21 days. "
            "You can also apply online at www.glanmor.gov.wales/treth-y-cyngor.",
            "Mae'r ffurflen hon ar gael yn Gymraeg. This form is available in Welsh.",
        ]
    else:
        out = f["move_type"] == "out"
        title = "Council Tax: Notification of leaving a property" if out else "Council Tax: New occupier notification"
        short = "Moving home - " + ("leaving a property" if out else "new occupier")
        notes = [
            "Use this form to tell us that you are " + ("leaving a property in Glanmor. We will close your "
            "Council Tax account from the date you move out and send a final bill to your forwarding address."
            if out else "now living at a property in Glanmor. We will open a Council Tax account in your name "
            "from the date you moved in and send you a bill."),
            "If you are a tenant, please tell us the name of your landlord or letting agent in a covering note. "
            "If the property is empty and unfurnished, different rules may apply.",
            "Please complete both pages and sign the declaration. We aim to deal with notifications within "
            "10 working days.",
            "Mae'r ffurflen hon ar gael yn Gymraeg. This form is available in Welsh.",
        ]
    pen = Pen(path, title)
    pen.rect(0, 0, W, 64, stroke=None, fill=NAVY)
    pen.text(36, 26, "Glanmor County Council", "DV-B", 13, (1, 1, 1))
    pen.text(36, 40, "Cyngor Sir Glanmor", "DV", 10, (0.85, 0.88, 1))
    pen.text(W - 36, 26, "Council Tax Section", "DV", 9, (1, 1, 1), "r")
    pen.text(W - 36, 40, "PO Box 41, Aberglan GM1 1AB", "DV", 8, (0.85, 0.88, 1), "r")
    pen.text(36, 96, title, "DV-B", 15, NAVY)
    y = 118
    pen.text(36, y, "Notes - please read before you fill in this form", "DV-B", 9.5)
    y += 16
    for n in notes:
        y = pen.para(36, y, n, W - 72, "DV", 8.8, lead=12) + 6
    y += 6
    qn = [0]
    items = list(c["items"])
    # page 1: everything up to and including the first address; the address runs over the page break
    first_addr = next(i for i, it in enumerate(items) if it[0] == "addr")

    def q(label):
        qn[0] += 1
        return f"{qn[0]}. {label}"

    def draw_fld(key, val, kind):
        nonlocal y
        pen.text(36, y + 10, q(L(c, key)), "DV-B", 9)
        pen.rect(36, y + 15, W - 72, 21, stroke=(0.55, 0.58, 0.7), lw=0.7)
        if val:
            pen.text(44, y + 30, val, "DV", 10.5, INK)
        y += 44

    def draw_sec(txt):
        nonlocal y
        pen.line(36, y + 4, W - 36, y + 4, 1.2, color=NAVY)
        pen.text(36, y + 19, txt, "DV-B", 11, NAVY)
        y += 30

    for it in items[:first_addr]:
        if it[0] == "sec":
            draw_sec(it[2])
        elif it[0] == "fld":
            draw_fld(it[1], it[2], it[3])
    y = max(y, 712)
    lines = items[first_addr][2]
    pen.text(36, y + 10, q(L(c, items[first_addr][1])), "DV-B", 9)
    pen.rect(36, y + 15, W - 72, 50, stroke=(0.55, 0.58, 0.7), lw=0.7)
    pen.text(44, y + 30, lines[0], "DV", 10.5, INK)
    pen.text(W - 36, 812, "Please turn over - the address continues on page 2  >", "DV-I", 8, align="r")
    pen.text(36, 826, f"{short}  |  Page 1 of 2", "DV", 7, (0.4, 0.4, 0.4))
    pen.new_page()
    # running head
    pen.text(36, 26, f"Glanmor County Council - {short} (continued)", "DV-I", 8, (0.3, 0.3, 0.3))
    pen.text(W - 36, 26, "Page 2 of 2", "DV-I", 8, (0.3, 0.3, 0.3), "r")
    pen.line(36, 32, W - 36, 32, 0.5, color=(0.5, 0.5, 0.5))
    y = 44
    pen.text(36, y + 10, f"{qn[0]}. {L(c, items[first_addr][1])} (continued)", "DV-B", 9)
    pen.rect(36, y + 15, W - 72, 40, stroke=(0.55, 0.58, 0.7), lw=0.7)
    for i, ln in enumerate(lines[1:]):
        pen.text(44, y + 30 + 15 * i, ln, "DV", 10.5, INK)
    y += 64
    for it in items[first_addr + 1:]:
        if it[0] == "sec":
            draw_sec(it[2])
        elif it[0] == "fld":
            draw_fld(it[1], it[2], it[3])
        elif it[0] == "addr":
            pen.text(36, y + 10, q(L(c, it[1])), "DV-B", 9)
            pen.rect(36, y + 15, W - 72, 50, stroke=(0.55, 0.58, 0.7), lw=0.7)
            for i, ln in enumerate(it[2]):
                pen.text(44, y + 30 + 15 * i, ln, "DV", 10.5, INK)
            y += 74
        elif it[0] == "long":
            txt = it[2]
            lns = simpleSplit(txt, "DV", 10, W - 90) if txt else []
            h = max(3, len(lns)) * 14 + 8
            pen.text(36, y + 10, q(L(c, it[1])), "DV-B", 9)
            pen.rect(36, y + 15, W - 72, h, stroke=(0.55, 0.58, 0.7), lw=0.7)
            for i, ln in enumerate(lns):
                pen.text(44, y + 29 + 14 * i, ln, "DV", 10, INK)
            y += h + 24
    draw_sec("Declaration")
    y = pen.para(36, y, DECL[c["type"]][1], W - 72, "DV", 9) + 8
    dv, d = dval(c, "declaration_date")
    pen.text(36, y + 10, L(c, "sig"), "DV-B", 9)
    pen.rect(36, y + 15, 300, 28, stroke=(0.55, 0.58, 0.7), lw=0.7)
    pen.text(46, y + 34, sig_of(c["app_plain"]), "DVS-I", 14, INK)
    pen.text(350, y + 10, L(c, "date"), "DV-B", 9)
    pen.rect(350, y + 15, W - 36 - 350, 28, stroke=(0.55, 0.58, 0.7), lw=0.7)
    pen.text(358, y + 33, dv, "DV", 10.5, INK)
    pen.text(36, 826, f"{short}  |  Page 2 of 2", "DV", 7, (0.4, 0.4, 0.4))
    pen.save()


# ---------------- layout 5: tick boxes laid out horizontally ----------------
TEAL = (0.0, 0.42, 0.5)


def render_tickbox(c, path):
    f = c["fields"]
    title = {"council_tax_move": "Moving home? Tell us about your Council Tax",
             "parking_permit": "Apply for a residents' parking permit"}[c["type"]]
    pen = Pen(path, title)
    pen.rect(0, 0, 14, H, stroke=None, fill=TEAL)
    pen.text(36, 40, "Glanmor", "DV-B", 20, TEAL)
    pen.text(36, 54, "County Council  |  Cyngor Sir Glanmor", "DV", 9, (0.3, 0.3, 0.3))
    pen.text(36, 86, title, "DV-B", 15)
    pen.text(36, 102, "Tick the boxes that apply. Use one form per household.", "DV", 9, (0.3, 0.3, 0.3))
    y = 116

    def need(h):
        nonlocal y
        if y + h > 800:
            pen.new_page()
            pen.rect(0, 0, 14, H, stroke=None, fill=TEAL)
            pen.text(36, 30, title + " (continued)", "DV-B", 9, TEAL)
            y = 44

    def hchoice(label, opts, sel):
        nonlocal y
        need(44)
        pen.text(36, y + 12, label, "DV-B", 9.5)
        y += 20
        x = 40
        for i, o in enumerate(opts):
            w = pdfmetrics.stringWidth(o, "DV", 9.5) + 34
            if x + w > W - 30:
                x = 40
                y += 20
            pen.mark_box(x, y, i == sel, c["mark"], 12)
            pen.text(x + 18, y + 10, o, "DV", 9.5)
            x += w
        y += 26

    for it in c["items"]:
        if it[0] == "sec":
            need(40)
            pen.rect(30, y + 2, W - 60, 18, stroke=None, fill=(0.88, 0.95, 0.96), r=3)
            pen.text(38, y + 15, it[2].split(": ", 1)[1], "DV-B", 10, TEAL)
            y += 26
        elif it[0] == "choice":
            lab, opts = CHOICE[it[1] + "@tickbox"]
            hchoice(lab, opts, it[2])
        elif it[0] == "yesno":
            hchoice(it[1], ["Yes", "No"], it[2])
        elif it[0] == "fld":
            _, key, val, kind, raw = it
            need(36)
            pen.text(36, y + 10, L(c, key), "DV", 9)
            pen.rect(36, y + 13, W - 72, 19, stroke=(0.5, 0.6, 0.62), lw=0.7, r=3)
            if val:
                pen.text(44, y + 26.5, val, "DVC", 10.5, INK)
            y += 36
        elif it[0] == "addr":
            need(62)
            pen.text(36, y + 10, L(c, it[1]), "DV", 9)
            pen.rect(36, y + 13, W - 72, 44, stroke=(0.5, 0.6, 0.62), lw=0.7, r=3)
            for i, ln in enumerate(it[2]):
                pen.text(44, y + 26 + 13.5 * i, ln, "DVC", 10.5, INK)
            y += 62
    if c["type"] == "council_tax_move":
        hchoice("Are you the owner or a tenant?", ["Owner", "Tenant", "Other"], c["tenure"])
    need(96)
    pen.rect(30, y + 2, W - 60, 20, stroke=None, fill=(0.88, 0.95, 0.96), r=3)
    pen.text(38, y + 16, "Declaration", "DV-B", 10, TEAL)
    y += 30
    pen.mark_box(38, y, True, c["mark"], 12)
    y = pen.para(58, y + 10, DECL[c["type"]][1], W - 100, "DV", 9) + 6
    dv, d = dval(c, "declaration_date")
    pen.text(36, y + 10, L(c, "sig"), "DV", 9)
    pen.rect(36, y + 14, 280, 26, stroke=(0.5, 0.6, 0.62), lw=0.7, r=3)
    pen.text(46, y + 32, sig_of(c["app_plain"]), "DVS-I", 14, INK)
    pen.text(330, y + 10, L(c, "date"), "DV", 9)
    pen.rect(330, y + 14, W - 36 - 330, 26, stroke=(0.5, 0.6, 0.62), lw=0.7, r=3)
    pen.text(338, y + 31, dv, "DVC", 10.5, INK)
    pen.save()


# ---------------- layout 6: letters and emails ----------------
def email_header(pen, frm, sent, subject, to):
    pen.text(36, 40, "Glanmor County Council Mail - " + subject, "DV", 8, (0.4, 0.4, 0.4))
    pen.line(36, 48, W - 36, 48, 0.5, color=(0.6, 0.6, 0.6))
    pen.text(36, 72, subject, "DV-B", 13)
    rows = [("From:", frm), ("Sent:", sent), ("To:", to), ("Subject:", subject)]
    y = 96
    for k, v in rows:
        pen.text(36, y, k, "DV-B", 9)
        pen.text(90, y, v, "DV", 9)
        y += 14
    pen.line(36, y, W - 36, y, 0.5, color=(0.6, 0.6, 0.6))
    return y + 22


WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def render_letter(c, path):
    pen = Pen(path, "Letter" if c["medium"] != "email" else "Email")
    paras = c["paras"]
    sender = c.get("sender_plain")
    sent = c["letter_date"]
    if c["medium"] == "email":
        frm = (f"{sender} <{c['from_email']}>" if sender else c["from_addr"])
        hh = rng.randint(7, 22)
        sent_s = f"{WEEKDAYS[sent.weekday()]}, {fmt_date(sent, 'long')} {hh:02d}:{rng.randint(0, 59):02d}"
        to = c.get("to", "contact@glanmor.gov.wales")
        y = email_header(pen, frm, sent_s, c["subject"], to)
        if c.get("salutation"):
            pen.text(36, y, c["salutation"], "DV", 10)
            y += 20
        for ptxt in paras:
            y = pen.para(36, y, ptxt, W - 72, "DV", 10, lead=13.5) + 9
        y += 4
        pen.text(36, y, c["closing"], "DV", 10)
        y += 14
        for ln in c.get("sig_lines", []):
            pen.text(36, y, ln, "DV", 10)
            y += 13.5
        pen.save()
        return
    a = c.get("addr")
    if c["medium"] == "letterhead":
        pen.text(W / 2, 44, "Cyngor Cymuned Llanfair Glanmor", "DVS-B", 15, GREEN, "c")
        pen.text(W / 2, 62, "Llanfair Glanmor Community Council", "DVS", 12, GREEN, "c")
        clerk = f"Clerc / Clerk: {sender}, {a['line1']}, {a['town']}, {a['postcode']}"
        pen.text(W / 2, 78, clerk, "DVS", 8, (0.3, 0.3, 0.3), "c")
        pen.line(60, 86, W - 60, 86, 0.8, color=GREEN)
        y = 116
        pen.text(W - 60, y, fmt_date(sent, c["date_style"] if c["date_style"] in ("long", "ordinal") else "long"),
                 "DVS", 10.5, align="r")
        y += 24
        for ln in ["Department of Property and Estates", "Glanmor County Council", "Swyddfeydd y Cyngor",
                   "Stryd Fawr", "Aberglan"]:
            pen.text(60, y, ln, "DVS", 10.5)
            y += 14
        y += 16
        font, x0, width = "DVS", 60, W - 120
    else:
        y = 60
        for ln in addr_lines(a) + [a["postcode"]]:
            pen.text(W - 60, y, ln, "Times-Roman", 11.5, align="r")
            y += 15
        y += 14
        pen.text(W - 60, y, fmt_date(sent, c["date_style"] if c["date_style"] in ("long", "ordinal", "slash") else "ordinal"),
                 "Times-Roman", 11.5, align="r")
        y += 30
        for ln in ["Glanmor County Council", "Council Offices", "Stryd Fawr", "Aberglan", "GM1 1AB"]:
            pen.text(60, y, ln, "Times-Roman", 11.5)
            y += 15
        y += 18
        font, x0, width = "Times-Roman", 60, W - 120
    if c.get("subject") and c["medium"] == "letter":
        pen.text(x0, y, "Re: " + c["subject"], "Times-Bold", 11)
        y += 22
    if c.get("salutation"):
        pen.text(x0, y, c["salutation"], font, 11)
        y += 22
    for ptxt in paras:
        y = pen.para(x0, y, ptxt, width, font, 11, lead=15) + 10
    y += 6
    pen.text(x0, y, c["closing"], font, 11)
    pen.text(x0, y + 30, sig_of(sender), "DVS-I", 15, INK)
    pen.text(x0, y + 50, sender, font, 11)
    if c.get("sign_role"):
        pen.text(x0, y + 64, c["sign_role"], font, 11)
    pen.save()


def finish_email_permit(c):
    """parking permit applied for in the body of an email"""
    f = c["fields"]
    a = c["addr"]
    z = f["zone"]
    cy, en = ZONES[z]
    name = f["applicant_name"]
    dv, d = dval(c, "start_date")
    dd = date.fromisoformat(f["declaration_date"])
    c["letter_date"] = dd
    c["sender_plain"] = name
    c["from_email"] = f.get("email") or email_for(name).replace("@", ".home@")
    c["to"] = "parcio.parking@glanmor.gov.wales"
    c["subject"] = rng.choice(["Residents parking permit application", "Parking permit please",
                               "Application - residents' permit " + ("Zone " + z)])
    veh = f"{f['vehicle_make']} " if f.get("vehicle_make") else ""
    vrm = vrm_disp(c)
    where = f"{a['line1']}, {a['town']} {fmt_pc(f['postcode'], c['pc_style'])}"
    c["salutation"] = rng.choice(["Dear Parking Services,", "Hello,", "Dear Sir or Madam,"])
    p1 = (f"I would like to apply for a residents' parking permit for Zone {z} ({cy} / {en}). "
          f"I live at {where}.")
    p2 = (f"My car is a {veh.strip() or 'car'}{' ' if veh else ' '}with the registration {vrm}"
          if veh else f"The registration of my car is {vrm}") + \
        f", and I would like the permit to start on {dv}."
    p3 = ("I can send a copy of the V5C and a council tax bill if you need them. "
          + (f"You can ring me on {f['phone']} if there are any questions." if f.get("phone") else ""))
    p4 = f"I confirm that I live at this address and that the car is kept here. Declaration date: {fmt_date(dd, 'long')}."
    c["paras"] = [p1, p2, p3.strip(), p4]
    f["email"] = c["from_email"]
    c["closing"] = rng.choice(["Many thanks,", "Kind regards,", "Diolch,"])
    c["sig_lines"] = [name]
    c["medium"] = "email"


def render(c, path):
    {"bilingual": render_bilingual, "comb": render_comb, "dotted": render_dotted,
     "twopage": render_twopage, "tickbox": render_tickbox, "letter": render_letter}[c["layout"]](c, path)


# --------------------------------------------------------------------------
# finalise cases, order, truth
# --------------------------------------------------------------------------
for c in CASES:
    c.setdefault("variant", rng.choice(["side", "stacked"]))
    c.setdefault("tenure", rng.choice([0, 1, 1, 2]))
    if c["type"] == "council_tax_move":
        c["mt_disp"] = rng.choice(["OUT", "Out", "moving out"] if c["fields"]["move_type"] == "out"
                                  else ["IN", "In", "moving in"])
    if c["type"] == "parking_permit" and c["layout"] == "letter":
        c["date_style"] = rng.choice(["long", "ordinal", "us"])
        finish_email_permit(c)
for c in CASES:
    if c["type"] != "correspondence":
        continue
    name = c.get("sender_plain")
    if c["medium"] == "email":
        if name:
            c["from_email"] = email_for(name)
        c["sig_lines"] = [name] if name else []
        if c.get("addr"):
            c["sig_lines"] += addr_lines(c["addr"]) + [fmt_pc(c["addr"]["postcode"], c["pc_style"])]
    f = {"topic": c["topic"]}
    if name:
        f["sender_name"] = name
    if c.get("addr"):
        f["address"] = c["addr"]["line1"]
        f["postcode"] = c["addr"]["postcode"]
    if c.get("quote_ref"):
        f["account_ref"] = c["quote_ref"]
    f["dates_mentioned"] = list(dict.fromkeys(d.isoformat() for d in c["dates"]))
    f["body"] = " ".join(" ".join(p.split()) for p in c["paras"])
    c["fields"] = f

# items per form
for c in CASES:
    if c["type"] == "council_tax_spd":
        c["items"] = items_spd(c)
        if c["layout"] == "twopage":
            its = c["items"]
            contact = [it for it in its if it[0] == "fld" and it[1] in ("phone", "email")]
            rest = [it for it in its if it not in contact]
            ai = next(i for i, it in enumerate(rest) if it[0] == "addr")
            c["items"] = rest[:ai] + contact + rest[ai:]
    elif c["type"] == "council_tax_move":
        c["items"] = items_move(c)
    elif c["type"] == "parking_permit" and c["layout"] != "letter":
        c["items"] = items_permit(c)

order = list(range(len(CASES)))
rng.shuffle(order)
CASES = [CASES[i] for i in order]


def main():
    inbox = os.path.join(HERE, "inbox")
    if os.path.isdir(inbox):
        shutil.rmtree(inbox)
    os.makedirs(inbox)
    learn_count = {}
    truth = []
    for i, c in enumerate(CASES, 1):
        fn = f"doc_{i:04d}.pdf"
        render(c, os.path.join(inbox, fn))
        if c.get("dup_group"):
            outcome = "duplicate_pair"
        else:
            outcome = "exception" if c["reasons"] else "approved"
        key = (c["layout"], c["type"])
        split = "test"
        if outcome == "approved" and learn_count.get(key, 0) < 2:
            learn_count[key] = learn_count.get(key, 0) + 1
            split = "learn"
        t = {"file": fn, "form_type": c["type"], "fields": c["fields"], "outcome": outcome,
             "reasons": list(c["reasons"]), "layout": c["layout"], "split": split}
        if c.get("dup_group"):
            t["duplicate_group"] = c["dup_group"]
        truth.append(t)
    with open(os.path.join(HERE, "truth.jsonl"), "w", encoding="utf-8") as fh:
        for t in truth:
            fh.write(json.dumps(t, ensure_ascii=False) + "\n")
    write_records(os.path.join(HERE, "records.xlsx"))
    write_readme(os.path.join(HERE, "README.md"), truth)
    n_clean = sum(t["outcome"] == "approved" for t in truth)
    print(f"{len(truth)} files, {n_clean} clean, {len(truth) - n_clean} not clean")


def write_records(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "properties"
    ws.append(["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band", "ward",
               "parking_zone"])
    for p in props:
        ws.append([p["uprn"], p["line1"], p["line2"] or None, p["town"], p["postcode"], p["band"], p["ward"],
                   p["zone"] or None])
    ws = wb.create_sheet("council_tax_accounts")
    ws.append(["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"])
    for r, a in sorted(accounts.items(), key=lambda kv: (kv[1]["uprn"], kv[1]["start"])):
        ws.append([r, a["uprn"], ";".join(a["liable"]), a["status"], a["start"], a["end"],
                   ";".join(a["discounts"]) or None])
    for row in ws.iter_rows(min_row=2, min_col=1, max_col=1):
        row[0].number_format = "@"
    for row in ws.iter_rows(min_row=2, min_col=5, max_col=6):
        for cell in row:
            cell.number_format = "yyyy-mm-dd"
    ws = wb.create_sheet("electoral_register")
    ws.append(["elector_number", "full_name", "uprn"])
    seq = {}
    for e in sorted(electors, key=lambda e: (e["uprn"], e["name"])):
        code = WARD_CODE[PBY[e["uprn"]]["ward"]]
        seq[code] = seq.get(code, 0) + 1
        ws.append([f"{code}-{seq[code]:04d}", e["name"], e["uprn"]])
    ws = wb.create_sheet("parking_permits")
    ws.append(["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"])
    for x in sorted(permits, key=lambda x: x["ref"]):
        ws.append([x["ref"], x["uprn"], x["vrm"], x["zone"], x["start"], x["end"]])
    for row in ws.iter_rows(min_row=2, min_col=5, max_col=6):
        for cell in row:
            cell.number_format = "yyyy-mm-dd"
    for ws in wb.worksheets:
        for col in ws.columns:
            ws.column_dimensions[col[0].column_letter].width = max(10, min(45, max(len(str(c.value or "")) for c in col) + 2))
    from datetime import datetime
    wb.properties.created = wb.properties.modified = datetime(2026, 12, 7, 6, 0, 0)
    wb.properties.creator = "Glanmor County Council records extract"
    wb.save(path)


def write_readme(path, truth):
    from collections import Counter
    by = Counter((t["layout"], t["form_type"]) for t in truth)
    oc = Counter(t["outcome"] for t in truth)
    rc = Counter(r for t in truth for r in t["reasons"])
    n_act = sum(a["status"] == "active" for a in accounts.values())
    lines = []
    w = lines.append
    w("# Blind set 52 - Cyngor Sir Glanmor / Glanmor County Council\n")
    w("Generated by `python gen.py` (seed %d, deterministic). Writes `records.xlsx`, `inbox/doc_NNNN.pdf`, "
      "`truth.jsonl` and this README.\n" % SEED)
    w("## The council\n")
    w("An invented bilingual Welsh county, postcode area GM (GM1-GM8). County town Aberglan (GM1, GM2), "
      "harbour town Porth Glanmor (GM4), market town Llanfair Glanmor (GM3), villages Pont-y-Glyn (GM5), "
      "Cwm Glanmor (GM6), Rhydyfelin Uchaf (GM7) and hill farms (GM8, address_line_2 holds the locality). "
      "Addresses mix numbered streets (`12 Lôn yr Afon`), house names (`Bryn Awel, Heol y Capel`) and farms "
      "(`Fferm Tŷ Gwyn`). Welsh diacritics (â, ô, ŷ, ê) appear in street names, house names and person names.\n")
    w(f"Records: {len(props)} properties, {len(accounts)} council tax accounts ({n_act} active, "
      f"{len(accounts) - n_act} closed), {len(electors)} electors, {len(permits)} parking permits "
      f"(some expired).\n")
    w("Residents' parking zones (the code in `parking_zone` / truth `zone` is the digit):\n")
    w("| code | name as printed |\n| --- | --- |")
    for z, (cy, en) in ZONES.items():
        w(f"| `{z}` | Zone {z} {cy} / {en} |")
    w("\n## As-of date\n\n`2026-12-07` (run with `--as-of 2026-12-07`). Default limits: SPD backdating 365 days; "
      "move dates at most 28 days ahead and 365 days back; permit start at most 28 days ahead; permit cap 2; "
      "duplicate window 90 days.\n")
    w("## Layouts\n")
    w("| layout | what it looks like | used for |\n| --- | --- | --- |")
    desc = {
        "bilingual": "Green Cyngor Sir Glanmor / Glanmor County Council band. Every label is Welsh first, then English "
                     "(`Enw llawn / Full name`). Two variants chosen per form: labels in a left column with the answer box "
                     "to the right, or Welsh (bold) and English (italic) on two lines above a full-width box. "
                     "Moving in / moving out are separate forms: the move type is given by the form title only.",
        "comb": "Black-and-white revenues form, BLOCK CAPITALS (names and addresses are written in capitals, so the "
                "truth values are upper case). Comb boxes (one character per box) for the account number (pre-printed "
                "`CT` then 8 boxes), postcode (4 + 3 boxes), registration (8 boxes) and zone (1 box); dates in "
                "Day / Month / Year boxes. Move type is a vertical pair of tick boxes.",
        "dotted": "Old-style serif form. Answers are handwritten-looking text on dotted lines with the caption UNDER "
                  "the line in small italic, e.g. `(full name of applicant)`. Postcode and telephone share a line. "
                  "Move type is a written answer (`OUT`, `In`, `moving out`).",
        "twopage": "Two-page form with guidance notes and numbered questions. The property address starts at the "
                   "foot of page 1 (first line only) and continues at the top of page 2 (remaining lines), under a "
                   "running head `Glanmor County Council - ... (continued)   Page 2 of 2`; the postcode and the rest "
                   "follow on page 2. Move type is given by the title.",
        "tickbox": "Modern form with teal stripe. Choices are square boxes laid out horizontally, marked with `X`, "
                   "`✓` or `✔` (moving in / moving out; permit zone; yes/no; owner/tenant). Only the chosen box is marked.",
        "letter": "Correspondence in prose: citizen letters (sender address top right, date, council address, "
                  "`Re:` line, salutation, body, signature), printed emails (From/Sent/To/Subject header), and one "
                  "letter on a bilingual community-council letterhead. Also parking permit applications made in the "
                  "body of an email (form type `parking_permit`).",
    }
    for lay in ["bilingual", "comb", "dotted", "twopage", "tickbox", "letter"]:
        used = ", ".join(f"{ft} ({n})" for (l, ft), n in sorted(by.items()) if l == lay)
        w(f"| `{lay}` | {desc[lay]} | {used} |")
    w("\n## Counts\n")
    w(f"{len(truth)} files. Outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(oc.items())) + ".\n")
    w("Reason codes: " + ", ".join(f"`{k}` {v}" for k, v in sorted(rc.items())) + ".\n")
    w("## Conventions where forms.md is silent\n")
    w("- `address`, `previous_address`, `new_address` are the FIRST line of the address as printed "
      "(house number/name and street, e.g. `Bryn Awel, Heol y Capel`), never the town or locality; "
      "the postcode is its own field. For a move out, `new_address`/`new_postcode` is the forwarding address "
      "(often outside the county, e.g. `CF10 2BH`).")
    w("- `other_adult_forwarding_address` is one line on the form and is given in full, as written (with town and postcode).")
    w("- Names are as written, including a title when one is written (`Mrs`, `Dr`). The comb layout is completed "
      "in block capitals, so its names, addresses and free text are upper case in truth (records hold mixed case: matching must "
      "ignore case). Emails are always lower case.")
    w("- A blank box on the form means the field is absent from `fields`.")
    w("- `zone` is the zone code only (`1`-`4`) whether the form prints `Parth 2 Glan yr Afon / Zone 2 Riverside`, "
      "`Zone 3 (Harbour)`, a single comb box or a ticked option.")
    w("- `vehicle_make` is the make only (a separate Model box is not part of any field).")
    w("- Emailed permit applications: `email` is the sender's address from the From: header; `declaration_date` is the "
      "date in the sentence `I confirm ... Declaration date: <date>.` (the same day the email was sent).")
    w("- Correspondence `body` is the message paragraphs between the salutation and the closing (`Yours ...`, "
      "`Thanks,`), joined with single spaces; it excludes headers, addresses, the `Re:` line, salutation, closing and "
      "signature. `dates_mentioned` lists every date printed anywhere in the document (the letter's date line or the "
      "email's Sent: date first, then dates in the body) in order of first appearance, de-duplicated, as ISO dates. "
      "`sender_name` is the name the writer signs with; `address`/`postcode` the writer's own address.")
    w("- A correspondence sender is known when the letter gives a name AND either an address that is a gazetteer "
      "property or an account reference that exists. One anonymous email and one email giving only a name are "
      "`SENDER_UNKNOWN`.")
    w("- The duplicate pair (`duplicate_group` `dup-01`) is the same move-in notification sent twice (identical "
      "fields; the second copy is printed with a different date format and tick glyph). Both lines have outcome "
      "`duplicate_pair` and `reasons: []`; the pipeline should approve one and give the other `DUPLICATE_SUBMISSION`.")
    w("- Apart from the duplicate pair, no two files touch the same property, account or vehicle, so the order "
      "in which approved actions are applied cannot change any other file's outcome.")
    w("- Exceptions are built so that exactly the listed reasons apply (e.g. an unknown account reference on a "
      "form whose address, name and register would otherwise pass).")
    w("- `split`: `learn` for the first two approved forms of each (layout, form type) in file order; all others `test`.")
    w("- Date formats on the page vary per form: `14/09/2026`, `4/9/2026`, `14-09-2026`, `14.09.2026`, "
      "`14 September 2026`, `14th September 2026`, `September 14, 2026`, `2026-09-14`, or Day/Month/Year comb boxes. "
      "Account references appear as `71234567`, `CT71234567`, `CT 7123 4567`, `7123-4567` or `7123 4567`; "
      "postcodes sometimes in lower case or without the space.")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
