"""What a scheduled run did, in words: its run name and the Markdown of its Prefect artifact.

Plain functions of plain data (the flows in ``flows/`` publish what they
return), so they are tested without Prefect. Nothing here names a person: runs
are described by counts, form types, reason codes and submission ids only.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from formwork.reasons import describe

if TYPE_CHECKING:
    from formwork.pipeline import Decided

OUTCOMES = ("approved", "exception", "quarantined")


@dataclass
class RunSummary:
    """What one run of the pipeline did: files taken in, submissions decided, by form type and outcome."""

    files: int = 0
    new: int = 0
    already_known: int = 0
    processed: int = 0
    seconds: float = 0.0
    counts: Counter[tuple[str, str]] = field(default_factory=Counter)  # (form_type, outcome)
    reasons: Counter[str] = field(default_factory=Counter)

    def add(self, d: Decided) -> None:
        self.processed += 1
        self.counts[(d.form_type or "-", d.outcome.value)] += 1
        self.reasons.update(d.reasons)

    @property
    def rate(self) -> float:
        return self.processed / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "files": self.files, "new": self.new, "already_known": self.already_known,
            "processed": self.processed, "seconds": round(self.seconds, 2), "forms_per_second": round(self.rate, 2),
            "counts": [{"form_type": ft, "outcome": oc, "count": n} for (ft, oc), n in sorted(self.counts.items())],
            "top_reasons": self.reasons.most_common(10),
        }


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def _outcome_totals(counts: Iterable[dict[str, Any]]) -> dict[str, int]:
    totals = dict.fromkeys(OUTCOMES, 0)
    for row in counts:
        totals[row["outcome"]] = totals.get(row["outcome"], 0) + int(row["count"])
    return totals


def inbox_run_name(summary: dict[str, Any]) -> str:
    """``"5 new: 3 approved, 1 exception, 1 quarantined"``; ``"no new files (40 already received)"``;
    ``"inbox empty"``."""
    totals = _outcome_totals(summary["counts"])
    done = [_plural(totals["approved"], "approved", "approved"), _plural(totals["exception"], "exception"),
            _plural(totals["quarantined"], "quarantined", "quarantined")]
    shown = [text for text, n in zip(done, totals.values(), strict=True) if n]
    if summary["processed"] == 0:
        if summary["files"] == 0:
            return "inbox empty"
        if summary["new"] == 0:
            return f"no new files ({summary['already_known']} already received)"
        return f"{summary['new']} new, none decided"
    head = f"{summary['new']} new" if summary["processed"] == summary["new"] else \
        f"{summary['new']} new, {summary['processed']} decided"
    return f"{head}: {', '.join(shown)}"


def _table(header: Sequence[str], rows: Iterable[Sequence[Any]], right_from: int = 1) -> list[str]:
    align = ["---" if i < right_from else "---:" for i in range(len(header))]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return lines


def _cell(value: Any) -> str:
    return str(value).replace("|", "\\|").replace("\n", " ")


def inbox_markdown(summary: dict[str, Any], inbox: str, review_url: str) -> str:
    """The process-inbox artifact: counts by form type and outcome, the top reasons, the review queue."""
    by_type: dict[str, dict[str, int]] = {}
    for row in summary["counts"]:
        by_type.setdefault(row["form_type"], {})[row["outcome"]] = int(row["count"])
    totals = _outcome_totals(summary["counts"])
    lines = [
        f"# Inbox run: {inbox_run_name(summary)}",
        "",
        f"Folder `{inbox}`: {_plural(summary['files'], 'file')}, {summary['new']} new, "
        f"{summary['already_known']} already received; {summary['processed']} decided in "
        f"{summary['seconds']:.1f} s.",
        "",
        "## Outcomes by form type",
        "",
        *_table(["form type", *OUTCOMES, "total"],
                [[ft, *(c.get(o, 0) for o in OUTCOMES), sum(c.values())] for ft, c in sorted(by_type.items())]
                + [["**all**", *totals.values(), sum(totals.values())]]),
        "",
    ]
    if summary["top_reasons"]:
        lines += ["## Top reasons", "",
                  *_table(["reason code", "what it means", "count"],
                          [[f"`{code}`", describe(code), n] for code, n in summary["top_reasons"]], right_from=2),
                  ""]
    lines += [f"[Open the review queue]({review_url}/queue) ({_plural(totals['exception'], 'new exception')} "
              f"from this run)."]
    return "\n".join(lines) + "\n"


def sync_run_name(counts: dict[str, dict[str, int]], rejected: int) -> str:
    changed = sum(c.get("inserted", 0) + c.get("updated", 0) + c.get("deleted", 0) for c in counts.values())
    read = sum(c.get("read", 0) for c in counts.values())
    return f"{read} rows read, {changed} changed, {rejected} rejected"


def sync_markdown(source: str, counts: dict[str, dict[str, int]], notes: Sequence[str],
                  rejected: Sequence[dict[str, Any]], report_path: str | None) -> str:
    """The sync-records artifact: counts per sheet, notes, and where each rejected row is and why."""
    cols = ("read", "inserted", "updated", "unchanged", "deleted", "rejected")
    lines = [f"# Records sync: {sync_run_name(counts, len(rejected))}", "", f"Workbook `{source}`.", "",
             *_table(["sheet", *cols], [[sheet, *(c.get(k, 0) for k in cols)] for sheet, c in counts.items()]), ""]
    if notes:
        lines += ["## Notes", "", *(f"- {n}" for n in notes), ""]
    if rejected:
        lines += [f"## Rejected rows ({len(rejected)})", "",
                  *_table(["sheet", "row", "column", "problem"],
                          [[r["sheet"], r["row"], r["column"], r["problem"]] for r in rejected[:200]], right_from=9),
                  ""]
        if len(rejected) > 200:
            lines.append(f"... and {len(rejected) - 200} more.")
        if report_path:
            lines.append(f"Every rejected row, with its values, is in `{report_path}`.")
    return "\n".join(lines) + "\n"
