"""Who may do what. Predicates accept any request.user (anonymous visitors may do none of it), and
decorators guard views: anonymous visitors are sent to sign in, signed-in members without the role get 403.

    from eprofessional.accounts.permissions import can_moderate, policy_officer_required

    @policy_officer_required
    def draft_change(request): ...
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

from .models import User

AnyUser = AbstractBaseUser | AnonymousUser


def member(user: AnyUser) -> User | None:
    """The signed-in, active member behind request.user, or None."""
    return user if isinstance(user, User) and user.is_authenticated and user.is_active else None


def can_moderate(user: AnyUser) -> bool:
    """Moderators and administrators review reported community posts."""
    found = member(user)
    return found is not None and found.can_moderate


def can_edit_policy(user: AnyUser) -> bool:
    """Policy officers and administrators draft changes and answer contributions."""
    found = member(user)
    return found is not None and found.can_edit_policy


def can_approve_policy(user: AnyUser) -> bool:
    """Policy officers and administrators approve versions (the workflow forbids approving one's own)."""
    found = member(user)
    return found is not None and found.can_approve_policy


def is_administrator(user: AnyUser) -> bool:
    found = member(user)
    return found is not None and found.is_superuser


View = TypeVar("View", bound=Callable[..., HttpResponse])


def role_required(predicate: Callable[[AnyUser], bool]) -> Callable[[View], View]:
    """A view decorator: sign in first if anonymous, 403 if signed in without the role."""

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not predicate(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapped  # type: ignore[return-value]

    return decorator


policy_officer_required = role_required(can_edit_policy)
moderator_required = role_required(can_moderate)
administrator_required = role_required(is_administrator)
