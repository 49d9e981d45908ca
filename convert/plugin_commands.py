"""Guarding the subcommands plugins add: no shadowing, no tracebacks.

A plugin's ``register_commands`` receives the root :class:`typer.Typer` itself (that is what
lets it use ``@cli.command()``), so what it added is found by comparing the command lists
before and after its hook ran. A command or group whose name is taken (a core command like
``convert``, or another plugin's) is removed again with a warning naming the plugin. Every
command kept is wrapped so that an exception in it is one line naming the plugin, exit
status 1; ``DECRUFT_DEBUG=1`` adds the traceback.
"""

from __future__ import annotations

import functools
import os
import sys
import traceback
from contextlib import contextmanager
from typing import Any, Callable, Iterator

import typer
import typer.main

from .errors import DecruftError, report


def _command_name(info: Any) -> str:
    if info.name:
        return str(info.name)
    callback = info.callback
    return typer.main.get_command_name(callback.__name__) if callback else ""


def _group_name(info: Any) -> str:
    return str(info.name or getattr(info.typer_instance.info, "name", None) or "")


def _names(app: typer.Typer) -> set[str]:
    return ({_command_name(c) for c in app.registered_commands} |
            {_group_name(g) for g in app.registered_groups})


@contextmanager
def guard_new_commands(app: typer.Typer, plugin: str,
                       warn: Callable[[str], None]) -> Iterator[None]:
    """Around one plugin's ``register_commands``: drop clashing names, wrap the rest."""
    taken = _names(app)
    commands_before = list(app.registered_commands)
    groups_before = list(app.registered_groups)
    try:
        yield
    finally:
        def fresh(new: list[Any], name_of: Callable[[Any], str], what: str) -> list[Any]:
            """The entries of ``new`` whose names are free; a clash is a warning."""
            kept = []
            for info in new:
                name = name_of(info)
                if name in taken:
                    warn(f"warning: plugin {plugin!r} tried to add a {what} {name!r}, which "
                         "already exists; ignored")
                    continue
                taken.add(name)
                kept.append(info)
            return kept

        kept = fresh(app.registered_commands[len(commands_before):], _command_name, "command")
        for info in kept:
            if info.callback is not None:
                info.callback = _guarded(info.callback, plugin, _command_name(info))
        app.registered_commands[:] = commands_before + kept
        app.registered_groups[:] = groups_before + fresh(
            app.registered_groups[len(groups_before):], _group_name, "command group")


def _guarded(callback: Callable[..., Any], plugin: str, name: str) -> Callable[..., Any]:
    @functools.wraps(callback)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return callback(*args, **kwargs)
        except (KeyboardInterrupt, SystemExit):
            raise
        except DecruftError as exc:
            _fail(f"{exc}")
        except Exception as exc:
            if isinstance(exc, _cli_signals()):
                raise
            _fail(f"plugin {plugin!r} failed in command {name!r}: {type(exc).__name__}: {exc}")

    return run


def _cli_signals() -> tuple[type, ...]:
    """The exceptions the CLI framework handles itself (exit, abort, usage errors): those of
    typer's bundled click (typer >= 0.28) and of click itself when it is loaded (older typer,
    or a plugin raising ``click.UsageError``). Looked up here rather than imported: importing
    click next to typer's own copy would cost every command ~10 ms of start-up."""
    found: list[type] = [typer.Exit, typer.Abort]
    for module in ("typer._click.exceptions", "click.exceptions"):
        mod = sys.modules.get(module)
        for name in ("Exit", "Abort", "ClickException"):
            cls = getattr(mod, name, None)
            if isinstance(cls, type):
                found.append(cls)
    return tuple(found)


def _fail(message: str) -> None:
    if os.environ.get("DECRUFT_DEBUG", "") not in ("", "0"):
        traceback.print_exc(file=sys.stderr)
    report(message)
    raise typer.Exit(1)
