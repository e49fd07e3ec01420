package io.railcast.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.railcast.model.campaign.Campaign;
import io.railcast.model.campaign.CampaignKind;
import io.railcast.model.campaign.CampaignValidator;
import io.railcast.model.campaign.Frequency;
import io.railcast.model.campaign.Targeting;
import io.railcast.model.network.LoopPolicy;
import io.railcast.model.network.Network;
import io.railcast.model.network.Screen;
import io.railcast.model.network.ScreenType;
import io.railcast.model.network.Station;
import io.railcast.model.network.Tier;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NetworkGeneratorTest {

    private static final DemoOptions DEFAULTS = DemoOptions.defaults();
    private static final DemoScenario SCENARIO = NetworkGenerator.generate(DEFAULTS);
    private static final int HOUR_CAP = 3600 * 65 / 100;
    private static final int WINDOW_CAP_TWELFTHS = 300 * 70 / 100 * 12;
    private static final int CATEGORY_CAP = 3600 * 15 / 100;

    @Test
    void sameSeedGivesAnEqualScenarioAndAnotherSeedADifferentOne() {
        assertThat(NetworkGenerator.generate(DEFAULTS)).isEqualTo(SCENARIO);
        DemoScenario other = NetworkGenerator.generate(DEFAULTS.withSeed(7));
        assertThat(List.copyOf(other.network().stations()))
                .isNotEqualTo(List.copyOf(SCENARIO.network().stations()));
        assertThat(other.campaigns()).isNotEqualTo(SCENARIO.campaigns());
    }

    @Test
    void defaultNetworkHasTheOperatorsShape() {
        Network network = SCENARIO.network();
        assertThat(network.stations()).hasSizeGreaterThanOrEqualTo(500);
        assertThat(network.screens()).hasSize(5_600);
        assertThat(network.stations().stream().map(Station::province).distinct())
                .hasSize(28);
        assertThat(network.stations().stream().map(Station::bureau).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(Geography.BUREAUS);
        assertThat(network.screens().stream().map(Screen::type).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(ScreenType.class));
        assertThat(network.stations().stream().map(Station::tier).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(Tier.class));
        assertThat(network.stations()).allSatisfy(station -> {
            assertThat(station.code()).matches("[A-Z0-9]+");
            assertThat(station.name()).endsWith("站");
            assertThat(station.zone()).isEqualTo(Station.CHINA);
        });
        assertThat(network.stations().stream().map(Station::name).distinct())
                .hasSize(network.stations().size());
    }

    @Test
    void hubsAreFewBigAndOpenPastMidnight() {
        List<Station> hubs = SCENARIO.network().stations().stream()
                .filter(s -> s.tier() == Tier.HUB)
                .toList();
        assertThat(hubs).hasSize(25).extracting(Station::name).contains("北京南站", "上海虹桥站", "广州南站");
        assertThat(hubs).allSatisfy(hub -> {
            assertThat(hub.operatingHours().crossesMidnight()).isTrue();
            assertThat(SCENARIO.network().screensAt(hub.code()).size()).isBetween(35, 50);
        });
        long closingAt22 = SCENARIO.network().stations().stream()
                .filter(s -> s.operatingHours().equals(StationPlanner.LIGHTS_OFF_HOURS))
                .count();
        assertThat(closingAt22).isPositive();
    }

    @Test
    void screensHaveLoopsThatDivideTheHourAndLedWallsSitInHubsAndMajors() {
        for (Screen screen : SCENARIO.network().screens()) {
            LoopPolicy loop = screen.loopPolicy();
            assertThat(loop)
                    .isEqualTo(screen.type() == ScreenType.LED_LARGE ? new LoopPolicy(600, 5) : new LoopPolicy(300, 5));
            assertThat(screen.zone()).isIn("waiting-hall", "ticket-hall", "concourse", "platform");
        }
        for (Station station : SCENARIO.network().stations()) {
            long led = SCENARIO.network().screensAt(station.code()).stream()
                    .filter(s -> s.type() == ScreenType.LED_LARGE)
                    .count();
            boolean standard = station.tier() == Tier.STANDARD;
            assertThat(led).isBetween(standard ? 0L : 1L, standard ? 0L : 2L);
        }
    }

    @Test
    void everyCampaignPassesTheValidator() {
        assertValid(SCENARIO);
        assertValid(NetworkGenerator.generate(
                DEFAULTS.withSeed(42).withNetwork(40, 300).withCampaigns(120)));
        assertValid(NetworkGenerator.generate(DEFAULTS.withNetwork(3, 3).withCampaigns(12)));
    }

    @Test
    void mixHasTheRequestedCountWithUniqueIds() {
        assertThat(SCENARIO.campaigns()).hasSize(300);
        assertThat(SCENARIO.campaigns().stream().map(Campaign::id).distinct()).hasSize(300);
        long commercial = count(c -> c.kind() == CampaignKind.COMMERCIAL);
        assertThat(commercial).isBetween(240L, 270L);
        assertThat(count(c -> c.kind() == CampaignKind.PUBLIC_SERVICE)).isBetween(25L, 45L);
        assertThat(count(c -> c.kind() == CampaignKind.FILLER)).isBetween(3L, 6L);
    }

    @Test
    void mixHasNationalRegionalAndSingleStationBuys() {
        List<Campaign> commercial = commercial();
        assertThat(commercial).anyMatch(c -> c.targeting().equals(Targeting.NETWORK));
        assertThat(commercial)
                .anyMatch(c ->
                        c.targeting().isWholeNetwork() && c.targeting().tiers().equals(Set.of(Tier.HUB, Tier.MAJOR)));
        assertThat(commercial).anyMatch(c -> !c.targeting().provinces().isEmpty());
        assertThat(commercial).anyMatch(c -> c.targeting().provinces().size() == 2);
        assertThat(commercial).anyMatch(c -> !c.targeting().bureaus().isEmpty());
        assertThat(commercial).anyMatch(c -> c.targeting().stations().size() == 1);
        assertThat(commercial).anyMatch(c -> c.targeting().stations().size() > 1);
    }

    @Test
    void mixHasEveryFrequencyKindSold() {
        Set<String> sold = commercial().stream()
                .map(c -> c.frequency().orElseThrow().toString())
                .collect(Collectors.toSet());
        assertThat(sold).contains("1/h", "2/h", "4/h", "12/h", "6/5min", "20/day");
        assertThat(commercial())
                .filteredOn(c -> c.frequency().orElseThrow().toString().equals("6/5min"))
                .allSatisfy(c ->
                        assertThat(c.creatives()).allMatch(wc -> wc.creative().durationSeconds() == 5));
        assertThat(commercial())
                .filteredOn(c -> c.frequency().orElseThrow() instanceof Frequency.PerDay)
                .allSatisfy(c -> assertThat(c.flight().start().toLocalTime()).isEqualTo("00:00"));
    }

    @Test
    void commercialFlightsAndHoursAreVaried() {
        LocalDateTime horizonEnd = DEFAULTS.firstDay().plusDays(DEFAULTS.days()).atStartOfDay();
        assertThat(commercial()).anyMatch(c -> c.flight().end().isAfter(horizonEnd));
        assertThat(commercial()).anyMatch(c -> c.flight().start().getMinute() != 0);
        assertThat(commercial()).anyMatch(c -> c.dailyHours().crossesMidnight());
        assertThat(commercial())
                .anyMatch(c -> c.creatives().size() > 1 && c.creatives().get(0).weight() == 2);
        assertThat(commercial()).allSatisfy(c -> assertThat(c.priceCents()).isPositive());
    }

    @Test
    void publicServiceAdsComeWithAndWithoutFrequency() {
        List<Campaign> psas = SCENARIO.campaigns().stream()
                .filter(c -> c.kind().isPublicService())
                .toList();
        assertThat(psas).anyMatch(c -> c.frequency().isEmpty() && c.targeting().isWholeNetwork());
        assertThat(psas)
                .anyMatch(c -> c.frequency().map(Object::toString).orElse("").equals("1/h")
                        && c.targeting().provinces().size() == 1);
        assertThat(psas)
                .anyMatch(c -> c.frequency().map(Object::toString).orElse("").equals("2/h")
                        && c.targeting().stations().size() == 1);
        assertThat(psas)
                .anyMatch(c -> c.frequency().map(Object::toString).orElse("").equals("6/5min"));
        Campaign charity = psas.stream()
                .filter(c -> c.targeting().isWholeNetwork() && c.frequency().isPresent())
                .findFirst()
                .orElseThrow();
        assertThat(charity.flight().start().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(charity.flight().start().toLocalTime()).isEqualTo("00:00");
        assertThat(charity.flight().end())
                .isEqualTo(charity.flight().start().plusDays(8).withHour(8));
        assertThat(psas)
                .filteredOn(c -> c.frequency().isEmpty())
                .allSatisfy(pool -> assertThat(pool.creatives())
                        .allMatch(wc -> wc.creative().durationSeconds() <= 15
                                && wc.creative().screenTypes().equals(EnumSet.allOf(ScreenType.class))));
    }

    @Test
    void fillersHaveAFiveSecondCreativeForEveryScreenType() {
        List<Campaign> fillers = SCENARIO.campaigns().stream()
                .filter(c -> c.kind() == CampaignKind.FILLER)
                .toList();
        for (ScreenType type : ScreenType.values()) {
            assertThat(fillers)
                    .anyMatch(f -> f.creativesFor(type).stream()
                            .anyMatch(wc -> wc.creative().durationSeconds() == 5));
        }
        assertThat(fillers).allSatisfy(f -> {
            assertThat(f.category()).isEmpty();
            assertThat(f.dailyHours().isAllDay()).isTrue();
            assertThat(f.targeting().isWholeNetwork()).isTrue();
        });
    }

    @Test
    void aboutHalfTheCommercialCampaignsHaveAnExclusiveCategory() {
        Set<String> categories = commercial().stream().map(Campaign::category).collect(Collectors.toSet());
        assertThat(categories).contains("", "automotive", "liquor", "telecom", "banking", "beverage");
        long none = commercial().stream().filter(c -> !c.hasExclusiveCategory()).count();
        assertThat((double) none / commercial().size()).isBetween(0.35, 0.65);
    }

    @Test
    void creativesAreWellFormed() {
        assertThat(SCENARIO.campaigns().stream().flatMap(c -> c.creatives().stream()))
                .allSatisfy(wc -> {
                    assertThat(wc.creative().durationSeconds()).isIn(5, 10, 15, 30);
                    assertThat(wc.creative().sha256()).matches("[0-9a-f]{64}");
                    assertThat(wc.creative().mediaUri())
                            .isEqualTo("media/" + wc.creative().id() + ".mp4");
                    assertThat(wc.creative().sizeBytes()).isBetween(1_000_000L, 30_000_000L);
                });
    }

    @Test
    void noTargetedScreenHourCarriesMoreContractedPlaysThanTheCap() {
        assertThat(peakSeconds(SCENARIO, DEFAULTS)).isPositive();
        // 300 campaigns on 60 screens: the caps bind and drafts have to be shrunk or dropped.
        DemoOptions crowded = DEFAULTS.withSeed(5).withNetwork(28, 60);
        assertThat(peakSeconds(NetworkGenerator.generate(crowded), crowded)).isGreaterThan(HOUR_CAP * 9 / 10);
    }

    @Test
    void generatesTheDefaultScenarioWellUnderTwoSeconds() {
        long start = System.nanoTime();
        NetworkGenerator.generate(DEFAULTS.withSeed(11));
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2_000);
    }

    @Test
    void refusesMoreStationsThanItCanName() {
        assertThatThrownBy(() -> NetworkGenerator.generate(DEFAULTS.withNetwork(5_000, 10_000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stations");
    }

    /** Checks every cap on a recomputation that does not use the generator's ledger, and returns the peak. */
    private static int peakSeconds(DemoScenario scenario, DemoOptions options) {
        ContractedLoad load =
                new ContractedLoad(scenario.network(), scenario.campaigns(), options.firstDay(), options.days());
        assertThat(load.peakSeconds()).isLessThanOrEqualTo(HOUR_CAP);
        assertThat(load.peakWindowTwelfths()).isLessThanOrEqualTo(WINDOW_CAP_TWELFTHS);
        assertThat(load.peakCategorySeconds()).isLessThanOrEqualTo(CATEGORY_CAP);
        return load.peakSeconds();
    }

    private static void assertValid(DemoScenario scenario) {
        CampaignValidator validator = new CampaignValidator(scenario.network());
        assertThat(scenario.campaigns())
                .allSatisfy(c -> assertThat(validator.problems(c)).as(c.id()).isEmpty());
    }

    private static List<Campaign> commercial() {
        return SCENARIO.campaigns().stream()
                .filter(c -> c.kind() == CampaignKind.COMMERCIAL)
                .toList();
    }

    private static long count(java.util.function.Predicate<Campaign> predicate) {
        return SCENARIO.campaigns().stream().filter(predicate).count();
    }
}
