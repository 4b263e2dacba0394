"""pg_trgm for searching Japanese and Korean statements (newsroom/search/).

PostgreSQL's text-search configurations do not segment CJK text, so those languages
are matched by substring and trigram similarity instead. SQLite needs nothing.
"""

from django.db import migrations


def create_trigram_extension(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")


class Migration(migrations.Migration):
    dependencies = [
        ("statements", "0008_embargoed_previews"),
    ]

    operations = [
        # Not dropped on reversal: other schemas or apps may rely on the extension.
        migrations.RunPython(create_trigram_extension, migrations.RunPython.noop),
    ]
