function totalInterference(patterns) {
  const n = patterns.length;
  let total = 0;
  for (let bit = 0; bit < 30; bit++) {
    let lit = 0;
    for (const p of patterns) lit += (p >> bit) & 1;
    total += lit * (n - lit);
  }
  return total;
}
