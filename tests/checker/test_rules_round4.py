"""Fourth round: mechanisms that do not depend on a name, street or school being on a list.

Every positive case uses names made up for the test (on none of the checker's lists); every mechanism has
look-alikes that must stay quiet.
"""

import pytest

from ep_checker import _data, check


def flagged(text: str, needle: str, category: str | None = None) -> bool:
    i = text.lower().find(needle.lower())
    assert i >= 0, needle
    j = i + len(needle)
    return any(
        f.start < j and i < f.end and (category is None or f.category == category) and f.severity != "info"
        for f in check(text).findings
    )


def test_english_word_list_is_shipped_and_has_no_names():
    words = _data.english_words()
    assert len(words) > 50_000
    assert {"visit", "placement", "didnt", "innit", "safeguarding"} <= words
    assert not {"jayden", "keendis", "zakariyya", "ffion"} & words


# ---- names on no list, in a person's slot
@pytest.mark.parametrize(
    "text, name",
    [
        ("core group for baby Tavrinel today, dad was a no show again", "Tavrinel"),
        ("worried about brakvis, third overdose this year and the crisis team won't see her", "brakvis"),
        ("so proud of Oskelda today, she stood up in her LAC review and said what she wanted", "Oskelda"),
        ("Drevanto got his GCSE results today, first care leaver on my caseload to pass maths", "Drevanto"),
        ("home visit with Skaithen and the twins, house was spotless this time", "Skaithen"),
        ("Joskari and her boyfriend didnt show for the parenting assessment AGAIN", "Joskari"),
        (
            "please keep an eye out for Zeeo Taynda, 15, missing from her placement since last night",
            "Zeeo Taynda",
        ),
        ("my service user Prenvala said to me today you are the only one who listened", "Prenvala"),
        (
            "Matching meeting for Vixel and Soisk next week, cannot believe it, adoption panel said yes",
            "Soisk",
        ),
        (
            "the little girl, we call her Bubbles on the unit, climbed on the roof again. police called",
            "Bubbles",
        ),
        ("remember S (the wee boy who would only eat yellow food)? his foster carer says he tried peas", "S"),
        ("best interests meeting for Ms A in room 12 this afternoon, family disagree about the move", "Ms A"),
        ("jaydens placement broke down again last night and hes back in emergency foster care", "jaydens"),
    ],
)
def test_unknown_names_in_person_slots_are_stop(text, name):
    assert flagged(text, name, "name"), text
    assert check(text).risk == "stop"


def test_age_after_an_unknown_name():
    text = "Tonsvi is 14 and has already had 11 placements, the system failed her"
    assert flagged(text, "is 14", "age")
    text = "Tyrese 14 was arrested last night his YOT worker is on leave"
    assert flagged(text, "14", "age")


@pytest.mark.parametrize(
    "text",
    [
        "Wetherby is lovely this time of year, training day there tomorrow",
        "Vinted has been a lifesaver for school uniform for our foster kids",
        "Great webinar with Tusla on child protection in Ireland",
        "Our team uses Liquidlogic and it has crashed again",
        "Shout out to Barnardo's for the brilliant training on contextual safeguarding",
        "Spent the afternoon on Trello sorting my caseload out",
        "Our foster son loves Minecraft and Roblox, any tips on parental controls?",
        "Visit Wales says Tenby is the best beach in the UK, fight me",
        "worried about tommorrow, first court hearing as a newly qualified worker",  # a typo, not a name
        "So today a safeguarding adults enquiry with a retired headteacher, scams are brutal",  # a compound
    ],
)
def test_unknown_word_look_alikes_are_not_names(text):
    assert not any(f.category == "name" and f.severity == "stop" for f in check(text).findings), text


# ---- colleagues, pets, organisations
@pytest.mark.parametrize(
    "text",
    [
        "Proud day - Ffion from our leaving care team ran the half marathon and raised £1,240!!",
        "Meet Dolly, our newest therapy dog! She loves visiting the residents every Wednesday",
        "Dear @NHSEngland, why does a hospital discharge need 14 forms and a fax machine in 2026?",
        "Reply to @CllrHughes: with respect, cutting red tape in child protection got people killed.",
        "Our service is moving to Unit 4, Celtic Business Park, Newport from Monday. Our number stays "
        "01632 960418 - see website.",
        "Today I'm launching my independent practice offering Form F assessments. Call 029 2018 0912",
    ],
)
def test_colleagues_pets_and_organisations_stay_below_stop(text):
    assert check(text).risk != "stop", text


def test_a_personal_handle_is_still_a_name():
    text = "his dad's account is @big_dazza_77, the contact order says no contact"
    assert flagged(text, "@big_dazza_77", "name")


# ---- casework recognised from the settings and encounters of the work
@pytest.mark.parametrize(
    "text, needle",
    [
        ("Mrs Evans-Pritchard rang again to ask if her son is still on the register", "Mrs Evans-Pritchard"),
        ("my fave resident is Dorrie, lives for a Bourbon biscuit. Thornleigh Lodge is lucky", "Dorrie"),
        ("Woman came into the refuge last night with her 2 kids, 4 and 6, straight from Ballymena", "4"),
        (
            "Residential worker here. Our kids at the Glenmore unit did a bake sale and smashed it",
            "Glenmore unit",
        ),
        ("Nothing like getting recognised in the big Asda by the mum from the Trelawny case", "Trelawny"),
        ("honestly the o'hagans will be the death of me. third referral this month", "o'hagans"),
        (
            "the woman in the chemist told me all about the McLeish boy's ADHD, he is on my caseload",
            "McLeish",
        ),
    ],
)
def test_work_settings_make_identifiers_stop(text, needle):
    assert flagged(text, needle), text
    assert check(text).risk == "stop"


@pytest.mark.parametrize(
    "text",
    [
        "Visiting my nan in the care home this weekend, she's 94 and still sharp as a tack",
        "Placement offers in Belfast for students next term: Family Intervention Team, Gateway, LAC.",
        "Right, long day and I'm only just sitting down with a brew. Anyone got tips for writing a good "
        "court statement? Doing my first one next month.",
        "the Smiths were the best band of the eighties, fight me",
    ],
)
def test_work_setting_look_alikes_stay_ok(text):
    assert check(text).risk == "ok", text


# ---- distinctive descriptions
@pytest.mark.parametrize(
    "text",
    [
        "the twins whose dad was in the Echo for the fire at the garage are back on my caseload",
        "my lad with the ankle tag (you'd clock him, always outside the chippy) did his first reparation "
        "shift. youth justice wins",
        "the wee boy from Drumchapel with the dog bite has his Children's Hearing on Monday",
        "the lady whose husband was the vicar at the church on the hill is on my list now, dementia",
        "one of my service users is the cousin of that Love Island girl, can't say who obvs",
    ],
)
def test_distinctive_descriptions_in_casework_are_stop(text):
    r = check(text)
    assert r.risk == "stop", text
    assert any(f.rule == "distinctive-description" for f in r.findings)


@pytest.mark.parametrize(
    "text",
    [
        "the lad with the ankle tag in that Netflix drama was brilliant",
        "My brother was in the Echo for his charity run, so proud",
        "Everyone knows him round here, my dad has run the chippy for 30 years",
    ],
)
def test_distinctive_look_alikes_without_casework_stay_ok(text):
    assert check(text).risk == "ok", text


# ---- boundaries and derogatory families
def test_adding_a_young_person_on_an_app_is_a_boundary_stop():
    text = "Added one of my YP on Snapchat so I can keep an eye on him, his streaks are hilarious"
    r = check(text)
    assert r.risk == "stop"
    assert any(f.category == "boundary" for f in r.findings)


@pytest.mark.parametrize(
    "text",
    [
        "Can't stand these benefit mums I see every day, popping out babies for the council house.",
        "STRAIGHT UP THE MOST MANIPULATIVE 15 YEAR OLD I HAVE EVER MET. Lied to the police. After that visit.",
    ],
)
def test_derogatory_families(text):
    r = check(text)
    assert r.risk == "stop"
    assert any(f.category == "derogatory" for f in r.findings)


def test_benefit_advice_is_not_derogatory():
    assert check("Benefit advice for families: Turn2us has a great calculator").risk == "ok"


# ---- casing and punctuation
def test_lower_case_school_with_its_suffix():
    text = "15yo on my caseload kicked out of kings norton girls school today"
    assert flagged(text, "kings norton girls school", "institution")


def test_all_caps_school_does_not_crash():
    text = "OUR FOSTER SON STARTS AT THE OAKFIELD PRIMARY ON MONDAY, HE IS 6"
    assert check(text).risk == "stop"


def test_a_fostering_hashtag_alone_does_not_make_a_name_casework():
    assert (
        check("Happy retirement Gwen! 38 years in children's services, what a career #fostercarer").risk
        == "ok"
    )
    # but "our X" in a fostering post is the child in the family
    text = "Massive well done to our Ciaran who just passed his driving test, 3 years with us #fostering"
    assert check(text).risk == "stop"


@pytest.mark.parametrize(
    "text",
    [
        "The Murphy boys are moving to a new palcement in Wakefield next week",
        "a 16 year old lad from Byker on my caseeload since he was 12 overdosed last night",
    ],
)
def test_misspelt_case_words_still_count(text):
    assert check(text).risk == "stop", text


def test_misspelt_ordinary_words_do_not_make_casework():
    assert check("Cafcass annual repoort out today, care applications up again").risk == "ok"
    assert (
        check("Finally finished the Independent Review of Children's Soccial Care. Thoughts??").risk == "ok"
    )


def test_title_with_a_lower_case_surname_on_no_list():
    text = "Supporting Mrs moaelby to move into extra care housing, she's been in hospital for 8 weeks"
    assert flagged(text, "Mrs moaelby", "name")
    assert check(text).risk == "stop"


@pytest.mark.parametrize(
    "text",
    [
        "Our team manager has been signed off again and nobody's told us who's covering. Leadership 👏",
        "Our Deputy Director just posted about 'record low caseloads'. Mine is 31. Just saying.",
        "Seriously tho who at HR decided a car allowance of £500 covers 800 miles a month. Asking for a friend.",
    ],
)
def test_irony_about_the_workplace_is_review(text):
    r = check(text)
    assert r.risk == "review", text
    assert any(f.category == "workplace" for f in r.findings)


def test_praise_of_the_workplace_stays_ok():
    assert check("Shout out to my manager for the best supervision ever, really appreciated").risk == "ok"
    assert check("Thanks a lot to our director for the lovely team lunch today").risk == "ok"


def test_titled_person_dealing_with_the_author_is_casework():
    assert (
        check("IT'S FRIDAY!!!!! No more Mr Hussain-Blake ringing me about his bins til Monday").risk == "stop"
    )
    assert (
        check("Mrs Adeyemi-Clarke's son actually picked up the phone today. 14 months of trying.").risk
        == "stop"
    )


def test_titled_public_or_family_people_stay_quiet():
    neighbour = "My mum rang me to say Mrs Jones next door has had her baby! So happy for them"
    assert check(neighbour, learned=False).risk == "ok"
    # The learned component may ask for a second look, but on its own it never says "stop" (one level at most).
    assert check(neighbour).risk in {"ok", "review"}
    assert check("Dr Patel rang me with my test results, all clear thank goodness", learned=False).risk == "ok"
    assert check("Dr Patel rang me with my test results, all clear thank goodness").risk in {"ok", "review"}


def test_learned_component_raises_one_level_at_most(monkeypatch):
    from ep_checker import learned

    # a post in which the rules found nothing, with the model made sure it identifies someone: it asks for
    # a second look, never "stop" on its own (the real model's choice of example changes with every round's
    # rules, so the probabilities are fixed here; tests/checker/test_learned.py checks the real model)
    text = "his mam kept us on the doorstep for an hour again, kids screaming behind her"
    monkeypatch.setattr(learned, "probabilities", lambda text, findings, risk: {"stop": 0.99, "warn": 0.99})
    raised = learned.assess(text, [], "ok")
    assert raised is not None and raised.severity == "review"
    assert check(text, learned=False).risk == "ok" and check(text).risk == "review"


def test_someone_elses_car_in_a_case_is_an_identifier():
    text = (
        "if anyone sees a silver Astra NX16 PLK outside the office can you ring me, it's the dad from my case"
    )
    r = check(text)
    assert r.risk == "stop"
    assert any(f.category == "id-number" and f.text == "NX16 PLK" for f in r.findings)
    # the author's own car stays an own-safety review
    own = check("my silver Astra NX16 PLK has been keyed in the council car park, gutted")
    assert own.risk == "review"


def test_dialect_and_plural_person_words():
    text = "the lassie I've been workin wi fae St Ninian's High has finally got a Young Carers worker"
    assert check(text).risk == "stop"
    text = "ngl the 2 sisters at the Nant-y-Coed unit are moving on next week and i'm not ok"
    assert check(text).risk == "stop"


def test_a_conference_room_is_not_a_conference():
    text = "the new CP conference room on Level 2 still has no working projector. Bring a laptop"
    assert check(text).risk == "ok"
    assert check("Case conference for the Kowalski kids today, mum didn't turn up").risk == "stop"


def test_a_joke_about_the_system_is_not_a_learning_post():
    # "a joke" is a complaint, not a joke post: the case words still count
    text = "the traffic was a joke. Strategy meeting for the Okafor twins moved again"
    assert check(text).risk == "stop"


def test_lower_case_homes_titles_and_initials():
    assert check(
        "residential worker here. our kids at the glenmore unit did a bake sale and smashed it"
    ).risk == ("stop")
    text = "can't believe mrs adeyemi-clarke's son actually picked up the phone today. small wins."
    assert check(text).risk == "stop"
    text = "mr p on ward 7 has been medically fit for 19 days and we still can't find a package of care"
    assert flagged(text, "mr p", "name")
    # ordinary homes and units in lower case stay quiet
    assert check("finally home from the hospital, the maternity unit staff were amazing with me").risk == "ok"


def test_titled_people_of_the_authors_private_life_stay_quiet():
    assert check("Mrs Jones next door rang me to say my parcel came, what a star").risk == "ok"
    assert check("My landlord Mr Okonjo finally called me back about the boiler").risk == "ok"
