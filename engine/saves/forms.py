"""Older forms of stored values inside one save format, converted to today's form on read.

A save format (``user_version``) fixes the tables and columns; the JSON inside a cell has also
changed over time without a new format. Files written in an older form are still genuine saves
of that format, so the reader converts each such value to the current form after the file's
hashes have been checked over the bytes as stored. The file itself is never rewritten: its
content hashes cover the stored text, and a player's file is only ever read.

Rule: a change to the form of a stored value must add a reader of the old form here (and an
archived golden save written in it under ``tests/saves/golden/archive/``), never break the old
one.

Forms handled:

* ``quarters.injected``, format 1 before custom events (golden ``v1-ef52fcb``): a list of
  ``[deck event id, target firm id or null]`` pairs. Today: ``{"event": id, "target": ...}`` or
  ``{"custom": {...}, "target": ...}`` (:func:`engine.injections.to_json`).
"""


def injection(item):
    """One stored injection in today's form: an old ``[event id, target]`` pair becomes
    ``{"event": id, "target": target}``; anything else is returned unchanged for the caller's checks.
    """
    if isinstance(item, list) and len(item) == 2 and isinstance(item[0], str):
        return {"event": item[0], "target": item[1]}
    return item
