"""Reader of `content/releases/{th,en}/*.md`: pelican-yaml-metadata's reader with three changes.

* The file is cut with the project's one front-matter splitter and its YAML parsed with libyaml
  (``briefing.frontmatter``): the front matter of a release carries lists, maps and the
  converter's bookkeeping, and the pure-Python parser was half of the build time on a few
  hundred releases. A byte-order mark, CRLF line endings and blank lines before the first
  ``---`` are read exactly as ``invoke check`` and the converter read them.
* Invalid YAML stops the file with a readable error naming the file and the line (the upstream
  reader logs it and returns no metadata, which loses the cause); an unclosed quote is reported
  where it opens.
* The rendered body and summary go through the site's sanitiser (``briefing.site.safe_html``)
  here, so Pelican's reader cache keeps them clean; the ``safe_html`` plugin cleans anything
  that reaches the site without the reader's stamp.
"""

from __future__ import annotations

import yaml
from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader
from pelican.utils import pelican_open

from briefing.frontmatter import FrontMatterError, load_yaml, split_front_matter, yaml_error_mark
from briefing.site.safe_html import sanitise_read


def parse_front_matter(text: str, source_path: str, first_line: int = 1) -> dict:
    """The YAML mapping in ``text`` (which starts on file line ``first_line``);
    :class:`FrontMatterError` names the file and line if it is bad."""
    try:
        data = load_yaml(text)
    except yaml.YAMLError as error:
        mark, problem = yaml_error_mark(error)  # an unclosed quote: the line where it opens
        line = mark.line + first_line if mark else None
        raise FrontMatterError(source_path, line, f"front matter is not valid YAML: {problem}")\
            from None
    if not isinstance(data, dict):
        raise FrontMatterError(source_path, None,
                               "front matter must be a YAML mapping (key: value)")
    return data


class FrontMatterReader(YAMLMetadataReader):
    """``YAMLMetadataReader`` with the project's splitter and fast, strict YAML parsing."""

    def read(self, source_path):
        with pelican_open(source_path) as text:
            split = split_front_matter(text, source_path)
        if split is None:
            return super().read(source_path)  # no front matter: upstream's Markdown fallback
        data = parse_front_matter(split.yaml_text, source_path, split.start_line + 1)
        metadata = self._parse_yaml_metadata(data, source_path)
        # as markdown's meta extension would (upstream's read does the same)
        self._md.Meta = {k: [str(i) for i in v] if isinstance(v, list) else [str(v)]
                         for k, v in metadata.items()}
        return sanitise_read(self._md.reset().convert(split.body), metadata), metadata


def add_reader(readers) -> None:
    """``readers_init`` handler: read Markdown files with :class:`FrontMatterReader`."""
    for extension in FrontMatterReader.file_extensions:
        readers.reader_classes[extension] = FrontMatterReader
