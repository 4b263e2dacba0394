from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    """The public channels: feeds, API, search, SEO, subscriptions, embargoed previews.

    They only read released rows, and act on releases through the effects they
    register with the release's outbox (``statements.outbox``).
    This app imports ``statements``; ``statements`` never imports it.
    """

    name = "newsroom"
    verbose_name = _("Newsroom channels")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Importing the task module registers the Celery tasks by name.
        from . import signal_handlers, tasks  # noqa: F401

        signal_handlers.connect()
