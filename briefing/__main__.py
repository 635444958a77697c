"""``python -m briefing`` → the command line in :mod:`briefing.cli`."""

import sys

from briefing.cli import main

sys.exit(main())
