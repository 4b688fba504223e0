"""nlpmeet: who met whom, in which role, when and where, from French news and press releases."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
