"""mutagen_rs: read and write audio metadata; a Rust rewrite of mutagen."""

from ._import_hook import install_as_mutagen, uninstall_as_mutagen

version = (1, 48, 1)
version_string = ".".join(map(str, version))
