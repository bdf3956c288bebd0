"""Sign-up, sign-in and profile forms. Rendered by templates/forms/ (docs/forms.md)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import authenticate
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    SetPasswordForm,
    UserCreationForm,
)
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.http import HttpRequest
from django.views.decorators.debug import sensitive_variables

from eprofessional.core.ratelimit import client_address

from .models import LoginFailure, Nation, Role, SupervisorKind, User

# Long enough for any pass phrase or password manager, short enough that hashing stays cheap.
MAX_PASSWORD_LENGTH = 4096

NEW_CREDENTIAL_HINT = (
    "At least 10 characters. Use three or more random words, or let your password manager make one. "
    "It must not be a common password, all numbers or close to your username or email address."
)

CREDIT_CHOICES = [
    ("yes", "By name: show the name above"),
    ("no", "Anonymously: show 'a member'"),
]


def _limit_password(field: forms.Field) -> None:
    field.validators.append(MaxLengthValidator(MAX_PASSWORD_LENGTH))


def _credit_field(label: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=CREDIT_CHOICES,
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
        error_messages={"required": "Select how we should credit you",
                        "invalid_choice": "Select how we should credit you"},
        help_text="When the association uses a suggestion or comment of yours in the policy, "
        "it credits you this way. You can change this at any time.",
    )


class MemberDetailsMixin(forms.ModelForm):
    """The fields a member sets about themselves, shared by sign-up and the profile form."""

    nation = forms.ChoiceField(
        label="Which UK nation do you practise in?",
        choices=Nation.choices,
        error_messages={"required": "Select the UK nation you practise in",
                        "invalid_choice": "Select the UK nation you practise in"},
        widget=forms.RadioSelect,
        help_text="The policy notes for your nation's regulator and law will be shown first.",
    )
    role = forms.ChoiceField(
        label="What is your role?",
        choices=Role.choices,
        error_messages={"required": "Select your role", "invalid_choice": "Select your role"},
        widget=forms.RadioSelect,
    )
    supervisor_kind = forms.ChoiceField(
        label="Do you supervise others?",
        choices=[
            (SupervisorKind.NONE, "No"),
            (SupervisorKind.PRACTICE_SUPERVISOR, "Yes, as a practice supervisor"),
            (SupervisorKind.PRACTICE_EDUCATOR, "Yes, as a practice educator"),
        ],
        widget=forms.RadioSelect,
        required=False,
        initial=SupervisorKind.NONE,
        error_messages={"invalid_choice": "Select whether you supervise others"},
        help_text="Members can share a dilemma worksheet with their practice supervisor or practice "
        "educator for supervision.",
    )
    credit_by_name = _credit_field("How should we credit you?")

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"].strip()
        others = User.objects.filter(email__iexact=email)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if email and others.exists():
            raise ValidationError(
                "An account with this email address already exists. Sign in, or reset your password.",
                code="unique",
            )
        return email


def _tune_member_fields(form: forms.ModelForm) -> None:
    email = form.fields["email"]
    email.required = True
    email.error_messages.update({
        "required": "Enter your email address",
        "invalid": "Enter an email address in the correct format, like name@example.org",
    })
    email.label = "Email address"
    email.help_text = (
        "We use it only for your account, for example to reset your password. It is never shown to others."
    )
    email.widget.attrs.update({"autocomplete": "email", "spellcheck": "false"})
    name = form.fields["display_name"]
    name.label = "Name shown to others"
    name.help_text = "For example, 'Sam Patel' or 'Sam P'. If you leave it blank, we use your username."
    name.widget.attrs.update({"autocomplete": "name"})
    if not form.is_bound:
        form.initial["credit_by_name"] = "yes" if form.instance.credit_by_name else "no"


class SignUpForm(MemberDetailsMixin, UserCreationForm):
    field_order = [
        "username", "email", "password1", "password2", "display_name",
        "nation", "role", "supervisor_kind", "credit_by_name",
    ]

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "email", "display_name", "nation", "role", "supervisor_kind", "credit_by_name")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        username = self.fields["username"]
        username.label = "Username"
        username.error_messages["required"] = "Enter a username"
        username.help_text = "You use this to sign in. Letters, numbers and @ . + - _ only, up to 150."
        username.widget.attrs.update({"autocomplete": "username", "spellcheck": "false", "autocapitalize": "none"})
        username.widget.attrs.pop("autofocus", None)  # the page starts at its heading, not mid-form
        _tune_member_fields(self)
        self.fields["password1"].error_messages["required"] = "Create a password"
        self.fields["password2"].error_messages["required"] = "Type your password again to confirm it"
        self.fields["password1"].label = "Create a password"
        self.fields["password1"].help_text = NEW_CREDENTIAL_HINT
        self.fields["password2"].label = "Confirm your password"
        self.fields["password2"].help_text = "Type the same password again."
        _limit_password(self.fields["password1"])
        _limit_password(self.fields["password2"])
        self.error_messages = {**self.error_messages, "password_mismatch": "The passwords do not match."}


    def clean_username(self) -> str:
        username: str = self.cleaned_data["username"]
        if User.objects.filter(username__iexact=username).exists():
            raise ValidationError("That username is taken. Choose another.", code="unique")
        return username


class ProfileForm(MemberDetailsMixin):
    class Meta:
        model = User
        fields = ("display_name", "email", "nation", "role", "supervisor_kind", "credit_by_name")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _tune_member_fields(self)


class SignInForm(AuthenticationForm):
    """Username or email and password, with throttling of repeated failures per account and address."""

    error_messages = {
        "invalid_login": "Enter a correct username (or email address) and password. "
        "The password is case-sensitive.",
        "inactive": "This account has been closed.",
        "locked": "Too many failed attempts to sign in to this account from your network. "
        "Wait %(minutes)s minutes and try again, or reset your password.",
    }

    def __init__(self, request: HttpRequest | None = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(request, *args, **kwargs)
        username = self.fields["username"]
        username.label = "Username or email address"
        username.error_messages["required"] = "Enter your username or email address"
        self.fields["password"].error_messages["required"] = "Enter your password"
        username.max_length = 254  # type: ignore[attr-defined]
        username.validators.append(MaxLengthValidator(254))
        username.widget.attrs.update(
            {"maxlength": 254, "autocomplete": "username", "spellcheck": "false", "autocapitalize": "none"}
        )
        username.widget.attrs.pop("autofocus", None)
        _limit_password(self.fields["password"])

    @sensitive_variables("password")
    def clean(self) -> dict[str, Any]:
        identifier = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if identifier is not None and password:
            address = client_address(self.request)
            if LoginFailure.objects.is_locked(identifier, address):
                minutes = max(1, -(-settings.LOGIN_LOCKOUT_SECONDS // 60))
                raise ValidationError(
                    self.error_messages["locked"], code="locked", params={"minutes": minutes}
                )
            self.user_cache = authenticate(self.request, username=identifier, password=password)
            if self.user_cache is None:
                LoginFailure.objects.record(identifier, address)
                raise ValidationError(self.error_messages["invalid_login"], code="invalid_login")
            self.confirm_login_allowed(self.user_cache)
            LoginFailure.objects.clear(identifier, address)
        return self.cleaned_data


class AdminSignInForm(SignInForm, AdminAuthenticationForm):
    """The admin's sign-in, with the same throttling; only staff get in."""

    error_messages = {
        **SignInForm.error_messages,
        "invalid_login": "Enter the username (or email address) and password of a staff account.",
    }


class ChangePasswordForm(PasswordChangeForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = "Current password"
        self.fields["old_password"].error_messages["required"] = "Enter your current password"
        self.fields["old_password"].widget.attrs.pop("autofocus", None)
        _label_new_passwords(self)
        _limit_password(self.fields["old_password"])


class ResetPasswordForm(SetPasswordForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _label_new_passwords(self)


def _label_new_passwords(form: SetPasswordForm) -> None:
    form.fields["new_password1"].error_messages["required"] = "Create a new password"
    form.fields["new_password2"].error_messages["required"] = "Type your new password again to confirm it"
    form.fields["new_password1"].label = "New password"
    form.fields["new_password1"].help_text = NEW_CREDENTIAL_HINT
    form.fields["new_password1"].widget.attrs.pop("autofocus", None)
    form.fields["new_password2"].label = "Confirm your new password"
    form.fields["new_password2"].help_text = "Type the same password again."
    _limit_password(form.fields["new_password1"])
    _limit_password(form.fields["new_password2"])


class DeleteAccountForm(forms.Form):
    """Deleting an account asks for the password again, with the same throttling as signing in."""

    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": "Enter your password to delete your account"},
    )

    def __init__(self, user: User, request: HttpRequest | None, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.request = request
        _limit_password(self.fields["password"])

    @sensitive_variables("password")
    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        address = client_address(self.request)
        if LoginFailure.objects.is_locked(self.user.username, address):
            minutes = max(1, -(-settings.LOGIN_LOCKOUT_SECONDS // 60))
            raise ValidationError(
                f"Too many wrong passwords. Wait {minutes} minutes and try again.", code="locked"
            )
        if not self.user.check_password(password):
            LoginFailure.objects.record(self.user.username, address)
            raise ValidationError("The password is not right. Enter your current password.", code="invalid")
        return password
