"""Run the whole stack for a laptop in one command: web, Celery worker, beat and the
release clock.

Ctrl-C (or SIGTERM) stops every process and waits for them, so nothing is left
running in the background.
"""

import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand

from statements.management.demo_pipeline import DEMO_PASSWORD


class Command(BaseCommand):
    help = "Start the web server, a Celery worker, Celery beat and the release clock together."

    def add_arguments(self, parser):
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--host", default="127.0.0.1")

    def handle(self, *args, host, port, **options):
        python = sys.executable
        settings_module = os.environ.get("DJANGO_SETTINGS_MODULE", "config.settings.dev")
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": settings_module}
        commands = {
            "web": [python, "manage.py", "runserver", f"{host}:{port}", "--noreload"],
            "worker": [
                python,
                "-m",
                "celery",
                "-A",
                "config",
                "worker",
                "--loglevel",
                "INFO",
                "--concurrency",
                "2",
            ],
            "beat": [
                python,
                "-m",
                "celery",
                "-A",
                "config",
                "beat",
                "--loglevel",
                "INFO",
                "--schedule",
                settings.CELERY_BEAT_SCHEDULE_FILENAME,
            ],
            # Releases on time even if the worker or broker is down (needs only the
            # database); on SQLite, run exactly one of these.
            "clock": [python, "manage.py", "release_clock"],
        }
        processes = {}
        stopping = False

        def stop(signum=None, frame=None):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        for name, command in commands.items():
            processes[name] = subprocess.Popen(command, env=env)  # noqa: S603

        self.print_banner(host, port)
        try:
            while not stopping:
                for name, process in processes.items():
                    if process.poll() is not None:
                        self.stderr.write(f"{name} exited with {process.returncode}; stopping.")
                        stopping = True
                time.sleep(0.5)
        finally:
            for process in processes.values():
                if process.poll() is None:
                    process.send_signal(signal.SIGTERM)
            deadline = time.monotonic() + 15
            for process in processes.values():
                try:
                    process.wait(timeout=max(deadline - time.monotonic(), 0.1))
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        self.stdout.write("Stopped web, worker, beat and the release clock.")

    def print_banner(self, host, port):
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
            "Press Ctrl-C to stop.",
            "",
        ]
        self.stdout.write("\n".join(lines))
