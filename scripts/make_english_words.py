"""Regenerate ep_checker/data/english_words.txt, the checker's list of ordinary English words.

    python3 scripts/make_english_words.py [/usr/share/dict/british-english]

The checker reads a word it does not know in a person's place ("little X", "X's mum", "X (7)") as a name
only when the word is not ordinary English, so it needs a list of ordinary words. This script builds it,
once, from Debian's `wbritish` word list (SCOWL, size 50; its licence allows redistribution with the
notice kept, see /usr/share/doc/wbritish/copyright): lower-case entries only (capitalised entries are names
and places), possessives dropped, contractions also without their apostrophe ("didnt"), plus the informal
words and abbreviations of posts that no dictionary has ("gonna", "innit", "tbh", "lac", "s47") and every
plain word of the checker's own lexicon. The list ships with the package; nothing is read at run time
from outside it.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "ep_checker" / "data" / "english_words.txt"

# informal spellings, text speak, UK dialect and social-work shorthand seen in any post
INFORMAL = """
gonna wanna gotta gimme lemme dunno innit aint ain't ya yeah yea yep yup nope nah naw aye och wee bairn
bairns wean weans hen pet ducky duck cuppa brew telly uni footy chippy chippie chinese takeaway maccies
mcdonalds nandos greggs tesco asda aldi lidl morrisons sainsburys iceland primark costa starbucks
lol lmao omg tbh tbf imo imho idk ikr smh fyi btw ffs wtf pls plz thx ty ur u r y yh ye ok okay k
hun hunni babe bae bro bruv fam mate mates lad lads lass lasses bestie besties hubby wifey mum mam mom
mummy mammy nan nana nanna nanny gran granny grandma grandad grandpa bub bubba kiddo kiddos
defo def prob probs obvs obvi tho thru cuz coz cos bc bcos gud gr8 l8r 2day 2moro tmrw tmr
hes shes theyre youre im ive id ill itll thats whats wheres theres heres lets isnt arent wasnt werent
dont doesnt didnt cant couldnt wouldnt shouldnt wont hasnt havent hadnt mustnt neednt mightnt
yall ye youse gonna gotta sorta kinda outta
sw sws swer fc fcs lac cla cin cp cpp plo sgo iro amhp amhps asye nqsw pa pas ypi yp yps uasc cse cce
dols lps mca bia ehcp ehcps send sen camhs cahms gp gps ae a&e nhs dwp hmrc pip esa uc dla
safeguarding caseload caseloads s47 s17 s20 s31 s37 s38 s2 s3 mash edt ooh ftf wfh dv dva idva marac
mappa yot yjs pru ofsted cafcass basw swe hcpc sssc scw nisscc
selfie selfies insta instagram facebook fb tiktok snapchat snap whatsapp linkedin youtube twitter
zoom teams covid lockdown brexit
adopter adopters adoptee adoptees fosterer fosterers childrens mens womens socialworker socialworkers
ngl icl fr rn asap irl tmi jk af bff bday hbd xoxo xx xxx lmk wyd hmu nvm np tysm omw brb gtg pmsl rofl
haha hahaha hehe lolz aww awww omfg wtaf dm dms pm fyp ootd tldr istg smol bffs gc
fae wi ma dinnae cannae wouldnae couldnae didnae isnae wasnae gonnae ken lassie laddie awfy braw maw paw
da weans nain taid diolch iawn cwtch mun butt bach cariad boyo lush bostin mardy nowt owt summat gizza
nesh ginnel snicket scran yous wor hinny kidda mither wazzock bairn ta tarra ta-ra ay eh alreet howay
"""


def main() -> int:
    src = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/dict/british-english")
    words: set[str] = set()
    for line in src.read_text(encoding="utf-8").splitlines():
        w = line.strip()
        if not w or not w[0].islower() or w.endswith("'s"):
            continue
        if not re.fullmatch(r"[a-zà-ÿ]+(?:['-][a-zà-ÿ]+)*", w):
            continue
        words.add(w)
        if "'" in w:
            words.add(w.replace("'", ""))
    words |= set(INFORMAL.split())
    lexicon = (ROOT / "ep_checker" / "data" / "lexicon.yaml").read_text(encoding="utf-8")
    for tok in re.findall(r"(?<![\\\w])[a-z]{2,}(?![\w])", lexicon):
        words.add(tok)
    header = [
        "# Ordinary English words, one a line: see scripts/make_english_words.py (generated; do not edit).",
        "# Derived from SCOWL via Debian's wbritish list; copyright 2000-2011 Kevin Atkinson and others,",
        "# redistributed under its permissive licence (/usr/share/doc/wbritish/copyright).",
    ]
    OUT.write_text("\n".join(header + sorted(words)) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
