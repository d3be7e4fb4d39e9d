"""The scenario format: reading YAML with positions, the schema, the model, the checks and the validator.

Also what edits a scenario file (``document``), draws its graph (``graph_layout``) and brings exhibit media.
"""
