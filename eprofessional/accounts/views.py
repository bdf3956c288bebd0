"""Accounts: sign up, sign in and out, passwords, the member's profile.

Django's own views do the password work; these views stay thin and the forms (forms.py) hold the rules.
"""

from __future__ import annotations

import json
from typing import Any, cast

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.messages.views import SuccessMessageMixin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from eprofessional.core import ratelimit
from eprofessional.core.pagecache import bump
from eprofessional.guidance.models import Worksheet

from . import actions
from .export import member_data
from .forms import (
    ChangePasswordForm,
    DeleteAccountForm,
    ProfileForm,
    ResetPasswordForm,
    SignInForm,
    SignUpForm,
)
from .models import User

BACKEND = "eprofessional.accounts.backends.UsernameOrEmailBackend"


@never_cache
@require_http_methods(["GET", "POST"])
def sign_up(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("accounts:profile")
    form = SignUpForm(request.POST if request.method == "POST" else None)
    wait = ratelimit.limited("sign-up", ratelimit.client_key(request)) if request.method == "POST" else 0
    if wait:
        ratelimit.refuse_form(form, ratelimit.message(wait, "attempts to create an account"))
    elif request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend=BACKEND)
        messages.success(request, "Your account has been created and you are signed in.")
        return redirect("accounts:profile")
    response = render(request, "accounts/sign_up.html", {"form": form})
    return ratelimit.too_many(response, wait) if wait else response


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "accounts/sign_in.html"
    redirect_authenticated_user = True


@require_http_methods(["GET", "POST"])
def sign_out(request: HttpRequest) -> HttpResponse:
    """Signing out changes state, so it takes a POST; a GET (an old link) asks to confirm."""
    if request.method == "POST":
        logout(request)
        messages.success(request, "You have signed out.")
        return redirect(settings.LOGOUT_REDIRECT_URL)
    return render(request, "accounts/sign_out.html")


@login_required
def profile(request: HttpRequest) -> HttpResponse:
    return render(
        request, "accounts/profile.html",
        {"member": request.user, "worksheets": Worksheet.objects.summary_for(request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def edit_profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        if {"display_name", "credit_by_name"} & set(form.changed_data):
            bump("community")  # cached public pages credit members by name
        messages.success(request, "Your details have been saved.")
        return redirect("accounts:profile")
    return render(request, "accounts/profile_edit.html", {"form": form})


@never_cache
@login_required
def export_data(request: HttpRequest) -> HttpResponse:
    """The member's own data as a JSON file to keep."""
    data = member_data(request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=1), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="e-professional-my-data-{timezone.now():%Y-%m-%d}.json"'
    response["Cache-Control"] = "no-store, private"
    return response


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def delete_account(request: HttpRequest) -> HttpResponse:
    """Explain what deleting the account does, then do it once the member re-enters their password."""
    user = cast(User, request.user)
    form = DeleteAccountForm(user, request, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.close_account(user)
        except actions.CloseError as exc:
            form.add_error(None, str(exc))
        else:
            logout(request)
            messages.success(request, "Your account has been deleted. Thank you for taking part.")
            return redirect("core:home")
    return render(request, "accounts/delete_account.html", {
        "form": form, "worksheets": Worksheet.objects.editable_by(user).count(),
    })


class PasswordChangeView(SuccessMessageMixin, auth_views.PasswordChangeView):
    form_class = ChangePasswordForm
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:profile")
    success_message = "Your password has been changed."


@method_decorator(never_cache, name="dispatch")
class PasswordResetView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_sent")

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """Limited per client address and per email address typed. The second is counted whether or not
        an account has that address, so a refusal says nothing about who is a member."""
        form = self.get_form()
        wait = ratelimit.limited("password-reset", ratelimit.client_key(request))
        if not wait and form.is_valid():
            wait = ratelimit.limited("password-reset-email", ratelimit.email_key(form.cleaned_data["email"]))
            if not wait:
                return self.form_valid(form)
        if wait:
            ratelimit.refuse_form(form, ratelimit.message(wait, "requests to reset a password"))
            return ratelimit.too_many(self.form_invalid(form), wait)
        return self.form_invalid(form)


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = ResetPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")
