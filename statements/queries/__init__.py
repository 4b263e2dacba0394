"""Reads: what is signed, what blocks a release, where each language stands.

Nothing here writes. Each module answers questions about one area, from the models.
"""
