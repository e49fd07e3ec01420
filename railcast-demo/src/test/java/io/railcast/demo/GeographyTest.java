package io.railcast.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GeographyTest {

    private final Geography china = Geography.china();

    @Test
    void coversTwentyEightProvincesAndEveryBureau() {
        assertThat(china.provinces())
                .hasSize(28)
                .contains("北京", "上海", "广东", "江苏", "浙江", "山东", "河南", "河北", "湖北", "湖南", "四川", "陕西", "新疆", "青海", "内蒙古");
        assertThat(china.cities().stream().map(City::bureau).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(Geography.BUREAUS);
    }

    @Test
    void mapsProvincesThatSpanTwoBureausCityByCity() {
        assertThat(bureausOf("内蒙古")).containsExactlyInAnyOrder("呼和浩特局", "沈阳局", "哈尔滨局");
        assertThat(bureausOf("河南")).containsExactlyInAnyOrder("郑州局", "武汉局");
        assertThat(bureausOf("湖南")).containsExactly("广州局");
    }

    @Test
    void namesStationsAfterTheirCityWithAsciiCodes() {
        City nanjing = china.cities().stream()
                .filter(c -> c.name().equals("南京"))
                .findFirst()
                .orElseThrow();
        assertThat(nanjing.stations()).extracting(City.StationName::name).startsWith("南京南站", "南京站");
        assertThat(nanjing.stations()).extracting(City.StationName::code).startsWith("NANJINGNAN", "NANJING");
        List<City.StationName> candidates = china.cities().stream()
                .flatMap(city -> city.candidates(new Dice(1)).stream())
                .toList();
        assertThat(candidates).allSatisfy(s -> assertThat(s.code()).matches("[A-Z]+"));
        assertThat(candidates.stream().map(City.StationName::name).distinct()).hasSize(candidates.size());
        assertThat(candidates).hasSizeGreaterThan(1_600);
    }

    private List<String> bureausOf(String province) {
        return china.cities().stream()
                .filter(c -> c.province().equals(province))
                .map(City::bureau)
                .distinct()
                .toList();
    }
}
