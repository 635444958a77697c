"""Every fifth real on-topic release is tagged and rendered sensibly (skipped without corpus)."""

from __future__ import annotations

import re

import pytest
from tagging_support import CORPUS, prepare

from briefing.convert.english import render_english

ONTOPIC = CORPUS / "ontopic"
THAI = re.compile(r"[\u0e00-\u0e7f]")

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not ONTOPIC.is_dir(), reason=f"corpus not found at {ONTOPIC}"),
]


@pytest.fixture(scope="module")
def tagged(matcher):
    files = sorted(ONTOPIC.glob("*.txt"))[::5]
    return [(path.name, prepare(path, matcher)) for path in files]


def test_every_release_is_findable_by_topic_and_country(tagged):
    assert len(tagged) > 60
    for name, release in tagged:  # about a topic, or naming one in passing ("Also mentioned")
        assert release.topics or release.mentions.get("topics"), name
        assert release.countries, name


def test_meetings_and_people_are_found_across_the_corpus(tagged):
    with_meetings = [r for _, r in tagged if r.meetings]
    assert len(with_meetings) >= 6
    assert sum(1 for _, r in tagged if r.people) >= len(tagged) // 3
    statuses = {m.status for r in with_meetings for m in r.meetings}
    assert statuses == {"held", "announced", "mentioned"}


def test_english_pages_keep_thai_in_the_glossary(tagged, matcher):
    for name, release in tagged[::4]:
        english = render_english(release, matcher)
        assert not THAI.search(english.title + english.summary), name
        body = english.body.split("## Glossary")[0]
        assert not THAI.search(body), name
