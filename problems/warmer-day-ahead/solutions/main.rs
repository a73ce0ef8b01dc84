impl Solution {
    pub fn days_until_warmer(temps: Vec<i64>) -> Vec<i64> {
        let mut wait = vec![0i64; temps.len()];
        let mut waiting: Vec<usize> = Vec::new();
        for (i, &t) in temps.iter().enumerate() {
            while let Some(&j) = waiting.last() {
                if temps[j] >= t {
                    break;
                }
                wait[j] = (i - j) as i64;
                waiting.pop();
            }
            waiting.push(i);
        }
        wait
    }
}
