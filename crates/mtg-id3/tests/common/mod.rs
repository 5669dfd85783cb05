//! Reading the fixtures written by `tests/gen/gen_fixtures.py`.
#![allow(dead_code)]

use std::path::PathBuf;

/// One record: its name and its `key value` lines in order.
pub struct Case {
    pub name: String,
    pub items: Vec<(String, String)>,
}

impl Case {
    /// The value of the first line with `key`.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.items
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The value of `key`, which must be there.
    pub fn req(&self, key: &str) -> &str {
        self.get(key)
            .unwrap_or_else(|| panic!("{}: no {key}", self.name))
    }

    /// All values of `key`.
    pub fn all(&self, key: &str) -> Vec<&str> {
        self.items
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// `key` as bytes (see [`unhex`]).
    pub fn bytes(&self, key: &str) -> Vec<u8> {
        unhex(self.req(key))
    }

    /// `key` as text: `-` is `None`, else hex of UTF-8.
    pub fn text(&self, key: &str) -> Option<String> {
        let v = self.req(key);
        (v != "-").then(|| String::from_utf8(unhex(v)).expect("utf-8"))
    }

    /// `key` as an integer.
    pub fn int(&self, key: &str) -> i64 {
        self.req(key)
            .parse()
            .unwrap_or_else(|_| panic!("{}: {key} not an integer", self.name))
    }
}

/// Decode hex where `[bb*count]` stands for `count` bytes `bb`.
pub fn unhex(s: &str) -> Vec<u8> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let mut i = 0;
    let nib = |c: u8| (c as char).to_digit(16).expect("hex digit") as u8;
    while i < b.len() {
        if b[i] == b'[' {
            let end = i + s[i..].find(']').expect("]");
            let (byte, count) = s[i + 1..end].split_once('*').expect("*");
            let byte = u8::from_str_radix(byte, 16).unwrap();
            out.extend(std::iter::repeat_n(byte, count.parse().unwrap()));
            i = end + 1;
        } else {
            out.push(nib(b[i]) << 4 | nib(b[i + 1]));
            i += 2;
        }
    }
    out
}

/// The records of fixture file `name` in `tests/data`.
pub fn load(name: &str) -> Vec<Case> {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "tests", "data", name]
        .iter()
        .collect();
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    text.split("\n\n")
        .filter(|r| !r.trim().is_empty())
        .map(|record| {
            let mut lines = record.lines();
            let name = lines
                .next()
                .and_then(|l| l.strip_prefix("case "))
                .expect("case line")
                .to_string();
            let items = lines
                .map(|l| match l.split_once(' ') {
                    Some((k, v)) => (k.to_string(), v.to_string()),
                    None => (l.to_string(), String::new()),
                })
                .collect();
            Case { name, items }
        })
        .collect()
}
