use std::cell::RefCell;
use std::rc::Rc;

impl Solution {
    pub fn is_sorted_catalog(root: Option<Rc<RefCell<TreeNode>>>) -> bool {
        // In-order walk: the codes must come out strictly increasing.
        let mut stack: Vec<Rc<RefCell<TreeNode>>> = Vec::new();
        let mut current = root;
        let mut previous: Option<i64> = None;
        loop {
            while let Some(node) = current {
                current = node.borrow().left.clone();
                stack.push(node);
            }
            let Some(node) = stack.pop() else {
                return true;
            };
            let code = node.borrow().val;
            if previous.is_some_and(|p| code <= p) {
                return false;
            }
            previous = Some(code);
            current = node.borrow().right.clone();
        }
    }
}
