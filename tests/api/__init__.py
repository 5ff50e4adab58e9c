"""Tests of the HTTP API and the pages (a package, so that its conftest does not shadow tests/conftest.py)."""
