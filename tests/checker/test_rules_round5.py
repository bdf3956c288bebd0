"""Fifth round: fewer false alarms on look-alikes, and people identified by events, landmarks and rooms.

Posts are written for the test with made-up names and places; each mechanism has look-alikes both ways.
"""

import pytest

from ep_checker import check


def risk(text: str) -> str:
    return check(text, learned=False).risk


# ---- false alarms that should stay quiet
@pytest.mark.parametrize(
    "text",
    [
        # a place inside an event or award name
        "Massive well done to Carys from our fostering team who ran the Swansea Half for Shelter Cymru!",
        "My two lads at the YOT want me at their Duke of Edinburgh bronze walk. So proud of them.",
        # the area a campaign or service covers
        "Foster care fortnight! If you live in Powys or Ceredigion and have a spare room, get in touch.",
        # person words inside jokes, public cases and service names
        "Dad jokes Friday: what do you call a home visit in a bakery? A bread-and-butter case 😂",
        "With respect, cutting budgets in child protection got people killed. Read Baby P.",
        # the author's own time in care
        "Bumped into my old social worker Gareth today, the one who sorted my first tenancy when I left care. Legend.",
        # a conference stand is a public event, not a live location
        "I'm speaking at the ADCS conference at the ICC Birmingham on Friday - come and say hi at our stand!",
        # a kind of court is not a street
        "Morning at the Sheriff Court, afternoon writing up. Glamorous life of an MHO.",
        # tips for students about 'a service user'
        "Tip for students: never write a service user's real initials in a blog. Change the details.",
        # an advert for the author's own practice
        "Today I'm launching my own practice offering parenting assessments across North Wales. Get in touch!",
    ],
)
def test_look_alikes_stay_ok(text):
    assert risk(text) == "ok", check(text, learned=False).findings


@pytest.mark.parametrize(
    "text",
    [
        # the same places with a person the author works with still count
        "Carys (15) from my caseload ran the Swansea Half today, her foster carer cried",
        "The dad from my case lives in Powys, he's 19 and the baby is 6 weeks",
        # a titled person is still casework when the post says so
        "my client Gareth, 16, was moved from his placement on Sunday",
    ],
)
def test_still_flagged(text):
    assert risk(text) == "stop"


def test_weekday_after_on_is_not_a_place():
    r = check("home visit on Saturday, the wee lad (9) was fine", learned=False)
    assert not any(f.category == "place" for f in r.findings)
    assert not any(
        f.text == "Sunday" for f in check("court on Sunday for the lad (14)", learned=False).findings
    )


# ---- people identified without a name
@pytest.mark.parametrize(
    "text",
    [
        "The woman who runs the tombola at the Brynffos social club is one of my service users. Small world.",
        "Shoutout to Mr K in room 7 who told me about his days on the railway. A proper gent.",
        "drove past the house on Pentrewen where we removed the kids last spring. still think about them",
        "honestly if one more Zawadzki rings the duty line today I'm emigrating",
        "the family that lives in the flat above the Spar in Llanfrechog have had the kids back a month now",
        "AIBU? the boy at our school who's in foster care keeps taking my son's lunch",
    ],
)
def test_identified_by_event_landmark_or_room(text):
    assert risk(text) == "stop", check(text, learned=False).findings


@pytest.mark.parametrize(
    "text",
    [
        # no casework: a room number, a landmark or an act alone is no case
        "Hotel check-in done, room 7 has a sea view. Conference tomorrow!",
        "The man who does the quiz at the Red Lion is a legend. Pub quiz Thursday!",
        "We live in the flat above the Spar, handy for milk",
    ],
)
def test_no_casework_no_stop(text):
    assert risk(text) != "stop"


def test_age_in_month():
    r = check("my client, the lad is 15 in June, goes to Tregarn High", learned=False)
    assert r.risk == "stop"
    assert any(f.category == "age" and "June" in f.text for f in r.findings)
    assert risk("We did 12 in March and 14 in April, a record for the team") == "ok"


# ---- second batch: look-alikes from the author's own life, public life and job adverts
@pytest.mark.parametrize(
    "text",
    [
        "Ward 6 at the Royal Gwent looked after my mam so well after her knee op. Thank you all 💙",
        "My mam turns 75 on Sunday, we've booked a table at the Feathers in Treorchy 🎉",
        "Great day at the seaside with the in-laws. Father-in-law Tomos, 79, ate three ice creams",
        "Any Wigan foster carers fancy our walking group? We meet at Mesnes Park on Sundays, carers only!",
        "We're hiring! Two social workers for our adoption team in Leeds. Informal chat with Carys Pryce (Team Manager) on 0113 496 0001",
        "Is anyone watching the new BBC drama? The social worker character Beth has a caseload from hell 😂",
        "Bolton's children's services just got 'outstanding' from Ofsted. Congratulations to the whole team 👏",
        "Petition hand-in at the Senedd, 11am. Social workers for fair pay - come and join us! ✊",
        "Guto, my little boy, started at Ysgol Feithrin today and didn't look back 😭",
    ],
)
def test_second_batch_look_alikes_stay_ok(text):
    assert risk(text) == "ok", check(text, learned=False).findings


@pytest.mark.parametrize(
    "text",
    [
        "WHY is it always the Pendrakes 😤 second referral this week, same family same story",
        "Who else has had the Wiśniewski grandad on the phone threatening to go to the papers? Thought so",
        "Yes I'm the social worker for the Marczak kids and no I won't be commenting on the rumours",
        "my first section 47 was the family above the bookies on Orchard Road, 5 kids, did I do ok?",
        "the lad who climbed onto the roof of the Asda in Tregarn last night - yep, that's one of ours",
        "she's the one who does the cake stall outside Greggs in Pontnewydd and her husband's been hitting her for years",
        "the kid from Hollinsend whose mam was on the front of the Star last week is my new case",
    ],
)
def test_second_batch_identified(text):
    assert risk(text) == "stop", check(text, learned=False).findings


def test_second_batch_still_quiet_without_casework():
    # a surname-like word in the plural with no casework, a landmark home with no case
    assert risk("Off to the Pendrakes for a barbecue, can't wait") == "ok"
    assert risk("We used to live above the bakery on Orchard Road, best bread ever") != "stop"


def test_age_with_a_named_home_is_descriptive():
    text = "She's 91, lives on her own on the top floor of Pennant House and the lift has been out for weeks."
    assert risk(text) == "stop"
    # the author's own family in a named home stays out of it
    assert risk("My nan is 91 and loves it at Pennant House, the staff are wonderful") != "stop"
