"""The dashboard's figures against the database they come from, and the SVG they are drawn as."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from sqlmodel import select

from formwork.db import session_scope
from formwork.models import Submission
from formwork.settings import Review, Settings
from formwork.web import charts, stats
from tests.web.conftest import AS_OF, Council


def test_figures_follow_the_submissions(council: Council) -> None:
    settings = Settings(home=council.settings.home, as_of=AS_OF,
                        review=Review(minutes_per_form={"council_tax_spd": 6.0}))
    with session_scope(settings.database_url) as session:
        subs = session.exec(select(Submission)).all()
        board = stats.dashboard(session, settings)
    straight = [s for s in subs if s.outcome == "approved" and s.decided_by == "pipeline"]
    assert board.decided == len(subs) and board.straight_through == len(straight) > 0
    assert board.hours_saved == pytest.approx(len(straight) * 6.0 / 60)
    assert board.in_queue == sum(s.outcome == "exception" for s in subs)
    assert board.totals["unrecognised"]["quarantined"] == sum(s.outcome == "quarantined" for s in subs)
    spd = board.volumes["council_tax_spd"]["approved straight through"]
    assert len(spd) == 30 and spd[-1] == len(straight)  # all received on the as-of day, the last bar
    assert board.reasons["ACCOUNT_CLOSED"] == 1 and board.median_hours_straight is not None


def test_charts_are_valid_svg_with_escaped_text() -> None:
    svg = charts.stacked_bars("Forms <per> day", ["1 Nov", "2 Nov"], {"a & b": [1, 2], "c": [0, 3]})
    root = ET.fromstring(str(svg))
    ns = "{http://www.w3.org/2000/svg}"
    assert root.tag == f"{ns}svg" and root.get("role") == "img"
    assert root.find(f"{ns}title").text == "Forms <per> day"  # type: ignore[union-attr]
    assert "a & b 1" in root.find(f"{ns}desc").text  # type: ignore[union-attr,operator]
    assert len(root.findall(f"{ns}rect")) == 3 + 2  # three non-zero bars and two legend keys
    bars = charts.horizontal_bars("By reason", [("Closed", 3.0), ("Missing", 1.0)])
    widths = [float(r.get("width", 0)) for r in ET.fromstring(str(bars)).findall(f"{ns}rect")]
    assert widths[0] == pytest.approx(3 * widths[1], rel=1e-3)
