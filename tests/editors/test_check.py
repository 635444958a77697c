"""``invoke check`` (``briefing.editors.check``): each kind of mistake gives ``path:line: msg``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from editors_site import REPO, write_note, write_release

from briefing.editors.check import check_site

SLUG = "2024-03-24-80784"
EN = f"content/releases/en/{SLUG}.md"
TH = f"content/releases/th/{SLUG}.md"


def line_of(root: Path, rel: str, needle: str) -> int:
    """1-based line of the first line of ``rel`` containing ``needle``."""
    lines = (root / rel).read_text(encoding="utf-8").splitlines()
    return next(i for i, text in enumerate(lines, 1) if needle in text)


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def edit_both(root: Path, old: str, new: str) -> None:
    """The same change in the Thai and the English file (tags must agree)."""
    edit(root, TH, old, new)
    edit(root, EN, old, new)


def messages(root: Path) -> list[str]:
    problems, _summary = check_site(root)
    return [str(p) for p in problems]


def test_valid_site_has_no_problem_and_cli_prints_ok(site):
    run = subprocess.run(
        [sys.executable, "-m", "briefing.editors.check", "--root", str(site)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.startswith("OK: 2 release files, 1 notes")


def test_cli_exits_non_zero_and_prints_file_line(site):
    edit_both(site, "topics: [online-scams]", "topics: [online-scam]")
    run = subprocess.run(
        [sys.executable, "-m", "briefing.editors.check", "--root", str(site)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert run.returncode == 1
    line = line_of(site, EN, "topics:")
    assert run.stdout.splitlines() == [
        f"{path}:{line}: unknown topics id 'online-scam' (not in content/taxonomy/topics.yaml)"
        for path in (EN, TH)
    ] + ["2 problem(s) found"]  # one stream, in order (not the count first on stderr)
    assert run.stderr == ""


def test_malformed_front_matter_yaml(site):
    edit(site, EN, "slug: ", "slug: [unclosed\nfoo: ")
    assert messages(site)[0].startswith(f"{EN}:{line_of(site, EN, 'foo:')}: malformed YAML")


def test_malformed_taxonomy_yaml(site):
    path = site / "content/taxonomy/topics.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "- id: x\n   name: {en: X\n", "utf-8")
    (problem,) = [m for m in messages(site) if "taxonomy" in m]
    assert problem.startswith("content/taxonomy/topics.yaml:4: malformed YAML")


def test_taxonomy_error_names_file_and_line(site):
    path = site / "content/taxonomy/people.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("organisation: mdes", "organisation: nobody"),
        "utf-8",
    )
    assert messages(site) == [
        "content/taxonomy/people.yaml:3: wisit-wisitsora-at: unknown organisation 'nobody' "
        "(not in organisations.yaml)"
    ]


def test_missing_required_field(site):
    edit(site, TH, "title: ข่าวทดสอบ\n", "")
    assert messages(site) == [f"{TH}:1: missing required field 'title'"]


def test_note_missing_author(site):
    note = write_note(site, "n.md", SLUG, author="''")
    assert messages(site) == [f"content/notes/{note.name}:1: missing required field 'author'"]


@pytest.mark.parametrize("value", ["2024-02-30", "24/03/2024", "2567-13-01"])
def test_bad_release_date(site, value):
    edit(site, EN, "date: 2024-03-24", f"date: {value}")
    line = line_of(site, EN, "date:")
    assert messages(site) == [
        f"{EN}:{line}: bad date in 'date': '{value}' (use YYYY-MM-DD, a real day)"
    ]


def test_bad_note_date(site):
    note = write_note(site, "late.md", SLUG)
    edit(site, "content/notes/late.md", "date: 2026-11-20", "date: yesterday")
    assert messages(site) == [f"content/notes/{note.name}:4: bad date 'yesterday' (use YYYY-MM-DD)"]


@pytest.mark.parametrize(
    ("key", "old", "new", "message"),
    [
        ("countries", "[KH, TH]", "[KH, XX]", "unknown countries id 'XX'"),
        ("meetings", "[wg-as/1]", "[wg-as/1, no-such/2]", "unknown meeting series 'no-such'"),
        ("topics", "[online-scams]", "[online-scams, fraud]", "unknown topics id 'fraud'"),
        ("organisations", "[mdes]", "[mdes, unodc]", "unknown organisations id 'unodc'"),
        ("people", "[wisit-wisitsora-at]", "[nobody]", "unknown people id 'nobody'"),
    ],
)
def test_unknown_tag_ids(site, key, old, new, message):
    edit_both(site, f"{key}: {old}", f"{key}: {new}")
    (problem,) = [m for m in messages(site) if m.startswith(TH)]
    assert problem.startswith(f"{TH}:{line_of(site, TH, key + ':')}: {message}")


def test_bare_meeting_series_is_accepted_when_the_taxonomy_defines_it(site):
    edit_both(site, "meetings: [wg-as/1]", "meetings: [wg-as]")
    edit_both(site, "{wg-as/1: held}", "{wg-as: mentioned}")
    assert messages(site) == []


def test_unknown_bare_meeting_series_is_rejected(site):
    edit_both(site, "meetings: [wg-as/1]", "meetings: [wg-as/1, no-such]")
    (problem,) = [m for m in messages(site) if m.startswith(TH)]
    assert problem == (
        f"{TH}:{line_of(site, TH, 'meetings:')}: unknown meeting series 'no-such' "
        "(not in content/taxonomy/meetings.yaml)"
    )


@pytest.mark.parametrize("bad", ["WG AS", "wg-as/", "wg-as/5/6", "/5"])
def test_malformed_meeting_is_rejected_with_its_line(site, bad):
    edit_both(site, "meetings: [wg-as/1]", f"meetings:\n  - wg-as/1\n  - '{bad}'")
    (problem,) = [m for m in messages(site) if m.startswith(TH)]
    line = line_of(site, TH, f"- '{bad}'")
    assert problem == (
        f"{TH}:{line}: meeting '{bad}' must be 'series/session' (e.g. wg-as/5) or a series id "
        "alone (e.g. wg-as)"
    )


def test_unknown_tag_in_block_list_points_at_the_item(site):
    edit_both(site, "topics: [online-scams]", "topics:\n  - online-scams\n  - fraud")
    (problem,) = [m for m in messages(site) if m.startswith(TH)]
    assert problem.startswith(f"{TH}:{line_of(site, TH, '- fraud')}: unknown topics id 'fraud'")


def test_note_points_at_no_release(site):
    write_note(site, "orphan.md", "2099-01-01-1")
    assert messages(site) == [
        "content/notes/orphan.md:2: note points at no release: '2099-01-01-1' "
        "(no content/releases/*/2099-01-01-1.md)"
    ]


def test_duplicate_slug(site):
    copy = write_release(site, "copy", "th")
    edit(site, "content/releases/th/copy.md", "slug: copy", f"slug: {SLUG}")
    assert messages(site) == [
        f"content/releases/th/{copy.name}:5: duplicate slug '{SLUG}' (also used by {TH})"
    ]


def test_missing_translation_pair(site):
    (site / EN).unlink()
    assert messages(site) == [
        f"{TH}:5: no English page with slug '{SLUG}' (expected content/releases/en/{SLUG}.md)"
    ]


def test_bad_translation_status(site):
    edit(site, EN, "translation_status: machine", "translation_status: done")
    line = line_of(site, EN, "translation_status")
    assert messages(site) == [
        f"{EN}:{line}: translation_status must be machine or reviewed, not 'done'"
    ]


def test_bad_meeting_status(site):
    edit(site, EN, "{wg-as/1: held}", "{wg-as/1: finished}")
    line = line_of(site, EN, "meeting_status")
    assert messages(site) == [
        f"{EN}:{line}: meeting_status of 'wg-as/1' must be held, announced or mentioned, "
        "not 'finished'"
    ]


def test_bad_release_type(site):
    edit_both(site, "lang: ", "type: speech\nlang: ")
    assert messages(site) == [
        f"{path}:{line_of(site, path, 'type:')}: type must be one of "
        "meeting, visit-out, visit-in, courtesy-call, agreement, fake-news, cabinet-digest, "
        "crackdown, statement, policy, other, not 'speech'" for path in (EN, TH)]


def test_unknown_id_in_mentions(site):
    edit_both(site, "lang: ", "mentions: {countries: [XX], topics: [online-scams]}\nlang: ")
    assert messages(site) == [
        f"{path}:{line_of(site, path, 'mentions:')}: mentions.countries: unknown countries id "
        "'XX' (not in content/taxonomy/countries.yaml)" for path in (EN, TH)]


def test_lang_must_match_folder(site):
    edit(site, EN, "lang: en", "lang: th")
    assert messages(site) == [f"{EN}:4: lang is 'th' but the file is in the 'en' folder"]


def test_thai_and_english_tags_must_agree(site):
    edit(site, EN, "countries: [KH, TH]", "countries: [TH]")
    line = line_of(site, EN, "countries:")
    assert messages(site) == [
        f"{EN}:{line}: countries differ from the Thai page {TH}: only Thai has ['KH'], "
        "only English has []; tag both alike"
    ]


def test_notes_are_not_matched_before_any_release_is_converted(site):
    for lang in ("th", "en"):
        (site / "content" / "releases" / lang / f"{SLUG}.md").unlink()
    problems, summary = check_site(site)
    assert problems == [] and summary.endswith("none converted yet, run ./dev.sh convert)")


def test_briefing_cli_check_subcommand_is_the_same_check(site):
    edit(site, EN, "lang: en", "lang: th")
    run = subprocess.run(
        [sys.executable, "-m", "briefing", "check", "--root", str(site)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert run.returncode == 1
    assert run.stdout == (f"{EN}:4: lang is 'th' but the file is in the 'en' folder\n"
                          "1 problem(s) found\n")


def test_duplicate_front_matter_key(site):
    edit(site, EN, "topics: [online-scams]", "topics: [online-scams]\ntopics: []")
    first = line_of(site, EN, "topics:")
    assert messages(site) == [f"{EN}:{first + 1}: duplicate key 'topics' (first on line {first})"]


def test_buddhist_era_publication_date_is_refused_with_the_gregorian_year(site):
    edit_both(site, "date: 2024-03-24", "date: 2567-03-24")  # the page would say "มีนาคม 3110"
    assert messages(site) == [
        f"{path}:{line_of(site, path, 'date:')}: bad date in 'date': 2567 looks like a "
        "Buddhist-Era year: use 2024 (dates are Gregorian, YYYY-MM-DD)"
        for path in (EN, TH)
    ]


def test_buddhist_era_event_date_is_refused(site):
    edit(site, EN, "source_url: null", "source_url: null\nevent_date: 2567-03-19")
    assert messages(site) == [
        f"{EN}:{line_of(site, EN, 'event_date:')}: bad date in 'event_date': 2567 looks like a "
        "Buddhist-Era year: use 2024 (dates are Gregorian, YYYY-MM-DD)"
    ]


def test_thai_and_english_dates_must_agree(site):
    edit(site, EN, "date: 2024-03-24", "date: 2024-03-25")
    assert messages(site) == [
        f"{EN}:{line_of(site, EN, 'date:')}: date 2024-03-25 differs from the Thai page {TH} "
        "(date 2024-03-24); date both alike"
    ]


def test_source_url_key_is_required_but_may_be_null(site):
    edit(site, TH, "source_url: null\n", "")
    assert messages(site) == [
        f"{TH}:1: missing required field 'source_url' (write 'source_url: null' when there is none)"
    ]


def test_note_with_several_problems_reports_every_one(site):
    note = write_note(site, "n.md", SLUG, author="''")
    edit(site, "content/notes/n.md", "lang: en\n", "")
    edit(site, "content/notes/n.md", "date: 2026-11-20", "date: 2569-11-20")
    shown = f"content/notes/{note.name}"
    assert messages(site) == [
        f"{shown}:1: missing required field 'author'",
        f"{shown}:1: missing required field 'lang'",
        f"{shown}:{line_of(site, shown, 'date:')}: bad date: 2569 looks like a Buddhist-Era "
        "year: use 2026 (dates are Gregorian, YYYY-MM-DD)",
    ]


def test_note_with_bad_lang_and_no_body_reports_both(site):
    note = write_note(site, "n.md", SLUG, lang="fr", body="")
    shown = f"content/notes/{note.name}"
    assert messages(site) == [
        f"{shown}:{line_of(site, shown, 'lang:')}: lang must be one of th, en, not 'fr'",
        f"{shown}:7: the note has no text below the front matter",
    ]


def test_unclosed_quote_is_reported_where_the_quote_opens(site):
    edit(site, EN, "title: A test release", 'title: "A test release')
    assert messages(site) == [
        f"{EN}:{line_of(site, EN, 'title:')}: malformed YAML front matter: the quoted text that "
        "starts on this line is not closed (found unexpected end of stream)"
    ]


@pytest.mark.parametrize("url", ["javascript:alert(document.domain)", " javascript:alert(1)",
                                 "https://www.thaigov.go.th/a><svg/onload=alert(37)>",
                                 "www.thaigov.go.th/news/1", "data:text/html,x"])
def test_a_source_url_that_is_no_web_address_is_refused(site, url):
    edit(site, EN, "source_url: null", f"source_url: {url!r}")
    line = line_of(site, EN, "source_url")
    assert messages(site) == [f"{EN}:{line}: source_url {url!r} must be an http(s) web address "
                              "(https://www.thaigov.go.th/…) or null"]


def test_an_http_source_url_passes(site):
    edit(site, EN, "source_url: null", "source_url: https://www.thaigov.go.th/news/contents/1")
    assert messages(site) == []


def test_html_the_site_removes_from_a_translation_is_named_with_its_line(site):
    body = ("A reviewed translation.\n\n<script>alert(1)</script>\n\n"
            "Text <img src=x onerror=alert(2)> and [x](javascript:alert(3)).\n\n"
            "`c`{: onfocus=alert(4) }\n")
    edit(site, EN, "Text.", body)
    script, img, attr = (line_of(site, EN, n) for n in ("<script>", "onerror", "onfocus"))
    help_text = 'write plain Markdown (see CONTRIBUTING.md, "HTML in translations and notes")'
    assert messages(site) == [
        f"{EN}:{script}: warning: the site removes <script> from this line: {help_text}",
        f"{EN}:{img}: warning: the site removes onerror=\"alert(2)\", "
        f"href=\"javascript:alert(3)\" from this line: {help_text}",
        f"{EN}:{attr}: warning: the site removes onfocus=\"alert(4)\" from this line: {help_text}",
    ]


def test_markdown_and_allowed_html_pass(site):
    edit(site, EN, "Text.", '**Bold**, <span lang="th">ไทย</span>, <sup>1</sup>, '
         "[a link](https://asean.org/)\n\n| a | b |\n|:-:|--:|\n| 1 | 2 |\n\nNote[^1]\n\n"
         "[^1]: A footnote.\n")
    assert messages(site) == []


def test_html_in_a_note_is_named_with_its_line(site):
    write_note(site, "2026-11-21-x-1.md", SLUG, body="Fine.\n\n<iframe src=x></iframe>\n")
    line = line_of(site, "content/notes/2026-11-21-x-1.md", "<iframe")
    assert messages(site) == [
        f"content/notes/2026-11-21-x-1.md:{line}: warning: the site removes <iframe> from this "
        'line: write plain Markdown (see CONTRIBUTING.md, "HTML in translations and notes")']

def test_problems_are_annotated_in_github_actions(site):
    edit(site, EN, "lang: en", "lang: th")
    (site / "content/notes/idea.txt").write_text("a note saved as .txt", encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "briefing", "check", "--root", str(site)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=REPO,
        env={**os.environ, "GITHUB_ACTIONS": "true"},
    )
    assert run.returncode == 1
    assert run.stdout.splitlines() == [
        "content/notes/idea.txt:1: not read: a note is a .md file (rename it to end in .md)",
        "::error file=content/notes/idea.txt,line=1::not read: a note is a .md file (rename it "
        "to end in .md)",
        f"{EN}:4: lang is 'th' but the file is in the 'en' folder",
        f"::error file={EN},line=4::lang is 'th' but the file is in the 'en' folder",
        "2 problem(s) found",
    ]


def test_a_markdown_note_is_read_and_a_txt_note_is_not_silently_ignored(site):
    notes = site / "content/notes"
    existing = next(notes.glob("*.md"))
    existing.rename(existing.with_suffix(".markdown"))
    problems, summary = check_site(site)
    assert not problems and "1 notes" in summary  # .markdown is a note like .md
    (notes / "draft.txt").write_text("not a note yet", encoding="utf-8")
    assert [str(p) for p in check_site(site)[0]] == [
        "content/notes/draft.txt:1: not read: a note is a .md file (rename it to end in .md)"]
