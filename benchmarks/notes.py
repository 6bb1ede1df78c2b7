"""What the profiles showed for goals not met, and what was tried (RESULTS.md prints these under the table)."""

NOTES: dict[str, str] = {}
