#!/usr/bin/env python3
"""Blind test set 43 -- Brackenfield Borough Council.

Deterministic (seed 43043).  Writes next to itself:
  records.xlsx, inbox/doc_NNNN.pdf, truth.jsonl, README.md
Run with any Python that has reportlab + openpyxl.
"""
import os
import re
import json
import random
import shutil
import datetime as dt

from reportlab.pdfgen import canvas
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 43043
R = random.Random(SEED)
AS_OF = dt.date(2026, 12, 7)
BACKDATE = 365
FORWARD = 28
CAP = 2
D = dt.date
DAY = dt.timedelta(days=1)


def _font(name, path, fallback):
    try:
        pdfmetrics.registerFont(TTFont(name, path))
        return name
    except Exception:
        return fallback


FD = "/usr/share/fonts/truetype/dejavu/"
HAND = _font("BFHand", FD + "DejaVuSerifCondensed-Italic.ttf", "Times-Italic")
MONO = _font("BFMono", FD + "DejaVuSansMono.ttf", "Courier")
MONOB = _font("BFMonoB", FD + "DejaVuSansMono-Bold.ttf", "Courier-Bold")

# ---------------------------------------------------------------- records
STREETS = [
    # street, locality (line 2), outward, ward, zone, kind, count, band choices
    ("Market Place", "", "BF1", "Castle", "Zone 1", "house", 8, "CD"),
    ("Sheep Street", "", "BF1", "Castle", "Zone 1", "house", 10, "BC"),
    ("Bridge Street", "", "BF1", "Castle", "Zone 2", "house", 10, "BC"),
    ("Station Road", "", "BF2", "Abbey", "Zone 2", "house", 10, "BCD"),
    ("Victoria Terrace", "", "BF2", "Abbey", "Zone 3", "house", 10, "AB"),
    ("Albert Street", "", "BF2", "Abbey", "Zone 3", "house", 8, "AB"),
    ("Chapel Row", "", "BF3", "Priory", "Zone 4", "house", 10, "AB"),
    ("Cromwell Road", "", "BF3", "Priory", "Zone 5", "house", 10, "CD"),
    ("Infirmary Road", "", "BF3", "Priory", "Hospital", "house", 10, "BC"),
    ("Nightingale Close", "", "BF3", "Priory", "Hospital", "house", 8, "DE"),
    ("Wren Court", "Hollins Estate", "BF4", "Hollins", "", "maisonette", 12, "A"),
    ("Heron Court", "Hollins Estate", "BF4", "Hollins", "", "maisonette", 10, "A"),
    ("Kingfisher Way", "Hollins Estate", "BF4", "Hollins", "", "house", 10, "AB"),
    ("Attlee Road", "", "BF5", "Hollins", "", "house", 10, "AB"),
    ("Colliery Row", "Skelby Moor", "BF6", "Skelby", "", "house", 12, "A"),
    ("Pit Lane", "Skelby Moor", "BF6", "Skelby", "", "house", 10, "AB"),
    ("Headstocks Close", "Skelby Moor", "BF6", "Skelby", "", "house", 6, "C"),
    ("Miners Welfare Road", "Coldwell", "BF7", "Coldwell and Denby", "", "house", 10, "AB"),
    ("Shaft Terrace", "Coldwell", "BF7", "Coldwell and Denby", "", "house", 8, "A"),
    ("Winding Wheel Drive", "New Denby", "BF8", "Coldwell and Denby", "", "house", 8, "CD"),
    ("Ashthorpe Road", "Ashthorpe", "BF9", "Ashthorpe", "", "house", 10, "BC"),
]
WARD_CODE = {"Castle": "CA", "Abbey": "AB", "Priory": "PR", "Hollins": "HO",
             "Skelby": "SK", "Coldwell and Denby": "CD", "Ashthorpe": "AS"}
UNIT = "ABDEFGHJLNPQRSTUWXYZ"

FIRST_F = ["Janet", "Karen", "Michelle", "Tracey", "Donna", "Lisa", "Joanne", "Sharon", "Kelly", "Emma",
           "Gemma", "Laura", "Amy", "Chloe", "Paige", "Shannon", "Margaret", "Pauline", "Brenda", "Sandra",
           "Julie", "Dawn", "Nicola", "Rebecca", "Sophie", "Jade", "Hayley", "Carol", "Elaine", "Lorraine",
           "Amrit", "Nasreen", "Agnieszka", "Grace", "Olivia", "Ruth", "Denise", "Kirsty", "Leanne", "Maureen"]
FIRST_M = ["Dean", "Craig", "Darren", "Lee", "Gary", "Wayne", "Stuart", "Mark", "Paul", "Kevin",
           "Ryan", "Liam", "Jordan", "Callum", "Kieran", "Shane", "Keith", "Malcolm", "Trevor", "Derek",
           "Brian", "Graham", "Steven", "Jason", "Adam", "Tom", "Josh", "Nathan", "Carl", "Neil",
           "Harjit", "Imran", "Tomasz", "Chinedu", "Kwame", "Philip", "Roy", "Barry", "Colin", "Ian"]
SURNAMES = ["Hollis", "Parkin", "Bramley", "Wragg", "Cresswell", "Slack", "Marsden", "Ashmore", "Hibbert",
            "Kirkland", "Fretwell", "Oldknow", "Bagshaw", "Shelton", "Whysall", "Tomlinson", "Radford",
            "Gilding", "Stubbs", "Pashley", "Mellors", "Chadwick", "Swain", "Bowler", "Pickering", "Unwin",
            "Sisson", "Renshaw", "Allsop", "Beardsley", "Flint", "Dakin", "Hind", "Rowbotham", "Limb",
            "Straw", "Gent", "Hallam", "Spencer", "Wheatcroft", "Bestwick", "Towle", "Clay", "Kerry",
            "Begum", "Kaur", "Nowak", "Okafor", "Patel", "Kowalczyk", "Mensah", "Ahmed", "Singh", "Brown",
            "Stevenson", "Hopkinson", "Fox", "Lane", "Cartwright", "Booth", "Mather", "Greatorex", "Tagg"]

used_names = set()


def person(surname=None, sex=None):
    for _ in range(1000):
        s = sex or R.choice("FM")
        first = R.choice(FIRST_F if s == "F" else FIRST_M)
        last = surname or R.choice(SURNAMES)
        n = f"{first} {last}"
        if n not in used_names:
            used_names.add(n)
            return n
    raise RuntimeError("names exhausted")


used_pcs = set()


def new_pc(outward):
    while True:
        pc = f"{outward} {R.randint(1, 9)}{R.choice(UNIT)}{R.choice(UNIT)}"
        if pc not in used_pcs:
            used_pcs.add(pc)
            return pc


acct_refs = set()


def new_ref():
    while True:
        r = str(R.choice([61, 62, 63])) + "%06d" % R.randint(0, 999999)
        if r not in acct_refs:
            acct_refs.add(r)
            return r


def mangle(ref):
    """A plausible mis-typed reference that is not on the accounts sheet (two digits swapped or one changed)."""
    for _ in range(200):
        r = list(ref)
        i = R.randint(2, 6)
        if r[i] != r[i + 1] and R.random() < 0.6:
            r[i], r[i + 1] = r[i + 1], r[i]
        else:
            j = R.randint(2, 7)
            r[j] = R.choice([x for x in "0123456789" if x != r[j]])
        r = "".join(r)
        if r not in accounts and r != ref:
            return r
    raise RuntimeError("mangle")


def rand_date(a, b):
    return a + dt.timedelta(days=R.randint(0, (b - a).days))


props = []
uprn = 100031400000
for (street, loc, outward, ward, zone, kind, count, bands) in STREETS:
    if kind == "maisonette":
        nums = list(range(1, count + 1))
    else:
        nums = sorted(R.sample(range(1, count * 3 + 4), count))
    pcs = [new_pc(outward)] if count <= 10 else [new_pc(outward), new_pc(outward)]
    for i, n in enumerate(nums):
        uprn += R.randint(3, 40)
        if kind == "maisonette":
            line1 = f"Maisonette {n}, {street}"
        else:
            line1 = f"{n} {street}"
        if street == "Market Place" and i == 0:
            line1 = "Old Bank House, Market Place"
        props.append(dict(uprn=uprn, line1=line1, line2=loc, town="Brackenfield",
                          postcode=pcs[0] if i < (count + 1) // 2 or len(pcs) == 1 else pcs[1],
                          band=R.choice(bands), ward=ward, zone=zone, street=street, kind=kind))
PROP = {p["uprn"]: p for p in props}

accounts = {}
electors = []
permits = []
elector_seq = {}


def add_elector(name, u):
    w = WARD_CODE[PROP[u]["ward"]]
    elector_seq[w] = elector_seq.get(w, 100) + R.randint(1, 4)
    electors.append(dict(num=f"{w}-{elector_seq[w]}", name=name, uprn=u))


def add_account(u, liable, status, start, end=None, discounts=None, ref=None):
    ref = ref or new_ref()
    accounts[ref] = dict(ref=ref, uprn=u, liable=list(liable), status=status, start=start, end=end,
                         discounts=list(discounts or []))
    return ref


for p in props:
    u = p["uprn"]
    void = R.random() < 0.09
    start = rand_date(D(2004, 4, 1), D(2026, 6, 30))
    if R.random() < 0.35 or void:
        old_start = rand_date(D(1995, 4, 1), start - dt.timedelta(days=400))
        add_account(u, [person()], "closed", old_start, start - DAY)
    if void:
        continue
    sur = R.choice(SURNAMES)
    if R.random() < 0.55:
        liable = [person(sur)]
    else:
        liable = [person(sur, "F"), person(sur if R.random() < 0.7 else None, "M")]
    disc = ["SPD"] if len(liable) == 1 and R.random() < 0.35 else []
    add_account(u, liable, "active", start, None, disc)
    for n in liable:
        if R.random() < 0.92:
            add_elector(n, u)
    if R.random() < 0.18:
        add_elector(person(sur), u)

VRM_L = "ABCDEFGHJKLMNOPRSTUVWXY"
used_vrms = set()


def new_vrm(style="current"):
    while True:
        if style == "current":
            v = R.choice(VRM_L) + R.choice(VRM_L) + R.choice(["15", "16", "17", "18", "19", "20", "21", "22", "23",
                                                              "24", "25", "65", "66", "67", "68", "69", "70",
                                                              "71", "72", "73", "74"]) + "".join(
                R.choice(VRM_L) for _ in range(3))
        elif style == "prefix":
            v = R.choice("PRSTVWXY") + str(R.randint(1, 999)) + "".join(R.choice(VRM_L) for _ in range(3))
        else:
            v = "".join(R.choice(VRM_L) for _ in range(3)) + str(R.randint(1, 999)) + R.choice("ABCDEFGH")
        if v not in used_vrms:
            used_vrms.add(v)
            return v


permit_seq = [4100]


def add_permit(u, vrm, zone, vfrom):
    permit_seq[0] += R.randint(1, 9)
    permits.append(dict(ref=f"BFP{permit_seq[0]:06d}", uprn=u, vrm=vrm, zone=zone, vfrom=vfrom,
                        vto=(D(vfrom.year + 1, vfrom.month, vfrom.day) if (vfrom.month, vfrom.day) != (2, 29)
                             else D(vfrom.year + 1, 3, 1)) - DAY))


for p in props:
    if not p["zone"]:
        continue
    act = [a for a in accounts.values() if a["uprn"] == p["uprn"] and a["status"] == "active"]
    if not act:
        continue
    k = R.choices([0, 1, 2], [0.5, 0.35, 0.15])[0]
    for _ in range(k):
        add_permit(p["uprn"], new_vrm(), p["zone"], rand_date(D(2026, 1, 5), D(2026, 11, 20)))
    if R.random() < 0.3:
        add_permit(p["uprn"], new_vrm(), p["zone"], rand_date(D(2024, 3, 1), D(2025, 5, 1)))


# ---------------------------------------------------------------- record helpers
def active_accts(u):
    return [a for a in accounts.values() if a["uprn"] == u and a["status"] == "active"]


def electors_at(u):
    return [e for e in electors if e["uprn"] == u]


def set_electors(u, names):
    electors[:] = [e for e in electors if e["uprn"] != u]
    for n in names:
        add_elector(n, u)


def permits_active(u=None, vrm=None, day=AS_OF):
    return [x for x in permits if (u is None or x["uprn"] == u) and (vrm is None or x["vrm"] == vrm)
            and x["vfrom"] <= day <= x["vto"]]


used_uprns = set()


def pick(pred):
    c = [p for p in props if p["uprn"] not in used_uprns and pred(p)]
    p = R.choice(c)
    used_uprns.add(p["uprn"])
    return p


# ---------------------------------------------------------------- normalisers / checks
TITLES = {"mr", "mrs", "ms", "miss", "dr", "mx"}


def nname(n):
    toks = re.sub(r"[.,]", " ", n or "").lower().split()
    while toks and toks[0] in TITLES:
        toks = toks[1:]
    return " ".join(toks)


def naddr(a):
    return " ".join(re.sub(r"[,.]", " ", a or "").lower().split())


def find_prop(addr, pc):
    for p in props:
        if naddr(p["line1"]) == naddr(addr) and p["postcode"] == pc:
            return p
    return None


VRM_RE = [r"^[A-Z]{2}[0-9]{2}[A-Z]{3}$", r"^[A-Z][0-9]{1,3}[A-Z]{3}$", r"^[A-Z]{3}[0-9]{1,3}[A-Z]$"]
REQ = {
    "council_tax_spd": ["account_ref", "applicant_name", "address", "postcode", "sole_adult_since",
                        "declaration_date"],
    "parking_permit": ["applicant_name", "address", "postcode", "vrm", "zone", "start_date", "declaration_date"],
}
DATE_WORD_RE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)? (January|February|March|April|May|June|July|August|"
                          r"September|October|November|December) (\d{4})\b")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def dates_in(text):
    out = []
    for m in DATE_WORD_RE.finditer(text or ""):
        d = D(int(m.group(3)), MONTHS.index(m.group(2)) + 1, int(m.group(1))).isoformat()
        if d not in out:
            out.append(d)
    return out


def check(ft, f, seen):
    """Literal reading of forms.md against the records as built. seen: dedupe keys already processed."""
    rs = []
    req = list(REQ.get(ft, []))
    if ft == "council_tax_move":
        req = ["move_type", "applicant_name", "move_date", "declaration_date"]
        if f.get("move_type") == "out":
            req += ["account_ref", "previous_address", "previous_postcode"]
        else:
            req += ["new_address", "new_postcode"]
    if ft == "correspondence":
        req = ["topic", "body"]
    for k in req:
        if not f.get(k):
            rs.append("MISSING_FIELD:" + k)
    for k in ("declaration_date", "sole_adult_since", "move_date", "start_date"):
        if f.get(k) and not re.match(r"^\d{4}-\d{2}-\d{2}$", f[k]):
            rs.append("INVALID_FORMAT:" + k)
    if rs:
        return rs

    if ft == "council_tax_spd":
        a = accounts.get(f["account_ref"])
        if not a:
            return ["ACCOUNT_NOT_FOUND"]
        if a["status"] == "closed":
            rs.append("ACCOUNT_CLOSED")
        if nname(f["applicant_name"]) not in [nname(x) for x in a["liable"]]:
            rs.append("NAME_MISMATCH")
        p = PROP[a["uprn"]]
        if naddr(p["line1"]) != naddr(f["address"]) or p["postcode"] != f["postcode"]:
            rs.append("ADDRESS_MISMATCH")
        if "SPD" in a["discounts"]:
            rs.append("DISCOUNT_ALREADY_APPLIED")
        ok = {nname(f["applicant_name"]), nname(f.get("other_adult_name", ""))}
        if any(nname(e["name"]) not in ok for e in electors_at(a["uprn"])):
            rs.append("OTHER_ADULTS_REGISTERED")
        s = D.fromisoformat(f["sole_adult_since"])
        if s > AS_OF:
            rs.append("DATE_IN_FUTURE")
        if (AS_OF - s).days > BACKDATE:
            rs.append("DATE_TOO_OLD")
        ds = dates_in(f.get("change_description"))
        if ds and any(x != f["sole_adult_since"] for x in ds):
            rs.append("INCONSISTENT_DATES")
        key = ("spd", f["account_ref"])
    elif ft == "council_tax_move":
        if f["move_type"] == "out":
            a = accounts.get(f["account_ref"])
            if not a:
                return ["ACCOUNT_NOT_FOUND"]
            if nname(f["applicant_name"]) not in [nname(x) for x in a["liable"]]:
                rs.append("NAME_MISMATCH")
            p = PROP[a["uprn"]]
            if naddr(p["line1"]) != naddr(f["previous_address"]) or p["postcode"] != f["previous_postcode"]:
                rs.append("ADDRESS_MISMATCH")
            key = ("move", "out", f["account_ref"])
        else:
            p = find_prop(f["new_address"], f["new_postcode"])
            if not p:
                rs.append("PROPERTY_NOT_FOUND")
            key = ("move", "in", naddr(f["new_address"]), f["new_postcode"])
        m = D.fromisoformat(f["move_date"])
        if (m - AS_OF).days > FORWARD:
            rs.append("DATE_IN_FUTURE")
        if (AS_OF - m).days > BACKDATE:
            rs.append("DATE_TOO_OLD")
    elif ft == "parking_permit":
        p = find_prop(f["address"], f["postcode"])
        if not p:
            return ["PROPERTY_NOT_FOUND"]
        if not p["zone"] or p["zone"] != f["zone"]:
            rs.append("NOT_IN_PERMIT_ZONE")
        liable = [nname(x) for a in active_accts(p["uprn"]) for x in a["liable"]]
        reg = [nname(e["name"]) for e in electors_at(p["uprn"])]
        if nname(f["applicant_name"]) not in liable + reg:
            rs.append("NOT_RESIDENT")
        if not any(re.match(rx, f["vrm"]) for rx in VRM_RE):
            rs.append("INVALID_FORMAT:vrm")
        else:
            sd = D.fromisoformat(f["start_date"])
            if permits_active(vrm=f["vrm"]) or permits_active(vrm=f["vrm"], day=sd):
                rs.append("VRM_HAS_PERMIT")
        sd = D.fromisoformat(f["start_date"])
        na, ns = len(permits_active(u=p["uprn"])), len(permits_active(u=p["uprn"], day=sd))
        assert na == ns, "permit count differs between as-of and start date"
        if na >= CAP:
            rs.append("PERMIT_CAP_REACHED")
        if (sd - AS_OF).days > FORWARD:
            rs.append("DATE_IN_FUTURE")
        key = ("permit", f["vrm"])
    else:  # correspondence
        known = False
        if f.get("address") and f.get("postcode") and find_prop(f["address"], f["postcode"]):
            known = True
        if f.get("account_ref") and f["account_ref"] in accounts:
            known = True
        if not f.get("sender_name") or not known:
            rs.append("SENDER_UNKNOWN")
        if f.get("account_ref") and f["account_ref"] not in accounts:
            rs.append("ACCOUNT_NOT_FOUND")
        return rs
    if key in seen:
        rs.append("DUPLICATE_SUBMISSION")
    seen.add(key)
    return rs


# ---------------------------------------------------------------- formatting
def ordinal(n):
    return str(n) + ("th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th"))


def fdate(d, style):
    if isinstance(d, str):  # deliberately broken date, printed as is
        return d
    if style == "slash":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style == "slash1":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "long":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "ord":
        return f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}"
    if style == "agency":
        return f"{d.day:02d} . {d.month:02d} . {d.year}"
    if style == "dash":
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    if style == "dot":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style == "us":
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    return d.isoformat()


def facct(r, style):
    if style == "space":
        return r[:4] + " " + r[4:]
    if style == "dash":
        return r[:4] + "-" + r[4:]
    if style == "ct":
        return "CT" + r
    if style == "ctspace":
        return "CT " + r[:4] + " " + r[4:]
    return r


def fvrm(v, style):
    if style == "space" and re.match(VRM_RE[0], v):
        return v[:4] + " " + v[4:]
    if style == "space" and re.match(VRM_RE[1], v):
        return v[:-3] + " " + v[-3:]
    if style == "space" and re.match(VRM_RE[2], v):
        return v[:3] + " " + v[3:]
    if style == "lower":
        return fvrm(v, "space").lower()
    return v


def fpc(pc, style):
    if style == "nospace":
        return pc.replace(" ", "")
    if style == "lower":
        return pc.lower()
    return pc


def tsd(d):
    return d.isoformat() if isinstance(d, dt.date) else d


EXTERNAL = [("41 Kestrel Drive", "Mansfield", "NG18 4PW"), ("7 Bath Street", "Ilkeston", "DE7 8FB"),
            ("112 Nottingham Road", "Alfreton", "DE55 7FL"), ("Flat 3, 19 Church Street", "Ripley", "DE5 3BU"),
            ("23 Lime Grove", "Chesterfield", "S40 2QT"), ("9 Poplar Avenue", "Sutton-in-Ashfield", "NG17 1JD"),
            ("66 Derby Road", "Heanor", "DE75 7QJ"), ("15 The Crescent", "Eastwood", "NG16 3BN"),
            ("4 Orchard Way", "Belper", "DE56 1LT"), ("210 Chesterfield Road", "Matlock", "DE4 3FT"),
            ("31 Sycamore Road", "Kirkby-in-Ashfield", "NG17 8HS"), ("18 Hucknall Lane", "Bulwell", "NG6 8AJ")]
ext_i = [0]


def external():
    e = EXTERNAL[ext_i[0] % len(EXTERNAL)]
    ext_i[0] += 1
    return e


def phone():
    return R.choice(["07700 9", "07700 9", "01623 4", "07911 1"]) + "%05d" % R.randint(0, 99999)


def email_for(name):
    f, l = name.split()[0].lower(), name.split()[-1].lower()
    return R.choice([f"{f}.{l}{R.randint(60, 99)}@btinternet.com", f"{f}{l}@gmail.com",
                     f"{f[0]}{l}{R.randint(1, 99)}@hotmail.co.uk", f"{l}.{f}@outlook.com",
                     f"{f}_{l}@yahoo.co.uk"])


def title_for(name):
    first = name.split()[0]
    if first in FIRST_F:
        return R.choice(["Mrs", "Ms", "Miss", ""])
    return R.choice(["Mr", "Mr", ""])


# ---------------------------------------------------------------- scenarios
FORMS = []  # each: dict(ft, layout, data, fields, expect, group)


def nm_parts(name, title):
    parts = name.split()
    return dict(title=title, first=" ".join(parts[:-1]), last=parts[-1])


def full(data):
    return " ".join(x for x in [data["title"], data["first"], data["last"]] if x)


def add(ft, layout, data, fields, expect, group=None):
    FORMS.append(dict(ft=ft, layout=layout, data=data, fields=fields, expect=expect, group=group))


def addr_of(p):
    return dict(address=p["line1"], l2=p["line2"], town=p["town"], postcode=p["postcode"])


CHANGE_NO_DATE = [
    "My partner {o} has moved out and we have separated. I now live here on my own.",
    "{o} moved out to live with his new partner. There is nobody else living here now apart from me.",
    "My son {o} has left home to go and live in his own flat so I am the only adult here.",
    "My husband {o} has gone into a care home on a permanent basis.",
    "{o} has moved out and I am now on my own with the children, who are all under 18.",
    "Lodger {o} gave notice and moved out. I have not taken in another lodger.",
]


def spd_scenario(layout, kind, group=None, clone_of=None):
    if clone_of is not None:
        src = clone_of
        add("council_tax_spd", layout, dict(src["data"]), dict(src["fields"]), ["__dup__"], group)
        return FORMS[-1]
    if kind in ("clean", "DATE_TOO_OLD", "INCONSISTENT_DATES", "ADDRESS_MISMATCH", "ACCOUNT_NOT_FOUND",
                "OTHER_ADULTS_REGISTERED"):
        p = pick(lambda p: len(active_accts(p["uprn"])) == 1 and "SPD" not in active_accts(p["uprn"])[0]["discounts"])
    elif kind == "DISCOUNT_ALREADY_APPLIED":
        p = pick(lambda p: len(active_accts(p["uprn"])) == 1 and "SPD" in active_accts(p["uprn"])[0]["discounts"])
    elif kind in ("NAME_MISMATCH", "ACCOUNT_CLOSED"):
        p = pick(lambda p: len(active_accts(p["uprn"])) == 1 and len(active_accts(p["uprn"])[0]["liable"]) == 1
                 and "SPD" not in active_accts(p["uprn"])[0]["discounts"])
    a = active_accts(p["uprn"])[0]
    applicant = a["liable"][0]
    other = a["liable"][1] if len(a["liable"]) > 1 else None
    ref = a["ref"]
    if kind == "NAME_MISMATCH":
        # account is in the partner's sole name; the partner left, the non-liable partner applies
        other = a["liable"][0]
        applicant = person(other.split()[-1], "M" if other.split()[0] in FIRST_F else "F")
    if kind == "ACCOUNT_CLOSED":
        # quotes the reference from an old bill: a closed account in her own name at the same address
        other = person()
        a["liable"].append(other)
        ref = add_account(p["uprn"], [applicant], "closed", a["start"] - dt.timedelta(days=900),
                          a["start"] - DAY)
    if kind == "DISCOUNT_ALREADY_APPLIED":
        other = None
    if other is None and kind != "DISCOUNT_ALREADY_APPLIED":
        other = person(applicant.split()[-1] if R.random() < 0.5 else None,
                       "M" if applicant.split()[0] in FIRST_F else "F")
    regs = [applicant] + ([other] if other and R.random() < 0.6 else [])
    if kind == "OTHER_ADULTS_REGISTERED":
        regs = [applicant, person(applicant.split()[-1])]
    set_electors(p["uprn"], regs)
    since = rand_date(AS_OF - dt.timedelta(days=300), AS_OF - dt.timedelta(days=12))
    if kind == "DATE_TOO_OLD":
        since = rand_date(D(2025, 6, 1), D(2025, 10, 31))
    decl = rand_date(max(since + 2 * DAY, AS_OF - dt.timedelta(days=30)), AS_OF - DAY)
    data = nm_parts(applicant, title_for(applicant))
    data.update(addr_of(p))
    ad = data["address"]
    if kind == "ADDRESS_MISMATCH":
        m = re.match(r"^(\d+) (.*)$", ad)
        if m:
            n = int(m.group(1))
            others = {q["line1"] for q in props}
            cand = [f"{k} {m.group(2)}" for k in (n + 10, n + 20, n + 1, n + 2)]
            ad = next(c for c in cand if c not in others) if R.random() < 0.5 else cand[0]
        elif ad.startswith("Maisonette"):  # wrong maisonette number
            mm = re.match(r"Maisonette (\d+), (.*)", ad)
            ad = f"Maisonette {int(mm.group(1)) + 20}, {mm.group(2)}"
        else:
            ad = "Old Bank Chambers, Market Place"
        data["address"] = ad
    data.update(ref=ref, since=since, decl=decl, other=other)
    if kind == "ACCOUNT_NOT_FOUND":
        data["ref"] = mangle(ref)
    data["fwd"] = None
    if other and R.random() < 0.6:
        e = external()
        data["fwd"] = f"{e[0]}, {e[1]} {e[2]}"
    desc = R.choice(CHANGE_NO_DATE).format(o=(other or "My partner").split()[0])
    if kind == "DISCOUNT_ALREADY_APPLIED":
        desc = "I have lived on my own since my wife passed away and I would like the single person discount please."
    if R.random() < 0.3 and kind == "clean":
        desc = f"{other} moved out on {fdate(since, 'long')}. I am the only adult here now."
    if kind == "INCONSISTENT_DATES":
        moved = since - dt.timedelta(days=R.randint(9, 40))
        desc = (f"My partner {other} moved out on {fdate(moved, 'long')} but I did not get round to telling "
                f"you until now. I am the only one living here.")
    if R.random() < 0.2 and kind == "clean":
        desc = None
    data["desc"] = desc
    data["phone"] = phone() if R.random() < 0.8 else None
    data["email"] = email_for(applicant) if R.random() < 0.6 else None
    f = {"account_ref": data["ref"], "applicant_name": full(data), "address": data["address"],
         "postcode": data["postcode"], "sole_adult_since": since.isoformat()}
    if other:
        f["other_adult_name"] = other
    if data["fwd"]:
        f["other_adult_forwarding_address"] = data["fwd"]
    if desc:
        f["change_description"] = desc
    if data["phone"]:
        f["phone"] = data["phone"]
    if data["email"]:
        f["email"] = data["email"]
    f["declaration_date"] = decl.isoformat()
    add("council_tax_spd", layout, data, f, [] if kind == "clean" else [kind], group)
    return FORMS[-1]


def move_scenario(layout, kind, mtype):
    data = {}
    if mtype == "out":
        p = pick(lambda p: len(active_accts(p["uprn"])) == 1)
        a = active_accts(p["uprn"])[0]
        applicant = a["liable"][0] if len(a["liable"]) == 1 or R.random() < 0.5 else a["liable"][1]
        ref = a["ref"]
        if kind == "NAME_MISMATCH":
            applicant = person(a["liable"][0].split()[-1])
            set_electors(p["uprn"], a["liable"] + [applicant])
        if kind == "ACCOUNT_NOT_FOUND":
            ref = mangle(ref)
        data.update(nm_parts(applicant, title_for(applicant)))
        data.update(prev=p["line1"], prev_l2=p["line2"], prev_town=p["town"], prev_pc=p["postcode"])
        if kind == "ADDRESS_MISMATCH":
            other_pcs = sorted({q["postcode"] for q in props if q["postcode"][:3] == p["postcode"][:3]
                                and q["postcode"] != p["postcode"]})
            data["prev_pc"] = R.choice(other_pcs) if other_pcs else p["postcode"][:-2] + "ZZ"
        if R.random() < 0.75:
            e = external()
            data.update(new=e[0], new_l2="", new_town=e[1], new_pc=e[2])
        else:
            q = pick(lambda q: not active_accts(q["uprn"]) or True)
            data.update(new=q["line1"], new_l2=q["line2"], new_town=q["town"], new_pc=q["postcode"])
        data["ref"] = ref
    else:
        if kind == "PROPERTY_NOT_FOUND":
            data.update(new=f"{R.randint(2, 9)} Lamplighter Mews", new_l2="Skelby Moor", new_town="Brackenfield",
                        new_pc=new_pc("BF6"))
        else:
            q = pick(lambda q: not active_accts(q["uprn"]))
            data.update(new=q["line1"], new_l2=q["line2"], new_town=q["town"], new_pc=q["postcode"])
        applicant = person()
        data.update(nm_parts(applicant, title_for(applicant)))
        if R.random() < 0.7:
            e = external()
            data.update(prev=e[0], prev_l2="", prev_town=e[1], prev_pc=e[2])
        else:
            data.update(prev=None, prev_pc=None, prev_l2="", prev_town="")
        data["ref"] = None
    md = rand_date(AS_OF - dt.timedelta(days=70), AS_OF + dt.timedelta(days=21))
    if kind == "DATE_IN_FUTURE":
        md = rand_date(AS_OF + dt.timedelta(days=45), AS_OF + dt.timedelta(days=90))
    if kind == "DATE_TOO_OLD":
        md = rand_date(D(2025, 7, 1), D(2025, 11, 15))
    decl = rand_date(AS_OF - dt.timedelta(days=20), AS_OF - DAY)
    data.update(mtype=mtype, move=md, decl=decl,
                phone=phone() if R.random() < 0.85 else None,
                email=email_for(full(data)) if R.random() < 0.6 else None)
    f = {"move_type": mtype}
    if data["ref"]:
        f["account_ref"] = data["ref"]
    f["applicant_name"] = full(data)
    if data.get("prev"):
        f["previous_address"] = data["prev"]
        f["previous_postcode"] = data["prev_pc"]
    f["new_address"] = data["new"]
    f["new_postcode"] = data["new_pc"]
    f["move_date"] = md.isoformat()
    if data["phone"]:
        f["phone"] = data["phone"]
    if data["email"]:
        f["email"] = data["email"]
    f["declaration_date"] = decl.isoformat()
    add("council_tax_move", layout, data, f, [] if kind == "clean" else [kind])


MAKES = ["Ford Fiesta", "Vauxhall Corsa", "Nissan Qashqai", "Toyota Yaris", "Kia Sportage", "VW Golf",
         "Skoda Octavia", "Peugeot 208", "Dacia Sandero", "Ford Transit Custom", "Hyundai i10", "Mini Cooper",
         "Citroen C3", "Honda Jazz", "Tesla Model 3"]


def parking_scenario(layout, kind, resident="liable", vstyle="current"):
    if kind == "PERMIT_CAP_REACHED":
        p = pick(lambda p: p["zone"] and active_accts(p["uprn"]) and len(permits_active(u=p["uprn"])) == 2)
    elif kind == "VRM_HAS_PERMIT":
        p = pick(lambda p: p["zone"] and active_accts(p["uprn"]) and len(permits_active(u=p["uprn"])) == 1)
    else:
        p = pick(lambda p: p["zone"] and active_accts(p["uprn"]) and len(permits_active(u=p["uprn"])) <= 1)
    a = active_accts(p["uprn"])[0]
    applicant = R.choice(a["liable"])
    if resident == "elector":
        applicant = person(a["liable"][0].split()[-1])
        add_elector(applicant, p["uprn"])
    elif applicant not in [e["name"] for e in electors_at(p["uprn"])] and R.random() < 0.5:
        pass
    if kind == "NOT_RESIDENT":
        applicant = person()
    data = nm_parts(applicant, title_for(applicant))
    data.update(addr_of(p))
    zone = p["zone"]
    if kind == "NOT_IN_PERMIT_ZONE":
        zone = R.choice([z for z in ["Zone 1", "Zone 2", "Zone 3", "Zone 4", "Zone 5", "Hospital"] if z != zone])
    vrm = new_vrm(vstyle)
    if kind == "VRM_HAS_PERMIT":
        vrm = permits_active(u=p["uprn"])[0]["vrm"]
    if kind == "INVALID_FORMAT:vrm":
        v = new_vrm()
        vrm = v[:4] + v[4:6]  # one letter short, e.g. WP19KX
    sd = rand_date(AS_OF - dt.timedelta(days=6), AS_OF + dt.timedelta(days=25))
    if kind == "DATE_IN_FUTURE":
        sd = rand_date(AS_OF + dt.timedelta(days=40), AS_OF + dt.timedelta(days=80))
    if kind == "PROPERTY_NOT_FOUND":
        nums = {int(m.group(1)) for q in props if q["street"] == p["street"]
                for m in [re.match(r"^(\d+) ", q["line1"])] if m}
        n = max(nums) + R.randint(5, 15)
        data["address"] = f"{n} {p['street']}"
    decl = rand_date(AS_OF - dt.timedelta(days=14), AS_OF - DAY)
    data.update(vrm=vrm, make=R.choice(MAKES) if R.random() < 0.85 else None, zone=zone, start=sd, decl=decl,
                phone=phone() if R.random() < 0.8 else None,
                email=email_for(applicant) if R.random() < 0.5 else None)
    if kind == "MISSING_FIELD:declaration_date":
        data["decl"] = None
    f = {"applicant_name": full(data), "address": data["address"], "postcode": data["postcode"], "vrm": vrm}
    if data["make"]:
        f["vehicle_make"] = data["make"]
    f["zone"] = zone
    f["start_date"] = sd.isoformat()
    if data["phone"]:
        f["phone"] = data["phone"]
    if data["email"]:
        f["email"] = data["email"]
    if data["decl"]:
        f["declaration_date"] = data["decl"].isoformat()
    add("parking_permit", layout, data, f, [] if kind == "clean" else [kind])


# correspondence -------------------------------------------------------------
def corr_scenario(layout, topic, kind="clean", with_ref=False, slip=False):
    mais = topic == "complaint"
    p = pick(lambda p: len(active_accts(p["uprn"])) == 1 and (p["kind"] == "maisonette") == mais)
    a = active_accts(p["uprn"])[0]
    name = a["liable"][0]
    ref = a["ref"] if (with_ref or kind == "ACCOUNT_NOT_FOUND") else None
    if kind == "ACCOUNT_NOT_FOUND":
        ref = mangle(ref)
    title = title_for(name)
    sender = " ".join(x for x in [title, name] if x)
    street = p["street"]
    lt = rand_date(AS_OF - dt.timedelta(days=12), AS_OF - DAY)
    d1 = rand_date(AS_OF - dt.timedelta(days=30), lt - 2 * DAY)
    d2 = d1 - dt.timedelta(days=14)
    refs = facct(ref, R.choice(["space", "plain", "ct"])) if ref else None
    if topic == "missed_bin":
        paras = [f"I am writing because our grey general waste bin was not emptied on {fdate(d1, 'long')}, "
                 f"which is our normal collection day. Every other bin on {street} was emptied but ours was "
                 f"left at the kerb with the lid shut.",
                 f"This is the second time it has happened, the first being {fdate(d2, 'long')}. Please could "
                 f"the crew come back for it as soon as possible as it is now full and attracting foxes."]
        subj = "Missed bin collection"
    elif topic == "council_tax_query":
        paras = [f"I have received a council tax bill dated {fdate(d1, 'long')} for my account "
                 f"{refs} and I do not understand why the monthly instalments have gone up.",
                 "As far as I know nothing has changed in the household and I have paid every instalment by "
                 "direct debit. Could you please check the account and explain how the new amount has been "
                 "worked out, and whether the band is correct."] if refs else [
                 f"I have received a council tax bill dated {fdate(d1, 'long')} and I do not understand why "
                 f"the monthly instalments have gone up.",
                 "As far as I know nothing has changed in the household and I have paid every instalment by "
                 "direct debit. Could you please check my council tax account and explain the new amount."]
        subj = "Council tax bill query"
    elif topic == "complaint":
        paras = [f"I wish to make a formal complaint about the repairs to the communal stairwell at "
                 f"{street}. I reported a broken handrail and a smashed window on {fdate(d2, 'long')} and was "
                 f"promised that someone would attend within ten working days.",
                 f"Nobody came. When I rang again on {fdate(d1, 'long')} I was cut off twice. An elderly "
                 f"neighbour has already fallen on the stairs. I expect a written response under your "
                 f"complaints procedure."]
        subj = "Formal complaint"
    elif topic == "foi_request":
        paras = ["Under the Freedom of Information Act 2000, please provide the following information:",
                 "1. The number of residents' parking permits issued in each permit zone (Zone 1 to Zone 5 "
                 "and the Hospital zone) in each of the last three financial years.",
                 "2. The total income received from residents' parking permits in each of those years.",
                 "I would prefer to receive the information by email or as a spreadsheet."]
        subj = "Freedom of Information request"
    else:  # other
        paras = [f"I would like to put my name down for an allotment at the Miners Welfare Road site. I have "
                 f"been told there is a waiting list and that I need to write in.",
                 "I am happy to take a half plot. Please let me know what the annual rent is and roughly how "
                 "long the wait is at the moment."]
        subj = "Allotment waiting list"
    if kind == "SENDER_UNKNOWN_ANON":
        sender = None
    data = dict(sender=sender, address=p["line1"], l2=p["line2"], town=p["town"], postcode=p["postcode"],
                ref=ref, refs=refs, paras=paras, letter_date=lt, subj=subj, topic=topic, slip=slip,
                phone=phone(), email=email_for(name))
    if kind == "SENDER_UNKNOWN_ANON":
        data.update(address=None, postcode=None)
    add("correspondence", layout, data, None, [] if kind == "clean" else
        (["SENDER_UNKNOWN"] if kind.startswith("SENDER_UNKNOWN") else [kind]))
    return FORMS[-1]


def email_scenario(topic, kind="clean", mode="ref"):
    """Short emails sent from phones. mode: ref (quotes account), addr (gives address), none."""
    p = pick(lambda p: len(active_accts(p["uprn"])) == 1)
    a = active_accts(p["uprn"])[0]
    name = a["liable"][-1]
    first = name.split()[0]
    sent = rand_date(AS_OF - dt.timedelta(days=9), AS_OF - DAY)
    d1 = sent - dt.timedelta(days=R.randint(1, 4))
    ref = a["ref"] if mode == "ref" else None
    refs = facct(ref, R.choice(["space", "plain"])) if ref else None
    loc = f"{p['line1']} {p['postcode']}"
    if topic == "missed_bin":
        lines = [f"Hi, our blue recycling bin wasnt emptied on {fdate(d1, 'long')}. whole street done except us.",
                 f"Address is {loc}." if mode == "addr" else "",
                 "Can someone come back for it please, its overflowing."]
        subj = "bin not emptied"
    elif topic == "council_tax_query":
        lines = [f"Hello, I paid my council tax instalment on {fdate(d1, 'long')} but the app still says I am "
                 f"in arrears.",
                 f"My account number is {refs}." if refs else f"I live at {loc}.",
                 "Can you check and let me know, thanks."]
        subj = "Council tax payment"
    elif topic == "complaint":
        lines = [f"I want to make a complaint. The bin crew blocked our road for 40 minutes on {fdate(d1, 'long')} "
                 f"and the driver swore at my husband when he asked them to move.",
                 f"We live at {loc}." if mode == "addr" else "",
                 "This is not acceptable and I want someone to look into it."]
        subj = "Complaint about bin crew"
    elif topic == "foi_request":
        lines = ["Hi, this is a freedom of information request. How many fixed penalty notices for fly tipping "
                 "did the council issue in 2025 and how many were paid?",
                 f"My address is {loc}." if mode == "addr" else "", "Thanks"]
        subj = "FOI request fly tipping"
    lines = [x for x in lines if x]
    sender = name if kind == "clean" else None
    from_addr = email_for(name) if kind == "clean" else f"dazzler{R.randint(70, 99)}@hotmail.co.uk"
    data = dict(sender=sender, from_addr=from_addr, sent=sent, hhmm=f"{R.randint(6, 22):02d}:{R.randint(0, 59):02d}",
                lines=lines, subj=subj, sig=first if kind == "clean" else None,
                footer=R.choice(["Sent from my iPhone", "Sent from my iPhone", "Sent from my Samsung Galaxy smartphone.",
                                 "Get Outlook for Android"]),
                ref=ref, address=p["line1"] if mode == "addr" else None,
                postcode=p["postcode"] if mode == "addr" else None, topic=topic)
    add("correspondence", "mobile_email", data, None, [] if kind == "clean" else ["SENDER_UNKNOWN"])


# ---------------------------------------------------------------- build the scenarios
L_SH, L_TB, L_AG, L_KI = "shaded_fields", "question_table", "agency_print", "kiosk_receipt"

# SPD: 10 clean, 8 exceptions, 1 duplicate pair
for lay, k in [(L_SH, "clean"), (L_SH, "clean"), (L_SH, "clean"), (L_SH, "OTHER_ADULTS_REGISTERED"),
               (L_SH, "DATE_TOO_OLD"),
               (L_TB, "clean"), (L_TB, "clean"), (L_TB, "clean"), (L_TB, "NAME_MISMATCH"), (L_TB, "INCONSISTENT_DATES"),
               (L_AG, "clean"), (L_AG, "clean"), (L_AG, "ACCOUNT_NOT_FOUND"), (L_AG, "ADDRESS_MISMATCH"),
               (L_KI, "clean"), (L_KI, "clean"), (L_KI, "DISCOUNT_ALREADY_APPLIED"), (L_KI, "ACCOUNT_CLOSED")]:
    spd_scenario(lay, k)
first = spd_scenario(L_AG, "clean", group="dup-1")
first["expect"] = ["__dup__"]
spd_scenario(L_AG, None, group="dup-1", clone_of=first)

# Moving home: 9 clean, 6 exceptions
for lay, k, t in [(L_SH, "clean", "out"), (L_SH, "clean", "in"), (L_SH, "clean", "out"), (L_SH, "DATE_IN_FUTURE", "out"),
                  (L_TB, "clean", "in"), (L_TB, "clean", "out"), (L_TB, "NAME_MISMATCH", "out"),
                  (L_TB, "PROPERTY_NOT_FOUND", "in"),
                  (L_AG, "clean", "out"), (L_AG, "clean", "in"), (L_AG, "ACCOUNT_NOT_FOUND", "out"),
                  (L_KI, "clean", "in"), (L_KI, "clean", "out"), (L_KI, "ADDRESS_MISMATCH", "out"),
                  (L_KI, "DATE_TOO_OLD", "in")]:
    move_scenario(lay, k, t)

# Parking: 10 clean, 8 exceptions
for lay, k, res, vs in [(L_SH, "clean", "liable", "current"), (L_SH, "clean", "elector", "current"),
                        (L_SH, "clean", "liable", "prefix"), (L_SH, "NOT_IN_PERMIT_ZONE", "liable", "current"),
                        (L_SH, "PERMIT_CAP_REACHED", "liable", "current"),
                        (L_TB, "clean", "liable", "current"), (L_TB, "clean", "liable", "current"),
                        (L_TB, "VRM_HAS_PERMIT", "liable", "current"), (L_TB, "DATE_IN_FUTURE", "liable", "current"),
                        (L_AG, "clean", "liable", "current"), (L_AG, "clean", "elector", "suffix"),
                        (L_AG, "NOT_RESIDENT", "liable", "current"),
                        (L_AG, "MISSING_FIELD:declaration_date", "liable", "current"),
                        (L_KI, "clean", "liable", "current"), (L_KI, "clean", "liable", "current"),
                        (L_KI, "clean", "liable", "current"), (L_KI, "INVALID_FORMAT:vrm", "liable", "current"),
                        (L_KI, "PROPERTY_NOT_FOUND", "liable", "current")]:
    parking_scenario(lay, k, res, vs)

# Correspondence: letters 5 clean + 2 exceptions, emails 4 clean + 1 exception
corr_scenario("letter", "missed_bin", with_ref=True)
corr_scenario("letter", "council_tax_query", with_ref=True, slip=True)
corr_scenario("letter", "complaint", slip=False)
corr_scenario("letter", "foi_request")
corr_scenario("letter", "other")
corr_scenario("letter", "council_tax_query", kind="ACCOUNT_NOT_FOUND", slip=True)
corr_scenario("letter", "complaint", kind="SENDER_UNKNOWN_ANON")
email_scenario("missed_bin", mode="addr")
email_scenario("council_tax_query", mode="ref")
email_scenario("complaint", mode="addr")
email_scenario("foi_request", mode="addr")
email_scenario("complaint", kind="SENDER_UNKNOWN", mode="none")


# ---------------------------------------------------------------- drawing helpers
GREEN = (0.11, 0.40, 0.33)
GREY = (0.87, 0.87, 0.87)
NAVY = (0.05, 0.12, 0.35)


def crest(c, x, y, s, col=GREEN, label="BBC"):
    """Shield-shaped crest block, top-left at (x, y)."""
    c.saveState()
    c.setFillColorRGB(*col)
    pth = c.beginPath()
    pth.moveTo(x, y)
    pth.lineTo(x + s, y)
    pth.lineTo(x + s, y - s * 0.65)
    pth.curveTo(x + s, y - s * 1.0, x + s * 0.6, y - s * 1.1, x + s / 2, y - s * 1.2)
    pth.curveTo(x + s * 0.4, y - s * 1.1, x, y - s * 1.0, x, y - s * 0.65)
    pth.close()
    c.drawPath(pth, fill=1, stroke=0)
    c.setFillColorRGB(1, 1, 1)
    # winding wheel motif
    cx, cy = x + s / 2, y - s * 0.45
    c.setStrokeColorRGB(1, 1, 1)
    c.setLineWidth(1)
    c.circle(cx, cy, s * 0.22, stroke=1, fill=0)
    for i in range(6):
        import math
        ang = i * math.pi / 3
        c.line(cx, cy, cx + s * 0.22 * math.cos(ang), cy + s * 0.22 * math.sin(ang))
    c.setFont("Helvetica-Bold", s * 0.16)
    c.drawCentredString(cx, y - s * 0.9, label)
    c.restoreState()


def wrap(text, font, size, width):
    out = []
    for para in str(text).split("\n"):
        out += simpleSplit(para, font, size, width) or [""]
    return out


def para(c, x, y, text, font="Helvetica", size=8.5, width=500, leading=None, color=(0, 0, 0)):
    leading = leading or size * 1.25
    c.setFont(font, size)
    c.setFillColorRGB(*color)
    for ln in wrap(text, font, size, width):
        c.drawString(x, y, ln)
        y -= leading
    c.setFillColorRGB(0, 0, 0)
    return y


def new_canvas(path, size=A4, title=""):
    c = canvas.Canvas(path, pagesize=size, invariant=1)
    c.setTitle(title)
    c.setAuthor("Brackenfield Borough Council")
    return c


# ---------------------------------------------------------------- layout 1: shaded answer fields
def render_shaded(path, title, code, intro, sections, colour):
    """sections: list of (heading, items); item = ('q', label, lines, min_lines) | ('p', text) | ('office',)"""
    c = new_canvas(path, title=title)
    W, H = A4
    page = [1]

    def header(first):
        if first:
            crest(c, 40, H - 36, 38, colour)
            c.setFont("Helvetica-Bold", 17)
            c.drawString(88, H - 52, "Brackenfield")
            c.setFont("Helvetica", 11)
            c.drawString(88, H - 66, "Borough Council")
            c.setFont("Helvetica-Bold", 13)
            c.drawRightString(W - 40, H - 50, title)
            c.setFont("Helvetica", 8)
            c.drawRightString(W - 40, H - 63, f"Form {code}")
            c.drawRightString(W - 40, H - 74, "Civic Centre, Market Place, Brackenfield BF1 1AA")
            return H - 100
        c.setFont("Helvetica", 8)
        c.drawString(40, H - 40, f"Brackenfield Borough Council  |  {title} (continued)")
        c.line(40, H - 45, W - 40, H - 45)
        return H - 65

    def footer():
        c.setFont("Helvetica", 7)
        c.drawString(40, 28, f"{code}  v3.2 06/26")
        c.drawRightString(W - 40, 28, f"Page {page[0]}")

    y = header(True)
    y = para(c, 40, y, intro, size=8.5, width=W - 80) - 6
    LBLW, AX, AW = 135, 190, W - 40 - 190
    for heading, items in sections:
        if y < 140:
            footer(); c.showPage(); page[0] += 1; y = header(False)
        c.setFillColorRGB(*colour)
        c.rect(40, y - 20, W - 80, 22, fill=1, stroke=0)
        c.setFillColorRGB(1, 1, 1)
        c.setFont("Helvetica-Bold", 11)
        c.drawString(48, y - 13, heading)
        c.setFillColorRGB(0, 0, 0)
        y -= 34
        for it in items:
            if it[0] == "p":
                lines = wrap(it[1], "Helvetica", 8.5, W - 80)
                if y - len(lines) * 11 < 60:
                    footer(); c.showPage(); page[0] += 1; y = header(False)
                y = para(c, 40, y, it[1], size=8.5, width=W - 80) - 6
                continue
            if it[0] == "office":
                if y < 120:
                    footer(); c.showPage(); page[0] += 1; y = header(False)
                c.setDash(3, 2)
                c.rect(40, y - 62, W - 80, 62, stroke=1, fill=0)
                c.setDash()
                c.setFont("Helvetica-Bold", 8)
                c.drawString(48, y - 12, "FOR OFFICE USE ONLY")
                c.setFont("Helvetica", 8)
                c.drawString(48, y - 28, "Date received ____________    Scanned by ______    Batch ______")
                c.drawString(48, y - 44, "Checked against: CT record [  ]  Register [  ]   Decision: ___________")
                y -= 76
                continue
            _, label, ans, minl = it
            alines = []
            for a in ([] if ans is None else (ans if isinstance(ans, list) else [ans])):
                alines += wrap(a, "Helvetica", 10, AW - 10)
            n = max(minl, len(alines), 1)
            llines = wrap(label, "Helvetica", 8.5, LBLW)
            h = max(n * 13 + 6, len(llines) * 10.5 + 4)
            if y - h < 55:
                footer(); c.showPage(); page[0] += 1; y = header(False)
            c.setFont("Helvetica", 8.5)
            ly = y - 10
            for ln in llines:
                c.drawString(40, ly, ln)
                ly -= 10.5
            c.setFillColorRGB(*GREY)
            c.rect(AX, y - h, AW, h, fill=1, stroke=0)
            c.setFillColorRGB(0, 0, 0)
            c.setFont("Helvetica", 10)
            ay = y - 12
            for ln in alines:
                c.drawString(AX + 5, ay, ln)
                ay -= 13
            y -= h + 7
        y -= 6
    footer()
    c.save()


def shaded_addr(addr, l2, town):
    return [addr, ", ".join(x for x in [l2, town] if x)]


def build_spd_shaded(fm, path):
    d = fm["data"]
    ds = "slash"
    secs = [
        ("1   About you and the property", [
            ("q", "Council Tax account number", facct(d["ref"], "space"), 1),
            ("q", "Full name of person liable", full(d), 1),
            ("q", "Address of the property", shaded_addr(d["address"], d["l2"], d["town"]), 2),
            ("q", "Postcode", d["postcode"], 1),
            ("q", "Daytime telephone", d["phone"], 1),
            ("q", "Email address", d["email"], 1),
        ]),
        ("2   Who lives at the property", [
            ("q", "Date you became the only adult (18 or over) living there", fdate(d["since"], ds), 1),
            ("q", "Name of the adult who has left", d["other"], 1),
            ("q", "Their new address, if known", d["fwd"], 1),
            ("q", "Tell us what changed", d["desc"], 3),
        ]),
        ("3   Declaration", [
            ("p", "I declare that the information on this form is correct and complete. I understand that I must "
                  "tell the Council within 21 days if another adult comes to live at the property, and that giving "
                  "false information may lead to a penalty of up to GBP 70 and prosecution."),
            ("q", "Signature (type your name if applying electronically)", d["first"][0] + " " + d["last"], 1),
            ("q", "Date", fdate(d["decl"], ds), 1),
            ("office",),
        ]),
    ]
    render_shaded(path, "Single Person Discount", "CT/SPD/14",
                  "Use this form if you are the only adult (aged 18 or over) living at your home. You may get 25% off "
                  "your Council Tax. Type your answers into the shaded boxes. Some people are not counted as adults "
                  "for Council Tax, for example full-time students and carers; see brackenfield.gov.uk/discounts.",
                  secs, GREEN)


def build_move_shaded(fm, path):
    d = fm["data"]
    ds = "slash1"
    secs = [
        ("1   Your move", [
            ("q", "Are you moving into or out of a property in Brackenfield?",
             "Moving in" if d["mtype"] == "in" else "Moving out", 1),
            ("q", "Date of move (the date you got or gave up the keys)", fdate(d["move"], ds), 1),
        ]),
        ("2   About you", [
            ("q", "Full name", full(d), 1),
            ("q", "Council Tax account number (moving out only)", facct(d["ref"], "plain") if d["ref"] else None, 1),
            ("q", "Telephone", d["phone"], 1),
            ("q", "Email", d["email"], 1),
        ]),
        ("3   The address you are leaving", [
            ("q", "Address", shaded_addr(d["prev"], d["prev_l2"], d["prev_town"]) if d.get("prev") else None, 2),
            ("q", "Postcode", d.get("prev_pc"), 1),
        ]),
        ("4   Your new address", [
            ("p", "If you are moving out, this is where we will send your final bill."),
            ("q", "Address", shaded_addr(d["new"], d["new_l2"], d["new_town"]), 2),
            ("q", "Postcode", d["new_pc"], 1),
        ]),
        ("5   Declaration", [
            ("p", "I confirm that the details I have given are true. I understand the Council may check them with "
                  "other records it holds, including the electoral register."),
            ("q", "Date", fdate(d["decl"], ds), 1),
            ("office",),
        ]),
    ]
    render_shaded(path, "Moving Home - Council Tax", "CT/MV/2",
                  "Tell us when you move into, out of, or within Brackenfield so we can bill the right person from "
                  "the right date. Please use one form per move.", secs, (0.55, 0.16, 0.18))


def build_parking_shaded(fm, path):
    d = fm["data"]
    ds = "slash"
    secs = [
        ("A   Applicant", [
            ("q", "Name of applicant", full(d), 1),
            ("q", "Home address", shaded_addr(d["address"], d["l2"], d["town"]), 2),
            ("q", "Postcode", d["postcode"], 1),
            ("q", "Contact telephone", d["phone"], 1),
            ("q", "Email", d["email"], 1),
        ]),
        ("B   Vehicle", [
            ("q", "Vehicle reg.", fvrm(d["vrm"], "space"), 1),
            ("q", "Make and model", d["make"], 1),
            ("p", "The vehicle must be registered to you at the address above. Enclose a copy of the V5C "
                  "registration certificate or your company car letter."),
        ]),
        ("C   Permit", [
            ("q", "Permit zone applied for (see the sign at the end of your street)", d["zone"], 1),
            ("q", "Permit to start from", fdate(d["start"], ds), 1),
            ("p", "Charges 2026/27: first permit GBP 35, second permit GBP 60. A maximum of two permits is issued "
                  "to each household."),
        ]),
        ("D   Declaration", [
            ("p", "I declare that I live at the address above and that the vehicle is kept there. I understand the "
                  "permit will be withdrawn if this information is false."),
            ("q", "Date", fdate(d["decl"], ds) if d["decl"] else None, 1),
            ("office",),
        ]),
    ]
    render_shaded(path, "Residents' Parking Permit", "PK/RES/1",
                  "Residents' parking schemes operate in Zones 1 to 5 in the town centre and in the Hospital zone "
                  "around Brackenfield General. Please allow 10 working days for your permit to arrive.",
                  secs, NAVY)


# ---------------------------------------------------------------- layout 2: question table
def render_table(path, title, code, dept, intro, rows, notes_after=None):
    """rows: ('s', heading) | ('q', question, note, answer_lines)"""
    c = new_canvas(path, title=title)
    W, H = A4
    X0, X1, X2, X3 = 36, 62, 300, W - 36
    page = [1]

    def header(first):
        if first:
            crest(c, 36, H - 34, 30, (0.35, 0.2, 0.45))
            c.setFont("Times-Bold", 15)
            c.drawString(76, H - 46, "BRACKENFIELD BOROUGH COUNCIL")
            c.setFont("Times-Roman", 10)
            c.drawString(76, H - 60, dept)
            c.setFont("Helvetica", 8)
            c.drawRightString(W - 36, H - 46, code)
            c.setFont("Helvetica-Bold", 12)
            c.drawString(36, H - 92, title)
            return para(c, 36, H - 108, intro, size=8.5, width=W - 72) - 6
        c.setFont("Helvetica", 8)
        c.drawString(36, H - 36, f"{code} - continued")
        return H - 56

    def footer():
        c.setFont("Helvetica", 7)
        c.drawCentredString(W / 2, 24, f"{code}   Page {page[0]}   Revenues & Benefits, Civic Centre, Brackenfield BF1 1AA")

    y = header(True)
    c.setLineWidth(0.6)
    qn = 0
    for r in rows:
        if r[0] == "s":
            if y < 90:
                footer(); c.showPage(); page[0] += 1; y = header(False)
            c.setFillColorRGB(0.8, 0.78, 0.86)
            c.rect(X0, y - 16, X3 - X0, 16, fill=1, stroke=1)
            c.setFillColorRGB(0, 0, 0)
            c.setFont("Helvetica-Bold", 9)
            c.drawString(X0 + 4, y - 11.5, r[1])
            y -= 16
            continue
        _, q, note, ans = r
        qn += 1
        ql = wrap(q, "Helvetica", 9, X2 - X1 - 8)
        nl = wrap(note, "Helvetica-Oblique", 7.5, X2 - X1 - 8) if note else []
        al = []
        for a in ([] if ans is None else (ans if isinstance(ans, list) else [ans])):
            al += wrap(a, "Courier", 10, X3 - X2 - 10)
        h = max(len(ql) * 11 + len(nl) * 9 + 8, len(al) * 13 + 8, 22)
        if y - h < 50:
            footer(); c.showPage(); page[0] += 1; y = header(False)
        c.rect(X0, y - h, X1 - X0, h)
        c.rect(X1, y - h, X2 - X1, h)
        c.rect(X2, y - h, X3 - X2, h)
        c.setFont("Helvetica-Bold", 9)
        c.drawString(X0 + 5, y - 13, f"{qn}.")
        ty = y - 13
        c.setFont("Helvetica", 9)
        for ln in ql:
            c.drawString(X1 + 4, ty, ln)
            ty -= 11
        c.setFont("Helvetica-Oblique", 7.5)
        c.setFillColorRGB(0.3, 0.3, 0.3)
        for ln in nl:
            c.drawString(X1 + 4, ty + 1, ln)
            ty -= 9
        c.setFillColorRGB(0.05, 0.1, 0.45)
        c.setFont("Courier", 10)
        ay = y - 13
        for ln in al:
            c.drawString(X2 + 5, ay, ln)
            ay -= 13
        c.setFillColorRGB(0, 0, 0)
        y -= h
    if notes_after:
        y -= 12
        if y < 120:
            footer(); c.showPage(); page[0] += 1; y = header(False)
        for n in notes_after:
            y = para(c, 36, y, n, size=7.5, width=W - 72) - 4
    y -= 8
    if y < 80:
        footer(); c.showPage(); page[0] += 1; y = header(False)
    c.rect(W - 236, y - 46, 200, 46)
    c.setFont("Helvetica-Bold", 7)
    c.drawString(W - 230, y - 10, "OFFICE USE ONLY")
    c.setFont("Helvetica", 7)
    c.drawString(W - 230, y - 24, "Rec'd:              Officer:")
    c.drawString(W - 230, y - 38, "Action code:        Eff. date:")
    footer()
    c.save()


def tick(options, chosen):
    return "   ".join(("[X] " if o == chosen else "[ ] ") + o for o in options)


def table_addr(addr, l2, town):
    return [addr] + [x for x in [l2, town] if x]


def build_spd_table(fm, path):
    d = fm["data"]
    ds = R.choice(["long", "ord"])
    rows = [
        ("s", "PART 1 - YOUR DETAILS"),
        ("q", "Council tax account reference", "The 8-digit number at the top right of your bill",
         facct(d["ref"], "ct")),
        ("q", "Your full name (the person responsible for paying)", None, full(d)),
        ("q", "Address of the property this application is for", None, table_addr(d["address"], d["l2"], d["town"])),
        ("q", "Postcode", None, d["postcode"]),
        ("q", "Telephone number", "In case we need to check something with you", d["phone"]),
        ("q", "Email", None, d["email"]),
        ("s", "PART 2 - THE CHANGE IN YOUR HOUSEHOLD"),
        ("q", "From what date have you been the only adult (aged 18 or over) living at the property?",
         "Usually the date the other adult moved out", fdate(d["since"], ds)),
        ("q", "Full name of the adult who moved out", None, d["other"]),
        ("q", "Where have they moved to?", "Leave blank if you do not know", d["fwd"]),
        ("q", "Tell us what changed", None, d["desc"]),
        ("s", "PART 3 - DECLARATION"),
        ("q", "I confirm the information given is correct and I will tell the Council of any change within 21 days.",
         None, "[X] I agree"),
        ("q", "Date of declaration", None, fdate(d["decl"], ds)),
    ]
    render_table(path, "Application for Single Person Discount", "RB/SPD/07", "Revenues & Benefits Service",
                 "Complete every question. Where a question does not apply to you, leave it blank. We may check "
                 "your answers against the electoral register and other council records.", rows,
                 ["Data protection: Brackenfield Borough Council is the data controller. We use this information to "
                  "administer Council Tax and may share it with other council services to prevent fraud."])


def build_move_table(fm, path):
    d = fm["data"]
    ds = R.choice(["long", "ord", "slash"])
    rows = [
        ("s", "SECTION A - THE MOVE"),
        ("q", "Are you moving in or moving out?", "Tick one box", tick(["Moving in", "Moving out"],
                                                                         "Moving in" if d["mtype"] == "in" else "Moving out")),
        ("q", "Date of the move", "The date your tenancy or ownership started or ended", fdate(d["move"], ds)),
        ("s", "SECTION B - YOU"),
        ("q", "Full name", None, full(d)),
        ("q", "Council tax account reference", "Only if you are moving out", facct(d["ref"], "space") if d["ref"] else None),
        ("q", "Contact number", None, d["phone"]),
        ("q", "Email address", None, d["email"]),
        ("s", "SECTION C - ADDRESSES"),
        ("q", "Previous address", "The address you have left or are leaving",
         table_addr(d["prev"], d["prev_l2"], d["prev_town"]) if d.get("prev") else None),
        ("q", "Previous postcode", None, d.get("prev_pc")),
        ("q", "New address", "Moving in: the Brackenfield address. Moving out: where to send your final bill",
         table_addr(d["new"], d["new_l2"], d["new_town"])),
        ("q", "New postcode", None, d["new_pc"]),
        ("s", "SECTION D - DECLARATION"),
        ("q", "I declare that the information I have given is true and complete.", None, "[X] Yes"),
        ("q", "Date", None, fdate(d["decl"], ds)),
    ]
    render_table(path, "Council Tax - Change of Address", "RB/CTM/03", "Revenues & Benefits Service",
                 "Tell us about your move as soon as you know the date. If you are a landlord, please use form "
                 "RB/LL/1 instead.", rows)


ZONES = ["Zone 1", "Zone 2", "Zone 3", "Zone 4", "Zone 5", "Hospital"]


def build_parking_table(fm, path):
    d = fm["data"]
    ds = R.choice(["slash", "long"])
    rows = [
        ("s", "1. ABOUT YOU"),
        ("q", "Name of applicant", "The permit holder must live at the address", full(d)),
        ("q", "Address", None, table_addr(d["address"], d["l2"], d["town"])),
        ("q", "Postcode", None, d["postcode"]),
        ("q", "Phone", None, d["phone"]),
        ("q", "Email", None, d["email"]),
        ("s", "2. VEHICLE AND PERMIT"),
        ("q", "Vehicle reg.", "As shown on the V5C", fvrm(d["vrm"], "space")),
        ("q", "Vehicle make / model", None, d["make"]),
        ("q", "Which zone do you live in?", "Tick one box", [tick(ZONES[:3], d["zone"]), tick(ZONES[3:], d["zone"])]),
        ("q", "Permit start date", "Up to 4 weeks ahead", fdate(d["start"], ds)),
        ("s", "3. DECLARATION"),
        ("q", "I confirm I live at the address above and the vehicle is kept there.", None, "[X] Confirmed"),
        ("q", "Date", None, fdate(d["decl"], ds) if d["decl"] else None),
    ]
    render_table(path, "Residents' Parking Permit Application", "PK/RP/09", "Parking Services",
                 "One form per vehicle. Maximum two permits per household. Permits are valid for 12 months from "
                 "the start date.", rows)


# ---------------------------------------------------------------- layout 3: agency print
def barcode(c, x, y, w, h, seed_text):
    rr = random.Random(seed_text)
    cx = x
    c.setFillColorRGB(0, 0, 0)
    while cx < x + w:
        bw = rr.choice([0.8, 0.8, 1.6, 2.4])
        if rr.random() < 0.55:
            c.rect(cx, y, bw, h, fill=1, stroke=0)
        cx += bw + 0.8


def render_agency(path, title, code, ref, pages):
    """pages: list of list of rows; row = ('h', heading) | ('p', text) | [(label, answer, frac, lines), ...]"""
    c = new_canvas(path, title=title)
    W, H = A4
    for pi, rows in enumerate(pages):
        barcode(c, 40, H - 40, 210, 18, ref + str(pi))
        c.setFont("Courier", 7)
        c.drawString(40, H - 50, f"*{ref}-{pi + 1}*")
        c.setFont("Helvetica", 6.5)
        c.drawRightString(W - 40, H - 26, "Processed on behalf of Brackenfield Borough Council by")
        c.drawRightString(W - 40, H - 34, "Meridian Document Services Ltd, PO Box 4471, Leicester LE1 9ZZ")
        c.setFont("Helvetica-Bold", 13)
        c.drawRightString(W - 40, H - 52, title)
        c.setFont("Helvetica", 7)
        c.drawRightString(W - 40, H - 62, f"{code}   Sheet {pi + 1} of {len(pages)}")
        # black triangle registration marks
        for (mx, my) in [(18, H - 18), (W - 18, H - 18), (18, 18), (W - 18, 18)]:
            c.rect(mx - 4, my - 4, 8, 8, fill=1, stroke=0)
        y = H - 84
        for row in rows:
            if isinstance(row, tuple) and row[0] == "h":
                y -= 6
                c.setFont("Helvetica-Bold", 9.5)
                c.drawString(40, y, row[1].upper())
                c.setLineWidth(1.2)
                c.line(40, y - 3, W - 40, y - 3)
                c.setLineWidth(0.5)
                y -= 16
                continue
            if isinstance(row, tuple) and row[0] == "p":
                y = para(c, 40, y, row[1], size=7.5, width=W - 80) - 6
                continue
            if isinstance(row, tuple) and row[0] == "agency":
                c.setDash(2, 2)
                c.rect(40, y - 40, W - 80, 40)
                c.setDash()
                c.setFont("Helvetica-Bold", 6.5)
                c.drawString(46, y - 10, "AGENCY USE ONLY - DO NOT WRITE IN THIS AREA")
                c.setFont("Courier", 7)
                c.drawString(46, y - 24, f"BATCH {row[1]}   SCAN {row[2]}   OPR 07   QA [ ]")
                y -= 52
                continue
            x = 40
            tw = W - 80
            hmax = 0
            for (label, ans, frac, nl) in row:
                bw = tw * frac - (6 if frac < 1 else 0)
                c.setFont("Helvetica", 6.5)
                c.setFillColorRGB(0.25, 0.25, 0.25)
                c.drawString(x + 1, y, label.upper())
                c.setFillColorRGB(0, 0, 0)
                bh = 19 * nl + 3
                c.setLineWidth(0.5)
                c.rect(x, y - 4 - bh, bw, bh)
                if ans:
                    lines = []
                    for a in (ans if isinstance(ans, list) else [ans]):
                        lines += wrap(a, HAND, 11.5, bw - 10)
                    c.setFont(HAND, 11.5)
                    c.setFillColorRGB(0.1, 0.1, 0.35)
                    ay = y - 19
                    for ln in lines:
                        c.drawString(x + 5, ay, ln)
                        ay -= 16
                    c.setFillColorRGB(0, 0, 0)
                x += tw * frac
                hmax = max(hmax, bh)
            y -= hmax + 18
        c.setFont("Helvetica", 6)
        c.drawString(40, 24, f"{code} MDS/BBC/2026  Printed by Meridian Document Services Ltd. Return to the address above "
                             f"using the reply envelope. Do not fold across the barcode.")
        c.showPage()
    c.save()


def agency_ref(fm, tag):
    return f"BF{tag}{R.randint(100000, 999999)}"


def build_spd_agency(fm, path):
    d = fm["data"]
    ds = "agency"
    ref = d.setdefault("agency_ref", agency_ref(fm, "SPD"))
    p1 = [
        ("h", "1. Applicant"),
        [("Title", d["title"], 0.15, 1), ("Forenames", d["first"], 0.45, 1), ("Surname", d["last"], 0.40, 1)],
        [("Council tax account number", facct(d["ref"], "dash"), 0.5, 1), ("Daytime telephone", d["phone"], 0.5, 1)],
        [("Address line 1", d["address"], 1.0, 1)],
        [("Address line 2", d["l2"], 0.6, 1), ("Postcode", d["postcode"], 0.4, 1)],
        [("Town", d["town"], 0.6, 1)],
        [("Email address", d["email"], 1.0, 1)],
        ("h", "2. Discount details"),
        [("Date you became the only adult (DD . MM . YYYY)", fdate(d["since"], ds), 0.5, 1)],
        [("Full name of the other adult who has left", d["other"], 1.0, 1)],
        [("Their forwarding address", d["fwd"], 1.0, 1)],
        [("What has changed?", d["desc"], 1.0, 3)],
    ]
    p2 = [
        ("h", "3. Declaration"),
        ("p", "I apply for a single person discount. I declare that, to the best of my knowledge, the information "
              "I have given is correct. I will tell Brackenfield Borough Council within 21 days of any change. "
              "Knowingly giving false information is an offence."),
        [("Signature", d["first"].split()[0] + " " + d["last"], 0.6, 1), ("Date", fdate(d["decl"], ds), 0.4, 1)],
        ("p", "Your information is held by Brackenfield Borough Council (data controller) and processed by Meridian "
              "Document Services Ltd under contract. See brackenfield.gov.uk/privacy."),
        ("agency", f"{R.randint(2200, 2299)}", f"{R.randint(10000, 99999)}"),
    ]
    render_agency(path, "SINGLE PERSON DISCOUNT APPLICATION", "BBC-CT-SPD1", ref, [p1, p2])


def build_move_agency(fm, path):
    d = fm["data"]
    ds = "agency"
    ref = agency_ref(fm, "MOV")
    p1 = [
        ("h", "1. Your details"),
        [("Title", d["title"], 0.15, 1), ("Forenames", d["first"], 0.45, 1), ("Surname", d["last"], 0.40, 1)],
        [("Moving in or out (write IN or OUT)", d["mtype"].upper(), 0.35, 1),
         ("Date of move (DD . MM . YYYY)", fdate(d["move"], ds), 0.35, 1),
         ("Account no. (if known)", facct(d["ref"], "plain") if d["ref"] else None, 0.30, 1)],
        [("Telephone", d["phone"], 0.4, 1), ("Email address", d["email"], 0.6, 1)],
        ("h", "2. Address you are leaving"),
        [("Address line 1", d.get("prev"), 1.0, 1)],
        [("Address line 2", d.get("prev_l2"), 0.6, 1), ("Postcode", d.get("prev_pc"), 0.4, 1)],
        [("Town", d.get("prev_town"), 0.6, 1)],
        ("h", "3. Address you are moving to"),
        [("Address line 1", d["new"], 1.0, 1)],
        [("Address line 2", d["new_l2"], 0.6, 1), ("Postcode", d["new_pc"], 0.4, 1)],
        [("Town", d["new_town"], 0.6, 1)],
        ("h", "4. Declaration"),
        ("p", "I declare that the information given on this form is true and complete."),
        [("Signature", d["first"].split()[0][0] + ". " + d["last"], 0.6, 1), ("Date", fdate(d["decl"], ds), 0.4, 1)],
        ("agency", f"{R.randint(2200, 2299)}", f"{R.randint(10000, 99999)}"),
    ]
    render_agency(path, "COUNCIL TAX - CHANGE OF ADDRESS", "BBC-CT-MOV2", ref, [p1])


def build_parking_agency(fm, path):
    d = fm["data"]
    ds = "agency"
    ref = agency_ref(fm, "PRK")
    p1 = [
        ("h", "1. Applicant"),
        [("Title", d["title"], 0.15, 1), ("Forenames", d["first"], 0.45, 1), ("Surname", d["last"], 0.40, 1)],
        [("Address line 1", d["address"], 1.0, 1)],
        [("Address line 2", d["l2"], 0.6, 1), ("Postcode", d["postcode"], 0.4, 1)],
        [("Town", d["town"], 0.6, 1), ("Telephone", d["phone"], 0.4, 1)],
        [("Email address", d["email"], 1.0, 1)],
        ("h", "2. Vehicle"),
        [("Registration number", fvrm(d["vrm"], "plain"), 0.4, 1), ("Make", d["make"], 0.6, 1)],
        ("h", "3. Permit"),
        [("Permit zone", d["zone"], 0.4, 1), ("Start date (DD . MM . YYYY)", fdate(d["start"], ds), 0.6, 1)],
        ("p", "Zones: Zone 1 to Zone 5 (town centre) and Hospital. Maximum two permits per household."),
        ("h", "4. Declaration"),
        ("p", "I confirm that I am resident at the address given and that the vehicle named above is kept there."),
        [("Signature", d["first"].split()[0] + " " + d["last"], 0.6, 1),
         ("Date", fdate(d["decl"], ds) if d["decl"] else None, 0.4, 1)],
        ("agency", f"{R.randint(2200, 2299)}", f"{R.randint(10000, 99999)}"),
    ]
    render_agency(path, "RESIDENTS' PARKING PERMIT", "BBC-PK-RES3", ref, [p1])


# ---------------------------------------------------------------- layout 4: kiosk receipt
def render_kiosk(path, service, qa, stamp):
    width = 80 * 72 / 25.4
    cols = 38
    lines = []

    def centre(t):
        lines.append(("c", t))

    centre("BRACKENFIELD BOROUGH COUNCIL")
    centre("Customer Service Centre")
    centre("Self-service kiosk 03")
    centre("Market Place, Brackenfield")
    lines.append(("l", "-" * cols))
    for ln in wrap("SERVICE: " + service, MONO, 7.2, width - 20):
        lines.append(("l", ln))
    lines.append(("l", f"SESSION: K03-{stamp[0].strftime('%y%m%d')}-{R.randint(100, 999):04d}"))
    lines.append(("l", f"PRINTED: {stamp[0].strftime('%d/%m/%Y')} {stamp[1]}"))
    lines.append(("l", "-" * cols))
    for i, (q, a) in enumerate(qa, 1):
        qq = wrap(f"QUESTION {i:02d}: {q}", MONO, 7.2, width - 20)
        for ln in qq:
            lines.append(("b", ln))
        aa = wrap(f"ANSWER: {a if a else '(skipped)'}", MONO, 7.2, width - 20)
        for ln in aa:
            lines.append(("l", ln))
        lines.append(("l", ""))
    lines.append(("l", "-" * cols))
    for ln in wrap("Your answers have been sent to the Council. Keep this receipt. Decisions are "
                   "normally made within 10 working days. Tel 01773 000 431.", MONO, 7.2, width - 20):
        lines.append(("l", ln))
    centre("*** THANK YOU ***")
    height = 40 + len(lines) * 9.2 + 30
    c = new_canvas(path, size=(width, height), title="Kiosk receipt")
    y = height - 28
    for kind, t in lines:
        if kind == "c":
            c.setFont(MONOB, 7.2)
            c.drawCentredString(width / 2, y, t)
        else:
            c.setFont(MONOB if kind == "b" else MONO, 7.2)
            c.drawString(10, y, t)
        y -= 9.2
    c.save()


def build_spd_kiosk(fm, path):
    d = fm["data"]
    ds = R.choice(["dash", "iso"])
    qa = [("Council tax account number", facct(d["ref"], "plain")),
          ("Your full name", full(d)),
          ("First line of address", d["address"]),
          ("Postcode", fpc(d["postcode"], "nospace")),
          ("Date you became the only adult living there", fdate(d["since"], ds)),
          ("Name of the adult who left", d["other"]),
          ("Where did they move to", d["fwd"]),
          ("Tell us what changed", d["desc"]),
          ("Contact phone", d["phone"]),
          ("Email", d["email"]),
          ("Do you agree to the declaration", "YES"),
          ("Date of declaration", fdate(d["decl"], ds))]
    render_kiosk(path, "COUNCIL TAX - SINGLE PERSON DISCOUNT", qa, (d["decl"], f"{R.randint(9, 16)}:{R.randint(10, 59)}"))


def build_move_kiosk(fm, path):
    d = fm["data"]
    ds = R.choice(["dash", "iso", "dot"])
    qa = [("Are you moving in or out", d["mtype"].upper()),
          ("Your full name", full(d)),
          ("Council tax account number", facct(d["ref"], "plain") if d["ref"] else None),
          ("Address you are leaving (line 1)", d.get("prev")),
          ("Postcode you are leaving", fpc(d["prev_pc"], "lower") if d.get("prev_pc") else None),
          ("New address (line 1)", d["new"]),
          ("New postcode", fpc(d["new_pc"], "lower")),
          ("Date of move", fdate(d["move"], ds)),
          ("Contact phone", d["phone"]),
          ("Email", d["email"]),
          ("Do you agree to the declaration", "YES"),
          ("Date of declaration", fdate(d["decl"], ds))]
    render_kiosk(path, "COUNCIL TAX - MOVING HOME", qa, (d["decl"], f"{R.randint(9, 16)}:{R.randint(10, 59)}"))


def build_parking_kiosk(fm, path):
    d = fm["data"]
    ds = R.choice(["dash", "iso"])
    qa = [("Your full name", full(d)),
          ("First line of address", d["address"]),
          ("Postcode", fpc(d["postcode"], "nospace")),
          ("Vehicle reg.", fvrm(d["vrm"], "lower")),
          ("Vehicle make", d["make"]),
          ("Permit zone", d["zone"]),
          ("Start date", fdate(d["start"], ds)),
          ("Contact phone", d["phone"]),
          ("Email", d["email"]),
          ("Do you agree to the declaration", "YES"),
          ("Date of declaration", fdate(d["decl"], ds) if d["decl"] else None)]
    render_kiosk(path, "PARKING - RESIDENTS PERMIT", qa,
                 (d["decl"] or AS_OF - 3 * DAY, f"{R.randint(9, 16)}:{R.randint(10, 59)}"))


# ---------------------------------------------------------------- correspondence
def build_letter(fm, path):
    d = fm["data"]
    c = new_canvas(path, title="Letter")
    W, H = A4
    font = R.choice(["Times-Roman", "Helvetica"])
    y = H - 60
    if d["sender"] and d["address"]:
        block = [d["address"]] + [x for x in [d["l2"], d["town"]] if x] + [d["postcode"]]
    else:
        block = []
    c.setFont(font, 10.5)
    for ln in block:
        c.drawRightString(W - 60, y, ln)
        y -= 13
    if block:
        y -= 6
    c.drawRightString(W - 60, y, fdate(d["letter_date"], R.choice(["long", "ord"])))
    y -= 30
    for ln in ["Revenues and Customer Services" if d["topic"] == "council_tax_query" else "Customer Services",
               "Brackenfield Borough Council", "Civic Centre", "Market Place", "Brackenfield", "BF1 1AA"]:
        c.drawString(60, y, ln)
        y -= 13
    y -= 18
    c.drawString(60, y, "Dear Sir or Madam,")
    y -= 20
    if d["refs"] and d["topic"] != "council_tax_query":
        c.setFont(font.replace("-Roman", "") + "-Bold" if font == "Times-Roman" else "Helvetica-Bold", 10.5)
        c.drawString(60, y, f"Re: {d['subj']} - council tax ref {d['refs']}")
        y -= 20
    else:
        c.setFont("Times-Bold" if font == "Times-Roman" else "Helvetica-Bold", 10.5)
        c.drawString(60, y, f"Re: {d['subj']}")
        y -= 20
    for p in d["paras"]:
        y = para(c, 60, y, p, font=font, size=10.5, width=W - 120, leading=14) - 8
    y -= 6
    c.setFont(font, 10.5)
    if d["sender"]:
        c.drawString(60, y, "Yours faithfully,")
        y -= 34
        c.setFont(HAND, 14)
        c.drawString(60, y, d["sender"].split()[-2][0] + ". " + d["sender"].split()[-1])
        y -= 16
        c.setFont(font, 10.5)
        c.drawString(60, y, d["sender"])
        y -= 13
        c.drawString(60, y, f"Tel: {d['phone']}")
    else:
        c.drawString(60, y, "A very fed up resident")
    if d["slip"]:
        y0 = 190
        c.setDash(4, 3)
        c.line(30, y0, W - 30, y0)
        c.setDash()
        c.setFont("Helvetica", 7)
        c.drawString(34, y0 + 4, "- - cut here - -")
        c.setFont("Helvetica-Bold", 10)
        c.drawString(60, y0 - 22, "REPLY SLIP - Brackenfield Borough Council, Revenues")
        c.setFont("Helvetica", 8)
        c.drawString(60, y0 - 36, "Please return this slip with any letter so that we can find your account quickly.")
        rows = [("Council tax reference", d["refs"]), ("Name", d["sender"]),
                ("Property address", f"{d['address']}, {d['postcode']}")]
        yy = y0 - 60
        for lab, val in rows:
            c.setFont("Helvetica", 8.5)
            c.drawString(60, yy, lab)
            c.rect(190, yy - 5, 300, 16)
            c.setFont("Courier-Bold", 10)
            c.drawString(195, yy, val)
            yy -= 24
        c.setFont("Helvetica", 7)
        c.drawString(60, yy - 4, "Revenues, Civic Centre, Market Place, Brackenfield BF1 1AA   Form REV/RS/1")
    c.save()


def build_email(fm, path):
    d = fm["data"]
    c = new_canvas(path, title=d["subj"])
    W, H = A4
    y = H - 50
    c.setFont("Helvetica-Bold", 11)
    c.drawString(50, y, d["subj"])
    y -= 8
    c.line(50, y, W - 50, y)
    y -= 18
    frm = f"{d['sender']} <{d['from_addr']}>" if d["sender"] else d["from_addr"]
    wd = d["sent"].strftime("%A")
    for lab, val in [("From:", frm), ("Sent:", f"{wd}, {fdate(d['sent'], 'long')} {d['hhmm']}"),
                     ("To:", "customer.services@brackenfield.gov.uk"), ("Subject:", d["subj"])]:
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(50, y, lab)
        c.setFont("Helvetica", 9.5)
        c.drawString(110, y, val)
        y -= 13
    y -= 16
    for ln in d["lines"]:
        y = para(c, 50, y, ln, size=10.5, width=W - 100, leading=14) - 6
    if d["sig"]:
        y = para(c, 50, y, d["sig"], size=10.5) - 10
    y = para(c, 50, y, d["footer"], size=10.5, color=(0.35, 0.35, 0.35))
    c.setFont("Helvetica", 7)
    c.drawString(50, 30, "Printed from the Customer Services shared mailbox")
    c.save()


def corr_fields(fm):
    d = fm["data"]
    f = {"topic": d["topic"]}
    if fm["layout"] == "letter":
        if d["sender"]:
            f["sender_name"] = d["sender"]
        if d["address"]:
            f["address"] = d["address"]
            f["postcode"] = d["postcode"]
        if d["ref"]:
            f["account_ref"] = d["ref"]
        text = " ".join([fdate(d["letter_date"], "long")] + d["paras"])
        body = " ".join(d["paras"])
    else:
        if d["sender"]:
            f["sender_name"] = d["sender"]
        if d["address"]:
            f["address"] = d["address"]
            f["postcode"] = d["postcode"]
        if d["ref"]:
            f["account_ref"] = d["ref"]
        text = " ".join([fdate(d["sent"], "long")] + d["lines"])
        body = " ".join(d["lines"])
    ds = dates_in(text)
    if ds:
        f["dates_mentioned"] = ds
    f["body"] = " ".join(body.split())
    return f


README = """# Blind test set 43 - Brackenfield Borough Council

Generated by `gen.py` (seed 43043, deterministic: re-running gives byte-identical files).
Run: `python gen.py` (needs reportlab + openpyxl; uses DejaVu fonts if present).

## The council
Brackenfield Borough Council is a made-up Midlands borough: a market town (Brackenfield: Market Place,
Sheep Street, Bridge Street, Station Road...), 1960s council estates (the Hollins Estate, with maisonette
blocks Wren Court and Heron Court: `Maisonette 4, Wren Court`) and former pit villages (Skelby Moor,
Coldwell, New Denby, Ashthorpe). Postcodes are invented, area `BF` (`BF1` town centre ... `BF9` Ashthorpe).
Residents' parking zones: `Zone 1` to `Zone 5` (town centre streets) and `Hospital` (streets round the
General Hospital). Council tax references are 8 digits starting 61/62/63.

**As-of date: 2026-12-07.** Limits: backdating 365 days, forward 28 days, permit cap 2 per property,
duplicate window 90 days.

## Files
- `records.xlsx` - sheets `properties`, `council_tax_accounts`, `electoral_register`, `parking_permits`
  with exactly the columns of records.md ({n_props} properties, {n_accts} accounts, {n_el} electors, {n_perm} permits).
  Dates are real Excel dates; empty `address_line_2`, `parking_zone`, `end_date`, `discounts` cells are blank.
- `inbox/doc_NNNN.pdf` - {n_files} PDFs, shuffled neutral names.
- `truth.jsonl` - one line per PDF: `file, form_type, fields, outcome, reasons` + `layout`, `split`,
  and `duplicate_group` on the duplicate pair.

Counts: {counts}

## Layouts
1. `shaded_fields` (SPD, moving home, parking) - council-printed A4 form. Crest block and "Brackenfield /
   Borough Council" top left, form title and code (CT/SPD/14, CT/MV/2, PK/RES/1) top right, guidance
   paragraph, then a thick coloured bar per section (green/maroon/navy by form) with the section title in
   white. Labels sit in a narrow left column (wrapping onto 2 lines), answers are typed in light-grey
   shaded rectangles on the right. The property address fills a taller 2-line rectangle (line 1, then
   "locality, town"); free text wraps inside a 3-line rectangle. Unanswered optional questions are empty
   shaded boxes. Declaration paragraph, typed "signature", dashed FOR OFFICE USE ONLY box, footer with
   form code and page number. Dates `dd/mm/yyyy` (moving home: `d/m/yyyy`); account refs `6107 1048`;
   VRMs `AB12 CDE`.
2. `question_table` (SPD, moving home, parking) - a three-column ruled table: number | question (with a
   small italic guidance note under some questions) | typed answer (Courier, blue). Shaded spanning rows
   for PART/SECTION headings. Tick rows: `[X] Moving in   [ ] Moving out`, zones as two rows of
   `[ ] Zone 1 [X] Zone 2 ...`, declaration `[X] I agree`. Addresses as 2-3 lines in one cell
   (line 1, locality, town), postcode in its own row. Dates `14 March 2026` / `14th March 2026`
   (moving home may also use `dd/mm/yyyy`); account refs `CT61429197` / `6142 9197`.
3. `agency_print` (SPD 2 sheets, moving home, parking) - printed by "Meridian Document Services Ltd" on
   behalf of the council: barcode strip with a `*BFSPD571810-1*` reference top left, corner registration
   squares, small grey capital labels ABOVE each answer box (TITLE | FORENAMES | SURNAME, ADDRESS LINE 1,
   ADDRESS LINE 2 | POSTCODE, TOWN...), answers in a handwriting-like italic serif, dates
   `12 . 04 . 2026`, account refs `6244-8012`, moving in/out written `IN`/`OUT`, agency-use box.
4. `kiosk_receipt` (SPD, moving home, parking) - an 80 mm wide receipt printed by the Customer Service
   Centre self-service kiosk, monospaced: header, SERVICE/SESSION/PRINTED lines, then alternating
   `QUESTION nn: ...` (bold) / `ANSWER: ...` lines; a question the customer skipped shows
   `ANSWER: (skipped)` (the field is absent). Only the first line of each address is asked. Postcodes
   as typed (`BF62NU`, `bf6 2nu`), VRMs lower case with a space, dates `dd-mm-yyyy`, ISO, or `dd.mm.yyyy`.
   The PRINTED timestamp is the declaration date.
5. `letter` (correspondence) - a citizen's letter: sender's address block top right (line 1, locality,
   town, postcode), date, council address (Civic Centre, Market Place, Brackenfield BF1 1AA) on the left,
   "Re:" line, paragraphs, handwritten-style signature and typed name. Some carry a council tear-off
   REPLY SLIP at the bottom (dashed "cut here" line) repeating the council tax reference, name and
   property address. One anonymous letter (no name, no address).
6. `mobile_email` (correspondence) - a printed email from a phone: subject, From/Sent/To/Subject
   headers, a few short lines, first-name sign-off and "Sent from my iPhone" / "Sent from my Samsung
   Galaxy smartphone." / "Get Outlook for Android".

## Conventions where forms.md is silent
- `applicant_name` / `sender_name` = title + forenames + surname as written (agency forms: the TITLE,
  FORENAMES and SURNAME boxes joined with single spaces; no title when the box is empty). Emails: the
  display name in the From header (no display name = no sender_name).
- `address` (and `previous_address`, `new_address`) = the first line only (house number/name and
  street, e.g. `Maisonette 4, Wren Court`), even where the form prints the address over 2-3 lines.
- Moving in: the form's "address you are leaving" is filled in truth as `previous_address` /
  `previous_postcode` when the citizen gave it (usually outside the borough). Moving out: `new_address`
  / `new_postcode` is the forwarding address. `account_ref` only appears on moving-out forms.
- `zone` is the zone name as printed: `Zone 1` ... `Zone 5`, `Hospital`; `parking_zone` in the
  records uses the same strings.
- `other_adult_forwarding_address` is the single line as written (e.g. `41 Kestrel Drive, Mansfield NG18 4PW`).
- Free text that wraps over several lines is joined with single spaces.
- Correspondence `body` = the message paragraphs only (no address block, date line, salutation, "Re:"
  line, sign-off, reply slip, email headers or device footer), joined with single spaces.
  `dates_mentioned` = every full date (day month year) written in the letter/email text, including the
  letter's own date line and the email's Sent header, in order of first appearance, de-duplicated.
  `account_ref` = a council tax reference quoted in the text or on the reply slip.
- Correspondence `SENDER_UNKNOWN` read literally: no sender name, or neither an address+postcode that is
  in the gazetteer nor a quoted account that exists. A quoted reference that does not exist gives
  `ACCOUNT_NOT_FOUND` (that letter's sender address is in the gazetteer, so it is not also SENDER_UNKNOWN).
- Checks were computed in `gen.py` from the records it wrote, following forms.md literally, in inbox-name
  order. Each exception form has exactly one problem; when a check makes later checks meaningless
  (ACCOUNT_NOT_FOUND, PROPERTY_NOT_FOUND, MISSING_FIELD) only that code is listed. Names match ignoring
  titles, case and punctuation; addresses match on line 1 ignoring case/commas, plus the exact postcode.
  Permit activity is tested on both the as-of date and the requested start date (they agree for every form).
- Duplicate pair (`duplicate_group` `dup-1`): the same agency-printed SPD application scanned twice
  (different agency barcode reference, identical answers). Both lines carry outcome `duplicate_pair`
  and `reasons: []`; the pipeline should approve one and give the other `DUPLICATE_SUBMISSION`.
- `split`: `learn` on the first two approved forms of each (layout, form_type) in inbox-name order,
  `test` on everything else (including the duplicate pair).
- SPD exception types used: ACCOUNT_NOT_FOUND (digits transposed), ACCOUNT_CLOSED (reference from an old
  bill for her earlier sole account at the same address), NAME_MISMATCH (the non-liable partner applies),
  ADDRESS_MISMATCH (wrong house/maisonette number), DISCOUNT_ALREADY_APPLIED, OTHER_ADULTS_REGISTERED
  (adult son still on the register, not mentioned), DATE_TOO_OLD, INCONSISTENT_DATES (description gives
  an earlier move-out date). Moving: ACCOUNT_NOT_FOUND, NAME_MISMATCH (a grown-up son or daughter, on the register but not
  liable, reports the move), ADDRESS_MISMATCH (wrong postcode), PROPERTY_NOT_FOUND (new-build Lamplighter
  Mews, not yet in the gazetteer), DATE_IN_FUTURE, DATE_TOO_OLD. Parking: PROPERTY_NOT_FOUND,
  NOT_IN_PERMIT_ZONE, NOT_RESIDENT, INVALID_FORMAT:vrm (a current-style mark one letter short, e.g.
  `WP19KX`), VRM_HAS_PERMIT (re-application for a car that already has an active permit),
  PERMIT_CAP_REACHED (third car), DATE_IN_FUTURE, MISSING_FIELD:declaration_date (date box left blank).
  Two clean parking forms are from adult children who are on the register but not liable.
  One clean parking form uses a prefix-style mark and one a suffix-style mark.
"""


BUILDERS = {
    ("council_tax_spd", L_SH): build_spd_shaded, ("council_tax_spd", L_TB): build_spd_table,
    ("council_tax_spd", L_AG): build_spd_agency, ("council_tax_spd", L_KI): build_spd_kiosk,
    ("council_tax_move", L_SH): build_move_shaded, ("council_tax_move", L_TB): build_move_table,
    ("council_tax_move", L_AG): build_move_agency, ("council_tax_move", L_KI): build_move_kiosk,
    ("parking_permit", L_SH): build_parking_shaded, ("parking_permit", L_TB): build_parking_table,
    ("parking_permit", L_AG): build_parking_agency, ("parking_permit", L_KI): build_parking_kiosk,
    ("correspondence", "letter"): build_letter, ("correspondence", "mobile_email"): build_email,
}


# ---------------------------------------------------------------- write everything
def write_records(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "properties"
    ws.append(["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band", "ward",
               "parking_zone"])
    for p in props:
        ws.append([p["uprn"], p["line1"], p["line2"] or None, p["town"], p["postcode"], p["band"], p["ward"],
                   p["zone"] or None])
    ws = wb.create_sheet("council_tax_accounts")
    ws.append(["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"])
    for a in sorted(accounts.values(), key=lambda a: (a["uprn"], a["start"])):
        ws.append([a["ref"], a["uprn"], ";".join(a["liable"]), a["status"], a["start"], a["end"],
                   ";".join(a["discounts"]) or None])
        ws.cell(ws.max_row, 1).number_format = "@"
        ws.cell(ws.max_row, 5).number_format = "yyyy-mm-dd"
        ws.cell(ws.max_row, 6).number_format = "yyyy-mm-dd"
    ws = wb.create_sheet("electoral_register")
    ws.append(["elector_number", "full_name", "uprn"])
    for e in sorted(electors, key=lambda e: (e["num"][:2], int(e["num"][3:]))):
        ws.append([e["num"], e["name"], e["uprn"]])
    ws = wb.create_sheet("parking_permits")
    ws.append(["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"])
    for x in permits:
        ws.append([x["ref"], x["uprn"], x["vrm"], x["zone"], x["vfrom"], x["vto"]])
        ws.cell(ws.max_row, 5).number_format = "yyyy-mm-dd"
        ws.cell(ws.max_row, 6).number_format = "yyyy-mm-dd"
    for ws in wb.worksheets:
        for col in ws.columns:
            ws.column_dimensions[col[0].column_letter].width = max(10, min(45, max(len(str(v.value or "")) for v in col) + 2))
    wb.save(path)
    # make the workbook byte-for-byte reproducible: fixed document dates and zip timestamps
    import zipfile
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if name == "docProps/core.xml":
                data = re.sub(rb"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z", b"2026-12-07T08:00:00Z", data)
            zi = zipfile.ZipInfo(name, date_time=(2026, 12, 7, 8, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


def main():
    inbox = os.path.join(HERE, "inbox")
    if os.path.isdir(inbox):
        shutil.rmtree(inbox)
    os.makedirs(inbox)
    # electoral register numbers must be unique
    nums = [e["num"] for e in electors]
    assert len(nums) == len(set(nums))
    order = list(range(len(FORMS)))
    R.shuffle(order)
    for i, fi in enumerate(order, 1):
        FORMS[fi]["file"] = f"doc_{i:04d}.pdf"
    seq = sorted(FORMS, key=lambda f: f["file"])
    # build correspondence fields
    for fm in FORMS:
        if fm["ft"] == "correspondence":
            fm["fields"] = corr_fields(fm)
    # verify expected reasons against the records, processing in inbox order
    seen = set()
    for fm in seq:
        got = check(fm["ft"], fm["fields"], seen)
        if fm["group"]:
            assert got in ([], ["DUPLICATE_SUBMISSION"]), (fm["file"], got)
            fm["outcome"], fm["reasons"] = "duplicate_pair", []
            continue
        assert got == fm["expect"], (fm["file"], fm["ft"], fm["layout"], fm["expect"], got)
        fm["reasons"] = got
        fm["outcome"] = "approved" if not got else "exception"
    # render
    for fm in seq:
        BUILDERS[(fm["ft"], fm["layout"])](fm, os.path.join(inbox, fm["file"]))
    # splits
    cnt = {}
    for fm in seq:
        k = (fm["layout"], fm["ft"])
        if fm["outcome"] == "approved" and cnt.get(k, 0) < 2:
            fm["split"] = "learn"
            cnt[k] = cnt.get(k, 0) + 1
        else:
            fm["split"] = "test"
    with open(os.path.join(HERE, "truth.jsonl"), "w") as fh:
        for fm in seq:
            o = {"file": fm["file"], "form_type": fm["ft"], "fields": fm["fields"], "outcome": fm["outcome"],
                 "reasons": fm["reasons"], "layout": fm["layout"], "split": fm["split"]}
            if fm["group"]:
                o["duplicate_group"] = fm["group"]
            fh.write(json.dumps(o, ensure_ascii=False) + "\n")
    write_records(os.path.join(HERE, "records.xlsx"))
    from collections import Counter
    oc = Counter(f["outcome"] for f in seq)
    ty = Counter(f["ft"] for f in seq)
    counts = (", ".join(f"{k} {v}" for k, v in sorted(ty.items())) + "; outcomes: " +
              ", ".join(f"{k} {v}" for k, v in sorted(oc.items())) + "; splits: " +
              ", ".join(f"{k} {v}" for k, v in sorted(Counter(f["split"] for f in seq).items())))
    with open(os.path.join(HERE, "README.md"), "w") as fh:
        fh.write(README.format(n_props=len(props), n_accts=len(accounts), n_el=len(electors), n_perm=len(permits),
                               n_files=len(seq), counts=counts))
    # summary
    print("files", len(seq))
    print("outcomes", Counter(f["outcome"] for f in seq))
    print("types", Counter(f["ft"] for f in seq))
    print("layouts", Counter(f["layout"] for f in seq))
    print("reasons", Counter(r for f in seq for r in f["reasons"]))
    print("records", len(props), "properties", len(accounts), "accounts", len(electors), "electors",
          len(permits), "permits")


if __name__ == "__main__":
    main()
