"""Errors a service raises: each message is one line a user can act on.

A message is a template and its parameters, so the app can say it in the interface language (tipcase.messages).
"""

from __future__ import annotations

from tipcase.messages import MessageError


class ServiceError(MessageError):
    """Something the user asked for cannot be done; the message says why."""


class PermissionDenied(ServiceError):
    """The acting user's role does not allow this."""


class NotFound(ServiceError):
    """The thing named does not exist (or the acting user may not see it)."""


class SignInError(ServiceError):
    """Wrong username or password, or a locked account."""
