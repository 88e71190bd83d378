//! Environmental selection of SPEA2 (Zitzler, Laumanns & Thiele 2001, §3.2): keep the
//! non-dominated, fill up with the best dominated by fitness, or truncate by repeatedly
//! removing the member closest to its neighbours.

/// The indices of the `size` members to keep, in increasing order, given every member's
/// `fitness` and the `n × n` distance matrix `dist`.
///
/// The members of fitness below 1 (the non-dominated) are taken first. If fewer than
/// `size`, the dominated ones follow by increasing fitness (ties by index). If more, the
/// truncation operator removes one member at a time: the one whose distances to the
/// remaining members, sorted increasingly, are lexicographically smallest (closest
/// nearest neighbour, ties broken by the second nearest, and so on; full ties by
/// index).
pub(crate) fn environmental(fitness: &[f64], dist: &[f64], size: usize) -> Vec<usize> {
    let n = fitness.len();
    let mut kept: Vec<usize> = (0..n).filter(|&i| fitness[i] < 1.0).collect();
    if kept.len() < size {
        let mut rest: Vec<usize> = (0..n).filter(|&i| fitness[i] >= 1.0).collect();
        rest.sort_by(|&a, &b| fitness[a].total_cmp(&fitness[b]).then(a.cmp(&b)));
        rest.truncate(size - kept.len());
        kept.extend(rest);
    } else if kept.len() > size {
        kept = truncate(&kept, dist, n, size);
    }
    kept.sort_unstable();
    kept
}

/// The truncation operator on `members` down to `size`.
fn truncate(members: &[usize], dist: &[f64], n: usize, size: usize) -> Vec<usize> {
    // Each member's distances to the others, sorted, with whom they are to.
    let mut near: Vec<Vec<(f64, usize)>> = members
        .iter()
        .map(|&i| {
            let mut l: Vec<(f64, usize)> = members
                .iter()
                .filter(|&&j| j != i)
                .map(|&j| (dist[i * n + j], j))
                .collect();
            l.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            l
        })
        .collect();
    let mut alive: Vec<usize> = (0..members.len()).collect();
    while alive.len() > size {
        let mut victim = 0;
        for pos in 1..alive.len() {
            let (a, b) = (&near[alive[pos]], &near[alive[victim]]);
            let smaller = a
                .iter()
                .zip(b.iter())
                .map(|(x, y)| x.0.total_cmp(&y.0))
                .find(|o| o.is_ne())
                .is_some_and(|o| o.is_lt());
            if smaller {
                victim = pos;
            }
        }
        let gone = members[alive[victim]];
        alive.remove(victim);
        for &k in &alive {
            if let Some(p) = near[k].iter().position(|e| e.1 == gone) {
                near[k].remove(p);
            }
        }
    }
    alive.into_iter().map(|k| members[k]).collect()
}
