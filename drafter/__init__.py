"""drafter: lint, draft and reuse the language of resolutions of intergovernmental bodies."""

__version__ = "0.1.0"
