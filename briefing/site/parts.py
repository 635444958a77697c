"""Long releases in parts: a release body too big for one light page is cut between blocks (pure).

Cabinet digests (สรุปข่าวการประชุมคณะรัฐมนตรี) run to 600 KB of Thai text. Their body is cut into
parts of at most ``RELEASE_PART_BYTES`` of HTML, only between top-level blocks (paragraphs,
lists, tables…), preferring a cut before an agenda item (``12. เรื่อง …``) or a section heading.
Part 1 stays at the release's URL; part n is ``/{lang}/releases/{slug}/page/{n}/``.
"""

from __future__ import annotations

import re

#: Opening or closing tags; void elements never change the depth.
TAG_RE = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^>]*?(/?)>")
VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
#: A block that starts a new agenda item or section: a good place to begin a part.
AGENDA_START_RE = re.compile(
    r"<(?:h[1-6]|p)[^>]*>\s*(?:\\?\d{1,3}\.\s*(?:เรื่อง|รื่อง)|[^<]{1,40}</p>)")
#: Of a part's room, the share past which a cut at any block is taken when no agenda start comes.
PREFER_AFTER = 0.6


def top_level_blocks(html: str) -> list[str]:
    """``html`` as its top-level blocks (text between them joined to the block before)."""
    blocks: list[str] = []
    depth, start = 0, 0
    for match in TAG_RE.finditer(html):
        closing, name, selfclose = match.group(1), match.group(2).lower(), match.group(3)
        if name in VOID or selfclose:
            continue
        depth += -1 if closing else 1
        if depth <= 0:
            depth = 0
            blocks.append(html[start:match.end()])
            start = match.end()
    if html[start:].strip() or not blocks:
        blocks.append(html[start:])
    return blocks


def split_parts(html: str, limit: int) -> list[str]:
    """``html`` cut into parts of at most ``limit`` UTF-8 bytes where possible (a single block
    bigger than ``limit`` is a part of its own); ``[html]`` when it fits or ``limit`` is 0."""
    if not limit or len(html.encode("utf-8")) <= limit:
        return [html]
    parts: list[list[str]] = [[]]
    size = 0
    for block in top_level_blocks(html):
        weight = len(block.encode("utf-8"))
        starts_item = bool(AGENDA_START_RE.match(block.lstrip()))
        full = size + weight > limit
        early = starts_item and size > limit * PREFER_AFTER
        if parts[-1] and (full or early):
            parts.append([])
            size = 0
        parts[-1].append(block)
        size += weight
    return ["".join(p).strip() + "\n" for p in parts if "".join(p).strip()]


def part_url(article_url: str, number: int) -> str:
    """The URL of part ``number`` (1: the release's own URL)."""
    return article_url if number == 1 else f"{article_url}page/{number}/"
