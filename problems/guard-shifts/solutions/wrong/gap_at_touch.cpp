// Merges only strictly overlapping shifts: [8,10) and [10,12) are wrongly counted as two periods.
#include <algorithm>
#include <cstdio>
#include <utility>
#include <vector>

int main() {
    int n;
    scanf("%d", &n);
    std::vector<std::pair<long long, long long>> shifts(n);
    for (auto& sh : shifts) scanf("%lld %lld", &sh.first, &sh.second);
    std::sort(shifts.begin(), shifts.end());
    long long periods = 0, total = 0;
    long long start = shifts[0].first, end = shifts[0].second;
    for (int i = 1; i < n; i++) {
        if (shifts[i].first < end) {
            end = std::max(end, shifts[i].second);
        } else {
            periods++;
            total += end - start;
            start = shifts[i].first;
            end = shifts[i].second;
        }
    }
    periods++;
    total += end - start;
    printf("%lld %lld\n", periods, total);
}
