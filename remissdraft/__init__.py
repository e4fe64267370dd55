"""remissdraft – draft a nämnd's yttrande on a remiss."""

__version__ = "0.1.0"
