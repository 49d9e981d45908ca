"""External filters in any language, like pandoc's JSON filters.

``--filter PROGRAM`` runs PROGRAM with the article's decruft JSON on stdin and reads the
transformed article JSON from its stdout; the result is validated like any JSON input. A
filter that fails, times out or prints something that is not a decruft article is an error
naming the program.

The article is handed over in a temporary file, not a pipe: a filter that exits without
reading all of its input must fail only its page, and writing into a pipe nobody reads would
raise SIGPIPE, which the command line leaves at its default action (killing decruft).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile

from .article import Article
from .errors import DecruftError, InputError

#: Seconds a filter may run (override with DECRUFT_FILTER_TIMEOUT).
TIMEOUT = float(os.environ.get("DECRUFT_FILTER_TIMEOUT", "60"))


class FilterError(DecruftError):
    """An external filter failed."""


def is_program(name: str) -> bool:
    """Whether ``--filter name`` means an external program rather than a registered transform."""
    return os.sep in name or (os.altsep is not None and os.altsep in name) or \
        shutil.which(name) is not None or " " in name.strip()


def run_external(program: str, article: Article) -> Article:
    from .jsonio import dump_bytes, loads

    argv = shlex.split(program)
    if os.path.exists(argv[0]) and not os.access(argv[0], os.X_OK):
        raise FilterError(f"filter {program!r}: not executable")
    try:
        with tempfile.TemporaryFile() as stdin:
            stdin.write(dump_bytes(article, indent=None))
            stdin.seek(0)
            proc = subprocess.run(argv, stdin=stdin, capture_output=True, timeout=TIMEOUT,
                                  check=False)
    except FileNotFoundError:
        raise FilterError(f"filter {program!r}: program not found") from None
    except subprocess.TimeoutExpired:
        raise FilterError(f"filter {program!r}: no answer within {TIMEOUT:g} s") from None
    except OSError as exc:
        raise FilterError(f"filter {program!r}: {exc.strerror or exc}") from None
    if proc.returncode != 0:
        detail = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        tail = f": {detail[-1][:200]}" if detail else ""
        if proc.returncode < 0:
            raise FilterError(f"filter {program!r} was killed by signal {-proc.returncode}{tail}")
        raise FilterError(f"filter {program!r} exited with status {proc.returncode}{tail}")
    if not proc.stdout.strip():
        raise FilterError(f"filter {program!r} printed nothing (it must print the article JSON)")
    try:
        return loads(proc.stdout)
    except InputError as exc:
        raise FilterError(f"filter {program!r} returned an invalid article: {exc}") from None
