"""Cut long release bodies into parts and write the pages of parts 2…n.

On ``article_generator_finalized`` every release whose rendered body is over
``RELEASE_PART_BYTES`` gets ``article.body_parts`` (:func:`briefing.site.parts.split_parts`) and
keeps only the first part as its content, so the release's own page stays light; the generator
writes ``/{lang}/releases/{slug}/page/{n}/`` with the article template for the other parts. The
theme's ``partials/parts.html`` links every part from each of them.
"""

from __future__ import annotations

from briefing.site.generator import SiteGenerator
from briefing.site.parts import part_url, split_parts
from briefing.site.settings import setting

ARTICLE_LISTS = ("articles", "translations")


def split_long_releases(generator) -> None:
    """``article_generator_finalized``: give long releases their parts."""
    limit = setting(generator.settings, "RELEASE_PART_BYTES")
    for name in ARTICLE_LISTS:
        for article in getattr(generator, name, None) or []:
            parts = split_parts(article._content or "", limit)
            article.body_parts = parts if len(parts) > 1 else []
            article.part_urls = [part_url(article.url, n) for n in range(1, len(parts) + 1)] \
                if len(parts) > 1 else []
            if article.body_parts:
                article._content = parts[0]


class ReleasePartsGenerator(SiteGenerator):
    """Writes parts 2…n of every release that has parts."""

    def generate_output(self, writer):
        index = self.index
        for slug in index.order:
            for lang, article in sorted(index.groups[slug].items()):
                for number, html in enumerate(getattr(article, "body_parts", [])[1:], start=2):
                    url = article.part_urls[number - 1]
                    self.write_page(writer, url, "article", lang, {lang: url}, article=article,
                                    part_number=number, part_html=html)


def get_generators(pelican):
    return ReleasePartsGenerator
