"""Tests of the web explorer in a browser (a package, so that its conftest does not shadow tests/conftest.py)."""
