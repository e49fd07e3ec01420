package io.railcast.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChaosOptionsTest {

    private static final String[] REQUIRED = {
        "--server-jar",
        "server.jar",
        "--agent-jar",
        "agent.jar",
        "--dir",
        "run",
        "--admin-password",
        "a",
        "--planner-password",
        "p"
    };

    private static String[] with(String... more) {
        String[] args = new String[REQUIRED.length + more.length];
        System.arraycopy(REQUIRED, 0, args, 0, REQUIRED.length);
        System.arraycopy(more, 0, args, REQUIRED.length, more.length);
        return args;
    }

    @Test
    void everyFaultThreeTimesOnTwoServersByDefault() {
        ChaosOptions options = ChaosOptions.parse(REQUIRED);
        assertThat(options.faults()).containsExactly(Fault.values());
        assertThat(options.repeat()).isEqualTo(3);
        assertThat(options.servers()).isEqualTo(2);
        assertThat(options.realAgents()).isEqualTo(4);
    }

    @Test
    void realAgentsNeedTheAgentsJarAndNoneNeedNothing() {
        String[] withoutJar = {
            "--server-jar", "s.jar", "--dir", "run", "--admin-password", "a", "--planner-password", "p"
        };
        assertThatThrownBy(() -> ChaosOptions.parse(withoutJar))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--agent-jar");
        String[] none = java.util.Arrays.copyOf(withoutJar, withoutJar.length + 2);
        none[withoutJar.length] = "--real-agents";
        none[withoutJar.length + 1] = "0";
        assertThat(ChaosOptions.parse(none).realAgents()).isZero();
    }

    @Test
    void faultsAreNamedByTheirLabelsInTheGivenOrder() {
        assertThat(ChaosOptions.parse(with("--faults", "net-stall, server-kill"))
                        .faults())
                .isEqualTo(List.of(Fault.NET_STALL, Fault.SERVER_KILL));
        assertThat(Fault.PG_IMMEDIATE.label()).isEqualTo("pg-immediate");
    }

    @Test
    void quickRunsEachFaultOnceWithFewerAgents() {
        ChaosOptions options = ChaosOptions.parse(with("--quick", "--servers", "1"));
        assertThat(options.repeat()).isEqualTo(1);
        assertThat(options.agents()).isEqualTo(100);
        assertThat(options.servers()).isEqualTo(1);
    }

    @Test
    void aSurgeAddsNineTimesTheFleetsOwnRequestRate() {
        // 100 agents: a play upload every 10 s and a heartbeat a minute each, about 11.7 requests a second
        assertThat(ChaosBenchmark.surgePerSecond(100, ChaosOptions.parse(REQUIRED)))
                .isBetween(105, 106);
    }

    @Test
    void unknownFaultsAndServerCountsAreRefused() {
        assertThatThrownBy(() -> ChaosOptions.parse(with("--faults", "meteor")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("meteor")
                .hasMessageContaining("server-kill");
        assertThatThrownBy(() -> ChaosOptions.parse(with("--servers", "3")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
