#!/usr/bin/env python
"""Blind test set 62 -- Fenbridge City Council (invented).

Run `python gen.py`: writes records.xlsx, inbox/doc_NNNN.pdf, truth.jsonl next to this file.
Deterministic (seeded); PDFs are written with reportlab's invariant mode.
"""
import datetime as dt
import json
import random
import re
import shutil
from pathlib import Path

from openpyxl import Workbook
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
ASOF = dt.date(2026, 12, 7)
SEED = 62
rng = random.Random(SEED)
W, H = A4

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
if DEJAVU.exists():
    pdfmetrics.registerFont(TTFont("DejaVu", str(DEJAVU)))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(DEJAVU.with_name("DejaVuSans-Bold.ttf"))))
    UFONT, UFONT_B, BOX_ON, BOX_OFF, TICK = "DejaVu", "DejaVu-Bold", "\u2612", "\u2610", "\u2714"
else:  # fallback: standard fonts only
    UFONT, UFONT_B, BOX_ON, BOX_OFF, TICK = "Helvetica", "Helvetica-Bold", "[X]", "[ ]", "Yes -"


def days(n):
    return ASOF + dt.timedelta(days=n)


def collapse(s):
    return re.sub(r"\s+", " ", s).strip()


# ----------------------------------------------------------------------------- formats
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def ordinal(n):
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}" + {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


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


def fmt_acct(ref, style):
    if style == "plain":
        return ref
    if style == "space":
        return ref[:4] + " " + ref[4:]
    if style == "dash":
        return ref[:4] + "-" + ref[4:]
    if style == "ct":
        return "CT" + ref
    if style == "comb":
        return " ".join(ref)
    raise ValueError(style)


def norm_pc(pc):
    s = pc.replace(" ", "").upper()
    return s[:-3] + " " + s[-3:]


def fmt_pc(pc, style):
    if style == "lower":
        return pc.lower()
    if style == "nospace":
        return pc.replace(" ", "")
    return pc


def fmt_vrm(v, style):
    if style == "lower":
        return v.lower()
    return v


# ----------------------------------------------------------------------------- people
FEM = ["Margaret", "Susan", "Helen", "Claire", "Rachel", "Emma", "Sophie", "Hannah", "Priya", "Aisha",
       "Joanne", "Karen", "Deborah", "Lucy", "Charlotte", "Grace", "Niamh", "Fatima", "Olivia", "Zofia",
       "Patricia", "Eleanor", "Megan", "Harriet", "Yasmin", "Beatrice", "Rosalind", "Imogen", "Tanya", "Amelia"]
MASC = ["Peter", "David", "Graham", "Robert", "Michael", "James", "Thomas", "Daniel", "Mohammed", "Arjun",
        "Stephen", "Liam", "Oliver", "Callum", "Tomasz", "Kwame", "Richard", "Alan", "Neil", "Harry",
        "Samuel", "Jonathan", "Rhys", "Imran", "Edward", "Gareth", "Felix", "Nathan", "Owen", "Vikram"]
LAST = ["Holt", "Hale", "Doyle", "Pike", "Fairbairn", "Okafor", "Whitmore", "Sutton", "Hussain", "Patel",
        "Kowalski", "Brennan", "Ashworth", "Gray", "Mensah", "Lambert", "Thorne", "Osei", "Marsh", "Quinn",
        "Bellamy", "Chandler", "Fenwick", "Rowe", "Stanton", "Ingram", "Lockwood", "Nwosu", "Sharma", "Varga",
        "Ellery", "Dunmore", "Castellano", "Hartley", "Jephcott", "Kerrigan", "Moss", "Pennington", "Rahman",
        "Sayers", "Tennant", "Upton", "Wakefield", "Yates", "Abbott", "Barlow", "Cotton", "Dixon", "Everitt",
        "Fowler", "Goodwin", "Hewitt", "Iqbal", "Jarvis", "Knight", "Lowther", "Mercer", "Newbold", "Orton",
        "Prentice", "Radley", "Seddon", "Tilbury", "Vickers", "Walsh", "Ambrose", "Burgess", "Crane", "Denholm"]
USED_NAMES = set()


class Person:
    def __init__(self, first, last, sex):
        self.first, self.last, self.sex = first, last, sex

    @property
    def full(self):
        return f"{self.first} {self.last}"

    def title(self, married=None):
        if self.sex == "f":
            return rng.choice(["Mrs", "Ms", "Miss", "Mrs", "Dr"])
        return rng.choice(["Mr", "Mr", "Mr", "Dr"])


def new_person(sex=None, last=None):
    for _ in range(10000):
        s = sex or rng.choice("fm")
        first = rng.choice(FEM if s == "f" else MASC)
        ln = last or rng.choice(LAST)
        if f"{first} {ln}" not in USED_NAMES:
            USED_NAMES.add(f"{first} {ln}")
            return Person(first, ln, s)
        last = None if last else last
    raise RuntimeError("names exhausted")


# ----------------------------------------------------------------------------- records
ZONES = ["Cathedral", "Zone F1", "Zone F2", "Riverside"]
STREETS = [
    ("Minster Yard", "FB1", "Cathedral", "Cathedral", list(range(1, 16)), "EFGH"),
    ("Cathedral Close", "FB1", "Cathedral", "Cathedral", list(range(1, 13)), "EFG"),
    ("Palace Green", "FB1", "Cathedral", "Cathedral", list(range(2, 24, 2)), "DEFG"),
    ("Bishop's Walk", "FB1", "Cathedral", "Cathedral", list(range(1, 25)), "DEF"),
    ("Station Road", "FB2", "Zone F1", "Castle", [n for n in range(2, 80, 2) if n != 40], "BCD"),
    ("Market Street", "FB2", "Zone F1", "Castle", list(range(1, 40)), "BCD"),
    ("Northgate", "FB2", "Zone F1", "Castle", list(range(1, 60)), "CD"),
    ("Ely Road", "FB3", "Zone F2", "Eastgate", list(range(60, 130)), "AB"),
    ("Victoria Street", "FB3", "Zone F2", "Eastgate", list(range(1, 50)), "AB"),
    ("Albert Terrace", "FB3", "Zone F2", "Eastgate", list(range(1, 30)), "AB"),
    ("Quayside", "FB4", "Riverside", "Riverside", list(range(1, 40)), "CDE"),
    ("Wharf Lane", "FB4", "Riverside", "Riverside", list(range(1, 30)), "BC"),
    ("Ferry Path", "FB4", "Riverside", "Riverside", list(range(1, 20)), "CD"),
    ("Cambridge Road", "FB5", "", "Westfield", list(range(1, 200)), "CDE"),
    ("Lynn Road", "FB6", "", "Northfield", list(range(1, 150)), "BC"),
    ("Hereward Drive", "FB7", "", "St Mary's", list(range(1, 60)), "BCD"),
    ("Orchard Close", "FB8", "", "St Mary's", list(range(1, 30)), "CDE"),
    ("Fenland Way", "FB9", "", "Northfield", list(range(1, 90)), "AB"),
]
WARD_CODE = {"Cathedral": "CA", "Castle": "CS", "Eastgate": "EG", "Riverside": "RV",
             "Westfield": "WF", "Northfield": "NF", "St Mary's": "SM"}
UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
USED_PC = {"FB1 1AA"}  # the Guildhall (council's own address)


def new_postcode(district):
    while True:
        pc = f"{district} {rng.randint(1, 9)}{rng.choice(UNIT_LETTERS)}{rng.choice(UNIT_LETTERS)}"
        if pc not in USED_PC:
            USED_PC.add(pc)
            return pc


class DB:
    def __init__(self):
        self.props, self.accounts, self.electors, self.permits = [], [], [], []
        self.used = set()          # uprns reserved by a test case
        self.acct_refs = set()
        self.vrms = set()
        self.elector_seq = {}
        self.permit_seq = 100200

    # ---- ids
    def new_ref(self, prefix="61"):
        while True:
            r = prefix + f"{rng.randint(0, 999999):06d}"
            if r not in self.acct_refs:
                self.acct_refs.add(r)
                return r

    def new_vrm(self, style="current"):
        while True:
            if style == "current":
                v = (rng.choice(["EG", "EF", "EY", "AV", "AW", "AE", "VU", "YK", "LD", "KN"])
                     + rng.choice(["15", "65", "17", "67", "18", "68", "19", "69", "20", "70", "21", "71",
                                   "22", "72", "23", "73", "24", "74", "25", "75"])
                     + "".join(rng.choice("ABCDEFGHJKLMNOPRSTUVWXYZ") for _ in range(3)))
            elif style == "prefix":
                v = (rng.choice("PRSTVWXY") + str(rng.randint(1, 999))
                     + "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXY") for _ in range(3)))
            else:  # suffix
                v = ("".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXY") for _ in range(3))
                     + str(rng.randint(1, 999)) + rng.choice("ABCDEFGHJKLMN"))
            if v not in self.vrms:
                self.vrms.add(v)
                return v

    def new_elector_no(self, ward):
        code = WARD_CODE[ward]
        n = self.elector_seq.get(code, 1000 + rng.randint(0, 200)) + rng.randint(1, 4)
        self.elector_seq[code] = n
        return f"{code}-{n}"

    # ---- lookups
    def prop(self, uprn):
        return next(p for p in self.props if p["uprn"] == uprn)

    def account(self, ref):
        return next((a for a in self.accounts if a["account_ref"] == ref), None)

    def active_account(self, uprn):
        return next((a for a in self.accounts if a["uprn"] == uprn and a["status"] == "active"), None)

    def electors_at(self, uprn):
        return [e for e in self.electors if e["uprn"] == uprn]

    def active_permits(self, uprn=None, vrm=None):
        out = []
        for p in self.permits:
            if p["valid_from"] <= ASOF <= p["valid_to"]:
                if (uprn is None or p["uprn"] == uprn) and (vrm is None or p["vrm"] == vrm):
                    out.append(p)
        return out

    def find_property(self, address, postcode):
        a = norm_addr(address)
        for p in self.props:
            if p["postcode"] != postcode:
                continue
            cands = {norm_addr(p["address_line_1"])} if not p["address_line_2"] else set()
            if p["address_line_2"]:
                cands.add(norm_addr(p["address_line_2"] + " " + p["address_line_1"]))
            if a in cands:
                return p
        return None

    # ---- picking and shaping
    def pick(self, zone=None, vacant=False, flat=None, street=None, exclude_zone=False):
        pool = []
        for p in self.props:
            if p["uprn"] in self.used:
                continue
            if zone is not None and p["parking_zone"] != zone:
                continue
            if exclude_zone and p["parking_zone"]:
                continue
            if flat is not None and bool(p["address_line_2"]) != flat:
                continue
            if street and street not in p["address_line_1"]:
                continue
            if vacant != (self.active_account(p["uprn"]) is None):
                continue
            if vacant and self.electors_at(p["uprn"]):
                continue
            pool.append(p)
        p = rng.choice(pool)
        self.used.add(p["uprn"])
        return p

    def set_household(self, p, liable, registered, discounts="", start=None):
        u = p["uprn"]
        self.accounts = [a for a in self.accounts if not (a["uprn"] == u and a["status"] == "active")]
        self.electors = [e for e in self.electors if e["uprn"] != u]
        self.permits = [x for x in self.permits if x["uprn"] != u]
        acct = dict(account_ref=self.new_ref(), uprn=u, liable_parties=";".join(x.full for x in liable),
                    status="active", start_date=start or days(-rng.randint(400, 3000)), end_date=None,
                    discounts=discounts)
        self.accounts.append(acct)
        for per in registered:
            self.electors.append(dict(elector_number=self.new_elector_no(p["ward"]), full_name=per.full, uprn=u))
        return acct

    def add_permit(self, uprn, vrm, zone, valid_from):
        self.permit_seq += rng.randint(3, 40)
        self.permits.append(dict(permit_ref=f"FBP{self.permit_seq:06d}", uprn=uprn, vrm=vrm, zone=zone,
                                 valid_from=valid_from, valid_to=valid_from + dt.timedelta(days=364)))


def norm_addr(s):
    s = s.lower().replace("'", "").replace("\u2019", "")
    s = re.sub(r"[^a-z0-9 ]", " ", s)
    return collapse(s)


def build_records():
    db = DB()
    uprn = 100091040000
    for (street, district, zone, ward, numbers, bands) in STREETS:
        nums = sorted(rng.sample(numbers, 11))
        pcs = [new_postcode(district), new_postcode(district)]
        for i, n in enumerate(nums):
            uprn += rng.randint(1, 60)
            db.props.append(dict(uprn=uprn, address_line_1=f"{n} {street}", address_line_2="",
                                 town="Fenbridge", postcode=pcs[0] if i < 6 else pcs[1],
                                 council_tax_band=rng.choice(bands), ward=ward, parking_zone=zone))
    pc = new_postcode("FB2")
    for room in range(1, 17):
        uprn += rng.randint(1, 5)
        db.props.append(dict(uprn=uprn, address_line_1="40 Station Road", address_line_2=f"Room {room}, Cranmer Court",
                             town="Fenbridge", postcode=pc, council_tax_band="A", ward="Castle",
                             parking_zone="Zone F1"))
    # background households
    for p in db.props:
        flat = bool(p["address_line_2"])
        if rng.random() < 0.10:  # vacant now, may have a closed account from the last occupant
            if rng.random() < 0.7:
                lp = new_person()
                end = days(-rng.randint(20, 200))
                db.accounts.append(dict(account_ref=db.new_ref("58"), uprn=p["uprn"], liable_parties=lp.full,
                                        status="closed", start_date=end - dt.timedelta(days=rng.randint(300, 2500)),
                                        end_date=end, discounts=""))
            continue
        n = 1 if flat else rng.choices([1, 2, 3, 4], [35, 45, 15, 5])[0]
        first = new_person()
        adults = [first]
        for k in range(n - 1):
            adults.append(new_person(last=first.last if k == 0 and rng.random() < 0.7 else None))
        liable = adults[:1] if (n == 1 or rng.random() < 0.35) else adults[:2]
        disc = "SPD" if n == 1 and rng.random() < 0.8 else ""
        start = days(-rng.randint(60, 5000))
        if rng.random() < 0.35:
            old = new_person()
            db.accounts.append(dict(account_ref=db.new_ref("58"), uprn=p["uprn"], liable_parties=old.full,
                                    status="closed", start_date=start - dt.timedelta(days=rng.randint(300, 3000)),
                                    end_date=start - dt.timedelta(days=1), discounts=rng.choice(["", "SPD"])))
        db.accounts.append(dict(account_ref=db.new_ref(), uprn=p["uprn"], liable_parties=";".join(x.full for x in liable),
                                status="active", start_date=start, end_date=None, discounts=disc))
        for a in adults:
            if rng.random() < 0.92:
                db.electors.append(dict(elector_number=db.new_elector_no(p["ward"]), full_name=a.full, uprn=p["uprn"]))
        if p["parking_zone"] and not flat:
            for _ in range(rng.choice([0, 0, 1, 1, 1, 2])):
                vf = days(-rng.randint(10, 340))
                if rng.random() < 0.15:
                    vf = days(-rng.randint(380, 600))  # expired
                db.add_permit(p["uprn"], db.new_vrm(rng.choice(["current"] * 8 + ["prefix", "suffix"])),
                              p["parking_zone"], vf)
    return db


def write_workbook(db, path):
    wb = Workbook()
    ws = wb.active
    ws.title = "properties"
    cols = ["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band", "ward", "parking_zone"]
    ws.append(cols)
    for p in sorted(db.props, key=lambda r: r["uprn"]):
        ws.append([p[c] if p[c] != "" else None for c in cols])
    sheets = [
        ("council_tax_accounts", ["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"],
         sorted(db.accounts, key=lambda r: r["account_ref"])),
        ("electoral_register", ["elector_number", "full_name", "uprn"], sorted(db.electors, key=lambda r: (r["elector_number"][:2], int(r["elector_number"][3:])))),
        ("parking_permits", ["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"], sorted(db.permits, key=lambda r: r["permit_ref"])),
    ]
    for name, cols, rows in sheets:
        ws = wb.create_sheet(name)
        ws.append(cols)
        for r in rows:
            ws.append([r[c] if r[c] not in ("",) else None for c in cols])
        for i, c in enumerate(cols):
            if c in ("start_date", "end_date", "valid_from", "valid_to"):
                for cell in ws.iter_cols(min_col=i + 1, max_col=i + 1, min_row=2):
                    for x in cell:
                        x.number_format = "yyyy-mm-dd"
            if c == "account_ref":
                for cell in ws.iter_cols(min_col=i + 1, max_col=i + 1, min_row=2):
                    for x in cell:
                        x.number_format = "@"
    for ws in wb.worksheets:
        for col in ws.columns:
            ws.column_dimensions[col[0].column_letter].width = max(10, min(45, max(len(str(c.value or "")) for c in col) + 2))
    wb.save(path)


# ----------------------------------------------------------------------------- checks (my reading of forms.md)
TITLES = {"mr", "mrs", "ms", "miss", "dr", "mx"}
REQUIRED = {
    "council_tax_spd": ["account_ref", "applicant_name", "address", "postcode", "sole_adult_since", "declaration_date"],
    "parking_permit": ["applicant_name", "address", "postcode", "vrm", "zone", "start_date", "declaration_date"],
    "correspondence": ["topic", "body"],
}
FIELD_ORDER = {
    "council_tax_spd": ["account_ref", "applicant_name", "address", "postcode", "sole_adult_since", "other_adult_name",
                        "other_adult_forwarding_address", "change_description", "phone", "email", "declaration_date"],
    "council_tax_move": ["move_type", "account_ref", "applicant_name", "previous_address", "previous_postcode",
                         "new_address", "new_postcode", "move_date", "phone", "email", "declaration_date"],
    "parking_permit": ["applicant_name", "address", "postcode", "vrm", "vehicle_make", "zone", "start_date", "phone",
                       "email", "declaration_date"],
    "correspondence": ["topic", "sender_name", "address", "postcode", "account_ref", "dates_mentioned", "body"],
}
VRM_RE = [r"^[A-Z]{2}[0-9]{2}[A-Z]{3}$", r"^[A-Z][0-9]{1,3}[A-Z]{3}$", r"^[A-Z]{3}[0-9]{1,3}[A-Z]$"]


def name_key(n):
    toks = [t for t in re.sub(r"[.,]", " ", n).lower().split()]
    while toks and toks[0] in TITLES:
        toks = toks[1:]
    return " ".join(toks)


def is_party(name, parties):
    return name_key(name) in {name_key(x) for x in parties.split(";") if x.strip()}


DATE_IN_TEXT = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)? (" + "|".join(MONTHS) + r") (\d{4})\b|\b(\d{2})/(\d{2})/(\d{4})\b")


def dates_in_text(s):
    out = []
    for m in DATE_IN_TEXT.finditer(s):
        if m.group(1):
            out.append(dt.date(int(m.group(3)), MONTHS.index(m.group(2)) + 1, int(m.group(1))))
        else:
            out.append(dt.date(int(m.group(6)), int(m.group(5)), int(m.group(4))))
    return out


def check(db, ft, f):
    r = []
    req = REQUIRED.get(ft)
    if ft == "council_tax_move":
        req = ["move_type", "applicant_name", "move_date", "declaration_date"]
        if f.get("move_type") == "out":
            req += ["account_ref", "previous_address", "previous_postcode"]
        else:
            req += ["new_address", "new_postcode"]
    for k in req:
        if k not in f:
            r.append(f"MISSING_FIELD:{k}")
    D = lambda k: dt.date.fromisoformat(f[k]) if k in f else None
    if ft == "council_tax_spd":
        a = db.account(f["account_ref"]) if "account_ref" in f else None
        if "account_ref" in f and a is None:
            r.append("ACCOUNT_NOT_FOUND")
        if a:
            if a["status"] == "closed":
                r.append("ACCOUNT_CLOSED")
            if not is_party(f["applicant_name"], a["liable_parties"]):
                r.append("NAME_MISMATCH")
            p = db.prop(a["uprn"])
            if db.find_property(f.get("address", ""), f.get("postcode", "")) is not p:
                r.append("ADDRESS_MISMATCH")
            if "SPD" in (a["discounts"] or "").split(";"):
                r.append("DISCOUNT_ALREADY_APPLIED")
            known = {name_key(f["applicant_name"])} | ({name_key(f["other_adult_name"])} if "other_adult_name" in f else set())
            if any(name_key(e["full_name"]) not in known for e in db.electors_at(a["uprn"])):
                r.append("OTHER_ADULTS_REGISTERED")
        s = D("sole_adult_since")
        if s:
            if s > ASOF:
                r.append("DATE_IN_FUTURE")
            if (ASOF - s).days > 365:
                r.append("DATE_TOO_OLD")
            if "change_description" in f and any(x != s for x in dates_in_text(f["change_description"])):
                r.append("INCONSISTENT_DATES")
    elif ft == "council_tax_move":
        if "account_ref" in f:
            a = db.account(f["account_ref"])
            if a is None:
                r.append("ACCOUNT_NOT_FOUND")
            else:
                if not is_party(f["applicant_name"], a["liable_parties"]):
                    r.append("NAME_MISMATCH")
                if f["move_type"] == "out" and db.find_property(f.get("previous_address", ""), f.get("previous_postcode", "")) is not db.prop(a["uprn"]):
                    r.append("ADDRESS_MISMATCH")
        if f["move_type"] == "in" and "new_address" in f and not db.find_property(f["new_address"], f.get("new_postcode", "")):
            r.append("PROPERTY_NOT_FOUND")
        m = D("move_date")
        if m and (m - ASOF).days > 28:
            r.append("DATE_IN_FUTURE")
        if m and (ASOF - m).days > 365:
            r.append("DATE_TOO_OLD")
    elif ft == "parking_permit":
        p = db.find_property(f.get("address", ""), f.get("postcode", "")) if "address" in f else None
        if "address" in f and p is None:
            r.append("PROPERTY_NOT_FOUND")
        if p:
            if not p["parking_zone"] or p["parking_zone"] != f.get("zone"):
                r.append("NOT_IN_PERMIT_ZONE")
            a = db.active_account(p["uprn"])
            on_acct = a is not None and is_party(f["applicant_name"], a["liable_parties"])
            on_reg = any(name_key(e["full_name"]) == name_key(f["applicant_name"]) for e in db.electors_at(p["uprn"]))
            if not (on_acct or on_reg):
                r.append("NOT_RESIDENT")
        if "vrm" in f:
            if not any(re.match(x, f["vrm"]) for x in VRM_RE):
                r.append("INVALID_FORMAT:vrm")
            elif db.active_permits(vrm=f["vrm"]):
                r.append("VRM_HAS_PERMIT")
        if p and len(db.active_permits(uprn=p["uprn"])) >= 2:
            r.append("PERMIT_CAP_REACHED")
        s = D("start_date")
        if s and (s - ASOF).days > 28:
            r.append("DATE_IN_FUTURE")
    elif ft == "correspondence":
        a = db.account(f["account_ref"]) if "account_ref" in f else None
        addr_ok = "address" in f and "postcode" in f and db.find_property(f["address"], f["postcode"]) is not None
        if "sender_name" not in f or not (addr_ok or a is not None):
            r.append("SENDER_UNKNOWN")
        if "account_ref" in f and a is None:
            r.append("ACCOUNT_NOT_FOUND")
    return r


# ----------------------------------------------------------------------------- cases
LAYOUTS = ["typed_paper", "table_grid", "fillable_pdf", "online_receipt", "backoffice_print", "prose"]
UPPER_LAYOUTS = {"typed_paper", "backoffice_print"}
DATE_STYLES = {
    "typed_paper": ["slash", "dot", "slash"],
    "table_grid": ["long", "ordinal"],
    "fillable_pdf": ["dash", "slash_short", "slash"],
    "online_receipt": ["long", "iso"],
    "backoffice_print": ["slash", "iso"],
    "prose": ["ordinal", "long", "us"],
}
ACCT_STYLES = {
    "typed_paper": ["comb"],
    "table_grid": ["space", "plain"],
    "fillable_pdf": ["ct", "plain", "dash"],
    "online_receipt": ["plain"],
    "backoffice_print": ["ct", "dash"],
    "prose": ["space", "plain", "ct"],
}
FORWARD = [
    ("14 Hills Road", "Cambridge", "CB2 1PH"), ("7 Thorpe Road", "Norwich", "NR1 1RY"),
    ("Flat 2, 31 Lincoln Road", "Peterborough", "PE1 2RR"), ("22 Park Street", "Bury St Edmunds", "IP33 1RA"),
    ("9 Fore Hill", "Ely", "CB7 4AA"), ("118 Mill Road", "Cambridge", "CB1 2BD"),
    ("3 Cedar Avenue", "Leeds", "LS6 2AB"), ("41 Queens Road", "King's Lynn", "PE30 5HT"),
    ("Meadowbank Care Home, 5 Church Lane", "March", "PE15 8AA"), ("27 Abbey Street", "Bedford", "MK40 3NH"),
    ("66 Victoria Avenue", "Huntingdon", "PE29 3RS"), ("Flat 11, Wharf House, 2 Canal Street", "Nottingham", "NG1 7EH"),
    ("5 The Crescent", "Wisbech", "PE13 1EH"), ("19 Chapel Lane", "St Ives", "PE27 5DX"),
]
MAKES = ["Ford Fiesta", "Vauxhall Corsa", "Toyota Yaris", "VW Golf", "Nissan Qashqai", "Kia Niro", "Honda Jazz",
         "Skoda Octavia", "Tesla Model 3", "MINI Cooper", "Peugeot 208", "Renault Clio", "Hyundai i20", "Volvo XC40"]
EMAIL_DOMAINS = ["example.com", "example.org", "example.net", "example.co.uk"]


class Case:
    def __init__(self, ft, layout, intent):
        self.ft, self.layout, self.intent = ft, layout, intent
        self.F, self.S = {}, {}
        self.up = layout in UPPER_LAYOUTS
        self.dstyle = rng.choice(DATE_STYLES[layout])
        self.astyle = rng.choice(ACCT_STYLES[layout])
        self.dup = None
        self.meta = {}

    def w(self, s):  # "as written" casing of the layout
        return s.upper() if self.up else s

    def date(self, k, d, style=None):
        self.F[k] = d.isoformat()
        self.S[k] = fmt_date(d, style or self.dstyle)

    def acct(self, k, ref):
        self.F[k] = ref
        self.S[k] = fmt_acct(ref, self.astyle)

    def text(self, k, s, upper=True):
        s = self.w(s) if upper else s
        self.F[k] = collapse(s)
        self.S[k] = s

    def pc(self, k, pc):
        self.F[k] = norm_pc(pc)
        st = rng.choice(["norm", "norm", "norm", "lower", "nospace"]) if self.layout in ("fillable_pdf", "prose", "table_grid") else "norm"
        self.S[k] = fmt_pc(pc, st)

    def address(self, k, pck, lines, town, pc):
        lines = [self.w(x) for x in lines]
        self.F[k] = collapse(", ".join(lines))
        self.S[k] = lines
        self.S[k + "_town"] = self.w(town)
        self.pc(pck, pc)

    def name(self, k, person, title=None):
        t = title if title is not None else (person.title() if rng.random() < 0.6 else "")
        full = (t + " " if t else "") + person.full
        self.text(k, full)
        self.S[k + "_parts"] = (self.w(t), self.w(person.first), self.w(person.last))

    def contact(self, person, p_phone=0.7, p_email=0.5):
        if rng.random() < p_phone:
            ph = rng.choice([f"01358 {rng.randint(200000, 899999)}", f"07700 900{rng.randint(100, 999)}",
                             f"07700 {rng.randint(900000, 900999)}"])
            self.text("phone", ph, upper=False)
        if rng.random() < p_email:
            e = f"{person.first.lower()}.{person.last.lower()}{rng.choice(['', '', str(rng.randint(1, 99))])}@{rng.choice(EMAIL_DOMAINS)}"
            self.text("email", e, upper=False)


def prop_lines(p):
    if p["address_line_2"]:
        return [p["address_line_2"], p["address_line_1"]]
    return [p["address_line_1"]]


def decl_after(d, lo=0, hi=12):
    x = min(ASOF - dt.timedelta(days=rng.randint(lo, hi)), max(d, ASOF - dt.timedelta(days=hi)) + dt.timedelta(days=rng.randint(1, 5)))
    return min(x, ASOF)


SPD_STORIES = [
    ("partner", "My partner {o} moved out on {d} and now lives elsewhere."),
    ("husband", "My husband and I have separated. He left the property on {d}."),
    ("wife", "My wife {o} moved out on {d}. We are getting divorced."),
    ("lodger", "My lodger's tenancy ended and {o} moved out on {d}."),
    ("mother", "My mother went into residential care on {d} and will not be coming home."),
    ("flatmate", "My flatmate {o} moved back home when her job here finished."),
    ("son", "My son {o} has moved into his own flat."),
]


def build_spd(db, layout, intent):
    c = Case("council_tax_spd", layout, intent)
    p = db.pick(flat=False if intent == "ADDRESS_MISMATCH" else (None if rng.random() < 0.8 else True))
    app = new_person()
    rel, story = rng.choice(SPD_STORIES)
    if intent == "NAME_MISMATCH":
        rel, story = SPD_STORIES[1]  # the account was in the husband's sole name
    if p["address_line_2"]:
        rel, story = "flatmate", "My flatmate {o} moved out on {d}."
    osex = {"husband": "m", "wife": "f", "mother": "f", "son": "m", "flatmate": "f"}.get(rel)
    other = new_person(sex=osex, last=app.last if rel in ("husband", "wife", "mother", "son") else None)
    since = days(-rng.randint(15, 260))
    if intent == "DATE_TOO_OLD":
        since = days(-rng.randint(420, 560))
    liable = [app, other] if rel in ("partner", "husband", "wife") and rng.random() < 0.7 else [app]
    reg = [app] + ([other] if rng.random() < 0.5 else [])
    disc = "SPD" if intent == "DISCOUNT_ALREADY_APPLIED" else ""
    if intent == "NAME_MISMATCH":
        liable = [other]
        reg = [app, other]
    if intent == "OTHER_ADULTS_REGISTERED":
        extra = new_person(last=app.last)
        reg = [app, extra] + ([other] if rng.random() < 0.5 else [])
    acct = db.set_household(p, liable, reg, disc, start=since - dt.timedelta(days=rng.randint(500, 3000)))
    ref = acct["account_ref"]
    if intent == "ACCOUNT_CLOSED":
        acct["status"], acct["end_date"] = "closed", since - dt.timedelta(days=rng.randint(60, 200))
        db.accounts.append(dict(account_ref=db.new_ref(), uprn=p["uprn"], liable_parties=acct["liable_parties"],
                                status="active", start_date=acct["end_date"] + dt.timedelta(days=1), end_date=None, discounts=""))
    if intent == "ACCOUNT_NOT_FOUND":
        while True:
            i = rng.randint(2, 6)
            bad = ref[:i] + ref[i + 1] + ref[i] + ref[i + 2:]
            if bad != ref and bad not in db.acct_refs:
                ref = bad
                break
    c.acct("account_ref", ref)
    c.name("applicant_name", app)
    lines = prop_lines(p)
    if intent == "ADDRESS_MISMATCH":
        n, st = lines[0].split(" ", 1)
        n2 = n[::-1] if len(n) > 1 and n[::-1] != n else str(int(n) + 10)
        lines = [f"{n2} {st}"]
    c.address("address", "postcode", lines, "Fenbridge", p["postcode"])
    c.date("sole_adult_since", since)
    c.text("other_adult_name", other.full if rng.random() < 0.7 or intent in ("NAME_MISMATCH",) else f"{other.title()} {other.full}")
    if rng.random() < 0.7:
        fa = rng.choice(FORWARD)
        c.text("other_adult_forwarding_address", f"{fa[0]}, {fa[1]}, {fa[2]}")
    d_in_story = since
    if intent == "INCONSISTENT_DATES":
        d_in_story = since - dt.timedelta(days=rng.randint(9, 40))
        if "{d}" not in story:
            story = "My partner {o} moved out on {d}."
    if layout != "prose" and (rng.random() < 0.85 or intent == "INCONSISTENT_DATES"):
        c.text("change_description", ("Cust states: " if layout == "backoffice_print" else "") + story.format(o=other.first, d=fmt_date(d_in_story, rng.choice(["long", "ordinal", "slash"]))))
    c.contact(app)
    c.date("declaration_date", decl_after(since))
    c.meta.update(app=app, other=other, prop=p)
    return c


def build_move(db, layout, intent, move_type):
    c = Case("council_tax_move", layout, intent)
    c.F["move_type"] = move_type
    app = new_person()
    if move_type == "out":
        p = db.pick(flat=False if intent == "ADDRESS_MISMATCH" else None)
        partner = new_person(last=app.last) if rng.random() < 0.4 else None
        liable = [app] + ([partner] if partner else [])
        if intent == "NAME_MISMATCH":
            landlord = new_person()
            liable = [landlord]
        acct = db.set_household(p, liable, [app] + ([partner] if partner else []))
        if intent != "MISSING_FIELD:account_ref":
            c.acct("account_ref", acct["account_ref"])
        c.name("applicant_name", app)
        lines = prop_lines(p)
        if intent == "ADDRESS_MISMATCH":
            n, st = lines[0].split(" ", 1)
            alt = [q for q in db.props if q["address_line_1"].endswith(" " + st) and q["address_line_1"] != lines[0]
                   and not q["address_line_2"]]
            lines = [rng.choice(alt)["address_line_1"]]
        c.address("previous_address", "previous_postcode", lines, "Fenbridge", p["postcode"])
        fa = rng.choice(FORWARD)
        c.address("new_address", "new_postcode", [fa[0]], fa[1], fa[2])
        md = days(rng.randint(-45, 20))
        if intent == "DATE_TOO_OLD":
            md = days(-rng.randint(390, 520))
        c.date("move_date", md)
        c.meta.update(prop=p)
    else:
        p = db.pick(vacant=True)
        c.name("applicant_name", app)
        if rng.random() < 0.6:
            fa = rng.choice(FORWARD)
            c.address("previous_address", "previous_postcode", [fa[0]], fa[1], fa[2])
        lines = prop_lines(p)
        pc = p["postcode"]
        if intent == "PROPERTY_NOT_FOUND":
            nums = {int(q["address_line_1"].split()[0]) for q in db.props if q["address_line_1"].endswith("Ferry Path")}
            n = next(k for k in range(2, 40) if k not in nums)
            lines = ["Apartment 7, Maltings Wharf", f"{n} Ferry Path"]
            pc = next(q["postcode"] for q in db.props if "Ferry Path" in q["address_line_1"])
        c.address("new_address", "new_postcode", lines, "Fenbridge", pc)
        md = days(rng.randint(-40, 20))
        if intent == "DATE_IN_FUTURE":
            md = days(rng.randint(45, 70))
        c.date("move_date", md)
        c.meta.update(prop=p)
    c.contact(app)
    c.date("declaration_date", min(ASOF - dt.timedelta(days=rng.randint(0, 6)), max(md, ASOF - dt.timedelta(days=60)) + dt.timedelta(days=rng.randint(0, 4))) if md < ASOF else days(-rng.randint(0, 8)))
    c.meta.update(app=app)
    return c


def build_permit(db, layout, intent):
    c = Case("parking_permit", layout, intent)
    app = new_person()
    zone = rng.choice(ZONES)
    if intent == "NOT_IN_PERMIT_ZONE":
        p = db.pick(street="Cambridge Road", exclude_zone=True)
        zone = "Zone F1"
    else:
        p = db.pick(zone=zone, flat=False)
    partner = new_person(last=app.last) if rng.random() < 0.5 else None
    liable = [app] + ([partner] if partner and rng.random() < 0.5 else [])
    reg = [app] + ([partner] if partner else [])
    if rng.random() < 0.25 and intent != "NOT_RESIDENT":
        liable = [partner or new_person()]  # applicant resident via the register only
    if intent == "NOT_RESIDENT":
        host = new_person()
        liable, reg = [host], [host]
    db.set_household(p, liable, reg)
    n_active = {"PERMIT_CAP_REACHED": 2}.get(intent, rng.choice([0, 0, 1]))
    if p["parking_zone"]:
        for _ in range(n_active):
            db.add_permit(p["uprn"], db.new_vrm(), p["parking_zone"], days(-rng.randint(20, 300)))
        if rng.random() < 0.3:
            db.add_permit(p["uprn"], db.new_vrm(), p["parking_zone"], days(-rng.randint(400, 700)))  # expired
    vrm = db.new_vrm(rng.choice(["current"] * 6 + ["prefix", "suffix"]))
    if intent == "VRM_HAS_PERMIT":
        oldp = db.pick(zone=rng.choice(ZONES), flat=False)
        db.permits = [x for x in db.permits if x["uprn"] != oldp["uprn"]]
        db.add_permit(oldp["uprn"], vrm, oldp["parking_zone"], days(-rng.randint(60, 200)))
    if intent == "INVALID_FORMAT:vrm":
        vrm = "EG71KX"
    c.name("applicant_name", app)
    lines = prop_lines(p)
    pc = p["postcode"]
    if intent == "PROPERTY_NOT_FOUND":
        nums = {int(q["address_line_1"].split()[0]) for q in db.props if q["address_line_1"].endswith("Wharf Lane")}
        n = next(k for k in range(31, 60) if k not in nums)
        lines = [f"Flat 3, {n} Wharf Lane"]
        pc = next(q["postcode"] for q in db.props if q["address_line_1"].endswith("Wharf Lane"))
        zone = "Riverside"
    c.address("address", "postcode", lines, "Fenbridge", pc)
    if re.match(VRM_RE[0], vrm):
        vdisp = vrm[:4] + " " + vrm[4:]
    elif re.match(VRM_RE[1], vrm):
        vdisp = vrm[:-3] + " " + vrm[-3:]
    elif re.match(VRM_RE[2], vrm):
        vdisp = vrm[:3] + " " + vrm[3:]
    else:
        vdisp = vrm
    if intent == "INVALID_FORMAT:vrm":
        vdisp = "EG71 KX"
    c.F["vrm"] = vrm
    c.S["vrm"] = vdisp.lower() if (layout == "fillable_pdf" and rng.random() < 0.4) else vdisp
    if rng.random() < 0.8:
        c.text("vehicle_make", rng.choice(MAKES))
    c.F["zone"] = zone
    c.S["zone"] = zone
    sd = days(rng.randint(-5, 21))
    if intent == "DATE_IN_FUTURE":
        sd = days(rng.randint(40, 60))
    c.date("start_date", sd)
    c.contact(app)
    c.date("declaration_date", days(-rng.randint(0, 9)))
    c.meta.update(app=app, prop=p)
    return c


# ----------------------------------------------------------------------------- prose (letters and emails)
COUNCIL_ADDR = {
    "ctax": ["Council Tax Section", "Fenbridge City Council", "The Guildhall", "Market Square", "Fenbridge", "FB1 1AA"],
    "parking": ["Parking Services", "Fenbridge City Council", "The Guildhall", "Market Square", "Fenbridge", "FB1 1AA"],
    "general": ["Customer Services", "Fenbridge City Council", "The Guildhall", "Market Square", "Fenbridge", "FB1 1AA"],
}


def prose_sender(c, person, p, title=True):
    t = person.title() if title and rng.random() < 0.6 else ""
    name = (t + " " if t else "") + person.full
    return name, prop_lines(p) + ["Fenbridge"], p["postcode"]


def build_prose_spd(db, intent):
    c = build_spd(db, "prose", intent)
    app, other, p = c.meta["app"], c.meta["other"], c.meta["prop"]
    c.F.pop("change_description", None)
    name = c.F["applicant_name"]
    fwd = c.S.get("other_adult_forwarding_address")
    sd = fmt_date(dt.date.fromisoformat(c.F["sole_adult_since"]), "ordinal")
    addr_inline = ", ".join(c.S["address"]) + ", Fenbridge " + c.S["postcode"]
    paras = [
        "I am writing to apply for the single person discount on my council tax.",
        f"{c.S['other_adult_name']} moved out of {addr_inline} on {sd}, and since that date I have been the only adult living at the property."
        + (f" Their new address is {fwd}." if fwd else ""),
        f"My council tax account number is {c.S['account_ref']}."
        + (f" If you need to contact me my telephone number is {c.S['phone']}." if "phone" in c.S else ""),
        "I confirm that the information in this letter is true and complete to the best of my knowledge, and I will let you know if anyone else comes to live here.",
    ]
    c.prose = dict(kind="letter", sender_name=name, sender_lines=c.S["address"] + ["Fenbridge", c.S["postcode"]],
                   date=c.S["declaration_date"], to=COUNCIL_ADDR["ctax"], salutation="Dear Sir or Madam,",
                   subject="Single Person Discount", paragraphs=paras, close="Yours faithfully,",
                   extra=[c.S["email"]] if "email" in c.S else [])
    return c


def build_prose_move_out(db, intent):
    c = build_move(db, "prose", intent, "out")
    md = fmt_date(dt.date.fromisoformat(c.F["move_date"]), c.dstyle)
    paras = [
        f"Please accept this letter as notice that I am moving out of {', '.join(c.S['previous_address'])}, Fenbridge, {c.S['previous_postcode']}. My last day at the property will be {md}, when I hand the keys back to the landlord.",
        f"My council tax account reference is {c.S['account_ref']}.",
        f"From that date my new address will be {', '.join(c.S['new_address'])}, {c.S['new_address_town']}, {c.S['new_postcode']}. Please send the final bill there.",
        "I declare that the information I have given is correct.",
    ]
    extra = [f"Tel: {c.S['phone']}"] if "phone" in c.S else []
    extra += [f"Email: {c.S['email']}"] if "email" in c.S else []
    c.prose = dict(kind="letter", sender_name=c.F["applicant_name"],
                   sender_lines=c.S["previous_address"] + ["Fenbridge", c.S["previous_postcode"]],
                   date=c.S["declaration_date"], to=COUNCIL_ADDR["ctax"], salutation="Dear Council Tax team,",
                   subject="Moving out - council tax", paragraphs=paras, close="Yours sincerely,", extra=extra)
    return c


def build_prose_permit(db, intent):
    c = build_permit(db, "prose", intent)
    c.F.pop("phone", None)
    c.S.pop("phone", None)
    app = c.meta["app"]
    email = f"{app.first.lower()}{app.last.lower()}@{rng.choice(EMAIL_DOMAINS)}"
    c.text("email", email, upper=False)
    c.F.pop("applicant_name")
    c.text("applicant_name", app.full)
    sd = fmt_date(dt.date.fromisoformat(c.F["start_date"]), "long")
    make = c.S.get("vehicle_make")
    car = f"a {make}, registration {c.S['vrm']}" if make else f"registration {c.S['vrm']}"
    paras = [
        f"I moved into {', '.join(c.S['address'])}, Fenbridge {c.S['postcode']} last month. It is a newly converted flat above the old chandlery, so it may not be on your system yet.",
        f"I would like to apply for a residents' parking permit for the {c.S['zone']} zone for my car, {car}. I would like the permit to start on {sd}.",
        "I can send a copy of my tenancy agreement and the V5C if you need them. I confirm the details above are correct.",
    ]
    sent = dt.date.fromisoformat(c.F["declaration_date"])
    c.prose = dict(kind="email", sender_name=app.full, from_addr=email, to_addr="parking@fenbridge.gov.uk",
                   sent=f"{sent.strftime('%A')}, {fmt_date(sent, 'long')} {rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}",
                   subject="Resident parking permit - new flat on Wharf Lane", salutation="Hello,", paragraphs=paras,
                   close="Many thanks,", extra=[])
    return c


CORR = [
    # (intent, topic, kind)
    ("clean", "missed_bin", "letter"), ("clean", "missed_bin", "email"),
    ("clean", "council_tax_query", "letter"), ("clean", "council_tax_query", "email"),
    ("clean", "complaint", "letter"), ("clean", "complaint", "email"),
    ("clean", "foi_request", "email"), ("clean", "other", "letter"),
    ("SENDER_UNKNOWN", "missed_bin", "email"), ("ACCOUNT_NOT_FOUND", "council_tax_query", "letter"),
    ("SENDER_UNKNOWN", "foi_request", "email"),
]


def build_corr(db, intent, topic, kind):
    c = Case("correspondence", "prose", intent)
    c.F["topic"] = topic
    person = new_person()
    p = db.pick()
    acct = db.set_household(p, [person], [person])
    ref = acct["account_ref"]
    name, lines, pc = prose_sender(c, person, p)
    addr = ", ".join(prop_lines(p))
    d1 = days(-rng.randint(3, 14))
    letter_date = min(days(-1), d1 + dt.timedelta(days=rng.randint(1, 4)))
    d2 = d1 - dt.timedelta(days=rng.randint(14, 40))
    st = rng.choice(["ordinal", "long"])
    f1, f2 = fmt_date(d1, st), fmt_date(d2, st)
    quote_ref = False
    to = COUNCIL_ADDR["general"]
    if topic == "missed_bin" and intent == "clean":
        subject = "Missed bin collection"
        paras = [f"Our black general waste bin at {addr} was not emptied on {f1}. It was out at the kerb by 7am as usual, and the bins either side of ours were emptied.",
                 "Could you please arrange for the crew to come back for it? It is now very full and we have a young family."]
        if kind == "email":
            paras = [f"The blue recycling bin for {addr} was missed on {d1.strftime('%A')} {f1}. Everyone else in the road had theirs collected.",
                     "Please can someone come back for it before the next collection. Thanks for your help."]
    elif topic == "missed_bin":  # anonymous
        subject = "bins"
        paras = [f"hi recycling not collected again on {f1} on Fenland Way, half the street missed. can someone sort it",
                 "thanks"]
    elif topic == "council_tax_query":
        to = COUNCIL_ADDR["ctax"]
        quote_ref = True
        subject = "Query about my council tax bill"
        paras = [f"I received my council tax bill dated {f2} and I do not understand why the instalment due on {f1} is higher than the others.",
                 f"My account number is {{REF}}. Could you please explain how the amount has been worked out, and whether I can spread the payments over 12 months instead of 10?"]
        if kind == "email":
            paras = [f"Could you tell me which council tax band my home at {addr} is in? My neighbour says the houses were revalued.",
                     f"The reference on my bill is {{REF}}. I would also like to switch to paying by direct debit on the 15th of each month from {f1}."]
    elif topic == "complaint":
        subject = "Formal complaint"
        paras = [f"I wish to make a formal complaint about the way I was treated at the customer service desk in the Guildhall on {f1}. The member of staff was dismissive and refused to give me their name.",
                 "I would like a written response explaining what will be done about this, in line with your complaints procedure."]
        if kind == "email":
            paras = [f"I am writing to complain about the broken street light outside my house at {addr}. I first reported it on {f2} and again on {f1}, and nothing has been done.",
                     "The pavement is completely dark in the evenings and an elderly neighbour has already fallen. I expect a proper response to this complaint."]
    elif topic == "foi_request":
        subject = "Freedom of Information request"
        paras = ["Under the Freedom of Information Act 2000, please provide the number of residents' parking permits issued in each parking zone (Cathedral, Zone F1, Zone F2 and Riverside) in each of the calendar years 2024 and 2025.",
                 "Please also provide the total income the council received from residents' permits in each of those years. I would prefer to receive the information electronically."]
        if intent != "clean":
            paras[0] = "I am writing to request information under the Freedom of Information Act 2000. Please provide the number of penalty charge notices issued in Fenbridge in each month from January 2025 to October 2026, broken down by street."
            paras[1] = "Please also tell me how many of those notices were cancelled on appeal. I would be grateful for the data as a spreadsheet."
    else:  # other
        subject = "Street party"
        paras = [f"We are planning a street party on our road to celebrate the cathedral's anniversary on {fmt_date(days(rng.randint(150, 200)), st)}, and would like to know how to apply for a temporary road closure.",
                 "Could you send me the application form and tell me whether there is a charge? About twenty households are involved."]
    if intent == "ACCOUNT_NOT_FOUND":
        while True:
            bad = ref[:5] + f"{rng.randint(0, 999):03d}"
            if bad not in db.acct_refs:
                ref = bad
                break
    if quote_ref:
        c.F["account_ref"] = ref
        paras = [x.replace("{REF}", fmt_acct(ref, rng.choice(["space", "plain", "ct"]))) for x in paras]
    anon = intent == "SENDER_UNKNOWN" and topic == "missed_bin"
    journo = intent == "SENDER_UNKNOWN" and topic == "foi_request"
    sent_d = letter_date
    if kind == "letter":
        c.prose = dict(kind="letter", sender_name=name, sender_lines=lines + [pc], date=fmt_date(letter_date, rng.choice(["long", "ordinal", "us"])),
                       to=to, salutation="Dear Sir or Madam,", subject=subject, paragraphs=paras,
                       close="Yours faithfully," if topic != "complaint" else "Yours sincerely,", extra=[])
        dlist = [letter_date]
    else:
        from_addr = f"{person.first.lower()}.{person.last.lower()}@{rng.choice(EMAIL_DOMAINS)}"
        sig_extra = lines + [pc]
        if anon:
            from_addr, name, sig_extra = "fenlandway.mum@example.net", None, ["Sent from my iPhone"]
        if journo:
            name, from_addr = person.full, f"{person.first[0].lower()}{person.last.lower()}@fenvalleygazette.example"
            sig_extra = ["Data Reporter, Fen Valley Gazette", "Tel: 07700 900417"]
        c.prose = dict(kind="email", sender_name=name, from_addr=from_addr,
                       to_addr={"council_tax_query": "counciltax@fenbridge.gov.uk", "foi_request": "foi@fenbridge.gov.uk"}.get(topic, "enquiries@fenbridge.gov.uk"),
                       sent=f"{sent_d.strftime('%A')}, {fmt_date(sent_d, 'long')} {rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}",
                       subject=subject, salutation=None if anon else rng.choice(["Dear Sir or Madam,", "Hello,", "To whom it may concern,"]),
                       paragraphs=paras, close=None if anon else rng.choice(["Kind regards,", "Regards,", "Thank you,"]),
                       extra=sig_extra)
        dlist = [sent_d]
    if name:
        c.F["sender_name"] = name
    if not (anon or journo):
        c.F["address"] = collapse(addr)
        c.F["postcode"] = pc
    if journo or anon:
        # the sender was made a resident above only to draw a name; detach them from the records
        db.accounts = [a for a in db.accounts if a is not acct]
        db.electors = [e for e in db.electors if e["uprn"] != p["uprn"]]
        db.used.discard(p["uprn"])
        db.acct_refs.discard(acct["account_ref"])
        # give the property back a household so it is not left odd
        db.set_household(p, [new_person()], [])
        db.used.add(p["uprn"])
    body = collapse(" ".join(paras))
    c.F["body"] = body
    for d in dates_in_text(body):
        if d not in dlist:
            dlist.append(d)
    c.F["dates_mentioned"] = [d.isoformat() for d in dlist]
    return c


# ----------------------------------------------------------------------------- drawing helpers
def wrap(text, font, size, width):
    out = []
    for para in str(text).split("\n"):
        cur = ""
        for word in para.split():
            t = (cur + " " + word).strip()
            if pdfmetrics.stringWidth(t, font, size) <= width or not cur:
                cur = t
            else:
                out.append(cur)
                cur = word
        out.append(cur)
    return out or [""]


class Pager:
    def __init__(self, path, header, footer, bottom=56):
        self.c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
        self.c.setTitle("Document")
        self.c.setAuthor("")
        self.header, self.footer, self.bottom, self.page = header, footer, bottom, 1
        self.y = header(self.c, 1)

    def need(self, h):
        if self.y - h < self.bottom:
            self.footer(self.c, self.page)
            self.c.showPage()
            self.page += 1
            self.y = self.header(self.c, self.page)

    def save(self):
        self.footer(self.c, self.page)
        self.c.save()


def crest(c, x, y, s=1.0, fill=colors.HexColor("#1d3b5c")):
    c.saveState()
    c.setFillColor(fill)
    p = c.beginPath()
    p.moveTo(x, y + 30 * s)
    p.lineTo(x + 24 * s, y + 30 * s)
    p.lineTo(x + 24 * s, y + 12 * s)
    p.curveTo(x + 24 * s, y + 4 * s, x + 12 * s, y, x + 12 * s, y)
    p.curveTo(x + 12 * s, y, x, y + 4 * s, x, y + 12 * s)
    p.close()
    c.drawPath(p, fill=1, stroke=0)
    c.setFillColor(colors.white)
    c.rect(x + 10.5 * s, y + 8 * s, 3 * s, 17 * s, fill=1, stroke=0)
    c.rect(x + 6 * s, y + 19 * s, 12 * s, 3 * s, fill=1, stroke=0)
    c.restoreState()


# labels per layout ----------------------------------------------------------------------------------------------------
LBL = {
    "typed_paper": {
        "council_tax_spd": dict(
            title="APPLICATION FOR SINGLE PERSON DISCOUNT", code="Form CT14 (rev. 03/24)",
            sections=["PART A   YOUR COUNCIL TAX ACCOUNT", "PART B   ABOUT THE CHANGE IN YOUR HOUSEHOLD", "PART C   HOW WE CAN CONTACT YOU", "PART D   DECLARATION"],
            account_ref="1. Council Tax account number (top right of your bill)",
            applicant_name="2. Full name of the person responsible for paying",
            address="3. Address of the property", postcode="Postcode",
            sole_adult_since="4. Date you became the only adult (aged 18 or over) living there",
            other_adult_name="5. Name of the adult who has left",
            other_adult_forwarding_address="6. Their forwarding address, if known",
            change_description="7. Please tell us briefly what has changed",
            phone="8. Daytime telephone number", email="9. Email address",
            decl="I declare that the information I have given on this form is correct and complete. I understand that I must tell the Council within 21 days if anyone aged 18 or over comes to live at the property, and that giving false information may lead to prosecution.",
            date="Date"),
        "council_tax_move": dict(
            title="COUNCIL TAX - NOTIFICATION OF CHANGE OF ADDRESS", code="Form CT22 (rev. 01/25)",
            sections=["PART A   ABOUT YOU", "PART B   THE PROPERTY YOU ARE LEAVING", "PART C   THE PROPERTY YOU ARE MOVING TO", "PART D   DECLARATION"],
            move_type="1. Are you moving into or out of a property in Fenbridge? (mark one box with X)",
            move_opts={"in": "Moving in", "out": "Moving out"},
            account_ref="2. Council Tax account number (if you have one)",
            applicant_name="3. Your full name",
            previous_address="4. Address you are leaving", previous_postcode="Postcode",
            new_address="5. Address you are moving to", new_postcode="Postcode",
            move_date="6. Date of move (the date you got or gave up the keys)",
            phone="7. Telephone number", email="8. Email address",
            decl="I declare that the information on this form is true and complete. I understand that knowingly giving false information is an offence.",
            date="Date"),
        "parking_permit": dict(
            title="APPLICATION FOR A RESIDENT'S PARKING PERMIT", code="Form PK/R1",
            sections=["SECTION 1   APPLICANT", "SECTION 2   VEHICLE AND ZONE", "SECTION 3   CONTACT", "SECTION 4   DECLARATION"],
            applicant_name="1. Full name", address="2. Home address", postcode="Postcode",
            vrm="3. Vehicle registration number", vehicle_make="4. Make and model",
            zone="5. Permit zone (mark one box with X)", start_date="6. Date you want the permit to start",
            phone="7. Telephone", email="8. Email",
            decl="I declare that I live at the address above, that the vehicle is kept there and that the information given is correct. I understand that a permit does not guarantee a parking space.",
            date="Date"),
    },
    "table_grid": {
        "council_tax_spd": dict(
            title="Single Person Discount \u2013 application form", code="CTAX/SPD/2",
            sections=["Section 1: Your details", "Section 2: Your household", "Section 3: Contact details", "Section 4: Declaration"],
            account_ref="Council tax reference", applicant_name="Your name", address="Address of property",
            postcode="Post code", sole_adult_since="Date you started living alone",
            other_adult_name="Name of person who moved out", other_adult_forwarding_address="Their new address",
            change_description="What has changed?", phone="Telephone", email="E-mail",
            decl="I confirm that I am the only adult aged 18 or over living at this property and that the information I have given is correct.",
            date="Date signed"),
        "council_tax_move": dict(
            title="Moving home \u2013 Council Tax", code="CTAX/MOV/4",
            sections=["Section 1: About your move", "Section 2: Address you are leaving", "Section 3: Your new address", "Section 4: Declaration"],
            move_type="Are you moving in or out?", move_opts={"in": "I am moving in", "out": "I am moving out"},
            account_ref="Council tax reference (if known)", applicant_name="Name of person liable",
            previous_address="Old address", previous_postcode="Post code",
            new_address="New address", new_postcode="Post code",
            move_date="Date of move", phone="Telephone", email="E-mail",
            decl="The information given on this form is correct to the best of my knowledge.",
            date="Date signed"),
        "parking_permit": dict(
            title="Residents' parking permit application", code="PKG/RES/3",
            sections=["Section 1: Applicant", "Section 2: Vehicle", "Section 3: Contact", "Section 4: Declaration"],
            applicant_name="Applicant name", address="Home address", postcode="Post code",
            vrm="Registration", vehicle_make="Vehicle make", zone="Permit zone",
            start_date="Start date requested", phone="Telephone", email="E-mail",
            decl="I live at the address given and the vehicle is registered to me at that address.",
            date="Date signed"),
    },
    "fillable_pdf": {
        "council_tax_spd": dict(
            title="Claim for 25% Single Person Discount", code="Interactive form v2.1",
            sections=["About you", "Your household", "Contact", "Declaration"],
            account_ref="Account reference (on your bill)", applicant_name="Name", address="Property",
            postcode="Postcode", sole_adult_since="Only adult resident from (date)",
            other_adult_name="Former resident's name", other_adult_forwarding_address="Former resident's new address",
            change_description="Reason for claim", phone="Contact phone", email="Contact email",
            decl="By typing my name below I confirm that the information I have given is correct.",
            date="Date"),
        "council_tax_move": dict(
            title="Council Tax: change of address", code="Interactive form v1.7",
            sections=["Your move", "Property you are leaving", "Property you are moving to", "Declaration"],
            move_type="Moving", move_opts={"in": "Moving IN", "out": "Moving OUT"},
            account_ref="Account reference (if any)", applicant_name="Name",
            previous_address="Leaving", previous_postcode="Postcode",
            new_address="Moving to", new_postcode="Postcode",
            move_date="Date of move", phone="Contact phone", email="Contact email",
            decl="By typing my name below I confirm that the information I have given is correct.",
            date="Date"),
        "parking_permit": dict(
            title="Resident Permit Application", code="Interactive form v3.0",
            sections=["Applicant", "Vehicle", "Contact", "Declaration"],
            applicant_name="Name", address="Address", postcode="Postcode",
            vrm="Vehicle registration", vehicle_make="Make / model", zone="Zone applied for",
            start_date="Permit to start on", phone="Contact phone", email="Contact email",
            decl="By typing my name below I confirm I am resident at this address and the details are correct.",
            date="Date"),
    },
    "online_receipt": {
        "council_tax_spd": dict(
            title="Apply for a single person discount", slug="council-tax/single-person-discount", ref="SPD",
            sections=["Your account", "Who lives at the property", "Contact details", "Declaration"],
            account_ref="Council Tax account number", applicant_name="Your full name",
            address="Address of the property", sole_adult_since="Date you became the only adult living there",
            other_adult_name="Name of the person who left", other_adult_forwarding_address="Their new address",
            change_description="Tell us what changed", phone="Phone number", email="Email address",
            decl="I confirm the information I have given is correct", date="Date of declaration"),
        "council_tax_move": dict(
            title="Tell us you are moving", slug="council-tax/moving-home", ref="MOV",
            sections=["Your move", "Your details", "Addresses", "Declaration"],
            move_type="Are you moving in or out?", move_opts={"in": "Moving in to a Fenbridge address", "out": "Moving out of a Fenbridge address"},
            account_ref="Council Tax account number", applicant_name="Your full name",
            previous_address="Address you are leaving", new_address="Address you are moving to",
            move_date="Date of your move", phone="Phone number", email="Email address",
            decl="I confirm the information I have given is correct", date="Date of declaration"),
        "parking_permit": dict(
            title="Apply for a resident parking permit", slug="parking/resident-permit", ref="RPP",
            sections=["About you", "Your vehicle", "Contact details", "Declaration"],
            applicant_name="Your full name", address="Your address", vrm="Vehicle registration number",
            vehicle_make="Vehicle make", zone="Parking zone", start_date="Permit start date",
            phone="Phone number", email="Email address",
            decl="I confirm I live at this address and the information I have given is correct", date="Date of declaration"),
    },
    "backoffice_print": {
        "council_tax_spd": dict(
            title="REVENUES - SPD APPLICATION (TELEPHONE)", sections=["ACCOUNT", "HOUSEHOLD", "CONTACT", "DECLARATION"],
            account_ref="CTAX A/C NO", applicant_name="CALLER (LIABLE)", address="PROP ADDR", postcode="PCODE",
            sole_adult_since="SOLE OCC FROM", other_adult_name="PREV OCCUPANT", other_adult_forwarding_address="PREV OCC FWD ADDR",
            change_description="CASE NOTES", phone="TEL", email="EMAIL", date="DECL ACCEPTED ON"),
        "council_tax_move": dict(
            title="REVENUES - CHANGE OF ADDRESS (TELEPHONE)", sections=["CUSTOMER", "OLD ADDRESS", "NEW ADDRESS", "DECLARATION"],
            move_type="TRANSACTION", move_opts={"in": "MOVE IN (CTMI)", "out": "MOVE OUT (CTMO)"},
            account_ref="CTAX A/C NO", applicant_name="CUSTOMER", previous_address="OLD ADDR", previous_postcode="OLD PCODE",
            new_address="NEW ADDR", new_postcode="NEW PCODE", move_date="EFFECTIVE DATE", phone="TEL", email="EMAIL",
            date="DECL ACCEPTED ON"),
        "parking_permit": dict(
            title="PARKING SERVICES - PERMIT APPLICATION (TELEPHONE)", sections=["APPLICANT", "VEHICLE", "CONTACT", "DECLARATION"],
            applicant_name="APPLICANT", address="ADDR", postcode="PCODE", vrm="VRM", vehicle_make="MAKE/MODEL",
            zone="ZONE", start_date="START DATE", phone="TEL", email="EMAIL", date="DECL ACCEPTED ON"),
    },
}


def blocks(c):
    L = LBL[c.layout][c.ft]
    S = L["sections"]
    if c.ft == "council_tax_spd":
        return [("section", S[0]), ("field", "account_ref"), ("name", "applicant_name"), ("addr", "address", "postcode"),
                ("section", S[1]), ("field", "sole_adult_since"), ("field", "other_adult_name"),
                ("field", "other_adult_forwarding_address"), ("long", "change_description"),
                ("section", S[2]), ("field", "phone"), ("field", "email"), ("section", S[3]), ("decl",)]
    if c.ft == "council_tax_move":
        return [("section", S[0]), ("choice", "move_type"), ("field", "account_ref"), ("name", "applicant_name"),
                ("section", S[1]), ("addr", "previous_address", "previous_postcode"),
                ("section", S[2]), ("addr", "new_address", "new_postcode"), ("field", "move_date"),
                ("field", "phone"), ("field", "email"), ("section", S[3]), ("decl",)]
    return [("section", S[0]), ("name", "applicant_name"), ("addr", "address", "postcode"),
            ("section", S[1]), ("field", "vrm"), ("field", "vehicle_make"), ("choice", "zone"), ("field", "start_date"),
            ("section", S[2]), ("field", "phone"), ("field", "email"), ("section", S[3]), ("decl",)]


def choice_opts(c, key):
    L = LBL[c.layout][c.ft]
    if key == "move_type":
        return [(L["move_opts"][k], c.F.get("move_type") == k) for k in ("in", "out")]
    return [(z, c.F.get("zone") == z) for z in ZONES]


def sig_name(c):
    n = c.S.get("applicant_name") or ""
    parts = [x for x in n.split() if x.lower().strip(".") not in TITLES]
    return (parts[0][0] + ". " + " ".join(parts[1:])).title() if parts else ""


# ---------------------------------------------------------------- layout 1: typed_paper
def render_typed(c, path):
    L = LBL["typed_paper"][c.ft]

    def header(cv, page):
        cv.setFillColor(colors.black)
        cv.rect(36, H - 70, W - 72, 40, fill=1, stroke=0)
        cv.setFillColor(colors.white)
        cv.setFont("Helvetica-Bold", 17)
        cv.drawString(48, H - 56, "FENBRIDGE CITY COUNCIL")
        cv.setFont("Helvetica", 8)
        cv.drawRightString(W - 48, H - 47, "Revenues, Benefits & Parking")
        cv.drawRightString(W - 48, H - 58, "The Guildhall, Market Square, Fenbridge FB1 1AA")
        cv.setFillColor(colors.black)
        if page == 1:
            cv.setFont("Helvetica-Bold", 13)
            cv.drawString(40, H - 92, L["title"])
            cv.setFont("Helvetica", 8)
            cv.drawRightString(W - 40, H - 92, L["code"])
            cv.setFont("Helvetica-Oblique", 8.5)
            cv.drawString(40, H - 106, "Please complete in BLOCK CAPITALS using black ink. Mark boxes with X. Return to the address above.")
            return H - 122
        cv.setFont("Helvetica", 8)
        cv.drawString(40, H - 86, L["title"] + " (continued)")
        return H - 100

    def footer(cv, page):
        cv.setFont("Helvetica", 7)
        cv.drawString(40, 30, L["code"])
        cv.drawRightString(W - 40, 30, f"Page {page}")

    pg = Pager(path, header, footer)
    cv = pg.c
    TY = "Courier-Bold"

    def typed(x, y, s, size=10.5):
        cv.setFont(TY, size)
        cv.drawString(x + rng.uniform(-0.8, 0.8), y + rng.uniform(-0.8, 0.8), s)

    for b in blocks(c):
        if b[0] == "section":
            pg.need(40)
            cv.setFillColor(colors.HexColor("#d9d9d9"))
            cv.rect(36, pg.y - 14, W - 72, 16, fill=1, stroke=0)
            cv.setFillColor(colors.black)
            cv.setFont("Helvetica-Bold", 9)
            cv.drawString(42, pg.y - 9, b[1])
            pg.y -= 24
        elif b[0] in ("field", "name", "long"):
            k = b[1]
            val = c.S.get(k)
            long = b[0] == "long"
            lines = wrap(val, TY, 10.5, W - 92) if (val and long) else [val or ""]
            hgt = 18 if not long else max(3, len(lines)) * 14 + 6
            pg.need(hgt + 18)
            cv.setFont("Helvetica", 8.5)
            cv.drawString(40, pg.y - 8, L[k])
            top = pg.y - 12
            if k == "account_ref" and c.astyle == "comb":
                for i in range(8):
                    cv.rect(40 + i * 18, top - 20, 18, 20)
                if val:
                    for i, ch in enumerate(val.replace(" ", "")):
                        typed(45 + i * 18, top - 14, ch, 11)
                hgt = 20
            else:
                cv.rect(40, top - hgt, W - 80, hgt)
                for i, ln in enumerate(lines):
                    if ln:
                        typed(46, top - 13 - i * 14, ln)
            pg.y = top - hgt - 10
        elif b[0] == "addr":
            k, pk = b[1], b[2]
            lines = list(c.S.get(k) or [])
            if lines:
                lines = lines + [c.S[k + "_town"]]
            pg.need(80)
            cv.setFont("Helvetica", 8.5)
            cv.drawString(40, pg.y - 8, L[k])
            top = pg.y - 12
            cv.rect(40, top - 50, W - 80, 50)
            for i, ln in enumerate(lines[:3]):
                typed(46, top - 13 - i * 15, ln)
            cv.setFont("Helvetica", 8.5)
            cv.drawString(W - 210, top - 64, L[pk])
            cv.rect(W - 160, top - 70, 120, 18)
            if c.S.get(pk):
                typed(W - 154, top - 64, c.S[pk])
            pg.y = top - 82
        elif b[0] == "choice":
            k = b[1]
            opts = choice_opts(c, k)
            pg.need(40)
            cv.setFont("Helvetica", 8.5)
            cv.drawString(40, pg.y - 8, L[k])
            x = 46
            yb = pg.y - 30
            for text, sel in opts:
                cv.rect(x, yb, 12, 12)
                if sel:
                    typed(x + 2.3, yb + 2.5, "X", 11)
                cv.setFont("Helvetica", 9)
                cv.drawString(x + 17, yb + 2.5, text)
                x += 30 + pdfmetrics.stringWidth(text, "Helvetica", 9) + 20
            pg.y = yb - 12
        elif b[0] == "decl":
            dl = wrap(L["decl"], "Helvetica", 8.5, W - 80)
            pg.need(len(dl) * 11 + 60)
            cv.setFont("Helvetica", 8.5)
            for i, ln in enumerate(dl):
                cv.drawString(40, pg.y - 8 - i * 11, ln)
            yb = pg.y - 8 - len(dl) * 11 - 30
            cv.drawString(40, yb + 6, "Signature")
            cv.rect(90, yb, 250, 22)
            cv.setFont("Times-Italic", 15)
            cv.drawString(100, yb + 6, sig_name(c))
            cv.setFont("Helvetica", 8.5)
            cv.drawString(360, yb + 6, L["date"])
            cv.rect(390, yb, 165, 22)
            if c.S.get("declaration_date"):
                typed(396, yb + 7, c.S["declaration_date"])
            pg.y = yb - 20
    pg.need(40)
    cv.setFont("Helvetica-Oblique", 7)
    cv.drawString(40, pg.y - 10, "OFFICE USE ONLY   Date received: ________   Scanned by: ____   Batch: ______")
    pg.save()


# ---------------------------------------------------------------- layout 2: table_grid
def render_table(c, path):
    L = LBL["table_grid"][c.ft]
    TEAL = colors.HexColor("#00545e")
    X0, X1, X2 = 40, 230, W - 40

    def header(cv, page):
        crest(cv, W - 70, H - 78, 1.0, TEAL)
        cv.setFillColor(TEAL)
        cv.setFont("Helvetica-Bold", 15)
        cv.drawString(40, H - 58, "Fenbridge City Council")
        cv.setFillColor(colors.black)
        cv.setFont("Helvetica", 8)
        cv.drawString(40, H - 70, "www.fenbridge.gov.uk  |  01358 600600")
        if page == 1:
            cv.setFont("Helvetica-Bold", 13)
            cv.drawString(40, H - 100, L["title"])
            cv.setFont("Helvetica", 8)
            cv.drawString(40, H - 113, f"Ref. {L['code']}. Please fill in every section that applies to you and sign the declaration.")
            return H - 124
        return H - 92

    def footer(cv, page):
        cv.setFont("Helvetica", 7)
        cv.drawString(40, 28, f"{L['code']}  \u2013  Fenbridge City Council")
        cv.drawRightString(W - 40, 28, f"{page}")

    pg = Pager(path, header, footer)
    cv = pg.c

    def row(label, value_lines, font=UFONT, size=10, min_h=20):
        ll = wrap(label, "Helvetica-Bold", 9, X1 - X0 - 10)
        vl = []
        for v in value_lines:
            vl += wrap(v, font, size, X2 - X1 - 12) if v else [""]
        h = max(min_h, 12 * max(len(ll), len(vl)) + 8)
        pg.need(h)
        y = pg.y
        cv.setFillColor(colors.HexColor("#eef3f4"))
        cv.rect(X0, y - h, X1 - X0, h, fill=1, stroke=0)
        cv.setFillColor(colors.black)
        cv.setStrokeColor(colors.HexColor("#7a9ca1"))
        cv.rect(X0, y - h, X2 - X0, h, fill=0, stroke=1)
        cv.line(X1, y, X1, y - h)
        cv.setFont("Helvetica-Bold", 9)
        for i, ln in enumerate(ll):
            cv.drawString(X0 + 5, y - 13 - i * 12, ln)
        cv.setFont(font, size)
        for i, ln in enumerate(vl):
            cv.drawString(X1 + 6, y - 13 - i * 12, ln)
        pg.y -= h

    for b in blocks(c):
        if b[0] == "section":
            pg.need(40)
            pg.y -= 6
            cv.setFillColor(TEAL)
            cv.rect(X0, pg.y - 18, X2 - X0, 18, fill=1, stroke=0)
            cv.setFillColor(colors.white)
            cv.setFont("Helvetica-Bold", 10)
            cv.drawString(X0 + 5, pg.y - 13, b[1])
            cv.setFillColor(colors.black)
            pg.y -= 18
        elif b[0] in ("field", "name", "long"):
            row(L[b[1]], [c.S.get(b[1]) or ""], min_h=40 if b[0] == "long" else 20)
        elif b[0] == "addr":
            k, pk = b[1], b[2]
            lines = list(c.S.get(k) or [])
            if lines:
                lines.append(c.S[k + "_town"])
            row(L[k], lines or [""], min_h=44)
            row(L[pk], [c.S.get(pk) or ""])
        elif b[0] == "choice":
            opts = choice_opts(c, b[1])
            txt = "    ".join((BOX_ON if s else BOX_OFF) + " " + t for t, s in opts)
            row(L[b[1]], [txt])
        elif b[0] == "decl":
            dl = wrap(L["decl"], "Helvetica", 9, X2 - X0 - 10)
            pg.need(len(dl) * 11 + 60)
            cv.setFont("Helvetica", 9)
            for i, ln in enumerate(dl):
                cv.drawString(X0 + 4, pg.y - 12 - i * 11, ln)
            pg.y -= len(dl) * 11 + 10
            row("Signature", [sig_name(c)], font="Times-Italic", size=14, min_h=26)
            row(L["date"], [c.S.get("declaration_date") or ""])
    pg.save()


# ---------------------------------------------------------------- layout 3: fillable_pdf (AcroForm)
def render_fillable(c, path):
    L = LBL["fillable_pdf"][c.ft]
    BLUE = colors.HexColor("#2b4c7e")

    def header(cv, page):
        crest(cv, 40, H - 76, 1.1, BLUE)
        cv.setFont("Helvetica-Bold", 14)
        cv.setFillColor(BLUE)
        cv.drawString(76, H - 56, "Fenbridge City Council")
        cv.setFillColor(colors.black)
        cv.setFont("Helvetica", 8)
        cv.drawString(76, H - 68, "Fill in this form on screen, save it and email it to forms@fenbridge.gov.uk")
        if page == 1:
            cv.setFont("Helvetica-Bold", 12.5)
            cv.drawString(40, H - 100, L["title"])
            cv.setFont("Helvetica", 7.5)
            cv.drawRightString(W - 40, H - 100, L["code"])
            return H - 114
        return H - 92

    def footer(cv, page):
        cv.setFont("Helvetica", 7)
        cv.drawRightString(W - 40, 28, f"Page {page}")

    pg = Pager(path, header, footer)
    cv = pg.c
    counter = [0]
    FX = 210

    def tf(value, x, y, w, h, multiline=False):
        counter[0] += 1
        kw = dict(name=f"Text{counter[0]}", tooltip="", value=value or "", x=x, y=y, width=w, height=h,
                  fontName="Helvetica", fontSize=9.5, borderColor=colors.HexColor("#8899aa"),
                  fillColor=colors.HexColor("#eef2fb"), textColor=colors.black, forceBorder=True,
                  borderWidth=0.8, maxlen=600)
        if multiline:
            kw["fieldFlags"] = "multiline"
        cv.acroForm.textfield(**kw)

    def lab(text, y):
        cv.setFont("Helvetica", 9)
        for i, ln in enumerate(wrap(text, "Helvetica", 9, FX - 50)):
            cv.drawString(40, y - i * 10, ln)

    def line_field(label, value, h=18, multiline=False):
        pg.need(h + 8)
        lab(label, pg.y - 12)
        tf(value, FX, pg.y - h, W - 40 - FX, h, multiline)
        pg.y -= h + 7

    for b in blocks(c):
        if b[0] == "section":
            pg.need(40)
            pg.y -= 6
            cv.setFont("Helvetica-Bold", 10.5)
            cv.setFillColor(BLUE)
            cv.drawString(40, pg.y - 12, b[1])
            cv.setStrokeColor(BLUE)
            cv.line(40, pg.y - 16, W - 40, pg.y - 16)
            cv.setFillColor(colors.black)
            cv.setStrokeColor(colors.black)
            pg.y -= 24
        elif b[0] == "name":
            t, f, l = c.S.get(b[1] + "_parts") or ("", "", "")
            line_field("Title (Mr, Mrs, Ms, Miss, Dr, Mx)", t)
            line_field("First name(s)", f)
            line_field("Surname", l)
        elif b[0] == "field":
            line_field(L[b[1]], c.S.get(b[1]))
        elif b[0] == "long":
            line_field(L[b[1]], c.S.get(b[1]), h=44, multiline=True)
        elif b[0] == "addr":
            k, pk = b[1], b[2]
            lines = list(c.S.get(k) or [])
            town = c.S.get(k + "_town", "")
            l1 = lines[0] if lines else ""
            l2 = lines[1] if len(lines) > 1 else ""
            line_field(f"{L[k]}: address line 1", l1)
            line_field("Address line 2", l2)
            line_field("Town", town if lines else "")
            line_field(L[pk], c.S.get(pk))
        elif b[0] == "choice":
            opts = choice_opts(c, b[1])
            pg.need(28)
            lab(L[b[1]], pg.y - 12)
            x = FX
            for text, sel in opts:
                counter[0] += 1
                cv.acroForm.checkbox(name=f"Check Box{counter[0]}", tooltip="", checked=sel, buttonStyle="cross",
                                     x=x, y=pg.y - 17, size=13, borderColor=colors.HexColor("#8899aa"),
                                     fillColor=colors.HexColor("#eef2fb"), textColor=colors.black, forceBorder=True,
                                     fieldFlags="")
                cv.setFont("Helvetica", 9)
                cv.drawString(x + 17, pg.y - 13, text)
                x += 24 + pdfmetrics.stringWidth(text, "Helvetica", 9) + 14
            pg.y -= 26
        elif b[0] == "decl":
            dl = wrap(L["decl"], "Helvetica", 9, W - 80)
            pg.need(len(dl) * 11 + 60)
            cv.setFont("Helvetica", 9)
            for i, ln in enumerate(dl):
                cv.drawString(40, pg.y - 10 - i * 11, ln)
            pg.y -= len(dl) * 11 + 8
            full = " ".join(x for x in (c.S.get("applicant_name_parts") or ()) if x)
            line_field("Signature (type your name)", full)
            line_field(L["date"], c.S.get("declaration_date"))
    pg.save()


# ---------------------------------------------------------------- layout 4: online_receipt
def render_online(c, path, receipt=None, printed=None):
    L = LBL["online_receipt"][c.ft]
    NAVY = colors.HexColor("#0b2e4f")
    decl = dt.date.fromisoformat(c.F["declaration_date"]) if "declaration_date" in c.F else ASOF
    printed = printed or min(ASOF, decl + dt.timedelta(days=rng.randint(0, 3)))
    ptime = f"{rng.randint(8, 16):02d}:{rng.randint(0, 59):02d}"
    receipt = receipt or f"FBC-{L['ref']}-{rng.randint(100000, 999999)}"
    stime = c.meta.get("stime") or f"{rng.randint(7, 23):02d}:{rng.randint(0, 59):02d}"
    KX, VX, CX = 48, 215, W - 80

    def header(cv, page):
        cv.setFont("Helvetica", 7)
        cv.drawString(28, H - 20, f"{printed.strftime('%d/%m/%Y')}, {ptime}")
        cv.drawCentredString(W / 2, H - 20, f"{L['title']} - Fenbridge City Council")
        cv.setFillColor(NAVY)
        cv.rect(28, H - 62, W - 56, 32, fill=1, stroke=0)
        crest(cv, 40, H - 58, 0.8, colors.white)
        cv.setFillColor(colors.white)
        cv.setFont("Helvetica-Bold", 13)
        cv.drawString(66, H - 51, "Fenbridge City Council")
        cv.setFont("Helvetica", 8)
        cv.drawRightString(W - 40, H - 50, "My Account  |  Sign out")
        cv.setFillColor(colors.black)
        return H - 80

    def footer(cv, page):
        cv.setFont("Helvetica", 7)
        cv.drawString(28, 20, f"https://my.fenbridge.gov.uk/{L['slug']}/receipt?ref={receipt}")
        cv.drawRightString(W - 28, 20, f"{page}/1" if page == 1 else f"{page}/{page}")

    pg = Pager(path, header, footer, bottom=40)
    cv = pg.c
    cv.setFont("Helvetica-Bold", 17)
    cv.drawString(KX, pg.y - 18, L["title"])
    pg.y -= 34
    cv.setFillColor(colors.HexColor("#00703c"))
    cv.rect(KX, pg.y - 52, W - 2 * KX, 52, fill=1, stroke=0)
    cv.setFillColor(colors.white)
    cv.setFont("Helvetica-Bold", 13)
    cv.drawString(KX + 12, pg.y - 20, "Application complete")
    cv.setFont("Helvetica", 9.5)
    cv.drawString(KX + 12, pg.y - 36, f"Your reference number is {receipt}")
    cv.drawString(KX + 12, pg.y - 47, f"Submitted {fmt_date(decl, 'long')} at {stime}")
    cv.setFillColor(colors.black)
    pg.y -= 66
    cv.setFont("Helvetica", 9)
    cv.drawString(KX, pg.y - 8, "We have emailed you a copy of your answers. Keep your reference number in case you need to contact us.")
    pg.y -= 22

    def row(key, vals, font="Helvetica"):
        vl = []
        for v in vals:
            vl += wrap(v, font, 9.5, CX - VX - 10) if v else [""]
        kl = wrap(key, "Helvetica-Bold", 9.5, VX - KX - 10)
        h = 12 * max(len(vl), len(kl)) + 10
        pg.need(h)
        cv.setFont("Helvetica-Bold", 9.5)
        for i, ln in enumerate(kl):
            cv.drawString(KX, pg.y - 13 - i * 12, ln)
        cv.setFont(font, 9.5)
        for i, ln in enumerate(vl):
            cv.drawString(VX, pg.y - 13 - i * 12, ln)
        cv.setFont("Helvetica", 9.5)
        cv.setFillColor(colors.HexColor("#1d70b8"))
        cv.drawRightString(W - KX, pg.y - 13, "Change")
        cv.setFillColor(colors.black)
        cv.setStrokeColor(colors.HexColor("#b1b4b6"))
        cv.line(KX, pg.y - h, W - KX, pg.y - h)
        pg.y -= h

    for b in blocks(c):
        if b[0] == "section":
            pg.need(40)
            pg.y -= 10
            cv.setFont("Helvetica-Bold", 12)
            cv.drawString(KX, pg.y - 12, b[1])
            pg.y -= 20
        elif b[0] in ("field", "name", "long"):
            v = c.S.get(b[1])
            if v is None and b[1] in ("phone", "email", "other_adult_forwarding_address", "vehicle_make", "account_ref", "change_description"):
                v = "Not provided"
            row(L[b[1]], [v or ""])
        elif b[0] == "addr":
            k, pk = b[1], b[2]
            lines = list(c.S.get(k) or [])
            if not lines:
                continue
            row(L[k], lines + [c.S[k + "_town"], c.S[pk]])
        elif b[0] == "choice":
            opts = choice_opts(c, b[1])
            row(L[b[1]], [t for t, s in opts if s])
        elif b[0] == "decl":
            row("Declaration", [f"{TICK} {L['decl']}"] if UFONT == "DejaVu" else ["Yes - " + L["decl"]], font=UFONT)
            row(L["date"], [c.S.get("declaration_date") or ""])
    pg.save()


# ---------------------------------------------------------------- layout 5: backoffice_print
def render_backoffice(c, path):
    L = LBL["backoffice_print"][c.ft]
    decl = dt.date.fromisoformat(c.F["declaration_date"]) if "declaration_date" in c.F else ASOF
    printed = min(ASOF, decl + dt.timedelta(days=rng.randint(0, 2)))
    user = rng.choice(["JMORRIS", "KPATEL", "SWREN", "DBAKER", "LCHOWDHURY"])
    case = f"{'PK' if c.ft == 'parking_permit' else 'RB'}/26/{rng.randint(1000, 9999):06d}"
    out = []

    def kv(label, value):
        lab = (label + " ").ljust(20, ".") + ": "
        vals = wrap(value or "", "Courier", 9, 330) if value else [""]
        out.append(lab + vals[0])
        for v in vals[1:]:
            out.append(" " * 22 + v)

    out.append("FENBRIDGE CITY COUNCIL          CUSTOMER CONTACT SYSTEM      CASE PRINT")
    out.append(f"{L['title']}")
    out.append(f"CASE NO: {case}   PRINTED: {printed.strftime('%d/%m/%Y')} {rng.randint(8, 17):02d}:{rng.randint(0, 59):02d}   USER: {user}")
    out.append(f"CONTACT METHOD: TELEPHONE   CALL REF: {rng.randint(10000000, 99999999)}")
    out.append("=" * 78)
    for b in blocks(c):
        if b[0] == "section":
            out.append("")
            out.append(f"---- {b[1]} " + "-" * (72 - len(b[1])))
        elif b[0] in ("field", "name", "long"):
            kv(L[b[1]], c.S.get(b[1]))
        elif b[0] == "addr":
            k, pk = b[1], b[2]
            lines = list(c.S.get(k) or [])
            for i in range(2):
                kv(f"{L[k]} {i + 1}", lines[i] if i < len(lines) else "")
            kv("TOWN" if k == "address" else L[k].split()[0] + " TOWN", c.S.get(k + "_town", "") if lines else "")
            kv(L[pk], c.S.get(pk))
        elif b[0] == "choice":
            opts = choice_opts(c, b[1])
            kv(L[b[1]], next(((t.upper() if b[1] == "move_type" else t) for t, s in opts if s), ""))
        elif b[0] == "decl":
            out.append("DECLARATION READ TO CALLER AND ACCEPTED: Y")
            kv(L["date"], c.S.get("declaration_date"))
    out.append("")
    out.append(f"CASE STATUS: AWAITING ASSESSMENT    WORK QUEUE: {'PARKING' if c.ft == 'parking_permit' else 'CTAX-CHANGES'}")
    out.append("*** END OF CASE PRINT ***")

    def header(cv, page):
        return H - 40

    def footer(cv, page):
        cv.setFont("Courier", 7)
        cv.drawRightString(W - 30, 20, f"PAGE {page:03d}")

    pg = Pager(path, header, footer, bottom=40)
    cv = pg.c
    lh = 12
    stripe = 0
    for ln in out:
        pg.need(lh)
        if (stripe // 3) % 2 == 0:
            cv.setFillColor(colors.HexColor("#e4f2e4"))
            cv.rect(28, pg.y - lh + 3, W - 56, lh, fill=1, stroke=0)
            cv.setFillColor(colors.black)
        stripe += 1
        cv.setFont("Courier", 9)
        cv.drawString(34, pg.y - 6, ln)
        pg.y -= lh
    pg.save()


# ---------------------------------------------------------------- layout 6: prose (letters, emails)
def render_prose(c, path):
    P = c.prose
    pg = Pager(path, lambda cv, page: H - 50, lambda cv, page: None, bottom=50)
    cv = pg.c
    if P["kind"] == "letter":
        font, size = rng.choice([("Times-Roman", 11.5), ("Helvetica", 10.5)])
        lh = size + 4
        y = pg.y
        cv.setFont(font, size)
        sl = ([P["sender_name"]] if rng.random() < 0.4 else []) + P["sender_lines"]
        for i, ln in enumerate(sl):
            cv.drawRightString(W - 60, y - i * lh, ln)
        y -= len(sl) * lh + lh
        for i, ln in enumerate(P["to"]):
            cv.drawString(60, y - i * lh, ln)
        y -= len(P["to"]) * lh + lh
        cv.drawRightString(W - 60, y, P["date"])
        y -= 2 * lh
        cv.drawString(60, y, P["salutation"])
        y -= 1.6 * lh
        cv.setFont(font.replace("-Roman", "") + "-Bold" if font == "Times-Roman" else "Helvetica-Bold", size)
        cv.drawString(60, y, "Re: " + P["subject"])
        y -= 1.6 * lh
        pg.y = y
        cv.setFont(font, size)
        for para in P["paragraphs"]:
            for ln in wrap(para, font, size, W - 120):
                pg.need(lh)
                cv.setFont(font, size)
                cv.drawString(60, pg.y, ln)
                pg.y -= lh
            pg.y -= lh * 0.6
        pg.need(6 * lh)
        cv.setFont(font, size)
        cv.drawString(60, pg.y, P["close"])
        cv.setFont("Times-Italic", 17)
        cv.drawString(64, pg.y - 2 * lh, sig_from(P["sender_name"]))
        cv.setFont(font, size)
        cv.drawString(60, pg.y - 3.4 * lh, P["sender_name"])
        for i, e in enumerate(P["extra"]):
            cv.drawString(60, pg.y - (4.4 + i) * lh, e)
    else:
        size, lh = 10, 14
        y = pg.y
        cv.setFont("Helvetica-Bold", 13)
        cv.drawString(50, y, P["sender_name"] or P["from_addr"])
        cv.setLineWidth(1.5)
        cv.line(50, y - 6, W - 50, y - 6)
        cv.setLineWidth(1)
        y -= 24
        frm = f"{P['sender_name']} <{P['from_addr']}>" if P["sender_name"] else P["from_addr"]
        for k, v in (("From:", frm), ("Sent:", P["sent"]), ("To:", P["to_addr"]), ("Subject:", P["subject"])):
            cv.setFont("Helvetica-Bold", size)
            cv.drawString(50, y, k)
            cv.setFont("Helvetica", size)
            cv.drawString(110, y, v)
            y -= lh
        y -= lh
        pg.y = y
        parts = ([P["salutation"]] if P["salutation"] else []) + P["paragraphs"] + ([P["close"]] if P["close"] else [])
        if P["close"] and P["sender_name"]:
            parts.append(P["sender_name"])
        for para in parts:
            for ln in wrap(para, "Helvetica", size, W - 100):
                pg.need(lh)
                cv.setFont("Helvetica", size)
                cv.drawString(50, pg.y, ln)
                pg.y -= lh
            pg.y -= 5
        for e in P["extra"]:
            pg.need(lh)
            cv.setFont("Helvetica", size - 1)
            cv.drawString(50, pg.y, e)
            pg.y -= lh - 2
    pg.save()


def sig_from(name):
    parts = [x for x in name.split() if x.lower() not in TITLES]
    return parts[0][0] + " " + parts[-1] if parts else ""


RENDER = {"typed_paper": render_typed, "table_grid": render_table, "fillable_pdf": render_fillable,
          "online_receipt": render_online, "backoffice_print": render_backoffice, "prose": render_prose}


# ----------------------------------------------------------------------------- plan
PLAN = (
    # council_tax_spd (18)
    [("spd", "typed_paper", i) for i in ["clean", "clean", "clean", "ACCOUNT_NOT_FOUND", "OTHER_ADULTS_REGISTERED"]]
    + [("spd", "table_grid", i) for i in ["clean", "clean", "DATE_TOO_OLD", "ADDRESS_MISMATCH"]]
    + [("spd", "fillable_pdf", i) for i in ["clean", "clean", "INCONSISTENT_DATES"]]
    + [("spd", "online_receipt", i) for i in ["clean", "clean", "DISCOUNT_ALREADY_APPLIED", "ACCOUNT_CLOSED"]]
    + [("spd", "backoffice_print", "NAME_MISMATCH"), ("spd", "prose", "clean")]
    # council_tax_move (18)
    + [("out", "typed_paper", "clean"), ("out", "typed_paper", "clean"), ("in", "typed_paper", "clean"), ("out", "typed_paper", "NAME_MISMATCH")]
    + [("in", "table_grid", "clean"), ("out", "table_grid", "clean"), ("in", "table_grid", "PROPERTY_NOT_FOUND")]
    + [("out", "fillable_pdf", "clean"), ("in", "fillable_pdf", "clean"), ("out", "fillable_pdf", "MISSING_FIELD:account_ref")]
    + [("in", "online_receipt", "DUPLICATE"), ("out", "online_receipt", "DATE_TOO_OLD"), ("in", "online_receipt", "DATE_IN_FUTURE"), ("in", "online_receipt", "clean")]
    + [("out", "backoffice_print", "clean"), ("out", "backoffice_print", "ADDRESS_MISMATCH")]
    + [("out", "prose", "clean")]
    # parking_permit (16)
    + [("permit", "typed_paper", i) for i in ["clean", "clean", "NOT_IN_PERMIT_ZONE"]]
    + [("permit", "table_grid", i) for i in ["clean", "clean", "PERMIT_CAP_REACHED"]]
    + [("permit", "fillable_pdf", i) for i in ["clean", "clean", "INVALID_FORMAT:vrm", "DATE_IN_FUTURE"]]
    + [("permit", "online_receipt", i) for i in ["clean", "clean", "VRM_HAS_PERMIT"]]
    + [("permit", "backoffice_print", i) for i in ["clean", "NOT_RESIDENT"]]
    + [("permit", "prose", "PROPERTY_NOT_FOUND")]
    # correspondence (11)
    + [("corr", "prose", x) for x in CORR]
)


def main():
    db = build_records()
    cases = []
    for kind, layout, intent in PLAN:
        if kind == "spd":
            cases.append(build_prose_spd(db, intent) if layout == "prose" else build_spd(db, layout, intent))
        elif kind in ("in", "out"):
            if layout == "prose":
                cases.append(build_prose_move_out(db, intent))
            else:
                cs = build_move(db, layout, intent, kind)
                cases.append(cs)
                if intent == "DUPLICATE":
                    twin = Case(cs.ft, cs.layout, intent)
                    twin.F, twin.S, twin.dstyle, twin.astyle = dict(cs.F), dict(cs.S), cs.dstyle, cs.astyle
                    cs.dup = twin.dup = "dup-1"
                    cs.meta["stime"], twin.meta["stime"] = "21:14", "21:31"
                    cases.append(twin)
        elif kind == "permit":
            cases.append(build_prose_permit(db, intent) if layout == "prose" else build_permit(db, layout, intent))
        else:
            intent, topic, k = intent
            cases.append(build_corr(db, intent, topic, k))

    # verify each case produces exactly the intended reasons against the final records
    for cs in cases:
        got = check(db, cs.ft, cs.F)
        want = [] if cs.intent in ("clean", "DUPLICATE") else [cs.intent]
        assert got == want, (cs.ft, cs.layout, cs.intent, got, cs.F)
        cs.reasons = got

    order = list(range(len(cases)))
    rng.shuffle(order)
    # keep the duplicate pair apart
    dpos = [i for i, ci in enumerate(order) if cases[ci].dup]
    if abs(dpos[0] - dpos[1]) < 5:
        j = (dpos[1] + len(order) // 2) % len(order)
        order[dpos[1]], order[j] = order[j], order[dpos[1]]

    inbox = HERE / "inbox"
    if inbox.exists():
        shutil.rmtree(inbox)
    inbox.mkdir()
    write_workbook(db, HERE / "records.xlsx")

    learn_count = {}
    lines = []
    for n, ci in enumerate(order, 1):
        cs = cases[ci]
        fname = f"doc_{n:04d}.pdf"
        RENDER[cs.layout](cs, inbox / fname)
        fields = {k: cs.F[k] for k in FIELD_ORDER[cs.ft] if k in cs.F}
        if cs.dup:
            outcome = "duplicate_pair"
        else:
            outcome = "approved" if not cs.reasons else "exception"
        split = "test"
        if outcome == "approved":
            key = (cs.layout, cs.ft)
            if learn_count.get(key, 0) < 2:
                learn_count[key] = learn_count.get(key, 0) + 1
                split = "learn"
        rec = {"file": fname, "form_type": cs.ft, "fields": fields, "outcome": outcome, "reasons": cs.reasons,
               "layout": cs.layout, "split": split}
        if cs.dup:
            rec["duplicate_group"] = cs.dup
        lines.append(json.dumps(rec, ensure_ascii=False))
    (HERE / "truth.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    n_app = sum('"outcome": "approved"' in x for x in lines)
    n_exc = sum('"outcome": "exception"' in x for x in lines)
    print(f"wrote {len(lines)} forms: {n_app} approved, {n_exc} exception, 2 duplicate_pair; "
          f"{len(db.props)} properties, {len(db.accounts)} accounts, {len(db.electors)} electors, {len(db.permits)} permits")


if __name__ == "__main__":
    main()
