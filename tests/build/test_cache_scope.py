"""The build cache's fingerprints leave out the code that runs only after the map (the reduce, the
graph, the views, the commands): that is safe only while no map-side module imports such code."""

from __future__ import annotations

import ast
from pathlib import Path

import kg
from kg.build.cache import is_reduce_code

PACKAGE = Path(kg.__file__).parent


def _module_path(name: str) -> Path | None:
    """The file of module ``kg.a.b`` (a package's __init__.py), None if it is not one of ours."""
    parts = name.split(".")
    if parts[0] != "kg":
        return None
    base = PACKAGE.joinpath(*parts[1:])
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _type_checking_only(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _imports(tree: ast.AST) -> set[str]:
    """Every kg module a file imports, at its top or inside functions, but not for type checking."""
    found: set[str] = set()
    stack = [tree]
    while stack:
        node = stack.pop()
        if _type_checking_only(node):
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        stack.extend(ast.iter_child_nodes(node))
    return {name for name in found if name == "kg" or name.startswith("kg.")}


def test_no_map_side_module_imports_reduce_side_code() -> None:
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if is_reduce_code(path) or "data" in path.relative_to(PACKAGE).parts:
            continue
        for name in _imports(ast.parse(path.read_text(encoding="utf-8"))):
            target = _module_path(name)
            if target is not None and is_reduce_code(target):
                offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert not offenders


def test_the_reduce_side_is_what_runs_after_the_map() -> None:
    assert is_reduce_code(PACKAGE / "graph" / "rdf.py")
    assert is_reduce_code(PACKAGE / "views" / "pages.py")
    assert is_reduce_code(PACKAGE / "build" / "reduce.py")
    assert not is_reduce_code(PACKAGE / "build" / "worker.py")
    assert not is_reduce_code(PACKAGE / "build" / "cache.py")
    assert not is_reduce_code(PACKAGE / "relate" / "pairings.py")
    assert not is_reduce_code(PACKAGE / "graph_like_name.py")
