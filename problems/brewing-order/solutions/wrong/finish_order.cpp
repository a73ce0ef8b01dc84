// Depth-first search that prints steps in the order they finish, without reversing it:
// every step comes out after the steps that must follow it.
#include <cstdio>
#include <vector>

int main() {
    int n, m;
    scanf("%d %d", &n, &m);
    std::vector<std::vector<int>> after(n + 1);
    for (int i = 0; i < m; i++) {
        int a, b;
        scanf("%d %d", &a, &b);
        after[a].push_back(b);
    }
    std::vector<int> state(n + 1, 0), order;  // 0 new, 1 on the path, 2 done
    for (int root = 1; root <= n; root++) {
        if (state[root]) continue;
        std::vector<std::pair<int, size_t>> stack{{root, 0}};
        state[root] = 1;
        while (!stack.empty()) {
            auto& [v, i] = stack.back();
            if (i < after[v].size()) {
                int w = after[v][i++];
                if (state[w] == 1) { printf("IMPOSSIBLE\n"); return 0; }
                if (state[w] == 0) { state[w] = 1; stack.push_back({w, 0}); }
            } else {
                state[v] = 2;
                order.push_back(v);
                stack.pop_back();
            }
        }
    }
    for (int i = 0; i < n; i++) printf(i ? " %d" : "%d", order[i]);
    printf("\n");
}
