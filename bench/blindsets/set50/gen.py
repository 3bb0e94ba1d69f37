#!/usr/bin/env python3
"""Blind test set generator: Kelderby District Council (seed 50050).

Writes records.xlsx, inbox/*.pdf, truth.jsonl next to this file.
Deterministic: same seed -> same output.
"""
import json, os, random, re, shutil, datetime as dt
from openpyxl import Workbook
from reportlab.pdfgen import canvas
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.lib import colors

SEED = 50050
HERE = os.path.dirname(os.path.abspath(__file__))
ASOF = dt.date(2026, 12, 7)
R = random.Random(SEED)
D = dt.date

# ---------------------------------------------------------------- records
FIRST_F = ["Margaret", "Susan", "Helen", "Joanne", "Ruth", "Elaine", "Katherine", "Lorna", "Gillian", "Amy",
           "Rachel", "Dorothy", "Wendy", "Claire", "Beverley", "Sarah", "Hannah", "Lucy", "Janet", "Fiona"]
FIRST_M = ["Robert", "John", "David", "Peter", "Alan", "Graham", "Stephen", "Keith", "Michael", "Andrew",
           "Ian", "Colin", "Gary", "Philip", "Thomas", "Neil", "Martin", "Stuart", "Derek", "William"]
SURN = ["Atkinson", "Dobson", "Metcalfe", "Raine", "Hebden", "Thwaite", "Alderson", "Calvert", "Bainbridge",
        "Harker", "Kipling", "Sunter", "Hutchinson", "Lambert", "Pratt", "Dinsdale", "Outhwaite", "Fawcett",
        "Iveson", "Blades", "Rukin", "Whitfield", "Garth", "Peacock", "Allison", "Scarr", "Tennant", "Coates",
        "Brunskill", "Lofthouse", "Marwood", "Swales", "Fryer", "Mudd", "Guy", "Airey", "Capstick", "Harrison"]
used_names = set()


def person(sex=None, surname=None):
    while True:
        sx = sex or R.choice("FM")
        fn = R.choice(FIRST_F if sx == "F" else FIRST_M)
        sn = surname or R.choice(SURN)
        n = f"{fn} {sn}"
        if n not in used_names:
            used_names.add(n)
            return n, sx


INW = "ABDEFGHJLNPQRSTUWXYZ"
used_pc = set()


def postcode(district):
    while True:
        pc = f"KY{district} {R.randint(1, 9)}{R.choice(INW)}{R.choice(INW)}"
        if pc not in used_pc:
            used_pc.add(pc)
            return pc


# (street, town, district, zone, count, style)
STREETS = [
    ("Market Place", "Kelderby", 1, "Market Place", 14, "num"),
    ("Church Street", "Kelderby", 1, "K1", 18, "num"),
    ("Bridge Street", "Kelderby", 1, "K1", 14, "num"),
    ("Station Road", "Kelderby", 2, "K2", 18, "num"),
    ("Westgate", "Kelderby", 2, "K2", 16, "num"),
    ("Mill Lane", "Kelderby", 2, "", 12, "num"),
    ("Fell View", "Kelderby", 3, "", 12, "num"),
    ("Chapel Row", "Thornby Moor", 4, "", 10, "num"),
    ("Main Street", "Thornby Moor", 4, "", 12, "named"),
    ("Beck Side", "Ashgill", 5, "", 10, "num"),
    ("Front Street", "Ashgill", 5, "", 10, "num"),
    ("Garth Terrace", "Low Bracken", 6, "", 12, "num"),
    ("Moor Road", "Hawkside", 7, "", 8, "named"),
]
HOUSE_NAMES = ["Rose Cottage", "Beck House", "Ivy Cottage", "The Old Forge", "Fellside", "Hollin Bank",
               "Swallow Barn", "The Old School House", "Brackenrigg", "Thorn Cottage", "Wren Cottage",
               "Rowan House", "Ghyll Cottage", "The Laithe", "Moorcroft", "Holly Bank", "Pear Tree Cottage",
               "Sycamore House", "High Close", "The Bothy"]
FARMS = [("Low Mill Farm", "Thornby Moor", 4), ("High Gill Farm", "Ashgill", 5), ("Scar Top Farm", "Hawkside", 7),
         ("Cragg End Farm", "Low Bracken", 6), ("Whinfell Farm", "Hawkside", 7)]
WARDS = {"Kelderby": "Kelderby Town", "Thornby Moor": "Thornby & Ashgill", "Ashgill": "Thornby & Ashgill",
         "Low Bracken": "Bracken Dale", "Hawkside": "Hawkside & Moor"}

props = []
uprn = 100071200000
names_pool = list(HOUSE_NAMES)
R.shuffle(names_pool)
for street, town, dist, zone, count, style in STREETS:
    pcs = [postcode(dist) for _ in range((count + 5) // 6)]
    for i in range(count):
        uprn += R.randint(3, 40)
        if style == "num":
            a1 = f"{i + 1} {street}"
        else:
            a1 = f"{names_pool.pop()}, {street}" if names_pool else f"{i + 1} {street}"
        a2 = ""
        if street in ("Church Street", "Westgate") and i % 5 == 4:
            a1 = f"Flat {1 + i % 3}, {i + 1} {street}"
        props.append(dict(uprn=uprn, a1=a1, a2=a2, town=town, pc=pcs[i // 6], band=R.choice("AABBBCCDDEF"),
                          ward=WARDS[town], zone=zone))
for farm, town, dist in FARMS:
    pc = postcode(dist)
    for unit in ["Farmhouse", "The Granary", "The Stables", "Barn Cottage"]:
        uprn += R.randint(3, 40)
        a1 = f"{farm}house" if unit == "Farmhouse" and farm.endswith("Farm") else f"{unit}, {farm}"
        props.append(dict(uprn=uprn, a1=a1, a2=town if town != "Kelderby" else "", town="Kelderby" if town == "Hawkside" else town,
                          pc=pc, band=R.choice("CDEF"), ward=WARDS[town], zone=""))
# town is the post town; for rural localities address_line_2 carries the locality
for p in props:
    if p["town"] != "Kelderby" and not p["a2"]:
        p["a2"] = p["town"]
        p["town"] = "Kelderby"
    elif p["town"] != "Kelderby":
        p["town"] = "Kelderby"
by_uprn = {p["uprn"]: p for p in props}

accounts = []   # dicts: ref, uprn, liable[list], status, start, end, discounts[list]
register = []   # dicts: no, name, uprn
permits = []    # dicts: ref, uprn, vrm, zone, vf, vt
used_refs = set()


def new_ref():
    while True:
        r = f"4{R.randint(1000000, 9999999)}"
        if r not in used_refs:
            used_refs.add(r)
            return r


households = {}
for p in props:
    if R.random() < 0.05:
        households[p["uprn"]] = None  # vacant
        continue
    sn = R.choice(SURN)
    a, sa = person(surname=sn)
    liable = [a]
    if R.random() < 0.55:
        b, _ = person(sex="M" if sa == "F" else "F", surname=sn if R.random() < 0.8 else None)
        liable.append(b)
    start = D(2008, 1, 1) + dt.timedelta(days=R.randint(0, 6200))
    disc = ["SPD"] if len(liable) == 1 and R.random() < 0.35 else []
    acc = dict(ref=new_ref(), uprn=p["uprn"], liable=liable, status="active", start=start, end=None, discounts=disc)
    accounts.append(acc)
    # previous occupier, closed
    if R.random() < 0.3:
        pn, _ = person()
        accounts.append(dict(ref=new_ref(), uprn=p["uprn"], liable=[pn], status="closed",
                             start=start - dt.timedelta(days=R.randint(700, 3000)), end=start - dt.timedelta(days=1),
                             discounts=[]))
    regs = list(liable)
    if R.random() < 0.2:
        c, _ = person(surname=sn)
        regs.append(c)
    for n in regs:
        register.append(dict(name=n, uprn=p["uprn"]))
    households[p["uprn"]] = acc

VRM_L = "ABCDEFGHJKLMNOPRSTUVWXYZ"
used_vrm = set()


def vrm(style="cur"):
    while True:
        if style == "cur":
            v = R.choice("KYNSLMWD") + R.choice(VRM_L) + R.choice(["15", "16", "18", "19", "21", "22", "24", "66", "68", "70", "71", "73", "74"]) + "".join(R.choice(VRM_L) for _ in range(3))
        elif style == "prefix":
            v = R.choice("MNPRSTVWXY") + str(R.randint(1, 999)) + "".join(R.choice(VRM_L) for _ in range(3))
        else:
            v = "".join(R.choice(VRM_L) for _ in range(3)) + str(R.randint(1, 999)) + R.choice("ABCDEFGHJKLMNPRSTVWXY")
        if v not in used_vrm:
            used_vrm.add(v)
            return v


permit_no = [0]


def add_permit(u, v=None, active=True):
    permit_no[0] += 1
    if active:
        vf = ASOF - dt.timedelta(days=R.randint(20, 300))
    else:
        vf = ASOF - dt.timedelta(days=R.randint(400, 700))
    permits.append(dict(ref=f"KRP{permit_no[0]:05d}", uprn=u, vrm=v or vrm(), zone=by_uprn[u]["zone"], vf=vf,
                        vt=vf + dt.timedelta(days=364)))


for p in props:
    if p["zone"] and households.get(p["uprn"]):
        x = R.random()
        if x < 0.35:
            add_permit(p["uprn"])
        elif x < 0.45:
            add_permit(p["uprn"], active=False)

# ---------------------------------------------------------------- helpers
TITLES = {"mr", "mrs", "ms", "miss", "dr", "mx"}


def nname(n):
    w = re.sub(r"\s+", " ", n.strip().replace(".", "")).lower().split(" ")
    if w and w[0] in TITLES:
        w = w[1:]
    return " ".join(w)


def naddr(a):
    return re.sub(r"[^a-z0-9]+", " ", a.lower()).strip()


def titled(n, sex=None):
    first = n.split()[0]
    if first in FIRST_F:
        t = R.choice(["Mrs", "Ms", "Miss", "", ""])
    else:
        t = R.choice(["Mr", "Mr", "", "Dr"])
    return f"{t} {n}".strip()


def acc_of(ref):
    return next((a for a in accounts if a["ref"] == ref), None)


def regs_at(u):
    return [r["name"] for r in register if r["uprn"] == u]


def prop_by_addr(a, pc):
    for p in props:
        if naddr(p["a1"]) == naddr(a) and p["pc"] == pc:
            return p
    return None


def active_permits(u=None, v=None, day=ASOF):
    return [x for x in permits if (u is None or x["uprn"] == u) and (v is None or x["vrm"] == v) and x["vf"] <= day <= x["vt"]]


VRM_OK = [r"^[A-Z]{2}[0-9]{2}[A-Z]{3}$", r"^[A-Z][0-9]{1,3}[A-Z]{3}$", r"^[A-Z]{3}[0-9]{1,3}[A-Z]$"]

REQ = {"council_tax_spd": ["account_ref", "applicant_name", "address", "postcode", "sole_adult_since", "declaration_date"],
       "parking_permit": ["applicant_name", "address", "postcode", "vrm", "zone", "start_date", "declaration_date"]}


def check(ft, f, seen):
    """forms.md checks, literally, against the records built above."""
    rs = []
    if ft == "correspondence":
        if "account_ref" in f and not acc_of(f["account_ref"]):
            rs.append("ACCOUNT_NOT_FOUND")
        known = False
        if "sender_name" in f:
            if "address" in f and "postcode" in f and prop_by_addr(f["address"], f["postcode"]):
                known = True
            if "account_ref" in f and acc_of(f["account_ref"]):
                known = True
        if not known:
            rs.insert(0, "SENDER_UNKNOWN")
        return rs
    if ft == "council_tax_move":
        req = ["move_type", "applicant_name", "move_date", "declaration_date"]
        req += ["account_ref", "previous_address", "previous_postcode"] if f.get("move_type") == "out" else ["new_address", "new_postcode"]
    else:
        req = REQ[ft]
    rs += [f"MISSING_FIELD:{k}" for k in req if k not in f]
    if ft == "council_tax_spd":
        a = acc_of(f["account_ref"]) if "account_ref" in f else None
        if "account_ref" in f and not a:
            rs.append("ACCOUNT_NOT_FOUND")
        if a:
            if a["status"] != "active":
                rs.append("ACCOUNT_CLOSED")
            if nname(f.get("applicant_name", "")) not in [nname(x) for x in a["liable"]]:
                rs.append("NAME_MISMATCH")
            p = by_uprn[a["uprn"]]
            if naddr(f.get("address", "")) != naddr(p["a1"]) or f.get("postcode") != p["pc"]:
                rs.append("ADDRESS_MISMATCH")
            if "SPD" in a["discounts"]:
                rs.append("DISCOUNT_ALREADY_APPLIED")
            ok = {nname(f.get("applicant_name", "")), nname(f.get("other_adult_name", ""))}
            if any(nname(x) not in ok for x in regs_at(a["uprn"])):
                rs.append("OTHER_ADULTS_REGISTERED")
        s = f.get("sole_adult_since")
        if s:
            s = D.fromisoformat(s)
            if s > ASOF:
                rs.append("DATE_IN_FUTURE")
            if (ASOF - s).days > 365:
                rs.append("DATE_TOO_OLD")
            md = f.get("_desc_date")
            if md and md != f["sole_adult_since"]:
                rs.append("INCONSISTENT_DATES")
        key = ("spd", f.get("account_ref"))
    elif ft == "council_tax_move":
        if f["move_type"] == "out":
            a = acc_of(f["account_ref"]) if "account_ref" in f else None
            if "account_ref" in f and not a:
                rs.append("ACCOUNT_NOT_FOUND")
            if a:
                if nname(f["applicant_name"]) not in [nname(x) for x in a["liable"]]:
                    rs.append("NAME_MISMATCH")
                p = by_uprn[a["uprn"]]
                if naddr(f.get("previous_address", "")) != naddr(p["a1"]) or f.get("previous_postcode") != p["pc"]:
                    rs.append("ADDRESS_MISMATCH")
            key = ("move", f.get("account_ref"))
        else:
            if "new_address" in f and not prop_by_addr(f["new_address"], f.get("new_postcode")):
                rs.append("PROPERTY_NOT_FOUND")
            key = ("movein", f.get("new_address"))
        m = f.get("move_date")
        if m:
            m = D.fromisoformat(m)
            if (m - ASOF).days > 28:
                rs.append("DATE_IN_FUTURE")
            if (ASOF - m).days > 365:
                rs.append("DATE_TOO_OLD")
    else:
        p = prop_by_addr(f.get("address", ""), f.get("postcode"))
        if not p:
            rs.append("PROPERTY_NOT_FOUND")
        else:
            if not p["zone"] or p["zone"].lower() != f.get("zone", "").lower():
                rs.append("NOT_IN_PERMIT_ZONE")
            liab = [nname(x) for a in accounts if a["uprn"] == p["uprn"] and a["status"] == "active" for x in a["liable"]]
            if nname(f["applicant_name"]) not in liab + [nname(x) for x in regs_at(p["uprn"])]:
                rs.append("NOT_RESIDENT")
        v = f.get("vrm")
        if v and not any(re.match(rx, v) for rx in VRM_OK):
            rs.append("INVALID_FORMAT:vrm")
        if v and active_permits(v=v):
            rs.append("VRM_HAS_PERMIT")
        if p and len(active_permits(u=p["uprn"])) >= 2:
            rs.append("PERMIT_CAP_REACHED")
        sd = f.get("start_date")
        if sd and (D.fromisoformat(sd) - ASOF).days > 28:
            rs.append("DATE_IN_FUTURE")
        key = ("pp", f.get("vrm"), p and p["uprn"])
    if key in seen:
        rs.append("DUPLICATE_SUBMISSION")
    seen.add(key)
    return rs


# ---------------------------------------------------------------- date display
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def ordsuf(n):
    return "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def show_date(d, style):
    if style == "slash":
        return d.strftime("%d/%m/%Y")
    if style == "short":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "dots":
        return d.strftime("%d.%m.%Y")
    if style == "dash":
        return d.strftime("%d-%m-%Y")
    if style == "long":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "ord":
        return f"{d.day}{ordsuf(d.day)} {MONTHS[d.month - 1]} {d.year}"
    if style == "us":
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    return d.isoformat()


def show_ref(r, style):
    return {"plain": r, "space": f"{r[:4]} {r[4:]}", "dash": f"{r[:4]}-{r[4:]}", "ct": f"CT{r}"}[style]


def show_vrm(v):
    if re.match(VRM_OK[0], v):
        return f"{v[:4]} {v[4:]}"
    if re.match(VRM_OK[2], v):
        return v if R.random() < 0.5 else f"{v[:3]} {v[3:]}"
    return v if R.random() < 0.5 else f"{v[:-3]} {v[-3:]}"


def rdate(lo, hi):
    return lo + dt.timedelta(days=R.randint(0, (hi - lo).days))


# ---------------------------------------------------------------- scenarios
pool = [p for p in props if households.get(p["uprn"])]
R.shuffle(pool)
taken = set()


def pick(cond):
    for p in pool:
        if p["uprn"] not in taken and cond(p):
            taken.add(p["uprn"])
            return p
    raise RuntimeError("no property")


FORWARD = [("22 Priory Gardens", "Darlington", "DL3 7QN"), ("Flat 4, 9 Castle Walk", "York", "YO1 9RP"),
           ("3 Beech Grove", "Kendal", "LA9 6DX"), ("41 Albert Road", "Harrogate", "HG1 4HZ"),
           ("17 Lowther Street", "Penrith", "CA11 7UG"), ("8 Garth Close", "Northallerton", "DL6 1SL")]
CHANGES = ["My partner {o} moved out to live elsewhere.", "We have separated and {o} no longer lives here.",
           "{o} has moved into residential care.", "My son {o} has left home for work.",
           "{o} moved out on {d}.", "Since {d} I have lived here on my own; {o} moved to a new address."]


def make_spd(problem):
    if problem == "ACCOUNT_CLOSED":
        p = pick(lambda p: any(a["uprn"] == p["uprn"] and a["status"] == "closed" for a in accounts))
        a = next(a for a in accounts if a["uprn"] == p["uprn"] and a["status"] == "closed")
        # ensure register doesn't list others
    else:
        p = pick(lambda p: "SPD" not in households[p["uprn"]]["discounts"])
        a = households[p["uprn"]]
    u = p["uprn"]
    # tidy register for a clean baseline: only the liable parties
    register[:] = [r for r in register if r["uprn"] != u] + [dict(name=n, uprn=u) for n in a["liable"]]
    app = a["liable"][0]
    other = a["liable"][1] if len(a["liable"]) > 1 else (person(surname=app.split()[-1])[0] if R.random() < 0.6 else None)
    f = {"account_ref": a["ref"], "applicant_name": titled(app), "address": p["a1"], "postcode": p["pc"]}
    since = rdate(D(2026, 1, 10), D(2026, 11, 28))
    decl = rdate(max(since, D(2026, 11, 2)), D(2026, 12, 6))
    show = {}
    if problem == "ACCOUNT_NOT_FOUND":
        f["account_ref"] = new_ref()
    elif problem == "NAME_MISMATCH":
        # a resident who is not on the bill applies after the bill payer leaves
        b = person(surname=app.split()[-1])[0]
        register[:] = [r for r in register if r["uprn"] != u] + [dict(name=app, uprn=u), dict(name=b, uprn=u)]
        f["applicant_name"] = titled(b)
        other = app
    elif problem == "ADDRESS_MISMATCH":
        q = pick(lambda q: q["a1"] != p["a1"])
        f["address"], f["postcode"] = q["a1"], q["pc"]
        show["addr_p"] = q
    elif problem == "DISCOUNT_ALREADY_APPLIED":
        a["discounts"] = ["SPD"]
    elif problem == "OTHER_ADULTS_REGISTERED":
        register.append(dict(name=person(surname=app.split()[-1])[0], uprn=u))
    elif problem == "DATE_TOO_OLD":
        since = rdate(D(2025, 5, 1), D(2025, 11, 20))
    elif problem == "DATE_IN_FUTURE":
        since = rdate(D(2026, 12, 20), D(2027, 1, 20))
    f["sole_adult_since"] = since.isoformat()
    if other:
        f["other_adult_name"] = other
        if R.random() < 0.6:
            fa = R.choice(FORWARD)
            f["other_adult_forwarding_address"] = f"{fa[0]}, {fa[1]}, {fa[2]}"
    ddate = None
    if problem == "INCONSISTENT_DATES":
        ddate = since - dt.timedelta(days=R.randint(20, 60))
        f["change_description"] = f"{other or 'My lodger'} moved out on {show_date(ddate, 'long')}."
    elif R.random() < 0.7:
        tpl = R.choice(CHANGES) if other else "I was previously sharing with a lodger who has now left."
        if "{d}" in tpl:
            ddate = since
        f["change_description"] = tpl.format(o=other or "", d=show_date(since, "long"))
    if ddate:
        f["_desc_date"] = ddate.isoformat()
    if R.random() < 0.6:
        f["phone"] = R.choice(["01969 ", "01748 "]) + str(R.randint(200000, 999999)) if R.random() < 0.5 else "07700 9" + str(R.randint(10000, 99999))
    if R.random() < 0.5:
        f["email"] = app.lower().replace(" ", ".") + R.choice(["@btinternet.com", "@gmail.com", "@outlook.com"])
    f["declaration_date"] = decl.isoformat()
    if problem == "MISSING_FIELD:sole_adult_since":
        del f["sole_adult_since"]
        f.pop("change_description", None)
        f.pop("_desc_date", None)
    return f, {"prop": show.get("addr_p", p)}


def make_move(problem):
    mtype = "in" if problem in ("PROPERTY_NOT_FOUND",) or (problem is None and R.random() < 0.45) or problem == "IN" else "out"
    md = rdate(D(2026, 9, 1), D(2026, 12, 30))
    if problem == "DATE_IN_FUTURE":
        md = rdate(D(2027, 1, 10), D(2027, 2, 20))
    elif problem == "DATE_TOO_OLD":
        md = rdate(D(2025, 6, 1), D(2025, 11, 30))
    decl = rdate(D(2026, 11, 1), D(2026, 12, 6))
    fa = R.choice(FORWARD)
    if mtype == "out":
        p = pick(lambda p: True)
        a = households[p["uprn"]]
        f = {"move_type": "out", "account_ref": a["ref"], "applicant_name": titled(a["liable"][0]),
             "previous_address": p["a1"], "previous_postcode": p["pc"], "new_address": fa[0], "new_postcode": fa[2]}
        ctx = {"prev": p, "new": dict(a1=fa[0], a2="", town=fa[1], pc=fa[2])}
        if problem == "ACCOUNT_NOT_FOUND":
            f["account_ref"] = new_ref()
        elif problem == "NAME_MISMATCH":
            f["applicant_name"] = titled(person()[0])
        elif problem == "ADDRESS_MISMATCH":
            q = pick(lambda q: True)
            f["previous_address"], f["previous_postcode"] = q["a1"], q["pc"]
            ctx["prev"] = q
        elif problem == "MISSING_FIELD:account_ref":
            del f["account_ref"]
    else:
        if problem == "PROPERTY_NOT_FOUND":
            st = R.choice(["Church Street", "Station Road", "Chapel Row", "Beck Side"])
            src = next(p for p in props if st in p["a1"])
            q = dict(a1=f"{R.randint(40, 60)} {st}", a2=src["a2"], town=src["town"], pc=src["pc"])
        else:
            q = pick(lambda p: True)
        f = {"move_type": "in", "applicant_name": titled(person()[0]), "previous_address": fa[0],
             "previous_postcode": fa[2], "new_address": q["a1"], "new_postcode": q["pc"]}
        ctx = {"prev": dict(a1=fa[0], a2="", town=fa[1], pc=fa[2]), "new": q}
    f["move_date"] = md.isoformat()
    if R.random() < 0.6:
        f["phone"] = "07700 9" + str(R.randint(10000, 99999))
    if R.random() < 0.4:
        f["email"] = nname(f["applicant_name"]).replace(" ", "_") + "@gmail.com"
    if problem != "MISSING_FIELD:declaration_date":
        f["declaration_date"] = decl.isoformat()
    return f, ctx


MAKES = ["Ford Fiesta", "Vauxhall Corsa", "Skoda Octavia", "Toyota Yaris", "Land Rover Defender", "Nissan Qashqai",
         "Volkswagen Golf", "Kia Sportage", "Subaru Forester", "Peugeot 208", "Dacia Duster", "Honda Jazz"]


def make_permit(problem):
    zp = lambda p: p["zone"] != ""
    if problem == "PERMIT_CAP_REACHED":
        p = pick(zp)
        for x in [x for x in permits if x["uprn"] == p["uprn"]]:
            permits.remove(x)
        add_permit(p["uprn"]); add_permit(p["uprn"])
    elif problem == "NOT_IN_PERMIT_ZONE":
        p = pick(lambda p: p["zone"] == "" and "Kelderby" == p["town"] and not p["a2"])
    else:
        p = pick(lambda p: zp(p) and len(active_permits(u=p["uprn"])) <= 1)
    u = p["uprn"]
    a = households[u]
    regs = regs_at(u)
    app = R.choice(regs) if R.random() < 0.4 and regs else a["liable"][-1]
    zone = p["zone"] or R.choice(["K1", "K2"])
    ctx = {"prop": p}
    style = R.choice(["cur", "cur", "cur", "prefix", "suffix"])
    v = vrm(style)
    f = {"applicant_name": titled(app), "address": p["a1"], "postcode": p["pc"], "vrm": v}
    if R.random() < 0.7:
        f["vehicle_make"] = R.choice(MAKES)
    f["zone"] = zone
    sd = rdate(D(2026, 12, 1), D(2027, 1, 3))
    if problem == "DATE_IN_FUTURE":
        sd = rdate(D(2027, 1, 12), D(2027, 2, 28))
    elif problem == "NOT_RESIDENT":
        f["applicant_name"] = titled(person()[0])
    elif problem == "INVALID_FORMAT:vrm":
        f["vrm"] = R.choice(["KY7IABCD", "NL19RTWX", "MA21BJ"])
    elif problem == "VRM_HAS_PERMIT":
        other = next(q for q in pool if q["zone"] and q["uprn"] not in taken and len(active_permits(u=q["uprn"])) == 0)
        taken.add(other["uprn"])
        add_permit(other["uprn"], v=v)
    elif problem == "PROPERTY_NOT_FOUND":
        st = R.choice(["Westgate", "Bridge Street", "Station Road"])
        src = next(q for q in props if q["a1"].endswith(st))
        f["address"] = f"{R.randint(70, 95)} {st}"
        f["postcode"] = src["pc"]
        ctx["prop"] = dict(a1=f["address"], a2="", town="Kelderby", pc=src["pc"])
        f["zone"] = src["zone"]
    elif problem == "MISSING_FIELD:vrm":
        del f["vrm"]
    f["start_date"] = sd.isoformat()
    if R.random() < 0.7:
        f["phone"] = "07700 9" + str(R.randint(10000, 99999))
    if R.random() < 0.5:
        f["email"] = nname(f["applicant_name"]).split()[0] + "." + nname(f["applicant_name"]).split()[-1] + "@hotmail.co.uk"
    f["declaration_date"] = rdate(D(2026, 11, 5), D(2026, 12, 6)).isoformat()
    return f, ctx


# ---------------------------------------------------------------- PDF drawing
W, H = A4


def crest(c, x, y, s=1.0, mono=False):
    c.saveState()
    c.setFillColor(colors.HexColor("#1f3b5a") if not mono else colors.black)
    p = c.beginPath()
    p.moveTo(x, y); p.lineTo(x + 30 * s, y); p.lineTo(x + 30 * s, y - 22 * s)
    p.curveTo(x + 30 * s, y - 34 * s, x + 15 * s, y - 40 * s, x + 15 * s, y - 40 * s)
    p.curveTo(x + 15 * s, y - 40 * s, x, y - 34 * s, x, y - 22 * s); p.close()
    c.drawPath(p, fill=1, stroke=0)
    c.setFillColor(colors.white)
    c.setFont("Helvetica-Bold", 11 * s)
    c.drawCentredString(x + 15 * s, y - 22 * s, "K")
    c.restoreState()


def wrap(c, text, x, y, width, font, size, lead=None):
    lead = lead or size * 1.3
    c.setFont(font, size)
    for ln in simpleSplit(text, font, size, width):
        c.drawString(x, y, ln)
        y -= lead
    return y


def addr_lines(pp):
    return [x for x in [pp["a1"], pp.get("a2", ""), pp.get("town", "")] if x]


def fmt_dates(f, style):
    return {k: show_date(D.fromisoformat(f[k]), style) for k in
            ["sole_adult_since", "declaration_date", "move_date", "start_date"] if k in f}


# questions for each form type: list of (section, [(key, label_by_layout)])
LBL = {
    "typewriter": {
        "account_ref": "Council Tax account number", "applicant_name": "Full name of person liable",
        "address": "Address of the property", "postcode": "Postcode", "sole_adult_since":
            "Date you became the only adult resident", "other_adult_name": "Name of the person who left",
        "other_adult_forwarding_address": "Their new address (if known)", "change_description": "What has changed?",
        "phone": "Daytime telephone", "email": "E-mail", "declaration_date": "Date",
        "m_name": "Your full name", "move_date": "Date of move", "previous_address": "Address you are leaving",
        "previous_postcode": "Postcode", "new_address": "Address you are moving to", "new_postcode": "Postcode",
        "new_address_in": "Address of your new Kelderby home", "previous_address_in": "Your last address",
        "p_name": "Name of applicant", "vrm": "Vehicle registration number", "vehicle_make": "Make and model",
        "zone": "Permit zone applied for", "start_date": "Permit to start on", "p_address": "Home address"},
    "boxed": {
        "account_ref": "Account reference", "applicant_name": "Name of council taxpayer",
        "address": "Property address", "postcode": "Postcode", "sole_adult_since": "Only adult living here from",
        "other_adult_name": "Full name of adult who moved out", "other_adult_forwarding_address": "Their forwarding address",
        "change_description": "Tell us briefly what has changed", "phone": "Phone", "email": "Email address",
        "declaration_date": "Date signed", "m_name": "Name(s) of person moving", "move_date": "Moving date",
        "previous_address": "Old address", "previous_postcode": "Postcode", "new_address": "Forwarding address",
        "new_postcode": "Postcode", "new_address_in": "New address in Kelderby district", "previous_address_in": "Previous address",
        "p_name": "Resident's full name", "vrm": "Vehicle reg.", "vehicle_make": "Vehicle make",
        "zone": "Zone", "start_date": "Start date required", "p_address": "Address in the permit zone"},
    "tabular": {
        "account_ref": "Council Tax reference (8 digits, on your bill)", "applicant_name": "Your name",
        "address": "Address (house name or number and street)", "postcode": "Postcode",
        "sole_adult_since": "From what date have you been the only person aged 18 or over living there?",
        "other_adult_name": "Who has left?", "other_adult_forwarding_address": "Where have they moved to?",
        "change_description": "Please describe the change in circumstances", "phone": "Contact number",
        "email": "Email", "declaration_date": "Date of declaration", "m_name": "Full name",
        "move_date": "Date you moved / will move", "previous_address": "Address you have left",
        "previous_postcode": "Postcode of address left", "new_address": "New (forwarding) address",
        "new_postcode": "Postcode of new address", "new_address_in": "Address you have moved into",
        "previous_address_in": "Where did you live before?", "p_name": "Applicant",
        "vrm": "Registration mark", "vehicle_make": "Make", "zone": "Residents' parking zone",
        "start_date": "Date permit required from", "p_address": "Address where you live"},
    "portal": {
        "account_ref": "Council tax account number", "applicant_name": "Applicant name",
        "address": "Address line 1", "postcode": "Postcode", "sole_adult_since": "Date you started living alone",
        "other_adult_name": "Name of person who moved out", "other_adult_forwarding_address": "Forwarding address of that person",
        "change_description": "Tell us what changed", "phone": "Telephone", "email": "Email",
        "declaration_date": "Declaration date", "m_name": "Your name", "move_date": "Move date",
        "previous_address": "Address you are leaving (line 1)", "previous_postcode": "Postcode you are leaving",
        "new_address": "Forwarding address (line 1)", "new_postcode": "Forwarding postcode",
        "new_address_in": "New address (line 1)", "previous_address_in": "Previous address (line 1)",
        "p_name": "Applicant name", "vrm": "Vehicle registration", "vehicle_make": "Vehicle make",
        "zone": "Permit zone", "start_date": "Permit start date", "p_address": "Address line 1"},
}
TITLE = {"council_tax_spd": ("Council Tax", "Application for Single Person Discount", "CT/SPD"),
         "council_tax_move": ("Council Tax", "Change of Address - Moving In or Out", "CT/MOV"),
         "parking_permit": ("Parking Services", "Residents' Parking Permit Application", "PK/RES")}


def sections(ft, f, ctx, ds, L):
    """Return list of (heading, [(label, value_lines)]) in display order."""
    g = lambda k: f.get(k, "")
    if ft == "council_tax_spd":
        p = ctx["prop"]
        return [
            ("Part 1 - About you and the property", [
                (L["account_ref"], [g("account_ref_show")]), (L["applicant_name"], [g("applicant_name")]),
                (L["address"], [f.get("address", "")] + [x for x in addr_lines(p)[1:]]),
                (L["postcode"], [g("postcode")]), (L["phone"], [g("phone")]), (L["email"], [g("email")])]),
            ("Part 2 - The change", [
                (L["sole_adult_since"], [ds.get("sole_adult_since", "")]),
                (L["other_adult_name"], [g("other_adult_name")]),
                (L["other_adult_forwarding_address"], [g("other_adult_forwarding_address")]),
                (L["change_description"], [g("change_description")])]),
        ]
    if ft == "council_tax_move":
        pv, nw = ctx["prev"], ctx["new"]
        isin = f["move_type"] == "in"
        mt = ("[X] I am moving INTO the district    [ ] I am moving OUT of the district" if isin else
              "[ ] I am moving INTO the district    [X] I am moving OUT of the district")
        s1 = [("Are you moving in or out?", [mt]), (L["m_name"], [g("applicant_name")])]
        if not isin:
            s1.insert(1, (L["account_ref"], [g("account_ref_show")]))
        s1 += [(L["phone"], [g("phone")]), (L["email"], [g("email")])]
        if isin:
            s2 = [(L["new_address_in"], addr_lines(nw)), (L["new_postcode"], [nw["pc"]]),
                  (L["previous_address_in"], addr_lines(pv)), (L["previous_postcode"], [pv["pc"]]),
                  (L["move_date"], [ds.get("move_date", "")])]
        else:
            s2 = [(L["previous_address"], addr_lines(pv)), (L["previous_postcode"], [pv["pc"]]),
                  (L["new_address"], addr_lines(nw)), (L["new_postcode"], [nw["pc"]]),
                  (L["move_date"], [ds.get("move_date", "")])]
        return [("Section A - Your details", s1), ("Section B - Addresses and date", s2)]
    p = ctx["prop"]
    return [
        ("1. Applicant", [(L["p_name"], [g("applicant_name")]), (L["p_address"], addr_lines(p)),
                          (L["postcode"], [g("postcode")]), (L["phone"], [g("phone")]), (L["email"], [g("email")])]),
        ("2. Vehicle and permit", [(L["vrm"], [g("vrm_show")]), (L["vehicle_make"], [g("vehicle_make")]),
                                   (L["zone"], [g("zone")]), (L["start_date"], [ds.get("start_date", "")])]),
    ]


GUIDE = {"council_tax_spd": "If you are the only adult (aged 18 or over) living in your home you may be entitled to a 25% reduction on your Council Tax bill. Please complete every part of this form. We may check the information you give against other records held by the Council.",
         "council_tax_move": "Please use this form to tell us when you move into, out of, or within the Kelderby district. Give the date you moved or will move and your forwarding address so that we can send your final bill.",
         "parking_permit": "Permits are issued for one vehicle registered at the address given. No more than two permits are issued per household. Permits are valid for twelve months from the start date."}
DECL = "I declare that the information I have given on this form is correct and complete. I understand that giving false information may lead to prosecution."


def footer(c, code, page, pages, font="Helvetica", size=7):
    c.setFont(font, size)
    c.drawString(40, 25, f"{code}  Kelderby District Council, Council Offices, Market Place, Kelderby KY1 2DP")
    c.drawRightString(W - 40, 25, f"Page {page} of {pages}")


def draw_typewriter(c, ft, f, ctx, ds):
    L = LBL["typewriter"]
    dept, title, code = TITLE[ft]
    code = "KDC/" + code + "/T3"
    F = "Courier"

    def head(first):
        crest(c, 40, H - 40, 1.0, mono=True)
        c.setFont("Courier-Bold", 13)
        c.drawString(80, H - 52, "KELDERBY DISTRICT COUNCIL")
        c.setFont(F, 10)
        c.drawString(80, H - 66, f"{dept} Section")
        c.drawRightString(W - 40, H - 52, f"Form {code}")
        if first:
            c.setFont("Courier-Bold", 12)
            c.drawString(40, H - 100, title.upper())
            c.line(40, H - 104, W - 40, H - 104)
            return wrap(c, GUIDE[ft], 40, H - 122, W - 80, F, 9) - 8
        c.drawString(40, H - 95, f"{title} (continued)")
        c.line(40, H - 100, W - 40, H - 100)
        return H - 122

    def row(y, lab, vals):
        c.setFont(F, 10)
        lab = lab + " "
        dots_to = 260
        c.drawString(40, y, lab)
        lw = c.stringWidth(lab, F, 10)
        if lw < dots_to:
            c.drawString(40 + lw, y, "." * int((dots_to - lw) / 6))
            x = 40 + dots_to + 6
        else:
            y -= 13
            c.drawString(60, y, "." * 30)
            x = 40 + dots_to + 6
        vals = [v for v in vals if v] or [""]
        for i, v in enumerate(vals):
            for j, ln in enumerate(simpleSplit(v, F, 10, W - 40 - x)):
                c.drawString(x, y, ln)
                y -= 13
        return y - 5

    y = head(True)
    secs = sections(ft, f, ctx, ds, L)
    qn = 1
    for si, (sh, rows) in enumerate(secs):
        if si == 1:
            footer(c, code, 1, 2, F, 7)
            c.showPage()
            y = head(False)
        c.setFont("Courier-Bold", 10)
        c.drawString(40, y, sh.upper())
        y -= 18
        for lab, vals in rows:
            if lab.startswith("Are you"):
                c.setFont(F, 10)
                c.drawString(40, y, f"{qn}. {lab}")
                y -= 13
                c.drawString(60, y, vals[0])
                y -= 18
            else:
                y = row(y, f"{qn}. {lab}", vals)
            qn += 1
        y -= 8
    c.setFont("Courier-Bold", 10)
    c.drawString(40, y, "DECLARATION")
    y = wrap(c, DECL, 40, y - 14, W - 80, F, 9) - 8
    y = row(y, "Signed", ["(signed)"])
    y = row(y, L["declaration_date"], [ds.get("declaration_date", "")])
    y -= 10
    c.rect(40, y - 60, W - 80, 60)
    c.setFont(F, 8)
    c.drawString(46, y - 12, "FOR OFFICE USE ONLY   Rec'd: ..........  Input by: ......  Checked: ......  Batch: ......")
    c.drawString(46, y - 30, "Action: SPD / MOV / PRM   Ref: ..................")
    footer(c, code, 2, 2, F, 7)
    c.showPage()


def draw_boxed(c, ft, f, ctx, ds):
    L = LBL["boxed"]
    dept, title, code = TITLE[ft]
    code = f"{code}-B/2026"
    crest(c, W - 75, H - 30, 1.1)
    c.setFillColor(colors.HexColor("#1f3b5a"))
    c.setFont("Helvetica-Bold", 15)
    c.drawString(40, H - 50, "Kelderby District Council")
    c.setFillColor(colors.black)
    c.setFont("Helvetica", 10)
    c.drawString(40, H - 64, f"{dept}  |  {title}")
    c.setFont("Helvetica", 7)
    c.drawString(40, H - 76, f"Form {code}   Please write inside the boxes.")
    y = wrap(c, GUIDE[ft], 40, H - 92, W - 140, "Helvetica-Oblique", 8) - 6

    def box(x, y, w, lab, vals):
        vals = [v for v in vals if v]
        lines = []
        for v in vals:
            lines += simpleSplit(v, "Helvetica", 10, w - 12)
        h = max(30, 18 + 12 * len(lines))
        c.rect(x, y - h, w, h)
        c.setFont("Helvetica", 6.5)
        c.drawString(x + 3, y - 8, lab.upper())
        c.setFont("Helvetica", 10)
        yy = y - 20
        for ln in lines:
            c.drawString(x + 8, yy, ln)
            yy -= 12
        return h

    for sh, rows in sections(ft, f, ctx, ds, L):
        c.setFillColor(colors.HexColor("#dfe6ee"))
        c.rect(40, y - 14, W - 80, 14, fill=1, stroke=0)
        c.setFillColor(colors.black)
        c.setFont("Helvetica-Bold", 9)
        c.drawString(44, y - 10, sh)
        y -= 18
        i = 0
        while i < len(rows):
            lab, vals = rows[i]
            short = sum(len(v) for v in vals) < 28 and len([v for v in vals if v]) <= 1
            nxt = rows[i + 1] if i + 1 < len(rows) else None
            if short and nxt and sum(len(v) for v in nxt[1]) < 28 and len([v for v in nxt[1] if v]) <= 1 and not lab.startswith("Are"):
                h1 = box(40, y, (W - 86) / 2, lab, vals)
                h2 = box(46 + (W - 86) / 2, y, (W - 86) / 2, nxt[0], nxt[1])
                y -= max(h1, h2) + 5
                i += 2
            else:
                y -= box(40, y, W - 80, lab, vals) + 5
                i += 1
        y -= 6
    c.setFont("Helvetica-Bold", 9)
    c.drawString(40, y - 10, "Declaration")
    y = wrap(c, DECL, 40, y - 22, W - 80, "Helvetica", 8) - 4
    h = box(40, y, (W - 86) / 2, "Signature", ["(signed electronically)"])
    box(46 + (W - 86) / 2, y, (W - 86) / 2, L["declaration_date"], [ds.get("declaration_date", "")])
    y -= h + 10
    c.setDash(3, 2)
    c.rect(40, y - 40, W - 80, 40)
    c.setDash()
    c.setFont("Helvetica", 7)
    c.drawString(44, y - 10, "OFFICE USE ONLY    Date stamp:               Officer:              System updated:  Y / N")
    footer(c, code, 1, 1)
    c.showPage()


def draw_tabular(c, ft, f, ctx, ds):
    L = LBL["tabular"]
    dept, title, code = TITLE[ft]
    code = f"KDC-{code.replace('/', '')}-TBL"
    c.setFillColor(colors.HexColor("#5a1f2b"))
    c.rect(0, H - 80, W, 80, fill=1, stroke=0)
    crest(c, 40, H - 18, 1.2)
    c.setFillColor(colors.white)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(90, H - 40, "KELDERBY")
    c.setFont("Helvetica", 9)
    c.drawString(90, H - 53, "District Council")
    c.setFont("Helvetica-Bold", 12)
    c.drawRightString(W - 40, H - 40, title)
    c.setFont("Helvetica", 8)
    c.drawRightString(W - 40, H - 53, f"{dept} - form {code}")
    c.setFillColor(colors.black)
    y = wrap(c, GUIDE[ft], 40, H - 100, W - 80, "Helvetica", 8.5) - 6
    colx, colw = 40, 230
    awx, aw = 40 + colw, W - 80 - colw
    c.setFont("Helvetica-Bold", 9)
    c.rect(colx, y - 16, colw, 16); c.rect(awx, y - 16, aw, 16)
    c.drawString(colx + 4, y - 11, "Question"); c.drawString(awx + 4, y - 11, "Answer")
    y -= 16
    page = 1
    secs = sections(ft, f, ctx, ds, L) + [("Declaration", [("Declaration agreed", ["Yes - I confirm the above is true"]),
                                                             (L["declaration_date"], [ds.get("declaration_date", "")])])]
    for sh, rows in secs:
        c.setFillColor(colors.HexColor("#eeeeee"))
        c.rect(colx, y - 15, W - 80, 15, fill=1, stroke=1)
        c.setFillColor(colors.black)
        c.setFont("Helvetica-Bold", 9)
        c.drawString(colx + 4, y - 11, sh)
        y -= 15
        for lab, vals in rows:
            ql = simpleSplit(lab, "Helvetica", 9, colw - 8)
            al = []
            for v in [v for v in vals if v]:
                al += simpleSplit(v, "Helvetica", 9.5, aw - 8)
            h = max(len(ql), len(al), 1) * 12 + 6
            c.rect(colx, y - h, colw, h); c.rect(awx, y - h, aw, h)
            c.setFont("Helvetica", 9)
            for i, ln in enumerate(ql):
                c.drawString(colx + 4, y - 12 - 12 * i, ln)
            c.setFont("Helvetica", 9.5)
            for i, ln in enumerate(al):
                c.drawString(awx + 4, y - 12 - 12 * i, ln)
            y -= h
    y -= 14
    c.setFont("Helvetica", 7.5)
    y = wrap(c, DECL, 40, y, W - 80, "Helvetica-Oblique", 7.5)
    c.drawString(40, y - 14, "Office use:  received ________   scanned ________   case no. ________")
    footer(c, code, 1, 1)
    c.showPage()


def draw_portal(c, ft, f, ctx, ds):
    L = LBL["portal"]
    dept, title, code = TITLE[ft]
    y = H - 50
    c.setFont("Helvetica", 9)
    ref = f"KDC-WEB-{R.randint(100000, 999999)}"
    for k, v in [("From", "Kelderby District Council <no-reply@forms.kelderby.gov.uk>"),
                 ("To", "revenues.inbox@kelderby.gov.uk" if ft != "parking_permit" else "parking@kelderby.gov.uk"),
                 ("Sent", f"{show_date(D.fromisoformat(f.get('declaration_date', '2026-12-01')), 'long')} 10:{R.randint(10, 59)}"),
                 ("Subject", f"Online form submission: {title} [{ref}]")]:
        c.setFont("Helvetica-Bold", 9); c.drawString(40, y, k + ":")
        c.setFont("Helvetica", 9); c.drawString(95, y, v)
        y -= 13
    c.line(40, y, W - 40, y)
    y -= 20
    c.setFont("Helvetica", 10)
    c.drawString(40, y, f"A new submission has been received through MyKelderby (form {code}/ONLINE).")
    y -= 14
    c.drawString(40, y, f"Submission reference: {ref}")
    y -= 22
    for sh, rows in sections(ft, f, ctx, ds, L):
        c.setFont("Helvetica-Bold", 10)
        c.drawString(40, y, "--- " + sh + " ---")
        y -= 15
        for lab, vals in rows:
            if lab.startswith("Are you"):
                lab, vals = "Moving in or out", ["Moving in" if f["move_type"] == "in" else "Moving out"]
            vals = [v for v in vals if v]
            if len(vals) > 1:  # portal splits address lines
                extra = vals[1:]
                vals = vals[:1]
            else:
                extra = []
            c.setFont("Helvetica", 10)
            line = f"{lab}: {vals[0] if vals else ''}"
            for ln in simpleSplit(line, "Helvetica", 10, W - 80):
                c.drawString(40, y, ln)
                y -= 13
            base = lab.replace(" (line 1)", "").replace(" line 1", "")
            for j, e in enumerate(extra):
                if j == len(extra) - 1:
                    nm = "Town" if base == "Address" else f"Town ({base.lower()})"
                else:
                    nm = lab.replace("line 1", "line 2")
                c.drawString(40, y, f"{nm}: {e}")
                y -= 13
        y -= 8
    c.setFont("Helvetica", 10)
    c.drawString(40, y, "Declaration accepted: Yes")
    y -= 13
    c.drawString(40, y, f"{L['declaration_date']}: {ds.get('declaration_date', '')}")
    y -= 24
    c.setFont("Helvetica-Oblique", 8)
    wrap(c, "This is an automated message from the MyKelderby online forms service. Do not reply to this email. "
            "Attachments: none.", 40, y, W - 80, "Helvetica-Oblique", 8)
    c.setFont("Helvetica", 7)
    c.drawRightString(W - 40, 25, "Printed from Outlook - 1 of 1")
    c.showPage()


DRAW = {"typewriter": draw_typewriter, "boxed": draw_boxed, "tabular": draw_tabular, "portal": draw_portal}

# ---------------------------------------------------------------- correspondence
LETTERS = {
    "missed_bin": ["My grey general waste bin was not emptied on {d1}. Every other bin in the street was collected, and it was out at the kerb by 7am as usual. Could someone please come back and empty it as it is now overflowing.",
                   "Our recycling box has been missed again. It should have been collected on {d1} but the crew went straight past. This is the third time this autumn. Please arrange a return collection."],
    "council_tax_query": ["I have received my council tax bill and I do not understand why the amount has gone up since {d1}. Could you explain how the charge has been worked out for my band and whether I am paying the right instalments?",
                          "I would like to ask about my council tax instalments. I paid by card on {d1} but the payment does not seem to appear on my latest bill. Please could you check the account and let me know the balance."],
    "complaint": ["I wish to make a formal complaint about the way I was treated when I telephoned the council offices on {d1}. The member of staff was rude and put the phone down on me. I expect an apology and an explanation.",
                  "I am writing to complain about the state of the public footpath at the end of our road. Since {d1} it has been blocked by fly-tipped rubbish and nobody from the council has responded to my reports. This is not acceptable."],
    "foi_request": ["Under the Freedom of Information Act 2000, please provide the number of residents' parking permits issued in each zone in Kelderby for the financial year ending 31 March 2026, and the total income received.",
                    "This is a request under the Freedom of Information Act. Please send me copies of any reports or correspondence held by the council since {d1} about the condition of the bridge on Bridge Street."],
    "other": ["I would like to book the Market Place community room for a village history society meeting on {d1}. Please could you tell me the hire charge and how I pay the deposit."],
}


def make_corr(topic, problem, i):
    d1 = rdate(D(2026, 10, 1), D(2026, 11, 30))
    sent = rdate(D(2026, 11, 20), D(2026, 12, 6))
    body = R.choice(LETTERS[topic]).format(d1=show_date(d1, R.choice(["long", "ord", "slash"])))
    p = pick(lambda p: True)
    a = households[p["uprn"]]
    name = a["liable"][0]
    f = {"topic": topic}
    ctx = {"prop": p, "sent": sent, "kind": "letter" if i % 5 not in (1, 3) else "email"}
    if problem != "SENDER_UNKNOWN_NONAME":
        f["sender_name"] = titled(name)
    if problem != "SENDER_UNKNOWN_NOADDR":
        f["address"], f["postcode"] = p["a1"], p["pc"]
    if topic == "council_tax_query":
        f["account_ref"] = a["ref"] if problem != "ACCOUNT_NOT_FOUND" else new_ref()
        body += f" My account reference is {show_ref(f['account_ref'], R.choice(['plain', 'space', 'ct']))}."
    ctx["body"] = body
    found = []
    for m in re.finditer(r"\b(\d{1,2})(?:st|nd|rd|th)? (" + "|".join(MONTHS) + r") (\d{4})|\b(\d{2})/(\d{2})/(\d{4})", body):
        if m.group(1):
            found.append(D(int(m.group(3)), MONTHS.index(m.group(2)) + 1, int(m.group(1))).isoformat())
        else:
            found.append(D(int(m.group(6)), int(m.group(5)), int(m.group(4))).isoformat())
    f["dates_mentioned"] = [sent.isoformat()] + found
    f["body"] = re.sub(r"\s+", " ", body).strip()
    return f, ctx


def draw_corr(c, f, ctx):
    p = ctx["prop"]
    sent = ctx["sent"]
    name = f.get("sender_name")
    if ctx["kind"] == "letter":
        y = H - 60
        c.setFont("Times-Roman", 11)
        if "address" in f:
            for ln in addr_lines(p) + [p["pc"]]:
                c.drawRightString(W - 60, y, ln)
                y -= 14
        y -= 10
        c.drawRightString(W - 60, y, show_date(sent, R.choice(["long", "ord"])))
        y -= 30
        for ln in ["Kelderby District Council", "Council Offices", "Market Place", "Kelderby", "KY1 2DP"]:
            c.drawString(60, y, ln)
            y -= 14
        y -= 20
        c.drawString(60, y, "Dear Sir or Madam,")
        y -= 22
        y = wrap(c, ctx["body"], 60, y, W - 120, "Times-Roman", 11, 15) - 10
        y = wrap(c, "I look forward to hearing from you.", 60, y, W - 120, "Times-Roman", 11, 15) - 20
        c.drawString(60, y, "Yours faithfully,")
        y -= 40
        c.drawString(60, y, name if name else "A concerned resident")
    else:
        y = H - 50
        em = (nname(name).replace(" ", ".") if name else "resident1987") + "@btinternet.com"
        hdr = [("From", f"{name} <{em}>" if name else em), ("Sent", f"{show_date(sent, 'long')} {R.randint(8, 21)}:{R.randint(10, 59)}"),
               ("To", "customer.services@kelderby.gov.uk"),
               ("Subject", {"missed_bin": "Bin not collected", "council_tax_query": "Query about my council tax",
                            "complaint": "Complaint", "foi_request": "Freedom of Information request",
                            "other": "Room booking enquiry"}[f["topic"]])]
        for k, v in hdr:
            c.setFont("Helvetica-Bold", 10); c.drawString(40, y, k + ":")
            c.setFont("Helvetica", 10); c.drawString(100, y, v)
            y -= 14
        c.line(40, y, W - 40, y)
        y -= 22
        c.setFont("Helvetica", 10.5)
        c.drawString(40, y, "Hello,")
        y -= 20
        y = wrap(c, ctx["body"], 40, y, W - 80, "Helvetica", 10.5, 14) - 12
        c.drawString(40, y, "Kind regards")
        y -= 16
        if name:
            c.drawString(40, y, nname(name).title() if R.random() < 0 else name)
            y -= 14
        if "address" in f:
            for ln in addr_lines(p) + [p["pc"]]:
                c.drawString(40, y, ln)
                y -= 14
    c.showPage()


# ---------------------------------------------------------------- plan
LAYOUTS = ["typewriter", "boxed", "tabular", "portal"]
PLAN = {
    "council_tax_spd": [None, None, "ACCOUNT_NOT_FOUND", None, None, "NAME_MISMATCH", "OTHER_ADULTS_REGISTERED", None,
                        "ADDRESS_MISMATCH", None, None, "DATE_TOO_OLD", None, "DISCOUNT_ALREADY_APPLIED", None, "INCONSISTENT_DATES",
                        "ACCOUNT_CLOSED", None, "MISSING_FIELD:sole_adult_since", None],
    "council_tax_move": [None, None, "IN", "ACCOUNT_NOT_FOUND", None, None, "PROPERTY_NOT_FOUND", None, None, "NAME_MISMATCH",
                         "DATE_TOO_OLD", None, "ADDRESS_MISMATCH", "IN", "DATE_IN_FUTURE", None, "MISSING_FIELD:account_ref", None],
    "parking_permit": [None, None, "NOT_IN_PERMIT_ZONE", None, None, "PERMIT_CAP_REACHED", None, "VRM_HAS_PERMIT", None,
                       "NOT_RESIDENT", None, "INVALID_FORMAT:vrm", "DATE_IN_FUTURE", None, "PROPERTY_NOT_FOUND", None, "MISSING_FIELD:vrm", None],
}
MAKE = {"council_tax_spd": make_spd, "council_tax_move": make_move, "parking_permit": make_permit}


def main():
    inbox = os.path.join(HERE, "inbox")
    shutil.rmtree(inbox, ignore_errors=True)
    os.makedirs(inbox)
    items = []
    for ft, plan in PLAN.items():
        for j, prob in enumerate(plan):
            f, ctx = MAKE[ft](prob)
            items.append(dict(ft=ft, f=f, ctx=ctx, layout=LAYOUTS[len(items) % 4], prob=prob))
    # duplicate pair: a clean SPD submitted twice (same layout)
    f, ctx = make_spd(None)
    for k in range(2):
        items.append(dict(ft="council_tax_spd", f=dict(f), ctx=ctx, layout="boxed", prob=None, dup="dup1"))
    CORR = [("missed_bin", None), ("council_tax_query", None), ("complaint", None), ("foi_request", None),
            ("missed_bin", None), ("council_tax_query", "ACCOUNT_NOT_FOUND"), ("complaint", "SENDER_UNKNOWN_NONAME"),
            ("council_tax_query", None), ("foi_request", "SENDER_UNKNOWN_NOADDR"), ("other", None)]
    for i, (tp, prob) in enumerate(CORR):
        f, ctx = make_corr(tp, prob, i)
        items.append(dict(ft="correspondence", f=f, ctx=ctx, layout="letter" if ctx["kind"] == "letter" else "printed_email", prob=prob))
    R.shuffle(items)
    # place the duplicate pair apart
    for n, it in enumerate(items):
        it["file"] = f"doc_{n + 1:04d}.pdf"
    # compute outcomes in inbox order with the records as finally written
    seen = set()
    learn_count = {}
    lines = []
    for it in items:
        ft, f = it["ft"], it["f"]
        rs = check(ft, f, seen)
        exp = {None: [], "IN": [], "SENDER_UNKNOWN_NONAME": ["SENDER_UNKNOWN"], "SENDER_UNKNOWN_NOADDR": ["SENDER_UNKNOWN"]}.get(it["prob"], [it["prob"]])
        if it.get("dup"):
            outcome = "duplicate_pair"
            rs = []
        else:
            assert rs == exp, (it["file"], ft, it["prob"], rs)
            outcome = "approved" if not rs else "exception"
        fields = {k: v for k, v in f.items() if not k.startswith("_")}
        key = (it["layout"], ft)
        split = "test"
        if outcome == "approved" and learn_count.get(key, 0) < 2:
            learn_count[key] = learn_count.get(key, 0) + 1
            split = "learn"
        rec = {"file": it["file"], "form_type": ft, "fields": fields, "outcome": outcome, "reasons": rs,
               "layout": it["layout"], "split": split}
        if it.get("dup"):
            rec["duplicate_group"] = it["dup"]
        lines.append(rec)
        # draw
        c = canvas.Canvas(os.path.join(inbox, it["file"]), pagesize=A4, invariant=1)
        c.setTitle("Scanned document")
        if ft == "correspondence":
            draw_corr(c, f, it["ctx"])
        else:
            g = dict(f)
            rstyle = R.choice(["plain", "plain", "space", "dash", "ct"])
            if "account_ref" in f:
                g["account_ref_show"] = show_ref(f["account_ref"], rstyle)
            if "vrm" in f:
                g["vrm_show"] = show_vrm(f["vrm"])
            dstyle = {"typewriter": ["slash", "dots", "long"], "boxed": ["slash", "short", "dash"],
                      "tabular": ["long", "ord", "slash"], "portal": ["iso", "slash", "us"]}[it["layout"]]
            ds = fmt_dates(f, R.choice(dstyle))
            DRAW[it["layout"]](c, ft, g, it["ctx"], ds)
        c.save()
    # the duplicate pair draws identical random bits? make second file a byte-identical copy of the first
    dups = [l["file"] for l in lines if l.get("duplicate_group")]
    shutil.copyfile(os.path.join(inbox, dups[0]), os.path.join(inbox, dups[1]))
    with open(os.path.join(HERE, "truth.jsonl"), "w") as fh:
        for l in lines:
            fh.write(json.dumps(l) + "\n")
    # workbook
    wb = Workbook()
    ws = wb.active; ws.title = "properties"
    ws.append(["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band", "ward", "parking_zone"])
    for p in props:
        ws.append([p["uprn"], p["a1"], p["a2"] or None, p["town"], p["pc"], p["band"], p["ward"], p["zone"] or None])
    ws = wb.create_sheet("council_tax_accounts")
    ws.append(["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"])
    for a in accounts:
        ws.append([a["ref"], a["uprn"], ";".join(a["liable"]), a["status"], a["start"], a["end"], ";".join(a["discounts"]) or None])
    for row in ws.iter_rows(min_row=2):
        row[0].number_format = "@"
        for cell in row[4:6]:
            cell.number_format = "yyyy-mm-dd"
    ws = wb.create_sheet("electoral_register")
    ws.append(["elector_number", "full_name", "uprn"])
    pd = {}
    for r in sorted(register, key=lambda r: r["uprn"]):
        w = by_uprn[r["uprn"]]["ward"]
        pfx = "".join(x[0] for x in w.replace("&", "").split())
        pd[pfx] = pd.get(pfx, 0) + 1
        ws.append([f"{pfx}-{pd[pfx]}", r["name"], r["uprn"]])
    ws = wb.create_sheet("parking_permits")
    ws.append(["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"])
    for x in permits:
        ws.append([x["ref"], x["uprn"], x["vrm"], x["zone"], x["vf"], x["vt"]])
        for cell in ws[ws.max_row][4:6]:
            cell.number_format = "yyyy-mm-dd"
    wb.save(os.path.join(HERE, "records.xlsx"))
    n_ok = sum(1 for l in lines if l["outcome"] == "approved")
    print(f"files={len(lines)} approved={n_ok} exception={sum(1 for l in lines if l['outcome'] == 'exception')} "
          f"dup={len(dups)} props={len(props)} accounts={len(accounts)} electors={len(register)} permits={len(permits)}")


if __name__ == "__main__":
    main()
