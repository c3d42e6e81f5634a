"""The `mgz` command: every operation is a Django management command behind one entry point."""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "mgz.conf.dev")
    from django.core.management import execute_from_command_line

    args = sys.argv[1:] if argv is None else argv
    execute_from_command_line(["mgz", *args])


if __name__ == "__main__":
    main()
