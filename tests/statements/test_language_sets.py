"""The EU's 24 languages and the UN's six each start, migrate, load the demo with their
own first language, and serve every language's home page, newsroom and a statement,
clean under axe (issue 14).

Settings are read once, at import, so each set runs as the README says an operator runs
it: ``LANGUAGES=...`` in the environment of ``manage.py migrate``, ``load_demo`` and a
web server, on a SQLite file of its own. The two sets boot side by side.
"""

import os
import re
import shlex
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from statements.demo import site as demo_site
from tests.browser import chromium
from tests.statements.test_accessibility import axe_problems

pytestmark = [pytest.mark.browser]

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# The EU's official languages in protocol order (by their own names), Bulgarian first;
# the UN's six in theirs, Arabic first: neither first language is one of the demo's seven.
SETS = {
    "EU": "bg,es,cs,da,de,et,el,en,fr,ga,hr,it,lv,lt,hu,mt,nl,pl,pt,ro,sk,sl,fi,sv",
    "UN": "ar,zh-hans,en,fr,ru,es",
}
RIGHT_TO_LEFT = {"ar"}
ALIASES = (
    "from wagtail.models import Page; "
    "print('aliases', Page.objects.filter(alias_of__isnull=False).count())"
)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def set_environment(languages, var_dir):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "REQUIRE_SERVICES", "PYTEST_XDIST_WORKER"}
    }
    env.update(
        LANGUAGES=languages,
        COMMUNIQUE_VAR_DIR=str(var_dir),
        DJANGO_SETTINGS_MODULE="config.settings.test",
    )
    return env


def manage(*args):
    return [sys.executable, str(BASE_DIR / "manage.py"), *args]


def load_script(languages, var_dir):
    """migrate, then load_demo, then count alias pages: one shell line, one process each."""
    steps = [
        manage("migrate", "--noinput", "-v0"),
        manage("load_demo"),
        manage("shell", "-c", ALIASES),
    ]
    return " && ".join(shlex.join(step) for step in steps)


def get(base, path):
    try:
        with urllib.request.urlopen(base + path, timeout=60) as response:  # noqa: S310
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def wait_for(base, server):
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise AssertionError(f"the web server stopped: {server.stdout.read()}")
        try:
            get(base, "/health/")
            return
        except OSError:
            time.sleep(0.5)
    raise AssertionError("the web server did not answer within 120 s")


@pytest.fixture(scope="module")
def booted(tmp_path_factory):
    """Both sets migrated, loaded and served; yields {set: (codes, base URL, output)}."""
    loads = {}
    for name, languages in SETS.items():
        var_dir = tmp_path_factory.mktemp(f"languages-{name}")
        env = set_environment(languages, var_dir)
        process = subprocess.Popen(  # noqa: S602 - our own command line, quoted by shlex
            load_script(languages, var_dir),
            shell=True,
            env=env,
            cwd=BASE_DIR,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        loads[name] = (languages, env, process)
    servers, booted = [], {}
    try:
        for name, (languages, env, process) in loads.items():
            output, _ = process.communicate(timeout=1500)
            assert process.returncode == 0, f"{name} ({languages}) did not load:\n{output}"
            port = free_port()
            server = subprocess.Popen(
                manage("runserver", "--noreload", "--skip-checks", f"127.0.0.1:{port}"),
                env=env,
                cwd=BASE_DIR,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
            )
            servers.append(server)
            base = f"http://127.0.0.1:{port}"
            wait_for(base, server)
            booted[name] = (languages.split(","), base, output)
        yield booted
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=30)
        for _languages, _env, process in loads.values():
            if process.poll() is None:
                process.kill()


def statement_paths(sitemap):
    """One released statement per language, from the sitemap (/<code>/newsroom/<slug>/)."""
    found = {}
    for location in re.findall(r"<loc>([^<]+)</loc>", sitemap):
        parts = [p for p in urlsplit(location).path.split("/") if p]
        if len(parts) == 3 and parts[1] == "newsroom":
            found.setdefault(parts[0], "/" + "/".join(parts) + "/")
    return found


@pytest.mark.parametrize("name", list(SETS))
def test_each_language_set_boots_and_serves_every_language(booted, name):
    codes, base, output = booted[name]
    assert "aliases 0" in output, output[-2000:]
    status, sitemap = get(base, "/sitemap.xml")
    assert status == 200
    statements = statement_paths(sitemap)
    # The demo's statements exist in English and French, which both sets have.
    assert {"en", "fr"} <= set(statements), statements
    assert set(statements) <= set(codes)

    for code in codes:
        status, html = get(base, f"/{code}/")
        assert status == 200, f"/{code}/ answered {status}"
        home = BeautifulSoup(html, "html.parser")
        assert home.html["lang"] == code
        assert home.html["dir"] == ("rtl" if code in RIGHT_TO_LEFT else "ltr")
        assert home.h1.get_text() == demo_site.HOME[code]["title"]
        offered = {link["hreflang"] for link in home.select('link[rel="alternate"][hreflang]')}
        assert offered == {*codes, "x-default"}, code

        status, html = get(base, f"/{code}/newsroom/")
        assert status == 200, f"/{code}/newsroom/ answered {status}"
        newsroom = BeautifulSoup(html, "html.parser")
        # Its own translated title, not an alias copy of the English newsroom.
        assert newsroom.html["lang"] == code
        assert newsroom.h1.get_text() == demo_site.NEWSROOM[code]["title"]

    for code, path in statements.items():
        status, html = get(base, path)
        assert status == 200, f"{path} answered {status}"
        assert BeautifulSoup(html, "html.parser").html["lang"] == code


@pytest.mark.parametrize("name", list(SETS))
def test_each_language_set_passes_axe(booted, name):
    # Imported here, as in test_accessibility: only browser runs need Playwright loaded.
    from axe_playwright_python.sync_playwright import Axe

    codes, base, _output = booted[name]
    _status, sitemap = get(base, "/sitemap.xml")
    paths = [f"/{code}/{page}" for code in codes for page in ("", "newsroom/")]
    paths += list(statement_paths(sitemap).values())
    axe, problems = Axe(), []
    with chromium() as browser:
        page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
        for path in paths:
            response = page.goto(base + path, wait_until="load")
            assert response.status == 200, path
            problems += axe_problems(axe, page, f"{name} {path}")
    assert not problems, "axe found serious or critical violations:\n" + "\n".join(problems)
