from django.urls import path

from . import views

app_name = "guidance"
urlpatterns = [
    path("cases/", views.cases, name="cases"),
    path("cases/<slug:case_id>/", views.case, name="case"),
]
