"""What "tell us you are moving" forms say: titles, labels, field names, guidance.

Labels name which address they mean ("Address you are leaving", "New postcode"),
as council forms do when they ask for two addresses.
"""

from __future__ import annotations

LABELS: dict[str, tuple[str, ...]] = {
    "move_type": ("Are you moving in or out?", "Type of move", "Moving in or out", "Are you moving in or out",
                  "Please tell us if you are moving in or out"),
    "account_ref": ("Council Tax account number", "Account reference", "Council tax reference number",
                    "Your CT reference", "Account no."),
    "applicant_name": ("Full name", "Your name", "Applicant name", "Name of applicant", "Your full name"),
    "previous_address": ("Address you are leaving", "Previous address", "Address of the property you are leaving",
                         "Address you are moving from", "Old address", "Property you are moving out of"),
    "previous_postcode": ("Postcode you are leaving", "Previous postcode", "Postcode of the property you are leaving",
                          "Old postcode", "Postcode you are moving from"),
    "new_address": ("New address", "Address you are moving to", "Address of the property you are moving into",
                    "Forwarding address", "Your new address (first line)"),
    "new_postcode": ("New postcode", "Postcode you are moving to", "Postcode of your new address",
                     "Forwarding postcode", "Postcode of the property you are moving into"),
    "move_date": ("Date of move", "Moving date", "Date you moved", "Date you moved in or out",
                  "When did you move?", "Date of your move"),
    "phone": ("Telephone", "Phone number", "Contact number", "Daytime telephone number", "Tel"),
    "email": ("Email", "Email address", "E-mail", "E-mail address"),
    "declaration_date": ("Date", "Date signed", "Declaration date", "Signed on", "Date of declaration"),
}

QUESTIONS: dict[str, tuple[str, ...]] = {
    "move_type": ("Are you moving into or out of the area?", "Are you moving in or out of a property?"),
    "account_ref": ("What is your council tax account number?", "Council tax account reference"),
    "applicant_name": ("What is your name?", "Your full name"),
    "previous_address": ("What is the address you are leaving?", "Which property are you moving out of?"),
    "previous_postcode": ("What is the postcode of the property you are leaving?", "Postcode you are moving from"),
    "new_address": ("What is your new address?", "Which property are you moving into?"),
    "new_postcode": ("What is the postcode of your new address?", "Postcode you are moving to"),
    "move_date": ("When did you move?", "What date did you move?"),
    "phone": ("Phone number", "What is your phone number?"),
    "email": ("Email address", "What is your email address?"),
    "declaration_date": ("Date of declaration", "Date you agreed to the declaration"),
}

#: Bare labels some forms print in both address sections, leaving the section heading to say which.
BARE_LABELS: dict[str, tuple[str, ...]] = {
    "previous_address": ("Address", "First line of address", "Address line 1"),
    "new_address": ("Address", "First line of address", "Address line 1"),
    "previous_postcode": ("Postcode", "Post code"),
    "new_postcode": ("Postcode", "Post code"),
}
#: Headings that say which address a section holds.
BARE_HEADINGS: dict[str, tuple[str, ...]] = {
    "leaving": ("The property you are leaving", "Your old address", "Your previous address"),
    "new": ("Your new address", "The property you are moving into", "Your forwarding address"),
}

#: How an applicant answers the move type question.
MOVE_TYPE_ANSWERS: dict[str, tuple[str, ...]] = {
    "in": ("Moving in", "In", "I am moving in", "Moving into the area", "IN"),
    "out": ("Moving out", "Out", "I am moving out", "Leaving the property", "OUT"),
}

#: Tick-box statements, for forms that ask the move type with a box for each direction.
TICKS: dict[str, tuple[str, ...]] = {
    "in": ("I am moving in", "Moving into a property", "I have moved into the area"),
    "out": ("I am moving out", "Moving out of a property", "I have left the property"),
}

WIDGETS: dict[str, dict[str, str]] = {
    "tick_in": {"snake": "moving_in", "pascal": "MovingIn", "hungarian": "chkMoveIn", "dotted": "move.in",
                "plain": "Moving in"},
    "tick_out": {"snake": "moving_out", "pascal": "MovingOut", "hungarian": "chkMoveOut", "dotted": "move.out",
                 "plain": "Moving out"},
    "move_type": {"snake": "move_type", "pascal": "MoveType", "hungarian": "txtInOut", "dotted": "move.type",
                  "plain": "In or out"},
    "account_ref": {"snake": "account_ref", "pascal": "AccountReference", "hungarian": "txtCTRef",
                    "dotted": "account.reference", "plain": "CT Account No"},
    "applicant_name": {"snake": "applicant_name", "pascal": "ApplicantName", "hungarian": "txtFullName",
                       "dotted": "applicant.name", "plain": "Name"},
    "previous_address": {"snake": "previous_address", "pascal": "PreviousAddress", "hungarian": "txtOldAddress",
                         "dotted": "from.address", "plain": "Previous address"},
    "previous_postcode": {"snake": "previous_postcode", "pascal": "PreviousPostcode", "hungarian": "txtOldPostCode",
                          "dotted": "from.postcode", "plain": "Previous postcode"},
    "new_address": {"snake": "new_address", "pascal": "NewAddress", "hungarian": "txtNewAddress",
                    "dotted": "to.address", "plain": "New address"},
    "new_postcode": {"snake": "new_postcode", "pascal": "NewPostcode", "hungarian": "txtNewPostCode",
                     "dotted": "to.postcode", "plain": "New postcode"},
    "move_date": {"snake": "move_date", "pascal": "MoveDate", "hungarian": "dtMove", "dotted": "move.date",
                  "plain": "Date of move"},
    "phone": {"snake": "phone", "pascal": "TelephoneNumber", "hungarian": "txtTel", "dotted": "contact.phone",
              "plain": "Telephone"},
    "email": {"snake": "email", "pascal": "EmailAddress", "hungarian": "txtEmail", "dotted": "contact.email",
              "plain": "Email"},
    "declaration_date": {"snake": "declaration_date", "pascal": "DateSigned", "hungarian": "dtDeclared",
                         "dotted": "declaration.date", "plain": "Date"},
    "signature": {"snake": "signature", "pascal": "Signature", "hungarian": "txtSignature",
                  "dotted": "declaration.signature", "plain": "Signed"},
    "agree": {"snake": "declaration_agreed", "pascal": "DeclarationAgreed", "hungarian": "chkDeclare",
              "dotted": "declaration.agree", "plain": "I agree"},
}

TITLES = (
    "Council Tax - tell us you are moving",
    "Council Tax: moving home",
    "Tell us you are moving house",
    "Council Tax change of address",
    "Moving in or out of a property - Council Tax",
    "Notification of a move - Council Tax",
)
CODES = ("CTAX/MOV1", "CT 7 (Move)", "Form MOV/01", "REV-CT-MOVE", "CTR 2b")

INTROS: tuple[tuple[str, ...], ...] = (
    ("Use this form to tell us you are moving into, out of or within the district, so that we can bill the "
     "right person from the right date.",),
    ("Please tell us about your move as soon as you know the date. Complete every section in BLOCK CAPITALS.",),
    ("If you are moving home, you need to tell us. We will close or open your council tax account from the date "
     "of your move.", "You will find your account reference at the top of your council tax bill."),
)

SECTION_HEADINGS: dict[str, tuple[str, ...]] = {
    "you": ("About you", "Your details", "Applicant details"),
    "move": ("Your move", "About the move", "Moving details"),
    "leaving": ("The property you are leaving", "Your old address", "Moving out"),
    "new": ("Your new address", "The property you are moving into", "Moving in"),
    "contact": ("Contact details", "How can we contact you?"),
    "declaration": ("Declaration", "Your declaration"),
    "notes": ("Notes", "Guidance notes", "What happens next"),
}

DECLARATIONS = (
    "I declare that the information I have given on this form is correct and complete to the best of my "
    "knowledge. I understand that if I knowingly give false information I may be prosecuted.",
    "By signing this form I confirm that the details above are true and that I will tell the council about any "
    "further change.",
)

NOTES: tuple[str, ...] = (
    "We will write to you to confirm the change and send you a new or final bill.",
    "If you are moving out, please give us a forwarding address so that we can send your final bill.",
    "Landlords and letting agents should use the landlord notification form instead of this one.",
    "If you need this form in another format, such as large print, please contact us.",
    "How we use your information: the council is the data controller for the information on this form. "
    "We use it to administer council tax and will keep it for six years.",
)
