"""Where a model is worth its time: the embedded model is called by default only for tasks where it was measured to win.

The table is what bench/bench_model_wins.py measures (figures and their limits in its docstring):
the embedded SmolLM2-135M's drafts, rewrites and tailorings were rejected by the gates, its feedback
praised a hedge, and on a busy 2-core machine each task took minutes (a cold first token 124 s,
2.7x a repeat call with the cached prefix), against seconds for the coach's own. So the default
path writes without it; choosing the embedded model explicitly still uses it, and any other model
(OpenAI, a local server, the user's own GGUF file) is always used.
"""

from __future__ import annotations

from typing import Literal

from coach.backends import Backend, bundled_model_path

Task = Literal["draft", "stronger", "tailor", "feedback", "followups"]
TASKS: tuple[Task, ...] = ("draft", "stronger", "tailor", "feedback", "followups")

# Measured by bench/bench_model_wins.py: did the embedded model's output pass the gates and beat the coach's own?
EMBEDDED_WINS: dict[Task, bool] = {"draft": False, "stronger": False, "tailor": False, "feedback": False, "followups": False}

# What a stronger model adds, said plainly where the coach worked without one.
STRONGER_MODEL_ADDS: dict[Task, str] = {
    "draft": "a stronger model adds freer phrasing around your plan; the coach still checks every sentence against your facts",
    "stronger": "a stronger model can restructure your answer instead of editing it; its rewrite must still score higher",
    "tailor": "a stronger model can weave the company's facts through your whole answer, not just one sentence",
    "feedback": "a stronger model adds feedback in its own words on tone and story, tied to your exact words",
    "followups": "a stronger model asks follow-up questions about the details of your answer, not only its gaps",
}
HOW_TO_CHOOSE = (
    "Choose OpenAI, an OpenAI-compatible server (Ollama, LM Studio, vLLM, llama.cpp's server) or a larger GGUF file "
    "(COACH_MODEL_PATH) to use one."
)


def is_embedded(backend: Backend | None) -> bool:
    """Return whether backend runs the model bundled with the coach (SmolLM2-135M)."""
    path = getattr(backend, "path", None)
    bundled = bundled_model_path()
    return backend is not None and backend.name == "local" and bundled is not None and path == bundled


def model_for(task: Task, backend: Backend | None, insist: bool = False) -> Backend | None:
    """Return the backend the task should call: None for the embedded model where it does not win, unless insist."""
    if backend is None or insist or not is_embedded(backend) or EMBEDDED_WINS[task]:
        return backend
    return None


def without_model_note(task: Task) -> str:
    """Return the notice shown when the default path left the embedded model out of a task."""
    return (
        "Made by the coach without a model: the embedded model lost to it on this task in measurement and is slow. "
        f"{STRONGER_MODEL_ADDS[task][:1].upper()}{STRONGER_MODEL_ADDS[task][1:]}. {HOW_TO_CHOOSE}"
    )
