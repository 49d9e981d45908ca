"""``python -m tests.bench.fuzz``: the command line (see :mod:`.runner`)."""

import sys

from .runner import main

sys.exit(main())
