class Solution {
    long long best = 0;

    // Rooms on the deepest downward path starting at node.
    long long depth(TreeNode* node) {
        if (node == nullptr) return 0;
        long long left = depth(node->left);
        long long right = depth(node->right);
        best = max(best, left + right);
        return 1 + max(left, right);
    }

public:
    long long longestWalk(TreeNode* root) {
        best = 0;
        depth(root);
        return best;
    }
};
