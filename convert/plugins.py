"""The plugin manager: built-in and third-party plugins, loaded once, lazily, defensively.

Plugins come from the ``decruft`` entry-point group; the built-in formats
(``convert_plugins``) are registered there too, exactly as a third party would. Each entry
point is loaded on its own: one that fails to import is a warning and the rest keep working
(pluggy's own ``load_setuptools_entrypoints`` would stop at the first failure).

Environment switches:

``DECRUFT_NO_PLUGINS=1``
    load only the built-in plugins (``convert`` and ``convert_plugins``), no third-party ones.
``DECRUFT_BLOCK_PLUGINS=name,other``
    do not load the plugins with these entry-point names.
``DECRUFT_TRACE_HOOKS=1``
    log every hook call and its result to stderr.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import Any, Callable

import pluggy

from . import hookspecs
from .errors import DecruftError, PluginError
from .formats import FormatRegistry, ReaderRegistry, TransformRegistry

ENTRY_POINT_GROUP = "decruft"
BUILTIN_PREFIXES = ("convert.", "convert_plugins")
#: Modules of the core package that are plugins themselves (the built-in readers).
CORE_PLUGINS = ("convert.readers",)

log = logging.getLogger("convert.plugins")


@dataclass(frozen=True)
class PluginInfo:
    """One loaded plugin, as ``decruft plugins`` lists it."""

    name: str
    module: str
    distribution: str | None
    version: str | None
    hooks: tuple[str, ...]
    builtin: bool


class _State:
    pm: pluggy.PluginManager | None = None
    infos: dict[str, PluginInfo] = {}
    failures: list[str] = []
    warned: set[str] = set()
    formats: FormatRegistry | None = None
    readers: ReaderRegistry | None = None
    transforms: TransformRegistry | None = None


def _blocked() -> set[str]:
    return {n.strip() for n in os.environ.get("DECRUFT_BLOCK_PLUGINS", "").split(",") if n.strip()}


def get_plugin_manager() -> pluggy.PluginManager:
    """The process-wide plugin manager, created and populated on first use."""
    if _State.pm is not None:
        return _State.pm
    pm = pluggy.PluginManager("decruft")
    pm.add_hookspecs(hookspecs)
    blocked = _blocked()
    for modname in CORE_PLUGINS:
        _register(pm, importlib.import_module(modname), modname.rsplit(".", 1)[-1],
                  None, None, builtin=True)
    third_party_ok = os.environ.get("DECRUFT_NO_PLUGINS", "") in ("", "0")
    # Built-ins first: a name is kept by whoever registers it first, so a third-party
    # plugin can never take over a built-in format by sorting earlier.
    eps = sorted(entry_points(group=ENTRY_POINT_GROUP),
                 key=lambda e: (not e.value.startswith(BUILTIN_PREFIXES), e.name))
    for ep in eps:
        builtin = ep.value.startswith(BUILTIN_PREFIXES)
        if ep.name in blocked or (not builtin and not third_party_ok):
            log.debug("plugin %s not loaded (disabled)", ep.name)
            continue
        if pm.has_plugin(ep.name):
            _State.failures.append(f"plugin {ep.name!r}: another plugin has the same name")
            continue
        try:
            plugin = ep.load()
        except Exception as exc:  # a broken plugin must not take the tool down
            msg = f"plugin {ep.name!r} failed to load: {type(exc).__name__}: {exc}"
            _State.failures.append(msg)
            log.debug("%s", msg)
            continue
        dist = ep.dist
        _register(pm, plugin, ep.name, dist.name if dist else None,
                  dist.version if dist else None, builtin=builtin)
    if os.environ.get("DECRUFT_TRACE_HOOKS", "") not in ("", "0"):
        pm.add_hookcall_monitoring(_trace_before, _trace_after)
    _State.pm = pm
    return pm


def _register(pm: pluggy.PluginManager, plugin: Any, name: str, dist: str | None,
              version: str | None, *, builtin: bool) -> None:
    try:
        pm.register(plugin, name=name)
    except Exception as exc:  # e.g. a hook with a misspelled argument
        msg = f"plugin {name!r} rejected: {exc}"
        _State.failures.append(msg)
        log.debug("%s", msg)
        return
    hooks = tuple(sorted(h.name for h in pm.get_hookcallers(plugin) or ()))
    _State.infos[name] = PluginInfo(name=name, module=getattr(plugin, "__name__", repr(plugin)),
                                    distribution=dist, version=version, hooks=hooks,
                                    builtin=builtin)


def plugin_infos() -> list[PluginInfo]:
    get_plugin_manager()
    return list(_State.infos.values())


def warn_once(message: str) -> None:
    """Report a plugin problem on stderr once per process (not once per page)."""
    if message not in _State.warned:
        _State.warned.add(message)
        sys.stderr.write(f"decruft: warning: {message}\n")


def load_failures() -> list[str]:
    """Messages about plugins that could not be loaded or registered."""
    get_plugin_manager()
    return list(_State.failures)


def _trace_before(hook_name: str, impls: list[Any], kwargs: dict[str, Any]) -> None:
    names = ", ".join(repr(i.plugin_name) for i in impls) or "no plugin"
    args = ", ".join(f"{k}={type(v).__name__}" for k, v in kwargs.items())
    sys.stderr.write(f"decruft: hook: {hook_name}({args}) -> {names}\n")


def _trace_after(outcome: Any, hook_name: str, impls: list[Any], kwargs: dict[str, Any]) -> None:
    exc = outcome.exception
    status = f"raised {type(exc).__name__}: {exc}" if exc is not None else "ok"
    sys.stderr.write(f"decruft: hook: {hook_name} {status}\n")


def call_one(hook_name: str, impl: Any, **kwargs: Any) -> BaseException | None:
    """Call one plugin's implementation of a hook; returns the exception it raised, if any.

    Going through pluggy (a subset hook caller without the other plugins) keeps hook tracing
    working; calling plugins one at a time lets one plugin's failure be reported with its
    name instead of aborting the others.
    """
    pm = get_plugin_manager()
    others = [i.plugin for i in getattr(pm.hook, hook_name).get_hookimpls()
              if i.plugin is not impl.plugin]
    try:
        pm.subset_hook_caller(hook_name, others)(**kwargs)
    except Exception as exc:
        return exc
    return None


def hook_impls(hook_name: str) -> list[Any]:
    """The implementations of a hook in load order (pluggy calls them in reverse)."""
    return list(getattr(get_plugin_manager().hook, hook_name).get_hookimpls())


def _collect(hook_name: str, registry: Any) -> Any:
    """Call one ``register_*`` hook plugin by plugin, so each entry knows its plugin and one
    plugin's failure is reported with its name instead of aborting the others."""
    for impl in hook_impls(hook_name):
        registry.current_plugin = impl.plugin_name
        exc = call_one(hook_name, impl, registry=registry)
        if isinstance(exc, DecruftError):
            _State.failures.append(str(exc))
        elif exc is not None:
            _State.failures.append(f"plugin {impl.plugin_name!r} failed in {hook_name}: "
                                   f"{type(exc).__name__}: {exc}")
    registry.current_plugin = ""
    return registry


def formats() -> FormatRegistry:
    """All output formats (built-in and from plugins)."""
    if _State.formats is None:
        _State.formats = _collect("register_formats", FormatRegistry())
    return _State.formats


def readers() -> ReaderRegistry:
    """All input readers."""
    if _State.readers is None:
        _State.readers = _collect("register_readers", ReaderRegistry())
    return _State.readers


def transforms() -> TransformRegistry:
    """All AST transforms."""
    if _State.transforms is None:
        _State.transforms = _collect("register_transforms", TransformRegistry())
    return _State.transforms


def guarded(plugin: str, what: str, func: Callable[..., Any], *args: Any) -> Any:
    """Run plugin code; an unexpected exception becomes a :class:`PluginError` naming it."""
    try:
        return func(*args)
    except DecruftError:
        raise
    except Exception as exc:
        raise PluginError(f"plugin {plugin!r} failed in {what}: "
                          f"{type(exc).__name__}: {exc}") from exc


def reset() -> None:
    """Forget loaded plugins (tests use this after changing the environment)."""
    _State.pm = None
    _State.infos = {}
    _State.failures = []
    _State.formats = _State.readers = _State.transforms = None
