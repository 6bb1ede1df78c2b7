"""anzen: guided interviews for the personal-information reports of Japanese public-sector outsourcing."""

__version__ = "0.1.0"
