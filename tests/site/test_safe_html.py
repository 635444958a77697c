"""The safe_html plugin: release bodies and summaries reach pages and feeds only through the one
sanitiser (briefing.sanitise), and the theme links a ``source_url`` only when it is http(s).

Each test builds a tiny site (``site_build``) whose release carries a payload where an editor
could put it: a reviewed English translation, the Thai body, the ``summary`` of either language,
the front matter's ``source_url``. Before the plugin each of these reached the output live.
"""

from __future__ import annotations

import re

import pytest
from hostile import feed_entries_html, scan_html
from site_build import build_site, pair, release

SLUG = "2024-03-24-80784"
SCRIPTS = ("<script>alert('xss-1')</script> <img src=x onerror=\"alert('xss-2')\"> "
           "<b onmouseover=\"alert('xss-3')\">b</b> [md](javascript:alert('xss-4'))")


def built(tmp_path, th_body="เนื้อหาข่าว", en_body="English body.", **meta):
    releases = [release(SLUG, "th", "ข่าว", "2024-03-24", th_body, **meta),
                release(SLUG, "en", "News", "2024-03-24", en_body,
                        translation_status="reviewed", **meta)]
    return build_site(tmp_path, releases)


def page(out, lang: str) -> str:
    return (out / lang / "releases" / SLUG / "index.html").read_text(encoding="utf-8")


def feeds(out) -> list[str]:
    return [html for lang in ("th", "en") for html in feed_entries_html(
        (out / lang / "feeds" / "all.atom.xml").read_text(encoding="utf-8"))]


def test_a_reviewed_translation_cannot_carry_script(tmp_path):
    out = built(tmp_path, en_body=f"A translation.\n\n{SCRIPTS}\n\n<iframe srcdoc='x'></iframe>")
    html = page(out, "en")
    assert scan_html(html) == []
    assert "xss-1" not in html and "onerror" not in html and "javascript:" not in html
    assert "A translation." in html and "<b>b</b>" in html and ">md</a>" in html
    assert all(scan_html(entry) == [] for entry in feeds(out))


def test_an_attribute_list_in_a_body_adds_no_attribute(tmp_path):
    body = ("`c`{: onfocus=alert(43) autofocus tabindex=1 }\n\n*x*{: onclick=alert(44) }\n\n"
            "text {: style=\"background:url(javascript:alert(45))\" }")
    out = built(tmp_path, th_body=body, en_body=body)
    for lang in ("th", "en"):
        body = re.search(r'<div class="release-body">.*?</div>', page(out, lang), re.S)[0]
        assert "<code>c</code>" in body and "<em>x</em>" in body
        assert not re.search(r"<(code|em|p)\s", body), body


def test_summaries_reach_feeds_and_pages_sanitised(tmp_path):
    out = built(tmp_path, summary=SCRIPTS)
    entries = feeds(out)
    assert entries and all(scan_html(entry) == [] for entry in entries)
    assert any("<b>b</b>" in entry for entry in entries)  # harmless markup is kept
    for lang in ("th", "en"):
        assert scan_html(page(out, lang)) == []
        assert "alert('xss-1')" not in (out / lang / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("url", ["javascript:alert(document.domain)", " javascript:alert(1)",
                                 "https://www.thaigov.go.th/a><svg/onload=alert(37)>",
                                 "data:text/html,<script>alert(1)</script>"])
def test_a_source_url_that_is_no_web_address_is_never_linked(tmp_path, url):
    from briefing.sanitise import web_url_or_empty

    assert web_url_or_empty(url) == ""  # the theme's link: nothing but an http(s) address
    from briefing.site.refusal import ContentRefused

    with pytest.raises(ContentRefused) as refused:  # and the build refuses it, as check does
        built(tmp_path, source_url=url)
    assert any("must be an http(s) web address" in p for p in refused.value.problems)


def test_an_official_source_url_is_still_linked(tmp_path):
    url = "https://www.thaigov.go.th/news/contents/details/80784"
    html = page(built(tmp_path, source_url=url), "en")
    assert f'<a href="{url}" rel="external">' in html


def test_a_site_without_the_plugin_refuses_to_build(tmp_path):
    from briefing_taxonomy.briefing_taxonomy import UnsanitisedError
    from pelican.settings import read_settings
    from site_build import REPO

    plugins = [p for p in read_settings(str(REPO / "pelicanconf.py"))["PLUGINS"]
               if p not in ("search", "safe_html")]
    with pytest.raises(UnsanitisedError, match=r"th/2024-03-24-80784\.md: release HTML was not"):
        build_site(tmp_path, pair(SLUG, "2024-03-24", "ข่าว", "News"), PLUGINS=plugins)


def test_the_reader_stamps_what_it_sanitised_and_a_forged_stamp_is_ignored():
    """The plugin trusts only the reader's stamp object under the current allowlist; text in
    front matter (or a stamp of another allowlist, from an old cache) is cleaned again."""
    from types import SimpleNamespace

    from briefing.sanitise import POLICY
    from briefing.site.safe_html import STAMP, Sanitised, sanitise_content, sanitise_read

    metadata = {"summary": "<p>a<script>x</script></p>"}
    assert sanitise_read("<p onclick='x'>b</p>", metadata) == "<p>b</p>"
    assert metadata == {"summary": "<p>a</p>", STAMP: Sanitised(POLICY)}
    for stamp in (POLICY, Sanitised("an older allowlist"), None):
        raw = "<img src=x onerror=alert(1)>"
        content = SimpleNamespace(_content=raw, _summary=raw,
                                  metadata={"summary": raw, STAMP: stamp})
        sanitise_content(content)
        assert (content._content, content._summary, content.metadata["summary"]) == (
            '<img src="x">',) * 3
        assert content.html_sanitised
