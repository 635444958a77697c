"""Taxonomy values the loader used to accept or misread (issue 20, cases 12-14): YAML 1.1
booleans, Buddhist-Era session dates, coordinates off the globe, one alias on two terms,
unbounded alias lists, and messages pointing at the term's ``id:`` line instead of the field."""

from __future__ import annotations

import pytest
from taxonomy_files import error_of, write

from briefing.taxonomy import load_taxonomy
from briefing.taxonomy.schema import MAX_ALIAS_CHARS, MAX_ALIASES


def test_norway_no_and_yes_on_stay_text(tmp_path):
    folder = write(tmp_path, countries="- id: NO\n  aliases: {en: [NO, Yes, on]}\n- id: KH\n",
                   topics="- id: t\n  name: {th: ไม่, en: NO}\n  short: {th: on, en: off}\n")
    tax = load_taxonomy(folder)
    assert tax.get("countries", "NO").aliases["en"] == ("NO", "Yes", "on")
    assert tax.get("topics", "t").name["en"] == "NO"
    assert tax.get("topics", "t").short == {"th": "on", "en": "off"}


def test_buddhist_era_session_date_is_refused_at_its_line(tmp_path):
    folder = write(tmp_path, meetings="""\
        - id: wg-as
          name: {th: คณะทำงาน, en: Working group}
          sessions:
            - id: "1"
              date: 2567-03-20
        """)
    assert error_of(folder) == ("meetings.yaml:5: wg-as: session 1 date: 2567 looks like a "
                                "Buddhist-Era year: use 2024 (dates are Gregorian, YYYY-MM-DD)")


def test_impossible_session_date_names_the_line(tmp_path):
    folder = write(tmp_path, meetings="""\
        - id: wg-as
          name: {th: คณะทำงาน, en: Working group}
          sessions:
            - id: "1"
              city: {th: x, en: x}
              date: 2024-02-30
        """)
    assert error_of(folder).startswith("meetings.yaml:6: wg-as: session 1 date: bad date "
                                       "'2024-02-30'")


@pytest.mark.parametrize("field, value", [("lat", "913.75"), ("lon", "-200"), ("lat", "north")])
def test_coordinates_off_the_globe_are_refused(tmp_path, field, value):
    other = "lon: 100.5" if field == "lat" else "lat: 13.75"
    folder = write(tmp_path, countries=f"- id: KH\n  {other}\n  {field}: {value}\n")
    message = error_of(folder)
    assert message.startswith(f"countries.yaml:3: {field} must be a number from"), message


def test_one_alias_on_two_terms_is_refused(tmp_path):
    folder = write(tmp_path, topics="""\
        - id: a
          name: {th: ก, en: A}
          aliases: {en: [Scam centres]}
        - id: b
          name: {th: ข, en: B}
          aliases: {en: [scam  centres]}
        """)
    assert error_of(folder) == ("topics.yaml:6: b: alias 'scam  centres' is also an alias of "
                                "'a' (line 3); keep it on one")


def test_same_alias_in_two_kinds_is_allowed(tmp_path):
    topic = "- id: a\n  name: {th: ก, en: A}\n  aliases: {en: [Cambodia]}\n"
    folder = write(tmp_path, topics=topic,
                   countries="- id: KH\n  aliases: {en: [Cambodia]}\n")
    assert load_taxonomy(folder).get("topics", "a").aliases["en"] == ("Cambodia",)


TERM = "- id: a\n  name: {{th: ก, en: A}}\n  aliases: {{en: [{}]}}\n"


def test_alias_lists_are_bounded(tmp_path):
    many = ", ".join(f"alias{i}" for i in range(MAX_ALIASES + 1))
    folder = write(tmp_path, topics=TERM.format(many))
    assert error_of(folder).startswith(f"topics.yaml:3: aliases.en: {MAX_ALIASES + 1} aliases")
    long = "x" * (MAX_ALIAS_CHARS + 1)
    folder = write(tmp_path, topics=TERM.format(long))
    assert error_of(folder).startswith(f"topics.yaml:3: aliases.en: an alias of "
                                       f"{MAX_ALIAS_CHARS + 1} characters")


@pytest.mark.parametrize("text, line, start", [
    ("- id: t\n  short: {th: x}\n  name: {th: ก, en: []}\n", 3, "name.en must be non-empty"),
    ("- id: t\n  name: {th: ก, en: A}\n  description: [x]\n", 3, "description must be a mapping"),
    ("- id: t\n  name: {th: ก, en: A}\n  aliases: [x]\n", 3, "aliases must be a mapping"),
    ("- id: t\n  name: {th: ก, en: A}\n  country: XX\n", 3, "t: unknown country code 'XX'"),
    ("- id: t\n  name: {th: ก}\n", 2, "t: name needs both th and en"),
])
def test_messages_point_at_the_faulty_field(tmp_path, text, line, start):
    message = error_of(write(tmp_path, topics=text))
    assert message.startswith(f"topics.yaml:{line}: {start}"), message


def test_reference_errors_point_at_the_field(tmp_path):
    folder = write(tmp_path, people="""\
        - id: p
          name: {th: ก, en: P}
          role: {th: ร, en: R}
          organisation: nowhere
        """)
    assert error_of(folder).startswith("people.yaml:4: p: unknown organisation 'nowhere'")
