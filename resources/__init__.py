"""Bundled resources (data only): installed as ``tipcase.resources`` (fonts, icons, translations)."""
