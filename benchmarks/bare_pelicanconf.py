"""Anchor settings for the site-build benchmark: bare Pelican, its built-in ``simple`` theme.

Same Markdown (releases in both languages, YAML front matter through the same reader plugin), no
Briefing plugins: one page per release plus Pelican's default index, and translations linked by
slug. The benchmark then runs Pagefind (the binary the project installs) over the output.
"""

SITENAME = "Briefing (bare anchor)"
SITEURL = ""
TIMEZONE = "Asia/Bangkok"
DEFAULT_LANG = "th"
PATH = "content"
ARTICLE_PATHS = ["releases"]
PAGE_PATHS = []
STATIC_PATHS = []
ARTICLE_EXCLUDES = ["sources", "taxonomy", "notes"]
THEME = "simple"
PLUGINS = ["pelican.plugins.yaml_metadata"]
ARTICLE_URL = ARTICLE_LANG_URL = "{lang}/releases/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_LANG_SAVE_AS = "{lang}/releases/{slug}/index.html"
FEED_ALL_ATOM = "feeds/all.atom.xml"
TRANSLATION_FEED_ATOM = "feeds/all-{lang}.atom.xml"
CACHE_CONTENT = False
DELETE_OUTPUT_DIRECTORY = False
