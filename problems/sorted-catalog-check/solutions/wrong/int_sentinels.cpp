// Uses the 32-bit limits as "no bound", so a code equal to a limit is wrongly rejected.
#include <climits>
class Solution {
    bool sorted(TreeNode* node, long long low, long long high) {
        if (node == nullptr) return true;
        if (node->val <= low || node->val >= high) return false;
        return sorted(node->left, low, node->val) && sorted(node->right, node->val, high);
    }

public:
    bool isSortedCatalog(TreeNode* root) {
        return sorted(root, INT_MIN, INT_MAX);
    }
};
