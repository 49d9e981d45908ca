"""``python -m convert`` is the ``decruft`` command."""

from .entry import main

main()
