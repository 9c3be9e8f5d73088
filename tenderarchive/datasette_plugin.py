"""Datasette plugin of tenderarchive (registered through the ``datasette`` entry point).

Hooks are added here by the modules that need them (Dutch search, rendering).
"""
