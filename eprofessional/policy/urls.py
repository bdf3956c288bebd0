from django.urls import path

from . import views

app_name = "policy"
urlpatterns = [
    path("", views.current, name="current"),
    path("pdf/", views.current_pdf, name="current_pdf"),
    path("clauses/<slug:anchor>/", views.clause, name="clause"),
    path("principles/", views.principles, name="principles"),
    path("principles/<str:principle_id>/", views.principle, name="principle"),
    path("versions/", views.versions, name="versions"),
    path("versions/<int:number>/", views.version, name="version"),
    path("versions/<int:number>/pdf/", views.version_pdf, name="version_pdf"),
    path("compare/", views.compare, name="compare"),
    path("feed/", views.feed, name="feed"),
]
