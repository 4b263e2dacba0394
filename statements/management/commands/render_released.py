"""Store the fixed parts of released pages again, for the code now running.

A released page is served from the parts rendered when its release was prepared, as
long as the templates, modules and catalogs they come from are unchanged
(``statements.released_render``). After a deploy that changes them, pages render in
full until this command (run once, by the operator or the deploy) stores them again.
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from statements.actions.past_releases import RenderReleasedPagesAction


class Command(BaseCommand):
    help = "Render the fixed parts of every released language version again."

    def handle(self, *args, **options):
        count = RenderReleasedPagesAction().execute()
        self.stdout.write(_("%(count)d released language versions rendered.") % {"count": count})
