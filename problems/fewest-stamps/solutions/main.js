function fewestStamps(denominations, postage) {
    const impossible = postage + 1;
    const best = new Array(postage + 1).fill(impossible);
    best[0] = 0;
    for (let amount = 1; amount <= postage; amount++) {
        for (const d of denominations) {
            if (d <= amount && best[amount - d] + 1 < best[amount]) {
                best[amount] = best[amount - d] + 1;
            }
        }
    }
    return best[postage] < impossible ? best[postage] : -1;
}
