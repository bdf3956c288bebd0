"""A member downloads their own data as JSON from the profile page: all of theirs, nobody else's."""

from __future__ import annotations

import json

import pytest

IDENTIFYING = "Court tomorrow for the Zqwerty kids, their mum lives at 14 Acacia Road, Leeds LS6 2AB."


@pytest.fixture
def records(content, alice, bob, charlie):
    from eprofessional.community import actions
    from eprofessional.guidance import worksheets as workflow
    from eprofessional.guidance.models import Worksheet

    anchor = content.clauses.order_by("section__position", "position").first().anchor
    sheet = workflow.save_worksheet(
        Worksheet(author=alice, title="Qalice sheet", facts="Qalice facts"),
        [{"option": "Qalice option", "benefits": "b", "risks": "r"}],
        [{"principle": "COE-2014:3.2", "notes": "Qalice tension"}],
    )
    workflow.share(sheet, bob)
    workflow.add_comment(sheet, bob, "Qbob comment")
    workflow.save_worksheet(Worksheet(author=bob, title="Qbob private sheet"), [], [])
    mine = actions.contribute(alice, kind="comment", title="Qalice thought", body="Plain words.", clause_anchor=anchor)
    held = actions.contribute(alice, kind="comment", title="Qalice held", body=IDENTIFYING, clause_anchor=anchor)
    theirs = actions.contribute(charlie, kind="comment", title="Qcharlie thought", body="Charlie words.",
                                clause_anchor=anchor)
    actions.reply(alice, theirs, "Qalice reply")
    actions.reply(charlie, mine, "Qcharlie reply")
    actions.endorse(alice, theirs)
    actions.follow(alice, clause_anchor=anchor)
    actions.attest(alice, content)
    return {"sheet": sheet, "mine": mine, "held": held, "theirs": theirs, "anchor": anchor}


@pytest.mark.django_db
def test_the_profile_links_to_the_download(client, alice):
    client.force_login(alice)
    assert 'href="/accounts/profile/my-data.json"' in client.get("/accounts/profile/").content.decode()


@pytest.mark.django_db
def test_the_download_holds_everything_of_hers(client, alice, records, content):
    client.force_login(alice)
    response = client.get("/accounts/profile/my-data.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith('attachment; filename="e-professional-my-data-')
    assert "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["format"] == "e-professional-member-data/1"
    assert data["profile"]["username"] == "alice" and data["profile"]["email"] == "alice@example.org"
    assert data["profile"]["display_name"] == "Alice Ward"
    [sheet] = data["worksheets"]
    assert sheet["title"] == "Qalice sheet" and sheet["facts"] == "Qalice facts"
    assert sheet["principles"][0]["notes"] == "Qalice tension" and sheet["options"][0]["option"] == "Qalice option"
    assert sheet["shared_with"] == "Bob Supervisor"
    assert sheet["comments"] == [{**sheet["comments"][0], "author": "Bob Supervisor", "body": "Qbob comment"}]
    titles = {c["title"]: c for c in data["contributions"]}
    assert set(titles) == {"Qalice thought", "Qalice held"}
    assert titles["Qalice held"]["visibility"] == "held" and titles["Qalice held"]["clause"] == records["anchor"]
    assert [r["body"] for r in data["replies"]] == ["Qalice reply"]
    assert data["endorsements"] == [{**data["endorsements"][0], "contribution": records["theirs"].pk}]
    assert {"clause": records["anchor"], "contribution": None} in data["follows"]  # and what she wrote, followed
    assert [a["version"] for a in data["attestations"]] == [content.number]


@pytest.mark.django_db
def test_the_download_holds_nothing_of_anyone_elses(client, alice, records):
    client.force_login(alice)
    text = client.get("/accounts/profile/my-data.json").content.decode()
    for other in ("Qbob private sheet", "Qcharlie thought", "Qcharlie reply", "charlie@example.org",
                  "bob@example.org", "md5$", "argon2", "pbkdf2"):
        assert other not in text, other


@pytest.mark.django_db
def test_each_member_gets_only_their_own(client, charlie, records):
    client.force_login(charlie)
    data = client.get("/accounts/profile/my-data.json").json()
    assert data["profile"]["username"] == "charlie" and data["worksheets"] == []
    assert {c["title"] for c in data["contributions"]} == {"Qcharlie thought"}
    assert "Qalice" not in json.dumps(data)


@pytest.mark.django_db
def test_signed_out_readers_are_sent_to_sign_in(client):
    response = client.get("/accounts/profile/my-data.json")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/sign-in/")


@pytest.mark.django_db
def test_the_download_takes_a_fixed_number_of_queries(client, alice, records, django_assert_max_num_queries):
    from eprofessional.guidance import worksheets as workflow
    from eprofessional.guidance.models import Worksheet

    for n in range(10):
        sheet = workflow.save_worksheet(Worksheet(author=alice, title=f"Sheet {n}"), [],
                                        [{"principle": "COE-2014:3.2", "notes": "n"}])
        workflow.add_comment(sheet, alice, "c")
    client.force_login(alice)
    with django_assert_max_num_queries(20):
        assert client.get("/accounts/profile/my-data.json").status_code == 200


@pytest.mark.django_db
def test_the_download_holds_her_archive_audits_and_no_one_elses(client, alice, charlie):
    from eprofessional.checks.models import AuditJob, AuditPost

    mine = AuditJob.objects.create(owner=alice, original_name="twitter.zip", platform="X/Twitter", status="done",
                                   total=2, processed=2, count_stop=1, count_ok=1)
    AuditPost.objects.create(job=mine, position=0, post_id="1001", source="tweet", date="2024-03-06",
                             text="Qalice flagged post", risk="stop", risk_rank=2,
                             findings=[{"category": "name", "severity": "stop", "text": "Qalice"}])
    theirs = AuditJob.objects.create(owner=charlie, original_name="Shares.csv", platform="LinkedIn", status="done")
    AuditPost.objects.create(job=theirs, position=0, text="Qcharlie flagged post", risk="stop", risk_rank=2)
    client.force_login(alice)
    data = client.get("/accounts/profile/my-data.json").json()
    [audit] = data["archive_audits"]
    assert audit["file"] == "twitter.zip" and audit["platform"] == "X/Twitter" and audit["status"] == "done"
    assert (audit["posts_checked"], audit["stop"], audit["review"], audit["ok"]) == (2, 1, 0, 1)
    [post] = audit["flagged_posts"]
    assert post["text"] == "Qalice flagged post" and post["risk"] == "stop" and post["date"] == "2024-03-06"
    assert post["findings"][0]["category"] == "name"
    assert "Qcharlie" not in json.dumps(data) and "Shares.csv" not in json.dumps(data)
