"""Subscription pages, inside the language prefix (added to ``i18n_patterns``)."""

from django.urls import path

from .views.subscriptions import confirm, manage, subscribe, unsubscribe

subscription_urlpatterns = [
    path("subscribe/", subscribe, name="statements_subscribe"),
    path("subscribe/confirm/<str:token>/", confirm, name="statements_subscription_confirm"),
    path("subscribe/manage/<str:token>/", manage, name="statements_subscription_manage"),
    path(
        "subscribe/unsubscribe/<str:token>/",
        unsubscribe,
        name="statements_subscription_unsubscribe",
    ),
]
