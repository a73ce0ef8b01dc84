use std::io::{self, Read};

const MOD: u64 = 1_000_000_007;

fn main() {
    let mut text = String::new();
    io::stdin().read_to_string(&mut text).unwrap();
    let mut tokens = text.split_ascii_whitespace();
    let rows: usize = tokens.next().unwrap().parse().unwrap();
    let cols: usize = tokens.next().unwrap().parse().unwrap();
    let mut ways = vec![0u64; cols];
    ways[0] = 1;
    for _ in 0..rows {
        let line = tokens.next().unwrap().as_bytes();
        let mut left = 0u64;
        for c in 0..cols {
            left = if line[c] == b'#' { 0 } else { (left + ways[c]) % MOD };
            ways[c] = left;
        }
    }
    println!("{}", ways[cols - 1]);
}
