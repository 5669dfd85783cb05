"""Command-line tools, mirroring mutagen's."""
