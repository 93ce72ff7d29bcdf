"""Scripts that measure the coach on material kept outside it."""
