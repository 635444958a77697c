"""How the site build refuses bad content: every ``file:line: message`` at once, no traceback.

Pelican logs a reader's exception as "Could not process FILE" (the cause only in a traceback) and
prints any exception that reaches its ``main`` with a traceback. A content error is not a bug, so
the plugins collect the problems of every file (the reader hands them over in the file's
metadata under :data:`PROBLEMS_KEY`, so Pelican's reader cache keeps them too) and stop the build
with :class:`ContentRefused`: a :class:`SystemExit`, which Pelican lets through, printing the
problems, sorted, one a line, and exiting with status :data:`EXIT_CONTENT`.
"""

from __future__ import annotations

import sys

#: Metadata key a reader sets (with ``status: skip``) on a file it refuses.
PROBLEMS_KEY = "briefing_problems"
#: Build context key collecting the refused files' problems until the articles are all read.
CONTEXT_KEY = "BRIEFING_PROBLEMS"
#: Exit status of a build refused for its content (Pelican's own failures exit 1).
EXIT_CONTENT = 3


class ContentRefused(SystemExit):
    """The build stops on content errors: ``problems`` are ``file:line: message`` lines."""

    def __init__(self, problems):
        self.problems = sorted(set(map(str, problems)))
        count = len(self.problems)
        super().__init__(EXIT_CONTENT)
        self.message = "\n".join([*self.problems, f"{count} problem(s) found: the site was not "
                                  "built (python -m briefing check lists them too)"])

    def __str__(self) -> str:
        return self.message


def refuse(problems) -> None:
    """Print ``problems`` on stderr and stop the build (nothing when there are none)."""
    if problems:
        error = ContentRefused(problems)
        print(error.message, file=sys.stderr, flush=True)
        raise error
