package io.railcast.server.planning;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires when a campaign's flight start or end enters the horizon (now + {@code railcast.planning.horizon-hours}).
 * From then on every published version must plan that boundary; when the latest version does not reach the end of
 * the horizon (the nightly re-plan was missed or failed, and no booking re-planned since), the whole network is
 * re-planned and published. Normally the nightly re-plan has already moved the horizon on, and the job only
 * schedules the next boundary. Runs on one instance of the cluster, never twice at once. The job's result is the
 * version current after a re-plan, null when none was due.
 */
@DisallowConcurrentExecution
class CampaignBoundaryJob implements Job {

    static final String CAMPAIGN = "campaign";
    static final String BOUNDARY = "boundary";

    private static final Logger log = LoggerFactory.getLogger(CampaignBoundaryJob.class);

    private final PlanningService planning;
    private final ScheduleStore store;
    private final CampaignBoundarySchedule schedule;
    private final PlanningProperties properties;
    private final Clock clock;

    CampaignBoundaryJob(
            PlanningService planning,
            ScheduleStore store,
            CampaignBoundarySchedule schedule,
            PlanningProperties properties,
            Clock clock) {
        this.planning = planning;
        this.store = store;
        this.schedule = schedule;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        String campaign = context.getMergedJobDataMap().getString(CAMPAIGN);
        String boundary = context.getMergedJobDataMap().getString(BOUNDARY);
        try {
            Instant horizonEnd = clock.instant().plus(Duration.ofHours(properties.horizonHours()));
            PublishedVersion latest = store.latest().block(Duration.ofMinutes(1));
            if (due(latest, horizonEnd, properties.zone())) {
                Long version = planning.replan(
                                "campaign boundary: " + campaign + " " + boundary + " enters the horizon")
                        .block(Duration.ofMinutes(30));
                context.setResult(version);
                log.info("Re-planned for the {} of campaign {}; current version {}", boundary, campaign, version);
            } else {
                log.debug(
                        "The {} of campaign {} enters the horizon; version {} plans it already",
                        boundary,
                        campaign,
                        latest == null ? null : latest.version());
            }
        } catch (RuntimeException e) {
            throw new JobExecutionException("the re-plan at a campaign boundary failed", e, false);
        } finally {
            schedule.scheduleNext();
        }
    }

    /** Whether a re-plan is due: no version yet, or the latest one's last day ends before the horizon does. */
    static boolean due(@Nullable PublishedVersion latest, Instant horizonEnd, ZoneId zone) {
        if (latest == null) {
            return true;
        }
        LocalDate lastDay = latest.firstDay().plusDays(latest.days() - 1L);
        return lastDay.isBefore(LocalDate.ofInstant(horizonEnd, zone));
    }
}
