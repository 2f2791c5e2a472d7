"""Tests of kiosk mode (reader.kiosk)."""
