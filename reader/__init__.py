"""Offline health-topic reader: bundled patient-education topics, searchable with no network."""

__version__ = "0.1.0"
