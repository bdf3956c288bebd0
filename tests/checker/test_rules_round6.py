"""Sixth round: pointing at the identifying detail (spans the earlier finders missed).

Each mechanism has a catching post and a look-alike that must stay quiet. Posts are made up for the test.
"""

import pytest

from ep_checker import check


def found(text: str) -> list[tuple[str, str, str]]:
    return [(f.category, f.text, f.severity) for f in check(text, learned=False).findings]


def flagged(text: str, needle: str) -> bool:
    r = check(text, learned=False)
    i = text.find(needle)
    assert i >= 0
    return any(f.start < i + len(needle) and i < f.end for f in r.findings)


def risk(text: str) -> str:
    return check(text, learned=False).risk


# ---- ages as asides after a person or a name
@pytest.mark.parametrize(
    "text,needle",
    [
        (
            "Missing from care: Tomasz, 14, last seen near the bus station in a grey hoodie. Please share",
            "14",
        ),
        ("Kinship assessment this week. Grandad, 71, caring for the twins since mum went into rehab", "71"),
        ("my favourite resident is Elsie - 101 in October, still does the crossword every day", "101"),
        (
            "we had a man on the ward today (ninety-four, ex-miner) whose only family is in Australia",
            "ninety-four",
        ),
        ("Big up the girl who was on my caseload aged 14, now 19 and running her own business", "now 19"),
    ],
)
def test_age_asides_are_found(text, needle):
    assert flagged(text, needle), found(text)


@pytest.mark.parametrize(
    "text,needle",
    [
        # the author's own family outside work
        ("RIP my grandad Wilf, 93, who taught me to swim in the sea at Tenby. Sleep tight", "93"),
        # numbers in a list after a person word are not an age
        ("Rooms for the training: the man, 3, 4 and 5 are all booked", "3"),
        # a time after a name
        ("Meeting with Priya, 10:30 tomorrow about the rota", "10"),
    ],
)
def test_age_asides_look_alikes(text, needle):
    assert not flagged(text, needle), found(text)


# ---- homes placed by a landmark
@pytest.mark.parametrize(
    "text,needle",
    [
        (
            "Visit to the family in the flats behind the Spar again, the kids were on their own",
            "behind the Spar",
        ),
        ("Another referral for the mum who lives up by the reservoir, 3 kids under 5", "by the reservoir"),
        (
            "Home visit to the couple above the launderette in Pontcanna, no heating again",
            "above the launderette",
        ),
        ("the lad (15) from the caravan behind the Londis is back on my caseload", "behind the Londis"),
    ],
)
def test_landmark_homes_are_found(text, needle):
    assert flagged(text, needle), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Grabbed a meal deal from the Spar and ate it in the car park. Glamorous life of a social worker",
        "Our team's new office is opposite the station, handy for the train",
        "Lovely walk by the reservoir this morning before a long day of report writing",
    ],
)
def test_landmark_look_alikes_stay_ok(text):
    assert risk(text) == "ok", found(text)


def test_own_home_by_a_landmark_is_not_a_third_party_address():
    r = check(
        "Our new flat above the chippy smells of vinegar but it's home. Visits all day tomorrow",
        learned=False,
    )
    assert not any(f.category == "address" and f.severity == "stop" for f in r.findings)


# ---- homes and schools known by a short name
@pytest.mark.parametrize(
    "text,needle",
    [
        (
            "Ms D in room 4 showed me her wedding photos today. The Beeches really is a lovely home",
            "The Beeches",
        ),
        ("the wean that got excluded fae St Brendan's on Friday is now on my caseload", "St Brendan's"),
        ("I'll be at the back of the court at Drumgarrow tomorrow for the final hearing", "Drumgarrow"),
        (
            "Baby K, 2 days old, born at the Princess Royal and straight into foster care",
            "the Princess Royal",
        ),
        ("Care home rang: Mabel at Glenariff has had another fall, her son won't answer", "Glenariff"),
    ],
)
def test_short_institution_names_are_found(text, needle):
    assert flagged(text, needle), found(text)


@pytest.mark.parametrize(
    "text,needle",
    [
        # no casework: a church, a pub and a hospital in ordinary life
        ("Lovely carol service at St Oswald's last night, the choir were amazing", "St Oswald's"),
        ("Quiz night at The Willows on Friday, our team came last again", "The Willows"),
        # a saint's name that is a town
        ("Moved to St Helens last year and the commute to the placement team is a killer", "Helens"),
        # a person at a shop
        ("Care home visit done, then met Dave at Tesco for a coffee", "Tesco"),
    ],
)
def test_short_institution_look_alikes(text, needle):
    r = check(text, learned=False)
    i = text.find(needle)
    assert not any(
        f.category == "institution" and f.start < i + len(needle) and i < f.end for f in r.findings
    ), found(text)


# ---- a parent named through a child, when the post is about work
@pytest.mark.parametrize(
    "text,needle",
    [
        ("thats the 3rd time ferdia's mam has reported me to my manager. keep going pal", "ferdia"),
        (
            "Can someone at the unit let Morwenna's dad know she's settled in well? He's not allowed the address",
            "Morwenna",
        ),
    ],
)
def test_relatives_named_through_a_child_are_stop(text, needle):
    assert flagged(text, needle), found(text)
    assert risk(text) == "stop"


@pytest.mark.parametrize(
    "text",
    [
        "Lovely party at my friend Sarah's mum's house, we danced till midnight",
        "Jack's dad made the best birthday cake I have ever seen. Bake Off next year?",
    ],
)
def test_relatives_in_private_life_stay_ok(text):
    assert risk(text) == "ok", found(text)


# ---- initials and names in other slots
@pytest.mark.parametrize(
    "text,needle",
    [
        (
            "Referral order panel went well tonight. R. finally said sorry to the shop owner and meant it",
            "R.",
        ),
        ("PA life: drove J to his uni interview today, he was on my caseload at 16", "J"),
        ("Recording this: baby Q. born early, mum withdrawing, PLO letter going out Monday", "Q"),
        ("SW note: the father (T.W., DOB 12.03.1990) asked that his address is not shared", "T.W."),
        (
            "Mr Aldous died last night on the ward. We couldn't get him home in time. I'm sorry, Kobina.",
            "Kobina",
        ),
        ("met up with Tayshan for a coffee, two years since I closed his case and he's thriving", "Tayshan"),
    ],
)
def test_initials_and_slots_are_found(text, needle):
    assert flagged(text, needle), found(text)


@pytest.mark.parametrize(
    "text,needle",
    [
        ("With respect, cutting the child protection budget got people killed. Read Baby P.", "P"),
        ("Assessment written up for the U.K. visa team by 5 P.M. as promised", "U.K."),
        ("Plan A didn't work so plan B it is for this placement", "B"),
    ],
)
def test_initial_look_alikes(text, needle):
    r = check(text, learned=False)
    i = text.find(needle)
    assert not any(f.category == "name" and f.start < i + len(needle) and i < f.end for f in r.findings), (
        found(text)
    )


# ---- people described by something only they have
@pytest.mark.parametrize(
    "text,needle",
    [
        (
            "had to explain again to the 20yo mum with the lime green Corsa that she can't leave the baby",
            "Corsa",
        ),
        (
            "Throwback to placement: the family with the 14 ferrets in Porthcawl tried to give me one",
            "ferrets",
        ),
        ("Core group today. The dad in the Spiderman onesie turned up late again", "onesie"),
        ("Strategy meeting about the lad who drove into the bus shelter on New Year's Eve", "drove into"),
        ("Home visit to the girl whose mum runs the nail bar on the high street, she's 13", "nail bar"),
        (
            "Child in need review for the boy with the really rare syndrome, the one from the telly",
            "rare syndrome",
        ),
        (
            "Only Urdu speaker on the unit, 84, had a fall in the night. Her son won't visit",
            "Only Urdu speaker",
        ),
    ],
)
def test_distinctive_descriptions_are_stop(text, needle):
    assert flagged(text, needle), found(text)
    assert risk(text) == "stop"


@pytest.mark.parametrize(
    "text",
    [
        # the author's own clothes and pets
        "I'll be the one in the red coat at the back of the conference hall, come and say hi",
        "Our family with the 3 cats and a dog is complete now the kittens are home",
        # no casework and no age: a story about strangers
        "Saw a man with the pink Range Rover parked across three spaces at Asda. Some people",
        # learning talk
        "Great lecture on supporting children with rare conditions and their families",
    ],
)
def test_description_look_alikes_stay_ok(text):
    assert risk(text) == "ok", found(text)


def test_own_car_is_no_description_of_someone_else():
    r = check(
        "New car day! My little white Fiat 500 with the pink eyelashes, see me on visits", learned=False
    )
    assert not any(f.rule == "distinctive-description" for f in r.findings)


# ---- given names that are also ordinary words (the whole family: nature, virtue and word names)
@pytest.mark.parametrize(
    "text,needle",
    [
        ("Home visit: Raven's mum wasn't in again, third time this month", "Raven"),
        ("Supervised contact today, Phoenix (6) ran straight to her nan", "Phoenix"),
        ("Placement review for Juniper, 15, went better than expected", "Juniper"),
    ],
)
def test_word_names_in_person_slots(text, needle):
    assert flagged(text, needle), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Supervised contact in the winter is hard, the journey to the centre took an hour",
        "Strategy meeting then a home visit. Blue skies at last, ocean swim later",
    ],
)
def test_word_names_as_words_stay_unflagged(text):
    assert not any(f.category == "name" for f in check(text, learned=False).findings)


# ---- second batch: double-barrelled surnames, towns after "home to", school years, wards, residential units
@pytest.mark.parametrize(
    "text,needle",
    [
        ("Court today for the Adebayo-Quinn final hearing. Placement order granted.", "Adebayo-Quinn"),
        ("Hospital SW win: got Mrs Pryce home to Blaenffos with a care package after 5 weeks", "Blaenffos"),
        (
            "He told me he's being bullied and nobody knows. Year 9, loves art. Heavy day after that visit",
            "Year 9",
        ),
        ("Child protection visit: the wee one's in P3 and already a young carer for her mum", "P3"),
        ("Discharge planning for the lady on Tryweryn ward, she wants to go home to her cat", "Tryweryn"),
        (
            "Placement panel today for the lad at Bryn Glas Residential, he wants to stay",
            "Bryn Glas Residential",
        ),
        ("Safeguarding referral about a man in Barrowfield Wynd, wee Dazza fae Possil is back", "Possil"),
    ],
)
def test_second_batch_found(text, needle):
    assert flagged(text, needle), found(text)


@pytest.mark.parametrize(
    "text,needle",
    [
        ("Child protection training on follow-up visits and Non-Verbal communication", "Non-Verbal"),
        ("Placement team away day in Stoke-on-Trent, then back to the office", "Stoke-on-Trent"),
        ("Court work all week, then home to Primark for a new coat", "Primark"),
        ("Year 9 of my career in child protection and still learning", "Year 9"),
        ("Strategy meeting on the Maternity Ward about discharge planning in general", "Maternity"),
        (
            "Our residential team is hiring: North Wales Residential Care, placements for 12 young people",
            "North Wales",
        ),
    ],
)
def test_second_batch_look_alikes(text, needle):
    assert not flagged(text, needle), found(text)


# ---- ages given roughly, doctors' surgeries, short hospital names, house numbers
@pytest.mark.parametrize(
    "text,needle",
    [
        (
            "Safeguarding adults enquiry for a lady in her late 80s on Tudor Close, her son takes her pension",
            "late 80s",
        ),
        ("Duty call about a lad of 15 sleeping in the bus station, first referral for him", "15"),
        ("Home visit to a girl born in 2011 whose dad has just come out of prison", "born in 2011"),
        (
            "Discharge planning: she was a nurse at the Royal Vic for 40 years and hates being a patient",
            "the Royal Vic",
        ),
        (
            "Referral from Dr Mbeki's surgery about the twins, mum hasn't brought them in",
            "Dr Mbeki's surgery",
        ),
        ("Sofa going free to a family I'm working with, collection from hse no. 17 by Friday", "hse no. 17"),
    ],
)
def test_third_batch_found(text, needle):
    assert flagged(text, needle), found(text)


@pytest.mark.parametrize(
    "text,needle",
    [
        ("Home visits all day and I'm in my late 30s, my knees can't take the stairs", "late 30s"),
        ("Training on child protection for a group of 15 new starters", "15"),
        ("Great lecture: born in 1948, the NHS and the welfare state", "born in 1948"),
    ],
)
def test_third_batch_look_alikes(text, needle):
    r = check(text, learned=False)
    i = text.find(needle)
    assert not any(
        f.category == "age" and f.severity != "info" and f.start < i + len(needle) and i < f.end
        for f in r.findings
    ), found(text)


# ---- ages as asides in more positions (dev6/dev7 study)
@pytest.mark.parametrize(
    "text,needle",
    [
        ("Wee fella in Coleraine, 9, whose da got lifted last week. Went to see him on a home visit", "9"),
        ("AMHP assessment at 3am. Young woman, 23, convinced the neighbours were spying. Section 2", "23"),
        ("Discharge planning for the lady in bay 4 is a mess. 94, lives alone, refuses carers", "94"),
        ("Safeguarding visit: the baby's 3 weeks and mammy's 17, nobody else in the house", "17"),
        ("Our lovely Mr Adeyemi-Cole at the day centre came out as gay at 81 today", "81"),
        ("Ymweliad cartref heddiw with Mrs Pritchard - 97 oed and still baking for the ward", "97 oed"),
        (
            "Big Kenny was at the day centre showing off his new teeth. 93 and still the biggest flirt there",
            "93",
        ),
    ],
)
def test_more_age_asides(text, needle):
    assert flagged(text, needle), found(text)


@pytest.mark.parametrize(
    "text,needle",
    [
        ("Home visits all morning, then 3 and a half hours of recording. Child protection is paperwork", "3"),
        ("The man, 2 hours late for the core group, blamed the buses", "2"),
        ("Placement panel: items 4, 5, 6 and 7 deferred to next month", "5"),
    ],
)
def test_more_age_asides_look_alikes(text, needle):
    r = check(text, learned=False)
    i = text.find(needle)
    assert not any(f.category == "age" and f.start < i + len(needle) and i < f.end for f in r.findings), (
        found(text)
    )


# ---- initials and names spoken to or rung
@pytest.mark.parametrize(
    "text,needle",
    [
        ("Sofa-surfing update on my care leaver: T has got a bed at the hostel, no GP yet", "T"),
        ("Baby K's first supervised contact went well today, mum turned up on time", "K"),
        ("Excluded AGAIN. J in year 9 at St Ambrose, third school this year. #YOT caseload", "J"),
        ("Happy 18th to one of my care leavers, off to uni in September. So proud of you D x", "D"),
        ("If you can afford Sky Sports you can pay towards your own care package, Doreen.", "Doreen"),
        (
            "Helping one of my families move on Saturday, they have nothing. Ring Jade on 0113 496 0999",
            "Jade",
        ),
        ("Visiting one of my care leavers in prison tomorrow. Tam if ye read this, stay strong", "Tam"),
    ],
)
def test_more_names_found(text, needle):
    assert flagged(text, needle), found(text)


@pytest.mark.parametrize(
    "text,needle",
    [
        ("Child protection conference went fine. A plan is in place and B is the fallback", "B"),
        ("Got an A in my placement portfolio, so proud of myself!", "A"),
        ("For the training day call Reception on 0800 123 4567 to book a place", "Reception"),
        ("Great webinar on contact with birth families, thank you all.", "all"),
    ],
)
def test_more_names_look_alikes(text, needle):
    r = check(text, learned=False)
    i = text.find(needle)
    assert not any(f.category == "name" and f.start < i + len(needle) and i < f.end for f in r.findings), (
        found(text)
    )


# ---- places, homes and profiles (dev6/dev7 study)
@pytest.mark.parametrize(
    "text,needle",
    [
        (
            "Visited one of my care leavers in Maghaberry today, he's 19 now and doing a 6 month stretch",
            "Maghaberry",
        ),
        (
            "AMHP assessment at 3am in a caravan at Porthkerry Bay. Young woman, 23, Section 2",
            "Porthkerry Bay",
        ),
        ("Wee lad I'm keyworker for at Hollybank, just turned 15, told me he's hearing voices", "Hollybank"),
        ("Wee girl, fourteen, from the Holylands, disclosed at school this morning", "Holylands"),
        (
            "Got a threat from a dad on my caseload. Here's his page: facebook.com/dean.mcardle.7",
            "dean.mcardle.7",
        ),
        ("Told my 16yo care leaver he can crash on my sofa till his flat's sorted", "16yo"),
        ("One of our kinship carers, Dot, is being taken to court by the kids' dad over contact", "Dot"),
        (
            "my care leaver's name is literally Blossom-Fae so she's easy to find on Facebook",
            "Blossom-Fae",
        ),
        ("taking tesfalem to his age assessment tomorrow, he swears he's 16 #UASC", "tesfalem"),
    ],
)
def test_places_and_profiles_found(text, needle):
    assert flagged(text, needle), found(text)


@pytest.mark.parametrize(
    "text,needle",
    [
        ("Going live from the Senedd steps today for the care leavers' rally. Diolch to everyone", "Senedd"),
        ("Follow our fostering service on facebook.com/CardiffCouncil for events", "CardiffCouncil"),
        ("My 14yo starts her GCSEs next week and I'm more nervous than her", "14yo"),
        ("Bank holiday caravan at Tenby with the kids, no work emails for a week", "Tenby"),
    ],
)
def test_places_and_profiles_look_alikes(text, needle):
    r = check(text, learned=False)
    i = text.find(needle)
    assert not any(f.severity == "stop" and f.start < i + len(needle) and i < f.end for f in r.findings), (
        found(text)
    )


# ---- more descriptions (dev6/dev7 study)
@pytest.mark.parametrize(
    "text,needle",
    [
        (
            "Mum turned up to contact in the lime green Corsa again, 40 mins late. Kids had given up",
            "lime green Corsa",
        ),
        (
            "the family who run the burger van in Prestatyn have been the bane of my week, three home visits, no access",
            "run the burger van",
        ),
        (
            "the family on the new estate in Cramlington with the goats in the front garden - CP plan again",
            "goats",
        ),
        (
            "Proud of the young man I support at the big Asda. Say hi - he's the one with the red ear defenders",
            "ear defenders",
        ),
        (
            "the house with the boarded windows opposite the chippy in Bootle - police were there, kids moved to carers",
            "opposite the chippy",
        ),
    ],
)
def test_more_descriptions_found(text, needle):
    assert flagged(text, needle), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "I turned up to the visit in my bright yellow Fiesta and the kids loved it",
        "Conference in Leeds, then drove home in the hire car. Long day",
        "Supervision was fine. My manager owns a little red Mini and talks about it constantly",
    ],
)
def test_more_description_look_alikes(text):
    assert not any(f.rule == "distinctive-description" for f in check(text, learned=False).findings), found(
        text
    )


# ---- look-alikes that stay quiet: the author's car, children, relatives and hospital stay; pioneers; venues
@pytest.mark.parametrize(
    "text",
    [
        "Octavia Hill would have had something to say about caseloads and housing today.",
        "Mam turns 85 on Saturday!! Party at the rugby club in Pontypool, everyone welcome xx",
        "Grandad's 100th birthday card from the King arrived!!! the whole family is buzzing",
    ],
)
def test_private_life_look_alikes_stay_ok(text):
    assert risk(text) == "ok", found(text)


def test_own_child_named_in_a_proud_post_is_not_a_stop():
    text = "Our youngest (11!!) got into the county choir, so proud of you Tegid"
    assert risk(text) != "stop", found(text)


def test_own_hospital_stay_is_not_a_third_party_detail():
    text = "Day 2 on ward 7 at Glangwili after my knee op. The food is... an experience"
    assert not any(f.severity == "stop" for f in check(text, learned=False).findings), found(text)


def test_school_hall_as_a_training_venue():
    text = (
        "Thanks to everyone at today's safeguarding training in the Ysgol Bro Dinefwr hall, great questions!"
    )
    assert risk(text) == "ok", found(text)


@pytest.mark.parametrize(
    "text,needle",
    [
        # the same shapes about someone the author works with still count
        (
            "Mum from my caseload turned up to contact in her little blue Fiesta with the dog in the back, 2 hrs late",
            "blue Fiesta",
        ),
        ("Day 2 of the AMHP assessment on ward 7 at Glangwili, the lad (19) is still very unwell", "ward 7"),
    ],
)
def test_same_shapes_about_others_still_flagged(text, needle):
    assert flagged(text, needle), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Our little miracle (3) came home from hospital today after the adoption hearing",
        "Home visit in my little blue car, the kids loved the stickers",
        "Supervised contact: the wee legend (6) read his mum a whole book",
    ],
)
def test_endearments_are_not_names(text):
    low = text.lower()
    for word in ("miracle", "blue", "legend"):
        if word in low:
            assert not flagged(text, word) or not any(
                f.category == "name" and f.text.lower() == word for f in check(text, learned=False).findings
            ), found(text)


def test_own_car_by_its_pet_name_is_no_name():
    text = "RIP to my little blue Fiesta Brenda, 200,000 miles of home visits. Gone to the scrappy"
    assert not any(f.category == "name" for f in check(text, learned=False).findings), found(text)


def test_lower_case_ordinary_word_is_no_family_surname():
    text = "honestly the times I have had to tell the young mam upstairs she cannot leave the baby with her brother"
    assert not any(f.category == "name" for f in check(text, learned=False).findings), found(text)
    assert flagged("the Young family have moved again, third referral this year", "Young")


# ---- details only one person or household has (dev7 study)
@pytest.mark.parametrize(
    "text,needle",
    [
        (
            "Complex discharge: man with a rare bone disease, one of perhaps 40 people in the UK with it",
            "one of perhaps 40",
        ),
        (
            "Parenting assessment on a family in a small town where the dad is the local vicar. How do I challenge that?",
            "the local vicar",
        ),
        (
            "The woman in bed 6 on the ward is the mother of the lad from the joyriding crash at the precinct",
            "joyriding crash",
        ),
        (
            "Four hours in A&E with a 15yo who swallowed a magnet for a tiktok dare. Safeguarding referral done",
            "tiktok dare",
        ),
        (
            "Adult safeguarding visit. Ex-docker, lives with his three-legged lurcher and 200 tins of soup",
            "three-legged lurcher",
        ),
        (
            "Home visit in Whitby and the family's pet is a wallaby. Kids lovely, plan continues",
            "pet is a wallaby",
        ),
        (
            "Prom night, so proud of our girl from the home, first prom since she came into care. The one arriving in the tractor at the academy",
            "arriving in the tractor",
        ),
        (
            "Our new little one arrived last night from the emergency placement. 3yo, blonde curls, loves Peppa",
            "blonde curls",
        ),
        (
            "Strategy meeting about the house with the big flag in the window at the top of the hill",
            "big flag in the window",
        ),
    ],
)
def test_unique_details_found(text, needle):
    assert flagged(text, needle), found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Great training on rare conditions: one of the best sessions I've been to in the UK",
        "Lovely walk with our three-legged rescue dog before a long day of report writing",
        "I arrived at the conference in my best suit and promptly spilled coffee on it",
        "Our cat is a menace. Anyone else's pet is a diva?",
    ],
)
def test_unique_detail_look_alikes_stay_ok(text):
    assert risk(text) == "ok", found(text)


# ---- title-case posts, bare house numbers, lower-case settings, birthdays by number, relatives' jobs
@pytest.mark.parametrize(
    "text,needle",
    [
        (
            "Had The Most Beautiful Celebration Hearing Today, Placed With His Nan In Morpeth 🌈 Welcome Home",
            "Morpeth",
        ),
        (
            "WHY DOES EVERY HOME VISIT ON THE ELMWOOD ESTATE INVOLVE A DOG. NUMBER 17 YOU KNOW WHO YOU ARE",
            "NUMBER 17",
        ),
        (
            "cant believe the kids at brookdene set the fire alarm off at 3am again, strategy meeting tomorrow",
            "brookdene",
        ),
        (
            "one of my old lads from the unit asked if I'll come to his 18th at the club on the Kingsway",
            "18th",
        ),
        (
            "On placement in CAMHS and there's a girl (15) whose mum teaches at my old school. Conflict of interest?",
            "whose mum teaches",
        ),
    ],
)
def test_fourth_batch_found(text, needle):
    assert flagged(text, needle), found(text)


@pytest.mark.parametrize(
    "text,needle",
    [
        ("A lady I used to support at the day centre has invited me to her 90th. Is that allowed?", "90th"),
        ("Top Tips For New Social Workers: Keep Notes In Order And Take Breaks", "Order"),
        ("Supervision notes: number 3 on my list is annual leave", "number 3"),
    ],
)
def test_fourth_batch_look_alikes(text, needle):
    assert not flagged(text, needle), found(text)


# ---- names on no list in spoken slots, in lower case; kinship words from other languages
@pytest.mark.parametrize(
    "text,needle",
    [
        (
            "She finally left him and she's safe in the refuge now. brelwyn if you're reading this I'm so proud",
            "brelwyn",
        ),
        (
            "Screenshot of the week: 'hiya its quorra from ward 5 can u bring my fags wen u visit' - I'm her social worker",
            "quorra",
        ),
        (
            "Bumped into dolvyn who I worked with years ago when her kids were on a plan, she's doing amazing",
            "dolvyn",
        ),
        (
            "aaj ka home visit was so sad, zarmeen's ammi has cancer aur woh akeli hai with 5 bachay",
            "zarmeen",
        ),
    ],
)
def test_lower_case_names_in_spoken_slots(text, needle):
    assert flagged(text, needle), found(text)


@pytest.mark.parametrize(
    "text,needle",
    [
        ("hiya its me again, anyone know where the training room is?", "me"),
        ("Bumped into Leeds Rhinos fans on the train home from the conference", "Leeds"),
        ("If anyone's reading this on the team: supervision notes due Friday", "anyone"),
    ],
)
def test_spoken_slot_look_alikes(text, needle):
    r = check(text, learned=False)
    i = text.find(needle)
    assert not any(f.category == "name" and f.start < i + len(needle) and i < f.end for f in r.findings), (
        found(text)
    )


@pytest.mark.parametrize(
    "text,needle",
    [
        (
            "WHY DID THE HOSPITAL DISCHARGE MY GENT AT 11PM WITH NO KEY TO HIS FLAT IN KNOWLE WEST. HE'S 79",
            "KNOWLE WEST",
        ),
        (
            "He's a good kid on my caseload, just his mam's new fella is trouble and everyone on the Penrhys knows it",
            "Penrhys",
        ),
    ],
)
def test_places_in_capitals_and_areas_that_know(text, needle):
    assert flagged(text, needle), found(text)


def test_house_in_capitals_stop_word_is_no_place():
    text = "HOME VISIT DONE AND THE HOUSE IN A STATE AGAIN, STRATEGY MEETING TOMORROW"
    assert not any(f.category == "place" for f in check(text, learned=False).findings), found(text)


# ---- surnames opening a sentence, initials with an age, capitalised settings after residents, relatives who call
@pytest.mark.parametrize(
    "text,needle",
    [
        ("Kowalczyk boy excluded again from the academy, strategy meeting Thursday", "Kowalczyk"),
        ("Big shout out to JJ (15) who passed his theory test, proud of this care leaver", "JJ"),
        ("our LAC review for the twins at Bryn Offa went well, they're 7 and settled", "Bryn Offa"),
        ("Got a message from Kai's nan at 2am, the number's on the file for a reason people", "Kai"),
    ],
)
def test_fifth_batch_found(text, needle):
    assert flagged(text, needle), found(text)


@pytest.mark.parametrize(
    "text,needle",
    [
        ("Proud mum moment: DD (7) got star of the week at school!", "DD"),
        ("Brilliant family support training today. Family Group Conferences work!", "Family"),
        ("Got a message from Sarah's mum about the school run, my kids' friends are the best", "Sarah"),
    ],
)
def test_fifth_batch_look_alikes(text, needle):
    r = check(text, learned=False)
    i = text.find(needle)
    assert not any(f.category == "name" and f.start < i + len(needle) and i < f.end for f in r.findings), (
        found(text)
    )
