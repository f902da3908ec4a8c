"""Readers: the draft format (Markdown with YAML front matter) into the model."""

from drafter.parse.draft import read_bytes, read_path, read_text

__all__ = ["read_bytes", "read_path", "read_text"]
