"""TIPCase desktop application (PySide6), installed as ``ui``.

Adapts the Qt-free core in ``tipcase`` to Qt. Dependencies point from here to the core, never back.
"""
