function longestWalk(root) {
    let best = 0;
    // Rooms on the deepest downward path starting at node.
    function depth(node) {
        if (node === null) return 0;
        const left = depth(node.left);
        const right = depth(node.right);
        best = Math.max(best, left + right);
        return 1 + Math.max(left, right);
    }
    depth(root);
    return best;
}
