"""Rule families added with the dev3 batch: streets in any casing, ages as people say them, and descriptive
identification (an age with a street, estate or school). Each in several casings, each with look-alikes that
stay quiet. The sentences are written for these tests (not copied from the evaluation sets)."""

import pytest

from ep_checker import check


def flagged(text, needle, risk=None):
    r = check(text)
    i = text.lower().find(needle.lower())
    assert i >= 0
    hit = any(f.start < i + len(needle) and i < f.end for f in r.findings)
    return hit and (risk is None or r.risk == risk)


def categories(text):
    return {f.category for f in check(text).findings}


# ---------------------------------------------------------------- the colleague's post


@pytest.mark.parametrize(
    "text",
    [
        "lovely visit today with the little lad on elm road, he's 6 now and finally talking",
        "Lovely visit today with the little lad on Elm Road, he's 6 now and finally talking",
        "LOVELY VISIT TODAY WITH THE LITTLE LAD ON ELM ROAD, HE'S 6 NOW AND FINALLY TALKING",
        "lovely visit today with the little lad on elm rd hes 6 now and finally talking",
    ],
)
def test_street_and_age_in_any_casing_stop(text):
    r = check(text)
    assert r.risk == "stop"
    assert {"address", "age"} <= {f.category for f in r.findings}
    assert "elm" not in r.redacted.lower()


# ---------------------------------------------------------------- streets in any casing


@pytest.mark.parametrize(
    "text,street",
    [
        ("home visit on sycamore close today, the boy is 7", "sycamore close"),
        ("home visit on Sycamore Close today, the boy is 7", "Sycamore Close"),
        ("the girl from rowan court, 14, is missing again. police informed", "rowan court"),
        ("visited the family at the end of cedar cres today, baby is 4 months", "cedar cres"),
        ("the lad from west st is only 9 and was out at midnight", "west st"),
        ("she's 5 and lives on bramble view with her nan, visit today", "bramble view"),
        ("the lad on cherry tree walk turned 16 today, still in care", "cherry tree walk"),
        ("visit on laurel way today, she's only 4", "laurel way"),
        ("the kids on hawthorn ave are 3 and 6, no food in the house", "hawthorn ave"),
        ("little one on Heol y Parc is 3 now, visit today", "Heol y Parc"),
        ("the wee lassie up Kirk Brae is 4 and nae heating in the hoose, visit today", "Kirk Brae"),
    ],
)
def test_streets_any_casing_and_abbreviation(text, street):
    assert flagged(text, street, "stop")


@pytest.mark.parametrize(
    "text",
    [
        "Just listened to Abbey Road again on vinyl, he's a genius",
        "Coronation Street tonight was brilliant, that storyline made me cry",
        "Statement from Downing Street on children's social care reform today",
        "Meeting the team at Baker Street station at 10",
        "TIL 221B Baker Street isn't a real address",
        "On my way home now, what a day",
        "in my view the reforms don't go far enough",
        "Going for a long walk on the beach with the dog",
        "came in first place at the quiz tonight!",
        "Made my way down memory lane with old uni photos",
        "Cycle lane on the main road finally open",
    ],
)
def test_street_look_alikes_stay_quiet(text):
    assert "address" not in categories(text)


# ---------------------------------------------------------------- ages as people say them


@pytest.mark.parametrize(
    "text,age",
    [
        ("visit on pine road, hes only 12 and excluded again", "hes only 12"),
        ("visit on pine road, HES ONLY 12 and excluded again", "HES ONLY 12"),
        ("contact at the family centre on mill lane, she turned 9 last week", "turned 9"),
        ("removal from a flat on chapel lane today, girl aged two", "aged two"),
        ("the twins on beech drive are 8 now, strategy meeting tomorrow", "8 now"),
        ("the girl with the pink glasses from rowan court, 14, missing again", "14"),
        ("lad in the wheelchair from Valley View, about 24, carer taking his money", "about 24"),
        ("her youngest is twelve and a young carer, assessment on ferndale road today", "twelve"),
        ("lady on Willow Cres, 92 next month, keeps letting strangers in. referral done", "92 next month"),
        ("family on Ashby Rd kept their kids (ages 4, 7 and 9) out of care this year", "ages 4, 7 and 9"),
        ("teen mum on Belmont St just 16, baby 3 weeks, no health visitor yet", "3 weeks"),
        ("shout out to the lad at Oakwood High, year 9, who read his statement at his review", "year 9"),
    ],
)
def test_ages_in_case_context(text, age):
    assert flagged(text, age, "stop")


def test_birthday_today_in_fostering_gives_the_date():
    r = check(
        "bless her she turned 9 yesterday and we had cake at contact, first birthday since she came into care"
    )
    assert r.risk == "stop"
    assert "date-of-birth" in {f.category for f in r.findings}


@pytest.mark.parametrize(
    "text",
    [
        "New figures: children aged 5 to 11 are most likely to be referred for neglect",
        "Reading about the reforms: the number of children in care aged 16 or over has risen by 12%",
        "training today: children aged six and under should have eye tests",
        "i turned 40 yesterday and feel ancient",
        "our daughter turned 6 today, cannot believe it",
        "We turned 3 pages of the report before lunch",
        "The number of referrals is 12, down from 15",
        "Year 3 of my social work degree starts monday!",
        "my son is in year 9 now, how did that happen",
        "he's 2 hours late lol",
    ],
)
def test_age_look_alikes_stay_quiet(text):
    assert check(text).risk == "ok"


# ---------------------------------------------------------------- descriptive identification


@pytest.mark.parametrize(
    "text",
    [
        "the wee girl at the top of Burnside Terrace is 7 and she's not been fed properly",
        "TikTok storytime: the 12 y/o on pine road who rang 999 on his own mum",
        "a 9 year old at Oakwood Primary told me today he has no bed",
        "the boy with the red hair from the flats on station rd is 11 and out every night",
    ],
)
def test_age_with_street_estate_or_school_is_descriptive_identification(text):
    assert check(text).risk == "stop"


@pytest.mark.parametrize(
    "text",
    [
        "off to the match at elland road with my lad, he's 12 and buzzing",
        "Our local foodbank on Church Street needs tins this week, please donate",
        "my kids are 4 and 7 and we live near the park, chaos",
        "Happy 10th birthday to my nephew! Love you loads",
    ],
)
def test_own_family_and_public_streets_are_not_descriptive_identification(text):
    assert check(text).risk != "stop"


def test_third_person_routine_is_not_the_authors():
    r = check("this 6 yr old on stanley st said he eats cereal for tea every night. visit today")
    assert r.risk == "stop"
    assert "own-safety" not in {f.category for f in r.findings}


@pytest.mark.parametrize(
    "text",
    ["Tyler lives at 4 Elm Street, case conference today", "the family living at 10 Downing Street, visit today"],
)
def test_someone_living_on_a_famous_street_is_still_an_address(text):
    assert "address" in categories(text)
