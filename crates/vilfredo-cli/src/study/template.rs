//! The objective command as a template: `{name}` placeholders in its arguments.
//!
//! Each argument is split once into literal text and placeholders; filling it in
//! replaces each placeholder by its value and never re-reads the result, so a value
//! containing braces, spaces, quotes or `$(...)` reaches the program verbatim, as one
//! argument. The command is run directly, never through a shell.

/// Placeholders vilfredo fills itself (parameter names may not take them).
pub(crate) const RESERVED: &[&str] = &["trial_number", "study_name", "params_file", "results_file"];

/// One piece of an argument.
#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Text(String),
    Slot(String),
}

/// A command line with placeholders.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Template {
    args: Vec<Vec<Piece>>,
}

/// Whether `s` is a placeholder name: ASCII letters, digits and `_`, not starting with
/// a digit.
pub(crate) fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

impl Template {
    /// Splits `argv` into pieces. `{name}` with an identifier inside is a placeholder
    /// and must name a parameter or a reserved placeholder; `{{` and `}}` are literal
    /// braces; any other brace is literal text (so JSON arguments pass unchanged).
    ///
    /// # Errors
    /// A placeholder that names nothing, with the names that exist.
    pub(crate) fn parse(argv: &[String], params: &[&str]) -> Result<Self, String> {
        let mut args = Vec::with_capacity(argv.len());
        for arg in argv {
            let mut pieces = Vec::new();
            let mut text = String::new();
            let mut rest = arg.as_str();
            while let Some(c) = rest.chars().next() {
                if let Some(after) = rest.strip_prefix("{{") {
                    text.push('{');
                    rest = after;
                } else if let Some(after) = rest.strip_prefix("}}") {
                    text.push('}');
                    rest = after;
                } else if c == '{'
                    && let Some(end) = rest.find('}')
                    && is_identifier(&rest[1..end])
                {
                    let name = &rest[1..end];
                    if !params.contains(&name) && !RESERVED.contains(&name) {
                        return Err(format!(
                            "the command uses {{{name}}} but there is no parameter {name:?}; \
                             known: {}",
                            params
                                .iter()
                                .chain(RESERVED)
                                .map(|n| format!("{{{n}}}"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ));
                    }
                    if !text.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut text)));
                    }
                    pieces.push(Piece::Slot(name.to_owned()));
                    rest = &rest[end + 1..];
                } else {
                    text.push(c);
                    rest = &rest[c.len_utf8()..];
                }
            }
            if !text.is_empty() || pieces.is_empty() {
                pieces.push(Piece::Text(text));
            }
            args.push(pieces);
        }
        if args.is_empty() {
            return Err("the command is empty".to_owned());
        }
        Ok(Self { args })
    }

    /// Whether the command uses placeholder `name`.
    pub(crate) fn uses(&self, name: &str) -> bool {
        self.args
            .iter()
            .flatten()
            .any(|p| matches!(p, Piece::Slot(n) if n == name))
    }

    /// The arguments with every placeholder replaced by `value(name)`.
    pub(crate) fn fill(&self, value: impl Fn(&str) -> String) -> Vec<String> {
        self.args
            .iter()
            .map(|pieces| {
                pieces
                    .iter()
                    .map(|p| match p {
                        Piece::Text(t) => t.clone(),
                        Piece::Slot(n) => value(n),
                    })
                    .collect()
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(a: &[&str]) -> Vec<String> {
        a.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn placeholders_are_filled_once() {
        let t = Template::parse(
            &argv(&[
                "prog",
                "--lr={lr}",
                "{x}{x}",
                "{{x}}",
                r#"{"a": 1}"#,
                "",
                "{trial_number}",
            ]),
            &["lr", "x"],
        )
        .unwrap();
        let filled = t.fill(|n| match n {
            "lr" => "0.5".into(),
            "x" => "{lr} $(rm -rf /)".into(),
            _ => "7".into(),
        });
        assert_eq!(
            filled,
            argv(&[
                "prog",
                "--lr=0.5",
                "{lr} $(rm -rf /){lr} $(rm -rf /)",
                "{x}",
                r#"{"a": 1}"#,
                "",
                "7"
            ])
        );
        assert!(t.uses("trial_number") && !t.uses("params_file"));
    }

    #[test]
    fn unknown_placeholders_are_refused_with_the_known_ones() {
        let e = Template::parse(&argv(&["p", "{y}"]), &["x"]).unwrap_err();
        assert!(e.contains("{y}") && e.contains("{x}"), "{e}");
        assert!(is_identifier("a_1") && !is_identifier("1a") && !is_identifier("a-b"));
    }
}
