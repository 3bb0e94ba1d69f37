"""Staff accounts, passwords, sign-in sessions, CSRF tokens and login throttling.

- Passwords are hashed with scrypt (a memory-hard, salted key-derivation
  function in the standard library); the parameters are stored with each
  hash so that they can be raised later without breaking old ones.
- A session is a random token in an HttpOnly, SameSite cookie. The database
  keeps only the token's sha256, so a copy of the database signs nobody in.
- Each session has its own CSRF token, which every form posts back.
- Failed sign-ins are counted per user name and per client address; too
  many within the lock-out window refuse further tries until it passes.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from formwork import audit
from formwork.models import LoginAttempt, Role, User, WebSession, utcnow
from formwork.settings import Review

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
_MAXMEM = 64 * 1024 * 1024
NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$")
MIN_PASSWORD = 10


class AuthError(ValueError):
    """A user cannot be added or changed as asked (a one-line reason)."""


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, maxmem=_MAXMEM)
    b64 = base64.b64encode
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        got = hashlib.scrypt(password.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p),
                             maxmem=_MAXMEM, dklen=len(expected))
    except ValueError:
        return False
    return hmac.compare_digest(got, expected)


#: Checked against when the user name is unknown, so that a wrong name costs as long as a wrong password.
_DUMMY_HASH = hash_password(secrets.token_hex(8))


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# --------------------------------------------------------------------------- users


def add_user(session: Session, name: str, role: Role, password: str, actor: str) -> User:
    if not NAME_PATTERN.match(name):
        raise AuthError("a user name is 2 to 64 letters, digits, '.', '_', '@' or '-', starting with a "
                        "letter or digit")
    if len(password) < MIN_PASSWORD:
        raise AuthError(f"the password must be at least {MIN_PASSWORD} characters")
    if session.exec(select(User).where(func.lower(User.name) == name.lower())).first():
        raise AuthError(f"there is already a user called {name}")
    user = User(name=name, role=role, password_hash=hash_password(password))
    session.add(user)
    session.flush()
    audit.record(session, actor, "user_added", after={"user": name, "role": role.value})
    return user


def set_active(session: Session, user: User, active: bool, actor: str) -> None:
    if user.active == active:
        return
    user.active = active
    session.add(user)
    if not active:
        session.execute(delete(WebSession).where(col(WebSession.user_id) == user.id))
    audit.record(session, actor, "user_enabled" if active else "user_disabled", after={"user": user.name})


# --------------------------------------------------------------------------- sessions


@dataclass(frozen=True)
class SignedIn:
    """Who is asking, as the routes see it."""

    user_id: int
    name: str
    role: Role
    csrf_token: str
    session_id: int

    @property
    def is_admin(self) -> bool:
        return self.role is Role.admin


def start_session(session: Session, user: User, review: Review) -> str:
    """A new session for ``user``; returns the token for the cookie (never stored as such)."""
    assert user.id is not None
    token = secrets.token_urlsafe(32)
    now = utcnow()
    session.add(WebSession(token_sha256=token_digest(token), user_id=user.id, csrf_token=secrets.token_urlsafe(32),
                           created_at=now, expires_at=now + dt.timedelta(hours=review.session_hours)))
    # Expired sessions of anyone are swept on each sign-in: the table stays small without a job.
    session.execute(delete(WebSession).where(col(WebSession.expires_at) < now))
    return token


def _aware(value: dt.datetime) -> dt.datetime:
    # SQLite hands back naive datetimes for what was stored as UTC.
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def find_session(session: Session, token: str | None) -> SignedIn | None:
    if not token:
        return None
    row = session.exec(select(WebSession).where(WebSession.token_sha256 == token_digest(token))).first()
    if row is None or _aware(row.expires_at) < utcnow():
        return None
    user = session.get(User, row.user_id)
    if user is None or not user.active or user.id is None or row.id is None:
        return None
    return SignedIn(user.id, user.name, Role(user.role), row.csrf_token, row.id)


def end_session(session: Session, token: str | None) -> None:
    if token:
        session.execute(delete(WebSession).where(col(WebSession.token_sha256) == token_digest(token)))


def csrf_ok(expected: str, given: str | None) -> bool:
    return bool(given) and hmac.compare_digest(expected.encode(), (given or "").encode())


# --------------------------------------------------------------------------- signing in, throttled


@dataclass(frozen=True)
class LoginResult:
    user: User | None
    locked_minutes: int = 0


def _failures(session: Session, since: dt.datetime, **where: str) -> int:
    stmt = select(func.count()).select_from(LoginAttempt).where(
        col(LoginAttempt.at) >= since, col(LoginAttempt.succeeded).is_(False))
    for column, value in where.items():
        stmt = stmt.where(getattr(LoginAttempt, column) == value)
    return int(session.exec(stmt).one())


def attempt_login(session: Session, name: str, password: str, client: str, review: Review) -> LoginResult:
    """Check a user name and password, unless the name or the client is locked out; record the attempt."""
    name = name.strip()[:64]
    since = utcnow() - dt.timedelta(minutes=review.lockout_minutes)
    if (_failures(session, since, name=name.lower()) >= review.max_failed_logins
            or _failures(session, since, client=client) >= 5 * review.max_failed_logins):
        return LoginResult(None, review.lockout_minutes)
    user = session.exec(select(User).where(func.lower(User.name) == name.lower())).first()
    ok = verify_password(password, user.password_hash if user else _DUMMY_HASH) and user is not None and user.active
    session.add(LoginAttempt(name=name.lower(), client=client, succeeded=ok))
    if ok:
        # A success clears the name's failures, so one typo an hour never locks anyone out.
        session.execute(delete(LoginAttempt).where(col(LoginAttempt.name) == name.lower(),
                                                   col(LoginAttempt.succeeded).is_(False)))
        return LoginResult(user)
    return LoginResult(None)
