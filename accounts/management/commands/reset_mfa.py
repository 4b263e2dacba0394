import logging

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp import devices_for_user

from accounts.remember import revoke

log = logging.getLogger("communique.accounts")


class Command(BaseCommand):
    help = (
        "Remove every second factor (apps, passkeys, recovery codes) of an account that "
        "lost them; it enrols again at its next sign-in."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No account named {username!r}")
        # Each removal forgets the remembered browsers too; named here as the reset it is.
        revoke(user.pk, "second factors reset by an operator")
        devices = list(devices_for_user(user, confirmed=None))
        for device in devices:
            device.delete()
        log.warning("Second factors reset for user %s (%d removed)", user.pk, len(devices))
        self.stdout.write(f"Removed {len(devices)} second factor(s) of {username}.")
