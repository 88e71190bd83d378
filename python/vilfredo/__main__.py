"""The ``vilfredo`` command: ``python -m vilfredo ...`` or the ``vilfredo`` script from pip."""

import signal
import sys

from vilfredo._vilfredo import _cli_main


def main() -> None:
    """Run the command line with ``sys.argv`` and exit with its status."""
    # Behave like the native binary: Ctrl-C stops a long computation (the Rust code never
    # returns to Python's own handler). SIGPIPE stays ignored, as Python and Rust both set
    # it, so `vilfredo rank big.csv | head` sees EPIPE and the command exits 0 quietly.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    sys.exit(_cli_main(list(sys.argv)))


if __name__ == "__main__":
    main()
