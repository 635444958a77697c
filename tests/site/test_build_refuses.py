"""The build refuses exactly what ``invoke check`` refuses, with the same ``file:line: message``,
every problem at once, exit status 3 and no traceback (issue 20, case 12)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from site_build import REPO, TAXONOMY, build_site, pair, release, write_content

from briefing.editors.check import check_site
from briefing.site.refusal import EXIT_CONTENT, ContentRefused


def pelican(root):
    """Build ``root/content`` as ``invoke build`` does, from ``root``; (status, output)."""
    content = root / "content"
    extra = {"BRIEFING_TAXONOMY_PATH": "content/taxonomy", "CACHE_PATH": str(root / "cache")}
    run = subprocess.run(
        [sys.executable, "-m", "pelican", "content", "-s", str(REPO / "pelicanconf.py"),
         "-o", str(root / "output"), "--fatal", "errors",
         "-e", *(f"{key}={json.dumps(value)}" for key, value in extra.items())],
        capture_output=True, text=True, cwd=root, env={**os.environ, "COLUMNS": "400"},
    )
    assert content.is_dir()
    return run.returncode, run.stdout + run.stderr


def check_messages(root) -> list[str]:
    return [str(p) for p in check_site(root)[0]]


def edit(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, (old, text)
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_impossible_and_buddhist_era_dates_refuse_the_build_like_check(tmp_path):
    content = write_content(tmp_path, pair("2024-01-02-1", "2024-01-02", "ข่าว", "News")
                            + pair("2024-01-03-2", "2024-01-03", "ข่าว", "News"))
    edit(content / "releases/th/2024-01-02-1.md", "date: '2024-01-02'", "date: 2024-02-30")
    edit(content / "releases/en/2024-01-03-2.md", "date: '2024-01-03'", "date: 2567-01-03")
    expected = check_messages(tmp_path)
    assert any("2024-01-02-1.md:3: bad date in 'date': '2024-02-30'" in m for m in expected)
    assert any("2567 looks like a Buddhist-Era year: use 2024" in m for m in expected)
    status, output = pelican(tmp_path)
    assert status == EXIT_CONTENT
    assert "Traceback" not in output
    assert any("differs from the Thai page" in m for m in expected)  # a cross-file rule
    assert output.splitlines()[:-1] == expected  # the very same lines, in the same order
    assert not (tmp_path / "output/th/releases/2024-01-03-2/index.html").exists()


def test_a_taxonomy_typo_is_one_line_like_check(tmp_path):
    content = write_content(tmp_path, pair("2024-01-02-1", "2024-01-02", "ข่าว", "News"))
    edit(content / "taxonomy/topics.yaml", "  name: {th: บันทึกความเข้าใจ", "  nme: {th: x")
    (expected,) = check_messages(tmp_path)
    status, output = pelican(tmp_path)
    assert status == EXIT_CONTENT
    assert "Traceback" not in output
    assert output.splitlines()[0] == expected
    assert len(output.splitlines()) == 2


def test_every_refused_file_is_listed_at_once(tmp_path):
    releases = pair("2024-01-02-1", "2024-01-02", "ข่าว", "News", countries=["ZZ"])
    releases += [release("2024-01-03-2", "th", "ข่าว", "2024-01-03"),
                 release("2024-01-03-2", "en", "News", "2024-01-03", translation_status="done")]
    with pytest.raises(ContentRefused) as caught:
        build_site(tmp_path, releases)
    problems = caught.value.problems
    assert sum("unknown countries id 'ZZ'" in p for p in problems) == 2
    assert any("translation_status must be machine or reviewed, not 'done'" in p
               for p in problems)


def test_norway_no_is_text_on_the_site(tmp_path):
    taxonomy_countries = "- id: NO\n  lat: 59.9\n  lon: 10.7\n  aliases: {en: [NO]}\n"
    taxonomy = {**TAXONOMY, "countries": TAXONOMY["countries"] + "\n" + "\n".join(
        "        " + line for line in taxonomy_countries.splitlines())}
    out = build_site(tmp_path, pair("2024-01-02-1", "2024-01-02", "ข่าว", "News",
                                    countries=["NO"]), taxonomy)
    page = (out / "en/countries/no/index.html").read_text(encoding="utf-8")
    assert "Norway" in page and "False" not in page


def test_a_release_without_front_matter_is_refused_like_check(tmp_path):
    content = write_content(tmp_path, pair("2024-01-02-1", "2024-01-02", "ข่าว", "News"))
    (content / "releases/en/2024-01-02-1.md").write_text("Just a body.\n", encoding="utf-8")
    expected = [m for m in check_messages(tmp_path) if "no YAML front matter" in m]
    assert expected == ["content/releases/en/2024-01-02-1.md:1: no YAML front matter "
                        "(must start with ---)"]
    with pytest.raises(ContentRefused) as caught:
        build_site(tmp_path, [])
    assert any(p.endswith(expected[0].split("/", 1)[1]) for p in caught.value.problems)


def test_note_problems_stop_the_build_like_check(tmp_path):
    from briefing.editors.notes import NOTE_PLACEHOLDER

    content = write_content(tmp_path, pair("2024-01-02-1", "2024-01-02", "ข่าว", "News"))
    notes = content / "notes"
    notes.mkdir()
    (notes / "2026-01-01-2024-01-02-1-1.md").write_text(
        "---\nrelease: 2024-01-02-1\nauthor: Nok\ndate: 2026-01-01\nlang: en\n---\n"
        f"{NOTE_PLACEHOLDER}: context, a correction or a link to a source.\n", encoding="utf-8")
    (notes / "idea.txt").write_text("a note saved as text", encoding="utf-8")
    expected = check_messages(tmp_path)
    assert len(expected) == 2
    with pytest.raises(ContentRefused) as caught:
        build_site(tmp_path, [])
    assert [p.split("content/", 1)[1] for p in caught.value.problems] == \
        [m.split("content/", 1)[1] for m in expected]
