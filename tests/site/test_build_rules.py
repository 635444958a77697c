"""Build rules: unknown tag ids fail, sub-path SITEURL, drafts, catalogues, date formats."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import date

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from front_matter.front_matter import FrontMatterError, parse_front_matter
from site_build import REPO, build_site, pair, release, write_content
from term_pages.term_pages import country_map
from theme_i18n.theme_i18n import format_date_range, format_long_date

from briefing.site.refusal import ContentRefused


def test_unknown_tag_id_fails_the_build_naming_file_and_id(tmp_path):
    releases = pair("2024-01-02-1", "2024-01-02", "ข่าว", "News", countries=["KH", "ZZ"],
                    topics=["no-such-topic"])
    with pytest.raises(ContentRefused) as caught:
        build_site(tmp_path, releases)
    message = str(caught.value)
    assert re.search(r"releases/th/2024-01-02-1\.md:\d+: unknown countries id 'ZZ'", message)
    assert re.search(r"releases/en/2024-01-02-1\.md:\d+: unknown topics id 'no-such-topic'",
                     message)
    assert "countries.yaml" in message


def test_unknown_meeting_series_fails_but_unknown_session_is_allowed(tmp_path):
    with pytest.raises(ContentRefused, match="unknown meeting series 'nope'"):
        build_site(tmp_path / "a", pair("2024-01-02-1", "2024-01-02", "ข่าว", "News",
                                        meetings=["nope/1"]))
    out = build_site(tmp_path / "b", pair("2024-01-02-1", "2024-01-02", "ข่าว", "News",
                                          meetings=["wg-as/42"]))
    assert "Details not yet recorded" in (out / "en/meetings/wg-as/42/index.html").read_text()


def test_sub_path_siteurl_builds_every_link_from_it(tmp_path):
    site = "https://org.github.io/repo"
    out = build_site(tmp_path, pair("2024-01-02-1", "2024-01-02", "ข่าว", "News",
                                    countries=["KH"]), SITEURL=site, FEED_DOMAIN=site)
    for path in ("index.html", "en/index.html", "th/releases/2024-01-02-1/index.html",
                 "en/countries/kh/index.html", "th/meetings/wg-as/index.html"):
        html = (out / path).read_text(encoding="utf-8")
        bare = re.findall(r'(?:href|src|action)="(/[^"]*)"', html)
        assert bare == [], f"{path}: root-relative links ignore SITEURL: {bare[:3]}"
        assert f'href="{site}/theme/css/site.css"' in html
    assert f"<loc>{site}/en/countries/kh/</loc>" in (out / "sitemap.xml").read_text()


def test_drafts_build_without_category_pages(tmp_path):
    releases = pair("2024-01-02-1", "2024-01-02", "ข่าว", "News", countries=["KH"])
    releases.append(release("2024-01-03-2", "th", "ร่าง", "2024-01-03", status="draft"))
    out = build_site(tmp_path, releases)
    assert (out / "drafts/th/2024-01-03-2/index.html").is_file()
    assert not (out / "th/releases/2024-01-03-2").exists()


def test_every_template_string_has_a_thai_translation():
    messages = {m[2] for m in extract_from_dir(
        str(REPO / "theme/templates"), method_map=[("**.html", "jinja2")],
        options_map={"**.html": {"extensions": "jinja2.ext.i18n"}})}
    with open(REPO / "theme/translations/th/LC_MESSAGES/messages.po", "rb") as fh:
        catalog = read_po(fh)
    missing = [m for m in messages
               if not (catalog.get(m if isinstance(m, str) else m[0]) or None)
               or not catalog.get(m if isinstance(m, str) else m[0]).string]
    assert missing == []


def test_dates_in_both_languages():
    assert format_long_date(date(2024, 3, 24), "th") == "24 มีนาคม 2567"
    assert format_long_date(date(2024, 3, 24), "en") == "24 March 2024"
    span = format_date_range("2025-12-17", "2025-12-18", "en")
    assert span == "17 December 2025 – 18 December 2025"
    assert format_date_range(date(2025, 12, 17), None, "th") == "17 ธันวาคม 2568"


def test_country_map_draws_coasts_and_highlights_the_current_country():
    class Country:
        def __init__(self, code, lat, lon, asean=True):
            self.id, self.extra = code, {"lat": lat, "lon": lon, "asean": asean}

    th, sg, us = Country("TH", 13.75, 100.5), Country("SG", 1.35, 103.8), Country("US", 38, -97)
    plotted = country_map([th, sg, us, Country("XX", None, None)], current=th)
    shapes = {s["term"].id: s for s in plotted["shapes"] if s["term"]}
    assert set(shapes) == {"TH"} and shapes["TH"]["current"] and shapes["TH"]["asean"]
    assert shapes["TH"]["d"].startswith("M") and shapes["TH"]["d"].endswith("Z")
    assert len([s for s in plotted["shapes"] if s["term"] is None]) > 10  # neighbours' coasts
    assert [p["term"].id for p in plotted["points"]] == ["SG"]  # too small for the 1:110m data
    assert [t.id for t in plotted["elsewhere"]] == ["US"]
    assert plotted["label"]["term"] is th and plotted["label"]["size"] >= 24
    assert plotted["height"] <= plotted["width"] * 1.05  # no tall map on a phone
    jp = Country("JP", 36.2, 138.3, asean=False)
    assert country_map([th, jp], current=jp)["label"]["term"] is jp  # the wider box
    assert country_map([Country("XX", None, None)]) is None


def test_bad_front_matter_names_the_file_and_line():
    # the reader passes the text after the opening "---" line, starting with its newline
    with pytest.raises(FrontMatterError, match=r"releases/th/x\.md:4: front matter is not valid"):
        parse_front_matter("\ntitle: ok\ncountries: [KH\n", "releases/th/x.md")
    with pytest.raises(FrontMatterError, match="must be a YAML mapping"):
        parse_front_matter("- a list\n", "releases/th/x.md")
    assert parse_front_matter("title: ok\ndate: 2024-01-02\n", "x.md")["title"] == "ok"
    with pytest.raises(FrontMatterError, match=r"x\.md:3: .*quoted text that starts on this line"):
        parse_front_matter('\ntitle: ok\nsummary: "never closed\ndate: 2024-01-02\nlang: th\n',
                           "releases/th/x.md")


def test_a_release_with_broken_front_matter_fails_the_build(tmp_path):
    content = write_content(tmp_path, pair("2024-01-02-1", "2024-01-02", "ข่าว", "News"))
    (content / "releases/th/broken.md").write_text("---\ntitle: [unclosed\n---\n\nBody\n",
                                                   encoding="utf-8")
    extra = {"BRIEFING_TAXONOMY_PATH": str(content / "taxonomy"),
             "CACHE_PATH": str(tmp_path / "cache")}
    run = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-s", str(REPO / "pelicanconf.py"),
         "-o", str(tmp_path / "output"), "--fatal", "errors",
         "-e", *(f"{key}={json.dumps(value)}" for key, value in extra.items())],
        capture_output=True, text=True, cwd=tmp_path,
        env={**os.environ, "COLUMNS": "400"},  # rich would wrap the message mid-word
    )
    assert run.returncode != 0
    output = " ".join((run.stdout + run.stderr).split())
    assert run.returncode == 3
    assert "broken.md:3: malformed YAML front matter" in output
    assert "Traceback" not in output


def test_a_source_url_off_thaigov_is_not_labelled_as_thaigov(tmp_path):
    """The converter keeps a source URL as written (with a warning); the page names its real host
    instead of claiming the Thai government's site."""
    releases = pair("2024-01-02-1", "2024-01-02", "ข่าว", "News",
                    source_url="https://evil.example.com/news/91009")
    releases += pair("2024-01-03-2", "2024-01-03", "ข่าว", "News",
                     source_url="https://www.thaigov.go.th/news/contents/details/2")
    out = build_site(tmp_path, releases)
    other = (out / "en/releases/2024-01-02-1/index.html").read_text(encoding="utf-8")
    assert "thaigov.go.th" not in other
    assert "Source named in the release: evil.example.com" in other
    assert "(not the Thai government's news site)" in other
    thai = (out / "th/releases/2024-01-02-1/index.html").read_text(encoding="utf-8")
    assert "แหล่งที่มาที่ระบุในข่าว: evil.example.com" in thai
    official = (out / "en/releases/2024-01-03-2/index.html").read_text(encoding="utf-8")
    assert "Original release on thaigov.go.th" in official
