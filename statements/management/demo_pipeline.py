"""Demo statements still in progress: in sign-off, part-translated, some scheduled.

They are made through the same actions people use (sign off, request changes, drop a
language, approve a translation, schedule the release), so the demo shows each state
as the product reaches it. Mixed into ``load_demo``'s command.
"""

import datetime
import html
import uuid
import zoneinfo

from wagtail.rich_text import RichText
from wagtail_localize.models import StringTranslation, Translation

from statements.actions.scheduling import ScheduleReleaseAction
from statements.actions.signoff import RequestChangesAction, SignOffAction
from statements.actions.translation import ApproveTranslationAction, DropLanguageAction
from statements.models import StatementContact, StatementPage, StatementSignatory, StatementTopic

DEMO_NAMESPACE = uuid.UUID("6f1c5b9e-3f57-4c8e-9a63-2d1f0e7b4a10")
DEMO_PASSWORD = "communique-demo"  # noqa: S105 - demo accounts exist only outside production


def demo_key(kind, key):
    return uuid.uuid5(DEMO_NAMESPACE, f"{kind}:{key}")


def drafter_of(users, code):
    """The demo drafter of a government's press office: ``drafter`` is Canada's,
    ``drafter-gb`` the United Kingdom's, and so on (a drafter drafts only what its
    government leads)."""
    return users["drafter"] if code == "CA" else users[f"drafter-{code.lower()}"]


class PipelineLoader:
    def load_in_signoff(self, spec, newsrooms, governments, contacts, topics, users):
        """An unreleased statement, submitted for sign-off, with some governments signed."""
        # Written in English: where English is not configured, the demo has no such
        # statements rather than English text filed under another language.
        if "en" not in self.languages:
            return
        locale = self.locales["en"]
        key = demo_key("statement", spec["key"])
        if StatementPage.objects.filter(translation_key=key, locale=locale).exists():
            return
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
        drafter = drafter_of(users, spec["lead"])
        page = StatementPage(
            title=spec["title"],
            slug=spec["slug"],
            locale=locale,
            translation_key=key,
            statement_type=spec["type"],
            summary=spec["summary"],
            dateline=spec["dateline"],
            lead_government=governments[spec["lead"]],
            body=[("paragraph", RichText(f"<p>{html.escape(p)}</p>")) for p in spec["body"]],
            release_at=release_at,
            release_timezone=spec["release_time_zone"],
            owner=drafter,
        )
        # Explicit display order, as the editor's inline panels record it.
        for order, code in enumerate(spec["signatories"]):
            page.signatories.add(StatementSignatory(government=governments[code], sort_order=order))
        for order, code in enumerate(spec["contacts"]):
            page.contacts.add(StatementContact(contact=contacts[code], sort_order=order))
        for order, slug in enumerate(spec["topics"]):
            page.topics.add(StatementTopic(topic=topics[slug], sort_order=order))
        newsrooms["en"].add_child(instance=page)
        page.save_revision(user=drafter)
        page.get_workflow().start(page, drafter)
        for code in spec["signed"]:
            SignOffAction(page, users[f"approver-{code.lower()}"], code).execute()
        for code, comment in spec["changes_requested"].items():
            RequestChangesAction(page, users[f"approver-{code.lower()}"], comment=comment).execute()
        self.translate_in_progress(page, spec, users)
        for paragraph in spec["edited_after"]:
            draft = page.get_latest_revision_as_object()
            draft.body.append(("paragraph", RichText(f"<p>{html.escape(paragraph)}</p>")))
            draft.save_revision(user=drafter)
        if spec.get("schedule"):
            ScheduleReleaseAction(page, drafter).execute()

    def translate_in_progress(self, page, spec, users):
        """Bring a statement's translations to the states the status screen shows."""
        for code, reason in spec["dropped"].items():
            if code not in self.languages:
                continue
            DropLanguageAction(page, drafter_of(users, spec["lead"]), code, reason).execute()
        sources = [spec["title"], spec["summary"], spec["dateline"], *spec["body"]]
        for code, texts in spec["translations"].items():
            if code not in self.languages:
                continue
            mapping = {}
            for source, text in zip(sources, texts, strict=True):
                if text is not None:
                    self.pair(mapping, source, text)
            translation = Translation.objects.get(
                source__object_id=page.translation_key, target_locale=self.locales[code]
            )
            for segment in translation.source.stringsegment_set.select_related("string", "context"):
                if segment.string.data in mapping:
                    StringTranslation.objects.update_or_create(
                        translation_of=segment.string,
                        locale=self.locales[code],
                        context=segment.context,
                        defaults={
                            "data": mapping[segment.string.data],
                            "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                            "last_translated_by": users[f"translator-{code}"],
                        },
                    )
            translation.save_target(user=users[f"translator-{code}"], publish=False)
        for code, governments in spec["approved"].items():
            if code not in self.languages:
                continue
            target = page.get_translation(self.locales[code])
            for government in governments:
                ApproveTranslationAction(
                    target, users[f"approver-{government.lower()}"], government
                ).execute()
