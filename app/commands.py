"""Subcommands that need Qt; each handler imports Qt lazily."""

from . import selftest
from .workshop import debrief_command

ALL = [selftest, debrief_command]
