"""Run the whole stack for a laptop in one command: web (gunicorn, as in production),
a Celery worker, Celery beat and the release clock, under supervisord.

supervisord (docs/adr/0008) restarts a child that exits: at once if it had stayed up
for ``STARTSECS``, after a delay growing by a second each time if it keeps failing
on start, and logs every exit and restart. One child's crash never stops the others,
so a worker killed, or a broker gone, cannot leave a release without its clock.

``--without beat`` leaves a program out: a second stack against the same database and
Redis (another host, or a scale-out test on one machine) runs no beat of its own, since
beat runs once per deployment (docs/operations.md, "Growing past one machine").

Ctrl-C (or SIGTERM) stops supervisord, which stops every child and waits for it,
killing the child's whole process group (gunicorn's and Celery's own workers) if it
takes too long; nothing is left running.
"""

import fcntl
import os
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from statements.management.demo_pipeline import DEMO_PASSWORD

# A child that exits within this many seconds of starting has failed to start: it is
# retried after 1 s, then 2 s, 3 s ... and given up after STARTRETRIES attempts.
STARTSECS = 5
STARTRETRIES = 20
# How long a child may take to stop on SIGTERM before it is killed.
STOPWAITSECS = {"web": 10, "worker": 30, "beat": 10, "clock": 10}
# They stop together (one supervisord group), so this bounds a Ctrl-C.
SHUTDOWN_SECONDS = max(STOPWAITSECS.values()) + 10


def web_command(python, host, port):
    """docker-compose.yml's web command, on this host and port (tests/test_compose.py
    keeps the two in step): what is measured on a laptop is what ships. Without a
    control socket: gunicorn's default path is one per user, and a second gunicorn on
    the machine would take it over."""
    return [
        python,
        "-m",
        "gunicorn",
        "config.wsgi:application",
        "--bind",
        f"{host}:{port}",
        "--workers",
        "3",
        "--timeout",
        "60",
        "--access-logfile",
        "-",
        "--no-control-socket",
    ]


def program_commands(host, port):
    python = sys.executable
    manage = str(settings.BASE_DIR / "manage.py")
    celery = [python, "-m", "celery", "-A", "config"]
    return {
        "web": web_command(python, host, port),
        "worker": [*celery, "worker", "--loglevel", "INFO", "--concurrency", "2"],
        "beat": [
            *celery,
            "beat",
            "--loglevel",
            "INFO",
            "--schedule",
            settings.CELERY_BEAT_SCHEDULE_FILENAME,
        ],
        # Releases on time even if the worker or broker is down (needs only the
        # database); on SQLite, run exactly one of these.
        "clock": [python, manage, "release_clock"],
    }


PROGRAM_NAMES = {
    "web": "web",
    "worker": "worker",
    "beat": "beat",
    "clock": "the release clock",
}


def describe(programs):
    """The programs that run, named as the stop message has always named them."""
    names = [PROGRAM_NAMES[name] for name in programs]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _value(text):
    """supervisord expands %(name)s in its configuration; a literal % is %%."""
    return str(text).replace("%", "%%")


def supervisord_config(programs, var_dir):
    log_dir = var_dir / "log"
    sections = [
        "[supervisord]",
        "nodaemon=true",
        f"logfile={_value(log_dir / 'supervisord.log')}",
        "logfile_maxbytes=10MB",
        "logfile_backups=3",
        f"pidfile={_value(var_dir / 'supervisord.pid')}",
        f"childlogdir={_value(log_dir)}",
        "",
        # One group, so a stop reaches every program at once rather than in turn.
        "[group:newsroom]",
        f"programs={','.join(programs)}",
        "",
    ]
    for name, command in programs.items():
        sections += [
            f"[program:{name}]",
            f"command={_value(shlex.join(command))}",
            f"directory={_value(settings.BASE_DIR)}",
            "autostart=true",
            "autorestart=true",
            f"startsecs={STARTSECS}",
            f"startretries={STARTRETRIES}",
            "stopsignal=TERM",
            f"stopwaitsecs={STOPWAITSECS[name]}",
            # SIGTERM to the child alone, so Celery and gunicorn stop their own workers
            # gracefully; SIGKILL, if it comes to that, to its whole process group.
            "stopasgroup=false",
            "killasgroup=true",
            "redirect_stderr=true",
            # Each child's output goes to the terminal, as before; supervisord's own
            # log (starts, exits, restarts) goes there and to var/log/supervisord.log.
            "stdout_logfile=/dev/stdout",
            "stdout_logfile_maxbytes=0",
            "",
        ]
    return "\n".join(sections)


class Command(BaseCommand):
    help = (
        "Start the web server (gunicorn), a Celery worker, Celery beat and the release "
        "clock under supervisord, which restarts any of them that exits."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument(
            "--without",
            action="append",
            choices=sorted(STOPWAITSECS),
            default=[],
            help=(
                "Leave a program out (repeatable). A second stack against the same "
                "database and Redis runs --without beat: beat runs once per deployment."
            ),
        )

    def handle(self, *args, host, port, without=(), **options):
        var_dir = Path(settings.VAR_DIR)
        (var_dir / "log").mkdir(parents=True, exist_ok=True)
        config = var_dir / "supervisord.conf"
        programs = {
            name: command
            for name, command in program_commands(host, port).items()
            if name not in without
        }
        if not programs:
            raise CommandError("--without leaves nothing to run")
        config.write_text(supervisord_config(programs, var_dir))
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": os.environ.get(
                "DJANGO_SETTINGS_MODULE", "config.settings.dev"
            ),
            "PYTHONUNBUFFERED": "1",
        }
        self.share_stdout()
        supervisord = subprocess.Popen(  # noqa: S603 - our interpreter, our config
            [sys.executable, "-m", "supervisor.supervisord", "-c", str(config)], env=env
        )
        stop_requested = []

        def stop(signum, frame):
            stop_requested.append(time.monotonic())
            if supervisord.poll() is None:
                supervisord.send_signal(signal.SIGTERM)

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        self.print_banner(host, port, var_dir / "log" / "supervisord.log", programs)
        code = self.wait(supervisord, stop_requested)
        if not stop_requested:
            raise CommandError(
                f"supervisord exited with {code}; see {var_dir / 'log' / 'supervisord.log'}"
            )
        self.stdout.write(f"Stopped {describe(programs)}.")

    def wait(self, supervisord, stop_requested):
        """Wait for supervisord. It kills a child that outlasts its stopwaitsecs, so it
        is done within SHUTDOWN_SECONDS of being asked; past that it is itself stuck,
        and is killed rather than waited for for ever."""
        while True:
            try:
                return supervisord.wait(timeout=1)
            except subprocess.TimeoutExpired:
                if stop_requested and time.monotonic() - stop_requested[0] > SHUTDOWN_SECONDS:
                    supervisord.kill()
                    return supervisord.wait()

    def share_stdout(self):
        """The children's output reopens this process's standard output (/dev/stdout)
        in append mode; if it is a file opened without it (`make run > run.log`), its
        writes and ours would overwrite each other. Append for everyone."""
        try:
            flags = fcntl.fcntl(sys.stdout.fileno(), fcntl.F_GETFL)
            fcntl.fcntl(sys.stdout.fileno(), fcntl.F_SETFL, flags | os.O_APPEND)
        except (OSError, ValueError):
            pass
        sys.stdout.flush()

    def print_banner(self, host, port, log, programs):
        languages = ", ".join(f"/{code}/" for code, _name in settings.LANGUAGES)
        lines = [
            "",
            f"Communiqué is running at http://{host}:{port}/en/  (languages: {languages})",
            f"Admin: http://{host}:{port}/admin/",
            f"Demo logins (password for all: {DEMO_PASSWORD}):",
            "  admin            administrator",
            "  drafter          drafter (lead government's press office)",
            "  translator-fr    translator, one per language (translator-de, translator-ja, ...)",
            "  approver-ca      approver, one per government (approver-jp, approver-de, ...)",
            "  people-ca        Canada's delegated administrator (invites Canada's people)",
            f"supervisord restarts any of {', '.join(programs)} that exits, and logs it",
            f"  here and in {log}.",
            "Press Ctrl-C to stop.",
            "",
        ]
        self.stdout.write("\n".join(lines))
        self.stdout.flush()
