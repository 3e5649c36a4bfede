package io.tenantportal.directory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tenantportal.mssp.Mssp;
import io.tenantportal.mssp.MsspRegistry;
import io.tenantportal.problem.ProblemException;

/**
 * Syncs every MSSP that has Graph every {@code tenantportal.sync.interval} (0: never). Every replica
 * schedules; the sync lock lets one of them run each MSSP's sync, and the others skip it.
 */
@ApplicationScoped
class SyncScheduler {

    private static final Logger LOG = Logger.getLogger(SyncScheduler.class);
    /** The first run after start-up waits at most this long, so a new deployment fills its mapping soon. */
    private static final Duration FIRST_RUN_AFTER = Duration.ofMinutes(1);

    @Inject
    SyncConfig config;

    @Inject
    MsspRegistry registry;

    @Inject
    Directory directory;

    @Inject
    DirectorySync sync;

    private ScheduledExecutorService executor;

    void onStart(@Observes @Priority(MsspRegistry.STARTUP_PRIORITY + 5) StartupEvent event) {
        Duration interval = config.interval();
        if (interval.isZero() || interval.isNegative()) {
            LOG.info("scheduled directory sync is off (tenantportal.sync.interval=0)");
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "directory-sync");
            thread.setDaemon(true);
            return thread;
        });
        long first = Math.min(interval.toMillis(), FIRST_RUN_AFTER.toMillis());
        executor.scheduleWithFixedDelay(this::syncAll, first, interval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.infof("directory sync every %s", interval);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Runs on the scheduler's own thread, outside any request or transaction. */
    void syncAll() {
        for (Mssp mssp : registry.all()) {
            if (!directory.serves(mssp)) {
                continue;
            }
            try {
                sync.run(mssp, DirectorySync.Trigger.SCHEDULE, false);
            } catch (ProblemException e) {
                // Reported and logged by the sync itself; another replica's running sync is fine too.
                LOG.debugf("scheduled sync of MSSP '%s' did not run to the end: %s", mssp.key(), e.detail());
            } catch (RuntimeException e) {
                LOG.errorf(e, "scheduled sync of MSSP '%s' failed", mssp.key());
            }
        }
    }
}
