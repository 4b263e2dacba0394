"""Evidence for each government (docs/adr/0021): PDF receipts of signatures, watermarked
clearance copies of the text under sign-off, and a statement's evidence pack.

``documents`` writes the PDFs (WeasyPrint), ``pack`` the pack; what they show comes
from ``statements.queries.evidence``, and the pack is checked by
``statements.evidence_check``, which needs nothing but Python.
"""
