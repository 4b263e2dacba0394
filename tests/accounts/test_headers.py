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
