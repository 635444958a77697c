"""The rooms' import rule (docs/ARCHITECTURE.md, "Rooms"): imports go one way only.

contract, frontmatter, model, sanitise ← taxonomy ← convert ← site ← cli / plugins; editors use
only taxonomy, frontmatter, sanitise and contract. Read from the source with ``ast`` (nothing is
imported), so a new module that reaches upwards fails here with the file and line of the import.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: What each room may import from the project (itself included).
ALLOWED = {
    "contract": set(),
    "frontmatter": set(),
    "model": set(),
    "sanitise": set(),
    "taxonomy": {"contract", "frontmatter", "sanitise", "taxonomy"},
    "editors": {"contract", "frontmatter", "sanitise", "taxonomy", "editors"},
    "convert": {"contract", "frontmatter", "model", "sanitise", "taxonomy", "convert"},
    "site": {"contract", "frontmatter", "model", "sanitise", "taxonomy", "convert", "site"},
    "cli": {"contract", "frontmatter", "model", "sanitise", "taxonomy", "convert", "editors"},
    "__main__": {"cli"},
    "__init__": set(),
}


def room_of(path: Path) -> str:
    parts = path.relative_to(ROOT / "briefing").with_suffix("").parts
    return parts[0]


def project_imports(path: Path) -> list[tuple[int, str]]:
    """``(line, room)`` of every ``briefing.*`` import in a module."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names
                                     if node.module == "briefing"]
        for name in names:
            parts = name.split(".")
            if parts[0] == "briefing" and len(parts) > 1:
                found.append((node.lineno, parts[1]))
    return found


MODULES = sorted((ROOT / "briefing").rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_rooms_import_downwards_only(path):
    room = room_of(path)
    allowed = ALLOWED[room] | {room}
    wrong = [f"{path.relative_to(ROOT)}:{line}: the {room} room imports briefing.{target}"
             for line, target in project_imports(path) if target not in allowed]
    assert not wrong, "\n".join(wrong)


def test_every_module_has_a_docstring_and_stays_small():
    problems = []
    for path in MODULES:
        text = path.read_text(encoding="utf-8")
        if text.strip() and ast.get_docstring(ast.parse(text)) is None:
            problems.append(f"{path.relative_to(ROOT)}: no module docstring")
        if text.count("\n") > 300:
            problems.append(f"{path.relative_to(ROOT)}: {text.count(chr(10))} lines (> 300)")
    assert not problems, "\n".join(problems)


def test_the_rule_catches_an_upward_import(tmp_path):
    module = ROOT / "briefing" / "taxonomy" / "model.py"
    bad = tmp_path / "bad.py"
    bad.write_text("from briefing.convert.tag import compile_matcher\n", encoding="utf-8")
    assert project_imports(bad) == [(1, "convert")]
    assert "convert" not in ALLOWED[room_of(module)]
