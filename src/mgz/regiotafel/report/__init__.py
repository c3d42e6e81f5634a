"""The meeting report of one regiotafel (HTML and PDF): see build.py, charts.py, render.py."""
