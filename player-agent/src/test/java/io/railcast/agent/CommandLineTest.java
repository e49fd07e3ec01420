package io.railcast.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

    @TempDir
    Path directory;

    @Test
    void takesTheThreeRequiredSettingsAndDefaultsTheRest() throws Exception {
        AgentConfig config = CommandLine.parse(
                "--server", "https://railcast.example.cn", "--token", "t0k3n", "--cache", "/var/cache/railcast");

        assertThat(config.server()).isEqualTo(URI.create("https://railcast.example.cn"));
        assertThat(config.token()).isEqualTo("t0k3n");
        assertThat(config.cacheDirectory()).isEqualTo(Path.of("/var/cache/railcast"));
        assertThat(config.mode()).isEqualTo(AgentConfig.Mode.HEADLESS);
        assertThat(config.horizonHours()).isEqualTo(72);
        assertThat(config.cacheMaxBytes()).isEqualTo(4096L * 1024 * 1024);
        assertThat(config.configFile()).isEmpty();
    }

    @Test
    void acceptsOptionsWrittenWithAnEqualsSign() throws Exception {
        AgentConfig config = CommandLine.parse(
                "--server=http://10.0.0.1:8080",
                "--token=t",
                "--cache=c",
                "--horizon-hours=24",
                "--cache-max-mb=512",
                "--mode=HEADLESS");

        assertThat(config.horizonHours()).isEqualTo(24);
        assertThat(config.cacheMaxBytes()).isEqualTo(512L * 1024 * 1024);
    }

    @Test
    void readsTheConfigFileAndLetsTheCommandLineWin() throws Exception {
        Path file = directory.resolve("agent.properties");
        Files.writeString(
                file, "server=https://railcast.example.cn\ntoken=from-file\ncache=/srv/cache\nhorizon-hours=48\n");

        AgentConfig config = CommandLine.parse("--config", file.toString(), "--horizon-hours", "96");

        assertThat(config.token()).isEqualTo("from-file");
        assertThat(config.horizonHours()).isEqualTo(96);
        assertThat(config.configFile()).contains(file);
        assertThat(CommandLine.readToken(file)).contains("from-file");
    }

    @Test
    void takesKioskModeAndItsPortFromTheCommandLineOrTheFile() throws Exception {
        Path file = directory.resolve("kiosk.properties");
        Files.writeString(file, "server=https://x\ntoken=t\ncache=c\nmode=kiosk\nkiosk-port=18300\n");

        AgentConfig fromFile = CommandLine.parse("--config", file.toString());
        AgentConfig overridden = CommandLine.parse("--config", file.toString(), "--kiosk-port", "0");
        AgentConfig byDefault =
                CommandLine.parse("--server", "https://x", "--token", "t", "--cache", "c", "--mode", "KIOSK");

        assertThat(fromFile.mode()).isEqualTo(AgentConfig.Mode.KIOSK);
        assertThat(fromFile.kioskPort()).isEqualTo(18300);
        assertThat(overridden.kioskPort()).isZero();
        assertThat(byDefault.kioskPort()).isEqualTo(AgentConfig.DEFAULT_KIOSK_PORT);
    }

    @Test
    void asksForHelpWithNoOtherSettingNeeded() throws Exception {
        assertThat(CommandLine.parse("--help")).isNull();
        assertThat(CommandLine.parse("--token", "t", "-h")).isNull();
    }

    @Test
    void namesWhatIsWrongWithABadCommandLine() {
        assertThatThrownBy(() -> CommandLine.parse("--server", "https://x", "--token", "t"))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessage("missing cache directory");
        assertThatThrownBy(() -> CommandLine.parse("--sever", "https://x"))
                .isInstanceOf(CommandLine.UsageException.class)
                .hasMessage("unknown option --sever");
        assertThatThrownBy(() -> CommandLine.parse(
                        "--server", "https://x", "--token", "t", "--cache", "c", "--horizon-hours", "200"))
                .hasMessage("horizon must be 1 to 168 hours, not 200");
        assertThatThrownBy(() ->
                        CommandLine.parse("--server", "https://x", "--token", "t", "--cache", "c", "--mode", "signage"))
                .hasMessageContaining("the modes are headless and kiosk");
        assertThatThrownBy(() -> CommandLine.parse(
                        "--server", "https://x", "--token", "t", "--cache", "c", "--kiosk-port", "70000"))
                .hasMessage("kiosk port must be 0 to 65535, not 70000");
        assertThatThrownBy(() -> CommandLine.parse("--server")).hasMessage("--server needs a value");
    }

    @Test
    void refusesAConfigFileWithAMisspelledKeyRatherThanIgnoreIt() throws IOException {
        Path file = directory.resolve("agent.properties");
        Files.writeString(file, "sever=https://railcast.example.cn\n");

        assertThatThrownBy(() -> CommandLine.parse("--config", file.toString()))
                .hasMessageContaining("unknown setting 'sever'");
    }

    @Test
    void helpExplainsEveryOptionAndExitsZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = Main.run(
                new String[] {"--help"},
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains(
                        "--server URL",
                        "--token TOKEN",
                        "--cache DIR",
                        "--mode MODE",
                        "--kiosk-port PORT",
                        "--horizon-hours N",
                        "--cache-max-mb N",
                        "--config FILE",
                        "--help");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aBadCommandLineExitsTwoWithTheReasonOnStandardError() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = Main.run(
                new String[] {"--token", "t"},
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("missing server URL")
                .contains("--help");
    }

    @Test
    void theConfigKeepsTheTokenOutOfItsDescription() throws Exception {
        AgentConfig config = CommandLine.parse("--server", "https://x", "--token", "s3cr3t", "--cache", "c");

        assertThat(config.toString()).doesNotContain("s3cr3t");
    }
}
