//! Fuzz target `fmt`: see `briefc_fuzz::props::fmt` for what it asserts.
#![cfg_attr(feature = "libfuzzer", no_main)]

#[cfg(feature = "libfuzzer")]
libfuzzer_sys::fuzz_target!(|data: &[u8]| briefc_fuzz::props::fmt(data));

#[cfg(not(feature = "libfuzzer"))]
fn main() {
    briefc_fuzz::replay_main(briefc_fuzz::props::fmt);
}
