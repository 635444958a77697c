"""Pelican settings for publishing (``invoke publish``, the Pages workflow): pelicanconf.py plus
an absolute ``SITEURL``, which may be a sub-path such as ``https://ORG.github.io/REPO``.

Environment: ``SITEURL`` (the published URL, required: without it the build is refused; the
Pages workflow passes the base URL that ``actions/configure-pages`` reports),
``REPOSITORY_URL`` / ``REPOSITORY_BRANCH`` (GitHub links for "Suggest an edit" / "Add a note";
on GitHub Actions they default to the repository being built).
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from pelicanconf import *  # noqa: E402,F403

SITEURL = (os.environ.get("SITEURL") or "").strip().rstrip("/")
if not SITEURL.startswith(("https://", "http://")):
    # a production build for a made-up address would publish a site whose every link is broken
    raise SystemExit(
        "publishconf.py: SITEURL is not set to the site's absolute address (e.g. "
        "SITEURL=https://ORG.github.io/REPO, or invoke publish --siteurl …); nothing was built")
RELATIVE_URLS = False
FEED_DOMAIN = SITEURL
LOCAL_SITE_ORIGIN = SITEURL  # feeds, sitemap and cite-this use the published URL
DELETE_OUTPUT_DIRECTORY = True
LOAD_CONTENT_CACHE = False  # a production build reads every file afresh
OUTPUT_RETENTION = [".nojekyll", "CNAME"]

_github = os.environ.get("GITHUB_SERVER_URL"), os.environ.get("GITHUB_REPOSITORY")
REPOSITORY_URL = os.environ.get("REPOSITORY_URL") or (
    "/".join(_github) if all(_github) else REPOSITORY_URL  # noqa: F405
)
REPOSITORY_BRANCH = os.environ.get("REPOSITORY_BRANCH") or REPOSITORY_BRANCH  # noqa: F405
