"""formwork users add / list and formwork ui's start-up errors, as an operator meets them."""

from __future__ import annotations

import socket
from pathlib import Path

from sqlmodel import select
from typer.testing import CliRunner

from formwork.cli import app
from formwork.db import dispose_all, session_scope
from formwork.models import User
from formwork.web import auth

runner = CliRunner()


def test_users_add_reads_the_password_from_standard_input(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'f.db'}"
    added = runner.invoke(app, ["users", "add", "alice", "--role", "admin", "--db", db],
                          input="a long enough password\n")
    assert added.exit_code == 0, added.output
    with session_scope(db) as session:
        alice = session.exec(select(User).where(User.name == "alice")).one()
    assert alice.role == "admin" and "a long enough password" not in alice.password_hash
    assert auth.verify_password("a long enough password", alice.password_hash)
    listed = runner.invoke(app, ["users", "list", "--db", db])
    assert "alice" in listed.output and "admin" in listed.output
    dispose_all()


def test_users_add_refuses_bad_input_in_one_line(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'f.db'}"
    for args, stdin, message in (
        (["users", "add", "bob", "--role", "boss"], "a long enough password\n", "--role must be reviewer or admin"),
        (["users", "add", "bob"], "short\n", "at least 10 characters"),
        (["users", "add", "no spaces allowed"], "a long enough password\n", "a user name is"),
    ):
        result = runner.invoke(app, [*args, "--db", db], input=stdin)
        assert result.exit_code == 1 and message in result.output and "Traceback" not in result.output
    runner.invoke(app, ["users", "add", "bob", "--db", db], input="a long enough password\n")
    again = runner.invoke(app, ["users", "add", "BOB", "--db", db], input="a long enough password\n")
    assert again.exit_code == 1 and "already a user called BOB" in again.output
    dispose_all()


def test_ui_refuses_a_port_in_use(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = runner.invoke(app, ["ui", "--port", str(port), "--db", f"sqlite:///{tmp_path / 'f.db'}"])
    assert result.exit_code == 1 and f"port {port} on 127.0.0.1 is in use" in result.output
    dispose_all()
