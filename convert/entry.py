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
    # Importing the CLI creates ~100k objects that live as long as the process (modules,
    # classes, functions): the cyclic collector would scan them again and again for no
    # garbage. Pause it while they are made, then move them out of its way (gc.freeze):
    # ~5 % of the CPU time of a one-page conversion.
    import gc

    gc.disable()
    try:
        from .cli import main as cli_main
    finally:
        gc.freeze()
        gc.enable()
    cli_main()
