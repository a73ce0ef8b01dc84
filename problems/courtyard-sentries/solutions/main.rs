impl Solution {
    pub fn count_layouts(n: i64, fountains: Vec<Vec<i64>>) -> i64 {
        let n = n as usize;
        let full: u32 = (1u32 << n) - 1;
        let mut blocked = vec![0u32; n];
        for f in &fountains {
            blocked[f[0] as usize] |= 1u32 << f[1];
        }
        fn post(row: usize, n: usize, full: u32, blocked: &[u32], cols: u32, down_left: u32, down_right: u32) -> i64 {
            if row == n {
                return 1;
            }
            let mut total = 0;
            let mut free = full & !(cols | down_left | down_right | blocked[row]);
            while free != 0 {
                let bit = free & free.wrapping_neg();
                free ^= bit;
                total += post(row + 1, n, full, blocked, cols | bit, ((down_left | bit) << 1) & full, (down_right | bit) >> 1);
            }
            total
        }
        post(0, n, full, &blocked, 0, 0, 0)
    }
}
