"""The audit log's hash chain: one canonical form of an entry, its hash, and the walk.

An entry's hash covers its own content and the hash of the entry before it, so
changing, removing or reordering any entry breaks every hash from there on. The
content is serialised one way only (JSON with sorted keys, no spaces, UTF-8, times in
UTC ISO 8601 with microseconds), so anyone can recompute a hash from an exported
entry with a few lines of any language. ``ALGORITHM`` is stored on every entry: a
later scheme gets a new name, and entries keep the one they were made with.
"""

import datetime
import hashlib
import json

ALGORITHM = "sha256-json-v1"
GENESIS = "0" * 64


def utc_iso(moment):
    return moment.astimezone(datetime.UTC).isoformat(timespec="microseconds")


def canonical(content):
    """The bytes that are hashed: ``content`` as sorted-key, compact, UTF-8 JSON."""
    return json.dumps(
        content, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    ).encode()


def hash_of(content, algorithm=ALGORITHM):
    if algorithm != ALGORITHM:
        raise ValueError(f"unknown audit hash algorithm {algorithm!r}")
    return hashlib.sha256(canonical(content)).hexdigest()


class Break:
    """The first entry that does not verify, and why."""

    def __init__(self, seq, entry_id, reason):
        self.seq = seq
        self.entry_id = entry_id
        self.reason = reason

    def __str__(self):
        return f"entry #{self.seq} (id {self.entry_id}) does not verify: {self.reason}"


def first_break(entries):
    """Walk ``entries`` (objects with ``seq``, ``pk``, ``prev_hash``, ``entry_hash``,
    ``algorithm`` and ``content()``) in order; return the first ``Break`` or None, and
    how many entries verified before it."""
    previous_hash, expected_seq, count = GENESIS, 1, 0
    for entry in entries:
        if entry.seq != expected_seq:
            missing = f"#{expected_seq}" if entry.seq > expected_seq else "an entry"
            return Break(entry.seq, entry.pk, f"{missing} is missing before it"), count
        if entry.prev_hash != previous_hash:
            return Break(entry.seq, entry.pk, "it does not follow the entry before it"), count
        try:
            recomputed = hash_of(entry.content(), entry.algorithm)
        except ValueError as exc:
            return Break(entry.seq, entry.pk, str(exc)), count
        if recomputed != entry.entry_hash:
            return Break(entry.seq, entry.pk, "its content does not match its hash"), count
        previous_hash, expected_seq, count = entry.entry_hash, expected_seq + 1, count + 1
    return None, count
