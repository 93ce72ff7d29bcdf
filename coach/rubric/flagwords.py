"""General English vocabulary the red-flag rules read the parse with: word classes, not sample phrases."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """Return the whitespace-separated words of text as a set."""
    return frozenset(text.split())


# What a speaker can leave that means leaving the employer.
EMPLOYER_NOUNS = words(
    "company firm employer job role position organisation organization post team business practice agency "
    "workplace group bank hospital studio chain site office store depot clinic branch location here you"
)
# Places people go to that are other employers.
OTHER_EMPLOYER_NOUNS = words(
    "company companies firm firms employer employers competitor competitors rival rivals bank banks agency agencies "
    "studio studios chain chains player players consultancy consultancies startup startups hospital hospitals "
    "contractor contractors brand brands carrier carriers airline airlines house houses outfit outfits shop shops "
    "lender lenders fund funds site sites group groups"
)
OTHER_MARKERS = words("other another bigger larger large better different rival competing big major top elsewhere")
DEPART_VERBS = words("leave quit resign exit depart")
MOVE_VERBS = words("move go jump switch head hop transfer")
# Things one sets up that are a business of one's own.
BUSINESS_NOUNS = words(
    "business company firm startup agency consultancy practice shop store studio clinic restaurant cafe bakery "
    "brand label venture outfit salon gym bistro truck pharmacy shingle operation contracting consulting"
)
FOUND_VERBS = words("start open launch found establish set hang build run own have create plan")
CAREER_NOUNS = words("career careers field fields industry industries profession professions path paths line sector")
CHANGE_VERBS = words("switch change leave quit pivot transition retrain move shift")
MONEY_NOUNS = words(
    "money salary salaries pay paycheck paycheque payslip wage wages income bonus bonuses overtime commission "
    "cash compensation remuneration package perks raise equity"
)
RATE_MODIFIERS = words("union hourly day daily pay going overtime contract")
TITLE_NOUNS = words("title titles")
ACQUIRE_VERBS = words("earn make get want like love chase need take double increase maximise maximize bank pocket grab")
MOTIVE_NOUNS = words("motivation motivator reason priority goal focus driver aim interest draw attraction point")
MOTIVE_VERBS = words("motivate drive get keep matter attract interest excite")
# Words for the people and places of work a speaker may complain about.
WORKPLACE_NOUNS = words(
    "boss bosses manager managers management company employer workplace culture leadership supervisor supervisors "
    "director directors owner owners colleagues coworkers co-workers team firm place job head chef staff admin pi principal"
)
NEGATIVE_WORDS = words(
    "toxic terrible awful horrible horrendous incompetent clueless useless pathetic dysfunctional chaotic "
    "disorganised disorganized lazy stingy cheap unfair rude miserable hopeless unbearable joke nightmare mess "
    "disaster worst bad poor dreadful shocking appalling badly"
)
DISLIKE_VERBS = words("hate despise loathe resent detest")
WEARY_WORDS = words("sick tired fed bored burnt burned done exhausted stuck fed-up")
AWAY_VERBS = words("emigrate relocate travel")
AWAY_PLACES = words("abroad overseas away home back")
WILLING_WORDS = words("happy willing open prepared ready glad able flexible")
# Amounts one can know: "I don't know everything yet" is about skills, not about having a goal.
KNOWLEDGE_AMOUNTS = words("everything all much enough anything every lot")
STOPGAP_NOUNS = words("stepping-stone stopgap stop-gap springboard launchpad placeholder")
PLAN_NOUNS = words("goal goals plan plans idea clue")
UNCERTAIN_VERBS = words("know decide figure think plan")
# Words that make a noun or verb say "this is what matters to me".
IMPORTANCE_WORDS = words("big biggest main important key real only major most primary number")
IMPORTANCE_NOUNS = words("thing part factor deal")
COMPARATIVES = words("better higher more bigger larger much twice double")
TEMPORARY_WORDS = words("short-term temporary interim")
STEP_NOUNS = words("step move stint thing gig job role base bridge position placement stop")
COMPLAINT_VERBS = words("blame ignore micromanage undermine")
STUDY_NOUNS = words("school university college course degree training")
PAY_ADJECTIVES = words("real big serious good")
# Pay words with a common figurative sense, "an extra good thing": "a big bonus would be working with you".
FIGURATIVE_PAY = words("bonus perk plus")
CV_NOUNS = words("cv resume résumé linkedin profile")
# Words that play a verb down: "the title matters less to me than the work".
LESSER_WORDS = words("less least little")
# The speaker, as subject, possessor or beneficiary: "for me", "my family", "we".
SPEAKER_WORDS = words("i me my mine myself we us our ours ourselves")
# What a thing is left in when "leave" means leaving it better, not leaving it: "in good shape".
STATE_NOUNS = words("shape state condition order hands position place")
# Determiners that make "leave" range over many things ("every site"), not one employer.
EVERY_WORDS = words("every each all any")
# Words that make "open a new store" sound like the employer growing rather than a shop of one's own.
EXPANSION_WORDS = words("new second third another more further extra")
# What marks a field or a place as not this one: "a totally different field", "another city".
ELSEWHERE_WORDS = words("different another other")
PLACE_NOUNS = words("city country town state continent")
SETTLE_VERBS = words("live be settle move relocate base end see work")
# The interviewer's own place: "your job", "your seat". "Your role" usually means the advertised one.
SEAT_NOUNS = words("job seat chair")
OCCUPY_VERBS = words("have take get be do fill hold replace inherit occupy land want see sit step steal")
