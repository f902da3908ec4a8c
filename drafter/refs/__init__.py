"""Recognisers of references inside prose: treaty articles, recalls of resolutions, dates and more."""
