"""Who may reach what: sessions, CSRF, roles, throttling, cookies."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from sqlmodel import select

from formwork.db import session_scope
from formwork.models import LoginAttempt, User, WebSession
from formwork.web import auth
from tests.web.conftest import PASSWORD, Council, csrf_of, login, signed_in

PUBLIC = {"/login", "/health"}


def _routes(app: Any) -> list[tuple[str, str]]:
    out = []
    for route in app.routes:
        if isinstance(route, APIRoute) and route.path not in PUBLIC:
            path = re.sub(r"\{(\w+)\}", "1", route.path)
            out.extend((method, path) for method in sorted(route.methods))
    return out


def test_every_route_but_login_health_and_static_needs_a_session(app: Any, client: TestClient) -> None:
    routes = _routes(app)
    assert len(routes) >= 20  # the test would pass vacuously if routes stopped being found
    for method, path in routes:
        response = client.request(method, path, follow_redirects=False,
                                   data={"csrf_token": "x"} if method == "POST" else None)
        assert response.status_code == 303, (method, path, response.status_code)
        assert response.headers["location"].startswith("/login"), (method, path)
    assert client.get("/health").json() == {"status": "ok"}
    assert client.get("/login").status_code == 200
    css = client.get("/static/review.css")
    assert css.status_code == 200 and "text/css" in css.headers["content-type"]


def test_a_get_without_a_session_comes_back_after_signing_in(client: TestClient) -> None:
    first = client.get("/dashboard?x=1", follow_redirects=False)
    assert first.headers["location"] == "/login?next=%2Fdashboard%3Fx%3D1"
    page = client.get(first.headers["location"])
    assert 'name="next" value="/dashboard?x=1"' in page.text
    done = client.post("/login", data={"name": "bob", "password": PASSWORD, "csrf_token": csrf_of(page.text),
                                       "next": "/dashboard?x=1"}, follow_redirects=False)
    assert done.headers["location"] == "/dashboard?x=1"


def test_sign_in_never_redirects_off_site(client: TestClient) -> None:
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        assert login(client, "bob", next=target).headers["location"] == "/queue"


def test_every_form_post_without_a_valid_csrf_token_is_refused(app: Any, client: TestClient,
                                                                 council: Council) -> None:
    token = signed_in(client, "alice")
    case = council.case_with("LOW_CONFIDENCE")
    client.post(f"/cases/{case.id}/claim", data={"csrf_token": token})
    posts = [(m, p.replace("/1/", f"/{case.id}/")) for m, p in _routes(app) if m == "POST"]
    assert len(posts) >= 9
    for _, path in posts:
        for bad in ({}, {"csrf_token": ""}, {"csrf_token": token[:-2] + "xx"}):
            response = client.post(path, data={**bad, "reason": "r", "needed": "n", "name": "zed",
                                               "password": "long-enough-pw", "active": "0"},
                                   follow_redirects=False)
            assert response.status_code == 403, (path, bad, response.status_code)
    # Nothing happened: still an exception, nobody added, still signed in.
    assert council.submission(case.file_name).outcome == "exception"
    with session_scope(council.settings.database_url) as session:
        assert session.exec(select(User).where(User.name == "zed")).first() is None
    assert client.get("/queue", follow_redirects=False).status_code == 200


def test_the_sign_in_form_has_its_own_csrf_token(client: TestClient) -> None:
    client.get("/login")
    refused = client.post("/login", data={"name": "bob", "password": PASSWORD, "csrf_token": "forged"},
                          follow_redirects=False)
    assert refused.status_code == 403
    assert "formwork_session" not in refused.cookies


def test_a_reviewer_cannot_reach_admin_pages(client: TestClient, council: Council) -> None:
    token = signed_in(client, "bob")
    for path in ("/admin/users", "/admin/audit", "/admin/audit.csv"):
        assert client.get(path).status_code == 403, path
    added = client.post("/admin/users", data={"csrf_token": token, "name": "mallory", "role": "admin",
                                              "password": "long-enough-pw"})
    assert added.status_code == 403
    with session_scope(council.settings.database_url) as session:
        assert session.exec(select(User).where(User.name == "mallory")).first() is None
        alice = session.exec(select(User).where(User.name == "alice")).one()
    assert client.post(f"/admin/users/{alice.id}/active", data={"csrf_token": token, "active": "0"}).status_code == 403
    assert "/admin/users" not in client.get("/queue").text  # and the menu does not offer them


def test_an_admin_manages_users_and_exports_the_audit_log(client: TestClient, council: Council) -> None:
    token = signed_in(client, "alice")
    assert client.get("/admin/users").status_code == 200
    assert client.post("/admin/users", data={"csrf_token": token, "name": "dave", "role": "reviewer",
                                             "password": "short"}).status_code == 400
    assert client.post("/admin/users", data={"csrf_token": token, "name": "dave", "role": "reviewer",
                                             "password": "long-enough-pw"}, follow_redirects=False).status_code == 303
    with session_scope(council.settings.database_url) as session:
        dave = session.exec(select(User).where(User.name == "dave")).one()
    other = TestClient(client.app, base_url="http://127.0.0.1")
    assert login(other, "dave", "long-enough-pw").status_code == 303
    client.post(f"/admin/users/{dave.id}/active", data={"csrf_token": token, "active": "0"})
    assert other.get("/queue", follow_redirects=False).status_code == 303  # disabled: signed out at once
    csv = client.get("/admin/audit.csv")
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    lines = csv.text.splitlines()
    assert lines[0] == "id,at,actor,action,submission_id,before,after,note"
    assert any(",alice,user_added," in line and "dave" in line for line in lines)
    assert any(",pipeline,decided," in line for line in lines)


def test_the_session_cookie_is_httponly_and_samesite_and_logout_ends_it(client: TestClient,
                                                                          council: Council) -> None:
    response = login(client, "bob")
    cookie = response.headers["set-cookie"]
    assert "formwork_session=" in cookie and "HttpOnly" in cookie and "SameSite=lax" in cookie
    token = csrf_of(client.get("/queue").text)
    stolen = client.cookies.get("formwork_session")
    with session_scope(council.settings.database_url) as session:
        rows = session.exec(select(WebSession)).all()
    assert stolen and all(r.token_sha256 != stolen for r in rows)  # only the digest is stored
    assert client.post("/logout", data={"csrf_token": token}, follow_redirects=False).status_code == 303
    replay = TestClient(client.app, base_url="http://127.0.0.1", cookies={"formwork_session": stolen})
    assert replay.get("/queue", follow_redirects=False).status_code == 303


def test_failed_sign_ins_lock_the_user_name_out(client: TestClient, council: Council) -> None:
    limit = council.settings.review.max_failed_logins
    for _ in range(limit):
        assert login(client, "carol", "wrong-password").status_code == 401
    locked = login(client, "carol", PASSWORD)
    assert locked.status_code == 429 and "Too many failed attempts" in locked.text
    assert login(client, "bob").status_code == 303  # another name is not locked out
    with session_scope(council.settings.database_url) as session:
        assert len(session.exec(select(LoginAttempt).where(LoginAttempt.name == "carol")).all()) == limit


def test_an_unknown_user_name_is_answered_like_a_wrong_password(client: TestClient) -> None:
    assert login(client, "nobody", PASSWORD).status_code == 401


@pytest.mark.parametrize("password", ["correct-horse-battery", "pässwörd with spaces 🙂"])
def test_passwords_are_salted_scrypt_hashes(password: str) -> None:
    one, two = auth.hash_password(password), auth.hash_password(password)
    assert one != two and one.startswith("scrypt$32768$8$1$") and password not in one
    assert auth.verify_password(password, one) and auth.verify_password(password, two)
    assert not auth.verify_password(password + "x", one)
    assert not auth.verify_password(password, "md5$whatever")
