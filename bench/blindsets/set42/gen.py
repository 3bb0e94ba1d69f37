#!/usr/bin/env python3
"""Blind test set generator for Formwork: Lowmarsh Borough Council (set42, seed 42042).

Writes next to itself: records.xlsx, inbox/doc_NNNN.pdf, truth.jsonl.
Deterministic: same seed -> same records, same PDFs (reportlab invariant mode).
"""
import os, re, json, random, zlib, datetime as dt
from reportlab.pdfgen import canvas
from reportlab.lib.pagesizes import A4
from reportlab.lib.colors import HexColor, black, white, Color
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 42042
AS_OF = dt.date(2026, 12, 7)
R = random.Random(SEED)
D = dt.date
W, H = A4

HAVE_DEJAVU = False
for _p in ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",):
    if os.path.exists(_p):
        pdfmetrics.registerFont(TTFont("DejaVu", _p))
        HAVE_DEJAVU = True

# ----------------------------------------------------------------------------- names
FEMALE = ("Joan Margaret Susan Karen Linda Helen Claire Emma Sophie Chloe Hannah Rachel Deborah Patricia "
          "Gillian Janet Elaine Tracey Nicola Amy Lauren Megan Abigail Wendy Pauline Sandra Beverley Lorraine "
          "Fiona Alison Jessica Katie Lucy Ellie Maureen Brenda Sheila Valerie Carol Dawn").split()
MALE = ("David John Michael Peter Robert Stephen Paul Mark Andrew Gary Kevin Neil Simon Darren Lee Craig Jamie "
        "Ryan Liam Callum Thomas Daniel Matthew Oliver George Harry Ian Keith Trevor Colin Derek Graham Barry "
        "Roger Alan Martin Stuart Dean Wayne Nigel").split()
SURN = ("Pickering Hollis Barker Thrower Gedge Catchpole Hewitt Mayhew Bloomfield Seago Cossey Grimmer Howlett "
        "Bunn Leggett Youngs Rix Fiske Nobbs Utting Chilvers Gotts Pegg Riches Sayer Thirtle Tooke Wegg Brundle "
        "Amies Larter Mallett Ling Spinks Thurston Wymer Eastaugh Harrison Kemp Moore Turner Cooper Clarke Walker "
        "Wright Green Hall Wood Baxter Carter Fisher Marshall Lambert Ellis Dawson Holmes Page Hunt Reeve Sadler "
        "Tuck Gooch Flatt Kerrison Bird Crisp Nichols Aldous Gowing Hipperson Lake Rushmer Self Stannard Warnes "
        "Hubbard Jarvis Gray").split()

USED_NAMES = set()
GENDER = {}


def new_person(surname=None, sex=None):
    for _ in range(1000):
        sx = sex or R.choice("FM")
        fn = R.choice(FEMALE if sx == "F" else MALE)
        sn = surname or R.choice(SURN)
        n = f"{fn} {sn}"
        if n not in USED_NAMES:
            USED_NAMES.add(n)
            GENDER[n] = sx
            return n
    raise RuntimeError("names exhausted")


def titled(name, p=0.5):
    """Name as a citizen might type it, maybe with a title."""
    if R.random() >= p:
        return name
    sx = GENDER.get(name, "F")
    t = R.choice(["Mrs", "Ms", "Miss", "Mrs", "Dr"]) if sx == "F" else R.choice(["Mr", "Mr", "Mr", "Dr"])
    return f"{t} {name}"


# ----------------------------------------------------------------------------- gazetteer
# name, town, ward, district, sector, zone, kind, count
STREETS = [
    ("Marine Parade", "Lowmarsh", "Seafront", "LM1", 1, "SA", "flats", 12),
    ("Esplanade", "Lowmarsh", "Seafront", "LM1", 2, "SA", "guest", 12),
    ("North Promenade", "Lowmarsh", "Seafront", "LM2", 1, "SB", "mixed", 12),
    ("Cliff Road", "Lowmarsh", "Seafront", "LM2", 3, "SB", "house", 14),
    ("Church Street", "Lowmarsh", "Old Town", "LM3", 1, "OT", "house", 14),
    ("Fish Lane", "Lowmarsh", "Old Town", "LM3", 2, "OT", "house", 12),
    ("Market Row", "Lowmarsh", "Old Town", "LM3", 4, "OT", "house", 10),
    ("Gorse Avenue", "Lowmarsh", "Kingsway", "LM5", 3, "", "semi", 18),
    ("Beacon Way", "Lowmarsh", "Kingsway", "LM5", 4, "", "semi", 14),
    ("Kingsway", "Lowmarsh", "Kingsway", "LM8", 1, "", "semi", 16),
    ("Marram Close", "Saltmere", "Saltmere", "LM6", 2, "", "house", 12),
    ("Sandpiper Holiday Park", "Saltmere", "Saltmere", "LM9", 7, "", "chalet", 16),
    ("Dyke Lane", "Fenby", "Fenby", "LM7", 5, "", "house", 12),
]
GUEST_NAMES = ["Seaview Guest House", "The Anchorage", "Sea Breeze", "Gull Cottage Guest House", "The Mariners",
               "Sandcastle Lodge", "Harbour Lights"]
UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
WARD_CODE = {"Seafront": "SF", "Old Town": "OT", "Kingsway": "KW", "Saltmere": "SM", "Fenby": "FB"}

PROPS = []          # dicts
USED_PC = set()


def new_unit(district, sector):
    while True:
        pc = f"{district} {sector}{R.choice(UNIT_LETTERS)}{R.choice(UNIT_LETTERS)}"
        if pc not in USED_PC:
            USED_PC.add(pc)
            return pc


def build_gazetteer():
    uprn = 100091204000
    for (st, town, ward, dist, sec, zone, kind, count) in STREETS:
        units = []
        nums = list(range(1, count + 1)) if kind != "flats" else list(range(2, 2 * count + 1, 2))
        if st == "Kingsway":
            USED_PC.add("LM8 1RS")
            units = ["LM8 1RS"]
        for i, n in enumerate(nums):
            if i % 6 == 0 and not (st == "Kingsway" and i == 0):
                units.append(new_unit(dist, sec))
            pc = units[-1]
            band = R.choice("ABBBCCCDDE" if kind in ("semi", "chalet", "flats") else "BCCDDEEFG")
            sub = [""]
            if kind == "flats" and i % 3 == 1:
                sub = ["Ground Floor Flat", "First Floor Flat", "Second Floor Flat"]
            if kind == "mixed" and i % 4 == 2:
                sub = ["Flat 1", "Flat 2"]
            for s in sub:
                line1 = f"{n} {st}"
                line2 = s
                pkind = "flat" if s else kind
                if kind == "guest" and i % 2 == 0:
                    line2 = GUEST_NAMES[(i // 2) % len(GUEST_NAMES)]
                    pkind = "guest"
                if kind == "chalet":
                    line1 = f"Chalet {n}, Sandpiper Holiday Park"
                    line2 = "Dunes Road"
                if s:
                    band = R.choice("AAB")
                PROPS.append(dict(uprn=uprn, line1=line1, line2=line2, town=town, postcode=pc,
                                  band=band, ward=ward, zone=zone, kind=pkind, street=st))
                uprn += 7


def written_addr(p):
    """First line of the address as a resident writes it."""
    if p["kind"] == "flat":
        return f"{p['line2']}, {p['line1']}"
    return p["line1"]


# ----------------------------------------------------------------------------- accounts / register / permits
ACCOUNTS = {}       # ref -> dict
ELECTORS = []       # dicts
PERMITS = []        # dicts
USED_REFS = set()
ELECTOR_SEQ = {}
PERMIT_SEQ = [100]
USED_VRMS = set()


def new_ref():
    while True:
        r = f"{R.choice(['41', '42', '43'])}{R.randint(0, 999999):06d}"
        if r not in USED_REFS:
            USED_REFS.add(r)
            return r


def add_elector(name, p):
    code = WARD_CODE[p["ward"]]
    ELECTOR_SEQ[code] = ELECTOR_SEQ.get(code, 0) + R.randint(1, 9)
    ELECTORS.append(dict(elector_number=f"{code}-{ELECTOR_SEQ[code]:04d}", full_name=name, uprn=p["uprn"]))


CURRENT_LETTERS = "ABCDEFGHJKLMNOPRSTUVWXY"


def new_vrm(style="current"):
    while True:
        if style == "current":
            v = (R.choice("ABDEFGHKLMNOPRSVWY") + R.choice(CURRENT_LETTERS) + R.choice(["15", "16", "65", "17", "67", "18", "68", "19", "69", "20", "70", "21", "71", "22", "72", "23", "73", "24", "74", "25", "75"])
                 + "".join(R.choice("ABCDEFGHJKLMNOPRSTUVWXYZ") for _ in range(3)))
        elif style == "suffix":
            v = "".join(R.choice("ABCDEFGHJKLMNPRSTUVWXY") for _ in range(3)) + str(R.randint(1, 999)) + R.choice("ABCDEFGHJKLMNPRSTVWXY")
        else:  # prefix
            v = R.choice("ABCDEFGHJKLMNPRSTVWXY") + str(R.randint(1, 999)) + "".join(R.choice("ABCDEFGHJKLMNPRSTUVWXY") for _ in range(3))
        if v not in USED_VRMS:
            USED_VRMS.add(v)
            return v


def add_permit(p, vrm, start, end):
    PERMIT_SEQ[0] += R.randint(1, 40)
    PERMITS.append(dict(permit_ref=f"LMP/{start.year % 100:02d}/{PERMIT_SEQ[0]:05d}", uprn=p["uprn"], vrm=vrm,
                        zone=p["zone"], valid_from=start, valid_to=end))


def rand_date(a, b):
    return a + dt.timedelta(days=R.randint(0, (b - a).days))


def reset(p):
    """Remove every record attached to a property (scenario will rebuild it)."""
    for ref in [r for r, a in ACCOUNTS.items() if a["uprn"] == p["uprn"]]:
        del ACCOUNTS[ref]
    ELECTORS[:] = [e for e in ELECTORS if e["uprn"] != p["uprn"]]
    PERMITS[:] = [x for x in PERMITS if x["uprn"] != p["uprn"]]


def add_account(p, liable, status="active", start=None, end=None, discounts=""):
    ref = new_ref()
    start = start or rand_date(D(2006, 4, 1), D(2025, 10, 1))
    ACCOUNTS[ref] = dict(account_ref=ref, uprn=p["uprn"], liable=list(liable), status=status,
                         start_date=start, end_date=end, discounts=discounts)
    return ref


def base_households():
    for p in PROPS:
        if R.random() < 0.08:   # void / empty property, maybe with a closed account
            if R.random() < 0.6:
                s = rand_date(D(2012, 1, 1), D(2022, 1, 1))
                add_account(p, [new_person()], "closed", s, rand_date(D(2023, 1, 1), D(2026, 9, 1)))
            continue
        if R.random() < 0.2:
            s = rand_date(D(2005, 1, 1), D(2015, 1, 1))
            e = rand_date(D(2016, 1, 1), D(2024, 12, 1))
            add_account(p, [new_person()], "closed", s, e)
            start = e + dt.timedelta(days=R.randint(1, 40))
        else:
            start = None
        sn = R.choice(SURN)
        a = new_person(sn)
        liable = [a]
        if R.random() < 0.55:
            liable.append(new_person(sn if R.random() < 0.7 else None))
        electors = list(liable) if p["kind"] != "chalet" or R.random() < 0.5 else []
        if R.random() < 0.15 and electors:
            electors.append(new_person(sn))
        disc = "SPD" if len(liable) == 1 and len(electors) <= 1 and R.random() < 0.5 else ""
        add_account(p, liable, "active", start, None, disc)
        for n in electors:
            add_elector(n, p)
        if p["zone"] and electors:
            k = R.choice([0, 0, 1, 1, 1, 2])
            for _ in range(k):
                if R.random() < 0.25:
                    s = rand_date(D(2024, 1, 1), D(2025, 6, 1))
                else:
                    s = rand_date(D(2026, 1, 1), D(2026, 11, 20))
                add_permit(p, new_vrm(R.choice(["current"] * 5 + ["suffix", "prefix"])), s,
                           s + dt.timedelta(days=364))


USED_PROPS = set()


def pick(pred=lambda p: True):
    cands = [p for p in PROPS if p["uprn"] not in USED_PROPS and pred(p)]
    p = R.choice(cands)
    USED_PROPS.add(p["uprn"])
    return p


def acc_for(p, status="active"):
    return [a for a in ACCOUNTS.values() if a["uprn"] == p["uprn"] and a["status"] == status]


# ----------------------------------------------------------------------------- value display helpers
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def ordinal(n):
    return f"{n}{'th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def fmt_date(d, style):
    return {
        "slash": f"{d.day:02d}/{d.month:02d}/{d.year}",
        "slash_short": f"{d.day}/{d.month}/{d.year}",
        "dash": f"{d.day:02d}-{d.month:02d}-{d.year}",
        "dot": f"{d.day:02d}.{d.month:02d}.{d.year}",
        "long": f"{d.day} {MONTHS[d.month - 1]} {d.year}",
        "ordinal": f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}",
        "us": f"{MONTHS[d.month - 1]} {d.day}, {d.year}",
        "iso": d.isoformat(),
    }[style]


DATE_STYLES = {
    "boxed": ["slash", "slash", "long", "slash_short"],
    "tickcols": ["dash", "iso", "slash", "dash"],
    "underline": ["ordinal", "long", "slash", "ordinal", "us"],
    "typewriter": ["dot", "slash", "dot", "slash_short"],
}


def disp_date(d, layout):
    return fmt_date(d, R.choice(DATE_STYLES[layout]))


def disp_pc(pc):
    r = R.random()
    if r < 0.7:
        return pc
    if r < 0.85:
        return pc.replace(" ", "")
    return pc.lower()


def disp_ref(ref, layout):
    r = R.random()
    if layout == "typewriter":
        return R.choice([ref, f"{ref[:4]} {ref[4:]}", f"CT{ref}"])
    if r < 0.45:
        return ref
    if r < 0.7:
        return f"{ref[:4]} {ref[4:]}"
    if r < 0.85:
        return f"CT{ref}"
    return f"{ref[:4]}-{ref[4:]}"


def disp_vrm(v):
    m = re.fullmatch(r"([A-Z]{2}\d{2})([A-Z]{3})", v)
    spaced = f"{m.group(1)} {m.group(2)}" if m else v
    if not m:
        m2 = re.fullmatch(r"([A-Z]{3})(\d{1,3}[A-Z])", v) or re.fullmatch(r"([A-Z]\d{1,3})([A-Z]{3})", v)
        if m2:
            spaced = f"{m2.group(1)} {m2.group(2)}"
    r = R.random()
    if r < 0.65:
        return spaced
    if r < 0.8:
        return v
    return spaced.lower()


PHONES = ["01632 960", "07700 900", "07700 900", "01632 961"]


def new_phone():
    return f"{R.choice(PHONES)}{R.randint(0, 999):03d}"


def new_email(name):
    fn, sn = name.split()[-2], name.split()[-1]
    dom = R.choice(["btinternet.com", "gmail.com", "outlook.com", "yahoo.co.uk", "lowmarshmail.co.uk"])
    return R.choice([f"{fn.lower()}.{sn.lower()}@{dom}", f"{fn[0].lower()}{sn.lower()}{R.randint(1, 99)}@{dom}",
                     f"{sn.lower()}{fn.lower()}@{dom}"])


FORWARDING = [("14 Bramble Road", "Norwich", "NR3 2PL"), ("Flat 6, Wensum Court", "Norwich", "NR2 4TB"),
              ("27 St Helens Road", "Ipswich", "IP4 2LA"), ("3 Kirkley Cliff Road", "Lowestoft", "NR33 0DB"),
              ("88 Northgate Street", "Great Yarmouth", "NR30 1BP"), ("11 Mill Road", "Cambridge", "CB1 2AD"),
              ("45 Station Road", "Diss", "IP22 4HT"), ("9 The Causeway", "Kings Lynn", "PE30 2JQ"),
              ("2 Orchard Close", "Colchester", "CO4 3WA"), ("19 Vicarage Lane", "Beccles", "NR34 9AB"),
              ("6 Heron Walk", "Bury St Edmunds", "IP33 3XU"), ("31 Lime Tree Avenue", "Peterborough", "PE1 2NL"),
              ("The Old Forge, Low Street", "Halesworth", "IP19 8EJ"), ("5 Jubilee Terrace", "Cromer", "NR27 9HE")]
FWD_I = [0]


def next_fwd():
    f = FORWARDING[FWD_I[0] % len(FORWARDING)]
    FWD_I[0] += 1
    return f


VEHICLES = ["Ford Fiesta", "Vauxhall Corsa", "Volkswagen Golf", "Toyota Yaris", "Nissan Qashqai", "Kia Sportage",
            "Ford Focus", "Skoda Octavia", "Honda Jazz", "Peugeot 208", "MINI Cooper", "Hyundai i10",
            "Renault Clio", "Citroen C3", "Volvo XC40", "Dacia Sandero", "Fiat 500", "Land Rover Defender"]


# ----------------------------------------------------------------------------- matching helpers (used to compute truth)
TITLES = {"mr", "mrs", "ms", "miss", "dr", "mx"}


def nm(name):
    toks = re.sub(r"[.,]", " ", name or "").lower().split()
    while toks and toks[0] in TITLES:
        toks = toks[1:]
    return " ".join(toks)


def na(addr):
    return re.sub(r"[^a-z0-9]+", " ", (addr or "").lower()).strip()


def addr_is(p, addr, pc):
    if pc != p["postcode"]:
        return False
    ok = {na(written_addr(p))}
    if p["kind"] != "flat":
        ok.add(na(p["line1"]))
    return na(addr) in ok


def lookup(addr, pc):
    hits = [p for p in PROPS if addr_is(p, addr, pc)]
    return hits[0] if len(hits) == 1 else None


def prop_by_uprn(u):
    return next(p for p in PROPS if p["uprn"] == u)


def active_permits(uprn=None, vrm=None, day=AS_OF):
    return [x for x in PERMITS if (uprn is None or x["uprn"] == uprn) and (vrm is None or x["vrm"] == vrm)
            and x["valid_from"] <= day <= x["valid_to"]]


VRM_RE = [r"[A-Z]{2}[0-9]{2}[A-Z]{3}", r"[A-Z][0-9]{1,3}[A-Z]{3}", r"[A-Z]{3}[0-9]{1,3}[A-Z]"]
LIMIT_BACK, LIMIT_FWD, CAP = 365, 28, 2


def iso(d):
    return d.isoformat() if d else None


def compute_reasons(f):
    """forms.md's checks, applied literally to the records written by this script."""
    t, F = f["type"], f["fields"]
    rs = []
    g = lambda k: F.get(k)
    dd = lambda k: dt.date.fromisoformat(F[k]) if F.get(k) else None
    if t == "council_tax_spd":
        for k in ["account_ref", "applicant_name", "address", "postcode", "sole_adult_since", "declaration_date"]:
            if not g(k):
                rs.append(f"MISSING_FIELD:{k}")
        acc = ACCOUNTS.get(g("account_ref")) if g("account_ref") else None
        if g("account_ref") and not acc:
            rs.append("ACCOUNT_NOT_FOUND")
        if acc:
            if acc["status"] == "closed":
                rs.append("ACCOUNT_CLOSED")
            if nm(g("applicant_name")) not in {nm(x) for x in acc["liable"]}:
                rs.append("NAME_MISMATCH")
            if not addr_is(prop_by_uprn(acc["uprn"]), g("address"), g("postcode")):
                rs.append("ADDRESS_MISMATCH")
            if "SPD" in acc["discounts"].split(";"):
                rs.append("DISCOUNT_ALREADY_APPLIED")
        uprns = {acc["uprn"]} if acc else set()
        lp = lookup(g("address"), g("postcode"))
        if lp:
            uprns.add(lp["uprn"])
        keep = {nm(g("applicant_name")), nm(g("other_adult_name"))}
        if any(e["uprn"] in uprns and nm(e["full_name"]) not in keep for e in ELECTORS):
            rs.append("OTHER_ADULTS_REGISTERED")
        s = dd("sole_adult_since")
        if s and s > AS_OF:
            rs.append("DATE_IN_FUTURE")
        if s and (AS_OF - s).days > LIMIT_BACK:
            rs.append("DATE_TOO_OLD")
        if f.get("desc_date") and s and f["desc_date"] != s:
            rs.append("INCONSISTENT_DATES")
    elif t == "council_tax_move":
        req = ["move_type", "applicant_name", "move_date", "declaration_date"]
        req += ["account_ref", "previous_address", "previous_postcode"] if g("move_type") == "out" else ["new_address", "new_postcode"]
        for k in req:
            if not g(k):
                rs.append(f"MISSING_FIELD:{k}")
        if g("new_postcode") and not re.fullmatch(r"[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}", g("new_postcode")):
            rs.append("INVALID_FORMAT:new_postcode")
        if g("move_type") == "out":
            acc = ACCOUNTS.get(g("account_ref")) if g("account_ref") else None
            if g("account_ref") and not acc:
                rs.append("ACCOUNT_NOT_FOUND")
            if acc:
                if nm(g("applicant_name")) not in {nm(x) for x in acc["liable"]}:
                    rs.append("NAME_MISMATCH")
                if not addr_is(prop_by_uprn(acc["uprn"]), g("previous_address"), g("previous_postcode")):
                    rs.append("ADDRESS_MISMATCH")
        else:
            if not lookup(g("new_address"), g("new_postcode")):
                rs.append("PROPERTY_NOT_FOUND")
        m = dd("move_date")
        if m and (m - AS_OF).days > LIMIT_FWD:
            rs.append("DATE_IN_FUTURE")
        if m and (AS_OF - m).days > LIMIT_BACK:
            rs.append("DATE_TOO_OLD")
    elif t == "parking_permit":
        for k in ["applicant_name", "address", "postcode", "vrm", "zone", "start_date", "declaration_date"]:
            if not g(k):
                rs.append(f"MISSING_FIELD:{k}")
        p = lookup(g("address"), g("postcode"))
        if not p:
            rs.append("PROPERTY_NOT_FOUND")
        else:
            if not p["zone"] or p["zone"] != g("zone"):
                rs.append("NOT_IN_PERMIT_ZONE")
            liable = {nm(x) for a in ACCOUNTS.values() if a["uprn"] == p["uprn"] and a["status"] == "active" for x in a["liable"]}
            reg = {nm(e["full_name"]) for e in ELECTORS if e["uprn"] == p["uprn"]}
            if nm(g("applicant_name")) not in liable | reg:
                rs.append("NOT_RESIDENT")
        v = g("vrm")
        if v and not any(re.fullmatch(x, v) for x in VRM_RE):
            rs.append("INVALID_FORMAT:vrm")
        if v and active_permits(vrm=v):
            rs.append("VRM_HAS_PERMIT")
        if p and len(active_permits(uprn=p["uprn"])) >= CAP:
            rs.append("PERMIT_CAP_REACHED")
        s = dd("start_date")
        if s and (s - AS_OF).days > LIMIT_FWD:
            rs.append("DATE_IN_FUTURE")
    elif t == "correspondence":
        known = False
        if g("address") and g("postcode") and lookup(g("address"), g("postcode")):
            known = True
        if g("account_ref") and g("account_ref") in ACCOUNTS:
            known = True
        if not g("sender_name") or not known:
            rs.append("SENDER_UNKNOWN")
        if g("account_ref") and g("account_ref") not in ACCOUNTS:
            rs.append("ACCOUNT_NOT_FOUND")
    return rs


# ----------------------------------------------------------------------------- scenarios
def bad_ref(ref):
    s = list(ref)
    for i in range(2, 7):
        if s[i] != s[i + 1]:
            t = s[:]
            t[i], t[i + 1] = t[i + 1], t[i]
            r = "".join(t)
            if r not in USED_REFS:
                return r
    raise RuntimeError


def decl_after(d0, lo=3, hi=40):
    a = max(d0, AS_OF - dt.timedelta(days=hi))
    return rand_date(a, AS_OF - dt.timedelta(days=1 if lo else 0))


def person_fields(F, disp, name, with_contact=0.6):
    F["applicant_name"] = disp["applicant_name"] = titled(name)
    if R.random() < with_contact:
        F["phone"] = disp["phone"] = new_phone()
    if R.random() < with_contact:
        F["email"] = disp["email"] = new_email(name)


def set_addr(F, disp, p, ak="address", pk="postcode", tk="town"):
    F[ak] = disp[ak] = written_addr(p)
    F[pk] = p["postcode"]
    disp[pk] = disp_pc(p["postcode"])
    disp[tk] = p["town"]


def set_date(F, disp, key, d, layout):
    if d is None:
        return
    F[key] = d.isoformat()
    disp[key] = disp_date(d, layout)


def spd_form(layout, kind):
    F, disp = {}, {}
    f = dict(type="council_tax_spd", layout=layout, fields=F, disp=disp, kind=kind)
    p = pick(lambda p: p["kind"] != "chalet")
    reset(p)
    sn = R.choice(SURN)
    A = new_person(sn)
    since = rand_date(AS_OF - dt.timedelta(days=300), AS_OF - dt.timedelta(days=12))
    other, desc, desc_date = None, None, None
    variant = R.choice(["split", "split", "child", "bereaved"])
    if kind == "INCONSISTENT_DATES":
        variant = "split"
    if kind in ("DATE_TOO_OLD",):
        since = rand_date(D(2025, 3, 1), D(2025, 10, 31))
    if kind in ("NAME_MISMATCH",):
        M = new_person(sn, "F")
        add_account(p, [M])
        add_elector(M, p)
        add_elector(A, p)
        other = M
        desc = f"My mother {M.split()[0]} has moved permanently into Beachcroft Care Home and I now live here on my own."
    elif kind == "ACCOUNT_CLOSED":
        B = new_person(sn)
        end = rand_date(D(2026, 2, 1), D(2026, 6, 30))
        old = add_account(p, [A, B], "closed", rand_date(D(2010, 1, 1), D(2020, 1, 1)), end)
        add_account(p, [A], "active", end + dt.timedelta(days=1))
        add_elector(A, p)
        since = end
        other = B
        desc = "We separated and my ex-partner moved out. I have kept the old bill reference."
        f["use_ref"] = old
    elif kind == "OTHER_ADULTS_REGISTERED":
        B = new_person(sn)
        C = new_person(sn)
        add_account(p, [A, B])
        for n in (A, B, C):
            add_elector(n, p)
        other = B
        desc = "My partner and I have split up and they have moved out."
    elif kind == "DISCOUNT_ALREADY_APPLIED":
        add_account(p, [A], discounts="SPD")
        add_elector(A, p)
        other = new_person(sn, "M")
        desc = "My grown-up son has moved out to live with his girlfriend."
    else:
        if variant == "split":
            B = new_person(sn if R.random() < 0.6 else None)
            add_account(p, [A, B])
            add_elector(A, p)
            add_elector(B, p)
            other = B
            if R.random() < 0.5 or kind == "INCONSISTENT_DATES":
                desc_date = since
                if kind == "INCONSISTENT_DATES":
                    desc_date = since - dt.timedelta(days=R.randint(18, 45))
                desc = R.choice([
                    "My husband moved out on {d} and we are now divorcing.",
                    "My partner moved out on {d}. We have separated and they will not be returning.",
                    "Following our separation my wife left the property on {d}.",
                ]).format(d=fmt_date(desc_date, R.choice(["long", "ordinal", "slash"])))
            else:
                desc = R.choice(["We have separated and my partner has moved away permanently.",
                                 "My partner has left and now rents a flat elsewhere.",
                                 "Relationship ended - the other joint occupier no longer lives here."])
        elif variant == "child":
            add_account(p, [A])
            add_elector(A, p)
            C = new_person(sn)
            other = C if R.random() < 0.6 else None
            desc = R.choice(["My daughter has moved away to university and is not coming back to live here.",
                             "My son has left home to join the Army.",
                             "My lodger moved out and I have not taken in anyone else."])
        else:
            B = new_person(sn, "M")
            add_account(p, [A, B])
            add_elector(A, p)
            desc_date = since
            desc = f"My husband {B} passed away on {fmt_date(since, R.choice(['long', 'ordinal']))}."
    accs = acc_for(p, "active")
    ref = f.get("use_ref") or accs[0]["account_ref"]
    if kind == "ACCOUNT_NOT_FOUND":
        ref = bad_ref(ref)
    F["account_ref"] = ref
    disp["account_ref"] = disp_ref(ref, layout)
    person_fields(F, disp, A)
    if kind == "ADDRESS_MISMATCH":
        p2 = pick(lambda q: q["kind"] not in ("chalet",))
        reset(p2)
        set_addr(F, disp, p2)
    else:
        set_addr(F, disp, p)
    set_date(F, disp, "sole_adult_since", since, layout)
    if other:
        F["other_adult_name"] = disp["other_adult_name"] = titled(other, 0.3)
        if R.random() < 0.7 and kind != "NAME_MISMATCH":
            fw = next_fwd()
            F["other_adult_forwarding_address"] = disp["other_adult_forwarding_address"] = f"{fw[0]}, {fw[1]}, {fw[2]}"
        elif kind == "NAME_MISMATCH":
            F["other_adult_forwarding_address"] = disp["other_adult_forwarding_address"] = "Beachcroft Care Home, 2 Cliff Road, Lowmarsh"
    if desc:
        F["change_description"] = disp["change_description"] = desc
    f["desc_date"] = desc_date
    set_date(F, disp, "declaration_date", decl_after(since), layout)
    f["band"] = p["band"]
    return f


def move_form(layout, kind, mtype):
    F, disp = {}, {}
    f = dict(type="council_tax_move", layout=layout, fields=F, disp=disp, kind=kind)
    F["move_type"] = mtype
    if mtype == "out":
        p = pick(lambda p: True)
        reset(p)
        sn = R.choice(SURN)
        A = new_person(sn)
        liable = [A] + ([new_person(sn)] if R.random() < 0.5 else [])
        ref = add_account(p, liable)
        for n in liable:
            add_elector(n, p)
        applicant = A
        if kind == "NAME_MISMATCH":
            applicant = new_person(sn)
            add_elector(applicant, p)
        if kind == "ACCOUNT_NOT_FOUND":
            ref = bad_ref(ref)
        F["account_ref"] = ref
        disp["account_ref"] = disp_ref(ref, layout)
        person_fields(F, disp, applicant)
        set_addr(F, disp, p, "previous_address", "previous_postcode", "previous_town")
        fw = next_fwd()
        F["new_address"] = disp["new_address"] = fw[0]
        disp["new_town"] = fw[1]
        F["new_postcode"] = fw[2]
        disp["new_postcode"] = disp_pc(fw[2])
        md = rand_date(AS_OF - dt.timedelta(days=60), AS_OF + dt.timedelta(days=20))
        if kind == "DATE_IN_FUTURE":
            md = AS_OF + dt.timedelta(days=R.randint(50, 95))
        f["tenure"] = R.choice(["Tenant", "Owner", "Tenant (private rented)"])
    else:
        sn = R.choice(SURN)
        A = new_person(sn)
        person_fields(F, disp, A)
        md = rand_date(AS_OF - dt.timedelta(days=45), AS_OF + dt.timedelta(days=25))
        if kind == "DATE_TOO_OLD":
            md = rand_date(D(2025, 5, 1), D(2025, 10, 31))
        if kind == "PROPERTY_NOT_FOUND":
            while True:
                pc = f"LM1 9{R.choice(UNIT_LETTERS)}{R.choice(UNIT_LETTERS)}"
                if pc not in USED_PC:
                    USED_PC.add(pc)
                    break
            F["new_address"] = disp["new_address"] = f"Flat {R.randint(2, 9)}, 1 Harbour Mews"
            F["new_postcode"] = pc
            disp["new_postcode"] = disp_pc(pc)
            disp["new_town"] = "Lowmarsh"
        else:
            p = pick(lambda p: True)
            reset(p)
            if R.random() < 0.6:
                add_account(p, [new_person()], "closed", rand_date(D(2012, 1, 1), D(2020, 1, 1)),
                            md - dt.timedelta(days=R.randint(1, 60)))
            set_addr(F, disp, p, "new_address", "new_postcode", "new_town")
        if R.random() < 0.75:
            fw = next_fwd()
            F["previous_address"] = disp["previous_address"] = fw[0]
            disp["previous_town"] = fw[1]
            F["previous_postcode"] = fw[2]
            disp["previous_postcode"] = disp_pc(fw[2])
        f["tenure"] = R.choice(["Tenant", "Owner", "Tenant (housing association)"])
    if kind != "MISSING_FIELD:move_date":
        set_date(F, disp, "move_date", md, layout)
    set_date(F, disp, "declaration_date", rand_date(AS_OF - dt.timedelta(days=25), AS_OF - dt.timedelta(days=1)), layout)
    return f


def parking_form(layout, kind):
    F, disp = {}, {}
    f = dict(type="parking_permit", layout=layout, fields=F, disp=disp, kind=kind)
    sn = R.choice(SURN)
    A = new_person(sn)
    vrm = new_vrm(R.choice(["current"] * 6 + ["suffix", "prefix"]))
    start = rand_date(AS_OF - dt.timedelta(days=7), AS_OF + dt.timedelta(days=21))
    if kind == "PROPERTY_NOT_FOUND":
        while True:
            pc = f"LM3 1{R.choice(UNIT_LETTERS)}{R.choice(UNIT_LETTERS)}"
            if pc not in USED_PC:
                USED_PC.add(pc)
                break
        F["address"] = disp["address"] = f"{R.randint(2, 12)} Lifeboat Yard"
        F["postcode"] = pc
        disp["postcode"] = disp_pc(pc)
        disp["town"] = "Lowmarsh"
        zone = "OT"
        applicant = A
    else:
        if kind == "NOT_IN_PERMIT_ZONE":
            p = pick(lambda p: p["zone"] == "SB")
        else:
            p = pick(lambda p: bool(p["zone"]))
        reset(p)
        liable = [A] + ([new_person(sn)] if R.random() < 0.5 else [])
        add_account(p, liable)
        for n in liable:
            add_elector(n, p)
        applicant = A
        if kind == "approve" and R.random() < 0.3:
            applicant = new_person(sn)       # adult child: on the register, not liable
            add_elector(applicant, p)
        if kind == "NOT_RESIDENT":
            applicant = new_person()
        zone = p["zone"] if kind != "NOT_IN_PERMIT_ZONE" else "SA"
        r = R.random()
        if kind == "PERMIT_CAP_REACHED":
            for _ in range(2):
                s = rand_date(D(2026, 1, 5), D(2026, 11, 1))
                add_permit(p, new_vrm(), s, s + dt.timedelta(days=364))
        elif kind == "VRM_HAS_PERMIT":
            s = rand_date(D(2026, 1, 5), D(2026, 9, 1))
            add_permit(p, vrm, s, s + dt.timedelta(days=364))
        elif r < 0.35:
            s = rand_date(D(2026, 1, 5), D(2026, 11, 1))
            add_permit(p, new_vrm(), s, s + dt.timedelta(days=364))
        elif r < 0.6:
            s = rand_date(D(2025, 1, 5), D(2025, 11, 1))
            add_permit(p, new_vrm(), s, s + dt.timedelta(days=364))   # expired
            if R.random() < 0.5:
                s = rand_date(D(2026, 1, 5), D(2026, 11, 1))
                add_permit(p, new_vrm(), s, s + dt.timedelta(days=364))
        set_addr(F, disp, p)
    person_fields(F, disp, applicant)
    if kind == "DATE_IN_FUTURE":
        start = D(2027, 4, 1)
    if kind == "INVALID_FORMAT:vrm":
        F["vrm"] = "KR617XYZ"
        disp["vrm"] = "KR61 7XYZ"
    else:
        F["vrm"] = vrm
        disp["vrm"] = disp_vrm(vrm)
    if R.random() < 0.8:
        F["vehicle_make"] = disp["vehicle_make"] = R.choice(VEHICLES)
    F["zone"] = disp["zone"] = zone
    set_date(F, disp, "start_date", start, layout)
    set_date(F, disp, "declaration_date", rand_date(AS_OF - dt.timedelta(days=20), AS_OF - dt.timedelta(days=1)), layout)
    return f


# ----------------------------------------------------------------------------- wording per layout
WORDS = {
    "boxed": {
        "spd_title": "Council Tax - Single Person Discount", "spd_sub": "Apply for a 25% reduction when only one adult lives at the property",
        "spd_code": "CT/SPD1 (04/26)",
        "move_title": "Council Tax - Tell Us You Are Moving", "move_sub": "Use this form when you move into, or out of, a property in Lowmarsh",
        "move_code": "CT/MOV2 (04/26)",
        "park_title": "Residents' Parking Permit", "park_sub": "Seasonal zones: Seafront A (SA), Seafront B (SB), Old Town (OT)",
        "park_code": "PK/RES1 (03/26)",
        "account_ref": "Council Tax account number", "band": "Council Tax band (if known)",
        "applicant_name": "Full name of person liable", "address": "Address of the property (first line)",
        "postcode": "Postcode", "town": "Town", "phone": "Daytime telephone", "email": "Email address",
        "sole_adult_since": "Date you became the only adult", "kids": "Children under 18 living with you",
        "other_adult_name": "Name of the adult who moved out", "other_adult_forwarding_address": "Their new address (if known)",
        "change_description": "Tell us what changed", "signature": "Signature", "declaration_date": "Date",
        "m_name": "Your full name", "m_acc": "Council Tax account number (if you have one)", "tenure": "Owner or tenant?",
        "move_type": "Are you moving in or moving out?", "move_date": "Date of your move (date keys handed over or received)",
        "previous_address": "Address you are leaving (first line)", "previous_postcode": "Postcode", "previous_town": "Town",
        "new_address": "Address you are moving to (first line)", "new_postcode": "Postcode", "new_town": "Town",
        "p_name": "Name of applicant", "p_address": "Home address (first line)", "vrm": "Vehicle registration number",
        "vehicle_make": "Make and model", "zone": "Permit zone (SA, SB or OT)", "start_date": "Permit to start from",
        "duration": "Permit length", "fee": "Fee",
    },
    "tickcols": {
        "spd_title": "Single Person Discount Application", "spd_sub": "Council Tax Section", "spd_code": "Form LBC-SPD/2026",
        "move_title": "Change of Address - Council Tax", "move_sub": "Moving home notification", "move_code": "Form LBC-MOV/2026",
        "park_title": "Application for a Resident Parking Permit", "park_sub": "Parking Services", "park_code": "Form LBC-RPP/2026",
        "account_ref": "Account reference", "band": "Band", "applicant_name": "Your name", "address": "Property address",
        "postcode": "Postcode", "town": "Town/village", "phone": "Telephone", "email": "Email",
        "sole_adult_since": "Only adult living there from", "kids": "Number of children",
        "other_adult_name": "Other adult's full name", "other_adult_forwarding_address": "Other adult's forwarding address",
        "change_description": "What has changed in your household?", "signature": "Signed", "declaration_date": "Date of declaration",
        "m_name": "Name", "m_acc": "Council Tax reference", "tenure": "Tenure", "move_date": "Moving date",
        "previous_address": "Old address", "previous_postcode": "Old postcode", "previous_town": "Old town",
        "new_address": "New address", "new_postcode": "New postcode", "new_town": "New town",
        "p_name": "Applicant", "p_address": "Address", "vrm": "Vehicle reg.", "vehicle_make": "Make",
        "start_date": "Start date", "duration": "Period", "fee": "Amount paid",
    },
    "underline": {
        "spd_title": "Application for a Single Occupier Discount", "spd_sub": "Local Government Finance Act 1992, section 11",
        "spd_code": "LBC 114",
        "move_title": "Notification of a Change of Residence", "move_sub": "Council Tax - moving into or out of the borough",
        "move_code": "LBC 120",
        "park_title": "Seasonal Residents' Parking Scheme - Permit Application", "park_sub": "Road Traffic Regulation Act 1984",
        "park_code": "LBC 305",
        "account_ref": "Council tax reference number", "band": "Valuation band", "applicant_name": "Name of the liable person",
        "address": "Address (number and street)", "postcode": "Postcode", "town": "Town", "phone": "Contact telephone number",
        "email": "Email", "sole_adult_since": "Date from which you have lived alone", "kids": "Dependent children",
        "other_adult_name": "Name of previous joint occupier", "other_adult_forwarding_address": "Forwarding address of previous occupier",
        "change_description": "Please tell us what has changed", "signature": "Signature of applicant", "declaration_date": "Date",
        "m_name": "Full name", "m_acc": "Council tax reference (moving out only)", "tenure": "Owner / tenant",
        "move_type": "Type of move (in or out)", "move_date": "Date of moving",
        "previous_address": "Former address (number and street)", "previous_postcode": "Postcode", "previous_town": "Town",
        "new_address": "New address (number and street)", "new_postcode": "Postcode", "new_town": "Town",
        "p_name": "Name of resident", "p_address": "Address (number and street)", "vrm": "Vehicle registration mark",
        "vehicle_make": "Make of vehicle", "zone": "Zone code (SA, SB or OT)", "start_date": "Start date required",
        "duration": "Duration", "fee": "Fee enclosed",
    },
    "typewriter": {
        "spd_title": "SINGLE PERSON DISCOUNT - APPLICATION", "spd_sub": "REVENUES SECTION", "spd_code": "FORM LM/CT/7",
        "move_title": "COUNCIL TAX - CHANGE OF OCCUPIER", "move_sub": "REVENUES SECTION", "move_code": "FORM LM/CT/9",
        "park_title": "RESIDENTS PARKING PERMIT - APPLICATION", "park_sub": "HIGHWAYS AND PARKING", "park_code": "FORM LM/PK/2",
        "account_ref": "ACCOUNT NO", "band": "BAND", "applicant_name": "NAME OF LIABLE PERSON", "address": "PROPERTY ADDRESS",
        "postcode": "POST CODE", "town": "TOWN", "phone": "TEL NO", "email": "E-MAIL",
        "sole_adult_since": "SOLE OCCUPIER SINCE", "kids": "CHILDREN", "other_adult_name": "NAME OF PERSON WHO LEFT",
        "other_adult_forwarding_address": "THEIR NEW ADDRESS", "change_description": "REASON FOR CHANGE",
        "signature": "SIGNED", "declaration_date": "DATED",
        "m_name": "NAME IN FULL", "m_acc": "ACCOUNT NO", "tenure": "OWNER/TENANT", "move_type": "MOVING IN OR OUT",
        "move_date": "DATE OF MOVE", "previous_address": "ADDRESS LEAVING", "previous_postcode": "POST CODE",
        "previous_town": "TOWN", "new_address": "NEW ADDRESS", "new_postcode": "POST CODE", "new_town": "TOWN",
        "p_name": "NAME OF APPLICANT", "p_address": "ADDRESS", "vrm": "VEHICLE REG. NO", "vehicle_make": "MAKE",
        "zone": "ZONE CODE", "start_date": "PERMIT REQUIRED FROM", "duration": "PERIOD", "fee": "FEE",
    },
}

ZONE_NAMES = {"SA": "Seafront A", "SB": "Seafront B", "OT": "Old Town"}


def it(label, v="", f=1.0, n=1, key=None):
    return dict(label=label, v=v or "", f=f, n=n, key=key)


def build_doc(form):
    L, t, d = form["layout"], form["type"], form["disp"]
    w = WORDS[L]
    g = lambda k: d.get(k, "")
    name_plain = nm(form["fields"].get("applicant_name", "")).title() if form["fields"].get("applicant_name") else ""
    name_plain = re.sub(r"\b(Mc|Mac)(\w)", lambda m: m.group(1) + m.group(2).upper(), name_plain)
    sig = R.choice([name_plain, "Signed electronically", f"/s/ {name_plain}"]) if name_plain else ""
    table = []
    secs = []
    if t == "council_tax_spd":
        title, sub, code = w["spd_title"], w["spd_sub"], w["spd_code"]
        other = bool(form["fields"].get("other_adult_name"))
        secs.append(dict(h="About you and the property", rows=[
            [it(w["account_ref"], g("account_ref"), .55, key="account_ref"), it(w["band"], form.get("band", "") if R.random() < 0.5 else "", .45)],
            [it(w["applicant_name"], g("applicant_name"), key="applicant_name")],
            [it(w["address"], g("address"), .68, key="address"), it(w["postcode"], g("postcode"), .32, key="postcode")],
            [it(w["town"], g("town"), .5), it(w["phone"], g("phone"), .5, key="phone")],
            [it(w["email"], g("email"), key="email")]]))
        secs.append(dict(h="Who lives at the property", rows=[
            [it(w["sole_adult_since"], g("sole_adult_since"), .5, key="sole_adult_since"), it(w["kids"], R.choice(["None", "0", "1", "2", ""]), .5)],
            [it(w["other_adult_name"], g("other_adult_name"), key="other_adult_name")],
            [it(w["other_adult_forwarding_address"], g("other_adult_forwarding_address"), key="other_adult_forwarding_address")],
            [it(w["change_description"], g("change_description"), n=3, key="change_description")]]))
        table = [("I am 18 or over and I am the only adult who lives at this address", True),
                 ("This property is my only or main home", True),
                 ("Another adult has moved out of the property", other),
                 ("Anyone aged 18 or over (other than me) lives here, including students or carers", False),
                 ("I would like to receive my bills by email", bool(g("email")) and R.random() < 0.6)]
        decl = ("I declare that the information I have given on this form is correct and complete. I understand that I must "
                "tell the Council within 21 days if another adult comes to live at the property, and that giving false "
                "information may lead to a penalty of £70 or prosecution.")
    elif t == "council_tax_move":
        title, sub, code = w["move_title"], w["move_sub"], w["move_code"]
        mt = form["fields"]["move_type"]
        mt_disp = {"boxed": None, "tickcols": None,
                   "underline": R.choice(["Moving out", "Moving in"]) if False else ("Moving out" if mt == "out" else "Moving in"),
                   "typewriter": mt.upper()}[L]
        r1 = [[it(w["m_name"], g("applicant_name"), key="applicant_name")],
              [it(w["m_acc"], g("account_ref"), .55, key="account_ref"), it(w["tenure"], form.get("tenure", ""), .45)]]
        if L != "tickcols":
            if L == "boxed":
                r1.insert(0, [dict(label=w["move_type"], choices=[("Moving in", mt == "in"), ("Moving out", mt == "out")], f=1.0, n=1, v="", key="move_type")])
            else:
                r1.insert(0, [it(w["move_type"], mt_disp, .5, key="move_type")])
        r1.append([it(w["move_date"], g("move_date"), .6, key="move_date")])
        secs.append(dict(h="About you and your move", rows=r1))
        secs.append(dict(h="The address you are leaving", rows=[
            [it(w["previous_address"], g("previous_address"), .68, key="previous_address"), it(w["previous_postcode"], g("previous_postcode"), .32, key="previous_postcode")],
            [it(w["previous_town"], g("previous_town"), .5)]]))
        secs.append(dict(h="The address you are moving to", rows=[
            [it(w["new_address"], g("new_address"), .68, key="new_address"), it(w["new_postcode"], g("new_postcode"), .32, key="new_postcode")],
            [it(w["new_town"], g("new_town"), .5)]]))
        secs.append(dict(h="How we can contact you", rows=[
            [it(w["phone"], g("phone"), .45, key="phone"), it(w["email"], g("email"), .55, key="email")]]))
        table = [("I am moving OUT of a property in Lowmarsh", mt == "out"),
                 ("I am moving INTO a property in Lowmarsh", mt == "in"),
                 ("I own the property (or am buying it with a mortgage)", "Owner" in form.get("tenure", "")),
                 ("The property will be left empty", mt == "out" and R.random() < 0.4),
                 ("I want to pay by Direct Debit", R.random() < 0.5)]
        decl = ("I declare that the details given are true to the best of my knowledge. I understand the Council may check "
                "this information with other records it holds, including the electoral register.")
    else:
        title, sub, code = w["park_title"], w["park_sub"], w["park_code"]
        z = form["fields"].get("zone", "")
        secs.append(dict(h="Your details", rows=[
            [it(w["p_name"], g("applicant_name"), key="applicant_name")],
            [it(w["p_address"], g("address"), .68, key="address"), it(w["postcode"], g("postcode"), .32, key="postcode")],
            [it(w["town"], g("town"), .5), it(w["phone"], g("phone"), .5, key="phone")],
            [it(w["email"], g("email"), key="email")]]))
        vr = [[it(w["vrm"], g("vrm"), .45, key="vrm"), it(w["vehicle_make"], g("vehicle_make"), .55, key="vehicle_make")]]
        if L == "tickcols":
            vr.append([it(w["start_date"], g("start_date"), .5, key="start_date")])
        else:
            vr.append([it(w["zone"], g("zone"), .45, key="zone"), it(w["start_date"], g("start_date"), .55, key="start_date")])
        vr.append([it(w["duration"], "12 months", .5), it(w["fee"], R.choice(["£45.00", "£45.00", "£22.50 (second permit)"]), .5)])
        secs.append(dict(h="Your vehicle and permit", rows=vr))
        table = [(f"Zone {c} - {ZONE_NAMES[c]}", z == c) for c in ("SA", "SB", "OT")] + [
            ("The vehicle is registered (V5C) to me at this address", True),
            ("The vehicle is a company or lease car", R.random() < 0.2),
            ("I hold a Blue Badge", R.random() < 0.15)]
        decl = ("I confirm that I live at the address above and that the vehicle is kept there. I understand that a permit "
                "does not guarantee a parking space and that a permit obtained with false information will be cancelled.")
    secs.append(dict(h="Declaration", text=decl, rows=[
        [it(w["signature"], sig if g("declaration_date") else "", .6), it(w["declaration_date"], g("declaration_date"), .4, key="declaration_date")]]))
    return dict(title=title, sub=sub, code=code, sections=secs, table=table, type=t)


# ----------------------------------------------------------------------------- drawing helpers
NAVY = HexColor("#1f4e79")
TEAL = HexColor("#17695f")
GREEN = HexColor("#2e5e2b")
GREY = HexColor("#666666")
LIGHT = HexColor("#e9eef3")
COUNCIL_ADDR = "Town Hall, Promenade Road, Lowmarsh LM1 4TH"


def crest(c, x, y, s, fill=NAVY, wave=white, outline=False):
    c.saveState()
    p = c.beginPath()
    p.moveTo(x, y + s)
    p.lineTo(x + s * 0.82, y + s)
    p.lineTo(x + s * 0.82, y + s * 0.45)
    p.curveTo(x + s * 0.82, y + s * 0.15, x + s * 0.55, y + s * 0.04, x + s * 0.41, y)
    p.curveTo(x + s * 0.27, y + s * 0.04, x, y + s * 0.15, x, y + s * 0.45)
    p.close()
    if outline:
        c.setStrokeColor(fill)
        c.setLineWidth(1.4)
        c.drawPath(p, fill=0, stroke=1)
    else:
        c.setFillColor(fill)
        c.drawPath(p, fill=1, stroke=0)
    c.setStrokeColor(wave if not outline else fill)
    c.setLineWidth(1.1)
    for k in range(3):
        yy = y + s * (0.3 + 0.14 * k)
        q = c.beginPath()
        q.moveTo(x + s * 0.12, yy)
        q.curveTo(x + s * 0.25, yy + s * 0.07, x + s * 0.32, yy - s * 0.07, x + s * 0.41, yy)
        q.curveTo(x + s * 0.5, yy + s * 0.07, x + s * 0.58, yy - s * 0.07, x + s * 0.70, yy)
        c.drawPath(q, fill=0, stroke=1)
    # little tower on top band
    c.setFillColor(wave if not outline else fill)
    c.rect(x + s * 0.35, y + s * 0.74, s * 0.12, s * 0.18, fill=1, stroke=0)
    c.restoreState()


def wrap(text, font, size, width):
    if not text:
        return [""]
    return simpleSplit(text, font, size, width) or [""]


def tick_glyph(form):
    if HAVE_DEJAVU and form.get("tick", "check") == "check":
        return "DejaVu", "\u2713"
    return "Helvetica-Bold", "X"


# ----------------------------------------------------------------------------- layout 1: boxed questionnaire
def render_boxed(c, form, doc):
    M, CW = 40, W - 80
    breaks = {"council_tax_spd": "Declaration", "council_tax_move": "How we can contact you", "parking_permit": None}[doc["type"]]
    npages = 2 if breaks else 1
    state = dict(page=1)

    def footer():
        c.setStrokeColor(GREY)
        c.setLineWidth(0.5)
        c.line(M, 42, W - M, 42)
        c.setFont("Helvetica", 7)
        c.setFillColor(GREY)
        c.drawString(M, 31, f"Lowmarsh Borough Council  |  {COUNCIL_ADDR}  |  01632 960000  |  www.lowmarsh.gov.uk")
        c.drawRightString(W - M, 31, f"{doc['code']}   Page {state['page']} of {npages}")
        c.setFillColor(black)

    # header
    crest(c, M, H - 100, 56, TEAL)
    c.setFillColor(TEAL)
    c.setFont("Helvetica-Bold", 19)
    c.drawString(M + 56, H - 66, "Lowmarsh")
    c.setFont("Helvetica", 12)
    c.drawString(M + 56, H - 82, "Borough Council")
    c.setFillColor(black)
    c.setFont("Helvetica", 8)
    c.drawRightString(W - M, H - 50, doc["code"])
    c.drawRightString(W - M, H - 61, "Council Tax & Parking Services" if doc["type"] != "parking_permit" else "Parking Services")
    c.setFont("Helvetica-Bold", 15)
    c.drawString(M, H - 126, doc["title"])
    c.setFont("Helvetica", 9.5)
    c.drawString(M, H - 140, doc["sub"])
    y = H - 152
    c.setFont("Helvetica", 7.8)
    c.setFillColor(GREY)
    intro = ("Please fill in every box that applies to you. If you complete this form online the answers you type appear "
             "in the boxes below. Return it to the address at the foot of the page or email forms@lowmarsh.gov.uk. "
             "Guidance notes are on our website.")
    for ln in wrap(intro, "Helvetica", 7.8, CW):
        y -= 10
        c.drawString(M, y, ln)
    c.setFillColor(black)
    y -= 10
    for si, sec in enumerate(doc["sections"]):
        if breaks and sec["h"] == breaks:
            footer()
            c.showPage()
            state["page"] += 1
            c.setFont("Helvetica", 8)
            c.drawString(M, H - 40, f"{doc['title']} (continued)")
            c.drawRightString(W - M, H - 40, doc["code"])
            y = H - 60
        c.setFillColor(TEAL)
        c.roundRect(M, y - 18, CW, 18, 4, fill=1, stroke=0)
        c.setFillColor(white)
        c.setFont("Helvetica-Bold", 10)
        c.drawString(M + 8, y - 13, f"Section {si + 1}   {sec['h']}")
        c.setFillColor(black)
        y -= 24
        if sec.get("text"):
            lines = wrap(sec["text"], "Helvetica", 8.5, CW - 16)
            bh = 12 * len(lines) + 10
            c.setStrokeColor(GREY)
            c.roundRect(M, y - bh, CW, bh, 7, fill=0, stroke=1)
            yy = y - 12
            for ln in lines:
                c.setFont("Helvetica", 8.5)
                c.drawString(M + 8, yy, ln)
                yy -= 12
            y -= bh + 6
        for row in sec["rows"]:
            hs = []
            for item in row:
                wd = CW * item["f"] - (6 if len(row) > 1 else 0)
                nl = len(wrap(item["v"], "Helvetica", 10.5, wd - 14))
                hs.append(32 + 13 * (max(nl, item["n"]) - 1))
            bh = max(hs)
            x = M
            for item in row:
                wd = CW * item["f"] - (6 if len(row) > 1 else 0)
                c.setStrokeColor(HexColor("#7a8a99"))
                c.setLineWidth(0.8)
                c.roundRect(x, y - bh, wd, bh, 6, fill=0, stroke=1)
                c.setFont("Helvetica-Bold", 7.3)
                c.setFillColor(HexColor("#333333"))
                c.drawString(x + 6, y - 9.5, item["label"])
                c.setFillColor(black)
                if item.get("choices"):
                    cx = x + 10
                    for txt, sel in item["choices"]:
                        c.rect(cx, y - bh + 6, 10, 10, fill=0, stroke=1)
                        if sel:
                            c.setFont("Helvetica-Bold", 10)
                            c.drawString(cx + 2, y - bh + 7.5, "X")
                        c.setFont("Helvetica", 10)
                        c.drawString(cx + 15, y - bh + 7.5, txt)
                        cx += 120
                else:
                    lines = wrap(item["v"], "Helvetica", 10.5, wd - 14)
                    c.setFont("Helvetica", 10.5)
                    yy = y - bh + 8 + 13 * (len(lines) - 1)
                    for ln in lines:
                        c.drawString(x + 7, yy, ln)
                        yy -= 13
                x += wd + 12 if len(row) > 1 else wd
            y -= bh + 6
        y -= 4
    # office use
    if y > 120:
        c.setDash(3, 2)
        c.setStrokeColor(GREY)
        c.roundRect(M, y - 58, CW, 52, 6, fill=0, stroke=1)
        c.setDash()
        c.setFont("Helvetica-Bold", 7.5)
        c.drawString(M + 8, y - 17, "FOR OFFICE USE ONLY")
        c.setFont("Helvetica", 7.5)
        for k, lab in enumerate(["Date received", "Checked by", "Entered on system", "Batch no."]):
            c.drawString(M + 8 + k * 128, y - 40, lab + ":")
            c.line(M + 8 + k * 128, y - 50, M + 118 + k * 128, y - 50)
    footer()
    c.showPage()


# ----------------------------------------------------------------------------- layout 2: form with tick columns
def render_tick(c, form, doc):
    M, CW = 45, W - 90
    state = dict(page=1)
    fontt, glyph = tick_glyph(form)

    def footer():
        c.setFont("Helvetica", 7.5)
        c.setFillColor(GREY)
        c.drawString(M, 28, f"{doc['code']}  -  Lowmarsh Borough Council, {COUNCIL_ADDR}")
        c.drawRightString(W - M, 28, f"Page {state['page']}")
        c.setFillColor(black)

    def newpage(y, need):
        if y - need < 60:
            footer()
            c.showPage()
            state["page"] += 1
            c.setFont("Helvetica-Oblique", 8)
            c.drawString(M, H - 40, f"{doc['title']} - continued")
            return H - 60
        return y

    c.setFillColor(GREEN)
    c.rect(0, H - 62, W, 62, fill=1, stroke=0)
    c.setFillColor(white)
    c.circle(M + 20, H - 31, 21, fill=1, stroke=0)
    crest(c, M + 8, H - 45, 26, GREEN)
    c.setFillColor(white)
    c.setFont("Helvetica-Bold", 17)
    c.drawString(M + 52, H - 30, "LOWMARSH BOROUGH COUNCIL")
    c.setFont("Helvetica", 9)
    c.drawString(M + 52, H - 45, doc["sub"])
    c.drawRightString(W - M, H - 45, "lowmarsh.gov.uk")
    c.setFillColor(black)
    c.setFont("Helvetica-Bold", 15)
    c.drawString(M, H - 90, doc["title"])
    c.setFont("Helvetica", 8)
    c.drawRightString(W - M, H - 90, doc["code"])
    c.setFont("Helvetica-Oblique", 8)
    c.drawString(M, H - 104, "Complete in BLOCK CAPITALS or type. Tick the Yes or No column for every statement in the table.")
    y = H - 120
    lab_w = 150
    table_after = 1 if doc["type"] == "parking_permit" else 0

    def draw_table(y):
        rows = doc["table"]
        y = newpage(y, 20 + 18 * (len(rows) + 1))
        cs, cy, cn = CW - 100, 50, 50
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(M, y - 4, "Please tick one column for each statement" if doc["type"] != "parking_permit"
                     else "Permit zone and vehicle - tick Yes for the zone you are applying for")
        y -= 12
        c.setFillColor(LIGHT)
        c.rect(M, y - 16, CW, 16, fill=1, stroke=0)
        c.setFillColor(black)
        c.setFont("Helvetica-Bold", 9)
        c.drawString(M + 5, y - 11.5, "Statement")
        c.drawCentredString(M + cs + cy / 2, y - 11.5, "Yes")
        c.drawCentredString(M + cs + cy + cn / 2, y - 11.5, "No")
        c.setLineWidth(0.6)
        top = y
        y -= 16
        for txt, yes in rows:
            c.setFont("Helvetica", 9)
            c.drawString(M + 5, y - 12.5, txt)
            c.setFont(fontt, 12)
            cx = M + cs + cy / 2 if yes else M + cs + cy + cn / 2
            c.drawCentredString(cx, y - 13, glyph)
            y -= 18
        c.rect(M, y, CW, top - y, fill=0, stroke=1)
        for xx in (M + cs, M + cs + cy):
            c.line(xx, y, xx, top)
        yy = top - 16
        while yy > y:
            c.line(M, yy, M + CW, yy)
            yy -= 18
        return y - 14

    for si, sec in enumerate(doc["sections"]):
        y = newpage(y, 50)
        c.setFont("Helvetica-Bold", 10.5)
        c.setFillColor(GREEN)
        c.drawString(M, y - 4, f"{si + 1}. {sec['h']}")
        c.setFillColor(black)
        c.setStrokeColor(GREEN)
        c.line(M, y - 8, W - M, y - 8)
        c.setStrokeColor(black)
        y -= 24
        if sec.get("text"):
            for ln in wrap(sec["text"], "Helvetica", 8.5, CW):
                c.setFont("Helvetica", 8.5)
                c.drawString(M, y, ln)
                y -= 11
            y -= 6
        for row in sec["rows"]:
            pairs = row if len(row) == 2 and all(len(i["v"]) < 26 for i in row) else [[i] for i in row]
            if len(row) == 2 and pairs is row:
                lines_ = [row]
            else:
                lines_ = [[i] for i in row]
            for ln_items in lines_:
                if len(ln_items) == 1:
                    item = ln_items[0]
                    vl = wrap(item["v"], "Helvetica", 10.5, CW - lab_w - 10)
                    y = newpage(y, 19 * len(vl) + 15)
                    c.setFont("Helvetica", 9.5)
                    c.drawString(M, y, item["label"])
                    if pdfmetrics.stringWidth(item["label"], "Helvetica", 9.5) > lab_w - 8:
                        y -= 15
                    for k, v in enumerate(vl):
                        c.setDash(1, 2)
                        c.line(M + lab_w, y - 2.5, W - M, y - 2.5)
                        c.setDash()
                        c.setFont("Helvetica", 10.5)
                        c.drawString(M + lab_w + 4, y, v)
                        y -= 19
                else:
                    y = newpage(y, 19)
                    mid = M + 0.56 * CW
                    a, b = ln_items
                    c.setFont("Helvetica", 9.5)
                    c.drawString(M, y, a["label"])
                    c.setDash(1, 2)
                    c.line(M + lab_w, y - 2.5, mid - 8, y - 2.5)
                    c.setDash()
                    c.setFont("Helvetica", 10.5)
                    c.drawString(M + lab_w + 4, y, a["v"])
                    c.setFont("Helvetica", 9.5)
                    c.drawString(mid, y, b["label"])
                    bx = mid + pdfmetrics.stringWidth(b["label"], "Helvetica", 9.5) + 8
                    c.setDash(1, 2)
                    c.line(bx, y - 2.5, W - M, y - 2.5)
                    c.setDash()
                    c.setFont("Helvetica", 10.5)
                    c.drawString(bx + 4, y, b["v"])
                    y -= 19
        y -= 6
        if si == table_after:
            y = draw_table(y)
    y = newpage(y, 60)
    c.setFont("Helvetica-Bold", 8)
    c.rect(W - M - 170, y - 48, 170, 48, fill=0, stroke=1)
    c.drawString(W - M - 165, y - 11, "Office use: Ref no.")
    c.setFont("Helvetica", 8)
    c.drawString(W - M - 165, y - 25, "Rec'd:                Init:")
    c.drawString(W - M - 165, y - 39, "Action:  SPD / CHG / RPP")
    footer()
    c.showPage()


# ----------------------------------------------------------------------------- layout 3: caption under the line
def render_underline(c, form, doc):
    M, CW = 50, W - 100
    state = dict(page=1)

    def footer():
        c.setFont("Times-Roman", 8)
        c.drawCentredString(W / 2, 30, f"{doc['code']} (rev. 2025)  -  Lowmarsh Borough Council  -  page {state['page']}")

    def newpage(y, need):
        if y - need < 60:
            footer()
            c.showPage()
            state["page"] += 1
            c.setFont("Times-Italic", 9)
            c.drawString(M, H - 40, f"{doc['code']}  {doc['title']} (continued)")
            return H - 64
        return y

    crest(c, M, H - 92, 50, NAVY, outline=True)
    c.setFont("Times-Roman", 8)
    c.drawRightString(W - M, H - 36, doc["code"])
    c.setFont("Times-Bold", 18)
    c.drawCentredString(W / 2, H - 58, "LOWMARSH BOROUGH COUNCIL")
    c.setFont("Times-Roman", 10)
    c.drawCentredString(W / 2, H - 72, "Resources Directorate" if doc["type"] != "parking_permit" else "Environment & Highways Directorate")
    c.setLineWidth(1.2)
    c.line(M + 60, H - 82, W - M, H - 82)
    c.setLineWidth(0.4)
    c.line(M + 60, H - 85, W - M, H - 85)
    c.setFont("Times-Bold", 14)
    c.drawCentredString(W / 2, H - 110, doc["title"])
    c.setFont("Times-Italic", 9)
    c.drawCentredString(W / 2, H - 123, doc["sub"])
    y = H - 140
    c.setFont("Times-Roman", 9)
    for ln in wrap("Notes: answer every question that applies. The information you give will be used to administer "
                   "your account and may be shared with other council services to prevent fraud.", "Times-Roman", 9, CW):
        c.drawString(M, y, ln)
        y -= 11
    y -= 8
    parts = ["Part A", "Part B", "Part C", "Part D", "Part E"]
    for si, sec in enumerate(doc["sections"]):
        y = newpage(y, 60)
        c.setFont("Times-Bold", 11.5)
        c.drawString(M, y, f"{parts[si]}  -  {sec['h']}")
        y -= 22
        if sec.get("text"):
            c.setFont("Times-Roman", 9)
            for ln in wrap(sec["text"], "Times-Roman", 9, CW):
                c.drawString(M, y, ln)
                y -= 11
            y -= 12
        for row in sec["rows"]:
            gap = 16
            ws = [CW * i["f"] - (gap / 2 if len(row) > 1 else 0) for i in row]
            wl = [wrap(i["v"], "Helvetica", 10.5, ws[k] - 4) for k, i in enumerate(row)]
            nl = max(max(len(x), i["n"]) for x, i in zip(wl, row))
            y = newpage(y, 16 * nl + 20)
            x = M
            for k, item in enumerate(row):
                yy = y
                lines = wl[k] + [""] * (max(nl, 1) - len(wl[k]))
                for ln in lines:
                    c.setFont("Helvetica", 10.5)
                    c.drawString(x + 2, yy, ln)
                    c.setLineWidth(0.7)
                    c.line(x, yy - 3, x + ws[k], yy - 3)
                    yy -= 16
                c.setFont("Times-Italic", 7.5)
                c.drawString(x, yy + 16 - 12, item["label"])
                x += ws[k] + gap
            y -= 16 * nl + 16
        y -= 6
    y = newpage(y, 50)
    c.setFont("Times-Bold", 8)
    c.drawString(M, y - 4, "OFFICIAL USE")
    c.setFont("Times-Roman", 8)
    c.drawString(M + 70, y - 4, "Received ____________   Verified ____________   Keyed ____________")
    footer()
    c.showPage()


# ----------------------------------------------------------------------------- layout 4: scanned-looking typed form
def render_typewriter(c, form, doc):
    M = 58
    col = 27
    cw = pdfmetrics.stringWidth("M", "Courier", 10)
    rng = random.Random(zlib.crc32((form["fields"].get("applicant_name", "") + doc["code"]).encode()))
    breaks = {"council_tax_spd": ["Declaration"], "council_tax_move": ["The address you are moving to"],
              "parking_permit": ["Your vehicle and permit"]}[doc["type"]]
    npages = 2
    state = dict(page=1)
    ang = rng.uniform(-0.7, 0.7)

    def begin():
        c.saveState()
        # paper tone and scan speckle
        c.setFillColor(HexColor("#fbfaf5"))
        c.rect(0, 0, W, H, fill=1, stroke=0)
        c.setFillColor(HexColor("#d8d8d8"))
        c.rect(0, 0, 9, H, fill=1, stroke=0)
        for _ in range(160):
            g = rng.uniform(0.55, 0.85)
            c.setFillColor(Color(g, g, g))
            c.circle(rng.uniform(0, W), rng.uniform(0, H), rng.uniform(0.2, 0.8), fill=1, stroke=0)
        c.translate(W / 2, H / 2)
        c.rotate(ang)
        c.translate(-W / 2, -H / 2)
        c.setFillColor(HexColor("#202020"))
        c.setFont("Courier-Bold", 12)
        c.drawCentredString(W / 2, H - 50, "LOWMARSH BOROUGH COUNCIL")
        c.setFont("Courier", 9)
        c.drawCentredString(W / 2, H - 62, f"{doc['sub']}, {COUNCIL_ADDR.upper()}")
        c.drawString(M, H - 78, "=" * 78)
        c.drawString(M, H - 90, f"{doc['code']}")
        c.drawRightString(W - M, H - 90, f"PAGE {state['page']} OF {npages}")
        return H - 110

    def end(last):
        c.setFont("Courier", 9)
        c.drawString(M, 60, "-" * 78)
        if not last:
            c.drawRightString(W - M, 48, "Continued on page 2")
        c.drawString(M, 48, f"{doc['code']} (REV. 2019)")
        c.restoreState()
        c.showPage()

    y = begin()
    c.setFont("Courier-Bold", 11)
    c.drawString(M, y, doc["title"])
    y -= 14
    c.setFont("Courier", 9)
    for ln in ["PLEASE TYPE OR USE BLOCK CAPITALS. ANSWER ALL QUESTIONS THAT APPLY.",
               "INCOMPLETE FORMS WILL BE RETURNED."]:
        c.drawString(M, y, ln)
        y -= 11
    y -= 12
    letters = "ABCDEFG"
    for si, sec in enumerate(doc["sections"]):
        if sec["h"] in breaks:
            end(False)
            state["page"] += 1
            y = begin()
        c.setFont("Courier-Bold", 10)
        head = f"PART {letters[si]}: {sec['h'].upper()}"
        c.drawString(M, y, head)
        c.setFont("Courier", 10)
        c.drawString(M, y - 9, "-" * len(head))
        y -= 26
        if sec.get("text"):
            c.setFont("Courier", 9)
            for ln in wrap(sec["text"].upper(), "Courier", 9, W - 2 * M):
                c.drawString(M, y, ln)
                y -= 11
            y -= 10
        for row in sec["rows"]:
            for item in row:
                if item.get("key") is None and not item["v"] and rng.random() < 0.5:
                    continue
                lab = item["label"].upper().rstrip(":") + ":"
                if len(lab) + 2 <= col:
                    ax = M + col * cw
                else:
                    ax = M + (len(lab) + 3) * cw
                c.setFont("Courier", 10)
                c.drawString(M, y, lab)
                lines = wrap(item["v"], "Courier", 10, W - M - ax) if item["v"] else [""]
                for ln in lines:
                    c.drawString(ax, y, ln)
                    y -= 15
                y -= 3
            y -= 2
        y -= 10
    # office use block
    c.setFont("Courier", 9)
    box = ["+" + "-" * 44 + "+"] + ["| " + t.ljust(43) + "|" for t in
                                     ["FOR OFFICE USE ONLY", "DATE REC'D:           OFFICER:", "SYSTEM UPDATED (Y/N):"]] + ["+" + "-" * 44 + "+"]
    for ln in box:
        c.drawString(M, y, ln)
        y -= 11
    end(True)


RENDER = {"boxed": render_boxed, "tickcols": render_tick, "underline": render_underline, "typewriter": render_typewriter}


# ----------------------------------------------------------------------------- correspondence
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


class Dates:
    """Formats dates and records them in order of appearance."""

    def __init__(self):
        self.seen = []

    def __call__(self, d, style="long", weekday=False):
        if d not in self.seen:
            self.seen.append(d)
        s = fmt_date(d, style)
        return f"{WEEKDAYS[d.weekday()]} {s}" if weekday else s


def resident(pred=lambda p: p["kind"] != "chalet"):
    p = pick(pred)
    reset(p)
    sn = R.choice(SURN)
    A = new_person(sn)
    liable = [A] + ([new_person(sn)] if R.random() < 0.5 else [])
    ref = add_account(p, liable)
    for n in liable:
        add_elector(n, p)
    return p, A, ref


def corr_form(kind, topic, layout):
    F = {}
    f = dict(type="correspondence", layout=layout, fields=F, kind=kind)
    dd = Dates()
    F["topic"] = topic
    show_ref = None
    sender_addr = None
    if kind == "SENDER_UNKNOWN" and topic == "foi_request":
        name = new_person()
        sender_addr = ("22 Rectory Lane", "Aylsham", "NR11 6BX")
        ref = None
    elif kind == "SENDER_UNKNOWN":
        name = None
        ref = None
    else:
        p, name, ref = resident()
        sender_addr = (written_addr(p), p["town"], p["postcode"])
        street = p["street"]
        if layout == "email" and topic == "council_tax_query":
            sender_addr = None
    sent = rand_date(AS_OF - dt.timedelta(days=12), AS_OF - dt.timedelta(days=1))
    sign = titled(name, 0.35) if name else None
    if sign:
        F["sender_name"] = sign
    body, quoted, subject, head = [], [], "", {}
    # ---- texts, composed in document order
    if layout == "letter":
        head["date"] = dd(sent, R.choice(["long", "ordinal", "slash"]))
    else:
        head["date"] = f"{WEEKDAYS[sent.weekday()]}, {dd(sent, 'long')} {R.randint(7, 21):02d}:{R.randint(0, 59):02d}"
    if topic == "missed_bin":
        miss = sent - dt.timedelta(days=R.randint(2, 6))
        binc = R.choice(["grey general waste bin", "blue recycling bin", "green garden waste bin"])
        subject = "Missed bin collection"
        if kind == "SENDER_UNKNOWN":
            body = ["Hi,", f"the {binc} in our road wasn't emptied again on {dd(miss, 'long', True)}. "
                    "Every other house got done but ours was left. Can somebody come back and empty it please, it's overflowing "
                    "and the gulls are getting into the bags.", "Thanks"]
        else:
            body = ["Dear Sir or Madam," if layout == "letter" else "Hello,",
                    f"I am writing to report that our {binc} was not collected on {dd(miss, 'long', True)}. "
                    f"It was out at the kerbside by 7am as usual and the rest of {street} was emptied. "
                    "Could you please arrange for the crew to come back as soon as possible?",
                    "This is the second time in a month this has happened.",
                    "Yours faithfully," if layout == "letter" else "Kind regards,", sign]
            if layout == "email":
                prev = miss - dt.timedelta(days=R.choice([14, 21, 28]))
                body[1] = body[1].replace("I am writing to report that", "I am sorry to report again that")
                quoted = [f"On {dd(prev, 'slash')} at 08:15, Waste and Recycling <waste@lowmarsh.gov.uk> wrote:",
                          "Thank you for reporting a missed collection. Your report reference is WR-{:06d}.".format(R.randint(100000, 999999)),
                          "Our crews will return within two working days. Please leave your bin out until it has been emptied.",
                          "Lowmarsh Borough Council - Waste and Recycling"]
    elif topic == "council_tax_query":
        subject = "Query about my council tax bill"
        if layout == "letter":
            billd = D(2026, R.choice([10, 11]), R.randint(1, 25))
            show_ref = ref if kind != "ACCOUNT_NOT_FOUND" else bad_ref(ref)
            body = ["Dear Sir or Madam,",
                    f"Thank you for your letter dated {dd(billd, 'long')}. I do not understand why my monthly instalment has "
                    f"gone up, as nothing has changed at the property. I have paid every instalment by direct debit on time.",
                    "Please could you explain how the new amount has been worked out and confirm the band the property is in?",
                    "Yours faithfully,", sign]
        else:
            show_ref = ref
            body = ["Good morning,",
                    f"Further to your reply below, I still have not received the revised bill for account {disp_ref(ref, 'tickcols')}. "
                    "Could you tell me when my next payment will be taken and how much it will be? I would rather pay in 12 "
                    "monthly instalments instead of 10 if that is possible.",
                    "Many thanks,", sign]
            q_d = sent - dt.timedelta(days=R.randint(3, 9))
            quoted = [f"On {dd(q_d, 'long')} at 14:02, Council Tax <counciltax@lowmarsh.gov.uk> wrote:",
                      f"Dear {nm(sign).title()},",
                      "Thank you for your email. We have updated your account and a revised bill will be sent to you",
                      "within the next 10 working days.",
                      "Regards",
                      "Council Tax Team, Lowmarsh Borough Council"]
    elif topic == "complaint":
        subject = "Formal complaint"
        if layout == "letter":
            visit = sent - dt.timedelta(days=R.randint(4, 14))
            body = ["Dear Sir or Madam,",
                    "I wish to make a formal complaint about the state of the public toilets and the shelter on Marine Parade. "
                    f"When I visited on {dd(visit, 'ordinal')} the toilets were locked in the middle of the day, the shelter "
                    "glass was smashed and there was broken glass on the pavement.",
                    "I reported this by telephone and was promised a call back which never came. I expect a written reply "
                    "explaining what the Council intends to do.",
                    "Yours faithfully,", sign]
        else:
            call = sent - dt.timedelta(days=R.randint(2, 8))
            body = ["Dear Customer Services,",
                    f"I am writing to complain about the way my telephone call on {dd(call, 'slash')} was handled. I waited over "
                    "forty minutes to get through, was cut off twice, and when I finally spoke to someone I was told nobody "
                    "could help me and that I should email instead.",
                    "I would like this treated as a formal complaint under your complaints procedure, please.",
                    "Regards,", sign]
            quoted = ["-----Original Message-----", "From: Customer Services <customer.services@lowmarsh.gov.uk>",
                      f"Sent: {dd(call, 'long')} 16:40",
                      "Subject: Your enquiry CS-{:05d}".format(R.randint(1000, 99999)),
                      "Thank you for contacting Lowmarsh Borough Council. Please reply to this email with details of your",
                      "enquiry and we will respond within 10 working days."]
    elif topic == "foi_request":
        subject = "Freedom of Information request"
        body = ["Dear FOI Officer,",
                "Under the Freedom of Information Act 2000 I would like to request the following information:",
                f"1. The number of penalty charge notices issued in the Seafront A and Seafront B permit zones between "
                f"{dd(D(2026, 4, 1), 'long')} and {dd(D(2026, 9, 30), 'long')}.",
                "2. The number of residents' permits issued for each zone in the same period.",
                "I would be grateful to receive the information electronically in a spreadsheet.",
                "Yours faithfully,", sign]
    else:
        subject = "Beach hut waiting list" if layout == "letter" else "Street light not working"
        if layout == "letter":
            body = ["Dear Sir or Madam,",
                    "I would like to be added to the waiting list for a council beach hut at North Beach for the 2027 season. "
                    "Could you also send me details of the annual licence fee and any rules about overnight use?",
                    "Yours sincerely,", sign]
        else:
            body = ["Hello,",
                    f"The street light outside my house has been flashing on and off since {dd(sent - dt.timedelta(days=5), 'long')}. "
                    "It is the one on the lamp post nearest the corner. Could someone come and look at it?",
                    "Thank you,", sign]
    body = [b for b in body if b]
    F["body"] = " ".join(" ".join(body).split())
    if sender_addr:
        F["address"] = sender_addr[0]
        F["postcode"] = sender_addr[2]
    if show_ref:
        F["account_ref"] = show_ref
    f.update(body=body, quoted=quoted, subject=subject, head=head, sender_addr=sender_addr, show_ref=show_ref,
             name=name, sent=sent)
    if dd.seen:
        F["dates_mentioned"] = [d.isoformat() for d in dd.seen]
    return f


def render_letter(c, form):
    M, CW = 70, W - 140
    y = H - 70
    fs = R.choice(["Times-Roman", "Helvetica"])
    sz = 11 if fs == "Times-Roman" else 10.5
    c.setFont(fs, sz)
    lines = list(form["sender_addr"]) if form["sender_addr"] else []
    for ln in lines:
        c.drawRightString(W - M, y, ln)
        y -= sz + 3
    y -= 8
    c.drawRightString(W - M, y, form["head"]["date"])
    y -= 34
    recip = {"council_tax_query": ["Council Tax Office"], "foi_request": ["Information Governance Officer"],
             "complaint": ["Customer Services"], "missed_bin": ["Waste and Recycling"], "other": ["Seafront Services"]}[form["fields"]["topic"]]
    for ln in recip + ["Lowmarsh Borough Council", "Town Hall", "Promenade Road", "Lowmarsh", "LM1 4TH"]:
        c.drawString(M, y, ln)
        y -= sz + 3
    y -= 14
    if form["show_ref"]:
        shown = disp_ref(form["show_ref"], "boxed")
        c.setFont(fs, sz)
        c.drawString(M, y, f"Your ref:  {shown}")
        y -= sz + 3
        if form["kind"] == "ACCOUNT_NOT_FOUND":
            c.drawString(M, y, "Our ref:   HW/26/11")
            y -= sz + 3
        y -= 10
    c.setFont("Times-Bold" if fs == "Times-Roman" else "Helvetica-Bold", sz)
    c.drawString(M, y, f"Re: {form['subject']}")
    y -= sz + 12
    c.setFont(fs, sz)
    body = form["body"]
    closing = body[-2:] if form["name"] else body[-1:]
    for para in body[:len(body) - len(closing)]:
        for ln in wrap(para, fs, sz, CW):
            c.drawString(M, y, ln)
            y -= sz + 3
        y -= 9
    for i, para in enumerate(closing):
        if i == 1:
            y -= 24   # room for the signature
        c.drawString(M, y, para)
        y -= sz + 4
    c.showPage()


def render_email(c, form):
    M, CW = 50, W - 100
    y = H - 40
    name = form["name"]
    c.setFont("Helvetica", 8)
    c.setFillColor(GREY)
    c.drawString(M, y, f"Lowmarsh Borough Council Mail - {form['subject']}")
    c.drawRightString(W - M, y, "1 message")
    c.setFillColor(black)
    y -= 26
    c.setFont("Helvetica-Bold", 13)
    subj = ("RE: " if form["quoted"] else "") + form["subject"]
    c.drawString(M, y, subj)
    y -= 20
    if name:
        frm = f"{nm(name).title()} <{new_email(name)}>"
    else:
        frm = "seasidefan77@gmail.com"
    to = {"council_tax_query": "counciltax@lowmarsh.gov.uk", "missed_bin": "waste@lowmarsh.gov.uk",
          "complaint": "customer.services@lowmarsh.gov.uk", "foi_request": "foi@lowmarsh.gov.uk",
          "other": "enquiries@lowmarsh.gov.uk"}[form["fields"]["topic"]]
    for k, v in [("From:", frm), ("Sent:", form["head"]["date"]), ("To:", to), ("Subject:", subj)]:
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(M, y, k)
        c.setFont("Helvetica", 9.5)
        c.drawString(M + 55, y, v)
        y -= 13
    c.setStrokeColor(GREY)
    c.line(M, y - 2, W - M, y - 2)
    y -= 22
    c.setFont("Helvetica", 10.5)
    for para in form["body"]:
        for ln in wrap(para, "Helvetica", 10.5, CW):
            c.drawString(M, y, ln)
            y -= 14
        y -= 6
    if form["sender_addr"] and name:
        c.setFont("Helvetica", 9.5)
        c.setFillColor(HexColor("#444444"))
        for ln in form["sender_addr"]:
            c.drawString(M, y, ln)
            y -= 12
        c.setFillColor(black)
        y -= 8
    if not name:
        c.setFont("Helvetica", 9)
        c.drawString(M, y, "Sent from my iPhone")
        y -= 20
    if form["quoted"]:
        y -= 6
        for i, ln in enumerate(form["quoted"]):
            c.setFillColor(HexColor("#555555"))
            if form["quoted"][0].startswith("-----"):
                c.setFont("Helvetica", 9.5)
                c.drawString(M, y, ln)
            else:
                c.setFont("Helvetica", 9.5)
                c.drawString(M, y, ln if i == 0 else "> " + ln)
            y -= 13
        c.setFillColor(black)
    c.setFont("Helvetica", 7)
    c.setFillColor(GREY)
    c.drawString(M, 30, "Printed from the Lowmarsh Borough Council contact centre mail client")
    c.setFillColor(black)
    c.showPage()


# ----------------------------------------------------------------------------- plan, truth, output
LAYOUTS = ["boxed", "tickcols", "underline", "typewriter"]


def plan():
    forms = []
    cyc = lambda i, off=0: LAYOUTS[(i + off) % 4]
    # single person discount
    for L in ["boxed", "boxed", "boxed", "tickcols", "tickcols", "underline", "underline", "typewriter", "typewriter"]:
        forms.append(spd_form(L, "approve"))
    for i, k in enumerate(["ACCOUNT_NOT_FOUND", "ACCOUNT_CLOSED", "NAME_MISMATCH", "ADDRESS_MISMATCH",
                           "DISCOUNT_ALREADY_APPLIED", "OTHER_ADULTS_REGISTERED", "DATE_TOO_OLD", "INCONSISTENT_DATES"]):
        forms.append(spd_form(cyc(i, 1), k))
    a = spd_form("boxed", "approve")
    b = json.loads(json.dumps({k: v for k, v in a.items() if k not in ("desc_date",)}))
    b["desc_date"] = a["desc_date"]
    d2 = dt.date.fromisoformat(a["fields"]["declaration_date"]) + dt.timedelta(days=2)
    d2 = min(d2, AS_OF - dt.timedelta(days=1))
    if d2.isoformat() == a["fields"]["declaration_date"]:
        d2 = d2 - dt.timedelta(days=3)
    set_date(b["fields"], b["disp"], "declaration_date", d2, "boxed")
    a["group"] = b["group"] = "dup-1"
    forms += [a, b]
    # moving home
    for i, L in enumerate(["boxed", "boxed", "boxed", "tickcols", "tickcols", "tickcols", "underline", "underline",
                           "typewriter", "typewriter"]):
        forms.append(move_form(L, "approve", "out" if i % 2 == 0 else "in"))
    for i, (k, mt) in enumerate([("ACCOUNT_NOT_FOUND", "out"), ("NAME_MISMATCH", "out"), ("PROPERTY_NOT_FOUND", "in"),
                                 ("DATE_IN_FUTURE", "out"), ("DATE_TOO_OLD", "in"), ("MISSING_FIELD:move_date", "out")]):
        forms.append(move_form(cyc(i, 2), k, mt))
    # parking
    for L in ["boxed", "boxed", "tickcols", "tickcols", "tickcols", "underline", "underline", "underline",
              "typewriter", "typewriter"]:
        forms.append(parking_form(L, "approve"))
    for i, k in enumerate(["PROPERTY_NOT_FOUND", "NOT_IN_PERMIT_ZONE", "NOT_RESIDENT", "INVALID_FORMAT:vrm",
                           "VRM_HAS_PERMIT", "PERMIT_CAP_REACHED", "DATE_IN_FUTURE"]):
        forms.append(parking_form(cyc(i, 3), k))
    # correspondence
    for kind, topic, L in [("approve", "missed_bin", "letter"), ("approve", "council_tax_query", "letter"),
                           ("approve", "complaint", "letter"), ("approve", "foi_request", "letter"),
                           ("approve", "other", "letter"), ("ACCOUNT_NOT_FOUND", "council_tax_query", "letter"),
                           ("SENDER_UNKNOWN", "foi_request", "letter"),
                           ("approve", "council_tax_query", "email"), ("approve", "missed_bin", "email"),
                           ("approve", "complaint", "email"), ("approve", "other", "email"),
                           ("SENDER_UNKNOWN", "missed_bin", "email")]:
        forms.append(corr_form(kind, topic, L))
    for f in forms:
        if f["type"] != "correspondence":
            f["tick"] = R.choice(["check", "check", "x"])
    return forms


def write_workbook(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "properties"
    ws.append(["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band", "ward", "parking_zone"])
    for p in PROPS:
        ws.append([p["uprn"], p["line1"], p["line2"] or None, p["town"], p["postcode"], p["band"], p["ward"], p["zone"] or None])
    ws = wb.create_sheet("council_tax_accounts")
    ws.append(["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"])
    for a in sorted(ACCOUNTS.values(), key=lambda a: (a["uprn"], a["start_date"])):
        ws.append([a["account_ref"], a["uprn"], ";".join(a["liable"]), a["status"], a["start_date"], a["end_date"],
                   a["discounts"] or None])
        ws.cell(ws.max_row, 1).number_format = "@"
        for col in (5, 6):
            ws.cell(ws.max_row, col).number_format = "yyyy-mm-dd"
    ws = wb.create_sheet("electoral_register")
    ws.append(["elector_number", "full_name", "uprn"])
    for e in sorted(ELECTORS, key=lambda e: e["elector_number"]):
        ws.append([e["elector_number"], e["full_name"], e["uprn"]])
    ws = wb.create_sheet("parking_permits")
    ws.append(["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"])
    for x in sorted(PERMITS, key=lambda x: x["permit_ref"]):
        ws.append([x["permit_ref"], x["uprn"], x["vrm"], x["zone"], x["valid_from"], x["valid_to"]])
        for col in (5, 6):
            ws.cell(ws.max_row, col).number_format = "yyyy-mm-dd"
    for ws in wb.worksheets:
        for colcells in ws.columns:
            ws.column_dimensions[colcells[0].column_letter].width = min(40, max(10, max(len(str(c.value or "")) for c in colcells) + 2))
    wb.properties.creator = "Lowmarsh BC Revenues extract"
    wb.properties.created = dt.datetime(2026, 12, 7, 6, 0, 0)
    wb.properties.modified = dt.datetime(2026, 12, 7, 6, 0, 0)
    wb.save(path)


def main():
    USED_PC.add("LM1 4TH")
    build_gazetteer()
    base_households()
    forms = plan()
    # truth: computed from the records, cross-checked against the intended scenario
    for f in forms:
        rs = compute_reasons(f)
        want = [] if f["kind"] == "approve" else [f["kind"]]
        assert rs == want, (f["type"], f["kind"], rs, f["fields"])
        if f.get("group"):
            f["outcome"], f["reasons"] = "duplicate_pair", []
        else:
            f["outcome"], f["reasons"] = ("approved", []) if not rs else ("exception", rs)
    R.shuffle(forms)
    inbox = os.path.join(HERE, "inbox")
    os.makedirs(inbox, exist_ok=True)
    for fn in os.listdir(inbox):
        if fn.endswith(".pdf"):
            os.remove(os.path.join(inbox, fn))
    seen = {}
    lines = []
    for i, f in enumerate(forms, 1):
        name = f"doc_{i:04d}.pdf"
        c = canvas.Canvas(os.path.join(inbox, name), pagesize=A4, invariant=1)
        c.setAuthor("")
        c.setCreator("Lowmarsh eForms" if f["type"] != "correspondence" else "Microsoft Word")
        if f["type"] == "correspondence":
            (render_letter if f["layout"] == "letter" else render_email)(c, f)
        else:
            RENDER[f["layout"]](c, f, build_doc(f))
        c.save()
        key = (f["layout"], f["type"])
        split = "test"
        if f["outcome"] == "approved":
            seen[key] = seen.get(key, 0) + 1
            if seen[key] <= 2:
                split = "learn"
        t = {"file": name, "form_type": f["type"], "fields": f["fields"], "outcome": f["outcome"],
             "reasons": f["reasons"], "layout": f["layout"], "split": split}
        if f.get("group"):
            t["duplicate_group"] = f["group"]
        lines.append(json.dumps(t, ensure_ascii=False))
    with open(os.path.join(HERE, "truth.jsonl"), "w") as fh:
        fh.write("\n".join(lines) + "\n")
    write_workbook(os.path.join(HERE, "records.xlsx"))
    print(f"{len(forms)} forms, {len(PROPS)} properties, {len(ACCOUNTS)} accounts, {len(ELECTORS)} electors, "
          f"{len(PERMITS)} permits")
    for k in sorted(seen):
        if seen[k] < 2:
            print("WARNING: fewer than two clean forms for", k)


if __name__ == "__main__":
    main()
