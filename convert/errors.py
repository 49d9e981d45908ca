"""Exceptions, exit codes and the diagnostic line.

Every error a user can cause is a :class:`DecruftError` with a one-line message, reported on
stderr as ``decruft: MESSAGE`` by :func:`report`.
"""

from __future__ import annotations

import re
import sys

#: Process exit codes: everything converted; at least one input failed; the command line asks
#: for something impossible; Ctrl-C (SIGINT); SIGTERM (128 + the signal, as a shell reports).
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_TERMINATED = 0, 1, 2, 130, 143


# What a message must not carry to a terminal: line breaks (one message, one line), escape
# sequences (a file name, or a web archive's record URL, is anyone's: ESC [2J clears the screen,
# OSC 52 writes the clipboard) and the bidirectional overrides that show text reversed. (A
# string, compiled by ``re`` on the first message that needs it: every run imports this module,
# few print such a message.)
_UNPRINTABLE = "[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]"


def printable(message: str) -> str:
    """``message`` with each control character written as a Python escape (``\\x1b``)."""
    if message.isprintable():
        return message
    return re.sub(_UNPRINTABLE, lambda m: ascii(m.group())[1:-1], message)


def report(message: str) -> None:
    """Write one diagnostic line to stderr: ``decruft: MESSAGE`` (control characters escaped,
    see :func:`printable`)."""
    sys.stderr.write(f"decruft: {printable(message)}\n")
    sys.stderr.flush()


class DecruftError(Exception):
    """Base class: an expected failure, reported to the user as one line, never a traceback."""


class UsageError(DecruftError):
    """The command line asks for something impossible (exit 2)."""


class InputError(DecruftError):
    """The input cannot be read or is not a page (empty, binary, nothing article-like)."""


class FormatError(DecruftError):
    """An unknown format name, or a format that cannot do what was asked (e.g. bundling)."""


class MissingDependency(DecruftError):
    """An optional library a format needs is not installed; the message names the extra."""

    def __init__(self, package: str, extra: str) -> None:
        super().__init__(f"this format needs {package}: install decruft[{extra}]")
        self.package = package
        self.extra = extra


class SchemaVersionError(DecruftError):
    """A decruft JSON document of a newer major version than this decruft can read."""


class PluginError(DecruftError):
    """A plugin failed inside a hook; the message names the plugin."""


class Terminated(KeyboardInterrupt):
    """SIGTERM arrived: stopped like Ctrl-C (every clean-up that Ctrl-C runs runs), exit 143."""
