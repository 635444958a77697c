"""Property-based robustness of the whole converter (the stage-level properties of the date parser
and the normaliser are in tests/converter/test_dates.py and test_normalise.py).

Hypothesis writes release-shaped files from random parts (title, a possibly impossible Thai date
line with Thai or Arabic digits, body lines mixing Thai, Latin, Markdown/HTML, control and
invisible characters, a source line) and random bytes. ``convert_file`` must always answer with a
conversion or a refusal that names the file, and never crash; a conversion must produce front
matter that survives a YAML round trip and a publication date within the accepted range.
"""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pythainlp.util import arabic_digit_to_thai_digit
from pythainlp.util.date import thai_full_months

from briefing.contract import be_year
from briefing.convert.pipeline import Converted, Refused, convert_file, load_matcher

REPO = Path(__file__).resolve().parents[2]
TODAY = date(2026, 1, 1)
PIECES = ["ดีอี", "หารือ", "กัมพูชา", "ASEAN", "WG-AS", "ครั้งที่ 5", "<script>", "</p>", "**",
          "[x](javascript:1)", "---", ": ", "#แฮชแท็ก", "(1)", "\u200b", "\u00a0", "\u202e",
          "\x07", "\t", "&amp;", "'", '"', "ที่มา :", "🚨", "ก่่่"]
text_piece = st.one_of(st.sampled_from(PIECES),
                       st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=12))
line = st.lists(text_piece, max_size=8).map(" ".join)


@functools.cache
def matcher():
    return load_matcher(REPO / "content" / "taxonomy")


@st.composite
def date_lines(draw) -> str:
    day = draw(st.integers(0, 32))
    month = draw(st.sampled_from(thai_full_months))
    year = draw(st.one_of(st.integers(be_year(2000), be_year(2026)), st.integers(1900, 3000)))
    written = f"วันที่ {day} {month} {year}"
    return arabic_digit_to_thai_digit(written) if draw(st.booleans()) else written


@st.composite
def releases(draw) -> bytes:
    parts = [f"รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-{draw(line)}", "", draw(date_lines()), draw(line)]
    parts += draw(st.lists(line, min_size=1, max_size=6))
    if draw(st.booleans()):
        parts.append(f"ที่มา : https://www.thaigov.go.th/news/contents/details/{draw(line)}")
    newline = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    return newline.join(parts).encode("utf-8", errors="surrogatepass")


def check(raw: bytes, folder: Path) -> None:
    path = folder / "case.txt"
    path.write_bytes(raw)
    result = convert_file(path, folder, matcher(), TODAY)
    if isinstance(result, Refused):
        assert not result.crashed, result.reason
        assert result.reason.strip()
        event(f"refused: {result.kind[:40]}")
        return
    event("converted")
    assert isinstance(result, Converted)
    assert date(2000, 1, 1) <= result.th_meta["date"] <= date(2027, 1, 1)
    for meta in (result.th_meta, result.en_meta):
        dumped = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
        assert yaml.safe_load(dumped) == meta


SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])


@SETTINGS
@given(releases())
def test_release_shaped_input_never_crashes(tmp_path, raw):
    check(raw, tmp_path)


@SETTINGS
@given(st.binary(max_size=400))
def test_random_bytes_never_crash(tmp_path, raw):
    check(raw, tmp_path)
