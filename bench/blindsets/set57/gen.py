#!/usr/bin/env python3
"""Blind test set 57 -- Aldermoor Borough Council (invented), Devon & Somerset.

Run:  python gen.py
Writes next to itself: records.xlsx, inbox/doc_NNNN.pdf, truth.jsonl.
Deterministic: fixed seed, reportlab invariant mode.
"""
import datetime as dt
import json
import os
import random
import shutil
from pathlib import Path

import openpyxl
from openpyxl.styles import Font
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
ASOF = dt.date(2026, 12, 7)
SEED = 5757
D = dt.date

# ----------------------------------------------------------------- fonts
DJ = "/usr/share/fonts/truetype/dejavu/"
HAVE_DJ = os.path.exists(DJ + "DejaVuSans.ttf")
if HAVE_DJ:
    pdfmetrics.registerFont(TTFont("DJ", DJ + "DejaVuSans.ttf"))
    pdfmetrics.registerFont(TTFont("DJ-Bold", DJ + "DejaVuSans-Bold.ttf"))
    pdfmetrics.registerFont(TTFont("DJSerif-Italic", DJ + "DejaVuSerif-Italic.ttf"))
    TICK, TICKFONT = "\u2713", "DJ"
    HAND = "DJSerif-Italic"
else:  # fallback: standard 14 fonts only
    TICK, TICKFONT = "X", "Helvetica-Bold"
    HAND = "Times-Italic"

MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]


def ordinal(n):
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def fdate(d, style):
    if style == "dmy_slash":
        return d.strftime("%d/%m/%Y")
    if style == "dmy_short":
        return f"{d.day}/{d.month}/{d.year}"
    if style == "dmy_dash":
        return d.strftime("%d-%m-%Y")
    if style == "dmy_dot":
        return d.strftime("%d.%m.%Y")
    if style == "long":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if style == "ord":
        return f"{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}"
    if style == "us_long":
        return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"
    if style == "iso":
        return d.isoformat()
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
    if style == "norm":
        return pc
    if style == "lower":
        return pc.lower()
    if style == "nospace":
        return pc.replace(" ", "")
    raise ValueError(style)


def fvrm(v, style="space"):
    """Print a normalised VRM the way people write it."""
    import re
    m = re.fullmatch(r"([A-Z]{2}\d{2})([A-Z]{3})", v)          # current
    if not m:
        m = re.fullmatch(r"([A-Z]\d{1,3})([A-Z]{3})", v)        # prefix
    if not m:
        m = re.fullmatch(r"([A-Z]{3})(\d{1,3}[A-Z])", v)        # suffix
    s = f"{m.group(1)} {m.group(2)}" if m else v[:4] + " " + v[4:]
    if style == "lower":
        s = s.lower()
    if style == "nospace":
        s = s.replace(" ", "")
    return s


def daterange(rng, a, b):
    return a + dt.timedelta(days=rng.randint(0, (b - a).days))


# ----------------------------------------------------------------- gazetteer
STREETS = [
    # street, postcode, town, ward, zone, kind, spec, locality(line 2)
    ("High Street", "AM1 1AB", "Aldermoor", "Aldermoor Central", "Old Town", "num", (1, 62, 14), ""),
    ("Fore Street", "AM1 1DE", "Aldermoor", "Aldermoor Central", "Old Town", "num", (1, 48, 12), ""),
    ("Castle Hill", "AM1 2HQ", "Aldermoor", "Aldermoor Central", "Old Town", "num", (1, 30, 10), ""),
    ("Church Row", "AM1 2JN", "Aldermoor", "Aldermoor Central", "Old Town", "num", (1, 16, 8), ""),
    ("Orchard Way", "AM2 4TX", "Aldermoor", "Kingfisher", "", "num", (1, 40, 12), "Kingfisher Meadows"),
    ("Cider Press Close", "AM2 4TY", "Aldermoor", "Kingfisher", "", "num", (1, 24, 10), "Kingfisher Meadows"),
    ("Kingfisher Drive", "AM2 5UA", "Aldermoor", "Kingfisher", "", "num", (1, 44, 12), "Kingfisher Meadows"),
    ("Esplanade", "AM3 1SE", "Westcombe-on-Sea", "Harbourside", "Harbour", "flats", ("Seaview Court", 10), ""),
    ("Esplanade", "AM3 1SF", "Westcombe-on-Sea", "Harbourside", "Harbour", "flats", ("Marine Mansions", 8), ""),
    ("Harbour Road", "AM3 1HR", "Westcombe-on-Sea", "Harbourside", "Harbour", "num", (1, 36, 10), ""),
    ("Quay Street", "AM3 1QS", "Westcombe-on-Sea", "Harbourside", "Harbour", "num", (1, 20, 8), ""),
    ("Cliff Road", "AM4 2DR", "Westcombe-on-Sea", "Westcombe Cliffs", "Zone 3", "num", (1, 50, 10), ""),
    ("Beach Road", "AM4 2BR", "Westcombe-on-Sea", "Westcombe Cliffs", "Zone 3", "num", (1, 40, 10), ""),
    ("Mill Lane", "AM5 3NL", "Lydford Parva", "Lydford & Mill", "", "named",
     ["Thatch End", "Rose Cottage", "The Old Forge", "Millstream Cottage", "Honeysuckle Cottage",
      "Orchard End", "Wheelwrights", "The Old Bakery", "Lavender Cottage", "Corner Thatch"], ""),
    ("Church Lane", "AM5 3EL", "Lydford Parva", "Lydford & Mill", "", "num", (1, 20, 8), ""),
    ("Withy Lane", "AM6 4WL", "Brentcote", "Brentcote", "", "named",
     ["Withy Farm", "Osier Cottage", "Willow Barn", "Moorside", "Sedgemoor View", "Rhyne Cottage",
      "The Old Chapel", "Peat Cottage"], ""),
    ("Sedge Close", "AM6 4SD", "Brentcote", "Brentcote", "", "num", (1, 30, 12), "Brentcote Fields"),
    ("Station Road", "AM7 5SR", "Huxton St Mary", "Huxton", "Zone 4", "num", (1, 60, 12), ""),
    ("Quantock View", "AM7 5QW", "Huxton St Mary", "Huxton", "Zone 4", "num", (1, 28, 10), ""),
    ("Combe Lane", "AM8 6DL", "Cheddicombe", "Cheddicombe", "", "named",
     ["Combe Farmhouse", "Little Thatch", "Badgers Holt", "Meadow View", "Ivy Cottage", "The Linhay",
      "Primrose Cottage", "Hillside"], ""),
    ("Heron Way", "AM8 6HW", "Cheddicombe", "Cheddicombe", "", "num", (1, 24, 12), "Heron Park"),
]

WARD_CODE = {"Aldermoor Central": "AC", "Kingfisher": "KF", "Harbourside": "HS",
             "Westcombe Cliffs": "WC", "Lydford & Mill": "LM", "Brentcote": "BR",
             "Huxton": "HX", "Cheddicombe": "CH"}

EXTERNAL = [  # first line, town, postcode (outside the borough)
    ("12 Paris Street", "Exeter", "EX1 2JB"), ("4 Castle Street", "Taunton", "TA1 4AB"),
    ("Flat 6, 31 Union Street", "Plymouth", "PL1 3EZ"), ("27 Silver Street", "Wellington", "TA21 8QE"),
    ("9 Bampton Street", "Tiverton", "EX16 6AA"), ("55 Gloucester Road", "Bristol", "BS7 8AD"),
    ("3 Bridge Street", "Bideford", "EX39 2BU"), ("18 Boutport Street", "Barnstaple", "EX31 1RX"),
    ("2 Long Street", "Sherborne", "DT9 3BS"), ("41 Fore Street", "Totnes", "TQ9 5HN"),
    ("7 Market Street", "Yeovil", "BA20 1HZ"), ("10 Quay Road", "Minehead", "TA24 5DQ"),
    ("22 Vicarage Road", "Torquay", "TQ2 6HJ"), ("5 Priory Road", "Wells", "BA5 1SR"),
    ("14 Eastgate", "Bridgwater", "TA6 3AE"), ("33 Magdalen Road", "Exeter", "EX2 4TA"),
    ("8 Tangier Way", "Taunton", "TA1 4BG"), ("Flat 2, 16 Mutley Plain", "Plymouth", "PL4 6LB"),
    ("61 North Street", "Bristol", "BS3 1ES"), ("19 Bear Street", "Barnstaple", "EX32 7DB"),
    ("6 Hendford Hill", "Yeovil", "BA20 2QE"), ("40 Heavitree Road", "Exeter", "EX1 2LQ"),
]

EXT_TOWNS = [
    ("Exeter", ["EX1", "EX2", "EX4"], ["Sidwell Street", "Polsloe Road", "Cowick Street", "Pinhoe Road"]),
    ("Taunton", ["TA1", "TA2"], ["Priory Avenue", "Greenway Road", "Staplegrove Road"]),
    ("Plymouth", ["PL2", "PL4"], ["Alexandra Road", "Beaumont Road", "Embankment Road"]),
    ("Bristol", ["BS5", "BS6"], ["Chelsea Road", "Cotham Brow", "Whiteladies Road"]),
    ("Bath", ["BA1", "BA2"], ["Lansdown Road", "Wells Road"]),
    ("Cardiff", ["CF24"], ["Richmond Road", "Albany Road"]),
    ("Newton Abbot", ["TQ12"], ["Queen Street", "Wolborough Street"]),
    ("Honiton", ["EX14"], ["Dowell Street", "King Street"]),
    ("Street", ["BA16"], ["Leigh Road", "Somerton Road"]),
    ("Okehampton", ["EX20"], ["North Street", "Castle Road"]),
]

FEMALE = ["Helen", "Sarah", "Emma", "Claire", "Rachel", "Joanne", "Lucy", "Hannah", "Katie", "Anne",
          "Margaret", "Patricia", "Jennifer", "Susan", "Tracey", "Nicola", "Gemma", "Sophie", "Charlotte",
          "Bethany", "Rosemary", "Wendy", "Gillian", "Lorna", "Tamsin", "Morwenna", "Elaine", "Janet",
          "Pauline", "Deborah", "Kerry", "Louise", "Amelia", "Zoe", "Jessica"]
MALE = ["David", "Mark", "Paul", "Andrew", "Richard", "Stephen", "Peter", "James", "John", "Robert",
        "Michael", "Simon", "Gareth", "Tom", "Ben", "Jack", "Oliver", "Callum", "Nigel", "Graham",
        "Keith", "Trevor", "Martin", "Colin", "Jonathan", "Philip", "Ian", "Kevin", "Darren", "Luke",
        "Owen", "Rhys", "Adam", "Sam"]
SURNAMES = ["Hext", "Pope", "Yeo", "Dyer", "Carew", "Chugg", "Squire", "Tucker", "Luscombe", "Widdicombe",
            "Ridd", "Hockin", "Pengelly", "Crocker", "Lethbridge", "Pidgeon", "Vosper", "Stevens",
            "Mortimer", "Gammon", "Blackmore", "Huxtable", "Passmore", "Chave", "Hosegood", "Rowe",
            "Shapland", "Snell", "Isaac", "Bowden", "Ashford", "Parkhouse", "Quick", "Northcott", "Sanders",
            "Prowse", "Venn", "Lugg", "Friend", "Trick", "Tapp", "Coombe", "Hanniford", "Gillard",
            "Fewings", "Bale", "Westcott", "Brimacombe", "Lang", "Sparkes", "O'Neill", "Harris-Jones",
            "Kowalski", "Okafor", "Nguyen", "Patel", "MacLeod"]
MAKES = ["Ford", "Vauxhall", "Volkswagen", "Toyota", "Nissan", "Kia", "Peugeot", "Honda", "Skoda",
         "Renault", "BMW", "Mini", "Hyundai", "Citroen", "Fiat", "Volvo"]
VRM_AREA = ["WA", "WF", "WK", "WR", "WJ", "WV", "EA", "EO", "VX", "FX", "HN", "GF", "AB", "BD", "LK",
            "YB", "NA", "DL", "CU", "KN"]
VRM_LET = "ABCDEFGHJKLMNPRSTUVWXY"


class World:
    def __init__(self, rng):
        self.rng = rng
        self.props = []
        self.accounts = []
        self.electors = []
        self.permits = []
        self.used = set()
        self.names = set()
        self.refs = set()
        self.vrms = set()
        self.phones = set()
        self.ext = list(EXTERNAL)
        rng.shuffle(self.ext)
        # more forwarding addresses, made up from streets in real towns outside the borough
        more = []
        for town, outward, streets in EXT_TOWNS:
            for st in streets:
                num = rng.randint(2, 88)
                inward = f"{rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
                more.append((f"{num} {st}", town, f"{rng.choice(outward)} {inward}"))
        rng.shuffle(more)
        self.ext = more + self.ext
        self._build_gazetteer()

    # -- gazetteer
    def _build_gazetteer(self):
        rng = self.rng
        uprn = 100041320000
        for street, pc, town, ward, zone, kind, spec, loc in STREETS:
            if kind == "num":
                lo, hi, n = spec
                nums = sorted(rng.sample(range(lo, hi + 1), n))
                items = [(f"{k} {street}", loc, f"{k} {street}") for k in nums]
                bands = "BCD" if zone else "CDE"
            elif kind == "named":
                items = [(f"{h}, {street}", loc, f"{h}, {street}") for h in spec]
                bands = "DEF"
            else:
                bname, n = spec
                items = [(f"{bname}, {street}", f"Flat {k}", f"Flat {k}, {bname}, {street}")
                         for k in range(1, n + 1)]
                bands = "AB"
            for l1, l2, form1 in items:
                uprn += rng.randint(3, 40)
                self.props.append(dict(uprn=uprn, address_line_1=l1, address_line_2=l2, town=town,
                                       postcode=pc, council_tax_band=rng.choice(bands), ward=ward,
                                       parking_zone=zone, street=street, form_line1=form1))

    def take(self, pred=lambda p: True, near=None):
        cands = [p for p in self.props if p["uprn"] not in self.used and pred(p)]
        if near is not None:
            same = [p for p in cands if p["street"] == near["street"] and p["postcode"] == near["postcode"]]
            if same:
                cands = same
        p = self.rng.choice(cands)
        self.used.add(p["uprn"])
        return p

    # -- people
    def person(self, gender=None, last=None):
        rng = self.rng
        gender = gender or rng.choice("FM")
        while True:
            first = rng.choice(FEMALE if gender == "F" else MALE)
            ln = last or rng.choice(SURNAMES)
            if f"{first} {ln}" not in self.names:
                break
            last = None
        self.names.add(f"{first} {ln}")
        if gender == "F":
            title = rng.choice(["Mrs", "Ms", "Miss", "Mrs", "Ms", "Dr"])
        else:
            title = rng.choice(["Mr", "Mr", "Mr", "Dr"])
        if rng.random() < 0.03:
            title = "Mx"
        return dict(first=first, last=ln, title=title, gender=gender, full=f"{first} {ln}")

    def phone(self):
        while True:
            p = self.rng.choice(["07700 900", "07700 900", "01632 960"]) + f"{self.rng.randint(0, 999):03d}"
            if p not in self.phones:
                self.phones.add(p)
                return p

    def email(self, person):
        f, l = person["first"].lower(), person["last"].lower().replace("'", "").replace("-", "")
        pat = self.rng.choice(["{f}.{l}", "{f}{l}", "{fi}{l}", "{f}.{l}{n}", "{l}.{f}"])
        dom = self.rng.choice(["example.com", "example.co.uk", "example.org", "example.net"])
        return pat.format(f=f, l=l, fi=f[0], n=self.rng.randint(1, 99)) + "@" + dom

    def external(self):
        return self.ext.pop()

    # -- records
    def new_ref(self):
        while True:
            r = "6" + str(self.rng.choice([0, 1, 2, 3])) + f"{self.rng.randint(0, 999999):06d}"
            if r not in self.refs:
                self.refs.add(r)
                return r

    def bad_ref(self, base):
        """A plausible mistyped reference that does not exist."""
        while True:
            s = list(base)
            i = self.rng.randint(2, 6)
            s[i], s[i + 1] = s[i + 1], s[i]
            r = "".join(s)
            if r != base and r not in self.refs:
                self.refs.add(r)   # reserve so no later account takes it
                self.bad_refs.add(r)
                return r

    bad_refs = set()

    def add_account(self, uprn, liable, status="active", start=None, end=None, discounts=""):
        ref = self.new_ref()
        self.accounts.append(dict(account_ref=ref, uprn=uprn, liable_parties=";".join(x["full"] for x in liable),
                                  status=status, start_date=start, end_date=end, discounts=discounts))
        return ref

    def add_elector(self, person, uprn):
        self.electors.append(dict(full_name=person["full"], uprn=uprn))

    def new_vrm(self, style=None):
        rng = self.rng
        style = style or rng.choice(["cur"] * 7 + ["pre"] * 2 + ["suf"])
        while True:
            if style == "cur":
                v = rng.choice(VRM_AREA) + rng.choice(["15", "16", "18", "19", "20", "21", "22", "23", "24",
                                                       "65", "66", "68", "69", "70", "71", "72", "73", "74"]) + \
                    "".join(rng.choice(VRM_LET) for _ in range(3))
            elif style == "pre":
                v = rng.choice("LMNPRSTVWXY") + str(rng.randint(1, 999)) + "".join(rng.choice(VRM_LET) for _ in range(3))
            else:
                v = "".join(rng.choice(VRM_LET) for _ in range(3)) + str(rng.randint(1, 999)) + rng.choice("ABCDEFGHJKLMNPRSTVWXY")
            if v not in self.vrms:
                self.vrms.add(v)
                return v

    def add_permit(self, uprn, vrm, zone, vfrom, vto):
        self.permits.append(dict(uprn=uprn, vrm=vrm, zone=zone, valid_from=vfrom, valid_to=vto))

    def prev_occupier(self, p, before):
        """Closed account of a previous occupier ending before `before`."""
        rng = self.rng
        end = before - dt.timedelta(days=rng.randint(1, 25))
        start = daterange(rng, D(2008, 1, 1), end - dt.timedelta(days=400))
        self.add_account(p["uprn"], [self.person()], "closed", start, end)
        return end


def old_start(rng):
    return daterange(rng, D(2011, 4, 1), D(2024, 12, 31))


# ------------------------------------------------------------------ cases
class Case(dict):
    pass


def base_contact(w, A, rng, p_phone=0.7, p_email=0.55):
    out = {}
    if rng.random() < p_phone:
        out["phone"] = w.phone()
    if rng.random() < p_email:
        out["email"] = w.email(A)
    return out


def show_name(A, rng, p_title=0.5):
    return f"{A['title']} {A['full']}" if rng.random() < p_title else A["full"]


def make_spd(w, scen, layout):
    rng = w.rng
    A = w.person()
    p = w.take()
    has_B = scen in ("inconsistent_dates", "other_adults", "name_mismatch") or rng.random() < 0.7
    B = w.person("M" if A["gender"] == "F" else "F", last=A["last"] if rng.random() < 0.6 else None) if has_B else None
    name_B_on_form = bool(B) and (scen in ("inconsistent_dates", "name_mismatch", "other_adults") or rng.random() < 0.85)
    liable = [A] + ([B] if B and rng.random() < 0.8 else [])
    if scen == "name_mismatch":
        liable = [B]
    start = old_start(rng)
    if scen == "date_too_old":
        sole = daterange(rng, D(2025, 5, 1), D(2025, 10, 31))
    else:
        sole = daterange(rng, D(2026, 1, 20), D(2026, 11, 25))
    decl = daterange(rng, max(sole + dt.timedelta(days=2), ASOF - dt.timedelta(days=50)), ASOF - dt.timedelta(days=1))
    if rng.random() < 0.3:
        w.prev_occupier(p, start)
    reasons = []
    if scen == "account_closed":
        end = sole
        ref = w.add_account(p["uprn"], liable, "closed", start, end)
        w.add_account(p["uprn"], [A], "active", end + dt.timedelta(days=1), None)
        reasons = ["ACCOUNT_CLOSED"]
    else:
        ref = w.add_account(p["uprn"], liable, "active", start, None,
                            "SPD" if scen == "discount_applied" else ("SMI" if rng.random() < 0.05 else ""))
    w.add_elector(A, p["uprn"])
    if B and name_B_on_form and rng.random() < 0.5:
        w.add_elector(B, p["uprn"])           # register not yet updated
    if scen == "other_adults":
        C = w.person(last=A["last"])
        w.add_elector(C, p["uprn"])
        reasons = ["OTHER_ADULTS_REGISTERED"]
    form_ref = ref
    if scen == "account_not_found":
        form_ref = w.bad_ref(ref)
        reasons = ["ACCOUNT_NOT_FOUND"]
    line1, pc = p["form_line1"], p["postcode"]
    if scen == "address_mismatch":
        q = w.take(near=p)
        line1, pc = q["form_line1"], q["postcode"]
        reasons = ["ADDRESS_MISMATCH"]
    if scen == "name_mismatch":
        reasons = ["NAME_MISMATCH"]
    if scen == "discount_applied":
        reasons = ["DISCOUNT_ALREADY_APPLIED"]
    if scen == "date_too_old":
        reasons = ["DATE_TOO_OLD"]
    f = dict(account_ref=form_ref, applicant_name=show_name(A, rng), address=line1, postcode=pc,
             sole_adult_since=sole.isoformat())
    fwd = None
    if B and name_B_on_form:
        f["other_adult_name"] = show_name(B, rng, 0.2)
        if rng.random() < 0.7:
            e = w.external()
            fwd = f"{e[0]}, {e[1]} {e[2]}"
            f["other_adult_forwarding_address"] = fwd
    # change description (only layouts with a box for it)
    chg = None
    if layout in ("grid", "numbered", "charbox", "acro") and (scen == "inconsistent_dates" or rng.random() < 0.75):
        dstyle = rng.choice(["long", "dmy_slash", "ord"])
        if scen == "inconsistent_dates":
            other = sole - dt.timedelta(days=rng.randint(18, 50))
            chg = f"{B['first']} moved out on {fdate(other, dstyle)} when we separated. I have been on my own since then."
            reasons = ["INCONSISTENT_DATES"]
        elif B and name_B_on_form:
            town = fwd.split(", ")[-1].rsplit(" ", 2)[0] if fwd else rng.choice(["Exeter", "Taunton", "Bristol"])
            chg = rng.choice([
                f"{B['first']} moved out on {fdate(sole, dstyle)} and now lives in {town}.",
                f"My partner has moved out. We separated and {B['first']} left on {fdate(sole, dstyle)}.",
                f"{B['first']} has taken a job in {town} and moved there permanently.",
                f"Our relationship ended and {B['first']} moved out to live with family.",
            ])
        elif B:
            chg = "The other adult in the household has moved away and I now live alone."
        else:
            chg = rng.choice(["My mother went into a care home in the summer and I now live here on my own.",
                              "My lodger left and has not been replaced. I am now the only adult here.",
                              "My son moved out to go to university and will not be coming back to live here."])
        f["change_description"] = chg
    f.update(base_contact(w, A, rng))
    f["declaration_date"] = decl.isoformat()
    if scen == "missing_decl":
        del f["declaration_date"]
        reasons = ["MISSING_FIELD:declaration_date"]
    return Case(form_type="council_tax_spd", scen=scen, fields=f, reasons=reasons,
                ctx=dict(p=p, A=A, B=B, town=(q["town"] if scen == "address_mismatch" else p["town"]), sole=sole, decl=decl))


def make_move(w, scen, layout):
    rng = w.rng
    A = w.person()
    move_type = "in" if scen.startswith("in_") else "out"
    reasons = []
    f = dict(move_type=move_type)
    ctx = dict(A=A)
    if move_type == "out":
        p = w.take()
        start = old_start(rng)
        liable = [A]
        if rng.random() < 0.35:
            liable.append(w.person(last=A["last"]))
        if scen == "out_name_mismatch":
            liable = [w.person()]
            reasons = ["NAME_MISMATCH"]
        ref = w.add_account(p["uprn"], liable, "active", start)
        for x in liable:
            w.add_elector(x, p["uprn"])
        if scen == "out_name_mismatch" and rng.random() < 0.5:
            w.add_elector(A, p["uprn"])
        if scen == "out_date_too_old":
            md = daterange(rng, D(2025, 8, 1), D(2025, 11, 20))
            reasons = ["DATE_TOO_OLD"]
        elif scen == "out_date_in_future":
            md = daterange(rng, D(2027, 1, 20), D(2027, 3, 20))
            reasons = ["DATE_IN_FUTURE"]
        else:
            md = daterange(rng, D(2026, 10, 25), D(2027, 1, 1))
        if md <= ASOF:
            decl = daterange(rng, max(md - dt.timedelta(days=10), ASOF - dt.timedelta(days=40)), ASOF - dt.timedelta(days=1))
        else:
            decl = daterange(rng, ASOF - dt.timedelta(days=20), ASOF - dt.timedelta(days=1))
        if scen == "out_date_too_old":
            decl = daterange(rng, ASOF - dt.timedelta(days=30), ASOF - dt.timedelta(days=1))
        prev1, prevpc = p["form_line1"], p["postcode"]
        if scen == "out_address_mismatch":
            q = w.take(near=p)
            prev1, prevpc = q["form_line1"], q["postcode"]
            reasons = ["ADDRESS_MISMATCH"]
            ctx["q"] = q
        f["account_ref"] = ref
        f["applicant_name"] = show_name(A, rng)
        f["previous_address"], f["previous_postcode"] = prev1, prevpc
        ctx["prev_town"] = ctx["q"]["town"] if "q" in ctx else p["town"]
        if rng.random() < 0.85 or layout in ("charbox",):
            e = w.external()
            f["new_address"], f["new_postcode"] = e[0], e[2]
            ctx["new_town"] = e[1]
        if scen == "out_missing_account_ref":
            del f["account_ref"]
            reasons = ["MISSING_FIELD:account_ref"]
        f["move_date"] = md.isoformat()
        if scen == "out_missing_move_date":
            del f["move_date"]
            reasons = ["MISSING_FIELD:move_date"]
        ctx["p"] = p
    else:
        if scen == "in_property_not_found":
            tmpl = w.take(lambda p: p["street"] in ("Sedge Close", "Heron Way"))
            w.used.discard(tmpl["uprn"])
            plot = rng.randint(31, 48)
            new1, newpc, town = f"Plot {plot}, {tmpl['street']}", tmpl["postcode"], tmpl["town"]
            reasons = ["PROPERTY_NOT_FOUND"]
            p = None
        else:
            p = w.take()
            new1, newpc, town = p["form_line1"], p["postcode"], p["town"]
        md = daterange(rng, D(2026, 10, 12), D(2026, 12, 30))
        if p is not None:
            w.prev_occupier(p, md)
        if md < ASOF:
            decl = daterange(rng, max(md, ASOF - dt.timedelta(days=45)), ASOF - dt.timedelta(days=1))
        else:
            decl = daterange(rng, ASOF - dt.timedelta(days=20), ASOF - dt.timedelta(days=1))
        f["applicant_name"] = show_name(A, rng)
        if rng.random() < 0.6:
            e = w.external()
            f["previous_address"], f["previous_postcode"] = e[0], e[2]
            ctx["prev_town"] = e[1]
        f["new_address"], f["new_postcode"] = new1, newpc
        ctx["new_town"] = town
        f["move_date"] = md.isoformat()
        ctx["p"] = p
    f.update(base_contact(w, A, rng))
    f["declaration_date"] = decl.isoformat()
    ctx["decl"] = decl
    return Case(form_type="council_tax_move", scen=scen, fields=f, reasons=reasons, ctx=ctx)


def make_permit(w, scen, layout):
    rng = w.rng
    A = w.person()
    reasons = []
    if scen == "not_in_zone":
        p = w.take(lambda p: not p["parking_zone"] and p["town"] in ("Aldermoor", "Westcombe-on-Sea", "Huxton St Mary", "Lydford Parva"))
        zone = {"Aldermoor": "Old Town", "Westcombe-on-Sea": "Harbour", "Huxton St Mary": "Zone 4"}.get(p["town"], "Old Town")
        reasons = ["NOT_IN_PERMIT_ZONE"]
    else:
        p = w.take(lambda p: bool(p["parking_zone"]))
        zone = p["parking_zone"]
    start_acc = old_start(rng)
    if scen == "not_resident":
        B = w.person()
        w.add_account(p["uprn"], [B], "active", start_acc)
        w.add_elector(B, p["uprn"])
        reasons = ["NOT_RESIDENT"]
    elif rng.random() < 0.25:
        # applicant lives with parents: on the register, not on the bill
        par = w.person(last=A["last"])
        w.add_account(p["uprn"], [par], "active", start_acc)
        w.add_elector(par, p["uprn"])
        w.add_elector(A, p["uprn"])
    else:
        liable = [A] + ([w.person(last=A["last"])] if rng.random() < 0.4 else [])
        w.add_account(p["uprn"], liable, "active", start_acc)
        for x in liable:
            w.add_elector(x, p["uprn"])
    if scen == "invalid_vrm":
        base = w.new_vrm("cur")
        vrm = base + rng.choice(VRM_LET)           # one letter too many
        reasons = ["INVALID_FORMAT:vrm"]
    else:
        vrm = w.new_vrm()
    if scen == "cap_reached":
        for _ in range(2):
            vf = daterange(rng, D(2026, 1, 5), D(2026, 11, 1))
            w.add_permit(p["uprn"], w.new_vrm(), zone, vf, vf + dt.timedelta(days=364))
        reasons = ["PERMIT_CAP_REACHED"]
    elif scen == "vrm_has_permit":
        vf = daterange(rng, D(2026, 1, 10), D(2026, 2, 20))
        w.add_permit(p["uprn"], vrm, zone, vf, vf + dt.timedelta(days=364))
        reasons = ["VRM_HAS_PERMIT"]
    elif scen in ("clean", "date_in_future", "missing_vrm", "not_in_zone", "not_resident", "invalid_vrm"):
        r = rng.random()
        if p["parking_zone"] and r < 0.35:
            vf = daterange(rng, D(2026, 1, 5), D(2026, 11, 1))
            w.add_permit(p["uprn"], w.new_vrm(), zone, vf, vf + dt.timedelta(days=364))
        elif p["parking_zone"] and r < 0.55 and scen == "clean":
            # lapsed permit for the very same vehicle: not active, so no problem
            vf = daterange(rng, D(2025, 9, 1), D(2025, 11, 20))
            w.add_permit(p["uprn"], vrm, zone, vf, vf + dt.timedelta(days=364))
    if scen == "date_in_future":
        start = daterange(rng, ASOF + dt.timedelta(days=40), ASOF + dt.timedelta(days=80))
        reasons = ["DATE_IN_FUTURE"]
    else:
        start = daterange(rng, ASOF - dt.timedelta(days=14), ASOF + dt.timedelta(days=24))
    decl = daterange(rng, ASOF - dt.timedelta(days=25), ASOF - dt.timedelta(days=1))
    if start < decl:
        start, decl = decl + dt.timedelta(days=rng.randint(0, 5)), decl
        if start > ASOF + dt.timedelta(days=24):
            start = ASOF
    f = dict(applicant_name=show_name(A, rng), address=p["form_line1"], postcode=p["postcode"], vrm=vrm)
    if rng.random() < 0.75:
        f["vehicle_make"] = rng.choice(MAKES)
    f["zone"] = zone
    f["start_date"] = start.isoformat()
    if scen == "missing_vrm":
        del f["vrm"]
        reasons = ["MISSING_FIELD:vrm"]
    f.update(base_contact(w, A, rng))
    f["declaration_date"] = decl.isoformat()
    return Case(form_type="parking_permit", scen=scen, fields=f, reasons=reasons,
                ctx=dict(p=p, A=A, town=p["town"], decl=decl))


def make_corr(w, scen, layout):
    rng = w.rng
    A = w.person()
    reasons = []
    f = {}
    ctx = dict(A=A, channel=rng.choice(["letter", "email"]))
    known = scen not in ("sender_unknown_noname", "sender_unknown_noaddr")
    p = None
    ref = None
    if known:
        p = w.take()
        ref = w.add_account(p["uprn"], [A], "active", old_start(rng), None, "SPD" if rng.random() < 0.4 else "")
        w.add_elector(A, p["uprn"])
    ctx["p"] = p
    sent = daterange(rng, ASOF - dt.timedelta(days=12), ASOF - dt.timedelta(days=1))
    ctx["sent"] = sent
    dates = []
    ds = rng.choice(["long", "ord", "long", "dmy_slash"])

    def dd(d):
        dates.append(d.isoformat())
        return fdate(d, ds)

    name = show_name(A, rng, 0.55)
    if scen == "missed_bin":
        topic = "missed_bin"
        d1 = sent - dt.timedelta(days=rng.randint(2, 9))
        paras = [f"Our bins were not emptied on {dd(d1)}. The grey wheelie bin and the green recycling box were both "
                 f"put out by 7am as usual, but the crew went past without collecting either of them.",
                 "Everyone else in the road was collected. Could you please arrange for someone to come back and "
                 "empty them, as the bin is now overflowing and attracting gulls."]
    elif scen == "council_tax_query":
        topic = "council_tax_query"
        d1 = sent - dt.timedelta(days=rng.randint(10, 30))
        f["account_ref"] = ref
        paras = [f"I have received a council tax bill dated {dd(d1)} for account {facct(ref, rng.choice(['space', 'ct', 'plain']))}. "
                 "The monthly instalments are higher than last year and I do not understand why, as nothing has changed in our household.",
                 "Please could you explain how the amount has been worked out and confirm which band the property is in."]
    elif scen == "account_not_found":
        topic = "council_tax_query"
        bad = w.bad_ref(ref)
        f["account_ref"] = bad
        paras = [f"I am writing about my council tax account, reference {facct(bad, rng.choice(['space', 'dash']))}. "
                 "I pay by direct debit but my bank statement shows two payments were taken this month instead of one.",
                 "Please can you look into this and refund the extra payment as soon as possible."]
        reasons = ["ACCOUNT_NOT_FOUND"]
    elif scen == "complaint":
        topic = "complaint"
        d1 = sent - dt.timedelta(days=rng.randint(3, 12))
        paras = [f"I wish to make a formal complaint about the way I was treated when I visited the Civic Offices on {dd(d1)}. "
                 "I waited over an hour to be seen and the member of staff on the front desk was rude and dismissive when I asked how much longer it would be.",
                 "I would like a written response explaining what the council will do to stop this happening again."]
    elif scen == "foi_request":
        topic = "foi_request"
        paras = ["Under the Freedom of Information Act 2000, please send me the following information:",
                 "1. The number of residents' parking permits issued in each parking zone in the last two financial years. "
                 "2. The total income the council received from those permits in each of those years.",
                 "I would prefer to receive the information by email or in writing to the address above."]
    elif scen == "other":
        topic = "other"
        d1 = daterange(rng, ASOF + dt.timedelta(days=20), ASOF + dt.timedelta(days=60))
        paras = [f"I would like to put my name down for an allotment plot at the Lydford Parva site. I understand there may be "
                 f"a waiting list, and I would be grateful to know roughly how long it is. I will be away until {dd(d1)}, "
                 "so there is no rush to reply.",
                 "I am happy to take a half plot if that makes it quicker."]
    elif scen == "sender_unknown_noname":
        topic = "missed_bin"
        ctx["channel"] = "email"
        d1 = sent - dt.timedelta(days=rng.randint(2, 6))
        paras = [f"The bins on Harbour Road were not collected again on {dd(d1)}. This is the third missed collection "
                 "this autumn and the rubbish bags are being torn open by the gulls.",
                 "Please send the lorry back."]
        reasons = ["SENDER_UNKNOWN"]
        name = None
    elif scen == "sender_unknown_noaddr":
        topic = "foi_request"
        ctx["channel"] = "email"
        paras = ["I am making a request under the Freedom of Information Act 2000.",
                 "Please provide the number of council tax single person discount reviews carried out by the council in "
                 "the 2025/26 financial year, and how many discounts were removed as a result.",
                 "I would be happy to receive the information in an electronic format."]
        reasons = ["SENDER_UNKNOWN"]
    else:
        raise ValueError(scen)
    ctx["paras"] = paras
    ctx["name"] = name
    if name:
        f["sender_name"] = name
    if p is not None:
        f["address"], f["postcode"] = p["form_line1"], p["postcode"]
    f["topic"] = topic
    if dates:
        f["dates_mentioned"] = dates
    return Case(form_type="correspondence", scen=scen, fields=f, reasons=reasons, ctx=ctx)


# ------------------------------------------------------------------ drawing helpers
def wrap(text, font, size, width):
    words = text.split()
    lines, cur = [], ""
    for wd in words:
        t = (cur + " " + wd).strip()
        if pdfmetrics.stringWidth(t, font, size) <= width or not cur:
            cur = t
        else:
            lines.append(cur)
            cur = wd
    if cur:
        lines.append(cur)
    return lines


def para(c, x, y, text, font="Helvetica", size=10, width=450, leading=None):
    leading = leading or size * 1.3
    c.setFont(font, size)
    for ln in wrap(text, font, size, width):
        c.drawString(x, y, ln)
        y -= leading
    return y


def new_canvas(path, size, title):
    c = canvas.Canvas(str(path), pagesize=size, invariant=1)
    c.setTitle(title)
    c.setAuthor("Aldermoor Borough Council")
    return c


def tickbox(c, x, y, chosen, label, size=9, font="Helvetica", fsize=9.5):
    c.setLineWidth(0.7)
    c.rect(x, y, size, size)
    if chosen:
        c.setFont(TICKFONT, size + 2)
        c.drawString(x + 0.8, y + 0.8, TICK)
    c.setFont(font, fsize)
    c.drawString(x + size + 4, y + 1, label)
    return x + size + 4 + pdfmetrics.stringWidth(label, font, fsize) + 16


def council_banner(c, W, H, subtitle, color=colors.HexColor("#1f4e5a")):
    c.setFillColor(color)
    c.rect(0, H - 54, W, 54, fill=1, stroke=0)
    c.setFillColor(colors.white)
    c.setFont("Helvetica-Bold", 16)
    c.drawString(28, H - 30, "Aldermoor Borough Council")
    c.setFont("Helvetica", 9)
    c.drawString(28, H - 44, subtitle)
    c.setFillColor(colors.black)


# ------------------------------------------------------------------ layout: grid (landscape)
SHADE = colors.HexColor("#d9e2e6")


def grid_row(c, y, cells, x0=28, minh=22):
    lf, ls, vf, vs = "Helvetica-Bold", 7.5, "Helvetica", 10
    h = minh
    for label, value, lw, vw in cells:
        nl = len(wrap(label, lf, ls, lw - 8)) if label else 1
        nv = len(wrap(value or "", vf, vs, vw - 10)) if value else 1
        h = max(h, nl * 9 + 8, nv * 12.5 + 8)
    x = x0
    c.setLineWidth(0.6)
    c.setStrokeColor(colors.HexColor("#6b7f86"))
    for label, value, lw, vw in cells:
        c.setFillColor(SHADE)
        c.rect(x, y - h, lw, h, fill=1, stroke=1)
        c.setFillColor(colors.black)
        yy = y - 10
        c.setFont(lf, ls)
        for ln in wrap(label, lf, ls, lw - 8):
            c.drawString(x + 4, yy, ln)
            yy -= 9
        c.setFillColor(colors.white)
        c.rect(x + lw, y - h, vw, h, fill=1, stroke=1)
        c.setFillColor(colors.black)
        if value:
            c.setFont(vf, vs)
            yy = y - 13
            for ln in wrap(value, vf, vs, vw - 10):
                c.drawString(x + lw + 5, yy, ln)
                yy -= 12.5
        x += lw + vw
    c.setStrokeColor(colors.black)
    return y - h


def grid_section(c, y, text, W, x0=28):
    c.setFillColor(colors.HexColor("#1f4e5a"))
    c.rect(x0, y - 16, W - 2 * x0, 16, fill=1, stroke=0)
    c.setFillColor(colors.white)
    c.setFont("Helvetica-Bold", 9)
    c.drawString(x0 + 6, y - 11.5, text)
    c.setFillColor(colors.black)
    return y - 16


def render_grid(case, path, rng):
    W, H = landscape(A4)
    f = case["fields"]
    ft = case["form_type"]
    ds = rng.choice(["dmy_slash", "long", "dmy_dot", "dmy_slash"])
    acs = rng.choice(["plain", "space", "dash"])
    pcs = rng.choice(["norm", "norm", "lower"])
    titles = {"council_tax_spd": ("CTR 14", "Council Tax: 25% reduction when only one adult lives in the home"),
              "council_tax_move": ("CTR 02", "Council Tax: notification of a change of address"),
              "parking_permit": ("PKG 7", "Application for a residents' parking permit")}
    code, title = titles[ft]
    c = new_canvas(path, (W, H), title)
    council_banner(c, W, H, "Revenues & Benefits  |  Civic Offices, Moorgate, Aldermoor AM1 1ZZ  |  01632 960000")
    c.setFont("Helvetica-Bold", 13)
    c.drawString(28, H - 76, title)
    c.setFont("Helvetica", 8)
    c.drawRightString(W - 28, H - 76, f"Form {code} (rev. 04/26)   Page 1 of 1")
    c.drawString(28, H - 90, "Please complete every white box in BLOCK CAPITALS or type. Shaded boxes are for guidance only.")
    y = H - 100
    d = lambda k: fdate(dt.date.fromisoformat(f[k]), ds) if k in f else None
    pc = lambda k: fpc(f[k], pcs) if k in f else None
    if ft == "council_tax_spd":
        y = grid_section(c, y, "PART 1   THE PROPERTY AND THE PERSON LIABLE", W)
        y = grid_row(c, y, [("Council Tax account reference", facct(f["account_ref"], acs), 110, 120),
                            ("Full name of person applying", f["applicant_name"], 110, 250),
                            ("Telephone (daytime)", f.get("phone"), 86, 110)])
        y = grid_row(c, y, [("Address of the property (number / name and street)", f["address"], 110, 340),
                            ("Town", case["ctx"]["town"], 40, 140), ("Postcode", pc("postcode"), 60, 86)])
        y = grid_row(c, y, [("Email address", f.get("email"), 110, 370), ("Preferred contact", "Email" if f.get("email") else "Post", 110, 196)])
        y -= 8
        y = grid_section(c, y, "PART 2   ABOUT THE CHANGE", W)
        y = grid_row(c, y, [("Date you became the only adult (18 or over) living at the property", d("sole_adult_since"), 200, 110),
                            ("Full name of the adult who has left", f.get("other_adult_name"), 150, 326)])
        y = grid_row(c, y, [("Where has that person gone to live? (full address if known)", f.get("other_adult_forwarding_address"), 200, 586)])
        y = grid_row(c, y, [("Please describe what has changed in your household", f.get("change_description"), 200, 586)], minh=40)
        y -= 8
        y = grid_section(c, y, "PART 3   DECLARATION", W)
        y = para(c, 30, y - 12, "I declare that the information on this form is correct and complete. I understand that I must tell the "
                 "council within 21 days if another adult comes to live at the property, and that giving false information may lead to a penalty of £70.",
                 size=8, width=780)
        y = grid_row(c, y - 2, [("Signature", case["ctx"]["A"]["first"][0] + ". " + case["ctx"]["A"]["last"], 110, 300),
                                ("Date", d("declaration_date"), 60, 150), ("Office use: batch", "", 90, 76)])
    elif ft == "council_tax_move":
        mt = f["move_type"]
        y = grid_section(c, y, "SECTION A   ABOUT YOU", W)
        y = grid_row(c, y, [("Your name in full", f["applicant_name"], 100, 260),
                            ("Council Tax account no. (if known)", facct(f["account_ref"], acs) if "account_ref" in f else None, 120, 120),
                            ("Phone", f.get("phone"), 60, 126)])
        y = grid_row(c, y, [("Email", f.get("email"), 100, 260), ("I am", ("[X] moving IN (Section C)   [  ] moving OUT (Section B)" if mt == "in"
                                                                          else "[  ] moving IN (Section C)   [X] moving OUT (Section B)"), 120, 306)])
        y = grid_row(c, y, [("Date of the move", d("move_date"), 100, 140), ("Tenure (office use)", "", 120, 426)])
        y -= 8
        y = grid_section(c, y, "SECTION B   THE ADDRESS YOU ARE LEAVING", W)
        y = grid_row(c, y, [("House number / name and street", f.get("previous_address"), 130, 330),
                            ("Town", case["ctx"].get("prev_town") if "previous_address" in f else None, 50, 110), ("Postcode", pc("previous_postcode"), 60, 106)])
        y -= 8
        y = grid_section(c, y, "SECTION C   YOUR NEW ADDRESS (forwarding address if you are leaving the borough)", W)
        y = grid_row(c, y, [("House number / name and street", f.get("new_address"), 130, 330),
                            ("Town", case["ctx"].get("new_town") if "new_address" in f else None, 50, 110), ("Postcode", pc("new_postcode"), 60, 106)])
        y -= 8
        y = grid_section(c, y, "SECTION D   DECLARATION", W)
        y = para(c, 30, y - 12, "The information I have given is true to the best of my knowledge. I understand the council may check it "
                 "with other records it holds.", size=8, width=780)
        y = grid_row(c, y - 2, [("Signed", case["ctx"]["A"]["full"], 100, 300), ("Date", d("declaration_date"), 60, 150),
                                ("Received (office use)", "", 100, 76)])
    else:
        y = grid_section(c, y, "1   APPLICANT", W)
        y = grid_row(c, y, [("Applicant's name", f["applicant_name"], 100, 270), ("Daytime phone", f.get("phone"), 90, 120),
                            ("Email", f.get("email"), 50, 156)])
        y = grid_row(c, y, [("Home address (number and street)", f["address"], 100, 330), ("Town", case["ctx"]["town"], 50, 110),
                            ("Postcode", pc("postcode"), 60, 136)])
        y -= 8
        y = grid_section(c, y, "2   VEHICLE AND PERMIT", W)
        y = grid_row(c, y, [("Registration number", fvrm(f["vrm"]) if "vrm" in f else None, 100, 130),
                            ("Make", f.get("vehicle_make"), 50, 130), ("Permit zone", f["zone"], 80, 120),
                            ("Permit to start", d("start_date"), 80, 96)])
        y = grid_row(c, y, [("Permit type", "Resident (12 months)", 100, 130), ("Fee", "£48.00", 50, 130),
                            ("Payment ref. (office use)", "", 80, 296)])
        y -= 8
        y = grid_section(c, y, "3   DECLARATION", W)
        y = para(c, 30, y - 12, "I confirm that I live at the address above, that the vehicle is kept there, and that I will return the permit "
                 "if I move or sell the vehicle.", size=8, width=780)
        y = grid_row(c, y - 2, [("Signature", case["ctx"]["A"]["full"], 100, 300), ("Date", d("declaration_date"), 60, 150),
                                ("Permit no. (office use)", "", 100, 76)])
    c.setFont("Helvetica", 7)
    c.drawString(28, 20, "Privacy: we use your information to administer council tax and parking. See aldermoor.gov.uk/privacy.")
    c.showPage()
    c.save()


# ------------------------------------------------------------------ layout: numbered questions
def render_numbered(case, path, rng):
    W, H = A4
    f = case["fields"]
    ft = case["form_type"]
    ds = rng.choice(["dmy_short", "ord", "long", "dmy_dash"])
    acs = rng.choice(["space", "ct", "plain"])
    pcs = rng.choice(["norm", "nospace", "lower"])
    titles = {"council_tax_spd": "Single Person Discount – application",
              "council_tax_move": "Moving home? Tell us about your Council Tax",
              "parking_permit": "Residents' Parking Permit – application"}
    c = new_canvas(path, (W, H), titles[ft])
    council_banner(c, W, H, "Customer Services  |  aldermoor.gov.uk", colors.HexColor("#5a2d5f"))
    c.setFont("Helvetica-Bold", 14)
    c.drawString(36, H - 80, titles[ft])
    c.setFont("Helvetica", 8.5)
    c.drawString(36, H - 94, "Please answer every question that applies to you. Write clearly on the dotted lines and tick (\u2713) one box where asked."
                 if HAVE_DJ else "Please answer every question that applies to you.")
    state = {"y": H - 118, "n": 0}

    def q(text, answer, lines=1):
        state["n"] += 1
        y = state["y"]
        c.setFont("Helvetica-Bold", 10)
        c.drawString(36, y, f"Q{state['n']}")
        c.setFont("Helvetica", 10)
        c.drawString(62, y, text)
        y -= 17
        ans = wrap(answer, HAND, 11.5, 480) if answer else []
        for i in range(max(lines, len(ans))):
            c.setDash(1, 2)
            c.setLineWidth(0.6)
            c.line(62, y - 2, W - 40, y - 2)
            c.setDash()
            if i < len(ans):
                c.setFont(HAND, 11.5)
                c.setFillColor(colors.HexColor("#1a2a6c"))
                c.drawString(66, y + 1, ans[i])
                c.setFillColor(colors.black)
            y -= 17
        state["y"] = y - 7

    def opts(text, options, chosen):
        state["n"] += 1
        y = state["y"]
        c.setFont("Helvetica-Bold", 10)
        c.drawString(36, y, f"Q{state['n']}")
        c.setFont("Helvetica", 10)
        c.drawString(62, y, text)
        y -= 18
        x = 66
        for o in options:
            x = tickbox(c, x, y - 1, o == chosen, o)
        state["y"] = y - 20

    d = lambda k: fdate(dt.date.fromisoformat(f[k]), ds) if k in f else None
    pc = lambda k: fpc(f[k], pcs) if k in f else None
    if ft == "council_tax_spd":
        q("Your Council Tax account number (shown at the top of your bill)", facct(f["account_ref"], acs))
        q("Your full name", f["applicant_name"])
        q("The address you are claiming for (house number or name, and street)", f["address"])
        q("Postcode", pc("postcode"))
        q("From what date have you been the only person aged 18 or over living there?", d("sole_adult_since"))
        q("If someone has moved out, what is their name?", f.get("other_adult_name"))
        q("Do you know their new address? If so, please write it here", f.get("other_adult_forwarding_address"))
        q("Tell us in your own words what has changed", f.get("change_description"), 2)
        opts("Does anyone aged 18 or over, other than you, live at the address now?", ["Yes", "No"], "No")
        q("A phone number we can reach you on", f.get("phone"))
        q("Your email address", f.get("email"))
    elif ft == "council_tax_move":
        opts("Are you moving into, or out of, a property in the borough?", ["I am moving in", "I am moving out"],
             "I am moving in" if f["move_type"] == "in" else "I am moving out")
        q("Your full name", f["applicant_name"])
        q("Your Council Tax account number, if you have one", facct(f["account_ref"], acs) if "account_ref" in f else None)
        q("When did you move (or when will you move)?", d("move_date"))
        prev = f.get("previous_address")
        q("The address you are leaving (number or name, and street)", prev)
        q("Postcode of the address you are leaving", pc("previous_postcode"))
        q("Your new address (number or name, and street)", f.get("new_address"))
        q("Postcode of your new address", pc("new_postcode"))
        q("Daytime telephone number", f.get("phone"))
        q("Email address", f.get("email"))
    else:
        q("Your full name", f["applicant_name"])
        q("Your home address (house number or name, and street)", f["address"])
        q("Postcode", pc("postcode"))
        q("Registration number of the vehicle", fvrm(f["vrm"], rng.choice(["space", "space", "lower"])) if "vrm" in f else None)
        q("Make of the vehicle (for example Ford)", f.get("vehicle_make"))
        opts("Which permit zone do you live in?", ["Harbour", "Old Town", "Zone 3", "Zone 4"], f["zone"])
        q("When would you like your permit to start?", d("start_date"))
        q("Telephone number", f.get("phone"))
        q("Email address", f.get("email"))
        opts("Is the vehicle a company car?", ["Yes", "No"], "No")
    y = state["y"] - 4
    c.setFont("Helvetica-Bold", 10)
    c.drawString(36, y, "Declaration")
    y = para(c, 36, y - 14, "I confirm that the information I have given is correct. I understand that if I knowingly give false "
             "information I may be prosecuted.", size=9, width=W - 76)
    y -= 10
    c.setFont("Helvetica", 10)
    c.drawString(36, y, "Signature")
    c.setFont(HAND, 13)
    c.drawString(100, y, case["ctx"]["A"]["first"][0] + " " + case["ctx"]["A"]["last"])
    c.setFont("Helvetica", 10)
    c.drawString(330, y, "Date")
    if "declaration_date" in f:
        c.setFont(HAND, 11.5)
        c.setFillColor(colors.HexColor("#1a2a6c"))
        c.drawString(365, y, d("declaration_date"))
        c.setFillColor(colors.black)
    c.setDash(1, 2)
    c.line(98, y - 3, 320, y - 3)
    c.line(362, y - 3, W - 40, y - 3)
    c.setDash()
    c.setFont("Helvetica", 7)
    c.drawString(36, 24, "Return this form to Customer Services, Civic Offices, Moorgate, Aldermoor AM1 1ZZ or scan it to forms@aldermoor.gov.uk")
    c.showPage()
    c.save()


# ------------------------------------------------------------------ layout: character boxes
def char_boxes(c, x, y, n, text, caption=None, bw=15, bh=19, gap_after=None):
    text = text or ""
    c.setLineWidth(0.7)
    xs = []
    xx = x
    for i in range(n):
        c.rect(xx, y, bw, bh)
        xs.append(xx)
        xx += bw
        if gap_after and i + 1 in gap_after:
            xx += 6
    c.setFont("Helvetica", 12)
    for i, ch in enumerate(text[:n]):
        if ch != " ":
            c.drawCentredString(xs[i] + bw / 2, y + 5, ch)
    if caption:
        c.setFont("Helvetica", 7)
        c.drawString(x, y - 9, caption)
    return xx


def date_boxes(c, x, y, d, caption):
    s = d.strftime("%d%m%Y") if d else ""
    bw = 15
    parts = [(0, 2, "DD"), (2, 4, "MM"), (4, 8, "YYYY")]
    xx = x
    for a, b, cap in parts:
        seg = s[a:b] if s else ""
        char_boxes(c, xx, y, b - a, seg, bw=bw)
        c.setFont("Helvetica", 6.5)
        c.drawCentredString(xx + (b - a) * bw / 2, y - 8, cap)
        xx += (b - a) * bw
        if b < 8:
            c.setFont("Helvetica", 12)
            c.drawCentredString(xx + 5, y + 5, "/")
            xx += 10
    c.setFont("Helvetica", 7)
    c.drawString(x, y - 17, caption)


def long_box(c, x, y, w, text, caption, h=19):
    c.setLineWidth(0.7)
    c.rect(x, y, w, h)
    if text:
        c.setFont("Helvetica", 10.5)
        c.drawString(x + 4, y + 5.5, text)
    c.setFont("Helvetica", 7)
    c.drawString(x, y - 9, caption)


def multi_box(c, x, y, w, text, caption, lines=2):
    h = 14 * lines + 6
    c.setLineWidth(0.7)
    c.rect(x, y - h + 19, w, h)
    yy = y + 19 - 14
    c.setFont("Helvetica", 10)
    for ln in wrap(text or "", "Helvetica", 10, w - 8)[:lines]:
        c.drawString(x + 4, yy, ln)
        yy -= 14
    c.setFont("Helvetica", 7)
    c.drawString(x, y - h + 10, caption)
    return h - 19


def render_charbox(case, path, rng):
    W, H = A4
    f = case["fields"]
    ft = case["form_type"]
    titles = {"council_tax_spd": "SPD1  Application for Single Person Discount",
              "council_tax_move": "CTM3  Council Tax – Change of Address",
              "parking_permit": "RP1  Residents' Parking Permit"}
    c = new_canvas(path, (W, H), titles[ft])
    c.setFillColor(colors.HexColor("#00703c"))
    c.rect(36, H - 60, W - 72, 30, fill=1, stroke=0)
    c.setFillColor(colors.white)
    c.setFont("Helvetica-Bold", 13)
    c.drawString(44, H - 50, "ALDERMOOR BOROUGH COUNCIL")
    c.setFont("Helvetica-Bold", 10)
    c.drawRightString(W - 44, H - 50, titles[ft])
    c.setFillColor(colors.black)
    c.setFont("Helvetica-Oblique", 8.5)
    c.drawString(36, H - 76, "Use BLACK ink. Write one character in each box and leave a box empty for a space. Dates as DD / MM / YYYY.")
    x = 40
    y = H - 124
    step = 40

    def pcbox(val, cap):
        v = (val or "")
        char_boxes(c, 395, y, 8, v, cap)

    def label(text):
        c.setFont("Helvetica-Bold", 9.5)
        c.drawString(36, y + 26, text)

    if ft == "council_tax_spd":
        label("1. Your details")
        char_boxes(c, x, y, 8, f["account_ref"], "Council Tax account no.")
        long_box(c, 200, y, W - 240, f["applicant_name"], "Your full name")
        y -= step
        long_box(c, x, y, 330, f["address"], "Address of the property – number or house name, and street")
        pcbox(f["postcode"].replace(" ", " "), "Postcode")
        y -= step
        long_box(c, x, y, 200, f.get("phone"), "Telephone")
        long_box(c, 250, y, W - 290, f.get("email"), "Email")
        y -= step + 18
        label("2. The change")
        date_boxes(c, x, y, dt.date.fromisoformat(f["sole_adult_since"]), "Date you became the only adult in the property")
        long_box(c, 230, y, W - 270, f.get("other_adult_name"), "Name of the adult who has left (if any)")
        y -= step + 4
        long_box(c, x, y, W - 80, f.get("other_adult_forwarding_address"), "Their new address, if known")
        y -= step
        y -= multi_box(c, x, y, W - 80, f.get("change_description"), "What has changed? (for example: partner moved out, lodger left)", 2)
        y -= step + 18
    elif ft == "council_tax_move":
        label("1. Moving in or out?")
        c.setFont("Helvetica", 10)
        mt = f["move_type"]
        c.rect(x, y + 2, 12, 12)
        c.rect(x + 140, y + 2, 12, 12)
        c.setFont("Helvetica-Bold", 11)
        c.drawCentredString(x + 6, y + 4.5, "X" if mt == "in" else "")
        c.drawCentredString(x + 146, y + 4.5, "X" if mt == "out" else "")
        c.setFont("Helvetica", 10)
        c.drawString(x + 18, y + 4, "Moving IN")
        c.drawString(x + 158, y + 4, "Moving OUT")
        date_boxes(c, 330, y, dt.date.fromisoformat(f["move_date"]) if "move_date" in f else None, "Date of move")
        y -= step + 18
        label("2. About you")
        char_boxes(c, x, y, 8, f.get("account_ref"), "Account no. (if known)")
        long_box(c, 200, y, W - 240, f["applicant_name"], "Full name")
        y -= step
        long_box(c, x, y, 200, f.get("phone"), "Telephone")
        long_box(c, 250, y, W - 290, f.get("email"), "Email")
        y -= step + 18
        label("3. Address you are leaving")
        long_box(c, x, y, 330, f.get("previous_address"), "Number or house name, and street")
        pcbox(f.get("previous_postcode"), "Postcode")
        y -= step + 18
        label("4. Your new address")
        long_box(c, x, y, 330, f.get("new_address"), "Number or house name, and street")
        pcbox(f.get("new_postcode"), "Postcode")
        y -= step + 18
    else:
        label("1. About you")
        long_box(c, x, y, W - 80, f["applicant_name"], "Full name")
        y -= step
        long_box(c, x, y, 330, f["address"], "Address – number or house name, and street")
        pcbox(f["postcode"], "Postcode")
        y -= step
        long_box(c, x, y, 200, f.get("phone"), "Telephone")
        long_box(c, 250, y, W - 290, f.get("email"), "Email")
        y -= step + 18
        label("2. Your vehicle")
        vv = fvrm(f["vrm"]) if "vrm" in f else None
        if vv and len(vv) > 8:
            vv = f["vrm"]
        char_boxes(c, x, y, 8, vv, "Vehicle registration")
        long_box(c, 200, y, 150, f.get("vehicle_make"), "Make")
        y -= step + 10
        c.setFont("Helvetica", 9)
        c.drawString(x, y + 20, "Zone (put X in one box):")
        xx = x
        for z in ["Harbour", "Old Town", "Zone 3", "Zone 4"]:
            c.rect(xx, y, 12, 12)
            if z == f["zone"]:
                c.setFont("Helvetica-Bold", 11)
                c.drawCentredString(xx + 6, y + 2.5, "X")
            c.setFont("Helvetica", 10)
            c.drawString(xx + 17, y + 2, z)
            xx += 90
        date_boxes(c, 400, y, dt.date.fromisoformat(f["start_date"]), "Permit start date")
        y -= step + 18
    label("Declaration")
    para(c, 36, y + 10, "I declare that the information on this form is true and complete.", size=9, width=W - 72)
    y -= 22
    long_box(c, x, y, 220, case["ctx"]["A"]["full"], "Signature")
    date_boxes(c, 300, y, dt.date.fromisoformat(f["declaration_date"]) if "declaration_date" in f else None, "Date signed")
    c.setFont("Helvetica", 7)
    c.drawString(36, 24, "Aldermoor Borough Council, Civic Offices, Moorgate, Aldermoor AM1 1ZZ   |   For office use: ________")
    c.showPage()
    c.save()


# ------------------------------------------------------------------ layout: call log
AGENTS = ["K. Hollis", "R. Beer", "S. Atwell", "J. Penwarden", "M. Olds"]


def render_calllog(case, path, rng):
    W, H = A4
    f = case["fields"]
    ft = case["form_type"]
    ctx = case["ctx"]
    A = ctx["A"]
    call_date = dt.date.fromisoformat(f["declaration_date"])
    ds = rng.choice(["long", "ord"])
    acs = rng.choice(["space", "plain", "ct"])
    c = new_canvas(path, (W, H), "Call log")
    c.setFont("Helvetica-Bold", 12)
    c.drawString(40, H - 50, "ALDERMOOR BOROUGH COUNCIL")
    c.setFont("Helvetica", 9)
    c.drawString(40, H - 63, "Customer Contact Centre – Telephone call record (CRM print)")
    c.setLineWidth(1)
    c.line(40, H - 70, W - 40, H - 70)
    h, m = rng.randint(8, 16), rng.randint(0, 59)
    t0 = dt.datetime.combine(call_date, dt.time(h, m, rng.randint(0, 59)))
    queue = {"council_tax_spd": "Council Tax – discounts", "council_tax_move": "Council Tax – moves",
             "parking_permit": "Parking services"}[ft]
    c.setFont("Courier", 9)
    y = H - 88
    meta = [f"Log ref:   CL-{call_date.year}-{rng.randint(100000, 999999)}",
            f"Call date: {call_date.strftime('%d/%m/%Y')}",
            f"Queue:     {queue}",
            f"Agent:     {rng.choice(AGENTS)}"]
    for ln in meta:
        c.drawString(40, y, ln)
        y -= 12
    y -= 6
    c.setFont("Helvetica-Bold", 10)
    c.drawString(40, y, "Call log")
    y -= 14
    tel = f.get("phone") or "withheld"

    def ts(sec):
        return (t0 + dt.timedelta(seconds=sec)).strftime("%H:%M:%S")
    events = [(0, "Inbound call answered"), (rng.randint(15, 40), f"Caller: {f['applicant_name']}   (tel {tel})"),
              (rng.randint(60, 120), "Security check passed (name, address, date of birth)"),
              (rng.randint(400, 700), "Call ended")]
    c.setFont("Courier", 9)
    for s, t in events:
        c.drawString(40, y, f"{ts(s)}  {t}")
        y -= 12
    y -= 10
    c.setFont("Helvetica-Bold", 10)
    c.drawString(40, y, "What the caller said")
    y -= 14
    d = lambda k: fdate(dt.date.fromisoformat(f[k]), ds)
    first = f["applicant_name"].split()[0] if f["applicant_name"].split()[0] not in ("Mr", "Mrs", "Ms", "Miss", "Dr", "Mx") else f["applicant_name"]
    who = f["applicant_name"]
    if ft == "council_tax_spd":
        s = [f"{who} called to apply for the single person discount on her council tax account {facct(f['account_ref'], acs)}."
             if A["gender"] == "F" else
             f"{who} called to apply for the single person discount on his council tax account {facct(f['account_ref'], acs)}."]
        s.append(f"The property is {f['address']}, {ctx['town']} {f['postcode']}.")
        if "other_adult_name" in f:
            s.append(f"The caller said {f['other_adult_name']} moved out and that the caller has been the only adult living there since {d('sole_adult_since')}.")
            if "other_adult_forwarding_address" in f:
                s.append(f"New address given for {f['other_adult_name']}: {f['other_adult_forwarding_address']}.")
        else:
            s.append(f"The caller has lived there alone since {d('sole_adult_since')}; nobody else aged 18 or over lives there.")
        if "email" in f:
            s.append(f"Confirmation to be sent by email to {f['email']}.")
        s.append("Caller confirmed the declaration was read out and agreed to it.")
        action = "SPD application logged on caller's behalf; declaration taken by phone."
    elif ft == "council_tax_move":
        if f["move_type"] == "out":
            s = [f"{who} rang to tell us about a move out of {f['previous_address']}, {ctx['prev_town']} {f['previous_postcode']}.",
                 f"Council tax account quoted: {facct(f['account_ref'], acs)}." if "account_ref" in f else "Caller did not have the account number to hand.",
                 f"Move date given as {d('move_date')}." if "move_date" in f else "Caller was not sure of the date yet."]
            if "new_address" in f:
                s.append(f"Forwarding address for the final bill: {f['new_address']}, {ctx['new_town']} {f['new_postcode']}.")
        else:
            verb = "moved" if f["move_date"] <= f["declaration_date"] else "is moving"
            s = [f"{who} rang to say the caller {verb} into {f['new_address']}, {ctx['new_town']} {f['new_postcode']} on {d('move_date')} "
                 "and wants to be set up for council tax there."]
            if "previous_address" in f:
                s.append(f"Previous address was {f['previous_address']}, {ctx['prev_town']} {f['previous_postcode']}.")
        if "email" in f:
            s.append(f"Email for the bill: {f['email']}.")
        s.append("Caller agreed the information given is correct.")
        action = "Change of address recorded from call; passed to Council Tax."
    else:
        zt = f["zone"] if f["zone"].startswith("Zone") else f"the {f['zone']} zone"
        s = [f"{who} called to apply for a residents' parking permit for {zt}.",
             f"Home address: {f['address']}, {ctx['town']} {f['postcode']}."]
        veh = f"{f['vehicle_make']} " if "vehicle_make" in f else ""
        s.append(f"Vehicle: {veh}registration {fvrm(f['vrm'])}." if "vrm" in f else "Caller has not yet bought the vehicle.")
        s.append(f"Wants the permit to start on {d('start_date')}.")
        if "email" in f:
            s.append(f"Email for the permit letter: {f['email']}.")
        s.append("Caller confirmed the vehicle is kept at the address and agreed to the declaration.")
        action = "Permit application keyed from call; payment of £48.00 taken by card."
    c.setFont("Helvetica", 10)
    y = para(c, 40, y, " ".join(s), size=10, width=W - 80, leading=14)
    y -= 12
    c.setFont("Helvetica-Bold", 10)
    c.drawString(40, y, "Action taken")
    y = para(c, 40, y - 14, action, size=10, width=W - 80)
    c.setFont("Courier", 8)
    c.drawString(40, 30, f"Printed {call_date.strftime('%d/%m/%Y')} {ts(900)}  -  OFFICIAL-SENSITIVE")
    c.showPage()
    c.save()


# ------------------------------------------------------------------ layout: AcroForm
def render_acro(case, path, rng):
    W, H = A4
    f = case["fields"]
    ft = case["form_type"]
    ds = rng.choice(["iso", "dmy_slash", "us_long", "long"])
    acs = rng.choice(["plain", "ct", "dash"])
    titles = {"council_tax_spd": "eForm CT-SPD  Single occupancy discount",
              "council_tax_move": "eForm CT-MV  Council Tax: moving home",
              "parking_permit": "eForm PK-RES  Residents' parking permit"}
    c = new_canvas(path, (W, H), titles[ft])
    council_banner(c, W, H, "Fillable form – complete on screen, save and email to revenues@aldermoor.gov.uk", colors.HexColor("#8a3b12"))
    c.setFont("Helvetica-Bold", 13)
    c.drawString(40, H - 80, titles[ft])
    form = c.acroForm
    y = H - 115
    d = lambda k: fdate(dt.date.fromisoformat(f[k]), ds) if k in f else ""

    def tf(label, name, value, width=300, h=18, multiline=False):
        nonlocal y
        c.setFont("Helvetica", 9)
        c.drawString(40, y + 5, label)
        form.textfield(name=name, tooltip=label, value=value or "", x=215, y=y - (h - 18), width=width, height=h,
                       borderStyle="inset", borderColor=colors.HexColor("#888888"), fillColor=colors.HexColor("#eef3fb"),
                       textColor=colors.black, forceBorder=True, fontName="Helvetica", fontSize=9.5, maxlen=600,
                       fieldFlags="multiline" if multiline else "")
        y -= h + 12

    def radios(label, name, options, chosen):
        nonlocal y
        c.setFont("Helvetica", 9)
        c.drawString(40, y + 5, label)
        x = 215
        for exp, text in options:
            form.radio(name=name, tooltip=text, value=exp, selected=(exp == chosen), x=x, y=y + 1, size=13,
                       buttonStyle="circle", borderColor=colors.HexColor("#555555"), fillColor=colors.white,
                       textColor=colors.black, forceBorder=True)
            c.setFont("Helvetica", 9)
            c.drawString(x + 17, y + 4, text)
            x += 130
        y -= 30

    def combo(label, name, options, value):
        nonlocal y
        c.setFont("Helvetica", 9)
        c.drawString(40, y + 5, label)
        form.choice(name=name, tooltip=label, value=value, options=options, x=215, y=y, width=160, height=18,
                    borderColor=colors.HexColor("#888888"), fillColor=colors.HexColor("#eef3fb"), textColor=colors.black,
                    forceBorder=True, fontName="Helvetica", fontSize=9.5)
        y -= 30

    def section(t):
        nonlocal y
        c.setFont("Helvetica-Bold", 10)
        c.setFillColor(colors.HexColor("#8a3b12"))
        c.drawString(40, y + 4, t)
        c.setFillColor(colors.black)
        c.line(40, y, W - 40, y)
        y -= 24

    if ft == "council_tax_spd":
        section("About you")
        tf("Council Tax reference", "ctaxRefNo", facct(f["account_ref"], acs), 140)
        tf("Name of person claiming", "ClaimantName_full", f["applicant_name"])
        tf("Property – number/name and street", "propAddrL1", f["address"])
        tf("Property postcode", "propPCode", f["postcode"], 90)
        tf("Contact telephone", "telNo", f.get("phone"), 160)
        tf("Email", "eAddr", f.get("email"))
        section("Your circumstances")
        tf("Only adult resident from (date)", "soleOccDate", d("sole_adult_since"), 140)
        tf("Adult who has moved out – name", "departedAdult", f.get("other_adult_name"))
        tf("Their new address", "departedAdultNewAddr", f.get("other_adult_forwarding_address"), 330)
        tf("What has changed?", "circumstancesTxt", f.get("change_description"), 330, 44, True)
        section("Declaration")
        c.setFont("Helvetica", 8.5)
        c.drawString(40, y + 6, "By entering today's date I declare the information given is correct and complete.")
        y -= 16
        tf("Date of declaration", "declDate", d("declaration_date"), 140)
    elif ft == "council_tax_move":
        section("Your move")
        radios("Direction of move", "movingDir", [("Moving_In", "Moving in"), ("Moving_Out", "Moving out")],
               "Moving_In" if f["move_type"] == "in" else "Moving_Out")
        tf("Date of move", "dateOfMove", d("move_date"), 140)
        tf("Your name", "residentName", f["applicant_name"])
        tf("Account number (if you have one)", "acctNo", facct(f["account_ref"], acs) if "account_ref" in f else "", 140)
        section("Addresses")
        tf("Address you are leaving (line 1)", "leavingAddrL1", f.get("previous_address"))
        tf("Postcode you are leaving", "leavingPCode", f.get("previous_postcode"), 90)
        tf("New / forwarding address (line 1)", "newAddrL1", f.get("new_address"))
        tf("New postcode", "newPCode", f.get("new_postcode"), 90)
        section("Contact")
        tf("Phone", "contactTel", f.get("phone"), 160)
        tf("Email", "contactEmail", f.get("email"))
        tf("Date completed", "declDate", d("declaration_date"), 140)
    else:
        section("Applicant")
        tf("Full name", "applicantNm", f["applicant_name"])
        tf("Home address (line 1)", "homeAddr1", f["address"])
        tf("Postcode", "homePC", fpc(f["postcode"], rng.choice(["norm", "nospace"])), 90)
        tf("Phone", "tel_1", f.get("phone"), 160)
        tf("Email", "email_1", f.get("email"))
        section("Vehicle")
        tf("Registration mark", "regMark", fvrm(f["vrm"], rng.choice(["space", "nospace"])) if "vrm" in f else "", 120)
        tf("Make", "vehMake", f.get("vehicle_make"), 140)
        combo("Parking zone", "zoneSel", ["Harbour", "Old Town", "Zone 3", "Zone 4"], f["zone"])
        tf("Start permit from", "permitFrom", d("start_date"), 140)
        section("Declaration")
        tf("Signed on (date)", "signedOn", d("declaration_date"), 140)
    c.setFont("Helvetica", 7)
    c.drawString(40, 26, "Aldermoor Borough Council eForms v3.2  |  fields marked in blue are editable")
    c.showPage()
    c.save()


# ------------------------------------------------------------------ layout: letters & emails
RECIP = ["Council Tax Section", "Customer Services", "Revenues Team", "Parking Services"]


def letter_or_email(path, case, rng, sender_lines, date_line, subject, salutation, paras, signoff, sig_lines, email_from=None,
                    channel="letter", recip="Customer Services"):
    """Renders and returns the body text (salutation .. end of signature)."""
    W, H = A4
    c = new_canvas(path, (W, H), subject)
    body_parts = [salutation] + paras + [signoff] + sig_lines
    if channel == "letter":
        font = "Times-Roman"
        y = H - 60
        c.setFont(font, 11)
        for ln in sender_lines:
            c.drawRightString(W - 60, y, ln)
            y -= 14
        y -= 10
        c.drawRightString(W - 60, y, date_line)
        y -= 28
        for ln in [recip, "Aldermoor Borough Council", "Civic Offices", "Moorgate", "Aldermoor AM1 1ZZ"]:
            c.drawString(60, y, ln)
            y -= 14
        y -= 18
        if subject:
            c.setFont("Times-Bold", 11)
            c.drawString(60, y, subject)
            y -= 22
        c.setFont(font, 11)
        c.drawString(60, y, salutation)
        y -= 22
        for p in paras:
            y = para(c, 60, y, p, font, 11, W - 120, 15) - 9
        y -= 4
        c.setFont(font, 11)
        c.drawString(60, y, signoff)
        y -= 40
        for ln in sig_lines:
            c.drawString(60, y, ln)
            y -= 14
    else:
        y = H - 50
        c.setFont("Helvetica-Bold", 12)
        c.drawString(50, y, email_from[0] if email_from[0] else email_from[1])
        y -= 8
        c.setLineWidth(1.5)
        c.line(50, y, W - 50, y)
        y -= 18
        frm = f"{email_from[0]} <{email_from[1]}>" if email_from[0] else email_from[1]
        for k, v in [("From:", frm), ("Sent:", date_line), ("To:", "customerservices@aldermoor.gov.uk"), ("Subject:", subject)]:
            c.setFont("Helvetica-Bold", 10)
            c.drawString(50, y, k)
            c.setFont("Helvetica", 10)
            c.drawString(110, y, v)
            y -= 14
        y -= 16
        c.setFont("Helvetica", 10.5)
        c.drawString(50, y, salutation)
        y -= 20
        for p in paras:
            y = para(c, 50, y, p, "Helvetica", 10.5, W - 100, 14) - 8
        c.setFont("Helvetica", 10.5)
        c.drawString(50, y, signoff)
        y -= 16
        for ln in sig_lines:
            c.drawString(50, y, ln)
            y -= 14
    c.showPage()
    c.save()
    return " ".join(" ".join(x.split()) for x in body_parts if x)


def render_letter(case, path, rng):
    f = case["fields"]
    ft = case["form_type"]
    ctx = case["ctx"]
    A = ctx["A"]
    if ft == "correspondence":
        p = ctx["p"]
        channel = ctx["channel"]
        sent = ctx["sent"]
        name = ctx["name"]
        subj = {"missed_bin": "Missed bin collection", "council_tax_query": "Query about my council tax bill",
                "complaint": "Formal complaint", "foi_request": "Freedom of Information request",
                "other": "Allotment waiting list"}[f["topic"]]
        sender_lines = [p["form_line1"], p["town"], p["postcode"]] if p else []
        if channel == "letter":
            sal = "Dear Sir or Madam,"
            sig = [name] if name else []
            body = letter_or_email(path, case, rng, sender_lines, fdate(sent, rng.choice(["long", "ord"])), subj if rng.random() < 0.6 else "",
                                   sal, ctx["paras"], "Yours faithfully,", sig, channel="letter")
        else:
            sal = rng.choice(["Hello,", "Dear Council,", "Good morning,"])
            sig = ([name] if name else []) + sender_lines
            if ctx["scen"] == "sender_unknown_noname":
                sig = ["A fed-up resident"]
                em = (None, "harbourside.resident73@example.net")
            elif ctx["scen"] == "sender_unknown_noaddr":
                em = (A["full"], f"{A['first'].lower()}.{A['last'].lower()}@westcountrygazette.example.com")
                sig = [name, "Reporter, Westcountry Gazette"]
            else:
                em = (A["full"], w_email_cache.setdefault(A["full"], f"{A['first'].lower()}.{A['last'].lower().replace(chr(39), '')}@example.com"))
            sent_s = f"{sent.strftime('%A')}, {fdate(sent, 'long')} {rng.randint(7, 21):02d}:{rng.randint(0, 59):02d}"
            body = letter_or_email(path, case, rng, [], sent_s, subj, sal, ctx["paras"],
                                   rng.choice(["Kind regards,", "Thanks,", "Regards,"]), sig, email_from=em, channel="email")
        f["body"] = body
        return
    # ---- applications written as prose
    ds = rng.choice(["long", "ord", "us_long"])
    d = lambda k: fdate(dt.date.fromisoformat(f[k]), ds)
    decl = dt.date.fromisoformat(f["declaration_date"])
    channel = ctx.get("channel") or rng.choice(["letter", "email"])
    name = f["applicant_name"]
    if ft == "council_tax_spd":
        p = ctx["p"]
        sender = [f["address"], ctx["town"], f["postcode"]]
        paras = [f"I am writing to apply for the single person discount on my council tax. My account number is "
                 f"{facct(f['account_ref'], 'space')} and the property is {f['address']}, {ctx['town']} {f['postcode']}."]
        if "other_adult_name" in f:
            s = f"{f['other_adult_name']} moved out on {d('sole_adult_since')} and I have been the only adult living here since that date."
            if "other_adult_forwarding_address" in f:
                s += f" The new address is {f['other_adult_forwarding_address']}."
            paras.append(s)
        else:
            paras.append(f"I have been the only adult living here since {d('sole_adult_since')}.")
        paras.append("I confirm that the information in this letter is correct.")
        contact = []
        if "phone" in f:
            contact.append(f"You can reach me on {f['phone']}")
        if "email" in f:
            contact.append(f"by email at {f['email']}" if contact else f"You can email me at {f['email']}")
        if contact:
            paras.append(" or ".join(contact) + " if you need anything else.")
        subj = "Application for single person discount"
    elif ft == "parking_permit":
        sender = [f["address"], ctx["town"], f["postcode"]]
        veh = f"a {f['vehicle_make']}, " if "vehicle_make" in f else "a car, "
        zt = f["zone"] if f["zone"].startswith("Zone") else f"the {f['zone']} zone"
        paras = [f"Please could I apply for a residents' parking permit for {zt}. I live at {f['address']}, "
                 f"{ctx['town']} {f['postcode']}.",
                 f"My car is {veh}registration {fvrm(f['vrm'])}, and I would like the permit to start on {d('start_date')}.",
                 "I confirm that I live at this address and that the car is kept here."]
        if "phone" in f:
            paras.append(f"My phone number is {f['phone']}.")
        subj = "Residents' parking permit application"
    else:  # move
        sender = [f["previous_address"], ctx["prev_town"], f["previous_postcode"]] if f["move_type"] == "out" else []
        paras = [f"I am writing to let you know that I am moving out of {f['previous_address']}, {ctx['prev_town']} "
                 f"{f['previous_postcode']} on {d('move_date')}."]
        if "account_ref" in f:
            paras[0] += f" My council tax account number is {facct(f['account_ref'], 'space')}."
        if "new_address" in f:
            paras.append(f"Please send the final bill to my new address: {f['new_address']}, {ctx['new_town']} {f['new_postcode']}.")
        if "phone" in f:
            paras.append(f"If you need to contact me my number is {f['phone']}.")
        paras.append("I confirm these details are correct.")
        subj = "Moving out – council tax"
    if channel == "letter":
        letter_or_email(path, case, rng, sender, fdate(decl, rng.choice(["long", "ord", "dmy_slash"])), subj, "Dear Sir or Madam,",
                        paras, "Yours faithfully,", [name], channel="letter")
    else:
        em = f.get("email") or w_email_cache.setdefault(A["full"], f"{A['first'].lower()}.{A['last'].lower().replace(chr(39), '')}@example.com")
        sent_s = f"{decl.strftime('%A')}, {fdate(decl, 'long')} {rng.randint(7, 21):02d}:{rng.randint(0, 59):02d}"
        letter_or_email(path, case, rng, [], sent_s, subj, "Dear Council Tax team," if ft != "parking_permit" else "Hello,", paras,
                        "Many thanks,", [name] + sender, email_from=(A["full"], em), channel="email")


w_email_cache = {}

RENDER = {"grid": render_grid, "numbered": render_numbered, "charbox": render_charbox, "calllog": render_calllog,
          "acro": render_acro, "letter": render_letter}

LAYOUT_NAMES = {"grid": "landscape_grid", "numbered": "numbered_ticks", "charbox": "char_boxes", "calllog": "call_log",
                "acro": "acroform_fillable", "letter": "letter_email"}

# ------------------------------------------------------------------ plan
PLAN = [
    # layout, builder, scenarios
    ("grid", "spd", ["clean", "clean", "clean", "name_mismatch", "address_mismatch"]),
    ("grid", "move", ["out_clean", "in_clean", "out_address_mismatch"]),
    ("grid", "permit", ["clean", "clean", "not_in_zone", "cap_reached"]),
    ("numbered", "spd", ["clean", "clean", "inconsistent_dates", "other_adults"]),
    ("numbered", "move", ["in_clean", "out_clean", "out_clean", "in_property_not_found"]),
    ("numbered", "permit", ["clean", "clean", "not_resident"]),
    ("charbox", "spd", ["clean", "clean", "account_closed", "DUP"]),
    ("charbox", "move", ["out_clean", "in_clean", "out_date_too_old"]),
    ("charbox", "permit", ["clean", "clean", "clean", "invalid_vrm", "vrm_has_permit"]),
    ("calllog", "spd", ["clean", "clean", "date_too_old"]),
    ("calllog", "move", ["out_clean", "in_clean", "out_name_mismatch"]),
    ("calllog", "permit", ["clean", "date_in_future"]),
    ("acro", "spd", ["clean", "clean", "discount_applied", "DUP"]),
    ("acro", "move", ["in_clean", "out_clean", "out_missing_move_date", "out_date_in_future"]),
    ("acro", "permit", ["clean", "clean", "clean", "missing_vrm"]),
    ("letter", "corr", ["missed_bin", "council_tax_query", "complaint", "foi_request", "other",
                        "sender_unknown_noname", "sender_unknown_noaddr", "account_not_found"]),
    ("letter", "spd", ["clean"]),
    ("letter", "permit", ["clean"]),
    ("letter", "move", ["out_missing_account_ref"]),
]
BUILD = {"spd": make_spd, "move": make_move, "permit": make_permit, "corr": make_corr}


def fill_records(w):
    """Ordinary households on every property no case has claimed."""
    rng = w.rng
    for p in w.props:
        if p["uprn"] in w.used:
            continue
        r = rng.random()
        start = old_start(rng)
        if rng.random() < 0.35:
            w.prev_occupier(p, start)
        if r < 0.1:      # empty property
            continue
        A = w.person()
        liable = [A]
        if rng.random() < 0.55:
            liable.append(w.person("M" if A["gender"] == "F" else "F", last=A["last"] if rng.random() < 0.7 else None))
        disc = ""
        if len(liable) == 1 and rng.random() < 0.55:
            disc = "SPD"
        elif rng.random() < 0.04:
            disc = "DIS"
        w.add_account(p["uprn"], liable, "active", start, None, disc)
        for x in liable:
            if rng.random() < 0.93:
                w.add_elector(x, p["uprn"])
        if len(liable) == 2 and rng.random() < 0.25:
            w.add_elector(w.person(last=A["last"]), p["uprn"])   # grown-up child
        if p["parking_zone"]:
            k = rng.choices([0, 1, 2], [0.5, 0.35, 0.15])[0]
            for _ in range(k):
                vf = daterange(rng, D(2026, 1, 1), D(2026, 11, 30))
                w.add_permit(p["uprn"], w.new_vrm(), p["parking_zone"], vf, vf + dt.timedelta(days=364))
            if rng.random() < 0.2:
                vf = daterange(rng, D(2024, 6, 1), D(2025, 11, 1))
                w.add_permit(p["uprn"], w.new_vrm(), p["parking_zone"], vf, vf + dt.timedelta(days=364))


def write_records(w, path):
    wb = openpyxl.Workbook()
    bold = Font(bold=True)

    def sheet(title, cols, rows, first=False):
        ws = wb.active if first else wb.create_sheet()
        ws.title = title
        ws.append(cols)
        for cell in ws[1]:
            cell.font = bold
        for r in rows:
            ws.append([r.get(k) for k in cols])
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, dt.date):
                    cell.number_format = "yyyy-mm-dd"
        for i, col in enumerate(cols):
            ws.column_dimensions[openpyxl.utils.get_column_letter(i + 1)].width = max(12, min(45, len(col) + 6))
        ws.freeze_panes = "A2"

    props = [{k: (v if v != "" else None) for k, v in p.items()} for p in w.props]
    sheet("properties", ["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band", "ward",
                         "parking_zone"], props, first=True)
    accts = sorted(w.accounts, key=lambda a: a["account_ref"])
    for a in accts:
        if a["discounts"] == "":
            a["discounts"] = None
    sheet("council_tax_accounts", ["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"], accts)
    ward_of = {p["uprn"]: p["ward"] for p in w.props}
    els = sorted(w.electors, key=lambda e: (ward_of[e["uprn"]], e["uprn"], e["full_name"]))
    counters = {}
    for e in els:
        code = WARD_CODE[ward_of[e["uprn"]]]
        counters[code] = counters.get(code, 100) + 1
        e["elector_number"] = f"{code}-{counters[code]}"
    sheet("electoral_register", ["elector_number", "full_name", "uprn"], els)
    perms = sorted(w.permits, key=lambda p: (p["valid_from"], p["uprn"]))
    for i, p in enumerate(perms):
        p["permit_ref"] = f"AMP/{p['valid_from'].strftime('%y')}/{i + 1:05d}"
    sheet("parking_permits", ["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"], perms)
    wb.properties.creator = "Aldermoor BC data extract"
    wb.properties.created = dt.datetime(2026, 12, 4, 6, 0, 0)
    wb.properties.modified = dt.datetime(2026, 12, 4, 6, 0, 0)
    wb.save(path)
    # rewrite the zip with fixed timestamps so the file is byte-for-byte reproducible
    import zipfile
    with zipfile.ZipFile(path) as zin:
        items = [(i.filename, zin.read(i.filename)) for i in zin.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for name, data in items:
            if name == "docProps/core.xml":
                import re as _re
                data = _re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-12-04T06:00:00Z", data)
            zi = zipfile.ZipInfo(name, date_time=(2026, 12, 4, 6, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zout.writestr(zi, data)


def main():
    rng = random.Random(SEED)
    w = World(rng)
    cases = []
    dup_pair = []
    for layout, kind, scens in PLAN:
        for scen in scens:
            if scen == "DUP":
                dup_pair.append(layout)
                continue
            case = BUILD[kind](w, scen, layout)
            case["layout"] = layout
            case["ctx"]["scen"] = scen
            cases.append(case)
    # the duplicate pair: one SPD application sent twice, once on each of two layouts
    dup = make_spd(w, "clean", "charbox")
    dup["scen"] = "duplicate"
    dup["fields"].pop("change_description", None)
    for lay in dup_pair:
        cc = Case(json.loads(json.dumps({k: v for k, v in dup.items() if k != "ctx"})))
        cc["ctx"] = dup["ctx"]
        cc["layout"] = lay
        cc["dup"] = True
        cases.append(cc)
    fill_records(w)
    rng.shuffle(cases)
    # keep the duplicate pair apart
    idx = [i for i, cc in enumerate(cases) if cc.get("dup")]
    if abs(idx[0] - idx[1]) < 8:
        j = (idx[0] + len(cases) // 2) % len(cases)
        cases[idx[1]], cases[j] = cases[j], cases[idx[1]]

    inbox = HERE / "inbox"
    if inbox.exists():
        shutil.rmtree(inbox)
    inbox.mkdir()
    seen_clean = {}
    lines = []
    for i, case in enumerate(cases, 1):
        fn = f"doc_{i:04d}.pdf"
        rrng = random.Random(SEED * 1000 + i)
        RENDER[case["layout"]](case, inbox / fn, rrng)
        fields = dict(case["fields"])
        if case.get("dup"):
            outcome, reasons = "duplicate_pair", []
        else:
            reasons = list(case["reasons"])
            outcome = "exception" if reasons else "approved"
        rec = {"file": fn, "form_type": case["form_type"], "fields": fields, "outcome": outcome, "reasons": reasons,
               "layout": LAYOUT_NAMES[case["layout"]]}
        key = (case["layout"], case["form_type"])
        split = "test"
        if outcome == "approved":
            seen_clean[key] = seen_clean.get(key, 0) + 1
            if seen_clean[key] <= 2:
                split = "learn"
        rec["split"] = split
        if case.get("dup"):
            rec["duplicate_group"] = "dup-1"
        rec["scenario"] = case["scen"] if case.get("dup") else case["ctx"]["scen"]
        lines.append(rec)
    with open(HERE / "truth.jsonl", "w") as fh:
        for rec in lines:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    write_records(w, HERE / "records.xlsx")
    n_ok = sum(r["outcome"] == "approved" for r in lines)
    n_ex = sum(r["outcome"] == "exception" for r in lines)
    print(f"{len(lines)} files: {n_ok} approved, {n_ex} exception, "
          f"{sum(r['outcome'] == 'duplicate_pair' for r in lines)} duplicate_pair; "
          f"{len(w.props)} properties, {len(w.accounts)} accounts, {len(w.electors)} electors, {len(w.permits)} permits")


if __name__ == "__main__":
    main()
