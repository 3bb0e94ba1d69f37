"""Make the databases of the upgrade test: this release's schema and code, with real content in every table.

The fixtures in ``tests/data/fixtures/`` were made by this script at commit c0dfae3 (the last commit before
schema migrations), so they are what a council running that release has on disk: tables made by
``create_all`` and no ``alembic_version``. To make them again, run it in a worktree of that commit:

    git worktree add /tmp/release c0dfae3 && cp tests/data/make_release_db.py /tmp/release/tests/data/
    cd /tmp/release && python -m tests.data.make_release_db --out OUT [--pg-url URL]

It writes ``release-c0dfae3.sqlite`` and ``release-c0dfae3.export.jsonl`` (the export as that release wrote it)
and, with ``--pg-url`` (an empty PostgreSQL database), ``release-c0dfae3.pg.sql`` (``pg_dump --inserts``) and its
export. What is in them: submissions of every outcome and form type (approved, exceptions, quarantined,
correspondence), their fields and check results, letters, audit entries, records and applied discounts, users
(an admin and a reviewer), sign-in sessions and attempts, case reviews (approved with a correction, rejected,
more information asked, one still held) and purges by the retention job.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import subprocess
import tempfile
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlmodel import select

from formwork import pipeline, retention
from formwork.db import dispose_all, session_scope
from formwork.export import write_jsonl
from formwork.models import Outcome, Role, Submission, User
from formwork.records import load_workbook
from formwork.sample import generate
from formwork.settings import Operations, Settings
from formwork.web import auth, cases

AS_OF = dt.date(2026, 11, 27)
TAG = "c0dfae3"


def make(url: str, home: Path) -> None:
    sample = generate(home / "council", forms=36, seed=5, as_of=AS_OF, properties=150, letters=4)
    # A file that is not a PDF, and an empty one: quarantined.
    (sample.inbox_dir / "zz_not_a_form.pdf").write_bytes(b"this is not a PDF at all\n")
    (sample.inbox_dir / "zz_empty.pdf").write_bytes(b"")
    settings = Settings(home=home / "data", db=url, as_of=AS_OF, workers=1)
    load_workbook(sample.records_path, url=url)
    pipeline.process_inbox(sample.inbox_dir, settings)
    with session_scope(url) as session:
        auth.add_user(session, "alice", Role.admin, "correct-horse-battery", "fixture")
        auth.add_user(session, "bob", Role.reviewer, "correct-horse-battery", "fixture")
    with session_scope(url) as session:
        alice = session.exec(select(User).where(User.name == "alice")).one()
        auth.start_session(session, alice, settings.review)
        auth.attempt_login(session, "bob", "wrong password", "127.0.0.1", settings.review)
        auth.attempt_login(session, "bob", "correct-horse-battery", "127.0.0.1", settings.review)
    with session_scope(url) as session:
        exceptions = [s.id for s in session.exec(select(Submission).where(Submission.outcome == Outcome.exception)
                                                 .order_by(Submission.id)).all()]
    assert len(exceptions) >= 4, exceptions
    approve_id, reject_id, ask_id, hold_id = exceptions[:4]
    with session_scope(url) as session:
        cases.claim(session, approve_id, "alice", settings)
    with session_scope(url) as session:
        fields = {f.name: f.shown for f in cases.case_fields(session, session.get(Submission, approve_id))}
        fields["phone"] = "01632 960000"  # a correction
        done = cases.approve(session, approve_id, fields, "alice", settings, override=True,
                             note="Checked by phone with the applicant.")
        assert done.approved, done.message
    for sid, act in ((reject_id, "reject"), (ask_id, "ask"), (hold_id, "hold")):
        with session_scope(url) as session:
            cases.claim(session, sid, "bob", settings)
        if act == "hold":
            continue
        with session_scope(url) as session:
            if act == "reject":
                cases.reject(session, sid, "bob", settings, reason="The account is not in your name.")
            else:
                cases.request_information(session, sid, "bob", settings, needed="Please send proof of the date.")
    # Retention: permits and letters kept one day, run "ten days later": those decided are purged.
    later = Settings(home=home / "data", db=url, as_of=dt.date.today() + dt.timedelta(days=10), workers=1,
                     ops=Operations(retention_days={"parking_permit": 1, "correspondence": 1}))
    purged = retention.run(later)
    assert purged.purged, "nothing was purged"
    dispose_all()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--pg-url", help="an empty PostgreSQL database (SQLAlchemy URL, psycopg driver)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db_file = Path(tmp) / "release.sqlite"
        url = f"sqlite:///{db_file}"
        make(url, Path(tmp) / "sqlite")
        with (args.out / f"release-{TAG}.export.jsonl").open("w") as fh:
            write_jsonl(fh, url)
        dispose_all()
        # One file: fold the write-ahead log in.
        import sqlite3

        con = sqlite3.connect(db_file)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.execute("PRAGMA journal_mode=DELETE")
        con.execute("VACUUM")
        con.close()
        shutil.copy(db_file, args.out / f"release-{TAG}.sqlite")
        if args.pg_url:
            make(args.pg_url, Path(tmp) / "pg")
            with (args.out / f"release-{TAG}.pg.export.jsonl").open("w") as fh:
                write_jsonl(fh, args.pg_url)
            dispose_all()
            u = make_url(args.pg_url)
            dump = subprocess.run(["pg_dump", "--inserts", "--no-owner", "--no-privileges", "-h", u.host or "",
                                   "-p", str(u.port or 5432), "-U", u.username or "", u.database or ""],
                                  check=True, capture_output=True, text=True).stdout
            (args.out / f"release-{TAG}.pg.sql").write_text(dump)


if __name__ == "__main__":
    main()
