"""Batch runs in tmp_path: idempotence, editor edits, bad input, determinism across job counts."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from converter_support import TAXONOMY, TODAY

from briefing.convert.pipeline import Refused
from briefing.convert.reader import MAX_BYTES
from briefing.convert.runner import UsageError, run, write_atomically
from briefing.frontmatter import dump_markdown, load_markdown


def _run(src: Path, out: Path, root: Path, jobs: int = 1):
    return run([src], out, TAXONOMY, root=root, jobs=jobs, today=TODAY)


def _tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if
            p.is_file()}


def test_convert_then_rerun_is_unchanged(sources, tmp_path):
    out = tmp_path / "out"
    first = _run(sources, out, tmp_path)
    assert len(first.converted) == 5 and not first.refused
    files = sorted(out.rglob("*.md"))
    assert len(files) == 10
    stamps = {p: p.stat().st_mtime_ns for p in files}
    before = _tree(out)
    again = _run(sources, out, tmp_path)
    assert len(again.unchanged) == 5 and not again.converted and not again.updated
    assert _tree(out) == before
    assert {p: p.stat().st_mtime_ns for p in files} == stamps  # not even rewritten
    meta, _ = load_markdown((out / "th" / "2024-03-24-80784.md").read_text())
    assert meta["source_file"] == "sources/seed-000-two-line-headline-wg-as-1.txt"


def test_output_independent_of_job_count(sources, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    _run(sources, one, tmp_path, jobs=1)
    _run(sources, two, tmp_path, jobs=2)
    assert _tree(one) == _tree(two)


def _edit(path: Path, body: str | None = None, **changes) -> None:
    meta, old_body = load_markdown(path.read_text())
    meta.update(changes)
    path.write_text(dump_markdown(meta, old_body if body is None else body))


def test_editor_edits_survive_a_source_change(sources, tmp_path):
    out = tmp_path / "out"
    _run(sources, out, tmp_path)
    th = out / "th" / "2025-04-23-95636.md"
    en = out / "en" / "2025-04-23-95636.md"
    _edit(th, title="ปลัดดีอี นำประชุม WG-AS ครั้งที่ 5 (แก้โดยบรรณาธิการ)", notes="ตรวจแล้ว",
          topics=["online-scams", "editor-added-topic"])
    _edit(en, body="An editor's own English text.\n")
    seed = sources / "seed-001-numbered-points-wg-as-5.txt"
    text = seed.read_text(encoding="utf-8")
    seed.write_text(text.replace("ปลัดดีอี เป็นประธานประชุม", "ปลัดดีอี ประธานประชุม")
                    .replace("\n\nที่มา", "\nย่อหน้าใหม่ที่เพิ่มเข้ามาในข่าว\n\nที่มา"), encoding="utf-8")
    summary = _run(sources, out, tmp_path)
    assert summary.updated == ["sources/seed-001-numbered-points-wg-as-5.txt"]
    assert len(summary.unchanged) == 4
    meta, body = load_markdown(th.read_text())
    assert meta["title"].endswith("(แก้โดยบรรณาธิการ)")
    assert meta["notes"] == "ตรวจแล้ว" and "editor-added-topic" in meta["topics"]
    assert "ย่อหน้าใหม่ที่เพิ่มเข้ามาในข่าว" in body  # body not edited: refreshed
    assert meta["source_sha256"] != "" and meta["machine"]["body"]
    en_meta, en_body = load_markdown(en.read_text())
    assert en_body == "An editor's own English text.\n"
    conflicts = {(Path(f).name, field) for f, field in summary.conflicts}
    assert ("2025-04-23-95636.md", "title") in conflicts
    assert _run(sources, out, tmp_path).unchanged == sorted(
        f"sources/{p.name}" for p in sources.glob("*.txt"))



def test_edited_body_kept_and_conflict_reported(sources, tmp_path):
    out = tmp_path / "out"
    _run(sources, out, tmp_path)
    th = out / "th" / "2023-08-25-71679.md"
    _edit(th, body="ข้อความที่บรรณาธิการเขียนเอง\n")
    seed = sources / "seed-004-date-range-underscores.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("_____", "\nย่อหน้าเพิ่ม\n_____"),
                    encoding="utf-8")
    summary = _run(sources, out, tmp_path)
    assert [(Path(f).parent.name, Path(f).name, field) for f, field in summary.conflicts
            if field == "body"] == [("th", "2023-08-25-71679.md", "body")]
    assert load_markdown(th.read_text())[1] == "ข้อความที่บรรณาธิการเขียนเอง\n"
def test_edited_translation_section_does_not_freeze_the_facts(sources, tmp_path):
    """An editor who only writes the translation still gets refreshed Facts and Glossary."""
    from briefing.convert.english import TRANSLATION_PLACEHOLDER

    out = tmp_path / "out"
    _run(sources, out, tmp_path)
    en = out / "en" / "2024-03-07-80014.md"
    _edit(en, body=load_markdown(en.read_text())[1].replace(
        TRANSLATION_PLACEHOLDER, "The editor's English translation."))
    seed = sources / "seed-002-announcement.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace(
        "\n-----", "\nคณะผู้แทนไทยจะเดินทางต่อไปยังประเทศลาว\n-----", 1), encoding="utf-8")
    summary = _run(sources, out, tmp_path)
    body = load_markdown(en.read_text())[1]
    facts = body[body.index("## Facts") : body.index("## Glossary")]
    assert "Laos" in facts and "The editor's English translation." in body
    assert TRANSLATION_PLACEHOLDER not in body and not summary.conflicts
    assert len(_run(sources, out, tmp_path).unchanged) == 5


def test_reviewed_translation_marked_outdated(sources, tmp_path):
    out = tmp_path / "out"
    _run(sources, out, tmp_path)
    en = out / "en" / "2024-03-07-80014.md"
    _edit(en, body="Reviewed translation.\n", translation_status="reviewed")
    seed = sources / "seed-002-announcement.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    _run(sources, out, tmp_path)
    meta, body = load_markdown(en.read_text())
    assert meta["translation_outdated"] is True and body == "Reviewed translation.\n"


def test_existing_slug_is_kept(sources, tmp_path):
    out = tmp_path / "out"
    _run(sources, out, tmp_path)
    seed = sources / "seed-004-date-range-underscores.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("25 สิงหาคม 2566", "26 สิงหาคม 2566",
                                                             1), encoding="utf-8")
    summary = _run(sources, out, tmp_path)
    assert summary.updated and (out / "th" / "2023-08-25-71679.md").exists()
    assert not (out / "th" / "2023-08-26-71679.md").exists()
    meta, _ = load_markdown((out / "th" / "2023-08-25-71679.md").read_text())
    assert str(meta["date"]) == "2023-08-26"


BAD_INPUTS = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"  \n\n", "only whitespace"),
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file"),
    "tis620.txt": ("รัฐบาลไทย-ข่าว\n\nวันที่ 1 มีนาคม 2567\nข่าว".encode("tis-620"), "not UTF-8"),
    "page.txt": (b"<!DOCTYPE html>\n<html><body>x</body></html>", "HTML page"),
    "huge.txt": (b"a" * (MAX_BYTES + 10), "too large"),
    "nodate.txt": ("รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-หัว\n\nเนื้อข่าว\n".encode(), "no date line"),
    "feb30.txt": ("รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-หัว\n\n\nวันศุกร์ที่ 30 กุมภาพันธ์ 2567\nหัว\nเนื้อ"
                  .encode(), "4: impossible date"),
    "future.txt": ("รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-หัว\n\n\nวันศุกร์ที่ 1 มีนาคม 2590\nหัว\nเนื้อ"
                   .encode(), "4: date 2047-03-01 is more than a year in the future"),
}


def test_bad_inputs_refused_others_converted(sources, tmp_path):
    for name, (raw, _) in BAD_INPUTS.items():
        (sources / name).write_bytes(raw)
    (sources / "zz-same-url-copy.txt").write_bytes(
        (sources / "seed-000-two-line-headline-wg-as-1.txt").read_bytes())
    out = tmp_path / "out"
    summary = _run(sources, out, tmp_path)
    assert len(summary.converted) == 5
    reasons = {Path(r.source_file).name: r.message for r in summary.refused}
    for name, (_, reason) in BAD_INPUTS.items():
        assert reason in reasons.pop(name), name
    assert reasons == {"zz-same-url-copy.txt": "sources/zz-same-url-copy.txt: duplicate of "
                       "sources/seed-000-two-line-headline-wg-as-1.txt (same text)"}
    assert len(list(out.rglob("*.md"))) == 10
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]


def test_published_twice_is_kept_once_and_recorded(sources, tmp_path):
    """The same text under another thaigov id (the site re-published it): not refused; the
    first in name order is kept and the other recorded in both its files; re-running changes
    nothing; a later batch holding only the second copy keeps the record."""
    seed = "seed-000-two-line-headline-wg-as-1.txt"
    (sources / "zz-republished.txt").write_bytes((sources / seed).read_bytes().replace(
        b"details/80784", b"details/99999"))
    out = tmp_path / "out"
    summary = _run(sources, out, tmp_path)
    assert not summary.refused and len(summary.converted) == 5
    assert ("sources/zz-republished.txt", f"same text as sources/{seed}: kept once, recorded "
            "there as also_published_as") in summary.warnings
    entry = {"id": "99999", "slug": "2024-03-24-99999",
             "source_url": "https://www.thaigov.go.th/news/contents/details/99999",
             "source_file": "sources/zz-republished.txt"}
    for lang in ("th", "en"):
        meta = load_markdown((out / lang / "2024-03-24-80784.md").read_text())[0]
        assert meta["also_published_as"] == [entry]
    assert len(list(out.rglob("*.md"))) == 10
    before = _tree(out)
    again = _run(sources, out, tmp_path)
    assert len(again.unchanged) == 5 and not again.refused and _tree(out) == before
    alone = run([sources / "zz-republished.txt"], out, TAXONOMY, root=tmp_path, today=TODAY)
    assert not alone.refused and _tree(out) == before


def test_duplicate_of_an_already_converted_release(sources, tmp_path):
    out = tmp_path / "out"
    _run(sources, out, tmp_path)
    later = tmp_path / "later"
    later.mkdir()
    (later / "renamed.txt").write_bytes((sources / "seed-002-announcement.txt").read_bytes())
    summary = _run(later, out, tmp_path)
    assert [r.message for r in summary.refused] == [
        "later/renamed.txt: duplicate of sources/seed-002-announcement.txt (same text)"]


def test_renamed_source_takes_over_its_release(sources, tmp_path):
    """Same text under a new name, the old file deleted: not a duplicate of a vanished source."""
    out = tmp_path / "out"
    _run(sources, out, tmp_path)
    before = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.md"))
    dated = next(p for p in (out / "en").glob("*.md") if "003" in p.name)  # slug from file stem
    _edit(dated, notes="checked by an editor")
    for old, new in (("seed-002-announcement", "renamed-002"), ("seed-003-dated-shape", "z-003")):
        (sources / f"{old}.txt").rename(sources / f"{new}.txt")
    summary = _run(sources, out, tmp_path)
    assert not summary.refused
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.md")) == before
    assert ("sources/renamed-002.txt", "replaces sources/seed-002-announcement.txt, whose source "
            "is gone (same release, new source file)") in summary.warnings
    meta = load_markdown(dated.read_text())[0]
    assert meta["source_file"] == "sources/z-003.txt" and meta["notes"] == "checked by an editor"
    assert load_markdown((out / "th" / "2024-03-07-80014.md").read_text())[0]["source_file"] == \
        "sources/renamed-002.txt"
    again = _run(sources, out, tmp_path)
    assert len(again.unchanged) == 5 and not again.refused and not again.warnings


def test_missing_source_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="no such file"):
        _run(tmp_path / "nope", tmp_path / "out", tmp_path)


def test_write_atomically_all_or_nothing(tmp_path):
    good = tmp_path / "th" / "a.md"
    write_atomically([(good, "old\n")])
    blocked = tmp_path / "en"
    blocked.write_text("a file where a folder should be")
    with pytest.raises(OSError):
        write_atomically([(good, "new\n"), (blocked / "a.md", "x\n")])
    assert good.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["a.md", "en", "th"]


def test_write_atomically_past_a_temp_file_left_by_a_killed_run(tmp_path):
    target = tmp_path / "th" / "a.md"
    target.parent.mkdir()
    stale = target.parent / f".a.md.{os.getpid()}.tmp"  # the name this process would choose
    stale.write_text("half-written by a killed run")
    write_atomically([(target, "ต้นฉบับ\n")])
    assert target.read_text(encoding="utf-8") == "ต้นฉบับ\n"
    assert target.stat().st_mode & 0o777 == 0o644
    assert stale.read_text() == "half-written by a killed run"  # not ours: left alone
    assert sorted(p.name for p in target.parent.iterdir()) == [stale.name, "a.md"]



@pytest.mark.parametrize(
    "reason, kind",
    [
        ("4: impossible date '30 กุมภาพันธ์ 2567' (day is out of range for month)",
         "impossible date"),
        ("duplicate of ../x/1.txt (same text)", "duplicate"),
        ("not UTF-8 (byte 0xa1 at offset 12)", "not UTF-8"),
        ("4: date 2047-03-01 is more than a year in the future",
         "date is more than a year in the future"),
    ],
)
def test_refusal_kind_for_counting(reason, kind):
    refused = Refused("a.txt", reason)
    assert refused.kind == kind
    assert refused.message.startswith("a.txt:")
