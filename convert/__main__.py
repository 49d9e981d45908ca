"""``python -m convert`` is the ``decruft`` command."""

from .cli import main

main()
