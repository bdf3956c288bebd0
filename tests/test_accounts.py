"""Sign-up, sign-in (with throttling), sign-out, passwords, the profile and staff permissions."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.db.models import F
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from eprofessional.accounts import permissions
from eprofessional.accounts.models import LoginFailure, User
from tests.conftest import PASSWORD, make_user

NEW_PASSWORD = "lantern-otter-quietly-9"


def sign_up_data(**overrides: str) -> dict[str, str]:
    data = {
        "username": "newcomer",
        "email": "newcomer@example.org",
        "display_name": "New Comer",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "nation": "wales",
        "role": "student",
        "supervisor_kind": "",
        "credit_by_name": "no",
    }
    data.update(overrides)
    return data


# --- Sign up -------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_sign_up_page_shows_the_form_with_fieldsets(client):
    response = client.get("/accounts/sign-up/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<legend" in html and "Which UK nation do you practise in?" in html
    assert 'aria-describedby="id_username_helptext"' in html
    assert "ep-error-summary" not in html
    assert "<title>Create an account" in html


@pytest.mark.django_db
def test_sign_up_creates_the_member_signs_them_in_and_shows_the_profile(client):
    response = client.post("/accounts/sign-up/", sign_up_data(), follow=True)
    assert response.redirect_chain == [("/accounts/profile/", 302)]
    user = User.objects.get(username="newcomer")
    assert (user.email, user.display_name, user.nation, user.role) == (
        "newcomer@example.org", "New Comer", "wales", "student",
    )
    assert user.supervisor_kind == ""
    assert user.credit_by_name is False
    assert user.credited_as == "A member"
    assert user.check_password(NEW_PASSWORD)
    assert not (user.is_policy_officer or user.is_moderator or user.is_staff or user.is_superuser)
    assert response.context["user"] == user
    assert b"Your account has been created" in response.content
    assert b"A member (anonymously)" in response.content


@pytest.mark.django_db
def test_sign_up_can_record_a_supervisor_and_credit_by_name(client):
    client.post("/accounts/sign-up/", sign_up_data(supervisor_kind="practice-educator", credit_by_name="yes"))
    user = User.objects.get(username="newcomer")
    assert user.supervisor_kind == "practice-educator"
    assert user.credit_by_name is True


@pytest.mark.django_db
def test_invalid_sign_up_shows_an_error_summary_linking_to_each_field(client):
    data = sign_up_data(email="not-an-email", password2="something-else-entirely", nation="", role="")
    response = client.post("/accounts/sign-up/", data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Error: Create an account" in html
    summary = html[html.index('class="ep-error-summary"'):]
    summary = summary[: summary.index("</ul>")]
    assert "There is a problem" in summary
    assert 'href="#id_email"' in summary
    assert 'href="#id_password2"' in summary
    assert 'href="#id_nation_0"' in summary  # a radio group links to its first option
    assert 'href="#id_role_0"' in summary
    assert "The passwords do not match." in summary
    assert "Select the UK nation you practise in" in summary
    assert "Select your role" in summary
    assert "Enter an email address in the correct format, like name@example.org" in summary
    # the same message next to the field, announced with it
    assert 'id="id_email_error"' in html
    assert re.search(r'<input[^>]*aria-describedby="id_email_helptext id_email_error"[^>]*id="id_email"', html) or (
        'aria-describedby="id_email_helptext id_email_error"' in html
    )
    assert 'aria-invalid="true"' in html
    assert re.search(r'<fieldset class="ep-fieldset" aria-describedby="id_nation_helptext id_nation_error">', html)
    # answers are kept, passwords are not echoed back
    assert 'value="newcomer"' in html
    assert NEW_PASSWORD not in html
    assert not User.objects.filter(username="newcomer").exists()


@pytest.mark.django_db
def test_sign_up_rejects_a_weak_password(client):
    response = client.post("/accounts/sign-up/", sign_up_data(password1="password", password2="password"))
    assert response.status_code == 200
    assert "password2" in response.context["form"].errors
    assert not User.objects.filter(username="newcomer").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"),
    [("username", "alice"), ("username", "ALICE"), ("email", "alice@example.org"), ("email", "Alice@Example.ORG")],
)
def test_sign_up_rejects_a_duplicate_username_or_email(client, alice, field, value):
    response = client.post("/accounts/sign-up/", sign_up_data(**{field: value}))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert field in errors
    assert errors[field] in (["That username is taken. Choose another."],
                             ["An account with this email address already exists. Sign in, or reset your password."])
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_signed_in_members_are_sent_from_sign_up_to_their_profile(client, alice):
    client.force_login(alice)
    assert client.get("/accounts/sign-up/")["Location"] == "/accounts/profile/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "overrides",
    [
        {"username": "x" * 100_000},
        {"email": "a" * 100_000 + "@example.org"},
        {"display_name": "d" * 100_000},
        {"password1": "p" * 100_000, "password2": "p" * 100_000},
        {"nation": "atlantis"},
        {"role": "wizard"},
        {"supervisor_kind": "grand-master"},
        {"credit_by_name": "maybe"},
        {"username": "bad name with spaces <script>"},
        {"username": "\x00"},
    ],
)
def test_sign_up_never_fails_on_bad_input(client, overrides):
    response = client.post("/accounts/sign-up/", sign_up_data(**overrides))
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not User.objects.exists()


@pytest.mark.django_db
def test_sign_up_with_missing_fields_and_repeated_values_does_not_fail(client):
    response = client.post("/accounts/sign-up/", {})
    assert response.status_code == 200
    assert "username" in response.context["form"].errors
    assert client.post("/accounts/sign-up/", "nation=wales&nation=scotland",
                       content_type="application/x-www-form-urlencoded").status_code == 200


# --- Sign in -------------------------------------------------------------------------------------------

def sign_in(client, username: str, password: str = PASSWORD, **extra):
    return client.post("/accounts/sign-in/", {"username": username, "password": password}, **extra)


@pytest.mark.django_db
def test_sign_in_page_has_labelled_fields_and_links(client):
    html = client.get("/accounts/sign-in/").content.decode()
    assert '<label class="ep-label" for="id_username">Username or email address</label>' in html
    assert 'href="/accounts/password-reset/"' in html
    assert 'href="/accounts/sign-up/"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("identifier", ["alice", "alice@example.org", "ALICE@example.org", "Alice"])
def test_sign_in_by_username_or_email(client, alice, identifier):
    response = sign_in(client, identifier)
    assert response.status_code == 302
    assert response["Location"] == "/accounts/profile/"
    assert client.session["_auth_user_id"] == str(alice.pk)


@pytest.mark.django_db
def test_sign_in_follows_a_safe_next_and_ignores_an_unsafe_one(client, alice):
    response = client.post("/accounts/sign-in/?next=/policy/", {"username": "alice", "password": PASSWORD,
                                                                   "next": "/policy/"})
    assert response["Location"] == "/policy/"
    client.logout()
    response = client.post("/accounts/sign-in/", {"username": "alice", "password": PASSWORD,
                                                  "next": "https://evil.example/"})
    assert response["Location"] == "/accounts/profile/"


@pytest.mark.django_db
def test_wrong_password_shows_an_error_summary_and_records_no_password(client, alice):
    response = sign_in(client, "alice", "wrong-password-123")
    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert 'href="#id_username"' in html
    assert "Enter a correct username (or email address) and password" in html
    assert "_auth_user_id" not in client.session
    failure = LoginFailure.objects.get()
    stored = " ".join(str(value) for value in failure.__dict__.values())
    assert "wrong-password-123" not in stored and "alice" not in stored
    assert len(failure.key) == 64


@pytest.mark.django_db
def test_email_shared_by_two_accounts_signs_in_nobody(client, alice):
    make_user("alice2", email="alice@example.org")
    response = sign_in(client, "alice@example.org")
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_inactive_members_cannot_sign_in(client, alice):
    alice.is_active = False
    alice.save(update_fields=["is_active"])
    assert sign_in(client, "alice").status_code == 200
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
@override_settings(LOGIN_ATTEMPTS=3, LOGIN_LOCKOUT_SECONDS=600)
def test_repeated_failures_lock_the_account_for_that_address_with_a_clear_message(client, alice):
    for _ in range(3):
        assert "Enter a correct username" in sign_in(client, "alice", "nope-nope-nope").content.decode()
    response = sign_in(client, "alice")  # even the right password is refused while locked
    assert response.status_code == 200
    assert "Too many failed attempts" in response.content.decode()
    assert "Wait 10 minutes" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # another address is not locked out, and neither is another account from this address
    assert sign_in(client, "alice", REMOTE_ADDR="203.0.113.9").status_code == 302
    client.logout()
    make_user("dana")
    assert sign_in(client, "dana").status_code == 302


@pytest.mark.django_db
@override_settings(LOGIN_ATTEMPTS=3, LOGIN_LOCKOUT_SECONDS=600)
def test_lock_expires_after_the_lockout_period(client, alice):
    for _ in range(3):
        sign_in(client, "alice", "nope-nope-nope")
    assert "Too many failed attempts" in sign_in(client, "alice").content.decode()
    LoginFailure.objects.update(at=F("at") - timedelta(seconds=601))  # ten minutes and a second later
    assert sign_in(client, "alice").status_code == 302


@pytest.mark.django_db
@override_settings(LOGIN_ATTEMPTS=3)
def test_success_clears_earlier_failures(client, alice):
    for _ in range(2):
        sign_in(client, "alice", "nope-nope-nope")
    assert sign_in(client, "alice").status_code == 302
    assert not LoginFailure.objects.exists()
    client.logout()
    for _ in range(2):
        sign_in(client, "alice", "nope-nope-nope")
    assert sign_in(client, "alice").status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [
        {"username": "u" * 100_000, "password": "x"},
        {"username": "alice", "password": "p" * 100_000},
        {"username": "", "password": ""},
        {},
        {"username": "\x00", "password": "\x00"},
    ],
)
def test_sign_in_never_fails_on_bad_input(client, alice, data):
    response = client.post("/accounts/sign-in/", data)
    assert response.status_code == 200
    assert response.context["form"].errors


# --- Sign out ------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_sign_out_requires_post(client, alice):
    client.force_login(alice)
    response = client.get("/accounts/sign-out/")
    assert response.status_code == 200
    assert b'method="post"' in response.content
    assert client.session.get("_auth_user_id") == str(alice.pk)
    response = client.post("/accounts/sign-out/", follow=True)
    assert response.redirect_chain == [("/", 302)]
    assert "_auth_user_id" not in client.session
    assert b"You have signed out." in response.content


@pytest.mark.django_db
def test_sign_out_needs_the_csrf_token():
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(make_user("dana"))
    assert client.post("/accounts/sign-out/").status_code == 403
    assert "_auth_user_id" in client.session


# --- Passwords -----------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_password_reset_sends_a_working_link(client, alice):
    response = client.post("/accounts/password-reset/", {"email": "ALICE@example.org"})
    assert response["Location"] == "/accounts/password-reset/sent/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["alice@example.org"]
    assert message.subject == "Reset your e-Professional password"
    assert "Alice Ward" in message.body
    link = re.search(r"http://testserver(/accounts/password-reset/\S+/\S+/)", message.body)
    assert link, message.body
    response = client.get(link.group(1), follow=True)
    assert b"Choose a new password" in response.content
    set_url = response.redirect_chain[-1][0]
    response = client.post(set_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response["Location"] == "/accounts/password-reset/complete/"
    alice.refresh_from_db()
    assert alice.check_password(NEW_PASSWORD)
    # the link works once
    assert b"This link does not work" in client.get(link.group(1), follow=True).content


@pytest.mark.django_db
def test_password_reset_for_an_unknown_address_looks_the_same_and_sends_nothing(client, alice):
    response = client.post("/accounts/password-reset/", {"email": "nobody@example.org"})
    assert response["Location"] == "/accounts/password-reset/sent/"
    assert mail.outbox == []
    assert client.get("/accounts/password-reset/sent/").status_code == 200


def test_console_is_the_default_email_backend():
    # The test runner swaps in the in-memory backend (mail.outbox); the settings module itself prints
    # emails to the console unless EMAIL_HOST is set (tests/test_security.py checks SMTP in a subprocess).
    from eprofessional import settings

    assert settings.EMAIL_BACKEND == "django.core.mail.backends.console.EmailBackend"


@pytest.mark.django_db
def test_password_change(client, alice):
    client.force_login(alice)
    assert client.get("/accounts/password/").status_code == 200
    response = client.post("/accounts/password/", {"old_password": "wrong", "new_password1": NEW_PASSWORD,
                                                   "new_password2": NEW_PASSWORD})
    assert response.status_code == 200 and "old_password" in response.context["form"].errors
    response = client.post("/accounts/password/", {"old_password": PASSWORD, "new_password1": NEW_PASSWORD,
                                                   "new_password2": NEW_PASSWORD}, follow=True)
    assert response.redirect_chain == [("/accounts/profile/", 302)]
    assert b"Your password has been changed." in response.content
    alice.refresh_from_db()
    assert alice.check_password(NEW_PASSWORD)
    assert response.context["user"].is_authenticated  # still signed in


@pytest.mark.django_db
@override_settings(PASSWORD_HASHERS=[
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
])
def test_production_hashers_store_argon2():
    from eprofessional import settings as production

    assert production.PASSWORD_HASHERS[-2:] == [
        "django.contrib.auth.hashers.Argon2PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]
    user = make_user("dana")
    assert user.password.startswith("argon2$")


# --- Profile -------------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_profile_needs_sign_in(client):
    response = client.get("/accounts/profile/")
    assert response["Location"] == "/accounts/sign-in/?next=/accounts/profile/"
    assert client.get("/accounts/profile/edit/")["Location"].startswith("/accounts/sign-in/")
    assert client.get("/accounts/password/")["Location"].startswith("/accounts/sign-in/")


@pytest.mark.django_db
def test_profile_shows_details_and_staff_roles_read_only(client, olivia):
    client.force_login(olivia)
    html = client.get("/accounts/profile/").content.decode()
    assert "olivia@example.org" in html
    assert "Manager" in html and "England" in html
    assert "Policy officer" in html
    edit = client.get("/accounts/profile/edit/").content.decode()
    assert "is_policy_officer" not in edit and "is_moderator" not in edit


@pytest.mark.django_db
def test_profile_edit_saves_changes(client, alice):
    client.force_login(alice)
    form = client.get("/accounts/profile/edit/").context["form"]
    assert form.initial["credit_by_name"] == "yes"
    data = {"display_name": "A. Ward", "email": "award@example.org", "nation": "northern-ireland",
            "role": "manager", "supervisor_kind": "practice-supervisor", "credit_by_name": "no"}
    response = client.post("/accounts/profile/edit/", data, follow=True)
    assert response.redirect_chain == [("/accounts/profile/", 302)]
    assert b"Your details have been saved." in response.content
    alice.refresh_from_db()
    assert (alice.display_name, alice.email, alice.nation, alice.role, alice.supervisor_kind) == (
        "A. Ward", "award@example.org", "northern-ireland", "manager", "practice-supervisor",
    )
    assert alice.credit_by_name is False
    assert client.get("/accounts/profile/edit/").context["form"].initial["credit_by_name"] == "no"


@pytest.mark.django_db
def test_profile_edit_cannot_grant_staff_roles_or_take_anothers_email(client, alice, bob):
    client.force_login(alice)
    data = {"display_name": "", "email": "BOB@example.org", "nation": "england", "role": "social-worker",
            "supervisor_kind": "", "credit_by_name": "yes", "is_policy_officer": "on", "is_superuser": "on"}
    response = client.post("/accounts/profile/edit/", data)
    assert response.status_code == 200 and "email" in response.context["form"].errors
    data["email"] = "alice@example.org"  # keeping one's own address is fine
    assert client.post("/accounts/profile/edit/", data).status_code == 302
    alice.refresh_from_db()
    assert not alice.is_policy_officer and not alice.is_superuser


@pytest.mark.django_db
@pytest.mark.parametrize(
    "overrides",
    [{"display_name": "x" * 100_000}, {"email": ""}, {"nation": "mars"}, {"role": ""}, {"supervisor_kind": "z"},
     {"credit_by_name": ""}],
)
def test_profile_edit_never_fails_on_bad_input(client, alice, overrides):
    client.force_login(alice)
    data = {"display_name": "", "email": "alice@example.org", "nation": "england", "role": "social-worker",
            "supervisor_kind": "", "credit_by_name": "yes", **overrides}
    response = client.post("/accounts/profile/edit/", data)
    assert response.status_code == 200
    assert response.context["form"].errors


# --- Every account page --------------------------------------------------------------------------------

ANONYMOUS_PAGES = {
    "/accounts/sign-up/": 200,
    "/accounts/sign-in/": 200,
    "/accounts/sign-out/": 200,
    "/accounts/password-reset/": 200,
    "/accounts/password-reset/sent/": 200,
    "/accounts/password-reset/complete/": 200,
    "/accounts/password-reset/MQ/bad-token/": 200,
    "/accounts/password-reset/%00%00/" + "t" * 500 + "/": 200,
    "/accounts/profile/": 302,
    "/accounts/profile/edit/": 302,
    "/accounts/profile/delete/": 302,
    "/accounts/password/": 302,
}
MEMBER_PAGES = {**ANONYMOUS_PAGES, "/accounts/sign-up/": 302, "/accounts/sign-in/": 302,
                "/accounts/profile/": 200, "/accounts/profile/edit/": 200, "/accounts/password/": 200,
                "/accounts/profile/delete/": 200}


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "status"), ANONYMOUS_PAGES.items())
def test_account_pages_for_visitors(client, url, status):
    assert client.get(url).status_code == status


@pytest.mark.django_db
@pytest.mark.parametrize(("url", "status"), MEMBER_PAGES.items())
def test_account_pages_for_members(client, alice, url, status):
    client.force_login(alice)
    assert client.get(url).status_code == status


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "data"),
    [
        ("/accounts/password-reset/", {"email": "x" * 100_000}),
        ("/accounts/password-reset/", {"email": "not-an-address"}),
        ("/accounts/password-reset/", {}),
        ("/accounts/password/", {"old_password": "o" * 100_000, "new_password1": "n" * 100_000,
                                 "new_password2": "m"}),
        ("/accounts/password/", {}),
        ("/accounts/sign-out/", {"anything": "x" * 100_000}),
    ],
)
def test_password_forms_never_fail_on_bad_input(client, alice, url, data):
    client.force_login(alice)
    response = client.post(url, data)
    assert response.status_code in (200, 302)
    if response.status_code == 200:
        assert response.context["form"].errors


@pytest.mark.django_db
def test_reset_confirm_never_fails_on_bad_input(client, alice):
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    uid = urlsafe_base64_encode(force_bytes(alice.pk))
    token = default_token_generator.make_token(alice)
    set_url = client.get(f"/accounts/password-reset/{uid}/{token}/")["Location"]
    for data in [{}, {"new_password1": "p" * 100_000, "new_password2": "p" * 100_000},
                 {"new_password1": NEW_PASSWORD, "new_password2": "different"}]:
        response = client.post(set_url, data)
        assert response.status_code == 200
        assert response.context["form"].errors
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)


@pytest.mark.django_db
def test_bad_reset_link_says_so(client):
    assert b"This link does not work" in client.get("/accounts/password-reset/MQ/bad-token/").content


# --- Staff roles and permissions -----------------------------------------------------------------------

@pytest.mark.django_db
def test_permission_predicates(alice, olivia, maud):
    admin = User.objects.create_superuser("root", "root@example.org", PASSWORD)
    anonymous = AnonymousUser()
    assert [permissions.can_moderate(u) for u in (anonymous, alice, olivia, maud, admin)] == [
        False, False, False, True, True]
    assert [permissions.can_edit_policy(u) for u in (anonymous, alice, olivia, maud, admin)] == [
        False, False, True, False, True]
    assert [permissions.can_approve_policy(u) for u in (anonymous, alice, olivia, maud, admin)] == [
        False, False, True, False, True]
    assert [permissions.is_administrator(u) for u in (anonymous, alice, olivia, maud, admin)] == [
        False, False, False, False, True]
    maud.is_active = False
    olivia.is_active = False
    assert not permissions.can_moderate(maud)
    assert not permissions.can_edit_policy(olivia)
    assert not maud.can_moderate


@pytest.mark.django_db
def test_role_decorators(alice, olivia, maud):
    @permissions.policy_officer_required
    def officers_only(request):
        return HttpResponse("ok")

    @permissions.moderator_required
    def moderators_only(request):
        return HttpResponse("ok")

    factory = RequestFactory()

    def call(view, user):
        request = factory.get("/staff/thing/?x=1")
        request.user = user
        return view(request)

    response = call(officers_only, AnonymousUser())
    assert response.status_code == 302
    assert response["Location"] == "/accounts/sign-in/?next=/staff/thing/%3Fx%3D1"
    with pytest.raises(PermissionDenied):
        call(officers_only, alice)
    with pytest.raises(PermissionDenied):
        call(officers_only, maud)
    assert call(officers_only, olivia).content == b"ok"
    with pytest.raises(PermissionDenied):
        call(moderators_only, olivia)
    assert call(moderators_only, maud).content == b"ok"
    assert officers_only.__name__ == "officers_only"


@pytest.mark.django_db
def test_queryset_helpers_and_credit(alice, bob, olivia, maud):
    assert list(User.objects.policy_officers()) == [olivia]
    assert list(User.objects.moderators()) == [maud]
    assert list(User.objects.supervisors()) == [bob]
    assert alice.credited_as == "Alice Ward"
    assert olivia.staff_roles == ["Policy officer"]


@pytest.mark.django_db
def test_admin_lists_and_edits_members_with_the_new_fields(client):
    admin = User.objects.create_superuser("root", "root@example.org", PASSWORD)
    member = make_user("dana", is_moderator=True)
    client.force_login(admin)
    assert b"dana" in client.get("/admin/accounts/user/").content
    html = client.get(f"/admin/accounts/user/{member.pk}/change/").content.decode()
    for name in ("credit_by_name", "is_policy_officer", "is_moderator", "nation", "role", "supervisor_kind"):
        assert f'name="{name}"' in html
    assert client.get("/admin/accounts/user/add/").status_code == 200
    response = client.post("/admin/accounts/user/add/", {
        "username": "eve", "email": "eve@example.org", "usable_password": "true",
        "password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "display_name": "Eve", "nation": "wales",
        "role": "educator", "supervisor_kind": "",
    })
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert User.objects.get(username="eve").check_password(NEW_PASSWORD)
    assert client.get("/admin/accounts/loginfailure/").status_code == 200


@pytest.mark.django_db
@override_settings(LOGIN_ATTEMPTS=2)
def test_admin_sign_in_is_throttled_too_and_only_lets_staff_in(client, alice):
    admin = User.objects.create_superuser("root", "root@example.org", PASSWORD)
    response = client.post("/admin/login/", {"username": "alice", "password": PASSWORD})
    assert response.status_code == 200 and "_auth_user_id" not in client.session  # not staff
    for _ in range(2):
        client.post("/admin/login/", {"username": "root", "password": "wrong-wrong-wrong"})
    response = client.post("/admin/login/", {"username": "root", "password": PASSWORD})
    assert "Too many failed attempts" in response.content.decode()
    LoginFailure.objects.all().delete()
    response = client.post("/admin/login/?next=/admin/", {"username": "root@example.org", "password": PASSWORD,
                                                          "next": "/admin/"})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(admin.pk)


def test_permission_denied_page_is_friendly(rf):
    from django.views.defaults import permission_denied

    response = permission_denied(rf.get("/staff/"), PermissionDenied())
    assert response.status_code == 403
    assert b"You do not have access to this page" in response.content
