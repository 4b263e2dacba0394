from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatementsConfig(AppConfig):
    name = "statements"
    verbose_name = _("Statements")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Importing the task module registers the Celery tasks by name; importing the
        # panels gives the statement page its editor, as Wagtail's admin does for Page;
        # the page policy narrows drafters to their own government (before any request).
        from . import (  # noqa: F401
            outbox,
            page_policy,
            panels,
            signal_handlers,
            tasks,
            wagtail_compat,
            wagtail_localize_compat,
        )

        # The release's last effect stores its renders; the action imports the models.
        from .actions.rendering import store_release_renders

        page_policy.register()
        signal_handlers.connect()
        # First of a release's side effects; the newsroom registers its own after it.
        outbox.register_effect("signals", outbox.send_release_signals)
        # Last of them: until it has run, the pages are rendered in full, as before.
        outbox.register_effect("render", store_release_renders, last=True)
        wagtail_compat.keep_statement_titles_out_of_wagtail_emails()
        wagtail_compat.purge_statements_after_release_only()
        wagtail_compat.send_comment_emails_only_to_people_with_a_role()
        wagtail_compat.compare_cjk_text_per_character()
        wagtail_compat.remember_page_addresses_per_request()
        wagtail_localize_compat.drop_locale_synchronisation()
