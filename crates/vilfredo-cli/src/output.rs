//! Number formatting: every `f64` is written in its shortest round-trip form.
//!
//! Reading back what vilfredo prints gives the very same `f64` (`parse(print(x)) == x`,
//! bit for bit, `-0` included), so results can be piped into other tools or compared
//! exactly. Rust's float formatting already produces the shortest digit string that
//! round-trips; this module only chooses the notation:
//!
//! - plain decimal for zero and magnitudes in `[1e-4, 1e16)`, without a trailing `.0`
//!   (`1`, `0.5`, `123.25`), as most tools print such numbers;
//! - scientific notation outside that range (`1e-7`, `2.5e20`), so that tiny and huge
//!   values stay short;
//! - `inf` and `-inf` for infinities (an extreme point's crowding distance), `NaN` for NaN.

use std::fmt;
use std::io::{self, Write};

/// Displays an `f64` in shortest round-trip form (see the module documentation).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shortest(pub f64);

impl fmt::Display for Shortest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let x = self.0;
        let magnitude = x.abs();
        if x == 0.0 || (1e-4..1e16).contains(&magnitude) {
            // `Display` never uses an exponent and omits `.0` on integers.
            fmt::Display::fmt(&x, f)
        } else {
            // `Debug` switches to an exponent exactly outside the range above, and
            // writes `inf`, `-inf` and `NaN` for the non-finite values.
            fmt::Debug::fmt(&x, f)
        }
    }
}

/// Writes one number per line.
///
/// # Errors
/// Whatever the writer returns (a closed pipe, a full disk).
pub fn write_column<W: Write + ?Sized>(out: &mut W, values: &[f64]) -> io::Result<()> {
    for &v in values {
        writeln!(out, "{}", Shortest(v))?;
    }
    Ok(())
}

/// Writes one row of numbers, comma-separated, ending the line.
///
/// # Errors
/// Whatever the writer returns.
pub fn write_row<W: Write + ?Sized>(out: &mut W, row: &[f64]) -> io::Result<()> {
    for (i, &v) in row.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        write!(out, "{}", Shortest(v))?;
    }
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn show(x: f64) -> String {
        Shortest(x).to_string()
    }

    #[test]
    fn notation() {
        assert_eq!(show(0.0), "0");
        assert_eq!(show(-0.0), "-0");
        assert_eq!(show(1.0), "1");
        assert_eq!(show(0.5), "0.5");
        assert_eq!(show(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(show(123.25), "123.25");
        assert_eq!(show(1e-4), "0.0001");
        assert_eq!(show(1e-5), "1e-5");
        assert_eq!(show(1e15), "1000000000000000");
        assert_eq!(show(1e16), "1e16");
        assert_eq!(show(-2.5e20), "-2.5e20");
        assert_eq!(show(f64::INFINITY), "inf");
        assert_eq!(show(f64::NEG_INFINITY), "-inf");
        assert_eq!(show(f64::MIN_POSITIVE), "2.2250738585072014e-308");
        assert_eq!(show(5e-324), "5e-324");
    }

    #[test]
    fn rows_and_columns() {
        let mut out = Vec::new();
        write_row(&mut out, &[1.0, 0.25, f64::INFINITY]).unwrap();
        write_column(&mut out, &[3.0, 1e-9]).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "1,0.25,inf\n3\n1e-9\n");
    }

    #[test]
    fn infinities_round_trip() {
        for x in [
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MAX,
            f64::MIN,
            -f64::MIN_POSITIVE,
        ] {
            assert_eq!(show(x).parse::<f64>().unwrap().to_bits(), x.to_bits());
        }
        assert!(show(f64::NAN).parse::<f64>().unwrap().is_nan());
    }

    proptest! {
        #[test]
        fn every_float_round_trips_bit_for_bit(bits in any::<u64>()) {
            let x = f64::from_bits(bits);
            prop_assume!(!x.is_nan());
            let text = show(x);
            prop_assert_eq!(text.parse::<f64>().unwrap().to_bits(), bits, "{}", text);
        }

        #[test]
        fn ordinary_floats_round_trip(x in -1e6f64..1e6) {
            let text = show(x);
            prop_assert_eq!(text.parse::<f64>().unwrap().to_bits(), x.to_bits(), "{}", text);
            prop_assert!(!text.ends_with(".0"));
        }

        #[test]
        fn output_is_shortest(x in any::<f64>().prop_filter("finite", |v| v.is_finite())) {
            // No shorter digit string reads back as x: Rust's `{:e}` is the reference
            // shortest form, so ours must carry the same significant digits.
            let ours = show(x);
            let reference = format!("{x:e}");
            let digits = |s: &str| -> String {
                let mantissa = s.split(['e', 'E']).next().unwrap_or("");
                let d: String = mantissa.chars().filter(char::is_ascii_digit).collect();
                d.trim_start_matches('0').trim_end_matches('0').to_owned()
            };
            prop_assert_eq!(digits(&ours), digits(&reference), "{} vs {}", ours, reference);
        }
    }
}
