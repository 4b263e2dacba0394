"""Admin registration: snippet viewsets for the newsroom's reference data."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Government, MediaContact, Topic


class GovernmentViewSet(SnippetViewSet):
    model = Government
    icon = "globe"
    menu_label = _("Governments")
    list_display = ["short_name", "official_name", "code", "department", "time_zone"]
    list_filter = ["locale"]
    search_fields = ["official_name", "short_name", "department"]
    ordering = ["short_name"]


class MediaContactViewSet(SnippetViewSet):
    model = MediaContact
    icon = "mail"
    menu_label = _("Media contacts")
    list_display = ["office", "government", "email", "phone"]
    list_filter = ["locale"]
    search_fields = ["office", "department", "email"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    list_display = ["name", "slug"]
    list_filter = ["locale"]


class NewsroomViewSetGroup(SnippetViewSetGroup):
    items = (GovernmentViewSet, MediaContactViewSet, TopicViewSet)
    menu_icon = "globe"
    menu_label = _("Newsroom")
    menu_name = "newsroom"


register_snippet(NewsroomViewSetGroup)
