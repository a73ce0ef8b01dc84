#include <cstdio>
#include <algorithm>
// Forgets that every day may be a loss: never reports less than 0.
int main() {
    int n;
    scanf("%d", &n);
    long long best = 0, ending = 0;
    for (int i = 0; i < n; i++) {
        long long x;
        scanf("%lld", &x);
        ending = std::max(0LL, ending + x);
        best = std::max(best, ending);
    }
    printf("%lld\n", best);
}
