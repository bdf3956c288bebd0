from django.urls import path

from . import views

app_name = "guidance"
urlpatterns = [
    path("cases/", views.cases, name="cases"),
    path("cases/<slug:case_id>/", views.case, name="case"),
    path("worksheets/", views.worksheet_list, name="worksheets"),
    path("worksheets/new/", views.worksheet_new, name="worksheet_new"),
    path("worksheets/<int:pk>/", views.worksheet_detail, name="worksheet"),
    path("worksheets/<int:pk>/edit/", views.worksheet_edit, name="worksheet_edit"),
    path("worksheets/<int:pk>/delete/", views.worksheet_delete, name="worksheet_delete"),
    path("worksheets/<int:pk>/share/", views.worksheet_share, name="worksheet_share"),
    path("worksheets/<int:pk>/unshare/", views.worksheet_unshare, name="worksheet_unshare"),
    path("worksheets/<int:pk>/comments/", views.worksheet_comment, name="worksheet_comment"),
    path("worksheets/<int:pk>/export.pdf", views.worksheet_pdf, name="worksheet_pdf"),
    path("worksheets/<int:pk>/export.md", views.worksheet_markdown, name="worksheet_markdown"),
]
