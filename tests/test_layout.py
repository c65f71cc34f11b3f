"""The code's layout, read from the source: imports go one way, from the apps down to the
project's shared parts, never around a circle; no module, the tests' included, grows past one
concern; a conftest.py holds fixtures only."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["practice_site", "articles", "contact"]
# The apps that stand on the project's shared parts; practice_site/urls.py wires them in.
UPPER_APPS = ("articles", "contact")
PRACTICE_APP = "practice_site.practice"
# Long by nature: a settings file reads the environment, a migration is written by makemigrations.
LENGTH_EXEMPT = {"settings.py"}
MAX_LINES = 500


def module_name(path):
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {
    module_name(path): path for package in PACKAGES for path in (ROOT / package).rglob("*.py")
}


def imported_modules(name, path):
    """The modules of the project that the module `name` imports, anywhere in it (a function's
    deferred import counts as much as one at the top)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module
            # `from package import module` imports the module; `from module import name`, the
            # module alone.
            submodules = {f"{module}.{alias.name}" for alias in node.names} & MODULES.keys()
            found.update(submodules or {module})
    modules = set()
    for imported in found:
        while imported and imported not in MODULES:
            imported = imported.rpartition(".")[0]
        if imported and imported != name:
            modules.add(imported)
    return modules


GRAPH = {name: imported_modules(name, path) for name, path in MODULES.items()}


def in_package(name, package):
    return name == package or name.startswith(f"{package}.")


def cycles(graph):
    """The groups of two or more modules that import one another around a circle (Tarjan's
    strongly connected components)."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_the_project_imports_no_app_that_stands_on_it():
    wrong = {
        name: sorted(m for m in imported if any(in_package(m, app) for app in UPPER_APPS))
        for name, imported in GRAPH.items()
        if in_package(name, "practice_site") and name != "practice_site.urls"
    }
    assert {name: imported for name, imported in wrong.items() if imported} == {}


def test_the_shared_parts_import_no_app():
    """What every app imports (the page cache, rich text, pictures, the rate limit) does not
    import the practice app in turn."""
    shared = [
        name
        for name in GRAPH
        if in_package(name, "practice_site")
        and not in_package(name, PRACTICE_APP)
        and name not in {"practice_site.urls", "practice_site.settings"}
    ]
    wrong = {name: sorted(m for m in GRAPH[name] if in_package(m, PRACTICE_APP)) for name in shared}
    assert {name: imported for name, imported in wrong.items() if imported} == {}


def test_no_modules_import_each_other_around_a_circle():
    assert cycles(GRAPH) == []


def test_cycles_are_found_direct_or_around():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"e"}, "e": {"d"}, "f": {"a"}}
    assert cycles(graph) == [["a", "b", "c"], ["d", "e"]]


def test_no_module_is_longer_than_500_lines():
    lengths = {
        name: len(path.read_text().splitlines())
        for name, path in MODULES.items()
        if "migrations" not in path.parts and path.name not in LENGTH_EXEMPT
    }
    assert {name: lines for name, lines in lengths.items() if lines > MAX_LINES} == {}


# The rooms of the code: the project's own modules, each app, each package of practice_site.
ROOMS = [
    "practice_site.core",
    "practice_site.audience",
    "practice_site.richtext",
    "practice_site.pictures",
    "practice_site.practice",
    "practice_site.private_sqlite3",
]
# Wired to every room, by nature: URLs include each app's, settings name each app.
WIRING = {"practice_site.urls", "practice_site.settings"}


def room_of(name):
    return next((room for room in ROOMS if in_package(name, room)), name.split(".")[0])


def test_no_two_rooms_import_each_other_around_a_circle():
    """Each room stands on the ones below it: rich text does not look up pictures, which
    stand on it; an app's hook is registered from above instead."""
    rooms = {}
    for name, imported in GRAPH.items():
        if name in WIRING:
            continue
        targets = {room_of(module) for module in imported if module not in WIRING}
        rooms.setdefault(room_of(name), set()).update(targets - {room_of(name)})
    assert cycles(rooms) == []


TESTS = ROOT / "tests"


def test_no_test_module_is_longer_than_500_lines():
    lengths = {
        str(path.relative_to(ROOT)): len(path.read_text().splitlines())
        for path in TESTS.rglob("*.py")
    }
    assert {name: lines for name, lines in lengths.items() if lines > MAX_LINES} == {}


def is_fixture(decorator):
    """`@pytest.fixture` or `@pytest.fixture(...)`."""
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    return ast.unparse(target) == "pytest.fixture"


def not_fixtures(source):
    """What a conftest.py's `source` defines besides fixtures and pytest's hooks: functions and
    classes, and constants that none of its fixtures reads."""
    tree = ast.parse(source)
    fixtures = [
        node
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and any(map(is_fixture, node.decorator_list))
    ]
    read = {
        node.id for fixture in fixtures for node in ast.walk(fixture) if isinstance(node, ast.Name)
    }
    found = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            if node not in fixtures and not node.name.startswith("pytest_"):
                found.append(node.name)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            found += [
                ast.unparse(target)
                for target in targets
                if not (isinstance(target, ast.Name) and target.id in read)
            ]
    return found


def test_conftest_holds_fixtures_only():
    """Helpers, factories and launchers live in the modules beside it, where bench/ reuses
    them; a conftest.py keeps fixtures, pytest's hooks and the constants its fixtures read."""
    found = {
        str(path.relative_to(ROOT)): not_fixtures(path.read_text())
        for path in TESTS.rglob("conftest.py")
    }
    assert {name: names for name, names in found.items() if names} == {}


def test_a_helper_in_a_conftest_is_found():
    source = (
        "import pytest\n"
        "URL = '/fr/'\n"
        "USED = 1\n"
        "@pytest.fixture\n"
        "def page():\n"
        "    return USED\n"
        "@pytest.fixture(scope='session')\n"
        "def browser():\n"
        "    pass\n"
        "def pytest_collection_modifyitems(items):\n"
        "    pass\n"
        "def password_step():\n"
        "    pass\n"
        "class Mailbox:\n"
        "    pass\n"
    )
    assert not_fixtures(source) == ["URL", "password_step", "Mailbox"]
