"""Factories and small builders for tests.

Pages are built through Wagtail's own APIs (add_child, save_revision, publish,
copy_for_translation) so tests exercise the same paths the admin does.
"""

import datetime
import itertools
import string

import factory
from django.conf import settings
from django.contrib.auth import get_user_model
from wagtail.models import Collection, Locale, Page, Site, Workflow

from statements.models import (
    Government,
    GovernmentMember,
    HomePage,
    MediaContact,
    NewsroomPage,
    Role,
    StatementContact,
    StatementPage,
    StatementSignatory,
    Topic,
)

_drafter_numbers = itertools.count(1)
_codes = ("".join(pair) for pair in itertools.product(string.ascii_uppercase, repeat=2))


def locale(code):
    return Locale.objects.get_or_create(language_code=code)[0]


def unused_code():
    taken = set(Government.objects.values_list("code", flat=True))
    return next(code for code in _codes if code not in taken)


class GovernmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Government

    code = factory.LazyFunction(unused_code)
    short_name = factory.LazyAttribute(lambda o: f"Country {o.code}")
    official_name = factory.LazyAttribute(lambda o: f"Government of Country {o.code}")
    department = factory.LazyAttribute(lambda o: f"Foreign Ministry of {o.code}")
    languages = factory.LazyFunction(lambda: ["en"])
    time_zone = "Europe/London"
    locale = factory.LazyFunction(lambda: locale("en"))


class MediaContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MediaContact

    office = factory.Sequence(lambda n: f"Media Relations Office {n}")
    government = factory.SubFactory(GovernmentFactory)
    department = "Foreign Ministry"
    email = factory.Sequence(lambda n: f"media{n}@example.org")
    phone = "+1 343 203 7700"
    hours = "Monday to Friday, 9:00 to 17:00"
    locale = factory.LazyFunction(lambda: locale("en"))


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")
    locale = factory.LazyFunction(lambda: locale("en"))


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "pass")

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def translate_government(government, code, **names):
    copy = government.copy_for_translation(locale(code))
    for field, value in names.items():
        setattr(copy, field, value)
    copy.save()
    return copy


def standard_governments():
    """Canada, France and Japan, with French names for Canada and France only."""
    canada = GovernmentFactory(
        code="CA",
        short_name="Canada",
        official_name="Government of Canada",
        department="Global Affairs Canada",
        languages=["en", "fr"],
        time_zone="America/Toronto",
    )
    france = GovernmentFactory(
        code="FR",
        short_name="France",
        official_name="Government of France",
        department="Ministry for Europe and Foreign Affairs",
        languages=["fr"],
        time_zone="Europe/Paris",
    )
    japan = GovernmentFactory(
        code="JP",
        short_name="Japan",
        official_name="Government of Japan",
        department="Ministry of Foreign Affairs of Japan",
        languages=["ja"],
        time_zone="Asia/Tokyo",
    )
    translate_government(
        canada,
        "fr",
        short_name="Canada",
        official_name="gouvernement du Canada",
        department="Affaires mondiales Canada",
    )
    translate_government(
        france,
        "fr",
        short_name="France",
        official_name="gouvernement de la République française",
        department="ministère de l'Europe et des Affaires étrangères",
    )
    return {"CA": canada, "FR": france, "JP": japan}


def build_site(languages=("en", "fr")):
    """Home and newsroom pages in each language, the English home as the site root."""
    root = Page.get_first_root_node()
    if root is None:  # a transactional test flushed the tree Wagtail's migration made
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale("en")))
    if Collection.get_first_root_node() is None:  # the same flush took the root collection
        Collection.add_root(name="Root")
    for welcome in root.get_children().exact_type(Page):
        welcome.delete()
    home = HomePage(title="Communiqué", slug="home", locale=locale(languages[0]))
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    newsroom = NewsroomPage(title="Newsroom", slug="newsroom", locale=home.locale)
    home.add_child(instance=newsroom)
    newsroom.save_revision().publish()
    homes, newsrooms = {languages[0]: home}, {languages[0]: newsroom}
    for code in languages[1:]:
        translated_home = home.copy_for_translation(locale(code))
        translated_home.title = f"Communiqué ({code})"
        translated_home.save_revision().publish()
        translated_newsroom = newsroom.copy_for_translation(locale(code))
        translated_newsroom.title = {"fr": "Salle de presse"}.get(code, f"Newsroom ({code})")
        translated_newsroom.save_revision().publish()
        homes[code] = translated_home
        newsrooms[code] = translated_newsroom
    return {"homes": homes, "newsrooms": newsrooms}


def make_statement(
    newsroom,
    governments,
    lead=None,
    contacts=(),
    publish=True,
    title="Joint statement on monitoring sanctions",
    slug=None,
    release_at=datetime.datetime(2025, 5, 29, 13, 0, tzinfo=datetime.UTC),
    release_timezone="America/Toronto",
    user=None,
    **fields,
):
    lead = lead or governments[0]
    page = StatementPage(
        title=title,
        slug=slug or factory.Faker._get_faker().unique.slug(),
        locale=newsroom.locale,
        statement_type=fields.pop("statement_type", "joint_statement"),
        summary=fields.pop("summary", "The governments welcome the first report."),
        dateline=fields.pop("dateline", "Ottawa, Ontario"),
        lead_government=lead,
        body=fields.pop(
            "body",
            [("paragraph", "<p>The participating governments welcome the report.</p>")],
        ),
        release_at=release_at,
        release_timezone=release_timezone,
        **fields,
    )
    for order, government in enumerate(governments):
        page.signatories.add(StatementSignatory(government=government, sort_order=order))
    for order, contact in enumerate(contacts):
        page.contacts.add(StatementContact(contact=contact, sort_order=order))
    newsroom.add_child(instance=page)
    revision = page.save_revision(user=user)
    if publish:
        revision.publish()
    page.refresh_from_db()
    return page


def translate_statement(page, code, publish=True, **fields):
    """The statement in another language: the draft set up automatically, or a new copy."""
    copy = page.get_translation_or_none(locale(code))
    if copy is None:
        copy = page.copy_for_translation(locale(code))
    copy = copy.specific
    for field, value in fields.items():
        setattr(copy, field, value)
    revision = copy.save_revision()
    if publish:
        revision.publish()
    copy.refresh_from_db()
    return copy


def path_of(statement, code):
    """The public address of ``statement`` in ``code``: each language has its own, made
    from its own title (statements/models/slugs.py)."""
    page = statement.get_translation(locale(code))
    return page.url


def approver(government, username=None, **extra):
    """A user in ``government``'s approver group (created with the government)."""
    government.refresh_from_db()
    user = UserFactory(username=username or f"approver-{government.code.lower()}", **extra)
    user.groups.add(government.approver_group)
    return user


def drafter(username="drafter", government="CA"):
    """A member of "Drafters" and a drafter of ``government``'s press office (a
    Government or a code; Canada, the usual lead, by default; None for no government),
    so the statements it leads are the ones it drafts."""
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    group, _created = Group.objects.get_or_create(name="Drafters")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for home in HomePage.objects.all():
        for codename in ("add_page", "change_page"):
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=home,
                permission=Permission.objects.get(
                    content_type__app_label="wagtailcore", codename=codename
                ),
            )
    user = UserFactory(username=username)
    user.groups.add(group)
    if isinstance(government, str):
        government = Government.objects.filter(
            code=government, locale__language_code=settings.LANGUAGE_CODE
        ).first()
    if government is not None:
        GovernmentMember.objects.create(user=user, government=government, role=Role.DRAFTER)
    return user


def submit_for_signoff(statement, user):
    """Start the statement's workflow, as the editor's "Submit for sign-off" does."""
    workflow = statement.get_workflow()
    if workflow is None and not Workflow.objects.exists():
        # A transactional test flushed what migration 0003 made; make it again.
        from statements.models import GovernmentSignOffTask

        GovernmentSignOffTask.ensure_default_workflow()
        workflow = statement.get_workflow()
    assert workflow is not None, "statements must have the sign-off workflow"
    return workflow.start(statement, user)


def translator(code, username=None):
    """A member of "Translators: <code>" with admin access and no page permissions."""
    from django.contrib.auth.models import Group, Permission

    group, _created = Group.objects.get_or_create(name=f"Translators: {code}")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    user = UserFactory(username=username or f"translator-{code}")
    user.groups.add(group)
    return user


def synced_translation(page, code):
    """A wagtail-localize translation of ``page`` into ``code``, for a page that is not
    a statement (the home or newsroom pages ``build_site`` copies): the positive control
    for the wagtail-localize screens Communiqué closes for statements only."""
    from wagtail_localize.models import Translation, TranslationSource

    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale(code)
    )
    return translation


def translate_everything(page, code):
    """Translate every segment of ``page`` into ``code`` by hand (as a translator would)."""
    from wagtail_localize.models import StringTranslation, Translation

    source = Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code=code
    ).source
    for segment in source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale(code),
            context=segment.context,
            defaults={"data": f"[{code}] {segment.string.data}", "translation_type": "manual"},
        )


def finish_translation(page, code, approvers):
    """Translate ``page`` into ``code``, save it as a draft and have each reviewing
    government approve it. Returns the translated page."""
    from wagtail_localize.models import Translation

    from statements.actions.translation import ApproveTranslationAction
    from statements.queries.translation import language_reviewers

    translate_everything(page, code)
    Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code=code
    ).save_target(publish=False)
    target = page.get_translation(locale(code)).specific
    for government in language_reviewers(target):
        ApproveTranslationAction(target, approvers[government.code], government.code).execute()
    return target


def ready_for_release(newsroom, governments, lead=None, release_at=None, **fields):
    """A statement every signatory has signed, with every required language translated
    and approved: what a drafter has just before scheduling its release.

    ``governments`` maps codes to governments; returns (statement, drafter, approvers).
    """
    from django.utils import timezone

    from statements.actions.signoff import SignOffAction

    lead = lead or next(iter(governments.values()))
    user = drafter(username=f"drafter-{next(_drafter_numbers)}", government=lead)
    statement = make_statement(
        newsroom,
        list(governments.values()),
        lead=lead,
        publish=False,
        user=user,
        owner=user,
        release_at=release_at or timezone.now() + datetime.timedelta(hours=2),
        **fields,
    )
    approvers = {}
    for code, government in governments.items():
        approvers[code] = get_user_model().objects.filter(
            groups=government.approver_group_id
        ).first() or approver(government)
    submit_for_signoff(statement, user)
    for code in governments:
        SignOffAction(statement, approvers[code], code).execute()
    for code in statement.required_languages():
        finish_translation(statement, code, approvers)
        publish_parent_pages(newsroom, code)
    statement.refresh_from_db()
    return statement, user, approvers


def publish_parent_pages(newsroom, code):
    """The home page and newsroom in ``code`` live, as its translators publish them
    before a first statement in that language is released (the release holds a language
    whose home is not published: the translation would not be reachable)."""
    for page in (newsroom.get_parent().specific, newsroom):
        copy = page.get_translation_or_none(locale(code))
        if copy is None:
            copy = page.copy_for_translation(locale(code))
        if not copy.live:
            copy.specific.save_revision().publish()
