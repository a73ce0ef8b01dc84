impl Solution {
    pub fn full_steps(blocks: i64) -> i64 {
        let (mut lo, mut hi) = (0i64, 2_000_000_000i64);
        while lo < hi {
            let mid = (lo + hi + 1) / 2;
            if mid * (mid + 1) / 2 <= blocks {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        lo
    }
}
