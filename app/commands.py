"""Subcommands that need Qt; each handler imports Qt lazily."""

ALL = []
