package io.railcast.server.system;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The {@code where … order by … limit …} of one page of a list read by its key ({@link PageRequest}), with the values
 * to bind in order ({@code $1}, {@code $2}, …). Conditions are added only for the filters a client gave; each
 * writes {@code {}} where its value goes. The key is unique (a primary key), so "after" is a plain {@code >} (or
 * {@code <} newest first) and the page is the next rows of its index.
 */
public final class KeysetSql {

    private final String key;
    private final boolean descending;
    private final List<String> conditions = new ArrayList<>();
    private final List<Object> values = new ArrayList<>();

    private KeysetSql(String key, boolean descending) {
        this.key = key;
        this.descending = descending;
    }

    /** Pages ordered by {@code key} ascending (codes and ids). */
    public static KeysetSql ascending(String key) {
        return new KeysetSql(key, false);
    }

    /** Pages ordered by {@code key} descending (newest first). */
    public static KeysetSql descending(String key) {
        return new KeysetSql(key, true);
    }

    /** Adds {@code condition}, its {@code {}} bound to {@code value}, unless the value is null (no filter). */
    public KeysetSql where(String condition, @Nullable Object value) {
        if (value != null) {
            values.add(value);
            conditions.add(condition.replace("{}", "$" + values.size()));
        }
        return this;
    }

    /**
     * {@code text} as an {@code ilike} pattern that finds it anywhere, its own {@code %}, {@code _} and backslash
     * taken literally; null (no filter) when {@code text} is null.
     */
    public static @Nullable String containing(@Nullable String text) {
        return text == null ? null : "%" + text.replaceAll("([\\\\%_])", "\\\\$1") + "%";
    }

    /** The clause that selects {@code page}: the filters, the key after its cursor, the order, the limit. */
    public String page(PageRequest page) {
        return page(page, page.after());
    }

    /** {@link #page(PageRequest)} with the cursor's key as a value of the key's own type, e.g. a number. */
    public String page(PageRequest page, @Nullable Object afterKey) {
        if (afterKey != null) {
            where(key + (descending ? " < {}" : " > {}"), afterKey);
        }
        values.add(page.rows());
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        return where + " order by " + key + (descending ? " desc" : "") + " limit $" + values.size();
    }

    /** The values to bind, in order; complete once {@link #page} was called. */
    public List<Object> values() {
        return List.copyOf(values);
    }
}
