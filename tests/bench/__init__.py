"""The project's extraction benchmark (not part of the default test run); see :mod:`.run`."""
