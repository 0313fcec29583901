"""The fuzz target is a script, not a test module: pytest never imports it (atheris may be missing)."""

collect_ignore = ["fuzz_strip.py"]
