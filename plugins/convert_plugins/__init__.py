"""decruft's built-in output formats, each module a plugin registered through the ``decruft``
entry-point group and written only against the public ``convert`` API."""

#: What each format-only module registers (format name -> its extensions). The plugin manager
#: imports such a module only when one of these formats or extensions is asked for (or all
#: formats are listed), so a one-page ``decruft convert -t txt`` never imports the Markdown,
#: DOCX or EPUB writers. ``tests/test_plugins.py`` checks this table against what the modules
#: register. Modules that add readers, transforms or commands are not listed: they load at
#: start-up like any third-party plugin.
LAZY_FORMATS: dict[str, dict[str, tuple[str, ...]]] = {
    "convert_plugins.docx": {"docx": ("docx",)},
    "convert_plugins.epub": {"epub": ("epub",)},
    "convert_plugins.jsonfmt": {"json": ("json",), "jsonl": ("jsonl", "ndjson")},
    "convert_plugins.markdown": {"md": ("md", "markdown")},
    "convert_plugins.pandoc": {"pandoc": ("pandoc.json",)},
    "convert_plugins.pdf": {"pdf": ("pdf",)},
    "convert_plugins.text": {"txt": ("txt", "text")},
}
