"""Award data: who won, for how much, per lot (docs/awards.md)."""
