"""Team exercises: one case played by several roles at once, handing the case over (docs/team-exercises.md).

``schema`` declares the team case format (``tipcase-team: 1``), ``loader`` builds ``model`` from it,
``checks`` validates it, ``joint`` explores the joint states of every role (deadlocks, maxima, the
best joint route), ``play`` plays a session deterministically and ``result`` scores it. Qt-free.
"""
