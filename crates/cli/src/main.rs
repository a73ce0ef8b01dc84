fn main() {
    if std::env::args().nth(1).as_deref() == Some(tandem_sandbox::BOX_ARG) {
        tandem_sandbox::box_main();
    }
}
