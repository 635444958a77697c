"""``python -m briefing.taxonomy [DIR]``: validate a taxonomy folder and print its size."""

import sys

from briefing.taxonomy.loader import main

sys.exit(main())
