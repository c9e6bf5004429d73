"""Build step: the wheel carries ``data/`` and ``ontology/`` as ``graph/_data``.

Both folders stay at the top of the repository (users edit them there); a
non-editable build copies them into the package so an installed ``kg`` finds
them through ``importlib.resources`` (see ``graph/paths.py``). Editable
installs skip the copy and read the checkout directly.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
SHIPPED = ("data", "ontology")


class BuildPyWithData(build_py):
    """``build_py`` plus a fresh copy of the shipped folders into the build."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "graph" / "_data"
        shutil.rmtree(target, ignore_errors=True)
        for name in SHIPPED:
            shutil.copytree(HERE / name, target / name, ignore=shutil.ignore_patterns("__pycache__", ".*"))


setup(cmdclass={"build_py": BuildPyWithData})
