"""Enrich each release with what the theme reads: its terms (about and mentioned), meeting
references, the other language, related releases, series neighbours and the source link.

Pure functions over the :class:`briefing.site.index.SiteIndex` and Pelican ``Article`` objects;
the ``briefing_taxonomy`` plugin calls :func:`enrich` once the articles are read.
"""

from __future__ import annotations

from briefing.contract import KINDS, is_official_source, source_host, split_meeting
from briefing.sanitise import web_url_or_empty
from briefing.site.index import SiteIndex, meeting_statuses, tag_ids
from briefing.taxonomy import Session, Term

RELATED_LIMIT = 5
RELATED_CANDIDATES = 200  # releases scored per release, taken from its rarest tags first
TAG_WEIGHT = {"countries": 1, "meetings": 3, "topics": 2, "organisations": 2, "people": 2}


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


def mention_terms(article, terms: dict[str, dict[str, Term]]) -> dict[str, list[Term]]:
    """``{kind: [Term]}`` of the terms the release names in passing (front matter ``mentions``),
    without those it is about."""
    mentions = article.metadata.get("mentions")
    if not isinstance(mentions, dict):
        return {}
    about = article_terms(article, terms)
    found = {}
    for kind in KINDS:
        ids = (split_meeting(r)[0] if kind == "meetings" else str(r)
               for r in mentions.get(kind) or ())
        found[kind] = [terms[kind][t] for t in dict.fromkeys(ids)
                       if t in terms[kind] and terms[kind][t] not in about[kind]]
    return found if any(found.values()) else {}


def meeting_refs(article, terms: dict[str, dict[str, Term]]) -> list[tuple]:
    """``[(series Term, Session or None, status)]`` (session None: a bare series)."""
    statuses = meeting_statuses(article)
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
    """``source_href`` (the ``source_url`` if it is an http(s) address, else ``""``: the theme
    links nothing else), ``source_host`` and ``source_official``: the theme labels the link "on
    thaigov.go.th" only when the contract's rule (``briefing.contract``) says so."""
    url = article.source_href = web_url_or_empty(article.metadata.get("source_url"))
    article.source_host = source_host(url)
    article.source_official = is_official_source(url)  # False for "" (no host)


def enrich_alone(article, terms: dict[str, dict[str, Term]]) -> None:
    """The attributes the theme reads, for an article outside the index (a draft)."""
    source_link(article)
    article.terms = article_terms(article, terms)
    article.mention_terms = mention_terms(article, terms)
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
            article.mention_terms = mention_terms(article, index.terms)
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
