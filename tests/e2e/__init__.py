"""Tests that start the whole reader, and helpers the window tests share."""
