"""What gets installed: bounded ranges in pyproject.toml."""

import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
RUNTIME = PYPROJECT["project"]["dependencies"]
BUILD = PYPROJECT["build-system"]["requires"]
EXTRAS = PYPROJECT["project"]["optional-dependencies"]
UPPER_BOUNDS = {"<", "<=", "==", "===", "~="}


def test_every_dependency_has_an_upper_bound():
    unbounded = [
        name
        for name in RUNTIME + BUILD + [name for names in EXTRAS.values() for name in names]
        if not {s.operator for s in Requirement(name).specifier} & UPPER_BOUNDS
    ]
    assert unbounded == []
