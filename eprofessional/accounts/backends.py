"""Sign in with a username or an email address."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest

from .models import User


def find_member(identifier: str) -> User | None:
    """The account a sign-in name points to: the exact username, else a username differing only in
    case, else the one account with that email address. Ambiguous matches find nobody."""
    identifier = identifier.strip()
    if not identifier:
        return None
    try:
        return User.objects.get(username=identifier)
    except User.DoesNotExist:
        pass
    lookup = {"email__iexact": identifier} if "@" in identifier else {"username__iexact": identifier}
    matches = list(User.objects.filter(**lookup)[:2])
    if len(matches) == 1:
        return matches[0]
    if "@" in identifier:  # usernames may contain @ too
        matches = list(User.objects.filter(username__iexact=identifier)[:2])
        return matches[0] if len(matches) == 1 else None
    return None


class UsernameOrEmailBackend(ModelBackend):
    def authenticate(
        self, request: HttpRequest | None, username: str | None = None, password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        if username is None:
            username = kwargs.get(User.USERNAME_FIELD)
        if username is None or password is None:
            return None
        user = find_member(username)
        if user is None:
            # Hash anyway, so the time taken does not reveal whether the account exists.
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
