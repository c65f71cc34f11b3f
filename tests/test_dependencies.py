"""What gets installed: bounded ranges in pyproject.toml, the exact versions with their hashes in
the requirements*.txt lock, and a running environment that is the lock's."""

import importlib.metadata
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
RUNTIME = PYPROJECT["project"]["dependencies"]
BUILD = PYPROJECT["build-system"]["requires"]
EXTRAS = PYPROJECT["project"]["optional-dependencies"]

# The build backend is locked too: the project is installed without build isolation, so
# that nothing unpinned is downloaded to build it.
LOCKS = {
    "requirements.txt": RUNTIME + BUILD,
    **{f"requirements-{extra}.txt": RUNTIME + BUILD + names for extra, names in EXTRAS.items()},
}
# What `make run` and `make test` install.
INSTALLED_LOCK = "requirements-test.txt"
UPPER_BOUNDS = {"<", "<=", "==", "===", "~="}


def read_lock(filename):
    """{package name: (its requirement line, its hashes)} of one lock file."""
    text = (ROOT / filename).read_text().replace("\\\n", " ")
    pins = {}
    for line in text.splitlines():
        words = line.split("#", 1)[0].split()
        if not words:
            continue
        hashes = [word.removeprefix("--hash=") for word in words if word.startswith("--hash=")]
        requirement = Requirement(" ".join(w for w in words if not w.startswith("--hash=")))
        pins[canonicalize_name(requirement.name)] = (requirement, hashes)
    return pins


def pinned_version(requirement):
    (specifier,) = requirement.specifier
    assert specifier.operator == "==", requirement
    return Version(specifier.version)


def applies_here(requirement):
    return requirement.marker is None or requirement.marker.evaluate()


def test_every_dependency_has_an_upper_bound():
    unbounded = [
        name
        for name in RUNTIME + BUILD + [name for names in EXTRAS.values() for name in names]
        if not {s.operator for s in Requirement(name).specifier} & UPPER_BOUNDS
    ]
    assert unbounded == []


def test_every_locked_package_is_pinned_exactly_with_its_hashes():
    for filename in LOCKS:
        for name, (requirement, hashes) in read_lock(filename).items():
            assert [s.operator for s in requirement.specifier] == ["=="], (filename, name)
            assert hashes, (filename, name)
            assert all(h.startswith("sha256:") for h in hashes), (filename, name)


def test_every_package_of_pyproject_is_locked_within_its_range():
    for filename, names in LOCKS.items():
        pins = read_lock(filename)
        for declared in map(Requirement, names):
            name = canonicalize_name(declared.name)
            assert name in pins, f"{name} is missing from {filename}: run make lock"
            version = pinned_version(pins[name][0])
            assert declared.specifier.contains(version, prereleases=True), (filename, declared)


def test_the_lock_files_agree_on_every_version():
    versions = {}
    for filename in LOCKS:
        for name, (requirement, _hashes) in read_lock(filename).items():
            versions.setdefault(name, {})[filename] = pinned_version(requirement)
    disagreements = {
        name: files for name, files in versions.items() if len(set(files.values())) > 1
    }
    assert disagreements == {}


def test_the_installed_versions_are_the_locked_ones():
    """A package installed at another version than the suite passed with shows here, in an
    environment the Makefile installed from the lock (its stamp, `.venv/bin/.installed`). One
    installed by hand from the ranges (`pip install -e ".[test]"`) may differ on purpose."""
    if not (Path(sys.prefix) / "bin" / ".installed").exists():
        pytest.skip("this environment was not installed from the lock by make")
    drift = {}
    for name, (requirement, _hashes) in read_lock(INSTALLED_LOCK).items():
        if not applies_here(requirement):
            continue
        try:
            installed = Version(importlib.metadata.version(name))
        except importlib.metadata.PackageNotFoundError:
            installed = None
        if installed != pinned_version(requirement):
            drift[name] = (str(installed), str(pinned_version(requirement)))
    assert drift == {}, "(installed, locked): run make test, which installs the lock"
