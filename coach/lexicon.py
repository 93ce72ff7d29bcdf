"""Word lists and patterns the rubric matches; data only, so the rules stay readable."""

from __future__ import annotations

import re

# All patterns run on a lower-cased copy of the answer whose curly apostrophes were made
# straight, with every offset kept (see coach.text.lower_preserving). Matching lower-case
# text without re.IGNORECASE is several times faster in Python's engine.
_I = re.NOFLAG


def phrases(*parts: str) -> re.Pattern[str]:
    """Return one alternation of the given lower-case patterns, wrapped in word bounds."""
    return re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)", _I)


def word_set(text: str) -> frozenset[str]:
    """Return the whitespace-separated words of text as a set."""
    return frozenset(text.split())


STOPWORDS = word_set(
    """
    a about above after again against all also am an and any are aren't as at be because been
    before being below between both but by can can't cannot could couldn't did didn't do does
    doesn't doing don't down during each even ever every few for from further had hadn't has
    hasn't have haven't having he he'd he'll he's her here here's hers herself him himself his
    how how's i i'd i'll i'm i've if in into is isn't it it's its itself just let's me more most
    much mustn't my myself no nor not now of off on once one only or other ought our ours
    ourselves out over own per quite rather same shan't she she'd she'll she's should shouldn't
    so some such than that that's the their theirs them themselves then there there's these they
    they'd they'll they're they've this those through to too under until up upon us very via was
    wasn't we we'd we'll we're we've were weren't what what's when when's where where's which
    while who who's whom why why's will with won't would wouldn't yet you you'd you'll you're
    you've your yours yourself yourselves within without across among along around toward
    towards onto whether though although however also well really
    """
)

# Words common to every goals answer: they say nothing about this user's particular goals.
GENERIC_WORDS = word_set(
    """
    goal goals career careers future long short term terms year years month months week weeks
    want wants wanted like would become becoming get getting make making take taking work
    working job jobs role roles position positions company companies team teams opportunity
    opportunities grow growth growing learn learning learned skill skills experience experiences
    develop developing development better best new next able eventually hope hoping plan plans
    planning aim aiming see myself time times day days people help helping good great lot lots
    way ways thing things part point level step steps continue keep start first second third one
    two three four five six seven eight nine ten twelve fifteen twenty hundred something someone
    really maybe love passion passionate excited exciting interested interest always also
    ideally currently current toward towards within next years' stay place kind sort bit look
    looking feel think know believe going go able ability strong strength strengths area areas
    field fields industry organization organisation organization's business professional
    personally person ultimately hopefully eager ready right use using make sure whole
    eventually
    """
)

# Corporate suffixes that do not identify a company on their own.
COMPANY_SUFFIXES = word_set(
    """
    inc inc. llc ltd ltd. limited plc corp corporation co company group holdings gmbh ag sa the
    and of & technologies technology tech labs systems solutions services partners international
    global
    """
)

# Time phrases that point ahead ("within a year", "eventually"): with no past-tense verb they make a sentence look forward.
FUTURE_TIME_RE = phrases(
    r"(?:in|within|over)\s+(?:the\s+)?(?:next|coming|first)\s+(?:\w+\s+){0,2}(?:years?|months?|weeks?|days|quarters?)",
    r"(?:in|within)\s+(?:about\s+|around\s+|roughly\s+)?(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty|several|few|a\s+few|a\s+couple\s+of|two\s+to\s+three|three\s+to\s+five|five\s+to\s+ten)\s+(?:years?|months?|weeks?)(?!\s+ago)",
    r"by\s+(?:the\s+end\s+of\s+)?(?:20[2-9]\d|next|my\s+(?:first|second|third)|year\s+(?:one|two|three)|then|that\s+point|the\s+time)",
    r"long[-\s]term",
    r"short[-\s]term",
    r"eventually",
    r"ultimately",
    r"down\s+the\s+(?:road|line)",
    r"one\s+day",
    r"someday",
    r"going\s+forward",
    r"(?:next|this\s+coming)\s+(?:year|step|few\s+years|couple\s+of\s+years|quarter|chapter)",
    r"(?:my|the)\s+first\s+(?:year|\d+\s+days|ninety\s+days|six\s+months|few\s+months|months?|quarter)",
    r"years?\s+(?:one|two|three)",
    r"(?:\w+\s+)years?\s+(?:from\s+now|out)",
    r"from\s+there",
    r"after\s+that",
    r"once\s+i(?:'ve|\s+have)?",
    r"sooner\s+than\s+that",
    r"later\s+on",
    r"in\s+time",
    r"over\s+time",
    r"early\s+on",
    r"in\s+the\s+years\s+ahead",
    r"for\s+(?:many\s+)?years\s+to\s+come",
)

# Building blocks for time phrases: "18 months", "seven or eight years", "three to five years".
_NUM = (
    r"(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|twenty[-\s]four|thirty|thirty[-\s]six|"
    r"several|few|a\s+few|a\s+couple(?:\s+of)?|couple\s+of|half\s+a)"
)
_RANGE = rf"{_NUM}(?:\s*(?:-|to|or|and|\u2013)\s*{_NUM})?"
_LONG_NUM = r"(?:[3-9]|1\d|20|25|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|several)"
_LONG_RANGE = rf"(?:{_NUM}\s*(?:-|to|or|\u2013)\s*)?{_LONG_NUM}"
_SHORT_YEARS = r"(?:a|an|one|1|two|2|a\s+couple(?:\s+of)?|a\s+year\s+or|one\s+or|one\s+to|1\s*-\s*)\s*(?:two\s+)?"
_APPROX = r"(?:(?:about|around|roughly|approximately|maybe|another|just|under|less\s+than|no\s+more\s+than)\s+)?"
_WITHIN = r"(?:in|within|over|inside|after|for)\s+(?:the\s+)?(?:next\s+|coming\s+|first\s+)?"
_MONTH = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|spring|summer|fall|autumn|winter)"
)

# Long-term horizon (the vision) and short-term horizon (the steps).
LONG_TERM_RE = phrases(
    r"long[-\s]term",
    r"longer[-\s]term",
    rf"(?:in|within|over)\s+(?:the\s+next\s+)?{_APPROX}{_LONG_RANGE}\s+(?:or\s+(?:so|more)\s+)?years?",
    rf"{_LONG_RANGE}\s+years?(?:'|\s+)\s*(?:from\s+now|out|down\s+the\s+(?:road|line)|time|on|ahead)",
    rf"{_LONG_RANGE}[-\s]years?\s+(?:plan|goal|vision|mark|horizon)",
    r"by\s+(?:the\s+time\s+i(?:'m|\s+am)\s+\d+|20(?:29|[3-9]\d))",
    r"eventually",
    r"ultimately",
    r"one\s+day",
    r"someday",
    r"down\s+the\s+(?:road|line)",
    r"(?:my|the)\s+(?:\w+\s+)?vision",
    r"(?:end|ultimate|biggest|bigger|larger|overall)\s+(?:goal|aim|ambition|picture)",
    r"long\s+run",
    r"(?:i\s+)?see\s+myself",
    r"aspire|aspiration|ambition",
    r"later\s+in\s+my\s+career",
    r"(?:my\s+)?(?:longer|bigger)[-\s](?:range|horizon)",
    r"years\s+(?:four|five|six|seven|eight|nine|ten)",
    r"(?:end|where\s+i\s+(?:want|would\s+like|'d\s+like)\s+to)\s+(?:up|be|end\s+up)",
    r"(?:over|for|in)\s+the\s+(?:long|longer)\s+(?:haul|run|term)",
)
SHORT_TERM_RE = phrases(
    r"short[-\s]term",
    r"near[-\s]term",
    r"immediate(?:ly)?",
    r"right\s+(?:away|now)",
    rf"{_WITHIN}{_APPROX}{_RANGE}\s+(?:months?|weeks?|days|quarters?|semesters?)",
    rf"{_WITHIN}{_APPROX}{_SHORT_YEARS}years?",
    r"(?:in|within|over)\s+(?:the\s+)?(?:next|coming|first)\s+(?:year|quarter|semester|year\s+or\s+two)",
    r"(?:next|this|the\s+coming)\s+(?:year|quarter|spring|summer|fall|autumn|winter|semester)",
    r"(?:my|the|our)\s+first\s+(?:year|\d+\s+days|ninety\s+days|six\s+months|few\s+months|months?|quarter|two\s+years|eighteen\s+months)",
    r"years?\s+(?:one|two|1|2)",
    rf"by\s+(?:the\s+end\s+of\s+)?(?:20(?:2\d)|next|this|my\s+first|my\s+second|year\s+(?:one|two)|{_MONTH})",
    r"(?:\d+|ninety|sixty|thirty)[-\s]days?",
    r"(?:six|twelve|eighteen|6|12|18|24)[-\s]months?",
    r"first\s+step",
    r"next\s+step",
    r"to\s+start(?:\s+with)?",
    r"initially",
    r"early\s+on",
    r"in\s+the\s+meantime",
    r"step\s+one",
    r"(?:first|second|third),",
    r"sooner\s+than\s+that",
)

# Any timeline at all (the T in SMART).
TIMELINE_RE = phrases(
    rf"{_WITHIN}{_APPROX}{_RANGE}\s+(?:more\s+)?(?:years?|months?|weeks?|days|quarters?|semesters?)(?!\s+ago)",
    r"(?:in|within|over)\s+(?:the\s+)?(?:next|coming|first)\s+(?:years?|months?|quarter|semester|year\s+or\s+two)",
    rf"by\s+(?:the\s+end\s+of\s+)?(?:(?:19|20)\d\d|next\s+\w+|this\s+\w+|my\s+(?:first|second|third)\s+\w+|year\s+(?:one|two|three|four|five|\d)|q[1-4]|{_MONTH}|the\s+(?:end|time))",
    rf"(?:by|in|before|until|through)\s+(?:early\s+|late\s+|mid-?)?(?:{_MONTH}\s+)?(?:19|20)\d\d",
    r"(?:next|this|the\s+coming)\s+(?:year|quarter|spring|summer|fall|autumn|winter|semester|month)",
    r"(?:my|the|our)\s+first\s+(?:year|\d+\s+days|ninety\s+days|six\s+months|few\s+months|months?|quarter|two\s+years|eighteen\s+months)",
    rf"{_RANGE}[-\s](?:day|week|month|year)s?\s+(?:plan|mark|horizon|goal|window|timeline|period|program|programme|course|review)",
    rf"{_RANGE}\s+years?(?:'|\s+)\s*(?:from\s+now|out|down\s+the\s+(?:road|line)|time|on|ahead)",
    r"years?\s+(?:one|two|three|four|five|1|2|3|4|5)",
    r"(?:q[1-4]|quarter)\s+(?:of\s+)?(?:20\d\d|next\s+year)",
    r"annually|each\s+(?:year|quarter|month)|every\s+(?:year|quarter|month|week)|per\s+(?:year|quarter|month)",
    r"(?:before|by)\s+(?:i\s+turn|the\s+time\s+i(?:'m|\s+am))\s+\d+",
    r"(?:weekly|monthly|quarterly)",
)

# A number anywhere (digits or number words); Measurable needs one that is not a timeline.
NUMBER_RE = phrases(
    r"\d+(?:[.,]\d+)*\s*(?:%|percent|per\s+cent|k|m|x)?",
    r"\$\s*\d+",
    # "one day", "one of the", "no one": not quantities.
    r"one(?!\s+(?:day|of|another|step|more|thing|way|point|side|hand|place))(?<!no\sone)(?<!every\sone)",
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozen|half|double|triple|twice)",
)
MEASURE_RE = phrases(
    r"percent|per\s+cent|%",
    r"(?:double|triple|halve|cut\s+in\s+half|reduce\s+by|increase\s+by|grow\s+by|improve\s+by|raise\s+by|lower\s+by)",
    r"(?:kpis?|metrics?|targets?|quota|benchmark|rating|score|nps|csat|retention\s+rate|error\s+rate|turnaround|on[-\s]time|throughput|conversion|revenue|budget|portfolio\s+of)",
    r"(?:certification|certificate|certified|license|licence|licensed|accreditation|accredited|chartered|qualification|degree|diploma|exam|masters?|mba|phd|doctorate|credential|fellowship|registration)",
    r"(?:promotion|promoted)\s+to",
    r"team\s+of\s+\w+",
)

# Concrete actions (the A in SMART). Weak verbs count for less: they rarely commit to anything.
ACTION_VERBS = word_set(
    """
    complete finish earn pass enrol enroll study certify lead manage mentor coach train build
    ship launch deliver run own design create implement reduce increase cut raise double hit
    close shadow volunteer present publish write master practise practice apply pursue
    specialise specialize obtain achieve attend set organise organize automate migrate negotiate
    expand open qualify sit take step move transition head drive establish introduce standardise
    standardize streamline roll rollout prototype test measure track audit review teach precept
    supervise oversee scale hire recruit sell present certify finish register prepare save
    complete deepen broaden gain secure land join contribute partner redesign rebuild refactor
    document analyse analyze forecast model plan budget chair represent speak deploy operate
    maintain
    """
)
# Verbs a goal written as a note may start with ("Refinance the fleet debt by 2027").
GOAL_VERBS = ACTION_VERBS | word_set(
    """
    have put refinance clear gain attain reach keep make land switch sharpen strengthen expand halve automate
    restructure modernise modernize digitise digitize consolidate centralise centralize relaunch win earn
    finish complete take pass get become be grow learn improve develop explore help contribute join support
    work move go stay spend shift focus add give bring turn help lift drop cover fill push pull
    """
)
JOB_TITLE_WORDS = word_set(
    """
    manager director lead leader head supervisor principal chief officer partner architect engineer specialist
    consultant analyst designer nurse chef controller trainer instructor teacher coordinator executive vp president
    cfo ceo cto coo founder owner scientist researcher developer editor producer pharmacist physician electrician
    technician accountant auditor planner strategist administrator superintendent foreman captain
    """
)
WEAK_ACTION_VERBS = word_set("learn grow improve develop explore help contribute join support get become be")

# Words for moving up or for the kind of goal a hiring manager can picture.
PROGRESSION_WORDS = word_set(
    """
    senior lead leader leadership manager management director head principal staff chief
    supervisor supervising charge specialist expert architect partner owner vp president
    certification certified certificate license licence licensed chartered degree masters mba
    phd promotion promoted mentor mentoring portfolio accreditation qualified qualification
    fellowship consultant strategist
    """
)

# Phrases that say nothing specific.
VAGUE_RE = phrases(
    r"grow(?:ing)?\s+(?:as\s+(?:a\s+person|a\s+professional|an?\s+\w+)|professionally|personally|and\s+learn|and\s+develop|in\s+my\s+career)",
    r"learn\s+(?:and\s+grow|as\s+much\s+as\s+(?:i\s+)?can|new\s+things|a\s+lot|more)",
    r"(?:take\s+on|face|tackle|embrace)\s+(?:new\s+|more\s+|bigger\s+|exciting\s+|different\s+)?challenges",
    r"new\s+challenges",
    r"(?:be|become)\s+the\s+best\s+(?:i\s+can\s+be|version\s+of\s+myself|\w+\s+i\s+can)",
    r"see\s+where\s+(?:things|it|life|that|this)\s+(?:go(?:es)?|take[s]?|lead[s]?)",
    r"(?:more|additional|greater|bigger)\s+responsibilit(?:y|ies)",
    r"(?:reach|achieve|fulfil|fulfill|realize|realise)\s+my\s+(?:full\s+)?potential",
    r"make\s+a\s+difference",
    r"add\s+value",
    r"(?:expand|broaden|improve|develop|build)\s+my\s+(?:skills?|skill\s+set|skillset|knowledge|horizons|experience|abilities)",
    r"keep\s+(?:learning|growing|improving)",
    r"(?:continue|continuing)\s+to\s+(?:learn|grow|improve|develop)",
    r"be\s+(?:successful|happy|fulfilled)",
    r"(?:something|somewhere|a\s+place)\s+(?:meaningful|where\s+i\s+can\s+grow)",
    r"in\s+the\s+future",
    r"at\s+some\s+point",
    r"(?:more|bigger|different)\s+(?:things|stuff)",
    r"(?:wherever|whatever)\s+(?:life|the\s+role|it)\s+(?:takes|leads|needs)",
    r"open\s+to\s+(?:anything|whatever|new\s+opportunities)",
    r"(?:move|moving|step|stepping)\s+up",
    r"go\s+with\s+the\s+flow",
)


# How the speaker will get there: courses, mentoring, steps, the means (the plan in an answer).
PLAN_RE = re.compile(
    r"(?<!\w)(?:to\s+(?:get|do)\s+(?:there|that|this)|to\s+(?:achieve|reach|accomplish|hit|meet|make)\s+(?:this|that|these|those|it|them)(?:\s+happen)?|"
    r"my\s+plan|the\s+plan|i\s+plan\s+to|plan\s+is|i\s+intend\s+to|by\s+\w+ing|through\s+(?!the\s+(?:years|day|week))\w+|"
    r"i(?:'m|\s+am)\s+(?:already\s+|currently\s+|now\s+)?(?:finishing|taking|studying|completing|doing|enrolled|working\s+(?:on|toward|towards|through)|"
    r"building|preparing|training|learning|saving|shadowing|attending|volunteering|reading|practi[sc]ing)|"
    r"i(?:'ve|\s+have)\s+(?:already\s+)?(?:enrolled|signed\s+up|started|begun|registered|applied|booked|completed|passed|finished)|"
    r"i(?:'ll|\s+will)\s+start\s+by|starting\s+with|step\s+(?:one|two)|first,|then\s+i|after\s+that|once\s+i|which\s+will|that\s+will|"
    r"so\s+that|so\s+i(?:\s+can|\s+have|'m|\s+am|\s+will|'ll)|in\s+order\s+to|roadmap|the\s+way\s+i|how\s+i(?:'ll|\s+will|\s+plan)|that\s+means|"
    r"alongside\s+(?:that|this)|in\s+parallel|at\s+the\s+same\s+time|meanwhile|on\s+the\s+job|to\s+study|"
    r"(?:using|use|via|with\s+(?:the\s+)?help\s+of|leaning\s+on|drawing\s+on|take\s+advantage\s+of)\s+(?:your|the|my|our)|"
    r"(?:career|development|leadership|engineering|management|learning)\s+(?:track|pathway|path|framework|budget|day|time|hours)|"
    r"(?<!due\s)(?<!of\s)courses?|diplomas?|degree|certifications?|certificates?|qualifications?|licen[cs]es?|exams?|bootcamp|workshops?|"
    r"class(?:es)?|mentor(?:ing|ship|s)?|program(?:me)?s?|rotations?|academy|training|apprenticeship|shadow(?:ing)?|stretch\s+assignments?|"
    r"side\s+projects?|night\s+school|evening\s+classes|modules?|placements?|secondments?|mba|masters|cpd)(?!\w)",
)

# Unrealistic ambition (the R in SMART): top jobs on short timelines, grandiose claims.
UNREALISTIC_RE = phrases(
    r"(?:ceo|cto|cfo|coo|president|vice\s+president|vp|partner|director|head\s+of\s+\w+|chief\s+\w+\s+officer)\s+(?:\w+\s+){0,4}(?:in|within|by)\s+(?:a|one|two|1|2|a\s+couple\s+of|six|eighteen|twelve)\s+(?:years?|months?)",
    r"(?:in|within)\s+(?:a|one|two|1|2|six|twelve|eighteen|a\s+couple\s+of)\s+(?:years?|months?)\s*,?\s*(?:i\s+(?:want|plan|hope|aim|will|'ll)\s+(?:to\s+)?(?:be|become)\s+(?:the\s+)?)(?:ceo|cto|cfo|coo|president|vp|vice\s+president|partner|head\s+of|chief)",
    r"(?:the\s+)?best\s+(?:\w+\s+)?in\s+the\s+(?:world|country|industry|business)",
    r"number\s+one\s+(?:\w+\s+)?in\s+the",
    r"(?:change|revolutioni[sz]e|transform)\s+the\s+(?:whole\s+)?(?:world|industry|entire\s+industry)",
    r"millionaire|billionaire",
    r"run\s+(?:the|this)\s+(?:whole\s+)?company",
    r"overnight",
)

# Why this company: reasons and the words that tie a goal to an employer.
REASON_RE = phrases(
    r"because",
    r"why",
    r"that's\s+why",
    r"which\s+is\s+why",
    r"drawn\s+to",
    r"draws\s+me",
    r"attracts?\s+me",
    r"excites?\s+me",
    r"excited\s+(?:by|about)",
    r"appeals?\s+to\s+me",
    r"aligns?",
    r"matches",
    r"fits?",
    r"admire",
    r"impressed",
    r"inspired",
    r"the\s+reason",
    r"exactly",
    r"perfect\s+place",
    r"ideal\s+place",
    r"right\s+place",
    r"where\s+i\s+can",
    r"the\s+kind\s+of\s+(?:place|team|company|environment)",
    r"resonates?",
    r"speaks\s+to\s+me",
    r"what\s+i\s+(?:love|like|value)",
    r"given",
    r"since\s+(?:your|the)",
    r"known\s+for",
    r"commitment\s+to",
    r"focus\s+on",
    r"investment\s+in",
    r"invests?\s+in",
    r"which\s+means",
    r"so\s+(?:i|that)",
    r"that's\s+exactly",
    r"makes?\s+(?:it|this|\w+)\s+(?:the|a|an)\s+(?:\w+\s+)?(?:place|fit|home|team)",
)

# References to "this employer" that do not use its name.
COMPANY_REF_RE = phrases(
    r"here(?!'s)",
    r"your(?!\s+(?:own|career|goals?|life|best|choice)\b)",
    r"you(?!\s+(?:know|see|mean|guys\s+know)\b)(?=\s+(?:offer|cover|pay|provide|run|give|have|do|are|support|invest|build|make|put|help|train|sponsor|fund|promote|let|value|care|focus|serve|hire|develop))",
    r"this\s+(?:company|team|organi[sz]ation|firm|role|position|hospital|group|business|clinic|agency|practice|network|opportunity)",
    r"(?:with|for|at|join|joining)\s+you",
    r"the\s+company's",
    r"you\s+(?:all|guys)",
)
