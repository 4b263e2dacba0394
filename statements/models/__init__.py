from .audit import AuditEntry
from .contacts import MediaContact
from .effects import ReleaseEffect
from .governments import Government, GovernmentSocialLink
from .languages import AgencyAssignment, LanguageDrop, SourceSync, TranslationNotice
from .pages import StatementPage, StatementType
from .people import AccountReview, GovernmentAdministrator, GovernmentMember, Invitation, Role
from .release import PreviewAccess, PreviewLink, Release, ReleaseConfirmation, ReleasedPage
from .signoff import Approval, ChangeRequest, RevisionFingerprint, SignOffReminder
from .site_identity import SiteIdentity, SiteIdentityLanguage
from .site_pages import HomePage, NewsroomPage
from .statement_parts import (
    StatementContact,
    StatementRelatedLink,
    StatementSignatory,
    StatementTopic,
)
from .subscriptions import Delivery, Subscriber
from .topics import Topic
from .workflow_tasks import GovernmentSignOffTask

__all__ = [
    "AccountReview",
    "AgencyAssignment",
    "AuditEntry",
    "Approval",
    "ChangeRequest",
    "Delivery",
    "GovernmentAdministrator",
    "GovernmentMember",
    "GovernmentSignOffTask",
    "PreviewAccess",
    "PreviewLink",
    "Release",
    "ReleaseConfirmation",
    "ReleaseEffect",
    "ReleasedPage",
    "Role",
    "RevisionFingerprint",
    "SignOffReminder",
    "SiteIdentity",
    "SiteIdentityLanguage",
    "SourceSync",
    "Government",
    "GovernmentSocialLink",
    "HomePage",
    "Invitation",
    "LanguageDrop",
    "MediaContact",
    "NewsroomPage",
    "StatementContact",
    "StatementPage",
    "StatementRelatedLink",
    "StatementSignatory",
    "StatementTopic",
    "StatementType",
    "Subscriber",
    "Topic",
    "TranslationNotice",
]
