"""Worlds that transactional tests start from, built once per test session.

The browser tests start from a whole newsroom (``load_demo`` takes about 20 seconds,
the accessibility world about 10), in transactional tests: the live server reads only
what is committed, and each test's writes are flushed after it. On PostgreSQL the
first build's tables are copied into a schema of their own, and copied back before
each later test that asks for the same world: every such test starts from exactly
what the build left, ids and tokens included, whatever the test before it wrote, and
gets what the build returned. On other databases the world is built for each test.
"""

import os

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

# For each world built in this test session: its tables and what its build returned.
_built = {}


def world(name, build):
    """The database as ``build()`` leaves it, and what it returned."""
    if connection.vendor != "postgresql":
        return build()
    schema = f"snapshot_{name}"
    if name not in _built:
        result = build()
        _built[name] = (_copy_out(schema), result)
        return result
    tables, result = _built[name]
    _copy_back(schema, tables)
    return result


def load_demo():
    """The demo newsroom, as ``manage.py load_demo`` makes it."""

    def build():
        with open(os.devnull, "w") as devnull:
            call_command("load_demo", stdout=devnull)

    world("demo", build)


def _copy_out(schema):
    """Copy every table of the models, as flush knows them, into ``schema``."""
    tables = sorted(
        connection.introspection.django_table_names(only_existing=True, include_views=False)
    )
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")  # from a reused database
        cursor.execute(f"CREATE SCHEMA {schema}")
        for table in tables:
            cursor.execute(f"CREATE TABLE {schema}.{quote(table)} AS TABLE {quote(table)}")
    return tables


def _copy_back(schema, tables):
    """Empty every table and refill it from the copy; the foreign keys (deferred until
    the commit) are checked once every table is back."""
    quoted = [connection.ops.quote_name(table) for table in tables]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(quoted)} CASCADE")
        for table in quoted:
            # Table names from Django's own models, quoted: nothing from outside.
            cursor.execute(f"INSERT INTO {table} SELECT * FROM {schema}.{table}")  # noqa: S608
        # The next ids are those the build's next objects would have had.
        models = [
            model
            for model in apps.get_models(include_auto_created=True)
            if model._meta.db_table in tables and not model._meta.proxy
        ]
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)
    # What the process remembers of the rows it had: content types by id, Wagtail's
    # site root paths (the build's own saves cleared them through signals).
    ContentType.objects.clear_cache()
    cache.clear()
