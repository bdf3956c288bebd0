"""Rule families added with the dev2 batch: each in several casings, each with a look-alike that stays quiet.

The sentences are written for these tests (not copied from the evaluation sets)."""

import pytest

from ep_checker import check


def flagged(text, needle, risk=None):
    r = check(text)
    i = text.lower().find(needle.lower())
    assert i >= 0
    hit = any(f.start < i + len(needle) and i < f.end for f in r.findings)
    return hit and (risk is None or r.risk == risk)


# ---------------------------------------------------------------- names from context cues


@pytest.mark.parametrize(
    "text,name",
    [
        ("strategy meeting today about a girl called Zuzanna, mum arrested", "Zuzanna"),
        ("strategy meeting today about a girl called zuzanna, mum arrested", "zuzanna"),
        ("STRATEGY MEETING TODAY ABOUT A GIRL CALLED ZUZANNA, MUM ARRESTED", "ZUZANNA"),
        ("my client named tobenna kalu finally got his care package", "tobenna"),
        ("ifeoluwa's mum rang the duty line again, third time this week", "ifeoluwa"),
        ("Ifeoluwa's birth dad turned up at contact drunk", "Ifeoluwa"),
        ("her son Radoslaw was placed with emergency carers last night", "Radoslaw"),
        ("police protection for her daughter Ngozi after the incident", "Ngozi"),
        ("Contact was cancelled again, Mateusz is 7 and he cried all the way home", "Mateusz"),
        ("home visit to mr o'dowd, his dementia is getting worse", "o'dowd"),
        ("Tough visit. Siobhán's mum won't be returning home from hospital", "Siobhán"),
    ],
)
def test_cued_names_any_casing(text, name):
    assert flagged(text, name, "stop")


@pytest.mark.parametrize(
    "text",
    [
        "My dog is called Biscuit and he is the best boy",
        "the new module is called Reflective Practice, looks good",
        "Everyone's mum says the same thing about homework lol",
        "Great training with Dr Amara Kowalczyk on trauma-informed practice",
        "The report is 7 pages long and Chapter 3 is 12 pages",
    ],
)
def test_cue_look_alikes_stay_quiet(text):
    assert check(text).risk == "ok", check(text).findings


def test_adopters_our_name_is_a_child_not_own_family():
    assert flagged("So proud of our Poppy at her adoption celebration hearing today", "Poppy", "stop")
    assert check("So proud of our Poppy, she passed her driving test").risk == "ok"


# ---------------------------------------------------------------- institutions


@pytest.mark.parametrize(
    "text,needle",
    [
        ("LAC review at Ysgol Bryn Teg today, she's settling in", "Ysgol Bryn Teg"),
        ("lac review at ysgol bryn teg today, she's settling in", "ysgol bryn teg"),
        ("dad is on remand in HMP Cardiff so contact is by video", "HMP Cardiff"),
        ("my client is on ward 3 at the royal glamorgan after the overdose", "royal glamorgan"),
        ("My client is on Ward 3 at the Royal Glamorgan after the overdose", "Royal Glamorgan"),
        ("safeguarding raised for a resident at Birchwood lodge, bruising on her arm", "Birchwood lodge"),
    ],
)
def test_institution_prefixes_and_hospitals(text, needle):
    assert flagged(text, needle, "stop")


@pytest.mark.parametrize(
    "text",
    [
        "Ysgol Glan Morfa choir sang beautifully at the Eisteddfod",
        "The Royal Glamorgan is recruiting nurses, great place to work",
        "Our ward manager is retiring after 30 years, we'll miss her",
    ],
)
def test_institution_look_alikes_stay_quiet(text):
    assert check(text).risk == "ok", check(text).findings


# ---------------------------------------------------------------- places, streets, estates


@pytest.mark.parametrize(
    "text,needle",
    [
        ("the family on my caseload moved to ballymena, the kids (4 and 6) are at a new school", "ballymena"),
        ("Visit in Stornoway today, baby (5 months) on a CP plan", "Stornoway"),
        ("MASH referral for 22 Heol Las, neighbours heard screaming", "22 Heol Las"),
        ("the young man I support lives on orchard road, people keep taking his money", "orchard road"),
        ("a 14yo from the kestrel flats was found missing again by police", "kestrel flats"),
    ],
)
def test_places_streets_and_estates(text, needle):
    assert flagged(text, needle, "stop")


@pytest.mark.parametrize(
    "text",
    [
        "Lovely weekend walking in Stornoway and Lewis",
        "new student flats going up near the uni, looks nice",
        "Conference in Ballymena next week on kinship care, who's going?",
    ],
)
def test_place_look_alikes_stay_quiet(text):
    assert check(text).risk == "ok", check(text).findings


# ---------------------------------------------------------------- ages and dates of birth


@pytest.mark.parametrize(
    "text,needle,cat",
    [
        (
            "our foster daughter turned 12 on saturday, 2 years with us #fostering",
            "turned 12 on saturday",
            "date-of-birth",
        ),
        (
            "Mum's date of birth is the second of may nineteen ninety one, the ward keeps losing it",
            "second of may",
            "date-of-birth",
        ),
        ("client born on the 3rd of june 2010 has had 5 placements", "3rd of june 2010", "date-of-birth"),
        ("baby (7 months) came into care last night in Wrexham", "(7 months)", "age"),
        ("The girl from the exploitation case in Oldham is now 14 and placed in Wales", "now 14", "age"),
    ],
)
def test_ages_and_dates_of_birth(text, needle, cat):
    r = check(text)
    assert r.risk == "stop"
    i = text.lower().find(needle.lower())
    assert any(f.category == cat and f.start < i + len(needle) and i < f.end for f in r.findings)


@pytest.mark.parametrize(
    "text",
    [
        "My son turned 18 on saturday, where did the time go",
        "The team is now 15 strong after the new starters, brilliant",
        "Statistically, children aged 0-4 are most likely to be on a child protection plan",
    ],
)
def test_age_look_alikes_stay_quiet(text):
    assert check(text).risk == "ok", check(text).findings


@pytest.mark.parametrize(
    "text,needle",
    [
        ("my LAC lad goes to allerton grange and has been excluded twice this term", "allerton grange"),
        ("My LAC lad goes to Allerton Grange and has been excluded twice this term", "Allerton Grange"),
        ("the girl on my caseload was excluded from Park View for fighting", "Park View"),
    ],
)
def test_school_without_suffix_after_attendance_verb(text, needle):
    assert flagged(text, needle, "stop")


@pytest.mark.parametrize(
    "text",
    [
        "my lad goes to football training every saturday",
        "she goes to bed at 8 and wakes at 5, send help",
        "The family goes to Spain every summer, lucky them",
    ],
)
def test_school_verb_look_alikes_are_not_schools(text):
    r = check(text)
    assert not any(f.category == "institution" for f in r.findings), r.findings


def test_christmas_dinner_is_a_boundary_only_when_it_is_personal():
    assert check("the lad on my caseload is coming round mine for christmas dinner").risk == "stop"
    assert check("Well done to the charity team for the care leavers' Christmas dinner 🎄").risk == "ok"
