"""The topic score: which taxonomy topic words a release names, how often, and the verdict."""

from __future__ import annotations

from briefing.convert.relevance import ON_TOPIC_MIN, Relevance, relevance


def test_scam_release_is_on_topic_with_its_words(matcher):
    text = ("ดีอี ร่วมมือปราบแก๊งคอลเซ็นเตอร์ และบัญชีม้า\n"
            "กระทรวงดีอีเร่งปราบแก๊งคอลเซ็นเตอร์ที่หลอกลวงประชาชน ปิดบัญชีม้ากว่าหมื่นบัญชี")
    found = relevance(text, matcher)
    words = dict(found.words)
    assert found.on_topic and found.score >= ON_TOPIC_MIN
    assert words.get("แก๊งคอลเซ็นเตอร์") == 2
    assert found.label().startswith("on topic (score ")
    assert "แก๊งคอลเซ็นเตอร์ ×2" in found.reason()


def test_farm_fair_is_off_topic():
    class NoTopics:
        def find(self, text):
            return []

    found = relevance("นายกรัฐมนตรีเปิดงานเกษตรแฟร์", NoTopics())
    assert found == Relevance(0, ()) and not found.on_topic
    assert found.label() == "off-topic? (score 0: no topic word)"


def test_reason_shows_the_most_frequent_words_first_and_counts_the_rest():
    found = Relevance(9, (("a", 4), ("b", 2), ("c", 1), ("d", 1), ("e", 1)))
    assert found.reason() == "score 9: a ×4, b ×2, c ×1, d ×1 (+1 more)"
