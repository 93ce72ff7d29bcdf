from coach.samples import load_profiles
from coach.coaching import CoachInputs, plan_for
from coach.revise import stronger_version
p = load_profiles()[0]
i = CoachInputs(p.company,p.role,p.goals,p.background,p.company_info).cleaned()
plan = plan_for(i)
for style in ("vague","generic","strong_no_timelines","company_praise","rambling"):
    o = stronger_version(p.answers[style], plan, i.target())
    print(style, bool(o.revision), o.reason[:150], flush=True)
