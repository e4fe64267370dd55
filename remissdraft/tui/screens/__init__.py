"""Screens and dialogs on top of the workspace."""
