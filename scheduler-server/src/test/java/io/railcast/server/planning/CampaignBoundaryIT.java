package io.railcast.server.planning;

import static io.railcast.server.Bookings.commercial;
import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.Bookings;
import io.railcast.server.ServerIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobListener;
import org.quartz.Scheduler;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.impl.matchers.KeyMatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** The Quartz job that fires when a campaign's flight boundary enters the horizon (24 h in the tests). */
class CampaignBoundaryIT extends ServerIntegrationTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    private Scheduler scheduler;

    @Test
    void firesOnceWhenABookedFlightStartEntersTheHorizonAndMovesOnToTheNext() throws Exception {
        JobDetail job = scheduler.getJobDetail(CampaignBoundarySchedule.JOB);
        assertThat(job.isDurable()).isTrue();
        assertThat(job.isConcurrentExecutionDisallowed()).isTrue();

        // a flight that starts 24 h and 20-80 s from now: its start enters the horizon at least 20 s after the booking
        // below, which publishes and sets the trigger in well under a second. The trigger names one campaign for an
        // instant, so the minute must be one where no other active campaign's flight starts or ends (the demo's
        // start on quarter hours): with a tie the firing would name the other campaign.
        LocalDateTime start =
                LocalDateTime.now(ZONE).plusHours(24).plusSeconds(80).truncatedTo(ChronoUnit.MINUTES);
        while (anotherBoundaryAt(start)) {
            start = start.plusMinutes(1);
        }
        Instant entry = start.atZone(ZONE).toInstant().minus(Duration.ofHours(24));
        CompletableFuture<JobExecutionContext> fired = new CompletableFuture<>();
        JobListener listener = new JobListener() {
            @Override
            public String getName() {
                return "campaign-boundary-it";
            }

            @Override
            public void jobToBeExecuted(JobExecutionContext context) {}

            @Override
            public void jobExecutionVetoed(JobExecutionContext context) {}

            @Override
            public void jobWasExecuted(JobExecutionContext context, JobExecutionException failure) {
                if ("BND-1".equals(context.getMergedJobDataMap().getString(CampaignBoundaryJob.CAMPAIGN))) {
                    fired.complete(context);
                }
            }
        };
        scheduler.getListenerManager().addJobListener(listener, KeyMatcher.keyEquals(CampaignBoundarySchedule.JOB));
        try {
            Bookings.ensureCreative(admin(), sql());
            Map<String, Object> campaign =
                    commercial("BND-1", Bookings.stations(sql()).get(5), "1/h");
            campaign.put(
                    "flight",
                    Map.of("start", start.toString(), "end", start.plusDays(2).toString()));
            as("planner")
                    .post()
                    .uri("/api/v1/campaigns")
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(campaign)
                    .exchange()
                    .expectStatus()
                    .isCreated();

            JobExecutionContext context = fired.get(3, TimeUnit.MINUTES);
            assertThat(context.getScheduledFireTime().toInstant()).isEqualTo(entry);
            assertThat(context.getMergedJobDataMap().getString(CampaignBoundaryJob.BOUNDARY))
                    .isEqualTo("start");
            assertThat(context.getResult())
                    .as("the current version already plans the horizon")
                    .isNull();

            // the job set the trigger to the next boundary after this one, or removed it if there is none
            Trigger next = scheduler.getTrigger(CampaignBoundarySchedule.TRIGGER);
            if (next != null) {
                assertThat(next.getNextFireTime().toInstant()).isAfter(entry);
                assertThat(next.getMisfireInstruction()).isEqualTo(SimpleTrigger.MISFIRE_INSTRUCTION_FIRE_NOW);
            }
        } finally {
            scheduler.getListenerManager().removeJobListener(listener.getName());
        }
    }

    private boolean anotherBoundaryAt(LocalDateTime local) {
        Long campaigns = sql().queryForObject(
                        "select count(*) from campaign where status = 'ACTIVE'"
                                + " and ((body->'flight'->>'start')::timestamp = ?::timestamp"
                                + " or (body->'flight'->>'end')::timestamp = ?::timestamp)",
                        Long.class,
                        local.toString(),
                        local.toString());
        return campaigns != null && campaigns > 0;
    }
}
