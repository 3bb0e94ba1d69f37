#!/usr/bin/env python3
"""Westmarch City Council blind test set generator (seed 47047). Deterministic."""
import json, os, random, re, shutil, datetime as dt
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
import openpyxl

SEED = 47047
ASOF = dt.date(2026, 12, 7)
HERE = os.path.dirname(os.path.abspath(__file__))
R = random.Random(SEED)
W, H = A4
D = dt.date

# ---------------------------------------------------------------- records
STREETS = [  # name, locality, ward, zone, kind, postcode district, count
    ("Cathedral Close", "Cathedral Quarter", "Cathedral", "P1", "house", "WM1 2", 10),
    ("Minster Street", "Cathedral Quarter", "Cathedral", "P1", "house", "WM1 3", 12),
    ("Chantry Terrace", "", "Cathedral", "P2", "house", "WM1 4", 12),
    ("Prebendal Row", "", "Cathedral", "P2", "house", "WM1 5", 10),
    ("Regency Crescent", "Clifton Vale", "St Swithun's", "P3", "house", "WM2 1", 14),
    ("Anchor Wharf", "Harbourside", "Harbour", "P4", "flat", "WM3 4", 14),
    ("Chandlers Quay", "Harbourside", "Harbour", "P4", "flat", "WM3 5", 12),
    ("Harbour Parade", "", "Harbour", "P5", "house", "WM3 6", 14),
    ("Ropewalk", "", "Harbour", "P5", "house", "WM3 7", 10),
    ("Canon's Walk", "", "St Swithun's", "P6", "house", "WM2 3", 12),
    ("St Swithun's Place", "", "St Swithun's", "P6", "house", "WM2 4", 10),
    ("Brackenfield Road", "Brackenfield", "Brackenfield", "", "house", "WM5 2", 16),
    ("Hollybank Close", "Brackenfield", "Brackenfield", "", "house", "WM5 3", 12),
    ("Kestrel Way", "Brackenfield", "Brackenfield", "", "house", "WM5 4", 14),
    ("Ferndown Avenue", "Nettlecombe", "Brackenfield", "", "house", "WM6 1", 12),
]
FIRST_F = "Eleanor Margaret Sophie Harriet Imogen Joanna Priya Ruth Bethany Aisha Clare Fiona Gwen Helen Isla Jasmine Kate Lucy Megan Nadia Olivia Rosa Sian Tamsin Yvonne Zara Abigail Chloe Deborah Emily".split()
FIRST_M = "Thomas James Oliver Rhys Daniel Peter Hamish Callum Edward Gareth Ian Jonah Kieran Liam Marcus Nathan Owen Patrick Rupert Samuel Tobias Victor William Ahmed Benedict Conor David Felix George Henry".split()
LAST = ("Whitcombe Pennington Trevelyan Ashdown Carew Hollis Fairweather Mallory Okafor Pryce Quinlan Radford Sandham Tolley "
        "Underwood Vane Wexcombe Yeo Abbott Blackmore Chudleigh Dunstan Ellery Fordham Gilchrist Hawkridge Ingram Jessop Kellaway "
        "Lethbridge Moorcroft Nance Ottery Penrose Rowe Sedgwick Tremayne Varley Wadham Yelland Bassett Coombe Drew Eastman Frost "
        "Goodenough Hext Isaac Jago Kitto Luscombe Mildmay Northcott Oram Pascoe Rendle Skinner Tapper Vosper Widdicombe").split()
LETTERS = "ABDEFGHJLNPQRSTUWXY"

props, accounts, electors, permits = [], [], [], []
used_names = set()


def person(sex=None, last=None):
    while True:
        sex2 = sex or R.choice("FM")
        f = R.choice(FIRST_F if sex2 == "F" else FIRST_M)
        l = last or R.choice(LAST)
        n = f"{f} {l}"
        if n not in used_names:
            used_names.add(n)
            return n, sex2


uprn = 100091000100
for (street, loc, ward, zone, kind, dist, count) in STREETS:
    inward_pool = set()
    for i in range(count):
        uprn += R.randint(1, 7)
        if kind == "flat":
            l1 = f"Flat {i+1}, {street}"
        else:
            l1 = f"{(i+1)*2 - (i % 2) if street!='Ropewalk' else i+3} {street}"
        if i % 3 == 0 or not inward_pool:
            while True:
                iw = f"{R.randint(1,9)}{R.choice(LETTERS)}{R.choice(LETTERS)}"
                if iw not in inward_pool:
                    inward_pool.add(iw); break
        pc = dist + iw[1:] if False else f"{dist.split()[0]} {dist.split()[1]}{iw[1:]}"
        band = R.choice("AB" if ward == "Brackenfield" else ("CDE" if kind == "flat" else "DEFG"))
        props.append(dict(uprn=uprn, address_line_1=l1, address_line_2=loc, town="Westmarch",
                          postcode=pc, council_tax_band=band, ward=ward, parking_zone=zone))
# dedupe addresses just in case
seen = set(); tmp = []
for p in props:
    k = (p["address_line_1"], p["postcode"])
    if k not in seen:
        seen.add(k); tmp.append(p)
props = tmp
PBY = {p["uprn"]: p for p in props}

acc_no = 60010000
def new_ref():
    global acc_no
    acc_no += R.randint(11, 397)
    return str(acc_no)

elector_seq = [0]
def add_elector(name, u):
    elector_seq[0] += 1
    ward = PBY[u]["ward"]
    code = {"Cathedral": "CA", "St Swithun's": "SS", "Harbour": "HB", "Brackenfield": "BF"}[ward]
    electors.append(dict(elector_number=f"{code}-{1000 + elector_seq[0]}", full_name=name, uprn=u))

household = {}  # uprn -> dict(active=acc or None, adults=[...])
for p in props:
    u = p["uprn"]
    r = R.random()
    # some history: a closed previous account
    if R.random() < 0.35:
        n1, _ = person()
        s = D(R.randint(2012, 2019), R.randint(1, 12), R.randint(1, 28))
        e = s + dt.timedelta(days=R.randint(400, 2000))
        accounts.append(dict(account_ref=new_ref(), uprn=u, liable_parties=n1, status="closed",
                             start_date=s, end_date=e, discounts=R.choice(["", "", "SPD"])))
        last_end = e
    else:
        last_end = D(2019, 6, 1)
    if r < 0.10:  # vacant
        household[u] = dict(active=None, adults=[])
        continue
    n1, sx = person()
    liable = [n1]
    if R.random() < 0.6:
        n2, _ = person("M" if sx == "F" else "F", last=n1.split()[1] if R.random() < 0.7 else None)
        liable.append(n2)
    start = last_end + dt.timedelta(days=R.randint(1, 200))
    if start > D(2025, 6, 1):
        start = D(2025, 6, 1) - dt.timedelta(days=R.randint(1, 300))
    disc = "SPD" if len(liable) == 1 and R.random() < 0.6 else ""
    if R.random() < 0.05:
        disc = (disc + ";" if disc else "") + "SMI" if False else disc
    a = dict(account_ref=new_ref(), uprn=u, liable_parties="; ".join(liable), status="active",
             start_date=start, end_date=None, discounts=disc)
    accounts.append(a)
    adults = list(liable)
    if R.random() < 0.18:
        adults.append(person(last=n1.split()[1])[0])  # adult child etc
    for n in adults:
        if R.random() < 0.94 or n == liable[0]:
            add_elector(n, u)
    household[u] = dict(active=a, adults=adults)

# existing permits
pref = [0]
def add_permit(u, vrm, zone, frm):
    pref[0] += 1
    permits.append(dict(permit_ref=f"WMP-{zone}-{26000 + pref[0]*7}", uprn=u, vrm=vrm, zone=zone,
                        valid_from=frm, valid_to=frm.replace(year=frm.year + 1) - dt.timedelta(days=1)))

used_vrms = set()
def rand_vrm(style="current"):
    while True:
        if style == "current":
            v = f"{R.choice('WHYBKLS')}{R.choice('ABDEFGHJKLMNOPRSTUVWXY')}{R.choice(['15','65','17','67','19','69','20','70','21','71','22','72','23','73','24','74','25','75'])}{''.join(R.choice('ABCDEFGHJKLMNPRSTUVWXYZ') for _ in range(3))}"
        elif style == "prefix":
            v = f"{R.choice('PRSTVWXY')}{R.randint(1,999)}{''.join(R.choice('ABCDEFGHJKLMNPRSTUVWXYZ') for _ in range(3))}"
        else:
            v = f"{''.join(R.choice('ABCDEFGHJKLMNPRSTUVWXYZ') for _ in range(3))}{R.randint(1,999)}{R.choice('ABCDEFGHJKLMNPRSTVWXY')}"
        if v not in used_vrms:
            used_vrms.add(v); return v

for p in props:
    if not p["parking_zone"]:
        continue
    hh = household[p["uprn"]]
    if hh["active"] is None:
        continue
    k = R.choice([0, 0, 1, 1, 2])
    for i in range(k):
        frm = D(2026, R.randint(1, 11), R.randint(1, 28))
        add_permit(p["uprn"], rand_vrm(), p["parking_zone"], frm)
    if R.random() < 0.25:  # an expired one
        frm = D(2024, R.randint(1, 12), R.randint(1, 28))
        add_permit(p["uprn"], rand_vrm(), p["parking_zone"], frm)

ACC = {a["account_ref"]: a for a in accounts}

# ---------------------------------------------------------------- checks (forms.md, literal)
TITLES = {"mr", "mrs", "ms", "miss", "dr", "mx"}
def nname(s):
    t = re.sub(r"[.,]", " ", s or "").lower().split()
    while t and t[0] in TITLES:
        t = t[1:]
    return " ".join(t)
def naddr(s):
    return " ".join(re.sub(r"[.,]", " ", s or "").lower().split())
def find_prop(addr, pc):
    for p in props:
        if naddr(p["address_line_1"]) == naddr(addr) and p["postcode"] == pc:
            return p
    return None
def liable(a):
    return [x.strip() for x in a["liable_parties"].split(";") if x.strip()]
def electors_at(u):
    return [e["full_name"] for e in electors if e["uprn"] == u]
def active_permits(u=None, vrm=None, day=ASOF):
    return [p for p in permits if (u is None or p["uprn"] == u) and (vrm is None or p["vrm"] == vrm)
            and p["valid_from"] <= day <= p["valid_to"]]
VRM_RE = [r"^[A-Z]{2}[0-9]{2}[A-Z]{3}$", r"^[A-Z][0-9]{1,3}[A-Z]{3}$", r"^[A-Z]{3}[0-9]{1,3}[A-Z]$"]
REQ = {"council_tax_spd": ["account_ref", "applicant_name", "address", "postcode", "sole_adult_since", "declaration_date"],
       "parking_permit": ["applicant_name", "address", "postcode", "vrm", "zone", "start_date", "declaration_date"]}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
def iso(d): return d.isoformat()
def pd(s): return D.fromisoformat(s)

def text_dates(text):
    out = []
    for m in re.finditer(r"\b(\d{1,2})(?:st|nd|rd|th)? (" + "|".join(MONTHS) + r") (\d{4})\b", text):
        out.append(D(int(m.group(3)), MONTHS.index(m.group(2)) + 1, int(m.group(1))))
    for m in re.finditer(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b", text):
        out.append(D(int(m.group(3)), int(m.group(2)), int(m.group(1))))
    return out

def check(ft, f, batch_seen):
    rs = []
    if ft == "council_tax_move":
        req = ["move_type", "applicant_name", "move_date", "declaration_date"]
        req += ["account_ref", "previous_address", "previous_postcode"] if f.get("move_type") == "out" else ["new_address", "new_postcode"]
    elif ft == "correspondence":
        req = ["topic", "body"]
    else:
        req = REQ[ft]
    for k in req:
        if k not in f:
            rs.append(f"MISSING_FIELD:{k}")
    if ft == "council_tax_spd":
        a = ACC.get(f.get("account_ref"))
        if "account_ref" in f and a is None:
            rs.append("ACCOUNT_NOT_FOUND")
        if a:
            if a["status"] == "closed": rs.append("ACCOUNT_CLOSED")
            if nname(f["applicant_name"]) not in [nname(x) for x in liable(a)]: rs.append("NAME_MISMATCH")
            p = PBY[a["uprn"]]
            if naddr(f.get("address")) != naddr(p["address_line_1"]) or f.get("postcode") != p["postcode"]: rs.append("ADDRESS_MISMATCH")
            if "SPD" in [x.strip() for x in (a["discounts"] or "").split(";")]: rs.append("DISCOUNT_ALREADY_APPLIED")
            ok = {nname(f["applicant_name"]), nname(f.get("other_adult_name", ""))}
            if [e for e in electors_at(a["uprn"]) if nname(e) not in ok]: rs.append("OTHER_ADULTS_REGISTERED")
        if "sole_adult_since" in f:
            d = pd(f["sole_adult_since"])
            if d > ASOF: rs.append("DATE_IN_FUTURE")
            if (ASOF - d).days > 365: rs.append("DATE_TOO_OLD")
            if any(x != d for x in text_dates(f.get("change_description", ""))): rs.append("INCONSISTENT_DATES")
        key = ("spd", f.get("account_ref"))
    elif ft == "council_tax_move":
        if f.get("move_type") == "out":
            a = ACC.get(f.get("account_ref"))
            if a is None: rs.append("ACCOUNT_NOT_FOUND")
            else:
                if nname(f["applicant_name"]) not in [nname(x) for x in liable(a)]: rs.append("NAME_MISMATCH")
                p = PBY[a["uprn"]]
                if naddr(f.get("previous_address")) != naddr(p["address_line_1"]) or f.get("previous_postcode") != p["postcode"]: rs.append("ADDRESS_MISMATCH")
            key = ("move", f.get("account_ref"))
        else:
            if find_prop(f.get("new_address"), f.get("new_postcode")) is None: rs.append("PROPERTY_NOT_FOUND")
            key = ("movein", naddr(f.get("new_address")), f.get("new_postcode"))
        if "move_date" in f:
            d = pd(f["move_date"])
            if (d - ASOF).days > 28: rs.append("DATE_IN_FUTURE")
            if (ASOF - d).days > 365: rs.append("DATE_TOO_OLD")
    elif ft == "parking_permit":
        p = find_prop(f.get("address"), f.get("postcode"))
        if p is None: rs.append("PROPERTY_NOT_FOUND")
        else:
            if not p["parking_zone"] or p["parking_zone"] != f.get("zone"): rs.append("NOT_IN_PERMIT_ZONE")
            lp = [nname(x) for a in accounts if a["uprn"] == p["uprn"] and a["status"] == "active" for x in liable(a)]
            if nname(f["applicant_name"]) not in lp + [nname(e) for e in electors_at(p["uprn"])]: rs.append("NOT_RESIDENT")
        if "vrm" in f:
            if not any(re.match(x, f["vrm"]) for x in VRM_RE): rs.append("INVALID_FORMAT:vrm")
            elif active_permits(vrm=f["vrm"]): rs.append("VRM_HAS_PERMIT")
        if p is not None and len(active_permits(u=p["uprn"])) >= 2: rs.append("PERMIT_CAP_REACHED")
        if "start_date" in f and (pd(f["start_date"]) - ASOF).days > 28: rs.append("DATE_IN_FUTURE")
        key = ("permit", f.get("vrm"), naddr(f.get("address")))
    else:
        if not f.get("sender_name"): rs.append("SENDER_UNKNOWN")
        else:
            known = (f.get("address") and find_prop(f["address"], f.get("postcode"))) or (f.get("account_ref") in ACC)
            if not known: rs.append("SENDER_UNKNOWN")
        if f.get("account_ref") and f["account_ref"] not in ACC: rs.append("ACCOUNT_NOT_FOUND")
        key = None
    if key is not None:
        if key in batch_seen: rs.append("DUPLICATE_SUBMISSION")
        batch_seen.add(key)
    return rs

# ---------------------------------------------------------------- choosing cases
used_uprn = set()
def pick(pred):
    c = [p for p in props if p["uprn"] not in used_uprn and pred(p)]
    p = R.choice(c)
    used_uprn.add(p["uprn"])
    return p
def hh(p): return household[p["uprn"]]
def rdate(a, b):  # inclusive offsets in days from ASOF
    return ASOF + dt.timedelta(days=R.randint(a, b))
def phone():
    return R.choice([f"01632 {R.randint(100000, 999999)}", f"07700 9{R.randint(10000, 99999)}", f"0{R.randint(7700,7700)}{R.randint(900000,900999)}"])
def email(name):
    f, l = name.split()[-2].lower(), name.split()[-1].lower()
    return R.choice([f"{f}.{l}@example.com", f"{f[0]}{l}{R.randint(1,99)}@example.net", f"{l}.{f}@example.org"])
def with_title(name, p=0.35):
    return (R.choice(["Mr", "Mrs", "Ms", "Miss", "Dr", "Mx"]) + " " + name) if R.random() < p else name
OUT_TOWNS = [("18 Elm Grove", "Bristol", "BS6 5AB"), ("3 Station Road", "Exeter", "EX4 4NT"), ("Flat 2, 41 Marine Drive", "Porthaven", "PH2 7DL"),
             ("7 The Paddocks", "Kingsbridge", "TQ7 1SW"), ("102 Victoria Street", "Cardiff", "CF10 1AA"), ("9 Lark Rise", "Salisbury", "SP1 3QE")]

cases = []  # dict(ft, f, problem)

def spd_case(problem):
    f = {}
    other_name = None
    if problem in ("", "INCONSISTENT_DATES", "DATE_TOO_OLD", "DATE_IN_FUTURE", "MISSING_FIELD:declaration_date", "NAME_MISMATCH", "ADDRESS_MISMATCH"):
        def ok(p):
            h = hh(p); a = h["active"]
            return a and "SPD" not in a["discounts"] and len(liable(a)) == 2 and set(electors_at(p["uprn"])) <= set(liable(a))
        p = pick(ok); a = hh(p)["active"]; ap, other_name = liable(a)
    elif problem == "DISCOUNT_ALREADY_APPLIED":
        def ok(p):
            a = hh(p)["active"]
            return a and "SPD" in a["discounts"] and len(liable(a)) == 1 and set(electors_at(p["uprn"])) <= set(liable(a))
        p = pick(ok); a = hh(p)["active"]; ap = liable(a)[0]
    elif problem == "OTHER_ADULTS_REGISTERED":
        def ok(p):
            a = hh(p)["active"]
            return a and "SPD" not in a["discounts"] and len(liable(a)) == 2 and len(set(electors_at(p["uprn"])) - set(liable(a))) >= 1
        p = pick(ok); a = hh(p)["active"]; ap, other_name = liable(a)
    elif problem == "ACCOUNT_CLOSED":
        def ok(p):
            return hh(p)["active"] is None and not electors_at(p["uprn"]) and any(x["uprn"] == p["uprn"] and x["status"] == "closed" and "SPD" not in x["discounts"] for x in accounts)
        p = pick(ok); a = [x for x in accounts if x["uprn"] == p["uprn"] and x["status"] == "closed" and "SPD" not in x["discounts"]][-1]; ap = liable(a)[0]
    elif problem == "ACCOUNT_NOT_FOUND":
        def ok(p):
            a = hh(p)["active"]
            return a and "SPD" not in a["discounts"] and len(liable(a)) == 2 and set(electors_at(p["uprn"])) <= set(liable(a))
        p = pick(ok); a = dict(hh(p)["active"]); ap, other_name = liable(a)
        a["account_ref"] = str(int(a["account_ref"]) + 5)
        while a["account_ref"] in ACC: a["account_ref"] = str(int(a["account_ref"]) + 1)
    f["account_ref"] = a["account_ref"]
    f["applicant_name"] = with_title(ap)
    f["address"] = p["address_line_1"]; f["postcode"] = p["postcode"]
    since = rdate(-330, -10)
    if problem == "DATE_TOO_OLD": since = rdate(-520, -380)
    if problem == "DATE_IN_FUTURE": since = rdate(12, 40)
    f["sole_adult_since"] = iso(since)
    if problem == "NAME_MISMATCH":
        # an adult son/daughter, not liable, writes that the (single) liable parent has left
        def ok1(q):
            a1 = hh(q)["active"]
            return a1 and "SPD" not in a1["discounts"] and len(liable(a1)) == 1 and set(electors_at(q["uprn"])) <= set(liable(a1))
        used_uprn.discard(p["uprn"]); p = pick(ok1); a = hh(p)["active"]
        f["account_ref"] = a["account_ref"]; f["address"] = p["address_line_1"]; f["postcode"] = p["postcode"]
        other_name = liable(a)[0]; ap = person(last=other_name.split()[-1])[0]
        f["applicant_name"] = with_title(ap)
    if problem == "ADDRESS_MISMATCH":
        nb = [q for q in props if q["address_line_1"].split()[-1] == p["address_line_1"].split()[-1] and q["uprn"] != p["uprn"] and q["postcode"] == p["postcode"]]
        nb = nb or [q for q in props if q["uprn"] != p["uprn"] and q["ward"] == p["ward"]]
        q = R.choice(nb); f["address"] = q["address_line_1"]; f["postcode"] = q["postcode"]
    if other_name:
        f["other_adult_name"] = with_title(other_name, 0.2)
        if R.random() < 0.7:
            t = R.choice(OUT_TOWNS); f["other_adult_forwarding_address"] = f"{t[0]}, {t[1]}, {t[2]}"
    who = "my partner" if other_name else "the other adult"
    if other_name:
        fn = other_name.split()[0]
        opts = [f"{fn} moved out on {since.day} {MONTHS[since.month-1]} {since.year} and now lives elsewhere permanently.",
                f"We separated and {fn} left the property. I have lived here alone since then.",
                f"{fn} moved away for work on {since.strftime('%d/%m/%Y')} and will not be returning."]
    else:
        opts = ["My lodger moved out and I now live alone.", "I am now the only adult living at the address."]
    desc = R.choice(opts)
    if problem == "INCONSISTENT_DATES":
        wrong = since - dt.timedelta(days=R.randint(20, 60))
        desc = f"{other_name.split()[0]} moved out on {wrong.day} {MONTHS[wrong.month-1]} {wrong.year} and took the last of their things."
    if problem != "NOCHANGE" and R.random() < 0.85 or problem == "INCONSISTENT_DATES":
        f["change_description"] = desc
    if R.random() < 0.7: f["phone"] = phone()
    if R.random() < 0.6: f["email"] = email(ap)
    if problem != "MISSING_FIELD:declaration_date":
        f["declaration_date"] = iso(rdate(-12, -1))
    return f

def move_case(problem, mtype):
    f = {"move_type": mtype}
    if mtype == "out":
        p = pick(lambda p: hh(p)["active"] is not None)
        a = hh(p)["active"]; ap = R.choice(liable(a))
        f["account_ref"] = a["account_ref"]
        if problem == "ACCOUNT_NOT_FOUND":
            r = str(int(a["account_ref"]) + 3)
            while r in ACC: r = str(int(r) + 1)
            f["account_ref"] = r
        f["applicant_name"] = with_title(ap)
        if problem == "NAME_MISMATCH":
            f["applicant_name"] = with_title(person()[0])
        f["previous_address"] = p["address_line_1"]; f["previous_postcode"] = p["postcode"]
        if problem == "ADDRESS_MISMATCH":
            q = R.choice([q for q in props if q["uprn"] != p["uprn"] and q["address_line_1"].split()[-1] == p["address_line_1"].split()[-1]])
            f["previous_address"] = q["address_line_1"]; f["previous_postcode"] = q["postcode"]
        if R.random() < 0.8:
            t = R.choice(OUT_TOWNS)
            f["new_address"] = t[0]; f["new_postcode"] = t[2]; f["_new_town"] = t[1]
    else:
        p = pick(lambda p: hh(p)["active"] is None)
        f["applicant_name"] = with_title(person()[0])
        f["new_address"] = p["address_line_1"]; f["new_postcode"] = p["postcode"]; f["_new_town"] = "Westmarch"; f["_new_l2"] = p["address_line_2"]
        if problem == "PROPERTY_NOT_FOUND":
            f["new_address"] = R.choice(["Flat 19, Anchor Wharf", "88 Chantry Terrace", "6 Saltings Mews"])
            if f["new_address"].endswith("Anchor Wharf"):
                f["new_postcode"] = [q for q in props if "Anchor Wharf" in q["address_line_1"]][0]["postcode"]
            elif "Chantry" in f["new_address"]:
                f["new_postcode"] = [q for q in props if "Chantry" in q["address_line_1"]][0]["postcode"]
            else:
                f["new_postcode"] = "WM3 9ZZ"
        if R.random() < 0.5:
            t = R.choice(OUT_TOWNS); f["previous_address"] = t[0]; f["previous_postcode"] = t[2]; f["_prev_town"] = t[1]
    md = rdate(-200, 20)
    if problem == "DATE_IN_FUTURE": md = rdate(35, 70)
    if problem == "DATE_TOO_OLD": md = rdate(-560, -380)
    if problem != "MISSING_FIELD:move_date": f["move_date"] = iso(md)
    if R.random() < 0.7: f["phone"] = phone()
    if R.random() < 0.5: f["email"] = email(f["applicant_name"])
    f["declaration_date"] = iso(rdate(-14, -1))
    return f

MAKES = ["Ford Fiesta", "Vauxhall Corsa", "Volkswagen Golf", "Toyota Yaris", "Nissan Leaf", "Kia Niro", "Skoda Octavia", "Honda Jazz", "BMW 1 Series", "Renault Clio", "Peugeot 208", "Land Rover Defender", "Volvo V60", "Mini Cooper"]
def permit_case(problem, style="current"):
    f = {}
    if problem == "PERMIT_CAP_REACHED":
        p = pick(lambda p: p["parking_zone"] and hh(p)["active"] and len(active_permits(u=p["uprn"])) >= 2)
    else:
        p = pick(lambda p: p["parking_zone"] and hh(p)["active"] and len(active_permits(u=p["uprn"])) <= 1)
    a = hh(p)["active"]
    ap = R.choice(electors_at(p["uprn"]) or liable(a))
    f["applicant_name"] = with_title(ap)
    if problem == "NOT_RESIDENT": f["applicant_name"] = with_title(person()[0])
    f["address"] = p["address_line_1"]; f["postcode"] = p["postcode"]
    if problem == "PROPERTY_NOT_FOUND":
        f["address"] = R.choice(["Flat 22, Chandlers Quay", "31 Saltings Mews", "4a Minster Street"])
    f["_l2"] = p["address_line_2"]
    f["zone"] = p["parking_zone"]
    if problem == "NOT_IN_PERMIT_ZONE":
        f["zone"] = R.choice([z for z in ["P1", "P2", "P3", "P4", "P5", "P6"] if z != p["parking_zone"]])
    v = rand_vrm(style)
    if problem == "INVALID_FORMAT:vrm": v = R.choice(["WM07ABCD", "YK5LMNOP", "B12345"])
    if problem == "VRM_HAS_PERMIT":
        others = [x for x in active_permits() if x["uprn"] != p["uprn"]]
        v = R.choice(others)["vrm"]
    if problem != "MISSING_FIELD:vrm": f["vrm"] = v
    if R.random() < 0.8: f["vehicle_make"] = R.choice(MAKES)
    sd = rdate(-3, 25)
    if problem == "DATE_IN_FUTURE": sd = rdate(40, 75)
    f["start_date"] = iso(sd)
    if R.random() < 0.75: f["phone"] = phone()
    if R.random() < 0.6: f["email"] = email(ap)
    f["declaration_date"] = iso(rdate(-10, -1))
    return f

LAYOUTS = ["classic_boxes", "letter_form", "online_receipt", "fillable"]
def assign(ft, problems):
    cl = [x for x in problems if x == ""]
    ex = [x for x in problems if x != ""]
    out = []
    for i, pr in enumerate(cl): out.append((pr, LAYOUTS[i % 4]))
    for i, pr in enumerate(ex): out.append((pr, LAYOUTS[(i + 1) % 4]))
    return out

spd_probs = [""] * 10 + ["ACCOUNT_NOT_FOUND", "ACCOUNT_CLOSED", "NAME_MISMATCH", "ADDRESS_MISMATCH", "DISCOUNT_ALREADY_APPLIED",
                         "OTHER_ADULTS_REGISTERED", "DATE_TOO_OLD", "INCONSISTENT_DATES"]
for pr, lay in assign("spd", spd_probs):
    cases.append(dict(ft="council_tax_spd", f=spd_case(pr), problem=pr, layout=lay))
move_probs = [("", "out")] * 5 + [("", "in")] * 4 + [("ACCOUNT_NOT_FOUND", "out"), ("NAME_MISMATCH", "out"), ("ADDRESS_MISMATCH", "out"),
             ("PROPERTY_NOT_FOUND", "in"), ("DATE_IN_FUTURE", "out"), ("DATE_TOO_OLD", "in"), ("MISSING_FIELD:move_date", "out")]
ci = ei = 0
for pr, mt in move_probs:
    if pr == "": lay = LAYOUTS[ci % 4]; ci += 1
    else: lay = LAYOUTS[(ei + 2) % 4]; ei += 1
    cases.append(dict(ft="council_tax_move", f=move_case(pr, mt), problem=pr, layout=lay))
# duplicate pair: move out, first online then on the paper form
dupf = move_case("", "out")
cases.append(dict(ft="council_tax_move", f=dupf, problem="DUP", layout="online_receipt", dup="dup-1"))
cases.append(dict(ft="council_tax_move", f=dict(dupf), problem="DUP", layout="classic_boxes", dup="dup-1"))
permit_probs = [""] * 10 + ["PROPERTY_NOT_FOUND", "NOT_IN_PERMIT_ZONE", "NOT_RESIDENT", "INVALID_FORMAT:vrm", "VRM_HAS_PERMIT", "PERMIT_CAP_REACHED", "DATE_IN_FUTURE"]
styles = ["current"] * 8 + ["prefix", "suffix"]
for i, (pr, lay) in enumerate(assign("permit", permit_probs)):
    cases.append(dict(ft="parking_permit", f=permit_case(pr, styles[i] if i < 10 else "current"), problem=pr, layout=lay))

# ---------------------------------------------------------------- correspondence
def corr_case(topic, kind, problem):
    p = pick(lambda p: hh(p)["active"] is not None)
    a = hh(p)["active"]; nm = liable(a)[0]
    f = {"topic": topic}
    sender = with_title(nm, 0.5)
    sent = rdate(-9, -1)
    d1 = rdate(-25, -3)
    ds = lambda d: f"{d.day} {MONTHS[d.month-1]} {d.year}"
    quote_acc = False
    if topic == "missed_bin":
        paras = [f"I am writing because our recycling bin was not emptied on {ds(d1)}. It was out on the pavement by 7am as usual, and the rest of {p['address_line_1'].split(' ', 1)[1].split(', ')[-1]} was collected.",
                 "This is the second time in a month. Could you please arrange for the crew to come back, as the bin is now overflowing and attracting gulls."]
        dates = [d1]
    elif topic == "council_tax_query":
        quote_acc = True
        paras = [f"I have received my council tax bill dated {ds(d1)} and I do not understand why the amount has gone up. The property is still in band {p['council_tax_band']} as far as I know.",
                 "Could you please explain how the charge has been calculated and whether I can pay in twelve instalments rather than ten."]
        dates = [d1]
    elif topic == "complaint":
        paras = [f"I wish to make a formal complaint about the way my enquiry was handled when I telephoned the council offices on {ds(d1)}. I was kept on hold for forty minutes and then cut off.",
                 "Nobody has called me back despite promises that they would. I would like a written response explaining what went wrong and what you will do about it."]
        dates = [d1]
    elif topic == "foi_request":
        paras = ["Under the Freedom of Information Act 2000, please provide the following information:",
                 "1. The number of residents' parking permits issued in each zone (P1 to P6) in the financial year 2025/26. 2. The total income from those permits. 3. The number of penalty charge notices issued in Zone P4 over the same period.",
                 "I would prefer to receive the information electronically."]
        dates = []
    else:
        paras = [f"The street name sign at the corner of {p['address_line_1'].split(' ', 1)[1].split(', ')[-1]} has been missing since the storm on {ds(d1)}. Delivery drivers keep getting lost.",
                 "Could somebody please replace it when convenient?"]
        dates = [d1]
    f["sender_name"] = sender
    f["address"] = p["address_line_1"]; f["postcode"] = p["postcode"]; f["_l2"] = p["address_line_2"]
    if quote_acc or (topic == "missed_bin" and R.random() < 0.3):
        f["account_ref"] = a["account_ref"]
    if problem == "ACCOUNT_NOT_FOUND":
        r = str(int(a["account_ref"]) + 2)
        while r in ACC: r = str(int(r) + 1)
        f["account_ref"] = r
    if problem == "SENDER_UNKNOWN_ANON":
        del f["sender_name"]; del f["address"]; del f["postcode"]; f.pop("account_ref", None)
    if problem == "SENDER_UNKNOWN_OUTSIDE":
        f["sender_name"] = with_title(person()[0], 0.3)
        t = R.choice(OUT_TOWNS); f["address"] = t[0]; f["postcode"] = t[2]; f["_town"] = t[1]; f["_l2"] = ""
        f.pop("account_ref", None)
    f["_paras"] = paras; f["_sent"] = sent; f["_kind"] = kind
    f["body"] = " ".join(" ".join(paras).split())
    alld = ([sent] if True else []) + dates
    f["dates_mentioned"] = sorted(set(iso(x) for x in alld))
    return f

corr_specs = [("missed_bin", "letter", ""), ("missed_bin", "email", ""), ("council_tax_query", "letter", ""), ("council_tax_query", "email", ""),
              ("complaint", "letter", ""), ("foi_request", "email", ""), ("other", "letter", ""),
              ("complaint", "email", "SENDER_UNKNOWN_ANON"), ("foi_request", "letter", "SENDER_UNKNOWN_OUTSIDE"), ("council_tax_query", "letter", "ACCOUNT_NOT_FOUND")]
for t, k, pr in corr_specs:
    cases.append(dict(ft="correspondence", f=corr_case(t, k, pr), problem=pr, layout="resident_letter" if k == "letter" else "printed_email"))

# ---------------------------------------------------------------- display helpers
def fmt_date(iso_s, style):
    d = pd(iso_s)
    sfx = lambda n: "th" if 11 <= n <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return {"dmy": d.strftime("%d/%m/%Y"), "dmy1": f"{d.day}/{d.month}/{d.year}", "dash": d.strftime("%d-%m-%Y"), "dot": d.strftime("%d.%m.%Y"),
            "long": f"{d.day} {MONTHS[d.month-1]} {d.year}", "ord": f"{d.day}{sfx(d.day)} {MONTHS[d.month-1]} {d.year}",
            "us": f"{MONTHS[d.month-1]} {d.day}, {d.year}", "iso": iso_s}[style]
def fmt_acc(r, style):
    return {"plain": r, "space": f"{r[:4]} {r[4:]}", "dash": f"{r[:4]}-{r[4:]}", "ct": f"CT{r}", "ct2": f"CT {r[:4]} {r[4:]}"}[style]
def fmt_vrm(v):
    if re.match(VRM_RE[0], v): return v[:4] + " " + v[4:]
    m = re.match(r"^([A-Z][0-9]{1,3})([A-Z]{3})$", v)
    if m: return m.group(1) + " " + m.group(2)
    m = re.match(r"^([A-Z]{3})([0-9]{1,3}[A-Z])$", v)
    if m: return m.group(1) + " " + m.group(2)
    return v[:4] + " " + v[4:]

def display(case, lay):
    f = case["f"]; d = {}
    dstyle = {"classic_boxes": ["dmy", "dmy1"], "letter_form": ["long", "ord"], "online_receipt": ["dmy", "iso"],
              "fillable": ["us", "dot", "dash", "ord", "dmy1"]}[lay]
    for k, v in f.items():
        if k.startswith("_"): continue
        if k in ("sole_adult_since", "declaration_date", "move_date", "start_date"): d[k] = fmt_date(v, R.choice(dstyle))
        elif k == "account_ref": d[k] = fmt_acc(v, R.choice({"classic_boxes": ["plain", "space"], "letter_form": ["plain", "dash"], "online_receipt": ["plain"], "fillable": ["ct", "space", "dash", "ct2"]}[lay]))
        elif k == "vrm": d[k] = fmt_vrm(v) if lay != "fillable" else R.choice([fmt_vrm(v).lower(), v, fmt_vrm(v)])
        elif k.endswith("postcode"):
            d[k] = v if lay != "fillable" else R.choice([v.lower(), v.replace(" ", ""), v, v.lower().replace(" ", "")])
        else: d[k] = v
    for k in ("_l2", "_new_town", "_prev_town", "_new_l2", "_town"):
        if k in f: d[k] = f[k]
    return d

# ---------------------------------------------------------------- PDF drawing
NAVY = colors.HexColor("#1f2f56"); GOLD = colors.HexColor("#b08d2e"); GREY = colors.HexColor("#e9e9ee")

def crest(c, x, y, s=1.0):
    c.saveState()
    c.setFillColor(NAVY); c.setStrokeColor(GOLD); c.setLineWidth(1.5)
    p = c.beginPath(); p.moveTo(x, y); p.lineTo(x + 34*s, y); p.lineTo(x + 34*s, y - 24*s)
    p.curveTo(x + 34*s, y - 36*s, x + 17*s, y - 42*s, x + 17*s, y - 42*s); p.curveTo(x + 17*s, y - 42*s, x, y - 36*s, x, y - 24*s); p.close()
    c.drawPath(p, fill=1, stroke=1)
    c.setFillColor(GOLD); c.rect(x + 15*s, y - 30*s, 4*s, 24*s, fill=1, stroke=0); c.rect(x + 8*s, y - 14*s, 18*s, 4*s, fill=1, stroke=0)
    c.restoreState()

def wrap(c, text, x, y, width, font="Helvetica", size=9, lead=11.5):
    c.setFont(font, size)
    for line in simpleSplit(text, font, size, width):
        c.drawString(x, y, line); y -= lead
    return y

def footer(c, code, page, pages):
    c.setFont("Helvetica", 7); c.setFillColor(colors.grey)
    c.drawString(40, 28, f"{code}   Westmarch City Council, The Guildhall, Minster Street, Westmarch WM1 3GH   www.westmarch.gov.uk (fictional)")
    c.drawRightString(W - 40, 28, f"Page {page} of {pages}"); c.setFillColor(colors.black)

TITLES_FT = {"council_tax_spd": "Council Tax - Single Person Discount", "council_tax_move": "Council Tax - Tell us you are moving",
             "parking_permit": "Residents' Parking Permit Application"}
CODES = {"council_tax_spd": "CT/SPD/1", "council_tax_move": "CT/MOV/2", "parking_permit": "PK/RPP/4"}
GUIDE = {"council_tax_spd": "If you are the only adult (aged 18 or over) living in your home you may be entitled to a 25% discount on your Council Tax. Please complete all sections in BLOCK CAPITALS or type. We may check the information you give against the electoral register and other records.",
         "council_tax_move": "Use this form to tell us when you move into, out of, or within Westmarch. You must tell us within 21 days of moving. If you are moving out, please give a forwarding address so we can send your final bill.",
         "parking_permit": "Residents' permits are available to people who live in a controlled parking zone (Zone P1 to Zone P6). A maximum of two permits is issued per household. The first permit costs GBP 65 for twelve months; a second permit costs GBP 110."}

# ---- label sets per layout: (section, [(label, key, kind)])  kind: text/long/tick/zone/pair
def spec(ft, lay, d):
    mt = d.get("move_type")
    if ft == "council_tax_spd":
        L = {"classic_boxes": [("Section 1 - Your Council Tax account", [("Council Tax account number (shown on your bill)", "account_ref")]),
                               ("Section 2 - About you", [("Full name of person liable", "applicant_name"), ("Address of the property (house number/name and street)", "address"),
                                                          ("PAIR", "_l2", "postcode"), ("Daytime telephone number", "phone"), ("Email address", "email")]),
                               ("Section 3 - About the change", [("Date you became the only adult (aged 18 or over) living at the property", "sole_adult_since"),
                                                                 ("Full name of the adult who has left", "other_adult_name"), ("Their new address, if known", "other_adult_forwarding_address"),
                                                                 ("Tell us what changed", "change_description")]),
                               ("Section 4 - Declaration", [("DECL", None), ("Date", "declaration_date")])],
             "letter_form": [("", [("Council Tax reference number", "account_ref"), ("Name of the person responsible for paying the Council Tax", "applicant_name"),
                                   ("Address of the property for which you are claiming", "address"), ("Postcode", "postcode"),
                                   ("Date from which you have been the only adult resident", "sole_adult_since"),
                                   ("Full name of the adult who has moved out", "other_adult_name"), ("Where have they moved to", "other_adult_forwarding_address"),
                                   ("Please describe the change in your household", "change_description"),
                                   ("Daytime telephone", "phone"), ("Email", "email"), ("DECL", None), ("Dated", "declaration_date")])],
             "online_receipt": [("Your account", [("Council tax account reference", "account_ref")]),
                                ("Your details", [("Your full name", "applicant_name"), ("Property address (first line)", "address"), ("Town or city", "_town_w"), ("Postcode", "postcode"),
                                                  ("Phone number", "phone"), ("Email address", "email")]),
                                ("Your circumstances", [("When did you become the only adult living at the property?", "sole_adult_since"), ("Who moved out?", "other_adult_name"),
                                                        ("Their forwarding address", "other_adult_forwarding_address"), ("Tell us what changed", "change_description")]),
                                ("Declaration", [("I confirm the information I have given is true and complete", "_yes"), ("Date of declaration", "declaration_date")])],
             "fillable": [("", [("Account No.", "account_ref", "account_number"), ("Liable person", "applicant_name", "liable_person_name"),
                                ("Property address", "address", "property_address_line1"), ("Post code", "postcode", "property_postcode"),
                                ("Only adult since", "sole_adult_since", "sole_occupier_from_date"), ("Former resident's name", "other_adult_name", "former_resident_name"),
                                ("Former resident's new address", "other_adult_forwarding_address", "former_resident_new_address"),
                                ("Details of change", "change_description", "change_details"), ("Tel", "phone", "contact_phone"), ("E-mail", "email", "contact_email"),
                                ("Date signed", "declaration_date", "declaration_signed_date")])]}
        return L[lay]
    if ft == "council_tax_move":
        if lay == "classic_boxes":
            return [("Section 1 - Your move", [("TICK", "move_type"), ("Council Tax account number (if you are moving out)", "account_ref"), ("Full name", "applicant_name")]),
                    ("Section 2 - The address you are leaving", [("House number/name and street", "previous_address"), ("PAIR2", "_prev_town", "previous_postcode")]),
                    ("Section 3 - Your new address (forwarding address if moving away)", [("House number/name and street", "new_address"), ("PAIR2", "_new_town", "new_postcode")]),
                    ("Section 4 - Dates and contact", [("Date of move (date you moved or will move)", "move_date"), ("Telephone number", "phone"), ("Email address", "email")]),
                    ("Section 5 - Declaration", [("DECL", None), ("Date", "declaration_date")])]
        if lay == "letter_form":
            return [("", [("Are you moving into or out of a property in Westmarch", "move_type"), ("Your Council Tax reference (if you have one)", "account_ref"),
                          ("Name of the person responsible for the Council Tax", "applicant_name"), ("Address you have left or are leaving", "previous_address"), ("Postcode of that address", "previous_postcode"),
                          ("Your new address, or your forwarding address if you are leaving Westmarch", "new_address"), ("Postcode of the new address", "new_postcode"),
                          ("Date on which you moved, or will move", "move_date"), ("Daytime telephone", "phone"), ("Email", "email"), ("DECL", None), ("Dated", "declaration_date")])]
        if lay == "online_receipt":
            return [("About your move", [("Are you moving in or out?", "move_type"), ("Council tax account reference", "account_ref"), ("Your full name", "applicant_name"), ("Moving date", "move_date")]),
                    ("Address you are leaving", [("Address line 1", "previous_address"), ("Postcode", "previous_postcode")]),
                    ("Address you are moving to", [("Address line 1", "new_address"), ("Postcode", "new_postcode")]),
                    ("Contact details", [("Phone number", "phone"), ("Email address", "email")]),
                    ("Declaration", [("I confirm the information I have given is true and complete", "_yes"), ("Date of declaration", "declaration_date")])]
        return [("", [("Moving in or out", "move_type", "move_direction"), ("Account No.", "account_ref", "ct_account_number"), ("Name", "applicant_name", "resident_full_name"),
                      ("Old address", "previous_address", "old_address_line1"), ("Old post code", "previous_postcode", "old_postcode"),
                      ("New address", "new_address", "new_address_line1"), ("New post code", "new_postcode", "new_postcode"),
                      ("Date of move", "move_date", "date_of_move"), ("Tel", "phone", "contact_phone"), ("E-mail", "email", "contact_email"), ("Date signed", "declaration_date", "date_signed")])]
    if lay == "classic_boxes":
        return [("Section 1 - About you", [("Full name of applicant", "applicant_name"), ("Address in the permit zone", "address"), ("PAIR", "_l2", "postcode"),
                                           ("Daytime telephone number", "phone"), ("Email address", "email")]),
                ("Section 2 - Your vehicle", [("Vehicle registration number", "vrm"), ("Make and model", "vehicle_make")]),
                ("Section 3 - Your permit", [("ZONE", "zone"), ("Date you want the permit to start", "start_date")]),
                ("Section 4 - Declaration", [("DECL", None), ("Date", "declaration_date")])]
    if lay == "letter_form":
        return [("", [("Name of resident", "applicant_name"), ("Address at which the vehicle is kept", "address"), ("Postcode", "postcode"),
                      ("Vehicle reg.", "vrm"), ("Vehicle make", "vehicle_make"), ("Permit zone (as shown on the zone entry signs)", "zone"),
                      ("Permit required from", "start_date"), ("Daytime telephone", "phone"), ("Email", "email"), ("DECL", None), ("Dated", "declaration_date")])]
    if lay == "online_receipt":
        return [("Applicant", [("Your full name", "applicant_name"), ("Address line 1", "address"), ("Postcode", "postcode"), ("Phone number", "phone"), ("Email address", "email")]),
                ("Vehicle", [("Registration number", "vrm"), ("Make", "vehicle_make")]),
                ("Permit", [("Parking zone", "zone"), ("Start date", "start_date")]),
                ("Declaration", [("I confirm I live at this address and the vehicle is kept there", "_yes"), ("Date of declaration", "declaration_date")])]
    return [("", [("Applicant name", "applicant_name", "applicant_name"), ("Address", "address", "permit_address_line1"), ("Post code", "postcode", "permit_postcode"),
                  ("Vehicle reg. no.", "vrm", "vehicle_registration"), ("Vehicle make", "vehicle_make", "vehicle_make"), ("Zone", "zone", "permit_zone"),
                  ("Start date", "start_date", "permit_start_date"), ("Tel", "phone", "contact_phone"), ("E-mail", "email", "contact_email"), ("Date signed", "declaration_date", "date_signed")])]

def dval(d, key, ft):
    if key is None: return ""
    if key == "_yes": return "Yes"
    if key == "_town_w": return "Westmarch"
    if key == "move_type" and key in d: return {"in": "Moving in", "out": "Moving out"}[d[key]]
    if key == "zone" and key in d: return d[key]
    return d.get(key, "")

DECL = {"council_tax_spd": "I declare that the information I have given is correct and complete. I understand that I must tell the Council within 21 days if another adult moves in. Giving false information to reduce Council Tax is an offence.",
        "council_tax_move": "I declare that the information I have given on this form is true and complete to the best of my knowledge.",
        "parking_permit": "I declare that I live at the address above, that the vehicle is kept there and that I am its registered keeper or have use of it. I understand that a permit does not guarantee a parking space."}

def header_classic(c, ft, cont=False):
    crest(c, 40, H - 36)
    c.setFont("Helvetica-Bold", 15); c.drawString(84, H - 50, "WESTMARCH CITY COUNCIL")
    c.setFont("Helvetica", 8.5); c.drawString(84, H - 62, {"parking_permit": "Highways & Parking Services", }.get(ft, "Revenues Service - Council Tax"))
    c.setFont("Helvetica-Bold", 9); c.drawRightString(W - 40, H - 40, "Form " + CODES[ft] + (" (continued)" if cont else ""))
    c.setFont("Helvetica", 7.5); c.drawRightString(W - 40, H - 51, "Revised 03/2026")
    c.setStrokeColor(NAVY); c.setLineWidth(2); c.line(40, H - 82, W - 40, H - 82); c.setLineWidth(1); c.setStrokeColor(colors.black)

def render_classic(path, case, d):
    ft = case["ft"]; c = canvas.Canvas(path, pagesize=A4, invariant=1); c.setTitle(TITLES_FT[ft])
    header_classic(c, ft)
    c.setFont("Helvetica-Bold", 14); c.drawString(40, H - 104, TITLES_FT[ft] + " application")
    c.setFillColor(GREY); c.rect(40, H - 166, W - 80, 52, fill=1, stroke=0); c.setFillColor(colors.black)
    c.setFont("Helvetica-Bold", 8.5); c.drawString(46, H - 126, "Guidance notes")
    wrap(c, GUIDE[ft], 46, H - 138, W - 92, size=8, lead=10)
    y = H - 190; page = 1
    secs = spec(ft, "classic_boxes", d)
    for si, (sec, items) in enumerate(secs):
        need = 40 + 48 * len(items)
        if y - need < 90 and page == 1:
            footer(c, CODES[ft], 1, 2); c.showPage(); page = 2; header_classic(c, ft, True); y = H - 110
        c.setFillColor(NAVY); c.rect(40, y - 4, W - 80, 17, fill=1, stroke=0); c.setFillColor(colors.white)
        c.setFont("Helvetica-Bold", 10); c.drawString(46, y + 1, sec); c.setFillColor(colors.black); y -= 26
        for it in items:
            lab, key = it[0], it[1]
            if lab == "DECL":
                y = wrap(c, DECL[ft], 40, y, W - 80, size=8.5) - 4
                c.setFont("Helvetica-Bold", 9); c.drawString(40, y, "Signature"); c.rect(40, y - 26, 300, 20)
                c.setFont("Helvetica-Oblique", 9); c.drawString(46, y - 19, "(signed)"); y -= 40; continue
            if lab == "TICK":
                c.setFont("Helvetica-Bold", 9); c.drawString(40, y, "Please tick one box")
                for i, (t, v) in enumerate([("I am moving INTO a property in Westmarch", "in"), ("I am moving OUT of a property in Westmarch", "out")]):
                    yy = y - 16 - i * 15; c.rect(44, yy - 2, 10, 10)
                    if d.get("move_type") == v:
                        c.setFont("Helvetica-Bold", 10); c.drawString(46, yy - 0.5, "X")
                    c.setFont("Helvetica", 9); c.drawString(60, yy, t)
                y -= 50; continue
            if lab == "ZONE":
                c.setFont("Helvetica-Bold", 9); c.drawString(40, y, "Which zone are you applying for? (tick one)")
                for i in range(6):
                    z = f"P{i+1}"; xx = 44 + i * 82; c.rect(xx, y - 18, 10, 10)
                    if d.get("zone") == z:
                        c.setFont("Helvetica-Bold", 10); c.drawString(xx + 2, y - 16.5, "X")
                    c.setFont("Helvetica", 9); c.drawString(xx + 15, y - 16, f"Zone {z}")
                y -= 36; continue
            if lab in ("PAIR", "PAIR2"):
                town = "Westmarch" if lab == "PAIR" else d.get(key, "")
                pk = it[2]
                if lab == "PAIR":
                    c.setFont("Helvetica-Bold", 9); c.drawString(40, y, "Address line 2 (flat, locality)"); c.rect(40, y - 22, W - 80, 18)
                    c.setFont("Courier", 10); c.drawString(46, y - 16, d.get("_l2", "")); y -= 34
                if lab == "PAIR2" and not d.get(pk): town = ""
                c.setFont("Helvetica-Bold", 9); c.drawString(40, y, "Town"); c.drawString(330, y, "Postcode")
                c.rect(40, y - 22, 270, 18); c.rect(330, y - 22, W - 370, 18)
                c.setFont("Courier", 10); c.drawString(46, y - 16, town); c.drawString(336, y - 16, d.get(pk, "")); y -= 34; continue
            val = dval(d, key, ft)
            c.setFont("Helvetica-Bold", 9); c.drawString(40, y, lab)
            lines = simpleSplit(val, "Courier", 10, W - 92) or [""]
            hgt = 6 + 12 * max(1, len(lines))
            c.rect(40, y - 4 - hgt, W - 80, hgt)
            c.setFont("Courier", 10)
            for i, ln in enumerate(lines): c.drawString(46, y - 16 - 12 * i, ln)
            y -= 16 + hgt
        y -= 6
    if page == 1:
        footer(c, CODES[ft], 1, 2); c.showPage(); header_classic(c, ft, True); y = H - 110
    c.setDash(3, 2); c.rect(40, y - 70, W - 80, 66); c.setDash()
    c.setFont("Helvetica-Bold", 8.5); c.drawString(46, y - 16, "FOR OFFICE USE ONLY")
    c.setFont("Helvetica", 8)
    for i, t in enumerate(["Date received:", "Checked by:", "Keyed to system:", "Ref. no.:"]):
        c.drawString(46 + (i % 2) * 260, y - 34 - (i // 2) * 16, t)
    c.setFont("Helvetica", 7.5)
    wrap(c, "Privacy notice: Westmarch City Council is the data controller for the information on this form. We use it to administer Council Tax and parking and may share it to prevent and detect fraud. See our privacy notice online.", 40, y - 90, W - 80, size=7.5, lead=9)
    footer(c, CODES[ft], 2, 2); c.save()

def letterhead(c, ft_or_dept):
    crest(c, W - 80, H - 30, 0.9)
    c.setFont("Times-Bold", 13); c.drawString(50, H - 50, "Westmarch City Council")
    c.setFont("Times-Roman", 9.5)
    for i, t in enumerate([ft_or_dept, "The Guildhall, Minster Street", "Westmarch WM1 3GH", "Telephone 01632 960 400"]):
        c.drawString(50, H - 64 - i * 11.5, t)

def render_letterform(path, case, d):
    ft = case["ft"]; c = canvas.Canvas(path, pagesize=A4, invariant=1); c.setTitle(TITLES_FT[ft])
    letterhead(c, {"parking_permit": "Parking Services"}.get(ft, "Council Tax Section"))
    c.setFont("Times-Roman", 10.5)
    c.drawRightString(W - 50, H - 130, "Our ref: " + {"council_tax_spd": "CTX/SPD", "council_tax_move": "CTX/MOVE", "parking_permit": "PKG/RES"}[ft] + "/L7")
    c.drawString(50, H - 150, "Dear Resident,")
    c.setFont("Times-Bold", 11); c.drawString(50, H - 170, "Re: " + TITLES_FT[ft])
    intro = {"council_tax_spd": "Thank you for telling us about a change in your household. To consider a single person discount we need the following details. Please type or write your answers after each heading and return this letter to the address above.",
             "council_tax_move": "Thank you for letting us know that you are moving. So that we can bill the right person from the right date, please complete the details below and return this letter to us.",
             "parking_permit": "Please complete the details below to apply for a residents' parking permit. Your application will be checked against our council tax and electoral records before a permit is issued."}[ft]
    y = wrap(c, intro, 50, H - 190, W - 100, font="Times-Roman", size=10.5, lead=13) - 10
    for sec, items in spec(ft, "letter_form", d):
        for it in items:
            lab, key = it[0], it[1]
            if lab == "DECL":
                y = wrap(c, "Declaration: " + DECL[ft], 50, y - 4, W - 100, font="Times-Italic", size=10, lead=12.5) - 8
                c.setFont("Times-Roman", 10.5); c.drawString(50, y, "Signed: ......................................................"); y -= 18; continue
            val = dval(d, key, ft)
            if key == "zone" and val: val = "Zone " + val
            if key == "move_type" and val: val = {"Moving in": "Moving in", "Moving out": "Moving out of Westmarch" if R.random() < 0.5 else "Moving out"}[val]
            c.setFont("Times-Bold", 10.5); lt = lab + ":"; lw = c.stringWidth(lt, "Times-Bold", 10.5)
            if lw > W - 260:
                c.drawString(50, y, lt); y -= 13; x0 = 70
            else:
                c.drawString(50, y, lt); x0 = 50 + lw + 6
            lines = simpleSplit(val, "Times-Roman", 10.5, W - 50 - x0) or [""]
            c.setFont("Times-Roman", 10.5)
            for i, ln in enumerate(lines):
                c.drawString(x0, y, ln); y -= 13
            y -= 5
            if y < 110:
                footer(c, CODES[ft] + "L", 1, 2); c.showPage(); y = H - 70
                c.setFont("Times-Italic", 9); c.drawString(50, H - 45, "Westmarch City Council - " + TITLES_FT[ft] + " (continued)")
    y -= 10
    c.setFont("Times-Roman", 10.5); c.drawString(50, y, "Yours faithfully,"); c.drawString(50, y - 30, "Revenues and Parking Services"); y -= 50
    c.setFont("Times-Italic", 8.5); c.drawString(50, max(y, 60), "Office use: received ____/____/______   batch ______   initials ____")
    footer(c, CODES[ft] + "L", c.getPageNumber(), c.getPageNumber()); c.save()

def render_receipt(path, case, d):
    ft = case["ft"]; c = canvas.Canvas(path, pagesize=A4, invariant=1); c.setTitle("Online form receipt")
    ref = f"WCC-{R.randint(100000, 999999)}"
    sub = pd(case["f"]["declaration_date"]) if "declaration_date" in case["f"] else ASOF - dt.timedelta(days=2)
    rows = []
    for sec, items in spec(ft, "online_receipt", d):
        rows.append(("SEC", sec))
        for lab, key in items:
            rows.append((lab, dval(d, key, ft) if key else ""))
    def head(first):
        c.setFillColor(NAVY); c.rect(0, H - 60, W, 60, fill=1, stroke=0)
        crest(c, 36, H - 10, 0.9); c.setFillColor(colors.white)
        c.setFont("Helvetica-Bold", 14); c.drawString(80, H - 32, "Westmarch City Council | Online Services")
        c.setFont("Helvetica", 9); c.drawString(80, H - 47, "Your submission receipt - please keep for your records")
        c.setFillColor(colors.black)
        if first:
            c.setFont("Helvetica-Bold", 12); c.drawString(40, H - 88, TITLES_FT[ft])
            c.setFont("Helvetica", 9); c.drawString(40, H - 104, f"Submission reference: {ref}     Form: {CODES[ft]}-ONLINE")
            c.drawString(40, H - 116, f"Submitted: {sub.strftime('%d/%m/%Y')} at {R.randint(8, 21):02d}:{R.randint(0, 59):02d}")
            return H - 140
        c.setFont("Helvetica", 9); c.drawString(40, H - 80, f"Submission reference: {ref} (continued)")
        return H - 100
    def colhead(y):
        c.setFillColor(NAVY); c.rect(40, y - 5, W - 80, 18, fill=1, stroke=0); c.setFillColor(colors.white)
        c.setFont("Helvetica-Bold", 9.5); c.drawString(46, y, "Question"); c.drawString(265, y, "Your answer"); c.setFillColor(colors.black)
        return y - 18
    y = colhead(head(True)); page = 1; split_at = max(6, len(rows) // 2 + 1); i_row = 0
    for idx, (lab, val) in enumerate(rows):
        if idx == split_at:
            c.setFont("Helvetica-Oblique", 8); c.drawString(40, y - 6, "Continued on next page")
            footer(c, "Online receipt " + ref, 1, 2); c.showPage(); page = 2; y = colhead(head(False))
        if lab == "SEC":
            c.setFillColor(colors.HexColor("#c9cfe0")); c.rect(40, y - 5, W - 80, 17, fill=1, stroke=0); c.setFillColor(colors.black)
            c.setFont("Helvetica-Bold", 9.5); c.drawString(46, y, val); y -= 17; i_row = 0; continue
        ll = simpleSplit(lab, "Helvetica", 9, 210); vl = simpleSplit(val, "Helvetica", 9, W - 80 - 230) or [""]
        n = max(len(ll), len(vl)); hgt = 6 + 11 * n
        if i_row % 2 == 1:
            c.setFillColor(GREY); c.rect(40, y + 12 - hgt, W - 80, hgt, fill=1, stroke=0); c.setFillColor(colors.black)
        c.setFont("Helvetica", 9)
        for k, t in enumerate(ll): c.drawString(46, y - 11 * k, t)
        for k, t in enumerate(vl): c.drawString(265, y - 11 * k, t)
        y -= hgt; i_row += 1
    c.setFont("Helvetica", 8)
    wrap(c, "What happens next: we aim to deal with your request within 10 working days. We will write to you if we need more information. Do not send this receipt to us - it is for your records.", 40, y - 14, W - 80, size=8, lead=10)
    footer(c, "Online receipt " + ref, page, page); c.save()

def render_fillable(path, case, d):
    ft = case["ft"]; c = canvas.Canvas(path, pagesize=A4, invariant=1); c.setTitle(TITLES_FT[ft] + " (fillable)")
    crest(c, 40, H - 30, 0.8)
    c.setFont("Helvetica-Bold", 12); c.drawString(76, H - 45, "Westmarch City Council"); c.setFont("Helvetica", 10); c.drawString(76, H - 58, TITLES_FT[ft] + " - electronic form")
    c.setFont("Helvetica", 7.5); c.drawRightString(W - 40, H - 45, CODES[ft] + "-E v2.1"); c.drawRightString(W - 40, H - 56, "Save, complete and email to forms@westmarch.gov.uk (fictional)")
    y = wrap(c, GUIDE[ft], 40, H - 82, W - 80, size=8, lead=10) - 10
    af = c.acroForm
    for sec, items in spec(ft, "fillable", d):
        for lab, key, fname in items:
            val = dval(d, key, ft)
            if key == "move_type" and val: val = R.choice({"Moving in": ["IN", "moving in", "In"], "Moving out": ["OUT", "moving out", "Out"]}[val])
            if key == "zone" and val: val = R.choice([val, "zone " + val.lower(), "Zone " + val])
            big = key in ("change_description", "other_adult_forwarding_address")
            hgt = 34 if big else 18
            c.setFont("Helvetica", 9); c.drawString(40, y - 12, lab)
            af.textfield(name=fname, value=val, x=190, y=y - hgt, width=W - 230, height=hgt, fontName="Helvetica", fontSize=9,
                         borderColor=colors.grey, fillColor=colors.HexColor("#eef3fb"), textColor=colors.black, forceBorder=True,
                         fieldFlags="multiline" if big else "")
            y -= hgt + 8
    y -= 6
    c.setFont("Helvetica", 8); y = wrap(c, "Declaration: " + DECL[ft], 40, y, W - 80, size=8, lead=10)
    c.setDash(2, 2); c.rect(40, 50, W - 80, 40); c.setDash(); c.setFont("Helvetica-Bold", 7.5); c.drawString(46, 80, "OFFICE USE ONLY  -  Received:            Officer:            System ref:")
    c.save()

def render_corr(path, case):
    f = case["f"]; c = canvas.Canvas(path, pagesize=A4, invariant=1)
    sent = f["_sent"]; ds = f"{sent.day} {MONTHS[sent.month-1]} {sent.year}"
    addr_lines = []
    if f.get("address"):
        addr_lines = [f["address"]] + ([f["_l2"]] if f.get("_l2") else []) + [f.get("_town", "Westmarch"), f["postcode"]]
    subj = {"missed_bin": "Missed bin collection", "council_tax_query": "Query about my council tax bill", "complaint": "Formal complaint",
            "foi_request": "Freedom of Information request", "other": "Missing street name sign"}[f["topic"]]
    if f["_kind"] == "letter":
        y = H - 60; c.setFont("Times-Roman", 11)
        if f.get("sender_name"): c.drawRightString(W - 60, y, f["sender_name"]); y -= 13
        for l in addr_lines: c.drawRightString(W - 60, y, l); y -= 13
        y -= 10; c.drawRightString(W - 60, y, ds); y -= 30
        for l in ["Customer Services", "Westmarch City Council", "The Guildhall", "Minster Street", "Westmarch WM1 3GH"]: c.drawString(60, y, l); y -= 13
        y -= 18
        if f.get("account_ref"): c.setFont("Times-Bold", 11); c.drawString(60, y, f"Council Tax account: {f['account_ref']}"); y -= 18
        c.setFont("Times-Roman", 11); c.drawString(60, y, "Dear Sir or Madam,"); y -= 20
        c.setFont("Times-Bold", 11); c.drawString(60, y, subj); y -= 20
        for p in f["_paras"]: y = wrap(c, p, 60, y, W - 120, font="Times-Roman", size=11, lead=14) - 8
        c.setFont("Times-Roman", 11); c.drawString(60, y - 6, "Yours faithfully,"); y -= 50
        if f.get("sender_name"): c.drawString(60, y, f["sender_name"].split(" ", 1)[-1] if False else f["sender_name"])
    else:
        c.setFont("Helvetica-Bold", 10); c.drawString(40, H - 40, "Westmarch Mail"); c.setFont("Helvetica", 8); c.drawRightString(W - 40, H - 40, "Printed by customer - page 1 of 1")
        c.line(40, H - 46, W - 40, H - 46)
        frm = (f["sender_name"] + " <" + email(f["sender_name"]) + ">") if f.get("sender_name") else "concerned.resident.wm@example.com"
        y = H - 66
        for k, v in [("From:", frm), ("Sent:", f"{['Monday','Tuesday','Wednesday','Thursday','Friday','Saturday','Sunday'][sent.weekday()]}, {ds} {R.randint(7, 22):02d}:{R.randint(0, 59):02d}"),
                     ("To:", "customer.services@westmarch.gov.uk"), ("Subject:", subj + (f" - account {f['account_ref']}" if f.get("account_ref") else ""))]:
            c.setFont("Helvetica-Bold", 9.5); c.drawString(40, y, k); c.setFont("Helvetica", 9.5); c.drawString(100, y, v); y -= 13
        c.line(40, y + 4, W - 40, y + 4); y -= 14
        c.setFont("Helvetica", 10); c.drawString(40, y, "Hello,"); y -= 18
        for p in f["_paras"]: y = wrap(c, p, 40, y, W - 80, size=10, lead=13) - 8
        y -= 4; c.drawString(40, y, "Regards,"); y -= 14
        if f.get("sender_name"): c.drawString(40, y, f["sender_name"]); y -= 13
        else: c.drawString(40, y, "A concerned resident"); y -= 13
        for l in addr_lines: c.drawString(40, y, l); y -= 13
    c.save()

# ---------------------------------------------------------------- main
def main():
    out_inbox = os.path.join(HERE, "inbox")
    if os.path.isdir(out_inbox): shutil.rmtree(out_inbox)
    os.makedirs(out_inbox)
    order = list(range(len(cases))); R.shuffle(order)
    # inbox order: the duplicate pair's online copy first is not required; any order is fine
    seen = set(); truth = []
    named = []
    for n, ci_ in enumerate(order):
        named.append((f"doc_{n+1:04d}.pdf", cases[ci_]))
    for fname, case in named:  # fillable forms: answers typed in mixed case (truth = as written)
        if case["layout"] == "fillable":
            if R.random() < 0.4: case["f"]["applicant_name"] = case["f"]["applicant_name"].upper()
            for k in ("address", "new_address", "previous_address"):
                if k in case["f"] and R.random() < 0.3: case["f"][k] = case["f"][k].lower()
    for fname, case in named:  # checks in inbox order
        ft = case["ft"]; f = case["f"]
        fields = {k: v for k, v in f.items() if not k.startswith("_")}
        rs = check(ft, fields, seen)
        exp = [] if case["problem"] in ("", "DUP") else [case["problem"].replace("SENDER_UNKNOWN_ANON", "SENDER_UNKNOWN").replace("SENDER_UNKNOWN_OUTSIDE", "SENDER_UNKNOWN")]
        if case["problem"] == "DUP":
            assert rs in ([], ["DUPLICATE_SUBMISSION"]), (fname, rs)
        else:
            assert rs == exp, (fname, case["problem"], rs, fields)
        path = os.path.join(out_inbox, fname)
        if ft == "correspondence":
            render_corr(path, case)
        else:
            d = display(case, case["layout"])
            {"classic_boxes": render_classic, "letter_form": render_letterform, "online_receipt": render_receipt, "fillable": render_fillable}[case["layout"]](path, case, d)
        outcome = "duplicate_pair" if case["problem"] == "DUP" else ("approved" if not rs else "exception")
        t = {"file": fname, "form_type": ft, "fields": fields, "outcome": outcome, "reasons": [] if case["problem"] == "DUP" else rs, "layout": case["layout"]}
        if case.get("dup"): t["duplicate_group"] = case["dup"]
        truth.append(t)
    cnt = {}
    for t in truth:
        k = (t["layout"], t["form_type"])
        if t["outcome"] == "approved" and cnt.get(k, 0) < 2:
            t["split"] = "learn"; cnt[k] = cnt.get(k, 0) + 1
        else:
            t["split"] = "test"
    with open(os.path.join(HERE, "truth.jsonl"), "w") as fh:
        for t in truth: fh.write(json.dumps(t) + "\n")
    # workbook
    wb = openpyxl.Workbook(); ws = wb.active; ws.title = "properties"
    cols = ["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band", "ward", "parking_zone"]
    ws.append(cols)
    for p in props: ws.append([p[k] if p[k] != "" else None for k in cols])
    ws = wb.create_sheet("council_tax_accounts"); cols = ["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"]; ws.append(cols)
    for a in accounts: ws.append([a[k] if a[k] != "" else None for k in cols])
    for row in ws.iter_rows(min_row=2):
        row[0].number_format = "@"
        for cc in (row[4], row[5]): cc.number_format = "yyyy-mm-dd"
    ws = wb.create_sheet("electoral_register"); cols = ["elector_number", "full_name", "uprn"]; ws.append(cols)
    for e in electors: ws.append([e[k] for k in cols])
    ws = wb.create_sheet("parking_permits"); cols = ["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"]; ws.append(cols)
    for p in permits: ws.append([p[k] for k in cols])
    for row in ws.iter_rows(min_row=2):
        for cc in (row[4], row[5]): cc.number_format = "yyyy-mm-dd"
    wb.save(os.path.join(HERE, "records.xlsx"))
    print(f"properties={len(props)} accounts={len(accounts)} electors={len(electors)} permits={len(permits)} forms={len(truth)}")

if __name__ == "__main__":
    main()
