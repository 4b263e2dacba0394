"""The dashboard panels: what awaits each person, in their own governments and languages.

Registered on Wagtail's home page by ``wagtail_hooks``; each reads only what the person
has a role in (``permissions``), through the same queries as the screens they link to.
"""

from laces.components import Component

from .permissions import can_see_translation_status, limit_to_agency, translator_languages
from .queries.signoff import awaiting_governments_of, voided_signoffs_of
from .queries.translation import build_matrix, statements_in_progress


class AwaitingYourGovernmentPanel(Component):
    name = "awaiting_your_government"
    template_name = "statements/admin/includes/awaiting_government_panel.html"
    order = 90

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        """What awaits the user's governments; a sign-off an edit voided is listed
        once, with the way to sign again, not a second time as merely pending."""
        voided = voided_signoffs_of(self.user)
        shown = {(v["statement"].pk, v["government"].pk) for v in voided}
        items = []
        for item in awaiting_governments_of(self.user):
            pk = item["statement"].pk
            rest = [g for g in item["governments"] if (pk, g.pk) not in shown]
            if rest:
                items.append({**item, "governments": rest})
        return {"items": items, "voided": voided}


def _changes_of(sync):
    """The last sync from the source, if it brought in any change."""
    if sync is None or not (sync.changed or sync.added or sync.removed):
        return None
    return sync


class AwaitingYourLanguagePanel(Component):
    name = "awaiting_your_language"
    template_name = "statements/admin/includes/awaiting_language_panel.html"
    order = 95

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        """What is left in each of the translator's languages, soonest due first, and
        what the last sync from the source changed (counts only)."""
        languages = translator_languages(self.user)
        if not languages:
            return {"groups": []}
        matrix = build_matrix(limit_to_agency(self.user, statements_in_progress()))
        groups = []
        for code in sorted(languages):
            items = [
                {
                    "statement": row["statement"],
                    "cell": row["cells"][code],
                    "left": row["cells"][code]["total"] - row["cells"][code]["translated"],
                    "sync": _changes_of(row["sync"]),
                }
                for row in matrix["rows"]
                if row["cells"].get(code, {}).get("state")
                in ("not_started", "in_progress", "out_of_date")
            ]
            if items:
                groups.append({"language": code, "items": items})
        return {"groups": groups}


class TranslationSummaryPanel(Component):
    """For editors: how many languages stand where, linking to the status screen."""

    name = "translation_summary"
    template_name = "statements/admin/includes/translation_summary_panel.html"
    order = 100

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        if translator_languages(self.user) or not can_see_translation_status(self.user):
            return {"counts": None}
        matrix = build_matrix(statements_in_progress())
        counts = {}
        for row in matrix["rows"]:
            for cell in row["cells"].values():
                if cell["state"] not in ("source", "not_required"):
                    counts[cell["state"]] = counts.get(cell["state"], 0) + 1
        return {"counts": counts, "statements": len(matrix["rows"])}
