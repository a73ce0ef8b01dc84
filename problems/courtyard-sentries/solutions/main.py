class Solution:
    def countLayouts(self, n: int, fountains: List[List[int]]) -> int:
        full = (1 << n) - 1
        blocked = [0] * n
        for row, col in fountains:
            blocked[row] |= 1 << col
        total = 0

        def post(row, cols, down_left, down_right):
            nonlocal total
            if row == n:
                total += 1
                return
            free = full & ~(cols | down_left | down_right | blocked[row])
            while free:
                bit = free & -free
                free ^= bit
                post(row + 1, cols | bit, ((down_left | bit) << 1) & full, (down_right | bit) >> 1)

        post(0, 0, 0, 0)
        return total
