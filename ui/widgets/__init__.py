"""Reusable widgets: the graph view, the competency chart."""
