"""theme_i18n: Babel gettext catalogues chosen by the page's language; bilingual date filters."""

from pelican import signals

from .theme_i18n import install


def register():
    signals.generator_init.connect(install)
