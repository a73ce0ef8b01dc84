// Reports one empty floor for an empty company instead of no floors at all.
#include <queue>
#include <vector>

class Solution {
public:
    vector<vector<long long>> floorsOf(TreeNode* root) {
        vector<vector<long long>> floors;
        std::queue<TreeNode*> queue;
        queue.push(root);
        do {
            size_t size = queue.size();
            vector<long long> floor;
            for (size_t i = 0; i < size; i++) {
                TreeNode* person = queue.front();
                queue.pop();
                if (person == nullptr) continue;
                floor.push_back(person->val);
                if (person->left != nullptr) queue.push(person->left);
                if (person->right != nullptr) queue.push(person->right);
            }
            floors.push_back(floor);
        } while (!queue.empty());
        return floors;
    }
};
