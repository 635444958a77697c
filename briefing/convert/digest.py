"""Cabinet digests (``สรุปข่าวการประชุมคณะรัฐมนตรี``): split into agenda items, find the on-topic ones.

A digest opens with a table of contents (``1. เรื่อง …`` lines, one per item) and then repeats
each heading before the item's text. :func:`digest_items` keeps, for every item number, its last
heading (the one that opens the text), so the table of contents is not taken for the items.
Offsets are into the text given (the body, or the whole tag text), so the matcher's hits on that
text can be assigned to items without tokenising again.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DigestItem:
    """One agenda item: its number, heading and ``text[start:end]`` span."""

    number: int
    title: str
    start: int
    end: int
    topics: tuple[str, ...] = ()  # filled by about.py: the item's topics (core when on-subject)
    on_subject: bool = False


def digest_items(body: str, cues) -> list[DigestItem]:
    """The agenda items of a digest, in text order (``[]`` if the text has none)."""
    last: dict[int, tuple[int, str]] = {}
    for m in cues.item_re.finditer(body):
        last[int(m.group(1))] = (m.start(), m.group(2).strip())
    heads = sorted((start, number, title) for number, (start, title) in last.items())
    items = []
    for i, (start, number, title) in enumerate(heads):
        end = heads[i + 1][0] if i + 1 < len(heads) else len(body)
        items.append(DigestItem(number, title, start, end))
    return items


def item_of(items: list[DigestItem], pos: int) -> DigestItem | None:
    """The item whose span holds ``pos`` (items are sorted and disjoint)."""
    for item in items:
        if item.start <= pos < item.end:
            return item
    return None
