"""Signal handlers, connected from StatementsConfig.ready()."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db.models.signals import post_migrate, post_save


def ensure_approver_group(sender, instance, created, raw=False, **kwargs):
    """Give every government identity one approver group, shared by its locales.

    The group belongs to the identity (translation key), so a translated row
    reuses the group of its siblings instead of creating a second one.
    """
    if raw or instance.approver_group_id:
        return
    sibling = (
        sender.objects.filter(translation_key=instance.translation_key)
        .exclude(approver_group=None)
        .exclude(pk=instance.pk)
        .first()
    )
    if sibling is not None:
        group = sibling.approver_group
    else:
        from django.contrib.auth.models import Permission

        group, _created = Group.objects.get_or_create(name=instance.approver_group_name())
        # Approvers reach the admin to read and sign; they get no page permissions.
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="wagtailadmin", codename="access_admin"
            )
        )
    sender.objects.filter(translation_key=instance.translation_key).update(approver_group=group)
    instance.approver_group = group


def sync_locales(sender, app_config=None, using="default", **kwargs):
    """Create a Locale row for each configured language.

    Adding a language is then configuration plus a catalog: the next migrate makes
    its Locale. Locales are never deleted here; content may still use them.
    """
    if app_config is None or app_config.label != "statements":
        return
    from wagtail.models import Locale

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.using(using).get_or_create(language_code=code)


def void_stale_signoffs(sender, instance, created, raw=False, **kwargs):
    """A person's save that changes a statement's common words voids the signatures
    given on the old words, in the same transaction as the save."""
    if raw or not created:
        return
    from .models import StatementPage

    if instance.content_type.model_class() is not StatementPage:
        return
    from .actions import (
        NoteOutOfDateTranslationsAction,
        NoteTranslationAwaitingReviewAction,
        SetUpTranslationsAction,
        VoidSignOffsAction,
        VoidTranslationApprovalsAction,
    )

    statement = StatementPage.objects.filter(pk=instance.object_id).first()
    if statement is None:
        return
    from .release import hold_after_edit

    if statement.is_translation:
        VoidTranslationApprovalsAction(statement, instance).execute()
        NoteTranslationAwaitingReviewAction(statement).execute()
        hold_after_edit(statement, instance)
        return
    hold_after_edit(statement, instance)
    VoidSignOffsAction(statement, instance).execute()
    NoteOutOfDateTranslationsAction(statement, instance).execute()
    # A new statement, or a new signatory, brings in the languages it needs.
    SetUpTranslationsAction(statement, instance.user, revision=instance).execute()


def purge_released_urls(sender, release, pages, **kwargs):
    """Every language URL of a release leaves the front-end cache together, after commit."""
    from wagtail.contrib.frontend_cache.utils import purge_pages_from_cache

    purge_pages_from_cache(pages)


def connect():
    from wagtail.models import Revision

    from .models import Government

    post_save.connect(void_stale_signoffs, sender=Revision, dispatch_uid="void_stale_signoffs")

    from .release import statement_released

    statement_released.connect(purge_released_urls, dispatch_uid="purge_released_urls")

    from . import subscriptions

    subscriptions.connect()

    post_migrate.connect(sync_locales, dispatch_uid="statements_sync_locales")

    post_save.connect(
        ensure_approver_group, sender=Government, dispatch_uid="government_approver_group"
    )
