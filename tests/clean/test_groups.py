from synoptic.clean.groups import group_pairs


def test_pairs_group_transitively_under_the_smallest_index() -> None:
    assert group_pairs(5, [(3, 1), (1, 4)]) == [0, 1, 2, 1, 1]
    assert group_pairs(3, []) == [0, 1, 2]
