//! Durations (`500ms`, `2s`, `1.5s`) and sizes (`64KiB`, `256MiB`, `1GiB`, `1048576`) as the
//! command line writes them. Parsing is exact (no floating point) and rejects overflow.

use std::time::Duration;

/// A duration with a unit: `ms` or `s`; a fraction is allowed (`1.5s`) when it comes out as whole
/// milliseconds.
pub fn parse_duration(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let (number, scale) = if let Some(n) = text.strip_suffix("ms") {
        (n, 1)
    } else if let Some(n) = text.strip_suffix('s') {
        (n, 1_000)
    } else {
        return Err(format!(
            "'{text}' needs a unit: ms or s (for example 500ms or 2s)"
        ));
    };
    let millis = scaled(number, scale)
        .ok_or_else(|| format!("'{text}' is not a duration (for example 500ms, 2s or 1.5s)"))?;
    Ok(Duration::from_millis(millis))
}

/// A size in bytes: a plain number of bytes, or a number with `KiB`, `MiB` or `GiB` (binary
/// units; `1.5GiB` is allowed when it comes out as whole bytes).
pub fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let units: [(&str, u64); 4] = [
        ("KiB", 1 << 10),
        ("MiB", 1 << 20),
        ("GiB", 1 << 30),
        ("B", 1),
    ];
    let (number, scale) = units
        .iter()
        .find_map(|(suffix, scale)| text.strip_suffix(suffix).map(|n| (n, *scale)))
        .unwrap_or((text, 1));
    if number.ends_with(|c: char| c.is_ascii_alphabetic()) {
        return Err(format!(
            "'{text}' has an unknown unit (use bytes, KiB, MiB or GiB, for example 256MiB)"
        ));
    }
    scaled(number, scale)
        .ok_or_else(|| format!("'{text}' is not a size (for example 65536, 64KiB, 256MiB or 1GiB)"))
}

/// `number` (digits, optionally with a fractional part) times `scale`, if that is a whole
/// number that fits in u64.
fn scaled(number: &str, scale: u64) -> Option<u64> {
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    if whole.is_empty()
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !fraction.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    if number.ends_with('.') {
        return None;
    }
    let mut value = whole.parse::<u64>().ok()?.checked_mul(scale)?;
    // Each fractional digit adds digit * scale / 10^k, which must stay whole.
    let mut denominator: u64 = 1;
    let mut numerator: u64 = 0;
    for digit in fraction.bytes() {
        denominator = denominator.checked_mul(10)?;
        numerator = numerator
            .checked_mul(10)?
            .checked_add(u64::from(digit - b'0'))?;
    }
    let part = numerator.checked_mul(scale)?;
    if part % denominator != 0 {
        return None;
    }
    value = value.checked_add(part / denominator)?;
    Some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        let ok = [
            ("2s", 2_000),
            ("500ms", 500),
            ("0ms", 0),
            ("1.5s", 1_500),
            ("0.001s", 1),
            (" 10s ", 10_000),
            ("120s", 120_000),
        ];
        for (text, millis) in ok {
            assert_eq!(
                parse_duration(text),
                Ok(Duration::from_millis(millis)),
                "{text}"
            );
        }
        for bad in [
            "2",
            "",
            "s",
            "ms",
            "1.5ms",
            "0.0001s",
            "-1s",
            "1e3ms",
            "2 s",
            "two s",
            "1.s",
            ".5s",
            "2m",
            "99999999999999999999s",
        ] {
            assert!(parse_duration(bad).is_err(), "{bad:?} should be rejected");
        }
        assert!(matches!(parse_duration("2"), Err(e) if e.contains("needs a unit")));
    }

    #[test]
    fn sizes() {
        let ok = [
            ("1024", 1024),
            ("64KiB", 64 << 10),
            ("256MiB", 256 << 20),
            ("1GiB", 1 << 30),
            ("1.5GiB", 3 << 29),
            ("0.5KiB", 512),
            ("10B", 10),
            ("0", 0),
        ];
        for (text, bytes) in ok {
            assert_eq!(parse_size(text), Ok(bytes), "{text}");
        }
        for bad in [
            "",
            "MiB",
            "256MB",
            "256mb",
            "1.0000001KiB",
            "-1",
            "1e6",
            "1..5MiB",
            "20000000000GiB",
            "12 MiB x",
        ] {
            assert!(parse_size(bad).is_err(), "{bad:?} should be rejected");
        }
        assert!(matches!(parse_size("256MB"), Err(e) if e.contains("unknown unit")));
    }
}
