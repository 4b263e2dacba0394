from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class RememberedBrowser(models.Model):
    """A browser that passed the second factor with "Remember this browser" ticked.

    A second credential, so it is kept as one: the cookie holds a random token and only
    its SHA-256 is stored here (this table read alone lets nobody skip anything); it is
    bound to one user and to the factor that was verified, it expires at a fixed time,
    and ``accounts.remember.revoke`` deletes a user's rows whenever their password, their
    factors or their standing change. It never stands for the password.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="remembered_browsers"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    # The persistent id of the factor verified when the browser was remembered; the
    # session is marked verified by that device, and only while it is confirmed.
    device_id = models.CharField(max_length=255)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)
    # "Firefox on Windows": what the person needs to recognise it in their list.
    user_agent = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("remembered browser")
        verbose_name_plural = _("remembered browsers")

    def __str__(self):
        return f"{self.user_id}: {self.user_agent or '?'} until {self.expires_at:%Y-%m-%d}"
