import time
from coach.samples import load_profiles, EVAL_DIR
from coach.coaching import CoachInputs, draft, critique, tailor
ps = load_profiles()
p=ps[0]
i = CoachInputs(p.company,p.role,p.goals,p.background,p.company_info)
t=time.time(); d=draft(i,None); print(time.time()-t, d.chosen.source, d.chosen.problem); print(d.answer)
t=time.time(); c=critique(p.answers["vague"],i,None); print(time.time()-t, c.stronger and c.stronger.text, c.stronger_reason, [ (x.point,x.quote) for x in c.strengths])
t=time.time(); c=critique(p.answers["vague"],i,None); print(time.time()-t)
t=time.time(); r=tailor(p.answers["generic"],i,None); print(time.time()-t, r.chosen.source, r.reason); print(r.answer); print([x.label for x in r.chosen.changes])
