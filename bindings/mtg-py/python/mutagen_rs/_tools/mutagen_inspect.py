"""``mutagen-inspect``: print the stream information and tags of files."""

import sys
from optparse import OptionParser

from .._file import File


def _build_parser():
    parser = OptionParser(usage="%prog [options] FILE [FILE...]")
    for fmt in ("flac", "mp3", "apev2"):
        parser.add_option(
            "--no-" + fmt, help="Compatibility; does nothing.")
    return parser


def _describe(path):
    """What the tool prints for one file: the summary, or why there is none."""
    try:
        audio = File(path)
    except Exception as e:
        return str(e)
    if audio is None:
        return "- Unknown file type"
    return "- " + audio.pprint()


def main(argv):
    """Runs the tool with ``argv`` (the program name first)."""
    parser = _build_parser()
    parser.prog = "mutagen-inspect"
    _options, args = parser.parse_args(argv[1:])
    if not args:
        raise SystemExit(parser.print_help() or 1)

    for path in args:
        print("--", path)
        print(_describe(path))
        print("")
    return 0


def entry_point():
    """The console-script entry point."""
    return main(sys.argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
