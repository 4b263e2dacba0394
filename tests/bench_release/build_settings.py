"""Settings for building the benchmark's content only (never for what is measured).

The test settings (fast password hashing, e-mail in memory), with Wagtail's
background tasks (reference and search index updates) recorded and not run: the
build makes hundreds of revisions, and the index entries of statements nobody
searches for would take a third of its time. The measured processes run with the
production settings, where these tasks run as they do in production.
"""

from config.settings.test import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
