package io.tenantportal.tenant;

import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Reads customers and their live names for the {@link NameIndex}, straight over JDBC: the index loads
 * every customer at start-up and reloads single customers on notifications, outside any transaction,
 * so plain rows are all it needs (no entities, no persistence context to grow). The export streams
 * an MSSP's customers the same way, through a cursor.
 */
@ApplicationScoped
public class CustomerSnapshots {

    private static final String COLUMNS = """
            c.id, c.mssp_id, c.version, c.deleted_at IS NOT NULL, c.tenant_id, c.display_name,
            c.default_domain, c.initial_domain, c.domains, c.aliases, c.source, c.verified_at,
            c.created_at, c.updated_at, c.gone_from_directory_at, c.refs,
            c.sharepoint_name""";
    private static final String CUSTOMER_COLUMNS = "SELECT " + COLUMNS + " FROM customer c";
    /**
     * The customer's columns and then its live names as three arrays in step (keys, loose keys, kinds), so
     * that each row is a whole customer and a read can hand customers on one row at a time. The names come
     * a customer at a time through the index on customer_id.
     */
    private static final String INDEXED_COLUMNS = "SELECT " + COLUMNS + """
            , n.keys, n.loose_keys, n.kinds
            FROM customer c LEFT JOIN LATERAL (
                SELECT array_agg(n.name_key ORDER BY n.id) AS keys, array_agg(n.loose_key ORDER BY n.id) AS loose_keys,
                       array_agg(n.kind ORDER BY n.id) AS kinds
                FROM customer_name n WHERE n.customer_id = c.id AND n.deleted_at IS NULL) n ON true""";
    /** The column of {@link #INDEXED_COLUMNS} where the names' arrays begin. */
    private static final int NAMES_AT = 18;

    @Inject
    DataSource dataSource;

    /**
     * Hands every live customer of every MSSP to the consumer as one consistent snapshot, read through a
     * cursor: the heap holds one batch of rows at a time, not the whole table beside the index being built.
     */
    void forEachIndexed(Consumer<IndexedCustomer> consumer) {
        try {
            throughCursor(INDEXED_COLUMNS + " WHERE c.deleted_at IS NULL", null, rows -> consumer.accept(indexed(rows)));
        } catch (SQLException e) {
            throw new IndexUnavailableException("loading the customers failed", e);
        }
    }

    /** These customers as they are now, deleted ones included; ids the database does not have are left out. */
    List<IndexedCustomer> byIds(Collection<Long> ids) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(INDEXED_COLUMNS + " WHERE c.id = ANY (?)")) {
            statement.setArray(1, connection.createArrayOf("bigint", ids.toArray(Long[]::new)));
            List<IndexedCustomer> customers = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    customers.add(indexed(rows));
                }
            }
            return customers;
        } catch (SQLException e) {
            throw new IndexUnavailableException("reloading changed customers failed", e);
        }
    }

    /** Receives customers one at a time; may fail with the I/O error of wherever it writes them. */
    @FunctionalInterface
    public interface Sink {
        void accept(CustomerView customer) throws IOException;
    }

    /** Rows of a streamed read travel from PostgreSQL in batches of this many. */
    private static final int FETCH_SIZE = 500;

    /**
     * Hands every live customer of the MSSP to the sink, by display name (case-insensitive, in code point
     * order, so the order is the same in every database whatever its collation) then tenant id, as one
     * consistent snapshot. Rows come through a server-side cursor a batch at a time, so the
     * heap holds one batch however many customers there are.
     */
    public void forEachLive(long msspId, Sink sink) throws IOException {
        try {
            throughCursor(CUSTOMER_COLUMNS + " WHERE c.mssp_id = ? AND c.deleted_at IS NULL"
                    + " ORDER BY lower(c.display_name) COLLATE \"C\", c.tenant_id", msspId, rows -> sink.accept(view(rows)));
        } catch (SQLException e) {
            throw new IOException("reading the customers failed", e);
        }
    }

    /** Reads one row of a query; may fail with whatever the reader does with it. */
    @FunctionalInterface
    private interface RowReader<E extends Exception> {
        void read(ResultSet row) throws SQLException, E;
    }

    /**
     * Runs the query (with the MSSP id as its one parameter, if given) and hands its rows to the reader as
     * they come through a server-side cursor, {@value #FETCH_SIZE} at a time, all from one snapshot.
     */
    private <E extends Exception> void throughCursor(String sql, Long msspId, RowReader<E> reader)
            throws SQLException, E {
        try (Connection connection = dataSource.getConnection()) {
            // PostgreSQL uses a cursor (and honours the fetch size) only inside a transaction.
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setFetchSize(FETCH_SIZE);
                if (msspId != null) {
                    statement.setLong(1, msspId);
                }
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        reader.read(rows);
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
    }

    /** The customer of a row of {@link #INDEXED_COLUMNS}, as the index holds it. */
    private static IndexedCustomer indexed(ResultSet rows) throws SQLException {
        long id = rows.getLong(1);
        boolean deleted = rows.getBoolean(4);
        CustomerView view = view(rows);
        return new IndexedCustomer(id, rows.getLong(2), rows.getLong(3), deleted, UUID.fromString(view.tenantId()),
                view, deleted ? List.of() : sharing(view, names(rows)));
    }

    /** The live names of the row's customer, from the arrays of {@link #INDEXED_COLUMNS}. */
    private static List<IndexedCustomer.IndexedName> names(ResultSet rows) throws SQLException {
        Array keyArray = rows.getArray(NAMES_AT);
        if (keyArray == null) {
            return List.of();
        }
        String[] keys = (String[]) keyArray.getArray();
        String[] looseKeys = (String[]) rows.getArray(NAMES_AT + 1).getArray();
        String[] kinds = (String[]) rows.getArray(NAMES_AT + 2).getArray();
        NameKind.Column column = new NameKind.Column();
        List<IndexedCustomer.IndexedName> names = new ArrayList<>(keys.length);
        for (int i = 0; i < keys.length; i++) {
            names.add(new IndexedCustomer.IndexedName(keys[i], looseKeys[i], column.convertToEntityAttribute(kinds[i])));
        }
        return names;
    }

    /**
     * The customer of a row of {@link #CUSTOMER_COLUMNS}. Equal strings share one instance (a domain
     * listed again, the source), and so do equal times (created and last updated), since the index holds
     * every customer's.
     */
    private static CustomerView view(ResultSet rows) throws SQLException {
        UUID tenantId = rows.getObject(5, UUID.class);
        String defaultDomain = rows.getString(7);
        String initialDomain = rows.getString(8);
        String[] domainArray = strings(rows.getArray(9)).toArray(String[]::new);
        for (int i = 0; i < domainArray.length; i++) {
            domainArray[i] = domainArray[i].equals(defaultDomain) ? defaultDomain : domainArray[i];
        }
        // List.of: one or two domains (nearly every customer) take its smallest list
        List<String> domains = List.of(domainArray);
        String source = rows.getString(11);
        Instant createdAt = instant(rows.getTimestamp(13));
        Instant updatedAt = instant(rows.getTimestamp(14));
        return new CustomerView(tenantId.toString(), rows.getString(6), defaultDomain, initialDomain,
                domains, strings(rows.getArray(10)),
                CustomerView.refs(strings(rows.getArray(16)).toArray(String[]::new)), source == null ? null : source.intern(),
                instant(rows.getTimestamp(12)), createdAt,
                createdAt != null && createdAt.equals(updatedAt) ? createdAt : updatedAt,
                instant(rows.getTimestamp(15)), rows.getString(17));
    }

    /**
     * The customer's names, their keys sharing the strings of the customer's domains where equal (a
     * domain's key is the domain itself) and loose keys their key where equal: about a third of the
     * strings the index would otherwise hold twice.
     */
    private static List<IndexedCustomer.IndexedName> sharing(CustomerView view, List<IndexedCustomer.IndexedName> names) {
        return names.stream().map(name -> {
            String key = shared(name.key(), view.domains(), view.initialDomain());
            String looseKey = key.equals(name.looseKey()) ? key : name.looseKey();
            return key == name.key() && looseKey == name.looseKey() ? name
                    : new IndexedCustomer.IndexedName(key, looseKey, name.kind());
        }).toList();
    }

    /** The instance among {@code held} and {@code alsoHeld} equal to the text, or the text itself. */
    private static String shared(String text, List<String> held, String alsoHeld) {
        if (text == null) {
            return null;
        }
        for (String candidate : held) {
            if (text.equals(candidate)) {
                return candidate;
            }
        }
        return text.equals(alsoHeld) ? alsoHeld : text;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
