impl Solution {
    pub fn flip_convoy(head: Option<Box<ListNode>>, k: i64) -> Option<Box<ListNode>> {
        // Detach the wagons, turn every full block around, then couple them again.
        let mut wagons: Vec<Box<ListNode>> = Vec::new();
        let mut cur = head;
        while let Some(mut node) = cur {
            cur = node.next.take();
            wagons.push(node);
        }
        let k = k as usize;
        let full = wagons.len() / k * k;
        let mut start = 0;
        while start < full {
            wagons[start..start + k].reverse();
            start += k;
        }
        let mut train: Option<Box<ListNode>> = None;
        while let Some(mut node) = wagons.pop() {
            node.next = train;
            train = Some(node);
        }
        train
    }
}
