"""The PDFs: a signature's receipt, and a clearance copy of the text under sign-off.

A receipt shows the words as they were signed (the approval's frozen copy), never the
page now. A clearance copy shows the latest saved words, numbers their paragraphs,
prints the fingerprint at the foot of every page and the recipient's name and the
time across every page, so a copy that leaks names whose it was. Labels are in the
reader's language (the active one); the words keep the statement's.
"""

import datetime

from django.utils.translation import gettext as _

from ..fingerprint import numbered_text
from ..queries.evidence import receipt_facts
from ..queries.reference import reference_code
from .pdf import css_string, render_pdf


def utc_text(moment, seconds=True):
    if moment is None:
        return ""
    shape = "%Y-%m-%d %H:%M:%S UTC" if seconds else "%Y-%m-%d %H:%M UTC"
    return moment.astimezone(datetime.UTC).strftime(shape)


def person(user):
    """A person as a document names them: full name and username, or the username."""
    name = user.get_full_name()
    return f"{name} ({user.get_username()})" if name else user.get_username()


def _margins(header, fingerprint):
    return {
        "header_css": css_string(header),
        "footer_css": css_string(_("Fingerprint: %(fingerprint)s") % {"fingerprint": fingerprint}),
    }


def receipt_context(approval, reader, now):
    facts = receipt_facts(approval)
    header = _("Sign-off receipt %(number)s · %(reference)s · printed for %(reader)s, %(time)s") % {
        "number": approval.pk,
        "reference": facts["reference"],
        "reader": person(reader),
        "time": utc_text(now, seconds=False),
    }
    return {
        **facts,
        **_margins(header, approval.fingerprint),
        "signed_at_text": utc_text(approval.created_at),
        "ended_at_text": utc_text(approval.ended_at),
        "signer_text": person(approval.user),
    }


def receipt_pdf(approval, reader, now):
    """The receipt of one signature as PDF bytes, printed for ``reader`` at ``now``."""
    return render_pdf("statements/evidence/receipt.html", receipt_context(approval, reader, now))


def watermark(reader, now):
    return _("Clearance copy for %(reader)s, %(time)s: do not forward") % {
        "reader": person(reader),
        "time": utc_text(now, seconds=False),
    }


def clearance_copy_pdf(statement, record, reader, now):
    """A clearance copy of ``record`` (the fingerprint record of the latest saved
    words of ``statement``) for ``reader`` at ``now``, as PDF bytes."""
    words = record.words
    mark = watermark(reader, now)
    context = {
        **_margins(mark, record.fingerprint),
        "watermark": mark,
        "reference": reference_code(statement),
        "fingerprint": record.fingerprint,
        "revision_id": record.revision_id,
        "issued_at_text": utc_text(now),
        "recipient": person(reader),
        "language_code": statement.locale.language_code,
        "title": words["title"],
        "summary": words["summary"],
        "paragraphs": numbered_text(words),
        "signatory_names": [g.short_name for g in statement.signatory_governments()],
    }
    return render_pdf("statements/evidence/clearance_copy.html", context)
