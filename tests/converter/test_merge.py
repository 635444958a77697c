"""merge: editors own what they edit; machine fields refresh; reviewed translations are kept."""

from datetime import date

from briefing.convert.merge import fresh, merge
from briefing.frontmatter import dump_markdown, load_markdown

META = {
    "title": "หัวข่าว",
    "date": date(2024, 3, 24),
    "lang": "th",
    "slug": "2024-03-24-1",
    "source_sha256": "aaa",
    "countries": ["KH", "TH"],
    "figures": [{"value": 338, "unit": "participants", "th": "338 คน", "en": "338 participants"}],
}
BODY = "ย่อหน้าแรก\n\nย่อหน้าสอง\n"


def _edit(text: str, **changes) -> str:
    meta, body = load_markdown(text)
    body = changes.pop("body", body)
    meta.update(changes)
    return dump_markdown(meta, body)


def test_new_file_then_unchanged():
    first = merge(None, META, BODY)
    assert first.status == "converted" and "machine:" in first.text
    again = merge(first.text, dict(META), BODY)
    assert again.status == "unchanged" and again.text == first.text and not again.conflicts


def test_machine_fields_refresh_when_not_edited():
    text = fresh(META, BODY)
    new = merge(text, {**META, "source_sha256": "bbb", "countries": ["TH"]}, "ใหม่\n")
    meta, body = load_markdown(new.text)
    assert new.status == "updated" and not new.conflicts
    assert meta["countries"] == ["TH"] and body == "ใหม่\n"


def test_editor_edits_kept_and_conflicts_reported():
    text = _edit(fresh(META, BODY), title="หัวข่าวที่บรรณาธิการแก้", countries=["KH", "LA", "TH"],
                 notes="ตรวจแล้ว", body="ข้อความของบรรณาธิการ\n")
    new = merge(text, {**META, "title": "หัวข่าวใหม่", "countries": ["TH"], "source_sha256": "b"},
                "เนื้อใหม่\n")
    meta, body = load_markdown(new.text)
    assert meta["title"] == "หัวข่าวที่บรรณาธิการแก้"
    assert meta["countries"] == ["KH", "LA", "TH"]
    assert meta["notes"] == "ตรวจแล้ว"
    assert meta["source_sha256"] == "b"  # not edited: refreshed
    assert body == "ข้อความของบรรณาธิการ\n"
    assert set(new.conflicts) == {"title", "countries", "body"}
    # the conflict is reported once; a further identical run is unchanged
    assert merge(new.text, {**META, "title": "หัวข่าวใหม่", "countries": ["TH"],
                            "source_sha256": "b"}, "เนื้อใหม่\n").status == "unchanged"


def test_editor_edit_without_machine_change_is_no_conflict():
    text = _edit(fresh(META, BODY), title="แก้แล้ว")
    new = merge(text, dict(META), BODY)
    assert new.status == "unchanged" and not new.conflicts


def test_reviewed_translation_flagged_outdated_and_body_kept():
    en = {**META, "lang": "en", "title": "Headline", "translation_status": "machine"}
    text = _edit(fresh(en, "Machine text\n"), translation_status="reviewed",
                 body="An editor's translation.\n")
    new = merge(text, {**en, "source_sha256": "changed"}, "New machine text\n")
    meta, body = load_markdown(new.text)
    assert meta["translation_status"] == "reviewed" and meta["translation_outdated"] is True
    assert body == "An editor's translation.\n"
    # same source again: no flag re-added after the editor deletes it
    cleared = _edit(new.text)
    cleared_meta, cleared_body = load_markdown(cleared)
    del cleared_meta["translation_outdated"]
    cleared = dump_markdown(cleared_meta, cleared_body)
    assert merge(cleared, {**en, "source_sha256": "changed"}, "New machine text\n").status \
        == "unchanged"


def test_broken_front_matter_is_left_alone():
    broken = "---\ntitle: [unclosed\n---\n\nข้อความ\n"
    result = merge(broken, META, BODY)
    assert result.text == broken and result.status == "unchanged"
    assert result.conflicts and "invalid YAML" in result.conflicts[0]


EN = {**META, "lang": "en", "title": "Headline", "translation_status": "machine"}
PLACEHOLDER = "*No English translation yet.*"


def _en_body(countries: str, glossary: str = "| Thai | English |") -> str:
    return (f"Lead sentence.\n\n## Facts\n\n- **Countries:** {countries}\n\n## Glossary\n\n"
            f"{glossary}\n\n## Editor's translation\n\n{PLACEHOLDER}\n")


def _translate(text: str) -> str:
    return _edit(text, body=load_markdown(text)[1].replace(PLACEHOLDER, "An editor's text."))


def test_english_sections_the_editor_did_not_touch_are_refreshed():
    """Editing only the translation must not freeze the machine's Facts and Glossary."""
    text = _translate(fresh(EN, _en_body("Cambodia")))
    machine = _en_body("Laos", "| Thai | English | new |")
    new = merge(text, {**EN, "source_sha256": "b"}, machine)
    body = load_markdown(new.text)[1]
    assert "- **Countries:** Laos" in body and "| new |" in body and "Cambodia" not in body
    assert "An editor's text." in body and PLACEHOLDER not in body
    assert new.status == "updated" and not new.conflicts
    again = merge(new.text, {**EN, "source_sha256": "b"}, machine)
    assert again.status == "unchanged" and again.text == new.text


def test_english_section_the_editor_changed_is_kept_with_a_conflict():
    text = fresh(EN, _en_body("Cambodia"))
    meta, body = load_markdown(text)
    text = _translate(dump_markdown(meta, body.replace("Cambodia", "Cambodia (checked)")))
    new = merge(text, EN, _en_body("Laos"))
    body = load_markdown(new.text)[1]
    assert "Cambodia (checked)" in body and "Laos" not in body and "An editor's text." in body
    assert new.conflicts == ("body (Facts)",)
    assert merge(new.text, EN, _en_body("Laos")).status == "unchanged"  # reported once


def test_sections_new_in_this_version_and_deleted_by_the_editor():
    no_glossary = "Lead.\n\n## Facts\n\n- A\n\n## Editor's translation\n\n" + PLACEHOLDER + "\n"
    text = _translate(fresh(EN, no_glossary))
    new = merge(text, EN, _en_body("Laos"))  # the converter now writes a Glossary section
    body = load_markdown(new.text)[1]
    assert body.index("## Facts") < body.index("## Glossary") < body.index("## Editor's")
    meta, body = load_markdown(new.text)
    cut = body[: body.index("## Glossary")] + body[body.index("## Editor's"):]
    newer = merge(dump_markdown(meta, cut), EN, _en_body("Laos"))
    assert "## Glossary" not in load_markdown(newer.text)[1]  # the editor's deletion stands
    assert not newer.conflicts
