"""Golden pairs: tests/fixtures/converter/CASE.txt → CASE.th.md + CASE.en.md.

Regenerate after an intended change with ``UPDATE_GOLDEN=1 pytest tests/converter/test_golden.py``
and review the diff before committing it.
"""

from __future__ import annotations

import os
import re

import pytest
from converter_support import FIXTURES, TODAY

from briefing.convert.merge import fresh
from briefing.convert.pipeline import Converted, convert_file

CASES = sorted(p.stem for p in FIXTURES.glob("*.txt"))
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


@pytest.mark.parametrize("case", CASES)
def test_golden(case, matcher, repo_root):
    result = convert_file(FIXTURES / f"{case}.txt", repo_root, matcher, TODAY)
    assert isinstance(result, Converted), getattr(result, "message", result)
    outputs = {
        "th": fresh(result.th_meta, result.th_body),
        "en": fresh(result.en_meta, result.en_body),
    }
    for lang, text in outputs.items():
        golden = FIXTURES / f"{case}.{lang}.md"
        if UPDATE:
            golden.write_text(text, encoding="utf-8")
        assert golden.exists(), f"{golden.name} missing: run with UPDATE_GOLDEN=1 and review it"
        assert text == golden.read_text(encoding="utf-8"), f"{golden.name} differs"


def test_golden_th_body_has_no_chrome(matcher, repo_root):
    """The Thai body never carries the title line, date line, separators, hashtags or source."""
    result = convert_file(FIXTURES / "hashtags-and-stars.txt", repo_root, matcher, TODAY)
    body = result.th_body
    for chrome in ("รัฐบาลไทย-", "วันจันทร์ที่", "#", "***", "====", "ที่มา", "thaigov.go.th"):
        assert chrome not in body
    assert result.th_meta["hashtags"] == ["รัฐบาลไทย", "เตือนภัยออนไลน์", "ไม่หลอกกัน"]



@pytest.mark.parametrize("case", CASES)
def test_golden_th_body_loses_no_words(case, matcher, repo_root):
    """Every word of the source body is in the Thai page (lists keep "และ (4)…" conjunctions)."""
    from briefing.convert import parse as p
    from briefing.convert.normalise import normalise
    from briefing.convert.reader import read_release

    release = p.parse(normalise(read_release(FIXTURES / f"{case}.txt", repo_root)))
    body = convert_file(FIXTURES / f"{case}.txt", repo_root, matcher, TODAY).th_body
    page = body.replace("\\", "").replace("&lt;", "<").split()
    page = [w for w in page if not re.fullmatch(r"\d{1,2}\.", w)]  # the list's "4."
    chrome = (p.SOURCE_RE, p.SEPARATOR_RE, p.HASHTAG_LINE_RE, p.BOILERPLATE_RE)
    lines = release.text.split("\n")[release.paragraph_lines[0] - 1 :]
    words = [w for line in lines if not any(r.match(line) for r in chrome) for w in line.split()]
    if release.shape == "dated":
        words = words[2:]  # " date 2025-12-17" opens the first line
    words = [w for w in words if not re.fullmatch(r"\(\d{1,2}\)", w)]  # "(4)" is now "4."
    assert page == words, f"{case}: the Thai body differs from the source text"
