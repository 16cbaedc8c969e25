fn main() {
    mivzak::start();
}
