"""What the maps show, built from a play: the pathway in lanes (``pathway``) and the case's route (``route``).

Each builder returns a ``ui.widgets.map_panel.MapContent``: nodes and edges styled for the legend, the
words a screen reader says of each node, and the text equivalent of the trail or route.
"""
