package io.tenantportal.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.tenantportal.mssp.MsspRegistry;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.pgclient.pubsub.PgSubscriber;

/**
 * Keeps this replica's {@link NameIndex} in step with what other replicas (and syncs, imports, scripts)
 * commit: PostgreSQL notifies the channel {@value #CHANNEL} with a customer id from the writing
 * transaction (see V4__customer_change_notifications.sql), and the customers named are read again in
 * batches. Vert.x's PgSubscriber holds the LISTEN connection and reconnects when it drops; every time
 * it is listening again the whole index is reloaded, because notifications sent meanwhile are lost.
 */
@ApplicationScoped
public class CustomerChangeFeed {

    static final String CHANNEL = "tenantportal_customers";
    /** Shows in pg_stat_activity, so an operator (or a test) can find the listening connection. */
    public static final String APPLICATION_NAME = "tenant-portal-listener";
    private static final Logger LOG = Logger.getLogger(CustomerChangeFeed.class);
    private static final Duration CONNECT_WAIT = Duration.ofSeconds(10);
    private static final long MAX_RECONNECT_DELAY_MS = 2_000;
    /** Reloads name at most this many customers per query. */
    private static final int BATCH = 1_000;
    /** How long the look for the LISTEN connection's session may wait for the database (see {@link #checkListener}). */
    private static final int CHECK_TIMEOUT_MS = 5_000;
    /**
     * Asked of the LISTEN connection's server session at every connect: probe the connection after 10 s
     * without traffic, then every 5 s, and end the session after 3 probes unanswered. A network cut then
     * ends the session within about 25 s, which {@link #checkListener} notices; and the probes keep
     * firewalls and load balancers that drop idle connections from dropping this one.
     */
    private static final String SERVER_KEEPALIVES =
            "SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3";
    /**
     * The session's own process id, asked of the session: the one the connection was given at start-up
     * can be a pooler's (PgBouncer hands out keys of its own), which pg_stat_activity never shows.
     */
    private static final String OWN_PROCESS = "SELECT pg_backend_pid()";
    private static final String SESSION_THERE = "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = ? "
            + "AND application_name = '" + APPLICATION_NAME + "' AND datname = current_database())";

    @Inject
    Vertx vertx;

    @Inject
    NameIndex index;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    Optional<String> username;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private volatile PgSubscriber subscriber;
    /** The LISTEN connection's server session, once it told its process id; null until then. */
    private volatile ListeningSession session;
    private final AtomicBoolean begun = new AtomicBoolean();
    private final CompletableFuture<Void> firstLoad = new CompletableFuture<>();
    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean drainQueued = new AtomicBoolean();
    private final AtomicBoolean reloadQueued = new AtomicBoolean();
    private volatile boolean started;
    /** One thread applies notifications in the order they came, off the event loop. */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "customer-change-feed");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Starts listening and the first full load on the feed's thread, once. {@link IndexLoadAfterMigration}
     * calls it as soon as Flyway has migrated the schema, so the load runs while Hibernate, OIDC and the
     * HTTP layer are still starting; {@link #onStart} calls it in case no migration ran.
     */
    void begin() {
        if (begun.compareAndSet(false, true)) {
            worker.execute(this::listenThenLoad);
        }
    }

    /** Start-up goes on (link health, the HTTP server) only with the index loaded, as if it had loaded here. */
    void onStart(@Observes @Priority(MsspRegistry.STARTUP_PRIORITY + 3) StartupEvent event) {
        begin();
        try {
            firstLoad.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private void listenThenLoad() {
        try {
            subscriber = PgSubscriber.subscriber(vertx, connectOptions())
                    .reconnectPolicy(retries -> Math.min(MAX_RECONNECT_DELAY_MS, 100L * (1L << Math.min(retries, 5))));
            subscriber.channel(CHANNEL)
                    .handler(this::onNotification)
                    .subscribeHandler(v -> onListening());
            try {
                // Listen first, then load: a change committed in between is both loaded and notified, never lost.
                subscriber.connect().toCompletionStage().toCompletableFuture()
                        .get(CONNECT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                LOG.warnf("name index: cannot listen for customer changes yet (%s); retrying, and reloading once "
                        + "listening", e.getClass().getSimpleName());
            }
            index.reloadAll();
            started = true;
            firstLoad.complete(null);
        } catch (RuntimeException | Error e) {
            // Whatever ends the load ends the wait in onStart too: start-up fails rather than hangs.
            firstLoad.completeExceptionally(e);
        }
    }

    /**
     * Notices a LISTEN connection whose server session ended without this side being told (a network
     * cut, a failover that left no one to close it): every 10 s the session is looked up over JDBC, and
     * when the database answers that it is not there the connection is closed, so the subscriber
     * reconnects and the index reloads. Not a query on the LISTEN connection itself, as before: that
     * query went through the Netty code every HTTP request runs, with handlers of its own, and every 10 s
     * it sent the JIT's compiled request path back to be compiled again (README, "Benchmark").
     */
    @Scheduled(every = "10s", identity = "listener-check", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkListener() {
        ListeningSession listening = session;
        PgConnection connection = started ? subscriber.actualConnection() : null;
        // Only a session whose process id is known, and that is still the one the subscriber holds.
        if (listening != null && listening.connection() == connection && sessionGone(listening.processId())) {
            LOG.warn("name index: the LISTEN connection's database session is gone; reconnecting");
            connection.close();
        }
    }

    private record ListeningSession(PgConnection connection, int processId) {
    }

    /** True only when the database answered and holds no listening session with this process id. */
    private boolean sessionGone(int processId) {
        try (Connection jdbc = dataSource.getConnection()) {
            // A connection the network swallowed would block the read for good: give up after a while instead.
            int poolTimeout = jdbc.getNetworkTimeout();
            jdbc.setNetworkTimeout(Runnable::run, CHECK_TIMEOUT_MS);
            try (PreparedStatement statement = jdbc.prepareStatement(SESSION_THERE)) {
                statement.setInt(1, processId);
                try (ResultSet rows = statement.executeQuery()) {
                    return rows.next() && !rows.getBoolean(1);
                }
            } finally {
                jdbc.setNetworkTimeout(Runnable::run, poolTimeout);
            }
        } catch (SQLException e) {
            LOG.debugf("name index: could not look for the LISTEN connection's session (%s)", e.getMessage());
            return false;
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.close();
        }
        worker.shutdownNow();
    }

    /** True while the LISTEN connection is up. */
    public boolean listening() {
        return subscriber != null && subscriber.actualConnection() != null;
    }

    private void onListening() {
        PgConnection connection = subscriber.actualConnection();
        if (connection != null) {
            session = null;
            connection.query(SERVER_KEEPALIVES).execute().onFailure(e -> LOG.warnf(
                    "name index: the database refused TCP keepalives for the LISTEN connection (%s)", e.getMessage()));
            connection.query(OWN_PROCESS).execute()
                    .onSuccess(rows -> {
                        if (subscriber.actualConnection() == connection) {
                            session = new ListeningSession(connection, rows.iterator().next().getInteger(0));
                        }
                    })
                    .onFailure(e -> LOG.warnf("name index: the LISTEN connection did not tell its process id (%s); "
                            + "a cut that ends its session goes unnoticed until it closes", e.getMessage()));
        }
        if (started) {
            // Back after a lost connection: what was notified meanwhile is lost, so read everything again.
            LOG.info("name index: listening for customer changes again; reloading every customer");
            queueFullReload();
        }
    }

    private void onNotification(String payload) {
        if ("*".equals(payload)) {
            queueFullReload();
            return;
        }
        try {
            pending.add(Long.parseLong(payload));
        } catch (NumberFormatException e) {
            LOG.debugf("name index: ignored a notification that is not a customer id");
            return;
        }
        if (drainQueued.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    private void drain() {
        drainQueued.set(false);
        Set<Long> ids = new HashSet<>(pending);
        pending.removeAll(ids);
        List<Long> all = List.copyOf(ids);
        try {
            for (int from = 0; from < all.size(); from += BATCH) {
                index.reload(all.subList(from, Math.min(all.size(), from + BATCH)));
            }
        } catch (IndexUnavailableException e) {
            // The database went away between the notification and the read: read everything once it is back.
            LOG.warnf("name index: %s; reloading everything when the database answers", e.getMessage());
            queueFullReload();
        }
    }

    private void queueFullReload() {
        if (reloadQueued.compareAndSet(false, true)) {
            worker.execute(this::fullReload);
        }
    }

    private void fullReload() {
        reloadQueued.set(false);
        try {
            index.reloadAll();
        } catch (IndexUnavailableException e) {
            LOG.warnf("name index: %s; trying again shortly", e.getMessage());
            vertx.setTimer(MAX_RECONNECT_DELAY_MS, id -> queueFullReload());
        }
    }

    /** The LISTEN connection goes to the same database as the JDBC pool, with the same credentials. */
    PgConnectOptions connectOptions() {
        String uri = jdbcUrl.startsWith("jdbc:") ? jdbcUrl.substring("jdbc:".length()) : jdbcUrl;
        PgConnectOptions options = PgConnectOptions.fromUri(uri);
        username.ifPresent(options::setUser);
        password.ifPresent(options::setPassword);
        options.addProperty("application_name", APPLICATION_NAME);
        options.setTcpKeepAlive(true);
        return options;
    }

    /** The listening connection, for tests that cut it. */
    PgConnection connection() {
        return subscriber.actualConnection();
    }
}
