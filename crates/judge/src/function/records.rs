//! The function-mode wire format from harness to host. The harness keeps the process's real
//! stdout for itself (user prints go to a per-test capture) and writes one record per test:
//!
//! ```text
//! @@<nonce> <index> <status> <cpu_ns>\n
//! <byte length> <payload>\n        status ok: the return value as JSON; status error: the
//!                                  exception as "Type: message"
//! <byte length> <captured stdout>\n
//! ```
//! Records are read strictly: anything else is user output that escaped capture and is kept
//! as the run's stray output. The nonce makes accidental look-alikes impossible; verdicts never
//! depend on it alone, because the harness never sees expected answers — those stay on the host.

use serde_json::Value;

#[derive(Debug, Clone, PartialEq)]
pub enum Returned {
    Value(Value),
    /// The function raised: exception type and message.
    Raised(String),
    /// The harness could not encode the return value (wrong type, NaN where not allowed ...).
    BadValue(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub index: usize,
    pub returned: Returned,
    pub cpu_ns: u64,
    /// What the function printed while it ran.
    pub printed: Vec<u8>,
}

/// Records in order, plus any bytes that were not part of a record.
#[derive(Debug, Default, PartialEq)]
pub struct Decoded {
    pub records: Vec<Record>,
    pub stray: Vec<u8>,
}

fn take_line<'a>(bytes: &'a [u8], at: &mut usize) -> Option<&'a [u8]> {
    let rest = bytes.get(*at..)?;
    let end = rest.iter().position(|b| *b == b'\n')?;
    *at += end + 1;
    Some(&rest[..end])
}

/// `<len> <bytes>\n` starting at `at`.
fn take_sized<'a>(bytes: &'a [u8], at: &mut usize) -> Option<&'a [u8]> {
    let rest = bytes.get(*at..)?;
    let space = rest.iter().take(12).position(|b| *b == b' ')?;
    let len: usize = std::str::from_utf8(&rest[..space]).ok()?.parse().ok()?;
    let body = rest.get(space + 1..space + 1 + len)?;
    if rest.get(space + 1 + len) != Some(&b'\n') {
        return None;
    }
    *at += space + 2 + len;
    Some(body)
}

fn parse_record(bytes: &[u8], at: &mut usize, nonce: &str) -> Option<Record> {
    let mut cursor = *at;
    let header = std::str::from_utf8(take_line(bytes, &mut cursor)?).ok()?;
    let mut fields = header.strip_prefix("@@")?.split(' ');
    if fields.next()? != nonce {
        return None;
    }
    let index = fields.next()?.parse().ok()?;
    let status = fields.next()?;
    let cpu_ns = fields.next()?.parse().ok()?;
    if fields.next().is_some() {
        return None;
    }
    let payload = take_sized(bytes, &mut cursor)?;
    let printed = take_sized(bytes, &mut cursor)?.to_vec();
    let text = String::from_utf8_lossy(payload).into_owned();
    let returned = match status {
        "ok" => match serde_json::from_str(&text) {
            Ok(value) => Returned::Value(value),
            Err(_) => Returned::BadValue(text),
        },
        "error" => Returned::Raised(text),
        "bad" => Returned::BadValue(text),
        _ => return None,
    };
    *at = cursor;
    Some(Record {
        index,
        returned,
        cpu_ns,
        printed,
    })
}

/// Splits a harness's stdout into records and stray bytes.
pub fn decode(bytes: &[u8], nonce: &str) -> Decoded {
    decode_with_end(bytes, nonce).0
}

/// The complete records at the start of `bytes` (output still growing) and where the last of
/// them ends. Decoding again from that offset, once more output came, finds the records that
/// `decode` of the whole output finds after these: a record is parsed from its own bytes only,
/// and a record cut off at the end of `bytes` is not returned.
pub(crate) fn decode_complete(bytes: &[u8], nonce: &str) -> (Vec<Record>, usize) {
    let (decoded, end) = decode_with_end(bytes, nonce);
    (decoded.records, end)
}

fn decode_with_end(bytes: &[u8], nonce: &str) -> (Decoded, usize) {
    // A record may follow user bytes on the same line (a raw write without a newline), so the
    // header is looked for anywhere; with a random nonce it cannot appear by accident.
    let header = format!("@@{nonce} ");
    let find = |from: usize| {
        bytes
            .get(from..)
            .and_then(|rest| {
                rest.windows(header.len())
                    .position(|w| w == header.as_bytes())
            })
            .map(|p| from + p)
    };
    let mut decoded = Decoded::default();
    let mut at = 0;
    let mut end = 0;
    while at < bytes.len() {
        let start = find(at).unwrap_or(bytes.len());
        decoded.stray.extend_from_slice(&bytes[at..start]);
        at = start;
        if at >= bytes.len() {
            break;
        }
        if let Some(record) = parse_record(bytes, &mut at, nonce) {
            decoded.records.push(record);
            end = at;
        } else {
            // A header without a well-formed record (cut off, or forged): stray up to the next.
            let next = find(at + 1).unwrap_or(bytes.len());
            decoded.stray.extend_from_slice(&bytes[at..next]);
            at = next;
        }
    }
    (decoded, end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn decodes_records_and_keeps_stray_bytes() {
        let out = b"@@n1 0 ok 1500\n5 [1,2]\n3 hi\n\nstray text\n@@n1 1 error 20\n15 ValueError: bad\n0 \n@@forged 2 ok 1\n1 1\n0 \n";
        let decoded = decode(out, "n1");
        assert_eq!(decoded.records.len(), 2);
        assert_eq!(decoded.records[0].returned, Returned::Value(json!([1, 2])));
        assert_eq!(decoded.records[0].printed, b"hi\n");
        assert_eq!(decoded.records[0].cpu_ns, 1500);
        assert_eq!(
            decoded.records[1].returned,
            Returned::Raised("ValueError: bad".into())
        );
        let stray = String::from_utf8_lossy(&decoded.stray);
        assert!(
            stray.contains("stray text") && stray.contains("@@forged"),
            "{stray}"
        );
    }

    #[test]
    fn a_record_after_unterminated_user_bytes_is_found() {
        let decoded = decode(b"x@@n 0 ok 7\n1 3\n0 \n", "n");
        assert_eq!(decoded.records.len(), 1);
        assert_eq!(decoded.stray, b"x");
    }

    #[test]
    fn records_decoded_piece_by_piece_match_the_whole() {
        let out: &[u8] =
            b"x@@n 0 ok 7\n1 3\n0 \nnoise@@n 1 error 9\n4 oops\n2 hi\n@@n 2 ok 1\n2 [1\n";
        let whole = decode(out, "n").records;
        for cut in 0..=out.len() {
            let (first, end) = decode_complete(&out[..cut], "n");
            let (rest, _) = decode_complete(&out[end..], "n");
            let all: Vec<Record> = first.into_iter().chain(rest).collect();
            assert_eq!(all, whole, "cut at {cut}");
        }
        assert_eq!(whole.len(), 2);
    }

    #[test]
    fn a_truncated_record_is_stray() {
        let decoded = decode(b"@@n 0 ok 1\n10 [1,", "n");
        assert!(decoded.records.is_empty());
        assert_eq!(decoded.stray, b"@@n 0 ok 1\n10 [1,");
    }
}
