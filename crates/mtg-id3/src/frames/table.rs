//! The frames of ID3v2.3/2.4 and ID3v2.2 that mutagen 1.48.1 knows, in
//! mutagen's order (`Frames` and `Frames_2_2`), with their fields.
//!
//! Each frame is a `static` named after its ID; [`V24_FRAMES`] and
//! [`V22_FRAMES`] list them, [`frame_v24`] and [`frame_v22`] find one.

use super::{FrameClass, FrameDef};
use crate::spec::DefaultValue::{Bytes, EmptyList, Int, IntList, Text};
use crate::spec::FieldDef as F;
use crate::spec::FieldKind as K;

// ---------------------------------------------------------------- fields

const ENCODING: F = F::new("encoding", K::Encoding, Int(1));
const LANG: F = F::new("lang", K::String(3), Text("XXX"));
const DESC: F = F::new("desc", K::EncodedText, Text(""));
const LATIN1_DESC: F = F::new("desc", K::Latin1Text, Text(""));
const OWNER: F = F::new("owner", K::Latin1Text, Text(""));
const DATA: F = F::new("data", K::BinaryData, Bytes(b""));
const URL: F = F::new("url", K::Latin1Text, Text(""));
const MIME: F = F::new("mime", K::Latin1Text, Text(""));
const ELEMENT_ID: F = F::new("element_id", K::Latin1Text, Text(""));
const SUB_FRAMES: F = F::new("sub_frames", K::Id3Frames, EmptyList);

const TEXT_PART: [F; 1] = [F::new("text", K::EncodedText, Text(""))];
const NUMERIC_PART: [F; 1] = [F::new("text", K::EncodedNumericText, Text(""))];
const NUMERIC_PART_PART: [F; 1] = [F::new("text", K::EncodedNumericPartText, Text(""))];
const STAMP_PART: [F; 1] = [F::new("stamp", K::TimeStamp, Text(""))];
const PEOPLE_PARTS: [F; 2] = [
    F::new("involvement", K::EncodedText, Text("")),
    F::new("person", K::EncodedText, Text("")),
];

const TEXT_LIST: F = F::new(
    "text",
    K::Multi {
        parts: &TEXT_PART,
        sep: Some('\0'),
    },
    EmptyList,
);
const NUMERIC_LIST: F = F::new(
    "text",
    K::Multi {
        parts: &NUMERIC_PART,
        sep: Some('\0'),
    },
    EmptyList,
);
const NUMERIC_PART_LIST: F = F::new(
    "text",
    K::Multi {
        parts: &NUMERIC_PART_PART,
        sep: Some('\0'),
    },
    EmptyList,
);
const STAMP_LIST: F = F::new(
    "text",
    K::Multi {
        parts: &STAMP_PART,
        sep: Some(','),
    },
    EmptyList,
);
const PEOPLE_LIST: F = F::new(
    "people",
    K::Multi {
        parts: &PEOPLE_PARTS,
        sep: None,
    },
    EmptyList,
);

const fn byte(name: &'static str, default: i64) -> F {
    F::new(name, K::Byte, Int(default))
}

const fn sized(name: &'static str, size: u8, default: i64) -> F {
    F::new(name, K::SizedInteger(size), Int(default))
}

// ------------------------------------------------------------ field lists

/// Fields of `TextFrame` and the text frames.
pub const TEXT_FIELDS: &[F] = &[ENCODING, TEXT_LIST];
/// Fields of `NumericTextFrame` and its frames.
pub const NUMERIC_TEXT: &[F] = &[ENCODING, NUMERIC_LIST];
/// Fields of `NumericPartTextFrame` and its frames.
pub const NUMERIC_PART_TEXT: &[F] = &[ENCODING, NUMERIC_PART_LIST];
/// Fields of `TimeStampTextFrame` and its frames.
pub const TIME_STAMP_TEXT: &[F] = &[ENCODING, STAMP_LIST];
/// Fields of `UrlFrame` and the URL frames.
pub const URL_ONLY: &[F] = &[URL];
/// Fields of `PairedTextFrame` and its frames.
pub const PAIRED_TEXT: &[F] = &[ENCODING, PEOPLE_LIST];
/// Fields of `BinaryFrame` and its frames.
pub const BINARY: &[F] = &[DATA];

const NONE: &[F] = &[];

const CHAP_FIELDS: &[F] = &[
    ELEMENT_ID,
    sized("start_time", 4, 0),
    sized("end_time", 4, 0),
    sized("start_offset", 4, 0xFFFF_FFFF),
    sized("end_offset", 4, 0xFFFF_FFFF),
    SUB_FRAMES,
];
const CTOC_FIELDS: &[F] = &[
    ELEMENT_ID,
    F::new("flags", K::CtocFlags, Int(0)),
    F::new("child_element_ids", K::Latin1TextList, EmptyList),
    SUB_FRAMES,
];
const TXXX_FIELDS: &[F] = &[ENCODING, DESC, TEXT_LIST];
const WXXX_FIELDS: &[F] = &[ENCODING, DESC, URL];
const ETCO_FIELDS: &[F] = &[byte("format", 1), F::new("events", K::KeyEvent, EmptyList)];
const MLLT_FIELDS: &[F] = &[
    sized("frames", 2, 0),
    sized("bytes", 3, 0),
    sized("milliseconds", 3, 0),
    byte("bits_for_bytes", 0),
    byte("bits_for_milliseconds", 0),
    DATA,
];
const SYTC_FIELDS: &[F] = &[byte("format", 1), DATA];
const USLT_FIELDS: &[F] = &[
    ENCODING,
    LANG,
    DESC,
    F::new("text", K::EncodedText, Text("")),
];
const SYLT_FIELDS: &[F] = &[
    ENCODING,
    LANG,
    byte("format", 1),
    byte("type", 0),
    DESC,
    F::new("text", K::SynchronizedText, Text("")),
];
const COMM_FIELDS: &[F] = &[ENCODING, LANG, DESC, TEXT_LIST];
const RVA2_FIELDS: &[F] = &[
    LATIN1_DESC,
    F::new("channel", K::Channel, Int(1)),
    F::new("gain", K::VolumeAdjustment, Int(1)),
    F::new("peak", K::VolumePeak, Int(1)),
];
const EQU2_FIELDS: &[F] = &[
    byte("method", 0),
    LATIN1_DESC,
    F::new("adjustments", K::VolumeAdjustments, EmptyList),
];
const RVAD_FIELDS: &[F] = &[F::new(
    "adjustments",
    K::Rva { stereo_only: false },
    IntList(&[0, 0]),
)];
const RVRB_FIELDS: &[F] = &[
    sized("left", 2, 0),
    sized("right", 2, 0),
    byte("bounce_left", 0),
    byte("bounce_right", 0),
    byte("feedback_ltl", 0),
    byte("feedback_ltr", 0),
    byte("feedback_rtr", 0),
    byte("feedback_rtl", 0),
    byte("premix_ltr", 0),
    byte("premix_rtl", 0),
];
const APIC_FIELDS: &[F] = &[
    ENCODING,
    MIME,
    F::new("type", K::PictureType, Int(3)),
    DESC,
    DATA,
];
const PCNT_FIELDS: &[F] = &[F::new("count", K::Integer, Int(0))];
const PCST_FIELDS: &[F] = &[F::new("value", K::Integer, Int(0))];
const POPM_FIELDS: &[F] = &[F::new("email", K::Latin1Text, Text("")), byte("rating", 0)];
const POPM_OPTIONAL: &[F] = &[F::new("count", K::Integer, Int(0))];
const GEOB_FIELDS: &[F] = &[
    ENCODING,
    MIME,
    F::new("filename", K::EncodedText, Text("")),
    DESC,
    DATA,
];
const RBUF_FIELDS: &[F] = &[sized("size", 3, 0)];
const RBUF_OPTIONAL: &[F] = &[byte("info", 0), sized("offset", 4, 0)];
const AENC_FIELDS: &[F] = &[
    OWNER,
    sized("preview_start", 2, 0),
    sized("preview_length", 2, 0),
    DATA,
];
const LINK_FIELDS: &[F] = &[F::new("frameid", K::FrameId(4), Text("XXXX")), URL, DATA];
const POSS_FIELDS: &[F] = &[byte("format", 1), F::new("position", K::Integer, Int(0))];
const UFID_FIELDS: &[F] = &[OWNER, DATA];
const USER_FIELDS: &[F] = &[ENCODING, LANG, F::new("text", K::EncodedText, Text(""))];
const OWNE_FIELDS: &[F] = &[
    ENCODING,
    F::new("price", K::Latin1Text, Text("")),
    F::new("date", K::String(8), Text("19700101")),
    F::new("seller", K::EncodedText, Text("")),
];
const COMR_FIELDS: &[F] = &[
    ENCODING,
    F::new("price", K::Latin1Text, Text("")),
    F::new("valid_until", K::String(8), Text("19700101")),
    F::new("contact", K::Latin1Text, Text("")),
    byte("format", 0),
    F::new("seller", K::EncodedText, Text("")),
    DESC,
];
const COMR_OPTIONAL: &[F] = &[MIME, F::new("logo", K::BinaryData, Bytes(b""))];
const ENCR_FIELDS: &[F] = &[OWNER, byte("method", 0x80), DATA];
const GRID_FIELDS: &[F] = &[OWNER, byte("group", 0x80), DATA];
const PRIV_FIELDS: &[F] = &[OWNER, DATA];
const SIGN_FIELDS: &[F] = &[
    byte("group", 0x80),
    F::new("sig", K::BinaryData, Bytes(b"")),
];
const SEEK_FIELDS: &[F] = &[F::new("offset", K::Integer, Int(0))];
const ASPI_FIELDS: &[F] = &[
    sized("S", 4, 0),
    sized("L", 4, 0),
    sized("N", 2, 0),
    byte("b", 0),
    F::new("Fi", K::AspiIndex, EmptyList),
];
const RVA_FIELDS: &[F] = &[F::new(
    "adjustments",
    K::Rva { stereo_only: true },
    IntList(&[0, 0]),
)];
const PIC_FIELDS: &[F] = &[
    ENCODING,
    F::new("mime", K::String(3), Text("JPG")),
    F::new("type", K::PictureType, Int(3)),
    DESC,
    DATA,
];
const CRM_FIELDS: &[F] = &[OWNER, LATIN1_DESC, DATA];
const LNK_FIELDS: &[F] = &[F::new("frameid", K::FrameId(3), Text("XXX")), URL, DATA];

// ----------------------------------------------------------------- tables

macro_rules! frame_table {
    (@upgrade v24 $parent:ident) => { None };
    (@upgrade v22 Frame) => { None };
    (@upgrade v22 $parent:ident) => { Some(stringify!($parent)) };
    (
        $(#[$table_doc:meta])* $table:ident,
        $(#[$lookup_doc:meta])* $lookup:ident,
        $upgrade:tt:
        $( $id:ident: $parent:ident, $class:ident, $fields:expr, $optional:expr, $doc:literal; )*
    ) => {
        $(
            #[doc = $doc]
            pub static $id: FrameDef = FrameDef {
                id: stringify!($id),
                parent: stringify!($parent),
                class: FrameClass::$class,
                doc: $doc,
                fields: $fields,
                optional: $optional,
                upgrade: frame_table!(@upgrade $upgrade $parent),
            };
        )*

        $(#[$table_doc])*
        pub static $table: &[&FrameDef] = &[ $( &$id ),* ];

        $(#[$lookup_doc])*
        pub fn $lookup(id: &str) -> Option<&'static FrameDef> {
            static IDS: crate::id_table::IdTable =
                crate::id_table::IdTable::build(&[ $( stringify!($id) ),* ]);
            IDS.find(id.as_bytes()).and_then(|i| $table.get(i).copied())
        }
    };
}

frame_table! {
    /// The ID3v2.3/2.4 frames, in the order of mutagen's `Frames`.
    V24_FRAMES,
    /// The ID3v2.3/2.4 frame with this ID.
    frame_v24,
    v24:
    CHAP: Frame, Frame, CHAP_FIELDS, NONE, "Chapter: a time range of the audio, with frames of its own.";
    CTOC: Frame, Frame, CTOC_FIELDS, NONE, "Table of contents: an ordered list of chapters or sub-tables.";
    TALB: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Album or collection title.";
    TBPM: NumericTextFrame, NumericTextFrame, NUMERIC_TEXT, NONE, "Tempo in beats per minute.";
    TCOM: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Composer.";
    TCON: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Genre (content type); may hold ID3v1 genre numbers.";
    TCOP: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Copyright message.";
    TCMP: NumericTextFrame, NumericTextFrame, NUMERIC_TEXT, NONE, "Part of a compilation (iTunes flag, 1 or 0).";
    TDAT: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Recording date as DDMM (ID3v2.3).";
    TDEN: TimeStampTextFrame, TimeStampTextFrame, TIME_STAMP_TEXT, NONE, "Time the audio was encoded.";
    TDES: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Podcast description (iTunes).";
    TKWD: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Podcast keywords (iTunes).";
    TCAT: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Podcast category (iTunes).";
    MVNM: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Movement name (iTunes).";
    MVIN: NumericPartTextFrame, NumericPartTextFrame, NUMERIC_PART_TEXT, NONE, "Movement number and count, as N/M (iTunes).";
    GRP1: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Grouping (iTunes).";
    TDOR: TimeStampTextFrame, TimeStampTextFrame, TIME_STAMP_TEXT, NONE, "Original release time.";
    TDLY: NumericTextFrame, NumericTextFrame, NUMERIC_TEXT, NONE, "Playlist delay in milliseconds.";
    TDRC: TimeStampTextFrame, TimeStampTextFrame, TIME_STAMP_TEXT, NONE, "Recording time.";
    TDRL: TimeStampTextFrame, TimeStampTextFrame, TIME_STAMP_TEXT, NONE, "Release time.";
    TDTG: TimeStampTextFrame, TimeStampTextFrame, TIME_STAMP_TEXT, NONE, "Time the tag was written.";
    TENC: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Who or what encoded the audio.";
    TEXT: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Lyricist or text writer.";
    TFLT: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Audio file type.";
    TGID: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Podcast identifier (iTunes).";
    TIME: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Recording time as HHMM (ID3v2.3).";
    TIT1: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Content group description.";
    TIT2: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Title.";
    TIT3: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Subtitle or description refinement.";
    TKEY: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Initial musical key.";
    TLAN: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Languages of the audio.";
    TLEN: NumericTextFrame, NumericTextFrame, NUMERIC_TEXT, NONE, "Length of the audio in milliseconds.";
    TMED: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Media type the audio came from.";
    TMOO: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Mood.";
    TOAL: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Original album title.";
    TOFN: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Original file name.";
    TOLY: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Original lyricist.";
    TOPE: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Original artist or performer.";
    TORY: NumericTextFrame, NumericTextFrame, NUMERIC_TEXT, NONE, "Original release year (ID3v2.3).";
    TOWN: TextFrame, TextFrame, TEXT_FIELDS, NONE, "File owner or licensee.";
    TPE1: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Lead artist, performer or group.";
    TPE2: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Band, orchestra or accompaniment (often: album artist).";
    TPE3: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Conductor.";
    TPE4: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Remixer, interpreter or modifier.";
    TPOS: NumericPartTextFrame, NumericPartTextFrame, NUMERIC_PART_TEXT, NONE, "Part of a set (disc number), as N/M.";
    TPRO: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Production copyright notice.";
    TPUB: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Publisher.";
    TRCK: NumericPartTextFrame, NumericPartTextFrame, NUMERIC_PART_TEXT, NONE, "Track number, as N/M.";
    TRDA: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Recording dates (ID3v2.3).";
    TRSN: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Internet radio station name.";
    TRSO: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Internet radio station owner.";
    TSIZ: NumericTextFrame, NumericTextFrame, NUMERIC_TEXT, NONE, "Size of the audio data in bytes (ID3v2.3).";
    TSO2: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Album artist sort key (iTunes).";
    TSOA: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Album sort key.";
    TSOC: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Composer sort key (iTunes).";
    TSOP: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Performer sort key.";
    TSOT: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Title sort key.";
    TSRC: TextFrame, TextFrame, TEXT_FIELDS, NONE, "International Standard Recording Code.";
    TSSE: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Software and settings used for encoding.";
    TSST: TextFrame, TextFrame, TEXT_FIELDS, NONE, "Title of the set (disc) this track belongs to.";
    TYER: NumericTextFrame, NumericTextFrame, NUMERIC_TEXT, NONE, "Recording year (ID3v2.3).";
    TXXX: TextFrame, TextFrame, TXXX_FIELDS, NONE, "User-defined text, told apart by its description.";
    WCOM: UrlFrameU, UrlFrameU, URL_ONLY, NONE, "Commercial information URL (may repeat).";
    WCOP: UrlFrame, UrlFrame, URL_ONLY, NONE, "Copyright or legal information URL.";
    WFED: UrlFrame, UrlFrame, URL_ONLY, NONE, "Podcast feed URL (iTunes).";
    WOAF: UrlFrame, UrlFrame, URL_ONLY, NONE, "Official audio file web page.";
    WOAR: UrlFrameU, UrlFrameU, URL_ONLY, NONE, "Official artist or performer web page (may repeat).";
    WOAS: UrlFrame, UrlFrame, URL_ONLY, NONE, "Official audio source web page.";
    WORS: UrlFrame, UrlFrame, URL_ONLY, NONE, "Official internet radio station home page.";
    WPAY: UrlFrame, UrlFrame, URL_ONLY, NONE, "Payment URL.";
    WPUB: UrlFrame, UrlFrame, URL_ONLY, NONE, "Official publisher web page.";
    WXXX: UrlFrame, UrlFrame, WXXX_FIELDS, NONE, "User-defined URL, told apart by its description.";
    TIPL: PairedTextFrame, PairedTextFrame, PAIRED_TEXT, NONE, "Involved people: (involvement, person) pairs.";
    TMCL: PairedTextFrame, PairedTextFrame, PAIRED_TEXT, NONE, "Musician credits: (instrument, musician) pairs.";
    IPLS: TIPL, PairedTextFrame, PAIRED_TEXT, NONE, "Involved people list (ID3v2.3).";
    MCDI: BinaryFrame, BinaryFrame, BINARY, NONE, "Music CD identifier: the CD's table of contents.";
    ETCO: Frame, Frame, ETCO_FIELDS, NONE, "Event timing codes: (event type, time) pairs.";
    MLLT: Frame, Frame, MLLT_FIELDS, NONE, "MPEG location lookup table (raw deviation data).";
    SYTC: Frame, Frame, SYTC_FIELDS, NONE, "Synchronised tempo codes (raw data).";
    USLT: Frame, Frame, USLT_FIELDS, NONE, "Unsynchronised lyrics or text, with language and description.";
    SYLT: Frame, Frame, SYLT_FIELDS, NONE, "Synchronised lyrics or text: (text, time) pairs.";
    COMM: TextFrame, TextFrame, COMM_FIELDS, NONE, "Comment, with language and description.";
    RVA2: Frame, Frame, RVA2_FIELDS, NONE, "Relative volume adjustment of one channel (ID3v2.4).";
    EQU2: Frame, Frame, EQU2_FIELDS, NONE, "Equalisation: (frequency, adjustment) pairs (ID3v2.4).";
    RVAD: Frame, Frame, RVAD_FIELDS, NONE, "Relative volume adjustment (ID3v2.3).";
    RVRB: Frame, Frame, RVRB_FIELDS, NONE, "Reverb settings.";
    APIC: Frame, Frame, APIC_FIELDS, NONE, "Attached picture: MIME type, picture type, description, image data.";
    PCNT: Frame, Frame, PCNT_FIELDS, NONE, "Play counter.";
    PCST: Frame, Frame, PCST_FIELDS, NONE, "Podcast flag (iTunes).";
    POPM: Frame, Frame, POPM_FIELDS, POPM_OPTIONAL, "Popularimeter: a rating and optional play count per e-mail address.";
    GEOB: Frame, Frame, GEOB_FIELDS, NONE, "General encapsulated object: a file with MIME type, name and description.";
    RBUF: Frame, Frame, RBUF_FIELDS, RBUF_OPTIONAL, "Recommended buffer size.";
    AENC: Frame, Frame, AENC_FIELDS, NONE, "Audio encryption: owner and preview range.";
    LINK: Frame, Frame, LINK_FIELDS, NONE, "Linked information: a frame kept at another URL.";
    POSS: Frame, Frame, POSS_FIELDS, NONE, "Position synchronisation.";
    UFID: Frame, Frame, UFID_FIELDS, NONE, "Unique file identifier within an owner's database.";
    USER: Frame, Frame, USER_FIELDS, NONE, "Terms of use, with language.";
    OWNE: Frame, Frame, OWNE_FIELDS, NONE, "Ownership: price paid, date of purchase, seller.";
    COMR: Frame, Frame, COMR_FIELDS, COMR_OPTIONAL, "Commercial frame: an offer to buy, with optional seller logo.";
    ENCR: Frame, Frame, ENCR_FIELDS, NONE, "Encryption method registration.";
    GRID: Frame, Frame, GRID_FIELDS, NONE, "Group identification registration.";
    PRIV: Frame, Frame, PRIV_FIELDS, NONE, "Private data of an owner.";
    SIGN: Frame, Frame, SIGN_FIELDS, NONE, "Signature of a group of frames.";
    SEEK: Frame, Frame, SEEK_FIELDS, NONE, "Offset to the next tag (not followed by mutagen).";
    ASPI: Frame, Frame, ASPI_FIELDS, NONE, "Audio seek point index.";
}

frame_table! {
    /// The ID3v2.2 frames, in the order of mutagen's `Frames_2_2`.
    V22_FRAMES,
    /// The ID3v2.2 frame with this (three-character) ID.
    frame_v22,
    v22:
    MVN: MVNM, TextFrame, TEXT_FIELDS, NONE, "Movement name (iTunes, ID3v2.2).";
    MVI: MVIN, NumericPartTextFrame, NUMERIC_PART_TEXT, NONE, "Movement number and count (iTunes, ID3v2.2).";
    GP1: GRP1, TextFrame, TEXT_FIELDS, NONE, "Grouping (iTunes, ID3v2.2).";
    UFI: UFID, Frame, UFID_FIELDS, NONE, "Unique file identifier (ID3v2.2).";
    TT1: TIT1, TextFrame, TEXT_FIELDS, NONE, "Content group description (ID3v2.2).";
    TT2: TIT2, TextFrame, TEXT_FIELDS, NONE, "Title (ID3v2.2).";
    TT3: TIT3, TextFrame, TEXT_FIELDS, NONE, "Subtitle (ID3v2.2).";
    TP1: TPE1, TextFrame, TEXT_FIELDS, NONE, "Lead artist (ID3v2.2).";
    TP2: TPE2, TextFrame, TEXT_FIELDS, NONE, "Band or accompaniment (ID3v2.2).";
    TP3: TPE3, TextFrame, TEXT_FIELDS, NONE, "Conductor (ID3v2.2).";
    TP4: TPE4, TextFrame, TEXT_FIELDS, NONE, "Remixer or modifier (ID3v2.2).";
    TCM: TCOM, TextFrame, TEXT_FIELDS, NONE, "Composer (ID3v2.2).";
    TXT: TEXT, TextFrame, TEXT_FIELDS, NONE, "Lyricist (ID3v2.2).";
    TLA: TLAN, TextFrame, TEXT_FIELDS, NONE, "Languages (ID3v2.2).";
    TCO: TCON, TextFrame, TEXT_FIELDS, NONE, "Genre (ID3v2.2).";
    TAL: TALB, TextFrame, TEXT_FIELDS, NONE, "Album (ID3v2.2).";
    TPA: TPOS, NumericPartTextFrame, NUMERIC_PART_TEXT, NONE, "Part of a set (ID3v2.2).";
    TRK: TRCK, NumericPartTextFrame, NUMERIC_PART_TEXT, NONE, "Track number (ID3v2.2).";
    TRC: TSRC, TextFrame, TEXT_FIELDS, NONE, "ISRC (ID3v2.2).";
    TYE: TYER, NumericTextFrame, NUMERIC_TEXT, NONE, "Recording year (ID3v2.2).";
    TDA: TDAT, TextFrame, TEXT_FIELDS, NONE, "Recording date as DDMM (ID3v2.2).";
    TIM: TIME, TextFrame, TEXT_FIELDS, NONE, "Recording time as HHMM (ID3v2.2).";
    TRD: TRDA, TextFrame, TEXT_FIELDS, NONE, "Recording dates (ID3v2.2).";
    TMT: TMED, TextFrame, TEXT_FIELDS, NONE, "Media type (ID3v2.2).";
    TFT: TFLT, TextFrame, TEXT_FIELDS, NONE, "File type (ID3v2.2).";
    TBP: TBPM, NumericTextFrame, NUMERIC_TEXT, NONE, "Beats per minute (ID3v2.2).";
    TCP: TCMP, NumericTextFrame, NUMERIC_TEXT, NONE, "Compilation flag (iTunes, ID3v2.2).";
    TCR: TCOP, TextFrame, TEXT_FIELDS, NONE, "Copyright message (ID3v2.2).";
    TPB: TPUB, TextFrame, TEXT_FIELDS, NONE, "Publisher (ID3v2.2).";
    TEN: TENC, TextFrame, TEXT_FIELDS, NONE, "Encoded by (ID3v2.2).";
    TST: TSOT, TextFrame, TEXT_FIELDS, NONE, "Title sort key (ID3v2.2).";
    TSA: TSOA, TextFrame, TEXT_FIELDS, NONE, "Album sort key (ID3v2.2).";
    TS2: TSO2, TextFrame, TEXT_FIELDS, NONE, "Album artist sort key (iTunes, ID3v2.2).";
    TSP: TSOP, TextFrame, TEXT_FIELDS, NONE, "Performer sort key (ID3v2.2).";
    TSC: TSOC, TextFrame, TEXT_FIELDS, NONE, "Composer sort key (iTunes, ID3v2.2).";
    TSS: TSSE, TextFrame, TEXT_FIELDS, NONE, "Encoder settings (ID3v2.2).";
    TOF: TOFN, TextFrame, TEXT_FIELDS, NONE, "Original file name (ID3v2.2).";
    TLE: TLEN, NumericTextFrame, NUMERIC_TEXT, NONE, "Length in milliseconds (ID3v2.2).";
    TSI: TSIZ, NumericTextFrame, NUMERIC_TEXT, NONE, "Audio size in bytes (ID3v2.2).";
    TDY: TDLY, NumericTextFrame, NUMERIC_TEXT, NONE, "Playlist delay (ID3v2.2).";
    TKE: TKEY, TextFrame, TEXT_FIELDS, NONE, "Initial key (ID3v2.2).";
    TOT: TOAL, TextFrame, TEXT_FIELDS, NONE, "Original album (ID3v2.2).";
    TOA: TOPE, TextFrame, TEXT_FIELDS, NONE, "Original artist (ID3v2.2).";
    TOL: TOLY, TextFrame, TEXT_FIELDS, NONE, "Original lyricist (ID3v2.2).";
    TOR: TORY, NumericTextFrame, NUMERIC_TEXT, NONE, "Original release year (ID3v2.2).";
    TXX: TXXX, TextFrame, TXXX_FIELDS, NONE, "User-defined text (ID3v2.2).";
    WAF: WOAF, UrlFrame, URL_ONLY, NONE, "Official audio file web page (ID3v2.2).";
    WAR: WOAR, UrlFrameU, URL_ONLY, NONE, "Official artist web page (ID3v2.2).";
    WAS: WOAS, UrlFrame, URL_ONLY, NONE, "Official audio source web page (ID3v2.2).";
    WCM: WCOM, UrlFrameU, URL_ONLY, NONE, "Commercial information URL (ID3v2.2).";
    WCP: WCOP, UrlFrame, URL_ONLY, NONE, "Copyright information URL (ID3v2.2).";
    WPB: WPUB, UrlFrame, URL_ONLY, NONE, "Publisher web page (ID3v2.2).";
    WXX: WXXX, UrlFrame, WXXX_FIELDS, NONE, "User-defined URL (ID3v2.2).";
    IPL: IPLS, PairedTextFrame, PAIRED_TEXT, NONE, "Involved people list (ID3v2.2).";
    MCI: MCDI, BinaryFrame, BINARY, NONE, "Music CD identifier (ID3v2.2).";
    ETC: ETCO, Frame, ETCO_FIELDS, NONE, "Event timing codes (ID3v2.2).";
    MLL: MLLT, Frame, MLLT_FIELDS, NONE, "MPEG location lookup table (ID3v2.2).";
    STC: SYTC, Frame, SYTC_FIELDS, NONE, "Synchronised tempo codes (ID3v2.2).";
    ULT: USLT, Frame, USLT_FIELDS, NONE, "Unsynchronised lyrics (ID3v2.2).";
    SLT: SYLT, Frame, SYLT_FIELDS, NONE, "Synchronised lyrics (ID3v2.2).";
    COM: COMM, TextFrame, COMM_FIELDS, NONE, "Comment (ID3v2.2).";
    RVA: RVAD, Frame, RVA_FIELDS, NONE, "Relative volume adjustment, stereo only (ID3v2.2).";
    REV: RVRB, Frame, RVRB_FIELDS, NONE, "Reverb (ID3v2.2).";
    PIC: APIC, Frame, PIC_FIELDS, NONE, "Attached picture with a three-letter image format (ID3v2.2).";
    GEO: GEOB, Frame, GEOB_FIELDS, NONE, "General encapsulated object (ID3v2.2).";
    CNT: PCNT, Frame, PCNT_FIELDS, NONE, "Play counter (ID3v2.2).";
    POP: POPM, Frame, POPM_FIELDS, POPM_OPTIONAL, "Popularimeter (ID3v2.2).";
    BUF: RBUF, Frame, RBUF_FIELDS, RBUF_OPTIONAL, "Recommended buffer size (ID3v2.2).";
    CRM: Frame, Frame, CRM_FIELDS, NONE, "Encrypted meta frame (ID3v2.2; mutagen reads but never keeps it).";
    CRA: AENC, Frame, AENC_FIELDS, NONE, "Audio encryption (ID3v2.2).";
    LNK: LINK, Frame, LNK_FIELDS, NONE, "Linked information (ID3v2.2).";
}
