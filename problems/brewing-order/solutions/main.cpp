#include <cstdio>
#include <vector>

int main() {
    int n, m;
    if (scanf("%d %d", &n, &m) != 2) return 1;
    std::vector<std::vector<int>> after(n + 1);
    std::vector<int> waiting(n + 1, 0);
    for (int i = 0; i < m; i++) {
        int a, b;
        scanf("%d %d", &a, &b);
        after[a].push_back(b);
        waiting[b]++;
    }
    std::vector<int> order;
    order.reserve(n);
    for (int step = 1; step <= n; step++)
        if (waiting[step] == 0) order.push_back(step);
    for (size_t head = 0; head < order.size(); head++)
        for (int nxt : after[order[head]])
            if (--waiting[nxt] == 0) order.push_back(nxt);
    if ((int)order.size() != n) {
        printf("IMPOSSIBLE\n");
        return 0;
    }
    for (int i = 0; i < n; i++) printf(i ? " %d" : "%d", order[i]);
    printf("\n");
}
