"""The ``vilfredo`` command: ``python -m vilfredo ...`` or the ``vilfredo`` script from pip."""

import sys

from vilfredo._vilfredo import _cli_main


def main() -> None:
    """Run the command line with ``sys.argv`` and exit with its status."""
    sys.exit(_cli_main(list(sys.argv)))


if __name__ == "__main__":
    main()
