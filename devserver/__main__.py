"""python -m devserver [--port 0] [--site site] [--var var] [--table path]"""

from __future__ import annotations

import sys

from .server import main

if __name__ == "__main__":
    sys.exit(main())
