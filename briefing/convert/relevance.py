"""Is a release on the site's subject? A score from the taxonomy's topic aliases, with its reason.

The score is how many times the headline and body name one of the taxonomy's topics (any alias
of any term in ``topics.yaml``: ``มิจฉาชีพ``, ``แก๊งคอลเซ็นเตอร์``, ``online scam``…). A release
naming them fewer than :data:`ON_TOPIC_MIN` times is reported "off-topic?" by the converter, so
an editor adding a batch sees it before it lands; the reason lists the words and how often.
The matcher is the tagger's (one scan: ``Matcher.find`` remembers the text it just tagged).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

#: Topic words a release must name at least this often to count as on the subject. Measured on
#: the corpus: every release of ../shared/corpus/ontopic scores 2 or more.
ON_TOPIC_MIN = 2
#: How many of the most frequent words the reason shows.
REASON_WORDS = 4


@dataclass(frozen=True)
class Relevance:
    """A release's topic score and the words it came from, most frequent first."""

    score: int
    words: tuple[tuple[str, int], ...] = ()

    @property
    def on_topic(self) -> bool:
        return self.score >= ON_TOPIC_MIN

    def reason(self) -> str:
        """``score 7: มิจฉาชีพ ×4, scam ×3`` (or ``score 0: no topic word``)."""
        if not self.words:
            return f"score {self.score}: no topic word"
        shown = ", ".join(f"{w} ×{n}" for w, n in self.words[:REASON_WORDS])
        more = len(self.words) - REASON_WORDS
        return f"score {self.score}: {shown}" + (f" (+{more} more)" if more > 0 else "")

    def label(self) -> str:
        return ("on topic" if self.on_topic else "off-topic?") + f" ({self.reason()})"


def relevance(text: str, matcher) -> Relevance:
    """The topic score of ``text`` (a release's headline and body)."""
    counts = Counter(" ".join(h.text.split()) for h in matcher.find(text) if h.kind == "topics")
    words = tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return Relevance(sum(counts.values()), words)
