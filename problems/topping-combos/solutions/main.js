function allCombos(toppings) {
    const codes = [...toppings].sort((a, b) => a - b);
    const n = codes.length;
    const combos = [];
    for (let mask = 0; mask < 1 << n; mask++) {
        const combo = [];
        for (let i = 0; i < n; i++) if ((mask >> i) & 1) combo.push(codes[i]);
        combos.push(combo);
    }
    combos.sort((a, b) => {
        if (a.length !== b.length) return a.length - b.length;
        for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
        return 0;
    });
    return combos;
}
