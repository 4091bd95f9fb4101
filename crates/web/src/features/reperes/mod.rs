//! Fiches repères: one generated, printable page per actor type (`/reperes/acteurs/{type}`),
//! per domain (`/reperes/domaines/{code}`) and per territory
//! (`/reperes/territoires/{niveau}/{code}`), gathering what the platform knows about it:
//! key figures, alliances, catalyseurs — and tools and learning modules once those modules
//! exist.

pub mod html;
