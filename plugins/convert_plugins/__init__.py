"""decruft's built-in output formats, each module a plugin registered through the ``decruft``
entry-point group and written only against the public ``convert`` API."""
