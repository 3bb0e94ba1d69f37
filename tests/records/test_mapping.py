"""A council's own sheet and column names, from a mapping file, the settings or a dict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from formwork import settings
from formwork.models import CouncilTaxAccount, Property
from formwork.records import Mapping, RecordsError, load_mapping, load_workbook
from tests.records.workbooks import MakeWorkbook, Sheets, table_rows

MAPPING_TOML = """
[properties]
sheet = "LLPG Extract"
[properties.columns]
uprn = "UPRN"
address_line_1 = "Address 1"
postcode = "Post Code"

[council_tax_accounts]
sheet = "CTAX"
[council_tax_accounts.columns]
account_ref = "Account Number"
"""


def council_layout(sheets: Sheets) -> Sheets:
    """The default sheets renamed as the council in MAPPING_TOML has them."""
    props, accounts = sheets.pop("properties"), sheets.pop("council_tax_accounts")
    props[0][0:2] = ["UPRN", "Address 1"]
    props[0][4] = "Post Code"
    accounts[0][0] = "Account Number"
    return {"LLPG Extract": props, "CTAX": accounts, **sheets}


def test_mapping_file_toml(make_workbook: MakeWorkbook, sheets: Sheets, url: str, tmp_path: Path) -> None:
    (tmp_path / "mapping.toml").write_text(MAPPING_TOML)
    mapping = load_mapping(tmp_path / "mapping.toml")
    report = load_workbook(make_workbook(council_layout(sheets)), url=url, mapping=mapping)
    assert report.counts["properties"]["inserted"] == 3
    assert report.counts["council_tax_accounts"]["inserted"] == 3
    assert {p["postcode"] for p in table_rows(url, Property)} == {"NR1 3QU"}


def test_mapping_file_json_and_errors_use_the_councils_names(make_workbook: MakeWorkbook, sheets: Sheets,
                                                             url: str, tmp_path: Path) -> None:
    import tomllib

    (tmp_path / "mapping.json").write_text(json.dumps(tomllib.loads(MAPPING_TOML)))
    sheets["properties"][2][4] = "XX"
    with pytest.raises(RecordsError, match=r"^LLPG Extract row 3, column Post Code: 'XX' is not a UK postcode"):
        load_workbook(make_workbook(council_layout(sheets)), url=url, mapping=load_mapping(tmp_path / "mapping.json"))


def test_mapping_from_settings(make_workbook: MakeWorkbook, sheets: Sheets, url: str) -> None:
    import tomllib

    settings.configure(records_mapping=tomllib.loads(MAPPING_TOML))
    report = load_workbook(make_workbook(council_layout(sheets)), url=url)
    assert report.counts["council_tax_accounts"]["inserted"] == 3
    assert len(table_rows(url, CouncilTaxAccount)) == 3


def test_mapping_as_a_dict_with_sheet_shorthand(make_workbook: MakeWorkbook, sheets: Sheets, url: str) -> None:
    sheets["Electors"] = sheets.pop("electoral_register")
    report = load_workbook(make_workbook(sheets), url=url, mapping={"electoral_register": "electors"})
    assert report.counts["electoral_register"]["inserted"] == 2  # sheet names match ignoring case too


def test_missing_mapped_column_names_both(make_workbook: MakeWorkbook, sheets: Sheets, url: str) -> None:
    mapping = Mapping.from_dict({"properties": {"columns": {"postcode": "PC"}}})
    with pytest.raises(RecordsError, match=r"^properties, column PC: required column not found in row 1 "
                                           r"\(mapped from postcode\)"):
        load_workbook(make_workbook(sheets), url=url, mapping=mapping)


def test_missing_mapped_sheet(make_workbook: MakeWorkbook, sheets: Sheets, url: str) -> None:
    with pytest.raises(RecordsError, match=r"^LLPG: no such sheet in the workbook \(mapped from properties\)"):
        load_workbook(make_workbook(sheets), url=url, mapping={"properties": {"sheet": "LLPG"}})


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('[propertys]\nsheet = "x"\n', "unknown sheet 'propertys'"),
        ('[properties.columns]\nupn = "UPRN"\n', "unknown column 'upn'"),
        ('[properties]\nsheets = "x"\n', "unknown key(s) sheets"),
        ("[properties\n", "does not parse"),
    ],
)
def test_bad_mapping_files(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "m.toml"
    path.write_text(text)
    with pytest.raises(RecordsError) as err:
        load_mapping(path)
    assert message in str(err.value)
    assert "\n" not in str(err.value)


def test_settings_file_doubles_as_a_mapping_file(tmp_path: Path) -> None:
    path = tmp_path / "formwork.toml"
    path.write_text('[records_mapping.properties]\nsheet = "LLPG Extract"\n')
    assert load_mapping(path).sheet_name("properties") == "LLPG Extract"


def test_missing_mapping_file(tmp_path: Path) -> None:
    with pytest.raises(RecordsError, match="cannot read mapping file"):
        load_mapping(tmp_path / "absent.toml")


def test_the_mapping_examples_in_the_docs_are_valid(tmp_path: Path) -> None:
    import re

    docs = (Path(__file__).resolve().parents[2] / "docs" / "records.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(toml|json)\n(.*?)```", docs, flags=re.S)
    assert len(blocks) == 3
    for i, (kind, text) in enumerate(blocks):
        path = tmp_path / f"example{i}.{kind}"
        path.write_text(text)
        mapping = load_mapping(path)
        assert mapping.sheet_name("properties") == "LLPG Extract"
    first = load_mapping(tmp_path / "example0.toml")
    assert first.sheet_name("electoral_register") == "Register"
    assert first.column_name("council_tax_accounts", "account_ref") == "Account Number"
