"""Worlds that tests start from, built once per test session.

Some tests start from a whole newsroom: ``load_demo`` takes about 20 seconds, the
accessibility world about 10, a feed or API world several. On PostgreSQL the first
build's rows are kept (every table, COPY'd out as text) and put back before each later
test that asks for the same world: every table emptied and refilled, the sequences
set past the rows, the process's caches of rows dropped. Each such test starts from
exactly the rows the build left, ids and tokens included, whatever ran before it, and
gets a copy of what the build returned. In a transactional test the rows are
committed, as the build's were; in any other test they go with its rollback. On other
databases the world is built for each test.

A build is only what is in the database and what it returns: settings a test needs
are set by its fixture before it asks for the world, and a build must not depend on
mail sent, files written or callbacks run on commit.
"""

import copy
import os

import psycopg
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

# For each world built in this test session: its rows and what its build returned.
_built = {}


def world(name, build):
    """The database as ``build()`` leaves it, and a copy of what it returned."""
    if connection.vendor != "postgresql":
        return build()
    # Built inside a test's transaction, callbacks on commit never ran: another world.
    in_test_transaction = connection.in_atomic_block
    if in_test_transaction:
        _assert_nothing_written_yet(name)
    key = (name, in_test_transaction)
    if key not in _built:
        result = build()
        _built[key] = (_copy_out(), copy.deepcopy(result))
        return result
    rows, result = _built[key]
    _copy_back(rows)
    return copy.deepcopy(result)


def _assert_nothing_written_yet(name):
    """A row this test's transaction has and the committed database has not was
    written by a fixture asked for before the world: putting the world back would
    delete it, and the world would not be what the build made."""
    tables = _tables()
    query = _count_query(tables)
    with connection.cursor() as cursor:
        cursor.execute(query)
        here = cursor.fetchone()
    db = connection.settings_dict
    with psycopg.connect(
        dbname=db["NAME"],
        user=db["USER"] or None,
        password=db["PASSWORD"] or None,
        host=db["HOST"] or None,
        port=db["PORT"] or None,
        autocommit=True,
    ) as committed:
        there = committed.execute(query).fetchone()
    written = {t: (a, b) for t, a, b in zip(tables, there, here, strict=True) if a != b}
    assert not written, f"rows written before the world {name!r} was asked for: {written}"


def _count_query(tables):
    quote = connection.ops.quote_name
    # The models' own table names, quoted: nothing from outside.
    return "SELECT " + ", ".join(f"(SELECT count(*) FROM {quote(t)})" for t in tables)  # noqa: S608


def load_demo():
    """The demo newsroom, as ``manage.py load_demo`` makes it."""

    def build():
        with open(os.devnull, "w") as devnull:
            call_command("load_demo", stdout=devnull)

    world("demo", build)


def _tables():
    """Every table of the models, as flush knows them."""
    return sorted(
        connection.introspection.django_table_names(only_existing=True, include_views=False)
    )


def _copy_out():
    quote = connection.ops.quote_name
    rows = {}
    with connection.cursor() as cursor:
        raw = cursor.cursor  # psycopg's own cursor, for COPY
        for table in _tables():
            with raw.copy(f"COPY {quote(table)} TO STDOUT") as out:
                rows[table] = b"".join(bytes(data) for data in out)
    return rows


def _copy_back(rows):
    """Empty every table and refill it. DELETE, not TRUNCATE: a hundred small tables
    empty in milliseconds where TRUNCATE takes seconds; Django's foreign keys are
    deferred, so the order does not matter and they are checked with every row back."""
    quote = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        for table in rows:
            cursor.execute(f"DELETE FROM {quote(table)}")  # noqa: S608 - a model's table
        raw = cursor.cursor
        for table, data in rows.items():
            if data:
                with raw.copy(f"COPY {quote(table)} FROM STDIN") as into:
                    into.write(data)
        # Every new id comes after the rows put back, as after the build.
        models = [
            model
            for model in apps.get_models(include_auto_created=True)
            if model._meta.db_table in rows and not model._meta.proxy
        ]
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)
    # What the process remembers of the rows it had: content types by id, Wagtail's
    # site root paths (the build's own saves cleared them through signals).
    ContentType.objects.clear_cache()
    cache.clear()
