"""The staff review app: FastAPI serving server-rendered pages from ``templates/review/``.

Every page but sign-in, ``/health`` and ``/static`` needs a signed-in
session; every form post carries the session's CSRF token (the sign-in form
a cookie-bound one of its own); administrators alone reach ``/admin``.
Everything the pages use is served from this package: nothing from a CDN.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import parse_qsl, urlencode

from fastapi import Depends, FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from sqlmodel import Session, col, select
from starlette.exceptions import HTTPException as StarletteHTTPException

from formwork import learning
from formwork import reasons as R
from formwork.db import get_engine, session_scope
from formwork.models import AuditEntry, Letter, Outcome, Role, Submission, User
from formwork.paths import templates_dir
from formwork.settings import Settings
from formwork.web import auth, cases, charts, names, pages, stats

STATIC = Path(__file__).resolve().parent / "static"
SESSION_COOKIE = "formwork_session"
LOGIN_CSRF_COOKIE = "formwork_login_csrf"
MAX_FORM_BYTES = 256 * 1024

#: Messages a redirect may ask a page to show (by key, so no request text is ever echoed).
MESSAGES = {
    "approved": "Case approved: the action was applied and the letter written.",
    "rejected": "Case rejected: the letter was written.",
    "more_information": "Letter asking for more information written; the case is waiting for the reply.",
    "released": "Case released: it is back in the queue for anyone.",
    "signed_out": "You have signed out.",
    "user_added": "User added.",
    "layout_forgotten": "Layout forgotten: its forms are read from their labels again until staff teach it anew.",
    "user_changed": "User updated.",
    "read_as": "Read again as the form you chose: check its answers against the page, then decide.",
}


class NotSignedIn(Exception):
    pass


class Refused(Exception):
    def __init__(self, status: int, title: str, message: str) -> None:
        super().__init__(message)
        self.status, self.title, self.message = status, title, message


# --------------------------------------------------------------------------- request helpers


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def db(request: Request) -> Iterator[Session]:
    with session_scope(_settings(request).database_url) as session:
        yield session


DbDep = Annotated[Session, Depends(db)]


def signed_in(request: Request) -> auth.SignedIn:
    with session_scope(_settings(request).database_url) as session:
        user = auth.find_session(session, request.cookies.get(SESSION_COOKIE))
    if user is None:
        raise NotSignedIn
    return user


UserDep = Annotated[auth.SignedIn, Depends(signed_in)]


def admin(user: UserDep) -> auth.SignedIn:
    if not user.is_admin:
        raise Refused(403, "Administrators only", "This page is for administrators. Ask one if you need it.")
    return user


AdminDep = Annotated[auth.SignedIn, Depends(admin)]


async def posted(request: Request) -> dict[str, str]:
    """The form post, URL-encoded as HTML forms send it (no multipart parser needed)."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "application/x-www-form-urlencoded":
        raise Refused(415, "Not a form", "This address takes a form from Formwork's own pages.")
    body = await request.body()
    if len(body) > MAX_FORM_BYTES:
        raise Refused(413, "Too much", "The form was too large.")
    try:
        pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True, max_num_fields=500, strict_parsing=False)
    except (UnicodeDecodeError, ValueError):
        raise Refused(400, "Not a form", "The form could not be read.") from None
    return dict(pairs)


FormDep = Annotated[dict[str, str], Depends(posted)]


def checked(user: UserDep, form: FormDep) -> dict[str, str]:
    """The posted form, after its CSRF token has been checked against the session's."""
    if not auth.csrf_ok(user.csrf_token, form.get("csrf_token")):
        raise Refused(403, "Form expired", "This form has expired or did not come from Formwork. "
                                           "Go back, reload the page and try again.")
    return form


CheckedDep = Annotated[dict[str, str], Depends(checked)]


def _safe_next(target: str | None) -> str:
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/queue"


# --------------------------------------------------------------------------- the app


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(templates_dir()), autoescape=select_autoescape(["html"]),
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(describe=names.describe, check_label=names.check_label, field_label=names.field_label,
                       key_label=names.key_label, value_text=names.value_text, how_read=names.how_read,
                       action_label=names.action_label, field_hint=names.field_hint,
                       date_reading=names.date_reading, form_title=_form_title, age_text=cases.age_text,
                       form_types=cases.form_types,
                       messages=MESSAGES)
    env.filters["when"] = names.when
    env.filters["humanise"] = names.humanise
    env.filters["json"] = lambda v: json.dumps(v, default=str, ensure_ascii=False)
    env.tests["mapping"] = lambda v: isinstance(v, dict)
    env.tests["listlike"] = lambda v: isinstance(v, list | tuple)
    return env


def _form_title(form_type: str | None) -> str:
    return names.FORMS.get(form_type or "") or cases.form_title(form_type)


def _cell(text: str) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def create_app(settings: Settings) -> FastAPI:
    get_engine(settings.database_url)  # fail at start-up, not on the first page, on a bad database
    app = FastAPI(title="Formwork review", docs_url=None, redoc_url=None, openapi_url=None)
    app.state.settings = settings
    templates = Jinja2Templates(env=_environment())
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        user = context.pop("user", None)
        context.setdefault("message", MESSAGES.get(request.query_params.get("msg", ""), ""))
        context.setdefault("error", "")
        return templates.TemplateResponse(request, f"review/{template}", {"user": user, **context},
                                          status_code=status)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; "
            "frame-ancestors 'none'; form-action 'self'; base-uri 'none'")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        response.headers.setdefault("X-Frame-Options", "DENY")
        if not request.url.path.startswith("/static"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.exception_handler(NotSignedIn)
    async def _not_signed_in(request: Request, _exc: NotSignedIn) -> Response:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        where = "/login" + (f"?{urlencode({'next': target})}" if request.method == "GET" else "")
        return RedirectResponse(where, status_code=303)

    @app.exception_handler(Refused)
    async def _refused(request: Request, exc: Refused) -> Response:
        return page(request, "error.html", exc.status, title=exc.title, text=exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            return page(request, "error.html", 404, title="Not found", text="There is nothing at this address.")
        if exc.status_code == 405:
            return page(request, "error.html", 405, title="Not allowed", text="This address does not take that.")
        return page(request, "error.html", exc.status_code, title="Error", text=str(exc.detail))

    @app.exception_handler(cases.CaseError)
    async def _case_error(request: Request, exc: cases.CaseError) -> Response:
        return page(request, "error.html", 409, title="Cannot do that", text=str(exc))

    # ------------------------------------------------------------------ public

    @app.get("/health")
    def health() -> JSONResponse:
        with session_scope(settings.database_url) as session:
            session.exec(select(Submission.id).limit(1)).all()
        return JSONResponse({"status": "ok"})

    @app.get("/login")
    def login_form(request: Request, next: str = "") -> Response:
        token = request.cookies.get(LOGIN_CSRF_COOKIE) or secrets.token_urlsafe(32)
        response = page(request, "login.html", csrf=token, next=_safe_next(next), name="")
        response.set_cookie(LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict",
                            secure=settings.review.secure_cookie, path="/login")
        return response

    @app.post("/login")
    def login(request: Request, form: FormDep) -> Response:
        token = request.cookies.get(LOGIN_CSRF_COOKIE, "")
        target = _safe_next(form.get("next"))
        if not token or not auth.csrf_ok(token, form.get("csrf_token")):
            return page(request, "login.html", 403, csrf=token or secrets.token_urlsafe(32), next=target,
                        name=form.get("name", ""),
                        error="The sign-in form had expired. Please try again.")
        client = request.client.host if request.client else "unknown"
        with session_scope(settings.database_url) as session:
            result = auth.attempt_login(session, form.get("name", ""), form.get("password", ""), client,
                                        settings.review)
            user_token = auth.start_session(session, result.user, settings.review) if result.user else None
        if user_token is None:
            error = (f"Too many failed attempts. Try again in {result.locked_minutes} minutes."
                     if result.locked_minutes else "The user name or password is not right.")
            return page(request, "login.html", 429 if result.locked_minutes else 401, csrf=token, next=target,
                        name=form.get("name", ""), error=error)
        response = RedirectResponse(target, status_code=303)
        response.set_cookie(SESSION_COOKIE, user_token, httponly=True, samesite="lax",
                            secure=settings.review.secure_cookie, max_age=int(settings.review.session_hours * 3600))
        response.delete_cookie(LOGIN_CSRF_COOKIE, path="/login")
        return response

    # ------------------------------------------------------------------ signed in

    @app.post("/logout")
    def logout(request: Request, _form: CheckedDep) -> Response:
        with session_scope(settings.database_url) as session:
            auth.end_session(session, request.cookies.get(SESSION_COOKIE))
        response = RedirectResponse("/login?msg=signed_out", status_code=303)
        response.delete_cookie(SESSION_COOKIE)
        return response

    @app.get("/")
    def home(_user: UserDep) -> Response:
        return RedirectResponse("/queue", status_code=303)

    @app.get("/queue")
    def queue_page(request: Request, user: UserDep, session: DbDep, form_type: str = "", reason: str = "",
                   age: str = "", status: str = "open") -> Response:
        status = status if status in cases.STATUSES else "open"
        q = cases.queue(session, settings, user.name, form_type=form_type, reason=reason, age=age, status=status)
        return page(request, "queue.html", user=user, q=q, filters={"form_type": form_type, "reason": reason,
                                                                      "age": age, "status": status},
                    ages=cases.AGES, reason_texts=R.TEXTS)

    @app.post("/cases/{submission_id}/claim")
    def claim_case(submission_id: int, user: UserDep, _form: CheckedDep) -> Response:
        with session_scope(settings.database_url) as session:
            cases.claim(session, submission_id, user.name, settings)
        return RedirectResponse(f"/cases/{submission_id}", status_code=303)

    @app.post("/cases/{submission_id}/release")
    def release_case(submission_id: int, user: UserDep, _form: CheckedDep) -> Response:
        with session_scope(settings.database_url) as session:
            cases.release(session, submission_id, user.name, user.is_admin)
        return RedirectResponse("/queue?msg=released", status_code=303)

    def case_page(request: Request, session: Session, user: auth.SignedIn, submission_id: int, status: int = 200,
                  **extra: Any) -> HTMLResponse:
        view = cases.case_view(session, submission_id, settings)
        sizes = pages.page_sizes(settings, view.sub)
        boxes = pages.answer_boxes(settings, view.sub, sizes, view.fields) if sizes else {}
        extra.setdefault("recheck", None)
        extra.setdefault("entered", {})
        extra.setdefault("override", False)
        extra.setdefault("note", "")
        lessons = {f.name: learning.lesson(session, f.row.lesson_id) for f in view.fields
                   if f.row is not None and f.row.method == "learned"}
        return page(request, "case.html", status, user=user, view=view, sizes=sizes, boxes=boxes,
                    threshold=settings.policy.confidence_threshold, lessons=lessons, **extra)

    @app.get("/cases/{submission_id}")
    def case(request: Request, submission_id: int, user: UserDep, session: DbDep) -> Response:
        return case_page(request, session, user, submission_id)

    @app.post("/cases/{submission_id}/check")
    def check_case(request: Request, submission_id: int, user: UserDep, form: CheckedDep,
                   session: DbDep) -> Response:
        result = cases.recheck(session, submission_id, form, settings)  # rolled back: it changes nothing
        return case_page(request, session, user, submission_id, recheck=result, entered=result.fix.entered,
                         override=bool(form.get("override")), note=form.get("note", ""))

    @app.post("/cases/{submission_id}/read-as")
    def read_case_as(submission_id: int, user: UserDep, form: CheckedDep) -> Response:
        with session_scope(settings.database_url) as session:
            cases.read_as(session, submission_id, form.get("form_type", ""), user.name, settings)
        return RedirectResponse(f"/cases/{submission_id}?msg=read_as", status_code=303)

    @app.post("/cases/{submission_id}/approve")
    def approve_case(request: Request, submission_id: int, user: UserDep, form: CheckedDep) -> Response:
        with session_scope(settings.database_url) as session:
            result = cases.approve(session, submission_id, form, user.name, settings,
                                   override=bool(form.get("override")), note=form.get("note", ""))
        if result.approved:
            return RedirectResponse(f"/cases/{submission_id}?msg=approved", status_code=303)
        with session_scope(settings.database_url) as session:
            return case_page(request, session, user, submission_id, 409, recheck=result.check,
                             entered=result.check.fix.entered, error=result.message,
                             override=bool(form.get("override")), note=form.get("note", ""))

    @app.post("/cases/{submission_id}/reject")
    def reject_case(submission_id: int, user: UserDep, form: CheckedDep) -> Response:
        with session_scope(settings.database_url) as session:
            cases.reject(session, submission_id, user.name, settings, reason=form.get("reason", ""),
                         note=form.get("note", ""))
        return RedirectResponse(f"/cases/{submission_id}?msg=rejected", status_code=303)

    @app.post("/cases/{submission_id}/request-information")
    def request_information(submission_id: int, user: UserDep, form: CheckedDep) -> Response:
        with session_scope(settings.database_url) as session:
            cases.request_information(session, submission_id, user.name, settings,
                                      needed=form.get("needed", ""), note=form.get("note", ""))
        return RedirectResponse(f"/cases/{submission_id}?msg=more_information", status_code=303)

    @app.get("/cases/{submission_id}/pages/{number}.png")
    def page_image(submission_id: int, number: int, _user: UserDep, session: DbDep) -> Response:
        sub = session.get(Submission, submission_id)
        png = pages.page_png(settings, sub, number) if sub is not None else None
        if png is None:
            raise StarletteHTTPException(404)
        return FileResponse(png, media_type="image/png", headers={"Cache-Control": "private, max-age=86400"})

    @app.get("/cases/{submission_id}/pages/{number}/words.json")
    def page_words(submission_id: int, number: int, _user: UserDep, session: DbDep) -> Response:
        """The words on a page and their boxes in points from the top left, for copying into an answer."""
        sub = session.get(Submission, submission_id)
        found = pages.words_on(settings, sub, number) if sub is not None else None
        if found is None:
            raise StarletteHTTPException(404)
        return JSONResponse({"page": found.number, "width": found.width, "height": found.height,
                             "words": [w.__dict__ for w in found.words]},
                            headers={"Cache-Control": "private, max-age=86400"})

    @app.get("/submissions/{submission_id}/original")
    def original(submission_id: int, _user: UserDep, session: DbDep) -> Response:
        sub = session.get(Submission, submission_id)
        path = pages.original_file(settings, sub) if sub is not None else None
        if sub is None or path is None or not path.is_file():
            raise StarletteHTTPException(404)
        safe_name = "".join(c if c.isalnum() or c in "._-" else "_" for c in sub.file_name) or "original"
        return FileResponse(path, media_type="application/octet-stream", filename=safe_name)

    @app.get("/letters/{letter_id}")
    def letter(letter_id: int, _user: UserDep, session: DbDep) -> Response:
        row = session.get(Letter, letter_id)
        if row is None:
            raise StarletteHTTPException(404)
        return HTMLResponse(row.body_html)

    @app.get("/quarantine")
    def quarantine(request: Request, user: UserDep, session: DbDep) -> Response:
        rows = list(session.exec(select(Submission).where(Submission.outcome == Outcome.quarantined)
                                 .order_by(col(Submission.received_at).desc(), col(Submission.id).desc())))
        return page(request, "quarantine.html", user=user, rows=rows)

    @app.get("/dashboard")
    def dashboard(request: Request, user: UserDep, session: DbDep) -> Response:
        board = stats.dashboard(session, settings)
        days = [f"{d.day} {d:%b}" for d in board.days]
        volume_charts = [
            (ft, charts.stacked_bars(f"{_form_title(ft)}: submissions per day by outcome", days,
                                     {c: board.volumes[ft][c] for c in stats.CATEGORIES
                                      if any(board.volumes[ft][c])}, colours=stats.COLOURS))
            for ft in sorted(board.volumes)
        ]
        reasons = [(R.TEXTS.get(code, code), float(n)) for code, n in board.reasons.most_common(12)]
        return page(request, "dashboard.html", user=user, board=board, volume_charts=volume_charts,
                    reasons_chart=charts.horizontal_bars("Open exceptions by reason", reasons),
                    reasons=reasons, categories=stats.CATEGORIES, duration=stats.duration_text)

    # ------------------------------------------------------------------ administrators

    @app.get("/admin/users")
    def users(request: Request, user: AdminDep, session: DbDep) -> Response:
        rows = list(session.exec(select(User).order_by(col(User.name))))
        return page(request, "users.html", user=user, rows=rows, roles=[r.value for r in Role])

    @app.post("/admin/users")
    def add_user(request: Request, user: AdminDep, form: CheckedDep) -> Response:
        with session_scope(settings.database_url) as session:
            try:
                role = Role(form.get("role", "reviewer"))
                auth.add_user(session, form.get("name", "").strip(), role, form.get("password", ""), user.name)
            except (ValueError, auth.AuthError) as exc:
                session.rollback()
                rows = list(session.exec(select(User).order_by(col(User.name))))
                return page(request, "users.html", 400, user=user, rows=rows, roles=[r.value for r in Role],
                            error=str(exc))
        return RedirectResponse("/admin/users?msg=user_added", status_code=303)

    @app.post("/admin/users/{user_id}/active")
    def set_active(user_id: int, user: AdminDep, form: CheckedDep) -> Response:
        with session_scope(settings.database_url) as session:
            target = session.get(User, user_id)
            if target is None:
                raise StarletteHTTPException(404)
            if target.id == user.user_id:
                raise Refused(409, "Cannot do that", "You cannot disable your own account.")
            auth.set_active(session, target, form.get("active") == "1", user.name)
        return RedirectResponse("/admin/users?msg=user_changed", status_code=303)

    @app.get("/admin/layouts")
    def learned_layouts(request: Request, user: AdminDep, session: DbDep) -> Response:
        return page(request, "layouts.html", user=user, rows=learning.layouts(session))

    @app.post("/admin/layouts/{layout_id}/forget")
    def forget_layout(layout_id: int, user: AdminDep, _form: CheckedDep) -> Response:
        with session_scope(settings.database_url) as session:
            try:
                learning.forget(session, layout_id, user.name)
            except learning.UnknownLayout:
                raise StarletteHTTPException(404) from None
        return RedirectResponse("/admin/layouts?msg=layout_forgotten", status_code=303)

    @app.get("/admin/audit")
    def audit_log(request: Request, user: AdminDep, session: DbDep, submission: int | None = None) -> Response:
        stmt = select(AuditEntry).order_by(col(AuditEntry.id).desc()).limit(300)
        if submission is not None:
            stmt = stmt.where(AuditEntry.submission_id == submission)
        return page(request, "audit.html", user=user, rows=list(session.exec(stmt)), submission=submission)

    @app.get("/admin/audit.csv")
    def audit_csv(_user: AdminDep) -> Response:
        def rows() -> Iterator[str]:
            buf = io.StringIO()
            out = csv.writer(buf)
            out.writerow(["id", "at", "actor", "action", "submission_id", "before", "after", "note"])
            with session_scope(settings.database_url) as session:
                for e in session.exec(select(AuditEntry).order_by(col(AuditEntry.id))).yield_per(1000):
                    out.writerow([e.id, cases.aware(e.at).isoformat(), _cell(e.actor), e.action, e.submission_id,
                                  _cell(json.dumps(e.before, default=str)) if e.before is not None else "",
                                  _cell(json.dumps(e.after, default=str)) if e.after is not None else "",
                                  _cell(e.note or "")])
                    yield buf.getvalue()
                    buf.seek(0)
                    buf.truncate()
            yield buf.getvalue()

        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M")
        return StreamingResponse(rows(), media_type="text/csv",
                                 headers={"Content-Disposition": f'attachment; filename="audit-{stamp}.csv"'})

    return app
