//! The clock, passed in through the settings and read only at the edge (handlers, the
//! background tasks): everything below receives the time or the date it needs.

use std::time::{SystemTime, UNIX_EPOCH};

/// Where the current time comes from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Clock {
    /// The system clock.
    #[default]
    System,
    /// A fixed instant, in Unix seconds (tests).
    Fixed(i64),
}

impl Clock {
    /// Unix seconds.
    #[must_use]
    pub fn now(self) -> i64 {
        match self {
            Clock::System => SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0)),
            Clock::Fixed(t) => t,
        }
    }

    /// Today's date, `YYYY-MM-DD` (UTC).
    #[must_use]
    pub fn today(self) -> String {
        alliances_domain::alliance::civil_from_days(self.now().div_euclid(86_400))
    }
}

/// The UTC date of a Unix time, `YYYY-MM-DD`.
#[must_use]
pub fn iso_date(unix: i64) -> String {
    alliances_domain::alliance::civil_from_days(unix.div_euclid(86_400))
}

/// A Unix time as an RFC 3339 UTC timestamp, `YYYY-MM-DDTHH:MM:SSZ`.
#[must_use]
pub fn rfc3339(unix: i64) -> String {
    let s = unix.rem_euclid(86_400);
    format!(
        "{}T{:02}:{:02}:{:02}Z",
        iso_date(unix),
        s / 3600,
        (s / 60) % 60,
        s % 60
    )
}

#[cfg(test)]
mod tests {
    use super::Clock;

    #[test]
    fn timestamps_are_utc() {
        assert_eq!(super::rfc3339(1_796_292_000), "2026-12-03T10:00:00Z");
        assert_eq!(super::iso_date(1_796_292_000 + 50_399), "2026-12-03");
    }

    #[test]
    fn a_fixed_clock_gives_its_date() {
        // 2026-12-03T10:00:00Z
        let c = Clock::Fixed(1_796_292_000);
        assert_eq!(c.today(), "2026-12-03");
        assert!(Clock::System.now() > 1_700_000_000);
    }
}
