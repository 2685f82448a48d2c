"""`python -m desktop` behaves exactly like the `hromada-desk` command."""

import sys

from desktop.cli import main

sys.exit(main())
