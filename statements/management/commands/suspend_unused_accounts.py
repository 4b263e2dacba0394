"""Warn, then suspend, accounts unused for ACCOUNT_SUSPEND_AFTER_DAYS. For operators
and cron; beat runs the same action hourly. Safe to run at any time, as often as you
like: each account is warned once and suspended once."""

from django.core.management.base import BaseCommand

from statements.actions.accounts import SuspendUnusedAccountsAction


class Command(BaseCommand):
    help = "Suspend accounts unused for ACCOUNT_SUSPEND_AFTER_DAYS, warning them first."

    def handle(self, *args, **options):
        done = SuspendUnusedAccountsAction().execute()
        self.stdout.write(f"warned {done['warned']}, suspended {done['suspended']}")
