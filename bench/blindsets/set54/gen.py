#!/usr/bin/env python
"""Blind test set 54 -- Eastholm District Council (invented).

Run `python gen.py`; writes records.xlsx, inbox/*.pdf and truth.jsonl next to
this file.  Fully deterministic (seeded, reportlab invariant mode).
"""
import datetime as dt
import json
import os
import random
import re
import shutil

import openpyxl
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 54
AS_OF = dt.date(2026, 12, 7)
rng = random.Random(SEED)
W, H = A4
D = dt.date

# ---------------------------------------------------------------- fonts
SANS, SANS_B = "Helvetica", "Helvetica-Bold"
_dv = "/usr/share/fonts/truetype/dejavu/"
if os.path.exists(_dv + "DejaVuSans.ttf") and os.path.exists(_dv + "DejaVuSans-Bold.ttf"):
    pdfmetrics.registerFont(TTFont("DejaVuSans", _dv + "DejaVuSans.ttf"))
    pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", _dv + "DejaVuSans-Bold.ttf"))
    WEB, WEB_B = "DejaVuSans", "DejaVuSans-Bold"
else:
    WEB, WEB_B = SANS, SANS_B

# ---------------------------------------------------------------- formats
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]


def ordinal(n):
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


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


DATE_STYLES = ["slash", "slash_short", "dash", "dot", "long", "ordinal", "us", "iso"]


def fmt_acct(ref, style):
    if style == "plain":
        return ref
    if style == "space":
        return ref[:4] + " " + ref[4:]
    if style == "dash":
        return ref[:4] + "-" + ref[4:]
    if style == "ct":
        return "CT" + ref
    raise ValueError(style)


def fmt_pc(pc, r):
    x = r.random()
    if x < 0.10:
        return pc.lower()
    if x < 0.18:
        return pc.replace(" ", "")
    return pc


def fmt_vrm(v, r):
    x = r.random()
    if re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{3}", v):
        sp = v[:4] + " " + v[4:]
    elif re.fullmatch(r"[A-Z]\d{1,3}[A-Z]{3}", v):
        sp = v[:-3] + " " + v[-3:]
    else:
        sp = v[:3] + " " + v[3:]
    if x < 0.12:
        return sp.lower()
    if x < 0.25:
        return v
    return sp


def norm_name(n):
    toks = n.replace(".", " ").split()
    while toks and toks[0].lower() in ("mr", "mrs", "ms", "miss", "dr", "mx"):
        toks = toks[1:]
    return " ".join(toks).lower()


def norm_addr(a):
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9 ]", " ", a.lower())).strip()


def norm_pc(p):
    p = p.replace(" ", "").upper()
    return p[:-3] + " " + p[-3:]


VRM_RE = [r"[A-Z]{2}\d{2}[A-Z]{3}", r"[A-Z]\d{1,3}[A-Z]{3}", r"[A-Z]{3}\d{1,3}[A-Z]"]


def vrm_valid(v):
    return any(re.fullmatch(p, v) for p in VRM_RE)


# ---------------------------------------------------------------- people
FEM = ["Jane", "Pauline", "Sheila", "Denise", "Lauren", "Hannah", "Amy", "Karen", "Julie",
       "Susan", "Margaret", "Janet", "Claire", "Emma", "Sophie", "Rachel", "Gillian",
       "Beverley", "Tracey", "Louise", "Natalie", "Joanne", "Wendy", "Maureen", "Carol",
       "Heather", "Abigail", "Chloe", "Megan", "Priya", "Agnieszka", "Ewa", "Fiona",
       "Linda", "Dawn", "Kerry", "Stacey", "Lorraine", "Ruth", "Ellen", "Bethany", "Jodie"]
MAL = ["John", "Gordon", "Alan", "Derek", "Kevin", "Jason", "Callum", "Mark", "Paul",
       "Stephen", "Gary", "Trevor", "Colin", "Keith", "Martin", "Robert", "David", "Peter",
       "Neil", "Graham", "Darren", "Lee", "Ryan", "Jack", "Thomas", "Oliver", "Harry",
       "George", "Arjun", "Tomasz", "Piotr", "Shaun", "Craig", "Dean", "Barry", "Malcolm",
       "Roy", "Nigel", "Simon", "Adam", "Reuben", "Owen"]
SUR = ["Pike", "Reeve", "Harker", "Moss", "Drury", "Cole", "Turner", "Godfrey", "Thurston",
       "Bales", "Gotts", "Howlett", "Nobbs", "Larter", "Brundle", "Cubitt", "Dack", "Eke",
       "Futter", "Grimes", "Hewitt", "Jary", "Kerrison", "Loades", "Mallett", "Neave",
       "Olley", "Pegg", "Quantrill", "Rix", "Sayer", "Thrower", "Utting", "Vincent", "Wigg",
       "Youngs", "Allard", "Blyth", "Chapman", "Doy", "Feek", "Gedge", "Hipkin", "Ives",
       "Jex", "Kemp", "Lubbock", "Mace", "Nudd", "Osborn", "Platten", "Riches", "Spall",
       "Tuck", "Ward", "Woodhouse", "Yallop", "Patel", "Kowalski", "Nowak", "Okafor",
       "Begum", "Fraser", "Sutton", "Bunting", "Cross", "Dyball", "English", "Frost"]
USED_NAMES = set()


def new_person(sex=None, last=None):
    for _ in range(10000):
        s = sex or rng.choice("FM")
        first = rng.choice(FEM if s == "F" else MAL)
        ln = last or rng.choice(SUR)
        full = f"{first} {ln}"
        if full not in USED_NAMES:
            USED_NAMES.add(full)
            return {"first": first, "last": ln, "sex": s, "full": full}
        last = None if rng.random() < 0.5 else last
    raise RuntimeError("names")


def titled(p, r, prob=0.4):
    if r.random() >= prob:
        return p["full"]
    if p["sex"] == "M":
        t = r.choice(["Mr", "Mr", "Mr", "Dr"])
    else:
        t = r.choice(["Mrs", "Ms", "Miss", "Mrs", "Dr"])
    return f"{t} {p['full']}"


# ---------------------------------------------------------------- gazetteer
PC_LET = "ABDEFGHJLNPQRSTUWXYZ"
STREETS = [
    # street, town, district, ward, zone, kind, count
    ("Marine Parade", "Eastholm", "EH1", "Eastholm Seafront", "Seafront", "flat", 16),
    ("Promenade Terrace", "Eastholm", "EH1", "Eastholm Seafront", "Seafront", "house", 10),
    ("Cliff Gardens", "Eastholm", "EH1", "Eastholm Seafront", "Seafront", "house", 8),
    ("Albert Road", "Eastholm", "EH1", "Eastholm Central", "E1", "house", 12),
    ("Victoria Street", "Eastholm", "EH1", "Eastholm Central", "E1", "house", 12),
    ("Quay Road", "Eastholm", "EH2", "Eastholm Harbour", "Harbour", "flat", 12),
    ("Fishermans Row", "Eastholm", "EH2", "Eastholm Harbour", "Harbour", "house", 9),
    ("Station Road", "Eastholm", "EH2", "Eastholm Central", "E2", "house", 12),
    ("Kings Avenue", "Eastholm", "EH2", "Eastholm Central", "E2", "house", 10),
    ("Mill Lane", "Eastholm", "EH2", "Eastholm North", "", "house", 8),
    ("High Street", "Sheringfleet", "EH3", "Sheringfleet", "E3", "house", 10),
    ("Church Lane", "Sheringfleet", "EH3", "Sheringfleet", "", "house", 7),
    ("Sandy Lane Park", "Walcote Sands", "EH4", "Walcote and Sands", "", "plot", 12),
    ("Dunes Holiday Park", "Walcote Sands", "EH4", "Walcote and Sands", "", "plot", 8),
    ("Coast Road", "Walcote Sands", "EH4", "Walcote and Sands", "", "house", 8),
    ("The Staithe", "Mundham Staithe", "EH5", "Mundham", "", "house", 7),
    ("Back Lane", "Mundham Staithe", "EH5", "Mundham", "", "named", 6),
    ("Chapel Road", "Fenby St Mary", "EH6", "Fenby", "", "house", 8),
    ("Green Lane", "Fenby St Mary", "EH6", "Fenby", "", "named", 5),
    ("Reed Close", "Kessland", "EH7", "Kessland", "", "house", 8),
    ("Broad View", "Kessland", "EH7", "Kessland", "", "house", 7),
    ("Marsh Road", "Holme Marsh", "EH8", "Marshland", "", "named", 6),
    ("Lighthouse Lane", "Corby Ness", "EH9", "Ness", "", "house", 7),
    ("Ness Road", "Corby Ness", "EH9", "Ness", "", "house", 7),
]
PLOT_ROAD = {"Sandy Lane Park": "Sandy Lane", "Dunes Holiday Park": "Beach Road"}
HOUSE_NAMES = ["Rose Cottage", "The Old Forge", "Marsh View", "Saltings", "Heron House",
               "Windmill Cottage", "Reedcutters", "Staithe House", "Tern Cottage",
               "The Granary", "Oyster Cottage", "Willow Barn", "Samphire", "Avocet House",
               "Plover Cottage", "The Smithy", "Sea Holly"]
WARD_CODE = {"Eastholm Seafront": "ES", "Eastholm Central": "EC", "Eastholm Harbour": "EH",
             "Eastholm North": "EN", "Sheringfleet": "SF", "Walcote and Sands": "WS",
             "Mundham": "MU", "Fenby": "FE", "Kessland": "KE", "Marshland": "MA", "Ness": "NE"}

props, accounts, electors, permits = [], [], [], []
PROP_BY_UPRN = {}
STREET_NUMS = {}          # street -> set of used numbers (house streets)
STREET_PCS = {}
used_pcs = set()


def new_pc(district):
    while True:
        pc = f"{district} {rng.randint(1, 9)}{rng.choice(PC_LET)}{rng.choice(PC_LET)}"
        if pc not in used_pcs:
            used_pcs.add(pc)
            return pc


uprn_next = 100091004000
named_pool = HOUSE_NAMES[:]
rng.shuffle(named_pool)
for street, town, dist, ward, zone, kind, count in STREETS:
    pcs = [new_pc(dist) for _ in range(1 if count <= 8 else 2)]
    STREET_PCS[street] = pcs
    nums = set()
    items = []
    if kind == "house":
        pool = list(range(1, count * 3 + 2))
        chosen = sorted(rng.sample(pool, count))
        nums.update(chosen)
        items = [(f"{n} {street}", "") for n in chosen]
    elif kind == "flat":
        blds = sorted(rng.sample(range(2, 40), count // 4))
        nums.update(blds)
        for b in blds:
            for f in range(1, 5):
                items.append((f"Flat {f}, {b} {street}", ""))
    elif kind == "plot":
        plots = sorted(rng.sample(range(1, 60), count))
        items = [(f"Plot {n}, {street}", PLOT_ROAD[street]) for n in plots]
    elif kind == "named":
        for _ in range(count):
            items.append((f"{named_pool.pop()}, {street}", ""))
    STREET_NUMS[street] = nums
    for i, (l1, l2) in enumerate(items):
        uprn_next += rng.randint(3, 40)
        pc = pcs[0] if i < (len(items) + 1) // 2 else pcs[-1]
        band = rng.choice("AAB") if kind in ("flat", "plot") else rng.choice("ABBCCCDDEEFG")
        if kind == "named":
            band = rng.choice("DEFGH")
        p = {"uprn": uprn_next, "line1": l1, "line2": l2, "town": town, "postcode": pc,
             "band": band, "ward": ward, "zone": zone, "kind": kind, "street": street}
        props.append(p)
        PROP_BY_UPRN[p["uprn"]] = p

ACCT_REFS = set()


def new_ref():
    while True:
        r = f"71{rng.randint(0, 999999):06d}"
        if r not in ACCT_REFS:
            ACCT_REFS.add(r)
            return r


def rand_date(a, b):
    return a + dt.timedelta(days=rng.randint(0, (b - a).days))


elector_seq = {}


def add_elector(name, uprn):
    code = WARD_CODE[PROP_BY_UPRN[uprn]["ward"]]
    elector_seq[code] = elector_seq.get(code, 100) + rng.randint(1, 4)
    electors.append({"no": f"{code}-{elector_seq[code]}", "name": name, "uprn": uprn})


VRMS = set()
AGE_IDS = [f"{n:02d}" for n in list(range(51, 77)) + list(range(2, 27))]
VRM_L = "ABCDEFGHJKLMNOPRSTUVWXY"


def new_vrm(style="current"):
    while True:
        if style == "current":
            v = rng.choice(VRM_L) + rng.choice(VRM_L) + rng.choice(AGE_IDS) + \
                "".join(rng.choice(VRM_L.replace("O", "")) for _ in range(3))
        elif style == "prefix":
            v = rng.choice("PRSTVWXY") + str(rng.randint(1, 999)) + \
                "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXY") for _ in range(3))
        else:
            v = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXY") for _ in range(3)) + \
                str(rng.randint(1, 999)) + rng.choice("ABCDEFGHJKLMNPRSTVWXY")
        if v not in VRMS:
            VRMS.add(v)
            return v


permit_seq = [1040]


def add_permit(uprn, vrm, zone, vf, vt):
    permit_seq[0] += rng.randint(1, 9)
    permits.append({"ref": f"EHP{vf.year % 100:02d}-{permit_seq[0]:05d}", "uprn": uprn,
                    "vrm": vrm, "zone": zone, "vf": vf, "vt": vt})


# base population
for p in props:
    u = p["uprn"]
    has_active = rng.random() < 0.87
    had_closed = rng.random() < (0.35 if has_active else 0.6)
    start = rand_date(D(2008, 4, 1), D(2025, 10, 1))
    if had_closed:
        cs = rand_date(D(2001, 4, 1), start - dt.timedelta(days=400))
        prev = [new_person()]
        if rng.random() < 0.5:
            prev.append(new_person(last=prev[0]["last"] if rng.random() < .7 else None))
        if has_active:
            ce = start - dt.timedelta(days=1)
        else:
            ce = rand_date(D(2024, 1, 1), D(2026, 9, 30))
        accounts.append({"ref": new_ref(), "uprn": u, "liable": [x["full"] for x in prev],
                         "status": "closed", "start": cs, "end": ce, "disc": []})
    if has_active:
        a = new_person()
        liable = [a]
        if rng.random() < 0.55:
            liable.append(new_person(sex="M" if a["sex"] == "F" else "F",
                                     last=a["last"] if rng.random() < 0.75 else None))
        disc = ["SPD"] if len(liable) == 1 and rng.random() < 0.5 else []
        if rng.random() < 0.03:
            disc.append("DIS")
        accounts.append({"ref": new_ref(), "uprn": u, "liable": [x["full"] for x in liable],
                         "status": "active", "start": start, "end": None, "disc": disc})
        for x in liable:
            if rng.random() < 0.85:
                add_elector(x["full"], u)
        if rng.random() < 0.15 and "SPD" not in disc:
            add_elector(new_person(last=liable[0]["last"])["full"], u)
        if p["zone"]:
            k = rng.choices([0, 1, 2], [0.55, 0.32, 0.13])[0]
            for _ in range(k):
                vf = rand_date(D(2026, 1, 5), D(2026, 11, 20))
                add_permit(u, new_vrm(), p["zone"], vf, vf + dt.timedelta(days=364))
            if rng.random() < 0.2:
                vf = rand_date(D(2024, 6, 1), D(2025, 10, 1))
                add_permit(u, new_vrm(), p["zone"], vf, vf + dt.timedelta(days=364))


# ---------------------------------------------------------------- record helpers
def acct_by_ref(ref):
    for a in accounts:
        if a["ref"] == ref:
            return a
    return None


def active_acct(u):
    for a in accounts:
        if a["uprn"] == u and a["status"] == "active":
            return a
    return None


def electors_at(u):
    return [e for e in electors if e["uprn"] == u]


def set_electors(u, names):
    electors[:] = [e for e in electors if e["uprn"] != u]
    for n in names:
        add_elector(n, u)


def active_permits(u=None, vrm=None, day=AS_OF):
    return [x for x in permits if (u is None or x["uprn"] == u) and (vrm is None or x["vrm"] == vrm)
            and x["vf"] <= day <= x["vt"]]


def find_prop(line1, pc):
    for p in props:
        if norm_addr(p["line1"]) == norm_addr(line1) and p["postcode"] == norm_pc(pc):
            return p
    return None


USED_UPRNS = set()


def pick_prop(pred):
    cands = [p for p in props if p["uprn"] not in USED_UPRNS and pred(p)]
    p = rng.choice(cands)
    USED_UPRNS.add(p["uprn"])
    return p


def occupy(p, liable, start=None, disc=None):
    """Make sure p has exactly one active account with these liable parties."""
    a = active_acct(p["uprn"])
    if a is None:
        a = {"ref": new_ref(), "uprn": p["uprn"], "liable": [], "status": "active",
             "start": start or rand_date(D(2012, 4, 1), D(2024, 6, 1)), "end": None, "disc": []}
        accounts.append(a)
    a["liable"] = [x["full"] for x in liable]
    a["disc"] = disc or []
    if start:
        a["start"] = start
    elif a["start"] > D(2025, 3, 1):
        a["start"] = rand_date(D(2012, 4, 1), D(2024, 6, 1))
    return a


def clear_permits(u):
    permits[:] = [x for x in permits if x["uprn"] != u]


def addr_lines(p):
    return [p["line1"]] + ([p["line2"]] if p["line2"] else []) + [p["town"]]


OUT_OF_AREA = [("14 Unthank Road", "Norwich", "NR2 2PA"), ("3 Priory Close", "Bury St Edmunds", "IP33 1RT"),
               ("Flat 6, 40 Magdalen Street", "Norwich", "NR3 1JE"), ("27 Tennyson Road", "King's Lynn", "PE30 5NF"),
               ("9 Orchard Way", "Ipswich", "IP4 2LD"), ("118 Mill Road", "Cambridge", "CB1 2BD"),
               ("5 Bell Meadow", "Diss", "IP22 4EH"), ("61 Norwich Road", "Wymondham", "NR18 0SL"),
               ("2 Kiln Lane", "Beccles", "NR34 9TQ"), ("Flat 12, Wensum Court", "Norwich", "NR3 2AW"),
               ("44 London Road", "Lowestoft", "NR33 0AB"), ("7 The Paddocks", "Thetford", "IP24 3LU"),
               ("16 Abbey Street", "Peterborough", "PE1 2TS"), ("80 St Johns Road", "Colchester", "CO4 0HL")]
ooa_pool = OUT_OF_AREA[:]
rng.shuffle(ooa_pool)


def ooa():
    if not ooa_pool:
        ooa_pool.extend(OUT_OF_AREA)
    return ooa_pool.pop()


def phone(r):
    if r.random() < 0.55:
        return f"07{r.randint(700, 999)} {r.randint(100000, 999999)}"
    return f"01{r.choice(['493', '502', '263', '692', '603'])} {r.randint(200000, 899999)}"


def email_for(person, r):
    dom = r.choice(["example.com", "example.co.uk", "mail.example.net", "example.org.uk"])
    f, l = person["first"].lower(), person["last"].lower()
    return r.choice([f"{f}.{l}@{dom}", f"{f[0]}{l}{r.randint(1, 99)}@{dom}", f"{f}{l}@{dom}"])


# ---------------------------------------------------------------- scenarios
FORMS = []


def fr():
    return random.Random(rng.random())


def new_form(layout, ftype, scen):
    f = {"layout": layout, "form_type": ftype, "scenario": scen, "fields": {}, "disp": {},
         "reasons": [], "r": fr()}
    FORMS.append(f)
    return f


def set_date_styles(f):
    r = f["r"]
    s = r.choice(DATE_STYLES)
    f["ds"] = s
    f["ds_decl"] = s if r.random() < 0.7 else r.choice(DATE_STYLES)
    f["as"] = r.choice(["plain", "plain", "space", "dash", "ct"])


def put(f, key, val, shown=None):
    f["fields"][key] = val
    f["disp"][key] = shown if shown is not None else val


def put_date(f, key, d, decl=False):
    f["fields"][key] = d.isoformat()
    f["disp"][key] = fmt_date(d, f["ds_decl"] if decl else f["ds"])


def put_acct(f, ref):
    f["fields"]["account_ref"] = ref
    f["disp"]["account_ref"] = fmt_acct(ref, f["as"])


def put_addr(f, prefix, lines, pc, fkey_addr, fkey_pc):
    f["fields"][fkey_addr] = lines[0]
    f["fields"][fkey_pc] = norm_pc(pc)
    f["disp"][prefix + "_lines"] = lines
    f["disp"][prefix + "_postcode"] = fmt_pc(pc, f["r"])


def contact(f, person, pp=0.7, pe=0.5):
    r = f["r"]
    if r.random() < pp:
        put(f, "phone", phone(r))
    if r.random() < pe:
        put(f, "email", email_for(person, r))


def decl(f, after, blank=False):
    d = min(AS_OF - dt.timedelta(days=f["r"].randint(1, 12)), AS_OF - dt.timedelta(days=1))
    d = max(d, after) if after <= AS_OF - dt.timedelta(days=1) else d
    f["decl_d"] = d
    if blank:
        f["disp"]["declaration_date"] = ""
    else:
        put_date(f, "declaration_date", d, decl=True)


def spd(layout, scen):
    f = new_form(layout, "council_tax_spd", scen)
    set_date_styles(f)
    r = f["r"]
    p = pick_prop(lambda p: active_acct(p["uprn"]) is not None)
    u = p["uprn"]
    A = new_person()
    B = new_person(sex="M" if A["sex"] == "F" else "F", last=A["last"] if r.random() < .7 else None)
    since = rand_date(AS_OF - dt.timedelta(days=330), AS_OF - dt.timedelta(days=12))
    applicant, other, liable, regd = A, B, [A, B], [A.copy()["full"]]
    if r.random() < 0.5:
        regd.append(B["full"])
    disc = []
    ref = None
    change = None
    rel = "partner"
    if scen == "NAME_MISMATCH":
        G = new_person(sex="M")
        L = new_person(sex="F", last=G["last"])
        applicant, other, liable, regd = L, G, [G], [L["full"], G["full"]]
        change = f"My father {G['full']} moved into a care home on {fmt_date(since, r.choice(DATE_STYLES))}. I still live at the property and I am the only adult here now."
    elif scen == "DATE_TOO_OLD":
        since = rand_date(AS_OF - dt.timedelta(days=520), AS_OF - dt.timedelta(days=400))
    elif scen == "OTHER_ADULTS_REGISTERED":
        C = new_person(last=A["last"])
        regd = [A["full"], B["full"], C["full"]]
        change = f"{B['first']} and I have separated and {'he' if B['sex'] == 'M' else 'she'} has moved out."
    elif scen == "INCONSISTENT_DATES":
        wrong = since - dt.timedelta(days=r.choice([14, 21, 31, 45]))
        change = f"My {r.choice(['husband', 'partner']) if B['sex'] == 'M' else r.choice(['wife', 'partner'])} {B['full']} moved out on {fmt_date(wrong, r.choice(['long', 'slash', 'ordinal']))} and now lives elsewhere."
    elif scen == "ACCOUNT_CLOSED":
        E = since - dt.timedelta(days=1)
        old = occupy(p, [A, B], start=rand_date(D(2012, 1, 1), D(2020, 1, 1)))
        old["status"], old["end"] = "closed", E
        new = {"ref": new_ref(), "uprn": u, "liable": [A["full"]], "status": "active",
               "start": since, "end": None, "disc": []}
        accounts.append(new)
        ref = old["ref"]
        regd = [A["full"]]
        change = f"{B['first']} moved out and I am now on my own. The reference is from my old bill."
    elif scen == "DISCOUNT_ALREADY_APPLIED":
        liable, disc, other = [A], ["SPD"], None
        regd = [A["full"]]
        change = "I live on my own and would like the single person discount on my bill please."
    if scen not in ("ACCOUNT_CLOSED",):
        a = occupy(p, liable, disc=disc)
        ref = a["ref"]
    set_electors(u, regd)
    put_acct(f, ref)
    put(f, "applicant_name", titled(applicant, r))
    put_addr(f, "prop", addr_lines(p), p["postcode"], "address", "postcode")
    put_date(f, "sole_adult_since", since)
    if other is not None:
        put(f, "other_adult_name", titled(other, r, 0.3))
        if r.random() < 0.6:
            fa = ooa()
            put(f, "other_adult_forwarding_address", f"{fa[0]}, {fa[1]}, {fa[2]}")
    if change is None and r.random() < 0.7 and other is not None:
        opts = [f"{other['first']} moved out to live in {r.choice(['Norwich', 'Ipswich', 'Lowestoft', 'Cambridge'])}.",
                f"My {rel} {other['full']} moved out on {fmt_date(since, r.choice(DATE_STYLES))} so I am now the only adult in the household.",
                f"We have separated and {other['first']} no longer lives here.",
                f"{other['full']} has left the property and I live alone now."]
        change = r.choice(opts)
    if change:
        put(f, "change_description", change)
    contact(f, applicant)
    decl(f, since)
    f["uprn"] = u
    return f


def move(layout, scen, mtype):
    f = new_form(layout, "council_tax_move", scen)
    set_date_styles(f)
    r = f["r"]
    put(f, "move_type", mtype)
    blank_decl = scen == "MISSING_FIELD:declaration_date"
    if mtype == "out":
        hist_start = None
        if scen == "DATE_TOO_OLD":
            md = rand_date(AS_OF - dt.timedelta(days=480), AS_OF - dt.timedelta(days=390))
            hist_start = rand_date(D(2014, 1, 1), D(2020, 1, 1))
        else:
            md = rand_date(AS_OF - dt.timedelta(days=50), AS_OF + dt.timedelta(days=24))
        prose = layout == "letter_email"
        p = pick_prop(lambda p: active_acct(p["uprn"]) is not None and
                      (not prose or p["kind"] == "house"))
        A = new_person()
        liable = [A]
        if r.random() < 0.4:
            liable.append(new_person(last=A["last"]))
        a = occupy(p, liable, start=hist_start)
        applicant = A
        if scen == "NAME_MISMATCH":
            applicant = new_person(sex="M" if A["sex"] == "F" else "F")
        if scen == "ACCOUNT_NOT_FOUND":
            while True:
                bad = a["ref"][:5] + f"{rng.randint(0, 999):03d}"
                if bad not in ACCT_REFS:
                    break
            put_acct(f, bad)
        elif scen != "MISSING_FIELD:account_ref":
            put_acct(f, a["ref"])
        put(f, "applicant_name", titled(applicant, r))
        shown = p
        if scen == "ADDRESS_MISMATCH":
            shown = pick_prop(lambda q: q["street"] == p["street"] and q["uprn"] != p["uprn"])
        put_addr(f, "prev", addr_lines(shown), shown["postcode"], "previous_address", "previous_postcode")
        fa = ooa()
        while prose and "," in fa[0]:
            fa = ooa()
        put_addr(f, "new", [fa[0], fa[1]], fa[2], "new_address", "new_postcode")
        f["uprn"] = p["uprn"]
        f["person"] = applicant
    else:
        if scen == "DATE_IN_FUTURE":
            md = rand_date(AS_OF + dt.timedelta(days=38), AS_OF + dt.timedelta(days=70))
        else:
            md = rand_date(AS_OF - dt.timedelta(days=60), AS_OF + dt.timedelta(days=20))
        A = new_person()
        put(f, "applicant_name", titled(A, r))
        if scen == "PROPERTY_NOT_FOUND":
            st = r.choice([s for s in STREETS if s[5] == "house"])
            n = max(STREET_NUMS[st[0]]) + r.randint(2, 9)
            lines = [f"{n} {st[0]}", st[1]]
            pc = STREET_PCS[st[0]][-1]
            f["uprn"] = None
        else:
            p = pick_prop(lambda p: active_acct(p["uprn"]) is None)
            lines, pc = addr_lines(p), p["postcode"]
            f["uprn"] = p["uprn"]
            set_electors(p["uprn"], [])
        put_addr(f, "new", lines, pc, "new_address", "new_postcode")
        if r.random() < 0.7:
            fa = ooa()
            put_addr(f, "prev", [fa[0], fa[1]], fa[2], "previous_address", "previous_postcode")
        f["person"] = A
    put_date(f, "move_date", md)
    contact(f, f["person"])
    decl(f, min(md, AS_OF - dt.timedelta(days=1)) - dt.timedelta(days=r.randint(0, 10)) if md > AS_OF else md,
         blank=blank_decl)
    return f


def permit(layout, scen):
    f = new_form(layout, "parking_permit", scen)
    set_date_styles(f)
    r = f["r"]
    zones = ["Seafront", "Harbour", "E1", "E2", "E3"]
    if scen == "PROPERTY_NOT_FOUND":
        st = r.choice([s for s in STREETS if s[4] and s[5] == "house"])
        n = max(STREET_NUMS[st[0]]) + r.randint(2, 7)
        lines, pc, zone = [f"{n} {st[0]}", st[1]], STREET_PCS[st[0]][0], st[4]
        A = new_person()
        f["uprn"] = None
    else:
        p = pick_prop(lambda p: p["zone"] != "" and active_acct(p["uprn"]) is not None)
        u = p["uprn"]
        lines, pc, zone = addr_lines(p), p["postcode"], p["zone"]
        A = new_person()
        liable = [A]
        if r.random() < 0.4:
            liable.append(new_person(last=A["last"]))
        occupy(p, liable)
        regd = [x["full"] for x in liable if r.random() < 0.8]
        applicant = A
        clear_permits(u)
        if scen == "clean" and r.random() < 0.25:
            # adult child on the register only (still a resident)
            C = new_person(last=A["last"])
            regd.append(C["full"])
            applicant = C
        if scen == "NOT_RESIDENT":
            applicant = new_person()
        set_electors(u, regd)
        A = applicant
        f["uprn"] = u
        if scen == "NOT_IN_PERMIT_ZONE":
            zone = r.choice([z for z in zones if z != p["zone"]])
        if scen in ("clean", "NOT_IN_PERMIT_ZONE", "NOT_RESIDENT", "INVALID_FORMAT:vrm", "DATE_IN_FUTURE"):
            if r.random() < 0.5:
                vf = rand_date(D(2026, 2, 1), D(2026, 11, 1))
                add_permit(u, new_vrm(), p["zone"], vf, vf + dt.timedelta(days=364))
        if scen == "PERMIT_CAP_REACHED":
            for _ in range(2):
                vf = rand_date(D(2026, 1, 10), D(2026, 11, 1))
                add_permit(u, new_vrm(), p["zone"], vf, vf + dt.timedelta(days=364))
    style = "current"
    if scen == "clean" and r.random() < 0.3:
        style = r.choice(["prefix", "suffix"])
    vrm = new_vrm(style)
    if scen == "VRM_HAS_PERMIT":
        vf = rand_date(D(2026, 3, 1), D(2026, 10, 1))
        add_permit(f["uprn"], vrm, zone, vf, vf + dt.timedelta(days=364))
    if scen == "clean" and style == "current" and r.random() < 0.35:
        # renewal: the same car had a permit that has now expired
        vf = rand_date(D(2025, 6, 1), D(2025, 11, 1))
        add_permit(f["uprn"], vrm, zone, vf, vf + dt.timedelta(days=364))
    if scen == "INVALID_FORMAT:vrm":
        vrm = vrm[:4] + vrm[4:6] + "0"   # last letter typed as a zero
    put(f, "applicant_name", titled(A, r))
    put_addr(f, "prop", lines, pc, "address", "postcode")
    put(f, "vrm", vrm, fmt_vrm(vrm, r))
    if r.random() < 0.75:
        put(f, "vehicle_make", r.choice(["Ford Fiesta", "Vauxhall Corsa", "Toyota Yaris", "Nissan Qashqai",
                                         "Volkswagen Golf", "Kia Sportage", "Skoda Octavia", "Peugeot 208",
                                         "Land Rover Defender", "Honda Jazz", "MG ZS", "Ford Transit Custom"]))
    put(f, "zone", zone)
    if scen == "DATE_IN_FUTURE":
        sd = rand_date(AS_OF + dt.timedelta(days=40), AS_OF + dt.timedelta(days=75))
    else:
        sd = rand_date(AS_OF - dt.timedelta(days=5), AS_OF + dt.timedelta(days=26))
    put_date(f, "start_date", sd)
    contact(f, A)
    decl(f, AS_OF - dt.timedelta(days=14))
    f["person"] = A
    return f


# ---------------------------------------------------------------- correspondence
def letter_date(r):
    return AS_OF - dt.timedelta(days=r.randint(1, 6))


def corresp(scen, topic, medium):
    f = new_form("letter_email", "correspondence", scen)
    r = f["r"]
    f["medium"] = medium
    anon = scen == "SENDER_UNKNOWN"
    person = new_person()
    p = None
    a = None
    if not anon:
        p = pick_prop(lambda p: active_acct(p["uprn"]) is not None and p["kind"] in ("house", "flat", "plot"))
        a = occupy(p, [person])
        set_electors(p["uprn"], [person["full"]])
    sent = letter_date(r)
    ds = r.choice(["long", "ordinal", "slash"])
    dates = [sent]
    name = titled(person, r, 0.5) if not anon else None
    ref_shown = None
    paras = []
    subject = ""
    if topic == "missed_bin":
        d1 = sent - dt.timedelta(days=r.randint(2, 6))
        dates.append(d1)
        bin_ = r.choice(["green recycling bin", "black general waste bin", "brown garden waste bin"])
        subject = "Missed bin collection"
        paras = [f"My {bin_} was not emptied on {fmt_date(d1, ds)}. It was out on the pavement by 7am as usual and the lorry went straight past.",
                 "This is the second time in a month that our road has been missed. Please could someone come back and empty it as soon as possible, as it is now overflowing and the gulls are pulling the bags apart.",
                 "Thank you."]
    elif topic == "council_tax_query":
        subject = "Question about my council tax bill"
        if scen == "ACCOUNT_NOT_FOUND":
            while True:
                bad = f"71{rng.randint(0, 999999):06d}"
                if bad not in ACCT_REFS:
                    break
            ref_true = bad
        else:
            ref_true = a["ref"]
        ref_shown = fmt_acct(ref_true, r.choice(["plain", "space", "ct", "dash"]))
        f["fields"]["account_ref"] = ref_true
        d1 = D(2026, 11, r.randint(2, 20))
        dates.append(d1)
        paras = [f"I have received my council tax bill dated {fmt_date(d1, ds)} for account {ref_shown} and I do not understand why the monthly instalments have gone up.",
                 "I have paid by direct debit every month and I was not aware of any arrears. Could you please explain how the new amount has been worked out and whether I have been charged for the right band?",
                 "I would be grateful for a reply in writing."]
    elif topic == "complaint":
        subject = "Formal complaint"
        d1 = sent - dt.timedelta(days=r.randint(5, 20))
        dates.append(d1)
        what = r.choice(["the state of the public toilets on the seafront, which have been locked for weeks",
                         "the way I was spoken to by a member of staff at the Town Hall reception",
                         "the repeated failure to repair the broken street light outside my home"])
        paras = [f"I wish to make a formal complaint about {what}.",
                 f"I first reported this on {fmt_date(d1, ds)} and was told it would be dealt with within five working days. Nothing has happened and nobody has contacted me since.",
                 "I am very unhappy with the service I have received and I would like the complaint to be investigated and a written response sent to me."]
    elif topic == "foi_request":
        subject = "Freedom of Information request"
        paras = ["Under the Freedom of Information Act 2000, please provide the following information:",
                 "1. The number of beach hut licences issued by the council in each of the last three financial years. 2. The income received from those licences in each year. 3. The number of people currently on the waiting list for a beach hut.",
                 "I would prefer to receive the information electronically."]
    if anon:
        dates = [sent]
        paras = ["I wish to make a formal complaint about the caravans parked overnight on the seafront car park every weekend.",
                 "Engines are left running and there is litter everywhere in the morning. Your wardens never seem to do anything about it and I am fed up of reporting it.",
                 "Please deal with this."]
    body = " ".join(paras)
    f["fields"]["topic"] = topic
    if name:
        f["fields"]["sender_name"] = name
    if p is not None:
        f["fields"]["address"] = p["line1"]
        f["fields"]["postcode"] = p["postcode"]
        f["addr_lines"] = addr_lines(p)
        f["pc_shown"] = fmt_pc(p["postcode"], r)
    f["fields"]["body"] = body
    f.update(paras=paras, subject=subject, sent=sent, ds=ds, person=person, name=name)
    seen = []
    for d in dates:
        if d.isoformat() not in seen:
            seen.append(d.isoformat())
    f["fields"]["dates_mentioned"] = seen
    f["uprn"] = p["uprn"] if p else None
    if medium == "email":
        f["email_addr"] = email_for(person, r) if not anon else "seaview1962@example.com"
    return f


def prose_move(scen):
    f = move("letter_email", scen, "out")
    f["medium"] = "email"
    r = f["r"]
    f["ds"] = r.choice(["long", "ordinal", "slash"])
    f["disp"]["move_date"] = fmt_date(D.fromisoformat(f["fields"]["move_date"]), f["ds"])
    # the email's sent date is the declaration date
    f["fields"]["declaration_date"] = f["decl_d"].isoformat()
    f["fields"]["email"] = f["fields"].get("email") or email_for(f["person"], r)
    f["disp"]["email"] = f["fields"]["email"]
    put(f, "applicant_name", f["person"]["full"])
    return f


# ---------------------------------------------------------------- the plan
PLAN = []
L1, L2, L3, L4, L5, L6 = ("leaflet_two_column", "question_shaded_box", "circled_choices",
                          "legacy_retyped", "online_receipt", "letter_email")
for s in ["clean", "clean", "clean", "NAME_MISMATCH", "DATE_TOO_OLD"]:
    PLAN.append(("spd", L1, s))
for s in ["clean", "clean", "NOT_IN_PERMIT_ZONE", "PERMIT_CAP_REACHED", "PROPERTY_NOT_FOUND"]:
    PLAN.append(("permit", L1, s))
for s in ["clean", "clean", "OTHER_ADULTS_REGISTERED", "INCONSISTENT_DATES"]:
    PLAN.append(("spd", L2, s))
for s, t in [("clean", "out"), ("clean", "in"), ("ADDRESS_MISMATCH", "out"), ("PROPERTY_NOT_FOUND", "in")]:
    PLAN.append(("move", L2, s, t))
for s in ["clean", "clean", "INVALID_FORMAT:vrm"]:
    PLAN.append(("permit", L2, s))
for s, t in [("clean", "in"), ("clean", "out"), ("clean", "in"), ("DATE_IN_FUTURE", "in"), ("NAME_MISMATCH", "out")]:
    PLAN.append(("move", L3, s, t))
for s in ["clean", "clean", "clean", "VRM_HAS_PERMIT", "NOT_RESIDENT"]:
    PLAN.append(("permit", L3, s))
for s in ["clean", "clean", "clean", "ACCOUNT_CLOSED", "DISCOUNT_ALREADY_APPLIED"]:
    PLAN.append(("spd", L4, s))
for s, t in [("clean", "out"), ("clean", "in"), ("DATE_TOO_OLD", "out"), ("MISSING_FIELD:declaration_date", "in")]:
    PLAN.append(("move", L4, s, t))
for s in ["clean", "clean", "DUP"]:
    PLAN.append(("spd", L5, s))
for s, t in [("clean", "in"), ("clean", "out"), ("ACCOUNT_NOT_FOUND", "out")]:
    PLAN.append(("move", L5, s, t))
for s in ["clean", "clean", "DATE_IN_FUTURE"]:
    PLAN.append(("permit", L5, s))
for s, topic, med in [("clean", "missed_bin", "letter"), ("clean", "missed_bin", "email"),
                      ("clean", "council_tax_query", "email"), ("clean", "complaint", "letter"),
                      ("clean", "foi_request", "email"), ("SENDER_UNKNOWN", "complaint", "email"),
                      ("ACCOUNT_NOT_FOUND", "council_tax_query", "letter")]:
    PLAN.append(("corr", L6, s, topic, med))
for s in ["clean", "clean", "MISSING_FIELD:account_ref"]:
    PLAN.append(("prose", L6, s))

for item in PLAN:
    kind = item[0]
    if kind == "spd":
        f = spd(item[1], "clean" if item[2] == "DUP" else item[2])
        if item[2] == "DUP":
            f["scenario"] = "DUP"
            g = dict(f)
            g["r"] = fr()
            g["scenario"] = "DUP"
            FORMS.append(g)
            f["dup_twin"] = g
    elif kind == "permit":
        permit(item[1], item[2])
    elif kind == "move":
        move(item[1], item[2], item[3])
    elif kind == "corr":
        corresp(item[2], item[3], item[4])
    elif kind == "prose":
        prose_move(item[2])

# ---------------------------------------------------------------- independent checker
REQUIRED = {
    "council_tax_spd": ["account_ref", "applicant_name", "address", "postcode", "sole_adult_since",
                        "declaration_date"],
    "parking_permit": ["applicant_name", "address", "postcode", "vrm", "zone", "start_date",
                       "declaration_date"],
    "correspondence": ["topic", "body"],
}
ALLOWED = {
    "council_tax_spd": {"account_ref", "applicant_name", "address", "postcode", "sole_adult_since",
                        "other_adult_name", "other_adult_forwarding_address", "change_description",
                        "phone", "email", "declaration_date"},
    "council_tax_move": {"move_type", "account_ref", "applicant_name", "previous_address",
                         "previous_postcode", "new_address", "new_postcode", "move_date", "phone",
                         "email", "declaration_date"},
    "parking_permit": {"applicant_name", "address", "postcode", "vrm", "vehicle_make", "zone",
                       "start_date", "phone", "email", "declaration_date"},
    "correspondence": {"topic", "sender_name", "address", "postcode", "account_ref",
                       "dates_mentioned", "body"},
}
DATE_RX = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)? (" + "|".join(MONTHS) + r") (\d{4})\b|"
                     r"\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\b|"
                     r"\b(" + "|".join(MONTHS) + r") (\d{1,2}), (\d{4})\b|\b(\d{4})-(\d{2})-(\d{2})\b")


def dates_in(text):
    out = []
    for m in DATE_RX.finditer(text):
        g = m.groups()
        if g[0]:
            out.append(D(int(g[2]), MONTHS.index(g[1]) + 1, int(g[0])))
        elif g[3]:
            out.append(D(int(g[5]), int(g[4]), int(g[3])))
        elif g[6]:
            out.append(D(int(g[8]), MONTHS.index(g[6]) + 1, int(g[7])))
        else:
            out.append(D(int(g[9]), int(g[10]), int(g[11])))
    return out


def check(f):
    ft, x = f["form_type"], f["fields"]
    reasons = []
    req = REQUIRED.get(ft)
    if ft == "council_tax_move":
        req = ["move_type", "applicant_name", "move_date", "declaration_date"]
        req += ["account_ref", "previous_address", "previous_postcode"] if x.get("move_type") == "out" \
            else ["new_address", "new_postcode"]
    for k in req:
        if k not in x:
            reasons.append(f"MISSING_FIELD:{k}")
    if reasons:
        return reasons
    liable_ok = lambda a, n: norm_name(n) in [norm_name(y) for y in a["liable"]]
    if ft == "council_tax_spd":
        a = acct_by_ref(x["account_ref"])
        if a is None:
            return ["ACCOUNT_NOT_FOUND"]
        if a["status"] != "active":
            reasons.append("ACCOUNT_CLOSED")
        if not liable_ok(a, x["applicant_name"]):
            reasons.append("NAME_MISMATCH")
        p = PROP_BY_UPRN[a["uprn"]]
        if norm_addr(p["line1"]) != norm_addr(x["address"]) or p["postcode"] != x["postcode"]:
            reasons.append("ADDRESS_MISMATCH")
        if "SPD" in a["disc"]:
            reasons.append("DISCOUNT_ALREADY_APPLIED")
        ok = {norm_name(x["applicant_name"]), norm_name(x.get("other_adult_name", ""))}
        if any(norm_name(e["name"]) not in ok for e in electors_at(a["uprn"])):
            reasons.append("OTHER_ADULTS_REGISTERED")
        s = D.fromisoformat(x["sole_adult_since"])
        if s > AS_OF:
            reasons.append("DATE_IN_FUTURE")
        if (AS_OF - s).days > 365:
            reasons.append("DATE_TOO_OLD")
        if any(d != s for d in dates_in(x.get("change_description", ""))):
            reasons.append("INCONSISTENT_DATES")
    elif ft == "council_tax_move":
        if x["move_type"] == "out":
            a = acct_by_ref(x["account_ref"])
            if a is None:
                reasons.append("ACCOUNT_NOT_FOUND")
            else:
                if not liable_ok(a, x["applicant_name"]):
                    reasons.append("NAME_MISMATCH")
                p = PROP_BY_UPRN[a["uprn"]]
                if norm_addr(p["line1"]) != norm_addr(x["previous_address"]) or p["postcode"] != x["previous_postcode"]:
                    reasons.append("ADDRESS_MISMATCH")
        else:
            if find_prop(x["new_address"], x["new_postcode"]) is None:
                reasons.append("PROPERTY_NOT_FOUND")
        m = D.fromisoformat(x["move_date"])
        if (m - AS_OF).days > 28:
            reasons.append("DATE_IN_FUTURE")
        if (AS_OF - m).days > 365:
            reasons.append("DATE_TOO_OLD")
    elif ft == "parking_permit":
        p = find_prop(x["address"], x["postcode"])
        if p is None:
            reasons.append("PROPERTY_NOT_FOUND")
        else:
            if not p["zone"] or p["zone"] != x["zone"]:
                reasons.append("NOT_IN_PERMIT_ZONE")
            a = active_acct(p["uprn"])
            res = (a is not None and liable_ok(a, x["applicant_name"])) or \
                norm_name(x["applicant_name"]) in [norm_name(e["name"]) for e in electors_at(p["uprn"])]
            if not res:
                reasons.append("NOT_RESIDENT")
        if not vrm_valid(x["vrm"]):
            reasons.append("INVALID_FORMAT:vrm")
        if active_permits(vrm=x["vrm"]):
            reasons.append("VRM_HAS_PERMIT")
        if p is not None and len(active_permits(u=p["uprn"])) >= 2:
            reasons.append("PERMIT_CAP_REACHED")
        if (D.fromisoformat(x["start_date"]) - AS_OF).days > 28:
            reasons.append("DATE_IN_FUTURE")
    elif ft == "correspondence":
        known = False
        if "sender_name" in x:
            if "address" in x and "postcode" in x and find_prop(x["address"], x["postcode"]):
                known = True
            if "account_ref" in x and acct_by_ref(x["account_ref"]):
                known = True
        if not known:
            reasons.append("SENDER_UNKNOWN")
        if "account_ref" in x and acct_by_ref(x["account_ref"]) is None:
            reasons.append("ACCOUNT_NOT_FOUND")
    return reasons


for f in FORMS:
    got = check(f)
    want = [] if f["scenario"] in ("clean", "DUP") else [f["scenario"]]
    assert got == want, (f["layout"], f["form_type"], f["scenario"], got, f["fields"])
    f["reasons"] = want
    assert set(f["fields"]) <= ALLOWED[f["form_type"]], f["fields"]

# no two forms touch the same property / account / vehicle (except the duplicate pair)
seen_u, seen_a, seen_v = set(), set(), set()
for f in FORMS:
    if f.get("scenario") == "DUP" and "dup_twin" not in f:
        continue
    u = f.get("uprn")
    if u:
        assert u not in seen_u, f
        seen_u.add(u)
    ar = f["fields"].get("account_ref")
    if ar:
        assert ar not in seen_a
        seen_a.add(ar)
    v = f["fields"].get("vrm")
    if v:
        assert v not in seen_v
        seen_v.add(v)
# ============================================================== RENDERING


def wrap(text, font, size, width):
    words = text.split(" ")
    lines, cur = [], ""
    for w in words:
        t = (cur + " " + w) if cur else w
        if stringWidth(t, font, size) <= width or not cur:
            cur = t
        else:
            lines.append(cur)
            cur = w
    if cur:
        lines.append(cur)
    return lines


def as_lines(v, font, size, width):
    if v is None or v == "":
        return []
    if isinstance(v, list):
        out = []
        for s in v:
            out.extend(wrap(s, font, size, width))
        return out
    return wrap(v, font, size, width)


COUNCIL = "Eastholm District Council"


def rows_for(f, L, split_addr):
    """Generic question list: (key, label, value) where value is str / list / '' (blank)."""
    ft, d, r = f["form_type"], f["disp"], f["r"]
    lab = lambda k: r.choice(LABELS[L][k]) if isinstance(LABELS[L][k], list) else LABELS[L][k]
    rows = []

    def addr(prefix, labkey):
        lines = d.get(prefix + "_lines")
        if split_addr:
            rows.append((prefix + "_l1", lab(labkey + "_l1"), lines[0] if lines else ""))
            if lines and len(lines) == 3:
                rows.append((prefix + "_l2", lab(labkey + "_l2"), lines[1]))
            rows.append((prefix + "_town", lab(labkey + "_town"), lines[-1] if lines else ""))
        else:
            rows.append((prefix + "_block", lab(labkey + "_block"), lines or ""))
        rows.append((prefix + "_pc", lab(labkey + "_pc"), d.get(prefix + "_postcode", "")))

    if ft == "council_tax_spd":
        rows.append(("sec", lab("sec_you"), None))
        rows.append(("account_ref", lab("account_ref"), d.get("account_ref", "")))
        rows.append(("applicant_name", lab("applicant_name"), d.get("applicant_name", "")))
        addr("prop", "prop")
        rows.append(("phone", lab("phone"), d.get("phone", "")))
        rows.append(("email", lab("email"), d.get("email", "")))
        rows.append(("sec", lab("sec_house"), None))
        rows.append(("sole_adult_since", lab("sole_adult_since"), d.get("sole_adult_since", "")))
        rows.append(("other_adult_name", lab("other_adult_name"), d.get("other_adult_name", "")))
        rows.append(("other_adult_forwarding_address", lab("other_adult_forwarding_address"),
                     d.get("other_adult_forwarding_address", "")))
        rows.append(("change_description", lab("change_description"), d.get("change_description", "")))
    elif ft == "council_tax_move":
        mt = f["fields"]["move_type"]
        rows.append(("sec", lab("sec_move"), None))
        rows.append(("move_type", lab("move_type"), d["move_type_shown"]))
        rows.append(("applicant_name", lab("applicant_name"), d.get("applicant_name", "")))
        rows.append(("account_ref", lab("account_ref_move"), d.get("account_ref", "")))
        if mt == "out":
            addr("prev", "prev_out")
            rows.append(("move_date", lab("move_date_out"), d.get("move_date", "")))
            addr("new", "new_out")
        else:
            addr("new", "new_in")
            rows.append(("move_date", lab("move_date_in"), d.get("move_date", "")))
            addr("prev", "prev_in")
        rows.append(("phone", lab("phone"), d.get("phone", "")))
        rows.append(("email", lab("email"), d.get("email", "")))
    else:
        rows.append(("sec", lab("sec_you"), None))
        rows.append(("applicant_name", lab("applicant_name"), d.get("applicant_name", "")))
        addr("prop", "prop_permit")
        rows.append(("phone", lab("phone"), d.get("phone", "")))
        rows.append(("email", lab("email"), d.get("email", "")))
        rows.append(("sec", lab("sec_vehicle"), None))
        rows.append(("zone", lab("zone"), d.get("zone", "")))
        rows.append(("vrm", lab("vrm"), d.get("vrm", "")))
        rows.append(("vehicle_make", lab("vehicle_make"), d.get("vehicle_make", "")))
        rows.append(("start_date", lab("start_date"), d.get("start_date", "")))
    rows.append(("sec", lab("sec_decl"), None))
    rows.append(("decl_text", lab("decl_text"), None))
    rows.append(("signature", lab("signature"), f["signature"]))
    rows.append(("declaration_date", lab("declaration_date"), d.get("declaration_date", "")))
    return rows


LABELS = {
    L1: {
        "sec_you": ["About you"], "sec_house": ["Your household"], "sec_vehicle": ["Your vehicle"],
        "sec_move": ["Your move"], "sec_decl": ["Declaration"],
        "decl_text": ["I declare that the information I have given is correct and complete. I understand that giving false information may lead to prosecution."],
        "account_ref": ["Council tax account number (shown on your bill)", "Your council tax reference"],
        "applicant_name": ["Your full name", "Full name of the person applying"],
        "prop_block": ["Address of the property", "Address you are claiming for"],
        "prop_pc": ["Postcode"],
        "prop_permit_block": ["Your home address", "Address where the vehicle is kept overnight"],
        "prop_permit_pc": ["Postcode"],
        "phone": ["Daytime phone number", "Contact telephone"],
        "email": ["Email address", "Email (if you have one)"],
        "sole_adult_since": ["Date you became the only adult (18 or over) living there",
                             "Since when have you lived alone?"],
        "other_adult_name": ["Name of the other adult who has left", "Who moved out?"],
        "other_adult_forwarding_address": ["Their new address, if you know it", "Where do they live now?"],
        "change_description": ["Tell us briefly what has changed", "What has changed in your household?"],
        "zone": ["Permit zone (see the map overleaf)", "Which zone do you live in?"],
        "vrm": ["Vehicle registration number", "Registration (number plate)"],
        "vehicle_make": ["Make and model", "Vehicle make / model"],
        "start_date": ["Date you want the permit to start", "Permit to start from"],
        "signature": ["Signature"],
        "declaration_date": ["Date", "Date signed"],
    },
    L2: {
        "sec_you": ["Section 1 - About you"], "sec_house": ["Section 2 - Who lives at the property"],
        "sec_vehicle": ["Section 2 - Your vehicle and permit"], "sec_move": ["Section 1 - Your move"],
        "sec_decl": ["Section 3 - Declaration"],
        "decl_text": ["By signing you confirm the answers on this form are true. We may check them against other council records."],
        "account_ref": ["What is your council tax account reference? It is printed at the top of your bill.",
                        "What is the account number shown on your council tax bill?"],
        "account_ref_move": ["If you are moving out, what is your council tax account reference?",
                             "What is your council tax account number (if you have one)?"],
        "applicant_name": ["What is your full name?", "Please give your full name."],
        "prop_block": ["What is the full address of the property?", "What is the address of the property you are claiming the discount for?"],
        "prop_pc": ["What is the postcode of the property?", "And the postcode?"],
        "prop_permit_block": ["What is the full address where you live and keep the vehicle?"],
        "prop_permit_pc": ["What is the postcode of that address?"],
        "prev_out_block": ["What is the full address of the property you are leaving?"],
        "prev_out_pc": ["What is the postcode of the property you are leaving?"],
        "new_out_block": ["Where will you be living after you move? Please give the full address so we can send your final bill."],
        "new_out_pc": ["What is the postcode of your new address?"],
        "new_in_block": ["What is the full address of the property you have moved into?"],
        "new_in_pc": ["What is the postcode of the property you have moved into?"],
        "prev_in_block": ["Where did you live before this move?"],
        "prev_in_pc": ["What was the postcode of your previous address?"],
        "move_type": ["Are you telling us you are moving into a property or moving out of one?"],
        "move_date_out": ["On what date did you (or will you) move out?"],
        "move_date_in": ["On what date did you move in, or get the keys?"],
        "phone": ["What is the best phone number to reach you on?", "Which telephone number can we call you on?"],
        "email": ["What is your email address?", "If you would like us to email you, what is your email address?"],
        "sole_adult_since": ["From what date have you been the only adult (aged 18 or over) living there?",
                             "On what date did you become the only adult living at the property?"],
        "other_adult_name": ["What is the name of the adult who moved out?", "Who was the other adult living with you?"],
        "other_adult_forwarding_address": ["If you know it, what is their new address?", "Where does that person live now?"],
        "change_description": ["Please tell us in your own words what has changed.", "What has changed in your household?"],
        "zone": ["Which permit zone is your home in?"],
        "vrm": ["What is the registration number of the vehicle?"],
        "vehicle_make": ["What is the make and model of the vehicle?"],
        "start_date": ["From what date do you need the permit?"],
        "signature": ["Your signature"],
        "declaration_date": ["What is today's date?", "Date you signed this form"],
    },
    L4: {
        "sec_you": ["PART A - THE APPLICANT AND THE PROPERTY"], "sec_house": ["PART A (continued) - OCCUPANCY"],
        "sec_move": ["PART A - DETAILS OF MOVE"], "sec_decl": ["PART B - DECLARATION"],
        "sec_vehicle": ["PART A (cont.)"],
        "decl_text": ["I certify that the particulars given are true to the best of my knowledge and belief."],
        "account_ref": ["Council Tax a/c no.", "Account reference"],
        "account_ref_move": ["Council Tax a/c no. (if known)"],
        "applicant_name": ["Name of applicant (in full)", "Full name of liable person"],
        "prop_l1": ["Address of property - No. & street", "Property: number/name & street"],
        "prop_l2": ["Locality"], "prop_town": ["Town/village"], "prop_pc": ["Post code"],
        "prev_out_l1": ["Address being vacated - No. & street"], "prev_out_l2": ["Locality"],
        "prev_out_town": ["Town"], "prev_out_pc": ["Post code"],
        "new_out_l1": ["Forwarding address - No. & street"], "new_out_l2": ["Locality"],
        "new_out_town": ["Town"], "new_out_pc": ["Post code"],
        "new_in_l1": ["New address in district - No. & street"], "new_in_l2": ["Locality"],
        "new_in_town": ["Town"], "new_in_pc": ["Post code"],
        "prev_in_l1": ["Previous address - No. & street"], "prev_in_l2": ["Locality"],
        "prev_in_town": ["Town"], "prev_in_pc": ["Post code"],
        "move_type": ["Moving IN to or OUT of district property"],
        "move_date_out": ["Date of vacating"], "move_date_in": ["Date of occupation"],
        "phone": ["Tel. no."], "email": ["E-mail"],
        "sole_adult_since": ["Date from which sole adult resident"],
        "other_adult_name": ["Name of other adult who has left"],
        "other_adult_forwarding_address": ["Forwarding address of that person"],
        "change_description": ["Details of change in circumstances"],
        "signature": ["Signature of applicant"], "declaration_date": ["Date"],
    },
    L5: {
        "sec_you": ["Your details"], "sec_house": ["Household"], "sec_vehicle": ["Vehicle"],
        "sec_move": ["Your move"], "sec_decl": ["Declaration"],
        "decl_text": ["I confirm the information I have given is correct - Agreed"],
        "account_ref": ["Council Tax account number"], "account_ref_move": ["Council Tax account number"],
        "applicant_name": ["Your name"],
        "prop_l1": ["Property address line 1"], "prop_l2": ["Property address line 2"],
        "prop_town": ["Town or village"], "prop_pc": ["Property postcode"],
        "prev_out_l1": ["Address you are leaving - line 1"], "prev_out_l2": ["Address you are leaving - line 2"],
        "prev_out_town": ["Address you are leaving - town"], "prev_out_pc": ["Address you are leaving - postcode"],
        "new_out_l1": ["Forwarding address - line 1"], "new_out_l2": ["Forwarding address - line 2"],
        "new_out_town": ["Forwarding address - town"], "new_out_pc": ["Forwarding address - postcode"],
        "new_in_l1": ["New address - line 1"], "new_in_l2": ["New address - line 2"],
        "new_in_town": ["New address - town"], "new_in_pc": ["New address - postcode"],
        "prev_in_l1": ["Previous address - line 1"], "prev_in_l2": ["Previous address - line 2"],
        "prev_in_town": ["Previous address - town"], "prev_in_pc": ["Previous address - postcode"],
        "prop_permit_l1": ["Home address line 1"], "prop_permit_l2": ["Home address line 2"],
        "prop_permit_town": ["Home town"], "prop_permit_pc": ["Home postcode"],
        "move_type": ["Are you moving in or out?"],
        "move_date_out": ["Date you moved out"], "move_date_in": ["Date you moved in"],
        "phone": ["Telephone"], "email": ["Email"],
        "sole_adult_since": ["Only adult resident since"], "other_adult_name": ["Name of other adult"],
        "other_adult_forwarding_address": ["Other adult's new address"],
        "change_description": ["What has changed?"],
        "zone": ["Permit zone"], "vrm": ["Vehicle registration"], "vehicle_make": ["Vehicle make and model"],
        "start_date": ["Permit start date"],
        "signature": ["Submitted by"], "declaration_date": ["Date of declaration"],
    },
}


def footer(c, text, font=SANS, size=7):
    c.setFont(font, size)
    c.setFillGray(0.35)
    c.drawString(40, 24, text)
    c.setFillGray(0)


# ---------------------------------------------------------------- L1 leaflet
def render_leaflet(c, f):
    r = f["r"]
    ft = f["form_type"]
    title = {"council_tax_spd": "Council Tax - Single Person Discount",
             "parking_permit": "Residents' Parking Permit"}[ft]
    code = {"council_tax_spd": "CT/SPD leaflet 2026", "parking_permit": "PK/RES leaflet 2026"}[ft]
    colour = (0.05, 0.38, 0.45) if ft == "council_tax_spd" else (0.55, 0.22, 0.12)
    pages = [0]

    def head(first):
        pages[0] += 1
        c.setFillColorRGB(*colour)
        c.rect(0, H - (110 if first else 50), W, 110 if first else 50, stroke=0, fill=1)
        c.setFillColorRGB(1, 1, 1)
        if first:
            c.setFont(SANS_B, 11)
            c.drawString(40, H - 32, COUNCIL.upper())
            c.setFont(SANS_B, 20)
            c.drawString(40, H - 62, title)
            c.setFont(SANS, 9.5)
            c.drawString(40, H - 84, "Application form - please complete in BLOCK CAPITALS or type, and return to the address on the back page.")
        else:
            c.setFont(SANS_B, 10)
            c.drawString(40, H - 30, f"{title} (continued)")
        c.setFillGray(0)
        footer(c, f"{code}   |   Page {pages[0]}   |   www.eastholm.gov.uk")

    head(True)
    colx = [40, 312]
    cw = 243
    top = H - 130
    bottom = 50
    notes_spd = [("Who can apply?", "If you are the only adult (aged 18 or over) living in your home you can get 25% off your council tax bill. Some people, such as full-time students and live-in carers, are not counted."),
                 ("Before you start", "You will need your council tax account number. It is printed in the top right-hand corner of your bill."),
                 ("What happens next", "We will write to you within 21 days. If someone moves back in you must tell us straight away.")]
    notes_pk = [("Who can apply?", "Residents of streets inside a residents' parking zone can apply for up to two permits per household. Holiday lets are not eligible."),
                ("Before you start", "You will need the vehicle's registration number. The permit is valid for twelve months from the start date."),
                ("Seasonal restrictions", "Seafront and Harbour zones operate every day between Easter and the end of October.")]
    notes = notes_spd if ft == "council_tax_spd" else notes_pk
    blocks = [("note", notes[0])]
    rows = rows_for(f, L1, split_addr=False)
    qn = 0
    for k, lab, val in rows:
        if k == "sec":
            blocks.append(("sec", lab))
            if lab == "Declaration" or lab.startswith("Your household") or lab.startswith("Your vehicle"):
                pass
        elif k == "decl_text":
            blocks.append(("para", lab))
        else:
            qn += 1
            blocks.append(("q", (qn, lab, val, k)))
        if k == "email":
            blocks.append(("note", notes[1]))
    blocks.append(("note", notes[2]))
    col, y = 0, top
    afont = r.choice(["Courier", "Helvetica", "Times-Roman"])
    for kind, data in blocks:
        if kind == "note":
            t, body = data
            lines = wrap(body, SANS, 8.5, cw - 12)
            h = 20 + len(lines) * 11 + 8
        elif kind == "sec":
            h = 22
        elif kind == "para":
            lines = wrap(data, SANS, 8, cw)
            h = len(lines) * 10 + 6
        else:
            n, lab, val, k = data
            llines = wrap(f"{n}. {lab}", SANS_B, 9, cw)
            alines = as_lines(val, afont, 10, cw - 10)
            boxh = max(1, len(alines)) * 13 + 8
            if k in ("change_description", "other_adult_forwarding_address") and len(alines) < 3:
                boxh = 3 * 13 + 8
            h = len(llines) * 11 + 4 + boxh
        if y - h < bottom:
            col += 1
            if col == 2:
                c.showPage()
                head(False)
                col = 0
                top = H - 75
            y = top
        x = colx[col]
        if kind == "note":
            c.setFillColorRGB(0.93, 0.96, 0.96)
            c.rect(x, y - h + 4, cw, h - 4, stroke=0, fill=1)
            c.setFillColorRGB(*colour)
            c.setFont(SANS_B, 10)
            c.drawString(x + 6, y - 14, t)
            c.setFillGray(0.1)
            c.setFont(SANS, 8.5)
            for i, ln in enumerate(lines):
                c.drawString(x + 6, y - 28 - i * 11, ln)
            c.setFillGray(0)
        elif kind == "sec":
            c.setFillColorRGB(*colour)
            c.setFont(SANS_B, 12)
            c.drawString(x, y - 14, data)
            c.setStrokeColorRGB(*colour)
            c.line(x, y - 18, x + cw, y - 18)
            c.setFillGray(0)
            c.setStrokeGray(0)
        elif kind == "para":
            c.setFont(SANS, 8)
            for i, ln in enumerate(lines):
                c.drawString(x, y - 8 - i * 10, ln)
        else:
            c.setFont(SANS_B, 9)
            for i, ln in enumerate(llines):
                c.drawString(x, y - 9 - i * 11, ln)
            by = y - len(llines) * 11 - 4
            c.setStrokeGray(0.45)
            c.rect(x, by - boxh, cw, boxh, stroke=1, fill=0)
            c.setFont(afont if k != "signature" else "Times-Italic", 10 if k != "signature" else 12)
            for i, ln in enumerate(alines):
                c.drawString(x + 5, by - 13 - i * 13, ln)
        y -= h + 6
    c.showPage()


# ---------------------------------------------------------------- L2 question + shaded box
def render_question(c, f):
    r = f["r"]
    ft = f["form_type"]
    title = {"council_tax_spd": "Apply for a single person discount",
             "council_tax_move": "Council Tax - tell us you are moving",
             "parking_permit": "Apply for a residents' parking permit"}[ft]
    ref = {"council_tax_spd": "CTX 12", "council_tax_move": "CTX 03", "parking_permit": "PKG 07"}[ft]
    shade = r.choice([0.88, 0.90, 0.85])
    page = [0]

    def head():
        page[0] += 1
        c.setFont(SANS_B, 13)
        c.drawString(40, H - 45, COUNCIL)
        c.setFont(SANS, 9)
        c.drawString(40, H - 58, "Revenues Service  -  Town Hall, Marine Parade, Eastholm")
        c.setFont(SANS_B, 12)
        c.drawRightString(W - 40, H - 45, title)
        c.setFont(SANS, 9)
        c.drawRightString(W - 40, H - 58, f"Form {ref}")
        c.setLineWidth(1.2)
        c.line(40, H - 66, W - 40, H - 66)
        c.setLineWidth(1)
        footer(c, f"Form {ref}  -  page {page[0]}")

    head()
    y = H - 90
    if page[0] == 1:
        c.setFont(SANS, 9)
        for ln in wrap("Please answer every question. Write your answers in the grey boxes. If a question does not apply to you, leave it blank.", SANS, 9, W - 80):
            c.drawString(40, y, ln)
            y -= 12
        y -= 8
    qx, qw, ax, aw = 40, 255, 310, W - 40 - 310
    rows = rows_for(f, L2, split_addr=False)
    secn = [0]

    def renum(k, lab):
        if k != "sec":
            return lab
        secn[0] += 1
        return f"Section {secn[0]} - " + lab.split(" - ", 1)[1]
    rows = [(k, renum(k, lab), val) for k, lab, val in rows]
    for k, lab, val in rows:
        if k == "move_type":
            pass
        if k == "sec":
            h = 26
        elif k == "decl_text":
            ql = wrap(lab, SANS, 9, W - 80)
            h = len(ql) * 12 + 8
        else:
            ql = wrap(lab, SANS, 10, qw)
            al = as_lines(val, SANS, 10, aw - 12)
            h = max(len(ql), len(al), 1) * 13 + 14
        if y - h < 50:
            c.showPage()
            head()
            y = H - 90
        if k == "sec":
            c.setFillGray(0.2)
            c.rect(40, y - 20, W - 80, 20, stroke=0, fill=1)
            c.setFillGray(1)
            c.setFont(SANS_B, 11)
            c.drawString(46, y - 14, lab)
            c.setFillGray(0)
        elif k == "decl_text":
            c.setFont(SANS, 9)
            for i, ln in enumerate(ql):
                c.drawString(40, y - 10 - i * 12, ln)
        else:
            c.setFont(SANS, 10)
            for i, ln in enumerate(ql):
                c.drawString(qx, y - 13 - i * 13, ln)
            c.setFillGray(shade)
            c.rect(ax, y - h + 6, aw, h - 8, stroke=0, fill=1)
            c.setFillGray(0)
            c.setFont("Times-Italic" if k == "signature" else SANS, 12 if k == "signature" else 10)
            for i, ln in enumerate(al):
                c.drawString(ax + 6, y - 14 - i * 13, ln)
        y -= h
    c.showPage()


# ---------------------------------------------------------------- L3 circled choices
def render_choices(c, f):
    r = f["r"]
    ft = f["form_type"]
    d = f["disp"]
    mark = r.choice(["circle", "bold"])
    title = {"council_tax_move": "CHANGE OF ADDRESS - COUNCIL TAX",
             "parking_permit": "RESIDENT PARKING PERMIT APPLICATION"}[ft]
    c.setStrokeGray(0)
    c.rect(40, H - 95, 60, 55)
    c.setFont(SANS_B, 8)
    c.drawCentredString(70, H - 65, "EDC")
    c.setFont(SANS_B, 14)
    c.drawString(115, H - 55, COUNCIL)
    c.setFont(SANS_B, 11)
    c.drawString(115, H - 73, title)
    c.setFont(SANS, 8.5)
    instr = "Please circle the answer that applies to you." if mark == "circle" else \
        "Where options are printed, the option selected is shown in bold and underlined."
    c.drawString(115, H - 88, instr)
    y = H - 125
    lx, vx = 40, 200

    def choice_row(label, opts, chosen):
        nonlocal y
        c.setFont(SANS_B, 9.5)
        ll = wrap(label, SANS_B, 9.5, 150)
        for i, ln in enumerate(ll):
            c.drawString(lx, y - i * 12, ln)
        x = vx
        for o in opts:
            is_c = o == chosen
            fnt = SANS_B if (is_c and mark == "bold") else SANS
            c.setFont(fnt, 10)
            w = stringWidth(o, fnt, 10)
            c.drawString(x, y, o)
            if is_c:
                if mark == "circle":
                    c.setLineWidth(1.3)
                    c.ellipse(x - 6, y - 6, x + w + 6, y + 12, stroke=1, fill=0)
                    c.setLineWidth(1)
                else:
                    c.line(x, y - 2, x + w, y - 2)
            x += w + 30
        y -= max(len(ll), 1) * 12 + 16

    def text_row(label, val):
        nonlocal y
        c.setFont(SANS_B, 9.5)
        ll = wrap(label, SANS_B, 9.5, 150)
        vals = val if isinstance(val, list) else ([val] if val else [""])
        for i, ln in enumerate(ll):
            c.drawString(lx, y - i * 12, ln)
        c.setFont("Courier", 10.5)
        for j, v in enumerate(vals):
            c.drawString(vx + 4, y - j * 16, v)
            c.setStrokeGray(0.5)
            c.setDash(1, 2)
            c.line(vx, y - 3 - j * 16, W - 40, y - 3 - j * 16)
            c.setDash()
            c.setStrokeGray(0)
        y -= max(len(ll) * 12, len(vals) * 16) + 12

    def section(t):
        nonlocal y
        y -= 4
        c.setFillGray(0.82)
        c.rect(40, y - 5, W - 80, 17, stroke=0, fill=1)
        c.setFillGray(0)
        c.setFont(SANS_B, 10)
        c.drawString(45, y, t)
        y -= 26

    if ft == "council_tax_move":
        mt = f["fields"]["move_type"]
        section("1. Your move")
        choice_row("Are you moving in or moving out?", ["Moving in", "Moving out"],
                   "Moving in" if mt == "in" else "Moving out")
        choice_row("Type of property", ["House", "Flat", "Caravan / chalet", "Other"],
                   r.choice(["House", "Flat", "Caravan / chalet"]))
        choice_row("Are you the", ["Owner", "Tenant", "Lodger"], r.choice(["Owner", "Tenant"]))
        section("2. About you")
        text_row("Full name", d.get("applicant_name", ""))
        text_row("Council tax account no.", d.get("account_ref", ""))
        text_row("Phone", d.get("phone", ""))
        text_row("Email", d.get("email", ""))
        section("3. Addresses")
        if mt == "out":
            text_row("Address you are leaving", d["prev_lines"])
            text_row("Postcode", d["prev_postcode"])
            text_row("Date you moved / will move out", d["move_date"])
            text_row("Forwarding address", d["new_lines"])
            text_row("Postcode", d["new_postcode"])
        else:
            text_row("Address you are moving into", d["new_lines"])
            text_row("Postcode", d["new_postcode"])
            text_row("Date you moved in", d["move_date"])
            text_row("Previous address", d.get("prev_lines", [""]))
            text_row("Postcode", d.get("prev_postcode", ""))
        choice_row("Will anyone else aged 18 or over live there with you?", ["Yes", "No"], r.choice(["Yes", "No"]))
    else:
        section("1. About you")
        text_row("Full name", d.get("applicant_name", ""))
        text_row("Home address", d["prop_lines"])
        text_row("Postcode", d["prop_postcode"])
        text_row("Phone", d.get("phone", ""))
        text_row("Email", d.get("email", ""))
        section("2. Permit")
        choice_row("Permit zone", ["Seafront", "Harbour", "E1", "E2", "E3"], d["zone"])
        choice_row("Permit type", ["Resident", "Business", "Carer"], "Resident")
        choice_row("The vehicle is", ["Privately owned", "Company car", "Leased"],
                   r.choice(["Privately owned", "Privately owned", "Company car", "Leased"]))
        text_row("Registration number", d["vrm"])
        text_row("Make and model", d.get("vehicle_make", ""))
        text_row("Start date required", d["start_date"])
    section("4. Declaration" if ft == "council_tax_move" else "3. Declaration")
    c.setFont(SANS, 8.5)
    c.drawString(40, y, "I confirm that the information on this form is correct to the best of my knowledge.")
    y -= 20
    c.setFont(SANS_B, 9.5)
    c.drawString(lx, y, "Signed")
    c.setFont("Times-Italic", 13)
    c.drawString(vx + 4, y, f["signature"])
    c.setFont(SANS_B, 9.5)
    c.drawString(400, y, "Date")
    c.setFont("Courier", 10.5)
    c.drawString(430, y, d.get("declaration_date", ""))
    c.setStrokeGray(0.5)
    c.line(vx, y - 3, 390, y - 3)
    c.line(428, y - 3, W - 40, y - 3)
    footer(c, "EDC " + ("CTM/2" if ft == "council_tax_move" else "RPP/1") + "  -  Return to: Customer Services, Town Hall, Marine Parade, Eastholm")
    c.showPage()


# ---------------------------------------------------------------- L4 legacy retyped
def render_legacy(c, f):
    r = f["r"]
    ft = f["form_type"]
    code = {"council_tax_spd": "CT/SPD/2", "council_tax_move": "CT/COA/1"}[ft]
    rev = r.choice(["Rev. 04/19", "Rev. 11/16", "Rev. 2/09"])
    title = {"council_tax_spd": "APPLICATION FOR SINGLE PERSON DISCOUNT (SECTION 11 LGFA 1992)",
             "council_tax_move": "COUNCIL TAX - NOTIFICATION OF CHANGE OF ADDRESS"}[ft]
    page = [0]
    rows = rows_for(f, L4, split_addr=True)
    # count pages first
    nx, qx, ax, ox, ex = 40, 62, 250, 470, W - 40

    def head():
        page[0] += 1
        c.setFillColorRGB(0.985, 0.975, 0.95)
        c.rect(0, 0, W, H, stroke=0, fill=1)
        sp = random.Random(page[0] * 7 + len(f["signature"]))
        c.setFillGray(0.6)
        for _ in range(70):
            c.circle(sp.uniform(0, W), sp.uniform(0, H), sp.uniform(0.2, 0.7), stroke=0, fill=1)
        c.setFillGray(0)
        c.setFont("Times-Bold", 14)
        c.drawCentredString(W / 2, H - 45, "EASTHOLM DISTRICT COUNCIL")
        c.setFont("Times-Roman", 9)
        c.drawCentredString(W / 2, H - 58, "Revenues Section, Town Hall, Eastholm")
        c.setFont("Times-Bold", 10.5)
        c.drawCentredString(W / 2, H - 76, title)
        # column heads
        y0 = H - 92
        c.setLineWidth(0.6)
        c.rect(nx, y0 - 16, ex - nx, 16)
        c.setFont("Times-Bold", 8)
        c.drawString(nx + 3, y0 - 11, "No.")
        c.drawString(qx + 3, y0 - 11, "PARTICULARS REQUIRED")
        c.drawString(ax + 3, y0 - 11, "ANSWER")
        c.drawString(ox + 3, y0 - 11, "OFFICE USE ONLY")
        for x in (qx, ax, ox):
            c.line(x, y0 - 16, x, y0)
        c.setFont("Courier", 7.5)
        c.drawString(40, 24, f"Form {code}   {rev}")
        c.drawRightString(W - 40, 24, f"Page {page[0]}")
        return y0 - 16

    y = head()
    n = 0
    for k, lab, val in rows:
        if k == "sec":
            h = 16
        elif k == "decl_text":
            ll = wrap(lab, "Times-Italic", 9, ex - nx - 8)
            h = len(ll) * 11 + 6
        else:
            ll = wrap(lab, "Times-Roman", 9.5, ax - qx - 6)
            al = as_lines(val, "Courier", 9.5, ox - ax - 8)
            h = max(len(ll), len(al), 1) * 12 + 8
        if y - h < 60:
            c.showPage()
            y = head()
        c.setLineWidth(0.6)
        if k == "sec":
            c.setFillGray(0.85)
            c.rect(nx, y - h, ex - nx, h, stroke=1, fill=1)
            c.setFillGray(0)
            c.setFont("Times-Bold", 9.5)
            c.drawString(nx + 4, y - 11.5, lab)
        elif k == "decl_text":
            c.rect(nx, y - h, ex - nx, h)
            c.setFont("Times-Italic", 9)
            for i, ln in enumerate(ll):
                c.drawString(nx + 4, y - 10 - i * 11, ln)
        else:
            n += 1
            c.rect(nx, y - h, ex - nx, h)
            for x in (qx, ax, ox):
                c.line(x, y - h, x, y)
            c.setFont("Times-Roman", 8.5)
            c.drawString(nx + 3, y - 11, f"{n}.")
            c.setFont("Times-Roman", 9.5)
            for i, ln in enumerate(ll):
                c.drawString(qx + 3, y - 11 - i * 12, ln)
            c.setFont("Courier-Oblique" if k == "signature" else "Courier", 9.5)
            for i, ln in enumerate(al):
                c.drawString(ax + 4, y - 11 - i * 12, ln)
        y -= h
    c.showPage()


# ---------------------------------------------------------------- L5 online receipt
def render_receipt(c, f, receipt_no, ts):
    ft = f["form_type"]
    service = {"council_tax_spd": "Council Tax: apply for a single person discount",
               "council_tax_move": "Council Tax: tell us you are moving",
               "parking_permit": "Parking: apply for a residents' permit"}[ft]
    rows = rows_for(f, L5, split_addr=True)
    table = [("Service", service), ("Reference", receipt_no)]
    for k, lab, val in rows:
        if k == "sec":
            table.append(("#", lab))
        elif k == "decl_text":
            table.append(("Declaration", "I confirm the information I have given is correct: Agreed"))
        elif k == "move_type":
            table.append((lab, val))
        elif val:
            table.append((lab, val if isinstance(val, str) else ", ".join(val)))
    table.append(("Channel", "Online form (eastholm.gov.uk/myaccount)"))
    half = (len(table) + 1) // 2
    fx, vx = 40, 215
    for pg, part in enumerate([table[:half], table[half:]], start=1):
        c.setFillColorRGB(0.12, 0.25, 0.45)
        c.rect(0, H - 60, W, 60, stroke=0, fill=1)
        c.setFillColorRGB(1, 1, 1)
        c.setFont(WEB_B, 14)
        c.drawString(40, H - 35, COUNCIL)
        c.setFont(WEB, 9)
        c.drawString(40, H - 50, "Online services")
        c.drawRightString(W - 40, H - 35, ts.strftime("%d/%m/%Y, %H:%M"))
        c.setFillGray(0)
        y = H - 90
        if pg == 1:
            c.setFont(WEB_B, 15)
            c.drawString(40, y, "Thank you - we have received your form")
            y -= 22
            c.setFont(WEB, 10)
            c.drawString(40, y, f"Your reference number is {receipt_no}")
            y -= 14
            c.drawString(40, y, f"Submitted: {ts.strftime('%d/%m/%Y %H:%M:%S')} GMT")
            y -= 22
            c.setFont(WEB, 8.5)
            for ln in wrap("Please keep this receipt for your records. We aim to deal with your request within 15 working days. "
                           "We will use the information you have given to administer council tax and parking services and may share it with other council "
                           "departments to check it is correct, as described in our privacy notice at eastholm.gov.uk/privacy.", WEB, 8.5, W - 80):
                c.drawString(40, y, ln)
                y -= 11
            y -= 12
            c.setFont(WEB_B, 11)
            c.drawString(40, y, "Summary of your answers")
            y -= 10
        else:
            c.setFont(WEB_B, 11)
            c.drawString(40, y, "Summary of your answers (continued)")
            y -= 10
        c.setFillColorRGB(0.85, 0.89, 0.95)
        c.rect(fx, y - 18, W - 80, 18, stroke=0, fill=1)
        c.setFillGray(0)
        c.setFont(WEB_B, 9.5)
        c.drawString(fx + 5, y - 13, "Field")
        c.drawString(vx + 5, y - 13, "Value")
        y -= 18
        for i, (a, b) in enumerate(part):
            if a == "#":
                c.setFont(WEB_B, 9.5)
                c.setFillColorRGB(0.12, 0.25, 0.45)
                c.drawString(fx + 5, y - 15, b)
                c.setFillGray(0)
                y -= 20
                continue
            al = wrap(a, WEB, 9, vx - fx - 10)
            bl = wrap(b, WEB, 9, W - 40 - vx - 10)
            h = max(len(al), len(bl)) * 12 + 8
            c.setStrokeGray(0.8)
            c.line(fx, y - h, W - 40, y - h)
            c.setStrokeGray(0)
            c.setFont(WEB, 9)
            c.setFillGray(0.3)
            for j, ln in enumerate(al):
                c.drawString(fx + 5, y - 13 - j * 12, ln)
            c.setFillGray(0)
            for j, ln in enumerate(bl):
                c.drawString(vx + 5, y - 13 - j * 12, ln)
            y -= h
        if pg == 1:
            c.setFont(WEB, 8)
            c.drawString(40, y - 16, "Continued on the next page")
        c.setFont(WEB, 7.5)
        c.setFillGray(0.4)
        c.drawString(40, 24, f"https://www.eastholm.gov.uk/myaccount/receipt/{receipt_no}")
        c.drawRightString(W - 40, 24, f"{pg}/2")
        c.setFillGray(0)
        c.showPage()


# ---------------------------------------------------------------- L6 letters and emails
def render_letter(c, f):
    r = f["r"]
    x0 = 72
    c.setFont("Times-Roman", 11)
    y = H - 70
    if f.get("addr_lines"):
        for ln in f["addr_lines"] + [f["pc_shown"]]:
            c.drawRightString(W - 72, y, ln)
            y -= 14
    y -= 10
    c.drawRightString(W - 72, y, fmt_date(f["sent"], f["ds"]))
    y -= 30
    for ln in ["Council Tax Team" if f["fields"]["topic"] == "council_tax_query" else "Customer Services",
               COUNCIL, "Town Hall", "Marine Parade", "Eastholm"]:
        c.drawString(x0, y, ln)
        y -= 14
    y -= 20
    c.drawString(x0, y, "Dear Sir or Madam,")
    y -= 22
    if f["subject"]:
        c.setFont("Times-Bold", 11)
        c.drawString(x0, y, "Re: " + f["subject"])
        c.setFont("Times-Roman", 11)
        y -= 22
    for para in f["paras"]:
        for ln in wrap(para, "Times-Roman", 11, W - 2 * x0):
            c.drawString(x0, y, ln)
            y -= 14
        y -= 8
    y -= 6
    c.drawString(x0, y, "Yours faithfully,")
    y -= 34
    if f["name"]:
        c.setFont("Times-Italic", 15)
        c.drawString(x0, y + 8, f["person"]["full"])
        c.setFont("Times-Roman", 11)
        y -= 10
        c.drawString(x0, y, f["name"])
    c.showPage()


def email_header(c, frm, sent_str, subject):
    y = H - 60
    c.setFont(SANS_B, 9)
    for k, v in [("From:", frm), ("Sent:", sent_str), ("To:", "Eastholm District Council <enquiries@eastholm.gov.uk>"),
                 ("Subject:", subject)]:
        c.setFont(SANS_B, 9)
        c.drawString(50, y, k)
        c.setFont(SANS, 9)
        c.drawString(110, y, v)
        y -= 13
    c.setStrokeGray(0.6)
    c.line(50, y + 2, W - 50, y + 2)
    return y - 22


def sent_str(d, r):
    hh, mm = r.randint(7, 22), r.randint(0, 59)
    return f"{d.strftime('%A')}, {d.day} {MONTHS[d.month - 1]} {d.year} {hh:02d}:{mm:02d}"


def render_email(c, f):
    r = f["r"]
    frm = f"{f['person']['full']} <{f['email_addr']}>" if f["name"] else f["email_addr"]
    y = email_header(c, frm, sent_str(f["sent"], r), f["subject"] or "Complaint")
    c.setFont(SANS, 10)
    c.drawString(50, y, r.choice(["Hello,", "Dear Sir/Madam,", "To whom it may concern,"]))
    y -= 20
    for para in f["paras"]:
        for ln in wrap(para, SANS, 10, W - 100):
            c.drawString(50, y, ln)
            y -= 13
        y -= 8
    y -= 4
    c.drawString(50, y, r.choice(["Regards,", "Kind regards,", "Thanks,"]) if f["name"] else "A concerned resident")
    y -= 14
    if f["name"]:
        c.drawString(50, y, f["name"])
        y -= 13
        for ln in f["addr_lines"] + [f["pc_shown"]]:
            c.drawString(50, y, ln)
            y -= 13
    c.showPage()


def render_prose_move(c, f):
    r = f["r"]
    d = f["disp"]
    frm = f"{f['person']['full']} <{f['fields']['email']}>"
    y = email_header(c, frm, sent_str(f["decl_d"], r), r.choice(["Moving out", "Moving house - council tax",
                                                                   "Change of address"]))
    prev = d["prev_lines"]
    verb = "I moved out of" if D.fromisoformat(f["fields"]["move_date"]) < f["decl_d"] else "I am moving out of"
    sentences = [f"I am writing to let you know that {verb} {prev[0]}, {', '.join(prev[1:])}, {d['prev_postcode']} on {d['move_date']}."]
    if "account_ref" in d:
        sentences.append(f"My council tax account number is {d['account_ref']}.")
    else:
        sentences.append("I'm afraid I don't have a bill to hand so I can't give you the account number.")
    new = d["new_lines"]
    sentences.append(f"From then on my address will be {new[0]}, {', '.join(new[1:])}, {d['new_postcode']}, so please send the final bill there.")  # noqa
    p2 = "Please close my account from the date I move out."
    if "phone" in d:
        p2 += f" If you need to speak to me my number is {d['phone']}."
    paras = [" ".join(sentences), p2]
    c.setFont(SANS, 10)
    c.drawString(50, y, "Dear Council Tax team,")
    y -= 20
    for para in paras:
        for ln in wrap(para, SANS, 10, W - 100):
            c.drawString(50, y, ln)
            y -= 13
        y -= 8
    c.drawString(50, y - 4, "Many thanks,")
    c.drawString(50, y - 18, d["applicant_name"])
    c.showPage()


# ============================================================== write everything
def main():
    out_inbox = os.path.join(HERE, "inbox")
    if os.path.isdir(out_inbox):
        shutil.rmtree(out_inbox)
    os.makedirs(out_inbox)
    order = FORMS[:]
    rng.shuffle(order)
    truth = []
    learn_count = {}
    receipt_seq = [48000]
    for i, f in enumerate(order, start=1):
        name = f"doc_{i:04d}.pdf"
        f["file"] = name
        r = f["r"]
        if "applicant_name" in f["disp"]:
            f["signature"] = norm_name(f["disp"]["applicant_name"]).title() if r.random() < 0.3 else \
                " ".join(t for t in f["disp"]["applicant_name"].split() if t not in ("Mr", "Mrs", "Ms", "Miss", "Dr", "Mx"))
        if f["form_type"] == "council_tax_move":
            mt = f["fields"]["move_type"]
            f["disp"]["move_type_shown"] = {L2: {"in": "Moving in", "out": "Moving out"},
                                            L4: {"in": "IN", "out": "OUT"},
                                            L5: {"in": "Moving in", "out": "Moving out"}}.get(f["layout"], {}).get(mt, "")
        c = canvas.Canvas(os.path.join(out_inbox, name), pagesize=A4, invariant=1)
        c.setTitle("Scanned document" if f["layout"] == L4 else "Document")
        L = f["layout"]
        if L == L1:
            render_leaflet(c, f)
        elif L == L2:
            render_question(c, f)
        elif L == L3:
            render_choices(c, f)
        elif L == L4:
            render_legacy(c, f)
        elif L == L5:
            receipt_seq[0] += r.randint(11, 400)
            pre = {"council_tax_spd": "SPD", "council_tax_move": "COA", "parking_permit": "RPP"}[f["form_type"]]
            dd = f["decl_d"]
            ts = dt.datetime(dd.year, dd.month, dd.day, r.randint(8, 21), r.randint(0, 59), r.randint(0, 59))
            if f["scenario"] == "DUP" and "dup_twin" not in f:
                ts = ts + dt.timedelta(minutes=r.randint(4, 50))
            render_receipt(c, f, f"EDC-{pre}-{receipt_seq[0]:06d}", ts)
        elif L == L6:
            if f["form_type"] == "council_tax_move":
                render_prose_move(c, f)
            elif f["medium"] == "letter":
                render_letter(c, f)
            else:
                render_email(c, f)
        c.save()
        t = {"file": name, "form_type": f["form_type"], "fields": f["fields"],
             "outcome": "approved" if not f["reasons"] else "exception", "reasons": f["reasons"],
             "layout": L}
        if f["scenario"] == "DUP":
            t["outcome"] = "duplicate_pair"
            t["duplicate_group"] = "dup-1"
        key = (L, f["form_type"])
        if t["outcome"] == "approved" and learn_count.get(key, 0) < 2:
            learn_count[key] = learn_count.get(key, 0) + 1
            t["split"] = "learn"
        else:
            t["split"] = "test"
        truth.append(t)
    with open(os.path.join(HERE, "truth.jsonl"), "w") as fh:
        for t in truth:
            fh.write(json.dumps(t, ensure_ascii=False) + "\n")
    write_workbook(os.path.join(HERE, "records.xlsx"))
    n_clean = sum(1 for t in truth if t["outcome"] == "approved")
    print(f"wrote {len(truth)} files: {n_clean} clean, "
          f"{sum(1 for t in truth if t['outcome'] == 'exception')} exceptions, "
          f"{sum(1 for t in truth if t['outcome'] == 'duplicate_pair')} duplicate pair; "
          f"{len(props)} properties, {len(accounts)} accounts, {len(electors)} electors, {len(permits)} permits")


def write_workbook(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "properties"
    ws.append(["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band",
               "ward", "parking_zone"])
    for p in props:
        ws.append([p["uprn"], p["line1"], p["line2"] or None, p["town"], p["postcode"], p["band"],
                   p["ward"], p["zone"] or None])
    ws = wb.create_sheet("council_tax_accounts")
    ws.append(["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"])
    wr = random.Random(SEED + 1)
    for a in sorted(accounts, key=lambda a: a["ref"]):
        start = a["start"]
        start_cell = start.strftime("%d/%m/%Y") if wr.random() < 0.06 else start
        ws.append([a["ref"], a["uprn"], "; ".join(a["liable"]), a["status"], start_cell, a["end"],
                   ";".join(a["disc"]) or None])
        ws.cell(ws.max_row, 1).number_format = "@"
    ws = wb.create_sheet("electoral_register")
    ws.append(["elector_number", "full_name", "uprn"])
    for e in sorted(electors, key=lambda e: (e["no"][:2], int(e["no"][3:]))):
        ws.append([e["no"], e["name"], e["uprn"]])
    ws = wb.create_sheet("parking_permits")
    ws.append(["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"])
    for x in sorted(permits, key=lambda x: x["ref"]):
        ws.append([x["ref"], x["uprn"], x["vrm"], x["zone"], x["vf"], x["vt"]])
    for ws in wb.worksheets:
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, (dt.date, dt.datetime)):
                    cell.number_format = "DD/MM/YYYY"
        for col in ws.columns:
            ws.column_dimensions[col[0].column_letter].width = 20
    wb.properties.created = dt.datetime(2026, 12, 7, 8, 0, 0)
    wb.properties.modified = dt.datetime(2026, 12, 7, 8, 0, 0)
    wb.properties.creator = "Eastholm DC revenues extract"
    wb.save(path)
    # make the zip container byte-for-byte reproducible
    import zipfile
    with zipfile.ZipFile(path) as zin:
        items = [(i.filename, zin.read(i.filename)) for i in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in items:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-12-07T08:00:00Z", data)
            zi = zipfile.ZipInfo(name, date_time=(2026, 12, 7, 8, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, data)


if __name__ == "__main__":
    main()
