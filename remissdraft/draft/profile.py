"""The user's profile (name, title, unit, nämnd, organisation, chef) in the platform config dir."""

from __future__ import annotations

import yaml

from ..errors import ProfileError, os_reason, shown_path
from ..fileio import YAML_LIMIT, atomic_write, dump_yaml, is_missing, load_yaml, read_bytes, yaml_problem
from ..locations import profile_path
from ..model import Person, Profile

FIELDS = ("name", "title", "unit", "namnd", "organisation", "template")


def load_profile() -> Profile:
    """The saved profile; an empty one when none is saved yet."""
    path = profile_path()
    if is_missing(path):
        return Profile()
    try:
        data = load_yaml(read_bytes(path, YAML_LIMIT, ProfileError).decode("utf-8"))
    except yaml.YAMLError as error:
        raise ProfileError(f"Profilen {shown_path(path)}: {yaml_problem(error)}") from None
    except UnicodeDecodeError:
        raise ProfileError(f"Profilen {shown_path(path)} är inte en textfil i UTF-8") from None
    if data is None:
        return Profile()
    if not isinstance(data, dict):
        raise ProfileError(f"Profilen {path} ska vara en YAML-karta (name, title, unit, namnd …)")
    chef = data.get("chef") or {}
    if not isinstance(chef, dict):
        raise ProfileError(f"Profilen {path}: ”chef” ska ha name, title och unit")
    keymap = data.get("keymap") or {}
    if not isinstance(keymap, dict) or not all(isinstance(keys, str) and keys.strip() for keys in keymap.values()):
        raise ProfileError(f"Profilen {path}: ”keymap” ska para ihop kommandons id med tangenter, t.ex. ”export: f9”")
    return Profile(
        **{key: _str(data.get(key)) for key in FIELDS},
        chef=Person(_str(chef.get("name")), _str(chef.get("title")), _str(chef.get("unit"))),
        keymap={str(binding): keys.strip() for binding, keys in keymap.items()},
    )


def save_profile(profile: Profile) -> None:
    path = profile_path()
    data = {key: getattr(profile, key) for key in FIELDS}
    data["chef"] = profile.chef.to_dict()
    if profile.keymap:
        data["keymap"] = dict(profile.keymap)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(path, dump_yaml(data).encode("utf-8"))
    except OSError as error:
        raise ProfileError(f"Profilen kunde inte sparas i {shown_path(path)} ({os_reason(error, writing=True)})") from None


def update_profile(**changes: str | None) -> Profile:
    """Set the given fields (None: unchanged); chef fields are chef_name, chef_title, chef_unit."""
    profile = load_profile()
    for key, value in changes.items():
        if value is None:
            continue
        if key.startswith("chef_"):
            setattr(profile.chef, key.removeprefix("chef_"), value.strip())
        elif key in FIELDS:
            setattr(profile, key, value.strip())
        else:
            raise ProfileError(f"Profilen har inget fält ”{key}”")
    save_profile(profile)
    return profile


def _str(value: object) -> str:
    return "" if value is None else str(value)
