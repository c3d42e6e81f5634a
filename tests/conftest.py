"""The shared test world lives in tests/world.py; fixtures here expose it."""
