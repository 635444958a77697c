"""Fixtures for the quality gates: all shared ones live in ``tests/conftest.py``.

``demo_output`` (the demo site built once per run), ``converted_demo`` (converted content to copy
for private builds, built with ``tests/editors_build.py``) and ``chromium`` (one headless
browser per worker) come from there.
"""
