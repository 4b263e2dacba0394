"""Fail when `makemessages` would change a catalog (ignoring its creation date).

The catalogs are restored afterwards, so running this never edits the work tree.
"""

import difflib
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IGNORED = re.compile(r'^"POT-Creation-Date: .*\\n"$')
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


def significant(text):
    return [line for line in text.splitlines() if not IGNORED.match(line)]


def main():
    catalogs = sorted(ROOT.glob("locale/*/LC_MESSAGES/django.po"))
    if not catalogs:
        sys.exit("check_catalogs: no catalogs under locale/")
    before = {path: path.read_text() for path in catalogs}
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    try:
        subprocess.run(MAKEMESSAGES, cwd=ROOT, env=env, check=True, capture_output=True)  # noqa: S603
        changed = []
        for path, text in before.items():
            diff = list(
                difflib.unified_diff(significant(text), significant(path.read_text()), lineterm="")
            )
            if diff:
                changed.append((path, diff))
        new = set(ROOT.glob("locale/*/LC_MESSAGES/django.po")) - set(before)
    finally:
        for path, text in before.items():
            path.write_text(text)
    if new:
        sys.exit(f"check_catalogs: makemessages created {sorted(map(str, new))}")
    if changed:
        for path, diff in changed:
            print(f"--- {path.relative_to(ROOT)} would change:")
            print("\n".join(diff[:40]))
        sys.exit("check_catalogs: run `make messages`, translate, and commit the catalogs")
    print(f"check_catalogs: {len(before)} catalogs up to date")


if __name__ == "__main__":
    main()
