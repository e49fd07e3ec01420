package io.railcast.server.makegood;

import java.time.Duration;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The make-good job ({@link MakeGoods#run}): on one instance of the cluster at a time; its result is the run.
 */
@DisallowConcurrentExecution
class MakeGoodJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(MakeGoodJob.class);

    private final MakeGoods makeGoods;

    MakeGoodJob(MakeGoods makeGoods) {
        this.makeGoods = makeGoods;
    }

    @Override
    public void execute(JobExecutionContext context) throws JobExecutionException {
        try {
            MakeGoodRun run = makeGoods.run().block(Duration.ofMinutes(10));
            context.setResult(run);
            if (run != null && (run.changedStationDays() > 0 || run.placed().plays() > 0)) {
                log.info(
                        "Owed plays counted: {} station-days changed, {} owe plays; {} plays placed in {} make-goods,"
                                + " {} still owed",
                        run.changedStationDays(),
                        run.owed().stationDays(),
                        run.placed().plays(),
                        run.placed().makeGoods(),
                        run.owed().stillOwedPlays());
            }
        } catch (RuntimeException e) {
            throw new JobExecutionException("make-good run failed", e, false);
        }
    }
}
