"""Publish a Vietnamese NTM training handbook and course catalogue from YAML."""

__version__ = "0.1.0"
