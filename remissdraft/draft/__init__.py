"""Templates, the user's profile, and drafts: create, edit, save (atomic, with backup), autosave, load."""

from .create import new_draft, switch_template
from .edit import (
    fill_snippet,
    filled,
    follow_profile,
    insert_snippet,
    mark_ingen_erinran,
    missing_required,
    set_signature,
    set_text,
    target,
    used_snippets,
)
from .placeholders import draft_values, fill, filled_draft, leftover
from .profile import load_profile, save_profile, update_profile
from .store import Autosaver, load_draft, save_draft
from .templates import DEFAULT_TEMPLATE, list_templates, load_template, read_template

__all__ = [
    "DEFAULT_TEMPLATE",
    "Autosaver",
    "draft_values",
    "fill",
    "fill_snippet",
    "filled",
    "filled_draft",
    "follow_profile",
    "insert_snippet",
    "leftover",
    "list_templates",
    "load_draft",
    "load_profile",
    "load_template",
    "mark_ingen_erinran",
    "missing_required",
    "new_draft",
    "read_template",
    "save_draft",
    "save_profile",
    "set_signature",
    "set_text",
    "switch_template",
    "target",
    "update_profile",
    "used_snippets",
]
