"""``python -m factmark.cli``."""

import sys

from factmark.cli import main

sys.exit(main())
