"""The organisation tree (company / workshop / team, any depth), named by paths of department
names as rosters write them (一矿/综采一队/一班). A department's `path` column lists its
ancestors' ids, so a subtree is one prefix query and a leader's reach is a prefix test.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from bot.people.rules.org import levels, near, twin
from bot.storage.models import Department, Enterprise

Path = tuple[str, ...]


@dataclass
class OrgTree:
    """An enterprise's departments by id and by name path."""

    enterprise_id: int
    by_id: dict[int, Department] = field(default_factory=dict)
    by_path: dict[Path, Department] = field(default_factory=dict)

    def add(self, dept: Department) -> None:
        self.by_id[dept.id] = dept
        self.by_path[self.path_of(dept)] = dept

    def path_of(self, dept: Department) -> Path:
        ids = [int(i) for i in dept.path.strip("/").split("/") if i]
        names = [self.by_id[i].name for i in ids[:-1] if i in self.by_id]
        return (*names, dept.name)

    def children(self, parent: Path) -> list[str]:
        return [p[-1] for p in self.by_path if p[:-1] == parent]

    def label(self, dept_id: int) -> str:
        return "/".join(self.path_of(self.by_id[dept_id]))

    def check(self, path: Path, planned: set[Path]) -> tuple[str, str] | None:
        """("twin" | "near", the existing path) when creating `path` would add a department
        that is probably an existing one (or one planned from the same file) misspelt."""
        for depth in range(len(path)):
            here = path[: depth + 1]
            if here in self.by_path or here in planned:
                continue
            siblings = self.children(here[:-1]) + [p[-1] for p in planned if p[:-1] == here[:-1]]
            for kind, found in (
                ("twin", twin(here[-1], siblings)),
                ("near", near(here[-1], siblings)),
            ):
                if found is not None:
                    return kind, "/".join((*here[:-1], found))
            return None  # the first new level decides; below it everything is new
        return None


async def load_tree(enterprise: Enterprise) -> OrgTree:
    tree = OrgTree(enterprise.id)
    departments = await Department.filter(enterprise=enterprise).order_by("id")
    tree.by_id = {d.id: d for d in departments}
    for dept in departments:
        tree.by_path[tree.path_of(dept)] = dept
    return tree


def _code(path: Path) -> str:
    return "r-" + hashlib.sha256("/".join(path).encode()).hexdigest()[:20]


async def ensure(tree: OrgTree, path: Path) -> Department:
    """The department at `path`, creating it and any missing ancestors; inside a transaction."""
    found = tree.by_path.get(path)
    if found is not None:
        return found
    parent = await ensure(tree, path[:-1]) if len(path) > 1 else None
    dept = await Department.create(
        enterprise_id=tree.enterprise_id,
        parent=parent,
        code=_code(path),
        name=path[-1],
        level=levels(len(path) - 1),
    )
    dept.path = f"{parent.path if parent else '/'}{dept.id}/"
    await dept.save(update_fields=["path"])
    tree.add(dept)
    return dept


def within(leader_dept: Department, dept: Department) -> bool:
    """Whether `dept` is the leader's own department or below it."""
    return dept.path.startswith(leader_dept.path)
