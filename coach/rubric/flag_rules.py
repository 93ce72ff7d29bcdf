"""The red-flag rules: each detector with its message, severity and the examples that must and must not fire."""

from __future__ import annotations

from coach.rubric.flag_detectors import career_switch, leaving_soon, other_employer, own_business, personal_away
from coach.rubric.flag_motives import money_title, negativity, no_goal
from coach.rubric.rules import Rule

RULES = (
    Rule(
        "red_flags.leaving_soon",
        "An interviewer hears that you will leave soon, and they hire for the long run.",
        "high",
        leaving_soon,
        fires=(
            "I plan to leave the firm after two years.",
            "Honestly I'll probably move on once the training is done.",
            "I only want to stay for about a year.",
            "I see this job as a stepping stone.",
            "This is just a job until my podcast takes off.",
            "I expect I'll be gone by the end of next year.",
            "I don't plan to stay long.",
            "I see this post as a short-term step.",
            "I'll give it everything while I'm here.",
            "In two years I plan to leave sales for law school.",
        ),
        passes=(
            "I want to leave a real legacy in the lab.",
            "I'd happily stay for many years and grow with the team.",
            "I left my last job to finish my degree.",
            "I'm not planning to leave; I want a long career here.",
            "Before I move into a team lead role, I want a solid year on the floor.",
            "I will keep studying until I pass the exam.",
            "I'd like to build a bridge between the two teams.",
            "My next step is a team lead role here.",
            "After my first year I'd like to move on to the harder repairs.",
        ),
    ),
    Rule(
        "red_flags.other_employer",
        "An interviewer hears that you are aiming at another employer, not this one.",
        "high",
        other_employer,
        fires=(
            "After a couple of years I want to move to a bigger firm.",
            "Eventually I'd like to join one of the large consultancies.",
            "I'm hoping to jump to a competitor once I have the experience.",
            "I've been talking to a couple of consultancies.",
            "If another firm offered me a lead role, I'd take it.",
        ),
        passes=(
            "I want to move to a bigger role within your team.",
            "I hope to join the graduate programme here.",
            "I moved to a bigger company last year.",
        ),
    ),
    Rule(
        "red_flags.own_business",
        "An interviewer hears that you plan to leave and run your own business.",
        "high",
        own_business,
        fires=(
            "In three years I want to start my own bakery.",
            "My plan is to open my own practice once I'm qualified.",
            "After some training I'll set up shop myself.",
            "I'd love to be my own boss.",
            "I want to go freelance within two years.",
        ),
        passes=(
            "I want to run my own lab at Acme one day.",
            "I'd like to start a new clinic for the group.",
            "I never want to start my own business; I like being part of a team.",
            "I want to help small businesses grow.",
            "Within a year I want to become independent with the new design tools.",
        ),
    ),
    Rule(
        "red_flags.career_switch",
        "An interviewer hears that you mean to change careers, so this role would not last.",
        "high",
        career_switch,
        fires=(
            "I want to switch careers in a few years.",
            "Eventually I'll move into a different industry.",
            "I plan to leave the profession once I've saved enough.",
        ),
        passes=(
            "I switched careers five years ago and found my field.",
            "I want to move into a senior role in this field.",
            "I've never wanted to get out of teaching; I love it.",
            "I don't want to change careers; nursing is my field.",
        ),
    ),
    Rule(
        "red_flags.money_title",
        "An interviewer hears money or a title as your goal, rather than the work.",
        "high",
        money_title,
        fires=(
            "I want to earn more money as fast as I can.",
            "Honestly I'm in it for the money.",
            "The salary is my main motivation.",
            "The size of my pay packet is what drives me.",
            "I'm mostly in it for the hourly rate.",
            "The title matters most to me.",
            "The salaries there are much better.",
            "What I'm really after is a bigger title.",
            "The main attraction is the salary band.",
        ),
        passes=(
            "I want to help businesses save money.",
            "I'd like to redesign the pay bands so they are fair.",
            "Money is not my main motivation.",
            "I want to cut the error rate in half.",
        ),
    ),
    Rule(
        "red_flags.negativity",
        "An interviewer hears complaints about past employers or colleagues, and wonders what you will say about them.",
        "high",
        negativity,
        fires=(
            "My current manager is clueless.",
            "I hate my boss.",
            "The management there is a joke.",
            "I'm sick of my team.",
            "My director takes the credit for everything.",
            "I need to get away from my manager, who takes credit for my work.",
        ),
        passes=(
            "Nothing will hold me back from passing the exam.",
            "My manager is supportive and I learn a lot.",
            "I want to fix the bad handovers between shifts.",
        ),
    ),
    Rule(
        "red_flags.personal_away",
        "An interviewer hears personal plans that take you away from the job.",
        "medium",
        personal_away,
        fires=(
            "I'm planning to emigrate in two years.",
            "Next year I want to move abroad with my partner.",
            "We're planning to move to Canada next year.",
        ),
        passes=(
            "I want to move into a management role.",
            "I'd like to travel to our other sites to share the method.",
            "I'm willing to relocate if the firm needs me.",
            "I would move to whichever office needs an extra pair of hands.",
        ),
    ),
    Rule(
        "red_flags.no_goal",
        "An interviewer hears that you have no goal yet.",
        "high",
        no_goal,
        fires=(
            "I don't know.",
            "I haven't really thought about it.",
            "I don't have any real goals.",
            "I just go with the flow.",
            "I'm not sure yet.",
        ),
        passes=(
            "I know exactly where I want to be in five years.",
            "I don't know every system yet, so I'll learn them in my first month.",
            "I'm not sure that every step will go to plan, so I'll review it monthly.",
            "I don't know much about payroll yet, but I learn fast.",
        ),
    ),
)
