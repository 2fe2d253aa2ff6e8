"""``python -m engine.cli``: the headless command line without the app."""

import sys

from . import main

sys.exit(main())
