"""Word lists and patterns the rubric matches; data only, so the rules stay readable."""

from __future__ import annotations

import re

# All patterns run on a lower-cased copy of the answer whose curly apostrophes were made
# straight, with every offset kept (see coach.text.lower_preserving). Matching lower-case
# text without re.IGNORECASE is several times faster in Python's engine.
_I = re.NOFLAG


def _rx(*parts: str) -> re.Pattern[str]:
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

# Forward-looking markers: the speaker says what they will do or want. Verbs carry tense;
# time phrases ("within a year", "eventually") also occur in stories about the past, so
# they make a sentence forward-looking only when it has no past-tense verb.
FUTURE_VERB_RE = _rx(
    r"i\s+(?:will|shall)",
    r"i'll",
    r"we'll",
    r"will|shall",
    r"i(?:'m|\s+am)\s+(?:going|planning|aiming|hoping|looking|working|eager|keen|excited|determined|committed|set)\s+to(?:wards?)?",
    r"i(?:'m|\s+am)\s+(?:working|building|aiming)\s+towards?",
    r"(?:i|i'd|i\s+would)\s+(?:really\s+|also\s+|then\s+|eventually\s+|ultimately\s+)?(?:want|plan|aim|hope|intend|expect|like|love|aspire|wish|need|mean|seek|strive)\s+to",
    r"i(?:'d|\s+would)\s+(?!(?:been|had|already|never|always|just|once|often|previously)\b)(?!\w+(?<!ne)ed\b)\w+",
    r"i\s+see\s+myself",
    r"i\s+(?:envision|picture|imagine|aspire)",
    r"see\s+myself",
    r"(?:my|the|our)\s+(?:\w+\s+){0,2}(?:goals?|aims?|ambitions?|plans?|vision|targets?|objectives?|priorit(?:y|ies)|focus|next\s+steps?|intention)\s+(?:is|are|would\s+be|will\s+be|for\s+the)",
    r"(?:goals?|aims?|plans?|ambitions?|vision|objectives?)\s*:",
    r"going\s+to",
    r"i\s+hope",
    r"i\s+(?:want|plan|aim|intend|expect|need)",
    r"i(?:'m|\s+am)\s+(?:currently\s+|already\s+|now\s+)?(?:studying|preparing|training|enrolled|saving|working\s+on|taking|completing|finishing)",
    r"to\s+get\s+there",
    r"i\s+could(?!\s+have)",
    r"i\s+can\s+(?:see\s+myself|grow|build|develop|stay|picture)",
)
FUTURE_TIME_RE = _rx(
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

# Backward-looking markers: the speaker recounts what already happened.
_PAST_VERBS = (
    "was|were|did|had|led|built|became|earned|got|made|took|won|grew|ran|began|wrote|taught|"
    "brought|found|went|spent|left|joined|worked|managed|started|finished|completed|graduated|"
    "moved|launched|delivered|achieved|reached|received|passed|studied|trained|mentored|created|"
    "designed|developed|helped|learned|learnt|stepped|transitioned|switched|decided|realized|"
    "realised|knew|thought|wanted|loved|enjoyed|felt|saw|held|kept|oversaw|headed|handled|"
    "supervised|coordinated|organized|organised|implemented|introduced|increased|reduced|"
    "improved|cut|saved|hired|promoted|shipped|published|presented|qualified|obtained|secured|"
    "completed|covered|served|supported|volunteered|took|gave|taught|rebuilt|negotiated|closed|"
    "exceeded|hit|topped|landed|expanded|opened|founded|co-founded|sat|chose|picked|applied|"
    "switched|fell|came|grew|rose|set|put|used|ended|turned|pushed|drove|owned|certified"
)
PAST_RE = _rx(
    rf"(?:i|we|she|he|they)\s+(?:then\s+|also\s+|eventually\s+|quickly\s+|later\s+|finally\s+|soon\s+)?(?:{_PAST_VERBS})",
    r"i(?:'ve|\s+have)\s+(?:already\s+|since\s+|also\s+|recently\s+|now\s+|just\s+)?(?:been|had|done|led|built|become|earned|grown|taught|won|made|run|taken|written|got|gotten|\w+ed)",
    r"(?:my|the)\s+(?:\w+\s+)?(?:goals?|aim|ambition|plan|dream)\s+(?:was|were|had\s+been)",
    r"already",
    r"previously",
    r"\w+\s+years?\s+ago",
    r"last\s+(?:year|month|spring|summer|fall|autumn|winter|quarter)",
    r"back\s+(?:in|then|when)",
    r"at\s+the\s+time",
    r"so\s+far",
    r"since\s+then",
    r"when\s+i\s+was",
    r"used\s+to",
    r"in\s+(?:19|20)\d\d(?!\s*(?:,|and|or)?\s*(?:i\s+(?:will|want|plan|hope|aim|'ll)))",
    r"(?:over|for|in)\s+the\s+(?:last|past|previous)\s+(?:\w+\s+)?(?:years?|months?|decades?)",
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
LONG_TERM_RE = _rx(
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
SHORT_TERM_RE = _rx(
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
TIMELINE_RE = _rx(
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
NUMBER_RE = _rx(
    r"\d+(?:[.,]\d+)*\s*(?:%|percent|per\s+cent|k|m|x)?",
    r"\$\s*\d+",
    # "one day", "one of the", "no one": not quantities.
    r"one(?!\s+(?:day|of|another|step|more|thing|way|point|side|hand|place))(?<!no\sone)(?<!every\sone)",
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozen|half|double|triple|twice)",
)
MEASURE_RE = _rx(
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
VAGUE_RE = _rx(
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


# Fillers. Multi-word ones are listed first so the alternation matches them before
# their parts; the ambiguous "like", "so" and "right" are matched only in filler positions.
def _after(word: str, *befores: str) -> str:
    """Return alternatives matching word only right after one of befores (fixed-width lookbehinds)."""
    return "|".join(rf"{word}(?<={b}{word})" for b in befores)


_CLAUSE_START = (r"[,.;!?]\s", r"\n", r"[,.;!?]\n")
_SENTENCE_START = (r"[.;!?]\s", r"\n")
# Each alternative starts with its literal word, so the engine rejects most positions at the
# first character; context is then checked with lookbehinds that end at the word.
FILLER_RE = re.compile(
    r"(?<!\w)(?:"
    r"(?:you\s+know(?!\s+(?:how|what|where|when|why|that|if|whether|about))|i\s+mean(?!\s+(?:to|it|that))|kind\s+of|sort\s+of|kinda|sorta|"
    r"you\s+see|or\s+something(?:\s+like\s+that)?|and\s+stuff(?:\s+like\s+that)?|and\s+everything|and\s+all\s+that|or\s+whatever|"
    r"to\s+be\s+(?:honest|fair)|at\s+the\s+end\s+of\s+the\s+day|if\s+that\s+makes\s+sense|i\s+guess|like\s+i\s+said|"
    r"um+|uh+m*|erm+|er+|ah+|hmm+|mm+|basically|literally|yeah|anyways?|whatnot)(?!\w)"
    # "like" as a filler: set off by commas, opening a clause, after a connective, or before um/uh/a number.
    r"|(?:^like|" + _after("like", *_CLAUSE_START) + r")(?!\w)(?!\s+(?:to|that|this|these|those|a\s+\w+\s+that)\b)"
    r"|like(?=\s*,)"
    r"|(?:"
    + _after("like", *(rf"\b{w}\s" for w in ("and", "but", "so", "is", "was", "it's", "like", "um", "uh")))
    + r")(?!\w)(?!\s+(?:to|that|this|a\s+\w+\s+that|mine|me|them|him|her|us)\b)"
    r"|like(?=\s+(?:um|uh|literally|basically|totally|really|\d))"
    # "so" as a filler: opening a sentence and followed by a comma or another filler.
    r"|(?:^so|" + _after("so", *_SENTENCE_START) + r")(?=\s*,|\s+(?:um|uh|yeah|like|basically|anyway)\b)"
    r"|so\s+yeah(?!\w)"
    # "right" as a filler: a question tag, or opening a sentence with a comma.
    r"|right(?=\s*\?)|(?:^right|" + _after("right", *_SENTENCE_START) + r")(?=\s*,)"
    # "well", "okay", "actually", "honestly"... when they open a clause with a comma.
    r"|(?:"
    + "|".join(
        rf"^{w}|" + _after(w, *_CLAUSE_START)
        for w in ("well", "okay", "ok", "actually", "honestly", "obviously", "seriously", "anyway", "frankly", "look")
    )
    + r")(?=\s*,)"
    r"|(?:"
    + "|".join(_after(w, r",\s") for w in ("actually", "honestly", "obviously", "really", "totally", "seriously"))
    + r")(?=\s*,)"
    r")",
    re.MULTILINE,
)

HEDGE_RE = _rx(
    r"i\s+guess",
    r"i\s+suppose",
    r"i\s+think(?!\s+(?:about|through|of))",
    r"i\s+feel\s+like",
    r"i\s+(?:would|'d)\s+say",
    r"kind\s+of",
    r"sort\s+of",
    r"kinda",
    r"sorta",
    r"maybe",
    r"perhaps",
    r"possibly",
    r"probably",
    r"hopefully",
    r"somewhat",
    r"(?:i'm\s+)?not\s+(?:really\s+|totally\s+|entirely\s+|100%\s+)?sure",
    r"a\s+little\s+bit",
    r"more\s+or\s+less",
    r"if\s+(?:possible|all\s+goes\s+well|things\s+work\s+out|i'm\s+lucky)",
    r"we'll\s+see",
    r"who\s+knows",
    r"fingers\s+crossed",
    r"might",
    r"could\s+maybe",
    r"try\s+to\s+maybe",
    r"or\s+so",
    r"i\s+don't\s+know",
    r"i'm\s+hoping\s+maybe",
)

JARGON_RE = _rx(
    r"circle\s+back",
    r"move\s+the\s+needle",
    r"low[-\s]hanging\s+fruit",
    r"deep\s+dive",
    r"touch\s+base",
    r"think\s+outside\s+the\s+box",
    r"value[-\s]add",
    r"core\s+competenc(?:y|ies)",
    r"paradigm\s+shift",
    r"boil\s+the\s+ocean",
    r"drill\s+down",
    r"take\s+it\s+offline",
    r"level\s+set",
    r"best[-\s]in[-\s]class",
    r"world[-\s]class",
    r"cutting[-\s]edge",
    r"thought\s+leader(?:ship)?",
    r"synerg\w*",
    r"leverag\w*",
    r"ideat\w*",
    r"holistic\w*",
    r"paradigm\w*",
    r"bandwidth",
    r"actionable",
    r"learnings",
    r"operationali[sz]\w*",
    r"incentivi[sz]\w*",
    r"wheelhouse",
    r"game[-\s]chang\w*",
    r"disrupt\w*",
    r"scalab\w*",
)

# "My own clinic days", "my own practice within the group": a part of the job, not a business.
_NOT_A_PART = r"(?!\s+(?:days?|sessions?|hours|lists?|slots?|rota|caseload|within|inside|here|at\s+(?:the|your)))"

# Red flags: each group is one kind of flag a hiring manager reacts to.
RED_FLAG_PATTERNS: dict[str, re.Pattern[str]] = {
    "leaving": _rx(
        r"(?:leave|quit|move\s+on|moving\s+on|jump\s+ship|go\s+elsewhere|head\s+out|get\s+out|exit|walk\s+away)\s+(?:\w+\s+){0,4}(?:after|within|in|once|by|when)\s+(?:\w+\s+){0,3}(?:years?|months?|a\s+while|that|i\s+(?:get|have|learn|make|save|pay))",
        r"(?:leave|quit|move\s+on\s+from|get\s+out\s+of)\s+(?:the\s+company|this\s+company|this\s+job|the\s+job|this\s+role|here|after)",
        r"stepping[-\s]stone",
        r"(?:plan|planning|going|want|wanting|intend|intending|expect|expecting|hope|hoping|likely|probably|aim|aiming|looking)\s+to\s+(?:\w+\s+)?(?:leave|quit|move\s+on|jump\s+ship|emigrate|relocate|move\s+abroad|move\s+overseas|hand\s+over|head\s+off|go\s+elsewhere|look\s+elsewhere)",
        r"(?:leave|leaving|quit|quitting|emigrate|emigrating|relocate|relocating|move\s+on|moving\s+on|hand\s+over|handing\s+over)\s+(?:\w+\s+){0,6}(?:(?:within|in|after|by)\s+(?:about\s+|around\s+|maybe\s+)?(?:a|one|1|two|2|eighteen|18|twelve|12|six|a\s+couple\s+of|a\s+few)\s+(?:years?|months?)|next\s+year|the\s+end\s+of\s+(?:next|this)\s+year|soon)",
        r"(?:only|just)\s+(?:really\s+)?(?:be\s+)?here\s+(?:until|till|for)",
        r"until\s+i\s+(?:start|go|get\s+into|head|leave|find|land|save|finish|move|can\s+(?:leave|afford|start))",
        r"(?:while|as\s+long\s+as)\s+i(?:'m|\s+am)\s+(?:still\s+)?here",
        r"look(?:s)?\s+(?:\w+\s+)?(?:good|great|brilliant|better|nice|impressive|strong)\s+on\s+(?:my|a)\s+(?:cv|resume|linkedin|r\u00e9sum\u00e9)",
        r"(?:on|for|pad|padding|build\s+up|beef\s+up)\s+my\s+(?:cv|resume|linkedin)",
        r"before\s+(?:we|i)\s+(?:go|leave|move|emigrate|head)",
        r"(?:short|brief)[-\s]term\s+(?:step|stint|move|thing|gig|stop|role|job|position|placement|arrangement)",
        r"(?:stay|staying|be\s+here|stick\s+around|stick\s+it\s+out)\s+(?:\w+\s+){0,2}(?:for\s+)?(?:about|around|maybe|only|just|roughly)?\s*(?:a|one|1)\s+(?:year|couple)",
        r"(?:stay|staying)\s+(?:about|around|maybe|only|just|roughly)\s+(?:a|one|1|two|2|eighteen|18)\s+(?:years?|months?)",
        r"(?:move|moving|go|going|jump|jumping|switch|switching|head|heading|make\s+(?:that|the|a)\s+(?:move|jump|switch|leap))\s+(?:on\s+|over\s+)?(?:to|into|for)\s+(?:a|an|one\s+of\s+the|the|some)?\s*(?:\w+\s+){0,2}(?:bigger|larger|better|other|another|different|big|rival|competing|better[-\s]paid|higher[-\s]paying)\s+(?:\w+\s+)?(?:company|companies|firm|firms|employer|employers|chains?|brands?|agenc(?:y|ies)|players?|tech|banks?|hospitals?|organi[sz]ations?|contractors?|consultanc(?:y|ies)|funds?|startups?|places?|jobs?|roles?|schools?|practices?)",
        r"big\s+tech",
        r"(?:join|joining|move\s+to|moving\s+to|looking\s+at|look\s+at|apply\s+to|applying\s+to|go\s+to|going\s+to|switch\s+to|head\s+to)\s+(?:the\s+|a\s+)?big\s+(?:four|4|three|five|tech|law|consultanc\w+)",
        r"(?:looking|look)\s+at\s+(?:\w+\s+){0,2}(?:other|bigger|larger)\s+(?:firms|companies|employers|roles|jobs|opportunities)",
        r"one\s+of\s+the\s+(?:big|bigger|larger|major|top)\s+(?:\w+\s+)?(?:firms|companies|players|banks|chains|agencies|hospitals|airlines|brands|carriers|groups|studios|labs)\s+(?:in|abroad|overseas|elsewhere|instead|after|later|down)",
        r"(?:good|great|solid|nice|useful|decent)\s+(?:base|place|spot|stop)\s+for\s+(?:the\s+next|a\s+(?:year|couple|few|while)|now|the\s+time\s+being)",
        r"for\s+the\s+time\s+being",
        r"where\s+the\s+(?:real\s+|big\s+|better\s+)?(?:money|packages?|pay|salaries|salary|exposure|opportunities)\s+(?:is|are)",
        r"see\s+where\s+the\s+(?:best|next|better)\s+(?:opportunity|offer|job|move)",
        r"(?:have|need)\s+to\s+(?:step\s+away|leave|move\s+on|hand\s+in\s+my\s+notice|resign)",
        r"if\s+i\s+get\s+(?:a|the)\s+(?:place|spot|offer|visa)",
        r"(?:first|base)\s+and\s+then\s+(?:a\s+)?(?:shift|move|switch|jump)",
        r"(?:i'd|i\s+would|i'll|i\s+will)\s+(?:probably|likely|most\s+likely)\s+(?:\w+\s+){0,2}(?:move|moving|leave|leaving|head|heading|go|quit|relocate|relocating)\b",
        r"(?:has|had|hasn't|hadn't|has\s+not|had\s+not)\s+crossed\s+my\s+mind",
        r"(?:conversations|discussions|talks|talking|talked|speaking|spoken|interviewing)\s+(?:\w+\s+){0,2}(?:to|with)\s+(?:\w+\s+){0,4}(?:lenders|banks|investors|consultancies|recruiters|employers|headhunters|competitors|studios|startups|start-ups|private\s+firms|other\s+(?:companies|firms|employers|hospitals|schools|agencies))",
        r"(?:move|moving|go|going|head|heading|jump|jumping)\s+(?:on\s+|over\s+|across\s+)?(?:to|into)\s+one\s+of\s+the\s+(?:big|bigger|large|larger|major|top)\s+(?:[\w-]+\s+){0,2}(?:sites?|companies|firms|chains|players|banks|agencies|studios|hospitals|groups|brands|lines|airlines|hotels|operators)",
        r"(?:is|are)\s+what\s+(?:the\s+)?(?:[\w-]+\s+){0,3}(?:cruise\s+lines|other\s+\w+|big\s+\w+|competitors|recruiters|headhunters)\s+(?:\w+\s+){0,3}(?:ask\s+for|want|look\s+for|require)",
        r"before\s+i\s+decide\s+(?:on\s+that|whether\s+to\s+(?:stay|leave|go))",
        r"we\s+will\s+see\s+whether\s+our",
        r"(?:may|might|won't|will\s+not|wouldn't|would\s+not)\s+(?:not\s+)?be\s+(?:here|around|with\s+you)\s+(?:for\s+)?(?:very\s+|that\s+|too\s+|all\s+that\s+)?long",
        r"if\s+i\s+get\s+(?:a|the|my)\s+(?:\w+\s+)?(?:place|spot|offer|visa|seat)",
        r"working\s+holiday|(?:when|once)\s+i\s+come\s+back|gap\s+year",
        r"(?:main|real|only)\s+reason\s+i(?:'m|\s+am)\s+(?:looking|leaving|moving|applying\s+elsewhere)",
        r"(?:weighing|considering|juggling|comparing|holding)\s+(?:\w+\s+){0,2}(?:other\s+)?offers|(?:other|two|three|several|a\s+few)\s+(?:\w+\s+)?offers\s+i(?:'m|\s+am)",
        r"(?:another|other|a\s+different|a\s+bigger|a\s+rival)\s+(?:\w+\s+){0,2}(?:offered|offers|offer|came\s+calling)\s+me",
        r"(?:very\s+|really\s+)?hard\s+to\s+(?:say\s+no|turn\s+(?:it|that|them)\s+down|refuse)|(?:wouldn't|would\s+not|couldn't)\s+(?:be\s+able\s+to\s+)?(?:say\s+no|turn\s+(?:it|that)\s+down)",
        r"(?:see|view|treat|think\s+of)\s+(?:this|it|the\s+\w+|\w+)\s+(?:\w+\s+){0,2}as\s+(?:a\s+|an\s+)?(?:bridge|stepping|springboard|stopgap|stop-gap|launch\w*|training\s+ground|placeholder|short[-\s]term|temporary|means\s+to\s+an\s+end|foot\s+in|interim|way\s+station)",
        r"(?:move|moving)\s+across\s+to\s+(?:the|a|an)\s+\w+",
        r"(?:won't|wouldn't|will\s+not|would\s+not)\s+be\s+(?:the\s+one\s+(?:taking|leading|seeing)|around\s+(?:for|to|long)|staying)",
        r"(?:talking|talked|speaking|spoken|interviewing|in\s+talks)\s+(?:to|with)\s+(?:\w+\s+){0,3}(?:consultancies|companies|firms|recruiters|employers|agencies|headhunters|competitors|other\s+\w+)",
        r"rather\s+than\s+stay(?:ing)?\s+(?:on|in|here|with)",
        r"not\s+(?:really\s+|entirely\s+)?sure\s+(?:the|this|that)\s+\w+\s+is\s+where\s+i(?:'ll|\s+will|\s+want\s+to|\s+see\s+myself)",
        r"(?:elsewhere|somewhere\s+else|somewhere\s+bigger)",
        r"(?:move|moving|jump|jumping|go|going|switch|switching|make\s+(?:that|the|a)\s+(?:move|jump|switch|leap))\s+(?:over\s+)?(?:to|into)\s+(?:a|an)\s+(?:\w+\s+){0,2}(?:contractor|fund|consultancy|agency|startup|start-up|bank|competitor|rival)",
        r"(?:a|an|the)\s+(?:\w+\s+)?role\s+at\s+(?:a|an|another|one\s+of\s+the)\s+(?:\w+\s+){0,2}(?:fund|firm|company|bank|startup|agency|competitor)",
        r"(?:see|view|treat|think\s+of)\s+(?:this|it|the\s+(?:job|role|position))\s+(?:\w+\s+){0,2}as\s+(?:\w+\s+)?(?:training|practice|a\s+stopgap|a\s+stop-gap|temporary|a\s+placeholder|a\s+start|a\s+way\s+in|a\s+foot\s+in\s+the\s+door|a\s+short[-\s]term)",
        r"(?:foot\s+in\s+the\s+door|stopgap|stop-gap)",
        r"(?:leave|leaving)\s+(?:\w+\s+){0,2}for\s+(?:\w+\s+){0,2}(?:school|university|college|a\s+\w+\s+(?:job|role|position)|another|a\s+bigger|a\s+better|big)",
        r"(?:law|med|medical|nursing|np|pa|grad|graduate|business|film|art|culinary|dental|vet|veterinary|pharmacy)\s+school\s+(?:\w+\s+){0,3}(?:next\s+(?:year|fall|autumn|spring)|in\s+(?:a|about\s+a|one)\s+year|soon)",
        r"(?:springboard|launchpad|launch\s+pad)\s+(?:to|for|into)",
        r"(?:use|using)\s+(?:this|the)\s+(?:job|role|position|opportunity|experience)\s+(?:\w+\s+){0,2}(?:as|to\s+(?:get|land|move|jump|build\s+my\s+resume|pad))",
        r"(?:only|just)\s+(?:plan\s+to\s+|want\s+to\s+|going\s+to\s+)?(?:stay|be\s+here|be\s+around|stick\s+around)\s+(?:for\s+)?(?:a\s+|about\s+|around\s+)?(?:year|couple|few|while|short)",
        r"(?:don't|do\s+not|won't|not)\s+(?:really\s+)?(?:plan|intend|expect|see\s+myself)\s+(?:to\s+)?(?:stay|staying|being\s+here|be\s+here)",
        r"(?:a\s+)?(?:year|couple\s+of\s+years|few\s+years|year\s+or\s+two|two\s+years)\s+(?:here\s+)?(?:and\s+then|then|before)\s+(?:i\s+)?(?:\w+\s+){0,2}(?:move|moving|leave|leaving|go|going|switch|head|jump|apply|start)",
        r"(?:move|moving|jump|switch|go)\s+(?:on\s+)?to\s+(?:a\s+)?(?:bigger|better|larger|another|different|other)\s+(?:company|companies|firm|employer|organi[sz]ation|opportunit(?:y|ies)|place|brand|agency|hospital|team)",
        r"(?:another|a\s+different|a\s+bigger|a\s+better|a\s+competitor|a\s+larger)\s+(?:company|firm|employer|organi[sz]ation|agency)\s+(?:that|where|who|which|down\s+the|later|after)",
        r"(?:apply|applying|look|looking)\s+(?:\w+\s+){0,2}(?:elsewhere|for\s+(?:other|another|a\s+new)\s+(?:job|role|position)s?)",
        r"(?:keep|keeping)\s+my\s+options\s+open",
        r"(?:gain|get|pick\s+up)\s+(?:some\s+)?(?:experience|skills)\s+(?:here\s+)?(?:and|then)\s+(?:then\s+)?(?:leave|move|go|head|start|launch|open)",
        r"(?:not|isn't|is\s+not)\s+(?:a\s+)?(?:long[-\s]term|forever|permanent)\s+(?:thing|plan|move|job|role|home)",
        r"temporary\s+(?:stop|gig|move|thing|job)",
        r"until\s+(?:i|something)\s+(?:find|get|land|comes\s+along|figure)",
        r"(?:pay|paid)\s+(?:off\s+)?(?:my\s+)?(?:loans|debt|bills)\s+(?:and|then)\s+(?:then\s+)?(?:leave|move|go|travel|start)",
        r"grad(?:uate)?\s+school\s+(?:next|in\s+a)\s+year",
        r"(?:go|going|head|move|moving)\s+(?:back\s+)?(?:to|abroad|overseas)\s+(?:\w+\s+){0,2}(?:next\s+year|in\s+a\s+year|soon)",
        r"(?:move|moving|relocate|relocating)\s+(?:to\s+(?:\w+\s+){1,3})?(?:next\s+year|in\s+a\s+year|soon|after\s+a\s+year)",
    ),
    "own_business": _rx(
        r"(?:start|starting|launch|launching|open|opening|run|running|build|building|found|founding|set\s+up|setting\s+up|have|having|own|owning|planning|plan)\s+(?:up\s+)?(?:my|our)\s+(?:very\s+)?own\s+(?:[\w-]+\s+){0,2}(?:business|company|firm|startup|start-up|agency|consultancy|consulting|practice|restaurant|shop|store|bakery|studio|clinic|brand|venture|label|cafe|café|bistro|kitchen|food\s+truck|pharmacy|lab|company|outfit|contracting|electrical|place|thing|firm|operation|consultancy|gym|salon|trucking|catering|side)"
        + _NOT_A_PART,
        r"(?:be|become|being)\s+my\s+own\s+boss",
        r"(?:go|going|become|becoming|work|working)\s+(?:fully\s+)?(?:freelance|independent|solo)(?=\s*(?:[.,;!?]|$|and\b|as\s+an?\b|consult|contract|practi))",
        r"work(?:ing)?\s+for\s+myself",
        r"(?:become|becoming)\s+an?\s+(?:entrepreneur|founder|independent\s+consultant)",
        r"(?:found|founding|co-found|co-founding)\s+(?:a|my)\s+(?:\w+\s+)?(?:startup|start-up|company|business)",
        r"side\s+(?:business|hustle|gig)\s+(?:\w+\s+){0,4}(?:full[-\s]time|grow|scale|take\s+off)",
        r"(?:my|our)\s+own\s+(?:[\w-]+\s+){0,2}(?:business|company|firm|startup|start-up|agency|consultancy|practice|shop|clinic|restaurant|studio|brand|thing|venture)"
        + _NOT_A_PART,
        r"(?:our|my)\s+seed\s+(?:funding|round|money)|seed\s+funding\s+comes\s+through",
        r"compete\s+with\s+(?:you|your|the\s+company)",
    ),
    "career_switch": _rx(
        r"(?:switch|switching|change|changing|move|moving|transition|transitioning|pivot|pivoting|shift|shifting)\s+(?:careers|fields|industries|professions|paths|out\s+of\s+\w+|(?:in)?to\s+(?:a\s+)?(?:completely\s+|totally\s+|entirely\s+)?(?:different|new|another|other)\s+(?:career|field|industry|profession|line\s+of\s+work|path))",
        r"(?:leave|leaving|get\s+out\s+of|getting\s+out\s+of|quit|quitting|step\s+away\s+from|stepping\s+away\s+from|done\s+with)\s+(?:the\s+|this\s+)?(?:field|industry|profession|tech|nursing|teaching|sales|retail|hospitality|law|accounting|finance|engineering|healthcare|marketing|pharmacy|kitchen|kitchens|trade|trades|corporate\s+world)(?!\s+(?:of|for)\s+)",
        r"(?:my\s+)?(?:real|true)\s+(?:passion|calling|dream|interest)\s+(?:is|lies|has\s+always\s+been)",
        r"what\s+i\s+really\s+want\s+(?:to\s+do\s+)?is",
        r"(?:not|isn't|is\s+not)\s+(?:really\s+)?(?:sure|convinced)\s+(?:this|that|\w+ing)\s+is\s+(?:for\s+me|my\s+(?:long[-\s]term\s+)?(?:path|career|thing))",
        r"(?:go|going|head|heading)\s+back\s+to\s+(?:school|university|college)\s+(?:full[-\s]time\s+)?(?:for|to\s+(?:study|become|get))\s+(?:\w+\s+){0,3}(?:law|medicine|art|music|acting|film)",
        r"(?:become|becoming)\s+an?\s+(?:actor|actress|musician|artist|writer|novelist|influencer|youtuber|streamer|pilot|chef|lawyer|doctor|photographer|yoga\s+teacher|personal\s+trainer|real\s+estate\s+agent|day\s+trader)(?!\s+(?:here|at|with|for\s+(?:you|the)))",
        r"this\s+(?:job|role|field|position)\s+is\s+(?:just\s+)?(?:a\s+)?(?:fallback|backup|plan\s+b|placeholder)",
        r"completely\s+different\s+(?:career|field|industry|direction)",
        r"(?:don't|do\s+not|can't|cannot)\s+(?:really\s+)?see\s+myself\s+(?:\w+\s+){0,5}(?:long[-\s]term|forever|for\s+(?:long|ever|the\s+long\s+haul)|in\s+(?:five|ten|5|10)\s+years)",
        r"(?:what|where)\s+i(?:'m|\s+am)\s+(?:really|actually|truly|most)\s+(?:interested|passionate|excited)\s+(?:in|about)",
        r"(?:my\s+)?(?:real|true|actual|long[-\s]term)\s+(?:goal|plan|aim|dream|ambition)\s+is\s+(?:\w+\s+){0,6}(?:outside|away\s+from|different|another\s+(?:field|career|industry))",
        r"(?:thinking\s+(?:about|of)|considering|exploring)\s+(?:moving|switching|going|a\s+move|a\s+switch|a\s+change|changing|pivoting)\s+(?:in)?to\s+(?:\w+\s+){0,3}(?:or|instead)",
        r"(?:doing|do|start|starting|launch|launching|found|founding)\s+a\s+(?:startup|start-up)",
        r"not\s+(?:really\s+)?sure\s+i\s+want\s+to\s+stay\s+in",
        r"(?:leave|leaving)\s+(?:\w+\s+)?(?:for|to\s+(?:study|train|become|pursue))\s+(?:\w+\s+){0,2}(?:school|nursing|law|medicine|teaching|a\s+career\s+in|a\s+different)",
        r"(?:venture\s+capital|life[-\s]sciences?\s+fund|investment\s+banking)\b",
        r"(?:the|my)\s+(?:real|true|actual)\s+(?:dream|passion|calling|love)\b",
        r"(?:my\s+)?day\s+job\s+(?:while|until|for\s+now)|while\s+i\s+figure\s+out\s+(?:the|what|my)",
        r"(?:outside|away\s+from|out\s+of)\s+(?:of\s+)?(?:traditional\s+|the\s+|this\s+)?(?:banking|academia|policing|the\s+industry|this\s+industry|the\s+field|this\s+field|the\s+sector|the\s+profession|the\s+job)\b(?!\s+(?:and|to\s+help))",
        r"(?:step|stepping|move|moving|get|getting|walk|walking|out)\s+(?:out\s+)?of\s+(?:\w+\s+){0,2}(?:altogether|entirely|completely|for\s+good)",
        r"retrain(?:ing)?\s+(?:as|to\s+become|to\s+be|in)\s+(?:an?\s+)?\w+",
        r"not\s+(?:really\s+|entirely\s+|totally\s+)?sure\s+(?:that\s+)?i(?:'ll|\s+will|\s+want\s+to|\s+can)\s+stay",
        r"(?:stay|staying|remain|remaining|be|last)\s+(?:in\s+)?(?:\w+\s+){0,3}(?:much|very|a\s+lot)\s+longer",
        r"meant\s+to\s+be\s+(?:on\s+the\s+other\s+side|doing\s+something\s+else|somewhere\s+else)",
        r"(?:applied|applying|apply)\s+(?:for|to)\s+(?:a\s+|an\s+)?(?:graduate[-\s]entry\s+)?(?:\w+\s+){0,2}(?:degree|school|medicine|law)\s+(?:starting|next|this|in\s+(?:september|the\s+fall|autumn))",
        r"(?:my\s+)?(?:goal|dream|plan)\s+is\s+(?:really\s+)?to\s+(?:become|be)\s+an?\s+(?:vet|doctor|lawyer|physio|physiotherapist|pilot|teacher|nurse|paramedic|firefighter|police\s+officer|architect|dentist|pharmacist|actor|writer|chef)\b(?!\s+(?:here|at|with))",
    ),
    "money_title": _rx(
        r"(?:main|only|biggest|real|primary|number\s+one|top|first|honest)\s+(?:\w+\s+)?(?:goal|motivation|motivator|reason|priority|focus|driver|concern|interest|aim)\s+(?:is|are|would\s+be|right\s+now\s+is|here\s+is)\s+(?:\w+\s+){0,4}(?:money|salary|pay|paycheck|pay\s+check|compensation|income|bonus(?:es)?|earning|earn|title|raise|commission|equity|stock|wealth|financial|six\s+figures|package|benefits)",
        r"(?:make|making|earn|earning|get|getting|take\s+home|taking\s+home)\s+(?:a\s+lot\s+of|lots\s+of|more|good|big|serious|real|as\s+much|the\s+most|six[-\s]figure|a\s+six[-\s]figure|decent|better|great|top)\s+(?:\w+\s+)?(?:money|salary|income|cash|pay|dollars|bonus(?:es)?|commission)",
        r"(?:six|seven)[-\s]figures?",
        r"(?:higher|bigger|better|larger|top|fat|huge)\s+(?:salary|paycheck|pay\s+check|pay|income|bonus(?:es)?|compensation|package|title|commission)",
        r"(?:get|getting)\s+paid\s+(?:more|well|better)",
        r"(?:pay|salary)\s+(?:rise|raise|bump|increase|jump)",
        r"(?:the\s+)?(?:money|salary|pay|paycheck|compensation|bonus|commission)\s+(?:is|was)\s+(?:what|the\s+(?:main|only|big|real))",
        r"(?:for|about)\s+the\s+(?:money|paycheck|pay\s+check|salary|title|bonus|commission)",
        r"(?:fancy|fancier|impressive|big|bigger|senior|better)\s+(?:job\s+)?title\s+(?:on|for|to\s+put)",
        r"title\s+(?:and|or)\s+(?:the\s+)?(?:money|salary|pay|bonus|corner\s+office)",
        r"(?:money|salary|pay|title|compensation)\s+(?:and|or)\s+(?:the\s+)?(?:title|money|salary|status|perks|bonus)",
        r"retire\s+(?:early|by\s+\d+|at\s+\d+|young)",
        r"financial(?:ly)?\s+(?:independence|independent|freedom|free)",
        r"corner\s+office",
        r"as\s+(?:much\s+money|quickly)\s+as\s+(?:possible|i\s+can)",
        r"(?:your|the)\s+job\s+(?:one\s+day|someday|eventually|soon)",
        r"(?:take|taking|have|get)\s+(?:your|my\s+(?:boss|manager)'s)\s+(?:job|seat|position)",
        r"(?:best|highest)[-\s]paying",
        r"top\s+dollar",
        r"(?:money|salary|pay|paycheck|compensation|income)\s+(?:matters\s+most|comes\s+first|is\s+(?:key|important|my\s+priority|the\s+priority|everything|what\s+matters))",
        r"(?:i\s+(?:want|need|like|care\s+about|'m\s+motivated\s+by|am\s+motivated\s+by))\s+(?:\w+\s+){0,2}(?:money|salary|the\s+pay|the\s+title|a\s+title|titles|paycheck|compensation|bonus(?:es)?|commission)",
        r"(?:fast|quick|quickest|fastest)\s+(?:path|track|route|way)\s+to\s+(?:\w+\s+){0,2}(?:money|salary|pay|raise|title|promotion|management)",
        r"(?:the|a|my)\s+(?:\w+\s+)?title\s+(?:matters|is\s+(?:important|what|the\s+point)|counts|looks\s+good)",
    ),
    "negativity": _rx(
        r"(?:i|i've|i'd|we|we've|i\s+really|i\s+honestly|i\s+just|i\s+absolutely|i've\s+always)\s+(?:hate|hated|despise|despised|loathe|loathed|can't\s+stand|couldn't\s+stand|resent|resented)",
        r"(?:i'm|i\s+am|i\s+was|i've\s+been|i\s+got|we're|we\s+are|everyone\s+is|everyone's)\s+(?:\w+\s+)?(?:sick\s+of|fed\s+up|tired\s+of|done\s+with|bored|burn(?:ed|t)\s+out|miserable|stuck|frustrated|exhausted)",
        r"(?:toxic|terrible|awful|horrible|horrendous|incompetent|clueless|useless|pathetic|dysfunctional|chaotic|disorgani[sz]ed|lazy|impossible|nightmare|joke\s+of\s+a|worst|stingy|cheap)\s+(?:\w+\s+){0,2}(?:boss|bosses|manager|managers|management|company|employer|job|workplace|culture|team|environment|place|leadership|pi|supervisor|director|owner|owners|head\s+chef|chef|colleagues|coworkers|co-workers|firm|hospital|school|district|kitchen|agency|practice)",
        r"(?:boss|manager|management|company|employer|workplace|culture|leadership|pi|supervisor|director|owner|owners|chef|colleagues|coworkers|co-workers|firm|district)\s+(?:\w+\s+){0,3}(?:is|was|are|were|has\s+been|have\s+been)\s+(?:\w+\s+)?(?:toxic|terrible|awful|horrible|horrendous|incompetent|clueless|useless|pathetic|a\s+nightmare|a\s+joke|a\s+disaster|dysfunctional|impossible|miserable|hopeless|chaotic|a\s+mess|the\s+worst|stingy|cheap|unbearable|a\s+poor\s+place)",
        r"(?:takes?|took|taking|steals?|stole|stealing)\s+(?:the\s+)?credit\s+for",
        r"impossible\s+to\s+work\s+(?:with|for)",
        r"(?:made|makes|making)\s+(?:\w+\s+){0,4}(?:miserable|unbearable|hell|a\s+nightmare)",
        r"miserable|soul[-\s]crushing|mind[-\s]numbing|dead[-\s]end|going\s+nowhere",
        r"micromanag\w*",
        r"put(?:s|ting)?\s+(?:his|her|their)\s+(?:own\s+)?name\s+on\s+(?:my|our)\s+work",
        r"(?:nobody|no\s+one)\s+else\s+takes?\s+(?:the\s+)?credit",
        r"if\s+(?:their|his|her|its)\s+li(?:fe|ves)\s+depended\s+on\s+it|need\s+out\s+of\s+(?:my|this|that)",
        r"(?:principal|boss|manager|managers|management|supervisor|partner|partners|owner|owners|company|employer|firm|head\s+office|anyone\s+upstairs|nobody|no\s+one|they)\s+(?:\w+\s+){0,3}(?:never|didn't|did\s+not|doesn't|does\s+not|won't|wouldn't|refused\s+to)\s+(?:\w+\s+)?(?:explain|train|teach|taught|support|listen|help|back|care|value|appreciate|invest|trust|promote|recogni[sz]e|bother)\w*",
        r"(?:years?|months?|time)\s+(?:\w+\s+){0,3}(?:wasted|a\s+waste|for\s+nothing)",
        r"got\s+nowhere|stopped\s+bothering|(?:couldn't|could\s+not)\s+do\s+(?:a\s+)?worse",
        r"(?:need|needs|want|have|got)\s+to\s+get\s+out(?:\s+of\s+(?:there|that\s+place|that\s+company|that\s+job))?",
        r"(?:ignor\w+|dismiss\w+|overlook\w+|block\w+)\s+(?:every|all|each|any\s+of)\s+(?:\w+\s+){0,2}(?:plan|idea|suggestion|request|proposal|concern)s?",
        r"people\s+who(?:'ve|\s+have)\s+never\s+(?:\w+\s+){0,3}(?:done|sat|worked|been)",
        r"(?:get|getting|escape|escaping|run|running)\s+(?:away\s+)?(?:from|out\s+of)\s+(?:the\s+|my\s+|that\s+)?(?:set-?up|situation|mess|chaos|place|environment|culture|depot|store|office|kitchen|ward|school)",
        r"(?:underpaid|undervalued|unappreciated|overworked|exploited|burn(?:ed|t)\s+out|burnout)",
        r"(?:my|our|the)\s+(?:current|last|old|previous|former)\s+(?:boss|manager|company|employer|job|team|workplace|supervisor|management|firm|hospital|school|restaurant|kitchen|agency)\s+(?:\w+\s+){0,3}(?:is|was|are|were|has|had|never|doesn't|didn't|don't|won't|keeps|kept)\s+(?:\w+\s+){0,2}(?:bad|poor|awful|terrible|horrible|clueless|incompetent|useless|unfair|toxic|lazy|disorganized|disorganised|chaotic|cheap|ungrateful|rude|never|no\s+idea|a\s+mess|a\s+joke|holding\s+me\s+back|stuck|stagnant|stingy)",
        r"(?:get|getting|escape|escaping|run|running)\s+(?:away\s+)?(?:from|out\s+of)\s+(?:my|the|that)\s+(?:current|last|old|previous)?\s*(?:boss|manager|company|employer|job|team|place|workplace)",
        r"can't\s+wait\s+to\s+(?:leave|get\s+out|quit)",
        r"(?:anything|anywhere)\s+(?:is|would\s+be)\s+better\s+than",
        r"(?:no\s+one|nobody)\s+(?:there\s+)?(?:cares|listens|knows\s+what)",
        r"(?:waste|wasting|wasted)\s+(?:of\s+)?(?:my\s+)?(?:time|talent|years)",
        r"(?:hold|holding|held)\s+me\s+back",
    ),
    "no_goal": _rx(
        r"(?:don't|do\s+not|haven't|have\s+not|never)\s+(?:really\s+|actually\s+|got\s+|had\s+)?(?:have|had|got|set|made|thought\s+about|figured\s+out|planned)\s+(?:any|a|my|much|specific|concrete|real)?\s*(?:goals?|plans?|that\s+far|that\s+much|ahead|it\s+out|long[-\s]term)",
        r"haven't\s+(?:really\s+)?(?:thought|decided|figured)",
        r"(?:don't|do\s+not)\s+(?:really\s+)?know\s+(?:what|where)\s+(?:i\s+want|i'll|i\s+will|i'd|the\s+future)",
        r"(?:just|only)\s+(?:want|need|looking\s+for|trying)\s+(?:to\s+(?:get|have|find|keep|land)\s+)?(?:a|any|some|steady|stable)\s+(?:job|paycheck|work|position|income|gig)",
        r"take\s+(?:it|things|life)\s+(?:one\s+)?(?:day\s+by\s+day|as\s+(?:it|they)\s+comes?|year\s+by\s+year)",
        r"go\s+with\s+the\s+flow",
        r"(?:not|no)\s+(?:really\s+)?(?:a\s+)?(?:planner|big\s+planner|plan\s+person)",
        r"(?:whatever|wherever)\s+(?:happens|comes|life\s+takes\s+me)",
        r"(?:i'm|i\s+am)\s+(?:not\s+(?:really\s+)?sure|unsure)\s+(?:what|where)\s+(?:i\s+want|my\s+goals|i'll|i\s+will)",
        r"(?:i'm|i\s+am)\s+not\s+(?:really\s+)?(?:thinking|looking)\s+(?:that\s+far|long[-\s]term|ahead)",
        r"who\s+knows\s+where",
    ),
}

# Money and titles count as a red flag only when they are the speaker's own motive: an answer
# for a payments company may say "pay", and a finance lead may talk about a charity's income.
MONEY_RE = _rx(
    r"salary|salaries|money|compensation|paycheck|pay\s*check|paycheque|bonus(?:es)?|wages?|six[-\s]figures?",
    r"(?:my|the\s+kind\s+of|the|their)\s+(?:current\s+|pay\s+|salary\s+)?packages?(?!\s+(?:of\s+(?:care|services|support|measures)|delivery))",
    r"(?:salary|pay|percent|%)\s+hike|hike\s+(?:on|in)\s+(?:my|the)",
    r"pays?\s+(?:[\w$£€,.]+\s+){0,4}(?:more|better)\s+than",
    r"(?:grand|thousand|k)\s+(?:a\s+year\s+)?more\s+than",
    r"(?:i(?:'m|\s+am|\s+was)|i'd\s+be|i\s+get)\s+(?:\w+\s+){0,2}paid",
    r"(?:earn|earns|earning|paid|pays|making|make)\s+(?:\w+\s+)?(?:much\s+|far\s+|a\s+lot\s+|nearly\s+|almost\s+)?(?:more|double|twice|triple)(?!\s+(?:trust|responsibility|experience|credibility|respect|of\s+(?:a|an|the|my)\s+(?:difference|impact)))",
    r"worth\s+(?:nearly\s+|almost\s+|about\s+)?(?:double|twice|triple|a\s+lot|thousands)|on\s+(?:nearly|almost)\s+(?:double|twice)",
    r"(?:my|the|a|on|more|higher|big|bigger|better|good|great)\s+commissions?|commissions?\s+(?:check|cheque|structure|rate|plan)|commission-based",
    r"(?:pay|salary|compensation|benefits|equity|relocation|total|remuneration|rewards?)\s+package",
    r"equity\s+(?:stake|grant|upside)|stock\s+options|signing\s+bonus|salary\s+(?:scale|band|bands|range)",
    r"pay\s+(?:bump|rise|raise|band|grade|scale|packet|increase|jump)",
    r"(?:the|my|better|higher|more|good|great|top|best|bigger|extra|decent)\s+pay",
    r"(?:better|well|highest|best|more)[-\s]paid",
    r"(?:i|me|myself|i'd|i'll)\s+(?:\w+\s+){0,3}(?:get|getting|be|being)\s+paid",
    r"(?:get|getting|be|being)\s+paid\s+(?:more|better|well|properly|fairly|what)",
    r"(?:a|my|the|get\s+a|getting\s+a)\s+raise",
    r"pays?\s+(?:\w+\s+)?(?:more|better|best|well)(?:\s+than)?",
)
TITLE_RE = _rx(
    r"(?:the|a|my|bigger|senior|fancy|fancier|director|lead|manager|vp|head|impressive|better|new|job|that)\s+titles?"
    r"(?!\s+(?:compan\w*|insurance|search|deed|page|sponsor|track|fight|holder|role|of\s+the\s+(?:book|course|programme|program)))"
)
MOTIVE_RE = _rx(
    r"main|mainly|mostly|real|really|only|just|priority|attraction|draw|reason|after|care|want|look|looks|cv|resume|need|motivat\w*|matters?|honest|honestly|frankly|appeal|important|first",
    r"because|ask\s+for|profile",
)
OTHERS_POSSESSIVE_RE = re.compile(
    r"\b(?:their|its|customers'|clients'|the\s+company's|our|families'|patients'|members'|donors'|people's|charity's|organi[sz]ation's|business's|shop's|users'|merchants'|owners'|employees'|staff's)\s+(?:\w+\s+)?$",
    _I,
)

# Negation before a red-flag phrase turns it around ("I'm not planning to leave").
NEGATION_BEFORE_RE = re.compile(
    r"\b(?:not|never|no|don't|doesn't|won't|wouldn't|isn't|aren't|rather\s+than|instead\s+of|without|nor|"
    r"no\s+interest\s+in|not\s+interested\s+in|unlike|avoid|not\s+about|less\s+about|isn't\s+about|beyond)\b[^.;!?,]{0,40}$",
    _I,
)
NEGATION_AFTER_RE = re.compile(
    r"^[^.;!?]{0,30}\b(?:is\s+not|isn't|was\s+never|is\s+never|aren't|are\s+not|doesn't\s+matter|matters\s+less|"
    r"is\s+secondary|comes\s+second|isn't\s+what|is\s+not\s+what|not\s+my\s+(?:main|priority))\b",
    _I,
)

# Unrealistic ambition (the R in SMART): top jobs on short timelines, grandiose claims.
UNREALISTIC_RE = _rx(
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
REASON_RE = _rx(
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
COMPANY_REF_RE = _rx(
    r"here(?!'s)",
    r"your(?!\s+(?:own|career|goals?|life|best|choice)\b)",
    r"you(?!\s+(?:know|see|mean|guys\s+know)\b)(?=\s+(?:offer|cover|pay|provide|run|give|have|do|are|support|invest|build|make|put|help|train|sponsor|fund|promote|let|value|care|focus|serve|hire|develop))",
    r"this\s+(?:company|team|organi[sz]ation|firm|role|position|hospital|group|business|clinic|agency|practice|network|opportunity)",
    r"(?:with|for|at|join|joining)\s+you",
    r"the\s+company's",
    r"you\s+(?:all|guys)",
)
