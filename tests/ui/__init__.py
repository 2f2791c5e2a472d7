"""Tests of the Qt views in reader.ui."""
