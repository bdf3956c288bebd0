"""Worksheets where a worker looks: "Your worksheets" and, for supervisors, "Shared with you" on the home
page (signed in only) and the profile page. Nobody else's worksheet ever appears, and none of it can reach
the public page cache."""

from __future__ import annotations

import pytest

from tests.conftest import make_user


def _sheet(author, title, case=None, share_with=None):
    from eprofessional.guidance import worksheets as workflow
    from eprofessional.guidance.models import Worksheet

    sheet = workflow.save_worksheet(Worksheet(author=author, title=title, case=case), [], [])
    if share_with is not None:
        workflow.share(sheet, share_with)
    return sheet


@pytest.fixture
def sheets(content, alice, bob):
    from eprofessional.guidance.models import Case

    case = Case.objects.first()
    shared = _sheet(alice, "Qzmarkerq shared friend request", case=case, share_with=bob)
    private = _sheet(alice, "Qzmarkerq private photo at a party")
    bobs_own = _sheet(bob, "Qzmarkerq bob own reasoning")
    return {"case": case, "shared": shared, "private": private, "bobs_own": bobs_own}


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/accounts/profile/"])
def test_a_worker_sees_their_recent_worksheets_with_case_date_and_sharing(client, alice, sheets, path):
    client.force_login(alice)
    html = client.get(path).content.decode()
    assert "Your worksheets" in html
    assert "Qzmarkerq shared friend request" in html and "Qzmarkerq private photo at a party" in html
    assert sheets["case"].title in html and "Your own situation" in html
    assert "With Bob Supervisor" in html and "Not shared" in html
    assert 'href="/worksheets/"' in html and "See all your worksheets (2)" in html
    assert "Qzmarkerq bob own reasoning" not in html
    assert "Shared with you" not in html  # alice is not a supervisor


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/accounts/profile/"])
def test_a_supervisor_also_sees_what_is_shared_with_them(client, bob, sheets, path):
    client.force_login(bob)
    html = client.get(path).content.decode()
    assert "Qzmarkerq bob own reasoning" in html
    assert "Shared with you" in html and "Qzmarkerq shared friend request" in html and "Alice Ward" in html
    assert "Qzmarkerq private photo at a party" not in html


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/", "/accounts/profile/"])
def test_another_member_never_sees_them(client, charlie, sheets, path):
    other_supervisor = make_user("sally", supervisor_kind="practice-educator")
    for who in (charlie, other_supervisor):
        client.force_login(who)
        html = client.get(path).content.decode()
        assert "Qzmarkerq" not in html, who
        assert "You have no worksheets yet" in html


@pytest.mark.django_db
def test_sharing_withdrawn_leaves_the_supervisors_list(client, bob, sheets):
    from eprofessional.guidance import worksheets as workflow

    workflow.withdraw(sheets["shared"])
    client.force_login(bob)
    html = client.get("/").content.decode()
    assert "Qzmarkerq shared" not in html and "Nobody has shared a worksheet with you" in html


@pytest.mark.django_db
def test_the_anonymous_home_page_has_no_worksheets_and_none_enter_the_cache(client, alice, sheets):
    from tests.test_checks_privacy import cache_mentions

    client.get("/")  # an anonymous reader first: if the home page is cached, it is cached now
    client.force_login(alice)
    signed_in = client.get("/")
    assert "Qzmarkerq shared" in signed_in.content.decode()
    assert "no-store" in signed_in["Cache-Control"]
    client.post("/accounts/sign-out/")
    client.cookies.clear()
    html = client.get("/").content.decode()
    assert "Your worksheets" not in html and "Qzmarkerq" not in html
    assert cache_mentions("Qzmarkerq shared") == [] and cache_mentions("Qzmarkerq private") == []


@pytest.mark.django_db
def test_the_summary_takes_a_fixed_number_of_queries(client, alice, bob, content, django_assert_max_num_queries):
    for n in range(12):
        _sheet(alice, f"Sheet {n}", share_with=bob if n % 2 else None)
    client.force_login(bob)
    client.get("/")
    with django_assert_max_num_queries(15):
        html = client.get("/").content.decode()
    assert "See all worksheets shared with you (6)" in html and html.count("Sheet ") == 5
