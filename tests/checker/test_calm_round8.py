"""Eighth round (calm3): programmes and books, colleagues praised by name, greeting words read as names,
and students' open groups at a public venue.

Each look-alike is rated ok with the pass and flagged without it; each risky twin stays flagged. Posts
are written for the test, with made-up names, places and numbers.
"""

import pytest

from ep_checker import calm, check


def risk(text: str) -> str:
    return check(text, learned=False).risk


def risk_without(text: str, name: str) -> str:
    calm.DISABLED.add(name)
    try:
        return check(text, learned=False).risk
    finally:
        calm.DISABLED.clear()


QUIET = [
    (
        "public-talk",
        "Dr Ffion Parry-Hughes still doing A&E shifts as an MP is wild. More politicians should see a Friday night.",
    ),
    (
        "media",
        "Rewatching Top Boy and Dushane is still the coldest character on TV. Summerhouse estate forever",
    ),
    (
        "media",
        "Listening to Desert Island Discs between wards. Lauren Laverne could make anyone sound calm on the AMHP line",
    ),
    ("colleague-praise", "Cheers to my PA partner Meg for covering my caseload while I was off. Team work!"),
    ("colleague-praise", "Proud moment: my apprentice Saskia passed her final placement today. Go on girl!"),
    (
        "greeting",
        "Ramadan kareem to everyone fasting, especially my colleagues doing home visits on an empty stomach",
    ),
    ("greeting", "Happy Mother's Day to all the foster carers, kinship carers and adopted mums."),
    (
        "community-invite",
        "Revision session at the Hive in Worcester at 2, anyone from year 2 who's free come join us",
    ),
]

RISKY = [
    # a public role mentioned, but the person named is a client
    "Our client Ffion Parry-Hughes, 15, was in A&E again last night, her dad works as an MP researcher",
    # a programme mentioned, but the post is about a child on the caseload
    "Watching Top Boy with my foster son Dushane, 15, who lives on the Summerhouse estate in Hackney",
    "Rewatching Line of Duty and thinking of Kai-Leigh, police found her in a flat with older lads again",
    # a colleague thanked, but a removal and a family are the story
    "Cheers to my PA partner Meg for helping with the removal of the Ahmed kids last night",
    "Proud of my apprentice Saskia, she did the visit to Jayden Price, 14, in care at Oakfield children's home",
    # a greeting, but a child named in it
    "Eid Mubarak to everyone! Little Yusuf, 6, from our Hulme placement got his first Eid outfit today",
    # a group at a public venue, but a client's meeting
    "Meeting my client at the library in Worcester at 2 if anyone wants to join the visit",
]


@pytest.mark.parametrize(("name", "text"), QUIET)
def test_look_alike_quiet(name: str, text: str) -> None:
    assert risk(text) == "ok"
    assert risk_without(text, name) != "ok"


@pytest.mark.parametrize("text", RISKY)
def test_risky_twin_flagged(text: str) -> None:
    assert risk(text) != "ok"


def test_greeting_word_name_dropped_but_real_name_kept() -> None:
    text = "Eid Mubarak to all! Shout out to Yusuf Khan, 9, at Ash Grove for his first fast"
    assert risk(text) != "ok"


def test_media_keeps_a_numbered_address() -> None:
    text = "Rewatching Top Boy tonight but Mr Dale at flat 22 Cotton Tower keeps ringing the office"
    assert risk(text) != "ok"


def test_pet_age_is_dropped_but_a_childs_age_beside_a_pet_is_kept() -> None:
    quiet = (
        "Our ward cat Biscuit (aged 9, greedy, grumpy) has been officially adopted as staff wellbeing lead"
    )
    assert risk(quiet) == "ok"
    assert risk_without(quiet, "things") != "ok"
    twin = "Kai, 11, from our foster placement in Hulme was so proud showing me his cat Biscuit today"
    assert risk(twin) != "ok"
