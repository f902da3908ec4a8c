"""The editor's screens and dialogs, one per module."""
