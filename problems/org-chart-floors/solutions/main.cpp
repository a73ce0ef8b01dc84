#include <queue>
#include <vector>

class Solution {
public:
    vector<vector<long long>> floorsOf(TreeNode* root) {
        vector<vector<long long>> floors;
        std::queue<TreeNode*> queue;
        if (root != nullptr) queue.push(root);
        while (!queue.empty()) {
            size_t size = queue.size();
            vector<long long> floor;
            floor.reserve(size);
            for (size_t i = 0; i < size; i++) {
                TreeNode* person = queue.front();
                queue.pop();
                floor.push_back(person->val);
                if (person->left != nullptr) queue.push(person->left);
                if (person->right != nullptr) queue.push(person->right);
            }
            floors.push_back(std::move(floor));
        }
        return floors;
    }
};
