"""Pelican settings for the Briefing site (local preview; publishconf.py builds on these).

Releases are read from content/releases/{th,en}/ with YAML front matter; the Thai and English
files of a release share a slug and are linked as translations. Every other page (homes, term
pages, timeline, feeds, open data, sitemap) is written by the plugins in plugins/. Pelican's own
category/tag/author/archive pages are switched off.
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent

SITENAME = "Briefing"
SITEURL = ""  # root-relative links locally; publishconf.py sets the published URL
LOCAL_SITE_ORIGIN = "http://localhost:8000"  # absolute links in feeds/sitemap when SITEURL = ""
RELATIVE_URLS = False
AUTHOR = "Briefing editors"
TIMEZONE = "Asia/Bangkok"
DEFAULT_LANG = "th"
DEFAULT_DATE_FORMAT = "%Y-%m-%d"
REPOSITORY_URL = ""  # e.g. https://github.com/ORG/REPO: "Suggest an edit"/"Add a note" links
REPOSITORY_BRANCH = "main"

PATH = "content"
ARTICLE_PATHS = ["releases"]
PAGE_PATHS = []
STATIC_PATHS = []
ARTICLE_EXCLUDES = ["sources", "taxonomy", "notes"]
USE_FOLDER_AS_CATEGORY = False
# Content is Markdown only: no reStructuredText reader (docutils has no Thai localisation and
# would warn on every build).
READERS = {"rst": None}
# The taxonomy is read from <PATH>/taxonomy (set BRIEFING_TAXONOMY_PATH to use another folder).

THEME = str(ROOT / "theme")
# Autoescape: titles, summaries and taxonomy text are plain text and may hold "<" (a release
# titled "<script>…" must show as text). HTML that is meant as HTML is marked |safe in the theme
# (the rendered article body and editor notes, both sanitised by briefing.sanitise).
# auto_reload off: templates do not change during a build, and Jinja would otherwise stat every
# template file again on each {% include %} of each of thousands of pages.
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "extensions": [],
                     "autoescape": True, "auto_reload": False}
PLUGIN_PATHS = [str(ROOT / "plugins")]
PLUGINS = [
    "front_matter",
    "safe_html",  # every release body and summary through briefing.sanitise (nh3 allowlist)
    "theme_i18n",
    "briefing_taxonomy",
    "notes",
    "term_pages",
    "timeline",
    "site_pages",
    "release_parts",  # long releases (cabinet digests) in pages of parts
    "open_data",
    "sitemap_hreflang",
    "unchanged_writer",  # a rebuilt page identical to the one on disk is not rewritten
]
if (ROOT / "plugins" / "search" / "__init__.py").exists():
    PLUGINS.append("search")

# Releases: /{lang}/releases/{slug}/ in both languages.
ARTICLE_URL = ARTICLE_LANG_URL = "{lang}/releases/{slug}/"
ARTICLE_SAVE_AS = ARTICLE_LANG_SAVE_AS = "{lang}/releases/{slug}/index.html"
DRAFT_URL = DRAFT_LANG_URL = "drafts/{lang}/{slug}/"
DRAFT_SAVE_AS = DRAFT_LANG_SAVE_AS = "drafts/{lang}/{slug}/index.html"

# Pages Pelican would write that this site does not use. Categories: the theme never reads
# article.category, so an empty CATEGORY_SAVE_AS is safe despite pelican#3596.
DIRECT_TEMPLATES = []
CATEGORY_SAVE_AS = TAG_SAVE_AS = AUTHOR_SAVE_AS = ""
CATEGORIES_SAVE_AS = TAGS_SAVE_AS = AUTHORS_SAVE_AS = ARCHIVES_SAVE_AS = ""
PAGE_SAVE_AS = PAGE_LANG_SAVE_AS = ""
YEAR_ARCHIVE_SAVE_AS = MONTH_ARCHIVE_SAVE_AS = DAY_ARCHIVE_SAVE_AS = ""

# Feeds are written by the plugins (per language and per term, Atom).
FEED_ALL_ATOM = FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = CATEGORY_FEED_RSS = None
TAG_FEED_ATOM = TAG_FEED_RSS = None
AUTHOR_FEED_ATOM = AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = TRANSLATION_FEED_RSS = None
FEED_MAX_ITEMS = 20  # language feeds (entries are summaries: see site_pages.summary_only)
TERM_FEED_MAX_ITEMS = 20  # per-term feeds (newest releases of that country, meeting, …)

# Long lists are paged: term and session pages (countries, meetings, topics, organisations,
# people) show TERM_PAGE_SIZE releases a page, the timeline TIMELINE_PAGE_SIZE entries a page
# within each year (0 or None: one page). Page 1 keeps the list's URL; page n is …/page/{n}/.
TERM_PAGE_SIZE = 50
TIMELINE_PAGE_SIZE = 100
PAGINATION_PATTERNS = [
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
]

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.attr_list": {},
        "markdown.extensions.sane_lists": {},
    },
    "output_format": "html5",
}

# Re-read only changed releases on rebuilds (the "reader" layer keeps plugin signals working).
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CONTENT_CACHING_LAYER = "reader"
CHECK_MODIFIED_METHOD = "mtime"
CACHE_PATH = str(ROOT / ".pelican-cache")
GZIP_CACHE = False  # compressing the cache cost more than reading the releases
DELETE_OUTPUT_DIRECTORY = False
