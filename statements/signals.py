"""Signals other apps listen to. The public channels (``newsroom``) hear of releases here."""

from django.dispatch import Signal

# Sent after the release's transaction commits: sender=Release, release=, pages=[...].
statement_released = Signal()
