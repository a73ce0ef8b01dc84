#include <cstdio>
#include <algorithm>

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    long long best = 0, ending = 0;
    for (int i = 0; i < n; i++) {
        long long x;
        scanf("%lld", &x);
        ending = (i == 0 || ending < 0) ? x : ending + x;
        best = (i == 0) ? ending : std::max(best, ending);
    }
    printf("%lld\n", best);
}
