"""The whole living-policy loop in a real browser, with axe-core on every page on the way:
a member proposes an amendment with evidence, another endorses and replies, a moderator hides a reply with
a reason, a policy officer opens a round, decides, drafts and edits, a second officer approves, the version
is published, and the member sees the credit in the changelog and is asked to re-attest."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from eprofessional.community import actions
from eprofessional.community.models import Contribution
from tests.conftest import make_user, open_account_menu, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_out(page) -> None:
    open_account_menu(page).get_by_role("button", name="Sign out").click()


def test_the_whole_loop(page, live_server, axe, content) -> None:
    alice = make_user("alice", display_name="Alice Ward")
    charlie = make_user("charlie", display_name="Charlie Reed")
    make_user("maud", display_name="Maud Moderator", is_moderator=True)
    make_user("olivia", display_name="Olivia Officer", is_policy_officer=True, role="manager")
    make_user("oscar", display_name="Oscar Officer", is_policy_officer=True, role="manager")
    clause = content.clauses.filter(topics__key="messaging-service-users").order_by("section__position", "position").first()

    # The member confirms she has read version 1, then proposes an amendment with evidence.
    sign_in(page, live_server, "alice")
    page.get_by_role("button", name=f"I have read version {content.number}").click()
    page.goto(f"{live_server.url}/community/clauses/{clause.anchor}/")
    axe("clause discussion")
    page.get_by_label("A proposed amendment").check()
    page.get_by_label("Title", exact=True).fill("Ask for an agreed messaging channel")
    page.get_by_label("What you want to say").fill("Families ask us to use WhatsApp and there is often no agreed app.")
    page.get_by_role("textbox", name="The clause as you would write it").fill("Use only the messaging channel your employer has agreed.")
    page.get_by_label("Evidence: source").fill("Team survey")
    page.get_by_label("Evidence: short summary").fill("Nine of eleven workers were asked to use WhatsApp.")
    page.get_by_role("button", name="Publish contribution").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ask for an agreed messaging channel")
    axe("contribution")
    contribution = Contribution.objects.get(title="Ask for an agreed messaging channel")
    sign_out(page)

    # Another member endorses and replies; someone else posts a rude reply.
    sign_in(page, live_server, "charlie")
    page.goto(f"{live_server.url}{contribution.get_absolute_url()}")
    page.get_by_role("button", name="Endorse").click()
    page.get_by_label("Your reply").fill("Agreed: the same happens in our team after 5pm.")
    page.get_by_role("button", name="Post reply").click()
    expect(page.get_by_text("Agreed: the same happens in our team after 5pm.")).to_be_visible()
    sign_out(page)
    rude = actions.reply(make_user("rex"), contribution, "Anyone who uses WhatsApp is lazy.")

    # A moderator hides the rude reply with a reason, shown in place.
    sign_in(page, live_server, "maud")
    page.goto(f"{live_server.url}/community/moderation/")
    axe("moderation")
    page.goto(f"{live_server.url}{contribution.get_absolute_url()}?moderate=reply-{rude.pk}#moderate")
    page.get_by_label("Hide").check()
    page.get_by_label("Reason (shown in place").fill("Not respectful to other members")
    page.get_by_role("button", name="Apply").click()
    expect(page.get_by_text("Hidden by a moderator: Not respectful to other members")).to_be_visible()
    expect(page.get_by_text("Anyone who uses WhatsApp is lazy.")).to_have_count(0)
    sign_out(page)

    # A policy officer opens a round, decides with a reason, starts a draft and edits the clause.
    sign_in(page, live_server, "olivia")
    page.goto(f"{live_server.url}/community/rounds/new/")
    axe("open a round")
    page.get_by_label("Title").fill("Messaging apps")
    page.get_by_label("Description").fill("How do families reach you?")
    page.get_by_label("Questions, one a line").fill("Which apps are agreed for work?")
    page.get_by_label(re.compile(rf"^{clause.section.number}\. ")).check()
    page.get_by_label("Closing date").fill((dt.date.today() + dt.timedelta(days=30)).isoformat())
    page.get_by_role("button", name="Open the round").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Messaging apps")
    page.goto(f"{live_server.url}{contribution.get_absolute_url()}")
    page.get_by_label("Accepted in part").check()
    page.get_by_label("Public reason").fill("We will add advice to ask for an agreed channel.")
    page.get_by_role("button", name="Record decision").click()
    expect(page.get_by_text("We will add advice to ask for an agreed channel.")).to_be_visible()
    page.goto(f"{live_server.url}/community/policy-team/")
    axe("policy team dashboard")
    page.get_by_role("link", name="Drafting").click()
    page.get_by_role("button", name="Start a draft").click()
    axe("draft")
    page.get_by_role("link", name=f"Edit clause {clause.number}").click()
    axe("edit a clause")
    page.get_by_label("Text", exact=True).fill(clause.text + " Ask your manager in writing for an agreed channel.")
    page.get_by_label("Reason for the change").fill("Members told us there is often no agreed channel.")
    page.get_by_label("Material: members affected").check()
    page.get_by_label("Contributions it answers").fill(str(contribution.pk))
    page.get_by_role("button", name="Save clause").click()
    expect(page.get_by_role("cell", name="Members told us there is often no agreed channel.")).to_be_visible()
    sign_out(page)

    # A second officer approves and publishes.
    sign_in(page, live_server, "oscar")
    page.goto(f"{live_server.url}/community/policy-team/drafts/")
    page.get_by_role("link", name="Continue the draft").click()
    page.get_by_role("button", name="Approve this draft").click()
    page.get_by_label("Summary of this version").fill("Clearer advice on messaging apps")
    page.get_by_label('"You said, we did"').fill("You said there is often no agreed channel; we now say to ask for one.")
    page.get_by_role("button", name=re.compile("^Publish version")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("what changed and why")
    sign_out(page)

    # The member sees the credit in the changelog and is asked to re-attest.
    sign_in(page, live_server, "alice")
    banner = page.get_by_role("region", name="Policy update")
    expect(banner).to_contain_text(f"Version {content.number + 1}")
    banner.get_by_role("link", name="what changed").click()
    expect(page.get_by_text("Ask for an agreed messaging channel")).to_be_visible()
    expect(page.get_by_text("by Alice Ward")).to_be_visible()
    axe("changelog")
    page.get_by_role("button", name=f"I have read version {content.number + 1}").click()
    expect(page.get_by_role("region", name="Policy update")).to_have_count(0)
    assert alice.attestations.count() == 2
    assert charlie.pk
