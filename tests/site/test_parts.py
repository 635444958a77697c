"""Long release bodies in parts: cut between top-level blocks, preferring agenda items."""

from __future__ import annotations

from briefing.site.parts import part_url, split_parts, top_level_blocks


def test_blocks_are_top_level_only():
    html = "<p>a</p>\n<ol><li><p>b</p></li><li>c<br>d</li></ol>\n<p>e</p>"
    assert top_level_blocks(html) == ["<p>a</p>", "\n<ol><li><p>b</p></li><li>c<br>d</li></ol>",
                                      "\n<p>e</p>"]


def test_a_short_body_is_one_part():
    assert split_parts("<p>short</p>", 1000) == ["<p>short</p>"]
    assert split_parts("<p>" + "x" * 5000 + "</p>", 0) == ["<p>" + "x" * 5000 + "</p>"]


def test_long_body_cut_under_the_limit_before_agenda_items():
    items = [f"<p>{n}. เรื่อง หัวข้อ {n}</p>\n<p>{'ก' * 300}</p>\n" for n in range(1, 13)]
    html = "".join(items)
    parts = split_parts(html, 3000)
    assert len(parts) > 1 and all(len(p.encode()) <= 3000 for p in parts)
    assert all(p.startswith("<p>") and "เรื่อง" in p.split("</p>")[0] for p in parts)
    assert "".join(parts).replace("\n", "") == html.replace("\n", "")  # nothing lost


def test_a_block_bigger_than_the_limit_is_a_part_of_its_own():
    big = "<p>" + "ข" * 2000 + "</p>"
    parts = split_parts(f"<p>a</p>{big}<p>b</p>", 1000)
    assert parts == ["<p>a</p>\n", big + "\n", "<p>b</p>\n"]


def test_part_urls():
    assert part_url("th/releases/x/", 1) == "th/releases/x/"
    assert part_url("th/releases/x/", 3) == "th/releases/x/page/3/"
