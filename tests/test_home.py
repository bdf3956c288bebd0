"""The home page tells a social worker what the platform does for them and where to go."""

from __future__ import annotations

import pytest


@pytest.mark.django_db
def test_home_page_points_to_every_way_in(client, content):
    html = client.get("/").content.decode()
    assert "<h1>Social media and your practice</h1>" in html
    assert '<label for="home-search" class="ep-label">Describe what is happening</label>' in html
    assert 'action="/search/"' in html
    assert '<a href="/check/">Check a post before you publish</a>' in html
    assert '<a href="/cases/">Work through a dilemma</a>' in html
    assert '<a href="/policy/">Read the policy</a>' in html
    assert f"Version {content.number}" in html
    assert "In an emergency" in html and "call 999" in html
    for audience in ["A foster carer or carer", "A social work student", "A manager or supervisor"]:
        assert audience in html


@pytest.mark.django_db
def test_home_page_audience_links_run_searches(client, content):
    html = client.get("/").content.decode()
    assert '/search/?q=photos%20of%20the%20child%20I%20foster' in html
    assert html.count('href="/search/?q=') >= 7


@pytest.mark.django_db
def test_home_page_invites_visitors_but_not_members_to_sign_up(client, alice, content):
    assert 'href="/accounts/sign-up/"' in client.get("/").content.decode()
    client.force_login(alice)
    html = client.get("/").content.decode()
    assert 'href="/accounts/sign-up/"' not in html
    assert "Your account" in html


@pytest.mark.django_db
def test_home_page_works_before_any_policy_is_published(client):
    from eprofessional.policy.models import PolicyVersion

    PolicyVersion.objects.all().delete()
    response = client.get("/")
    assert response.status_code == 200
    assert b"Read the policy" in response.content
