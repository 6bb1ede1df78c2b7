"""The store is used by both front ends and imports no user interface library, nor OpenSSL
(hashlib, secrets: ~0.6 MiB of the app's memory for a few fingerprints and ids)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from anzen.build import load_plan

CODE = """
import json, sys
from anzen.store import open_store
import anzen.store.erase, anzen.store.transfer, anzen.store.schema
with open_store(sys.argv[1]) as store:
    live = store.start('wakayama-safety-report')
    live.answer('contractor', '株式会社輸入確認')
    live.report()
    live.close()
    store.delete(live.id)
print(json.dumps(sorted(m.split('.')[0] for m in sys.modules)))
"""


def test_the_store_imports_no_user_interface_library_nor_openssl(tmp_path: Path) -> None:
    load_plan("wakayama-safety-report")  # kept for the child as the app finds it (building a plan loads more)
    out = subprocess.run([sys.executable, "-c", CODE, str(tmp_path / "s.db")], capture_output=True, text=True, check=True).stdout
    loaded = set(json.loads(out))
    assert "anzen" in loaded
    assert not loaded & {"textual", "questionary", "prompt_toolkit", "rich"}
    assert not loaded & {"hashlib", "_hashlib", "hmac", "secrets"}
