"""The plugin manager: built-in and third-party plugins, loaded once, lazily, defensively.

Plugins come from the ``decruft`` entry-point group; the built-in formats
(``convert_plugins``) are registered there too, exactly as a third party would. Each entry
point is loaded on its own: one that fails to import is a warning and the rest keep working
(pluggy's own ``load_setuptools_entrypoints`` would stop at the first failure).

Mistakes that would otherwise do nothing, silently, are warnings: a hook implementation whose
name is no hook (``register_format``), a hook-like function without ``@hookimpl``, a plugin
that implements no hook at all. What third-party readers and transforms return is checked at
the boundary (see :func:`check_article`), so a bad value is blamed on the plugin that made it,
not on the writer that trips over it later.

Environment switches:

``DECRUFT_NO_PLUGINS=1``
    load only the built-in plugins (``convert`` and ``convert_plugins``), no third-party ones.
``DECRUFT_BLOCK_PLUGINS=name,other``
    do not load the plugins with these entry-point names (a name no installed plugin has is
    a warning: it is probably misspelt).
``DECRUFT_TRACE_HOOKS=1``
    log every hook call and its result to stderr.

Built-in modules that only add output formats (``convert_plugins.LAZY_FORMATS``) stay entry
points until one of their formats or extensions is asked for, or all formats are listed
(``decruft formats``, ``decruft plugins``, iterating :func:`formats`): one-page conversions
start without importing every writer. A third-party format that claims the name or an
extension of a deferred built-in loads that built-in first, so the built-in still keeps it and
the clash is reported as before. What changes is *when* a broken built-in writer is reported:
when it is first wanted, not at start-up.
"""

from __future__ import annotations

import difflib
import importlib
import logging
import os
import sys
from dataclasses import dataclass
from typing import Any, Callable, Iterator, Mapping

import pluggy

from . import hookspecs
from .boundary import (check_article, check_bytes, guarded, run_reader,  # noqa: F401 (API)
                       run_render, run_transform)
from .entrypoints import entry_points
from .errors import DecruftError, report
from .formats import Format, FormatRegistry, ReaderRegistry, TransformRegistry

ENTRY_POINT_GROUP = "decruft"
BUILTIN_PREFIXES = ("convert.", "convert_plugins")
#: Modules of the core package that are plugins themselves (the built-in readers).
CORE_PLUGINS = ("convert.readers",)

log = logging.getLogger("convert.plugins")

HOOK_NAMES = tuple(sorted(name for name, func in vars(hookspecs).items()
                          if callable(func) and hasattr(func, "decruft_spec")))


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
    #: Built-in format plugins not imported yet: entry-point name -> (entry point, formats).
    deferred: dict[str, tuple[Any, Mapping[str, tuple[str, ...]]]] = {}
    #: Plugin names in load order as if nothing were deferred (``decruft plugins`` lists so).
    order: dict[str, int] = {}
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
    all_eps = entry_points(group=ENTRY_POINT_GROUP)
    unknown = sorted(blocked - {ep.name for ep in all_eps})
    if unknown:
        _State.failures.append(
            f"DECRUFT_BLOCK_PLUGINS names {', '.join(map(repr, unknown))}, which no installed "
            f"plugin is called (plugins: {', '.join(sorted({ep.name for ep in all_eps}))})")
    for modname in CORE_PLUGINS:
        _register(pm, importlib.import_module(modname), modname.rsplit(".", 1)[-1],
                  None, None, builtin=True)
    third_party_ok = os.environ.get("DECRUFT_NO_PLUGINS", "") in ("", "0")
    # Built-ins first: a name is kept by whoever registers it first, so a third-party
    # plugin can never take over a built-in format by sorting earlier. The distribution name
    # last, so which of two same-named plugins loads does not depend on directory order.
    eps = sorted(all_eps,
                 key=lambda e: (not e.value.startswith(BUILTIN_PREFIXES), e.name,
                                e.dist.name if e.dist else ""))
    lazy = _lazy_formats()
    for ep in eps:
        builtin = ep.value.startswith(BUILTIN_PREFIXES)
        if ep.name in blocked or (not builtin and not third_party_ok):
            log.debug("plugin %s not loaded (disabled)", ep.name)
            continue
        if pm.has_plugin(ep.name) or ep.name in _State.deferred:
            first = _State.infos.get(ep.name)
            first_dist = (first.distribution if first else
                          _dist_name(_State.deferred[ep.name][0]) if ep.name in _State.deferred
                          else None)
            by = f" of {first_dist}" if first_dist else ""
            _State.failures.append(
                f"plugin {ep.name!r} of {ep.dist.name if ep.dist else ep.value} not loaded: the "
                f"plugin {ep.name!r}{by} has the same name (plugin names are entry-point names)")
            continue
        _State.order.setdefault(ep.name, len(_State.order))
        if builtin and ep.value in lazy:
            _State.deferred[ep.name] = (ep, lazy[ep.value])
            continue
        _load(pm, ep, builtin=builtin)
    if os.environ.get("DECRUFT_TRACE_HOOKS", "") not in ("", "0"):
        pm.add_hookcall_monitoring(_trace_before, _trace_after)
    _State.pm = pm
    return pm


def _lazy_formats() -> Mapping[str, Mapping[str, tuple[str, ...]]]:
    try:
        from convert_plugins import LAZY_FORMATS
    except ImportError:  # the built-in formats are not installed: nothing to defer
        return {}
    return LAZY_FORMATS


def _dist_name(ep: Any) -> str | None:
    return ep.dist.name if ep.dist else None


def _load(pm: pluggy.PluginManager, ep: Any, *, builtin: bool) -> Any:
    """Import one entry point and register it; None (and a failure recorded) if it breaks."""
    try:
        plugin = ep.load()
    except Exception as exc:  # a broken plugin must not take the tool down
        msg = f"plugin {ep.name!r} failed to load: {type(exc).__name__}: {exc}"
        _State.failures.append(msg)
        log.debug("%s", msg)
        return None
    dist = ep.dist
    _register(pm, plugin, ep.name, dist.name if dist else None,
              dist.version if dist else None, builtin=builtin)
    return plugin if pm.is_registered(plugin) else None


def _load_deferred(name: str) -> None:
    """Import a deferred built-in format plugin and add its formats to the registry."""
    entry = _State.deferred.pop(name, None)
    if entry is None:
        return
    pm = get_plugin_manager()
    plugin = _load(pm, entry[0], builtin=True)
    registry = _State.formats
    if plugin is None or registry is None:
        return
    seen = len(registry.problems)
    for impl in hook_impls("register_formats"):
        if impl.plugin is plugin:
            _collect_one("register_formats", impl, registry)
    if registry.collected:  # else _collect reports the problems when it is done
        _State.failures.extend(registry.problems[seen:])


def load_all() -> None:
    """Import every deferred built-in plugin (for listings of all plugins and formats)."""
    get_plugin_manager()
    for name in list(_State.deferred):
        _load_deferred(name)


def _register(pm: pluggy.PluginManager, plugin: Any, name: str, dist: str | None,
              version: str | None, *, builtin: bool) -> None:
    try:
        pm.register(plugin, name=name)
    except Exception as exc:  # e.g. a hook with a misspelled argument
        msg = f"plugin {name!r} rejected: {_one_line(exc)}"
        _State.failures.append(msg)
        log.debug("%s", msg)
        return
    callers = pm.get_hookcallers(plugin) or ()
    hooks = tuple(sorted(h.name for h in callers if h.spec is not None))
    _State.failures.extend(_lint(plugin, name, {h.name for h in callers}, hooks))
    _State.infos[name] = PluginInfo(name=name, module=getattr(plugin, "__name__", repr(plugin)),
                                    distribution=dist, version=version, hooks=hooks,
                                    builtin=builtin)


def _one_line(exc: Exception) -> str:
    """Pluggy's multi-line validation message as one line naming the hook and the problem."""
    lines = [ln.strip() for ln in str(exc).splitlines() if ln.strip()]
    if len(lines) >= 3 and lines[1].startswith("hookimpl definition: "):
        where = lines[1].removeprefix("hookimpl definition: ")
        problem = " ".join(lines[2:])
        if problem.startswith("Argument(s) "):
            hook = getattr(hookspecs, where.split("(", 1)[0], None)
            takes = ", ".join(hookspecs_args(hook)) if hook else "?"
            problem = (problem.replace("Argument(s)", "argument(s)")
                       .replace("are declared in the hookimpl but can not be found in the "
                                "hookspec", f"are not arguments of the hook (it takes: {takes})"))
        return f"{where}: {problem}"
    return "; ".join(lines)


def hookspecs_args(hook: Callable[..., Any]) -> list[str]:
    import inspect

    return list(inspect.signature(hook).parameters)


def _lint(plugin: Any, name: str, implemented: set[str], hooks: tuple[str, ...]) -> list[str]:
    """Warnings for plugin code that would silently never run."""
    out = []
    for hook in sorted(implemented - set(hooks)):
        guess = difflib.get_close_matches(hook, HOOK_NAMES, n=1)
        hint = f" (did you mean {guess[0]!r}?)" if guess else ""
        out.append(f"plugin {name!r}: {hook!r} is not a decruft hook{hint}; it is never called")
    for attr in dir(plugin):
        if attr in implemented or not attr.startswith("register") or \
                not callable(getattr(plugin, attr, None)):
            continue
        if attr in HOOK_NAMES or difflib.get_close_matches(attr, HOOK_NAMES, n=1):
            out.append(f"plugin {name!r}: function {attr!r} has no @hookimpl decorator; "
                       "it is never called")
    if not hooks and not out:
        out.append(f"plugin {name!r} implements no decruft hook (no function decorated with "
                   "@convert.hookimpl)")
    return out


def plugin_infos() -> list[PluginInfo]:
    load_all()
    return sorted(_State.infos.values(), key=lambda i: _State.order.get(i.name, -1))


def warn_once(message: str) -> None:
    """Report a plugin problem on stderr once per process (not once per page)."""
    if message not in _State.warned:
        _State.warned.add(message)
        report(f"warning: {message}")


def load_failures() -> list[str]:
    """Messages about plugins that could not be loaded or registered, and registration
    clashes in every registry (so a duplicate transform is reported even when no transform
    is used)."""
    get_plugin_manager()
    formats(), readers(), transforms()
    return list(_State.failures)


def is_builtin(plugin: str) -> bool:
    info = _State.infos.get(plugin)
    return (info is not None and info.builtin) or plugin in _State.deferred


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
    get_plugin_manager()
    registry.protected = frozenset([*(n for n, i in _State.infos.items() if i.builtin),
                                    *_State.deferred])
    # Built-ins register first, so their names and extensions are theirs whatever order the
    # plugins were imported in: after load_all() (decruft plugins, plugin_infos()) the lazy
    # built-in formats came after every third-party plugin, and a plugin's 'md' took the
    # name, so the built-in 'md' became "registered by two plugins" and '.txt' the plugin's.
    impls = sorted(hook_impls(hook_name), key=lambda impl: not is_builtin(impl.plugin_name))
    for impl in impls:
        _collect_one(hook_name, impl, registry)
    _State.failures.extend(registry.problems)
    return registry


def _collect_one(hook_name: str, impl: Any, registry: Any) -> None:
    before = registry.current_plugin
    registry.current_plugin = impl.plugin_name
    try:
        exc = call_one(hook_name, impl, registry=registry)
    finally:
        registry.current_plugin = before
    if isinstance(exc, DecruftError):
        _State.failures.append(str(exc))
    elif exc is not None:
        _State.failures.append(f"plugin {impl.plugin_name!r} failed in {hook_name}: "
                               f"{type(exc).__name__}: {exc}")


class _LazyFormats(FormatRegistry):
    """The format registry, with the formats of deferred built-in plugins known by name and
    extension and imported on first use (see the module docstring)."""

    def __init__(self, deferred: Mapping[str, Mapping[str, tuple[str, ...]]]) -> None:
        super().__init__()
        #: Whether every loaded plugin's ``register_formats`` has run.
        self.collected = False
        self._by_name = {fmt: plugin for plugin, fmts in deferred.items() for fmt in fmts}
        self._by_ext = {ext: plugin for plugin, fmts in deferred.items()
                        for exts in fmts.values() for ext in exts}

    def _want(self, plugin: str | None) -> None:
        if plugin is None:
            return
        self._by_name = {k: v for k, v in self._by_name.items() if v != plugin}
        self._by_ext = {k: v for k, v in self._by_ext.items() if v != plugin}
        _load_deferred(plugin)

    def _want_all(self) -> None:
        for plugin in sorted(set(self._by_name.values()), key=lambda n: _State.order.get(n, 0)):
            self._want(plugin)

    def _put(self, name: str, item: Any) -> bool:
        # A deferred built-in would have registered first: load it before a plugin claims
        # its name or one of its extensions, so the built-in keeps them as it always did.
        for ext in getattr(item, "extensions", ()):
            self._want(self._by_ext.get(ext))
        self._want(self._by_name.get(name))
        return super()._put(name, item)

    def __iter__(self) -> Iterator[Any]:
        self._want_all()
        return super().__iter__()

    def __contains__(self, name: object) -> bool:
        self._want(self._by_name.get(name) if isinstance(name, str) else None)
        return super().__contains__(name)

    def __len__(self) -> int:
        self._want_all()
        return super().__len__()

    def names(self) -> list[str]:
        self._want_all()
        return super().names()

    def get(self, name: str) -> Format:
        self._want(self._by_name.get(name))
        if not super().__contains__(name):
            self._want_all()  # the error lists every known format
        return super().get(name)

    def for_extension(self, ext: str) -> Format | None:
        self._want(self._by_ext.get(ext.lower().lstrip(".")))
        return super().for_extension(ext)


def formats() -> FormatRegistry:
    """All output formats (built-in and from plugins)."""
    if _State.formats is None:
        get_plugin_manager()
        deferred = {name: fmts for name, (_ep, fmts) in _State.deferred.items()}
        # Set before collecting: a plugin claiming a deferred built-in's name loads it into
        # this registry.
        _State.formats = registry = _LazyFormats(deferred)
        _collect("register_formats", registry)
        registry.collected = True
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


def contributions(plugin: str) -> list[tuple[str, str, str]]:
    """(kind, name, description) of every format, reader and transform ``plugin`` added."""
    out = []
    for kind, registry in (("format", formats()), ("reader", readers()),
                           ("transform", transforms())):
        out.extend((kind, item.name, item.description) for item in registry
                   if item.plugin == plugin)
    return out


def reset() -> None:
    """Forget loaded plugins (tests use this after changing the environment)."""
    _State.pm = None
    _State.infos = {}
    _State.deferred = {}
    _State.order = {}
    _State.failures = []
    _State.formats = _State.readers = _State.transforms = None
