//! The `vilfredo` command (skeleton).

fn main() {}
