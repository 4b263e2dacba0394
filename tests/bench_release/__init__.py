"""`make bench`'s release-lag benchmark: how long after its instant each language of a
statement answers 200, released by the worker and the release clock, compared with
Wagtail's own go-live date and `publish_scheduled` run from cron each minute.

``run.py`` drives it from the benchmark process (services, poller, figures);
``data.py`` runs in subprocesses under Django to build and schedule the content.
"""
