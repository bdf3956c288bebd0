"""Eighth round (branch ``senses2``): contempt told as a story or a put-down, and boundary dilemmas.

Each family has posts it must catch and look-alikes that must stay quiet. Posts are made up for the test.
"""

import pytest

from ep_checker import check


def cats(text: str) -> set[str]:
    return {f.category for f in check(text, learned=False).findings}


def risk(text: str) -> str:
    return check(text, learned=False).risk


# ---- derogatory: contempt for the people served, told as a story
@pytest.mark.parametrize(
    "text",
    [
        "Honestly some of these mums on my caseload think we're a taxi service 🙄",
        "Some of these families. Turned up an hour late and blamed the bus. #SWlife",
        "Half the parents I see shouldn't be allowed to own a hamster, never mind a toddler.",
        "The uncle in the kinship assessment is a right gammon, flag on the van and everything.",
        "Dad at core group said we were out to get him. Yeah love, we are.",
        "Imagine being 22 with 4 kids by 3 different dads and blaming the council 🙄",
    ],
)
def test_contempt_told_as_a_story_is_a_stop(text: str) -> None:
    assert "derogatory" in cats(text)
    assert risk(text) == "stop"


@pytest.mark.parametrize(
    "text",
    [
        "Some of these parents have been through more than any of us will ever know.",
        "Gammon steak and chips for tea, the kids are thrilled.",
        "Yeah love, we are going to the seaside on Saturday if the weather holds!",
        "Our dog shouldn't be allowed near the sofa but here we are 🐶",
        "Some of the families I work with are the most resilient people I know.",
    ],
)
def test_contempt_look_alikes_stay_quiet(text: str) -> None:
    assert "derogatory" not in cats(text)


# ---- boundary: friendship with a client on social media, personal phones, off-the-record meetings
@pytest.mark.parametrize(
    "text",
    [
        "The woman I'm MHO for asked if I'd be her pal on WhatsApp once the order ends. How do I say no kindly?",
        "Mum on my first case texted asking to be mates on fb when this is over. Do I tell my PE?",
        "An ex-client just sent me a LinkedIn request. Ignore or accept?",
        "My manager wants us to use our personal phones for residents while the work ones are fixed. Is that ok?",
    ],
)
def test_boundary_dilemmas_are_flagged(text: str) -> None:
    assert "boundary" in cats(text)
    assert risk(text) in ("review", "stop")


def test_meeting_a_former_client_off_the_books_is_a_stop() -> None:
    text = "Meeting my old YP at the spoons tonight, she's doing so well. Off the books obvs 🍻"
    assert "boundary" in cats(text)
    assert risk(text) == "stop"


@pytest.mark.parametrize(
    "text",
    [
        "Stay friends on facebook with your uni mates, they'll get you through ASYE!",
        "Going to the pub with my old school friends tonight, long overdue.",
        "My old manager sent me a LinkedIn request, nice to hear from her.",
        "Use your personal phone for the Authenticator app, IT says.",
    ],
)
def test_boundary_look_alikes_stay_quiet(text: str) -> None:
    assert "boundary" not in cats(text)


# ---- severity: one special-category detail, an area and casework about a particular person
@pytest.mark.parametrize(
    "text",
    [
        "gutted. the woman I've been working with in Rotherham has gone back to him, and she's pregnant again.",
        "Visited a family in Llanelli today, mum is pregnant and dad is struggling.",
    ],
)
def test_special_detail_with_area_and_person_is_a_stop(text: str) -> None:
    assert risk(text) == "stop"


@pytest.mark.parametrize(
    "text",
    [
        "Pregnant women in Rotherham are waiting too long for midwife appointments, says the report.",
        "Mental Health Act reform reading tonight: the nominated person change is huge for AMHPs.",
    ],
)
def test_special_detail_look_alikes_do_not_stop(text: str) -> None:
    assert risk(text) != "stop"


# ---- someone else's car registration is not the author's own-safety detail
def test_someone_elses_reg_is_not_own_safety() -> None:
    text = "To the man who keeps turning up at the Larchfield refuge door shouting - police have your reg. Stay away."
    assert "own-safety" not in cats(text)
    assert risk(text) == "stop"


def test_own_reg_is_still_own_safety() -> None:
    assert "own-safety" in cats("Just picked up my new car, reg ends in 77, so happy 🚗")


# ---- workplace: open dislike of the employer, a colleague called lazy
@pytest.mark.parametrize(
    "text",
    [
        "Two hours on the new case note template while 30 kids wait for a worker. I hate this council.",
        "A colleague from my old team got promoted and she's the laziest person I've ever worked with.",
        "The placement office at the uni are so disorganised, 5 of us still have no placement.",
        "Nobody at exec level has ever sat in our Trust's discharge lounge.",
    ],
)
def test_employer_criticism_is_flagged(text: str) -> None:
    assert "workplace" in cats(text)


@pytest.mark.parametrize(
    "text",
    [
        "I hate Mondays, but the team made it bearable with cake.",
        "My cat is the laziest creature alive 😂",
        "My desk is so disorganised, new year's resolution: tidy it.",
    ],
)
def test_employer_criticism_look_alikes_stay_quiet(text: str) -> None:
    assert "workplace" not in cats(text)


# ---- severity: a young person's age with their death on a caseload
def test_young_persons_death_with_age_is_a_stop() -> None:
    assert risk("Thinking of the lad who was 16 when he died on my caseload last year. Never forget.") == "stop"


def test_older_persons_bereavement_look_alike_does_not_stop() -> None:
    text = "An 84 year old man at the day centre asked me today if his wife was coming back. She died in May."
    assert risk(text) != "stop"
