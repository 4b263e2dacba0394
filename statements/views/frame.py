"""Wagtail's admin frame for our screens: its header and its breadcrumbs.

The screens render through ``WagtailAdminTemplateMixin``, as Wagtail's generic views
do, so they get the slim header with breadcrumbs; ``statements/admin/base.html`` keeps
the large title the screens had before under it.
"""

from wagtail.admin.utils import get_latest_str
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.utils import get_breadcrumbs_items_for_page


class AdminScreenMixin(WagtailAdminTemplateMixin):
    """A screen of its own (a queue, a status matrix): Home, then the screen."""

    breadcrumb_label = ""

    def get_breadcrumb_label(self):
        return self.breadcrumb_label or self.get_page_title()

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": None, "label": self.get_breadcrumb_label()}]

    def render_screen(self, context, status=200):
        return self.render_to_response(self.get_context_data(**context), status=status)


class PageScreenMixin(AdminScreenMixin):
    """A screen about one page: the explorer's path to the page, then the screen, as
    Wagtail's own page history. Someone who may not explore (an approver, a translator)
    sees the page's title instead of the path."""

    def breadcrumbs_page(self):
        raise NotImplementedError

    def screen_breadcrumbs(self):
        """The items after the page's; a screen inside another adds its parent."""
        return [{"url": None, "label": self.get_breadcrumb_label()}]

    def get_breadcrumbs_items(self):
        page = self.breadcrumbs_page()
        items = get_breadcrumbs_items_for_page(page, self.request.user) or [
            *self.breadcrumbs_items,
            {"url": None, "label": get_latest_str(page)},
        ]
        return [*items, *self.screen_breadcrumbs()]
