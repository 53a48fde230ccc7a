"""``python -m factmark``."""

import sys

from factmark.cli import main

sys.exit(main())
