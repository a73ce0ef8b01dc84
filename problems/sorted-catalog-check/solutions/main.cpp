class Solution {
    // Every code in this subtree must lie strictly between low and high (when they exist).
    bool sorted(TreeNode* node, bool hasLow, long long low, bool hasHigh, long long high) {
        if (node == nullptr) return true;
        if (hasLow && node->val <= low) return false;
        if (hasHigh && node->val >= high) return false;
        return sorted(node->left, hasLow, low, true, node->val) &&
               sorted(node->right, true, node->val, hasHigh, high);
    }

public:
    bool isSortedCatalog(TreeNode* root) {
        return sorted(root, false, 0, false, 0);
    }
};
