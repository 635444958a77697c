"""Golden pairs: tests/fixtures/converter/CASE.txt → CASE.th.md + CASE.en.md.

Regenerate after an intended change with ``UPDATE_GOLDEN=1 pytest tests/converter/test_golden.py``
and review the diff before committing it.
"""

from __future__ import annotations

import os

import pytest
from converter_support import FIXTURES, TODAY

from briefing.merge import fresh
from briefing.pipeline import Converted, convert_file

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
