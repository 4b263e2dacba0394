"""The public search page's URL, included per language in config/urls.py's i18n_patterns."""

from django.urls import path

from .views.search import search

search_urlpatterns = [path("search/", search, name="statements_search")]
