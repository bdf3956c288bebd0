"""Small synthetic guidance documents for unit tests (not the real content)."""

from ep_search import Document


def _clause(anchor, title, text, topics, section="Policy"):
    return Document(
        kind="clause",
        id=anchor,
        title=title,
        url=f"/policy/clauses/{anchor}/",
        topics=tuple(topics),
        fields={"title": title, "body": text, "section": section},
    )


def _case(cid, title, summary, situation, topics, keywords=""):
    return Document(
        kind="dilemma",
        id=cid,
        title=title,
        url=f"/cases/{cid}/",
        topics=tuple(topics),
        fields={"title": title, "summary": summary, "body": situation, "keywords": keywords},
    )


DOCS = [
    _case(
        "looked-after-child-contacts-birth-family",
        "A looked-after child contacts her birth family online",
        "A child in foster care uses social media to contact her birth mother outside the agreed "
        "contact arrangements.",
        "A 14-year-old girl in a foster placement has been sending messages to her birth mother on Snapchat. "
        "The court's contact order allows supervised contact only. The foster carer found the messages.",
        ["children-in-care-contact", "service-user-online-safety"],
        "snapchat, contact order, birth mother, foster carer",
    ),
    _case(
        "researching-parents-online-s47",
        "Viewing parents' social media during a child protection enquiry",
        "Is it lawful and proportionate to look at a family's public profiles during a section 47 enquiry?",
        "During a child protection enquiry a manager suggests checking the parents' Facebook pages. "
        "Repeated viewing may amount to surveillance and needs authorisation.",
        ["researching-service-users-online", "online-evidence-and-records"],
        "google, facebook, surveillance, RIPA",
    ),
    _case(
        "worker-details-posted-online",
        "A campaign group publishes a worker's home address",
        "Personal details of a social worker are published by a hostile group.",
        "After care proceedings, a group posts the worker's name, photograph and home address with threats.",
        ["harassment-and-doxxing", "personal-privacy-and-security"],
        "doxxing, threats, police",
    ),
    _case(
        "parent-records-meeting",
        "A parent records a child protection conference",
        "A father films a meeting on his phone and posts the recording.",
        "At a conference a father covertly records the meeting and later uploads it to YouTube.",
        ["recording-and-filming"],
        "covert recording, filming",
    ),
    _clause(
        "decline-service-user-requests",
        "Do not accept friend requests from service users",
        "Decline or ignore friend, follow and connection requests from people who use services, their "
        "relatives and former service users on personal accounts. Record the request and tell your manager.",
        ["contact-requests"],
        "Boundaries",
    ),
    _clause(
        "use-agreed-channels",
        "Message people only through agreed work channels",
        "Use the work phone, work email or messaging apps your employer has approved. Do not use your "
        "personal mobile or WhatsApp account. Agree what happens out of hours.",
        ["messaging-service-users"],
        "Communicating with people",
    ),
    _clause(
        "no-identifiable-case-details",
        "Never post identifiable case details",
        "Do not post about cases, visits or people who use services, even without names. A combination of "
        "age, place and event can identify a family. Venting online about work risks confidentiality.",
        ["confidentiality-in-posts"],
        "Confidentiality",
    ),
    _clause(
        "review-privacy-settings",
        "Review your privacy settings and digital footprint",
        "Check your privacy settings regularly, search for yourself, and think about what photos of "
        "your home, "
        "family or children's school reveal. Turn off location sharing.",
        ["personal-privacy-and-security"],
        "Your safety",
    ),
    _clause(
        "political-views",
        "Expressing personal opinions",
        "You may hold political and religious views, but discriminatory or abusive comments breach "
        "professional standards even off duty.",
        ["professional-conduct-and-expression"],
        "Conduct",
    ),
    _clause(
        "foster-carer-photos",
        "Photographs of children in care",
        "Foster carers and workers should not publish photographs of looked-after children that could "
        "identify them or their placement.",
        ["photos-and-images"],
        "Images",
    ),
    _clause(
        "screenshots-as-evidence",
        "Recording online material in case files",
        "Where online material is relevant, take a screenshot with the date and source and record it on the "
        "case file. It may be used as evidence in court.",
        ["online-evidence-and-records"],
        "Records",
    ),
    _clause(
        "online-risks-service-users",
        "Helping people stay safe online",
        "Support people who use services to recognise grooming, exploitation, scams and cyberbullying.",
        ["service-user-online-safety"],
        "Online safety",
    ),
    _clause(
        "students-on-placement",
        "Students and newly qualified workers",
        "Social work students on placement follow this policy and the university's guidance; talk to the "
        "practice educator about requests and posts.",
        ["students-and-newly-qualified"],
        "Students",
    ),
    _clause(
        "blogging-and-cpd",
        "Blogging, networking and continuing professional development",
        "Blogs and learning communities support CPD if they protect confidentiality.",
        ["professional-development-networking"],
        "Development",
    ),
    _clause(
        "raise-concerns-about-colleagues",
        "Colleagues' posts and criticising your employer",
        "Raise concerns through the employer's procedures rather than criticising colleagues online.",
        ["colleagues-and-employer"],
        "Workplace",
    ),
]
