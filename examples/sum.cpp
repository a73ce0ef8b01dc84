// Reads whitespace-separated integers from stdin until end of input and prints their sum.
#include <iostream>

int main() {
    long long sum = 0;
    long long value = 0;
    while (std::cin >> value) {
        sum += value;
    }
    std::cout << sum << '\n';
    return 0;
}
