"""Subcommands that need Qt; each handler imports Qt lazily."""

from . import selftest

ALL = [selftest]
