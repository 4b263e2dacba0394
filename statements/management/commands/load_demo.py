"""Load the demo newsroom: the MSMT case of 29 May 2025 and a few other statements.

Idempotent: every demo object has a stable translation key derived from its demo
key, so a second run finds what the first made and changes nothing.
"""

import datetime
import html
import zoneinfo
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import GroupPagePermission, Locale, Page, Site
from wagtail.rich_text import RichText
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from statements.actions.past_releases import RecordPastReleaseAction
from statements.demo import contacts as demo_contacts
from statements.demo import governments as demo_governments
from statements.demo import more_languages as demo_more_languages
from statements.demo import pipeline as demo_pipeline
from statements.demo import site as demo_site
from statements.demo import statements as demo_statements
from statements.demo import topics as demo_topics
from statements.management.demo_identity import load_site_identity
from statements.management.demo_languages import DemoLanguages
from statements.management.demo_pipeline import (
    DEMO_PASSWORD,
    PipelineLoader,
    demo_key,
    drafter_of,
)
from statements.models import (
    Government,
    GovernmentAdministrator,
    GovernmentMember,
    GovernmentSignOffTask,
    GovernmentSocialLink,
    HomePage,
    MediaContact,
    NewsroomPage,
    Role,
    StatementContact,
    StatementPage,
    StatementRelatedLink,
    StatementSignatory,
    StatementTopic,
    Topic,
)
from statements.wagtail_localize_compat import ensure_parent_pages


class Command(DemoLanguages, PipelineLoader, BaseCommand):
    help = "Load the demo newsroom (idempotent). Refused under production settings."

    def handle(self, *args, **options):
        if not getattr(settings, "COMMUNIQUE_DEMO_ALLOWED", False):
            raise CommandError(
                "load_demo refuses to run under production settings: it creates accounts "
                "with a published password."
            )
        self.languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        self.locales = {}
        for code in self.languages:
            self.locales[code], _created = Locale.objects.get_or_create(language_code=code)
        self.default_code = settings.LANGUAGE_CODE
        demo_more_languages.merge(
            demo_governments.GOVERNMENTS, demo_contacts.CONTACTS, demo_topics.TOPICS
        )
        self.check_demo_languages()

        with transaction.atomic():
            GovernmentSignOffTask.ensure_default_workflow()
            homes, newsrooms = self.load_site()
            load_site_identity(self.languages)
            governments = self.load_governments()
            contacts = self.load_contacts(governments)
            topics = self.load_topics()
            users = self.load_users(governments, homes)
        # Pages are published by wagtail-localize in on_commit callbacks; each statement
        # gets its own transaction so a failure leaves earlier ones whole.
        for spec in demo_statements.STATEMENTS:
            with transaction.atomic():
                self.load_statement(spec, newsrooms, governments, contacts, topics, users)

        for spec in demo_pipeline.PIPELINE:
            with transaction.atomic():
                self.load_in_signoff(spec, newsrooms, governments, contacts, topics, users)

        self.stdout.write(self.style.SUCCESS("Demo data loaded."))

    # --- translation helpers -------------------------------------------------------
    def translate(self, instance, strings_by_language, publish=True):
        """Translate ``instance`` through wagtail-localize with known strings.

        ``strings_by_language`` maps a language code to {source text: translation}.
        Missing strings are an error: demo data must be complete.
        """
        source, _created = TranslationSource.get_or_create_from_instance(instance)
        segments = list(source.stringsegment_set.select_related("string", "context"))
        for code, mapping in strings_by_language.items():
            locale = self.locales[code]
            translation, _created = Translation.objects.get_or_create(
                source=source, target_locale=locale
            )
            for segment in segments:
                text = segment.string.data
                if text not in mapping:
                    raise CommandError(f"Demo data has no {code} text for {text!r} ({instance!r})")
                StringTranslation.objects.update_or_create(
                    translation_of=segment.string,
                    locale=locale,
                    context=segment.context,
                    defaults={
                        "data": mapping[text],
                        "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    },
                )
            if isinstance(instance, Page):
                ensure_parent_pages(instance, locale)
                # Publish here, not in wagtail-localize's on_commit callback, so the
                # demo is live when this command returns, whatever transaction wraps it.
                translation.save_target(publish=False)
                if publish:
                    target = translation.get_target_instance()
                    target.get_latest_revision().publish()
            else:
                translation.save_target()

    @staticmethod
    def pair(mapping, source, target):
        mapping[source] = target
        mapping[html.escape(source, quote=False)] = html.escape(target, quote=False)

    # --- site frame ----------------------------------------------------------------
    def load_site(self):
        default_locale = self.locales[self.default_code]
        root = Page.get_first_root_node()
        if root is None:
            # A flushed database (transactional tests) has lost Wagtail's root node.
            root = Page.add_root(
                instance=Page(title="Root", slug="root", locale=default_locale, live=True)
            )
        home = HomePage.objects.filter(
            translation_key=demo_key("page", "home"), locale=default_locale
        ).first()
        if home is None:
            # Wagtail's own migration leaves a "Welcome" page as the site root.
            for welcome in root.get_children().filter(slug="home").exact_type(Page):
                welcome.delete()
            text = demo_site.HOME[self.default_code]
            home = HomePage(
                title=text["title"],
                intro=text["intro"],
                slug="home",
                locale=default_locale,
                translation_key=demo_key("page", "home"),
            )
            root.add_child(instance=home)
            home.save_revision().publish()
            site = Site.objects.filter(is_default_site=True).first()
            if site is None:
                site = Site(is_default_site=True)
            base = urlsplit(settings.COMMUNIQUE_BASE_URL)
            site.hostname = base.hostname or "localhost"
            site.port = base.port or (443 if base.scheme == "https" else 80)
            site.root_page = home
            site.site_name = "Communiqué"
            site.save()
        # Also on a later run: a language added since gets its own home and newsroom.
        self.translate(home, self.not_translated(home, self._site_strings(demo_site.HOME)))

        newsroom = NewsroomPage.objects.filter(
            translation_key=demo_key("page", "newsroom"), locale=default_locale
        ).first()
        if newsroom is None:
            text = demo_site.NEWSROOM[self.default_code]
            newsroom = NewsroomPage(
                title=text["title"],
                intro=text["intro"],
                slug="newsroom",
                locale=default_locale,
                translation_key=demo_key("page", "newsroom"),
            )
            home.add_child(instance=newsroom)
            newsroom.save_revision().publish()
        self.translate(
            newsroom, self.not_translated(newsroom, self._site_strings(demo_site.NEWSROOM))
        )
        return (
            {p.locale.language_code: p for p in HomePage.objects.select_related("locale")},
            {p.locale.language_code: p for p in NewsroomPage.objects.select_related("locale")},
        )

    # --- snippets --------------------------------------------------------------------
    def load_governments(self):
        default_locale = self.locales[self.default_code]
        governments = {}
        for entry in demo_governments.GOVERNMENTS:
            key = demo_key("government", entry["code"])
            government = Government.objects.filter(
                translation_key=key, locale=default_locale
            ).first()
            if government is None:
                government = Government(
                    translation_key=key,
                    locale=default_locale,
                    code=entry["code"],
                    official_name=entry["official_name"][self.default_code],
                    short_name=entry["short_name"][self.default_code],
                    department=entry["department"][self.default_code],
                    # A government none of whose languages the site serves is read
                    # in its default language.
                    languages=[c for c in entry["languages"] if c in self.languages]
                    or [self.default_code],
                    time_zone=entry["time_zone"],
                    duty_email=entry.get("duty_email", ""),
                )
                for link in entry.get("social", []):
                    government.social_links.add(
                        GovernmentSocialLink(label=link["label"], url=link["url"])
                    )
                government.full_clean()
                government.save()
            fields = ["official_name", "short_name", "department"]
            self.translate(
                government, self.not_translated(government, self._name_strings(entry, fields))
            )
            governments[entry["code"]] = government
        return governments

    def load_contacts(self, governments):
        default_locale = self.locales[self.default_code]
        contacts = {}
        for entry in demo_contacts.CONTACTS:
            key = demo_key("contact", entry["government"])
            contact = MediaContact.objects.filter(
                translation_key=key, locale=default_locale
            ).first()
            if contact is None:
                contact = MediaContact(
                    translation_key=key,
                    locale=default_locale,
                    government=governments[entry["government"]],
                    office=entry["office"][self.default_code],
                    department=entry["department"][self.default_code],
                    email=entry["email"],
                    phone=entry.get("phone", ""),
                    hours=entry["hours"][self.default_code],
                )
                contact.full_clean()
                contact.save()
            fields = ["office", "department", "hours"]
            self.translate(contact, self.not_translated(contact, self._name_strings(entry, fields)))
            contacts[entry["government"]] = contact
        return contacts

    def load_topics(self):
        default_locale = self.locales[self.default_code]
        topics = {}
        for entry in demo_topics.TOPICS:
            key = demo_key("topic", entry["slug"])
            topic = Topic.objects.filter(translation_key=key, locale=default_locale).first()
            if topic is None:
                topic = Topic(
                    translation_key=key,
                    locale=default_locale,
                    slug=entry["slug"],
                    name=entry["name"][self.default_code],
                )
                topic.full_clean()
                topic.save()
            self.translate(topic, self.not_translated(topic, self._name_strings(entry, ["name"])))
            topics[entry["slug"]] = topic
        return topics

    # --- people ------------------------------------------------------------------------
    def load_users(self, governments, homes):
        User = get_user_model()
        access_admin = Permission.objects.get(
            content_type__app_label="wagtailadmin", codename="access_admin"
        )
        users = {}

        def make_user(username, first_name, last_name, groups=(), superuser=False):
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User(
                    username=username,
                    email=f"{username}@demo.communique.invalid",
                    first_name=first_name,
                    last_name=last_name,
                    is_staff=superuser,
                    is_superuser=superuser,
                )
                user.set_password(DEMO_PASSWORD)
                user.save()
                user.groups.add(*groups)
            users[username] = user
            return user

        drafters, _created = Group.objects.get_or_create(name="Drafters")
        drafters.permissions.add(
            access_admin,
            *Permission.objects.filter(
                content_type__app_label="statements",
                codename__in=["view_government", "view_mediacontact", "view_topic"],
            ),
            *Permission.objects.filter(
                content_type__app_label="wagtailimages", codename__in=["add_image", "choose_image"]
            ),
            *Permission.objects.filter(
                content_type__app_label="wagtaildocs",
                codename__in=["add_document", "choose_document"],
            ),
        )
        page_permissions = Permission.objects.filter(
            content_type__app_label="wagtailcore", codename__in=["add_page", "change_page"]
        )
        for home in homes.values():
            for permission in page_permissions:
                GroupPagePermission.objects.get_or_create(
                    group=drafters, page=home, permission=permission
                )
        make_user("admin", "Ada", "Administrator", superuser=True)
        make_user("drafter", "Dana", "Drafter", [drafters])

        for code in self.languages:
            group, _created = Group.objects.get_or_create(name=f"Translators: {code}")
            group.permissions.add(access_admin)
            make_user(f"translator-{code}", "Translator", code.upper(), [group])

        for code, government in governments.items():
            government.refresh_from_db()
            group = government.approver_group
            group.permissions.add(access_admin)
            make_user(f"approver-{code.lower()}", "Approver", government.short_name, [group])
        self.load_people(governments, users, make_user)
        return users

    def load_people(self, governments, users, make_user):
        """Whose people the demo accounts are: ``drafter`` is Canada's press office and
        ``drafter-gb`` (and so on) another government's, each translator translates for
        every government of its language, and Canada's people are managed by a
        delegated administrator."""
        canada = governments["CA"]

        def member(user, government, role, language_code=""):
            GovernmentMember.objects.get_or_create(
                user=user,
                government_key=government.translation_key,
                role=role,
                language_code=language_code,
                defaults={"government": government},
            )

        member(users["drafter"], canada, Role.DRAFTER)
        drafters = Group.objects.get(name="Drafters")
        for code, government in governments.items():
            if code != "CA":
                name = f"drafter-{code.lower()}"
                make_user(name, "Drafter", government.short_name, [drafters])
                member(users[name], government, Role.DRAFTER)
        for government in governments.values():
            for code in government.languages or []:
                if f"translator-{code}" in users:
                    member(users[f"translator-{code}"], government, Role.TRANSLATOR, code)
        GovernmentAdministrator.objects.get_or_create(
            user=make_user("people-ca", "Paul", "People"),
            government_key=canada.translation_key,
            defaults={
                "government": canada,
                "may_grant_approver": True,
                "may_grant_drafter": True,
                "may_grant_translator": True,
            },
        )

    # --- statements --------------------------------------------------------------------
    def load_statement(self, spec, newsrooms, governments, contacts, topics, users):
        source_code = spec["source"]
        if source_code not in self.languages:
            return
        locale = self.locales[source_code]
        key = demo_key("statement", spec["key"])
        if StatementPage.objects.filter(translation_key=key, locale=locale).exists():
            return
        text = spec["text"][source_code]
        zone = zoneinfo.ZoneInfo(spec["release_time_zone"])
        if "release_in_days" in spec:
            # Always ahead of the day the demo is loaded, at a local time of day.
            day = datetime.datetime.now(zone).date() + datetime.timedelta(
                days=spec["release_in_days"]
            )
            planned = datetime.datetime.fromisoformat(f"{day.isoformat()}T{spec['release_time']}")
        else:
            planned = datetime.datetime.fromisoformat(spec["release"])
        release_at = planned.replace(tzinfo=zone).astimezone(datetime.UTC)
        page = StatementPage(
            title=text["title"],
            slug=spec["slug"],
            locale=locale,
            translation_key=key,
            statement_type=spec["type"],
            summary=text["summary"],
            dateline=text["dateline"],
            lead_government=governments[spec["lead"]],
            body=self._body(text["body"]),
            release_at=release_at,
            release_timezone=spec["release_time_zone"],
            first_published_at=release_at,
            owner=drafter_of(users, spec["lead"]),
        )
        for order, code in enumerate(spec["signatories"]):
            page.signatories.add(StatementSignatory(government=governments[code], sort_order=order))
        for order, code in enumerate(spec["contacts"]):
            page.contacts.add(StatementContact(contact=contacts[code], sort_order=order))
        for order, slug in enumerate(spec.get("topics", [])):
            page.topics.add(StatementTopic(topic=topics[slug], sort_order=order))
        for link in text.get("links", []):
            page.related_links.add(
                StatementRelatedLink(title=link["title"], url=link["url"], locale=locale)
            )
        newsrooms[source_code].add_child(instance=page)
        # Historical demo releases: published by the loader itself, not by a person (no
        # person may publish a statement; only the release does).
        page.save_revision(user=drafter_of(users, spec["lead"])).publish()

        targets = {
            code: self._statement_strings(text, spec["text"][code])
            for code in spec.get("translations", [])
            if code in self.languages
        }
        if targets:
            self.translate(page, targets)
        # Recorded as the release action records a release, so the demo's statements
        # are served (names as released, fixed parts stored) as any released one is.
        RecordPastReleaseAction(page, released_by="demo").execute()

    @staticmethod
    def _body(blocks):
        value = []
        for block in blocks:
            if block["type"] == "paragraph":
                value.append(("paragraph", RichText(f"<p>{html.escape(block['value'])}</p>")))
            else:
                value.append((block["type"], block["value"]))
        return value

    def _statement_strings(self, source, target):
        mapping = {}
        for field in ("title", "summary", "dateline"):
            self.pair(mapping, source[field], target[field])
        for src_block, tgt_block in zip(source["body"], target["body"], strict=True):
            if src_block["type"] in ("paragraph", "heading"):
                self.pair(mapping, src_block["value"], tgt_block["value"])
            elif src_block["type"] == "quotation":
                for part in ("quote", "attribution"):
                    self.pair(mapping, src_block["value"][part], tgt_block["value"][part])
            elif src_block["type"] == "quick_facts":
                self.pair(mapping, src_block["value"]["title"], tgt_block["value"]["title"])
                for src_item, tgt_item in zip(
                    src_block["value"]["items"], tgt_block["value"]["items"], strict=True
                ):
                    self.pair(mapping, src_item, tgt_item)
        for src_link, tgt_link in zip(source["links"], target["links"], strict=True):
            self.pair(mapping, src_link["title"], tgt_link["title"])
        return mapping
