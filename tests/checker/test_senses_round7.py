"""Seventh round: post-level senses (ep_checker/senses.py).

Each family has posts it must catch and look-alikes that must stay quiet. Posts are made up for the test.
"""

import pytest

from ep_checker import check, senses


def cats(text: str) -> set[str]:
    return {f.category for f in check(text, learned=False).findings}


def risk(text: str) -> str:
    return check(text, learned=False).risk


# ---- special category: prison, refuges, disclosures, treatment, sexuality, rites
@pytest.mark.parametrize(
    "text",
    [
        "Visited the lad on my caseload today, his dad's inside again and mum's struggling with the rent.",
        "Our foster son found out today his mum is in prison. He's 9 and took it hard.",
        "Visit today: mum's new boyfriend has a caution for assault and she had no idea.",
        "Strategy meeting for the family on my caseload: the refuge in Dudley has a space from Monday.",
        "the girl I key work disclosed to me today. I'm still shaking. Strategy meeting tomorrow.",
        "The young person on my caseload has been sending pics to a man she met online.",
        "Mr T on my caseload is refusing his depot again and the family are worried.",
        "The lass I support told me she's bi and wants help telling her nan.",
        "Our foster daughter made her First Communion today, the birth family weren't told.",
    ],
)
def test_special_family_catches(text: str) -> None:
    assert "special-category" in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "Great training today on working with families affected by imprisonment. Highly recommend it.",
        "Our team is fundraising for the local women's refuge this Christmas. Link in bio!",
        "New guidance on disclosures in schools is out - worth a read for anyone in education.",
        "Lovely Diwali celebration in the office today, thank you to everyone who brought food.",
    ],
)
def test_special_family_look_alikes(text: str) -> None:
    assert "special-category" not in cats(text)


# ---- workplace: criticism of the employer without a listed subject nearby
@pytest.mark.parametrize(
    "text",
    [
        "rota has me on 4 sleep-ins in a row again, this company is an actual joke",
        "Our director halved the family support team budget in half and then talked about doing more with less.",
        "My manager cried today. This service is falling apart and nobody upstairs cares.",
        "The agency has me on two LAs and I've been paid late by both.",
        "pov: you start with the council and the manager hands you 30 cases on day one",
        "one of the seniors on my team is so rude to families on the phone. is it just me?",
        "Our SW has cancelled the third review in a row and nobody has rung me back.",
    ],
)
def test_workplace_family_catches(text: str) -> None:
    assert "workplace" in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "Honestly my day has been an actual joke, missed the bus and spilt my coffee.",
        "My manager is brilliant, she always makes time for supervision.",
        "The weather this week is an absolute joke. Roll on summer.",
    ],
)
def test_workplace_family_look_alikes(text: str) -> None:
    assert "workplace" not in cats(text)


# ---- own safety: where the author is, lives, parks and goes
@pytest.mark.parametrize(
    "text",
    [
        "Sunset from the garden tonight [photo metadata: GPS 52.4862 N, 1.8904 W]",
        "off to Crete, house is all yours burglars, back in 2 weeks x",
        "Parked the Fiesta outside the office again, anyone want a lift home to Penarth after 5?",
        "Anyone want to carpool? I'm in Gorton, leave 7.30 every day, my red Corsa has room for three",
        "I'm in the big Tesco at Cribbs right now and one of my families is in the same aisle",
        "Working away this week, staying at the Travelodge by the ring road, room 118, anyone about for a drink?",
        "A dad from one of my families found my Facebook and commented on my holiday pics",
        "view from my balcony on the 12th floor tonight, home sweet home",
        "my daughter who started at St Mary's today looked so grown up",
    ],
)
def test_own_safety_family_catches(text: str) -> None:
    assert "own-safety" in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "Saw a man with the pink Range Rover parked across three spaces at Asda. Some people",
        "Holiday mode 🌴 three days by the sea with the kids, rain on day two obviously",
        "She's in Leeds now and doing really well at college, proud of her.",
        "Can anyone recommend a good book on lone working? Our policy is being reviewed.",
    ],
)
def test_own_safety_family_look_alikes(text: str) -> None:
    assert "own-safety" not in cats(text)


def test_own_safety_does_not_lower_a_carers_placement_area() -> None:
    # the carer's home area is the child's: the place stays a stop
    text = "our foster child has just been diagnosed with HIV and the school want to tell parents. she's 6. we're in Rochdale."
    assert risk(text) == "stop"


# ---- derogatory: contempt without a lexicon word
@pytest.mark.parametrize(
    "text",
    [
        "not the day centre lot doing the conga again 😂 the window lickers are out in force",
        "another bed blocker on the ward 🙄 some of these old dears would stay forever",
        "POV you're explaining contact rules to a dad with 2 brain cells 🙄",
        "some of these service users stink, had to wash my uniform after",
        "Duty bingo today: 'my worker never rings', 'I've got a bad back'. Full house by ten",
        "These new overseas staff can't even speak proper English, send them back",
    ],
)
def test_derogatory_family_catches(text: str) -> None:
    assert "derogatory" in cats(text)
    assert risk(text) == "stop"


@pytest.mark.parametrize(
    "text",
    [
        "Can we please retire the phrase 'bed blocker'? People waiting for discharge are blocking nothing.",
        "RIP Nan, 1932-2025. Pontypridd's finest. Funeral details to follow x",
        "Our new international recruits are brilliant, their English is better than mine!",
    ],
)
def test_derogatory_family_look_alikes(text: str) -> None:
    assert "derogatory" not in cats(text)


# ---- boundary: personal contact with people who use services
@pytest.mark.parametrize(
    "text,level",
    [
        ("if any of my young people need me over xmas my personal num is 07700 900111 x", "stop"),
        ("ofc u can still message me even tho im not ur keyworker anymore, snap me", "stop"),
        ("meeting up with my old keyworker kid from the unit for a nandos on sat, he's 19 now", "stop"),
        ("Bumped into a mum I worked with years ago, we're going for cocktails on Friday!", "stop"),
        ("my old care leaver asked me to be godmother to her baby. is that allowed?", "review"),
        ("One of my patients asked me to witness his new will today. I said no.", "review"),
        ("Having one of my old care leavers round for Sunday dinner again this week", "review"),
    ],
)
def test_boundary_family_catches(text: str, level: str) -> None:
    assert "boundary" in cats(text)
    assert risk(text) == level


@pytest.mark.parametrize(
    "text",
    [
        "Reminder: my personal Facebook is NOT the place for work messages. Use the duty line please.",
        "Going for cocktails on Friday with the girls from uni, can't wait!",
        "My sister asked me to be godmother to her baby 🥹",
    ],
)
def test_boundary_family_look_alikes(text: str) -> None:
    assert "boundary" not in cats(text)


def test_senses_module_is_pure() -> None:
    # no engine import: the module returns plain tuples
    assert not hasattr(senses, "Cand")
    assert (
        senses.read(
            "nothing here", set(), special_ok=True, about_work=True, workplace_subject=True, people=True
        )
        == []
    )


# ---- second pass: more workplace phrases, special category beside a person's age or title
@pytest.mark.parametrize(
    "text",
    [
        "Sandra in duty is useless, she's sent another referral to the wrong team",
        "the HSCP have had us hot desking in a cupboard for months",
        "PSA to the uni: stop placing students with PEs who haven't got time for supervision",
        "The IRO chairing today's review hadn't read a single report.",
        "STOP sharing service users' first names in the team WhatsApp group, folks",
        "Found out my colleague has been looking up families on her personal account. Should I report her?",
    ],
)
def test_workplace_second_pass_catches(text: str) -> None:
    assert "workplace" in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "The team WhatsApp is called 'Duty Divas' and I love it",
        "I report to the team manager from Monday, new job nerves!",
    ],
)
def test_workplace_second_pass_look_alikes(text: str) -> None:
    assert "workplace" not in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "Agree with the article. I had a case where a 7 yr old with Down's syndrome waited 18 months for adaptations.",
        "Assignment feedback: 'Excellent analysis of the case of Mr P, 84, living alone following his stroke.'",
    ],
)
def test_special_beside_a_person(text: str) -> None:
    assert "special-category" in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "Rewatched a brilliant dementia documentary for my module. Hard watch.",
        "Attending the Safeguarding Adults Board conference today, great sessions on self-neglect",
        "Research on children aged 10-15 with autism is worth a read for anyone in education.",
    ],
)
def test_special_beside_a_person_look_alikes(text: str) -> None:
    assert "special-category" not in cats(text)


def test_interpreter_points_at_the_need_not_the_language() -> None:
    text = "Urgent: need a Tagalog interpreter for a man on Ward 31 who just came off a ventilator"
    spans = [f.text for f in check(text, learned=False).findings if f.category == "special-category"]
    assert "interpreter" in spans
    assert not any("Tagalog" in s for s in spans)


# ---- third pass: own shop and street, threats, moving date; boundary on dating apps, invitations, handles
@pytest.mark.parametrize(
    "text",
    [
        "just seen one of my families in the big Asda at Gosforth while I had my own kids with me",
        "the family I removed the kids from live 2 streets away from me 😬 how do you cope",
        "Selling: cot bed, good condition, £30, collection only from Heaton. DM me",
        "anyone know a good removal firm? moving next sat and need a van",
        "Kinship carer here. We've had threats since the kids came to us and nobody will move us.",
        "first flat all to myself, housewarming this sat, bring a chair lol",
    ],
)
def test_own_safety_third_pass_catches(text: str) -> None:
    assert "own-safety" in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "Does anyone want a free sofa? It's going to a family I'm working with. Collection from Pendeford.",
        "Saw a brilliant talk on lone working today, really made me think.",
    ],
)
def test_own_safety_third_pass_look_alikes(text: str) -> None:
    assert "own-safety" not in cats(text)


def test_seen_in_a_shop_does_not_lower_someone_elses_address() -> None:
    text = "just saw my old service user from Bramley Court in tesco with the fella from the DV strategy meeting!!"
    assert risk(text) == "stop"


@pytest.mark.parametrize(
    "text",
    [
        "I've matched with my foster son's dad on Hinge 😳 do I unmatch?",
        "the lady I visit invited me for her 80th next Saturday. Should I go?",
        "is it ok to add one of the girls from work on snap? she's 17 and keeps asking for my @",
        "Zion if u see this my personal snap is becca.sw.x add me xx",
    ],
)
def test_boundary_third_pass_catches(text: str) -> None:
    assert "boundary" in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "I've matched with a lovely bloke on Hinge, first date Friday!",
        "My best mate invited me for her 40th in Ibiza, can't wait",
    ],
)
def test_boundary_third_pass_look_alikes(text: str) -> None:
    assert "boundary" not in cats(text)


def test_a_dilemma_span_leaves_the_event_out() -> None:
    text = "Mrs J, who I visit weekly, invited me to her 90th. Do I go?"
    spans = [f.text for f in check(text, learned=False).findings if f.category == "boundary"]
    assert spans and not any("90th" in s for s in spans)


def test_a_refuge_with_its_place_is_a_stop() -> None:
    text = "SHE LEFT HIM 🙌 the mum on my caseload and her 3 kids are safe in the refuge in Bangor tonight"
    assert risk(text) == "stop"


def test_a_refuge_fundraiser_stays_quiet() -> None:
    assert (
        risk("Our team is raising money for the women's refuge in Leeds this Christmas, link in bio") == "ok"
    )


def test_scots_and_irish_words_for_prison() -> None:
    text = "Panel today for the wee boy on my caseload whose da got the jail last year. Breaks ye."
    assert "special-category" in cats(text)


def test_dispatched_patterns_match_as_the_plain_ones() -> None:
    samples = [
        "my personal snap is becca.sw.x add me, the refuge on Ashby Road, dad's inside, 3 sleep-ins in a row",
        "I'm in Hillsborough, leave 7.40 every day, my blue Fiat 500. this company is an actual joke",
        "an old care leaver I worked with years ago, we're going for cocktails. window lickers 😂 the Trust",
        "Parked the Corsa outside the office, nobody upstairs cares, need a Tagalog interpreter",
    ]
    for name, plain in senses.SLOW.items():
        fast = getattr(senses, name)
        for t in samples:
            assert [m.span() for m in plain.finditer(t)] == [m.span() for m in fast.finditer(t)], name
