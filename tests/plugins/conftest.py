"""The renderer tests share ``mdcheck`` (fixture loading, visible text of HTML); the test
suite runs in importlib mode, so this folder is put on the path for them."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
