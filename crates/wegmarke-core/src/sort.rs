//! Stable sorting with one copy of the sorting code for the whole program.
//!
//! `slice::sort_by` is compiled anew for every element type and comparator: about 2 KB of
//! WebAssembly per call site, 20 KB in the dashboard's first download. Here only the positions
//! are sorted (one compiled sort, comparing through `&dyn Fn`), and the elements are then moved
//! into place by following the permutation's cycles, a few instructions per element type.

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`, like `v.sort_by(cmp)`.
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_positions(v.len(), &|a, b| cmp(&v[a], &v[b]));
    permute(v, order);
}

/// Sorts `v` stably by a key, like `v.sort_by_key(key)`.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` stably by a key computed once per element, like `v.sort_by_cached_key(key)`.
pub fn sort_by_cached_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    let keys: Vec<K> = v.iter().map(key).collect();
    let order = sorted_positions(v.len(), &|a, b| keys[a].cmp(&keys[b]));
    permute(v, order);
}

/// The positions `0..n` in the order `cmp` gives them (stable).
fn sorted_positions(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| cmp(a, b));
    order
}

/// Rearranges `v` so that position `k` holds what was at `order[k]`. Each cycle of the
/// permutation is walked once, carrying its first element along by swaps.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for start in 0..v.len() {
        let mut k = start;
        loop {
            let from = order[k];
            order[k] = k;
            if from == start || from == k {
                break;
            }
            v.swap(k, from);
            k = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_exactly_like_the_standard_stable_sort(v in prop::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            let mut std = v;
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            std.sort_by_key(|x| x.0);
            prop_assert_eq!(ours, std);
        }

        #[test]
        fn sorts_by_key_like_the_standard_sort(v in prop::collection::vec(any::<i32>(), 0..200)) {
            let mut ours = v.clone();
            let mut std = v;
            sort_by_key(&mut ours, |x| std::cmp::Reverse(*x));
            std.sort_by_key(|x| std::cmp::Reverse(*x));
            prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn cached_keys_sort_like_the_standard_sort() {
        let mut ours = vec!["b", "A", "c", "a"];
        let mut std = ours.clone();
        sort_by_cached_key(&mut ours, |s| s.to_lowercase());
        std.sort_by_cached_key(|s| s.to_lowercase());
        assert_eq!(ours, std);
    }

    #[test]
    fn a_rotation_is_one_cycle() {
        let mut v = vec!['a', 'b', 'c', 'd'];
        permute(&mut v, vec![3, 0, 1, 2]);
        assert_eq!(v, ['d', 'a', 'b', 'c']);
    }
}
