//! ID3v2.4 time stamps (`TDRC`, `TDOR`, ...): `yyyy-MM-ddTHH:mm:ss` or any
//! prefix of it, parsed the way mutagen's `ID3TimeStamp` parses them.
//!
//! Parsing splits the text at every single character that is `-`, `.`,
//! `/`, `:`, an upper-case `T` or white space (Python's `\s`), and reads the
//! first six pieces as year, month, day, hour, minute and second. A piece is
//! a number when Python's `int()` accepts it: an optional `+`, then decimal
//! digits of any script, with single underscores allowed between digits.
//! Any other piece leaves its part absent (`None`).
//!
//! The text form lists the parts up to the first absent one, the year with
//! at least four digits and the others with at least two, joined as
//! `yyyy-MM-dd HH:mm:ss` ([`Id3TimeStamp::text`]); frames store it with a
//! `T` between date and time ([`Id3TimeStamp::frame_text`]). Time stamps
//! compare and hash by their text.
//!
//! Divergence from Python: a part larger than `i64::MAX` (19 digits or
//! more) is treated as absent, where Python keeps the big number.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};

/// A date and time of an ID3v2.4 time stamp; each part may be absent.
#[derive(Debug, Clone, Copy, Default)]
pub struct Id3TimeStamp {
    /// The year.
    pub year: Option<i64>,
    /// The month.
    pub month: Option<i64>,
    /// The day of the month.
    pub day: Option<i64>,
    /// The hour.
    pub hour: Option<i64>,
    /// The minute.
    pub minute: Option<i64>,
    /// The second.
    pub second: Option<i64>,
}

/// Code points of the digit zero of every Unicode decimal digit block
/// (general category Nd, Unicode 14.0); each block holds the digits 0 to 9
/// at consecutive code points.
const DIGIT_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// The decimal value of a digit of any script, like Python's
/// `unicodedata.decimal`.
fn decimal_value(c: char) -> Option<u32> {
    let cp = u32::from(c);
    if c.is_ascii_digit() {
        return Some(cp - 0x30);
    }
    if cp < 0x660 {
        return None;
    }
    let idx = DIGIT_ZEROS.partition_point(|&zero| zero <= cp);
    let zero = *DIGIT_ZEROS.get(idx.checked_sub(1)?)?;
    let value = cp - zero;
    (value < 10).then_some(value)
}

/// Python's `str.isspace()` (and the `\s` of `re` for text patterns).
pub(crate) fn is_python_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

fn is_separator(c: char) -> bool {
    matches!(c, '-' | 'T' | ':' | '/' | '.') || is_python_space(c)
}

/// Python's `int(piece)` for a piece without white space, or `None` when
/// Python raises (or the value does not fit an `i64`).
fn parse_python_int(piece: &str) -> Option<i64> {
    let (negative, digits) = match piece.as_bytes().first() {
        Some(b'+') => (false, piece.get(1..)?),
        Some(b'-') => (true, piece.get(1..)?),
        _ => (false, piece),
    };
    let mut value: i64 = 0;
    let mut seen_digit = false;
    let mut last_underscore = false;
    for c in digits.chars() {
        if c == '_' {
            if !seen_digit || last_underscore {
                return None;
            }
            last_underscore = true;
            continue;
        }
        let d = decimal_value(c)?;
        value = value.checked_mul(10)?.checked_add(i64::from(d))?;
        seen_digit = true;
        last_underscore = false;
    }
    if !seen_digit || last_underscore {
        return None;
    }
    Some(if negative { -value } else { value })
}

impl Id3TimeStamp {
    /// Parse `text` (never fails: unreadable parts are absent).
    pub fn parse(text: &str) -> Id3TimeStamp {
        let mut parts = [None; 6];
        for (slot, piece) in parts.iter_mut().zip(text.split(is_separator)) {
            *slot = parse_python_int(piece);
        }
        let [year, month, day, hour, minute, second] = parts;
        Id3TimeStamp {
            year,
            month,
            day,
            hour,
            minute,
            second,
        }
    }

    /// The parts in order, year first.
    pub fn parts(&self) -> [Option<i64>; 6] {
        [
            self.year,
            self.month,
            self.day,
            self.hour,
            self.minute,
            self.second,
        ]
    }

    fn format(&self, date_time_sep: char) -> String {
        let mut out = String::with_capacity(19);
        for (i, part) in self.parts().iter().enumerate() {
            let Some(v) = part else { break };
            match i {
                0 => out.push_str(&format!("{v:04}")),
                _ => {
                    out.push(match i {
                        1 | 2 => '-',
                        3 => date_time_sep,
                        _ => ':',
                    });
                    out.push_str(&format!("{v:02}"));
                }
            }
        }
        out
    }

    /// The text form, `yyyy-MM-dd HH:mm:ss` up to the first absent part
    /// (mutagen's `ID3TimeStamp.text`).
    pub fn text(&self) -> String {
        self.format(' ')
    }

    /// The form written into frames: as [`Id3TimeStamp::text`] with a `T`
    /// between date and time.
    pub fn frame_text(&self) -> String {
        self.format('T')
    }
}

impl fmt::Display for Id3TimeStamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

impl PartialEq for Id3TimeStamp {
    fn eq(&self, other: &Self) -> bool {
        self.text() == other.text()
    }
}

impl Eq for Id3TimeStamp {}

impl PartialOrd for Id3TimeStamp {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Id3TimeStamp {
    /// Compares the text forms, as strings.
    fn cmp(&self, other: &Self) -> Ordering {
        self.text().cmp(&other.text())
    }
}

impl Hash for Id3TimeStamp {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.text().hash(state);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits() {
        assert_eq!(decimal_value('7'), Some(7));
        assert_eq!(decimal_value('\u{664}'), Some(4));
        assert_eq!(decimal_value('\u{ff19}'), Some(9));
        assert_eq!(decimal_value('\u{1fbf9}'), Some(9));
        assert_eq!(decimal_value('\u{1fbfa}'), None);
        assert_eq!(decimal_value('a'), None);
        assert_eq!(decimal_value('\u{65f}'), None);
        assert_eq!(parse_python_int("2_004"), Some(2004));
        assert_eq!(parse_python_int("_2004"), None);
        assert_eq!(parse_python_int("2004_"), None);
        assert_eq!(parse_python_int("2__004"), None);
        assert_eq!(parse_python_int("+12"), Some(12));
        assert_eq!(parse_python_int("+"), None);
        assert_eq!(parse_python_int(""), None);
        assert_eq!(parse_python_int("99999999999999999999"), None);
    }

    #[test]
    fn parse_and_format() {
        let t = Id3TimeStamp::parse("2004-12-31T23:59:59");
        assert_eq!(t.text(), "2004-12-31 23:59:59");
        assert_eq!(t.frame_text(), "2004-12-31T23:59:59");
        assert_eq!(Id3TimeStamp::parse("2004--12").parts()[2], Some(12));
        assert_eq!(Id3TimeStamp::parse("2004--12").text(), "2004");
        assert_eq!(Id3TimeStamp::parse("04").text(), "0004");
        assert_eq!(Id3TimeStamp::parse("2004-1-2").text(), "2004-01-02");
        assert_eq!(Id3TimeStamp::parse("").text(), "");
        let mut t = Id3TimeStamp::parse("2004");
        t.year = Some(-5);
        assert_eq!(t.text(), "-005");
        t.month = Some(-1);
        assert_eq!(t.text(), "-005--1");
        assert!(Id3TimeStamp::parse("1233-12") < Id3TimeStamp::parse("1234"));
        assert!(Id3TimeStamp::parse("20041") < Id3TimeStamp::parse("3000"));
        assert_eq!(
            Id3TimeStamp::parse("2004-01"),
            Id3TimeStamp::parse("2004-1")
        );
    }
}
