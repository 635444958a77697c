"""The ``notes`` Pelican plugin on a tiny site built in ``tmp_path`` (Pelican in a subprocess).

The site uses Pelican's ``simple`` theme with a one-line ``article.html`` override that includes
the real ``theme/templates/partials/notes.html``, so these tests do not depend on the full theme.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from editors_site import REPO, active_content, make_site, write_release

from briefing.editors.check import check_site
from briefing.editors.notes import NOTE_PLACEHOLDER

ARTICLE_TEMPLATE = """<!DOCTYPE html>
<html lang="{{ article.lang }}"><head><meta charset="utf-8"><title>{{ article.title }}</title>
</head><body><main><div class="official">{{ article.content }}</div>
{% include "partials/notes.html" %}</main></body></html>
"""

CONF = """\
PATH = {content!r}
OUTPUT_PATH = {output!r}
PLUGIN_PATHS = [{plugins!r}]
PLUGINS = ["notes"]
THEME = "simple"
THEME_TEMPLATES_OVERRIDES = [{templates!r}]
JINJA_ENVIRONMENT = {{"extensions": ["jinja2.ext.i18n"]}}
JINJA_GLOBALS = {{"gettext": lambda s: s, "ngettext": lambda s, p, n: s if n == 1 else p}}
DEFAULT_LANG = "th"
TIMEZONE = "UTC"
SITEURL = ""
REPOSITORY_URL = {repo_url!r}
ARTICLE_URL = ARTICLE_SAVE_AS = "{{lang}}/releases/{{slug}}/index.html"
ARTICLE_LANG_URL = ARTICLE_LANG_SAVE_AS = "{{lang}}/releases/{{slug}}/index.html"
FEED_ALL_ATOM = CATEGORY_FEED_ATOM = TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
"""

RELEASE = "Title: {title}\nDate: 2024-03-24\nSlug: rel-1\nLang: {lang}\n\n{body}\n"
NOTE = "---\nrelease: {release}\nauthor: {author}\ndate: {date}\nlang: {lang}\n---\n{body}\n"


def make_tiny_site(root: Path, repo_url: str = "") -> Path:
    """Two releases (th + en translation of slug ``rel-1``) and the config; no notes yet."""
    content = root / "content"
    for lang, title in (("th", "ข่าว"), ("en", "News")):
        path = content / "releases" / lang / "rel-1.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(RELEASE.format(title=title, lang=lang, body="Official text."), "utf-8")
    templates = root / "templates"
    (templates / "partials").mkdir(parents=True)
    (templates / "article.html").write_text(ARTICLE_TEMPLATE, "utf-8")
    shutil.copy(REPO / "theme/templates/partials/notes.html", templates / "partials/notes.html")
    conf = CONF.format(
        content=str(content),
        output=str(root / "output"),
        plugins=str(REPO / "plugins"),
        templates=str(templates),
        repo_url=repo_url,
    )
    (root / "conf.py").write_text(conf, "utf-8")
    return root


def add_note(
    root: Path,
    name: str,
    body: str,
    lang: str = "en",
    release: str = "rel-1",
    author: str = "Somchai P.",
    date: str = "2026-11-20",
) -> None:
    path = root / "content" / "notes" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    text = NOTE.format(release=release, author=author, date=date, lang=lang, body=body)
    path.write_text(text, "utf-8")


def build(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pelican",
            "-s",
            str(root / "conf.py"),
            "--fatal",
            "errors",
            "--log-handler",
            "plain",
        ],
        capture_output=True,
        text=True,
        cwd=root,
    )


def page(root: Path, lang: str) -> str:
    return (root / "output" / lang / "releases" / "rel-1" / "index.html").read_text("utf-8")


def test_notes_render_on_both_language_pages(tmp_path):
    site = make_tiny_site(tmp_path)
    add_note(site, "2026-11-21-rel-1-2.md", "Second **note**.", date="2026-11-21")
    add_note(site, "2026-11-20-rel-1-1.md", "First note, see [UNODC](https://www.unodc.org/).")
    add_note(site, "2026-11-22-rel-1-3.md", "บันทึกภาษาไทย", lang="th", author="สมชาย")
    run = build(site)
    assert run.returncode == 0, run.stdout + run.stderr
    en = page(site, "en")
    first, second = en.index("First note"), en.index("Second <strong>note</strong>")
    assert en.index('class="editor-notes"') > en.index('class="official"')
    assert first < second, "notes are sorted by date"
    assert '<a href="https://www.unodc.org/" rel="nofollow ugc">UNODC</a>' in en
    assert '<span class="editor-note-author">Somchai P.</span>' in en
    assert '<time datetime="2026-11-20">' in en
    assert "บันทึกภาษาไทย" not in en, "the Thai note is only listed on the English page"
    assert '<span class="lang-tag" lang="th" title="ภาษาไทย">TH</span>' in en
    assert 'href="/th/releases/rel-1/index.html#note-2026-11-22-rel-1-3"' in en
    th = page(site, "th")
    assert 'id="note-2026-11-22-rel-1-3" lang="th"' in th and "บันทึกภาษาไทย" in th
    assert th.count('<span class="lang-tag" lang="en" title="English">EN</span>') == 2
    assert not (site / "output" / "notes").exists()
    assert "2026-11-20-rel-1-1" not in "".join(p.name for p in (site / "output").rglob("*"))


def test_no_notes_and_no_repository_means_no_notes_box(tmp_path):
    site = make_tiny_site(tmp_path)
    run = build(site)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "editor-notes" not in page(site, "en")


def add_note_link(html: str) -> tuple[str, str]:
    """``(file name, text)`` pre-filled by the page's "Add a note" link."""
    import html5lib

    tree = html5lib.parse(html, namespaceHTMLElements=False)
    (href,) = [a.get("href") for a in tree.iter("a") if "".join(a.itertext()) == "Add a note"]
    assert href.startswith("https://github.com/org/briefing/new/main/content/notes?")
    query = parse_qs(urlparse(href).query)
    return query["filename"][0], query["value"][0]


def test_edit_and_add_note_links_when_repository_is_set(tmp_path):
    site = make_tiny_site(tmp_path, repo_url="https://github.com/org/briefing")
    run = build(site)
    assert run.returncode == 0, run.stdout + run.stderr
    en = page(site, "en")
    assert 'href="https://github.com/org/briefing/edit/main/content/releases/en/rel-1.md"' in en
    assert "https://github.com/org/briefing/blob/main/CONTRIBUTING.md#add-a-note-to-a-release" in en
    name, text = add_note_link(en)
    assert name == "YYYY-MM-DD-rel-1-1.md", "the notes naming rule, with a date to fill in"
    assert "release: rel-1\n" in text and "lang: en\n" in text
    assert "%20" in en and "+" not in en.split("value=")[1].split('"')[0], "spaces as %20"
    assert add_note_link(page(site, "th"))[1].count("lang: th\n") == 1


def test_a_note_made_by_following_the_add_a_note_link_passes_check(tmp_path):
    site = make_tiny_site(tmp_path / "site", repo_url="https://github.com/org/briefing")
    assert build(site).returncode == 0
    name, text = add_note_link(page(site, "en"))
    content = make_site(tmp_path / "checked")
    for lang in ("th", "en"):
        write_release(content, "rel-1", lang)
    notes = content / "content" / "notes"
    (notes / name).write_text(text, "utf-8")  # committed as pre-filled: every placeholder named
    shown = f"content/notes/{name}"
    assert [p.message for p in check_site(content)[0] if p.path == shown] == [
        "rename the file: today's date in place of YYYY-MM-DD (notes are named "
        "{date}-{slug}-{n}.md)",
        "write your name in place of 'Your name'",
        "write today's date in place of YYYY-MM-DD (e.g. date: 2026-11-22)",
        "replace the placeholder text with your note",
    ]
    (notes / name).unlink()  # what the comments say to do:
    text = text.replace("Your name", "Nok").replace("date: YYYY-MM-DD", "date: 2026-11-22")
    text = text[: text.index(NOTE_PLACEHOLDER)] + "The joint statement is online.\n"
    (notes / name.replace("YYYY-MM-DD", "2026-11-22")).write_text(text, "utf-8")
    assert check_site(content)[0] == []


def test_scripts_handlers_and_javascript_links_do_not_survive(tmp_path):
    site = make_tiny_site(tmp_path)
    body = (
        "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[x](javascript:alert(1))\n\n"
        '<a href="JaVaScRiPt:alert(1)">y</a> <iframe src="https://evil.example"></iframe>'
        '<p style="background:url(x)" onclick="alert(1)">z</p><svg onload=alert(1)></svg>'
    )
    add_note(site, "xss.md", body, author="<script>alert(1)</script>")
    run = build(site)
    assert run.returncode == 0, run.stdout + run.stderr
    for lang in ("en", "th"):
        html = page(site, lang)
        assert "alert(1)</script>" not in html and "<script" not in html.lower()
        assert "javascript:" not in html.lower() and "onerror" not in html.lower()
        assert "<iframe" not in html and "<svg" not in html and "style=" not in html
        assert active_content(html) == []
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page(site, "en"), "author shown as text"


def test_note_pointing_at_no_release_stops_the_build(tmp_path):
    site = make_tiny_site(tmp_path)
    add_note(site, "lost.md", "Where am I?", release="rel-404")
    run = build(site)
    assert run.returncode != 0
    assert (
        "content/notes/lost.md:2: note points at no release: 'rel-404'" in run.stdout + run.stderr
    )


def test_malformed_note_stops_the_build_with_file_and_line(tmp_path):
    site = make_tiny_site(tmp_path)
    add_note(site, "bad.md", "Text", date="2026-13-45")
    run = build(site)
    assert run.returncode != 0
    assert "content/notes/bad.md:4: bad date '2026-13-45'" in run.stdout + run.stderr


def test_the_active_content_probe_sees_what_it_must():
    html = (
        '<img src=x onerror=alert(1)><a href=" javascript:alert(1)">x</a><script>alert(1)</script>'
    )
    assert len(active_content(html)) == 3
    assert active_content("<p>&lt;script&gt;alert(1)&lt;/script&gt; onerror=alert(1)</p>") == []
