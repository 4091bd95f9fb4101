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

#[cfg(test)]
mod tests {
    use super::Clock;

    #[test]
    fn a_fixed_clock_gives_its_date() {
        // 2026-12-03T10:00:00Z
        let c = Clock::Fixed(1_796_292_000);
        assert_eq!(c.today(), "2026-12-03");
        assert!(Clock::System.now() > 1_700_000_000);
    }
}
