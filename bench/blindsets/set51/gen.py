#!/usr/bin/env python3
"""Blind test set 51 -- Calderwick Metropolitan Borough Council.

Run `python gen.py`: writes records.xlsx, inbox/doc_NNNN.pdf and truth.jsonl
next to this file.  Deterministic (seed 51, reportlab invariant mode).
"""
import datetime as dt
import json
import random
import re
import shutil
from pathlib import Path

import openpyxl
from openpyxl.styles import Font, PatternFill
from reportlab.lib.colors import HexColor, black, white
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

HERE = Path(__file__).resolve().parent
AS_OF = dt.date(2026, 12, 7)
D = dt.date
TD = dt.timedelta
rng = random.Random(51)

TICK_FONT = None
_dj = Path('/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf')
if _dj.exists():
    pdfmetrics.registerFont(TTFont('DejaVu', str(_dj)))
    TICK_FONT = 'DejaVu'

TOWN = 'Calderwick'
COUNCIL = 'Calderwick Metropolitan Borough Council'
ZONES = [('A', 'Town Hall'), ('B', 'Hospital'), ('C1', 'Station North'), ('C2', 'Station South')]
ZONE_NAME = dict(ZONES)

# ---------------------------------------------------------------------------
# Gazetteer
# ---------------------------------------------------------------------------
STREETS = [
    dict(street='Tanner Row', kind='terrace', nums=range(1, 21), pc='CW3 5RT', ward='Calder Vale', zone='', loc=''),
    dict(street='Weaver Street', kind='terrace', nums=range(1, 17), pc='CW4 2LP', ward='Hospital', zone='B', loc=''),
    dict(street='Chapel Lane', kind='terrace', nums=range(1, 17), pc='CW1 3HD', ward='Town Centre', zone='A', loc=''),
    dict(street='Foundry Street', kind='terrace', nums=range(2, 25, 2), pc='CW3 6BN', ward='Calder Vale', zone='', loc=''),
    dict(street='Canal Terrace', kind='terrace', nums=range(1, 15), pc='CW5 1TQ', ward='Calder Vale', zone='', loc='Lowbridge'),
    dict(street='Spindle Road', kind='terrace', nums=range(1, 19), pc='CW4 2NF', ward='Hospital', zone='B', loc=''),
    dict(street='Railway Terrace', kind='terrace', nums=range(1, 13), pc='CW6 4AX', ward='Eastfield', zone='C1', loc=''),
    dict(street='Albert Street', kind='terrace', nums=range(1, 15), pc='CW1 2EJ', ward='Town Centre', zone='A', loc=''),
    dict(street='Victoria Road', kind='terrace', nums=range(2, 21, 2), pc='CW1 4PW', ward='Town Centre', zone='A', loc=''),
    dict(street='Hollin Drive', kind='semi', nums=range(1, 17), pc='CW8 7DL', ward='Moorside', zone='', loc='Moorside'),
    dict(street='Larchfield Close', kind='semi', nums=range(1, 13), pc='CW9 2GS', ward='Moorside', zone='', loc='Upper Holme'),
    dict(street='Moorview Avenue', kind='semi', nums=range(1, 17), pc='CW7 3JB', ward='Moorside', zone='', loc='Moorside'),
    dict(street='Mill Street', block='Ashdown House', kind='block', nums=range(1, 21), pc='CW2 1AD', ward='Town Centre', zone='A'),
    dict(street='Northgate', block='Kestrel Tower', kind='block', nums=range(1, 21), pc='CW2 8QR', ward='Northgate', zone='B'),
    dict(street='Station Road', block='Pennine Court', kind='block', nums=range(1, 17), pc='CW6 5HU', ward='Eastfield', zone='C2'),
]

props = []
for s in STREETS:
    for n in s['nums']:
        if s['kind'] == 'block':
            line1, line2 = f"{s['block']}, {s['street']}", f"Flat {n}"
            form_addr = f"Flat {n}, {s['block']}, {s['street']}"
            band = rng.choice('AAB')
        else:
            line1, line2 = f"{n} {s['street']}", s['loc']
            form_addr = line1
            band = rng.choice('AAB') if s['kind'] == 'terrace' else rng.choice('CCDDE')
        props.append(dict(uprn=100070500001 + len(props) * 3, line1=line1, line2=line2,
                          town=TOWN, postcode=s['pc'], band=band, ward=s['ward'],
                          zone=s['zone'], kind=s['kind'], street=s['street'], num=n,
                          loc=s.get('loc', ''), form_addr=form_addr))
STREET_MAX = {}
for s in STREETS:
    STREET_MAX[s['street']] = max(s['nums'])

# ---------------------------------------------------------------------------
# People, refs, vehicles
# ---------------------------------------------------------------------------
FIRST_F = ['Joan', 'Sandra', 'Lucy', 'Karen', 'Emma', 'Sarah', 'Aisha', 'Fatima', 'Megan', 'Chloe', 'Hannah',
           'Rachel', 'Claire', 'Dawn', 'Julie', 'Gemma', 'Priya', 'Zainab', 'Bethany', 'Amy', 'Lorraine', 'Tracey',
           'Nicola', 'Paula', 'Shabana', 'Jessica', 'Olivia', 'Ellie', 'Natalie', 'Kirsty', 'Agnieszka', 'Maureen']
FIRST_M = ['Peter', 'Gareth', 'Dean', 'Thomas', 'Kyle', 'Liam', 'Imran', 'Mohammed', 'Craig', 'Darren', 'Stephen',
           'Paul', 'Neil', 'Martin', 'Ryan', 'Jamie', 'Callum', 'Adeel', 'Tariq', 'Shaun', 'Wayne', 'Graham', 'Keith',
           'Barry', 'Connor', 'Nathan', 'Owen', 'Ian', 'Jordan', 'Harvey', 'Tomasz', 'Derek']
SURN = ['Pickles', 'Crowther', 'Hirst', 'Dobson', 'Whitaker', 'Sutcliffe', 'Ackroyd', 'Holroyd', 'Barraclough',
        'Greenwood', 'Haigh', 'Lockwood', 'Firth', 'Hussain', 'Akhtar', 'Ali', 'Begum', 'Khan', 'Shaw', 'Walsh',
        'Brooke', 'Clegg', 'Ramsden', 'Mitchell', 'Booth', 'Kaye', 'Armitage', 'Wilkinson', 'Horsfall', 'Priestley',
        'Bairstow', 'Lumb', 'Sykes', 'Stansfield', 'Nowak', 'Kowalski', 'Patel', 'Mistry', "O'Neill", 'Murphy',
        'Thornton', 'Hartley', 'Midgley', 'Binns', 'Cockcroft', 'Ogden', 'Tattersall', 'Uttley', 'Pollard', 'Rhodes']
used_names, used_refs, used_vrms = set(), set(), set()


def new_person(sex=None, surname=None):
    for _ in range(500):
        sx = sex or rng.choice('FM')
        fn = rng.choice(FIRST_F if sx == 'F' else FIRST_M)
        sn = surname or rng.choice(SURN)
        full = f'{fn} {sn}'
        if full not in used_names:
            used_names.add(full)
            if sx == 'M':
                title = rng.choice(['Mr', 'Mr', 'Mr', 'Dr'])
            else:
                title = rng.choice(['Mrs', 'Ms', 'Miss', 'Mrs', 'Ms'])
            return dict(first=fn, last=sn, full=full, sex=sx, title=title)
        surname = None
    raise RuntimeError('names exhausted')


def new_ref():
    while True:
        r = rng.choice(['71', '72']) + f'{rng.randint(0, 999999):06d}'
        if r not in used_refs:
            used_refs.add(r)
            return r


LET = 'ABCDEFGHJKLMNOPRSTUVWXY'
AREAS = ['YK', 'YA', 'YC', 'YE', 'YH', 'YJ', 'YL', 'YN', 'YP', 'YR', 'YS', 'YT', 'YX', 'MA', 'MF', 'MK', 'ML',
         'MX', 'PN', 'PF', 'DG', 'LF', 'BD', 'FH', 'VN', 'WR']
AGES = ['15', '65', '16', '66', '17', '67', '18', '68', '19', '69', '20', '70', '21', '71', '22', '72', '23', '73',
        '24', '74', '25', '75']


def new_vrm(style='current'):
    while True:
        if style == 'current':
            v = rng.choice(AREAS) + rng.choice(AGES) + ''.join(rng.choice(LET) for _ in range(3))
        elif style == 'prefix':
            v = rng.choice('MNPRSTVWXY') + str(rng.randint(2, 899)) + ''.join(rng.choice(LET) for _ in range(3))
        else:  # suffix
            v = ''.join(rng.choice(LET) for _ in range(3)) + str(rng.randint(2, 899)) + rng.choice('HJKLMNPRST')
        if v not in used_vrms:
            used_vrms.add(v)
            return v


MAKES = ['Ford Fiesta', 'Vauxhall Corsa', 'Nissan Qashqai', 'Toyota Yaris', 'Volkswagen Golf', 'Kia Sportage',
         'Ford Focus', 'Hyundai i10', 'Skoda Octavia', 'Peugeot 208', 'Honda Jazz', 'Citroen C3', 'Dacia Sandero',
         'MG ZS', 'Mini Cooper', 'Vauxhall Astra']
OUTSIDE = [('5 Cliff Road', 'Brighouse', 'HD6 1QP'), ('3 Park Lane', 'Leeds', 'LS8 2DN'),
           ('Flat 2, 41 Oxford Road', 'Manchester', 'M13 9PL'), ('27 Scar Lane', 'Huddersfield', 'HD3 4PX'),
           ('12 Bank Street', 'Hebden Bridge', 'HX7 8AB'), ('8 Hawthorn Close', 'Rochdale', 'OL11 5QT'),
           ('60 Derby Street', 'Bolton', 'BL3 6HE'), ('14 Westgate', 'Otley', 'LS21 3AT'),
           ('31 Holly Bank', 'Keighley', 'BD21 4LW'), ('2 The Crescent', 'Skipton', 'BD23 1QY'),
           ('77 Queens Road', 'Halifax', 'HX1 3NU'), ('19 Ribble Way', 'Preston', 'PR1 8JT')]
_outside_pool = list(OUTSIDE)
rng.shuffle(_outside_pool)


def outside_addr():
    a = _outside_pool.pop(0)
    _outside_pool.append(a)
    return a


def rdate(a, b):
    return a + TD(days=rng.randint(0, (b - a).days))


def phone():
    if rng.random() < 0.5:
        return f'07700 900{rng.randint(0, 999):03d}'
    return f'01632 960{rng.randint(0, 999):03d}'


def email_for(person):
    dom = rng.choice(['example.com', 'example.co.uk', 'example.net', 'example.org'])
    f, l = person['first'].lower(), re.sub(r"[^a-z]", '', person['last'].lower())
    pat = rng.choice([f'{f}.{l}', f'{f[0]}{l}', f'{f}{l}{rng.randint(1, 99)}', f'{l}.{f}'])
    return f'{pat}@{dom}'


# ---------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------
accounts, electors, permits = [], [], []
claimed = set()


def claim(pred):
    cands = [p for p in props if p['uprn'] not in claimed and pred(p)]
    p = rng.choice(cands)
    claimed.add(p['uprn'])
    return p


def add_account(p, names, status='active', start=None, end=None, discounts='', ref=None):
    ref = ref or new_ref()
    start = start or rdate(D(2007, 1, 1), D(2025, 6, 30))
    accounts.append(dict(account_ref=ref, uprn=p['uprn'], liable_parties='; '.join(names), status=status,
                         start_date=start, end_date=end, discounts=discounts))
    return ref


def add_elector(p, name):
    electors.append(dict(full_name=name, uprn=p['uprn']))


def add_permit(p, vrm, vfrom):
    vto = (D(vfrom.year + 1, 3, 1) if (vfrom.month, vfrom.day) == (2, 29) else vfrom.replace(year=vfrom.year + 1)) - TD(days=1)
    permits.append(dict(uprn=p['uprn'], vrm=vrm, zone=p['zone'], valid_from=vfrom, valid_to=vto))


def add_history(p, before):
    """A closed account that ended the day before `before`."""
    prev = new_person()
    end = before - TD(days=1)
    start = rdate(D(2004, 1, 1), end - TD(days=400))
    add_account(p, [prev['full']], status='closed', start=start, end=end)


def background(p):
    r = rng.random()
    if r < 0.08:  # empty property, last occupier moved out
        add_history(p, rdate(D(2025, 3, 1), D(2026, 10, 1)))
        return
    a = new_person()
    liable = [a]
    if rng.random() < 0.55:
        sx = 'F' if a['sex'] == 'M' else 'M'
        liable.append(new_person(sex=sx, surname=a['last'] if rng.random() < 0.7 else None))
    start = rdate(D(2006, 1, 1), D(2026, 6, 30))
    if rng.random() < 0.3:
        add_history(p, start)
    disc = 'SPD' if len(liable) == 1 and rng.random() < 0.55 else ''
    add_account(p, [x['full'] for x in liable], start=start, discounts=disc)
    for x in liable:
        if rng.random() < 0.92:
            add_elector(p, x['full'])
    if len(liable) == 2 and rng.random() < 0.25:
        add_elector(p, new_person(surname=a['last'])['full'])
    if p['zone']:
        for _ in range(rng.choice([0, 0, 1, 1, 1, 2])):
            add_permit(p, new_vrm(rng.choice(['current'] * 6 + ['prefix'])), rdate(AS_OF - TD(days=340), AS_OF - TD(days=6)))
        if rng.random() < 0.2:
            add_permit(p, new_vrm(), rdate(D(2024, 6, 1), D(2025, 10, 31)))  # expired


def household(p, liable, registered, discounts='', start=None, permits_n=0):
    start = start or rdate(D(2008, 1, 1), D(2025, 3, 31))
    ref = add_account(p, [x['full'] for x in liable], start=start, discounts=discounts)
    for x in registered:
        add_elector(p, x['full'])
    for _ in range(permits_n):
        add_permit(p, new_vrm(), rdate(AS_OF - TD(days=330), AS_OF - TD(days=10)))
    return ref


# ---------------------------------------------------------------------------
# Display formats
# ---------------------------------------------------------------------------
MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
          'November', 'December']
WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
NUM_DATE = ['slash', 'slash1', 'dash', 'dot', 'iso']
WORD_DATE = ['long', 'ord', 'us']


def ordinal(n):
    return str(n) + ('th' if 11 <= n % 100 <= 13 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th'))


def fmt_date(d, st):
    if isinstance(d, str):
        d = dt.date.fromisoformat(d)
    return {
        'slash': f'{d.day:02d}/{d.month:02d}/{d.year}',
        'slash1': f'{d.day}/{d.month}/{d.year}',
        'dash': f'{d.day:02d}-{d.month:02d}-{d.year}',
        'dot': f'{d.day:02d}.{d.month:02d}.{d.year}',
        'iso': d.isoformat(),
        'long': f'{d.day} {MONTHS[d.month - 1]} {d.year}',
        'ord': f'{ordinal(d.day)} {MONTHS[d.month - 1]} {d.year}',
        'us': f'{MONTHS[d.month - 1]} {d.day}, {d.year}',
    }[st]


def fmt_ref(r, st):
    return {'plain': r, 'space': f'{r[:4]} {r[4:]}', 'dash': f'{r[:4]}-{r[4:]}', 'ct': f'CT{r}'}[st]


def fmt_pc(pc, st):
    return {'norm': pc, 'lower': pc.lower(), 'nospace': pc.replace(' ', '')}[st]


def vrm_spaced(v):
    if re.fullmatch(r'[A-Z]{2}\d{2}[A-Z]{3}', v):
        return v[:4] + ' ' + v[4:]
    if re.fullmatch(r'[A-Z]\d{1,3}[A-Z]{3}', v):
        return v[:-3] + ' ' + v[-3:]
    if re.fullmatch(r'[A-Z]{3}\d{1,3}[A-Z]', v):
        return v[:3] + ' ' + v[3:]
    return v[:4] + ' ' + v[4:]


def fmt_vrm(v, st):
    return {'spaced': vrm_spaced(v), 'compact': v, 'lower': vrm_spaced(v).lower()}[st]


def pick_styles(word_dates=False):
    return dict(
        date=rng.choice(WORD_DATE if word_dates else NUM_DATE + WORD_DATE),
        date2=rng.choice(NUM_DATE + WORD_DATE),
        ref=rng.choice(['plain', 'space', 'dash', 'ct']),
        pc=rng.choice(['norm'] * 6 + ['lower', 'nospace']),
        vrm=rng.choice(['spaced'] * 3 + ['compact', 'lower']),
        mark=rng.choice(['X', 'X', 'tick']),
        datebox=rng.random() < 0.5,
        pen=rng.choice(['Helvetica', 'Courier', 'Helvetica-Oblique']),
    )


class V:
    """Display helper bound to a case: turns truth values into printed strings."""

    def __init__(self, case):
        self.f = case['fields']
        self.s = case['style']

    def __call__(self, k):
        v = self.f.get(k)
        if v is None:
            return ''
        if k in ('sole_adult_since', 'move_date', 'start_date'):
            return fmt_date(v, self.s['date'])
        if k == 'declaration_date':
            return fmt_date(v, self.s['date2'])
        if k == 'account_ref':
            return fmt_ref(v, self.s['ref'])
        if k in ('postcode', 'previous_postcode', 'new_postcode'):
            return fmt_pc(v, self.s['pc'])
        if k == 'vrm':
            return fmt_vrm(v, self.s['vrm'])
        return v


def collapse(s):
    return re.sub(r'\s+', ' ', s).strip()


# ---------------------------------------------------------------------------
# Scenarios
# ---------------------------------------------------------------------------
def mkcase(form_type, layout, fields, reasons, ctx=None, word_dates=False):
    fields = {k: v for k, v in fields.items() if v not in (None, '')}
    return dict(form_type=form_type, layout=layout, fields=fields,
                outcome='exception' if reasons else 'approved', reasons=reasons,
                style=pick_styles(word_dates), ctx=ctx or {})


def name_with_title(person, layout):
    # L3 and L4 ask for a title separately; other layouts sometimes include one in the name box.
    if layout in ('acroform_generic', 'online_summary'):
        return f"{person['title']} {person['full']}" if rng.random() < 0.75 else person['full']
    return f"{person['title']} {person['full']}" if rng.random() < 0.3 else person['full']


def decl_after(d, lo=D(2026, 10, 20), hi=D(2026, 12, 4)):
    return rdate(max(d + TD(days=1), lo), hi)


SPD_STORIES = [
    ('{o} moved out on {d}.', True),
    ('My partner {o} and I have separated. {of} moved out on {d}.', True),
    ('{of} has moved into a flat of {pos} own.', False),
    ('My {child} {o} has left home to start an apprenticeship and lives away now.', False),
    ('My lodger {o} left when the tenancy agreement ended on {d}.', True),
    ('{of} has moved in with {pos} partner in {t}.', False),
    ('My {child} {of} has moved out to go to university in {t} and lives there all year round.', False),
]


def spd_case(layout, problem=None):
    house_only = layout in ('citizen_letter', 'printed_email')
    p = claim(lambda q: q['kind'] != 'block' if house_only else True)
    app = new_person()
    other = new_person(surname=app['last'] if rng.random() < 0.5 else None) if (rng.random() < 0.85 or problem in ('NAME_MISMATCH', 'INCONSISTENT_DATES')) else None
    since = rdate(D(2026, 1, 12), D(2026, 11, 20))
    if problem == 'DATE_TOO_OLD':
        since = rdate(D(2025, 6, 1), D(2025, 10, 31))
    decl = decl_after(since)
    liable = [app] + ([other] if other and rng.random() < 0.6 else [])
    reg = [app] + ([other] if other and rng.random() < 0.5 else [])
    disc = ''
    reasons = [problem] if problem else []
    form_ref = None
    if problem == 'NAME_MISMATCH':
        liable = [other]
        reg = [other, app]
    if problem == 'OTHER_ADULTS_REGISTERED':
        reg = [app] + ([other] if other else []) + [new_person(surname=app['last'])]
    if problem == 'DISCOUNT_ALREADY_APPLIED':
        disc = 'SPD'
    if problem == 'ACCOUNT_CLOSED':
        ref = add_account(p, [x['full'] for x in liable], status='closed',
                          start=rdate(D(2012, 1, 1), D(2022, 1, 1)), end=rdate(D(2026, 3, 1), D(2026, 6, 30)))
        for x in reg:
            add_elector(p, x['full'])
    else:
        ref = household(p, liable, reg, discounts=disc)
    if problem == 'ACCOUNT_NOT_FOUND':
        while True:
            cand = ref[:2] + ''.join(rng.sample(ref[2:], 6))
            if cand not in used_refs:
                used_refs.add(cand)
                form_ref = cand
                break
    addr_p = p
    if problem == 'ADDRESS_MISMATCH':
        addr_p = claim(lambda q: q['kind'] != 'block' and q['street'] != p['street'])
        add_history(addr_p, D(2026, 8, 1))  # empty property, no register entries
    fwd = None
    story = None
    if other:
        fl = outside_addr()
        fwd = f'{fl[0]}, {fl[1]}, {fl[2]}' if rng.random() < 0.8 else None
        st, has_date = rng.choice(SPD_STORIES)
        if problem == 'INCONSISTENT_DATES':
            st, has_date = SPD_STORIES[0]
        told = since - TD(days=rng.randint(9, 25)) if problem == 'INCONSISTENT_DATES' else since
        pos = 'his' if other['sex'] == 'M' else 'her'
        story = st.format(o=other['full'], of=other['first'], d=fmt_date(told, rng.choice(WORD_DATE + ['slash'])),
                          pos=pos, t=fl[1], child='son' if other['sex'] == 'M' else 'daughter')
        if rng.random() < 0.25 and problem != 'INCONSISTENT_DATES':
            story = None
    app_name = name_with_title(app, layout)
    fields = dict(account_ref=form_ref or ref, applicant_name=app_name, address=addr_p['form_addr'],
                  postcode=addr_p['postcode'], sole_adult_since=since.isoformat(),
                  other_adult_name=other['full'] if other else None,
                  other_adult_forwarding_address=fwd if other else None,
                  change_description=story if layout not in ('citizen_letter',) else None,
                  phone=phone() if rng.random() < 0.7 else None,
                  email=email_for(app) if rng.random() < 0.6 else None,
                  declaration_date=None if problem == 'MISSING_FIELD:declaration_date' else decl.isoformat())
    ctx = dict(p=addr_p, person=app, other=other, town=TOWN)
    return mkcase('council_tax_spd', layout, fields, reasons, ctx, word_dates=layout == 'citizen_letter')


def move_case(layout, mtype, problem=None):
    house_only = layout in ('citizen_letter', 'printed_email')
    app = new_person()
    reasons = [problem] if problem else []
    f = dict(move_type=mtype, applicant_name=name_with_title(app, layout),
             phone=phone() if rng.random() < 0.7 else None,
             email=email_for(app) if (rng.random() < 0.6 or layout == 'printed_email') else None)
    ctx = dict(person=app)
    if mtype == 'out':
        p = claim(lambda q: q['kind'] != 'block' if house_only else True)
        partner = new_person(surname=app['last']) if rng.random() < 0.4 else None
        liable = [app] + ([partner] if partner else [])
        if problem == 'NAME_MISMATCH':
            liable = [new_person()]
        ref = household(p, liable, liable if problem != 'NAME_MISMATCH' else liable + [app])
        move = rdate(D(2026, 10, 1), D(2026, 12, 28))
        if problem == 'DATE_IN_FUTURE':
            move = rdate(D(2027, 1, 20), D(2027, 3, 15))
        decl = min(move - TD(days=rng.randint(2, 25)), D(2026, 12, 4)) if move > D(2026, 11, 20) else rdate(move, D(2026, 12, 4))
        if problem == 'DATE_IN_FUTURE':
            decl = rdate(D(2026, 11, 20), D(2026, 12, 4))
        decl = max(decl, D(2026, 10, 1))
        if problem == 'ACCOUNT_NOT_FOUND':
            while True:
                cand = ref[:3] + ''.join(rng.sample(ref[3:], 5))
                if cand not in used_refs:
                    used_refs.add(cand)
                    ref = cand
                    break
        prev = p
        if problem == 'ADDRESS_MISMATCH':
            prev = claim(lambda q: q['kind'] != 'block' and q['street'] != p['street'])
            background(prev)
        fwd = outside_addr() if rng.random() < 0.85 else None
        f.update(account_ref=ref, previous_address=prev['form_addr'], previous_postcode=prev['postcode'],
                 new_address=fwd[0] if fwd else None, new_postcode=fwd[2] if fwd else None,
                 move_date=move.isoformat(), declaration_date=decl.isoformat())
        ctx.update(prev_town=TOWN, new_town=fwd[1] if fwd else None, p=prev)
    else:
        if problem == 'PROPERTY_NOT_FOUND':
            s = rng.choice([x for x in STREETS if x['kind'] != 'block'])
            num = STREET_MAX[s['street']] + rng.choice([7, 9, 13, 15, 21])
            newaddr, newpc = f"{num} {s['street']}", s['pc']
        else:
            p = claim(lambda q: q['kind'] != 'block' if house_only else True)
            newaddr, newpc = p['form_addr'], p['postcode']
        move = rdate(D(2026, 9, 1), D(2026, 12, 22))
        if problem == 'DATE_TOO_OLD':
            move = rdate(D(2025, 7, 1), D(2025, 11, 1))
        if problem != 'PROPERTY_NOT_FOUND':
            add_history(p, move - TD(days=rng.randint(5, 60)))
        decl = rdate(max(move - TD(days=20), D(2026, 10, 1)), D(2026, 12, 4)) if problem != 'DATE_TOO_OLD' else rdate(D(2026, 11, 1), D(2026, 12, 4))
        prev = outside_addr() if rng.random() < 0.6 else None
        f.update(new_address=newaddr, new_postcode=newpc, move_date=move.isoformat(),
                 previous_address=prev[0] if prev else None, previous_postcode=prev[2] if prev else None,
                 declaration_date=decl.isoformat())
        ctx.update(new_town=TOWN, prev_town=prev[1] if prev else None)
    return mkcase('council_tax_move', layout, f, reasons, ctx, word_dates=layout == 'printed_email')


def permit_case(layout, problem=None):
    p = claim(lambda q: q['zone'] != '')
    app = new_person()
    reasons = [problem] if problem else []
    mode = rng.choice(['liable', 'liable', 'register'])
    others = []
    if problem == 'NOT_RESIDENT':
        liable, reg = [new_person()], []
        reg = list(liable)
    elif mode == 'liable':
        liable = [app] + ([new_person(surname=app['last'])] if rng.random() < 0.4 else [])
        reg = list(liable) if rng.random() < 0.7 else []
    else:  # adult child on the register, parents pay the bill
        liable = [new_person(surname=app['last'])]
        reg = liable + [app]
    nperm = 2 if problem == 'PERMIT_CAP_REACHED' else rng.choice([0, 0, 1])
    household(p, liable, reg, permits_n=nperm)
    vrm = new_vrm(rng.choice(['current'] * 5 + ['prefix', 'suffix']))
    if problem == 'VRM_HAS_PERMIT':
        q = claim(lambda x: x['zone'] != '' and x['street'] != p['street'])
        household(q, [new_person()], [])
        add_permit(q, vrm, rdate(AS_OF - TD(days=300), AS_OF - TD(days=30)))
    if problem == 'INVALID_FORMAT:vrm':
        vrm = rng.choice(AREAS) + rng.choice(AGES) + ''.join(rng.choice(LET) for _ in range(2))
    zone = p['zone']
    if problem == 'NOT_IN_PERMIT_ZONE':
        zone = rng.choice([z for z, _ in ZONES if z != p['zone']])
    start = rdate(D(2026, 11, 23), D(2026, 12, 31))
    if problem == 'DATE_IN_FUTURE':
        start = rdate(D(2027, 1, 25), D(2027, 3, 1))
    decl = rdate(D(2026, 11, 12), min(start, D(2026, 12, 4)))
    f = dict(applicant_name=name_with_title(app, layout), address=p['form_addr'], postcode=p['postcode'],
             vrm=None if problem == 'MISSING_FIELD:vrm' else vrm,
             vehicle_make=rng.choice(MAKES) if rng.random() < 0.85 else None, zone=zone,
             start_date=start.isoformat(), phone=phone() if rng.random() < 0.75 else None,
             email=email_for(app) if rng.random() < 0.55 else None, declaration_date=decl.isoformat())
    return mkcase('parking_permit', layout, f, reasons, dict(p=p, person=app))


# --- correspondence -----------------------------------------------------------
def corr_case(layout, topic, problem=None):
    p = claim(lambda q: q['kind'] != 'block')
    person = new_person()
    ref = household(p, [person], [person])
    letter_date = rdate(D(2026, 11, 16), D(2026, 12, 4))
    st = rng.choice(WORD_DATE + ['slash'])
    dates = []

    def dd(d):
        dates.append(d.isoformat())
        return fmt_date(d, st)

    wk = lambda d: WEEKDAYS[d.weekday()]
    quoted = None
    paras = []
    bin_colour = rng.choice(['grey', 'green', 'blue'])
    if topic == 'missed_bin':
        d1 = letter_date - TD(days=rng.randint(2, 9))
        d0 = d1 - TD(days=14)
        paras = [f"Our {bin_colour} bin was not emptied on {wk(d1)} {dd(d1)}. It was out at the kerb by 7am as usual "
                 f"and the wagon went past the end of the street but did not stop.",
                 f"This is the second time this has happened, as it was also missed on {dd(d0)}. The bin is now "
                 f"overflowing and bags are piling up in the yard. Please could someone come and empty it as soon "
                 f"as possible."]
    elif topic == 'council_tax_query':
        d1 = rdate(D(2026, 10, 28), letter_date - TD(days=3))
        quoted = ref
        paras = [f"I have received a council tax bill dated {dd(d1)} and I do not understand why the instalment "
                 f"for January is £{rng.randint(9, 31)}.{rng.randint(10, 99)} higher than the others. I have not "
                 f"changed anything and I still pay by direct debit.",
                 "Could you please explain how the instalments have been worked out, and whether I can spread the "
                 "remaining balance over twelve months instead of ten?"]
    elif topic == 'foi_request':
        paras = ["I am writing to make a request under the Freedom of Information Act 2000.",
                 f"Please could you tell me how many reports of fly-tipping the council received for the {p['ward']} "
                 f"ward between {dd(D(2025, 4, 1))} and {dd(D(2026, 3, 31))}, how many of those led to a fixed "
                 f"penalty notice, and the total amount the council spent on clearing fly-tipped waste in that ward "
                 f"over the same period.",
                 "I would prefer to receive the information by email in a spreadsheet if possible."]
    elif topic == 'complaint':
        d1 = letter_date - TD(days=rng.randint(3, 10))
        paras = [f"I wish to make a formal complaint about the way I was treated when I phoned the council's "
                 f"contact centre on {dd(d1)}.",
                 "I waited over forty minutes to get through, and when I did the person I spoke to was rude, talked "
                 "over me and then ended the call before my question about the broken street light outside my house "
                 "had been answered. The light has now been out for three weeks.",
                 "I would like an apology and for someone to tell me when the light will be repaired."]
    if problem == 'ACCOUNT_NOT_FOUND':
        while True:
            cand = ref[:2] + ''.join(rng.sample(ref[2:], 6))
            if cand not in used_refs:
                used_refs.add(cand)
                quoted = cand
                break
    show_addr = True
    show_name = True
    if problem == 'SENDER_UNKNOWN':
        show_addr = show_name = False
        quoted = None
        d1 = letter_date - TD(days=rng.randint(3, 10))
        dates.clear()
        paras = [f"I want to complain about the state of the children's play area on {p['street']}. The swings "
                 f"have been broken since {dd(d1)} and there is glass all over the ground.",
                 "Nobody from the council has done anything about it even though it has been reported. This is not "
                 "good enough and I expect a proper response."]
    if layout == 'printed_email' and topic == 'council_tax_query' and not problem:
        show_addr = False  # known by the account number instead
    body = collapse(' '.join(paras))
    fields = dict(topic=topic, sender_name=person['full'] if show_name else None,
                  address=p['form_addr'] if show_addr else None, postcode=p['postcode'] if show_addr else None,
                  account_ref=quoted, dates_mentioned=dates or None, body=body)
    reasons = [problem] if problem else []
    c = mkcase('correspondence', layout, fields, reasons,
               dict(p=p, person=person, paras=paras, letter_date=letter_date, show_addr=show_addr,
                    show_name=show_name))
    return c


# ---------------------------------------------------------------------------
# Drawing helpers
# ---------------------------------------------------------------------------
def fit_font(c, text, font, size, width, min_size=6):
    while size > min_size and c.stringWidth(text, font, size) > width:
        size -= 0.5
    return size


def draw_mark(c, x, y, size, mark):
    """Square check box at (x,y) lower-left; mark None, 'X' or 'tick'."""
    c.setStrokeColor(black)
    c.setLineWidth(0.8)
    c.rect(x, y, size, size, stroke=1, fill=0)
    if mark:
        c.setFillColor(black)
        if mark == 'tick' and TICK_FONT:
            c.setFont(TICK_FONT, size)
            c.drawCentredString(x + size / 2, y + 1.2, '\u2713')
        else:
            c.setFont('Helvetica-Bold', size)
            c.drawCentredString(x + size / 2, y + 1.3, 'X')


# ---------------- Layout 1: boxed_grid ---------------------------------------
def boxed_row_height(row):
    kind = row[0]
    if kind == 'pairs':
        return 28
    if kind == 'wide':
        return 12 + 15 * row[3]
    if kind == 'checks':
        return 24
    if kind == 'para':
        return len(simpleSplit(row[1], 'Helvetica', 7.8, 500)) * 9.5 + 6
    return 20


def draw_boxed(path, spec, case):
    W, H = A4
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    M = 32
    col = HexColor(spec.get('colour', '#1d5c73'))
    light = HexColor(spec.get('light', '#e6f0f4'))
    pen = case['style']['pen']
    mark = case['style']['mark']

    def header():
        c.setFillColor(col)
        c.rect(0, H - 62, W, 62, fill=1, stroke=0)
        c.setFillColor(white)
        c.circle(M + 16, H - 31, 15, fill=0, stroke=1)
        c.setFont('Helvetica-Bold', 11)
        c.drawCentredString(M + 16, H - 35, 'CW')
        c.setFont('Helvetica-Bold', 16)
        c.drawString(M + 40, H - 29, 'Calderwick')
        c.setFont('Helvetica', 8.5)
        c.drawString(M + 40, H - 42, 'Metropolitan Borough Council')
        c.setFont('Helvetica-Bold', 10)
        c.drawRightString(W - M, H - 28, spec['dept'])
        c.setFont('Helvetica', 8)
        c.drawRightString(W - M, H - 41, spec['code'])

    def footer(pg):
        c.setFillColor(HexColor('#555555'))
        c.setFont('Helvetica', 7)
        c.drawString(M, 22, spec['footer'])
        c.drawRightString(W - M, 22, f'{spec["code"]}  page {pg}')

    header()
    y = H - 84
    c.setFillColor(col)
    c.setFont('Helvetica-Bold', 14)
    c.drawString(M, y, spec['title'])
    y -= 14
    c.setFillColor(black)
    c.setFont('Helvetica', 8.3)
    for line in simpleSplit(spec['intro'], 'Helvetica', 8.3, W - 2 * M):
        c.drawString(M, y, line)
        y -= 10.5
    y -= 6
    pg = 1
    IW = W - 2 * M - 16
    for sec in spec['sections']:
        h = 22 + sum(boxed_row_height(r) for r in sec['rows']) + 4
        if y - h < 40:
            footer(pg)
            c.showPage()
            pg += 1
            header()
            y = H - 84
        grey = sec.get('grey')
        bc = HexColor('#8a8a8a') if grey else col
        c.setStrokeColor(bc)
        c.setLineWidth(1)
        c.setFillColor(white)
        c.roundRect(M, y - h, W - 2 * M, h, 7, stroke=1, fill=0)
        # title band: rounded top, square bottom
        c.setFillColor(bc)
        c.roundRect(M, y - 17, W - 2 * M, 17, 7, stroke=0, fill=1)
        c.rect(M, y - 17, W - 2 * M, 8, stroke=0, fill=1)
        c.setFillColor(white)
        c.setFont('Helvetica-Bold', 9.5)
        c.drawString(M + 8, y - 12.5, sec['title'])
        yy = y - 22
        x0 = M + 8
        for row in sec['rows']:
            rh = boxed_row_height(row)
            kind = row[0]
            if kind == 'pairs':
                half = IW / 2
                for i, (lab, val) in enumerate(row[1]):
                    lx = x0 + i * (half + 4)
                    bx, bw = lx + 96, half - 100
                    by = yy - 23
                    c.setFillColor(black)
                    c.setFont('Helvetica', 7.8)
                    lines = simpleSplit(lab, 'Helvetica', 7.8, 92)
                    ly = by + 9 + (len(lines) - 1) * 4.5
                    for ln in lines:
                        c.drawString(lx, ly, ln)
                        ly -= 9
                    if isinstance(val, tuple) and val[0] == 'datebox':
                        d = val[1]
                        parts = ([f'{d.day:02d}', f'{d.month:02d}', f'{d.year}'] if d else ['', '', ''])
                        widths = [24, 24, 40]
                        cx = bx
                        c.setFont('Helvetica', 5.5)
                        c.setFillColor(HexColor('#777777'))
                        for cap, wdt in zip(['DD', 'MM', 'YYYY'], widths):
                            c.drawString(cx + 1, by + 19.5, cap)
                            cx += wdt + 10
                        cx = bx
                        for j, (pt, wdt) in enumerate(zip(parts, widths)):
                            c.setFillColor(light)
                            c.setStrokeColor(HexColor('#5b5b5b'))
                            c.rect(cx, by, wdt, 18, stroke=1, fill=1)
                            c.setFillColor(black)
                            c.setFont(pen, 10)
                            c.drawCentredString(cx + wdt / 2, by + 5, pt)
                            if j < 2:
                                c.setFont('Helvetica', 10)
                                c.drawCentredString(cx + wdt + 5, by + 5, '/')
                            cx += wdt + 10
                        continue
                    c.setFillColor(light)
                    c.setStrokeColor(HexColor('#5b5b5b'))
                    c.setLineWidth(0.6)
                    c.rect(bx, by, bw, 18, stroke=1, fill=1)
                    c.setFillColor(black)
                    if isinstance(val, tuple) and val[0] == 'sig':
                        txt, font, size = val[1], 'Helvetica-Oblique', 12
                    else:
                        txt, font, size = (val or ''), pen, 10
                    size = fit_font(c, txt, font, size, bw - 8)
                    c.setFont(font, size)
                    c.drawString(bx + 4, by + 5, txt)
            elif kind == 'wide':
                lab, val, nl = row[1], row[2], row[3]
                bx, bw = x0 + 96, IW - 96
                bh = 15 * nl + 3
                by = yy - 4 - bh
                c.setFillColor(black)
                c.setFont('Helvetica', 7.8)
                ly = by + bh - 9
                for ln in simpleSplit(lab, 'Helvetica', 7.8, 92):
                    c.drawString(x0, ly, ln)
                    ly -= 9
                c.setFillColor(light)
                c.setStrokeColor(HexColor('#5b5b5b'))
                c.rect(bx, by, bw, bh, stroke=1, fill=1)
                c.setFillColor(black)
                c.setFont(pen, 10)
                lines = simpleSplit(val or '', pen, 10, bw - 8)
                ty = by + bh - 12
                for ln in lines[:nl]:
                    c.drawString(bx + 4, ty, ln)
                    ty -= 14
            elif kind == 'checks':
                lab, opts, sel = row[1], row[2], row[3]
                by = yy - 17
                c.setFillColor(black)
                c.setFont('Helvetica', 7.8)
                lines = simpleSplit(lab, 'Helvetica', 7.8, 150)
                ly = by + 5 + (len(lines) - 1) * 4.5
                for ln in lines:
                    c.drawString(x0, ly, ln)
                    ly -= 9
                cx = x0 + 156
                step = (IW - 156) / max(len(opts), 2)
                for j, o in enumerate(opts):
                    draw_mark(c, cx, by + 1, 10, mark if j == sel else None)
                    c.setFillColor(black)
                    c.setFont('Helvetica', 8.5)
                    c.drawString(cx + 14, by + 3, o)
                    cx += step
            elif kind == 'para':
                c.setFillColor(black)
                c.setFont('Helvetica', 7.8)
                ty = yy - 9
                for ln in simpleSplit(row[1], 'Helvetica', 7.8, IW):
                    c.drawString(x0, ty, ln)
                    ty -= 9.5
            yy -= rh
        y -= h + 9
    footer(pg)
    c.save()


DECL_BOX = ('I declare that the information I have given on this form is correct and complete to the best of my '
            'knowledge. I understand that giving false information to obtain a discount or service is an offence '
            'and that the Council may check the details I have given with other records it holds.')


def boxed_spd(case):
    v = V(case)
    f = case['fields']
    s = case['style']
    dd = ('datebox', dt.date.fromisoformat(f['declaration_date']) if 'declaration_date' in f else None) if s['datebox'] else v('declaration_date')
    return dict(
        title='Council Tax - Single Person Discount Application',
        dept='Revenues and Benefits Service', code='Form CT/SPD1 (rev. 04/2026)',
        intro='If you are the only adult (aged 18 or over) living in your home you may be entitled to a 25% reduction '
              'on your council tax bill. Please complete every section in black ink and return the form to the '
              'address overleaf. Incomplete forms will delay your claim.',
        footer='Council Tax, Calderwick Town Hall, Market Street, Calderwick CW1 1AA   Tel 01632 960000   counciltax@calderwick.gov.uk',
        sections=[
            dict(title='Section 1 - About you', rows=[
                ('pairs', [('Council tax account number', v('account_ref')), ('Full name', v('applicant_name'))]),
                ('pairs', [('Daytime telephone number', v('phone')), ('Email address', v('email'))]),
            ]),
            dict(title='Section 2 - The property you are claiming for', rows=[
                ('wide', 'House number / name and street', v('address'), 1),
                ('pairs', [('Town', TOWN), ('Postcode', v('postcode'))]),
            ]),
            dict(title='Section 3 - Who has left the property', rows=[
                ('pairs', [('Date you became the only adult living here', v('sole_adult_since')),
                           ('Name of the adult who moved out', v('other_adult_name'))]),
                ('wide', 'Their new address, if you know it', v('other_adult_forwarding_address'), 1),
                ('wide', 'Please tell us what has changed', v('change_description'), 2),
                ('checks', 'Does anyone else aged 18 or over now live with you?', ['Yes', 'No'], 1),
            ]),
            dict(title='Section 4 - Declaration', rows=[
                ('para', DECL_BOX + ' I will tell the Council within 21 days if another adult comes to live at the '
                                    'property.'),
                ('pairs', [('Signature', ('sig', case['ctx']['person']['full'])), ('Date', dd)]),
            ]),
            dict(title='For office use only', grey=True, rows=[
                ('pairs', [('Date received', ''), ('Checked by', '')]),
                ('pairs', [('Discount awarded from', ''), ('Batch number', '')]),
            ]),
        ])


def boxed_permit(case):
    v = V(case)
    f = case['fields']
    s = case['style']
    zi = [z for z, _ in ZONES].index(f['zone'])
    dd = ('datebox', dt.date.fromisoformat(f['declaration_date'])) if s['datebox'] else v('declaration_date')
    return dict(
        title="Residents' Parking Permit - Application Form",
        dept='Parking Services', code='Form PK/RP2 (2026)', colour='#6b2d5c', light='#f3e9f0',
        intro='Use this form to apply for a residents\' permit for one vehicle. A property may hold no more than two '
              'residents\' permits. Please enclose proof of address and a copy of the vehicle registration '
              'certificate (V5C). Permits are valid for twelve months from the start date.',
        footer='Parking Services, Calderwick Town Hall, Market Street, Calderwick CW1 1AA   parking@calderwick.gov.uk',
        sections=[
            dict(title='Part 1  Applicant', rows=[
                ('pairs', [('Name of applicant', v('applicant_name')), ('Contact phone', v('phone'))]),
                ('pairs', [('Email', v('email')), ('Preferred contact', 'Email' if f.get('email') else 'Phone')]),
            ]),
            dict(title='Part 2  Where the vehicle will be kept', rows=[
                ('wide', 'Home address (number and street)', v('address'), 1),
                ('pairs', [('Town', TOWN), ('Postcode', v('postcode'))]),
                ('checks', 'Permit zone applied for (tick one)', [f'{z} - {n}' for z, n in ZONES], zi),
            ]),
            dict(title='Part 3  Vehicle', rows=[
                ('pairs', [('Vehicle registration number', v('vrm')), ('Make and model', v('vehicle_make'))]),
                ('pairs', [('Permit to start on', v('start_date')), ('Permit length', '12 months')]),
                ('checks', 'Is the vehicle registered (V5C) to you at this address?', ['Yes', 'No'], 0),
            ]),
            dict(title='Part 4  Declaration', rows=[
                ('para', DECL_BOX + ' I understand that a permit does not guarantee a parking space.'),
                ('pairs', [('Signed', ('sig', case['ctx']['person']['full'])), ('Date', dd)]),
            ]),
            dict(title='Office use', grey=True, rows=[
                ('pairs', [('Permit number', ''), ('Fee paid', '')]),
            ]),
        ])


def render_boxed(path, case):
    spec = boxed_spd(case) if case['form_type'] == 'council_tax_spd' else boxed_permit(case)
    draw_boxed(path, spec, case)


# ---------------- Layout 2: landscape_numbered -------------------------------
def draw_landscape(path, spec, case):
    W, H = landscape(A4)
    c = canvas.Canvas(str(path), pagesize=(W, H), invariant=1)
    M = 30
    pen = case['style']['pen']
    c.setFillColor(HexColor('#e9e9e9'))
    c.rect(0, H - 46, W, 46, fill=1, stroke=0)
    c.setFillColor(black)
    c.setFont('Helvetica-Bold', 12)
    c.drawString(M, H - 22, 'CALDERWICK MBC')
    c.setFont('Helvetica', 7.5)
    c.drawString(M, H - 33, spec['dept'])
    c.setFont('Helvetica-Bold', 13)
    c.drawCentredString(W / 2, H - 26, spec['title'])
    c.setFont('Helvetica', 7.5)
    c.drawRightString(W - M, H - 22, spec['code'])
    c.drawRightString(W - M, H - 33, 'Please read the questions, then write your answers in Part B')
    # Part A
    y = H - 64
    c.setFont('Helvetica-Bold', 9.5)
    c.drawString(M, y, 'PART A - QUESTIONS')
    y -= 14
    qs = spec['questions']
    ncol = 2
    per = (len(qs) + 1) // 2
    colw = (W - 2 * M - 20) / ncol
    top = y
    for i, (q, _a) in enumerate(qs):
        col = i // per
        if i % per == 0:
            y = top
        x = M + col * (colw + 20)
        c.setFont('Helvetica-Bold', 8.3)
        c.drawString(x, y, f'{i + 1}.')
        c.setFont('Helvetica', 8.3)
        for ln in simpleSplit(q, 'Helvetica', 8.3, colw - 18):
            c.drawString(x + 16, y, ln)
            y -= 10
        y -= 4
    # divider
    mid = H / 2 - 6
    c.setDash(4, 3)
    c.setStrokeColor(HexColor('#777777'))
    c.line(M, mid + 10, W - M, mid + 10)
    c.setDash()
    c.setFont('Helvetica-Bold', 9.5)
    c.setFillColor(black)
    c.drawString(M, mid - 6, 'PART B - YOUR ANSWERS')
    c.setFont('Helvetica', 7.5)
    c.drawString(M + 130, mid - 6, '(write each answer next to the number of the question it answers; leave blank if it does not apply)')
    ty = mid - 16
    rowh = 19
    tw = (W - 2 * M - 20) / 2
    for i, (q, a) in enumerate(qs):
        col = i // per
        r = i % per
        x = M + col * (tw + 20)
        yy = ty - (r + 1) * rowh
        c.setStrokeColor(HexColor('#444444'))
        c.setLineWidth(0.7)
        c.setFillColor(HexColor('#d9e2ec'))
        c.rect(x, yy, 30, rowh, stroke=1, fill=1)
        c.setFillColor(white)
        c.rect(x + 30, yy, tw - 30, rowh, stroke=1, fill=1)
        c.setFillColor(black)
        c.setFont('Helvetica-Bold', 9)
        c.drawCentredString(x + 15, yy + 6, str(i + 1))
        if a:
            if isinstance(a, tuple):
                font, size, txt = 'Helvetica-Oblique', 11, a[1]
            else:
                font, size, txt = pen, 10, a
            size = fit_font(c, txt, font, size, tw - 40)
            c.setFont(font, size)
            c.drawString(x + 36, yy + 6, txt)
    c.setFont('Helvetica', 7)
    c.setFillColor(HexColor('#555555'))
    c.drawString(M, 20, spec['footer'])
    c.save()


def land_move(case):
    v = V(case)
    f = case['fields']
    ctx = case['ctx']
    mtxt = {'in': rng.choice(['IN', 'In', 'Moving in']), 'out': rng.choice(['OUT', 'Out', 'Moving out'])}[f['move_type']]
    qs = [
        ('Are you moving INTO a property in Calderwick or moving OUT of one? Write IN or OUT.', mtxt),
        ('Your council tax account number, if you have one (it is printed at the top of your bill).', v('account_ref')),
        ('Full name of the person who will be (or was) responsible for paying council tax.', v('applicant_name')),
        ('The address you are leaving: house or flat number and street.', v('previous_address')),
        ('Postcode of the address you are leaving.', v('previous_postcode')),
        ('The address you are moving to: house or flat number and street.', v('new_address')),
        ('Town or city of the address you are moving to.', ctx.get('new_town') or ''),
        ('Postcode of the address you are moving to.', v('new_postcode')),
        ('The date you moved or will move (the day you got or handed back the keys).', v('move_date')),
        ('A telephone number we can contact you on during the day.', v('phone')),
        ('Your email address.', v('email')),
        ('Signature of the person completing the form.', ('sig', ctx['person']['full'])),
        ('Date signed.', v('declaration_date')),
        ('Do you own the property or rent it? If you rent, give your landlord\'s name.', rng.choice(['Rent - private landlord', 'Own', 'Rent - Calderwick Homes'])),
    ]
    return dict(title='COUNCIL TAX - TELL US YOU ARE MOVING', dept='Revenues Section, Town Hall', code='CTAX/MV/03',
                questions=qs,
                footer='Return to: Council Tax, Calderwick MBC, Town Hall, Market Street, Calderwick CW1 1AA. '
                       'Giving false information is an offence.')


def land_permit(case):
    v = V(case)
    f = case['fields']
    ctx = case['ctx']
    z = f['zone']
    ztxt = rng.choice([z, f'Zone {z}', f'{z} - {ZONE_NAME[z]}'])
    qs = [
        ('Full name of the person applying.', v('applicant_name')),
        ('Your home address in Calderwick (house or flat number and street).', v('address')),
        ('Postcode of your home address.', v('postcode')),
        ('Which residents\' parking zone do you live in? Give the zone code shown on the street signs: '
         'A (Town Hall), B (Hospital), C1 (Station North) or C2 (Station South).', ztxt),
        ('Registration number (number plate) of the vehicle.', v('vrm')),
        ('Make and model of the vehicle.', v('vehicle_make')),
        ('Date you would like the permit to start from.', v('start_date')),
        ('Daytime telephone number.', v('phone')),
        ('Email address (we will send your permit reminder here).', v('email')),
        ('Is the vehicle a company car or lease car? (Yes / No)', rng.choice(['No', 'No', 'Yes - lease'])),
        ('Signature of applicant.', ('sig', ctx['person']['full'])),
        ('Date of signature.', v('declaration_date')),
    ]
    return dict(title="RESIDENTS' PARKING PERMIT APPLICATION", dept='Parking Services', code='PS-RPA/L',
                questions=qs,
                footer='Permits cost GBP 45 for the first vehicle and GBP 70 for a second vehicle at the same address. '
                       'Maximum two permits per household.')


def render_landscape(path, case):
    spec = land_move(case) if case['form_type'] == 'council_tax_move' else land_permit(case)
    draw_landscape(path, spec, case)


# ---------------- Layout 3: acroform_generic ---------------------------------
class AF:
    def __init__(self, c):
        self.c = c
        self.n = 0

    def text(self, tooltip, value, x, y, w, h=17, multiline=False):
        self.n += 1
        self.c.acroForm.textfield(name=f'Text{self.n}', tooltip=tooltip, value=value or '', x=x, y=y, width=w,
                                  height=h, fontName='Helvetica', fontSize=9, borderWidth=0.8,
                                  borderColor=HexColor('#7a8ca8'), fillColor=HexColor('#eef3fb'),
                                  textColor=black, forceBorder=True, maxlen=400,
                                  fieldFlags='multiline' if multiline else '')

    def check(self, tooltip, checked, x, y):
        self.n += 1
        self.c.acroForm.checkbox(name=f'Check Box{self.n}', tooltip=tooltip, checked=checked, x=x, y=y, size=11,
                                 buttonStyle='cross', borderWidth=0.8, borderColor=HexColor('#7a8ca8'),
                                 fillColor=HexColor('#eef3fb'), textColor=black, forceBorder=True, fieldFlags='')

    def radio(self, tooltip, options, selected):
        """options: list of (x, y); selected: index. Export values Choice1.."""
        self.n += 1
        name = f'Group{self.n}'
        for i, (x, y) in enumerate(options):
            self.c.acroForm.radio(name=name, tooltip=tooltip, value=f'Choice{i + 1}', selected=(i == selected),
                                  x=x, y=y, size=11, buttonStyle='circle', borderWidth=0.8,
                                  borderColor=HexColor('#7a8ca8'), fillColor=HexColor('#eef3fb'), textColor=black,
                                  forceBorder=True)


def af_page(c, title, code, intro):
    W, H = A4
    c.setFillColor(HexColor('#203864'))
    c.rect(0, H - 54, W, 54, fill=1, stroke=0)
    c.setFillColor(white)
    c.setFont('Helvetica-Bold', 13)
    c.drawString(36, H - 26, COUNCIL)
    c.setFont('Helvetica', 8.5)
    c.drawString(36, H - 40, 'Council Tax  |  www.calderwick.gov.uk/counciltax')
    c.setFillColor(black)
    c.setFont('Helvetica-Bold', 15)
    c.drawString(36, H - 80, title)
    c.setFont('Helvetica', 7.5)
    c.drawRightString(W - 36, H - 80, code)
    c.setFont('Helvetica', 8.3)
    y = H - 96
    for ln in simpleSplit(intro, 'Helvetica', 8.3, W - 72):
        c.drawString(36, y, ln)
        y -= 10.5
    return y - 8


def af_heading(c, y, text):
    W, _ = A4
    c.setFillColor(HexColor('#d6e0f0'))
    c.rect(36, y - 4, W - 72, 15, fill=1, stroke=0)
    c.setFillColor(HexColor('#203864'))
    c.setFont('Helvetica-Bold', 9.5)
    c.drawString(40, y, text)
    c.setFillColor(black)
    return y - 24


def af_label(c, x, y, text, w=120):
    c.setFont('Helvetica', 8.2)
    c.setFillColor(black)
    lines = simpleSplit(text, 'Helvetica', 8.2, w)
    yy = y + 5 + (len(lines) - 1) * 4.5
    for ln in lines:
        c.drawString(x, yy, ln)
        yy -= 9


def render_acro(path, case):
    W, H = A4
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    af = AF(c)
    f = case['fields']
    v = V(case)
    ctx = case['ctx']
    person = ctx['person']
    if case['form_type'] == 'council_tax_spd':
        y = af_page(c, 'Single Person Discount - claim form', 'CT-SPD-F (fillable)',
                    'Complete this form on screen, save it and email it to counciltax@calderwick.gov.uk, or print '
                    'it and post it. You can claim a 25% discount if nobody else aged 18 or over lives with you.')
        y = af_heading(c, y, 'A. Applicant')
        name = f['applicant_name']
        has_title = name.split(' ')[0] in ('Mr', 'Mrs', 'Ms', 'Miss', 'Dr', 'Mx')
        af_label(c, 40, y, 'Title')
        af.text('Title', person['title'] if has_title else '', 160, y, 50)
        af_label(c, 230, y, 'First name(s)', 70)
        af.text('Forename(s)', person['first'], 300, y, 110)
        af_label(c, 420, y, 'Last name', 50)
        af.text('Surname', person['last'], 470, y, 89)
        y -= 26
        af_label(c, 40, y, 'Council tax account no.')
        af.text('Council tax account reference (8 digits)', v('account_ref'), 160, y, 150)
        y -= 26
        af_label(c, 40, y, 'Address')
        af.text('Address line 1', v('address'), 160, y, 399)
        y -= 22
        af.text('Address line 2', ctx['p']['loc'] if ctx['p']['kind'] != 'block' else '', 160, y, 399)
        y -= 26
        af_label(c, 40, y, 'Town')
        af.text('Town', TOWN, 160, y, 150)
        af_label(c, 330, y, 'Postcode', 60)
        af.text('Postcode', v('postcode'), 390, y, 90)
        y -= 26
        af_label(c, 40, y, 'Telephone')
        af.text('Telephone number', v('phone'), 160, y, 150)
        af_label(c, 330, y, 'Email', 60)
        af.text('Email address', v('email'), 390, y, 169)
        y -= 26
        af_label(c, 40, y, 'How should we contact you?')
        pref = 0 if f.get('email') else 1
        c.setFont('Helvetica', 8.2)
        c.drawString(176, y + 3, 'Email')
        c.drawString(246, y + 3, 'Letter')
        c.drawString(316, y + 3, 'Phone')
        af.radio('Preferred contact method', [(160, y + 1), (230, y + 1), (300, y + 1)], pref)
        y -= 30
        y = af_heading(c, y, 'B. Your circumstances')
        y -= 8
        af_label(c, 40, y, 'Date from which you have been the only adult in the property', 115)
        af.text('Date you became the only adult resident', v('sole_adult_since'), 160, y, 120)
        y -= 30
        af_label(c, 40, y, 'Name of the adult who has left')
        af.text('Name of the adult who left', v('other_adult_name'), 160, y, 250)
        y -= 26
        af_label(c, 40, y, 'Their forwarding address')
        af.text('Forwarding address of the adult who left', v('other_adult_forwarding_address'), 160, y, 399)
        y -= 40
        af_label(c, 40, y + 14, 'What has changed?')
        af.text('Describe the change in your household', v('change_description'), 160, y - 4, 399, h=36,
                multiline=True)
        y -= 36
        y = af_heading(c, y, 'C. Declaration')
        c.setFont('Helvetica', 8)
        for ln in simpleSplit(DECL_BOX, 'Helvetica', 8, W - 100):
            c.drawString(58, y + 4, ln)
            y -= 10
        af.check('I agree to the declaration', True, 40, y + 16)
        y -= 16
        af_label(c, 40, y, 'Date')
        af.text('Date of declaration', v('declaration_date'), 160, y, 120)
    else:
        y = af_page(c, 'Moving home - council tax', 'CT-MOVE-F (fillable)',
                    'Tell us when you move into, out of or within Calderwick so that we can bill the right person '
                    'from the right date. Complete on screen and email to counciltax@calderwick.gov.uk.')
        y = af_heading(c, y, '1. What is happening?')
        c.setFont('Helvetica', 8.5)
        c.drawString(58, y + 3, 'I am moving into a property in Calderwick')
        c.drawString(298, y + 3, 'I am moving out of a property in Calderwick')
        af.radio('Are you moving in or moving out?', [(40, y + 1), (280, y + 1)], 0 if f['move_type'] == 'in' else 1)
        y -= 30
        y = af_heading(c, y, '2. Your details')
        af_label(c, 40, y, 'Full name')
        af.text('Full name', v('applicant_name'), 160, y, 250)
        y -= 26
        af_label(c, 40, y, 'Account reference (if known)')
        af.text('Council tax account number', v('account_ref'), 160, y, 150)
        y -= 26
        af_label(c, 40, y, 'Phone')
        af.text('Contact telephone', v('phone'), 160, y, 150)
        af_label(c, 330, y, 'Email', 60)
        af.text('Email', v('email'), 390, y, 169)
        y -= 30
        y = af_heading(c, y, '3. The address you are leaving')
        af_label(c, 40, y, 'Number and street')
        af.text('Previous address - first line', v('previous_address'), 160, y, 399)
        y -= 26
        af_label(c, 40, y, 'Town')
        af.text('Previous address - town', ctx.get('prev_town') if f.get('previous_address') else '', 160, y, 150)
        af_label(c, 330, y, 'Postcode', 60)
        af.text('Previous address - postcode', v('previous_postcode'), 390, y, 90)
        y -= 30
        y = af_heading(c, y, '4. Your new address')
        af_label(c, 40, y, 'Number and street')
        af.text('New address - first line', v('new_address'), 160, y, 399)
        y -= 26
        af_label(c, 40, y, 'Town')
        af.text('New address - town', ctx.get('new_town') if f.get('new_address') else '', 160, y, 150)
        af_label(c, 330, y, 'Postcode', 60)
        af.text('New address - postcode', v('new_postcode'), 390, y, 90)
        y -= 26
        af_label(c, 40, y, 'Date of move')
        af.text('Date of move', v('move_date'), 160, y, 120)
        af_label(c, 330, y, 'Are you the', 60)
        c.setFont('Helvetica', 8.2)
        c.drawString(406, y + 3, 'Owner')
        c.drawString(456, y + 3, 'Tenant')
        c.drawString(510, y + 3, 'Other')
        af.radio('Owner or tenant', [(390, y + 1), (440, y + 1), (494, y + 1)], rng.choice([0, 1, 1]))
        y -= 30
        y = af_heading(c, y, '5. Declaration')
        c.setFont('Helvetica', 8)
        for ln in simpleSplit(DECL_BOX, 'Helvetica', 8, W - 100):
            c.drawString(58, y + 4, ln)
            y -= 10
        af.check('Declaration confirmed', True, 40, y + 16)
        y -= 16
        af_label(c, 40, y, 'Date')
        af.text('Date signed', v('declaration_date'), 160, y, 120)
    c.setFont('Helvetica', 7)
    c.setFillColor(HexColor('#555555'))
    c.drawString(36, 24, 'Calderwick MBC processes your information under the Local Government Finance Act 1992. '
                         'Privacy notice: www.calderwick.gov.uk/privacy')
    c.save()


# ---------------- Layout 4: online_summary -----------------------------------
def draw_online(path, spec, case):
    W, H = A4
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    M = 48
    purple = HexColor('#4b2e83')

    def top(pg):
        c.setFont('Helvetica', 7)
        c.setFillColor(HexColor('#444444'))
        c.drawString(20, H - 14, spec['printed'])
        c.drawCentredString(W / 2, H - 14, spec['tab'])
        c.drawString(20, 12, spec['url'])
        c.drawRightString(W - 20, 12, f'{pg}/{spec["pages"]}')

    top(1)
    c.setFillColor(purple)
    c.rect(M, H - 62, W - 2 * M, 34, fill=1, stroke=0)
    c.setFillColor(white)
    c.setFont('Helvetica-Bold', 14)
    c.drawString(M + 10, H - 50, 'Calderwick Council')
    c.setFont('Helvetica', 8)
    c.drawRightString(W - M - 10, H - 48, 'Online services  |  Sign out')
    y = H - 92
    c.setFillColor(black)
    c.setFont('Helvetica-Bold', 17)
    c.drawString(M, y, spec['title'])
    y -= 20
    c.setFont('Helvetica', 11)
    c.drawString(M, y, 'Summary of your answers')
    y -= 18
    c.setFillColor(HexColor('#eef7ee'))
    c.setStrokeColor(HexColor('#2e7d32'))
    c.rect(M, y - 22, W - 2 * M, 30, fill=1, stroke=1)
    c.setFillColor(black)
    c.setFont('Helvetica', 8.5)
    c.drawString(M + 8, y - 2, f'Your reference: {spec["ref"]}')
    c.drawString(M + 8, y - 14, spec['submitted'])
    y -= 40
    pg = 1
    for si, (stitle, items) in enumerate(spec['sections']):
        need = 22 + 30 * len(items)
        if y - min(need, 90) < 40:
            c.showPage()
            pg += 1
            top(pg)
            y = H - 50
        c.setFont('Helvetica-Bold', 12.5)
        c.setFillColor(purple)
        c.drawString(M, y, stitle)
        c.setFillColor(black)
        y -= 17
        for q, a in items:
            if y < 60:
                c.showPage()
                pg += 1
                top(pg)
                y = H - 50
            c.setFont('Helvetica-Bold', 9.5)
            for ln in simpleSplit(q, 'Helvetica-Bold', 9.5, W - 2 * M):
                c.drawString(M, y, ln)
                y -= 12
            c.setFont('Helvetica', 9.5)
            for ln in simpleSplit(a, 'Helvetica', 9.5, W - 2 * M):
                c.drawString(M, y, ln)
                y -= 12
            y -= 7
        c.setStrokeColor(HexColor('#b1b4b6'))
        c.setLineWidth(1)
        c.line(M, y + 2, W - M, y + 2)
        y -= 16
    c.save()
    return pg


def online_spec(case):
    f = case['fields']
    v = V(case)
    ctx = case['ctx']
    person = ctx['person']
    na = lambda k, alt='Not answered': v(k) or alt
    decl = dt.date.fromisoformat(f['declaration_date']) if 'declaration_date' in f else AS_OF - TD(days=5)
    hh, mm = rng.randint(7, 22), rng.randint(0, 59)
    printed = f'{decl.day:02d}/{decl.month:02d}/{decl.year}, {hh:02d}:{mm:02d}'
    submitted = f'Submitted on {decl.day} {MONTHS[decl.month - 1]} {decl.year} at {hh:02d}:{mm:02d}'
    name = f['applicant_name']
    has_title = name.split(' ')[0] in ('Mr', 'Mrs', 'Ms', 'Miss', 'Dr', 'Mx')
    about = [('Title', person['title'] if has_title else 'Not answered'),
             ('Your full name', person['full'])]
    ft = case['form_type']
    code = {'council_tax_spd': 'SPD', 'council_tax_move': 'MOV', 'parking_permit': 'RPP'}[ft]
    ref = f'CMBC-{code}-{rng.randint(100000, 999999)}'
    if ft == 'council_tax_spd':
        title = 'Apply for a single person discount'
        secs = [
            ('About you', about + [('Council tax account number', v('account_ref')),
                                   ('Phone number', na('phone')), ('Email address', na('email'))]),
            ('Your address', [('Address line 1', v('address')), ('Town or city', TOWN), ('Postcode', v('postcode'))]),
            ('Who lives with you', [
                ('Are you the only adult (aged 18 or over) living at this address?', 'Yes'),
                ('When did you become the only adult living at the address?', v('sole_adult_since')),
                ('Full name of the adult who moved out', na('other_adult_name')),
                ('Their new address (if you know it)', na('other_adult_forwarding_address')),
                ('Tell us what changed', na('change_description')),
            ]),
            ('Declaration', [('I confirm that the information I have given is true and complete', 'Yes, I confirm'),
                             ('Date of declaration', v('declaration_date'))]),
        ]
    elif ft == 'council_tax_move':
        title = 'Tell us you are moving (council tax)'
        mt = f['move_type']
        secs = [('Your move', [('Are you moving into Calderwick or out of a Calderwick property?',
                                'Moving into a property in Calderwick' if mt == 'in' else 'Moving out of a property in Calderwick'),
                               ('Date of your move', v('move_date'))]),
                ('About you', about + ([('Council tax account number', v('account_ref'))] if mt == 'out' else []) +
                 [('Phone number', na('phone')), ('Email address', na('email'))])]
        if mt == 'out':
            secs.append(('The address you are leaving', [('Address line 1', v('previous_address')),
                                                          ('Town or city', TOWN),
                                                          ('Postcode', v('previous_postcode'))]))
            if f.get('new_address'):
                secs.append(('Your forwarding address', [('Address line 1', v('new_address')),
                                                         ('Town or city', ctx.get('new_town')),
                                                         ('Postcode', v('new_postcode'))]))
            else:
                secs.append(('Your forwarding address', [('Do you have a forwarding address?', 'No, not yet')]))
        else:
            secs.append(('Your new address in Calderwick', [('Address line 1', v('new_address')),
                                                            ('Town or city', TOWN),
                                                            ('Postcode', v('new_postcode'))]))
            if f.get('previous_address'):
                secs.append(('Where you lived before', [('Address line 1', v('previous_address')),
                                                        ('Town or city', ctx.get('prev_town')),
                                                        ('Postcode', v('previous_postcode'))]))
        secs.append(('Declaration', [('I confirm that the information I have given is true and complete', 'Yes, I confirm'),
                                     ('Date of declaration', v('declaration_date'))]))
    else:
        title = "Apply for a residents' parking permit"
        z = f['zone']
        secs = [
            ('About you', about + [('Phone number', na('phone')), ('Email address', na('email'))]),
            ('Your address', [('Address line 1', v('address')), ('Town or city', TOWN), ('Postcode', v('postcode'))]),
            ('Your permit', [('Which permit zone do you live in?', f'Zone {z} - {ZONE_NAME[z]}'),
                             ('When do you want the permit to start?', v('start_date'))]),
            ('Your vehicle', [('Vehicle registration number', v('vrm') or 'Not answered'),
                              ('Vehicle make and model', na('vehicle_make'))]),
            ('Declaration', [('I confirm that the information I have given is true and complete', 'Yes, I confirm'),
                             ('Date of declaration', v('declaration_date'))]),
        ]
    slug = {'council_tax_spd': 'single-person-discount', 'council_tax_move': 'moving-home',
            'parking_permit': 'residents-parking-permit'}[ft]
    return dict(title=title, sections=secs, ref=ref, submitted=submitted, printed=printed,
                tab=f'{title} - Calderwick Council', url=f'https://forms.calderwick.gov.uk/{slug}/summary?ref={ref}',
                pages='1')


def render_online(path, case):
    spec = online_spec(case)
    # two passes so the footer shows the right page count
    pages = draw_online(path, spec, case)
    if pages != 1:
        spec['pages'] = str(pages)
        draw_online(path, spec, case)


# ---------------- Layout 5: citizen_letter -----------------------------------
def draw_letter(path, spec):
    W, H = A4
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    font, size, lead = spec['font']
    M = 70
    y = H - 70
    x_r = W - 220
    c.setFont(font, size)
    for ln in spec['sender']:
        c.drawString(x_r, y, ln)
        y -= lead
    y -= lead * 0.6
    c.drawString(x_r, y, spec['date'])
    y -= lead * 2
    for ln in spec['recipient']:
        c.drawString(M, y, ln)
        y -= lead
    y -= lead
    if spec.get('subject'):
        c.setFont(spec['bold'], size)
        c.drawString(M, y, spec['subject'])
        c.setFont(font, size)
        y -= lead * 1.6
    c.drawString(M, y, spec['salutation'])
    y -= lead * 1.6
    for para in spec['paras']:
        for ln in simpleSplit(para, font, size, W - 2 * M):
            c.drawString(M, y, ln)
            y -= lead
        y -= lead * 0.7
    y -= lead * 0.3
    c.drawString(M, y, spec['closing'])
    y -= lead * 2.6
    if spec.get('signature'):
        c.setFont('Helvetica-Oblique', size + 4)
        c.drawString(M + 5, y + 6, spec['signature'])
        c.setFont(font, size)
        y -= lead * 1.2
    for ln in spec['after']:
        c.drawString(M, y, ln)
        y -= lead
    c.save()


COUNCIL_ADDR = [['Council Tax Section', 'Calderwick Metropolitan Borough Council', 'Town Hall', 'Market Street',
                 'Calderwick', 'CW1 1AA'],
                ['The Revenues Manager', 'Calderwick Council', 'PO Box 412', 'Calderwick CW1 1AA'],
                ['Customer Services', 'Calderwick MBC', 'Town Hall, Market Street', 'Calderwick CW1 1AA']]


def letter_sender_block(p, pc_disp, phone_=None, email=None):
    lines = [p['form_addr']]
    if p['loc']:
        lines.append(p['loc'])
    lines += [TOWN, pc_disp]
    if phone_:
        lines.append(f'Tel: {phone_}')
    if email:
        lines.append(email)
    return lines


def letter_font():
    return rng.choice([('Times-Roman', 11.5, 14.5), ('Helvetica', 10.5, 14), ('Courier', 10, 13)])


def render_letter(path, case):
    f = case['fields']
    ctx = case['ctx']
    v = V(case)
    font = letter_font()
    bold = {'Times-Roman': 'Times-Bold', 'Helvetica': 'Helvetica-Bold', 'Courier': 'Courier-Bold'}[font[0]]
    person = ctx['person']
    if case['form_type'] == 'correspondence':
        p = ctx['p']
        date = fmt_date(ctx['letter_date'], rng.choice(WORD_DATE + ['slash']))
        subj = {'missed_bin': 'Missed bin collection', 'council_tax_query': None,
                'foi_request': 'Freedom of Information request', 'complaint': 'Complaint'}[f['topic']]
        if f.get('account_ref'):
            subj = f"Council tax account {v('account_ref')}"
        recip = rng.choice(COUNCIL_ADDR)
        if f['topic'] == 'missed_bin':
            recip = ['Waste and Recycling', 'Calderwick MBC', 'Riverside Depot', 'Calder Road', 'Calderwick CW5 3DD']
        spec = dict(font=font, bold=bold, sender=letter_sender_block(p, v('postcode')), date=date,
                    recipient=recip, subject=f'Re: {subj}' if subj else None,
                    salutation='Dear Sir or Madam,', paras=ctx['paras'],
                    closing='Yours faithfully,', signature=person['full'],
                    after=[f['sender_name']] if rng.random() < 0.6 else [f"{person['title']} {person['full']}"])
        if spec['after'][0] != f['sender_name']:
            # printed name carries a title: keep truth "as written"
            f['sender_name'] = spec['after'][0]
        draw_letter(path, spec)
        return
    # SPD letter (prose application)
    p = ctx['p']
    other = ctx['other']
    since = fmt_date(f['sole_adult_since'], case['style']['date'])
    paras = []
    ref = v('account_ref')
    if case['reasons'] == ['NAME_MISMATCH']:
        paras.append(f"I would like to claim the single person discount on our council tax. The bill is in "
                     f"{other['first']}'s name and the account number is {ref}.")
        paras.append(f"{other['full']} moved out on {since} and since then I have been the only adult living "
                     f"at {f['address']}, {v('postcode')}."
                     + (f" {other['first']} now lives at {f['other_adult_forwarding_address']}."
                        if f.get('other_adult_forwarding_address') else ''))
    else:
        paras.append(rng.choice([
            f"I am writing to apply for the single person discount on my council tax. My account number is {ref}.",
            f"Please could you apply the 25% single person discount to my council tax account, reference {ref}.",
        ]))
        if other:
            s2 = (f"Since {since} I have been the only adult living at {f['address']}, {v('postcode')}. "
                  f"{other['full']}, who used to live here with me, moved out on that date")
            s2 += (f" and is now living at {f['other_adult_forwarding_address']}."
                   if f.get('other_adult_forwarding_address') else '.')
        else:
            s2 = (f"I have lived on my own at {f['address']}, {v('postcode')} since {since}, when my "
                  f"son left home to join the Army.")
        paras.append(s2)
    paras.append('Please send me an amended bill.' + (f" If you need to speak to me my number is {f['phone']}."
                                                       if f.get('phone') else ''))
    spec = dict(font=font, bold=bold,
                sender=letter_sender_block(p, v('postcode'), None, f.get('email')),
                date=v('declaration_date'), recipient=rng.choice(COUNCIL_ADDR),
                subject=rng.choice(['Re: Single person discount', 'Council Tax - single person discount', None]),
                salutation='Dear Sir/Madam,', paras=paras, closing=rng.choice(['Yours faithfully,', 'Yours sincerely,']),
                signature=person['full'], after=[f['applicant_name']])
    draw_letter(path, spec)


# ---------------- Layout 6: printed_email ------------------------------------
def draw_email(path, spec):
    W, H = A4
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    M = 50
    y = H - 40
    c.setFont('Helvetica-Bold', 10)
    c.drawString(M, y, spec['mailbox'])
    c.setLineWidth(2)
    c.line(M, y - 6, W - M, y - 6)
    y -= 28
    c.setFont('Helvetica-Bold', 13)
    c.drawString(M, y, spec['subject'])
    y -= 22
    for k, val in spec['headers']:
        c.setFont('Helvetica-Bold', 9.5)
        c.drawString(M, y, f'{k}:')
        c.setFont('Helvetica', 9.5)
        c.drawString(M + 60, y, val)
        y -= 13
    c.setLineWidth(0.5)
    c.line(M, y + 3, W - M, y + 3)
    y -= 18
    c.setFont('Helvetica', 10)
    for para in spec['paras']:
        if para == '':
            y -= 6
            continue
        for ln in simpleSplit(para, 'Helvetica', 10, W - 2 * M):
            c.drawString(M, y, ln)
            y -= 13
        y -= 7
    c.save()


def sent_str(d):
    hh, mm = rng.randint(7, 23), rng.randint(0, 59)
    st = rng.choice(['outlook', 'short', 'long'])
    if st == 'outlook':
        return f'{WEEKDAYS[d.weekday()]}, {d.day} {MONTHS[d.month - 1]} {d.year} {hh:02d}:{mm:02d}'
    if st == 'short':
        return f'{d.day:02d}/{d.month:02d}/{d.year} {hh:02d}:{mm:02d}'
    return f'{d.day} {MONTHS[d.month - 1]} {d.year} at {hh:02d}:{mm:02d}'


def render_email(path, case):
    f = case['fields']
    ctx = case['ctx']
    v = V(case)
    person = ctx['person']
    if case['form_type'] == 'correspondence':
        p = ctx['p']
        to = {'missed_bin': 'waste@calderwick.gov.uk', 'complaint': 'feedback@calderwick.gov.uk',
              'council_tax_query': 'counciltax@calderwick.gov.uk', 'foi_request': 'foi@calderwick.gov.uk'}[f['topic']]
        subj = {'missed_bin': 'Bin not collected', 'complaint': 'Complaint',
                'council_tax_query': f"Query about my bill - {v('account_ref')}" if f.get('account_ref') else 'Council tax bill query',
                'foi_request': 'FOI request'}[f['topic']]
        if ctx['show_name']:
            frm = f"{person['full']} <{email_for(person)}>"
            greet = rng.choice(['Hello,', 'Hi,', 'Dear Sir/Madam,'])
        else:
            frm = f'bluebird_{rng.randint(1970, 1999)}@example.net'
            subj = 'play area!!'
            greet = 'To whom it may concern'
        paras = [greet, ''] + list(ctx['paras'])
        if ctx['show_name']:
            paras += ['', rng.choice(['Regards,', 'Thanks,', 'Kind regards,']), person['full']]
            if ctx['show_addr']:
                paras.append(f"{p['form_addr']}, {TOWN} {v('postcode')}")
            if f.get('account_ref') and f['topic'] != 'council_tax_query':
                paras.append(f"Council tax ref: {v('account_ref')}")
            if f['topic'] == 'council_tax_query' and f.get('account_ref'):
                paras.insert(2, f"My council tax account number is {v('account_ref')}.")
                # keep body truth consistent with what is printed between greeting and sign-off
                f['body'] = collapse(' '.join([f"My council tax account number is {v('account_ref')}."] + ctx['paras']))
        spec = dict(mailbox='Calderwick MBC - Customer Contact', subject=subj,
                    headers=[('From', frm), ('Sent', sent_str(ctx['letter_date'])), ('To', to), ('Subject', subj)],
                    paras=paras)
        draw_email(path, spec)
        return
    # move by email
    d_sent = dt.date.fromisoformat(f['declaration_date'])
    md = v('move_date')
    ref = v('account_ref')
    if f['move_type'] == 'out':
        paras = [rng.choice(['Hello,', 'Hi there,', 'Dear Council Tax team,']), '']
        verb = 'I moved out of' if f['move_date'] <= f['declaration_date'] else 'I am moving out of'
        body = (f"I am writing to let you know that {verb} {f['previous_address']}, {TOWN} "
                f"{v('previous_postcode')} on {md}. My council tax account number is {ref}.")
        if f.get('new_address'):
            body += (f" Please send my final bill to my new address, which will be {f['new_address']}, "
                     f"{ctx['new_town']} {v('new_postcode')}.")
        else:
            body += " I don't have a forwarding address yet so please email me the final bill."
        paras.append(body)
        paras.append('Please close the account from that date.')
    else:
        paras = [rng.choice(['Hello,', 'Good afternoon,']), '']
        past = f['move_date'] <= f['declaration_date']
        body = (f"I have just moved into {f['new_address']}, {TOWN} {v('new_postcode')} and got the keys on {md}. "
                if past else
                f"I am moving into {f['new_address']}, {TOWN} {v('new_postcode')} and will get the keys on {md}. ")
        body += 'Please could you set up a council tax account in my name from that date.'
        if f.get('previous_address'):
            body += (f" Before this I lived at {f['previous_address']}, {ctx['prev_town']} "
                     f"{v('previous_postcode')}.")
        paras.append(body)
        paras.append('I would like to pay by direct debit if possible.')
    paras += ['', rng.choice(['Many thanks,', 'Regards,', 'Thanks']), f['applicant_name']]
    if f.get('phone'):
        paras.append(f"Mobile: {f['phone']}" if f['phone'].startswith('07') else f"Tel: {f['phone']}")
    subj = 'Moving out - council tax' if f['move_type'] == 'out' else 'New council tax account please'
    spec = dict(mailbox='Calderwick MBC - Council Tax inbox', subject=subj,
                headers=[('From', f"{ctx['person']['full']} <{f['email']}>"), ('Sent', sent_str(d_sent)),
                         ('To', 'counciltax@calderwick.gov.uk'), ('Subject', subj)],
                paras=paras)
    draw_email(path, spec)


RENDER = dict(boxed_grid=render_boxed, landscape_numbered=render_landscape, acroform_generic=render_acro,
              online_summary=render_online, citizen_letter=render_letter, printed_email=render_email)


# ---------------------------------------------------------------------------
# Plan
# ---------------------------------------------------------------------------
def build_cases():
    cases = []
    add = cases.append
    # --- single person discount
    for _ in range(3):
        add(spd_case('boxed_grid'))
    for pr in ['ACCOUNT_NOT_FOUND', 'OTHER_ADULTS_REGISTERED', 'MISSING_FIELD:declaration_date']:
        add(spd_case('boxed_grid', pr))
    for _ in range(3):
        add(spd_case('acroform_generic'))
    for pr in ['DISCOUNT_ALREADY_APPLIED', 'DATE_TOO_OLD']:
        add(spd_case('acroform_generic', pr))
    for _ in range(3):
        add(spd_case('online_summary'))
    for pr in ['ADDRESS_MISMATCH', 'INCONSISTENT_DATES']:
        add(spd_case('online_summary', pr))
    for _ in range(3):
        add(spd_case('citizen_letter'))
    for pr in ['ACCOUNT_CLOSED', 'NAME_MISMATCH']:
        add(spd_case('citizen_letter', pr))
    # duplicate pair: one application, posted on paper and also sent through the website
    dup = spd_case('boxed_grid')
    dup2 = json.loads(json.dumps({k: dup[k] for k in ('form_type', 'fields', 'reasons')}))
    dup2.update(layout='online_summary', outcome='approved', style=pick_styles(), ctx=dup['ctx'])
    for d in (dup, dup2):
        d['outcome'] = 'duplicate_pair'
        d['duplicate_group'] = 'D1'
        add(d)
    # --- moving
    for mt in ['in', 'out', 'in']:
        add(move_case('landscape_numbered', mt))
    add(move_case('landscape_numbered', 'out', 'ACCOUNT_NOT_FOUND'))
    add(move_case('landscape_numbered', 'in', 'PROPERTY_NOT_FOUND'))
    for mt in ['out', 'in', 'out']:
        add(move_case('acroform_generic', mt))
    add(move_case('acroform_generic', 'in', 'DATE_TOO_OLD'))
    for mt in ['in', 'out', 'in']:
        add(move_case('online_summary', mt))
    add(move_case('online_summary', 'out', 'NAME_MISMATCH'))
    for mt in ['out', 'out', 'in']:
        add(move_case('printed_email', mt))
    add(move_case('printed_email', 'out', 'ADDRESS_MISMATCH'))
    add(move_case('printed_email', 'out', 'DATE_IN_FUTURE'))
    # --- parking permits
    for _ in range(3):
        add(permit_case('boxed_grid'))
    for pr in ['NOT_IN_PERMIT_ZONE', 'VRM_HAS_PERMIT', 'MISSING_FIELD:vrm']:
        add(permit_case('boxed_grid', pr))
    for _ in range(3):
        add(permit_case('landscape_numbered'))
    for pr in ['PERMIT_CAP_REACHED', 'INVALID_FORMAT:vrm']:
        add(permit_case('landscape_numbered', pr))
    for _ in range(3):
        add(permit_case('online_summary'))
    for pr in ['NOT_RESIDENT', 'DATE_IN_FUTURE']:
        add(permit_case('online_summary', pr))
    # --- correspondence
    for tp in ['missed_bin', 'council_tax_query', 'foi_request']:
        add(corr_case('citizen_letter', tp))
    add(corr_case('citizen_letter', 'council_tax_query', 'ACCOUNT_NOT_FOUND'))
    for tp in ['missed_bin', 'complaint', 'council_tax_query']:
        add(corr_case('printed_email', tp))
    add(corr_case('printed_email', 'complaint', 'SENDER_UNKNOWN'))
    return cases


# ---------------------------------------------------------------------------
# Workbook
# ---------------------------------------------------------------------------
WARD_CODE = {'Town Centre': 'TC', 'Northgate': 'NG', 'Hospital': 'HO', 'Calder Vale': 'CV', 'Moorside': 'MS',
             'Eastfield': 'EF'}


def write_workbook(path):
    wb = openpyxl.Workbook()
    hdr = Font(bold=True)
    fill = PatternFill('solid', fgColor='DDEBF7')

    def sheet(ws, cols, rows, date_cols=()):
        ws.append(cols)
        for cell in ws[1]:
            cell.font = hdr
            cell.fill = fill
        for r in rows:
            ws.append([r.get(c) for c in cols])
        for i, col in enumerate(cols, 1):
            letter = openpyxl.utils.get_column_letter(i)
            ws.column_dimensions[letter].width = max(12, min(45, max(len(str(r.get(col) or '')) for r in rows + [{col: col}]) + 2))
            if col in date_cols:
                for cell in ws[letter][1:]:
                    cell.number_format = 'yyyy-mm-dd'
        ws.freeze_panes = 'A2'

    ws = wb.active
    ws.title = 'properties'
    sheet(ws, ['uprn', 'address_line_1', 'address_line_2', 'town', 'postcode', 'council_tax_band', 'ward',
               'parking_zone'],
          [dict(uprn=p['uprn'], address_line_1=p['line1'], address_line_2=p['line2'] or None, town=p['town'],
                postcode=p['postcode'], council_tax_band=p['band'], ward=p['ward'],
                parking_zone=p['zone'] or None) for p in props])
    acc = sorted(accounts, key=lambda a: a['account_ref'])
    sheet(wb.create_sheet('council_tax_accounts'),
          ['account_ref', 'uprn', 'liable_parties', 'status', 'start_date', 'end_date', 'discounts'],
          [dict(a, discounts=a['discounts'] or None) for a in acc], date_cols=('start_date', 'end_date'))
    ward_of = {p['uprn']: p['ward'] for p in props}
    counters = {}
    rows = []
    for e in sorted(electors, key=lambda e: (e['uprn'], e['full_name'])):
        code = WARD_CODE[ward_of[e['uprn']]]
        counters[code] = counters.get(code, 0) + 1
        rows.append(dict(elector_number=f'{code}-{counters[code]:03d}', full_name=e['full_name'], uprn=e['uprn']))
    sheet(wb.create_sheet('electoral_register'), ['elector_number', 'full_name', 'uprn'], rows)
    prow = []
    for i, pm in enumerate(sorted(permits, key=lambda x: (x['valid_from'], x['uprn']))):
        prow.append(dict(permit_ref=f'RP{26000 + i * 7:06d}', **pm))
    sheet(wb.create_sheet('parking_permits'), ['permit_ref', 'uprn', 'vrm', 'zone', 'valid_from', 'valid_to'],
          prow, date_cols=('valid_from', 'valid_to'))
    wb.properties.creator = 'Calderwick MBC - LLPG/CTAX extract'
    wb.save(path)
    _freeze_xlsx(path)


def _freeze_xlsx(path):
    """Rewrite the xlsx zip with fixed timestamps so reruns are byte-identical."""
    import zipfile
    stamp = '2026-12-07T06:00:00Z'
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if name == 'docProps/core.xml':
                data = re.sub(rb'(<dcterms:(?:created|modified)[^>]*>)[^<]*', lambda m: m.group(1) + stamp.encode(), data)
            zi = zipfile.ZipInfo(name, date_time=(2026, 12, 7, 6, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


# ---------------------------------------------------------------------------
def main():
    cases = build_cases()
    for p in props:
        if p['uprn'] not in claimed:
            background(p)
    order = list(range(len(cases)))
    rng.shuffle(order)
    inbox = HERE / 'inbox'
    if inbox.exists():
        shutil.rmtree(inbox)
    inbox.mkdir()
    seen_clean = {}
    truth_lines = []
    for n, idx in enumerate(order, 1):
        case = cases[idx]
        name = f'doc_{n:04d}.pdf'
        RENDER[case['layout']](inbox / name, case)
        key = (case['layout'], case['form_type'])
        split = 'test'
        if case['outcome'] == 'approved':
            seen_clean[key] = seen_clean.get(key, 0) + 1
            if seen_clean[key] <= 2:
                split = 'learn'
        t = dict(file=name, form_type=case['form_type'], fields=case['fields'], outcome=case['outcome'],
                 reasons=case['reasons'], layout=case['layout'], split=split)
        if case.get('duplicate_group'):
            t['duplicate_group'] = case['duplicate_group']
        truth_lines.append(json.dumps(t, ensure_ascii=False))
    (HERE / 'truth.jsonl').write_text('\n'.join(truth_lines) + '\n', encoding='utf-8')
    write_workbook(HERE / 'records.xlsx')
    print(f'{len(cases)} files, {len(props)} properties, {len(accounts)} accounts, {len(electors)} electors, '
          f'{len(permits)} permits')


if __name__ == '__main__':
    main()
