//! The box process on its own, for tests and for hosts that prefer a small init binary.

fn main() {
    tandem_sandbox::box_main()
}
