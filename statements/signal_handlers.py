"""Signal handlers, connected from StatementsConfig.ready(). Each is thin: one action."""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_delete, post_migrate, post_save
from wagtail.models import Locale, Revision

from .actions.people import SyncAdministratorAccessAction
from .actions.revisions import ProcessSavedRevisionAction
from .models import Government, GovernmentAdministrator


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
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.using(using).get_or_create(language_code=code)


def process_saved_revision(sender, instance, created, raw=False, **kwargs):
    """A saved revision of a statement or translation sets off the revision flow."""
    if raw or not created:
        return
    ProcessSavedRevisionAction(instance).execute()


def sync_administrator_access(sender, instance, raw=False, **kwargs):
    """An appointed (or dismissed) delegated administrator gains (or loses) the admin."""
    if raw:
        return
    SyncAdministratorAccessAction(instance.user).execute()


def connect():
    post_save.connect(
        process_saved_revision, sender=Revision, dispatch_uid="statements_saved_revision"
    )
    post_migrate.connect(sync_locales, dispatch_uid="statements_sync_locales")
    post_save.connect(
        ensure_approver_group, sender=Government, dispatch_uid="government_approver_group"
    )
    for signal in (post_save, post_delete):
        signal.connect(
            sync_administrator_access,
            sender=GovernmentAdministrator,
            dispatch_uid=f"government_administrator_access_{signal is post_save}",
        )
