//! Stable sorting through one shared instance of the standard library's sort.
//!
//! Why not `slice::sort_by` at each call: the standard sorts are generic over the element
//! type and the comparison, and each call site with its own closure gets its own copy of
//! driftsort or ipnsort, 5–10 KB of WebAssembly each. With some thirty call sites they were
//! 120 KB of the module's 960 KB of code. Here every call sorts a permutation of indices with
//! one comparison type (`&dyn Fn`), so the module holds one sort; what each call site adds is
//! the small loop that applies the permutation. The price is an indirect call per comparison,
//! which the lists sorted here (mentions, positions, cut points, rows) do not notice.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, stably (equal items keep their order), like
/// [`slice::sort_by`].
pub(crate) fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = sorted_order(items.len(), &|a, b| compare(&items[a], &items[b]));
    permute(items, order);
}

/// Sorts `items` by the key `key` gives, stably, like [`slice::sort_by_key`].
pub(crate) fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their order, stably, like [`slice::sort`].
pub(crate) fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The indices `0..len` in the order `compare` gives them, equal ones in their own order.
#[inline(never)]
fn sorted_order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Puts `items[order[i]]` at `i` for every `i`, by following the permutation's cycles.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut at = start;
        // Each position is marked done (`order[at] = at`) when it has its item.
        while order[at] != at {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // Pairs sorted by their first half only: equal keys must keep their order.
        let mut state = 7u32;
        for len in [0, 1, 2, 3, 10, 100, 1000] {
            let items: Vec<(u32, usize)> = (0..len)
                .map(|i| {
                    state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    (state >> 28, i)
                })
                .collect();
            let mut ours = items.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut theirs = items.clone();
            theirs.sort_by_key(|p| p.0);
            assert_eq!(ours, theirs, "{len} items");
            let mut descending = items.clone();
            sort_by(&mut descending, |a, b| b.cmp(a));
            theirs = items;
            theirs.sort_by(|a, b| b.cmp(a));
            assert_eq!(descending, theirs);
        }
    }

    #[test]
    fn moves_items_that_own_memory() {
        let mut words: Vec<String> = ["pear", "apple", "fig", "apple"].map(String::from).to_vec();
        sort(&mut words);
        assert_eq!(words, ["apple", "apple", "fig", "pear"]);
    }
}
