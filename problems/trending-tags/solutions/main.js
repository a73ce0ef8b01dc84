function trendingTags(tags, k) {
    const counts = new Map();
    for (const t of tags) counts.set(t, (counts.get(t) || 0) + 1);
    // Min-heap on rank: the worst-ranked entry (lower count, or larger tag) on top.
    const worse = (a, b) => (a[1] !== b[1] ? a[1] < b[1] : a[0] > b[0]);
    const heap = [];
    const push = (item) => {
        heap.push(item);
        let i = heap.length - 1;
        while (i > 0) {
            const p = (i - 1) >> 1;
            if (!worse(heap[i], heap[p])) break;
            [heap[i], heap[p]] = [heap[p], heap[i]];
            i = p;
        }
    };
    const pop = () => {
        const top = heap[0];
        const last = heap.pop();
        if (heap.length > 0) {
            heap[0] = last;
            let i = 0;
            for (;;) {
                const l = 2 * i + 1, r = l + 1;
                let m = i;
                if (l < heap.length && worse(heap[l], heap[m])) m = l;
                if (r < heap.length && worse(heap[r], heap[m])) m = r;
                if (m === i) break;
                [heap[i], heap[m]] = [heap[m], heap[i]];
                i = m;
            }
        }
        return top;
    };
    for (const entry of counts) {
        push(entry);
        if (heap.length > k) pop();
    }
    const result = [];
    while (heap.length > 0) result.push(pop()[0]);
    return result.reverse();
}
