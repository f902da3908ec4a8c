"""Recognisers of references inside prose: plain dataclasses with offsets into paragraph text."""
