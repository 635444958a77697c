"""render: slugs, the Thai Markdown body, the file layout and YAML safety."""

from datetime import date

from briefing.convert.render import cut_summary, make_slug, thai_body, thai_front_matter
from briefing.frontmatter import dump_markdown, load_markdown
from briefing.model import Figure, MeetingRef, Release

BASE = Release("content/sources/003_71d132055a772030.txt", date=date(2025, 12, 17),
               paragraphs=("ย่อหน้า",), title="หัว")


def test_slug_from_thaigov_id_or_ascii_stem():
    url = "https://www.thaigov.go.th/news/contents/details/80784"
    assert make_slug(Release("a.txt", date=date(2024, 3, 24), source_url=url)) == "2024-03-24-80784"
    assert make_slug(BASE) == "2025-12-17-003-71d132055a772030"
    thai_name = Release("ข่าว_ไทย 1.txt", date=date(2024, 1, 2), source_sha256="ab" * 32)
    assert make_slug(thai_name) == "2024-01-02-1"
    only_thai = Release("ข่าว.txt", date=date(2024, 1, 2), source_sha256="cd" * 32)
    assert make_slug(only_thai) == "2024-01-02-cdcdcdcdcdcd"


def test_body_paragraphs_list_and_escapes():
    release = Release(
        "x.txt",
        paragraphs=("# ไม่ใช่หัวข้อ", "(1) ข้อ <b>หนึ่ง</b>\n(2) ข้อสอง", "- ขีด", "ปกติ"),
        points=("(1) ข้อ <b>หนึ่ง</b>", "(2) ข้อสอง"),
    )
    assert thai_body(release) == (
        "\\# ไม่ใช่หัวข้อ\n\n1. ข้อ &lt;b>หนึ่ง&lt;/b>\n2. ข้อสอง\n\n\\- ขีด\n\nปกติ\n"
    )


def test_front_matter_order_and_roundtrip():
    release = Release(
        "content/sources/x.txt", title='หัว: "ข่าว" #1', date=date(2024, 3, 24), slug="2024-03-24-1",
        source_sha256="ff", paragraphs=("ย่อหน้าแรก",), countries=("TH", "KH", "TH"),
        meetings=(MeetingRef("wg-as", "1", "held"),),
        figures=(Figure(338, "participants", "338 คน", "338 participants"),),
        event_date=date(2024, 3, 19), event_end_date=date(2024, 3, 21),
    )
    meta = thai_front_matter(release)
    assert list(meta)[:10] == ["title", "date", "lang", "slug", "source_url", "source_file",
                               "source_sha256", "type", "event_date", "event_end_date"]
    assert meta["countries"] == ["KH", "TH"]
    assert meta["meeting_status"] == {"wg-as/1": "held"}
    text = dump_markdown(meta, thai_body(release))
    assert text.startswith("---\ntitle: 'หัว: \"ข่าว\" #1'\ndate: 2024-03-24\n")
    back, body = load_markdown(text)
    assert back == meta and body == "ย่อหน้าแรก\n"


def test_cut_summary():
    assert cut_summary("สั้น") == "สั้น"
    long = "คำ " * 100
    assert cut_summary(long).endswith("…") and len(cut_summary(long)) <= 201


def _site_markdown(text: str) -> str:
    """``text`` rendered as the site renders release Markdown (pelicanconf.py MARKDOWN)."""
    import markdown

    return markdown.markdown(text, extensions=["extra", "attr_list", "sane_lists"],
                             output_format="html5")


def test_a_numbered_opening_stays_text_without_a_backslash():
    """``1. …`` opening a paragraph: no list and no stray ``\\1.`` (124 real Thai pages had one)."""
    release = Release("x.txt", paragraphs=("1. ข้อแรก", "12) ข้อสอง", "1.5 ล้านบาท"))
    body = thai_body(release)
    assert body == "1\\. ข้อแรก\n\n12\\) ข้อสอง\n\n1.5 ล้านบาท\n"
    assert _site_markdown(body) == "<p>1. ข้อแรก</p>\n<p>12) ข้อสอง</p>\n<p>1.5 ล้านบาท</p>"


def test_a_backslash_cannot_undo_the_bracket_escape():
    release = Release("x.txt", paragraphs=("ดู \\[x](javascript:alert(41)) และ \\<b>",))
    html = _site_markdown(thai_body(release))
    assert "<a" not in html and "<b>" not in html
    assert html == "<p>ดู \\[x](javascript:alert(41)) และ \\&lt;b&gt;</p>"


def test_an_attribute_list_in_the_source_stays_text():
    text = "`c`{: onfocus=alert(43) autofocus tabindex=1 } *x*{: onclick=alert(1) }"
    html = _site_markdown(thai_body(Release("x.txt", paragraphs=(text,))))
    assert "onfocus=\"" not in html and "onclick=\"" not in html and "<code" not in html
    assert "`c`{: onfocus=alert(43) autofocus tabindex=1 }" in html


def test_the_thai_summary_is_escaped_like_the_body():
    release = Release("x.txt", date=date(2024, 1, 2), slug="2024-01-02-1",
                      paragraphs=("<script>alert(1)</script> [x](javascript:alert(2)) ข่าว",))
    summary = thai_front_matter(release)["summary"]
    assert summary == "&lt;script>alert(1)&lt;/script> \\[x](javascript:alert(2)) ข่าว"
    assert "<script" not in _site_markdown(summary) and "<a" not in _site_markdown(summary)
