"""Parse normalised release text into title, date line, body blocks, hashtags and source URL (pure).

Two shapes are known. ``thaigov``: a title line ``รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-…``, blank lines, a
Thai date line, the headline repeated one to three times, the body, maybe hashtags and a separator,
and ``ที่มา : URL`` last. ``dated``: a first line `` date 2025-12-17 <body…>`` with no title and no
URL; the headline is derived from the first clause of the body.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from briefing.contract import OFFICIAL_SOURCE_HOSTS, is_official_source, text_language
from briefing.convert.dates import ISO_LINE_RE, parse_date_line
from briefing.convert.normalise import compare_key
from briefing.model import Release, ReleaseError
from briefing.sanitise import is_web_url

#: Site prefix of the title line (sometimes without the ``ข่าวทำเนียบรัฐบาล-`` part).
TITLE_PREFIX_RE = re.compile(r"^\s*รัฐบาลไทย\s*-\s*(?:ข่าวทำเนียบรัฐบาล\s*-\s*)?")
#: ``ที่มา : https://…`` (colon optional, any spacing): the last lines' source line. Any value
#: that starts like an address (a scheme ``xyz:``, ``//`` or ``www.``) is taken, so a line such as
#: ``ที่มา : javascript:…`` is found and refused (warned) instead of staying in the body.
SOURCE_RE = re.compile(
    r"^\s*ที่มา\s*:?\s*(?P<url>(?:[A-Za-z][A-Za-z0-9+.-]*:|//|www\.)\S.*?)\s*$", re.IGNORECASE
)
#: A line of only -, _, *, =, ~ or dashes (at least three).
SEPARATOR_RE = re.compile(r"^\s*[-_*=~–—.•]{3,}\s*$")
HASHTAG_LINE_RE = re.compile(r"^\s*#[^\s#]+(?:\s+#[^\s#]+)*\s*$")
HASHTAG_RE = re.compile(r"#([^\s#]+)")
#: A numbered point ``(1) …`` (``และ (4) …`` continues a list already open).
POINT_RE = re.compile(r"^\s*(?:(?P<conj>และ|หรือ)\s*)?\((?P<n>\d{1,2})\)\s*(?P<text>.*)$")
#: Lines of page chrome copied with the text: the print link and a numeric date repeat.
BOILERPLATE_RE = re.compile(r"^\s*(?:พิมพ์|\d{1,2}/\d{1,2}/\d{4})\s*$")
#: How far into the file the date line may be (lines after the title).
DATE_LINE_WINDOW = 8
#: A derived headline is cut at a space before this many characters.
HEADLINE_MAX = 120
#: Clause openers where a derived headline is cut first (when the cut falls in a sensible range).
HEADLINE_CUTS = (" ระหว่างวันที่", " เมื่อวันที่", " ในวันที่", " วันที่", " ณ ", " โดย", " ซึ่ง")
HEADLINE_MIN = 30
#: ...but a whole first clause up to this long is kept (Thai headlines run long).
HEADLINE_CLAUSE_MAX = 200
#: A headline continuation line (second line of a two-line headline) is at most this long.
CONTINUATION_MAX = 120
#: Sentence openers that mark a line as body text rather than a headline continuation.
BODY_OPENERS_RE = re.compile(
    r"^(?:วันที่|วันนี้|เมื่อ|นาย|นาง|พล|ศาสตราจารย์|ดร\.|\(\d|ทั้งนี้|นอกจากนี้|อย่างไรก็ตาม|โดย)"
)
PREFIX_KEY_MIN = 20


def derive_headline(text: str) -> str:
    """A headline from the first clause of ``text``, cut at a space before ~120 characters."""
    text = text.strip()
    if len(text) <= HEADLINE_MAX:
        return text
    cuts = [text.find(c) for c in HEADLINE_CUTS]
    cuts = [c for c in cuts if HEADLINE_MIN <= c <= HEADLINE_CLAUSE_MAX]
    if cuts:
        return text[: min(cuts)].strip()
    space = text.rfind(" ", HEADLINE_MIN, HEADLINE_MAX)
    return (text[:space] if space > 0 else text[:HEADLINE_MAX]).strip() + "…"


def _same_headline(line: str, title: str) -> str | None:
    """If ``line`` repeats ``title`` (maybe truncated either way) return the longer of the two."""
    a, b = compare_key(line), compare_key(title)
    if not a or not b:
        return None
    if a == b:
        return title if len(title) >= len(line) else line
    if min(len(a), len(b)) >= PREFIX_KEY_MIN and (a.startswith(b) or b.startswith(a)):
        return line if len(a) > len(b) else title
    return None


def _is_date_line(line: str) -> bool:
    try:
        return parse_date_line(line) is not None
    except ValueError:
        return True  # a date line with an impossible date: the dates stage refuses it


def _body_lang(paragraphs: tuple[str, ...]) -> str:
    return text_language(" ".join(paragraphs))


def _blocks(lines: list[tuple[int, str]]) -> tuple[list[tuple[int, str]], list[str], list[str]]:
    """Body lines → (blocks with line numbers, points, hashtags); a list is one block."""
    blocks: list[tuple[int, str]] = []
    points: list[str] = []
    hashtags: list[str] = []
    in_list = False
    for no, line in lines:
        if not line.strip():
            continue
        if SEPARATOR_RE.match(line) or BOILERPLATE_RE.match(line):
            in_list = False
            continue
        if HASHTAG_LINE_RE.match(line):
            hashtags.extend(t for t in HASHTAG_RE.findall(line) if t not in hashtags)
            continue
        point = POINT_RE.match(line)
        if point and (not point["conj"] or in_list):
            item = f"({point['n']}) {point['text'].strip()}"
            if point["conj"]:  # "และ (4) …": the conjunction ends the previous point (kept)
                points[-1] = f"{points[-1]} {point['conj']}"
                blocks[-1] = (blocks[-1][0], f"{blocks[-1][1]} {point['conj']}")
            points.append(item)
            if in_list:
                blocks[-1] = (blocks[-1][0], blocks[-1][1] + "\n" + item)
            else:
                blocks.append((no, item))
            in_list = True
            continue
        in_list = False
        blocks.append((no, line.strip()))
    return blocks, points, hashtags


def _finish(release: Release, title: str, body: list[tuple[int, str]], **fields) -> Release:
    blocks, points, hashtags = _blocks(body)
    if not blocks:
        raise ReleaseError("no body text after the headline")
    paragraphs = tuple(text for _, text in blocks)
    return replace(
        release,
        title=title or derive_headline(paragraphs[0]),
        paragraphs=paragraphs,
        paragraph_lines=tuple(no for no, _ in blocks),
        points=tuple(points),
        hashtags=tuple(hashtags),
        body_lang=_body_lang(paragraphs),
        **fields,
    )


def _parse_dated(release: Release, lines: list[tuple[int, str]], first: int) -> Release:
    no, line = lines[first]
    m = ISO_LINE_RE.match(line)
    try:
        day = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError as exc:
        raise ReleaseError(f"impossible date '{m.group(0).strip()}' ({exc})", no) from None
    rest = [(no, line[m.end():].strip())] + lines[first + 1:]
    return _finish(release, "", rest, shape="dated", date=day, date_line=m.group(0).strip(),
                   date_line_no=no, source_url=None)


def parse(release: Release) -> Release:
    """Pipeline stage: split ``release.text`` into its parts (raises ReleaseError if it cannot)."""
    lines = list(enumerate(release.text.split("\n"), start=1))
    nonblank = [i for i, (_, text) in enumerate(lines) if text.strip()]
    if not nonblank:
        raise ReleaseError("the file has no text")
    first = nonblank[0]
    if ISO_LINE_RE.match(lines[first][1]):
        return _parse_dated(release, lines, first)

    source_url = None
    for i in reversed(nonblank[-3:]):
        m = SOURCE_RE.match(lines[i][1])
        if m:
            source_url = m["url"]
            if not is_web_url(source_url):
                release = replace(release, warnings=(*release.warnings, (
                    f"{lines[i][0]}: source URL {source_url!r} is not an http(s) web address: "
                    "dropped (the release gets no source link; fix the ที่มา line)")))
                source_url = None
            elif not is_official_source(source_url):
                release = replace(release, warnings=(*release.warnings, (
                    f"{lines[i][0]}: source URL {source_url} is not on "
                    f"{' or '.join(OFFICIAL_SOURCE_HOSTS)} (kept as written: check it)")))
            lines = lines[:i] + lines[i + 1:]
            break

    title = ""
    start = first
    if not _is_date_line(lines[first][1]):
        title = TITLE_PREFIX_RE.sub("", lines[first][1]).strip()
        start = first + 1
    date_idx = next(
        (i for i in range(start, min(len(lines), start + DATE_LINE_WINDOW))
         if _is_date_line(lines[i][1])),
        None,
    )
    if date_idx is None:
        raise ReleaseError(
            "no date line (expected e.g. 'วันอาทิตย์ที่ 24 มีนาคม 2567' near the top)"
        )
    date_no, date_line = lines[date_idx]

    i = date_idx + 1
    repeats = 0
    while i < len(lines):
        text = lines[i][1]
        if not text.strip() or BOILERPLATE_RE.match(text):
            i += 1
            continue
        longer = _same_headline(text, title) if title else None
        if longer is None:
            break
        title, repeats = longer, repeats + 1
        i += 1
    continuation = _continuation(lines, i) if repeats else None
    if continuation:
        title, i = f"{title} {continuation}", i + 1
    return _finish(release, title, lines[i:], date_line=date_line.strip(),
                   date_line_no=date_no, source_url=source_url, shape="thaigov")


def _continuation(lines: list[tuple[int, str]], i: int) -> str | None:
    """Seed-000 case: after the repeated headline, a short line continues it (two-line headline)."""
    if i >= len(lines):
        return None
    line = lines[i][1].strip()
    following = next((t.strip() for _, t in lines[i + 1:] if t.strip()), "")
    if (
        0 < len(line) <= CONTINUATION_MAX
        and len(following) > 2 * len(line)
        and not BODY_OPENERS_RE.match(line)
        and not POINT_RE.match(line)
        and not HASHTAG_LINE_RE.match(line)
        and not SEPARATOR_RE.match(line)
        and not line.endswith((".", ":", "ฯ"))
        and not SOURCE_RE.match(line)
        and not _is_date_line(line)
    ):
        return line
    return None
