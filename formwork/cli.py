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
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from formwork.settings import Settings, configure

if TYPE_CHECKING:
    from formwork.inspect import Inspection

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
db_app = typer.Typer(help="The database's schema: its revision, and upgrading it to this version's.",
                     no_args_is_help=True)
app.add_typer(db_app, name="db")
layouts_app = typer.Typer(help="The layouts Formwork has learned from staff (the layout memory).",
                          no_args_is_help=True)
app.add_typer(layouts_app, name="layouts")

console = Console()
err = Console(stderr=True)

F = TypeVar("F", bound=Callable[..., Any])

DbOption = Annotated[str | None, typer.Option("--db", help="SQLAlchemy URL (default: a SQLite file in the data "
                                                        "folder; also FORMWORK_DB).", show_default=False)]
AsOfOption = Annotated[str | None, typer.Option("--as-of", help="The date the checks treat as today, YYYY-MM-DD.",
                                                show_default=False)]


def say(text: str) -> None:
    """One line of plain text on standard output, never wrapped or styled."""
    console.print(text, soft_wrap=True, markup=False, highlight=False)


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


# --------------------------------------------------------------------------- the database's schema


@db_app.command("upgrade")
@one_line_errors
def db_upgrade(db: DbOption = None) -> None:
    """Bring the database's schema up to this version of Formwork's, in one transaction (all or nothing)."""
    from formwork.db import upgrade_schema

    settings = _configure(db)
    done = upgrade_schema(settings.database_url)
    if done.before.is_new:
        say(f"Created the database at schema revision {done.after} (the newest).")
    elif done.changed:
        say(f"Upgraded the database's schema from {done.before.describe()} to revision {done.after} (the newest).")
    else:
        say(f"The database's schema is already at revision {done.after} (the newest): nothing to do.")


@db_app.command("current")
@one_line_errors
def db_current(
    db: DbOption = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the revisions as JSON.")] = False,
) -> None:
    """Show the database's schema revision and this version of Formwork's."""
    from formwork.db import schema_state

    settings = _configure(db)
    found = schema_state(settings.database_url)
    if json_out:
        console.print_json(json.dumps({"revision": found.revision, "head": found.head,
                                       "up_to_date": found.is_current or found.is_new}))
    elif found.is_current:
        say(f"revision {found.revision}: up to date (the newest this version of Formwork knows)")
    elif found.is_new:
        say(f"empty: no tables yet (the first command creates them at revision {found.head})")
    elif not found.is_known:
        say(f"revision {found.revision}: newer than this version of Formwork knows ({found.head}); upgrade Formwork")
    else:
        say(f"{found.describe()}: older than this version of Formwork's revision {found.head}; "
            "run `formwork db upgrade`")


# --------------------------------------------------------------------------- the layout memory


@layouts_app.command("list")
@one_line_errors
def layouts_list(
    db: DbOption = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the layouts and their lessons as JSON.")] = False,
) -> None:
    """The layouts learned from staff: each one's lessons, who taught them, and how often they have read."""
    from formwork.db import session_scope
    from formwork.learning import layouts

    settings = _configure(db)
    with session_scope(settings.database_url) as session:
        found = layouts(session)
    if json_out:
        console.print_json(json.dumps([{
            "id": v.id, "form_type": v.form_type, "name": v.name, "kind": v.kind,
            "created_at": v.created_at.isoformat(), "forms_read": v.forms_read,
            "last_read_at": v.last_read_at.isoformat() if v.last_read_at else None,
            "lessons": [{"field": x.field, "where": x.where, "taught_by": x.taught_by, "case": x.submission_id,
                         "taught_at": x.taught_at.isoformat(), "confirmed": x.confirmed} for x in v.lessons],
        } for v in found]))
        return
    if not found:
        say("No layouts learned yet: staff teach one by approving or confirming a case of it.")
        return
    t = Table(title="Layouts learned from staff")
    for c in ("id", "form type", "layout", "lessons", "taught by (case)", "forms read since"):
        t.add_column(c, justify="right" if c in ("id", "lessons", "forms read since") else "left", overflow="fold")
    for v in found:
        teachers = sorted({f"{x.taught_by} (#{x.submission_id})" for x in v.lessons})
        t.add_row(str(v.id), v.form_type, Text(v.name), str(len(v.lessons)), Text(", ".join(teachers)),
                  str(v.forms_read))
    console.print(t)


@layouts_app.command("forget")
@one_line_errors
def layouts_forget(
    layout_id: Annotated[int, typer.Argument(metavar="ID", help="The layout's id (formwork layouts list).")],
    db: DbOption = None,
) -> None:
    """Forget a learned layout and its lessons (the audit log keeps what they were)."""
    from formwork.db import session_scope
    from formwork.learning import UnknownLayout, forget

    settings = _configure(db)
    try:
        with session_scope(settings.database_url) as session:
            view = forget(session, layout_id, _cli_actor())
    except UnknownLayout as exc:
        raise UsageError(str(exc)) from None
    say(f"Forgot layout {view.id} ({view.form_type}: {view.name}) and its {len(view.lessons)} lessons.")


def _cli_actor() -> str:
    """Who an admin command acts as in the audit log: the signed-in system user."""
    import getpass

    try:
        return f"{getpass.getuser()} (command line)"
    except (OSError, KeyError):
        return "command line"


# --------------------------------------------------------------------------- process


def _quiet_prefect() -> None:
    """Keep Prefect's start-up and shutdown chatter off an operator's terminal."""
    for key, value in {
        "PREFECT_LOGGING_LEVEL": "WARNING",
        "PREFECT_SERVER_LOGGING_LEVEL": "CRITICAL",
        "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
        "DO_NOT_TRACK": "1",
        "PREFECT_UI_ENABLED": "false",
        # The Dask runner's scheduler and workers log every connection at INFO.
        "DASK_DISTRIBUTED__LOGGING__DISTRIBUTED": "warning",
    }.items():
        os.environ.setdefault(key, value)


def run_process(inbox: Path, settings: Settings, engine: str) -> dict[str, Any]:
    from formwork import workerpool

    workerpool.start_early(settings, inbox)  # warms up while the pipeline, Prefect and intake start
    from formwork import progress

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
            from formwork import pipeline

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
    runner: Annotated[str | None, typer.Option(
        help="Where the Prefect flow extracts: processes (default, FORMWORK_RUNNER) or dask (a Dask cluster: "
             "FORMWORK_DASK_ADDRESS, else a local one; docs/scaling.md).", show_default=False)] = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the summary as JSON.")] = False,
) -> None:
    """Take every file in INBOX to an outcome: approved, exception or quarantined."""
    if engine not in {"prefect", "local"}:
        raise UsageError("--engine must be 'prefect' or 'local'")
    if runner not in {None, "processes", "dask"}:
        raise UsageError("--runner must be 'processes' or 'dask'")
    settings = _configure(db, as_of, workers=workers, runner=runner)
    if settings.runner == "dask" and engine != "prefect":
        raise UsageError("the dask runner extracts as Prefect tasks: use it with --engine prefect")
    from formwork.db import get_engine
    from formwork.intake import check_inbox

    get_engine(settings.database_url)  # fail fast, before Prefect starts, on a bad database
    check_inbox(inbox)  # and on a missing inbox
    summary = run_process(inbox, settings, engine)
    if json_out:
        console.print_json(json.dumps(summary))
    else:
        print_summary(summary)


@app.command()
@one_line_errors
def reconcile(
    inbox: Annotated[Path | None, typer.Argument(help="Also check that every file in this folder has a "
                                                      "submission.", show_default=False)] = None,
    db: DbOption = None,
    json_out: Annotated[bool, typer.Option("--json", help="Print the result as JSON.")] = False,
) -> None:
    """Account for every file: inbox and store against submissions. Exits 1 if anything is unaccounted for."""
    from formwork.reconcile import reconcile as run

    settings = _configure(db)
    with _progress() as bar:
        task = bar.add_task("hashing", total=None)
        result = run(settings, inbox, progress=lambda done, total: bar.update(task, completed=done, total=total))
    if json_out:
        console.print_json(json.dumps({
            "inbox_files": result.inbox_files, "stored_files": result.stored_files,
            "submissions": result.submissions,
            "unaccounted": [{"kind": p.kind, "where": p.where, "sha256": p.sha256} for p in result.problems],
        }))
    else:
        counted = f"{result.submissions} submissions, {result.stored_files} stored files"
        if inbox is not None:
            counted += f", {result.inbox_files} files in {inbox}"
        if result.ok:
            console.print(f"Everything is accounted for: {counted}.")
        else:
            table = Table(title=f"{len(result.problems)} unaccounted for ({counted})")
            for column in ("what", "where", "sha256"):
                table.add_column(column)
            for p in result.problems:
                table.add_row(p.kind, p.where, p.sha256[:16])
            console.print(table)
    if not result.ok:
        raise typer.Exit(1)


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
    split: Annotated[str | None, typer.Option("--split", help="Score only the truth rows of this split "
                                              "(a test corpus's `split` key: learn or test).",
                                              show_default=False)] = None,
    by: Annotated[str | None, typer.Option("--by", help="Also score each value of this truth key apart "
                                           "(layout, channel, form_type).", show_default=False)] = None,
) -> None:
    """Score the processed submissions against a truth file."""
    from formwork.evaluate import evaluate, labelled_fields, read_truth

    settings = _configure(db)
    rows = read_truth(truth)
    labelled = labelled_fields(rows)  # what the whole file labels, whatever part of it is scored
    if split is not None:
        rows = [r for r in rows if r.get("split") == split]
        if not rows:
            raise UsageError(f"no truth rows have split {split!r}")
    ev = evaluate(rows, settings.database_url, labelled)
    groups: dict[str, Any] = {}
    if by is not None:
        for value in sorted({str(r.get(by)) for r in rows}):
            groups[value] = evaluate([r for r in rows if str(r.get(by)) == value], settings.database_url, labelled)
    if json_out:
        data = ev.to_dict()
        data["mistakes"] = ev.mistakes[:show_mistakes] if show_mistakes else []
        if by is not None:
            data["by"] = {by: {k: g.to_dict() for k, g in groups.items()}}
        console.print_json(json.dumps(data))
        return
    t = Table(title="Field accuracy by form type")
    for c in ("form type", "files", "fields right", "field accuracy", "outcome accuracy"):
        t.add_column(c, justify="right" if c != "form type" else "left")
    for ft, s in sorted(ev.by_type.items()):
        t.add_row(ft, str(s.files), f"{s.fields_right}/{s.fields_total}", f"{s.field_accuracy:.4f}",
                  f"{s.outcome_accuracy:.4f}")
    console.print(t)
    for ft, s in sorted(ev.by_type.items()):
        if s.unlabelled:
            console.print(f"not scored ({ft}, the truth labels them on no form): {', '.join(sorted(s.unlabelled))}")
    labels = ["approved", "exception", "quarantined", "missing"]
    cm = Table(title="Outcomes: truth (rows) against pipeline (columns)")
    cm.add_column("truth \\ pipeline")
    for lab in labels:
        cm.add_column(lab, justify="right")
    for tl in labels[:3]:
        cm.add_row(tl, *(str(ev.confusion.get((tl, pl), 0)) for pl in labels))
    console.print(cm)
    if groups:
        g = Table(title=f"By {by}")
        for c in (by or "", "files", "field accuracy", "clean straight through", "outcome accuracy",
                  "false approvals"):
            g.add_column(c, justify="left" if c == by else "right")
        for value, e in groups.items():
            g.add_row(value, str(e.files), f"{e.field_accuracy:.4f}", f"{e.clean_approved}/{e.clean}",
                      f"{e.outcome_accuracy:.4f}", str(len(e.false_approvals)))
        console.print(g)
    console.print(f"files: {ev.files}   field accuracy: {ev.field_accuracy:.4f}   "
                  f"outcome accuracy: {ev.outcome_accuracy:.4f}   "
                  f"clean forms straight through: {ev.clean_approved}/{ev.clean} ({ev.clean_straight_through:.4f})   "
                  f"straight-through rate: {ev.straight_through_rate:.4f}   "
                  f"false approvals: {len(ev.false_approvals)}   "
                  f"reason sets right: {ev.reasons_right}/{ev.reasons_total}")
    if ev.false_approvals:
        console.print("false approvals: " + ", ".join(ev.false_approvals), style="bold red")
    if ev.missing:
        console.print(f"{len(ev.missing)} files in the truth have no submission", style="bold red")
    for m in ev.mistakes[:show_mistakes]:
        console.print_json(json.dumps(m))


# --------------------------------------------------------------------------- form specs


@app.command("check-spec")
@one_line_errors
def check_spec(
    files: Annotated[list[Path], typer.Argument(help="YAML form spec files (docs/extractors.md).")],
) -> None:
    """Check YAML form specs: one line per file, or one line naming the file and the problem."""
    from extractors.yaml_spec import SpecError, load_spec

    for path in files:
        try:
            spec = load_spec(path)
        except SpecError as exc:
            raise UsageError(str(exc)) from None
        required = sum(1 for f in spec.fields if f.required)
        conditional = sum(1 for f in spec.fields if f.required_when and not f.required)
        console.print(f"{path}: {spec.form_type} {spec.version}, {len(spec.fields)} fields, {required} required"
                      + (f", {conditional} required depending on others" if conditional else ""))


# --------------------------------------------------------------------------- sample and demo


@app.command()
@one_line_errors
def sample(
    out: Annotated[Path, typer.Option("--out", help="Folder to write records.xlsx, inbox/ and truth.jsonl to.")],
    forms: Annotated[int, typer.Option("--forms", help="Number of forms.")] = 100,
    seed: Annotated[int, typer.Option("--seed", help="Random seed: the same seed gives the same sample.")] = 1,
    properties: Annotated[int, typer.Option("--properties", help="Properties in the fictional council.")] = 2000,
    as_of: AsOfOption = None,
    letters: Annotated[int | None, typer.Option("--letters", help="Letters and emails to add to the inbox, on top "
                                                "of the forms (default: one for every ten forms).",
                                                show_default=False)] = None,
    types: Annotated[str, typer.Option(
        "--types", help="Form types to mix, comma-separated (default: every form type).")] = "",
) -> None:
    """Write a labelled sample: a fictional council's records and an inbox of forms."""
    from formwork.sample import generate
    from formwork.sample.generate import FORM_TYPES

    if forms < 0 or properties < 1 or (letters is not None and letters < 0):
        raise UsageError("--forms and --letters must be 0 or more and --properties at least 1")
    chosen = [t.strip() for t in types.split(",") if t.strip()] or list(FORM_TYPES)
    unknown = [t for t in chosen if t not in FORM_TYPES]
    if unknown or len(set(chosen)) != len(chosen):
        raise UsageError(f"--types takes distinct form types from {', '.join(FORM_TYPES)}"
                         + (f"; not {', '.join(unknown)}" if unknown else ""))
    n_letters = default_letters(forms) if letters is None else letters
    with _progress() as bar:
        task = bar.add_task("sample", total=forms)
        result = generate(out, forms=forms, seed=seed, as_of=_as_of(as_of), properties=properties,
                          progress=lambda done, total: bar.update(task, completed=done, total=total),
                          types=chosen, letters=n_letters)
    console.print(f"Wrote {result.records_path}, {forms + n_letters} files ({forms} forms, {n_letters} letters) "
                  f"in {result.inbox_dir} and {result.truth_path}")


def default_letters(forms: int) -> int:
    """Letters a sample gets unless told otherwise: one for every ten forms."""
    return forms // 10


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
    result = generate(out, forms=forms, seed=1, as_of=settings.today(), letters=default_letters(forms))
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
    # The review app also reads the stored files (page images, originals): it needs the data folder.
    review_env, review_db = f"FORMWORK_HOME={home}", f" --db {db}" if db else ""
    console.print(
        "\n[bold]Where to look next[/bold]\n"
        f"  database:     {settings.database_url}\n"
        f"  export:       formwork export --format xlsx --out {out / 'export.xlsx'}{db_opt}\n"
        f"  scores:       formwork eval --truth {result.truth_path}{db_opt}\n"
        f"  Prefect UI:   {review_env} formwork serve{review_db}   (then http://127.0.0.1:4200: every job, "
        "scheduled)\n"
        f"  review app:   {review_env} formwork users add NAME --role admin{review_db}\n"
        f"                {review_env} formwork ui{review_db}   (then http://127.0.0.1:8700)\n"
    )


# --------------------------------------------------------------------------- extractor tooling


@app.command("extractors")
@one_line_errors
def extractors_list(
    json_out: Annotated[bool, typer.Option("--json", help="Print the list as JSON.")] = False,
) -> None:
    """List the registered extractors: built-ins and plugins, with where each came from."""
    from formwork.inspect import describe_extractors

    found = describe_extractors()
    if json_out:
        console.print_json(json.dumps([e.to_dict() for e in found]))
        return
    t = Table(title="Registered extractors (tried in this order)")
    for c in ("name", "form type", "version", "fields", "from"):
        t.add_column(c, justify="right" if c == "fields" else "left", overflow="fold",
                     no_wrap=c in ("name", "form type", "version"))
    for e in found:
        origin = e.source if e.entry_point is None else f"entry point {e.entry_point}"
        origin += f" ({e.module})" if e.module else ""
        origin += f", spec {e.spec_file}" if e.spec_file else ""
        t.add_row(*(Text(v) for v in (e.name, e.form_type, e.version, f"{e.fields}, {e.required} required",
                                      origin)))
    console.print(t)


@app.command("extract")
@one_line_errors
def extract(
    file: Annotated[Path, typer.Argument(help="A PDF, read as the pipeline would read it.")],
    json_out: Annotated[bool, typer.Option("--json", help="Print what was found as JSON.")] = False,
    png: Annotated[Path | None, typer.Option("--png", help="Write a picture of each page, with every field's "
                                             "box drawn and named, to this folder.", show_default=False)] = None,
    resolution: Annotated[int, typer.Option("--resolution", help="Dots per inch of the --png pictures.")] = 100,
    pairs: Annotated[bool, typer.Option("--pairs", help="Show every label/answer pair the page reader found, "
                                        "whether or not a field of any form type uses it.")] = False,
) -> None:
    """Show what the extractors see in FILE: every score, the form type, then each field and where it was."""
    from formwork.inspect import draw_pages, file_pairs, inspect_file

    if not file.exists():
        raise UsageError(f"file not found: {file}")
    if not file.is_file():
        raise UsageError(f"not a file: {file}")
    if png is not None and png.exists() and not png.is_dir():
        raise UsageError(f"--png must be a folder, not a file: {png}")
    if not 20 <= resolution <= 600:
        raise UsageError("--resolution must be between 20 and 600")
    _configure()
    if pairs:
        print_pairs(file_pairs(file), json_out)
        return
    found = inspect_file(file)
    written = draw_pages(found, png, resolution) if png is not None else []
    if json_out:
        data = found.to_dict()
        data["png"] = [str(p) for p in written]
        console.print_json(json.dumps(data))
        return
    print_inspection(found)
    if png is not None and not written:
        console.print("no pictures: the file cannot be read")
    for p in written:
        console.print(Text(f"wrote {p}"))


def print_pairs(found: dict[str, Any], json_out: bool) -> None:
    """``formwork extract FILE --pairs``: the page reader's label/answer pairs, as a table or as JSON."""
    if json_out:
        console.print_json(json.dumps({"file": found["file"], "pairs": [
            {k: p[k] for k in ("page", "label", "label_box", "answer", "answer_box", "score")}
            | {"how": p["how"], "section": p["section"], "zone": p["zone"]} for p in found["pairs"]]}))
        return
    if "detail" in found:
        console.print(Text(f"{found['file']}: {found['detail']}", style="bold red"))
        return
    t = Table(title=f"{found['file']}: {len(found['pairs'])} label/answer pairs")
    for c in ("page", "label", "answer", "score", "how", "section", "where"):
        t.add_column(c, justify="right" if c in ("page", "score") else "left", overflow="fold")
    for p in found["pairs"]:
        t.add_row(str(p["page"]), Text(p["label"]), Text(p["answer"]), f"{p['score']:.2f}", p["how"],
                  Text(p["section"]), "" if p["zone"] == "body" else p["zone"])
    console.print(t)


def print_inspection(found: Inspection) -> None:
    """The ``formwork extract`` report of a :class:`formwork.inspect.Inspection`."""
    pages = f", {found.pages} page{'s' if found.pages != 1 else ''}" if found.pages is not None else ""
    console.print(Text(f"{found.file}{pages}", style="bold"))
    if found.scores:
        t = Table(title="Classification (every registered extractor's score)")
        t.add_column("extractor")
        t.add_column("score", justify="right")
        t.add_column("")
        for name, score in found.scores.items():
            mark = "chosen" if name == found.extractor else ""
            t.add_row(name, "declined" if score is None else f"{score:.2f}", mark)
        console.print(t)
    if found.reason is not None:
        console.print(Text(f"{found.reason}: {found.detail or ''}".rstrip(": "), style="bold red"))
        return
    console.print(Text(f"form type {found.form_type} (extractor {found.extractor}@{found.version}, "
                       f"score {found.score:.2f})", style="bold"))
    t = Table(title=f"Fields ({len(found.fields)} found)")
    for c in ("field", "value", "conf.", "method", "page", "x0,top,x1,bottom", "label"):
        t.add_column(c, justify="right" if c in ("conf.", "page") else "left",
                     no_wrap=c in ("field", "conf.", "method", "page"), overflow="fold")
    for fv in found.fields:
        d = fv.to_dict()
        value = d["value"]
        shown = "; ".join(map(str, value)) if isinstance(value, list) else str(value)
        if not fv.valid:
            shown = f"INVALID {d['raw']!r}: {d['problem']}"
        low = fv.valid and fv.confidence < found.threshold
        t.add_row(Text(fv.name), Text(shown, style="red" if not fv.valid else ""),
                  Text(f"{fv.confidence:.2f}", style="yellow" if low else ""), Text(fv.method),
                  str(d["page"] or ""), Text(",".join(f"{v:g}" for v in d["bbox"]) if d["bbox"] else ""),
                  Text(d["label"] or ""))
    console.print(t)
    if found.field_reasons:
        console.print(Text("field reasons: " + ", ".join(found.field_reasons), style="yellow"))
    for note in found.notes:
        console.print(Text(f"note: {note}"))


# --------------------------------------------------------------------------- topic classifier


@app.command("train-topics")
@one_line_errors
def train_topics(
    out: Annotated[Path | None, typer.Option("--out", help="Where to save the model (default: the one the package "
                                             "ships, extractors/nlp/topic_model).")] = None,
    seed: Annotated[int, typer.Option("--seed", help="Random seed: the same seed gives the same model.")] = 1,
    per_topic: Annotated[int, typer.Option("--per-topic", help="Training letters per topic.")] = 500,
    json_out: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Train the letter topic classifier on generated letters and report its accuracy on unseen ones."""
    from extractors.nlp.topics import MODEL_DIR, TOPICS
    from formwork.train_topics import train

    if per_topic < 20:
        raise UsageError("--per-topic must be at least 20")
    settings = _configure()
    report = train(out or MODEL_DIR, seed=seed, per_topic=per_topic,
                   threshold=settings.policy.confidence_threshold).to_dict()
    if json_out:
        console.print_json(json.dumps(report))
        return
    for name, title in (("unseen_letters", "new letters (another seed), shipped model"),
                        ("unseen_wordings", "held-out phrasing families, model trained without them")):
        s = report[name]
        console.print(f"[bold]{title}[/bold]: {s['letters']} letters, accuracy {s['accuracy']:.4f}; "
                      f"{s['confident_share']:.1%} at or above the threshold, "
                      f"of which {s['confident_accuracy'] or 0:.4f} right")
        cm = Table(title=f"{name}: truth (rows) against predicted (columns)")
        cm.add_column("truth \\ predicted")
        for t in TOPICS:
            cm.add_column(t, justify="right")
        for t in TOPICS:
            cm.add_row(t, *(str(s["confusion"][t][p]) for p in TOPICS))
        console.print(cm)
    console.print(f"mixed letters (two topics) left below the threshold: {report['mixed']['unsure_share']:.1%} "
                  f"of {report['mixed']['letters']}")
    console.print(f"trained on {report['train_letters']} letters in {report['seconds']:.1f} s; "
                  f"model {report['model_bytes'] / 1e6:.1f} MB in {out or MODEL_DIR}")


from formwork.web.cli import register as _register_review_app  # noqa: E402 - needs the helpers above

_register_review_app(app)  # formwork ui, formwork users


def main() -> None:
    app()


if __name__ == "__main__":
    main()
