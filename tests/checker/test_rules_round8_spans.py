"""Eighth round (spans3): ages said plainly, rooms and bays by letter, hospitals by local name.

Each mechanism has posts it must catch (the span is reported) and look-alikes that must stay quiet.
Posts are made up for the test.
"""

import pytest

from ep_checker import check


def flagged(text: str, needle: str) -> bool:
    r = check(text, learned=False)
    i = text.find(needle)
    assert i >= 0
    return any(f.start < i + len(needle) and i < f.end for f in r.findings)


CATCH = [
    # a name with a bare age in brackets, also a name that is a word ("Blessing", "Hope")
    ("Home visit done. Our foster lad's sister Ifeoma (9) told the IRO everything at the review", "9"),
    (
        "Kinship placement update: Hope (nearly 4) settled with her nan after contact at the family centre",
        "Hope",
    ),
    # an age said of someone: "he's 17 and", "who's 80,", "she was 14 when"
    ("The lad on my caseload got his tag off today, he's 17 and finally back at college in Rochdale", "17"),
    ("Safeguarding referral for a client who's 80, lives alone in Fort William and keeps falling", "80"),
    ("Thinking of the girl I worked with in the children's home. She was 14 when she went missing.", "14"),
    # an age as a sentence of its own, in figures or in words
    (
        "Sat with a young lad in the custody suite all night after his arrest in Bootle. 15. Absolutely gutted",
        "15",
    ),
    (
        "The girl I placed last week has gone missing from her placement in Hull again. Twelve. Twelve!",
        "Twelve",
    ),
    # an age with a word the older finders do not take
    (
        "Sad day at the care home, our oldest resident passed away at Brookfield, 103 years young",
        "103 years young",
    ),
    # a room or bay by letter, a room written short
    ("Safeguarding concern: the man in bay D on the stroke ward has bruises nobody can explain", "bay D"),
    ("Safeguarding alert: the resident in rm 7 at the care home has bruising nobody can explain", "rm 7"),
    # double-barrelled given names: two names that are also words, or a quoted name with a strong second half
    ("Core group today: Mum Mercy-Grace was quiet until the CP plan was read out", "Mercy-Grace"),
    (
        "Our placement WhatsApp: a child protection plan went round with the child's name in bold, 'Tazzie-Mae'. Deleted.",
        "Tazzie-Mae",
    ),
    # a district by a name and a landscape word, after a word for where
    (
        "Home visit with my PE to a dad on the Scotswood Brow estate, his flat on the Benwhat Heath was freezing",
        "Benwhat Heath",
    ),
    # hospitals known by a local name
    (
        "Detained a young man under s2 tonight, he's on the ward at Pinderfields now and very unwell",
        "Pinderfields",
    ),
    (
        "My client has been stuck on a ward at the Hallamshire for six weeks, medically fit, no package",
        "Hallamshire",
    ),
]


@pytest.mark.parametrize("text,needle", CATCH)
def test_eighth_round_catches(text: str, needle: str) -> None:
    assert flagged(text, needle)


QUIET = [
    # a word or a label with a count in brackets, not a name with an age
    ("Team day: Tier (4) beds, Section (2) paperwork and Part (3) of the new policy", "4"),
    # a number that is a count, not an age
    ("Shift done. Visits: 4. Calls returned: 12. Brews: too many to count.", "12"),
    ("She's 5 minutes late for every duty meeting and nobody says a word", "5"),
    # hyphenated words that are not names
    ("Safeguarding training on the grooming of kids on Snap: rose-gold phones, May-Day parades", "May-Day"),
    # a landscape word after an ordinary word, or a district's name before a road or a station
    ("Team away day on the Village Green, then a quiz at the Lucky Corner", "Village Green"),
    ("Our duty team moves to the office at Benwhat Heath Road next month", "Benwhat Heath"),
    # "the Ulster Folk Museum" and "the JR" (judicial review) are not hospitals
    ("Great day out at the Ulster Folk Museum with the family, the tram was the best bit", "Ulster"),
    ("Reading up on the JR about the council's age assessments for our training day", "JR"),
    # a bay that is a place, not a hospital bay
    ("Walked the dog round the bay at Swansea this morning before work, glorious", "bay at"),
]


@pytest.mark.parametrize("text,needle", QUIET)
def test_eighth_round_look_alikes_stay_quiet(text: str, needle: str) -> None:
    assert not flagged(text, needle)


def test_age_said_leaves_the_authors_own_child_to_the_older_finders() -> None:
    text = "My son is 3 and already bossing me about, parenting and social work are the same job"
    assert not {f.rule for f in check(text, learned=False).findings} & {"age-said", "age-own-sentence"}
