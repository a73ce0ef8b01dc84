"""Prints a Lighthouse Sync input with n periods: `python3 generator.py N [SEED]`.

One JSON value per line (the single argument `periods`). The seed picks random periods, large
primes and products of two primes near 1000 (the slowest numbers to factorise by trial
division), or periods built from a few small primes (many shared factors, high exponents).
"""
import json
import random
import sys

TOP = 10**6


def primes_upto(limit):
    sieve = bytearray([1]) * (limit + 1)
    sieve[0:2] = b"\x00\x00"
    for i in range(2, int(limit**0.5) + 1):
        if sieve[i]:
            sieve[i * i::i] = bytearray(len(range(i * i, limit + 1, i)))
    return [i for i in range(limit + 1) if sieve[i]]


def generate(n, seed):
    rng = random.Random(seed)
    style = seed % 3
    if style == 0:
        periods = [rng.randint(1, TOP) for _ in range(n)]
    elif style == 1:
        primes = primes_upto(TOP)
        big = [p for p in primes if p > 9 * 10**5]
        mid = [p for p in primes if 500 < p < 1000]
        periods = []
        for _ in range(n):
            if rng.random() < 0.5:
                periods.append(rng.choice(big))
            else:
                while True:
                    x = rng.choice(mid) * rng.choice(mid)
                    if x <= TOP:
                        break
                periods.append(x)
    else:
        periods = []
        for _ in range(n):
            x = 1
            for p in (2, 3, 5, 7, 11, 13):
                while rng.random() < 0.5 and x * p <= TOP:
                    x *= p
            periods.append(x)
    return [periods]


def main():
    n = int(sys.argv[1])
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else n
    for arg in generate(n, seed):
        print(json.dumps(arg, separators=(",", ":")))


if __name__ == "__main__":
    main()
