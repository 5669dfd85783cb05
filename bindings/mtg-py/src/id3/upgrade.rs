//! The ID3v2.4 conversion of a freshly built tag, done here instead of by
//! `ID3Tags.update_to_v24` in Python when the tag holds only what this
//! module handles.
//!
//! After a load, mutagen converts the frames to ID3v2.4: ID3v2.3's `TYER`,
//! `TDAT` and `TIME` become one `TDRC`, `TORY` becomes `TDOR`, frames
//! ID3v2.4 lacks are dropped; `TCON` genre references, `IPLS` and ID3v2.2
//! picture formats are rewritten. [`upgrade_to_v24`] does all but the
//! `TCON` part (left to Python, which owns the genre table) on the dict of
//! new frames, and declines (changing nothing) `IPLS` and the rarer cases,
//! which the Python conversion then does whole. An ID3v2.2 picture format
//! is rewritten in the picture itself: the Python conversion stores a new
//! picture with the same fields under the same key.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

use super::build::FrameBuilder;

/// Frames dropped by the conversion (besides `TDAT` and `TIME`, which go
/// into `TDRC`).
const NOT_IN_V24: [&str; 4] = ["RVAD", "EQUA", "TRDA", "TSIZ"];

/// ID3v2.2 picture formats the conversion rewrites, and their mime types.
const V22_PICTURE_FORMATS: [(&str, &str); 2] = [("PNG", "image/png"), ("JPG", "image/jpeg")];

/// A text frame's values, when they are all `str`s.
fn texts(frame: &Bound<'_, PyAny>) -> PyResult<Option<Vec<String>>> {
    let text = frame.getattr(pyo3::intern!(frame.py(), "text"))?;
    let Ok(list) = text.cast::<PyList>() else {
        return Ok(None);
    };
    let mut out = Vec::with_capacity(list.len());
    for item in list.iter() {
        let Ok(s) = item.cast::<PyString>() else {
            return Ok(None);
        };
        out.push(s.to_str()?.to_owned());
    }
    Ok(Some(out))
}

/// `yyyy` or `yyyy-mm-dd` (ASCII digits): the year part, and whether a day
/// is there.
fn year_of(value: &str) -> Option<(&str, bool)> {
    let b = value.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    match b.len() {
        4 if digits(0..4) => Some((&value[..4], false)),
        10 if digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10) => {
            Some((&value[..4], true))
        }
        _ => None,
    }
}

/// Four ASCII digits as two pairs.
fn two_pairs(value: &str) -> Option<(&str, &str)> {
    (value.len() == 4 && value.bytes().all(|b| b.is_ascii_digit()))
        .then(|| (&value[..2], &value[2..]))
}

/// The `TDRC` timestamp of one ID3v2.3 `TYER` (yyyy), `TDAT` (DDMM) and
/// `TIME` (HHMM) value: none unless the year is four ASCII digits, with or
/// without `-mm-dd`.
fn timestamp(year: &str, date: &str, time: &str) -> Option<String> {
    let (yyyy, mut has_day) = year_of(year)?;
    let mut stamp = year.to_owned();
    if let Some((day, month)) = two_pairs(date) {
        stamp = format!("{yyyy}-{month}-{day}");
        has_day = true;
    }
    if let (true, Some((hours, minutes))) = (has_day, two_pairs(time)) {
        stamp.push_str(&format!(" {hours}:{minutes}:00"));
    }
    Some(stamp)
}

/// The `i`th value, or "" past the end.
fn nth(values: &[String], i: usize) -> &str {
    values.get(i).map_or("", String::as_str)
}

/// The `TDRC` timestamps of the values of `TYER`, `TDAT` and `TIME`, taken
/// in parallel (a missing value counts as empty).
fn timestamps(years: &[String], dates: &[String], times: &[String]) -> Vec<String> {
    let n = years.len().max(dates.len()).max(times.len());
    (0..n)
        .filter_map(|i| timestamp(nth(years, i), nth(dates, i), nth(times, i)))
        .collect()
}

/// A Latin-1 text frame body (encoding 0) holding `text`, ASCII.
fn latin1_body(text: &str) -> Vec<u8> {
    let mut body = Vec::with_capacity(text.len() + 1);
    body.push(0);
    body.extend_from_slice(text.as_bytes());
    body
}

/// Converts `frames` (`{hash_key: frame}`, the frames of one tag built by
/// `builder`, without sub-frames) to ID3v2.4 as `update_to_v24` does, in
/// place, except for `TCON` (see the module documentation). Returns False,
/// having changed nothing, when the tag holds something only the Python
/// conversion handles: `IPLS`, date frames whose values are not all
/// `str`s, a `TORY` that is not one ASCII value, or a replaced
/// `TDRC`/`TDOR` class.
pub fn upgrade_to_v24(builder: &FrameBuilder<'_>, frames: &Bound<'_, PyDict>) -> PyResult<bool> {
    let py = frames.py();
    let mut dates: [Option<Bound<'_, PyAny>>; 4] = [None, None, None, None];
    let mut dropped = Vec::new();
    // pictures whose ID3v2.2 format becomes a mime type
    let mut pictures = Vec::new();
    for (key, frame) in frames.iter() {
        let key = key.cast::<PyString>()?;
        let key = key.to_str()?;
        match key {
            "IPLS" => return Ok(false),
            "TYER" => dates[0] = Some(frame),
            "TDAT" => dates[1] = Some(frame),
            "TIME" => dates[2] = Some(frame),
            "TORY" => dates[3] = Some(frame),
            k if k.starts_with("APIC") => {
                let mime = frame.getattr(pyo3::intern!(py, "mime"))?;
                let Ok(mime) = mime.cast::<PyString>() else {
                    return Ok(false);
                };
                let mime = mime.to_str()?;
                // (the key is the frame's own HashKey: `frames` holds each
                // built frame under it, and the Python conversion stores
                // the rewritten picture there)
                if let Some(&(_, new)) = V22_PICTURE_FORMATS.iter().find(|(f, _)| *f == mime) {
                    pictures.push((frame, new));
                }
            }
            k if NOT_IN_V24.contains(&k) => dropped.push(k.to_owned()),
            _ => {}
        }
    }
    let mut values: [Vec<String>; 4] = Default::default();
    for (frame, out) in dates.iter().zip(values.iter_mut()) {
        if let Some(frame) = frame {
            match texts(frame)? {
                Some(text) => *out = text,
                None => return Ok(false),
            }
        }
    }
    let [years, days, times, original] = &values;

    // the new frames first, so that declining changes nothing
    let stamps = timestamps(years, days, times);
    let tdrc = if !stamps.is_empty() && !frames.contains("TDRC")? {
        match builder.build(4, "TDRC", 0, &latin1_body(&stamps.join("\0")))? {
            Some(built) => Some(built),
            None => return Ok(false),
        }
    } else {
        None
    };
    let tdor = if dates[3].is_some() && !frames.contains("TDOR")? {
        // one ASCII value (several, or other text, go to Python)
        let [value] = original.as_slice() else {
            return Ok(false);
        };
        if value.is_empty() || !value.is_ascii() || value.contains('\0') {
            return Ok(false);
        }
        match builder.build(4, "TDOR", 0, &latin1_body(value))? {
            Some(built) => Some(built),
            None => return Ok(false),
        }
    } else {
        None
    };

    for id in ["TYER", "TDAT", "TIME"] {
        if frames.contains(id)? {
            frames.del_item(id)?;
        }
    }
    if let Some((key, frame)) = tdrc {
        frames.set_item(key, frame)?;
    }
    if dates[3].is_some() {
        frames.del_item("TORY")?;
        if let Some((key, frame)) = tdor {
            frames.set_item(key, frame)?;
        }
    }
    for id in dropped {
        frames.del_item(id)?;
    }
    for (frame, mime) in pictures {
        frame.setattr(pyo3::intern!(py, "mime"), mime)?;
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_from_v23_dates() {
        let t = |y: &str, d: &str, h: &str| timestamp(y, d, h);
        assert_eq!(t("2004", "", "").as_deref(), Some("2004"));
        assert_eq!(t("2004", "3112", "").as_deref(), Some("2004-12-31"));
        assert_eq!(
            t("2004", "3112", "2359").as_deref(),
            Some("2004-12-31 23:59:00")
        );
        // a time without a day is left out
        assert_eq!(t("2004", "", "2359").as_deref(), Some("2004"));
        assert_eq!(
            t("2004-01-02", "", "1200").as_deref(),
            Some("2004-01-02 12:00:00")
        );
        assert_eq!(t("2004-01-02", "0503", "").as_deref(), Some("2004-03-05"));
        assert_eq!(t("2004", "311", "1200").as_deref(), Some("2004"));
        assert_eq!(t("2004", "3112 ", "").as_deref(), Some("2004"));
        assert_eq!(t("04", "3112", ""), None);
        assert_eq!(t("2004x", "", ""), None);
        assert_eq!(t("2004-1-2", "", ""), None);
        assert_eq!(t("", "3112", "1200"), None);
        assert_eq!(t("2004/2005", "", ""), None);
        // ASCII digits only
        assert_eq!(t("\u{ff12}\u{ff10}\u{ff10}\u{ff14}", "", ""), None);
        assert_eq!(
            t("2004", "\u{ff13}\u{ff11}\u{ff11}\u{ff12}", "").as_deref(),
            Some("2004")
        );
    }

    #[test]
    fn timestamps_in_parallel() {
        let s = |v: &[&str]| v.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            timestamps(&s(&["2004", "bad", "2006"]), &s(&["0101"]), &s(&[])),
            ["2004-01-01", "2006"]
        );
        assert_eq!(
            timestamps(
                &s(&["2004", "2005"]),
                &s(&["0101", "0202"]),
                &s(&["", "1200"])
            ),
            ["2004-01-01", "2005-02-02 12:00:00"]
        );
        assert!(timestamps(&s(&[]), &s(&["0101"]), &s(&["1200"])).is_empty());
    }
}
