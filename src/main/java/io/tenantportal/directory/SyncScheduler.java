package io.tenantportal.directory;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.tenantportal.mssp.Mssp;
import io.tenantportal.mssp.MsspRegistry;
import io.tenantportal.problem.ProblemException;

/**
 * Syncs every MSSP that has Graph every {@code tenantportal.sync.interval} (0: never), on quarkus-scheduler.
 * Every replica schedules; the sync lock lets one of them run each MSSP's sync, and the others skip it.
 * <p>
 * The job is defined at start-up rather than by {@code @Scheduled}: {@code every} cannot say "0 is off"
 * (it would read 0 as "every second"), and the first run should come within a minute of start-up even
 * with an interval of hours. It is the same job otherwise, with {@code concurrentExecution = SKIP}.
 */
@ApplicationScoped
class SyncScheduler {

    private static final Logger LOG = Logger.getLogger(SyncScheduler.class);
    static final String JOB = "directory-sync";
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

    @Inject
    Scheduler scheduler;

    void onStart(@Observes @Priority(MsspRegistry.STARTUP_PRIORITY + 5) StartupEvent event) {
        Duration interval = config.interval();
        if (interval.isZero() || interval.isNegative()) {
            LOG.info("scheduled directory sync is off (tenantportal.sync.interval=0)");
            return;
        }
        Duration first = interval.compareTo(FIRST_RUN_AFTER) < 0 ? interval : FIRST_RUN_AFTER;
        scheduler.newJob(JOB)
                .setInterval(interval.toString())
                .setDelayed(first.toString())
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> syncAll())
                .schedule();
        LOG.infof("directory sync every %s, first in %s", interval, first);
    }

    /** Runs on a worker thread of the scheduler, outside any request or transaction. */
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
