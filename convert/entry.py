"""The console-script entry point, kept apart from :mod:`convert.cli` so that
``decruft --version`` answers without importing the CLI framework (typer costs ~60 ms)."""

from __future__ import annotations

import os
import sys


def _reopen_closed_std_fds() -> None:
    """Put ``/dev/null`` on a closed standard descriptor (``decruft ... >&-``): else Python
    sets ``sys.stdout`` to None (a traceback at the first use) and the next file opened takes
    its number, where a stray write would land in the middle of an output. Standard output is
    opened read-only, so writing a document to it still fails, as one clear error."""
    for fd, name, mode in ((0, "stdin", os.O_RDONLY), (1, "stdout", os.O_RDONLY),
                           (2, "stderr", os.O_WRONLY)):
        if getattr(sys, name) is not None:
            continue
        try:
            os.fstat(fd)
        except OSError:
            null = os.open(os.devnull, mode)
            if null != fd:
                os.dup2(null, fd)
                os.close(null)
        setattr(sys, name, open(fd, "r" if fd == 0 else "w", closefd=False,
                                encoding="utf-8", errors="replace"))


def main() -> None:
    """Console-script entry point: ``--version`` at once, anything else through the CLI."""
    if sys.stdout is None or sys.stderr is None or sys.stdin is None:
        _reopen_closed_std_fds()
    if sys.argv[1:] == ["--version"]:
        from . import __version__

        try:  # unbuffered: a failed write is reported once, not again at exit
            os.write(sys.stdout.fileno(), f"decruft {__version__}\n".encode())
        except (OSError, ValueError) as exc:
            sys.stderr.write(f"decruft: <stdout>: {getattr(exc, 'strerror', None) or exc}\n")
            sys.exit(1)
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
