package io.railcast.server.planning;

import io.railcast.model.campaign.Campaign;
import io.railcast.server.system.ClusteredJobs;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Keeps one Quartz trigger, {@code campaign-boundary} in group {@code planning}, at the next instant a flight
 * boundary (start or end) of an active campaign enters the horizon: the boundary, in the planning zone, less
 * {@code railcast.planning.horizon-hours}. It is set at start, after every version this instance publishes (a
 * booking may bring a nearer boundary), and by the job itself after each fire.
 *
 * <p>Clustered: the trigger lives in the shared JDBC store, so it fires on one instance. Instances that reschedule at
 * the same time may have read different bookings; a pending trigger is therefore only ever moved earlier, never
 * later, except by the job that has just fired (a fire for a campaign cancelled since only finds nothing to do).
 * Misfire: fire now. A boundary passed while every instance was down is checked once at start.
 */
@Component
class CampaignBoundarySchedule implements AutoCloseable {

    static final JobKey JOB = JobKey.jobKey("campaign-boundary", "planning");
    static final TriggerKey TRIGGER = TriggerKey.triggerKey("campaign-boundary", "planning");

    private static final Logger log = LoggerFactory.getLogger(CampaignBoundarySchedule.class);

    private final ClusteredJobs jobs;
    private final CampaignBook campaigns;
    private final PlanningProperties properties;
    private final Disposable listening;

    CampaignBoundarySchedule(
            ClusteredJobs jobs, CampaignBook campaigns, PlanningProperties properties, PlanningService planning) {
        this.jobs = jobs;
        this.campaigns = campaigns;
        this.properties = properties;
        this.listening = planning.events()
                .filter(event -> PlanEvent.FINISHED.equals(event.type()) && "PUBLISHED".equals(event.outcome()))
                .onBackpressureLatest()
                .concatMap(
                        event -> Mono.fromRunnable(this::scheduleEarlier)
                                .subscribeOn(Schedulers.boundedElastic())
                                .onErrorResume(e -> {
                                    log.warn("Could not schedule the next campaign boundary: {}", e.toString());
                                    return Mono.empty();
                                }),
                        1)
                .subscribe();
    }

    /** A boundary of a campaign entering the horizon at {@code at}. */
    record Boundary(String campaign, String kind, Instant at) {}

    @EventListener(ApplicationReadyEvent.class)
    void atStart() throws SchedulerException {
        // replace: instances starting together would otherwise race to add it; the definition is the same
        JobDetail job = JobBuilder.newJob(CampaignBoundaryJob.class)
                .withIdentity(JOB)
                .withDescription("re-plan when a campaign's flight boundary enters the horizon")
                .storeDurably()
                .build();
        jobs.change(scheduler -> {
            scheduler.addJob(job, true);
            return job;
        });
        try {
            scheduleEarlier();
        } catch (RuntimeException e) {
            // the nightly re-plan still moves the horizon on; the next publication tries again
            log.warn("Could not schedule the next campaign boundary at start: {}", e.toString());
        }
    }

    /** Moves the trigger to the next boundary if that is earlier than the pending fire (or none is pending). */
    void scheduleEarlier() {
        schedule(false);
    }

    /** Sets the trigger to the next boundary, or removes it when there is none; called by the job after a fire. */
    void scheduleNext() {
        schedule(true);
    }

    /** The first boundary entering the horizon after {@code now}, over every given campaign. */
    static Optional<Boundary> next(List<Campaign> active, Instant now, PlanningProperties properties) {
        Duration horizon = Duration.ofHours(properties.horizonHours());
        Boundary first = null;
        for (Campaign campaign : active) {
            for (String kind : new String[] {"start", "end"}) {
                LocalDateTime local = kind.equals("start")
                        ? campaign.flight().start()
                        : campaign.flight().end();
                Instant at = local.atZone(properties.zone()).toInstant().minus(horizon);
                if (at.isAfter(now) && (first == null || at.isBefore(first.at()))) {
                    first = new Boundary(campaign.id(), kind, at);
                }
            }
        }
        return Optional.ofNullable(first);
    }

    private synchronized void schedule(boolean replace) {
        List<Campaign> active = campaigns.active().block(Duration.ofMinutes(1));
        Optional<Boundary> next = next(active == null ? List.of() : active, Instant.now(), properties);
        try {
            jobs.change(scheduler -> schedule(scheduler, next, replace));
        } catch (SchedulerException e) {
            throw new IllegalStateException("could not schedule the next campaign boundary", e);
        }
    }

    /** Sets, moves or removes the trigger in one transaction of the store; answers whether it changed it. */
    private static boolean schedule(Scheduler scheduler, Optional<Boundary> next, boolean replace)
            throws SchedulerException {
        Trigger pending = scheduler.getTrigger(TRIGGER);
        @Nullable Date pendingAt = pending == null ? null : pending.getNextFireTime();
        if (next.isEmpty()) {
            if (replace && pending != null) {
                return scheduler.unscheduleJob(TRIGGER);
            }
            return false;
        }
        Boundary boundary = next.get();
        if (pendingAt != null && !replace && !pendingAt.toInstant().isAfter(boundary.at())) {
            return false; // a nearer (or the same) boundary is already pending
        }
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(TRIGGER)
                .forJob(JOB)
                .usingJobData(CampaignBoundaryJob.CAMPAIGN, boundary.campaign())
                .usingJobData(CampaignBoundaryJob.BOUNDARY, boundary.kind())
                .startAt(Date.from(boundary.at()))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        if (pending == null) {
            try {
                scheduler.scheduleJob(trigger);
            } catch (ObjectAlreadyExistsException e) {
                scheduler.rescheduleJob(TRIGGER, trigger); // another instance stored one meanwhile
            }
        } else if (scheduler.rescheduleJob(TRIGGER, trigger) == null) {
            scheduler.scheduleJob(trigger); // the pending one fired and was removed meanwhile
        }
        log.info(
                "Next campaign boundary: the {} of {} enters the horizon at {}",
                boundary.kind(),
                boundary.campaign(),
                boundary.at());
        return true;
    }

    @Override
    public void close() {
        listening.dispose();
    }
}
