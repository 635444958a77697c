"""The one YAML reader and writer of the project, and the one front-matter splitter.

Every Markdown file with front matter (releases, notes) is split by :func:`split_front_matter`:
an optional UTF-8 byte-order mark, optional blank lines, a ``---`` line, YAML, a closing ``---``
(or ``...``) line, then the body; CRLF line endings are read as LF. :func:`read_front_matter`
also keeps the file line of every key so ``check``, the converter and the Pelican reader report
``path:line: message`` for the same problem in the same words (:func:`yaml_error_mark` points an
unclosed quote at the line where it opens). YAML is parsed and written with libyaml when PyYAML
has it (:data:`YAML_LOADER`, :data:`YAML_DUMPER`).

Content YAML is read with the YAML 1.2 core schema (:func:`core_schema`): only ``true``/``false``
are booleans and only ``null``/``~`` null, so Norway's ``NO``, ``Yes``, ``on`` or ``off`` stay the
text an editor wrote (YAML 1.1, PyYAML's default, reads them as booleans); ``012`` is twelve.
An impossible date (``2024-02-30``) stays text, so it is reported as a bad date with its line
instead of crashing the loader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

#: libyaml's C safe loader/dumper when present (same output as the pure-Python ones, faster).
_BASE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BASE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
YAML_OPTIONS = {"allow_unicode": True, "sort_keys": False, "width": 10**6}
FENCE = "---"
FENCE_RE = re.compile(r"^(---|\.\.\.)\s*$")
BOM = "\ufeff"


class FrontMatterError(ValueError):
    """Front matter that cannot be used; ``str()`` reads ``path:line: message``."""

    def __init__(self, path: str, line: int | None, message: str):
        self.path, self.line, self.message = path, line, message
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")


TIMESTAMP_TAG = "tag:yaml.org,2002:timestamp"
#: The YAML 1.2 core schema's implicit types (https://yaml.org/spec/1.2.2/#1032-tag-resolution),
#: kept to what YAML 1.1 also reads as that type: a float has a dot (``775918e27167``, a short
#: hash, stays text as it always was) and there is no ``0o`` octal. So every value PyYAML's
#: (1.1) dumper writes unquoted reads back the same, and files written before read unchanged.
CORE_RESOLVERS = (
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0x[0-9a-fA-F]+)$", "-+0123456789"),
    ("tag:yaml.org,2002:float", r"^(?:[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)(?:[eE][-+]?[0-9]+)?"
     r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$", "-+.0123456789"),
)
_CORE_TAGS = {tag for tag, _rx, _first in CORE_RESOLVERS}


def _core_int(loader, node) -> int:
    value = loader.construct_scalar(node)
    return int(value, 16) if value.startswith("0x") else int(value, 10)


def _lenient_timestamp(loader, node):
    """A date or time; text when the day does not exist (``2024-02-30``), for the checks."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError:
        return loader.construct_scalar(node)


def core_schema(loader: type, dates: bool = True) -> type:
    """Give ``loader`` (a PyYAML loader class) the YAML 1.2 core schema's implicit types, keeping
    YAML 1.1's timestamps (``dates``; impossible ones stay text) and merge keys."""
    resolvers: dict = {}
    for first, items in yaml.SafeLoader.yaml_implicit_resolvers.items():
        kept = [(tag, rx) for tag, rx in items
                if tag not in _CORE_TAGS and (dates or tag != TIMESTAMP_TAG)]
        if kept:
            resolvers[first] = kept
    for tag, rx, firsts in CORE_RESOLVERS:
        for first in firsts:
            resolvers.setdefault(first, []).append((tag, re.compile(rx)))
    loader.yaml_implicit_resolvers = resolvers
    loader.add_constructor("tag:yaml.org,2002:int", _core_int)
    loader.add_constructor(TIMESTAMP_TAG, _lenient_timestamp)
    return loader


class YAML_LOADER(_BASE_LOADER):  # noqa: N801 - the name the project imports
    """libyaml's C safe loader (when present) reading the YAML 1.2 core schema."""


class TextDateLoader(yaml.SafeLoader):
    """SafeLoader (core schema) keeping dates as text: an impossible date is a checkable value."""


#: libyaml's C safe dumper: it quotes any text YAML 1.1 would retype (``'NO'``, ``'012'``), a
#: superset of what :data:`YAML_LOADER` would, so a dumped file reads back the same.
YAML_DUMPER = _BASE_DUMPER

core_schema(YAML_LOADER)
core_schema(TextDateLoader, dates=False)


@dataclass(frozen=True)
class FrontMatter:
    """YAML front matter of a Markdown file, with the 1-based file line of each top-level key."""

    data: dict
    lines: dict[str, int]
    body: str
    start_line: int  # line of the opening ``---``
    body_line: int  # first line of the body
    item_lines: dict[str, list[int]] = field(default_factory=dict)  # list items / mapping keys

    def line(self, key: str, index: int | None = None) -> int:
        """The line of ``key`` (of its ``index``-th item if given; else the opening fence)."""
        if index is not None and index < len(self.item_lines.get(key, ())):
            return self.item_lines[key][index]
        return self.lines.get(key, self.start_line)


@dataclass(frozen=True)
class Split:
    """A file cut at its front-matter fences (lines are 1-based file lines)."""

    yaml_text: str
    body: str
    start_line: int  # the opening ``---``
    body_line: int  # the first line after the closing fence


def split_front_matter(text: str, path: str = "") -> Split | None:
    """Cut ``text`` at its fences; ``None`` when it has no front matter at all.

    Raises :class:`FrontMatterError` when a ``---`` opens front matter that is never closed.
    """
    lines = text.removeprefix(BOM).replace("\r\n", "\n").splitlines(keepends=True)
    first = 0
    while first < len(lines) and not lines[first].strip():
        first += 1
    if first >= len(lines) or lines[first].strip() != FENCE:
        return None
    end = next((i for i in range(first + 1, len(lines)) if FENCE_RE.match(lines[i])), None)
    if end is None:
        raise FrontMatterError(path, first + 1, "front matter is not closed (no second --- line)")
    return Split("".join(lines[first + 1 : end]), "".join(lines[end + 1 :]), first + 1, end + 2)


def load_yaml(text: str) -> Any:
    """YAML text → Python data with the safe (libyaml) loader."""
    return yaml.load(text, Loader=YAML_LOADER)  # noqa: S506 - a safe loader


def dump_yaml(data: Any) -> str:
    """Python data → YAML text, keys in the given order, Unicode kept, no line folding."""
    return yaml.dump(data, Dumper=YAML_DUMPER, **YAML_OPTIONS)


def load_markdown(text: str) -> tuple[dict[str, Any], str]:
    """Front matter and body of a Markdown file; ``({}, text)`` without usable front matter."""
    try:
        split = split_front_matter(text)
        meta = load_yaml(split.yaml_text) if split else None
    except (FrontMatterError, yaml.YAMLError):
        return {}, text
    if split is None:
        return {}, text
    return (meta if isinstance(meta, dict) else {}), split.body.lstrip("\n")


def dump_markdown(meta: dict[str, Any], body: str) -> str:
    """A Markdown file: ``---`` fenced YAML front matter, a blank line, then ``body``."""
    return f"{FENCE}\n{dump_yaml(meta)}{FENCE}\n\n{body.strip()}\n"


def yaml_error_mark(exc: yaml.YAMLError) -> tuple[yaml.Mark | None, str]:
    """Where to point an editor, and what to say: a scalar the scanner could not finish (an
    unclosed quote) is reported where it starts (``context_mark``), not at the end of the text
    where PyYAML gave up (``problem_mark``); anything else where the problem was found."""
    context, problem = getattr(exc, "context", None) or "", getattr(exc, "problem", None)
    context_mark = getattr(exc, "context_mark", None)
    if "quoted scalar" in context and context_mark is not None:
        return context_mark, f"the quoted text that starts on this line is not closed ({problem})"
    mark = getattr(exc, "problem_mark", None) or context_mark
    return mark, problem or str(exc).splitlines()[0]


def read_front_matter(text: str, path: str, loader: type | None = None) -> FrontMatter:
    """Split ``---`` YAML front matter from the body; :class:`FrontMatterError` with file:line.

    ``loader`` defaults to :class:`TextDateLoader` (dates as text, for the checks); the site's
    reader passes :data:`YAML_LOADER` (libyaml, dates as dates, impossible ones as text)."""
    split = split_front_matter(text, path)
    if split is None:
        lines = text.removeprefix(BOM).splitlines()
        first = next((i for i, line in enumerate(lines) if line.strip()), 0)
        raise FrontMatterError(path, first + 1, "no YAML front matter (must start with ---)")
    first = split.start_line - 1
    offset = split.start_line  # yaml marks are 0-based in yaml_text: file line = mark + offset + 1
    loader = (loader or TextDateLoader)(split.yaml_text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        mark, problem = yaml_error_mark(exc)
        line = mark.line + offset + 1 if mark is not None else first + 1
        raise FrontMatterError(path, line, f"malformed YAML front matter: {problem}") from None
    finally:
        loader.dispose()
    if data is None:
        data, node = {}, None
    if not isinstance(data, dict):
        raise FrontMatterError(path, first + 2,
                               "front matter must be a mapping of key: value lines")
    key_lines: dict[str, int] = {}
    item_lines: dict[str, list[int]] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            key, line = str(key_node.value), key_node.start_mark.line + offset + 1
            if key in key_lines:
                raise FrontMatterError(
                    path, line, f"duplicate key '{key}' (first on line {key_lines[key]})"
                )
            key_lines[key] = line
            if isinstance(value, yaml.SequenceNode):
                items = value.value
            elif isinstance(value, yaml.MappingNode):
                items = [k for k, _v in value.value]
            else:
                continue
            item_lines.setdefault(key, [n.start_mark.line + offset + 1 for n in items])
    return FrontMatter(
        data=data,
        lines=key_lines,
        body=split.body,
        start_line=split.start_line,
        body_line=split.body_line,
        item_lines=item_lines,
    )
