"""A URLconf with one ungated hand-publish admin URL: the control for the walk in
test_hand_publish_paths, which must report it."""

from django.http import HttpResponse
from django.urls import path
from wagtail.models import Page

from config.urls import urlpatterns as site_urlpatterns


def publish_by_hand(request, page_id):
    page = Page.objects.get(pk=page_id).specific
    page.save_revision(user=request.user).publish()
    return HttpResponse("published")


urlpatterns = [path("admin/hand-publish/<int:page_id>/", publish_by_hand), *site_urlpatterns]
