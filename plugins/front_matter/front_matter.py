"""Reader of `content/releases/{th,en}/*.md`: pelican-yaml-metadata's reader with three changes.

* The file is cut with the project's one front-matter splitter and its YAML parsed with libyaml
  (``briefing.frontmatter``, YAML 1.2 core schema): the front matter of a release carries lists,
  maps and the converter's bookkeeping, and the pure-Python parser was half of the build time on
  a few hundred releases. A byte-order mark, CRLF line endings and blank lines before the first
  ``---`` are read exactly as ``invoke check`` and the converter read them.
* Invalid YAML stops the file with a readable error naming the file and the line (the upstream
  reader logs it and returns no metadata, which loses the cause); an unclosed quote is reported
  where it opens.
* The rendered body and summary go through the site's sanitiser (``briefing.site.safe_html``)
  here, so Pelican's reader cache keeps them clean; the ``safe_html`` plugin cleans anything
  that reaches the site without the reader's stamp.
* Every release file is checked by ``invoke check``'s own function
  (:func:`briefing.editors.release_check.check_release`: required fields, real Gregorian dates,
  ``lang`` against its folder, slug, statuses, tag ids against the taxonomy), so the build
  refuses exactly what ``check`` refuses, with the same ``file:line: message``.
* A refused file is not published: the reader returns it with ``status: skip`` and its problems
  in the metadata; :func:`collect_problems` gathers them and :func:`refuse_problems` stops the
  build once every file is read, listing them all without a traceback
  (:mod:`briefing.site.refusal`). ``check``'s cross-file rules (duplicate slugs, a language
  missing, pairs tagged or dated differently) run there too, over what the reader recorded of
  each file (:data:`RECORD_KEY`, ``check``'s own ``Release`` record); drafts are left out of
  those (a draft may exist in one language while it is being written).
"""

from __future__ import annotations

from pathlib import Path

import yaml
from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader
from pelican.utils import pelican_open

from briefing.contract import LANGS
from briefing.editors.check import Release as CheckRecord
from briefing.editors.check import check_pairs
from briefing.editors.release_check import Problem, check_release
from briefing.frontmatter import (
    YAML_LOADER,
    FrontMatterError,
    load_yaml,
    read_front_matter,
    split_front_matter,
    yaml_error_mark,
)
from briefing.site.index import shown_path
from briefing.site.refusal import CONTEXT_KEY, PROBLEMS_KEY, refuse
from briefing.site.safe_html import sanitise_read

#: Metadata key of ``check``'s record of the file (slug, tags, date and their lines).
RECORD_KEY = "briefing_check"
RECORDS_CONTEXT_KEY = "BRIEFING_CHECK_RECORDS"  # records of the refused files
#: Articles the cross-file rules apply to (a draft may exist in one language while written).
ARTICLE_LISTS = ("articles", "translations", "hidden_articles", "hidden_translations")


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


def release_problems(text: str, shown: str, folder_lang: str | None, taxonomy):
    """``(front matter or None, [Problem], check's record or None)`` of one release file, as
    ``invoke check`` finds them."""
    lang = folder_lang or ""
    try:
        fm = read_front_matter(text, shown, loader=YAML_LOADER)
    except FrontMatterError as exc:  # unreadable, but present (as check counts it)
        return None, [Problem(exc.path, exc.line or 1, exc.message)], \
            CheckRecord(shown, lang, Path(shown).stem, 1)
    lang = lang or str(fm.data.get("lang") or "")
    record = CheckRecord.from_front_matter(fm, shown, lang) if fm.data.get("slug") else None
    problems = [p for p in check_release(fm, shown, lang, taxonomy) if not p.warning]
    return fm, problems, record  # warnings (markup the sanitiser removes) stop nothing


class FrontMatterReader(YAMLMetadataReader):
    """``YAMLMetadataReader`` with the project's splitter, fast YAML and ``check``'s checks."""

    def read(self, source_path):
        with pelican_open(source_path) as text:
            pass
        folder = Path(source_path).parent.name
        if folder not in LANGS and not has_front_matter(text):
            return super().read(source_path)  # not a release: upstream's Markdown fallback
        fm, problems, record = release_problems(text, shown_path(source_path),
                                                folder if folder in LANGS else None,
                                                self.settings.get("BRIEFING_TAXONOMY"))
        if problems:
            return "", {"status": "skip", PROBLEMS_KEY: [str(p) for p in problems],
                        RECORD_KEY: record}
        metadata = self._parse_yaml_metadata(fm.data, source_path)
        metadata[RECORD_KEY] = record
        # as markdown's meta extension would (upstream's read does the same)
        self._md.Meta = {k: [str(i) for i in v] if isinstance(v, list) else [str(v)]
                         for k, v in metadata.items()}
        return sanitise_read(self._md.reset().convert(fm.body), metadata), metadata


def has_front_matter(text: str) -> bool:
    """Whether ``text`` opens front matter (an unclosed one counts: the check reports it)."""
    try:
        return split_front_matter(text) is not None
    except FrontMatterError:
        return True


def add_reader(readers) -> None:
    """``readers_init`` handler: read Markdown files with :class:`FrontMatterReader`."""
    for extension in FrontMatterReader.file_extensions:
        readers.reader_classes[extension] = FrontMatterReader


def collect_problems(generator, metadata) -> None:
    """``article_generator_context``: keep the problems of a file the reader refused."""
    if metadata.get(PROBLEMS_KEY):
        generator.context.setdefault(CONTEXT_KEY, []).extend(metadata[PROBLEMS_KEY])
        if metadata.get(RECORD_KEY) is not None:
            generator.context.setdefault(RECORDS_CONTEXT_KEY, []).append(metadata[RECORD_KEY])


def refuse_problems(generator) -> None:
    """``article_generator_finalized``: stop the build if any release file was refused, or if
    the files break ``check``'s cross-file rules."""
    records = generator.context.pop(RECORDS_CONTEXT_KEY, [])
    for name in ARTICLE_LISTS:
        for article in getattr(generator, name, None) or []:
            record = article.metadata.get(RECORD_KEY)
            if record is not None:
                records.append(record)
    problems = generator.context.pop(CONTEXT_KEY, [])
    refuse(problems + [str(p) for p in check_pairs(records)])
