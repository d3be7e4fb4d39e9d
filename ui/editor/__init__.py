"""The scenario editor: a case as a graph, an outline, forms and live findings, every change undoable.

``ui.editor.page.EditorPage`` is the page the main window shows; the other modules are its rooms.
"""

from ui.editor.page import EditorPage

__all__ = ["EditorPage"]
