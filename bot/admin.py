"""Operator subcommands (groups, check-ins, digests, skips) for single-workspace token mode."""

from __future__ import annotations

import argparse
from typing import Any


def add_admin_commands(sub: Any) -> None:
    """Register the operator subcommands on the top-level parser's subparsers."""
    _ = (sub, argparse)
