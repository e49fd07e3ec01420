package io.railcast.bench.chaos;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real player agents beside the virtual fleet: child JVMs from player-agent's jar, headless, one per screen with its
 * own token, through the same {@link TcpProxy}, each with its cache directory on its own small tmpfs, so that
 * {@link AgentDisk} can fill it or make it read-only. What each shows goes to {@code real-agent-<i>.out} (the lines
 * {@link RealAgentAudit} reads), its log to {@code real-agent-<i>.log}. When mounting fails (not root, no tmpfs), the
 * caches are plain directories and the disk faults are skipped.
 */
final class RealAgents implements AutoCloseable {

    /** One agent: its screen, its cache, what it prints, its process. */
    record Agent(String screen, Path cache, Path out, Path log, Process process) {}

    private final List<Agent> agents = new ArrayList<>();
    private final List<AgentDisk> disks = new ArrayList<>();
    private boolean mounted = true;
    private String whyNotMounted = "";

    /** Starts one agent per screen of {@code tokens}, talking to {@code origin}. */
    void start(Path agentJar, Path dir, URI origin, Map<String, String> tokens) throws IOException {
        int i = 0;
        for (Map.Entry<String, String> screen : tokens.entrySet()) {
            Path home = dir.resolve("real-agent-" + i);
            Path cache = home.resolve("cache");
            Files.createDirectories(cache);
            AgentDisk disk = new AgentDisk(cache);
            String refused = disk.mount();
            if (refused == null) {
                disks.add(disk);
            } else {
                mounted = false;
                whyNotMounted = refused;
                ChaosBenchmark.log("no tmpfs for " + cache + " (" + refused + "): the agent disk faults are skipped");
            }
            Path config = home.resolve("agent.properties"); // the token off the command line, as README-agent.md says
            Files.writeString(config, "token=" + screen.getValue() + "\n");
            Path out = dir.resolve("real-agent-" + i + ".out");
            Path log = dir.resolve("real-agent-" + i + ".log");
            Process process = new ProcessBuilder(List.of(
                            "java",
                            "-Xmx96m",
                            "-XX:+UseSerialGC",
                            "-jar",
                            agentJar.toString(),
                            "--server",
                            origin.toString(),
                            "--config",
                            config.toString(),
                            "--cache",
                            cache.toString(),
                            "--mode",
                            "headless"))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            agents.add(new Agent(screen.getKey(), cache, out, log, process));
            i++;
        }
    }

    List<Agent> agents() {
        return List.copyOf(agents);
    }

    int size() {
        return agents.size();
    }

    /** Whether every agent's cache is on its own tmpfs, so the disk faults can be injected. */
    boolean disksMounted() {
        return mounted && !disks.isEmpty();
    }

    String whyNotMounted() {
        return agents.isEmpty() ? "no real agents" : whyNotMounted;
    }

    /** The disk of the {@code repetition}-th victim, in turn. */
    AgentDisk disk(int repetition) {
        return disks.get(repetition % disks.size());
    }

    /** The {@code repetition}-th victim, whose disk is {@link #disk}. */
    Agent agent(int repetition) {
        return agents.get(repetition % disks.size());
    }

    /** Screens by the agent that plays them: {@code screen -> out file}. */
    Map<String, Path> outputs() {
        Map<String, Path> outputs = new LinkedHashMap<>();
        agents.forEach(agent -> outputs.put(agent.screen(), agent.out()));
        return outputs;
    }

    /** Waits until every agent has shown a spot, or {@code timeout}; answers how many have. */
    long awaitPlaying(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long playing = 0;
        while (System.nanoTime() < deadline) {
            playing = 0;
            for (Agent agent : agents) {
                if (RealAgentAudit.lines(agent.out()).stream().anyMatch(RealAgentAudit.Line::spot)) {
                    playing++;
                }
            }
            if (playing == agents.size()) {
                break;
            }
            Thread.sleep(500);
        }
        return playing;
    }

    /**
     * What the agents' logs say of their journals' disks: how many times one began refusing writes, and how many
     * journal entries were held in memory meanwhile and written once it took them again (PlayJournal's lines).
     */
    Map<String, Object> journalDisks() throws IOException {
        long refusals = 0;
        long held = 0;
        Pattern written = Pattern.compile("takes writes again; (\\d+) entries held in memory written");
        for (Agent agent : agents) {
            for (String line : Files.readAllLines(agent.log())) {
                refusals += line.contains("the journal's disk refuses writes") ? 1 : 0;
                Matcher matcher = written.matcher(line);
                held += matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
            }
        }
        Map<String, Object> keys = new LinkedHashMap<>();
        keys.put("realAgentJournalRefusals", refusals);
        keys.put("realAgentEntriesHeldInMemory", held);
        return keys;
    }

    /** How many agents are still running. */
    long alive() {
        return agents.stream().filter(agent -> agent.process().isAlive()).count();
    }

    /** SIGTERM (the agent journals the spot on screen as ended), then the tmpfs unmounted; safe to call twice. */
    @Override
    public synchronized void close() {
        for (Agent agent : agents) {
            agent.process().destroy();
        }
        for (Agent agent : agents) {
            try {
                if (!agent.process().waitFor(10, TimeUnit.SECONDS)) {
                    agent.process().destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                agent.process().destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        disks.forEach(AgentDisk::unmount);
    }
}
