"""extractors/labels.py with the council_tax_spd fields: realistic label wordings → the right field."""

from __future__ import annotations

import pytest

from extractors.council_tax_spd import SPEC, extractor
from extractors.labels import MAX_LABEL_WORDS, LabelClassifier, normalise_label, normalise_widget_name

CLASSIFIER = extractor._classifier


def field_of(label: str) -> str | None:
    m = CLASSIFIER.classify(label)
    return m.field if m else None


# Label wordings seen on (or modelled on) real council SPD forms, most NOT literally in the patterns.
WORDINGS: dict[str, list[str]] = {
    "account_ref": [
        "Council Tax account number", "Your Council Tax account no.", "Account number", "Account No:",
        "Council tax reference", "Your Council Tax reference", "CT Ref", "Council Tax a/c no.", "CT account no",
        "Account reference", "Account ref.", "Acct no.", "Council Tax reference number (8 digits)",
        "Council Tax account number (if known)", "Your account number (shown on your bill)",
        "Reference number on your bill",
    ],
    "applicant_name": [
        "Name", "Full name", "Your name", "Your full name", "Your full name*", "Name of applicant",
        "Applicant name", "Applicant's name", "Applicant’s full name", "Applicant", "Name of account holder",
        "Name of bill payer", "Customer name", "Full name (please print)", "Name (block capitals)",
        "Name of applicant (block capitals)", "Claimant's name",
    ],
    "address": [
        "Address", "Your address", "Property address", "Address of the property", "Address of property",
        "First line of address", "House number and street", "Address line 1", "Street address",
        "Property address (first line)", "Your address (first line)",
    ],
    "postcode": ["Post Code", "Postcode", "Post code of the property", "Postal code", "Your postcode",
                 "Postcode of property"],
    "sole_adult_since": [
        "Date you became the only adult living here", "Date you became the sole adult",
        "Date you became the only adult (18 or over) living at the property",
        "Date you became the only adult living here (dd/mm/yyyy)", "Date the other adult left",
        "Date the other adult moved out", "Date the other person left", "Date they moved out", "Date of change",
        "Date of change (dd/mm/yyyy)", "Since when have you lived alone?", "When did you start living alone?",
        "Date you started living alone", "Date from which you have lived alone",
        "From what date have you been the only adult?", "Date from which you are the only adult",
        "When did you become the only adult?", "Start date of discount", "Date discount to start from",
    ],
    "other_adult_name": [
        "Name of the other adult", "Name of other adult", "Name of person who has left",
        "Name of the person who has left", "Name of the person who moved out",
        "Full name of the person who moved out", "Name of the other adult who has left",
        "Previous occupant's name", "Former occupant's name", "Partner's name", "Your partner's name",
        "Spouse's name",
    ],
    "other_adult_forwarding_address": [
        "Forwarding address", "Their forwarding address", "Their new address", "Their new address (if known)",
        "New address of the other adult", "Where have they moved to?", "Address they moved to",
        "Other adult's forwarding address", "Other adult's new address", "Previous occupant's forwarding address",
    ],
    "change_description": [
        "Tell us what has changed", "Tell us what changed", "Please tell us what has changed", "What has changed?",
        "Details of the change", "Details of your change in circumstances", "Describe your circumstances",
        "Reason for application", "Reason for your claim", "Why are you applying?", "Tell us what happened",
        "Please describe what happened", "Further information", "Additional information",
    ],
    "phone": ["Telephone number", "Telephone", "Telephone no.", "Phone", "Phone number", "Tel", "Mobile",
              "Mobile number", "Contact number", "Contact telephone number", "Daytime telephone number",
              "Daytime phone number"],
    "email": ["E-mail", "Email", "Email address", "E-mail address", "Your email", "Your email address",
              "Your e-mail address", "Email address (optional)", "Email (optional)", "Contact email"],
    "declaration_date": [
        "Date signed", "Date signed (dd/mm/yyyy)", "Date", "Dated", "Date (dd/mm/yyyy)", "Today's date",
        "Signature date", "Signed date", "Signed on", "Date of declaration", "Declaration date",
        "Date of signature", "Date of signing", "Date you signed this form",
    ],
}

CASES = [(label, field) for field, labels in WORDINGS.items() for label in labels]


def test_wordings_cover_every_spd_field() -> None:
    assert set(WORDINGS) == {f.name for f in SPEC.fields}


@pytest.mark.parametrize(("label", "field"), CASES, ids=[f"{f}:{lbl}" for lbl, f in CASES])
def test_realistic_label_wording_gives_the_right_field(label: str, field: str) -> None:
    assert field_of(label) == field


# Wordings the classifier once got wrong (each is a realistic label on a council form); the id says how.
MISREAD = [
    pytest.param("Other adult's name", "other_adult_name", id="other adult's name -> None"),
    pytest.param("Other adult's full name", "other_adult_name", id="other adult's full name -> None"),
    pytest.param("Account holder's name", "applicant_name", id="account holder's name -> account_ref"),
    pytest.param("What date did the other adult leave?", "sole_adult_since",
                 id="what date did the other adult leave -> declaration_date"),
    pytest.param("When did the other adult move out?", "sole_adult_since",
                 id="when did the other adult move out -> None"),
    pytest.param("Date other adult moved out", "sole_adult_since", id="date other adult moved out -> None"),
    pytest.param("House name/number and street", "address", id="house name/number and street -> None"),
]


@pytest.mark.parametrize(("label", "field"), MISREAD)
def test_once_misread_wording_gives_the_right_field(label: str, field: str) -> None:
    assert field_of(label) == field


# Labels that must NOT be read as the given field.
NOT_THIS_FIELD = [
    ("Email address", "address"),
    ("Your email address", "address"),
    ("Web address", "address"),
    ("Name of the other adult", "applicant_name"),
    ("Other adult's name", "applicant_name"),
    ("Name of person who has left", "applicant_name"),
    ("Partner's name", "applicant_name"),
    ("Bank account number", "account_ref"),
    ("Sort code", "account_ref"),
    ("Payment reference", "account_ref"),
    ("Online reference", "account_ref"),
    ("Case reference", "account_ref"),
    ("Application reference", "account_ref"),
    ("Forwarding address", "address"),
    ("Their new address", "address"),
    ("Previous address", "address"),
    ("Their new postcode", "postcode"),
    ("Date of birth", "declaration_date"),
    ("Date of birth", "sole_adult_since"),
    ("Date the other adult left", "declaration_date"),
    ("Date you became the only adult living here", "declaration_date"),
    ("Date signed", "sole_adult_since"),
    ("Signature", "applicant_name"),
    ("Your signature", "applicant_name"),
    ("Name of landlord", "applicant_name"),
    ("Name of your landlord or agent", "applicant_name"),
]


@pytest.mark.parametrize(("label", "wrong"), NOT_THIS_FIELD, ids=[f"{lbl}!={w}" for lbl, w in NOT_THIS_FIELD])
def test_label_is_not_read_as_the_wrong_field(label: str, wrong: str) -> None:
    assert field_of(label) != wrong



MISREAD_AS = [
    pytest.param("Landlord's name", "applicant_name", id="landlord's name -> applicant_name"),
    pytest.param("Agent's name", "applicant_name", id="agent's name -> applicant_name"),
    pytest.param("Landlord's address", "address", id="landlord's address -> address"),
    pytest.param("Name of person leaving", "applicant_name", id="name of person leaving -> applicant_name"),
    pytest.param("Address of the person leaving", "address", id="address of the person leaving -> address"),
    pytest.param("Forwarding postcode", "postcode", id="forwarding postcode -> postcode"),
    pytest.param("Date occupancy changed", "declaration_date", id="date occupancy changed -> declaration_date"),
    pytest.param("Number of adults living at the property", "address",
                 id="number of adults living at the property -> address"),
    pytest.param("Property reference", "address", id="property reference -> address"),
    pytest.param("Building society account number", "account_ref",
                 id="building society account number -> account_ref"),
    pytest.param("Direct debit account number", "account_ref", id="direct debit account number -> account_ref"),
    pytest.param("Name of bank", "applicant_name", id="name of bank -> applicant_name"),
]


@pytest.mark.parametrize(("label", "wrong"), MISREAD_AS)
def test_once_misread_label_is_not_the_wrong_field(label: str, wrong: str) -> None:
    assert field_of(label) != wrong


@pytest.mark.parametrize("label", ["Signature", "Date of birth", "Surname", "Town", "Title", "Sort code",
                                   "Bank account number", "IP address", "Web address", "Reference", ""])
def test_labels_that_are_no_spd_field(label: str) -> None:
    assert CLASSIFIER.classify(label) is None


def test_classifier_built_from_spec_fields_agrees_with_the_extractors() -> None:
    own = LabelClassifier(SPEC.fields)
    for label, _field in CASES:
        assert own.classify(label) == CLASSIFIER.classify(label)


def test_exact_idea_scores_higher_than_an_idea_inside_a_longer_label() -> None:
    exact = CLASSIFIER.classify("Postcode")
    padded = CLASSIFIER.classify("Your postcode")
    assert exact is not None and padded is not None
    assert exact.score == 1.0
    assert 0.5 < padded.score < exact.score


def test_long_text_is_not_a_label() -> None:
    words = "Please tell us the name of the person who has left and the date they moved out of the property"
    assert len(normalise_label(words).split()) > MAX_LABEL_WORDS
    assert CLASSIFIER.classify(words) is None


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("Date (dd/mm/yyyy)*", "date"),
        ("Applicant’s Name (optional)", "applicant name"),
        ("E-mail", "e mail"),
        ("Post Code (block capitals)", "post code"),
        ("Council Tax a/c no.", "council tax a c no"),
    ],
)
def test_normalise_label(text: str, normal: str) -> None:
    assert normalise_label(text) == normal


# --------------------------------------------------------------------------- AcroForm field names


@pytest.mark.parametrize(
    ("widget", "field"),
    [
        ("txtCTRef", "account_ref"),
        ("AccountNo", "account_ref"),
        ("form1[0].page1[0].Postcode[0]", "postcode"),
        ("FullName", "applicant_name"),
        ("Address1", "address"),
        ("SoleAdultSince", "sole_adult_since"),
        ("OtherAdultName", "other_adult_name"),
        ("ForwardingAddress", "other_adult_forwarding_address"),
        ("ChangeDescription", "change_description"),
        ("fldPhone", "phone"),
        ("txtEmail", "email"),
        ("DeclDate", "declaration_date"),
        ("DateSigned", "declaration_date"),
    ],
)
def test_widget_names(widget: str, field: str) -> None:
    m = CLASSIFIER.classify_widget(widget)
    assert m is not None and m.field == field


@pytest.mark.parametrize("widget", ["Text1", "Text12", "undefined_2", "Field 3", "Untitled"])
def test_meaningless_widget_names(widget: str) -> None:
    assert CLASSIFIER.classify_widget(widget) is None


@pytest.mark.parametrize(("name", "normal"), [("txtCTRef", "ct ref"), ("Text12", "text 12"),
                                              ("form1[0].page1[0].AccountRef[0]", "account ref")])
def test_normalise_widget_name(name: str, normal: str) -> None:
    assert normalise_widget_name(name) == normal


def test_hierarchical_widget_name_keeps_its_group() -> None:
    assert normalise_widget_name("applicant.name") == "applicant name"
    m = CLASSIFIER.classify_widget("otherAdult.name")
    assert m is not None and m.field == "other_adult_name"


def test_exclude_that_is_a_whole_word_rules_the_field_out() -> None:
    from extractors.spec import FieldSpec

    clf = LabelClassifier([FieldSpec("postcode", "postcode", labels=(r"post ?code",), exclude=(r"their",))])
    assert clf.classify("Their postcode") is None
    assert clf.classify("Postcode") is not None


def test_exclude_that_is_a_stem_rules_out_words_starting_with_it() -> None:
    from extractors.spec import FieldSpec

    clf = LabelClassifier([FieldSpec("postcode", "postcode", labels=(r"post ?code",), exclude=(r"forward",))])
    assert clf.classify("Forwarding postcode") is None
