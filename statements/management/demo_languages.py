"""Which languages the demo has text in, and the strings it translates each row with.

Mixed into ``load_demo``'s command.
"""

from django.core.management.base import CommandError

from statements.demo import site as demo_site
from statements.demo import topics as demo_topics


class DemoLanguages:
    def check_demo_languages(self):
        """The demo's rows are first written in the default language: every statement
        points to governments, contacts and topics in it. Where the demo has no text in
        a language it says so and leaves that language out, rather than file text in
        another language under its name."""
        default = self.default_code
        if default not in demo_site.HOME or default not in demo_topics.TOPICS[0]["name"]:
            has = sorted(set(demo_site.HOME) & set(demo_topics.TOPICS[0]["name"]))
            raise CommandError(
                f"The demo has no text in {default}, the first of LANGUAGES, and the demo's "
                "governments, contacts and topics are written in the first language. Put "
                f"one of {', '.join(has)} first, or add {default} to statements/demo/."
            )
        for code in self.languages:
            if code not in demo_site.HOME:
                self.stdout.write(
                    f"The demo has no text in {code}: its home page and newsroom are left "
                    "for a translator."
                )
            elif code not in demo_topics.TOPICS[0]["name"]:
                self.stdout.write(
                    f"The demo has no names of governments, contacts and topics in {code}: "
                    f"its pages show them in {default}, marked as such."
                )

    def _site_strings(self, texts):
        source = texts[self.default_code]
        result = {}
        for code in self.languages:
            if code == self.default_code or code not in texts:
                continue
            mapping = {}
            for field, value in source.items():
                self.pair(mapping, value, texts[code][field])
            result[code] = mapping
        return result

    def _name_strings(self, entry, fields):
        result = {}
        for code in self.languages:
            if code == self.default_code or code not in entry[fields[0]]:
                continue
            mapping = {}
            for field in fields:
                self.pair(mapping, entry[field][self.default_code], entry[field][code])
            result[code] = mapping
        return result

    def not_translated(self, instance, strings_by_language):
        """Only the languages ``instance`` has no version in yet, so a language added
        since the last run is filled in and a second run changes nothing."""
        done = set(
            type(instance)
            .objects.filter(translation_key=instance.translation_key)
            .values_list("locale__language_code", flat=True)
        )
        return {code: mapping for code, mapping in strings_by_language.items() if code not in done}
