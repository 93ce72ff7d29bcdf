"""Tests for the career-goals coach."""
