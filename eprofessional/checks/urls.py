from django.urls import path

from . import views

app_name = "checks"
urlpatterns = [
    path("", views.check, name="check"),
    path("photo/", views.photo, name="photo"),
    path("photo/clean-copy/", views.photo_strip, name="photo_strip"),
    path("archive/", views.archive, name="archive"),
    path("archive/<uuid:job_id>/", views.audit, name="audit"),
    path("archive/<uuid:job_id>/progress/", views.audit_progress, name="audit_progress"),
    path("archive/<uuid:job_id>/findings.csv", views.audit_csv, name="audit_csv"),
    path("archive/<uuid:job_id>/delete/", views.audit_delete, name="audit_delete"),
]
