"""Start the health-topic reader: `python main.py --help` lists the commands."""

import sys

from reader.cli import main

if __name__ == "__main__":
    sys.exit(main())
