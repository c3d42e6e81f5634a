"""The covenant's checkable clauses, one module per clause; see registry.py."""
