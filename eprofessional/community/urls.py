from django.urls import path

from . import views

app_name = "community"
urlpatterns = [
    path("", views.community_home, name="home"),
    path("clauses/<slug:anchor>/", views.clause_discussion, name="clause"),
    path("contribute/", views.contribute_general, name="contribute"),
    path("contributions/<int:pk>/", views.contribution, name="contribution"),
    path("contributions/<int:pk>/reply/", views.reply_view, name="reply"),
    path("contributions/<int:pk>/endorse/", views.endorse_view, name="endorse"),
    path("contributions/<int:pk>/report/", views.report_view, name="report"),
    path("contributions/<int:pk>/moderate/", views.moderate_view, name="moderate"),
    path("contributions/<int:pk>/decide/", views.decide_view, name="decide"),
    path("follow/", views.follow_view, name="follow"),
    path("notifications/", views.notifications, name="notifications"),
    path("moderation/", views.moderation_queue, name="moderation"),
    path("rounds/", views.rounds, name="rounds"),
    path("rounds/new/", views.round_new, name="round_new"),
    path("rounds/<int:pk>/", views.round_detail, name="round"),
    path("policy-team/", views.dashboard, name="dashboard"),
    path("policy-team/calendar.ics", views.calendar, name="calendar"),
    path("calendar/<str:token>/reviews.ics", views.calendar_feed, name="calendar_feed"),
    path("policy-team/triage/", views.triage, name="triage"),
    path("policy-team/drafts/", views.drafts, name="drafts"),
    path("policy-team/drafts/<int:number>/", views.draft, name="draft"),
    path("policy-team/drafts/<int:number>/add/", views.draft_clause_add, name="draft_add"),
    path("policy-team/drafts/<int:number>/approve/", views.draft_approve, name="draft_approve"),
    path("policy-team/drafts/<int:number>/publish/", views.draft_publish, name="draft_publish"),
    path("policy-team/drafts/<int:number>/clauses/<slug:anchor>/", views.draft_clause_edit, name="draft_edit"),
    path("policy-team/drafts/<int:number>/clauses/<slug:anchor>/remove/", views.draft_clause_remove, name="draft_remove"),
    path("policy-team/drafts/<int:number>/clauses/<slug:anchor>/move/", views.draft_clause_move, name="draft_move"),
    path("versions/<int:number>/changelog/", views.changelog, name="changelog"),
    path("attest/", views.attest_view, name="attest"),
    path("teams/", views.teams, name="teams"),
    path("export/contributions.<str:fmt>", views.export, name="export"),
]
