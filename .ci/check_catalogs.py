"""Fail when `makemessages` would change what a catalog says.

Compares entries, not text: a new or vanished string, a changed flag (fuzzy) or
translation fails; line wrapping, source locations and the creation date do not.
The catalogs are restored afterwards, so this never edits the work tree.
"""

import os
import subprocess
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
MAKEMESSAGES = [
    sys.executable,
    "manage.py",
    "makemessages",
    "--all",
    "--no-obsolete",
    "--ignore=.venv",
    "--ignore=var",
    "--ignore=tests",
]


def entries(text):
    catalog = polib.pofile(text)
    return {
        (e.msgctxt, e.msgid, e.msgid_plural): (
            e.msgstr,
            tuple(sorted(e.msgstr_plural.items())),
            tuple(sorted(set(e.flags) - {"python-format", "python-brace-format"})),
        )
        for e in catalog
        if not e.obsolete
    }


def main():
    catalogs = sorted(ROOT.glob("locale/*/LC_MESSAGES/django.po"))
    if not catalogs:
        sys.exit("check_catalogs: no catalogs under locale/")
    before = {path: path.read_text() for path in catalogs}
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    problems = []
    try:
        subprocess.run(MAKEMESSAGES, cwd=ROOT, env=env, check=True, capture_output=True)
        for path, text in before.items():
            old, new = entries(text), entries(path.read_text())
            name = path.relative_to(ROOT)
            for key in sorted(set(new) - set(old), key=str):
                problems.append(f"{name}: not in the catalog yet: {key[1]!r}")
            for key in sorted(set(old) - set(new), key=str):
                problems.append(f"{name}: no longer used: {key[1]!r}")
            for key in sorted(set(old) & set(new), key=str):
                if old[key] != new[key]:
                    problems.append(f"{name}: would change: {key[1]!r}")
        created = set(ROOT.glob("locale/*/LC_MESSAGES/django.po")) - set(before)
        problems += [f"makemessages created {path}" for path in created]
    finally:
        for path, text in before.items():
            path.write_text(text)
    if problems:
        print("\n".join(problems))
        sys.exit("check_catalogs: run `make messages`, translate, and commit the catalogs")
    print(f"check_catalogs: {len(before)} catalogs up to date")


if __name__ == "__main__":
    main()
