package io.railcast.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.railcast.server.Bookings;
import io.railcast.server.RailCastServer;
import io.railcast.server.system.JobRuns.Run;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.EverythingMatcher;
import org.quartz.listeners.TriggerListenerSupport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Two server instances in ONE Quartz cluster (the same scheduler name, their own instance ids) on a PostgreSQL of
 * this test's own: the nightly re-plan, a campaign boundary and the hold expiry each run once across the cluster,
 * and when an instance dies while it runs a job, the survivor recovers it and runs the next firing. Runs are seen by
 * a listener on each instance's scheduler, and the database says when a trigger can fire no more.
 *
 * <p>In one JVM, Spring registers each scheduler's DataSource with Quartz under the scheduler's name, so both
 * instances' job stores use the one registered last (B's): the same database, so the cluster is the same, but only B
 * may be closed last. A is the one that dies. Two bookings racing for the last inventory through two instances:
 * {@code campaign.HoldRaceIT}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class QuartzClusterIT {

    private static final String CLUSTER = "railcast-cluster-it";
    private static final String PASSWORD = "cluster-secret";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final JobKey NIGHTLY = JobKey.jobKey("nightly-replan", "planning");
    private static final JobKey BOUNDARY = JobKey.jobKey("campaign-boundary", "planning");
    private static final JobKey HOLD_EXPIRY = JobKey.jobKey("hold-expiry", "campaign");
    private static final JobKey MAKE_GOOD = JobKey.jobKey("make-good", "makegood");

    private static final JobRuns runs = new JobRuns();
    private static final DyingRun dying = new DyingRun();
    private static EmbeddedPostgres database;
    private static JdbcTemplate sql;
    private static @Nullable ConfigurableApplicationContext instanceA;
    private static @Nullable ConfigurableApplicationContext instanceB;

    @BeforeAll
    static void startTwoInstancesInOneCluster() throws Exception {
        database = EmbeddedPostgres.builder().start();
        sql = new JdbcTemplate(database.getPostgresDatabase());
        instanceA = start("a");
        instanceB = start("b");
        scheduler(instanceA).getListenerManager().addJobListener(runs.listenerFor("a"), EverythingMatcher.allJobs());
        scheduler(instanceA).getListenerManager().addTriggerListener(dying, EverythingMatcher.allTriggers());
        scheduler(instanceB).getListenerManager().addJobListener(runs.listenerFor("b"), EverythingMatcher.allJobs());
    }

    @AfterAll
    static void stopEverything() throws Exception {
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] {instanceA, instanceB}) {
            if (instance != null) {
                instance.close();
            }
        }
        dying.release(); // A's worker thread ends (its job vetoed) once nothing is left for it to change
        database.close();
    }

    @Test
    @Order(1)
    void bothInstancesCheckInToOneClusterAndShareOneTriggerPerJob() {
        assertThat(sql.queryForList(
                        "select instance_name from qrtz_scheduler_state where sched_name = ? order by 1",
                        String.class,
                        CLUSTER))
                .containsExactly("cluster-it-a", "cluster-it-b");
        for (JobKey job : List.of(NIGHTLY, BOUNDARY, HOLD_EXPIRY, MAKE_GOOD)) {
            assertThat(sql.queryForObject(
                            "select count(*) from qrtz_job_details where sched_name = ? and job_name = ?"
                                    + " and job_group = ?",
                            Long.class,
                            CLUSTER,
                            job.getName(),
                            job.getGroup()))
                    .as("stored definitions of %s", job)
                    .isOne();
        }
    }

    @Test
    @Order(2)
    void theNightlyReplanRunsOnceAcrossTheCluster() throws Exception {
        Run run = fireOnce(NIGHTLY, new JobDataMap(), "nightly");
        assertThat(run.failure()).isNull();
    }

    @Test
    @Order(3)
    void aCampaignBoundaryRunsOnceAcrossTheCluster() throws Exception {
        String campaign = sql.queryForObject("select min(id) from campaign where status = 'ACTIVE'", String.class);
        JobDataMap boundary = new JobDataMap(Map.of("campaign", campaign, "boundary", "end"));
        Run run = fireOnce(BOUNDARY, boundary, "boundary");
        assertThat(run.failure()).isNull();
        // the job sets the next boundary's trigger in the shared store: one, whichever instance ran it
        assertThat(count("qrtz_triggers where sched_name = ? and trigger_name = 'campaign-boundary'"))
                .isLessThanOrEqualTo(1);
    }

    @Test
    @Order(4)
    void theMakeGoodCountRunsOnceAcrossTheCluster() throws Exception {
        Run run = fireOnce(MAKE_GOOD, new JobDataMap(), "make-good");
        assertThat(run.failure()).isNull();
    }

    @Test
    @Order(5)
    void theHoldExpiryRunsOnceAPerFiringAcrossTheClusterAndExpiresAHoldOnce() throws Exception {
        long holdId = expiredHold("CLU-H1");
        long after = System.currentTimeMillis();
        // the real cron trigger (every 2 s here): wait for a run after the hold expired, and three more firings
        List<Run> seen = runs.await(run -> run.job().equals(HOLD_EXPIRY) && run.scheduledFireMillis() > after, 4, WAIT);
        assertThat(count("hold where id = " + holdId)).isZero();
        assertThat(sql.queryForObject(
                        "select count(*) from audit_log where kind = 'expire' and object_type = 'hold' and object_id = ?",
                        Long.class,
                        Long.toString(holdId)))
                .isOne();
        long latest = seen.stream().mapToLong(Run::scheduledFireMillis).max().orElseThrow();
        // a firing whose next one has run is done: the trigger's next fire time moved on in the store when acquired
        List<Run> done = runs.of(run -> run.job().equals(HOLD_EXPIRY) && run.scheduledFireMillis() < latest);
        assertThat(done).extracting(Run::scheduledFireMillis).doesNotHaveDuplicates();
        assertThat(done).allSatisfy(run -> assertThat(run.failure()).isNull());
    }

    @Test
    @Order(6)
    void aSurvivorRecoversTheJobOfAnInstanceThatDiedRunningItAndRunsItsNextFiring() throws Exception {
        Scheduler b = scheduler(instanceB);
        b.standby(); // B still checks in, but takes no trigger: the next hold expiry is A's
        dying.arm();
        long heldFiring = dying.awaitEntered(WAIT);
        b.start();
        // A runs the job (the trigger is blocked: hold expiry never runs twice at once) and dies doing so
        assertThat(count("qrtz_fired_triggers where sched_name = ? and instance_name = 'cluster-it-a'"
                        + " and state = 'EXECUTING'"))
                .isOne();
        assertThat(sql.queryForObject(
                        "select trigger_state from qrtz_triggers where sched_name = ? and trigger_name = 'hold-expiry'",
                        String.class,
                        CLUSTER))
                .isEqualTo("BLOCKED");
        ConfigurableApplicationContext killed = instanceA;
        instanceA = null;
        killed.close(); // its scheduler stops without waiting for the job it is running
        long killedAt = System.currentTimeMillis();

        List<Run> next =
                runs.await(run -> run.job().equals(HOLD_EXPIRY) && run.scheduledFireMillis() > killedAt, 1, WAIT);
        assertThat(next.get(0).instance()).isEqualTo("b");
        assertThat(next.get(0).failure()).isNull();
        // B found A failed (no check-in) and recovered it: A's row and its fired trigger are gone
        await(() -> count("qrtz_scheduler_state where sched_name = ? and instance_name = 'cluster-it-a'") == 0);
        assertThat(count("qrtz_fired_triggers where sched_name = ? and instance_name = 'cluster-it-a'"))
                .isZero();
        // the firing A died in ran nowhere (the jobs do not ask for recovery: the next firing makes up for it)
        assertThat(runs.of(run -> run.job().equals(HOLD_EXPIRY) && run.scheduledFireMillis() == heldFiring))
                .isEmpty();
    }

    /**
     * Fires {@code job} once through a trigger of this test's, stored through B, and answers its one run once the
     * store holds neither the trigger nor a firing of it, so that no instance can run it again.
     */
    private static Run fireOnce(JobKey job, JobDataMap data, String name) throws Exception {
        TriggerKey key = TriggerKey.triggerKey("cluster-it-" + name, "cluster-it");
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(key)
                .forJob(job)
                .usingJobData(data)
                .startNow()
                .build();
        instanceB.getBean(ClusteredJobs.class).change(scheduler -> scheduler.scheduleJob(trigger));
        Predicate<Run> byTrigger = run -> run.trigger().equals(key);
        runs.await(byTrigger, 1, WAIT);
        await(() -> count("qrtz_triggers where sched_name = ? and trigger_name = '" + key.getName() + "'") == 0
                && count("qrtz_fired_triggers where sched_name = ? and trigger_name = '" + key.getName() + "'") == 0);
        List<Run> all = runs.of(byTrigger);
        assertThat(all).as("runs of %s in both instances", job).hasSize(1);
        return all.get(0);
    }

    /** A hold taken through A for {@code campaign}, then moved into the past so that it has expired. */
    private static long expiredHold(String campaign) {
        WebTestClient admin = client("admin", PASSWORD);
        Bookings.ensureCreative(admin, sql);
        String station = Bookings.hub(sql);
        client("planner", PASSWORD)
                .post()
                .uri("/api/v1/holds")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Bookings.commercial(
                        campaign, station, "1/5min", Bookings.today().plusDays(40)))
                .exchange()
                .expectStatus()
                .isCreated();
        sql.update(
                "update hold set created_at = now() - interval '2 days', expires_at = now() - interval '1 day'"
                        + " where campaign_id = ?",
                campaign);
        return sql.queryForObject("select id from hold where campaign_id = ?", Long.class, campaign);
    }

    /** Rows of {@code tableAndCondition}, whose one parameter is the cluster's name when it has one. */
    private static long count(String tableAndCondition) {
        String query = "select count(*) from " + tableAndCondition;
        Long count = tableAndCondition.contains("?")
                ? sql.queryForObject(query, Long.class, CLUSTER)
                : sql.queryForObject(query, Long.class);
        return count == null ? 0 : count;
    }

    /** Asks the database until {@code condition} holds: what it waits for is another instance's commit. */
    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("deadline").isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(100); // a polling interval, not a stand-in for synchronisation
        }
    }

    private static WebTestClient client(String user, String password) {
        return WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + instanceA.getEnvironment().getProperty("local.server.port"))
                .responseTimeout(Duration.ofMinutes(2))
                .defaultHeaders(headers -> headers.setBasicAuth(user, password))
                .build();
    }

    private static Scheduler scheduler(ConfigurableApplicationContext instance) {
        return instance.getBean(Scheduler.class);
    }

    private static ConfigurableApplicationContext start(String name) {
        String address = "localhost:" + database.getPort() + "/postgres";
        return new SpringApplicationBuilder(RailCastServer.class)
                .run(
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--spring.r2dbc.url=r2dbc:postgresql://" + address,
                        "--spring.r2dbc.username=postgres",
                        "--spring.datasource.url=jdbc:postgresql://" + address,
                        "--spring.datasource.username=postgres",
                        "--spring.quartz.scheduler-name=" + CLUSTER,
                        "--spring.quartz.properties.org.quartz.scheduler.instanceId=cluster-it-" + name,
                        // a dead instance is found within a second of check-in, plus Quartz's fixed 7.5 s of grace
                        "--spring.quartz.properties.org.quartz.jobStore.clusterCheckinInterval=1000",
                        "--railcast.booking.hold-expiry-cron=0/2 * * * * ?",
                        "--railcast.security.admin-password=" + PASSWORD,
                        "--railcast.demo.stations=20",
                        "--railcast.demo.screens=200",
                        "--railcast.demo.campaigns=30",
                        "--railcast.demo.users-password=" + PASSWORD,
                        "--railcast.planning.horizon-hours=24",
                        "--railcast.media.dir=target/it-media/cluster-" + name);
    }

    /**
     * Once armed, holds A's next hold-expiry run before it starts, as if A's process froze there, and vetoes it when
     * released at the end: the dead instance does nothing more.
     */
    private static final class DyingRun extends TriggerListenerSupport {

        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private final AtomicLong firing = new AtomicLong();
        private volatile boolean armed;

        @Override
        public String getName() {
            return "dying-run";
        }

        void arm() {
            armed = true;
        }

        long awaitEntered(Duration timeout) throws InterruptedException {
            assertThat(entered.await(timeout.toMillis(), TimeUnit.MILLISECONDS))
                    .as("A ran the hold expiry")
                    .isTrue();
            return firing.get();
        }

        void release() {
            released.countDown();
        }

        @Override
        public boolean vetoJobExecution(Trigger trigger, JobExecutionContext context) {
            if (!armed || !trigger.getJobKey().equals(HOLD_EXPIRY) || entered.getCount() == 0) {
                return false;
            }
            firing.set(context.getScheduledFireTime().getTime());
            entered.countDown();
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return true;
        }
    }
}
