"""What residents' parking permit application forms say: titles, labels, field names, guidance."""

from __future__ import annotations

LABELS: dict[str, tuple[str, ...]] = {
    "applicant_name": ("Full name", "Your name", "Applicant name", "Name of applicant", "Name of resident"),
    "address": ("Address", "Your address", "Address of the property", "Home address", "First line of address",
                "Address line 1"),
    "postcode": ("Postcode", "Post code", "Postcode of the property"),
    "vrm": ("Vehicle registration number", "Registration number", "Vehicle registration", "Reg. no.",
            "Vehicle registration mark (VRM)", "Number plate"),
    "vehicle_make": ("Vehicle make", "Make of vehicle", "Make and model", "Car make"),
    "zone": ("Permit zone", "Zone", "Zone applied for", "Which zone do you live in?", "Parking zone"),
    "start_date": ("Start date", "Permit start date", "Date you want the permit to start", "Valid from",
                   "Permit required from"),
    "phone": ("Telephone", "Phone number", "Contact number", "Mobile number", "Tel"),
    "email": ("Email", "Email address", "E-mail", "E-mail address"),
    "declaration_date": ("Date", "Date signed", "Declaration date", "Signed on", "Date of declaration"),
}

QUESTIONS: dict[str, tuple[str, ...]] = {
    "applicant_name": ("What is your name?", "Your full name"),
    "address": ("What is your address?", "First line of your address"),
    "postcode": ("What is your postcode?", "Postcode"),
    "vrm": ("What is the vehicle's registration number?", "Vehicle registration number"),
    "vehicle_make": ("What make is the vehicle?", "Vehicle make"),
    "zone": ("Which permit zone are you applying for?", "Permit zone"),
    "start_date": ("When would you like the permit to start?", "Permit start date"),
    "phone": ("Phone number", "What is your phone number?"),
    "email": ("Email address", "What is your email address?"),
    "declaration_date": ("Date of declaration", "Date you agreed to the declaration"),
}

WIDGETS: dict[str, dict[str, str]] = {
    "applicant_name": {"snake": "applicant_name", "pascal": "ApplicantName", "hungarian": "txtFullName",
                       "dotted": "applicant.name", "plain": "Name"},
    "address": {"snake": "address_line_1", "pascal": "PropertyAddress", "hungarian": "txtAddress1",
                "dotted": "property.address", "plain": "Address"},
    "postcode": {"snake": "postcode", "pascal": "Postcode", "hungarian": "txtPostCode",
                 "dotted": "property.postcode", "plain": "Post code"},
    "vrm": {"snake": "vehicle_reg", "pascal": "VehicleRegistration", "hungarian": "txtVRM",
            "dotted": "vehicle.registration", "plain": "Reg No"},
    "vehicle_make": {"snake": "vehicle_make", "pascal": "VehicleMake", "hungarian": "txtMake",
                     "dotted": "vehicle.make", "plain": "Make"},
    "zone": {"snake": "permit_zone", "pascal": "PermitZone", "hungarian": "txtZone", "dotted": "permit.zone",
             "plain": "Zone"},
    "start_date": {"snake": "start_date", "pascal": "StartDate", "hungarian": "dtStart", "dotted": "permit.start",
                   "plain": "Valid from"},
    "phone": {"snake": "phone", "pascal": "TelephoneNumber", "hungarian": "txtTel", "dotted": "contact.phone",
              "plain": "Telephone"},
    "email": {"snake": "email", "pascal": "EmailAddress", "hungarian": "txtEmail", "dotted": "contact.email",
              "plain": "Email"},
    "declaration_date": {"snake": "declaration_date", "pascal": "DateSigned", "hungarian": "dtDeclared",
                         "dotted": "declaration.date", "plain": "Date"},
    "town": {"snake": "town", "pascal": "Town", "hungarian": "txtTown", "dotted": "property.town", "plain": "Town"},
    "signature": {"snake": "signature", "pascal": "Signature", "hungarian": "txtSignature",
                  "dotted": "declaration.signature", "plain": "Signed"},
    "agree": {"snake": "declaration_agreed", "pascal": "DeclarationAgreed", "hungarian": "chkDeclare",
              "dotted": "declaration.agree", "plain": "I agree"},
}

TITLES = (
    "Residents' parking permit application",
    "Apply for a residents' parking permit",
    "Residents Parking Permit - application form",
    "Parking permit application (residents)",
    "Resident permit application - controlled parking zone",
)
CODES = ("PKG/RP1", "RPP 01", "Form PP/1", "PARK-RES-01")

INTROS: tuple[tuple[str, ...], ...] = (
    ("Use this form to apply for a residents' parking permit for a vehicle kept at your home.",
     "You must live in the zone you apply for."),
    ("Each household may hold up to two residents' permits. Permits are valid for twelve months.",),
    ("Please complete every section in BLOCK CAPITALS. We will check your address against council records.",),
)

SECTION_HEADINGS: dict[str, tuple[str, ...]] = {
    "you": ("About you", "Your details", "Applicant details"),
    "property": ("Your address", "Where you live", "The property"),
    "vehicle": ("Your vehicle", "Vehicle details", "About the vehicle"),
    "permit": ("The permit", "Permit details", "Your permit"),
    "contact": ("Contact details", "How can we contact you?"),
    "declaration": ("Declaration", "Your declaration"),
    "notes": ("Notes", "Guidance notes", "What happens next"),
}

DECLARATIONS = (
    "I declare that I live at the address above and that the vehicle is kept there. I understand that a permit "
    "obtained with false information will be cancelled.",
    "I confirm that the information I have given is correct and complete to the best of my knowledge.",
)

NOTES: tuple[str, ...] = (
    "A permit does not guarantee a parking space.",
    "Permits are virtual: the vehicle's registration is recorded and checked by civil enforcement officers.",
    "Tell us if you change your vehicle or move away, so that we can update or cancel the permit.",
    "If you need this form in another format, such as large print, please contact us.",
)
