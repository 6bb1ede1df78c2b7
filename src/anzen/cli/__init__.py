"""Command line: argparse (fast to import); each command in its own module, imported when run."""
