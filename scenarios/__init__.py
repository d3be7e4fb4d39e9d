"""The bundled scenario library (data only): installed as ``tipcase.scenarios``.

Holds the competency framework (``competencies.yaml``), the referral pathways (``pathways/``) and
the bundled cases. Nothing here is code; the package exists so that the files install with TIPCase.
"""
