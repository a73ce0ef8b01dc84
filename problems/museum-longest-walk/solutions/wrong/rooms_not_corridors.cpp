// Counts the rooms on the walk instead of the corridors between them.
class Solution {
    long long best = 0;
    long long depth(TreeNode* node) {
        if (node == nullptr) return 0;
        long long left = depth(node->left);
        long long right = depth(node->right);
        best = max(best, left + right + 1);
        return 1 + max(left, right);
    }

public:
    long long longestWalk(TreeNode* root) {
        best = 0;
        depth(root);
        return best;
    }
};
