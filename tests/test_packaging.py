"""The wheel: prompts and sample profiles ship inside it, and an installed copy finds them outside the checkout."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    build = tmp_path_factory.mktemp("build")
    # A copy of the sources, so the build leaves no build/ or egg-info behind in the checkout.
    for name in ("coach", "prompts", "samples", "pyproject.toml", "README.md"):
        source = ROOT / name
        if source.is_dir():
            subprocess.run(["cp", "-r", str(source), str(build / name)], check=True)
        else:
            (build / name).write_bytes(source.read_bytes())
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(build)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (found,) = out.glob("career_goals_coach-*.whl")
    return found


def test_the_wheel_holds_every_prompt_and_sample(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for path in (ROOT / "prompts").iterdir():
        assert f"coach/_data/prompts/{path.name}" in names
    for path in (ROOT / "samples").rglob("*.json"):
        assert f"coach/_data/samples/{path.relative_to(ROOT / 'samples').as_posix()}" in names


def test_an_installed_copy_finds_its_data_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    probe = (
        "import coach, coach.prompts as p, coach.samples as s;"
        "print(coach.__file__); print(p.PROMPTS_DIR); print(len(s.load_profiles()));"
        "print(len(p.render('system.j2')) > 0)"
    )
    # Run from an empty folder with the unpacked wheel first on the path: the checkout is nowhere in sight.
    proc = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    module, prompts, profiles, rendered = proc.stdout.split("\n")[:4]
    assert module.startswith(str(site)) and prompts.startswith(str(site))
    assert int(profiles) == len(list((ROOT / "samples" / "profiles").glob("*.json")))
    assert rendered == "True"


def test_every_package_under_coach_is_in_the_wheel() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "coach").rglob("__init__.py")}
    assert on_disk <= listed
