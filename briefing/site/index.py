"""The site index: releases grouped by slug, checked against the taxonomy, linked to terms.

Pure functions over Pelican ``Article`` objects (anything with ``metadata``, ``lang``, ``slug``,
``date``, ``url`` and ``source_path``): :func:`check_articles` lists unknown tag ids,
:func:`build_index` aggregates, :func:`enrich` sets the attributes the theme reads.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from briefing.contract import KINDS, LANGS, MEETING_STATUSES, is_official_source, source_host
from briefing.contract import split_meeting as split_meeting
from briefing.taxonomy import Session, Taxonomy, Term

STATUS_ORDER = MEETING_STATUSES
RELATED_LIMIT = 5
RELATED_CANDIDATES = 200  # releases scored per release, taken from its rarest tags first
TAG_WEIGHT = {"countries": 1, "meetings": 3, "topics": 2, "organisations": 2, "people": 2}


class UnknownTermError(ValueError):
    """A release names a tag id the taxonomy does not define (the message lists every case)."""


def tag_ids(article, kind: str) -> list[str]:
    """The ids of one kind in an article's front matter (meetings as ``series/session``)."""
    value = article.metadata.get(kind) or []
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in value]


def shown_path(path: str) -> str:
    """``path`` relative to the working directory when it is inside it (as editors see it)."""
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def check_articles(articles, taxonomy: Taxonomy, taxonomy_dir: str = "") -> list:
    """One readable line per unknown id (the taxonomy's one rule, as ``invoke check`` applies
    it): release file, kind, id, the taxonomy file to fix."""
    problems = []
    for article in articles:
        for kind, _, term_id in taxonomy.unknown_tags(article.metadata):
            where = shown_path(os.path.join(taxonomy_dir, f"{kind}.yaml"))
            problems.append(
                f"{shown_path(article.source_path)}: unknown {kind} id {term_id!r}"
                f" (define it in {where} or fix the front matter)"
            )
    return problems


def _sort_key(article):
    return (article.date, article.slug)


@dataclass
class SiteIndex:
    """Everything the page generators need, computed once after the articles are read."""

    terms: dict[str, dict[str, Term]]
    groups: dict[str, dict[str, object]] = field(default_factory=dict)  # slug -> {lang: article}
    order: list[str] = field(default_factory=list)  # slugs, newest first
    by_term: dict[tuple[str, str], list[str]] = field(default_factory=dict)
    by_session: dict[tuple[str, str], list[tuple[str, str]]] = field(default_factory=dict)
    #: series id -> [(slug, status)] of releases naming the series but no session (bare ``wg-as``)
    series_only: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    cooccur: dict[tuple[str, str], Counter] = field(default_factory=dict)
    tags: dict[str, set] = field(default_factory=dict)  # slug -> {(kind, id)}
    rank: dict[str, int] = field(default_factory=dict)  # slug -> position in ``order``
    #: series id -> {slug: position in ``by_term[("meetings", id)]``} (newest first)
    series_at: dict[str, dict[str, int]] = field(default_factory=dict)

    def article(self, slug: str, lang: str):
        """The release in ``lang``, or in the other language when it has no translation."""
        group = self.groups[slug]
        return group.get(lang) or next(iter(group.values()))

    def releases(self, lang: str, slugs=None) -> list:
        return [self.article(s, lang) for s in (self.order if slugs is None else slugs)]

    def term_releases(self, term: Term, lang: str) -> list:
        return self.releases(lang, self.by_term.get((term.kind, term.id), []))

    def count(self, term: Term) -> int:
        return len(self.by_term.get((term.kind, term.id), []))

    def related_terms(self, term: Term, kinds=("countries", "topics"), limit: int = 8):
        """Terms that appear on the same releases, most shared first: ``[(Term, count)]``."""
        counts = self.cooccur.get((term.kind, term.id), Counter())
        me = (term.kind, term.id)
        ranked = sorted(((k, i), n) for (k, i), n in counts.items() if k in kinds and (k, i) != me)
        ranked.sort(key=lambda item: -item[1])
        return [(self.terms[k][i], n) for (k, i), n in ranked[:limit]]

    def sessions(self, series: Term) -> list[Session]:
        """Taxonomy sessions plus sessions only named by releases, in date/id order."""
        known = {s.id: s for s in series.sessions}
        for (ser, ses) in self.by_session:
            if ser == series.id and ses and ses not in known:
                known[ses] = Session(series=ser, id=ses, known=False)
        return sorted(known.values(), key=Session.sort_key)

    def session_releases(self, session: Session, lang: str) -> list[tuple[object, str]]:
        pairs = self.by_session.get((session.series, session.id), [])
        return [(self.article(slug, lang), status) for slug, status in pairs]

    def series_only_releases(self, series: Term, lang: str) -> list[tuple[object, str]]:
        """``[(article, status)]`` of releases tagged with the bare series, newest first."""
        pairs = self.series_only.get(series.id, [])
        return [(self.article(slug, lang), status) for slug, status in pairs]

    def session_status(self, session: Session) -> str:
        """``held`` if any release reports it held, else ``announced``/``mentioned``, else ''."""
        statuses = {status for _, status in self.by_session.get((session.series, session.id), [])}
        return next((s for s in STATUS_ORDER if s in statuses), "")

    def count_by_kind(self, kind: str) -> list[tuple[Term, int]]:
        """Terms of a kind with their release counts, most releases first, then by id."""
        terms = sorted(self.terms[kind].values(), key=lambda t: t.id)
        return sorted(((t, self.count(t)) for t in terms), key=lambda tc: -tc[1])


def _meeting_statuses(article) -> dict[str, str]:
    value = article.metadata.get("meeting_status") or {}
    return {str(k): str(v) for k, v in value.items()} if isinstance(value, dict) else {}


def build_index(articles, terms: dict[str, dict[str, Term]]) -> SiteIndex:
    """Group releases by slug (newest first) and index them by term, session and co-occurrence.

    A bare series ref (``wg-as``) counts for the series term and goes to ``series_only``.
    """
    index = SiteIndex(terms=terms)
    for article in sorted(articles, key=_sort_key, reverse=True):
        if article.slug not in index.groups:  # a dict lookup: ``in index.order`` was O(n²)
            index.order.append(article.slug)
        index.groups.setdefault(article.slug, {})[article.lang] = article
    by_term, by_session, cooccur = defaultdict(list), defaultdict(list), defaultdict(Counter)
    series_only, series_only_seen = defaultdict(list), defaultdict(set)
    for slug in index.order:
        lead = index.article(slug, "th")
        keys = []
        for kind in KINDS:
            for ref in tag_ids(lead, kind):
                term_id = ref
                if kind == "meetings":
                    term_id, session = split_meeting(ref)
                    status = _meeting_statuses(lead).get(ref, "mentioned")
                    if session:
                        by_session[(term_id, session)].append((slug, status))
                    elif slug not in series_only_seen[term_id]:  # a set: no scan per ref
                        series_only_seen[term_id].add(slug)
                        series_only[term_id].append((slug, status))
                if (kind, term_id) not in keys:
                    keys.append((kind, term_id))
        for key in keys:
            by_term[key].append(slug)
            cooccur[key].update(k for k in keys if k != key)
    index.by_term, index.by_session, index.cooccur = dict(by_term), dict(by_session), dict(cooccur)
    index.series_only = dict(series_only)
    index.tags = {slug: _tag_keys(index.article(slug, "th")) for slug in index.order}
    index.rank = {slug: at for at, slug in enumerate(index.order)}
    index.series_at = {term_id: {slug: at for at, slug in enumerate(slugs)}
                       for (kind, term_id), slugs in index.by_term.items() if kind == "meetings"}
    return index


def _tag_keys(article) -> set[tuple[str, str]]:
    keys = set()
    for kind in KINDS:
        for ref in tag_ids(article, kind):
            keys.add((kind, split_meeting(ref)[0] if kind == "meetings" else ref))
    return keys


def related_slugs(index: SiteIndex, slug: str, limit: int = RELATED_LIMIT,
                  candidates_wanted: int = RELATED_CANDIDATES) -> list[str]:
    """Other releases sharing the most (weighted) tags, then newest first.

    Candidates come from the release's rarest tags first (until ``candidates_wanted`` are
    found), so a site of thousands of releases is not scored all against all.
    """
    mine = index.tags[slug]
    candidates: set[str] = set()
    for key in sorted(mine, key=lambda k: (len(index.by_term.get(k, ())), k)):
        for other in index.by_term.get(key, ()):  # newest first: a common tag adds its newest
            candidates.add(other)
            if len(candidates) > candidates_wanted:
                break
        if len(candidates) > candidates_wanted:
            break
    candidates.discard(slug)
    scored = []
    for other in candidates:
        score = sum(TAG_WEIGHT[kind] for kind, _ in mine & index.tags[other])
        if score:
            scored.append((-score, index.rank[other], other))
    return [other for _, _, other in sorted(scored)[:limit]]


def series_neighbours(index: SiteIndex, slug: str, series: str) -> tuple[str | None, str | None]:
    """(previous, next) release slugs in a meeting series, by date (a look-up, not a scan: the
    cabinet series alone has thousands of releases)."""
    slugs = index.by_term.get(("meetings", series), [])  # newest first
    at = index.series_at.get(series, {}).get(slug)
    if at is None:
        return None, None
    before = slugs[at + 1] if at + 1 < len(slugs) else None
    after = slugs[at - 1] if at else None
    before = None if before == slug else before
    after = None if after in (slug, before) else after  # never the same release twice
    return before, after


def article_terms(article, terms: dict[str, dict[str, Term]]) -> dict[str, list[Term]]:
    """``{kind: [Term]}`` for an article's tags (meeting series once each)."""
    found = {}
    for kind in KINDS:
        ids = (split_meeting(r)[0] if kind == "meetings" else r for r in tag_ids(article, kind))
        found[kind] = [terms[kind][t] for t in dict.fromkeys(ids)]
    return found


def meeting_refs(article, terms: dict[str, dict[str, Term]]) -> list[tuple]:
    """``[(series Term, Session or None, status)]`` (session None: a bare series)."""
    statuses = _meeting_statuses(article)
    refs = []
    for ref in tag_ids(article, "meetings"):
        series_id, session_id = split_meeting(ref)
        series = terms["meetings"][series_id]
        session = series.session(session_id) or Session(series_id, session_id, known=False)
        refs.append((series, session if session_id else None, statuses.get(ref, "")))
    return refs


def settle_urls(articles) -> None:
    """Fix each article's ``url`` once it is read, with Pelican's own ``override_url``.

    Pelican works ``article.url`` out again on every use (settings → metadata → relative source
    path), and every page that lists a release asks for it: on a site of thousands of releases
    that was a fifth of a rebuild. Nothing read after this point changes a URL."""
    for article in articles:
        if not getattr(article, "override_url", None):
            article.override_url = article.url


def source_link(article) -> None:
    """``source_host`` and ``source_official`` of the release's ``source_url``: the theme labels
    the link "on thaigov.go.th" only when the contract's rule (``briefing.contract``) says so."""
    url = article.metadata.get("source_url") or ""
    article.source_host = source_host(url)
    article.source_official = is_official_source(url)  # False for "" (no host)


def enrich_alone(article, terms: dict[str, dict[str, Term]]) -> None:
    """The attributes the theme reads, for an article outside the index (a draft)."""
    source_link(article)
    article.terms = article_terms(article, terms)
    article.meeting_refs = meeting_refs(article, terms)
    article.alternate = None
    article.alternates = {}
    article.related = []
    article.series_nav = []


def enrich(index: SiteIndex) -> None:
    """Set ``terms``, ``meeting_refs``, ``alternate(s)``, ``related``, ``series_nav`` and the
    source link's ``source_host`` / ``source_official``."""
    for slug in index.order:
        related = related_slugs(index, slug)  # once per release, not per language
        for lang, article in index.groups[slug].items():
            source_link(article)
            article.terms = article_terms(article, index.terms)
            article.meeting_refs = meeting_refs(article, index.terms)
            other = [a for code, a in index.groups[slug].items() if code != lang]
            article.alternate = other[0] if other else None
            article.alternates = {a.lang: a.url for a in index.groups[slug].values()}
            article.related = [index.article(s, lang) for s in related]
            nav = []
            for series in article.terms["meetings"]:
                before, after = series_neighbours(index, slug, series.id)
                nav.append((
                    series,
                    index.article(before, lang) if before else None,
                    index.article(after, lang) if after else None,
                ))
            article.series_nav = nav


__all__ = [
    "LANGS", "SiteIndex", "UnknownTermError", "build_index", "check_articles", "enrich",
    "enrich_alone", "settle_urls",
]
