"""``python -m synoptic.distributed run …``: the same as ``synoptic spark run …``."""

import sys

from synoptic.cli import main

sys.exit(main(["spark", *sys.argv[1:]]))
