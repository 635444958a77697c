"""The taxonomy loader: the real files load; bad files fail with ``file:line: message``."""

from __future__ import annotations

import datetime as dt
import json

from taxonomy_files import error_of, write

from briefing.taxonomy import KINDS, load_taxonomy, name
from briefing.taxonomy import main as taxonomy_main


def test_real_taxonomy_loads_every_kind(taxonomy):
    assert taxonomy.kinds == KINDS
    for kind in KINDS:
        assert taxonomy.terms(kind), kind
        for term in taxonomy.terms(kind).values():
            assert term.name["th"] and term.name["en"], term.id
    assert taxonomy.get("meetings", "wg-as").extra["numbering"] == "ordinal"


def test_country_names_default_to_cldr(taxonomy):
    kh = taxonomy.get("countries", "KH")
    assert kh.name == {"th": "กัมพูชา", "en": "Cambodia"}
    assert kh.extra["asean"] is True and isinstance(kh.extra["lat"], float)
    assert name(taxonomy.get("countries", "MM"), "en") == "Myanmar"  # overridden, not "(Burma)"


def test_sessions_are_dated(taxonomy):
    s = taxonomy.session("wg-as", "5")
    assert (s.date, s.city["en"], s.country) == (dt.date(2025, 4, 22), "Jakarta", "ID")
    assert taxonomy.session("adgsom-atrc", "2023-2").end_date == dt.date(2023, 8, 25)
    assert taxonomy.session("ic-gpos", "2025").city["en"] == "Bangkok"
    assert taxonomy.session("wg-as", "99") is None


def test_to_json_is_plain_data(taxonomy):
    data = json.loads(json.dumps(taxonomy.to_json()))
    wg = next(t for t in data["meetings"] if t["id"] == "wg-as")
    assert {"id": "5", "date": "2025-04-22"}.items() <= wg["sessions"][1].items()
    assert set(KINDS) <= set(data)


def test_every_term_has_descriptions_and_aliases_in_both_languages(taxonomy):
    for kind in KINDS:
        for term in taxonomy.terms(kind).values():
            if term.extra.get("cldr"):  # a country known only from CLDR (names, press forms)
                assert term.name.get("th") and term.name.get("en"), term.id
                continue
            assert term.description.get("th") and term.description.get("en"), (kind, term.id)
            assert term.aliases or kind == "countries", (kind, term.id)  # CLDR names match


def test_cli_validates(capsys, tmp_path):
    assert taxonomy_main([]) == 0
    assert "meetings" in capsys.readouterr().out
    bad = write(tmp_path, topics="- name: {th: ก, en: a}\n")
    assert taxonomy_main([str(bad)]) == 1
    assert "topics.yaml:1: term without id" in capsys.readouterr().err


def test_malformed_yaml_names_file_and_line(tmp_path):
    folder = write(tmp_path, topics="- id: a\n  name: {th: ก, en: a\n- id: b\n")
    assert error_of(folder).startswith("topics.yaml:3: malformed YAML")


def test_unclosed_quote_is_reported_where_it_opens(tmp_path):
    text = '- id: a\n  name: {th: ก, en: "Scams}\n- id: b\n  name: {th: ข, en: B}\n'
    message = error_of(write(tmp_path, topics=text))
    assert message.startswith("topics.yaml:2: malformed YAML: the quoted text that starts on "
                              "this line is not closed"), message


def test_missing_id(tmp_path):
    folder = write(tmp_path, topics="- id: a\n  name: {th: ก, en: A}\n- name: {th: ข, en: B}\n")
    assert error_of(folder) == "topics.yaml:3: term without id"


def test_missing_name(tmp_path):
    folder = write(tmp_path, organisations="- id: mdes\n  name: {en: MDES}\n")
    assert error_of(folder) == "organisations.yaml:2: mdes: name needs both th and en"


def test_duplicate_id(tmp_path):
    text = "- id: a\n  name: {th: ก, en: A}\n\n- id: a\n  name: {th: ข, en: B}\n"
    assert error_of(write(tmp_path, topics=text)) == "topics.yaml:4: duplicate id 'a'"


def test_bad_id_characters(tmp_path):
    folder = write(tmp_path, topics="- id: Online Scams\n  name: {th: ก, en: A}\n")
    assert error_of(folder) == "topics.yaml:1: bad id 'Online Scams': use [a-z0-9-]"


def test_unknown_country_code(tmp_path):
    folder = write(tmp_path, countries="- id: KH\n- id: XX\n")
    assert error_of(folder) == "countries.yaml:2: unknown country code 'XX' (not in CLDR)"


def test_session_without_id_and_bad_date(tmp_path):
    meetings = """\
        - id: wg-as
          name: {th: คณะทำงาน, en: Working group}
          sessions:
            - id: "1"
              date: 2024-03-19
            - date: 2025-04-22
        """
    message = error_of(write(tmp_path, meetings=meetings))
    assert message == "meetings.yaml:6: wg-as: session without id"
    bad_date = meetings.replace("- date: 2025-04-22", '- {id: "5", date: 2025-02-30}')
    message = error_of(write(tmp_path, meetings=bad_date))
    assert message == (
        "meetings.yaml:6: wg-as: session 5 date: bad date '2025-02-30' (write YYYY-MM-DD, "
        "a real day)"
    )


def test_session_country_must_be_a_country(tmp_path):
    meetings = """\
        - id: adgmin
          name: {th: ประชุม, en: Meeting}
          sessions:
            - {id: "4", country: UN}
        """
    message = error_of(write(tmp_path, meetings=meetings))
    assert message == ("meetings.yaml:4: adgmin: 'UN' is not a country (a CLDR territory code, "
                       "see countries.yaml)")


def test_person_organisation_must_exist(tmp_path):
    people = "- id: wisit\n  name: {th: วิศิษฏ์, en: Wisit}\n  organisation: mdes\n"
    message = error_of(write(tmp_path, people=people))
    assert message == (
        "people.yaml:3: wisit: unknown organisation 'mdes' (not in organisations.yaml)"
    )


def test_duplicate_key_and_wrong_shape(tmp_path):
    text = "- id: a\n  name: {th: ก, en: A}\n  id: b\n"
    assert error_of(write(tmp_path, topics=text)).startswith("topics.yaml:3: malformed YAML")
    message = error_of(write(tmp_path, topics="id: a\n"))
    assert message.startswith("topics.yaml:1: expected a YAML list")


def test_unknown_file_and_missing_folder(tmp_path):
    folder = write(tmp_path)
    (folder / "things.yaml").write_text("- id: a\n", encoding="utf-8")
    assert error_of(folder).startswith("things.yaml: unknown taxonomy file")
    assert "taxonomy folder not found" in error_of(tmp_path / "nowhere")


def test_reload_after_edit(tmp_path):
    folder = write(tmp_path, topics="- id: a\n  name: {th: ก, en: A}\n")
    assert load_taxonomy(folder).get("topics", "a").name["en"] == "A"
    (folder / "topics.yaml").write_text("- id: a\n  name: {th: ก, en: Changed}\n", "utf-8")
    assert load_taxonomy(folder).get("topics", "a").name["en"] == "Changed"
