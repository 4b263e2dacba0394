"""Signals other apps listen to. The public channels (``newsroom``) hear of releases here."""

from django.dispatch import Signal

# Sent after the release's transaction commits: sender=Release, release=, pages=[...].
statement_released = Signal()

# Sent inside the suspension's transaction: sender=SuspendUnusedAccountsAction, user=.
# (The suspension updates the row, so no post_save is sent for it.)
account_suspended = Signal()
