from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatementsConfig(AppConfig):
    name = "statements"
    verbose_name = _("Statements")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Importing the task modules registers the Celery tasks by name.
        from . import signal_handlers, subscription_tasks, tasks  # noqa: F401

        signal_handlers.connect()

        from .wagtail_compat import (
            keep_statement_titles_out_of_wagtail_emails,
            purge_statements_after_release_only,
        )

        keep_statement_titles_out_of_wagtail_emails()
        purge_statements_after_release_only()
