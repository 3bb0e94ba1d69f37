"""``formwork ui``, ``formwork users`` and ``formwork review``: the review app's commands.

Registered on the main command by :func:`register`, which formwork/cli.py
calls; the helpers of formwork/cli.py are imported when the commands are
defined, so importing this module alone imports nothing of the CLI.
"""

# No "from __future__ import annotations": typer reads the annotations, which name locally imported options.

import getpass
import socket
import sys
from pathlib import Path
from typing import Annotated

import typer


def read_password(prompt: bool) -> str:
    """The new password: from standard input when it is not a terminal, else typed twice, hidden."""
    if not prompt:
        line = sys.stdin.readline()
        return line.rstrip("\r\n")
    first = getpass.getpass("Password: ")
    if getpass.getpass("Password again: ") != first:
        raise ValueError("the two passwords differ")
    return first


def _port_free(host: str, port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind((host, port))
        except OSError:
            return False
    return True


def register(app: typer.Typer) -> None:
    from rich.table import Table

    from formwork.cli import AsOfOption, DbOption, UsageError, _configure, console, err, one_line_errors, say

    users_app = typer.Typer(help="Staff who sign in to the review app (formwork ui).", no_args_is_help=True)
    app.add_typer(users_app, name="users")

    @users_app.command("add")
    @one_line_errors
    def users_add(
        name: Annotated[str, typer.Argument(help="The user name staff sign in with.")],
        role: Annotated[str, typer.Option("--role", help="reviewer (works the queue) or admin (also manages "
                                          "users and exports the audit log).")] = "reviewer",
        db: DbOption = None,
    ) -> None:
        """Add a member of staff. The password is read from standard input when it is not a terminal."""
        from formwork.db import session_scope
        from formwork.models import Role
        from formwork.web import auth

        if role not in {r.value for r in Role}:
            raise UsageError("--role must be reviewer or admin")
        settings = _configure(db)
        try:
            password = read_password(sys.stdin.isatty())
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        try:
            with session_scope(settings.database_url) as session:
                auth.add_user(session, name, Role(role), password, actor="cli")
        except auth.AuthError as exc:
            raise UsageError(str(exc)) from None
        err.print(f"added {role} {name}")

    @users_app.command("list")
    @one_line_errors
    def users_list(db: DbOption = None) -> None:
        """List the members of staff who can sign in."""
        from sqlmodel import col, select

        from formwork.db import session_scope
        from formwork.models import User

        settings = _configure(db)
        with session_scope(settings.database_url) as session:
            rows = list(session.exec(select(User).order_by(col(User.name))))
        table = Table(title="Users")
        for c in ("name", "role", "active", "added"):
            table.add_column(c)
        for u in rows:
            table.add_row(u.name, u.role, "yes" if u.active else "no", f"{u.created_at:%Y-%m-%d}")
        console.print(table)

    review_app = typer.Typer(help="Staff decisions on the exception queue, from the command line.",
                             no_args_is_help=True)
    app.add_typer(review_app, name="review")

    @review_app.command("apply")
    @one_line_errors
    def review_apply(
        decisions: Annotated[Path, typer.Argument(help="One JSON object a line: {\"file\" or \"sha256\", "
                                                  "\"user\", \"decision\": approve, reject or more_info, "
                                                  "\"fields\", \"note\", \"override\", \"reason\", "
                                                  "\"needed\"} (docs/review.md).")],
        dry_run: Annotated[bool, typer.Option("--dry-run", help="Check the file and say what each line would do; "
                                              "apply nothing.")] = False,
        db: DbOption = None,
        as_of: AsOfOption = None,
    ) -> None:
        """Apply staff decisions in bulk, through the same code as the review app.

        Corrections are checked again; a line that cannot be applied stops the whole file, with nothing applied.
        """
        from formwork.db import session_scope
        from formwork.web import bulk

        settings = _configure(db, as_of)
        if not decisions.is_file():
            raise UsageError(f"decisions file not found: {decisions}")
        try:
            text = decisions.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            raise UsageError(f"{decisions} is not UTF-8 text") from None
        try:
            with session_scope(settings.database_url) as session:
                planned = bulk.validate(session, text, source=str(decisions))
        except bulk.DecisionsError as exc:
            raise UsageError(str(exc)) from None
        results = bulk.apply(settings, planned, dry_run=dry_run, report=lambda r: say(str(r)))
        say(bulk.summary(results, dry_run))

    @app.command()
    @one_line_errors
    def ui(
        port: Annotated[int | None, typer.Option("--port", help="Port to listen on (default 8700; also "
                                                 "FORMWORK_REVIEW__PORT).", show_default=False)] = None,
        db: DbOption = None,
    ) -> None:
        """The staff review web app on 127.0.0.1: the exception queue, cases, quarantine, dashboard."""
        import uvicorn
        from sqlmodel import select

        from formwork.db import session_scope
        from formwork.models import User
        from formwork.web.app import create_app

        settings = _configure(db)
        if port is not None:
            settings.review.port = port
        host, chosen = settings.review.host, settings.review.port
        if not 0 < chosen < 65536:
            raise UsageError("--port must be between 1 and 65535")
        if not _port_free(host, chosen):
            raise UsageError(f"port {chosen} on {host} is in use: choose another with --port")
        web = create_app(settings)
        with session_scope(settings.database_url) as session:
            has_users = session.exec(select(User.id).limit(1)).first() is not None
        if not has_users:
            err.print("No one can sign in yet: add someone with  formwork users add NAME --role admin")
        console.print(f"Formwork review app on http://{host}:{chosen}/  (Ctrl+C to stop)")
        uvicorn.run(web, host=host, port=chosen, log_level="warning", server_header=False)
