"""The converter: one raw release in, a Thai and an English Markdown page out.

The stages run in this order over one :class:`briefing.model.Release` (``pipeline.py``):

1. ``reader``     read the bytes, refuse what is not a release (binary, HTML, empty, too large)
2. ``normalise``  Unicode NFC, NBSP and zero-width characters, Thai digits, ``เเ`` → ``แ``
3. ``parse``      title, date line, repeated headlines, body paragraphs, source URL, hashtags
4. ``dates``      publication date (Buddhist Era) and the event date the body reports
5. ``tag``        countries, meetings, topics, organisations, people, figures, places
                  (with ``meetings``, ``figures``, ``romanise`` and the taxonomy's matcher)
6. ``english``    the English page from the extracted data (``headline`` writes its title)
7. ``render``     front matter + Markdown for both languages
8. ``merge``      keep what editors changed since the converter last wrote a file

``runner`` converts many files in worker processes and writes the results atomically; the CLI
(``python -m briefing convert``) is :mod:`briefing.cli`.
"""
