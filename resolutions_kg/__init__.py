"""resolutions-kg: conference resolutions as linked open data.

The core library lives here; ``resolutions_kg.loaders``, ``.ontology``, ``.queries`` and
``.endpoint`` are the project's top-level folders of the same names, mapped into this namespace.
"""

__version__ = "0.1.0"
