const data = require("fs").readFileSync(0, "utf8").split(/\s+/).filter(Boolean).map(Number);
const n = data[0];
const m = data[1];
const after = Array.from({ length: n + 1 }, () => []);
const waiting = new Int32Array(n + 1);
for (let i = 0; i < m; i++) {
  const a = data[2 + 2 * i];
  const b = data[3 + 2 * i];
  after[a].push(b);
  waiting[b]++;
}
const order = [];
for (let step = 1; step <= n; step++) if (waiting[step] === 0) order.push(step);
for (let head = 0; head < order.length; head++) {
  for (const nxt of after[order[head]]) {
    if (--waiting[nxt] === 0) order.push(nxt);
  }
}
console.log(order.length === n ? order.join(" ") : "IMPOSSIBLE");
