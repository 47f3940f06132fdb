//! Stable, dependency-free content hashes (FNV-1a): the same bytes give the
//! same hash on every machine and in every run, as deterministic outputs
//! (PDF ids, SARIF fingerprints) need. Not for security.

/// The FNV-1a 64-bit offset basis.
pub(crate) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a over `data`, starting from `seed`.
pub(crate) fn fnv1a64(data: &[u8], seed: u64) -> u64 {
    data.iter()
        .fold(seed, |h, &b| (h ^ u64::from(b)).wrapping_mul(FNV_PRIME))
}

/// A 128-bit content hash as 32 hex digits (two FNV-1a runs, different seeds).
pub(crate) fn content_hash(data: &[u8]) -> String {
    let a = fnv1a64(data, FNV_OFFSET);
    let b = fnv1a64(data, FNV_OFFSET ^ 0x9e37_79b9_7f4a_7c15);
    format!("{a:016x}{b:016x}")
}
