//! The point reader: text in, a row-major matrix of finite numbers out.
//!
//! The format is the one every multi-objective tool writes: one point per line, values
//! separated by commas and/or whitespace (CSV, TSV and moocore's space-separated files all
//! read the same), `#` starting a comment that runs to the end of the line.
//!
//! Rules, chosen so that a mistake in the data is never silently read as something else:
//!
//! - blank and comment-only lines before the first row and after the last row are ignored;
//!   comment-only lines between rows are ignored too;
//! - a *blank* line between two rows is an error, because moocore and similar tools use blank
//!   lines to separate several point sets and vilfredo reads exactly one;
//! - every row must have as many values as the first one;
//! - every value must parse as a finite `f64` (`NaN`, `inf` and overflowing literals such as
//!   `1e400` are refused), and an empty field between commas is refused;
//! - empty input is a valid, empty point set.
//!
//! Errors name the source, the 1-based line and the 1-based column, where the column counts
//! values (objectives), not characters.
//!
//! The whole input is read into one buffer and parsed in place with `str::parse::<f64>`, so
//! the only allocation that grows with the input is the output vector.

use std::fmt;

/// A point set as read from text: `n_rows × n_cols` values, row-major.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Matrix {
    data: Vec<f64>,
    n_cols: usize,
    /// 1-based line of each row, for messages about a row found later.
    lines: Vec<usize>,
}

impl Matrix {
    /// The values, row after row.
    pub fn data(&self) -> &[f64] {
        &self.data
    }

    /// Number of values per row; 0 for an empty matrix (the input had no rows).
    pub fn n_cols(&self) -> usize {
        self.n_cols
    }

    /// Number of rows.
    pub fn n_rows(&self) -> usize {
        self.data.len().checked_div(self.n_cols).unwrap_or(0)
    }

    /// `true` when the input had no rows.
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    /// The 1-based input line of row `row` (0-based), or 0 when there is no such row.
    pub fn line_of(&self, row: usize) -> usize {
        self.lines.get(row).copied().unwrap_or(0)
    }

    /// The rows in order.
    pub fn rows(&self) -> impl Iterator<Item = &[f64]> {
        self.data.chunks_exact(self.n_cols.max(1))
    }
}

/// What is wrong with the input, and where.
#[derive(Debug, Clone, PartialEq)]
pub struct InputError {
    /// The name of the input, as shown to the user (a file name or `<stdin>`).
    pub source: String,
    /// 1-based line number.
    pub line: usize,
    /// 1-based value column, when the problem is one value.
    pub column: Option<usize>,
    /// The problem itself.
    pub kind: InputErrorKind,
}

/// The problems [`parse`] reports.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum InputErrorKind {
    /// The bytes are not UTF-8 text.
    InvalidUtf8,
    /// A value does not parse as a number (the text of the value, possibly shortened).
    NotANumber(String),
    /// A value parses, but as NaN or an infinity (the text of the value, possibly shortened).
    NonFinite(String),
    /// Two commas with nothing between them, or a leading or trailing comma.
    EmptyValue,
    /// A row whose number of values differs from the first row's.
    Ragged {
        /// Values found on this line.
        found: usize,
        /// Values on the first row.
        expected: usize,
        /// Line of the first row.
        first_line: usize,
    },
    /// A blank line between two rows.
    BlankLineBetweenRows,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: line {}", self.source, self.line)?;
        if let Some(column) = self.column {
            write!(f, ", column {column}")?;
        }
        f.write_str(": ")?;
        match &self.kind {
            InputErrorKind::InvalidUtf8 => f.write_str("not valid UTF-8 text"),
            InputErrorKind::NotANumber(text) => {
                write!(f, "{text:?} is not a number")?;
                if self.column == Some(1) && text.starts_with(|c: char| c.is_alphabetic()) {
                    // The commonest cause by far is a CSV header; say how to keep it.
                    f.write_str(" (a header line must be commented out with '#')")?;
                }
                Ok(())
            }
            InputErrorKind::NonFinite(text) => write!(f, "{text:?} is not a finite number"),
            InputErrorKind::EmptyValue => f.write_str("empty value (nothing between separators)"),
            InputErrorKind::Ragged {
                found,
                expected,
                first_line,
            } => write!(
                f,
                "found {found} values, expected {expected} like the first row (line {first_line})"
            ),
            InputErrorKind::BlankLineBetweenRows => f.write_str(
                "blank line between rows (vilfredo reads a single point set; \
                 remove the line or make it a '#' comment)",
            ),
        }
    }
}

impl std::error::Error for InputError {}

/// The longest value text quoted back in an error message; garbage input can have
/// megabyte-long "values".
const MAX_QUOTED: usize = 40;

fn quoted(token: &str) -> String {
    match token.char_indices().nth(MAX_QUOTED) {
        Some((end, _)) => format!("{}...", &token[..end]),
        None => token.to_owned(),
    }
}

/// Parses `bytes` as a point set; `source` names the input in error messages.
///
/// # Errors
/// The first problem found, with its line and column; see the module documentation.
pub fn parse(bytes: &[u8], source: &str) -> Result<Matrix, InputError> {
    let error = |line: usize, column: Option<usize>, kind: InputErrorKind| InputError {
        source: source.to_owned(),
        line,
        column,
        kind,
    };
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = 1 + bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        error(line, None, InputErrorKind::InvalidUtf8)
    })?;

    let mut data = Vec::new();
    let mut lines = Vec::new();
    let mut n_cols = 0usize;
    let mut first_line = 0usize;
    let mut blank_since_last_row: Option<usize> = None;

    for (index, raw) in text.split('\n').enumerate() {
        let line = index + 1;
        let (content, has_comment) = match raw.find('#') {
            Some(at) => (&raw[..at], true),
            None => (raw, false),
        };
        if content.trim_ascii().is_empty() {
            // Only blank lines separate sets; comment lines are annotations and may sit
            // anywhere. Blank lines count only once a row has been read (leading ones are
            // fine) and only if another row follows (trailing ones are fine).
            if !has_comment && n_cols > 0 && blank_since_last_row.is_none() {
                blank_since_last_row = Some(line);
            }
            continue;
        }
        if let Some(blank) = blank_since_last_row {
            return Err(error(blank, None, InputErrorKind::BlankLineBetweenRows));
        }

        let row_start = data.len();
        let mut column = 0usize;
        let has_commas = content.contains(',');
        for field in content.split(',') {
            let mut field_values = 0usize;
            for token in field.split_ascii_whitespace() {
                column += 1;
                field_values += 1;
                let value = token.parse::<f64>().map_err(|_| {
                    error(
                        line,
                        Some(column),
                        InputErrorKind::NotANumber(quoted(token)),
                    )
                })?;
                if !value.is_finite() {
                    return Err(error(
                        line,
                        Some(column),
                        InputErrorKind::NonFinite(quoted(token)),
                    ));
                }
                data.push(value);
            }
            if has_commas && field_values == 0 {
                return Err(error(line, Some(column + 1), InputErrorKind::EmptyValue));
            }
        }

        if n_cols == 0 {
            n_cols = column;
            first_line = line;
        } else if column != n_cols {
            data.truncate(row_start);
            return Err(error(
                line,
                Some(column.min(n_cols) + 1),
                InputErrorKind::Ragged {
                    found: column,
                    expected: n_cols,
                    first_line,
                },
            ));
        }
        lines.push(line);
    }
    Ok(Matrix {
        data,
        n_cols,
        lines,
    })
}

/// Parses one list of numbers written on the command line (`"1.1,1.1"` or `"1.1 1.1"`),
/// as for `--ref`.
///
/// # Errors
/// A message naming the first value that is not a finite number, or saying the list is
/// empty.
pub fn parse_list(text: &str) -> Result<Vec<f64>, String> {
    let mut values = Vec::new();
    for (i, token) in text
        .split(|c: char| c == ',' || c.is_ascii_whitespace())
        .filter(|t| !t.is_empty())
        .enumerate()
    {
        match token.parse::<f64>() {
            Ok(v) if v.is_finite() => values.push(v),
            Ok(_) => {
                return Err(format!(
                    "value {} ({:?}) is not a finite number",
                    i + 1,
                    quoted(token)
                ));
            }
            Err(_) => {
                return Err(format!(
                    "value {} ({:?}) is not a number",
                    i + 1,
                    quoted(token)
                ));
            }
        }
    }
    if values.is_empty() {
        return Err("expected at least one number, like 1.1,1.1".to_owned());
    }
    Ok(values)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn ok(text: &str) -> Matrix {
        parse(text.as_bytes(), "t").unwrap()
    }

    fn err(text: &str) -> InputError {
        parse(text.as_bytes(), "t").unwrap_err()
    }

    #[test]
    fn reads_csv_whitespace_and_mixed_separators() {
        for text in [
            "1,2\n3,4\n",
            "1 2\n3 4",
            "1\t2\r\n3\t4\r\n",
            "  1 ,  2\n3,4  \n",
            "1, 2\n3 ,4",
        ] {
            let m = ok(text);
            assert_eq!((m.n_rows(), m.n_cols()), (2, 2), "{text:?}");
            assert_eq!(m.data(), &[1.0, 2.0, 3.0, 4.0], "{text:?}");
        }
    }

    #[test]
    fn comments_and_edge_blank_lines_are_ignored() {
        let m = ok("# header\n\n  \n1 2 # best so far\n# between\n3 4\n\n# tail\n\n");
        assert_eq!(m.data(), &[1.0, 2.0, 3.0, 4.0]);
        assert_eq!(m.n_cols(), 2);
        assert_eq!((m.line_of(0), m.line_of(1), m.line_of(2)), (4, 6, 0));
    }

    #[test]
    fn empty_inputs_are_empty_sets() {
        for text in ["", "\n\n", "# only a comment\n", "   \n\t\n"] {
            let m = ok(text);
            assert!(m.is_empty());
            assert_eq!((m.n_rows(), m.n_cols()), (0, 0));
        }
    }

    #[test]
    fn blank_line_between_rows_names_the_blank_line() {
        let e = err("1 2\n\n# c\n3 4\n");
        assert_eq!(e.line, 2);
        assert_eq!(e.kind, InputErrorKind::BlankLineBetweenRows);
    }

    #[test]
    fn bad_values_name_line_and_column() {
        let e = err("# h\n1,2\n3,abc\n");
        assert_eq!((e.line, e.column), (3, Some(2)));
        assert_eq!(e.kind, InputErrorKind::NotANumber("abc".into()));
        assert_eq!(
            e.to_string(),
            "t: line 3, column 2: \"abc\" is not a number"
        );

        let e = err("1 nan\n");
        assert_eq!((e.line, e.column), (1, Some(2)));
        assert!(matches!(e.kind, InputErrorKind::NonFinite(_)));
        for bad in ["inf", "-inf", "NaN", "infinity", "1e400"] {
            assert!(
                matches!(err(&format!("0 {bad}")).kind, InputErrorKind::NonFinite(_)),
                "{bad}"
            );
        }
        let e = err("1,,2\n");
        assert_eq!(
            (e.line, e.column, e.kind),
            (1, Some(2), InputErrorKind::EmptyValue)
        );
        let e = err("1,2,\n");
        assert_eq!(
            (e.line, e.column, e.kind),
            (1, Some(3), InputErrorKind::EmptyValue)
        );
    }

    #[test]
    fn header_gets_a_hint() {
        let e = err("f1,f2\n1,2\n");
        assert!(e.to_string().contains("header"), "{e}");
    }

    #[test]
    fn ragged_rows_name_the_first_missing_or_extra_column() {
        let e = err("1 2 3\n4 5\n");
        assert_eq!((e.line, e.column), (2, Some(3)));
        assert_eq!(
            e.kind,
            InputErrorKind::Ragged {
                found: 2,
                expected: 3,
                first_line: 1
            }
        );
        let e = err("\n1 2\n4 5 6 7\n");
        assert_eq!((e.line, e.column), (3, Some(3)));
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let e = parse(b"1 2\n3 \xff\n", "t").unwrap_err();
        assert_eq!((e.line, e.kind), (2, InputErrorKind::InvalidUtf8));
    }

    #[test]
    fn long_garbage_is_quoted_short() {
        let e = err(&"x".repeat(10_000));
        assert!(e.to_string().len() < 200);
    }

    #[test]
    fn lists() {
        assert_eq!(parse_list("1.1,2").unwrap(), vec![1.1, 2.0]);
        assert_eq!(parse_list(" 1.1  2 ").unwrap(), vec![1.1, 2.0]);
        assert_eq!(parse_list("-1, -2").unwrap(), vec![-1.0, -2.0]);
        assert!(parse_list("").is_err());
        assert!(parse_list("1,x").unwrap_err().contains("value 2"));
        assert!(parse_list("1,nan").unwrap_err().contains("finite"));
    }

    /// A separator between two values: commas and whitespace in any mix.
    fn separator() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![",", " ", "\t", ", ", " ,", "  ", " , "])
    }

    /// Anything ignorable before the first or after the last row.
    fn edge() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec!["", "\n", "# comment\n", "  \n", "#\n\n", "\r\n"])
    }

    proptest! {
        #[test]
        fn never_panics_on_arbitrary_text(text in "\\PC*") {
            let _ = parse(text.as_bytes(), "t");
            let _ = parse_list(&text);
        }

        #[test]
        fn never_panics_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
            let _ = parse(&bytes, "t");
        }

        #[test]
        fn never_panics_on_number_like_text(text in "[0-9eE.,+\\-# \\n\\tnaif]{0,64}") {
            if let Ok(m) = parse(text.as_bytes(), "t") {
                prop_assert!(m.data().iter().all(|v| v.is_finite()));
                prop_assert_eq!(m.data().len(), m.n_rows() * m.n_cols());
            }
        }

        #[test]
        fn written_matrices_read_back_exactly(
            n_cols in 1usize..6,
            values in prop::collection::vec(
                any::<f64>().prop_filter("finite", |v| v.is_finite()), 0..60),
            seps in prop::collection::vec(separator(), 60),
            head in edge(),
            tail in edge(),
            crlf in any::<bool>(),
            sci in any::<bool>(),
        ) {
            let n_rows = values.len() / n_cols;
            let values = &values[..n_rows * n_cols];
            let mut text = String::from(head);
            for (r, row) in values.chunks(n_cols).enumerate() {
                for (c, v) in row.iter().enumerate() {
                    if c > 0 {
                        text.push_str(seps[(r + c) % seps.len()]);
                    }
                    text.push_str(&if sci { format!("{v:e}") } else { format!("{v:?}") });
                }
                text.push_str(if crlf { "\r\n" } else { "\n" });
            }
            text.push_str(tail);
            let m = parse(text.as_bytes(), "t").unwrap();
            prop_assert_eq!(m.n_rows(), n_rows);
            if n_rows > 0 {
                prop_assert_eq!(m.n_cols(), n_cols);
            }
            let same_bits = m.data().iter().zip(values).all(|(a, b)| a.to_bits() == b.to_bits());
            prop_assert!(same_bits && m.data().len() == values.len());
        }
    }
}
