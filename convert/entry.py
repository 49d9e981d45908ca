"""The console-script entry point, kept apart from :mod:`convert.cli` so that
``decruft --version`` answers without importing the CLI framework (typer costs ~60 ms)."""

from __future__ import annotations

import sys


def main() -> None:
    """Console-script entry point: ``--version`` at once, anything else through the CLI."""
    if sys.argv[1:] == ["--version"]:
        from . import __version__

        sys.stdout.write(f"decruft {__version__}\n")
        return
    from .cli import main as cli_main

    cli_main()
