"""Determinism gate: building the same content twice gives byte-identical output.

The demo content is converted once, then built twice into two output folders by two separate
``pelican`` processes (the editors' subprocess build helper, same settings, same content). Every
file must exist in both and have the same bytes; nothing is ignored, because nothing in the site
needs to change between two builds of the same content (no build timestamps are written).
Two exceptions: an entry-less Atom feed's build time, and Pagefind's filter and ``pf_meta`` file
names (hashes of value lists Pagefind writes in hash-map order; filters are compared by their sorted
bytes) together with the search pages' preload links that name the ``pf_meta``.
"""

from __future__ import annotations

import gzip
import hashlib
import re
import shutil
from pathlib import Path

from editors_build import build, ok, output

EMPTY_FEED_UPDATED = re.compile(rb"<updated>[^<]*</updated>")


def without_build_time(name: str, data: bytes) -> bytes:
    """``data`` with the build time of an entry-less Atom feed blanked (see the module doc)."""
    if name.endswith(".xml") and b"<feed" in data and b"<entry" not in data:
        return EMPTY_FEED_UPDATED.sub(b"<updated/>", data)
    return data


PAGEFIND_UNORDERED = re.compile(
    r"pagefind/(?:filter/(?P<lang>[a-z]+)_\w+\.pf_filter|pagefind\.(?P<meta>[a-z]+)_\w+\.pf_meta"
    r"|pagefind-entry\.json)$")


# the search pages preload the pf_meta (not the filter chunks: search.js fetches those only
# when the filters panel opens), so they name it too
PAGEFIND_UNORDERED_LINK = re.compile(rb"pagefind/pagefind\.[a-z]+_\w+\.pf_meta")


def unordered_key(match: re.Match, data: bytes) -> str:
    """A name for a Pagefind file that does not depend on value order (see the module doc)."""
    if match["lang"]:
        content = bytes(sorted(gzip.decompress(data)))
        return f"pagefind/filter/{match['lang']}: {hashlib.sha256(content).hexdigest()[:16]}"
    if match["meta"]:
        return f"pagefind/{match['meta']}.pf_meta"
    return "pagefind/pagefind-entry.json"


def tree(folder: Path) -> dict[str, bytes]:
    found: dict[str, bytes] = {}
    for path in sorted(folder.rglob("*")):
        if not path.is_file():
            continue
        name, data = path.relative_to(folder).as_posix(), path.read_bytes()
        unordered = PAGEFIND_UNORDERED.search(name)
        if unordered:
            found[unordered_key(unordered, data)] = b""
        elif name.endswith("search/index.html"):
            found[name] = PAGEFIND_UNORDERED_LINK.sub(b"pagefind/(unordered)", data)
        else:
            found[name] = without_build_time(name, data)
    return found


def differences(a: dict[str, bytes], b: dict[str, bytes]) -> list[str]:
    found = [f"only in the first build: {name}" for name in sorted(a.keys() - b.keys())]
    found += [f"only in the second build: {name}" for name in sorted(b.keys() - a.keys())]
    found += [f"differs: {name}" for name in sorted(a.keys() & b.keys()) if a[name] != b[name]]
    return found


def test_two_builds_are_byte_identical(converted_demo, tmp_path):
    builds = []
    for name in ("first", "second"):
        root = tmp_path / name
        shutil.copytree(converted_demo / "content", root / "content")
        run = build(root)
        assert ok(run), output(run)
        builds.append(tree(root / "output"))
    assert len(builds[0]) > 100
    diff = differences(*builds)
    assert diff == [], f"{len(diff)} differences:\n" + "\n".join(diff[:40])


def test_only_an_empty_feeds_build_time_is_ignored():
    empty = b'<feed xmlns="http://www.w3.org/2005/Atom"><updated>2026-01-01T00:00:00</updated></feed>'
    full = empty.replace(b"</feed>", b"<entry><updated>2024-03-24</updated></entry></feed>")
    assert without_build_time("a/feed.atom.xml", empty) != empty
    assert without_build_time("a/feed.atom.xml", full) == full
    assert without_build_time("a/index.html", empty) == empty


def test_gate_catches_a_difference():
    a = {"en/index.html": b"<p>built 01:00</p>", "a.css": b"x"}
    b = {"en/index.html": b"<p>built 01:01</p>", "b.css": b"x"}
    assert differences(a, b) == ["only in the first build: a.css",
                                 "only in the second build: b.css", "differs: en/index.html"]
