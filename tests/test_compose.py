"""docker-compose.yml is kept honest: CI runs the same commands natively.

No Docker engine runs in CI, so these tests parse the file, check the services a
production deployment needs, and check that .ci/smoke.py (which CI runs against
real PostgreSQL and Redis) starts exactly the compose file's commands.
"""

import shlex
import sys
from pathlib import Path

import yaml

from statements.management.commands.run_newsroom import web_command

ROOT = Path(__file__).resolve().parent.parent


def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_services_and_images():
    services = compose()["services"]
    assert {"web", "worker", "beat", "clock", "db", "redis"} <= set(services)
    assert services["db"]["image"] == "postgres:16"
    assert services["redis"]["image"] == "redis:7"
    for name in ("db", "redis", "web", "worker"):
        assert "healthcheck" in services[name], name
    assert compose()["volumes"].keys() >= {"pgdata", "redisdata", "media"}


def test_app_services_use_production_settings_and_real_services():
    services = compose()["services"]
    for name in ("web", "worker", "beat", "clock"):
        env = services[name]["environment"]
        assert env["DJANGO_SETTINGS_MODULE"] == "config.settings.production"
        assert env["DATABASE_URL"].startswith("postgres://")
        assert env["REDIS_URL"].startswith("redis://")
        assert services[name]["env_file"] == ".env"
        assert services[name]["depends_on"]["db"]["condition"] == "service_healthy"


def test_commands_are_the_ones_ci_runs():
    from importlib import util

    spec = util.spec_from_file_location("smoke", ROOT / ".ci" / "smoke.py")
    smoke = util.module_from_spec(spec)
    spec.loader.exec_module(smoke)
    commands = smoke.compose_commands(ROOT / "docker-compose.yml")
    assert commands["web"][:2] == ["gunicorn", "config.wsgi:application"]
    assert commands["worker"][:4] == ["celery", "-A", "config", "worker"]
    assert commands["beat"][:4] == ["celery", "-A", "config", "beat"]
    assert commands["clock"] == ["python", "manage.py", "release_clock"]


def test_the_release_clock_does_not_wait_for_redis():
    """It is the path that works when Redis is down, so it must not depend on it."""
    clock = compose()["services"]["clock"]
    assert "redis" not in clock["depends_on"]
    assert clock["depends_on"]["db"]["condition"] == "service_healthy"


def test_every_long_running_service_restarts_and_only_migrate_runs_once():
    """A crashed service comes back on its own, and no service's exit stops another."""
    services = compose()["services"]
    assert services["migrate"]["restart"] == "no"
    for name, service in services.items():
        if name != "migrate":
            assert service.get("restart") in {"unless-stopped", "always"}, name
    for name in ("web", "worker", "beat", "clock", "db", "redis"):
        assert name in services


def test_make_run_serves_with_the_compose_web_command():
    """run_newsroom's gunicorn is compose's, but for where it listens and the control
    socket (per user by default, so a second gunicorn on a laptop would take it)."""
    compose_web = shlex.split(compose()["services"]["web"]["command"])
    laptop_web = web_command(sys.executable, "127.0.0.1", 8123)
    assert laptop_web[:3] == [sys.executable, "-m", "gunicorn"]
    laptop_web = ["gunicorn", *laptop_web[3:]]
    assert laptop_web[laptop_web.index("--bind") + 1] == "127.0.0.1:8123"
    for command in (compose_web, laptop_web):
        command[command.index("--bind") + 1] = "HOST:PORT"
    laptop_web.remove("--no-control-socket")
    assert laptop_web == compose_web


def test_example_env_file_names_every_required_secret():
    example = (ROOT / ".env.example").read_text()
    for name in ("SECRET_KEY", "ALLOWED_HOSTS", "EMAIL_HOST", "DEFAULT_FROM_EMAIL"):
        assert f"\n{name}=" in f"\n{example}"


def test_web_worker_and_clock_scale_and_beat_does_not():
    """`docker compose up --scale web=2 --scale worker=2 --scale clock=2` must start:
    no replica of those claims a host port or a container name. Beat must not scale
    (every beat sends every periodic task): its fixed container name makes Compose
    refuse a second one."""
    services = compose()["services"]
    for name in ("web", "worker", "clock"):
        assert "ports" not in services[name], name
        assert "container_name" not in services[name], name
    assert services["beat"]["container_name"].endswith("-beat")
    assert "replicas" not in services["beat"].get("deploy", {})
    assert "scale" not in services["beat"]
    web = shlex.split(services["web"]["command"])
    assert web[web.index("--bind") + 1] == "0.0.0.0:8000"
    assert services["web"]["expose"] == ["8000"]


def test_the_proxy_publishes_the_port_and_spreads_requests_over_every_web_replica():
    services = compose()["services"]
    proxy = services["proxy"]
    assert proxy["ports"] == ["8000:8000"]
    assert proxy["depends_on"] == ["web"]
    assert proxy["restart"] == "unless-stopped"
    [mount] = proxy["configs"]
    assert mount["target"] == "/etc/nginx/conf.d/default.conf"
    config = compose()["configs"][mount["source"]]["content"]
    # Docker's DNS, re-read, so replicas added by --scale are found; "$$" is Compose's
    # escape for the "$" nginx's variables need.
    assert "resolver 127.0.0.11 valid=10s" in config
    assert "set $$web http://web:8000;" in config
    assert "proxy_pass $$web;" in config
    assert "proxy_set_header Host $$http_host;" in config
    assert "listen 8000;" in config
    unescaped = config.replace("$$", "")
    assert "$" not in unescaped, "a lone $ would be interpolated by Compose"
