#!/usr/bin/env python3
"""Blind test set generator: Fordingham Borough Council (seed 49049).
Writes records.xlsx, inbox/*.pdf, truth.jsonl next to itself."""
import json, os, random, re, shutil, hashlib
from datetime import date, timedelta
from openpyxl import Workbook
from reportlab.pdfgen import canvas
from reportlab.lib.pagesizes import A4
from reportlab.lib.colors import Color, black, white
from reportlab.lib.utils import simpleSplit

SEED = 49049
R = random.Random(SEED)
HERE = os.path.dirname(os.path.abspath(__file__))
ASOF = date(2026, 12, 7)
W, H = A4
GREY = Color(0.88, 0.88, 0.88)
DARK = Color(0.15, 0.25, 0.35)
TOWN = "Fordingham"

FIRST = ["Jane", "Sarah", "Emma", "Claire", "Helen", "Rachel", "Louise", "Priya", "Aisha", "Joanne", "Karen", "Zoe",
         "David", "Mark", "Paul", "Andrew", "Richard", "Stephen", "Imran", "Tom", "Gareth", "Neil", "Simon", "Oliver",
         "Fiona", "Gemma", "Hannah", "Lucy", "Martin", "Colin", "Raj", "Deborah", "Adebayo", "Megan", "Callum", "Nadia"]
LAST = ["Smith", "Hughes", "Patel", "Okafor", "Whitfield", "Barker", "Kowalski", "Fenwick", "Doyle", "Harrington",
        "Ellis", "Marsh", "Chowdhury", "Pryce", "Lambert", "Nightingale", "Osei", "Carver", "Bennett", "Ashdown",
        "Rowe", "Thackeray", "Iqbal", "Moreno", "Quinn", "Sutton", "Fairweather", "Holloway", "Pemberton", "Lister"]
# (street, kind, zone, district) kind: semi / flats / cottage
STREETS = [("Cedar Avenue", "semi", "F1", 2), ("Elmhurst Road", "semi", "F1", 2), ("Mill Lane", "semi", "F2", 3),
           ("Kingsway Gardens", "semi", "F2", 3), ("Orchard Close", "semi", "", 4), ("Beechwood Drive", "semi", "F3", 4),
           ("Station Approach", "semi", "Station North", 1), ("Railway Terrace", "semi", "Station North", 1),
           ("Wharf Road", "flats", "F4", 1), ("Canal Street", "flats", "F5", 5), ("Church Lane", "cottage", "", 6),
           ("Green End", "cottage", "", 6), ("Hawthorn Crescent", "semi", "F5", 5), ("Victoria Parade", "semi", "F3", 2)]
BLOCKS = {"Wharf Road": ["Kingfisher House", "Heron Court"], "Canal Street": ["Lockside House", "Mallard Point"]}
COTTAGES = ["Rose Cottage", "Ivy Cottage", "Old Forge Cottage", "Meadow View", "Well Cottage", "Yew Tree Cottage",
            "Pump Cottage", "The Old School House", "Bramble Cottage", "Laurel Cottage", "Apple Tree Cottage",
            "Stable Cottage", "Wisteria Cottage", "Keepers Cottage"]
WARDS = {1: "Fordingham Central", 2: "Fordingham North", 3: "Millbrook", 4: "Westfield", 5: "Canalside", 6: "Little Fording"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def pc_for(district):
    return "FH%d %d%s%s" % (district, R.randint(1, 9), R.choice("ABDEFGHJLNPQRSTUWXY"), R.choice("ABDEFGHJLNPQRSTUWXY"))


def rname():
    return R.choice(FIRST) + " " + R.choice(LAST)


def vrm_current():
    L = "ABCDEFGHJKLMNOPRSTUVWXY"
    return R.choice("ABCDEFGHKLMNOPRSVWY") + R.choice(L) + R.choice(["21", "71", "22", "72", "23", "73", "19", "69", "24", "74", "16", "66"]) + "".join(R.choice(L) for _ in range(3))


# ---------------------------------------------------------------- records
props, accounts, electors, permits = [], [], [], []
uprn = 100090001000
for street, kind, zone, dist in STREETS:
    pcs = [pc_for(dist) for _ in range(3)]
    n = R.randint(12, 16)
    for i in range(n):
        uprn += R.randint(1, 7)
        if kind == "flats":
            blk = BLOCKS[street][i % 2]
            a1, a2 = "Apartment %d, %s" % (i // 2 + 1, blk), street
            pc = pcs[i % 2]
        elif kind == "cottage":
            a1, a2 = "%s, %s" % (COTTAGES[i % len(COTTAGES)], street), "Little Fording"
            pc = pcs[i % 3]
            if i >= len(COTTAGES):
                a1 = "%d %s" % (i + 1, street)
        else:
            a1, a2 = "%d %s" % (2 * i + R.choice([1, 2]) + i, street), ""
            pc = pcs[min(i // 6, 2)]
        props.append(dict(uprn=uprn, address_line_1=a1, address_line_2=a2, town=TOWN, postcode=pc,
                          council_tax_band=R.choice("ABCCDDDEEF" if kind != "cottage" else "DEEFFG"),
                          ward=WARDS[dist], parking_zone=zone))
# de-duplicate semis numbers (keep unique a1)
seen = set()
for p in props:
    while p["address_line_1"] in seen:
        num, rest = p["address_line_1"].split(" ", 1)
        p["address_line_1"] = "%d %s" % (int(num) + 1, rest) if num.isdigit() else p["address_line_1"] + " "
    seen.add(p["address_line_1"])

acct_no = 61000000
used_names = set()


def uname():
    while True:
        n = rname()
        if n not in used_names:
            used_names.add(n)
            return n


el_no = 0


def add_elector(name, u):
    global el_no
    el_no += 1
    electors.append(dict(elector_number="FH-%04d" % (el_no * 7 + 100), full_name=name, uprn=u))


for p in props:
    r = R.random()
    acct_no += R.randint(11, 97)
    if r < 0.05:  # vacant: closed account only
        nm = uname()
        accounts.append(dict(account_ref=str(acct_no), uprn=p["uprn"], liable_parties=nm, status="closed",
                             start_date=date(2019, 4, 1) + timedelta(R.randint(0, 900)),
                             end_date=ASOF - timedelta(R.randint(30, 200)), discounts=""))
        p["_vacant"] = True
        continue
    if r < 0.12:  # older closed account then new active one
        old = uname()
        accounts.append(dict(account_ref=str(acct_no), uprn=p["uprn"], liable_parties=old, status="closed",
                             start_date=date(2015, 6, 1), end_date=date(2022, 3, 31), discounts=""))
        acct_no += R.randint(11, 97)
    n_liable = 1 if R.random() < 0.45 else 2
    surname = R.choice(LAST)
    names = []
    for k in range(n_liable):
        while True:
            nm = R.choice(FIRST) + " " + (surname if k == 1 and R.random() < 0.6 else R.choice(LAST))
            if nm not in used_names:
                used_names.add(nm); names.append(nm); break
    disc = "SPD" if (n_liable == 1 and R.random() < 0.3) else ""
    accounts.append(dict(account_ref=str(acct_no), uprn=p["uprn"], liable_parties=";".join(names), status="active",
                         start_date=date(2010, 1, 1) + timedelta(R.randint(0, 5000)), end_date=None, discounts=disc))
    for nm in names:
        add_elector(nm, p["uprn"])
    if disc == "" and R.random() < 0.15:
        add_elector(uname(), p["uprn"])  # grown-up child etc.
PBY = {p["uprn"]: p for p in props}
prn = 0


def add_permit(u, vrm, zone):
    global prn
    prn += 1
    vf = ASOF - timedelta(R.randint(20, 300))
    permits.append(dict(permit_ref="RP%05d" % (prn + 3000), uprn=u, vrm=vrm, zone=zone, valid_from=vf,
                        valid_to=vf + timedelta(days=364)))


zoned = [p for p in props if p["parking_zone"] and not p.get("_vacant")]
for p in R.sample(zoned, 40):
    add_permit(p["uprn"], vrm_current(), p["parking_zone"])
# a couple of expired permits for realism
for p in R.sample(zoned, 4):
    vf = ASOF - timedelta(R.randint(420, 600))
    prn += 1
    permits.append(dict(permit_ref="RP%05d" % (prn + 3000), uprn=p["uprn"], vrm=vrm_current(), zone=p["parking_zone"],
                        valid_from=vf, valid_to=vf + timedelta(days=364)))


def active_accts(u):
    return [a for a in accounts if a["uprn"] == u and a["status"] == "active"]


def electors_at(u):
    return [e["full_name"] for e in electors if e["uprn"] == u]


def active_permits(u):
    return [x for x in permits if x["uprn"] == u and x["valid_from"] <= ASOF <= x["valid_to"]]


USED = set()


def pick(pred):
    c = [p for p in props if p["uprn"] not in USED and pred(p)]
    p = R.choice(c)
    USED.add(p["uprn"])
    return p


def strip_title(n):
    return re.sub(r"^(Mr|Mrs|Ms|Miss|Dr|Mx)\.?\s+", "", n)


def with_title(n):
    return (R.choice(["Mr", "Mrs", "Ms", "Miss", "Dr"]) + " " + n) if R.random() < 0.35 else n


# ---------------------------------------------------------------- scenarios
def d_iso(d):
    return d.isoformat()


def spd_case(kind):
    def ok_prop(p, need_extra=False, spd=False):
        a = active_accts(p["uprn"])
        if p.get("_vacant") or len(a) != 1:
            return False
        a = a[0]
        if ("SPD" in a["discounts"]) != spd:
            return False
        el = set(electors_at(p["uprn"]))
        lp = a["liable_parties"].split(";")
        extra = el - set(lp)
        if need_extra:
            return len(lp) == 2 and len(extra) >= 1
        if spd:
            return len(lp) == 1 and not extra
        if kind == "NAME_MISMATCH":
            return len(lp) == 1 and not extra
        return len(lp) in ((2,) if kind == "INCONSISTENT_DATES" else (1, 2, 2)) and not extra
    if kind == "DISCOUNT_ALREADY_APPLIED":
        p = pick(lambda p: ok_prop(p, spd=True))
    elif kind == "OTHER_ADULTS_REGISTERED":
        p = pick(lambda p: ok_prop(p, need_extra=True))
    elif kind == "ACCOUNT_CLOSED":
        p = pick(lambda p: p.get("_vacant"))
    else:
        p = pick(lambda p: ok_prop(p))
    a = [x for x in accounts if x["uprn"] == p["uprn"]][-1]
    lp = a["liable_parties"].split(";")
    applicant = lp[0]
    other = lp[1] if len(lp) > 1 else None
    since = ASOF - timedelta(R.randint(12, 320))
    f = dict(account_ref=a["account_ref"], applicant_name=with_title(applicant), address=p["address_line_1"],
             postcode=p["postcode"], sole_adult_since=d_iso(since))
    if kind == "ACCOUNT_CLOSED":
        since = a["end_date"] - timedelta(R.randint(20, 80))
        f["sole_adult_since"] = d_iso(since)
    if other:
        f["other_adult_name"] = other
        fwd = R.choice(["14 Sandringham Road, Reading RG4 7PL", "Flat 3, 88 Harbour Street, Brighton BN2 1TW",
                        "6 Kestrel Way, Milton Keynes MK8 0QT", "21 Colwyn Avenue, Cardiff CF23 5JD"])
        if R.random() < 0.8:
            f["other_adult_forwarding_address"] = fwd
        desc_date = since
        if kind == "INCONSISTENT_DATES":
            desc_date = since - timedelta(R.randint(25, 60))
        f["change_description"] = R.choice([
            "My partner %s moved out on %s and I now live here on my own." % (other.split()[0], long_date(desc_date)),
            "%s moved out of the property on %s after we separated." % (other, long_date(desc_date)),
            "My husband moved into a care home on %s. I am the only adult left at the address." % long_date(desc_date)])
    elif kind != "ACCOUNT_CLOSED":
        f["change_description"] = "I live on my own at this address."
    if R.random() < 0.6:
        f["phone"] = R.choice(["07700 9", "01632 9"]) + "%05d" % R.randint(0, 99999)
    if R.random() < 0.5:
        f["email"] = "%s.%s@%s" % (applicant.split()[0].lower(), applicant.split()[-1].lower(),
                                   R.choice(["gmail.com", "outlook.com", "btinternet.com"]))
    f["declaration_date"] = d_iso(ASOF - timedelta(R.randint(1, 9)))
    reasons = []
    if kind == "ACCOUNT_NOT_FOUND":
        f["account_ref"] = str(int(a["account_ref"]) + 5)
        assert not any(x["account_ref"] == f["account_ref"] for x in accounts)
        reasons = [kind]
    elif kind == "NAME_MISMATCH":
        f["applicant_name"] = uname()
        f["other_adult_name"] = applicant if not other else other
        if other:  # the second liable party stays registered: name them too as the one who left is the other
            f["other_adult_name"] = other
        f["change_description"] = "%s, who was the bill payer, moved out on %s. I am still living here on my own." % (
            applicant, long_date(since))
        if other:
            f["change_description"] = "%s moved out on %s and I am now the only adult here." % (other, long_date(since))
        reasons = [kind]
    elif kind == "ADDRESS_MISMATCH":
        q = R.choice([x for x in props if x["uprn"] != p["uprn"] and x["postcode"] != p["postcode"]])
        f["address"], f["postcode"] = q["address_line_1"], q["postcode"]
        reasons = [kind]
    elif kind == "DATE_TOO_OLD":
        f["sole_adult_since"] = d_iso(ASOF - timedelta(R.randint(420, 700)))
        if "change_description" in f and other:
            f["change_description"] = "%s moved out and I have been on my own since then." % other
        reasons = [kind]
    elif kind == "MISSING_FIELD":
        del f["sole_adult_since"]
        if other:
            f["change_description"] = "%s moved out earlier this year." % other
        reasons = ["MISSING_FIELD:sole_adult_since"]
    elif kind != "clean":
        reasons = [kind]
    return f, p, reasons


def long_date(d):
    return "%d %s %d" % (d.day, MONTHS[d.month - 1], d.year)


FWD = [("22 Marine Parade", "Eastbourne", "BN21 3DX"), ("Flat 9, 40 Albion Street", "Leeds", "LS1 6AG"),
       ("3 Cherry Tree Walk", "Basingstoke", "RG21 4HN"), ("117 Dunstable Road", "Luton", "LU1 1EP")]


def move_case(kind, mtype):
    f = dict(move_type=mtype)
    reasons = [] if kind == "clean" else [kind]
    if mtype == "out":
        p = pick(lambda p: not p.get("_vacant") and len(active_accts(p["uprn"])) == 1)
        a = active_accts(p["uprn"])[0]
        lp = a["liable_parties"].split(";")
        f.update(account_ref=a["account_ref"], applicant_name=with_title(R.choice(lp)),
                 previous_address=p["address_line_1"], previous_postcode=p["postcode"])
        if R.random() < 0.25:
            q = pick(lambda q: q.get("_vacant") is None and q["uprn"] != p["uprn"])
            f["new_address"], f["new_postcode"] = q["address_line_1"], q["postcode"]
            f["_new_rest"] = [q["address_line_2"], TOWN]
        else:
            fw = R.choice(FWD)
            f["new_address"], f["new_postcode"] = fw[0], fw[2]
            f["_new_rest"] = ["", fw[1]]
        f["_prev_rest"] = [p["address_line_2"], TOWN]
        if kind == "ACCOUNT_NOT_FOUND":
            f["account_ref"] = str(int(a["account_ref"]) + 3)
            assert not any(x["account_ref"] == f["account_ref"] for x in accounts)
        elif kind == "NAME_MISMATCH":
            f["applicant_name"] = uname()
        elif kind == "ADDRESS_MISMATCH":
            q = R.choice([x for x in props if x["uprn"] != p["uprn"] and x["postcode"] != p["postcode"]])
            f["previous_address"], f["previous_postcode"] = q["address_line_1"], q["postcode"]
            f["_prev_rest"] = [q["address_line_2"], TOWN]
    else:
        p = pick(lambda p: p.get("_vacant"))
        f.update(applicant_name=with_title(uname()), new_address=p["address_line_1"], new_postcode=p["postcode"])
        f["_new_rest"] = [p["address_line_2"], TOWN]
        if kind == "PROPERTY_NOT_FOUND":
            f["new_address"] = "%d Swallow Rise" % R.randint(2, 40)
            f["new_postcode"] = "FH7 %d%s" % (R.randint(1, 9), R.choice(["TB", "QE", "LS"]))
            f["_new_rest"] = ["Fordingham Park (new development)", TOWN]
    md = ASOF + timedelta(R.randint(-150, 20))
    if kind == "DATE_IN_FUTURE":
        md = ASOF + timedelta(R.randint(40, 80))
    if kind == "DATE_TOO_OLD":
        md = ASOF - timedelta(R.randint(400, 600))
    f["move_date"] = d_iso(md)
    if R.random() < 0.6:
        f["phone"] = "07%03d %06d" % (R.randint(100, 999), R.randint(0, 999999))
    if R.random() < 0.5:
        nm = strip_title(f["applicant_name"]).split()
        f["email"] = "%s%s@%s" % (nm[0].lower()[0], nm[-1].lower(), R.choice(["gmail.com", "yahoo.co.uk", "hotmail.co.uk"]))
    f["declaration_date"] = d_iso(ASOF - timedelta(R.randint(1, 9)))
    return f, p, reasons


MAKES = ["Ford Focus", "Vauxhall Corsa", "Toyota Yaris", "VW Golf", "Nissan Qashqai", "Kia Sportage", "Tesla Model 3",
         "Honda Jazz", "Skoda Octavia", "BMW 1 Series", "Peugeot 208", "Mini Cooper"]


def permit_case(kind):
    reasons = [] if kind == "clean" else [kind]

    def okp(p):
        return p["parking_zone"] and not p.get("_vacant") and len(active_accts(p["uprn"])) == 1
    if kind == "PERMIT_CAP_REACHED":
        cands = [p for p in props if p["parking_zone"] and p["uprn"] not in USED and len(active_permits(p["uprn"])) == 1
                 and not p.get("_vacant") and len(active_accts(p["uprn"])) == 1]
        p = R.choice(cands); USED.add(p["uprn"])
        add_permit(p["uprn"], vrm_current(), p["parking_zone"])
    elif kind != "NOT_IN_PERMIT_ZONE":
        p = pick(lambda p: okp(p) and len(active_permits(p["uprn"])) < 2)
    else:
        p = pick(lambda p: not p["parking_zone"] and not p.get("_vacant") and len(active_accts(p["uprn"])) == 1)
    a = active_accts(p["uprn"])[0]
    name = R.choice(a["liable_parties"].split(";"))
    ext = [e for e in electors_at(p["uprn"]) if e not in a["liable_parties"].split(";")]
    if ext and R.random() < 0.7:
        name = ext[0]  # resident on register only
    zone = p["parking_zone"] or R.choice(["F1", "F3"])
    vrm = vrm_current()
    while any(x["vrm"] == vrm for x in permits):
        vrm = vrm_current()
    f = dict(applicant_name=with_title(name), address=p["address_line_1"], postcode=p["postcode"], vrm=vrm,
             vehicle_make=R.choice(MAKES), zone=zone)
    f["_rest"] = [p["address_line_2"], TOWN]
    sd = ASOF + timedelta(R.randint(-5, 25))
    if kind == "DATE_IN_FUTURE":
        sd = ASOF + timedelta(R.randint(35, 70))
    f["start_date"] = d_iso(sd)
    if kind == "PROPERTY_NOT_FOUND":
        f["address"] = "%d Kingfisher Way" % R.randint(3, 60)
        f["postcode"] = "FH1 %d%s" % (R.randint(1, 9), R.choice(["ZW", "ZY"]))
        f["_rest"] = ["", TOWN]
    elif kind == "NOT_RESIDENT":
        f["applicant_name"] = uname()
    elif kind == "INVALID_FORMAT:vrm":
        f["vrm"] = R.choice(["AB123CDE", "WX71ABCD", "K12AB3"])
    elif kind == "VRM_HAS_PERMIT":
        others = [x for x in permits if x["uprn"] != p["uprn"] and x["valid_from"] <= ASOF <= x["valid_to"]]
        f["vrm"] = R.choice(others)["vrm"]
    elif kind == "MISSING_FIELD:vrm":
        del f["vrm"]
    if R.random() < 0.6:
        f["phone"] = "07%03d %06d" % (R.randint(100, 999), R.randint(0, 999999))
    if R.random() < 0.5:
        nm = strip_title(f["applicant_name"]).split()
        f["email"] = "%s.%s%d@%s" % (nm[0].lower(), nm[-1].lower(), R.randint(1, 99), R.choice(["gmail.com", "icloud.com"]))
    f["declaration_date"] = d_iso(ASOF - timedelta(R.randint(0, 8)))
    return f, p, reasons


# ---------------------------------------------------------------- formatting helpers
def fmt_date(iso, style=None):
    d = date.fromisoformat(iso)
    style = style if style is not None else R.randint(0, 7)
    sfx = "th" if 11 <= d.day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d.day % 10, "th")
    return [d.strftime("%d/%m/%Y"), "%d/%d/%d" % (d.day, d.month, d.year), d.strftime("%d-%m-%Y"),
            d.strftime("%d.%m.%Y"), long_date(d), "%d%s %s %d" % (d.day, sfx, MONTHS[d.month - 1], d.year),
            "%s %d, %d" % (MONTHS[d.month - 1], d.day, d.year), iso][style]


def fmt_ref(r):
    return R.choice([r, r, r[:4] + " " + r[4:], "CT" + r, r[:4] + "-" + r[4:]])


def fmt_pc(pc):
    return R.choice([pc, pc, pc, pc.replace(" ", ""), pc.lower()])


def fmt_vrm(v):
    if len(v) == 7 and v[:2].isalpha() and v[2:4].isdigit():
        return R.choice([v[:4] + " " + v[4:], v, v[:4] + " " + v[4:]])
    return v


# ---------------------------------------------------------------- drawing
def crest(c, x, y, s=1.0):
    c.saveState()
    c.setFillColor(DARK)
    p = c.beginPath()
    p.moveTo(x, y); p.lineTo(x + 34 * s, y); p.lineTo(x + 34 * s, y - 26 * s)
    p.curveTo(x + 34 * s, y - 38 * s, x + 20 * s, y - 44 * s, x + 17 * s, y - 46 * s)
    p.curveTo(x + 14 * s, y - 44 * s, x, y - 38 * s, x, y - 26 * s); p.close()
    c.drawPath(p, fill=1, stroke=0)
    c.setStrokeColor(white); c.setLineWidth(1.5)
    for k in range(3):  # wavy ford lines
        yy = y - 14 * s - k * 8 * s
        c.bezier(x + 4 * s, yy, x + 12 * s, yy + 4 * s, x + 22 * s, yy - 4 * s, x + 30 * s, yy)
    c.restoreState()


def header(c, title, code, style):
    if style == "receipt":
        c.setFillColor(DARK); c.rect(0, H - 60, W, 60, fill=1, stroke=0)
        c.setFillColor(white); c.setFont("Helvetica-Bold", 15); c.drawString(40, H - 30, "Fordingham Borough Council")
        c.setFont("Helvetica", 9); c.drawString(40, H - 46, "Online services  |  www.fordingham.gov.uk")
        c.setFillColor(black)
        return H - 80
    crest(c, 40, H - 36)
    c.setFont("Helvetica-Bold", 16); c.drawString(84, H - 52, "Fordingham")
    c.setFont("Helvetica", 10); c.drawString(84, H - 64, "Borough Council")
    c.setFont("Helvetica", 8); c.drawRightString(W - 40, H - 44, "Form " + code)
    c.drawRightString(W - 40, H - 55, "Civic Offices, Market Square, Fordingham FH1 1AA")
    c.drawRightString(W - 40, H - 66, "01632 960 400  |  www.fordingham.gov.uk")
    c.setFont("Helvetica-Bold", 14); c.drawString(40, H - 100, title)
    c.setLineWidth(1.2); c.line(40, H - 108, W - 40, H - 108)
    return H - 126


def footer(c, page, pages, code):
    c.setFont("Helvetica", 7); c.setFillColor(Color(0.35, 0.35, 0.35))
    c.drawString(40, 28, "%s  -  Fordingham Borough Council  -  We use your information as set out in our privacy notice: www.fordingham.gov.uk/privacy" % code)
    c.drawRightString(W - 40, 18, "Page %d" % page)
    c.setFillColor(black)


def para(c, text, x, y, width, font="Helvetica", size=8.5, lead=11):
    c.setFont(font, size)
    for ln in simpleSplit(text, font, size, width):
        c.drawString(x, y, ln); y -= lead
    return y


def office_box(c, y):
    c.setDash(3, 2); c.rect(40, y - 62, W - 80, 62); c.setDash()
    c.setFont("Helvetica-Bold", 8); c.drawString(46, y - 12, "FOR OFFICE USE ONLY")
    c.setFont("Helvetica", 7.5)
    c.drawString(46, y - 28, "Date received: ____________   Checked by: ____________   Batch no: ________")
    c.drawString(46, y - 44, "Action:  [ ] Award   [ ] Refuse   [ ] Refer to visiting officer        System updated: ______")
    return y - 72


# item: ("h", heading) | ("q", label, value or None, note) | ("p", text)
TITLES = {"council_tax_spd": ("Council Tax - Single Person Discount", "CT/SPD1"),
          "council_tax_move": ("Council Tax - Tell us you are moving", "CT/MV2"),
          "parking_permit": ("Residents' Parking Permit Application", "PK/RES4")}
GUIDE = {"council_tax_spd": "If you are the only adult (aged 18 or over) living in your home you may be able to get a 25% "
                            "reduction in your Council Tax. Please complete all sections in BLOCK CAPITALS or type your answers. "
                            "Giving false information to reduce your bill is an offence.",
         "council_tax_move": "Use this form to tell us when you move into, out of, or within Fordingham. We need at least the "
                             "date of your move and the address. Please tick one box in Section 1.",
         "parking_permit": "Permits are available to residents of streets inside a controlled parking zone. A maximum of two "
                           "permits may be issued to one address. Permits are valid for 12 months from the start date."}


def items_for(ft, f, L):
    """Council-worded questions; L = layout name chooses wording."""
    v = lambda k: f.get(k)
    alt = {"classic": 0, "greybox": 1, "receipt": 2, "fillable": 0}[L]
    it = []
    if ft == "council_tax_spd":
        it += [("h", ["Section 1 - Your details", "Part A: About you", "Your account", "1. Your details"][alt])]
        it += [("q", ["Council Tax account number", "What is your Council Tax reference number?", "Council Tax reference"][alt], f.get("_ref"), "This is shown at the top of your bill")]
        it += [("q", ["Full name of person liable", "Your full name (including title)", "Name of bill payer"][alt], v("applicant_name"), "")]
        it += [("h", ["Section 2 - The property", "Part B: Your address", "Property"][alt])]
        it += [("q", ["House number/name and street", "First line of the property address", "Address line 1"][alt], v("address"), "")]
        it += [("q", ["Address line 2", "Rest of address", "Address line 2"][alt], ", ".join(x for x in f["_rest"] if x) or None, "")]
        it += [("q", ["Postcode", "Postcode of the property", "Postcode"][alt], f.get("_pc"), "")]
        it += [("h", ["Section 3 - The change", "Part C: Living alone", "About the change"][alt])]
        it += [("q", ["Date you became the only adult", "From what date have you been the only adult (18 or over) living there?", "Date you started living alone"][alt], f.get("_since"), "")]
        it += [("q", ["Name of the adult who left", "Who has moved out? (full name)", "Name of person who moved out"][alt], v("other_adult_name"), "")]
        it += [("q", ["Their new address, if known", "Where have they moved to?", "Forwarding address of person who moved out"][alt], v("other_adult_forwarding_address"), "")]
        it += [("q", ["Tell us what changed", "Please explain what has changed in your household", "What has changed?"][alt], v("change_description"), "")]
    elif ft == "council_tax_move":
        mt = f["move_type"]
        it += [("h", ["Section 1 - Your move", "Part A: What are you telling us?", "Type of move"][alt])]
        it += [("c", mt)]
        it += [("q", ["Full name", "Your full name", "Your name"][alt], v("applicant_name"), "")]
        it += [("q", ["Council Tax account number (if moving out)", "Your Council Tax reference (if you are leaving)", "Account reference"][alt], f.get("_ref"), "")]
        it += [("q", ["Date of move", "What date did you (or will you) move?", "Moving date"][alt], f.get("_md"), "The date keys were handed over / you took up residence")]
        it += [("h", ["Section 2 - Address you are leaving", "Part B: The address you are moving out of", "Address you are leaving"][alt])]
        it += [("q", ["House number/name and street", "First line of address", "Address line 1"][alt], v("previous_address"), "")]
        it += [("q", ["Address line 2 / town", "Town", "Town"][alt], ", ".join(x for x in f["_prev_rest"] if x) if v("previous_address") else None, "")]
        it += [("q", ["Postcode", "Postcode", "Postcode"][alt], f.get("_ppc"), "")]
        it += [("h", ["Section 3 - Your new address", "Part C: Your new (or forwarding) address", "New or forwarding address"][alt])]
        it += [("q", ["House number/name and street", "First line of address", "Address line 1"][alt], v("new_address"), "")]
        it += [("q", ["Address line 2 / town", "Town", "Town"][alt], ", ".join(x for x in f["_new_rest"] if x) if v("new_address") else None, "")]
        it += [("q", ["Postcode", "Postcode", "Postcode"][alt], f.get("_npc"), "")]
    else:
        it += [("h", ["Section 1 - Applicant", "Part A: About you", "Applicant"][alt])]
        it += [("q", ["Name of applicant", "Your full name", "Applicant name"][alt], v("applicant_name"), "")]
        it += [("q", ["House number/name and street", "First line of your address", "Address line 1"][alt], v("address"), "")]
        it += [("q", ["Address line 2 / town", "Town", "Town"][alt], ", ".join(x for x in f["_rest"] if x), "")]
        it += [("q", ["Postcode", "Your postcode", "Postcode"][alt], f.get("_pc"), "")]
        it += [("h", ["Section 2 - Vehicle and permit", "Part B: Your vehicle", "Vehicle"][alt])]
        it += [("q", ["Vehicle reg.", "What is the registration number of the vehicle?", "Registration number"][alt], f.get("_vrm"), "As shown on the V5C logbook")]
        it += [("q", ["Make and model", "Make and model of vehicle", "Vehicle make"][alt], v("vehicle_make"), "")]
        it += [("q", ["Permit zone", "Which permit zone do you live in?", "Zone applied for"][alt], v("zone"), "F1-F5 or Station North")]
        it += [("q", ["Permit to start on", "When would you like the permit to start?", "Start date"][alt], f.get("_sd"), "")]
    it += [("h", ["Contact details", "Part D: How can we contact you?", "Contact details"][alt])]
    it += [("q", ["Daytime telephone", "Telephone number", "Phone"][alt], v("phone"), "")]
    it += [("q", ["Email address", "Email address", "Email"][alt], v("email"), "")]
    return it


def prep(ft, f):
    """display versions of fields (formatted as a person / system would type them)"""
    f = dict(f)
    if "account_ref" in f: f["_ref"] = fmt_ref(f["account_ref"])
    for k, d in (("postcode", "_pc"), ("previous_postcode", "_ppc"), ("new_postcode", "_npc")):
        if k in f: f[d] = fmt_pc(f[k])
    for k, d in (("sole_adult_since", "_since"), ("move_date", "_md"), ("start_date", "_sd"), ("declaration_date", "_dd")):
        if k in f: f[d] = fmt_date(f[k])
    if "vrm" in f: f["_vrm"] = fmt_vrm(f["vrm"])
    if ft == "council_tax_spd":
        p = f["_prop"]
        f["_rest"] = [p["address_line_2"], TOWN]
    return f


def choice_lines(mt, L):
    opts = [("out", "I am moving out of a property in Fordingham"), ("in", "I am moving into a property in Fordingham")]
    return [("[X] " if m == mt else "[  ] ") + t for m, t in opts]


DECL = ("I declare that the information I have given on this form is correct and complete. I understand that if I "
        "knowingly give false information I may be prosecuted, and that I must tell the council of any change.")


def draw_classic(c, ft, f):
    title, code = TITLES[ft]
    pages = 2
    y = header(c, title, code, "classic")
    y = para(c, GUIDE[ft], 40, y, W - 80) - 6
    page = 1

    def newpage(y):
        nonlocal page
        if y < 110:
            footer(c, page, pages, code); c.showPage(); page += 1
            c.setFont("Helvetica-Bold", 9); c.drawString(40, H - 40, title + " (continued)")
            return H - 64
        return y
    for item in items_for(ft, f, "classic"):
        y = newpage(y)
        if item[0] == "h":
            c.setFillColor(GREY); c.rect(40, y - 5, W - 80, 17, fill=1, stroke=0); c.setFillColor(black)
            c.setFont("Helvetica-Bold", 10); c.drawString(46, y, item[1]); y -= 24
        elif item[0] == "c":
            c.setFont("Helvetica", 9)
            for ln in choice_lines(item[1], "classic"):
                c.drawString(300, y, ln); y -= 14
            c.drawString(46, y + 28, "Please tick one"); y -= 4
        else:
            _, lab, val, note = item
            c.setFont("Helvetica", 9)
            ll = simpleSplit(lab, "Helvetica", 9, 240)
            for i, ln in enumerate(ll):
                c.drawString(46, y - i * 11, ln)
            if note:
                c.setFont("Helvetica-Oblique", 7); c.drawString(46, y - len(ll) * 11 + 2, note)
            vl = simpleSplit(val or "", "Courier", 10, 240) or [""]
            for i, ln in enumerate(vl):
                c.setFont("Courier", 10); c.drawString(302, y - i * 14, ln)
                c.setLineWidth(0.4); c.line(300, y - 3 - i * 14, W - 40, y - 3 - i * 14)
            y -= max(len(ll) * 11 + (8 if note else 0), len(vl) * 14) + 8
    if page == 1 or y < 300:
        footer(c, page, pages, code); c.showPage(); page += 1; pages = page
        c.setFont("Helvetica-Bold", 9); c.drawString(40, H - 40, title + " (continued)"); y = H - 64
    c.setFillColor(GREY); c.rect(40, y - 5, W - 80, 17, fill=1, stroke=0); c.setFillColor(black)
    c.setFont("Helvetica-Bold", 10); c.drawString(46, y, "Declaration"); y -= 22
    y = para(c, DECL, 46, y, W - 92, size=9) - 8
    c.setFont("Helvetica", 9); c.drawString(46, y, "Signature")
    c.setFont("Courier", 10); c.drawString(302, y, "(signed electronically)"); c.line(300, y - 3, W - 40, y - 3); y -= 22
    c.setFont("Helvetica", 9); c.drawString(46, y, "Date")
    c.setFont("Courier", 10); c.drawString(302, y, f["_dd"]); c.line(300, y - 3, W - 40, y - 3); y -= 34
    y = para(c, "Return this form to: Revenues and Benefits, Fordingham Borough Council, Civic Offices, Market Square, "
                "Fordingham FH1 1AA, or email it to forms@fordingham.gov.uk.", 40, y, W - 80) - 16
    office_box(c, y)
    footer(c, page, pages, code); c.showPage()


def draw_greybox(c, ft, f):
    title, code = TITLES[ft]
    code = code.replace("1", "1a").replace("2", "2b").replace("4", "4c")
    y = header(c, title, code, "greybox")
    c.setFont("Helvetica-Oblique", 8.5)
    y = para(c, "Guidance: " + GUIDE[ft], 40, y, W - 80, font="Helvetica-Oblique") - 8
    page = [1]
    pages = 2

    def need(y, h):
        if y - h < 70:
            footer(c, page[0], pages, code); c.showPage(); page[0] += 1
            c.setFont("Helvetica", 8); c.drawString(40, H - 36, "Fordingham Borough Council  |  " + title + "  |  page %d" % page[0])
            return H - 64
        return y
    n = 0
    for item in items_for(ft, f, "greybox"):
        if item[0] == "h":
            y = need(y, 50)
            c.setFont("Helvetica-Bold", 11.5); c.setFillColor(DARK); c.drawString(40, y, item[1]); c.setFillColor(black)
            c.setLineWidth(0.6); c.line(40, y - 4, 250, y - 4); y -= 22
        elif item[0] == "c":
            y = need(y, 60)
            c.setFont("Helvetica-Bold", 9.5); c.drawString(40, y, "Are you moving in or moving out? (tick one)"); y -= 16
            c.setFont("Helvetica", 9.5)
            for ln in choice_lines(item[1], "greybox"):
                c.drawString(50, y, ln); y -= 14
            y -= 6
        else:
            _, lab, val, note = item
            n += 1
            vl = simpleSplit(val or "", "Helvetica", 10, W - 100) or [""]
            y = need(y, 30 + 14 * len(vl))
            c.setFont("Helvetica-Bold", 9.5); c.drawString(40, y, "%d.  %s" % (n, lab))
            if note:
                c.setFont("Helvetica", 7.5); c.drawRightString(W - 40, y, note)
            bh = 8 + 13 * len(vl)
            c.setFillColor(GREY); c.rect(40, y - 6 - bh, W - 80, bh, fill=1, stroke=0); c.setFillColor(black)
            c.setFont("Helvetica", 10)
            for i, ln in enumerate(vl):
                c.drawString(46, y - 17 - i * 13, ln)
            y -= bh + 20
    y = need(y, 200)
    c.setFont("Helvetica-Bold", 11.5); c.setFillColor(DARK); c.drawString(40, y, "Part E: Declaration"); c.setFillColor(black); y -= 18
    y = para(c, DECL, 40, y, W - 80, size=9) - 6
    c.setFont("Helvetica-Bold", 9.5); c.drawString(40, y, "Date of declaration")
    c.setFillColor(GREY); c.rect(40, y - 27, 200, 21, fill=1, stroke=0); c.setFillColor(black)
    c.setFont("Helvetica", 10); c.drawString(46, y - 20, f["_dd"]); y -= 48
    office_box(c, y)
    footer(c, page[0], pages if page[0] <= pages else page[0], code); c.showPage()


def draw_receipt(c, ft, f):
    title, code = TITLES[ft]
    y = header(c, title, code, "receipt")
    ref = "FBC-%s-%06d" % (ASOF.year, R.randint(100000, 999999))
    c.setFont("Helvetica-Bold", 13); c.drawString(40, y, "Submission receipt: " + title); y -= 18
    c.setFont("Helvetica", 9)
    c.drawString(40, y, "Reference number: %s" % ref); y -= 12
    sub = date.fromisoformat(f["declaration_date"])
    c.drawString(40, y, "Submitted: %s at %02d:%02d" % (sub.strftime("%d/%m/%Y"), R.randint(7, 22), R.randint(0, 59))); y -= 12
    c.drawString(40, y, "Please keep this receipt. You do not need to post anything to us."); y -= 22
    page = [1]

    def need(y, h):
        if y - h < 60:
            c.setFont("Helvetica", 7); c.drawRightString(W - 40, 20, "%s  page %d" % (ref, page[0]))
            c.showPage(); page[0] += 1
            c.setFont("Helvetica", 8); c.drawString(40, H - 36, "Submission %s (continued)" % ref)
            return H - 60
        return y
    for item in items_for(ft, f, "receipt"):
        if item[0] == "h":
            y = need(y, 40)
            c.setFont("Helvetica-Bold", 11); c.setFillColor(DARK); c.drawString(40, y, item[1]); c.setFillColor(black)
            c.setStrokeColor(DARK); c.line(40, y - 4, W - 40, y - 4); c.setStrokeColor(black); y -= 20
        elif item[0] == "c":
            c.setFont("Helvetica-Bold", 9.5); c.drawString(40, y, "Are you moving in or out?"); y -= 13
            c.setFont("Helvetica", 9.5)
            c.drawString(40, y, "Moving out of Fordingham or to another address" if item[1] == "out" else "Moving into a property in Fordingham"); y -= 18
        else:
            _, lab, val, note = item
            if val is None:
                continue  # the online system leaves out unanswered questions
            vl = simpleSplit(val, "Helvetica", 9.5, W - 80)
            y = need(y, 16 + 12 * len(vl))
            c.setFont("Helvetica-Bold", 9.5); c.drawString(40, y, lab); y -= 13
            c.setFont("Helvetica", 9.5)
            for ln in vl:
                c.drawString(40, y, ln); y -= 12
            y -= 6
    y = need(y, 60)
    c.setFont("Helvetica-Bold", 11); c.setFillColor(DARK); c.drawString(40, y, "Declaration"); c.setFillColor(black); y -= 16
    c.setFont("Helvetica-Bold", 9.5); c.drawString(40, y, "I confirm the information I have given is true"); y -= 13
    c.setFont("Helvetica", 9.5); c.drawString(40, y, "Yes"); y -= 18
    c.setFont("Helvetica-Bold", 9.5); c.drawString(40, y, "Date of declaration"); y -= 13
    c.setFont("Helvetica", 9.5); c.drawString(40, y, f["_dd"])
    c.setFont("Helvetica", 7); c.drawRightString(W - 40, 20, "%s  page %d" % (ref, page[0]))
    c.showPage()


def draw_fillable(c, ft, f):
    title, code = TITLES[ft]
    code = code + "F"
    y = header(c, title + " (fillable)", code, "fillable")
    y = para(c, "You can fill in this form on screen. Hover over a box for help. " + GUIDE[ft], 40, y, W - 80) - 4
    af = c.acroForm
    page = [1]
    n = [0]
    for item in items_for(ft, f, "fillable"):
        if y < 90:
            footer(c, page[0], 2, code); c.showPage(); page[0] += 1; y = H - 60
        if item[0] == "h":
            c.setFillColor(DARK); c.rect(40, y - 5, W - 80, 16, fill=1, stroke=0)
            c.setFillColor(white); c.setFont("Helvetica-Bold", 9.5); c.drawString(46, y, item[1]); c.setFillColor(black)
            y -= 26
        elif item[0] == "c":
            for m, t in (("out", "Moving out"), ("in", "Moving in")):
                c.setFont("Helvetica", 9); c.drawString(66, y + 2, t)
                af.checkbox(name="move_%s" % m, tooltip="Tick if you are %s" % t.lower(), x=46, y=y - 1, size=12,
                            checked=(m == item[1]), buttonStyle="cross", borderWidth=0.8)
                y -= 18
        else:
            _, lab, val, note = item
            n[0] += 1
            c.setFont("Helvetica", 8.5)
            ll = simpleSplit(lab, "Helvetica", 8.5, 170)
            for i, ln in enumerate(ll):
                c.drawString(46, y + 4 - i * 10, ln)
            tip = lab + (". " + note if note else "")
            long = val and len(val) > 48
            hh = 30 if long else 18
            af.textfield(name="f%02d_%s" % (n[0], re.sub(r"\W+", "_", lab.lower())[:30]), tooltip=tip, value=val or "",
                         x=230, y=y - hh + 14, width=W - 270, height=hh, fontSize=9 if not long else 7,
                         borderWidth=0.6, fillColor=Color(0.93, 0.95, 1), fieldFlags="multiline" if long else "")
            y -= max(hh + 8, len(ll) * 10 + 8)
    if y < 200:
        footer(c, page[0], 2, code); c.showPage(); page[0] += 1; y = H - 60
    c.setFillColor(DARK); c.rect(40, y - 5, W - 80, 16, fill=1, stroke=0)
    c.setFillColor(white); c.setFont("Helvetica-Bold", 9.5); c.drawString(46, y, "Declaration"); c.setFillColor(black); y -= 22
    y = para(c, DECL, 46, y, W - 92) - 6
    c.setFont("Helvetica", 8.5); c.drawString(46, y + 4, "Date")
    af.textfield(name="declaration_date", tooltip="Date of declaration (dd/mm/yyyy)", value=f["_dd"], x=230, y=y - 4,
                 width=150, height=18, fontSize=9, borderWidth=0.6, fillColor=Color(0.93, 0.95, 1))
    y -= 40
    office_box(c, y)
    footer(c, page[0], 2, code); c.showPage()


LAYOUTS = {"classic": draw_classic, "greybox": draw_greybox, "receipt": draw_receipt, "fillable": draw_fillable}


# ---------------------------------------------------------------- correspondence
def corr_cases():
    out = []

    def known(pred=lambda p: True):
        p = pick(lambda p: not p.get("_vacant") and len(active_accts(p["uprn"])) == 1 and pred(p))
        a = active_accts(p["uprn"])[0]
        return p, a, a["liable_parties"].split(";")[0]
    d1 = ASOF - timedelta(R.randint(3, 8))
    p, a, n = known(lambda p: "Cottage" not in p["address_line_1"])
    out.append(("letter", "missed_bin", n, p, None, [d1], [],
                ["I am writing because our green garden waste bin was not emptied on %s. Every other bin in the road was "
                 "collected, but ours was left at the kerb with the lid closed and nothing in front of it." % fmt_date(d1.isoformat(), 4),
                 "Could you please arrange for a crew to come back and collect it? It is now overflowing."]))
    p, a, n = known()
    d2 = date(2026, 11, 2)
    out.append(("email", "council_tax_query", n, p, a["account_ref"], [d2], [],
                ["I have received a revised council tax bill dated %s and the instalments look higher than last year's. "
                 "Could you explain why the monthly amount has gone up, and confirm the dates the direct debit will be taken?" % fmt_date(d2.isoformat(), 0),
                 "My council tax account number is %s." % fmt_ref(a["account_ref"])]))
    p, a, n = known()
    d3 = ASOF - timedelta(R.randint(10, 20))
    out.append(("letter", "complaint", n, p, None, [d3], [],
                ["I wish to make a formal complaint about the way my enquiry was handled when I telephoned the contact "
                 "centre on %s. I was kept on hold for over forty minutes and then cut off, and nobody called me back "
                 "as promised." % fmt_date(d3.isoformat(), 5),
                 "I would like an explanation and an assurance that this will not happen again."]))
    p, a, n = known()
    out.append(("email", "foi_request", n, p, None, [], [],
                ["Under the Freedom of Information Act 2000 please provide the number of residents' parking permits "
                 "issued in each of zones F1 to F5 and Station North in each of the last three financial years, and the "
                 "total income received from those permits.",
                 "I would prefer to receive the information electronically at this address."]))
    p, a, n = known()
    d5 = ASOF - timedelta(R.randint(2, 6))
    out.append(("email", "missed_bin", n, p, None, [d5], [],
                ["Our recycling was missed again on %s. This is the third time since the rounds changed." % fmt_date(d5.isoformat(), 6),
                 "Please can someone collect it this week."]))
    p, a, n = known()
    out.append(("letter", "other", n, p, None, [], [],
                ["The large horse chestnut tree on the verge outside my house has a split branch hanging over the "
                 "pavement. I am worried it may fall on someone walking to the station.",
                 "Could the council's tree officer please come and have a look at it?"]))
    # exceptions
    out.append(("email", "missed_bin", "Dave", None, None, [], ["SENDER_UNKNOWN"],
                ["Hi, the black bin wasnt collected on our road again today. Can you sort it out please",
                 "Sent from my iPhone"]))
    p, a, n = known()
    bad = str(int(a["account_ref"]) + 9)
    assert not any(x["account_ref"] == bad for x in accounts)
    out.append(("letter", "council_tax_query", n, p, bad, [], ["ACCOUNT_NOT_FOUND"],
                ["I have been sent a reminder notice for council tax account %s but I do not recognise the amount shown. "
                 "I have paid every instalment this year by direct debit." % bad,
                 "Please check the account and write to me to explain what is owed."]))
    n2 = uname()
    out.append(("letter", "complaint", n2, dict(address_line_1="41 Ferrier Road", address_line_2="", postcode="FH3 9ZQ"), None,
                [], ["SENDER_UNKNOWN"],
                ["I am writing to complain about the state of the footpath along the canal towpath, which has been "
                 "flooded and covered in mud for weeks. I have complained before and nothing has been done.",
                 "I expect a written reply."]))
    return out


def draw_letter(c, case):
    _, topic, name, p, ref, dates, reasons, paras = case
    x = 360; y = H - 60
    c.setFont("Times-Roman", 11)
    lines = [p["address_line_1"]] + ([p["address_line_2"]] if p.get("address_line_2") else []) + [TOWN, p["postcode"]]
    for ln in lines:
        c.drawString(x, y, ln); y -= 14
    y -= 10
    c.drawString(x, y, fmt_date((ASOF - timedelta(R.randint(1, 4))).isoformat(), R.choice([4, 5])))
    y -= 30
    for ln in ["Customer Services", "Fordingham Borough Council", "Civic Offices", "Market Square", "Fordingham", "FH1 1AA"]:
        c.drawString(60, y, ln); y -= 14
    y -= 20
    if ref:
        c.setFont("Times-Bold", 11); c.drawString(60, y, "Re: Council Tax account %s" % ref); y -= 24
    c.setFont("Times-Roman", 11); c.drawString(60, y, "Dear Sir or Madam,"); y -= 22
    for pa in paras:
        y = para(c, pa, 60, y, W - 120, font="Times-Roman", size=11, lead=14) - 10
    y -= 6
    c.drawString(60, y, "Yours faithfully,"); y -= 40
    c.setFont("Times-Italic", 13); c.drawString(60, y, name); y -= 16
    c.setFont("Times-Roman", 11); c.drawString(60, y, name)
    c.showPage()


def draw_email(c, case):
    _, topic, name, p, ref, dates, reasons, paras = case
    y = H - 50
    c.setFont("Helvetica-Bold", 10); c.drawString(40, y, "Fordingham Borough Council Mail"); y -= 8
    c.line(40, y, W - 40, y); y -= 18
    em = re.sub(r"\W", "", name.lower().replace(" ", ".")) + R.choice(["@gmail.com", "@outlook.com", "@btinternet.com"])
    if " " in name:
        em = name.lower().replace(" ", ".") + "@outlook.com"
    sent = ASOF - timedelta(R.randint(1, 5))
    subj = {"missed_bin": "Missed bin collection", "council_tax_query": "Query about my council tax bill",
            "foi_request": "Freedom of Information request - parking permits", "complaint": "Complaint"}[topic]
    for k, v in (("From:", "%s <%s>" % (name, em)), ("Sent:", sent.strftime("%A, %d %B %Y ") + "%02d:%02d" % (R.randint(7, 21), R.randint(0, 59))),
                 ("To:", "customer.services@fordingham.gov.uk"), ("Subject:", subj)):
        c.setFont("Helvetica-Bold", 9.5); c.drawString(40, y, k)
        c.setFont("Helvetica", 9.5); c.drawString(95, y, v); y -= 14
    y -= 16
    c.setFont("Helvetica", 10)
    if p is not None:
        c.drawString(40, y, "Hello,"); y -= 18
    for pa in paras:
        y = para(c, pa, 40, y, W - 80, size=10, lead=13) - 8
    if p is not None:
        c.drawString(40, y, "Kind regards,"); y -= 14
        for ln in [name, p["address_line_1"], (p["address_line_2"] + ", " if p["address_line_2"] else "") + TOWN + " " + p["postcode"]]:
            c.drawString(40, y, ln); y -= 13
    else:
        c.drawString(40, y, name)
    c.showPage()


# ---------------------------------------------------------------- build
def main():
    inbox = os.path.join(HERE, "inbox")
    if os.path.isdir(inbox):
        shutil.rmtree(inbox)
    os.makedirs(inbox)
    jobs = []  # (layout, form_type, fields, reasons, extra)
    plans = {
        "council_tax_spd": ["ACCOUNT_NOT_FOUND", "NAME_MISMATCH", "ADDRESS_MISMATCH", "DISCOUNT_ALREADY_APPLIED",
                            "OTHER_ADULTS_REGISTERED", "DATE_TOO_OLD", "INCONSISTENT_DATES", "MISSING_FIELD"],
        "council_tax_move": [("ACCOUNT_NOT_FOUND", "out"), ("NAME_MISMATCH", "out"), ("ADDRESS_MISMATCH", "out"),
                             ("PROPERTY_NOT_FOUND", "in"), ("DATE_IN_FUTURE", "in"), ("DATE_TOO_OLD", "out")],
        "parking_permit": ["PROPERTY_NOT_FOUND", "NOT_IN_PERMIT_ZONE", "NOT_RESIDENT", "INVALID_FORMAT:vrm",
                           "VRM_HAS_PERMIT", "PERMIT_CAP_REACHED", "DATE_IN_FUTURE"],
    }
    lays = ["classic", "greybox", "receipt", "fillable"]
    for fi, (ft, exc) in enumerate(plans.items()):
        exc = list(exc); R.shuffle(exc)
        per = {L: [] for L in lays}
        for i, k in enumerate(exc):
            per[lays[i % 4]].append(k)
        for li, L in enumerate(lays):
            ncl = 3 if (li + fi) % 2 == 0 else 2
            for k in ["clean"] * ncl + per[L]:
                if ft == "council_tax_spd":
                    f, p, rs = spd_case(k); f["_prop"] = p
                elif ft == "council_tax_move":
                    if isinstance(k, tuple):
                        f, p, rs = move_case(k[0], k[1])
                    else:
                        f, p, rs = move_case("clean", R.choice(["out", "out", "in"]))
                else:
                    f, p, rs = permit_case(k)
                jobs.append([L, ft, f, rs, {}])
    # duplicate pair: online receipt SPD submitted twice
    f, p, rs = spd_case("clean"); f["_prop"] = p
    f["_dup_display"] = prep("council_tax_spd", f)
    jobs.append(["receipt", "council_tax_spd", f, [], {"duplicate_group": "dup-1"}])
    jobs.append(["receipt", "council_tax_spd", f, [], {"duplicate_group": "dup-1"}])
    # one closed-account SPD (greybox)
    f, p, rs = spd_case("ACCOUNT_CLOSED"); f["_prop"] = p
    jobs.append(["greybox", "council_tax_spd", f, rs, {}])
    for case in corr_cases():
        jobs.append([case[0], "correspondence", case, case[6], {}])
    R.shuffle(jobs)
    truth = []
    seen_clean = {}
    for i, (L, ft, f, rs, extra) in enumerate(jobs, 1):
        name = "doc_%04d.pdf" % (i + 0)
        path = os.path.join(inbox, name)
        c = canvas.Canvas(path, pagesize=A4, invariant=1)
        c.setTitle("Scanned document" if ft == "correspondence" else TITLES[ft][0])
        c.setAuthor("Fordingham Borough Council")
        if ft == "correspondence":
            (draw_letter if L == "letter" else draw_email)(c, f)
            _, topic, sname, p, ref, dates, _, paras = f
            fields = {"topic": topic, "sender_name": sname}
            if p is not None:
                fields["address"] = p["address_line_1"]; fields["postcode"] = p["postcode"]
            if ref:
                fields["account_ref"] = ref
            if dates:
                fields["dates_mentioned"] = [d.isoformat() for d in dates]
            body = " ".join(paras)
            fields["body"] = re.sub(r"\s+", " ", body).strip()
        else:
            fd = f["_dup_display"] if "_dup_display" in f else prep(ft, f)
            LAYOUTS[L](c, ft, fd)
            fields = {k: v for k, v in f.items() if not k.startswith("_")}
        c.save()
        outcome = "exception" if rs else "approved"
        if extra.get("duplicate_group"):
            outcome = "duplicate_pair"
        key = (L, ft)
        split = "test"
        if outcome == "approved" and seen_clean.get(key, 0) < 2:
            seen_clean[key] = seen_clean.get(key, 0) + 1
            split = "learn"
        t = {"file": name, "form_type": ft, "fields": fields, "outcome": outcome, "reasons": list(rs), "layout": L, "split": split}
        t.update(extra)
        truth.append(t)
    for t in truth:
        got = recheck(t)
        assert sorted(got) == sorted(t["reasons"]), (t["file"], t["form_type"], got, t["reasons"], t["fields"])
    # dup pair share identical display -> make second file identical content except nothing: fine
    with open(os.path.join(HERE, "truth.jsonl"), "w") as fh:
        for t in truth:
            fh.write(json.dumps(t) + "\n")
    # workbook
    wb = Workbook(); ws = wb.active; ws.title = "properties"
    cols = ["uprn", "address_line_1", "address_line_2", "town", "postcode", "council_tax_band", "ward", "parking_zone"]
    ws.append(cols)
    for p in props:
        ws.append([p[k] if p[k] != "" else None for k in cols])
    ws = wb.create_sheet("council_tax_accounts")
    cols = ["account_ref", "uprn", "liable_parties", "status", "start_date", "end_date", "discounts"]
    ws.append(cols)
    for a in accounts:
        ws.append([a[k] if a[k] != "" else None for k in cols])
    for row in ws.iter_rows(min_row=2):
        row[0].number_format = "@"
        row[4].number_format = "yyyy-mm-dd"; row[5].number_format = "yyyy-mm-dd"
    ws = wb.create_sheet("electoral_register")
    ws.append(["elector_number", "full_name", "uprn"])
    for e in electors:
        ws.append([e["elector_number"], e["full_name"], e["uprn"]])
    ws = wb.create_sheet("parking_permits")
    cols = ["permit_ref", "uprn", "vrm", "zone", "valid_from", "valid_to"]
    ws.append(cols)
    for x in permits:
        ws.append([x[k] for k in cols])
    for row in ws.iter_rows(min_row=2):
        row[4].number_format = "yyyy-mm-dd"; row[5].number_format = "yyyy-mm-dd"
    wb.save(os.path.join(HERE, "records.xlsx"))
    from collections import Counter
    print(len(truth), "files;", Counter(t["outcome"] for t in truth), Counter(t["layout"] for t in truth))
    print(len(props), "properties", len(accounts), "accounts", len(electors), "electors", len(permits), "permits")


# ---------------------------------------------------------------- independent re-check of truth against the records
VRM_RE = re.compile(r"^([A-Z]{2}[0-9]{2}[A-Z]{3}|[A-Z][0-9]{1,3}[A-Z]{3}|[A-Z]{3}[0-9]{1,3}[A-Z])$")
REQ = {"council_tax_spd": ["account_ref", "applicant_name", "address", "postcode", "sole_adult_since", "declaration_date"],
       "council_tax_move": ["move_type", "applicant_name", "move_date", "declaration_date"],
       "parking_permit": ["applicant_name", "address", "postcode", "vrm", "zone", "start_date", "declaration_date"],
       "correspondence": ["topic", "body"]}


def recheck(t):
    ft, f = t["form_type"], t["fields"]
    rs = ["MISSING_FIELD:" + k for k in REQ[ft] if k not in f]
    if ft == "council_tax_move":
        need = ["account_ref", "previous_address", "previous_postcode"] if f["move_type"] == "out" else ["new_address", "new_postcode"]
        rs += ["MISSING_FIELD:" + k for k in need if k not in f]
    norm = lambda n: strip_title(n).strip().lower()
    acct = {a["account_ref"]: a for a in accounts}
    findp = lambda a1, pc: [p for p in props if p["address_line_1"].lower() == a1.lower() and p["postcode"] == pc]
    D = lambda k: date.fromisoformat(f[k])
    if ft == "council_tax_spd":
        a = acct.get(f["account_ref"])
        if not a:
            return rs + ["ACCOUNT_NOT_FOUND"]
        if a["status"] != "active": rs.append("ACCOUNT_CLOSED")
        lp = [x.lower() for x in a["liable_parties"].split(";")]
        if norm(f["applicant_name"]) not in lp: rs.append("NAME_MISMATCH")
        p = PBY[a["uprn"]]
        if p["address_line_1"].lower() != f["address"].lower() or p["postcode"] != f["postcode"]: rs.append("ADDRESS_MISMATCH")
        if "SPD" in (a["discounts"] or ""): rs.append("DISCOUNT_ALREADY_APPLIED")
        others = {e.lower() for e in electors_at(a["uprn"])} - {norm(f["applicant_name"]), f.get("other_adult_name", "").lower()}
        if others: rs.append("OTHER_ADULTS_REGISTERED")
        if "sole_adult_since" in f:
            if D("sole_adult_since") > ASOF: rs.append("DATE_IN_FUTURE")
            if (ASOF - D("sole_adult_since")).days > 365: rs.append("DATE_TOO_OLD")
            ds = re.findall(r"\d{1,2} (?:%s) \d{4}" % "|".join(MONTHS), f.get("change_description", ""))
            if any(date(int(x.split()[2]), MONTHS.index(x.split()[1]) + 1, int(x.split()[0])) != D("sole_adult_since") for x in ds):
                rs.append("INCONSISTENT_DATES")
    elif ft == "council_tax_move":
        if f["move_type"] == "out":
            a = acct.get(f["account_ref"])
            if not a:
                rs.append("ACCOUNT_NOT_FOUND")
            else:
                if norm(f["applicant_name"]) not in [x.lower() for x in a["liable_parties"].split(";")]: rs.append("NAME_MISMATCH")
                p = PBY[a["uprn"]]
                if p["address_line_1"].lower() != f["previous_address"].lower() or p["postcode"] != f["previous_postcode"]: rs.append("ADDRESS_MISMATCH")
        elif not findp(f["new_address"], f["new_postcode"]):
            rs.append("PROPERTY_NOT_FOUND")
        if (D("move_date") - ASOF).days > 28: rs.append("DATE_IN_FUTURE")
        if (ASOF - D("move_date")).days > 365: rs.append("DATE_TOO_OLD")
    elif ft == "parking_permit":
        ps = findp(f["address"], f["postcode"])
        if not ps:
            return rs + ["PROPERTY_NOT_FOUND"]
        p = ps[0]
        if not p["parking_zone"] or p["parking_zone"] != f["zone"]: rs.append("NOT_IN_PERMIT_ZONE")
        liable = [x.lower() for a in active_accts(p["uprn"]) for x in a["liable_parties"].split(";")]
        if norm(f["applicant_name"]) not in liable + [e.lower() for e in electors_at(p["uprn"])]: rs.append("NOT_RESIDENT")
        if "vrm" in f:
            if not VRM_RE.match(f["vrm"]): rs.append("INVALID_FORMAT:vrm")
            if any(x["vrm"] == f["vrm"] and x["valid_from"] <= ASOF <= x["valid_to"] for x in permits): rs.append("VRM_HAS_PERMIT")
        if len(active_permits(p["uprn"])) >= 2: rs.append("PERMIT_CAP_REACHED")
        if (D("start_date") - ASOF).days > 28: rs.append("DATE_IN_FUTURE")
    else:
        known = "account_ref" in f and f["account_ref"] in acct or ("address" in f and findp(f["address"], f["postcode"]))
        if not f.get("sender_name") or not known: rs.append("SENDER_UNKNOWN")
        if "account_ref" in f and f["account_ref"] not in acct: rs.append("ACCOUNT_NOT_FOUND")
        if "ACCOUNT_NOT_FOUND" in rs and "SENDER_UNKNOWN" in rs and "address" in f and findp(f["address"], f["postcode"]):
            rs.remove("SENDER_UNKNOWN")
    return rs


if __name__ == "__main__":
    main()
