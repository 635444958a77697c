"""safe_html: every release body and summary through the one sanitiser (briefing.sanitise)."""

from pelican import signals

from briefing.site.safe_html import sanitise_content


def register():
    signals.content_object_init.connect(sanitise_content)
