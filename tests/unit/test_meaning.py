"""What a label means (extractors/meaning.py) and the whole-form assignment (extractors/assign.py).

The wordings here are not in any form type's label patterns: they are the kind a council nobody here
has seen prints, and the idea-and-role reading must place them (or leave them alone).
"""

from __future__ import annotations

import pytest

from extractors import council_tax_spd
from extractors.assign import solve
from extractors.meaning import fold, ideas_in, label_scores, main_roles, roles_in
from extractors.registry import Registered as _Registered
from extractors.registry import Registry, _builtin_specs

REGISTRY = Registry([_Registered(council_tax_spd.extractor, "builtin"), *_builtin_specs()])


def _best(form_type: str, label: str, section: str = "") -> str | None:
    spec = REGISTRY.for_form_type(form_type).spec  # type: ignore[attr-defined]
    scores = label_scores(label, section, spec.fields)
    return max(scores, key=lambda k: scores[k]) if scores else None


@pytest.mark.parametrize(("form_type", "label", "section", "field"), [
    ("council_tax_spd", "When did you become the only adult?", "", "sole_adult_since"),
    ("council_tax_spd", "Date you began living alone", "", "sole_adult_since"),
    ("parking_permit", "10 Dyddiad dechrau'r drwydded", "", "start_date"),
    ("council_tax_spd", "Full name of former joint occupier", "", "other_adult_name"),
    ("council_tax_spd", "Who else used to live there?", "", "other_adult_name"),
    ("council_tax_spd", "Full name of the previous adult occupier", "", "other_adult_name"),
    ("council_tax_move", "Council Tax account number (if moving out) Rhif cyfrif Treth y Cyngor (os ydych yn symud "
                         "allan)", "", "account_ref"),  # "Treth y Cyngor" is council tax, not the council
    ("council_tax_spd", "Where they now live", "", "other_adult_forwarding_address"),
    ("council_tax_spd", "Billing account reference", "", "account_ref"),
    ("council_tax_spd", "House number and street", "About the property", "address"),
    ("council_tax_spd", "Name of council taxpayer", "", "applicant_name"),
    ("council_tax_spd", "Enw'r oedolyn a symudodd allan / Name of the adult who moved out", "", "other_adult_name"),
    ("council_tax_spd", "Cod post / Postcode", "", "postcode"),
    ("council_tax_spd", "Briefly tell us what has changed", "", "change_description"),
    ("council_tax_spd", "Date", "Declaration", "declaration_date"),
    ("council_tax_move", "Date of change of occupancy", "", "move_date"),
    ("council_tax_move", "Postcode", "Address you are leaving", "previous_postcode"),
    ("council_tax_move", "Postcode", "4 New address", "new_postcode"),
    ("council_tax_move", "Address line 1", "Your new home", "new_address"),
    ("council_tax_move", "Address", "Your new address (if you are leaving: where we should send your final bill)",
     "new_address"),
    ("council_tax_move", "Is this a move in or a move out?", "", "move_type"),
    ("council_tax_move", "Declaration signed on", "", "declaration_date"),
    ("parking_permit", "Number plate", "", "vrm"),
    ("parking_permit", "Vehicle manufacturer", "", "vehicle_make"),
    ("parking_permit", "Start permit from", "", "start_date"),
    ("parking_permit", "Which zone is your street in?", "", "zone"),
    ("parking_permit", "Address in the permit zone", "", "address"),
    ("council_tax_spd", "When did you become the only adult living at the address?", "", "sole_adult_since"),
    ("council_tax_move", "Date you are moving out (or moved out)", "", "move_date"),
    ("council_tax_move", "Effective date", "", "move_date"),
    ("parking_permit", "Effective date", "", "start_date"),
    ("parking_permit", "Permit from", "", "start_date"),
    ("council_tax_move", "Where did you live before?", "", "previous_address"),
    ("council_tax_move", "Where are you moving to?", "", "new_address"),
    ("council_tax_spd", "Declaration agreed", "", "declaration_date"),
    ("council_tax_spd", "Where did they move to? (address)", "", "other_adult_forwarding_address"),
    ("council_tax_spd", "Name of the person who pays the council tax", "", "applicant_name"),
    ("council_tax_spd", "Address (number/name and street)", "", "address"),
    ("council_tax_move", "No. & street", "Address you are leaving", "previous_address"),
])
def test_unlisted_wordings_mean_their_field(form_type: str, label: str, section: str, field: str) -> None:
    assert _best(form_type, label, section) == field


@pytest.mark.parametrize(("form_type", "label"), [
    ("council_tax_spd", "Date of birth"),
    ("council_tax_spd", "Number of bedrooms"),
    ("council_tax_move", "Owner or tenant?"),
    ("parking_permit", "Colour"),
    ("council_tax_move", "How did you hear about us?"),
    ("council_tax_move", "Address line 2"),
    ("council_tax_move", "Town"),
    ("council_tax_move", "Name of landlord or agent"),
])
def test_questions_that_are_no_field_mean_none(form_type: str, label: str) -> None:
    assert _best(form_type, label) is None


@pytest.mark.parametrize(("form_type", "label", "field"), [
    ("council_tax_move", "How many adults will be living at the new address?", "new_address"),  # a number
    ("council_tax_spd", "Property address 2", "address"),  # the address's second line
    ("council_tax_spd", "When did you become the only adult living at the address?", "address"),  # a date
])
def test_a_label_that_names_a_field_but_asks_for_something_else_is_a_weak_reading(form_type: str, label: str,
                                                                                 field: str) -> None:
    spec = REGISTRY.for_form_type(form_type).spec  # type: ignore[attr-defined]
    assert label_scores(label, "", spec.fields).get(field, 0.0) < 0.35


def test_a_bare_postcode_with_no_telling_heading_is_not_given_a_role() -> None:
    assert _best("council_tax_move", "Postcode", "Your details") is None


def test_a_heading_that_names_the_council_does_not_stand_against_the_role_it_is_given() -> None:
    # A page's running head taken for its part's heading, with the role its address gave its postcode.
    spec = REGISTRY.for_form_type("council_tax_move").spec  # type: ignore[attr-defined]
    plain = label_scores("Postcode", "new Moving home", spec.fields)["new_postcode"]
    assert label_scores("Postcode", "new Penhallow District Council", spec.fields)["new_postcode"] == plain


def test_a_blank_after_since_is_a_date_and_an_asides_address_counts_half() -> None:
    spd = REGISTRY.for_form_type("council_tax_spd").spec  # type: ignore[attr-defined]
    move = REGISTRY.for_form_type("council_tax_move").spec  # type: ignore[attr-defined]
    since = label_scores("declare that I have been the only adult (aged 18 or over) living at this address since",
                         "", spd.fields)
    assert since.get("sole_adult_since", 0) >= 0.8 > since.get("declaration_date", 0)
    new = label_scores("New address (or forwarding address if leaving)", "", move.fields)
    assert new.get("new_address", 0) >= new.get("previous_address", 0) + 0.2


def test_a_label_and_its_heading_naming_the_same_person_add_up() -> None:
    spd = REGISTRY.for_form_type("council_tax_spd").spec  # type: ignore[attr-defined]
    their = label_scores("(a) Their name", "Has another adult moved out of the property?", spd.fields)
    assert their["other_adult_name"] >= their.get("applicant_name", 0) + 0.3


def test_a_house_name_or_number_is_part_of_an_address_not_a_persons_name() -> None:
    assert _best("council_tax_spd", "House No./Name") == "address"
    assert _best("council_tax_spd", "Building name/number") == "address"
    assert _best("parking_permit", "Street name") == "address"


def test_a_condition_on_who_answers_is_no_role_of_the_answer() -> None:
    label = "Address (for people leaving the borough, your forwarding address)"
    assert _best("council_tax_move", label, "PART 3 The address you are moving to") == "new_address"
    assert "previous" not in main_roles(label)
    assert "previous" not in main_roles("D1 Address If moving out, your forwarding address")  # no "you" in it
    # ... but a condition that names whose the answer is keeps its role
    assert _best("council_tax_spd", "If another adult has moved out, what is their name?") == "other_adult_name"


def test_a_move_named_both_ways_says_no_ones_address() -> None:
    # a form headed "Moving in or out" over two "Its postcode" questions, each after its own address
    assert "new" not in main_roles("COUNCIL TAX: MOVING IN OR OUT")
    assert not {"new", "previous"} & set(main_roles("Are you moving into or out of the borough?"))
    move = REGISTRY.for_form_type("council_tax_move").spec  # type: ignore[attr-defined]
    leaving = label_scores("Its postcode", "previous MOVING IN OR OUT", move.fields)
    assert leaving["previous_postcode"] > leaving.get("new_postcode", 0)
    assert main_roles("Moving out")["previous"] and main_roles("Moving in")["new"]  # one way still says whose


def test_what_a_declaration_declares_is_not_whose_the_date_under_it_is() -> None:
    spd = REGISTRY.for_form_type("council_tax_spd").spec  # type: ignore[attr-defined]
    declaration = ("Rwy'n datgan bod y wybodaeth uchod yn gywir. I declare that the information above is correct "
                   "and that I am the only adult living at the property.")
    scores = label_scores("Dyddiad Date", declaration, spd.fields)
    assert scores["declaration_date"] >= scores.get("sole_adult_since", 0.0) + 0.3


def test_fold_and_roles() -> None:
    assert fold("E-mail / E-bost:") == " email ebost "
    assert fold("Dyddiad dechrau'r drwydded") == " dyddiad dechrau r drwydded "  # Welsh "'r", "the"
    assert roles_in("Address of the property you are leaving")["previous"] == 1.0
    assert "forwarding" in roles_in("Their forwarding address") and "new" in roles_in("Their forwarding address")


def test_solve_maximises_the_total_not_each_row_greedily() -> None:
    # Row 0 alone would take column 0 (0.9), leaving row 1 only 0.1; together 0.8 + 0.85 is more.
    assert solve([[0.9, 0.8], [0.85, 0.1]]) == [1, 0]
    assert solve([[0.5], [0.9], [0.1]]) == [-1, 0, -1]
    assert solve([]) == []


def test_an_address_asked_line_by_line_under_a_heading_that_says_whose() -> None:
    assert _best("council_tax_move", "Line 1", "Hen gyfeiriad / Old address") == "previous_address"
    assert _best("council_tax_move", "Llinell 1", "Cyfeiriad newydd / New address") == "new_address"


def test_a_note_that_runs_on_in_sentences_is_no_answer_to_which_way_the_move_is() -> None:
    from extractors.assign import assign
    from extractors.contract import Extraction
    from extractors.document import Box
    from extractors.labels import LabelClassifier
    from extractors.pairs import Pair

    spec = REGISTRY.for_form_type("council_tax_move").spec  # type: ignore[attr-defined]
    note = ("out of, a property in the borough. If you are moving within the borough please fill in one form for "
            "each property.")
    pairs = [Pair(1, "About your move", Box(1, 90, 182, 160, 190), note, Box(1, 404, 185, 533, 210), 0.85,
                  "beside")]
    out = Extraction("council_tax_move", "x", "1")
    assign(pairs, spec.fields, LabelClassifier(spec.fields), out)
    move = out.fields.get("move_type")
    assert move is None or move.confidence < 0.8, move
    # ... where a statement that says it is read surely
    pairs = [Pair(1, "About your move", Box(1, 90, 182, 160, 190), "I am moving out of the borough",
                  Box(1, 404, 185, 533, 195), 0.85, "beside")]
    out = Extraction("council_tax_move", "x", "1")
    assign(pairs, spec.fields, LabelClassifier(spec.fields), out)
    assert out.fields["move_type"].value == "out" and out.fields["move_type"].confidence >= 0.8


def test_the_wording_models_word_for_a_field_of_no_role_gives_way_to_a_label_that_says_whose() -> None:
    """The wording model says "address" for "Where did they move to? (address)"; the applicant's address has no
    role of its own, but the label says the answer is someone else's new address."""
    spec = REGISTRY.for_form_type("council_tax_spd").spec  # type: ignore[attr-defined]
    scores = label_scores("Where did they move to? (address)", "", spec.fields, {"address": 0.9})
    assert scores["other_adult_forwarding_address"] > 0.9 > scores.get("address", 0.0) + 0.3


@pytest.mark.parametrize(("label", "idea", "role"), [
    ("PROP ADDR LN1", "address", None), ("NON-RES FWD ADDR", "address", "forwarding"),
    ("SOLE OCC FROM", "date", "sole"), ("DECL DATE", "date", "declaration"), ("MOVE EFF DATE", "date", "move"),
    ("PREV ADDR", "address", "previous"), ("CONTACT TEL", "phone", None), ("NON-RES ADULT NAME", "name", "other"),
    ("vacating adult nm", "name", "other"), ("Adult vacated - name", "name", "other"),
    ("Adult moved out - name", "name", "other"), ("Movement", "move_type", None),
])
def test_a_back_office_systems_abbreviated_labels_are_read_spelled_out(label: str, idea: str, role: str | None) -> None:
    assert max(ideas_in(label).items(), key=lambda kv: kv[1])[0] == idea
    if role is not None:
        assert roles_in(label).get(role, 0.0) >= 0.9


@pytest.mark.parametrize(("answer", "blank"), [
    ("I don't know yet", True), ("I don't know", True), ("Not known at present", True), ("TBC", True),
    ("Unknown", True), ("I don't know why my discount was taken off", False), ("12 Mill Lane", False)])
def test_an_answer_saying_the_citizen_does_not_know_is_no_answer(answer: str, blank: bool) -> None:
    from extractors.assign import is_blank

    assert is_blank(answer) is blank


def test_an_address_of_two_lines_with_its_postcode_at_the_end_of_the_second() -> None:
    # "Where did you live before? (previous address and postcode)" answered "27 Commercial Street" over "Hebden
    # Bridge HX7 8AJ": the postcode is the previous address's, whatever else shares its line
    from extractors.assign import assign
    from extractors.contract import Extraction
    from extractors.document import Box
    from extractors.labels import LabelClassifier
    from extractors.pairs import Pair

    spec = REGISTRY.for_form_type("council_tax_move").spec  # type: ignore[attr-defined]
    pairs = [Pair(1, "Where did you live before? (previous address and postcode)", Box(1, 40, 300, 250, 320),
                  "27 Commercial Street\nHebden Bridge HX7 8AJ", Box(1, 300, 300, 550, 325), 0.92, "table",
                  lines=["27 Commercial Street", "Hebden Bridge HX7 8AJ"])]
    out = Extraction("council_tax_move", "x", "1")
    assign(pairs, spec.fields, LabelClassifier(spec.fields), out)
    assert out.fields["previous_postcode"].value == "HX7 8AJ"
    assert out.fields["previous_address"].value == "27 Commercial Street"


def test_a_sentence_of_guidance_under_an_address_question_is_no_address() -> None:
    # "Address you are leaving" over its note, "If you are leaving a property in the borough we will close the
    # account from your move date": "close" is a street's word, but a sentence is no address
    from extractors.assign import assign
    from extractors.contract import Extraction
    from extractors.document import Box
    from extractors.labels import LabelClassifier
    from extractors.pairs import Pair

    spec = REGISTRY.for_form_type("council_tax_move").spec  # type: ignore[attr-defined]
    note = "If you are leaving a property in Ashcombe Moor we will close the account from your move date."
    pairs = [Pair(1, "Address you are leaving", Box(1, 40, 300, 250, 310), note, Box(1, 40, 312, 550, 322), 0.61,
                  "below", lines=[note])]
    out = Extraction("council_tax_move", "x", "1")
    assign(pairs, spec.fields, LabelClassifier(spec.fields), out)
    assert "previous_address" not in out.fields, out.fields.get("previous_address")


@pytest.mark.parametrize("label", ["Guidance notes", "Notes for guidance"])
def test_guidance_notes_over_a_forms_notes_ask_for_no_field(label: str) -> None:
    # "Case notes" over what the caller said is the change's description; "Guidance notes" over the council's own
    # notes is no field at all
    spec = REGISTRY.for_form_type("council_tax_spd").spec  # type: ignore[attr-defined]
    assert label_scores(label, "", spec.fields).get("change_description", 0.0) < 0.3
    assert label_scores("Case notes", "", spec.fields).get("change_description", 0.0) >= 0.5
    # (a case system's bare "NOTES" are its staff's, no citizen's account of the change)
    assert label_scores("NOTES", "", spec.fields).get("change_description", 0.0) < 0.3
