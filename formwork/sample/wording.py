"""What single person discount forms say: titles, labels, field names, guidance.

Councils word the same question many ways; each field has several labels (and
question-style wordings for online forms) and several AcroForm naming styles.
Realistic rather than adversarial: every label is one a council might print.
"""

from __future__ import annotations

#: Printed labels, per field (``None``-keyed extras use their own names below).
LABELS: dict[str, tuple[str, ...]] = {
    "account_ref": ("Council Tax account number", "Account reference", "Council tax reference number",
                    "Your CT reference", "Account no.", "Council Tax reference"),
    "applicant_name": ("Full name", "Your name", "Applicant name", "Name of applicant",
                       "Your full name", "Name"),
    "address": ("Address", "Address of the property", "First line of address", "Property address",
                "Address line 1", "Address for which you are claiming"),
    "postcode": ("Postcode", "Post code", "Postcode of the property"),
    "sole_adult_since": ("Date you became the only adult", "Sole adult since",
                         "Only adult living at the property from",
                         "Date from which you have lived alone",
                         "Date you became the only adult resident", "Discount to start from"),
    "other_adult_name": ("Name of the other adult who left", "Name of person who moved out",
                         "Previous occupant's name", "Name of the adult who has left",
                         "Who has moved out?"),
    "other_adult_forwarding_address": ("Their forwarding address", "New address of the person who left",
                                       "Forwarding address (if known)", "Where have they moved to?"),
    "change_description": ("Tell us what changed", "What has changed?", "Reason for your application",
                           "Please tell us about the change", "Details of the change"),
    "phone": ("Telephone", "Phone number", "Contact number", "Daytime telephone number", "Tel"),
    "email": ("Email", "Email address", "E-mail", "E-mail address"),
    "declaration_date": ("Date", "Date signed", "Declaration date", "Signed on", "Date of declaration"),
}

#: Question wordings an online form uses instead of a bare label.
QUESTIONS: dict[str, tuple[str, ...]] = {
    "account_ref": ("What is your council tax account number?", "Council tax account reference"),
    "applicant_name": ("What is your name?", "Your full name"),
    "address": ("What is the address of the property?", "First line of your address"),
    "postcode": ("What is the postcode of the property?", "Postcode"),
    "sole_adult_since": ("From what date have you been the only adult living at the property?",
                         "When did you become the only adult living there?"),
    "other_adult_name": ("What is the name of the person who moved out?",
                         "Who was the other adult living with you?"),
    "other_adult_forwarding_address": ("What is their new address?",
                                       "Do you know their forwarding address?"),
    "change_description": ("Tell us what changed", "Please give details of the change in your household"),
    "phone": ("Phone number", "What is your phone number?"),
    "email": ("Email address", "What is your email address?"),
    "declaration_date": ("Date of declaration", "Date you agreed to the declaration"),
}

#: AcroForm field names by naming style; a form designer sticks to one, mostly.
WIDGETS: dict[str, dict[str, str]] = {
    "account_ref": {"snake": "account_ref", "pascal": "AccountReference", "hungarian": "txtCTRef",
                    "dotted": "account.reference", "plain": "CT Account No"},
    "applicant_name": {"snake": "applicant_name", "pascal": "ApplicantName", "hungarian": "txtFullName",
                       "dotted": "applicant.name", "plain": "Name"},
    "address": {"snake": "address_line_1", "pascal": "PropertyAddress", "hungarian": "txtAddress1",
                "dotted": "property.address", "plain": "Address"},
    "postcode": {"snake": "postcode", "pascal": "Postcode", "hungarian": "txtPostCode",
                 "dotted": "property.postcode", "plain": "Post code"},
    "sole_adult_since": {"snake": "sole_adult_since", "pascal": "DateOnlyAdult",
                         "hungarian": "dtSoleOccupier", "dotted": "change.soleAdultSince",
                         "plain": "Date alone"},
    "other_adult_name": {"snake": "other_adult_name", "pascal": "OtherAdultName",
                         "hungarian": "txtLeaverName", "dotted": "leaver.name", "plain": "Person left"},
    "other_adult_forwarding_address": {"snake": "forwarding_address", "pascal": "ForwardingAddress",
                                       "hungarian": "txtFwdAddress", "dotted": "leaver.address",
                                       "plain": "New address"},
    "change_description": {"snake": "change_details", "pascal": "WhatChanged",
                           "hungarian": "txtChangeDetails", "dotted": "change.description",
                           "plain": "Details"},
    "phone": {"snake": "phone", "pascal": "TelephoneNumber", "hungarian": "txtTel",
              "dotted": "contact.phone", "plain": "Telephone"},
    "email": {"snake": "email", "pascal": "EmailAddress", "hungarian": "txtEmail",
              "dotted": "contact.email", "plain": "Email"},
    "declaration_date": {"snake": "declaration_date", "pascal": "DateSigned", "hungarian": "dtDeclared",
                         "dotted": "declaration.date", "plain": "Date"},
    "town": {"snake": "town", "pascal": "Town", "hungarian": "txtTown", "dotted": "property.town",
             "plain": "Town"},
    "signature": {"snake": "signature", "pascal": "Signature", "hungarian": "txtSignature",
                  "dotted": "declaration.signature", "plain": "Signed"},
    "agree": {"snake": "declaration_agreed", "pascal": "DeclarationAgreed", "hungarian": "chkDeclare",
              "dotted": "declaration.agree", "plain": "I agree"},
}
WIDGET_STYLES = ("snake", "pascal", "hungarian", "dotted", "plain")

TOWN_LABELS = ("Town", "Town/city", "Town or village")
SIGNATURE_LABELS = ("Signature", "Signed", "Signature of applicant")
AGREE_LABELS = ("I confirm that the information I have given is correct and complete",
                "I agree to the declaration above", "Tick to confirm the declaration")

TITLES = (
    "Council Tax - Single Person Discount application",
    "Council Tax \u2013 Single Person Discount application",
    "Apply for a single person discount",
    "Council Tax: Single Occupancy Discount",
    "Single Person Discount - application form",
    "Application for 25% Single Person Discount",
    "Council Tax single person discount claim form",
)

CODES = ("CTAX/SPD1", "CT 12 (SPD)", "Form SPD/01", "REV-CT-SPD", "CTR 4a")

INTROS: tuple[tuple[str, ...], ...] = (
    ("If you are the only adult (aged 18 or over) living in your home, you may be entitled to a "
     "25% discount on your council tax bill.",
     "Please complete every section in full and in BLOCK CAPITALS where you are writing by hand."),
    ("Use this form to tell us that you now live alone. We will reduce your bill by 25% from the "
     "date you became the only adult at the property.",),
    ("A discount of 25% is available when only one adult lives in a property. Children under 18 "
     "and some other people, such as full-time students, are not counted.",
     "You will find your account reference at the top of your council tax bill."),
    ("Complete this form if you are now the only adult living at your address.",),
)

#: Section headings, unnumbered; a form numbers them in its own way (see HEADING_STYLES).
SECTION_HEADINGS: dict[str, tuple[str, ...]] = {
    "you": ("About you", "Your details", "Applicant details"),
    "property": ("The property", "Your council tax account", "Property details"),
    "change": ("Your circumstances", "About the change", "Change in household", "The other adult",
               "Details of the change"),
    "contact": ("Contact details", "How can we contact you?", "Your contact details"),
    "declaration": ("Declaration", "Your declaration"),
    "notes": ("Notes", "Guidance notes", "What happens next", "Notes to help you complete this form"),
}
#: How a form numbers its sections: ``{n}`` a number, ``{a}`` a letter, ``{h}`` the heading.
HEADING_STYLES = ("{h}", "{h}", "Section {n}: {h}", "Part {a} - {h}", "{n}. {h}")

DECLARATIONS = (
    "I declare that the information I have given on this form is correct and complete to the best of "
    "my knowledge. I understand that if I knowingly give false information I may be prosecuted.",
    "I confirm that I am the only adult living at the property and I will tell the council within "
    "21 days if another adult comes to live here.",
    "By signing this form I declare that the details above are true. I understand that the discount "
    "will be withdrawn if my circumstances change and that I must tell the council.",
)

NOTES: tuple[str, ...] = (
    "We will write to you within 14 days to confirm whether the discount has been awarded and "
    "send you an amended bill.",
    "You must tell us within 21 days if another adult moves into the property. If you do not, you "
    "may have to pay a penalty as well as the discount you received.",
    "We may check the information you give us against other records we hold, such as the "
    "electoral register, and share it with other departments to prevent and detect fraud.",
    "People who are disregarded for council tax, such as full-time students, student nurses, "
    "apprentices and carers, are not counted as adults. Ask us about a disregard if this applies.",
    "If you need this form in another format, such as large print, please contact us.",
    "Please return the completed form by post or upload it through our website. Keep a copy for "
    "your records.",
    "How we use your information: the council is the data controller for the information on this "
    "form. We use it to administer council tax and will keep it for six years.",
)

RELATIONS_COUPLE = {True: ("wife", "partner", "ex-partner"), False: ("husband", "partner", "ex-partner")}
RELATIONS_OTHER = {True: ("daughter", "lodger", "flatmate", "sister", "partner"),
                   False: ("son", "lodger", "flatmate", "brother", "partner")}

#: Change descriptions. ``{rel}`` a relation word, ``{other}`` the leaver's name, ``{date}`` the
#: move-out date (as written), ``{place}`` a destination. Keys say which placeholders are used.
MOVE_OUT_WITH_DATE = (
    "My {rel} {other} moved out on {date} to live in {place}.",
    "{other} left the property on {date}. I now live alone.",
    "We separated and my {rel} {other} moved out on {date}.",
    "My {rel} moved out on {date} and nobody else lives here now.",
    "{other} moved to {place} on {date} and will not be coming back.",
    "My {rel} {other} moved out on {date}, so I am the only adult here.",
)
MOVE_OUT_NO_DATE = (
    "Partner left the property. I now live alone.",
    "My {rel} {other} has moved out and I am now the only adult living here.",
    "Relationship ended, my {rel} moved out to {place}.",
    "{other} has moved away to {place} for work.",
    "I am now the only adult living at this address.",
    "My {rel} has moved into their own flat.",
)
