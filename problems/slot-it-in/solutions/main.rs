impl Solution {
    pub fn insert_window(windows: Vec<Vec<i64>>, window: Vec<i64>) -> Vec<Vec<i64>> {
        let (mut start, mut end) = (window[0], window[1]);
        let mut result = Vec::with_capacity(windows.len() + 1);
        let mut rest = windows.into_iter().peekable();
        while let Some(w) = rest.next_if(|w| w[1] < start) {
            result.push(w);
        }
        while let Some(w) = rest.next_if(|w| w[0] <= end) {
            start = start.min(w[0]);
            end = end.max(w[1]);
        }
        result.push(vec![start, end]);
        result.extend(rest);
        result
    }
}
