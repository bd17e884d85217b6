"""``python -m fundanalysis.text.scan TEXT…``: the scan command without the package's CLI."""

import sys

from fundanalysis.text.scan.command import main

sys.exit(main())
