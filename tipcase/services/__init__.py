"""Services: every operation on the records, each taking a Session and the acting user.

Permissions are enforced here, not only hidden in the UI. Callers own the transaction
(``with db.session() as session, session.begin(): ...``).
"""
