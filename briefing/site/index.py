"""The site index: releases grouped by slug, checked against the taxonomy, linked to terms.

Pure functions over Pelican ``Article`` objects (anything with ``metadata``, ``lang``, ``slug``,
``date``, ``url`` and ``source_path``): :func:`check_articles` lists unknown tag ids,
:func:`build_index` aggregates; :mod:`briefing.site.enrich` sets the attributes the theme reads.
"""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from briefing.contract import KINDS, LANGS, MEETING_STATUSES
from briefing.contract import split_meeting as split_meeting
from briefing.taxonomy import Session, Taxonomy, Term

STATUS_ORDER = MEETING_STATUSES


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
        for where_in, _, term_id in taxonomy.unknown_tags(article.metadata):
            kind = where_in.removeprefix("mentions.")
            where = shown_path(os.path.join(taxonomy_dir, f"{kind}.yaml"))
            problems.append(
                f"{shown_path(article.source_path)}: unknown {where_in} id {term_id!r}"
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
    #: (kind, id) -> slugs of releases that only mention the term (front matter ``mentions``)
    mentioned_in: dict[tuple[str, str], list[str]] = field(default_factory=dict)
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

    def mention_releases(self, term: Term, lang: str) -> list:
        """Releases that name the term only in passing, newest first (not counted as about)."""
        return self.releases(lang, self.mentioned_in.get((term.kind, term.id), []))

    def count(self, term: Term) -> int:
        return len(self.by_term.get((term.kind, term.id), []))

    def mention_count(self, term: Term) -> int:
        return len(self.mentioned_in.get((term.kind, term.id), []))

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

    def shown(self, term: Term) -> bool:
        """Does the site give the term a page? Every curated term (stable addresses); a country
        known only from CLDR when some release is about it or mentions it."""
        return not term.extra.get("cldr") or bool(self.count(term) or self.mention_count(term))

    def count_by_kind(self, kind: str) -> list[tuple[Term, int]]:
        """Shown terms of a kind with their release counts, most releases first, then by id."""
        terms = sorted((t for t in self.terms[kind].values() if self.shown(t)), key=lambda t: t.id)
        return sorted(((t, self.count(t)) for t in terms), key=lambda tc: -tc[1])


def meeting_statuses(article) -> dict[str, str]:
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
                    status = meeting_statuses(lead).get(ref, "mentioned")
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
    index.mentioned_in = mention_index(index)
    index.rank = {slug: at for at, slug in enumerate(index.order)}
    index.series_at = {term_id: {slug: at for at, slug in enumerate(slugs)}
                       for (kind, term_id), slugs in index.by_term.items() if kind == "meetings"}
    return index


def mention_index(index: SiteIndex) -> dict[tuple[str, str], list[str]]:
    """(kind, id) → slugs, newest first, of the releases whose ``mentions`` name the term and
    that are not about it."""
    found: dict[tuple[str, str], list[str]] = defaultdict(list)
    for slug in index.order:
        mentions = index.article(slug, "th").metadata.get("mentions") or {}
        about = index.tags[slug]
        for kind in KINDS:
            for ref in mentions.get(kind) or () if isinstance(mentions, dict) else ():
                key = (kind, split_meeting(ref)[0] if kind == "meetings" else str(ref))
                if key not in about and slug not in found[key][-1:]:
                    found[key].append(slug)
    return dict(found)


def _tag_keys(article) -> set[tuple[str, str]]:
    keys = set()
    for kind in KINDS:
        for ref in tag_ids(article, kind):
            keys.add((kind, split_meeting(ref)[0] if kind == "meetings" else ref))
    return keys


__all__ = ["LANGS", "SiteIndex", "build_index", "check_articles", "tag_ids"]
