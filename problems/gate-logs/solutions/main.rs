use std::cmp::Reverse;
use std::collections::BinaryHeap;

impl Solution {
    pub fn merge_logs(logs: Vec<Vec<i64>>) -> Vec<i64> {
        let mut heap = BinaryHeap::new();
        for (g, log) in logs.iter().enumerate() {
            if let Some(&first) = log.first() {
                heap.push(Reverse((first, g, 0usize)));
            }
        }
        let mut merged = Vec::new();
        while let Some(Reverse((value, g, i))) = heap.pop() {
            merged.push(value);
            if i + 1 < logs[g].len() {
                heap.push(Reverse((logs[g][i + 1], g, i + 1)));
            }
        }
        merged
    }
}
