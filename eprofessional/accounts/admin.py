from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from .forms import AdminSignInForm
from .models import LoginFailure, User

admin.site.login_form = AdminSignInForm  # the same throttling as the site's own sign-in


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("Member", {"fields": ("display_name", "email", "first_name", "last_name", "nation", "role",
                               "supervisor_kind", "credit_by_name")}),
        ("Staff roles", {
            "fields": ("is_policy_officer", "is_moderator", "is_superuser"),
            "description": "Administrators (superusers) hold every role.",
        }),
        ("Access", {"fields": ("is_active", "is_staff", "groups", "user_permissions")}),
        ("Important dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (None, {"classes": ("wide",), "fields": ("username", "email", "usable_password", "password1", "password2")}),
        ("Member", {"fields": ("display_name", "nation", "role", "supervisor_kind")}),
    )
    list_display = ("username", "display_name", "email", "nation", "role", "is_policy_officer",
                    "is_moderator", "is_superuser", "is_active")
    list_filter = ("nation", "role", "supervisor_kind", "is_policy_officer", "is_moderator", "is_superuser",
                   "is_active")
    search_fields = ("username", "display_name", "email", "first_name", "last_name")


@admin.register(LoginFailure)
class LoginFailureAdmin(admin.ModelAdmin):
    """Failed sign-ins (a keyed hash, never the name or password). Delete rows to lift a lock early."""

    list_display = ("at", "key")
    date_hierarchy = "at"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
