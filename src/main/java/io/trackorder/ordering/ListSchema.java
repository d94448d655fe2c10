package io.trackorder.ordering;

/**
 * Where one kind of user-ordered list lives: member rows with a dense position under a parent row
 * that carries a {@code revision}, and the list's order history. Both surfaces' lists are such a
 * schema; {@link OrderedList} and {@link OrderHistory} build their statements from it.
 *
 * @param members table of the member rows
 * @param tenant tenant column, in every table of the list
 * @param parent column of {@code members} and {@code history} naming the parent row
 * @param item column of {@code members} naming the member
 * @param itemType SQL type of {@code item}, so requested ids compare without casting every row
 * @param position position column, dense from {@code firstPosition}
 * @param firstPosition 0 for zero-based positions, 1 for track numbers
 * @param parents table of the parent rows, with {@code id}, {@code revision} and {@code updated_at}
 * @param history table of the order history entries
 */
public record ListSchema(String members, String tenant, String parent, String item, String itemType, String position,
        int firstPosition, String parents, String history) {
}
