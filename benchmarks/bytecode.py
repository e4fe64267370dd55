"""Whole-process timings as users see them: the package's bytecode compiled first, as installing it does. With
PYTHONDONTWRITEBYTECODE set (as on some machines) every start would otherwise compile each changed module again,
which no user's start does."""

from __future__ import annotations

import compileall
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def compile_package() -> None:
    """Write the bytecode of every module of remissdraft that lacks a fresh one."""
    compileall.compile_dir(str(ROOT / "remissdraft"), quiet=1)
