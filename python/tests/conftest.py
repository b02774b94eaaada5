import sys
from pathlib import Path

# scripts/make_archive.py: the generated archive shared with the batch benchmark.
REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "scripts"))
