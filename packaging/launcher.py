"""The frozen program's entry point (PyInstaller): the same as the ``bpviz`` command."""

import sys

from bpviz.cli import main

if __name__ == "__main__":
    sys.exit(main())
