"""HTML to PDF with WeasyPrint, fetching nothing, and the strings page margins print."""

from django.template.loader import render_to_string


def css_string(text):
    """``text`` as a quoted CSS string for a margin box's ``content``: every character
    but letters, digits and a few marks escaped, so no name can end the string or the
    style sheet (a hex escape swallows the one space after it: one is written)."""
    safe = " .,:-·"
    escaped = "".join(c if c.isalnum() or c in safe else f"\\{ord(c):06x} " for c in str(text))
    return f'"{escaped}"'


def _fetch_nothing(url, *args, **kwargs):
    """The documents are self-contained: a URL in a statement's words is never fetched."""
    raise ValueError(f"evidence documents load nothing ({url})")


def render_pdf(template_name, context):
    html = render_to_string(template_name, context)
    # WeasyPrint loads Pango and HarfBuzz when it is imported: only a PDF needs them,
    # so every other screen (and manage.py) runs on a machine without them.
    import weasyprint

    return weasyprint.HTML(string=html, url_fetcher=_fetch_nothing).write_pdf()
