"""The ``formwork`` command line (cli.md). Parsing and printing only: the work is elsewhere.

Every command exits 0 when it did its job (exceptions and quarantined files
are normal results) and otherwise prints one line on stderr, with no
traceback, and exits non-zero. ``FORMWORK_DEBUG=1`` shows the traceback.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from formwork.settings import Settings, configure

app = typer.Typer(
    name="formwork",
    help="Formwork: back-office form automation for councils.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
records_app = typer.Typer(help="Council records: the gazetteer, council tax accounts, electors, permits.",
                          no_args_is_help=True)
app.add_typer(records_app, name="records")

console = Console()
err = Console(stderr=True)

F = TypeVar("F", bound=Callable[..., Any])

DbOption = Annotated[str | None, typer.Option("--db", help="SQLAlchemy URL (default: a SQLite file in the data "
                                                        "folder; also FORMWORK_DB).", show_default=False)]
AsOfOption = Annotated[str | None, typer.Option("--as-of", help="The date the checks treat as today, YYYY-MM-DD.",
                                                show_default=False)]


class UsageError(Exception):
    """Bad input from the user: reported as one line."""


def _as_of(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--as-of must be a date as YYYY-MM-DD, not {value!r}") from None


def _configure(db: str | None = None, as_of: str | None = None, **extra: Any) -> Settings:
    return configure(db=db, as_of=_as_of(as_of), **extra)


def one_line_errors(fn: F) -> F:
    """Turn any failure into one line on stderr and a non-zero exit."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except KeyboardInterrupt:
            err.print("formwork: interrupted")
            raise typer.Exit(130) from None
        except Exception as exc:
            if os.environ.get("FORMWORK_DEBUG"):
                raise
            message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            known = _known_errors()
            if not isinstance(exc, known):
                message = f"{type(exc).__name__}: {message} (set FORMWORK_DEBUG=1 for details)"
            err.print(f"formwork: error: {message}", markup=False, highlight=False, soft_wrap=True)
            raise typer.Exit(1) from None

    return wrapper  # type: ignore[return-value]


def _known_errors() -> tuple[type[BaseException], ...]:
    from formwork.db import DatabaseError
    from formwork.evaluate import TruthError
    from formwork.intake import InboxError
    from formwork.records import RecordsError
    from formwork.serve import ServeError

    return (UsageError, DatabaseError, RecordsError, InboxError, TruthError, FileNotFoundError, PermissionError,
            ServeError)


def _progress() -> Progress:
    shown = err.is_terminal or bool(os.environ.get("FORMWORK_PROGRESS"))
    return Progress(TextColumn("{task.description:<10}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=err, transient=False, disable=not shown)


# --------------------------------------------------------------------------- records


@records_app.command("load")
@one_line_errors
def records_load(
    workbook: Annotated[Path, typer.Argument(help="The records workbook (.xlsx), laid out as records.md says.")],
    skip_bad_rows: Annotated[bool, typer.Option("--skip-bad-rows", help="Load the good rows; write the rejected "
                                                "ones to a report workbook.")] = False,
    replace: Annotated[bool, typer.Option("--replace", help="Delete records missing from this workbook.")] = False,
    mapping: Annotated[Path | None, typer.Option("--mapping", help="TOML file mapping your sheet and column "
                                                 "names onto ours (docs/records.md).")] = None,
    report: Annotated[Path | None, typer.Option("--report", help="Where to write rejected rows "
                                                "(default: WORKBOOK.rejected.xlsx).")] = None,
    db: DbOption = None,
) -> None:
    """Load council records from a workbook: one transaction, upsert by key."""
    from formwork.records import load_mapping, load_workbook

    settings = _configure(db)
    if not workbook.is_file():
        raise UsageError(f"workbook not found: {workbook}")
    with _progress() as bar:
        tasks: dict[str, Any] = {}

        def tick(sheet: str, done: int, total: int) -> None:
            if sheet not in tasks:
                tasks[sheet] = bar.add_task(sheet[:10], total=total)
            bar.update(tasks[sheet], completed=done, total=total)

        result = load_workbook(workbook, url=settings.database_url, skip_bad_rows=skip_bad_rows, replace=replace,
                               mapping=load_mapping(mapping) if mapping else None, report_path=report,
                               progress=tick)
    table = Table(title=f"Records loaded from {workbook.name}")
    cols = ["read", "inserted", "updated", "unchanged", "deleted", "rejected"]
    table.add_column("sheet")
    for c in cols:
        table.add_column(c, justify="right")
    for sheet, counts in result.counts.items():
        table.add_row(sheet, *(str(counts.get(c, 0)) for c in cols))
    console.print(table)
    for note in result.notes:
        console.print(f"note: {note}")
    if result.report_path is not None:
        console.print(f"{len(result.rejected)} rejected rows written to {result.report_path}")


# --------------------------------------------------------------------------- process


def _quiet_prefect() -> None:
    """Keep Prefect's start-up and shutdown chatter off an operator's terminal."""
    for key, value in {
        "PREFECT_LOGGING_LEVEL": "WARNING",
        "PREFECT_SERVER_LOGGING_LEVEL": "CRITICAL",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_UI_ENABLED": "false",
    }.items():
        os.environ.setdefault(key, value)


def run_process(inbox: Path, settings: Settings, engine: str) -> dict[str, Any]:
    from formwork import pipeline, progress

    with _progress() as bar:
        ids: dict[str, Any] = {}

        def report(phase: str, done: int, total: int) -> None:
            if phase not in ids:
                ids[phase] = bar.add_task(phase, total=total)
            bar.update(ids[phase], completed=done, total=total)

        progress.install(report)
        try:
            if engine == "prefect":
                _quiet_prefect()
                from flows.process_inbox import process_inbox

                return process_inbox(str(inbox), as_of=settings.as_of, db=settings.db)
            return pipeline.process_inbox(inbox, settings, progress.report).to_dict()
        finally:
            progress.install(None)


def print_summary(summary: dict[str, Any]) -> None:
    table = Table(title="Outcomes")
    table.add_column("form type")
    for oc in ("approved", "exception", "quarantined"):
        table.add_column(oc, justify="right")
    table.add_column("total", justify="right")
    by_type: dict[str, dict[str, int]] = {}
    for row in summary["counts"]:
        by_type.setdefault(row["form_type"], {})[row["outcome"]] = row["count"]
    totals = {"approved": 0, "exception": 0, "quarantined": 0}
    for ft, counts in sorted(by_type.items()):
        table.add_row(ft, *(str(counts.get(o, 0)) for o in totals), str(sum(counts.values())))
        for o in totals:
            totals[o] += counts.get(o, 0)
    table.add_row("all", *(str(v) for v in totals.values()), str(sum(totals.values())), style="bold")
    console.print(table)
    if summary["top_reasons"]:
        reasons = Table(title="Top reason codes")
        reasons.add_column("reason")
        reasons.add_column("count", justify="right")
        for code, n in summary["top_reasons"]:
            reasons.add_row(code, str(n))
        console.print(reasons)
    console.print(
        f"{summary['files']} files in the inbox ({summary['new']} new, {summary['already_known']} already received); "
        f"{summary['processed']} processed in {summary['seconds']:.1f} s, "
        f"{summary['forms_per_second']:.1f} forms per second."
    )


@app.command()
@one_line_errors
def process(
    inbox: Annotated[Path, typer.Argument(help="Folder of submitted files.")],
    db: DbOption = None,
    as_of: AsOfOption = None,
    engine: Annotated[str, typer.Option(help="prefect: run the Prefect flow (default); local: the same pipeline "
                                        "without Prefect.")] = "prefect",
    workers: Annotated[int | None, typer.Option(help="Extraction processes (default: one per CPU).")] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Take every file in INBOX to an outcome: approved, exception or quarantined."""
    if engine not in {"prefect", "local"}:
        raise UsageError("--engine must be 'prefect' or 'local'")
    settings = _configure(db, as_of, workers=workers)
    from formwork.db import get_engine
    from formwork.intake import check_inbox

    get_engine(settings.database_url)  # fail fast, before Prefect starts, on a bad database
    check_inbox(inbox)  # and on a missing inbox
    summary = run_process(inbox, settings, engine)
    if json_out:
        console.print_json(json.dumps(summary))
    else:
        print_summary(summary)


# --------------------------------------------------------------------------- serve


@app.command()
@one_line_errors
def serve(
    prefect_port: Annotated[int, typer.Option("--prefect-port", help="Port of the local Prefect server it starts "
                                              "(not used when PREFECT_API_URL is set).")] = 4200,
    db: DbOption = None,
) -> None:
    """Run every Formwork job on this machine on its schedule: process the inbox, sync the records,
    the daily exceptions report, retention. Starts a local Prefect server unless PREFECT_API_URL names one."""
    from formwork import serve as serving
    from formwork.jobs import JOBS

    if not 0 < prefect_port < 65536:
        raise UsageError("--prefect-port must be between 1 and 65535")
    settings = _configure(db)
    from formwork.db import get_engine

    get_engine(settings.database_url)  # fail fast on a bad database, before any server starts
    # The runs are subprocesses: they read their settings from this environment.
    if db:
        os.environ["FORMWORK_DB"] = db
    os.environ["FORMWORK_HOME"] = str(settings.home.resolve())
    if not settings.ops.inbox.is_dir():
        err.print(f"note: the inbox folder {settings.ops.inbox} does not exist: the scheduled process-inbox runs "
                  "will fail until it does (set FORMWORK_OPS__INBOX)")
    os.environ.setdefault("PREFECT_LOGGING_EXTRA_LOGGERS", "formwork")  # pipeline log lines into run logs
    os.environ.setdefault("DO_NOT_TRACK", "1")
    log_path = (settings.home / "logs" / "prefect-server.log").resolve()
    external = bool(os.environ.get("PREFECT_API_URL"))
    if not external:
        console.print(f"Starting a local Prefect server on 127.0.0.1:{prefect_port} (its log: {log_path}) ...")
    with serving.prefect_server(prefect_port, log_path) as server:
        os.environ["PREFECT_API_URL"] = server.api_url  # before Prefect is imported: it reads it once

        def ready(_deployments: list[Any]) -> None:
            table = Table(title="Formwork jobs served from this machine")
            for c in ("deployment", "default schedule", "what it does"):
                table.add_column(c)
            for job in JOBS:
                table.add_row(f"{job.name}/{job.name}", job.schedule_text, job.title)
            console.print(table)
            console.print(
                f"Prefect UI:  {server.ui_url}/deployments   (the schedules in force, runs, logs and artifacts)\n"
                f"Review UI:   {settings.review_base_url}   (start it with: formwork ui)\n"
                "Serving: runs start here on their schedules, or from the Prefect UI. Ctrl+C to stop."
            )

        serving.serve(on_ready=ready)
    console.print("formwork serve: stopped")


# --------------------------------------------------------------------------- export and eval


@app.command()
@one_line_errors
def export(
    format: Annotated[str, typer.Option("--format", help="jsonl or xlsx.")] = "jsonl",
    out: Annotated[Path | None, typer.Option("--out", help="Output file (jsonl: default standard output).")] = None,
    db: DbOption = None,
) -> None:
    """Export every submission: one JSON object per line (forms.md), or a workbook for staff."""
    from formwork.export import write_jsonl, write_xlsx

    settings = _configure(db)
    if format == "jsonl":
        if out is None:
            write_jsonl(sys.stdout, settings.database_url)
            return
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8") as fh:
            n = write_jsonl(fh, settings.database_url)
    elif format == "xlsx":
        if out is None:
            raise UsageError("--format xlsx needs --out FILE.xlsx")
        n = write_xlsx(out, settings.database_url)
    else:
        raise UsageError("--format must be jsonl or xlsx")
    err.print(f"{n} submissions written to {out}")


@app.command("eval")
@one_line_errors
def eval_(
    truth: Annotated[Path, typer.Option("--truth", help="truth.jsonl from formwork sample.")],
    db: DbOption = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    show_mistakes: Annotated[int, typer.Option("--mistakes", help="List up to N files the pipeline got wrong.")] = 0,
) -> None:
    """Score the processed submissions against a truth file."""
    from formwork.evaluate import evaluate, read_truth

    settings = _configure(db)
    ev = evaluate(read_truth(truth), settings.database_url)
    if json_out:
        data = ev.to_dict()
        data["mistakes"] = ev.mistakes[:show_mistakes] if show_mistakes else []
        console.print_json(json.dumps(data))
        return
    t = Table(title="Field accuracy by form type")
    for c in ("form type", "files", "fields right", "field accuracy", "outcome accuracy"):
        t.add_column(c, justify="right" if c != "form type" else "left")
    for ft, s in sorted(ev.by_type.items()):
        t.add_row(ft, str(s.files), f"{s.fields_right}/{s.fields_total}", f"{s.field_accuracy:.4f}",
                  f"{s.outcome_accuracy:.4f}")
    console.print(t)
    labels = ["approved", "exception", "quarantined", "missing"]
    cm = Table(title="Outcomes: truth (rows) against pipeline (columns)")
    cm.add_column("truth \\ pipeline")
    for lab in labels:
        cm.add_column(lab, justify="right")
    for tl in labels[:3]:
        cm.add_row(tl, *(str(ev.confusion.get((tl, pl), 0)) for pl in labels))
    console.print(cm)
    console.print(f"files: {ev.files}   field accuracy: {ev.field_accuracy:.4f}   "
                  f"outcome accuracy: {ev.outcome_accuracy:.4f}   "
                  f"straight-through rate: {ev.straight_through_rate:.4f}   "
                  f"false approvals: {len(ev.false_approvals)}   "
                  f"reason sets right: {ev.reasons_right}/{ev.reasons_total}")
    if ev.false_approvals:
        console.print("false approvals: " + ", ".join(ev.false_approvals), style="bold red")
    if ev.missing:
        console.print(f"{len(ev.missing)} files in the truth have no submission", style="bold red")
    for m in ev.mistakes[:show_mistakes]:
        console.print_json(json.dumps(m))


# --------------------------------------------------------------------------- sample and demo


@app.command()
@one_line_errors
def sample(
    out: Annotated[Path, typer.Option("--out", help="Folder to write records.xlsx, inbox/ and truth.jsonl to.")],
    forms: Annotated[int, typer.Option("--forms", help="Number of forms.")] = 100,
    seed: Annotated[int, typer.Option("--seed", help="Random seed: the same seed gives the same sample.")] = 1,
    properties: Annotated[int, typer.Option("--properties", help="Properties in the fictional council.")] = 2000,
    as_of: AsOfOption = None,
) -> None:
    """Write a labelled sample: a fictional council's records and an inbox of forms."""
    from formwork.sample import generate

    if forms < 0 or properties < 1:
        raise UsageError("--forms must be 0 or more and --properties at least 1")
    with _progress() as bar:
        task = bar.add_task("sample", total=forms)
        result = generate(out, forms=forms, seed=seed, as_of=_as_of(as_of), properties=properties,
                          progress=lambda done, total: bar.update(task, completed=done, total=total))
    console.print(f"Wrote {result.records_path}, {forms} files in {result.inbox_dir} and {result.truth_path}")


@app.command()
@one_line_errors
def demo(
    out: Annotated[Path, typer.Option("--out", help="Where to put the demo council.")] = Path("formwork-demo"),
    forms: Annotated[int, typer.Option("--forms", help="Number of forms in the demo inbox.")] = 60,
    engine: Annotated[str, typer.Option(help="prefect or local.")] = "prefect",
    db: DbOption = None,
) -> None:
    """Make a sample council, load it, process its inbox and show where to look next."""
    from formwork.evaluate import evaluate, read_truth
    from formwork.records import load_workbook
    from formwork.sample import generate

    home = out / "data"
    settings = _configure(db, None, home=home)
    console.print(f"[bold]1/4[/bold] Making a fictional council and {forms} forms in {out} ...")
    result = generate(out, forms=forms, seed=1, as_of=settings.today())
    console.print("[bold]2/4[/bold] Loading its records ...")
    load_workbook(result.records_path, url=settings.database_url)
    console.print(f"[bold]3/4[/bold] Processing {result.inbox_dir} ...")
    summary = run_process(result.inbox_dir, settings, engine)
    print_summary(summary)
    console.print("[bold]4/4[/bold] Scoring against the sample's truth ...")
    ev = evaluate(read_truth(result.truth_path), settings.database_url)
    console.print(f"field accuracy {ev.field_accuracy:.3f}, outcome accuracy {ev.outcome_accuracy:.3f}, "
                  f"false approvals {len(ev.false_approvals)}")
    db_opt = f" --db {settings.database_url}"
    console.print(
        "\n[bold]Where to look next[/bold]\n"
        f"  database:     {settings.database_url}\n"
        f"  export:       formwork export --format xlsx --out {out / 'export.xlsx'}{db_opt}\n"
        f"  scores:       formwork eval --truth {result.truth_path}{db_opt}\n"
        "  Prefect UI:   prefect server start   (then http://127.0.0.1:4200: the process-inbox runs)\n"
    )


def main() -> None:
    app()


if __name__ == "__main__":
    main()
