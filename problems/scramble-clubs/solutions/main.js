function groupScrambles(words) {
    const clubs = new Map();
    for (const w of words) {
        const key = w.split("").sort().join("");
        if (!clubs.has(key)) clubs.set(key, []);
        clubs.get(key).push(w);
    }
    const result = [];
    for (const club of clubs.values()) {
        club.sort();
        result.push(club);
    }
    return result;
}
