"""The version of iron-sdk (one place; pyproject.toml reads it)."""

__version__ = "0.1.0"
