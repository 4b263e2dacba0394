"""The shape of the code that import-linter does not check (docs/architecture.md).

import-linter (``make lint``) proves the direction of imports. These tests hold the
two other rules of ADR 0007: no module asks to be split, and an import of our own
code inside a function is the exception, said so where it stands.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APPS = ("statements", "newsroom")
MAX_LINES = 500
OWN = ("statements", "newsroom", "config")


def modules():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            parts = path.relative_to(ROOT).parts
            if "migrations" in parts or parts[:2] == ("statements", "demo"):
                continue  # migrations and demo data are exempt
            yield path


def test_modules_are_found():
    found = {p.relative_to(ROOT).as_posix() for p in modules()}
    assert "statements/actions/release.py" in found
    assert "newsroom/urls.py" in found
    assert not any("/migrations/" in p or p.startswith("statements/demo/") for p in found)


def test_no_module_is_over_500_lines():
    long = {
        path.relative_to(ROOT).as_posix(): n
        for path in modules()
        if (n := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert long == {}


def own_imports_inside_functions(source):
    """(line, module) of each import of our own code inside a function or method."""
    tree = ast.parse(source)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for inner in ast.walk(node):
            if isinstance(inner, ast.ImportFrom):
                module = "." * inner.level + (inner.module or "")
                if inner.level or module.split(".")[0] in OWN:
                    found.append((inner.lineno, module))
            elif isinstance(inner, ast.Import):
                found += [
                    (inner.lineno, a.name) for a in inner.names if a.name.split(".")[0] in OWN
                ]
    return found


def comment_above(lines, lineno):
    """The line above the import, or above the run of imports it stands in, is a comment."""
    index = lineno - 2
    while index >= 0 and lines[index].strip().startswith(("from ", "import ")):
        index -= 1
    return index >= 0 and lines[index].strip().startswith("#")


def test_the_checker_sees_a_function_level_import():
    source = "def f():\n    from .models import X\n    import statements.tasks\n"
    assert own_imports_inside_functions(source) == [(2, ".models"), (3, "statements.tasks")]
    assert own_imports_inside_functions("from .models import X\n") == []
    lines = [
        "def f():",
        "    # Wagtail loads this first.",
        "    from a import b",
        "    from c import d",
    ]
    assert comment_above(lines, 4)
    assert not comment_above(["def f():", "    from c import d"], 2)


def test_each_function_level_import_of_our_own_code_says_why():
    """Allowed where Wagtail or Django forces it (a model handing a call up, an app's
    ready(), a module Wagtail loads with its models): the line above says why."""
    unexplained = []
    for path in modules():
        lines = path.read_text().splitlines()
        for lineno, module in own_imports_inside_functions("\n".join(lines)):
            if not comment_above(lines, lineno):
                unexplained.append(f"{path.relative_to(ROOT)}:{lineno} imports {module}")
    assert unexplained == []
