impl Solution {
    pub fn busiest_window(visits: Vec<i64>, k: i64) -> i64 {
        let k = k as usize;
        let mut total: i64 = visits[..k].iter().sum();
        let mut best = total;
        for i in k..visits.len() {
            total += visits[i] - visits[i - k];
            best = best.max(total);
        }
        best
    }
}
