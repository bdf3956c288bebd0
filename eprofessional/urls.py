from django.contrib import admin
from django.urls import include, path

from eprofessional.api import api

urlpatterns = [
    path("", include("eprofessional.core.urls")),
    path("accounts/", include("eprofessional.accounts.urls")),
    path("policy/", include("eprofessional.policy.urls")),
    path("", include("eprofessional.guidance.urls")),
    path("community/", include("eprofessional.community.urls")),
    path("check/", include("eprofessional.checks.urls")),
    path("api/", api.urls),
    path("admin/", admin.site.urls),
]

handler404 = "eprofessional.core.views.not_found"
handler500 = "eprofessional.core.views.server_error"
