//! The `vilfredo` binary: a one-line wrapper around [`vilfredo_cli::run`].

fn main() {
    std::process::exit(vilfredo_cli::run(std::env::args_os().collect()));
}
