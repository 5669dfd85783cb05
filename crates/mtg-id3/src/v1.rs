//! ID3v1 and ID3v1.1 tags: finding, parsing, making.
//!
//! The 128-byte layout is `"TAG"`, title (30), artist (30), album (30),
//! year (4), comment (30; v1.1: 28 + a zero byte + the track number) and a
//! genre byte. The behaviour follows mutagen 1.48.1:
//!
//! * Finding ([`find_id3v1`]): the last 131 bytes (or the whole file if
//!   shorter) are searched for the first `"TAG"`; none, or one that is part
//!   of an APEv2 `"APETAGEX"` marker, means no tag. The tag runs from there
//!   to the end of the file and must be 124 to 128 bytes long: taggers that
//!   write short tags drop bytes from the year (a 124-byte tag has no year),
//!   and everything after shifts accordingly. Nothing else (Lyrics3 tags,
//!   APEv2 tags before the ID3v1 tag) is looked at.
//! * Parsing ([`parse_id3v1`]): each text field is cut at its first zero
//!   byte, stripped of ASCII whitespace and decoded as Latin-1; empty fields
//!   give no frame. A comment whose byte 28 is zero and byte 29 is not is
//!   v1.1 and byte 29 is the track. Genre 255 means none.
//! * Making ([`make_id3v1`]): Latin-1 with `?` for other characters,
//!   truncated to the field and padded with zero bytes; the year must be
//!   ASCII (else a `UnicodeEncodeError`); a track number from 0 to 255 turns
//!   the comment into v1.1 (0 included); a genre not in [`GENRES`] (case-sensitive) is
//!   255.

use std::borrow::Cow;
use std::fmt;

use mtg_core::{ByteSource, TextError};

use crate::error::Id3Error;

/// Length of an ID3v1 tag.
pub const V1_LEN: usize = 128;

/// How many bytes from the end of a file are searched for an ID3v1 tag.
pub const V1_SEARCH_LEN: usize = 131;

/// The ID3v1 genres with the Winamp extensions, as in mutagen
/// (`mutagen._constants.GENRES`); the index is the genre byte.
pub const GENRES: [&str; 192] = [
    "Blues",
    "Classic Rock",
    "Country",
    "Dance",
    "Disco",
    "Funk",
    "Grunge",
    "Hip-Hop",
    "Jazz",
    "Metal",
    "New Age",
    "Oldies",
    "Other",
    "Pop",
    "R&B",
    "Rap",
    "Reggae",
    "Rock",
    "Techno",
    "Industrial",
    "Alternative",
    "Ska",
    "Death Metal",
    "Pranks",
    "Soundtrack",
    "Euro-Techno",
    "Ambient",
    "Trip-Hop",
    "Vocal",
    "Jazz+Funk",
    "Fusion",
    "Trance",
    "Classical",
    "Instrumental",
    "Acid",
    "House",
    "Game",
    "Sound Clip",
    "Gospel",
    "Noise",
    "Alt. Rock",
    "Bass",
    "Soul",
    "Punk",
    "Space",
    "Meditative",
    "Instrumental Pop",
    "Instrumental Rock",
    "Ethnic",
    "Gothic",
    "Darkwave",
    "Techno-Industrial",
    "Electronic",
    "Pop-Folk",
    "Eurodance",
    "Dream",
    "Southern Rock",
    "Comedy",
    "Cult",
    "Gangsta Rap",
    "Top 40",
    "Christian Rap",
    "Pop/Funk",
    "Jungle",
    "Native American",
    "Cabaret",
    "New Wave",
    "Psychedelic",
    "Rave",
    "Showtunes",
    "Trailer",
    "Lo-Fi",
    "Tribal",
    "Acid Punk",
    "Acid Jazz",
    "Polka",
    "Retro",
    "Musical",
    "Rock & Roll",
    "Hard Rock",
    "Folk",
    "Folk-Rock",
    "National Folk",
    "Swing",
    "Fast-Fusion",
    "Bebop",
    "Latin",
    "Revival",
    "Celtic",
    "Bluegrass",
    "Avantgarde",
    "Gothic Rock",
    "Progressive Rock",
    "Psychedelic Rock",
    "Symphonic Rock",
    "Slow Rock",
    "Big Band",
    "Chorus",
    "Easy Listening",
    "Acoustic",
    "Humour",
    "Speech",
    "Chanson",
    "Opera",
    "Chamber Music",
    "Sonata",
    "Symphony",
    "Booty Bass",
    "Primus",
    "Porn Groove",
    "Satire",
    "Slow Jam",
    "Club",
    "Tango",
    "Samba",
    "Folklore",
    "Ballad",
    "Power Ballad",
    "Rhythmic Soul",
    "Freestyle",
    "Duet",
    "Punk Rock",
    "Drum Solo",
    "A Cappella",
    "Euro-House",
    "Dance Hall",
    "Goa",
    "Drum & Bass",
    "Club-House",
    "Hardcore",
    "Terror",
    "Indie",
    "BritPop",
    "Afro-Punk",
    "Polsk Punk",
    "Beat",
    "Christian Gangsta Rap",
    "Heavy Metal",
    "Black Metal",
    "Crossover",
    "Contemporary Christian",
    "Christian Rock",
    "Merengue",
    "Salsa",
    "Thrash Metal",
    "Anime",
    "JPop",
    "Synthpop",
    "Abstract",
    "Art Rock",
    "Baroque",
    "Bhangra",
    "Big Beat",
    "Breakbeat",
    "Chillout",
    "Downtempo",
    "Dub",
    "EBM",
    "Eclectic",
    "Electro",
    "Electroclash",
    "Emo",
    "Experimental",
    "Garage",
    "Global",
    "IDM",
    "Illbient",
    "Industro-Goth",
    "Jam Band",
    "Krautrock",
    "Leftfield",
    "Lounge",
    "Math Rock",
    "New Romantic",
    "Nu-Breakz",
    "Post-Punk",
    "Post-Rock",
    "Psytrance",
    "Shoegaze",
    "Space Rock",
    "Trop Rock",
    "World Music",
    "Neoclassical",
    "Audiobook",
    "Audio Theatre",
    "Neue Deutsche Welle",
    "Podcast",
    "Indie Rock",
    "G-Funk",
    "Dubstep",
    "Garage Rock",
    "Psybient",
];

/// The genre byte for `name` (an exact, case-sensitive match in [`GENRES`]).
pub fn genre_index(name: &str) -> Option<u8> {
    GENRES
        .iter()
        .position(|&g| g == name)
        .and_then(|i| u8::try_from(i).ok())
}

/// An ID3v1 tag's content, as mutagen turns it into frames (see
/// [`Id3v1::frames`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Id3v1 {
    /// `TIT2`.
    pub title: Option<V1Text>,
    /// `TPE1`.
    pub artist: Option<V1Text>,
    /// `TALB`.
    pub album: Option<V1Text>,
    /// `TDRC` (or `TYER` when loading for v2.3): the text as found; the
    /// timestamp frame normalises it (`"1"` becomes `"0001"`, `"ab"` empty).
    pub year: Option<V1Text>,
    /// `COMM` with language `"eng"` and description `"ID3v1 Comment"`.
    pub comment: Option<V1Text>,
    /// `TRCK`, as its decimal text.
    pub track: Option<u8>,
    /// `TCON`, as the decimal text of the genre byte (not the name).
    pub genre: Option<u8>,
}

/// The description mutagen gives the `COMM` frame made from an ID3v1 comment.
pub const V1_COMMENT_DESC: &str = "ID3v1 Comment";

/// The language mutagen gives the `COMM` frame made from an ID3v1 comment.
pub const V1_COMMENT_LANG: &str = "eng";

impl Id3v1 {
    /// The frames mutagen's `ParseID3v1` makes, in its order, as
    /// `(frame ID, text)`; all with encoding Latin-1 (0). `v2_version` 3
    /// names the year frame `TYER`, anything else `TDRC`.
    pub fn frames(&self, v2_version: u8) -> Vec<(&'static str, Cow<'_, str>)> {
        let year_id = if v2_version == 3 { "TYER" } else { "TDRC" };
        let mut out = Vec::with_capacity(7);
        let text = [
            ("TIT2", &self.title),
            ("TPE1", &self.artist),
            ("TALB", &self.album),
            (year_id, &self.year),
            ("COMM", &self.comment),
        ];
        for (id, value) in text {
            if let Some(v) = value {
                out.push((id, v.text()));
            }
        }
        if let Some(t) = self.track {
            out.push(("TRCK", Cow::Owned(t.to_string())));
        }
        if let Some(g) = self.genre {
            out.push(("TCON", Cow::Owned(g.to_string())));
        }
        out
    }
}

/// One text field of an ID3v1 tag, kept in place of a `String`: its bytes
/// up to the first zero byte with ASCII whitespace stripped (never empty,
/// at most 30 bytes), Latin-1.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct V1Text {
    bytes: [u8; V1_FIELD_LEN],
    len: u8,
}

/// The longest text field of an ID3v1 tag.
const V1_FIELD_LEN: usize = 30;

impl V1Text {
    /// The field of `bytes` (at most 30 of them) as mutagen reads it: up
    /// to the first zero byte, ASCII whitespace stripped; `None` if
    /// nothing is left.
    fn parse(bytes: &[u8]) -> Option<Self> {
        let cut = bytes.split(|&b| b == 0).next().unwrap_or_default();
        // Python's bytes.strip(): space, \t, \n, \r, \v, \f.
        let ws = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c);
        let start = cut.iter().position(|b| !ws(b)).unwrap_or(cut.len());
        let end = cut.iter().rposition(|b| !ws(b)).map_or(start, |e| e + 1);
        let trimmed = cut.get(start..end).unwrap_or_default();
        if trimmed.is_empty() {
            return None;
        }
        let mut field = [0; V1_FIELD_LEN];
        field.get_mut(..trimmed.len())?.copy_from_slice(trimmed);
        let len = u8::try_from(trimmed.len()).ok()?;
        Some(V1Text { bytes: field, len })
    }

    /// The stored bytes (Latin-1).
    pub fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..usize::from(self.len)).unwrap_or_default()
    }

    /// The text, decoded from Latin-1: borrowed when it is ASCII.
    pub fn text(&self) -> Cow<'_, str> {
        mtg_core::text::decode_latin1(self.as_bytes())
    }
}

impl fmt::Debug for V1Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.text(), f)
    }
}

impl fmt::Display for V1Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

impl PartialEq<str> for V1Text {
    fn eq(&self, other: &str) -> bool {
        self.text() == other
    }
}

impl PartialEq<&str> for V1Text {
    fn eq(&self, other: &&str) -> bool {
        self.text() == *other
    }
}

/// The offset of the first `"TAG"` in `data` (a few hundred bytes at most:
/// a search for the `T`s is cheaper here than building a substring
/// searcher).
fn find_tag(data: &[u8]) -> Option<usize> {
    memchr::memchr_iter(b'T', data).find(|&at| data.get(at + 1..at + 3) == Some(b"AG".as_slice()))
}

/// Parse an ID3v1 tag from `data` as mutagen's `ParseID3v1`: the tag starts
/// at the first `"TAG"` in `data` and runs to its end, which must be 124 to
/// 128 bytes; otherwise `None`.
pub fn parse_id3v1(data: &[u8]) -> Option<Id3v1> {
    let start = find_tag(data)?;
    let tag = data.get(start..)?;
    if !(124..=V1_LEN).contains(&tag.len()) {
        return None;
    }
    let year_len = 4 - (V1_LEN - tag.len());
    let get = |from: usize, len: usize| tag.get(from..from + len).unwrap_or_default();
    let comment_at = 93 + year_len;
    let comment = get(comment_at, 30);
    let genre_byte = tag.get(comment_at + 30).copied().unwrap_or(0xFF);
    let track = match (comment.get(28), comment.get(29)) {
        (Some(0), Some(&t)) if t != 0 => Some(t),
        _ => None,
    };
    Some(Id3v1 {
        title: V1Text::parse(get(3, 30)),
        artist: V1Text::parse(get(33, 30)),
        album: V1Text::parse(get(63, 30)),
        year: V1Text::parse(get(93, year_len)),
        comment: V1Text::parse(comment),
        track,
        genre: (genre_byte != 0xFF).then_some(genre_byte),
    })
}

/// Find and parse the ID3v1 tag in `tail`, the last
/// [`V1_SEARCH_LEN`] bytes of a file (or all of a shorter file). Returns the
/// tag and its offset from the end of the file (negative).
pub fn find_id3v1_in_tail(tail: &[u8]) -> Option<(Id3v1, i64)> {
    let idx = find_tag(tail)?;
    if idx >= 3 && tail.get(idx - 3..idx + 5) == Some(b"APETAGEX".as_slice()) {
        return None;
    }
    let tag = parse_id3v1(tail.get(idx..)?)?;
    Some((tag, idx as i64 - tail.len() as i64))
}

/// Find the ID3v1 tag at the end of `src` (one positional read of the last
/// 131 bytes), as mutagen's `find_id3v1`.
pub fn find_id3v1<S: ByteSource + ?Sized>(src: &S) -> mtg_core::Result<Option<(Id3v1, i64)>> {
    let len = src.len();
    let start = len.saturating_sub(V1_SEARCH_LEN as u64);
    let tail = src.read_range(start, V1_SEARCH_LEN)?;
    Ok(find_id3v1_in_tail(&tail))
}

/// What mutagen's `MakeID3v1` takes from a tag's frames.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct V1Values<'a> {
    /// `TIT2`'s first text (mutagen fails with `IndexError` on an empty list).
    pub title: Option<&'a str>,
    /// `TPE1`'s first text.
    pub artist: Option<&'a str>,
    /// `TALB`'s first text.
    pub album: Option<&'a str>,
    /// `str()` of the `TDRC` frame if there is one, else of `TYER` (all its
    /// texts joined with `"\0"`).
    pub year: Option<&'a str>,
    /// The first text of the frame stored under the key `"COMM"` exactly
    /// (frames loaded or added normally have longer keys, so mutagen writes
    /// no comment for them).
    pub comment: Option<&'a str>,
    /// `+TRCK` (the integer before any `/`), if it is an integer; 0 to 255
    /// make a v1.1 tag (0 too: the comment is then cut to 28 bytes).
    pub track: Option<i64>,
    /// The first of `TCON.genres`.
    pub genre: Option<&'a str>,
}

/// `text` in Latin-1 with `?` for other characters, truncated to `len` bytes
/// and written to the start of `out`.
fn put_latin1(out: &mut [u8], text: &str) {
    let bytes = text
        .chars()
        .map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?'));
    for (slot, b) in out.iter_mut().zip(bytes) {
        *slot = b;
    }
}

/// Make a 128-byte ID3v1.1 tag as mutagen's `MakeID3v1`. Fails only with a
/// `UnicodeEncodeError` for a year that is not ASCII.
pub fn make_id3v1(v: &V1Values<'_>) -> Result<[u8; V1_LEN], Id3Error> {
    let mut out = [0u8; V1_LEN];
    out[..3].copy_from_slice(b"TAG");
    if let Some(t) = v.title {
        put_latin1(&mut out[3..33], t);
    }
    if let Some(t) = v.artist {
        put_latin1(&mut out[33..63], t);
    }
    if let Some(t) = v.album {
        put_latin1(&mut out[63..93], t);
    }
    if let Some(year) = v.year {
        if let Some(start) = year.chars().position(|c| !c.is_ascii()) {
            let run = year
                .chars()
                .skip(start)
                .take_while(|c| !c.is_ascii())
                .count();
            return Err(Id3Error::Encode(TextError {
                encoding: "ascii",
                start,
                end: start + run,
                reason: "ordinal not in range(128)",
                decoding: false,
            }));
        }
        for (slot, b) in out[93..97].iter_mut().zip(year.bytes()) {
            *slot = b;
        }
    }
    let track = v
        .track
        .filter(|t| (0..=255).contains(t))
        .and_then(|t| u8::try_from(t).ok());
    let comment_len = if track.is_some() { 28 } else { 30 };
    if let Some(c) = v.comment {
        put_latin1(&mut out[97..97 + comment_len], c);
    }
    if let Some(t) = track {
        out[126] = t;
    }
    out[127] = v.genre.and_then(genre_index).unwrap_or(0xFF);
    Ok(out)
}

/// mutagen's `+TRCK` on a track text: Python's `int()` of the part before
/// the first `/` (surrounding whitespace and a sign allowed, `_` between
/// digits allowed; only ASCII digits are recognised here, where Python also
/// takes other Unicode decimal digits).
pub fn track_number(text: &str) -> Option<i64> {
    let head = text.split('/').next().unwrap_or_default();
    python_int(head)
}

/// Python's `int(s)` for base 10 with ASCII digits.
fn python_int(s: &str) -> Option<i64> {
    let s = s.trim_matches(|c: char| c.is_whitespace() || ('\x1c'..='\x1f').contains(&c));
    let (neg, digits) = match s.as_bytes().first() {
        Some(b'-') => (true, s.get(1..)?),
        Some(b'+') => (false, s.get(1..)?),
        _ => (false, s),
    };
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
        || !digits.bytes().all(|b| b.is_ascii_digit() || b == b'_')
    {
        return None;
    }
    let mut value: i64 = 0;
    for b in digits.bytes().filter(u8::is_ascii_digit) {
        value = value.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
    }
    Some(if neg { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_tag_is_the_first_occurrence() {
        let mut rng = mtg_core::testing::Rng::new(3);
        for _ in 0..5000 {
            // mostly T, A and G, so that near misses ("TA", "TTAG") abound
            let data: Vec<u8> = (0..rng.below(12))
                .map(|_| b"TAGTx\0"[rng.below(6)])
                .collect();
            let naive = data.windows(3).position(|w| w == b"TAG");
            assert_eq!(find_tag(&data), naive, "{data:?}");
        }
    }

    #[test]
    fn text_fields_are_cut_stripped_and_latin1() {
        let t = V1Text::parse(b" \tcaf\xe9 au lait\x0b\0junk").unwrap();
        assert_eq!(t.as_bytes(), b"caf\xe9 au lait");
        assert_eq!(t.text(), "caf\u{e9} au lait");
        assert!(matches!(t.text(), Cow::Owned(_)));
        let ascii = V1Text::parse(b"Harbor\0\0\0").unwrap();
        assert!(matches!(ascii.text(), Cow::Borrowed("Harbor")));
        assert_eq!(ascii.to_string(), "Harbor");
        assert_eq!(format!("{ascii:?}"), "\"Harbor\"");
        assert_eq!(V1Text::parse(b" \r\n\x0c\0abc"), None);
        assert_eq!(V1Text::parse(b""), None);
        let full = [b'x'; 30];
        assert_eq!(V1Text::parse(&full).unwrap().as_bytes(), full.as_slice());
    }

    #[test]
    fn make_empty() {
        let mut empty = [0u8; 128];
        empty[..3].copy_from_slice(b"TAG");
        empty[127] = 0xFF;
        assert_eq!(make_id3v1(&V1Values::default()).unwrap(), empty);
    }

    #[test]
    fn comments_and_tracks() {
        let long = "abcdefghijklmnopqrstuvwxyzABCDEFG";
        let w = make_id3v1(&V1Values {
            comment: Some(long),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(&w[97..127], b"abcdefghijklmnopqrstuvwxyzABCD");
        let w = make_id3v1(&V1Values {
            comment: Some(long),
            track: Some(5),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(&w[97..127], b"abcdefghijklmnopqrstuvwxyzAB\x00\x05");
        let p = parse_id3v1(&w).unwrap();
        assert_eq!(p.comment.unwrap(), "abcdefghijklmnopqrstuvwxyzAB");
        assert_eq!(p.track, Some(5));
        assert_eq!(p.genre, None);
    }

    #[test]
    fn year_must_be_ascii() {
        let e = make_id3v1(&V1Values {
            year: Some("1234\u{e9}"),
            ..Default::default()
        })
        .unwrap_err();
        assert!(matches!(
            e,
            Id3Error::Encode(TextError {
                start: 4,
                end: 5,
                ..
            })
        ));
    }

    #[test]
    fn ints() {
        assert_eq!(track_number("3/11"), Some(3));
        assert_eq!(track_number(" 7"), Some(7));
        assert_eq!(track_number("+5"), Some(5));
        assert_eq!(track_number("-1"), Some(-1));
        assert_eq!(track_number("1_0"), Some(10));
        assert_eq!(track_number("7a"), None);
        assert_eq!(track_number(""), None);
        assert_eq!(track_number("_1"), None);
        assert_eq!(track_number("#7"), None);
    }

    #[test]
    fn find_rules() {
        let tag = make_id3v1(&V1Values {
            title: Some("hello"),
            ..Default::default()
        })
        .unwrap();
        let mut file = vec![b'x'; 10];
        file.extend_from_slice(&tag);
        assert_eq!(find_id3v1_in_tail(&file).unwrap().1, -128);
        assert!(find_id3v1_in_tail(&file[..file.len() - 5]).is_none());
        let mut ape = b"zzAPETAGEX".to_vec();
        ape.extend([b'a'; 123]);
        assert!(find_id3v1_in_tail(&ape).is_none());
        assert_eq!(genre_index("Blues"), Some(0));
        assert_eq!(genre_index("Psybient"), Some(191));
        assert_eq!(genre_index("pop"), None);
    }
}
