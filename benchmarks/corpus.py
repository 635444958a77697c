"""Benchmark corpora: the real sample, cut or scaled to N releases (generated on demand).

A scaled copy of a real release gets a new id (``…/details/{id + k * ID_STEP}`` in the ``ที่มา``
line, and a new file name), a publication date moved back by ``k`` times 364 days (whole weeks, so
the weekday on the date line stays right and a 29 February stays a leap day… or is skipped), and
one extra sentence naming the copy, so the converter does not refuse it as a duplicate body.
Copy 0 is the release as it is. Corpora are written once into ``benchmarks/work/corpus-N/`` and
reused while the source folder's listing is unchanged.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

from pythainlp.util.date import thai_full_months

from briefing.contract import BE_OFFSET
from briefing.convert.dates import THAI_DATE_RE, parse_thai_date

ID_STEP = 1_000_000
#: How far back each copy's dates move: 52 weeks keeps the weekday of the date line.
COPY_SHIFT = timedelta(days=364)

HEADER_LINES = 12
SOURCE_ID_RE = re.compile(r"(thaigov\.go\.th/news/contents/details/)(\d+)")
NUMERIC_DATE_RE = re.compile(r"^(\d{2})/(\d{2})/(\d{4})\s*$")
SOURCE_LINE_PREFIX = "ที่มา"
STAMP = ".corpus.json"


def thai_date(day: date) -> str:
    """``24 มีนาคม 2567`` (Buddhist Era) for ``day``."""
    return f"{day.day} {thai_full_months[day.month - 1]} {day.year + BE_OFFSET}"


def _shift_line(line: str, shift: timedelta) -> str:
    """A header line with its Thai date (or ``dd/mm/yyyy`` BE date) moved back by ``shift``."""
    numeric = NUMERIC_DATE_RE.match(line)
    if numeric:
        d, m, y = (int(g) for g in numeric.groups())
        try:
            new = date(y - BE_OFFSET, m, d) - shift
        except ValueError:
            return line
        return f"{new.day:02d}/{new.month:02d}/{new.year + BE_OFFSET}"
    match = THAI_DATE_RE.search(line)
    if not match or match["d2"]:
        return line
    try:
        span = parse_thai_date(match.group(0))
    except ValueError:
        return line
    return line[: match.start()] + thai_date(span.start - shift) + line[match.end():]


def scale_text(text: str, copy: int) -> str:
    """Copy number ``copy`` of a release text (0: unchanged)."""
    if copy == 0:
        return text
    lines = text.split("\n")
    shift = COPY_SHIFT * copy
    for i in range(min(HEADER_LINES, len(lines))):
        lines[i] = _shift_line(lines[i], shift)
    text = "\n".join(lines)
    text = SOURCE_ID_RE.sub(lambda m: f"{m[1]}{int(m[2]) + copy * ID_STEP}", text)
    note = f"(สำเนาทดสอบชุดที่ {copy} สำหรับวัดความเร็ว)"
    at = text.rfind("\n" + SOURCE_LINE_PREFIX)
    if at < 0:
        return text.rstrip("\n") + f"\n\n{note}\n"
    return text[:at].rstrip("\n") + f"\n\n{note}\n" + text[at:]


def source_files(folder: Path) -> list[Path]:
    """The ``*.txt`` releases of ``folder``, sorted by name."""
    return sorted(folder.glob("*.txt"))


def _stamp(sources: list[Path], size: int) -> str:
    digest = hashlib.sha256()
    for path in sources:
        digest.update(f"{path.name}:{path.stat().st_size}\n".encode())
    return json.dumps({"size": size, "sources": digest.hexdigest()})


def make_corpus(source_dir: Path, size: int, work_dir: Path) -> Path:
    """``work_dir/corpus-{size}/`` holding ``size`` releases made from ``source_dir``."""
    sources = source_files(source_dir)
    if not sources:
        raise FileNotFoundError(f"no *.txt releases in {source_dir}")
    target = work_dir / f"corpus-{size}"
    stamp = _stamp(sources, size)
    if (target / STAMP).is_file() and (target / STAMP).read_text() == stamp:
        return target
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    written = 0
    copy = 0
    while written < size:
        for path in sources:
            if written >= size:
                break
            name = path.name if copy == 0 else f"c{copy:02d}_{path.name}"
            if copy == 0:
                shutil.copyfile(path, target / name)
            else:
                text = path.read_bytes().decode("utf-8", errors="surrogateescape")
                out = scale_text(text, copy).encode("utf-8", errors="surrogateescape")
                (target / name).write_bytes(out)
            written += 1
        copy += 1
    (target / STAMP).write_text(stamp)
    return target
