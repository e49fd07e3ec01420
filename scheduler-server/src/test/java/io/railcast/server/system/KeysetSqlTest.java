package io.railcast.server.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeysetSqlTest {

    @Test
    void bindsOnlyTheFiltersGivenThenTheCursorAndTheLimit() {
        KeysetSql sql = KeysetSql.ascending("id")
                .where("station_code = {}", "BJN")
                .where("type = {}", null)
                .where("zone = {}", "platform");

        String clause = sql.page(new PageRequest(500, "BJN-0042"));

        assertThat(clause).isEqualTo(" where station_code = $1 and zone = $2 and id > $3 order by id limit $4");
        assertThat(sql.values()).containsExactly("BJN", "platform", "BJN-0042", 501);
    }

    @Test
    void readsNewestFirstBeforeTheCursor() {
        KeysetSql sql = KeysetSql.descending("version");

        assertThat(sql.page(new PageRequest(50, "12"), 12L))
                .isEqualTo(" where version < $1 order by version desc limit $2");
        assertThat(sql.values()).containsExactly(12L, 51);
        assertThat(KeysetSql.descending("version").page(new PageRequest(50, null)))
                .isEqualTo(" order by version desc limit $1");
    }
}
