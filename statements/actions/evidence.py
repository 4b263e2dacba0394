"""Issuing a clearance copy: the PDF of the text under sign-off, marked for its reader,
and a line in the statement's history saying who got which words when."""

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ..evidence.documents import clearance_copy_pdf, watermark
from ..queries.evidence import CLEARANCE_COPY_ACTION
from ..queries.signoff import current_fingerprint
from .base import ActionRefused


class IssueClearanceCopyAction:
    """The caller has checked that ``user`` may read the text under sign-off."""

    def __init__(self, statement, user):
        self.statement = statement
        self.user = user

    def execute(self):
        record = current_fingerprint(self.statement)
        if record is None:
            raise ActionRefused([_("The statement has no saved text to sign.")])
        now = timezone.now()
        pdf = clearance_copy_pdf(self.statement, record, self.user, now)
        log(
            instance=self.statement,
            action=CLEARANCE_COPY_ACTION,
            user=self.user,
            revision=record.revision,
            timestamp=now,
            data={
                "fingerprint": record.fingerprint,
                "revision": record.revision_id,
                "watermark": watermark(self.user, now),
            },
        )
        return pdf
