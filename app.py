"""Start anzen from a checkout: `python app.py` (the same as the `anzen` command)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "src"))

from anzen.cli.main import main  # noqa: E402

if __name__ == "__main__":
    raise SystemExit(main())
