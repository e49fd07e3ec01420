package io.railcast.server.demo;

import io.railcast.demo.DemoOptions;
import io.railcast.demo.DemoScenario;
import io.railcast.demo.NetworkGenerator;
import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.Creative;
import io.railcast.model.campaign.WeightedCreative;
import io.railcast.server.campaign.CampaignImport;
import io.railcast.server.creative.CreativeCatalog;
import io.railcast.server.network.NetworkCatalog;
import io.railcast.server.planning.PlanningService;
import io.railcast.server.system.StationZone;
import io.railcast.server.user.Role;
import io.railcast.server.user.UserService;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Loads the demo scenario into an empty database before the server plans for the first time, then says where to
 * look. Runs before planning starts (an ApplicationRunner runs before the application is ready), so version 1 is
 * the demo's plan.
 */
@Component
class DemoLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    private static final List<String> USERS = List.of("planner", "csr", "operator");

    private final DemoProperties properties;
    private final NetworkCatalog network;
    private final CreativeCatalog creatives;
    private final CampaignImport campaigns;
    private final UserService users;
    private final PlanningService planning;
    private final Environment environment;
    private final ZoneId zone;
    private final int horizonHours;
    private final Clock clock;

    DemoLoader(
            DemoProperties properties,
            NetworkCatalog network,
            CreativeCatalog creatives,
            CampaignImport campaigns,
            UserService users,
            PlanningService planning,
            Environment environment,
            @Value(StationZone.SETTING) ZoneId zone,
            @Value("${railcast.planning.horizon-hours:72}") int horizonHours,
            Clock clock) {
        this.properties = properties;
        this.network = network;
        this.creatives = creatives;
        this.campaigns = campaigns;
        this.users = users;
        this.planning = planning;
        this.environment = environment;
        this.zone = zone;
        this.horizonHours = horizonHours;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.enabled()) {
            return;
        }
        if (Boolean.TRUE.equals(network.isEmpty().block(TIMEOUT))) {
            load();
        }
        planning.ready().subscribe(ignored -> {}, error -> {}, this::sayWhereToLook);
    }

    private void load() {
        long started = System.nanoTime();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        // flights are drawn around the horizon the server will plan, so that the demo plays today
        DemoOptions options = new DemoOptions(
                properties.seed(),
                properties.stations(),
                properties.screens(),
                properties.campaigns(),
                today,
                1 + (horizonHours + 23) / 24);
        DemoScenario scenario = NetworkGenerator.generate(options);
        network.importAll(scenario.network()).block(TIMEOUT);
        Map<String, Creative> media = new LinkedHashMap<>();
        for (Campaign campaign : scenario.campaigns()) {
            for (WeightedCreative wc : campaign.creatives()) {
                media.putIfAbsent(wc.creative().id(), wc.creative());
            }
        }
        Flux.fromIterable(media.values())
                .flatMap(
                        c -> creatives.add(
                                c.id(),
                                c.durationSeconds(),
                                c.screenTypes(),
                                PlaceholderMedia.png(c),
                                PlaceholderMedia.CONTENT_TYPE),
                        8)
                .then()
                .block(TIMEOUT);
        campaigns.importAll(scenario.campaigns(), "demo").block(TIMEOUT);
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String user : USERS) {
            String password = properties.usersPassword() != null ? properties.usersPassword() : generatePassword();
            users.create(user, password, Role.valueOf(user.toUpperCase(Locale.ROOT)))
                    .block(TIMEOUT);
            passwords.put(user, password);
        }
        log.info(
                "Loaded the demo: {} stations, {} screens, {} creatives, {} campaigns from {} in {} ms",
                scenario.network().stations().size(),
                scenario.network().screens().size(),
                media.size(),
                scenario.campaigns().size(),
                today,
                (System.nanoTime() - started) / 1_000_000);
        if (properties.usersPassword() == null) {
            log.warn("Demo users (passwords shown this once, stored only as BCrypt hashes): {}", passwords);
        } else {
            log.info("Demo users {} have the password of railcast.demo.users-password", USERS);
        }
    }

    private void sayWhereToLook() {
        String base = "http://localhost:" + environment.getProperty("local.server.port", "8080");
        log.info(
                "RailCast demo ready at {} (HTTP Basic: admin, or the demo users {} by role). Try:\n"
                        + "  {}/api/v1/versions/current\n  {}/api/v1/campaigns?kind=COMMERCIAL\n"
                        + "  {}/api/v1/inventory?date={}\n  {}/api/v1/plans/events (Server-Sent Events)",
                base,
                USERS,
                base,
                base,
                base,
                LocalDate.ofInstant(clock.instant(), zone),
                base);
    }

    private static String generatePassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
