"""Reusable widgets; each draws plain data handed to it and owns no training state."""
