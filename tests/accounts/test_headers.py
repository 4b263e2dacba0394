"""Content-Security-Policy and Permissions-Policy on public and admin pages."""

import re

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def directives(response):
    header = response["Content-Security-Policy"]
    return {
        part.split()[0]: part.split()[1:] for part in (p.strip() for p in header.split(";")) if part
    }


def test_public_pages_have_a_strict_policy_and_no_inline_code(client, site_tree, governments):
    ca = governments["CA"]
    statement = factories.make_statement(
        site_tree["newsrooms"]["en"], [ca, governments["FR"]], lead=ca, slug="joint"
    )
    for url in ("/en/", "/en/newsroom/", statement.url):
        response = client.get(url)
        assert response.status_code == 200, url
        policy = directives(response)
        assert policy["frame-ancestors"] == ["'none'"]
        assert policy["object-src"] == ["'none'"]
        for kind in ("script-src", "style-src", "default-src"):
            assert "'unsafe-inline'" not in policy[kind], (url, kind)
            assert "'unsafe-eval'" not in policy[kind], (url, kind)
        html = response.text
        # Only data blocks (JSON-LD) may be inline; no style="" either.
        for attrs in re.findall(r"<script([^>]*)>", html):
            assert "src=" in attrs or "application/ld+json" in attrs, (url, attrs)
        assert "<style" not in html, url
        assert not re.search(r"\sstyle=", html), url
        assert "publickey-credentials-get=(self)" in response["Permissions-Policy"]
        assert "camera=()" in response["Permissions-Policy"]


def test_the_admin_policy_is_the_one_wagtail_needs(client, site_tree):
    response = client.get("/admin/login/")
    policy = directives(response)
    assert policy["frame-ancestors"] == ["'self'"]
    assert "'unsafe-inline'" in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["object-src"] == ["'none'"]
    assert not any(v.startswith("'nonce-") for v in policy["script-src"])
    assert "camera=()" in response["Permissions-Policy"]

    client.force_login(factories.drafter())
    edit = client.get("/admin/pages/")
    assert edit.status_code == 200
    assert directives(edit)["frame-ancestors"] == ["'self'"]


def test_a_page_answered_from_the_cache_has_the_headers_too(client, site_tree, page_cache):
    first = client.get("/en/")
    again = client.get("/en/")
    assert again.status_code == 200
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in again["Content-Security-Policy"]
    assert again["Permissions-Policy"] == first["Permissions-Policy"]


def test_wagtail_still_writes_inline_script_on_the_editor_so_the_admin_allows_it(
    client, site_tree, governments
):
    """The reason for the admin's 'unsafe-inline' (docs/security.md): when this
    fails, Wagtail stopped writing inline script and the admin policy can drop it."""
    ca = governments["CA"]
    statement = factories.make_statement(site_tree["newsrooms"]["en"], [ca], lead=ca)
    client.force_login(factories.UserFactory(username="root", is_superuser=True))
    edit = client.get(f"/admin/pages/{statement.pk}/edit/")
    assert edit.status_code == 200
    inline = [
        attrs
        for attrs in re.findall(r"<script([^>]*)>", edit.text)
        if "src=" not in attrs and "json" not in attrs
    ]
    assert inline, "no inline <script> left on the editor"
    assert "'unsafe-inline'" in directives(edit)["script-src"]
