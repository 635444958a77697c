"""The five seed releases are tagged as a careful analyst would tag them.

The tag lists hold what a release is about; ``mentions`` what it names in passing. ``named``
checks that nothing found is lost, the tag lists that the subject is right.
"""

from __future__ import annotations

from briefing.model import MeetingRef


def meetings(release) -> dict[str, str]:
    return {m.id: m.status for m in release.meetings}


def named(release, kind: str) -> set[str]:
    """What the release names of a kind: about it, or in passing."""
    core = {m.id for m in release.meetings} if kind == "meetings" else set(getattr(release, kind))
    return core | set(release.mentions.get(kind, ()))


def test_seed_000_wg_as_1_and_retreat_in_phnom_penh(seeds):
    r = seeds["000"]
    assert {"KH", "TH"} <= set(r.countries)
    assert meetings(r) == {"wg-as/1": "held", "adgsom-atrc/2024-1": "held"}
    assert all(m.known for m in r.meetings)
    assert r.people == ("wisit-wisitsora-at",)  # chairs; the Cambodian signatory is named
    assert named(r, "people") == {"chenda-thong", "wisit-wisitsora-at"}
    assert "mdes" in r.organisations
    assert {"mdes", "trc", "nbtc", "ncsa", "aoc-1441"} <= named(r, "organisations")
    assert {"online-scams", "call-centre-gangs", "bilateral-cooperation"} <= set(r.topics)
    assert "mule-accounts" in named(r, "topics")
    assert r.places == ("Phnom Penh",)


def test_seed_001_wg_as_5_in_jakarta(seeds):
    r = seeds["001"]
    assert meetings(r) == {"wg-as/5": "held"}
    assert {"ID", "TH"} <= set(r.countries)  # hosted in Jakarta
    assert "US" in named(r, "countries")
    assert {"meta", "google", "gasa", "industry-traceback-group", "asean-secretariat"} <= named(
        r, "organisations"
    )
    assert "un-cybercrime-convention" in named(r, "topics")
    assert r.places[0] == "Jakarta"


def test_seed_002_adgmin_4_held_and_wg_as_1_announced(seeds):
    r = seeds["002"]
    assert meetings(r) == {"adgmin/4": "held", "wg-as/1": "announced"}
    assert {"KH", "SG", "TH"} <= set(r.countries)
    assert set(r.people) == {"prasert-jantararuangtong"}  # the minister leads the delegation
    assert {"prasert-jantararuangtong", "wisit-wisitsora-at"} == named(r, "people")
    assert {"mdes", "trc", "kh-mptc"} <= named(r, "organisations")


def test_seed_003_ic_gpos_2025_with_figures(seeds):
    r = seeds["003"]
    assert r.meetings == (MeetingRef("ic-gpos", "2025", "held", known=True),)
    assert set(r.people) == {"sihasak-phuangketkeow"}  # opens and chairs the conference
    assert {"sihasak-phuangketkeow", "liu-zhongyi"} == named(r, "people")
    assert {"mfa", "unodc"} <= set(r.organisations)
    assert "TH" in r.countries
    # the seven ministerial delegations are a list: named, not what the release is about
    assert {"TH", "CN", "MM", "ID", "VN", "IN", "RW"} <= named(r, "countries")
    figures = {}
    for f in r.figures:
        figures.setdefault(f.unit, f)  # the first figure of each unit
    assert (figures["participants"].value, figures["participants"].en) == (338, "338 participants")
    assert figures["countries"].value == 58
    assert figures["countries"].en == "participants from 58 countries"
    assert figures["USD"].value == 300_000_000 and "US$300 million" in figures["USD"].en
    assert figures["repatriated"].en == "more than 10,000 people repatriated"


def test_seed_004_retreat_2023_2_held_and_two_announced(seeds):
    r = seeds["004"]
    assert meetings(r) == {"adgsom-atrc/2023-2": "held", "adgmin/4": "announced"}
    assert "wg-as/1" in r.mentions["meetings"]  # the working group it proposes, in passing
    assert {"ID", "TH"} <= set(r.countries)
    assert {"ID", "SG", "LA", "KH", "TH"} <= named(r, "countries")
    assert r.places == ("Bali",)


def test_tag_fields_are_sorted_and_glossary_ordered(seeds):
    for r in seeds.values():
        for field in ("countries", "topics", "organisations", "people"):
            assert list(getattr(r, field)) == sorted(getattr(r, field)), field
        thai = [th for th, _ in r.glossary]
        assert len(thai) == len(set(thai))
        assert not r.warnings
    first = seeds["000"].glossary[0]
    assert first == ("ดีอี", "Ministry of Digital Economy and Society (MDES)")


def test_glossary_labels_topics_as_topics(seeds):
    """A topic alias is not a translation: its row says which topic it tagged; names stay."""
    rows = dict(seeds["003"].glossary)
    assert rows["ยึดทรัพย์สิน"] == "topic: Money laundering and asset seizure"
    assert rows["กัมพูชา"] == "Cambodia" and rows["นายสีหศักดิ์ พวงเกตุแก้ว"] == "Sihasak Phuangketkeow"
    assert dict(seeds["002"].glossary)["หารือทวิภาคี"] == "topic: Bilateral cooperation and MOUs"
    assert rows["แถลงการณ์ร่วม"] == "joint statement"  # glossary.yaml terms are translations
