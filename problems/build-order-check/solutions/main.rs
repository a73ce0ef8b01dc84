impl Solution {
    pub fn can_build_all(modules: i64, needs: Vec<Vec<i64>>) -> bool {
        let n = modules as usize;
        let mut waiting = vec![0usize; n];
        let mut unlocks: Vec<Vec<usize>> = vec![Vec::new(); n];
        for pair in &needs {
            let (a, b) = (pair[0] as usize, pair[1] as usize);
            waiting[a] += 1;
            unlocks[b].push(a);
        }
        let mut ready: Vec<usize> = (0..n).filter(|&m| waiting[m] == 0).collect();
        let mut compiled = 0;
        while let Some(m) = ready.pop() {
            compiled += 1;
            for &other in &unlocks[m] {
                waiting[other] -= 1;
                if waiting[other] == 0 {
                    ready.push(other);
                }
            }
        }
        compiled == n
    }
}
