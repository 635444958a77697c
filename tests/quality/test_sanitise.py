"""briefing.sanitise: the one allowlist (golden input → output pairs, named by edge case)."""

from __future__ import annotations

import pytest

from briefing.sanitise import UGC_REL, is_web_url, sanitise_html, web_url_or_empty

CASES = {
    "script dropped with its text": ("<p>a<script>alert(1)</script>b</p>", "<p>ab</p>"),
    "handler dropped, element kept": ('<img src="x.png" onerror="alert(1)">', '<img src="x.png">'),
    "javascript href": ('<a href="javascript:alert(1)">a</a>', "<a>a</a>"),
    "padded scheme": ('<a href=" javascript:alert(1)">a</a>', "<a>a</a>"),
    "entity-encoded scheme": ('<a href="jav&#x61;script:alert(1)">a</a>', "<a>a</a>"),
    "tab inside scheme": ('<a href="java\tscript:alert(1)">a</a>', "<a>a</a>"),
    "data url": ('<a href="data:text/html,x">a</a>', "<a>a</a>"),
    "vbscript": ('<a href="vbscript:x">a</a>', "<a>a</a>"),
    "iframe srcdoc": ("<iframe srcdoc=\"<script>alert(1)</script>\">t</iframe>after", "after"),
    "svg onload": ("<svg onload=alert(1)><text>hi</text></svg>ok", "ok"),
    "css url in style": ('<div style="background:url(javascript:alert(1))">c</div>',
                         "<div>c</div>"),
    "attribute list output": ('<code autofocus onfocus="alert(1)" tabindex="1">c</code>',
                              "<code>c</code>"),
    "table alignment kept, other css dropped": (
        '<table><tr><td style="text-align: center; color: red">c</td></tr></table>',
                                '<table><tbody><tr><td style="text-align:center">c</td></tr>'
                                "</tbody></table>"),
    "site-relative and web links kept": (
        '<a href="/en/topics/x/">t</a> <a href="#fn:1" class="footnote-ref">1</a> '
        '<a href="https://www.thaigov.go.th/n?a=1&amp;b=2">s</a> <a href="mailto:a@b.th">m</a>',
        '<a href="/en/topics/x/">t</a> <a href="#fn:1" class="footnote-ref">1</a> '
        '<a href="https://www.thaigov.go.th/n?a=1&amp;b=2">s</a> <a href="mailto:a@b.th">m</a>'),
    "unknown class dropped": ('<div class="footnote evil">f</div>',
                              '<div class="footnote">f</div>'),
    "numbered list start kept": ('<ol start="7"><li>x</li></ol>', '<ol start="7"><li>x</li></ol>'),
    "thai span kept": ('<span lang="th">ไทย</span>', '<span lang="th">ไทย</span>'),
    "comment dropped": ("a<!-- <img src=x onerror=alert(1)> -->b", "ab"),
}


@pytest.mark.parametrize(("given", "expected"), CASES.values(), ids=CASES.keys())
def test_sanitise_html(given, expected):
    assert sanitise_html(given) == expected


def test_notes_links_get_the_ugc_rel():
    assert sanitise_html('<a href="https://x.org/">x</a>', link_rel=UGC_REL) == (
        '<a href="https://x.org/" rel="nofollow ugc">x</a>')


@pytest.mark.parametrize(("url", "ok"), [
    ("https://www.thaigov.go.th/news/contents/details/80784", True),
    ("http://thaigov.go.th:8080/x?y=1#z", True),
    ("https://user@evil.example.com/?x=thaigov.go.th", True),
    ("https://ไทย.th/ข่าว", True),
    ("javascript:alert(1)", False),
    (" https://www.thaigov.go.th/", False),
    ("https://www.thaigov.go.th/a><svg/onload=alert(37)>", False),
    ('https://x.th/"onmouseover="alert(1)', False),
    ("https://x.th/a b", False),
    ("https://x.th/\n", False),
    ("//x.th/", False),
    ("www.thaigov.go.th", False),
    ("ftp://x.th/", False),
    (None, False),
    (42, False),
])
def test_is_web_url(url, ok):
    assert is_web_url(url) is ok
    assert web_url_or_empty(url) == (url if ok else "")
