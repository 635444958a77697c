"""Quality tools for tests and benchmarks (link checker, headless Chromium); not installed."""
