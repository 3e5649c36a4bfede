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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

    private static final String CUSTOMER_COLUMNS = """
            SELECT c.id, c.mssp_id, c.version, c.deleted_at IS NOT NULL, c.tenant_id, c.display_name,
                   c.default_domain, c.initial_domain, c.domains, c.aliases, c.source, c.verified_at,
                   c.created_at, c.updated_at, c.gone_from_directory_at, c.refs,
                   c.sharepoint_name
            FROM customer c""";
    private static final String NAME_COLUMNS = """
            SELECT n.customer_id, n.name_key, n.loose_key, n.kind FROM customer_name n""";

    @Inject
    DataSource dataSource;

    /** Every live customer of every MSSP. */
    List<IndexedCustomer> allLive() {
        try (Connection connection = dataSource.getConnection()) {
            Map<Long, List<IndexedCustomer.IndexedName>> names = names(connection,
                    NAME_COLUMNS + " WHERE n.deleted_at IS NULL", null);
            return customers(connection, CUSTOMER_COLUMNS + " WHERE c.deleted_at IS NULL", null, names);
        } catch (SQLException e) {
            throw new IndexUnavailableException("loading the customers failed", e);
        }
    }

    /** These customers as they are now, deleted ones included; ids the database does not have are left out. */
    List<IndexedCustomer> byIds(Collection<Long> ids) {
        Long[] idArray = ids.toArray(Long[]::new);
        try (Connection connection = dataSource.getConnection()) {
            Map<Long, List<IndexedCustomer.IndexedName>> names = names(connection,
                    NAME_COLUMNS + " WHERE n.deleted_at IS NULL AND n.customer_id = ANY (?)", idArray);
            return customers(connection, CUSTOMER_COLUMNS + " WHERE c.id = ANY (?)", idArray, names);
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
        try (Connection connection = dataSource.getConnection()) {
            // PostgreSQL uses a cursor (and honours the fetch size) only inside a transaction.
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(CUSTOMER_COLUMNS
                    + " WHERE c.mssp_id = ? AND c.deleted_at IS NULL"
                    + " ORDER BY lower(c.display_name) COLLATE \"C\", c.tenant_id")) {
                statement.setFetchSize(FETCH_SIZE);
                statement.setLong(1, msspId);
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        sink.accept(view(rows));
                    }
                }
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IOException("reading the customers failed", e);
        }
    }

    private static Map<Long, List<IndexedCustomer.IndexedName>> names(Connection connection, String sql, Long[] ids)
            throws SQLException {
        Map<Long, List<IndexedCustomer.IndexedName>> names = new HashMap<>();
        try (PreparedStatement statement = prepare(connection, sql, ids); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                names.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>(6)).add(new IndexedCustomer.IndexedName(
                        rows.getString(2), rows.getString(3), new NameKind.Column().convertToEntityAttribute(
                                rows.getString(4))));
            }
        }
        return names;
    }

    private static List<IndexedCustomer> customers(Connection connection, String sql, Long[] ids,
            Map<Long, List<IndexedCustomer.IndexedName>> names) throws SQLException {
        List<IndexedCustomer> customers = new ArrayList<>();
        try (PreparedStatement statement = prepare(connection, sql, ids); ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                long id = rows.getLong(1);
                boolean deleted = rows.getBoolean(4);
                CustomerView view = view(rows);
                customers.add(new IndexedCustomer(id, rows.getLong(2), rows.getLong(3), deleted,
                        UUID.fromString(view.tenantId()), view, deleted ? List.of() : sharing(view, names.getOrDefault(id, List.of()))));
            }
        }
        return customers;
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

    private static PreparedStatement prepare(Connection connection, String sql, Long[] ids) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        if (ids != null) {
            statement.setArray(1, connection.createArrayOf("bigint", ids));
        }
        return statement;
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
