from .contacts import MediaContact
from .governments import Government, GovernmentSocialLink
from .pages import (
    HomePage,
    NewsroomPage,
    StatementContact,
    StatementPage,
    StatementRelatedLink,
    StatementSignatory,
    StatementTopic,
    StatementType,
)
from .topics import Topic

__all__ = [
    "Government",
    "GovernmentSocialLink",
    "HomePage",
    "MediaContact",
    "NewsroomPage",
    "StatementContact",
    "StatementPage",
    "StatementRelatedLink",
    "StatementSignatory",
    "StatementTopic",
    "StatementType",
    "Topic",
]
