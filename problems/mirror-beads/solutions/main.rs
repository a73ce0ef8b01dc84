impl Solution {
    pub fn longest_mirror(strand: String) -> i64 {
        let beads = strand.as_bytes();
        let n = beads.len() as i64;
        let mut best = 0;
        for centre in 0..(2 * n - 1).max(0) {
            let mut left = centre / 2;
            let mut right = left + (centre & 1);
            while left >= 0 && right < n && beads[left as usize] == beads[right as usize] {
                left -= 1;
                right += 1;
            }
            best = best.max(right - left - 1);
        }
        best
    }
}
