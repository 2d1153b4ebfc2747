"""Grouping items linked in pairs (union-find): copy families of articles share this."""

from __future__ import annotations

from collections.abc import Iterable


def group_pairs(count: int, pairs: Iterable[tuple[int, int]]) -> list[int]:
    """For items 0..count-1 linked by ``pairs``, each item's group: the smallest index in its group."""
    parent = list(range(count))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, j in pairs:
        root_i, root_j = find(i), find(j)
        if root_i != root_j:
            parent[max(root_i, root_j)] = min(root_i, root_j)
    return [find(i) for i in range(count)]
