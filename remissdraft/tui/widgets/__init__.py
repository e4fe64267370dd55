"""Widgets of the workspace, one per screen area."""
